"""Quotes and reported speech in one parsed document, with their speakers.

``extract_quotes(doc_id, sdoc, mentions)`` finds three kinds of attribution:

* ``direct``: a quoted utterance in any quotation style (straight or curly double
  quotes, single quotes used as quote marks, guillemets; a quote running over
  several paragraphs where each paragraph reopens it is one quote);
* ``partial``: a quoted fragment inside a sentence (called the talks "productive");
* ``indirect``: the clause complement of a reporting verb (``X said that …``,
  ``X warned …``) or the clause beside ``according to X``, without the cue.

A quoted span is a quote only when a reporting cue governs it or stands next to
it, or when it is a full sentence on its own (a long cue-less quote keeps
``speaker_span`` None). Short quoted spans with no cue are scare quotes, slogans
or names of things ("a backdrop reading …") and are dropped: unknown beats wrong.

Spans: a direct/partial quote's span is the text *inside* the marks, so
``text[span]`` is exactly the quoted words. ``speaker_span`` points at the speaker
words in this document (the pronoun for "he said"); ``speaker_ref`` is the span
of the named mention the speaker resolves to (see ``coref``), which
``crossdoc.quotes.attach_speakers`` maps to an entity id after linking.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from newsprism.extract.coref import MentionLike, Resolver
from newsprism.extract.cues import (
    NAMING_VERBS,
    NON_SPEAKERS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SPEECH_VERBS,
    THOUGHT_VERBS,
)
from newsprism.extract.quote_marks import Quoted, find_quoted
from newsprism.models import Quote

Span = tuple[int, int]
Kind = Literal["direct", "partial", "indirect"]

QUOTE_OPENERS = frozenset("\u201c\"\u00ab\u201e\u2018'")
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# A cue-less quoted span must look like an utterance of its own to be kept.
MIN_UNATTRIBUTED_WORDS = 6
_EXPLETIVE = frozenset({"that", "this", "it", "there"})
_WH_ASIDE = frozenset({"where", "which", "who", "whose", "whom", "when"})
_NOMINAL_DEPS = frozenset({"acl", "amod", "pobj", "dobj", "compound", "appos", "attr", "nsubj"})
_BETWEEN_OK = frozenset(
    {"PUNCT", "PRON", "PROPN", "DET", "ADJ", "NOUN", "ADV", "ADP", "NUM", "SPACE"}
)


@dataclass(frozen=True)
class _Who:
    """A speaker as found in one document (see ``_Doc.speaker``)."""

    span: Span | None
    ref: Span | None
    # The written name of a speaker with no entity mention here ("Anneliese
    # Kroll" that the NER missed); matched against linked entity names later.
    name: str | None = None


_NOBODY = _Who(None, None)


@dataclass(frozen=True)
class ExtractedQuote:
    """A ``models.Quote`` before linking, plus the named mention of its speaker."""

    id: str
    document: str
    span: Span
    text: str
    kind: Kind
    cue: str | None
    speaker_span: Span | None
    speaker_ref: Span | None
    # Where the cue sits; quotes sharing it are fragments of one attribution
    # (“A,” she said, “B.”). Not part of the brief contract.
    cue_span: Span | None = None
    speaker_name: str | None = None

    def to_quote(self, speaker: str | None) -> Quote:
        return Quote(
            id=self.id,
            document=self.document,
            span=self.span,
            text=self.text,
            kind=self.kind,
            speaker=speaker,
            speaker_span=self.speaker_span,
            cue=self.cue,
        )


def quote_id(doc_id: str, span: Span) -> str:
    digest = hashlib.sha256(f"{doc_id}:{span[0]}:{span[1]}".encode()).hexdigest()
    return "q-" + digest[:12]


def _end(tok: Any) -> int:
    return int(tok.idx) + len(tok)


def _is_cue(tok: Any, quoted_tok: set[int]) -> bool:
    if tok.i in quoted_tok or tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma not in SPEECH_VERBS:
        return False
    # "a plan called the 'X'", "a backdrop reading 'X'": a participle that
    # modifies a noun, or is parsed as one, names a thing rather than a speech.
    return not (lemma in NAMING_VERBS and tok.dep_ in _NOMINAL_DEPS)


class _Doc:
    """Per-document state shared by the rules below."""

    def __init__(self, doc_id: str, sdoc: Any, mentions: Sequence[MentionLike]):
        self.doc_id = doc_id
        self.sdoc = sdoc
        self.text: str = sdoc.text
        self.quoted: list[Quoted] = find_quoted(self.text)
        self.quoted_tok: set[int] = set()
        for q in self.quoted:
            span = sdoc.char_span(q.open, q.close + 1, alignment_mode="expand")
            if span is not None:
                self.quoted_tok.update(range(span.start, span.end))
        self.mentions = sorted(
            (m for m in mentions if m.label in SPEAKER_LABELS), key=lambda m: (m.start, m.end)
        )
        self.resolver = Resolver(sdoc, list(mentions), [(q.open, q.close + 1) for q in self.quoted])

    def mention_at(self, start: int, end: int) -> Span | None:
        for m in self.mentions:
            if m.start < end and start < m.end:
                return (m.start, m.end)
        return None

    # ------------------------------------------------------------------ cues

    def cue_for(self, tokens: Any) -> Any | None:
        """The reporting verb that governs or introduces a quoted token span."""
        inside = set(range(tokens.start, tokens.end))
        best: tuple[int, int, Any] | None = None
        for tok in tokens:
            head, steps = tok.head, 1
            while head.i not in inside and steps <= 3:
                if _is_cue(head, self.quoted_tok) and self._same_paragraph(head, tokens):
                    dist = min(abs(head.i - tokens.start), abs(head.i - tokens.end))
                    if best is None or (steps, dist) < best[:2]:
                        best = (steps, dist, head)
                    break
                if head.head.i == head.i:
                    break
                head, steps = head.head, steps + 1
        if best is not None:
            return best[2]
        return self._adjacent_cue(tokens)

    def _same_paragraph(self, tok: Any, tokens: Any) -> bool:
        # A parse can run across paragraphs; a cue never reaches into another one.
        lo, hi = sorted((tok.idx, _end(tokens[-1]) if tok.i >= tokens.end else tokens[0].idx))
        return "\n" not in self.text[lo:hi]

    def _adjacent_cue(self, tokens: Any) -> Any | None:
        sdoc = self.sdoc
        # After the closing mark: ‘,” he said’ / ‘,” said Trump’ / ‘” Trump added’.
        i, seen = tokens.end, 0
        while i < len(sdoc) and seen < 6:
            tok = sdoc[i]
            if tok.i in self.quoted_tok and i > tokens.end + 1:
                break
            if _is_cue(tok, self.quoted_tok):
                return tok
            if tok.pos_ not in _BETWEEN_OK or "\n" in tok.text:
                break
            seen += 0 if tok.pos_ == "PUNCT" else 1
            i += 1
        # Before the opening mark: ‘Trump said: “’ / ‘he told reporters, “’.
        i, seen = tokens.start - 1, 0
        while i >= 0 and sdoc[i].pos_ == "PUNCT" and seen < 3:
            i, seen = i - 1, seen + 1
        if i >= 0 and sdoc[i].lower_ == "that":
            i -= 1
        seen = 0
        while i >= 0 and seen < 5:
            tok = sdoc[i]
            if "\n" in tok.text_with_ws or tok.i in self.quoted_tok:
                break
            if _is_cue(tok, self.quoted_tok) or tok.lower_ == "according":
                return tok
            if tok.pos_ not in _BETWEEN_OK:
                break
            i, seen = i - 1, seen + 1
        return None

    # ------------------------------------------------------------------ speakers

    def colon_speaker(self, tokens: Any) -> Span | None:
        """``Jane Doe: “…”`` — a name right before a colon that opens the quote."""
        i = tokens.start - 1
        while i >= 0 and self.sdoc[i].text in QUOTE_OPENERS:
            i -= 1
        if i < 1 or self.sdoc[i].text != ":":
            return None
        name = self.sdoc[i - 1]
        return self.mention_at(name.idx, _end(name)) if name.pos_ == "PROPN" else None

    def subject_of(self, cue: Any, depth: int = 0) -> Any | None:
        if cue.lower_ == "according":  # "according to X: “…”"
            to = [c for c in cue.children if c.lower_ == "to"]
            objs = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
            return objs[0] if objs else None
        # Two subjects mean the parser glued a dateline ("CITY, March 3 —") or a
        # headline onto the sentence; the one nearest the verb is the real one.
        subjects = sorted(
            (c for c in cue.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - cue.i)
        )
        for child in subjects[:1]:
            if "\n" in self.text[min(child.idx, cue.idx) : max(child.idx, cue.idx)]:
                return None  # the parser joined a headline to the next sentence
            if child.lower_ in ("who", "that") and cue.dep_ == "relcl":
                return cue.head
            return child
        for child in cue.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                return objs[0] if objs else None
        if any(c.dep_ == "nsubjpass" for c in cue.children):
            return None  # "Trump was told …": the subject is the addressee
        # "Trump praised the talks, calling them …" / "… and added": the
        # participle or conjunct shares the subject of the verb it hangs on.
        if cue.dep_ in ("advcl", "conj", "xcomp") and depth < 3 and cue.head.i != cue.i:
            return self.subject_of(cue.head, depth + 1)
        # "The bloc's chief, Jane Roe, repeated that …" is sometimes parsed with the
        # verb as a participle hanging on the name: the name is still its subject.
        if cue.dep_ == "acl" and cue.head.pos_ == "PROPN" and cue.tag_ in ("VBD", "VBN"):
            return cue.head
        return None

    def speaker(self, subj: Any | None) -> _Who:
        """Who a subject token names: its span here, its named mention, its name."""
        if subj is None or subj.i in self.quoted_tok:
            return _NOBODY
        if subj.pos_ in ("PROPN", "NOUN") and any(
            c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") for c in subj.children
        ):
            # "Reyes and Marchenko said …": a joint statement has no single speaker.
            lo = max(subj.left_edge.idx, self.text.rfind("\n", 0, subj.idx) + 1)
            return _Who((lo, _end(subj.right_edge)), None)
        named = self.mention_at(subj.idx, _end(subj))
        if named is not None:
            return _Who(named, self._person(subj, named))
        low = subj.lower_
        if low in NON_SPEAKERS:
            return _NOBODY
        if subj.pos_ == "PRON":
            span = (subj.idx, _end(subj))
            if low in PRONOUN_GENDER:
                return _Who(span, self.resolver.resolve_pronoun(subj))
            return _Who(span, None)
        for child in subj.children:
            if child.dep_ == "appos":
                named = self.mention_at(child.idx, _end(child))
                if named is not None:
                    return _Who(named, self._person(child, named))
                if child.pos_ == "PROPN":
                    return self._name(child)
        if subj.lemma_.lower() in ROLE_NOUNS:
            return _Who(self._phrase(subj), self.resolver.resolve_role(subj))
        if subj.pos_ == "PROPN":
            return self._name(subj)
        if subj.text[:1].isupper():
            return _Who(self._phrase(subj), self.resolver.resolve_name(subj))
        return _Who(self._phrase(subj), None)

    def _phrase(self, head: Any) -> Span:
        mods = [c for c in head.children if c.dep_ in ("det", "amod", "compound", "poss", "nummod")]
        start = min([head.idx] + [m.left_edge.idx for m in mods])
        # A headline glued onto the subject by the parser is not part of it.
        start = max(start, self.text.rfind("\n", 0, head.idx) + 1)
        return (start, _end(head))

    def _person(self, tok: Any, named: Span) -> Span:
        # A surname the NER typed ORG ("Reyes said") stands for the person the
        # document names in full elsewhere; its own mention would link to an ORG.
        label = next((m.label for m in self.mentions if (m.start, m.end) == named), "")
        if label == "PERSON":
            return named
        return self.resolver.person_ref(tok) or named

    def _name(self, head: Any) -> _Who:
        """A proper-name subject the NER missed: resolve it, else keep its words."""
        span = self._phrase(head)
        ref = self.resolver.resolve_name(head)
        if ref is not None:
            return _Who(span, ref)
        words = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        lo = min([head.idx] + [w.idx for w in words if w.i < head.i])
        return _Who(span, None, self.text[lo : _end(head)])


def _kind_of(text: str, q: Quoted, tokens: Any) -> Kind:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    before = text[: q.open].rstrip()
    # A quote opening a sentence, or right after "said," / "said:", is an utterance
    # of its own; one woven into a sentence ("called it a “…”") is partial.
    clause_start = not before or before[-1] in '.:,;!?\n\u201d"\u2019)' or tokens[0].is_sent_start
    starts_upper = text[q.start : q.start + 1].isupper()
    if len(words) >= 3 and clause_start and (starts_upper or before[-1:] in (",", ":")):
        return "direct"
    if len(words) >= 3 and starts_upper and q.end > q.start and text[q.end - 1] in ".!?":
        return "direct"
    return "partial"


def _continues(text: str, prev_close: int, open_: int) -> bool:
    """Whether a quote opening at ``open_`` carries on the quote closed at ``prev_close``.

    True when it opens a sentence in the same paragraph with at most one short
    attribution sentence in between, or opens the very next paragraph (a quote
    paragraph following a quote paragraph, the usual run of a long statement).
    """
    between = text[prev_close + 1 : open_]
    if between.strip() == "":
        return between.count("\n") <= 2  # next paragraph, blank line or not
    if between.count("\n") > 1 or len(between) > 120:
        return False
    if "\n" in between:
        return False
    stripped = between.rstrip()
    return stripped.endswith((".", ":", "!", "?")) and stripped.count(".") <= 1


def _quoted_quotes(d: _Doc) -> list[ExtractedQuote]:
    out: list[ExtractedQuote] = []
    prev: ExtractedQuote | None = None
    prev_close = -1
    for q in d.quoted:
        tokens = d.sdoc.char_span(q.start, q.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            continue
        kind = _kind_of(d.text, q, tokens)
        cue = d.cue_for(tokens)
        span = (q.start, q.end)
        if cue is not None:
            who = d.speaker(d.subject_of(cue))
            item = ExtractedQuote(
                quote_id(d.doc_id, span),
                d.doc_id,
                span,
                d.text[q.start : q.end],
                kind,
                cue.text,
                who.span,
                who.ref,
                (cue.idx, _end(cue)),
                who.name,
            )
        else:
            words = [t for t in tokens if not t.is_punct and not t.is_space]
            if kind != "direct" or len(words) < MIN_UNATTRIBUTED_WORDS:
                continue  # scare quote, slogan, title of a thing
            if prev is not None and _continues(d.text, prev_close, q.open):
                # “A,” she said. “B.” — B carries on the attributed quote A.
                item = ExtractedQuote(
                    quote_id(d.doc_id, span),
                    d.doc_id,
                    span,
                    d.text[q.start : q.end],
                    kind,
                    None,
                    prev.speaker_span,
                    prev.speaker_ref,
                    prev.cue_span,
                    prev.speaker_name,
                )
            else:
                named = d.colon_speaker(tokens)
                item = ExtractedQuote(
                    quote_id(d.doc_id, span),
                    d.doc_id,
                    span,
                    d.text[q.start : q.end],
                    kind,
                    None,
                    named,
                    named,
                )
        out.append(item)
        if item.speaker_span is not None or item.cue_span is not None:
            prev, prev_close = item, q.close
        else:
            prev = None
    return out


def _trimmed(d: _Doc, left: Any, right: Any) -> Span | None:
    """Char span from token ``left`` to token ``right`` without edge punctuation."""
    i, j = left.i, right.i
    while i <= j and (d.sdoc[i].is_punct or d.sdoc[i].is_space):
        i += 1
    while j >= i and (d.sdoc[j].is_punct or d.sdoc[j].is_space):
        j -= 1
    if j - i < 1:
        return None
    return (d.sdoc[i].idx, _end(d.sdoc[j]))


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _covered(span: Span, quotes: list[ExtractedQuote]) -> bool:
    size = span[1] - span[0]
    for q in quotes:
        overlap = min(span[1], q.span[1]) - max(span[0], q.span[0])
        if overlap > 0 and overlap * 2 >= size:
            return True
    return False


def _indirect_quotes(d: _Doc, direct: list[ExtractedQuote]) -> list[ExtractedQuote]:
    out: list[ExtractedQuote] = []
    for tok in d.sdoc:
        if tok.i in d.quoted_tok:
            continue
        span: Span | None = None
        cue_text = tok.text
        subj: Any | None = None
        if tok.lower_ == "according":
            to = [c for c in tok.children if c.lower_ == "to"]
            objs = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
            if not objs:
                continue
            subj, cue_text = objs[0], "according to"
            sent = tok.sent
            phrase = (tok.i, objs[0].right_edge.i)
            left = (sent.start, phrase[0] - 1)
            right = (phrase[1] + 1, sent.end - 1)
            side = left if left[1] - left[0] >= right[1] - right[0] else right
            if left[1] >= left[0] and _starts_conjunct(d.sdoc, right):
                # "The talks lasted nine hours, according to X, and brought …": the
                # source vouches for the clause it interrupts, not the one after.
                side = left
            if side[1] < side[0]:
                continue
            span = _trimmed(d, d.sdoc[side[0]], d.sdoc[side[1]])
        elif _is_cue(tok, d.quoted_tok) or (
            tok.pos_ == "VERB" and tok.lemma_.lower() in THOUGHT_VERBS
        ):
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if not comps:
                continue
            subj = d.subject_of(tok)
            if subj is None or subj.lower_ in _EXPLETIVE:
                continue  # "That said, …" / "It is said that …" name no source
            comp = comps[0]
            first = comp.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" and first.i < comp.right_edge.i:
                first = d.sdoc[first.i + 1]  # the complementizer is the reporter's word
            span = _trimmed(d, first, comp.right_edge)
        if span is not None:
            span = _balanced(d, span)
        if span is None or _covered(span, direct) or _covered(span, out):
            continue
        cue_span = (tok.idx, _end(tok))
        if any(
            q.kind == "direct"
            and q.cue_span is not None
            and _overlaps(q.span, span)
            and (
                q.cue_span == cue_span
                or (cue_text == "according to" and _inside(q.cue_span, span))
            )
            for q in direct
        ):
            # The quoted words already carry this attribution; in "“…,” X
            # declared, according to Y", Y is the reporter's source, X the speaker.
            continue
        who = d.speaker(subj)
        if who.span and _inside(who.span, span):
            continue  # a speaker inside its own content is a misparse
        out.append(
            ExtractedQuote(
                quote_id(d.doc_id, span),
                d.doc_id,
                span,
                d.text[span[0] : span[1]],
                "indirect",
                cue_text,
                who.span,
                who.ref,
                cue_span,
                who.name,
            )
        )
    return out


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _starts_conjunct(sdoc: Any, side: tuple[int, int]) -> bool:
    i = side[0]
    while i <= side[1] and sdoc[i].is_punct:
        i += 1
    return i <= side[1] and sdoc[i].dep_ == "cc"


def _balanced(d: _Doc, span: Span) -> Span:
    """Widen a clause so that it never cuts a quotation in half.

    The parse often ends a complement at the last word inside the marks
    (``had spoken "without illusions``); the clause then takes in the rest of
    the quotation and its marks, so the text reads as written.
    """
    start, end = span
    for q in d.quoted:
        if q.open < start <= q.close < end:
            start = q.open
        if start <= q.open < end <= q.close:
            end = q.close + 1
    return (start, end)


def _inherit(q: ExtractedQuote, indirect: list[ExtractedQuote]) -> ExtractedQuote:
    """A speakerless quote inside an attributed clause takes that clause's speaker.

    ‘Trump added that “many points” had been agreed’: the passive "agreed" governs
    the quote, but the attribution belongs to "added".
    """
    for outer in indirect:
        if not outer.speaker_span or not _inside(q.span, outer.span):
            continue
        # "He said the two sides had agreed “on many points”": the cue governing
        # the quote sits inside reported speech, so the reporter's source speaks.
        nested_cue = q.cue_span is not None and _inside(q.cue_span, outer.span)
        if q.speaker_span is None or nested_cue:
            return replace(
                q,
                cue=outer.cue,
                cue_span=outer.cue_span,
                speaker_span=outer.speaker_span,
                speaker_ref=outer.speaker_ref,
                speaker_name=outer.speaker_name,
            )
    return q


def extract_quotes(doc_id: str, sdoc: Any, mentions: Sequence[MentionLike]) -> list[ExtractedQuote]:
    """Every direct, partial and indirect quote in ``sdoc``, sorted by span.

    Pure: depends only on its arguments. ``mentions`` are the document's entity
    mentions (``extract.entities.EntityMention`` or anything with start/end/label).
    """
    d = _Doc(doc_id, sdoc, mentions)
    direct = _quoted_quotes(d)
    indirect = _indirect_quotes(d, direct)
    quotes = [_inherit(q, indirect) for q in direct] + indirect
    seen: set[Span] = set()
    unique = []
    for q in sorted(quotes, key=lambda q: (q.span, q.kind)):
        if q.span not in seen:
            seen.add(q.span)
            unique.append(q)
    return unique
