"""Quotes across documents: speakers after linking, and quote groups across outlets.

``attach_speakers`` turns per-document ``ExtractedQuote`` objects into contract
``Quote`` objects once entity linking has run. ``group_quotes`` finds the same
utterance carried by several outlets, even trimmed ("many, many points" / "many
points"), extended, re-punctuated or lightly reworded.

Grouping rules (documented in docs/evaluation.md as well):

* Only verbatim quotes (``direct`` and ``partial``) are grouped; an indirect
  paraphrase is the outlet's wording, not the speaker's.
* Blocking: each quote is indexed under every content word; only quotes sharing
  a word are compared, and words shared by more than ``MAX_BLOCK`` quotes are
  ignored (they are not telling), so the cost grows with the number of quotes,
  not its square. Indexing only the rarest words would miss a trimmed quote
  whose few words are all common ones ("many, many points").
* Two quotes from different documents match when their normalised wordings are
  equal, or, with at least two content words each, when most of the shorter
  one's content words occur in the longer one and rapidfuzz's token-set or
  partial ratio is at least ``MIN_SCORE`` (trimmed / extended quotes), or the
  plain ratio is (reworded ones).
* Matches are joined transitively; a group is kept only when it spans at least
  two *independent* documents (a near-duplicate copy counts with its original),
  since a quote carried by one outlet is not a cross-outlet finding.
* ``variants`` is true when the members' normalised wordings differ;
  ``speaker_conflict`` when members carry different non-null speakers whose
  names cannot be one person's (an unresolved speaker is null and never
  counts; "Trump" and "Donald Trump" left apart by linking raise no flag).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz

from newsprism.crossdoc.persons import parse_name, same_person
from newsprism.extract.cues import ROLE_NOUNS, UNNAMED_PEOPLE
from newsprism.extract.quotes import ExtractedQuote
from newsprism.extract.speakers import INSTITUTIONS, PERSON_GROUPS
from newsprism.models import Entity, Quote, QuoteGroup

MAX_BLOCK = 200
MIN_SCORE = 90.0
MIN_SHARED = 0.6

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "me",
        "us",
        "him",
        "her",
        "them",
        "my",
        "our",
        "your",
        "his",
        "their",
        "not",
        "no",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "so",
        "than",
        "then",
        "too",
        "very",
        "just",
        "also",
        "about",
        "into",
        "over",
        "out",
        "up",
        "down",
        "what",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "such",
        "only",
        "own",
        "same",
        "s",
        "t",
        "don",
        "didn",
        "isn",
        "wasn",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def normalise(text: str) -> str:
    """Casefolded words only: quote style, dashes and punctuation do not count."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(_WORD.findall(folded))


def _content(words: str) -> set[str]:
    return {w for w in words.split() if w not in _STOP and (len(w) > 2 or w.isdigit())}


def attach_speakers(
    quotes: Sequence[ExtractedQuote],
    index: dict[tuple[str, int, int], str],
    entities: Sequence[Entity] = (),
    unresolved: dict[tuple[str, int, int], tuple[str, ...]] | None = None,
    texts: dict[str, str] | None = None,
) -> list[Quote]:
    """Contract quotes with ``speaker`` = the linked entity of ``speaker_ref``, else None.

    ``index`` maps ``(doc_id, start, end)`` of every linked mention to its entity
    id. ``speaker_ref`` is looked up exactly, then by overlap with a mention of
    the same document (tokenisation may differ by a possessive or a title).
    A speaker named in words the NER missed (``speaker_name``) takes the one
    PERSON entity in ``entities`` with that name or alias, title words dropped.

    ``unresolved`` (from ``link.link_story``) maps mentions that fit several
    people to their candidates: a quote whose speaker is such a mention gets no
    speaker, its ``speaker_candidates`` and the text's words as
    ``speaker_label`` ("Mr. Trump"). A speaker the text names only by a role
    ("a police spokesman") keeps those words as its label too.
    """
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (doc, start, end), ent in index.items():
        by_doc[doc].append((start, end, ent))
    for spans in by_doc.values():
        spans.sort()
    open_: dict[str, list[tuple[int, int, tuple[str, ...]]]] = defaultdict(list)
    for (doc, start, end), ids in (unresolved or {}).items():
        open_[doc].append((start, end, ids))
    names = _person_names(entities)
    out: list[Quote] = []
    for q in quotes:
        if q.cognition:
            continue  # "they fear that …" reports a thought: nobody's words to quote
        speaker: str | None = None
        candidates: tuple[str, ...] = ()
        label_span = q.speaker_span
        if q.speaker_ref is not None:
            start, end = q.speaker_ref
            speaker = index.get((q.document, start, end))
            if speaker is None:
                overlapping = [e for s, t, e in by_doc.get(q.document, []) if s < end and start < t]
                speaker = overlapping[0] if overlapping else None
            if speaker is None:
                hits = [c for s, t, c in open_.get(q.document, []) if s < end and start < t]
                if hits:
                    candidates, label_span = hits[0], q.speaker_ref
        elif q.speaker_name:
            speaker = _by_name(q.speaker_name, names)
        label = None
        if speaker is None and label_span is not None and texts and q.document in texts:
            label = speaker_words(texts[q.document], label_span)
        quote = q.to_quote(speaker)
        if label or candidates:
            quote = quote.model_copy(
                update={"speaker_label": label, "speaker_candidates": list(candidates)}
            )
        out.append(quote)
    return sorted(out, key=lambda q: (q.document, q.span, q.id))


