"""Issues found from stance topics, and actor × issue positions, on hand-built inputs."""

from __future__ import annotations

from newsprism.crossdoc.positions import build_positions, discover_issues, events_and_positions
from newsprism.extract.events import ExtractedEvent
from newsprism.models import Entity, Mention


def _stance(
    doc: str, trig: int, stance: str, keys: tuple[str, ...], actor: tuple[int, int] = (0, 4)
) -> ExtractedEvent:
    kind = {"demand": "DEMAND", "oppose": "REJECT"}.get(stance, "AGREE")
    return ExtractedEvent(
        id=f"xe-{doc}-{trig}",
        document=doc,
        type=kind,
        lemma="x",
        trigger=(trig, trig + 4),
        mode="happened",
        evidence=(0, trig + 10),
        actor_ref=actor,
        stance=stance,
        topic=(trig, trig + 9),
        topic_keys=keys,
    )


ENTITIES = [
    Entity(
        id="e-x",
        name="Xan",
        type="PERSON",
        mentions=[Mention(document=d, span=(0, 4)) for d in ("d1", "d2", "d3")],
    ),
]
INDEX = {(m.document, *m.span): e.id for e in ENTITIES for m in e.mentions}


def test_crossdoc_positions_issue_clusters_share_a_head_noun() -> None:
    found = [
        _stance("d1", 10, "demand", ("security guarantee",)),
        _stance("d2", 10, "demand", ("binding guarantee", "ally")),
        _stance("d3", 10, "demand", ("security guarantee",)),
    ]
    labels = discover_issues(found)
    assert labels["binding guarantee"] == "security guarantee"
    (pos,) = build_positions(found, ENTITIES, INDEX)
    assert pos.issue == "security guarantee"
    assert pos.stance == "demand"
    assert len(pos.evidence) == 3
    assert pos.issue_terms == ["binding guarantee"]


def test_crossdoc_positions_flags_outlets_that_differ() -> None:
    found = [
        _stance("d1", 10, "demand", ("ceasefire",)),
        _stance("d2", 12, "oppose", ("ceasefire",)),
        _stance("d3", 14, "demand", ("tariff",)),
    ]
    positions = build_positions(found, ENTITIES, INDEX)
    on_truce = [p for p in positions if p.issue == "ceasefire"]
    assert sorted(p.stance for p in on_truce) == ["demand", "oppose"]
    assert all(p.outlets_differ for p in on_truce)
    assert not next(p for p in positions if p.issue == "tariff").outlets_differ


def test_crossdoc_positions_need_a_named_actor() -> None:
    found = [_stance("d1", 10, "demand", ("ceasefire",), actor=(50, 54))]
    assert build_positions(found, ENTITIES, INDEX) == []


def test_crossdoc_positions_event_issue_matches_position_issue() -> None:
    found = [
        _stance("d1", 10, "demand", ("ceasefire",)),
        _stance("d2", 10, "demand", ("ceasefire",)),
    ]
    events, positions = events_and_positions(found, ENTITIES, INDEX)
    assert [e.issue for e in events] == ["ceasefire"]
    assert [p.issue for p in positions] == ["ceasefire"]


def test_crossdoc_positions_issue_must_name_something() -> None:
    from newsprism.crossdoc.issues import meaningful

    for good in ("ceasefire", "tax plan", "water rights bill", "NATO membership", "withdrawal"):
        assert meaningful(good), good
    for bad in ("word", "wife", "nation", "problem", "self", "pocket", "exit", "style protection"):
        assert not meaningful(bad), bad


def test_crossdoc_positions_generic_first_key_gives_no_position() -> None:
    # "asked for a diplomatic exit … for peace": the stance is on "exit", not on peace.
    found = [_stance("d1", 10, "demand", ("exit", "peace"))]
    assert build_positions(found, ENTITIES, INDEX) == []


def test_crossdoc_positions_each_stance_keeps_its_own_issue() -> None:
    # A rejected withdrawal stays a withdrawal even when other outlets talk of a ceasefire.
    found = [
        _stance("d1", 10, "oppose", ("withdrawal", "ceasefire")),
        _stance("d2", 10, "demand", ("ceasefire",)),
        _stance("d3", 10, "demand", ("ceasefire",)),
    ]
    issues = {(p.issue, p.stance) for p in build_positions(found, ENTITIES, INDEX)}
    assert issues == {("withdrawal", "oppose"), ("ceasefire", "demand")}


def test_crossdoc_positions_flipped_demand_shows_no_issue_on_the_event() -> None:
    # "demanded that Estmark renounce its membership": a DEMAND event, an oppose position.
    from dataclasses import replace

    found = [replace(_stance("d1", 10, "oppose", ("membership",)), type="DEMAND")]
    events, positions = events_and_positions(found, ENTITIES, INDEX)
    assert [e.issue for e in events] == [None]
    assert [(p.issue, p.stance) for p in positions] == [("membership", "oppose")]
