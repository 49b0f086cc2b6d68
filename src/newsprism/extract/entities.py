"""Entity mentions: spaCy's named entities, cleaned into spans worth linking.

The small English model gets most names right but wraps them in noise that
would split one person into several entities downstream. Each ``doc.ents``
span is cleaned, in this order:

* spans with slot labels (DATE, MONEY, CARDINAL …) are left to later stages;
* a PERSON span cut before a name particle ("Ursula von der" + "Leyen") is
  extended over the rest of the name, and the stray tail entity is dropped;
* a span is split at line breaks (headline + first line merged by NER) and cut
  before a possessive ("Putin's Calculated Patience" → "Putin"): the owner is
  the entity, the rest is what it owns;
* leading determiners, quotes, punctuation and conjunctions are trimmed from
  both ends ("the White House" → "White House", "Kyiv and" → "Kyiv");
* PERSON spans lose leading titles ("President Donald Trump" → "Donald
  Trump"; the list is ``TITLE_WORDS``);
* junk is dropped: a multi-word PERSON with a non-name word ("Leaders Meet",
  a title-cased headline), a single-word PERSON followed by "of <place>"
  ("Embassy of …"), spans that do not start with a capital or digit;
* coordinations of single names are split ("Kharkiv and Sumy" → two
  mentions); an untagged proper noun coordinated with a mention gets a
  mention of its own ("Donetsk and Luhansk" where NER tagged only one);
* dash compounds of names known elsewhere in the document are split
  ("U.S.-Russia", "Trump-Putin"); unknown ones ("Elmendorf-Richardson") stay;
* "<person> of <place>" tagged as one span ("Foreign Minister Anna Brekke of
  Norway") is split into the person and the place, when the part before "of"
  is a person known in the document or follows a title word;
* a single word alone on its line that the document names nowhere else is
  dropped: menu and section labels ("Menu", "World") above the article.

Every mention keeps ``text == doc_text[start:end]``. ``context_place`` records
that the parse puts the mention where only places go ("in Luhansk", "fled
from Kharkiv", "annex Crimea", "the Donbas region", "the city of Sumy",
"Norway's prime minister"); linking uses it to overrule a PERSON or ORG
label. ``context_person`` records what only people get: a title right before
the name ("President Reyes") or a "who" clause ("Brekke, who leads …");
linking uses it to keep a name from turning into a place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from newsprism.extract.gazetteer import place_names
from newsprism.extract.mention_context import (
    AREA_PREPS as AREA_PREPS,
)
from newsprism.extract.mention_context import (
    DIRECTION_PREPS as DIRECTION_PREPS,
)
from newsprism.extract.mention_context import (
    FROM_ONLY_WORDS as FROM_ONLY_WORDS,
)
from newsprism.extract.mention_context import (
    IN_NOT_PLACE as IN_NOT_PLACE,
)
from newsprism.extract.mention_context import (
    LONE_TITLES as LONE_TITLES,
)
from newsprism.extract.mention_context import (
    MOTION_WORDS as MOTION_WORDS,
)
from newsprism.extract.mention_context import (
    OF_PLACE_NOUNS as OF_PLACE_NOUNS,
)
from newsprism.extract.mention_context import (
    PERSON_TITLES as PERSON_TITLES,
)
from newsprism.extract.mention_context import (
    PLACE_NOUNS as PLACE_NOUNS,
)
from newsprism.extract.mention_context import (
    PLACE_OWNED as PLACE_OWNED,
)
from newsprism.extract.mention_context import (
    TERRITORY_VERBS as TERRITORY_VERBS,
)
from newsprism.extract.mention_context import (
    person_context as person_context,
)
from newsprism.extract.mention_context import (
    place_context as place_context,
)
from newsprism.extract.mention_noise import drop_headline_noise
from newsprism.extract.person_names import person_votes
from newsprism.nlp.columns import TokenColumns
from newsprism.nlp.parsed import Parsed

Span = Any  # spacy.tokens.Span; spaCy ships no type stubs
Token = Any  # spacy.tokens.Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Labels under which a one-word span may have lost its given name ("Marcus
# Delaney" tagged LAW "Delaney"); places are left alone ("Kettle County").
_WIDENED = _words("PERSON ORG LAW WORK_OF_ART NORP FAC PRODUCT EVENT")


@dataclass(frozen=True)
class EntityMention:
    """One cleaned named-entity span in one document."""

    document: str
    start: int
    end: int
    text: str
    label: str
    context_place: bool = False
    context_person: bool = False


KEEP_LABELS: frozenset[str] = _words("PERSON ORG GPE LOC NORP FAC EVENT WORK_OF_ART LAW")

# Titles and role words stripped from the start of PERSON spans. Lowercase,
# without a trailing dot ("Sen." matches "sen"). Multi-word titles ("Prime
# Minister", "Foreign Minister") fall out of stripping word by word.
TITLE_WORDS: frozenset[str] = _words("""
    president vice prime minister chancellor premier mr mrs ms miss mx dr prof professor
    sen senator gov governor rep representative congressman congresswoman king queen
    prince princess pope cardinal archbishop bishop rev reverend father sister saint
    sir dame lord lady sheikh emir sultan ayatollah imam rabbi secretary general gen
    lt col colonel capt captain maj major sgt sergeant adm admiral commander marshal
    chief deputy acting former foreign defense defence interior finance state
    ambassador envoy spokesman spokeswoman spokesperson mayor judge justice attorney
    chairman chairwoman chair ceo director leader speaker first press
    """)

# Lowercase particles inside surnames: a PERSON span ending in one of these was
# cut short by NER ("Ursula von der" + "Leyen").
NAME_PARTICLES: frozenset[str] = _words(
    "von van der den de del della di da dos du la le al el bin ibn ben ter"
)


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_TRIM_CHARS = "\"'“”‘’«»()[]{}<>,;:!?*|/\\–—-_ \t\r\n"
_DASH = re.compile(r"\s*[-–—]\s*")
_COORD = frozenset({"and", "or"})


def _is_possessive(tok: Token) -> bool:
    return bool(tok.tag_ == "POS" or (tok.text in _POSSESSIVES and tok.i > 0))


def _is_trimmable(tok: Token) -> bool:
    if tok.is_space or tok.is_punct or tok.is_quote or tok.is_bracket:
        return True
    return bool(tok.pos_ in ("DET", "CCONJ") or tok.lower_ in ("the", "a", "an", "and", "or"))


def _is_title(tok: Token) -> bool:
    return bool(tok.lower_.rstrip(".") in TITLE_WORDS)


def _fix_particles(doc: Any) -> list[tuple[int, int, str]]:
    """Kept entity spans as token ranges, with cut-short particle names extended."""
    out: list[tuple[int, int, str]] = []
    covered_until = 0
    for ent in doc.ents:
        if ent.start < covered_until or ent.label_ not in KEEP_LABELS:
            continue
        end = ent.end
        if ent.label_ == "PERSON" and doc[end - 1].lower_ in NAME_PARTICLES:
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                end += 1
        out.append((ent.start, end, ent.label_))
        covered_until = end
    return out


def _segments(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """Split at line breaks, cut each piece at its first possessive, trim the ends."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end + 1):
        if i == end or doc[i].is_space:
            pieces.append((begin, i))
            begin = i + 1
    out = []
    for s, e in pieces:
        for i in range(s, e):
            if _is_possessive(doc[i]):
                e = i
                break
        while s < e and _is_trimmable(doc[s]):
            s += 1
        while e > s and _is_trimmable(doc[e - 1]):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _person_of_place(doc: Any, s: int, e: int, known: dict[str, str]) -> int | None:
    """Index of "of" in "<person> of <place>" spans to split there, else None."""
    for k in range(s + 2, e - 1):
        if doc[k].lower_ != "of":
            continue
        person = doc[s:k]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in person) or k - s > 3:
            return None
        titled = s > 0 and doc[s - 1].lemma_.lower().rstrip(".") in TITLE_WORDS
        if known.get(person.text) == "PERSON" or titled:
            return k
        return None
    return None


