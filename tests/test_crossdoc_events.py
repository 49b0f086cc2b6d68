"""Merging events across outlets and country-level actors, on hand-built inputs."""

from __future__ import annotations

from newsprism.crossdoc.events import country_actors, merge_events
from newsprism.extract.events import ExtractedEvent
from newsprism.models import Entity, Mention


def _ent(eid: str, name: str, kind: str, *spans: tuple[str, int, int]) -> Entity:
    return Entity(
        id=eid,
        name=name,
        type=kind,
        mentions=[Mention(document=d, span=(s, e)) for d, s, e in spans],
    )


def _ev(
    doc: str,
    trig: int,
    kind: str = "CONSULT",
    actor: tuple[int, int] | None = None,
    target: tuple[int, int] | None = None,
    date: str | None = None,
    mode: str = "happened",
    location: tuple[int, int] | None = None,
) -> ExtractedEvent:
    return ExtractedEvent(
        id=f"xe-{doc}-{trig}",
        document=doc,
        type=kind,
        lemma="meet",
        trigger=(trig, trig + 3),
        mode=mode,
        evidence=(trig, trig + 20),
        actor_ref=actor,
        target_ref=target,
        location_ref=location,
        date=date,
    )


ENTITIES = [
    _ent("e-a", "Ana Lind", "PERSON", ("d1", 0, 8), ("d2", 30, 38), ("d3", 0, 4)),
    _ent("e-b", "Ben Rook", "PERSON", ("d1", 13, 21), ("d2", 0, 8)),
    _ent("e-oslo", "Oslo", "GPE", ("d1", 40, 44), ("d3", 50, 54)),
    _ent("e-nor", "Norway", "GPE", ("d4", 60, 66)),
    _ent("e-vel", "Velmar", "GPE", ("d4", 70, 76)),
    _ent("e-velnorp", "Velmarian", "NORP", ("d4", 0, 9)),
]


def test_crossdoc_events_same_meeting_from_two_outlets_is_one_event() -> None:
    found = [
        _ev("d1", 9, actor=(0, 8), target=(13, 21), date="2031-05-04", location=(40, 44)),
        _ev("d2", 9, actor=(0, 8), target=(30, 38)),  # reversed parties, undated
    ]
    (event,) = merge_events(found, ENTITIES, _index())
    assert {event.actor, event.target} == {"e-a", "e-b"}
    assert event.date == "2031-05-04"
    assert event.location == "e-oslo"
    assert [e.document for e in event.evidence] == ["d1", "d2"]


def test_crossdoc_events_planned_and_happened_stay_apart() -> None:
    found = [
        _ev("d1", 9, actor=(0, 8), target=(13, 21), date="2031-05-04"),
        _ev("d2", 9, actor=(0, 8), target=(30, 38), date="2031-05-12", mode="planned"),
    ]
    events = merge_events(found, ENTITIES, _index())
    assert [(e.date, e.mode) for e in events] == [
        ("2031-05-04", "happened"),
        ("2031-05-12", "planned"),
    ]


def test_crossdoc_events_without_actor_join_only_a_unique_dated_event() -> None:
    found = [
        _ev("d1", 9, actor=(0, 8), target=(13, 21), date="2031-05-04"),
        _ev("d3", 60, date="2031-05-04"),  # "the meeting on 4 May"
        _ev("d3", 90),  # undated, no actor: dropped
    ]
    (event,) = merge_events(found, ENTITIES, _index())
    assert len(event.evidence) == 2


def test_crossdoc_events_capital_and_nationality_stand_for_the_country() -> None:
    mapping = country_actors(ENTITIES)
    assert mapping["e-oslo"] == "e-nor"
    assert mapping["e-velnorp"] == "e-vel"
    assert "e-a" not in mapping


def test_crossdoc_events_capital_without_its_country_stays_itself() -> None:
    assert "e-oslo" not in country_actors([e for e in ENTITIES if e.id != "e-nor"])


def test_crossdoc_events_deterministic_whatever_the_input_order() -> None:
    found = [
        _ev("d1", 9, actor=(0, 8), target=(13, 21), date="2031-05-04"),
        _ev("d2", 9, actor=(0, 8), target=(30, 38)),
        _ev("d4", 10, kind="DEMAND", actor=(0, 9)),
    ]
    a = merge_events(found, ENTITIES, _index())
    b = merge_events(list(reversed(found)), ENTITIES, _index())
    assert a == b
    assert any(e.type == "DEMAND" and e.actor == "e-vel" for e in a)