_TITLE_BEFORE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev)\.?|"
    r"President|Senator|Governor|Minister|Secretary|First Lady|Lady|Sir|Dame|Judge)\s+$"
)
# Head nouns of a speaker described instead of named: roles, relations, groups,
# and institutions ("according to the county coroner's office").
_PERSON_HEADS = frozenset(
    set(ROLE_NOUNS) | set(UNNAMED_PEOPLE) | PERSON_GROUPS | (INSTITUTIONS - {"side", "state"})
)
# First words of a described speaker that a sentence start capitalises: "Police
# said" and "police said" are one speaker, "A police spokeswoman" and "a police
# spokeswoman" too.
_DESCRIBING = frozenset(
    str.split("a an the some several many most few two three four five other both all local state")
)
# Subject words that name nobody in particular: a pronoun keeps no label.
_NO_LABEL = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "this", "that", "one", "several"}
    | {"both", "each", "all", "either", "neither", "others", "another", "some", "many"}
)


def speaker_words(text: str, span: tuple[int, int]) -> str | None:
    """The words naming a speaker, with a title right before them ("Mr. Trump")."""
    start, end = span
    if not (0 <= start < end <= len(text)):
        return None
    m = _TITLE_BEFORE.search(text, max(0, start - 20), start)
    if m is not None and m.end() == start:
        start = m.start()
    words = " ".join(text[start:end].split())
    if words.lower() in _NO_LABEL:
        return None
    # Only words that name a person or group of people are a speaker's label:
    # "a police spokesman", "Critics", a name; never "The deal" or "This dynamic".
    head = re.sub(r"[^\w-]", "", words.split()[-1])
    if head[:1].isupper() and head.lower() not in _PERSON_HEADS and " " in words:
        return words  # a name the linker did not resolve ("Mr. Trump")
    low = head.lower()
    singular = low[:-1] if low.endswith("s") else low
    if low in _PERSON_HEADS or singular in _PERSON_HEADS:
        return _lower_description(words)
    if words[:1].isupper() and " " not in words:
        return words
    return None


def _lower_description(words: str) -> str:
    """A described speaker in lower case unless it starts with a name ("Ukraine's …")."""
    first = words.split()[0]
    if first.lower() in _DESCRIBING or first.lower() in _PERSON_HEADS or " " not in words:
        return first.lower() + words[len(first) :]
    return words


