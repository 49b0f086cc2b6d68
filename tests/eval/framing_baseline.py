"""Frozen copy of extract/sentences.py before issue 15: the framing evaluation's baseline.

Kept verbatim so the framing evaluation measures the old method (predicate adjectives,
whole-sentence VADER tone) beside the new one in the same run. Not used by the package.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from newsprism.extract.claims import FIRST_PERSON, PRESCRIPTIVE
from newsprism.extract.cues import SPEECH_VERBS
from newsprism.extract.entities import EntityMention
from newsprism.extract.quote_marks import find_quoted
from newsprism.sources.lexicon import EVALUATIVE, FRAMING, STRONG_VALENCE, compound, valence

Span = tuple[int, int]
Voice = Literal["opinion", "attributed", "factual", "other"]
Role = Literal["subject", "target"]

_END_MARKS = ".!?…"
_CLOSERS = "\"'”’)]»"
# Verbs that report an action rather than speech: "X welcomed the deal" is a fact.
_NOT_SPEECH = frozenset({"promise", "report", "ask", "answer", "post"})
# "called for talks", "called on X": a demand, reported as an action.
_CALL_PREPS = frozenset({"for", "on", "off", "in"})
# "X was right to insist": the author grading an actor.
_GRADING = frozenset({"right", "wrong", "correct", "mistaken"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_TARGET = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
_TARGET_PREPS = frozenset(
    {"to", "against", "with", "on", "at", "toward", "towards", "for", "from", "over", "about"}
)
_CLIMB = frozenset({"compound", "flat", "appos", "conj", "poss", "nmod"})


@dataclass(frozen=True)
class Marker:
    """Why a sentence reads as opinion or attributed: a kind and the words that show it."""

    kind: str
    span: Span


@dataclass(frozen=True)
class SentenceFeatures:
    """Voice, markers, tone and actor roles of one sentence (document offsets)."""

    span: Span
    voice: Voice
    markers: tuple[Marker, ...] = ()
    tone: float = 0.0
    # Words of the author's own voice that carry the tone (lexicon hits).
    tone_words: tuple[Span, ...] = ()
    # Entity mentions that are the subject or the target of the sentence.
    actors: tuple[tuple[Span, Role], ...] = ()


def _pieces(sdoc: Any) -> list[Span]:
    text: str = sdoc.text
    out: list[Span] = []
    for sent in sdoc.sents:
        start = sent.start_char
        for line in text[sent.start_char : sent.end_char].split("\n"):
            s, e = start, start + len(line)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
            start += len(line) + 1
    return out


def _quoted_mask(text: str) -> list[bool]:
    """Per character of the document: inside a quotation (marks included)."""
    mask = [False] * len(text)
    for q in find_quoted(text):
        for i in range(q.open, min(len(text), q.close + 1)):
            mask[i] = True
    return mask


def _continues_quote(sent: str) -> bool:
    """A sentence that closes a quotation it never opened: the end of a multi-sentence quote."""
    body = sent.rstrip()
    if not body.endswith(("”", '"')):
        return False
    inner = body[:-1]
    return "“" not in inner and inner.count('"') % 2 == 0


def _attribution(tokens: Sequence[Any], has_quote: bool) -> Marker | None:
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            end = tok.nbor().idx + len(tok.nbor().text)
            return Marker("according_to", (tok.idx, end))
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if lemma not in SPEECH_VERBS or lemma in _NOT_SPEECH or tok.pos_ not in ("VERB", "AUX"):
            continue
        deps = {c.dep_ for c in tok.children}
        # "X called … and insisted that …": the second verb shares the first one's subject.
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            deps |= {c.dep_ for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        if not deps & {"nsubj", "nsubjpass"}:
            continue
        if _prescribed(tok):
            continue
        if (
            lemma == "call"
            and "dobj" not in deps
            and any(c.dep_ in ("prep", "prt") and c.lower_ in _CALL_PREPS for c in tok.children)
        ):
            continue
        if deps & {"ccomp", "xcomp"} or has_quote or tok.dep_ in ("ROOT", "parataxis"):
            return Marker("reporting_verb", (tok.idx, tok.idx + len(tok.text)))
    return None


def _opinion_markers(
    tokens: Sequence[Any], text: str, span: Span, quoted: list[bool]
) -> list[Marker]:
    # Words inside a clause that a reporting verb governs are the speaker's, not the author's.
    own = [t for t in tokens if not quoted[t.idx] and not _reported(t)]
    out: list[Marker] = []
    stripped = text[span[0] : span[1]].rstrip(_CLOSERS)
    end = span[0] + len(stripped)
    if stripped.endswith("?") and not quoted[end - 1]:
        out.append(Marker("question", span))
    for tok in own:
        low = tok.lower_
        where = (tok.idx, tok.idx + len(tok.text))
        if low in FIRST_PERSON and tok.pos_ == "PRON":
            out.append(Marker("first_person", where))
        elif low in PRESCRIPTIVE and tok.tag_ == "MD":
            out.append(Marker("modal", where))
        elif (
            low in EVALUATIVE
            or (_predicative(tok) and abs(valence(low)) >= STRONG_VALENCE)
            or (low in _GRADING and tok.dep_ == "acomp")
        ):
            out.append(Marker("evaluative", where))
        elif low in FRAMING:
            out.append(Marker("loaded", where))
    return out


def _predicative(tok: Any) -> bool:
    """An adjective said *of* something ("the plan is reckless"), or a sentence adverb.

    Attributive adjectives mostly describe ("rich donors", "ambitious targets",
    "dangerous pollutants"); a predicate adjective grades the thing itself.
    """
    if tok.pos_ == "ADV":
        return tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX", "ADJ")
    if tok.pos_ != "ADJ":
        return False
    if tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in ("acomp", "oprd", "ROOT") or (tok.dep_ == "attr" and tok.head.lemma_ == "be")


def _reported(tok: Any) -> bool:
    """Whether a reporting verb ("insisting that …", "said … would") governs ``tok``."""
    return any(
        a.lemma_.lower() in SPEECH_VERBS
        and a.lemma_.lower() not in _NOT_SPEECH
        and a.pos_ in ("VERB", "AUX")
        and not _prescribed(a)
        for a in tok.ancestors
    )


def _prescribed(verb: Any) -> bool:
    """Whether ``verb`` is speech the author asks for ("X should say so"), not reports."""
    return any(c.dep_ == "aux" and c.lower_ in PRESCRIPTIVE for c in verb.children)


def _role(tok: Any) -> Role | None:
    for _ in range(4):
        if tok.dep_ not in _CLIMB or tok.head is tok:
            break
        tok = tok.head
    if tok.dep_ in _SUBJ:
        return "subject"
    if tok.dep_ in _TARGET:
        return "target"
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.dep_ == "agent":
            return "subject"
        if prep.lower_ in _TARGET_PREPS and prep.head.pos_ in ("VERB", "AUX", "NOUN"):
            return "target"
    return None


def _actors(sdoc: Any, mentions: Sequence[EntityMention], span: Span) -> list[tuple[Span, Role]]:
    out: list[tuple[Span, Role]] = []
    first = bisect_left(mentions, span[0], key=lambda m: m.start)
    for m in mentions[first:]:
        if m.start >= span[1]:
            break
        if m.end > span[1]:
            continue
        ment = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if ment is None or not len(ment):
            continue
        role = _role(ment.root)
        if role is not None:
            out.append(((m.start, m.end), role))
    return out


def _features(
    sdoc: Any, span: Span, quoted: list[bool], mentions: Sequence[EntityMention]
) -> SentenceFeatures:
    text: str = sdoc.text
    sent = text[span[0] : span[1]]
    chunk = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    tokens = list(chunk) if chunk is not None else []
    finished = sent.rstrip(_CLOSERS)[-1:] in _END_MARKS or sent[-1:] in _CLOSERS
    if not tokens or not finished or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return SentenceFeatures(span, "other")
    in_quote = sum(1 for i in range(*span) if quoted[i] and not text[i].isspace())
    visible = sum(1 for ch in sent if not ch.isspace()) or 1
    own_text = "".join(" " if quoted[span[0] + i] else ch for i, ch in enumerate(sent))
    tone = round(compound(own_text), 4)
    tone_words = tuple(
        (t.idx, t.idx + len(t.text))
        for t in tokens
        if not quoted[t.idx] and valence(t.lower_) != 0.0
    )
    actors = tuple(_actors(sdoc, mentions, span))
    attribution = _attribution(tokens, in_quote > 0)
    if attribution is None and (in_quote * 2 >= visible or _continues_quote(sent)):
        attribution = Marker("quotation", span)
    if attribution is not None:
        return SentenceFeatures(span, "attributed", (attribution,), tone, tone_words, actors)
    markers = _opinion_markers(tokens, text, span, quoted)
    voice: Voice = "opinion" if markers else "factual"
    return SentenceFeatures(span, voice, tuple(markers), tone, tone_words, actors)


def sentence_features(
    sdoc: Any, mentions: Sequence[EntityMention] = ()
) -> tuple[SentenceFeatures, ...]:
    """Voice, markers, tone and actor roles of every sentence of one parsed document."""
    quoted = [*_quoted_mask(sdoc.text), False]
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    return tuple(_features(sdoc, span, quoted, ordered) for span in _pieces(sdoc))
