"""Tone toward each main actor: targeted sentiment in the source's own voice.

Each sentence carries, per entity mention, the polarity of the own-voice
words tied to that mention in the parse (``sources.targeted``, computed in
``extract.sentences``): its modifiers and appositions, the predicate it is the
subject or object of, the rest of its clause at a lower weight. Quoted and
reported words, and the words of names, never count. A source's tone toward
an actor is the sum of those polarities over its own-voice sentences that
name the actor, divided by the number of such sentences: a source that
reports an actor flatly in ten sentences and scolds it in one is only mildly
negative about it.

Precision first: a tone is shown only when at least ``MIN_PHRASES`` polar
phrases from at least ``MIN_SENTENCES`` sentences stand behind it and they
mostly agree in sign (``MIN_AGREEMENT``); otherwise the actor is listed under
``tone_withheld`` (unknown beats wrong). Every tone
comes with its phrases (``ActorTone.phrases``) and its strongest sentences.

Main actors are the people, organisations, places and groups that most
independent sources mention: a tone for every minor name would be noise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from newsprism.extract.sentence_types import SentenceFeatures, TargetTone
from newsprism.models import ActorTone, Entity, Example, MarkedSpan, TonePhrase

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MAIN_ACTORS = 6
EXAMPLES = 3
PHRASES = 6
MIN_PHRASES = 2
MIN_SENTENCES = 2
# Net polarity over total polarity of the phrases: below this the evidence is mixed
# ("controversially" against "chance") and a sign would be a coin toss.
MIN_AGREEMENT = 0.4


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


def _own_voice(feat: SentenceFeatures, span: tuple[int, int]) -> bool:
    return not any(o.span[0] <= span[0] < o.span[1] for o in feat.others)


def actor_tones(
    docs: Iterable[str],
    features: Mapping[str, Sequence[SentenceFeatures]],
    index: Mapping[tuple[str, int, int], str],
    actors: Sequence[str],
    mentions: Mapping[str, Sequence[tuple[int, int]]],
    texts: Mapping[str, str],
) -> tuple[list[ActorTone], list[str]]:
    """(tones shown, actors named in own voice whose tone is withheld for want of evidence)."""
    wanted = set(actors)
    # actor → sentences naming it in own voice: (doc, features, its target tones there)
    found: dict[str, list[tuple[str, SentenceFeatures, list[TargetTone]]]] = {}
    for doc_id in docs:
        spans = sorted(mentions.get(doc_id, ()))
        feats = features.get(doc_id, ())
        k = 0
        for feat in feats:
            if feat.voice == "other":
                continue
            while k < len(spans) and spans[k][0] < feat.span[0]:
                k += 1
            named: set[str] = set()
            j = k
            while j < len(spans) and spans[j][0] < feat.span[1]:
                eid = index.get((doc_id, spans[j][0], spans[j][1]))
                if eid in wanted and _own_voice(feat, spans[j]):
                    named.add(eid)
                j += 1
            by_actor: dict[str, list[TargetTone]] = {e: [] for e in named}
            for t in feat.targets:
                eid = index.get((doc_id, t.mention[0], t.mention[1]))
                if eid in by_actor:
                    by_actor[eid].append(t)
            for eid, targets in by_actor.items():
                found.setdefault(eid, []).append((doc_id, feat, targets))
    shown: list[ActorTone] = []
    withheld: list[str] = []
    for eid in actors:
        rows = found.get(eid)
        if not rows:
            continue
        phrases: dict[tuple[str, int, int], float] = {}
        polar_sentences = 0
        total = 0.0
        for doc_id, _feat, targets in rows:
            polar = False
            for t in targets:
                total += t.tone
                for (s, e), pol in t.phrases:
                    phrases.setdefault((doc_id, s, e), pol)
                    polar = True
            polar_sentences += polar
        weight = sum(abs(p) for p in phrases.values())
        agreement = abs(sum(phrases.values())) / weight if weight else 0.0
        if (
            len(phrases) < MIN_PHRASES
            or polar_sentences < MIN_SENTENCES
            or agreement < MIN_AGREEMENT
        ):
            withheld.append(eid)
            continue
        driving = sorted(
            (r for r in rows if r[2]),
            key=lambda r: (-abs(sum(t.tone for t in r[2])), r[0], r[1].span),
        )[:EXAMPLES]
        evidence = [
            Example(
                document=doc_id,
                span=feat.span,
                kind="tone",
                score=round(sum(t.tone for t in targets), 3),
                marks=[MarkedSpan(kind="actor", span=t.mention) for t in targets]
                + [MarkedSpan(kind="tone_word", span=p) for t in targets for p, _ in t.phrases],
            )
            for doc_id, feat, targets in driving
        ]
        top = sorted(phrases.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:PHRASES]
        shown.append(
            ActorTone(
                actor=eid,
                tone=round(total / len(rows), 3),
                sentences=len(rows),
                evidence=evidence,
                phrases=[
                    TonePhrase(document=d, span=(s, e), text=texts[d][s:e], polarity=pol)
                    for (d, s, e), pol in top
                ],
            )
        )
    return shown, withheld
