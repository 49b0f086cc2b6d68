"""Source profiles: how each outlet (or each document of unknown outlet) tells the story.

One ``SourceProfile`` per outlet; a document whose outlet is unknown is its own
source, labelled by its file name with ``outlet_known`` false (a file name is
not an outlet, and two unknown documents are not one outlet). Every figure is
measured on the text in front of us and explained by sentences with spans:

* ``opinion_share`` — sentences with opinion cues in the author's own words
  (an opinion sentence, or the frame of an attributed one: "X slammed …")
  over counted sentences (opinion + attributed + factual, the headline
  included), with example sentences and the words that mark them;
* ``attribution_share`` — claims with a named source over all claims; who is
  quoted and how often, and who others quote but this source does not;
* ``tone`` — per main actor (``sources.tone``); ``loaded_terms`` —
  ``sources.loaded``; ``unique_facts`` / ``omitted_facts`` — ``sources.coverage``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath

from newsprism.crossdoc.link import entity_index
from newsprism.extract.claims import ExtractedClaim
from newsprism.extract.sentence_types import SentenceFeatures
from newsprism.models import (
    Claim,
    Document,
    Entity,
    Example,
    Fact,
    MarkedSpan,
    Quote,
    SourceProfile,
)
from newsprism.sources.coverage import coverage
from newsprism.sources.loaded import loaded_terms
from newsprism.sources.subjectivity import STRONG_KINDS
from newsprism.sources.tone import actor_tones, main_actors

OPINION_EXAMPLES = 5
# Markers that say a sentence is someone else's, not why it reads as opinion.
_FRAME = frozenset({"reporting_verb", "according_to", "quotation"})
NOT_QUOTED = 5


def _label(doc: Document) -> str:
    return PurePosixPath(doc.input.replace("\\", "/")).name or doc.input or doc.id


def source_keys(documents: Sequence[Document]) -> dict[str, str]:
    """Document id → source key: ``outlet:<name>``, or ``doc:<id>`` when the outlet is unknown."""
    return {d.id: f"outlet:{d.outlet}" if d.outlet else f"doc:{d.id}" for d in documents}


def _roots(documents: Sequence[Document]) -> dict[str, str]:
    """Document id → the original it copies (following chains), itself when no copy."""
    dup = {d.id: d.duplicate_of for d in documents}
    out = {}
    for doc_id in dup:
        seen = {doc_id}
        cur = doc_id
        while dup.get(cur) and dup[cur] in dup and dup[cur] not in seen:
            cur = dup[cur]  # type: ignore[assignment]
            seen.add(cur)
        out[doc_id] = cur
    return out


def _opinion_examples(
    docs: Sequence[str], features: Mapping[str, Sequence[SentenceFeatures]]
) -> list[Example]:
    """Opinion sentences that show as many different markers as possible, in text order.

    Strong cues (a question, the first person, "must", a judging word) are
    shown before weak ones (an intensifier, a hedge): they make the case.
    """
    candidates = [(d, f) for d in docs for f in features.get(d, ()) if f.opinion]
    chosen: list[tuple[str, SentenceFeatures]] = []
    kinds: set[str] = set()
    for wanted in (STRONG_KINDS, None):
        for d, f in candidates:
            new = {m.kind for m in f.markers if m.kind not in _FRAME} - kinds
            if wanted is not None:
                new &= wanted
            if new and (d, f) not in chosen:
                chosen.append((d, f))
                kinds |= new
    for d, f in candidates:
        if len(chosen) >= OPINION_EXAMPLES:
            break
        if (d, f) not in chosen:
            chosen.append((d, f))
    chosen = chosen[:OPINION_EXAMPLES]
    order = {id(f): i for i, (_, f) in enumerate(candidates)}
    chosen.sort(key=lambda df: order[id(df[1])])
    return [
        Example(
            document=d,
            span=f.span,
            kind="opinion",
            marks=[MarkedSpan(kind=m.kind, span=m.span) for m in f.markers if m.kind not in _FRAME],
        )
        for d, f in chosen
    ]


def build_sources(
    documents: Sequence[Document],
    features: Mapping[str, Sequence[SentenceFeatures]],
    extracted: Sequence[ExtractedClaim],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
    claims: Sequence[Claim],
    facts: Sequence[Fact],
) -> list[SourceProfile]:
    """One profile per source, sorted by label. ``features`` maps document id → sentences."""
    if not documents:
        return []
    key_of = source_keys(documents)
    root_of = _roots(documents)
    root_source = {d: key_of[root_of[d]] for d in key_of}
    by_key: dict[str, list[str]] = {}
    for d in documents:
        by_key.setdefault(key_of[d.id], []).append(d.id)
    copies: dict[str, list[str]] = {}  # root -> every document that is it or copies it
    for doc_id in key_of:
        copies.setdefault(root_of[doc_id], []).append(doc_id)
    families = {
        key: frozenset(x for r in {root_of[y] for y in docs} for x in copies[r])
        for key, docs in by_key.items()
    }
    texts = {d.id: d.text for d in documents}
    index = entity_index(entities)
    mention_spans: dict[str, list[tuple[int, int]]] = {}
    for ent in entities:
        for m in ent.mentions:
            mention_spans.setdefault(m.document, []).append((m.span[0], m.span[1]))
    loaded = loaded_terms(by_key, families, texts, features, mention_spans)
    unique, omitted = coverage(facts, key_of, root_of, texts, {c.id: c for c in extracted})
    actors = main_actors(entities, root_source)
    quoted_by: dict[str, Counter[str]] = {k: Counter() for k in by_key}
    unattributed = Counter[str]()
    for q in quotes:
        key = key_of.get(q.document)
        if key is None:
            continue
        if q.speaker:
            quoted_by[key][q.speaker] += 1
        else:
            unattributed[key] += 1
    # Speakers by how many sources quote them, most first: a source's "not quoted" is the
    # head of this list less its own speakers (was every other source's, per source).
    quoting = Counter(s for speakers in quoted_by.values() for s in speakers)
    by_reach = sorted(quoting, key=lambda s: (-quoting[s], s))
    label = {d.id: d.outlet or _label(d) for d in documents}
    claims_of: dict[str, list[Claim]] = {}
    for c in claims:
        claims_of.setdefault(c.document, []).append(c)
    out = []
    for key, docs in by_key.items():
        counted_feats = [f for d in docs for f in features.get(d, ()) if f.voice != "other"]
        voices = Counter(f.voice for f in counted_feats)
        counted = len(counted_feats)
        opinionated = sum(1 for f in counted_feats if f.opinion)
        own_claims = [c for d in dict.fromkeys(docs) for c in claims_of.get(d, ())]
        attributed = sum(1 for c in own_claims if c.attributed_to)
        tones, withheld = actor_tones(docs, features, index, actors, mention_spans, texts)
        missing: list[str] = []
        for s in by_reach:
            if len(missing) >= NOT_QUOTED:
                break
            if s not in quoted_by[key]:
                missing.append(s)
        out.append(
            SourceProfile(
                outlet=label[docs[0]],
                outlet_known=key.startswith("outlet:"),
                documents=sorted(docs),
                opinion_share=round(opinionated / counted, 3) if counted else 0.0,
                voices=dict(sorted(voices.items())),
                opinion_examples=_opinion_examples(docs, features),
                tone={t.actor: t.tone for t in tones},
                tone_detail=tones,
                loaded_terms=[t.term for t in loaded.get(key, [])],
                loaded_detail=loaded.get(key, []),
                tone_withheld=withheld,
                unique_facts=unique.get(key, []),
                omitted_facts=omitted.get(key, []),
                claims=len(own_claims),
                attributed_claims=attributed,
                attribution_share=round(attributed / len(own_claims), 3) if own_claims else None,
                quoted=dict(sorted(quoted_by[key].items(), key=lambda kv: (-kv[1], kv[0]))),
                unattributed_quotes=unattributed[key],
                not_quoted=missing,
            )
        )
    out.sort(key=lambda p: (p.outlet.lower(), p.documents))
    return out
