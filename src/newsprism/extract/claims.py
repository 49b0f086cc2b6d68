"""Claims: the factual sentences of a document, with who states them and their values.

One claim per sentence (split again at line breaks, so a headline never fuses
with the paragraph under it). A piece becomes a claim when it reads as a
finished declarative sentence (it ends in ``.``, ``!`` or a closing quote), is
not the author's opinion, and carries something checkable: a normalised value
(``values.find_values``) or a named entity.

Author opinion (excluded from claims; ``opinion_spans`` lists it for source
profiles). Only the author's own voice counts, so words inside quotation marks
and sentences attributed to someone ("X said …", "according to X") are never
opinion. Otherwise a sentence is opinion when it

* is a question (rhetorical: a report asks nothing of its reader),
* uses the first person (I, we, our, …),
* prescribes with must / should / ought to,
* or contains a word from ``EVALUATIVE`` (clearly, shameful, reckless, …).

``hedged`` marks reportedly / allegedly / may / might / could / appear / seem.
``speaker_ref`` is the span of the named mention the speaker resolves to (a
pronoun or role noun goes through ``coref.Resolver``); ``attach_attribution``
maps it to an entity id after linking. The parse-derived fields after ``slots``
are what fact alignment needs; they never enter the brief.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.extract.claim_voice import (
    _CLOSERS,
    _classify,
    _Facts,
)

# Re-exported: the opinion word lists and ``classify`` are read from ``claims``.
from newsprism.extract.claim_voice import EVALUATIVE as EVALUATIVE
from newsprism.extract.claim_voice import FIRST_PERSON as FIRST_PERSON
from newsprism.extract.claim_voice import HEDGE_MODALS as HEDGE_MODALS
from newsprism.extract.claim_voice import HEDGE_VERBS as HEDGE_VERBS
from newsprism.extract.claim_voice import HEDGE_WORDS as HEDGE_WORDS
from newsprism.extract.claim_voice import PRESCRIPTIVE as PRESCRIPTIVE
from newsprism.extract.claim_voice import classify as classify
from newsprism.extract.coref import shared_resolver
from newsprism.extract.dates import dateline_anchor, parse_anchor
from newsprism.extract.entities import EntityMention
from newsprism.extract.propositions import (
    CHECKABLE,
    Proposition,
    extract_propositions,
)
from newsprism.extract.slot_context import SlotContext, clause_tense, slot_context
from newsprism.extract.values import Value, find_values
from newsprism.models import Claim, Slot
from newsprism.nlp.parsed import Parsed

Span = tuple[int, int]

# Clause-final marks that make a line a finished sentence rather than a heading.
_END_MARKS = ".!?…"
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# A wire dateline ("HALLORAN, March 3 (Meridian Wire) —") dates the report, not the event.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40},\s+[^—–\n]{3,40}?\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]+\s"
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})


@dataclass(frozen=True)
class ExtractedClaim:
    """A claim before linking: ``Claim`` fields plus what linking and alignment need."""

    id: str
    document: str
    span: Span
    text: str
    hedged: bool
    slots: tuple[Slot, ...]
    speaker_ref: Span | None
    # Named mentions inside the claim (document offsets), for entity ids after linking.
    mentions: tuple[Span, ...]
    # The mention that is the grammatical subject of the main statement.
    subject_ref: Span | None
    # Per slot: lemma of the word the value describes ("meeting", "meet", "nation").
    heads: tuple[str | None, ...]
    predicate: str | None
    object_lemma: str | None
    negated: bool
    future: bool
    lemmas: tuple[str, ...]
    position: int
    # Per slot, from ``slot_context``: what it measures, who takes part, the date's tense.
    labels: tuple[str | None, ...] = ()
    participants: tuple[tuple[Span, ...], ...] = ()
    tenses: tuple[str | None, ...] = ()
    # Who did what to whom, per main clause (``extract.propositions``), for the claim graph.
    propositions: tuple[Proposition, ...] = ()


def claim_id(doc_id: str, span: Span, text: str) -> str:
    """``c-`` + 12 hex of sha256 over the document, span and text."""
    raw = f"{doc_id}\x1f{span[0]}\x1f{span[1]}\x1f{text}"
    return "c-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


def _finished(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _END_MARKS


class _DocContext:
    """Per-document state: mentions by position and the pronoun resolver."""

    def __init__(self, parsed: Parsed, mentions: Sequence[EntityMention]) -> None:
        self.sdoc = parsed.sdoc
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        # Lookups by position go through bisect: a scan of every mention per
        # sentence or per claim is quadratic in document length.
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        # Built once per document and shared with the quote extractor.
        self.resolver = shared_resolver(parsed, self.mentions)

    def mention_over(self, start: int, end: int) -> EntityMention | None:
        """The first mention (by position) that overlaps ``[start, end)``."""
        # A mention that starts before ``start - longest`` ends before ``start``.
        for i in range(bisect_left(self.starts, start - self.longest), len(self.mentions)):
            m = self.mentions[i]
            if m.start >= end:
                break
            if start < m.end:
                return m
        return None

    def inside(self, start: int, end: int) -> list[EntityMention]:
        out = []
        for i in range(bisect_left(self.starts, start), len(self.mentions)):
            m = self.mentions[i]
            if m.start > end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def ref_of(self, tok: Any) -> Span | None:
        """The named mention a token is part of, or a pronoun's antecedent; never the name
        of a modifier ("the former U.S. president" is not the United States)."""
        m = self.mention_over(tok.idx, tok.idx + len(tok.text))
        if m is not None:
            return m.start, m.end
        if tok.pos_ == "PRON":
            ref: Span | None = self.resolver.resolve_pronoun(tok)
            return ref
        return None

    def speaker(self, subj: Any, bounds: Span) -> Span | None:
        """Span of the named mention the subject token stands for, if any."""
        head = self.mention_over(subj.idx, subj.idx + len(subj.text))
        if head is None:
            # The name itself, not its possessor ("Trump's envoy" is not Trump),
            # clipped to the sentence: a parse may hang a headline off the subject.
            parts = [c for c in subj.children if c.dep_ in ("compound", "flat")] + [subj]
            lo = max(bounds[0], min(t.idx for t in parts))
            hi = min(bounds[1], subj.idx + len(subj.text))
            named = [m for m in self.inside(lo, hi) if m.label in ("PERSON", "ORG", "NORP", "GPE")]
            head = named[0] if named else None
        if head is not None:
            return head.start, head.end
        ref: Span | None = None
        if subj.pos_ == "PRON":
            ref = self.resolver.resolve_pronoun(subj)
        elif subj.pos_ == "NOUN":
            ref = self.resolver.resolve_role(subj)
        return ref


def _main_verb(tokens: list[Any], speech: Any | None, deps: list[str]) -> Any | None:
    """``deps`` are the dependency labels of ``tokens``."""
    root = tokens[deps.index("ROOT")] if "ROOT" in deps else None
    if speech is not None:
        comps = [c for c in speech.children if c.dep_ in ("ccomp", "xcomp")]
        if comps:
            return comps[0]
        if speech.dep_ != "ROOT" and speech.head.pos_ in ("VERB", "AUX"):
            return speech.head
    return root


def _slot(v: Value, offset: int) -> Slot:
    kind = (
        v.kind
        if v.kind in ("duration", "count", "quantity", "money", "percent", "date", "time")
        else "quantity"
    )
    return Slot(
        kind=kind,
        text=v.text,
        span=(v.start + offset, v.end + offset),
        value=v.value,
        unit=v.unit,
        approx=v.approx,
    )


def opinion_spans(sdoc: Any) -> list[Span]:
    """Spans of the sentences written in the author's own opinionated voice."""
    parsed = Parsed.of(sdoc)
    facts = _Facts(list(parsed.sdoc), parsed.columns)
    out: list[Span] = []
    for start, end in parsed.pieces:
        span = parsed.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if _classify(facts, span.start, span.end, parsed.text[start:end], start)[0]:
            out.append((start, end))
    return out