def _person_names(entities: Sequence[Entity]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for ent in entities:
        if ent.type == "PERSON":
            for name in [ent.name, *ent.aliases]:
                names[normalise(name)].add(ent.id)
    return names


def _by_name(name: str, names: dict[str, set[str]]) -> str | None:
    # "President Tomas Reyes" → "Tomas Reyes" → "Reyes": the longest form that
    # names exactly one person wins; an ambiguous surname names nobody.
    words = normalise(name).split()
    for i in range(len(words)):
        ids = names.get(" ".join(words[i:]), set())
        if len(ids) == 1:
            return next(iter(ids))
        if ids:
            return None
    return None


def _matches(a: str, b: str, ca: set[str], cb: set[str]) -> bool:
    if a == b:
        return True
    if min(len(ca), len(cb)) < 2:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(ca & cb) < MIN_SHARED * min(len(ca), len(cb)):
        return False
    if fuzz.ratio(a, b) >= MIN_SCORE - 5:
        return True
    return max(fuzz.token_set_ratio(a, b), fuzz.partial_ratio(short, long_)) >= MIN_SCORE


def _candidates(
    items: Sequence[Quote], content: Sequence[set[str]], blocks: dict[str, list[int]]
) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) from different documents that share a word of a block of at most
    ``MAX_BLOCK`` quotes, less those that cannot match: ``_matches`` needs the shorter
    quote's content words shared at least ``MIN_SHARED`` (equal wordings share all).
    Words shared are counted per pair with numpy, over the blocks, so most pairs never
    reach Python; a word of an oversized block counts as shared (an upper bound), and
    ``_matches`` decides exactly. Which pairs match does not depend on their order."""
    arrays = {k: np.array(m, dtype=np.intp) for k, m in blocks.items() if len(m) <= MAX_BLOCK}
    size = np.array([len(c) for c in content], dtype=np.intp)
    doc_ids: dict[str, int] = {}
    docs = np.array([doc_ids.setdefault(q.document, len(doc_ids)) for q in items], dtype=np.intp)
    for i, words in enumerate(content):
        parts = []
        oversized = 0
        for key in words:
            arr = arrays.get(key)
            if arr is None:
                oversized += 1
                continue
            at = bisect_right(blocks[key], i)  # blocks list quotes in index order
            if at < len(arr):
                parts.append(arr[at:])
        if not parts:
            continue
        js, shared = np.unique(np.concatenate(parts), return_counts=True)
        fit = (docs[js] != docs[i]) & (
            shared + oversized >= MIN_SHARED * np.minimum(size[js], size[i])
        )
        for j in js[fit].tolist():
            yield i, j


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _one_person(speakers: list[str], entities: dict[str, Entity]) -> bool:
    """Whether every speaker's name could be one person's ("Trump" / "Donald Trump").

    A conflict flag says two *different* people are credited with the same
    words; names that fit one person (a surname alone, a nickname, an initial)
    are not proof of that, so they raise no flag.
    """
    people = [entities.get(s) for s in speakers]
    if any(p is None or p.type != "PERSON" for p in people):
        return False
    names = [parse_name(p.name) for p in people if p is not None]
    return all(
        a.surname == b.surname and (not a.given or not b.given or same_person(a, b))
        for i, a in enumerate(names)
        for b in names[i + 1 :]
    )


def group_quotes(
    quotes: Sequence[Quote],
    texts: dict[str, str],
    duplicate_of: dict[str, str | None],
    entities: Sequence[Entity] = (),
) -> list[QuoteGroup]:
    """Groups of the same quote across at least two independent documents, sorted by id.

    ``texts`` maps document id → cleaned text; a quote whose span does not cut
    its own text is left out (no evidence, no group). ``duplicate_of`` maps a
    document id to the original it copies (None for originals).
    """
    items = sorted(
        (
            q
            for q in quotes
            if q.kind != "indirect" and texts.get(q.document, "")[q.span[0] : q.span[1]] == q.text
        ),
        key=lambda q: q.id,
    )
    by_id = {e.id: e for e in entities}
    words = [normalise(q.text) for q in items]
    content = [_content(w) or set(w.split()) for w in words]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(content):
        for tok in sorted(c):
            blocks[tok].append(i)
    union = _Union(len(items))
    for i, j in _candidates(items, content, blocks):
        if _matches(words[i], words[j], content[i], content[j]):
            union.join(i, j)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        components[union.find(i)].append(i)
    groups: list[QuoteGroup] = []
    for members in components.values():
        roots = {duplicate_of.get(items[i].document) or items[i].document for i in members}
        if len(roots) < 2:
            continue
        ids = sorted(items[i].id for i in members)
        speakers = sorted({s for i in members if (s := items[i].speaker) is not None})
        digest = hashlib.sha256("\n".join(ids).encode()).hexdigest()
        groups.append(
            QuoteGroup(
                id="qg-" + digest[:12],
                quotes=ids,
                speakers=speakers,
                documents=sorted({items[i].document for i in members}),
                variants=len({words[i] for i in members}) > 1,
                speaker_conflict=len(speakers) > 1 and not _one_person(speakers, by_id),
            )
        )
    return sorted(groups, key=lambda g: g.id)
