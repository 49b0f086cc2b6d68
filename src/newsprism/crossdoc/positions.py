"""Who stands where: actor × issue stances, with the issues found in the coverage itself.

A stance is a per-document event that carries one (``extract.events``): a
demand (demand), a rejection (oppose), support or an agreement (support), an
offer or proposal (offer), "would not … without X" (condition on X), a
dropped demand (oppose). Its polarity is read from the syntax there ("demanded
that Ukraine renounce NATO membership" opposes the membership). Its topic
carries key noun phrases, the one nearest the head of the demanded clause first.

**Issues** come from those phrases (``crossdoc.issues``): only a phrase that
names a thing a story can be about, clustered by head noun and named in the
coverage's own words. A stance whose topic names no issue is not shown.

**Positions** group an actor's stances on an issue across outlets, one entry per
stance with all its evidence. When different documents give the same actor
opposite stances on the same issue (one: he demanded a ceasefire first; another:
he dropped that demand), every entry of that actor and issue says
``outlets_differ``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsprism.crossdoc.events import Index, country_actors, merge_events
from newsprism.crossdoc.issues import discover_issues, issue_of_events
from newsprism.extract.events import ExtractedEvent
from newsprism.models import Entity, Event, Evidence, Position

STANCE_ORDER = ("demand", "condition", "offer", "support", "oppose")
# Stances that cannot both be true of one actor on one issue at one time.
_OPPOSED = frozenset(
    {("oppose", "demand"), ("oppose", "support"), ("oppose", "offer"), ("oppose", "condition")}
)


def build_positions(
    found: Sequence[ExtractedEvent],
    entities: Sequence[Entity],
    index: Index,
    issues: Mapping[str, str] | None = None,
    countries: Mapping[str, str] | None = None,
) -> list[Position]:
    """Actor × issue stances with evidence, sorted by issue, actor and stance."""
    issue_map = issue_of_events(found) if issues is None else issues
    if countries is None:
        countries = country_actors(entities)
    names = {e.id: e.name for e in entities}
    labels = discover_issues(found)
    cells: dict[tuple[str, str, str], list[ExtractedEvent]] = defaultdict(list)
    for ev in sorted(found, key=lambda e: (e.document, e.trigger, e.id)):
        issue = issue_map.get(ev.id)
        if ev.stance is None or issue is None or ev.actor_ref is None:
            continue
        actor = index.get((ev.document, *ev.actor_ref))
        if actor is None:
            continue
        actor = countries.get(actor, actor)
        cells[(actor, issue, ev.stance)].append(ev)
    stances: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (actor, issue, stance), evs in cells.items():
        stances[(actor, issue)][stance].update(e.document for e in evs)
    out = []
    for (actor, issue, stance), evs in cells.items():
        terms = sorted(
            {
                labels_k
                for e in evs
                for k in e.topic_keys
                if (labels_k := k) and labels.get(k) == issue
            }
            - {issue}
        )
        evidence = sorted({(e.document, e.evidence) for e in evs})
        out.append(
            Position(
                actor=actor,
                issue=issue,
                stance=stance,
                evidence=[Evidence(document=d, span=s) for d, s in evidence],
                outlets_differ=_differ(stances[(actor, issue)]),
                issue_terms=terms,
            )
        )
    order = {s: i for i, s in enumerate(STANCE_ORDER)}
    return sorted(
        out,
        key=lambda p: (
            p.issue,
            names.get(p.actor, p.actor),
            p.actor,
            order.get(p.stance, 99),
            p.stance,
        ),
    )


def _differ(by_stance: Mapping[str, set[str]]) -> bool:
    """Opposite stances, each reported by a document the other does not come from."""
    for a, b in sorted(_OPPOSED):
        docs_a, docs_b = by_stance.get(a, set()), by_stance.get(b, set())
        if any(x != y for x in docs_a for y in docs_b):
            return True
    return False


def events_and_positions(
    found: Sequence[ExtractedEvent], entities: Sequence[Entity], index: Index
) -> tuple[list[Event], list[Position]]:
    """The brief's ``events`` (a timeline) and ``positions`` from all per-document events."""
    issues = issue_of_events(found)
    countries = country_actors(entities)  # once for both
    return merge_events(found, entities, index, issues, countries), build_positions(
        found, entities, index, issues, countries
    )