def extract_claims(
    doc_id: str, sdoc: Any, published: str | None, mentions: Sequence[EntityMention]
) -> list[ExtractedClaim]:
    """The factual claims of one parsed document, in text order.

    ``published`` (``YYYY-MM-DD``) anchors relative dates; without it a full date
    stated in the document's opening is used, and without that they stay null.
    """
    parsed = Parsed.of(sdoc)
    sdoc, text = parsed.sdoc, parsed.text
    anchor: dt.date | None = parse_anchor(published) or dateline_anchor(text)
    ctx = _DocContext(parsed, [m for m in mentions if m.document == doc_id])
    facts = _Facts(list(sdoc), parsed.columns)
    out: list[ExtractedClaim] = []
    for position, (start, end) in enumerate(parsed.pieces):
        sent_text = text[start:end]
        if not _finished(sent_text):
            continue
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        lo, hi = span.start, span.end
        if "VERB" not in facts.pos[lo:hi] and "AUX" not in facts.pos[lo:hi]:
            continue
        # One Token object per word of the document, shared by the sentence's readers.
        tokens = facts.toks[lo:hi]
        opinion, hedged, speech, according = _classify(facts, lo, hi, sent_text, start)
        if opinion:
            continue
        values = find_values(sent_text, anchor, _tense_reader(sdoc, start))
        dateline = _DATELINE.match(sent_text)
        if dateline is not None:
            values = [v for v in values if v.start >= dateline.end()]
        inside = ctx.inside(start, end)
        slots = [_slot(v, start) for v in values]
        slots += _places(inside, sdoc, {s.span for s in slots})
        question = sent_text.rstrip(_CLOSERS).endswith("?")
        props = extract_propositions(
            tokens,
            speech,
            ctx.ref_of,
            question,
            facts,
        )
        # A sentence with neither a value nor a name is still a claim when it says
        # something checkable: "The encounter did not yield a ceasefire."
        if not slots and not inside and not any(p.pclass in CHECKABLE for p in props):
            continue
        slots.sort(key=lambda s: (s.span[0], s.span[1], s.kind))
        out.append(
            _build(
                doc_id,
                sent_text,
                ctx,
                (start, end),
                tokens,
                slots,
                hedged,
                speech,
                according,
                inside,
                position,
                props,
                (facts, lo, hi),
            )
        )
    return out