def _index() -> dict[tuple[str, int, int], str]:
    return {(m.document, *m.span): e.id for e in ENTITIES for m in e.mentions}


def test_crossdoc_events_unnamed_gunman_is_a_role_actor() -> None:
    from dataclasses import replace

    found = [
        replace(_ev("d1", 9, kind="ASSAULT", date="2031-05-04"), actor_role="gunman"),
        replace(_ev("d2", 9, kind="DEMAND"), actor_role="gunman"),  # roles only for crime
    ]
    (event,) = merge_events(found, ENTITIES, _index())
    assert (event.type, event.actor, event.actor_role) == ("ASSAULT", "role-gunman", "gunman")


def test_crossdoc_events_stated_stances_stay_off_the_timeline() -> None:
    from dataclasses import replace

    found = [replace(_ev("d1", 9, kind="REJECT", actor=(0, 8)), position_only=True)]
    assert merge_events(found, ENTITIES, _index()) == []


def test_crossdoc_events_one_visit_told_with_different_parties_is_one_event() -> None:
    found = [
        _ev("d1", 9, actor=(0, 8), target=(13, 21), date="2031-05-04"),  # Lind met Rook
        _ev("d3", 9, actor=(0, 4), target=(50, 54), date="2031-05-04"),  # Lind's visit to Oslo
        _ev("d4", 9, actor=(60, 66), date="2031-05-04"),  # "the visit by Norway"
        _ev("d2", 9, actor=(0, 8), target=(30, 38), date="2031-06-01"),  # another day
    ]
    events = merge_events(found, ENTITIES, _index())
    assert sorted(len(e.evidence) for e in events) == [1, 3]
    (main,) = [e for e in events if e.main]
    assert len(main.evidence) == 3 and main.date == "2031-05-04"


def test_crossdoc_events_main_event_is_the_most_reported_happened_one() -> None:
    found = [
        _ev("d1", 9, actor=(0, 8), target=(13, 21), date="2031-05-04"),
        _ev("d2", 9, actor=(0, 8), target=(30, 38), date="2031-05-04"),
        _ev("d1", 30, kind="DEMAND", actor=(13, 21)),
        _ev("d2", 40, actor=(0, 8), target=(30, 38), date="2031-05-12", mode="planned"),
    ]
    events = merge_events(found, ENTITIES, _index())
    assert [(e.type, e.mode) for e in events if e.main] == [("CONSULT", "happened")]
    assert sum(e.main for e in events) == 1


def test_crossdoc_events_inferred_gunmen_of_two_documents_stay_apart() -> None:
    from dataclasses import replace

    # "A was shot" in d1, "B was shot" in d2: two shootings until something ties them.
    found = [
        replace(_ev("d1", 9, kind="ASSAULT", target=(0, 8)), actor_role="gunman"),
        replace(_ev("d2", 9, kind="ASSAULT", target=(0, 8)), actor_role="gunman"),
    ]
    found = [replace(e, implied_actor=True) for e in found]
    events = merge_events(found, ENTITIES, _index())
    assert sorted(e.target or "" for e in events) == ["e-a", "e-b"]


def test_crossdoc_events_inferred_gunman_joins_the_named_one() -> None:
    from dataclasses import replace

    named = replace(_ev("d3", 9, kind="ASSAULT", location=(50, 54)), actor_role="gunman")
    inferred = replace(
        _ev("d1", 9, kind="ASSAULT", target=(0, 8)), actor_role="gunman", implied_actor=True
    )
    (event,) = merge_events([named, inferred], ENTITIES, _index())
    assert (event.actor, event.target, event.location) == ("role-gunman", "e-a", "e-oslo")
    assert sorted(e.document for e in event.evidence) == ["d1", "d3"]


def test_crossdoc_events_inferred_gunman_in_another_town_stays_apart() -> None:
    from dataclasses import replace

    named = replace(_ev("d3", 9, kind="ASSAULT", location=(50, 54)), actor_role="gunman")
    inferred = replace(
        _ev("d4", 9, kind="ASSAULT", location=(60, 66)), actor_role="gunman", implied_actor=True
    )
    assert len(merge_events([named, inferred], ENTITIES, _index())) == 2