def _person_ok(doc: Any, s: int, e: int) -> bool:
    """False for PERSON spans that are not names ("Leaders Meet", "Embassy of …")."""
    if e - s > 1:
        for tok in doc[s:e]:
            if tok.pos_ not in ("PROPN", "PUNCT") and tok.lower_ not in NAME_PARTICLES:
                return False
    elif e + 1 < len(doc) and doc[e].lower_ == "of" and doc[e + 1].ent_type_ in ("GPE", "LOC"):
        return False
    return True


def _coordinated(
    doc: Any, s: int, e: int, label: str, known: dict[str, str]
) -> list[tuple[int, int]]:
    """Split "Kharkiv and Sumy" into its single-word conjuncts; else keep the span."""
    words = [t for t in doc[s:e] if t.lower_ not in _COORD and not t.is_punct]
    joints = [t for t in doc[s:e] if t.lower_ in _COORD]
    if not joints or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in words):
        return [(s, e)]
    if len(words) != len(joints) + 1 or len({t.text for t in words}) != len(words):
        return [(s, e)]
    if label in ("WORK_OF_ART", "LAW", "EVENT", "FAC"):
        return [(s, e)]
    # Company names ("Procter and Gamble") are ORG too: split an ORG only when a
    # conjunct is known as something else in this document, or every conjunct
    # is a known place ("Kharkiv and Sumy").
    other = any(known.get(t.text, "ORG") != "ORG" for t in words)
    if label == "ORG" and not other and not all(t.text in place_names() for t in words):
        return [(s, e)]
    return [(t.i, t.i + 1) for t in words]