def _tense_reader(sdoc: Any, offset: int) -> Any:
    """``tense(start, end)`` over sentence offsets, read from the parse (see ``dates``)."""

    def tense(start: int, end: int) -> str | None:
        span = sdoc.char_span(offset + start, offset + end, alignment_mode="expand")
        return clause_tense(span.root) if span is not None and len(span) else None

    return tense


def _places(inside: list[EntityMention], sdoc: Any, taken: set[Span]) -> list[Slot]:
    """Named places the sentence puts something in ("in Anchorage", "at the White House")."""
    out: list[Slot] = []
    for m in inside:
        if m.label not in _PLACE_LABELS or (m.start, m.end) in taken:
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        prep_ok = root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS
        if prep_ok or m.context_place:
            out.append(Slot(kind="place", text=m.text, span=(m.start, m.end), value=m.text))
    return out


_FUTURE_WORDS = frozenset({"will", "'ll", "shall"})
_PLAN_LEMMAS = frozenset({"plan", "schedule", "expect"})


def _build(
    doc_id: str,
    text: str,
    ctx: _DocContext,
    span: Span,
    tokens: list[Any],
    slots: list[Slot],
    hedged: bool,
    speech: Any | None,
    according: Any | None,
    inside: list[EntityMention],
    position: int,
    propositions: tuple[Proposition, ...] = (),
    facts: tuple[_Facts, int, int] | None = None,
) -> ExtractedClaim:
    """One claim; ``text`` is the document's text at ``span`` (read once by the caller);
    ``facts`` are the words of the document and where ``tokens`` lie in it (read from the
    document when not given)."""
    sdoc = ctx.sdoc
    if facts is None:
        facts = _Facts(list(tokens[0].doc)), tokens[0].i, tokens[-1].i + 1
    f, lo, hi = facts
    dep = f.dep
    speaker_ref: Span | None = None
    if speech is not None:
        subj = next((c for c in f.kids(speech) if dep[c.i] in ("nsubj", "nsubjpass")), None)
        speaker_ref = ctx.speaker(subj, span) if subj is not None else None
    elif according is not None:
        speaker_ref = ctx.speaker(according, span)
    verb = _main_verb(tokens, speech, f.dep[lo:hi])
    subject_ref = obj = None
    negated = False
    if verb is not None:
        kids = f.kids(verb)
        subj = next((c for c in kids if dep[c.i] in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            found = ctx.mention_over(
                max(span[0], subj.left_edge.idx),
                min(span[1], subj.right_edge.idx + len(subj.right_edge.text)),
            )
            subject_ref = (found.start, found.end) if found is not None else None
        dobj = next((c for c in kids if dep[c.i] in ("dobj", "attr")), None)
        obj = f.lemma[dobj.i] if dobj is not None else None
        negated = any(dep[c.i] == "neg" or f.lower[c.i] in ("never",) for c in kids)
    named = [(m.start, m.end, m.label) for m in inside]
    contexts: list[SlotContext] = []
    for slot in slots:
        cs = sdoc.char_span(slot.span[0], slot.span[1], alignment_mode="expand")
        if slot.kind == "place" or cs is None:
            contexts.append(SlotContext())
            continue
        contexts.append(slot_context(slot.kind, list(cs), named))
    lower, lemma, pos = f.lower, f.lemma, f.pos
    # The set tests first: the word-by-word test only runs where such a word occurs.
    future = (
        not _FUTURE_WORDS.isdisjoint(lower[lo:hi])
        and any(lower[k] in _FUTURE_WORDS and f.toks[k].tag_ == "MD" for k in range(lo, hi))
    ) or not _PLAN_LEMMAS.isdisjoint(lemma[lo:hi])
    lemmas = tuple(
        sorted(
            {
                lemma[k]
                for k in range(lo, hi)
                if pos[k] in _CONTENT_POS
                and not (t := f.toks[k]).is_stop
                and t.is_alpha
                and len(t) > 1  # len(t.text), without decoding the text
            }
        )
    )
    return ExtractedClaim(
        id=claim_id(doc_id, span, text),
        document=doc_id,
        span=span,
        text=text,
        hedged=hedged,
        slots=tuple(slots),
        speaker_ref=speaker_ref,
        mentions=tuple((m.start, m.end) for m in inside),
        subject_ref=subject_ref,
        heads=tuple(c.head for c in contexts),
        predicate=verb.lemma_.lower() if verb is not None else None,
        object_lemma=obj,
        negated=negated,
        future=future,
        lemmas=lemmas,
        position=position,
        labels=tuple(c.label for c in contexts),
        participants=tuple(c.participants for c in contexts),
        tenses=tuple(c.tense for c in contexts),
        propositions=propositions,
    )


def attach_attribution(
    claims: Sequence[ExtractedClaim], index: Mapping[tuple[str, int, int], str]
) -> list[Claim]:
    """Brief ``Claim``s: speakers and places mapped to entity ids, sorted by document and span."""
    out: list[Claim] = []
    for c in claims:
        speaker = index.get((c.document, *c.speaker_ref)) if c.speaker_ref else None
        slots = [
            s.model_copy(update={"value": index.get((c.document, *s.span))})
            if s.kind == "place"
            else s
            for s in c.slots
        ]
        out.append(
            Claim(
                id=c.id,
                document=c.document,
                span=c.span,
                text=c.text,
                attributed_to=speaker,
                hedged=c.hedged,
                slots=slots,
            )
        )
    return sorted(out, key=lambda c: (c.document, c.span, c.id))


def claim_entities(
    claims: Sequence[ExtractedClaim], index: Mapping[tuple[str, int, int], str]
) -> dict[str, tuple[str, ...]]:
    """Claim id → sorted ids of the entities named in it."""
    return {
        c.id: tuple(
            sorted(
                {index[(c.document, s, e)] for s, e in c.mentions if (c.document, s, e) in index}
            )
        )
        for c in claims
    }
