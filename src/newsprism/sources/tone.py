"""Tone toward each main actor: mean sentence tone where the actor is subject or target.

Sentence tone comes from the per-document stage (``extract.sentences``): VADER's
compound score over the author's own words, with the news-adapted lexicon.
A sentence counts for an actor only when the actor is its grammatical subject
or target; a passing mention says nothing about how the source treats it.
Neutral sentences count too (as 0): a source that reports an actor flatly in
ten sentences and praises it in one is not "positive" about it.

Main actors are the people, organisations, places and groups that most
independent sources mention: a tone for every minor name would be noise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from newsprism.extract.sentences import SentenceFeatures
from newsprism.models import ActorTone, Entity, Example, MarkedSpan

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MAIN_ACTORS = 6
EXAMPLES = 3


def main_actors(
    entities: Sequence[Entity], root_source: Mapping[str, str], limit: int = MAIN_ACTORS
) -> list[str]:
    """Ids of the actors most independent sources mention, then most mentioned."""
    ranked = []
    for ent in entities:
        if ent.type not in ACTOR_TYPES:
            continue
        sources = {root_source[m.document] for m in ent.mentions if m.document in root_source}
        if len(sources) < 2:
            continue
        ranked.append((-len(sources), -len(ent.mentions), ent.name, ent.id))
    return [eid for *_, eid in sorted(ranked)[:limit]]


def actor_tones(
    docs: Iterable[str],
    features: Mapping[str, Sequence[SentenceFeatures]],
    index: Mapping[tuple[str, int, int], str],
    actors: Sequence[str],
) -> list[ActorTone]:
    """Tone of one source's documents toward each actor it treats as subject or target."""
    wanted = set(actors)
    found: dict[str, list[tuple[str, SentenceFeatures, list[tuple[int, int]]]]] = {}
    for doc_id in docs:
        for feat in features.get(doc_id, ()):
            if feat.voice == "other":
                continue
            by_actor: dict[str, list[tuple[int, int]]] = {}
            for span, _role in feat.actors:
                eid = index.get((doc_id, span[0], span[1]))
                if eid in wanted:
                    by_actor.setdefault(eid, []).append(span)
            for eid, spans in by_actor.items():
                found.setdefault(eid, []).append((doc_id, feat, spans))
    out = []
    for eid in actors:
        rows = found.get(eid)
        if not rows:
            continue
        tone = sum(f.tone for _, f, _ in rows) / len(rows)
        driving = sorted(
            (r for r in rows if r[1].tone != 0.0),
            key=lambda r: (-abs(r[1].tone), r[0], r[1].span),
        )[:EXAMPLES]
        evidence = [
            Example(
                document=doc_id,
                span=feat.span,
                kind="tone",
                score=feat.tone,
                marks=[MarkedSpan(kind="actor", span=s) for s in spans]
                + [MarkedSpan(kind="tone_word", span=s) for s in feat.tone_words],
            )
            for doc_id, feat, spans in driving
        ]
        out.append(
            ActorTone(actor=eid, tone=round(tone, 3), sentences=len(rows), evidence=evidence)
        )
    return out