def _dash_parts(text: str, known: dict[str, str]) -> list[tuple[int, int]] | None:
    """Offsets of the parts of "U.S.-Russia"; None when the compound stays whole."""
    parts: list[tuple[int, int]] = []
    pos = 0
    for m in _DASH.finditer(text):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(text)))
    if len(parts) < 2 or not any(text[a:b] in known for a, b in parts):
        return None
    out: list[tuple[int, int]] = []
    for a, b in parts:
        piece = text[a:b]
        words = [(m.start() + a, m.end() + a) for m in re.finditer(r"\S+", piece)]
        if piece in known or (len(words) == 1 and piece[:1].isupper()):
            out.append((a, b))
        elif words and all(text[x:y] in known for x, y in words):
            out.extend(words)
    return out


def _strip_chars(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in _TRIM_CHARS:
        end -= 1
    return start, end


def _span_text(text: str, cols: TokenColumns, s: int, e: int) -> str:
    """``doc[s:e].text`` for ``s < e``: the document text from the first token to the
    end of the last (no ``Span`` and no join over its tokens)."""
    return text[cols.start[s] : cols.start[e - 1] + cols.length[e - 1]]


def _known_names(
    text: str,
    cols: TokenColumns,
    spans: list[tuple[int, int, str]],
    segments: list[list[tuple[int, int]]],
) -> dict[str, str]:
    """Cleaned entity texts of this document → their most frequent label
    (``segments[k]`` is ``_segments`` of ``spans[k]``)."""
    votes: dict[str, Counter[str]] = {}
    for (_, _, label), segs in zip(spans, segments, strict=True):
        for s, e in segs:
            votes.setdefault(_span_text(text, cols, s, e), Counter())[label] += 1
    return {t: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for t, c in votes.items()}


def extract_mentions(doc_id: str, sdoc: Any) -> list[EntityMention]:
    """Cleaned entity mentions of one parsed document (a ``Parsed`` or a spaCy ``Doc``)."""
    parsed = Parsed.of(sdoc)
    sdoc, text = parsed.sdoc, parsed.text
    cols = parsed.columns
    lowers = cols.lower
    spans = _fix_particles(sdoc)
    # Each span's segments, cut once for the vote on labels and once for the mentions.
    segments = [_segments(sdoc, start, end) for start, end, _ in spans]
    known = _known_names(text, cols, spans, segments)
    found: dict[tuple[int, int], EntityMention] = {}
    covered = {i for start, end, _ in spans for i in range(start, end)}

    def emit(start: int, end: int, label: str, place: bool, person: bool = False) -> None:
        start, end = _strip_chars(text, start, end)
        piece = text[start:end]
        if not piece or not (piece[0].isupper() or piece[0].isdigit()):
            return
        mention = EntityMention(doc_id, start, end, piece, label, place, person)
        found.setdefault((start, end), mention)

    for (_, _, span_label), segs in zip(spans, segments, strict=True):
        for seg_s, seg_e in segs:
            pieces = [(seg_s, seg_e, span_label)]
            k = None if span_label == "PERSON" else _person_of_place(sdoc, seg_s, seg_e, known)
            if k is not None:
                place_text = sdoc[k + 1 : seg_e].text
                pieces = [(seg_s, k, "PERSON"), (k + 1, seg_e, known.get(place_text, "GPE"))]
            for s, e, label in pieces:
                if label in _WIDENED:
                    s = _given_name_start(sdoc, s, e)
                if label == "PERSON":
                    while e - s > 1 and _is_title(sdoc[s]):
                        s += 1
                    if sdoc[s].lower_.rstrip(".") in LONE_TITLES or not _person_ok(sdoc, s, e):
                        continue
                # No "and"/"or" in the span: ``_coordinated`` keeps it whole.
                joined = any(lowers[i] in _COORD for i in range(s, e))
                coordinated = _coordinated(sdoc, s, e, label, known) if joined else [(s, e)]
                for cs, ce in coordinated:
                    root = sdoc[cs:ce].root
                    place = place_context(root, cols)
                    person = person_context(sdoc, cs, ce, cols)
                    # ``span.text``, ``span.start_char`` and ``span.end_char``, from the lists.
                    base = cols.start[cs]
                    span_text = _span_text(text, cols, cs, ce)
                    parts = _dash_parts(span_text, known)
                    if parts is None:
                        emit(base, base + len(span_text), label, place, person)
                    else:
                        for a, b in parts:
                            emit(base + a, base + b, known.get(span_text[a:b], label), place)
                    _add_conjuncts(sdoc, root, label, place, covered, emit)
    _add_known_name_words(sdoc, cols, found, covered, emit)
    ordered = sorted(found.values(), key=lambda m: (m.start, m.end))
    # The document votes on who is a person ("Marcus Delaney, 19," typed ORG).
    votes = person_votes(sdoc, text, ordered, place_names(), cols)
    # Only a relabelled mention is rebuilt (``replace`` per mention was a cost of its own).
    labels = [votes.get((m.start, m.end), m.label) for m in ordered]
    ordered = [
        m if label == m.label else replace(m, label=label)
        for m, label in zip(ordered, labels, strict=True)
    ]
    return drop_headline_noise(sdoc, text, ordered, cols)


def _given_name_start(doc: Any, s: int, e: int) -> int:
    """Start of a one-word name span widened over the given name NER left out.

    "Ana Pike" tagged as ORG "Pike" alone would stand for the one other Pike
    the document names in full; a capitalised proper noun right before it,
    attached to it as a compound, untagged and no title word, is its given name.
    """
    if e - s != 1 or s == 0:
        return s
    before = doc[s - 1]
    if (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.head.i == s
        and before.text[:1].isupper()
        and not before.ent_type_
        and not _is_title(before)
        and "\n" not in before.text_with_ws
    ):
        return s - 1
    return s


def _add_known_name_words(
    doc: Any,
    cols: TokenColumns,
    found: dict[tuple[int, int], EntityMention],
    covered: set[int],
    emit: Callable[[int, int, str, bool, bool], None],
) -> None:
    """Mentions for a person's given name or surname the NER left untagged.

    "Hale said", "Emil waited", "the Trump-Putin summit": a proper noun that is
    a word of a multi-word PERSON mention of this document names that person
    (or, for a surname two people share, one of them: linking decides). One
    pass over the tokens.
    """
    words = {
        w
        for m in found.values()
        if m.label == "PERSON" and " " in m.text
        for w in m.text.split()
        if len(w) > 2
        and w[:1].isupper()
        and w.lower().rstrip(".") not in NAME_PARTICLES
        and w.lower().rstrip(".") not in TITLE_WORDS
        and not w.endswith(".")
    }
    if not words:
        return
    taken = {i for m in found.values() for i in range(m.start, m.end)}
    # The word test first, from the lists: a ``Token`` only for a name word.
    for i in [i for i, text in enumerate(cols.text) if text in words]:
        if i in covered:
            continue
        tok = doc[i]
        if tok.ent_type_ or tok.idx in taken:
            continue
        # In "the Voss-Kirov summit" the tagger reads the names as adjectives.
        dashed = any(
            0 <= j < len(doc) and doc[j].text in ("-", "\u2013") for j in (tok.i - 1, tok.i + 1)
        )
        if tok.pos_ != "PROPN" and not dashed:
            continue
        # "Marcus Delaney" untagged beside "Denise Delaney": the given name the
        # NER left out makes it another person, not the one named in full.
        start = (
            tok.i if dashed or tok.i - 1 in covered else _given_name_start(doc, tok.i, tok.i + 1)
        )
        emit(
            doc[start].idx,
            tok.idx + len(tok.text),
            "PERSON",
            place_context(tok, cols),
            person_context(doc, start, tok.i + 1, cols),
        )


def _add_conjuncts(
    doc: Any,
    root: Token,
    label: str,
    place: bool,
    covered: set[int],
    emit: Callable[[int, int, str, bool], None],
) -> None:
    """Mentions for untagged proper nouns coordinated with ``root`` ("Donetsk and Luhansk")."""
    near = [t for t in root.children if t.dep_ == "conj"]
    if root.dep_ == "conj":
        near.append(root.head)
    for tok in near:
        if (
            tok.i not in covered
            and tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and not tok.ent_type_
            and not _is_title(tok)
        ):
            covered.add(tok.i)
            emit(tok.idx, tok.idx + len(tok.text), label, place)
