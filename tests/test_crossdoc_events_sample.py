"""Events and positions of the sample corpus against its gold (gold.json)."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.models import Brief, Event, Evidence


def _doc_id(brief: Brief, gold_key: str) -> str:
    (doc,) = [d for d in brief.documents if d.input.replace("\\", "/").endswith("/" + gold_key)]
    return doc.id


def _covered(brief: Brief, gold_doc: str, text: str, evidence: list[Evidence]) -> bool:
    """Some evidence span of ours overlaps where the gold sentence sits in that document."""
    doc_id = _doc_id(brief, gold_doc)
    start = brief.document(doc_id).text.find(text)
    assert start >= 0, f"gold text not in {gold_doc}: {text!r}"
    end = start + len(text)
    return any(e.document == doc_id and e.span[0] < end and start < e.span[1] for e in evidence)


def _entity(brief: Brief, name: str) -> str:
    return next(e.id for e in brief.entities if e.name == name)


def _find(brief: Brief, kind: str, parties: set[str], mode: str | None = None) -> Event:
    ids = {_entity(brief, n) for n in parties}
    hits = [
        e
        for e in brief.events
        if e.type == kind and ids <= {e.actor, e.target} and (mode is None or e.mode == mode)
    ]
    assert hits, f"no {kind} event between {parties}"
    return max(hits, key=lambda e: len(e.evidence))


def test_sample_events_spans_are_exact(sample_brief: Brief) -> None:
    assert sample_brief.events and sample_brief.positions
    for item in [*sample_brief.events, *sample_brief.positions]:
        for ev in item.evidence:
            text = sample_brief.document(ev.document).text
            assert 0 <= ev.span[0] < ev.span[1] <= len(text)
            assert text[ev.span[0] : ev.span[1]].strip() == text[ev.span[0] : ev.span[1]]


@pytest.mark.parametrize(
    ("index", "parties", "min_share"),
    [
        (0, {"Tomas Reyes", "Oleksandr Marchenko"}, 0.6),  # the summit
        (7, {"Ilse Varga", "Yuriy Bondar"}, 0.75),  # the planned foreign ministers' meeting
        (8, {"Oleksandr Marchenko", "Tomas Reyes"}, 1.0),  # the invitation to Drevna
    ],
)
def test_sample_events_meetings_match_gold(
    sample_brief: Brief,
    sample_gold: dict[str, Any],
    index: int,
    parties: set[str],
    min_share: float,
) -> None:
    gold = sample_gold["events"][index]
    event = _find(sample_brief, gold["type"], parties, gold["mode"])
    assert event.date == gold["date"]
    if gold["location"] and index != 8:
        assert event.location == _entity(sample_brief, gold["location"])
    hit = [
        g
        for g in gold["evidence"]
        if _covered(sample_brief, g["document"], g["text"], event.evidence)
    ]
    assert len(hit) / len(gold["evidence"]) >= min_share


def test_sample_events_merge_each_meeting_once(sample_brief: Brief) -> None:
    summit = [e for e in sample_brief.events if e.type == "CONSULT" and e.date == "2026-03-03"]
    assert len(summit) == 1
    assert len({e.document for e in summit[0].evidence}) >= 4


def test_sample_events_threat_is_conditional(sample_brief: Brief) -> None:
    threat = _find(sample_brief, "THREATEN", {"Oleksandr Marchenko"}, "conditional")
    assert len({e.document for e in threat.evidence}) >= 3


@pytest.mark.parametrize(
    ("actors", "issue", "stance", "gold_index"),
    [
        ({"Kestovia", "Oleksandr Marchenko"}, "territory", "demand", 0),
        ({"Tomas Reyes"}, "territory", "oppose", 1),
        ({"Northern Compact"}, "ceasefire", "demand", 3),
        ({"Oleksandr Marchenko"}, "sanction", "oppose", 5),  # wants them lifted
    ],
)
def test_sample_positions_match_gold(
    sample_brief: Brief,
    sample_gold: dict[str, Any],
    actors: set[str],
    issue: str,
    stance: str,
    gold_index: int,
) -> None:
    ids = {_entity(sample_brief, a) for a in actors}
    hits = [
        p
        for p in sample_brief.positions
        if p.actor in ids and p.issue == issue and p.stance == stance
    ]
    assert hits, f"no {stance} on {issue} by {actors}"
    gold = sample_gold["positions"][gold_index]
    evidence = [e for p in hits for e in p.evidence]
    assert any(_covered(sample_brief, g["document"], g["text"], evidence) for g in gold["evidence"])


def test_sample_positions_flag_reyes_ceasefire_reported_both_ways(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    conflict = sample_gold["stance_conflicts"][0]
    reyes = _entity(sample_brief, conflict["actor"])
    on_truce = [p for p in sample_brief.positions if p.actor == reyes and p.issue == "ceasefire"]
    assert {p.stance for p in on_truce} == {r["stance"] for r in conflict["reports"]}
    assert all(p.outlets_differ for p in on_truce)
    for report in conflict["reports"]:
        (p,) = [p for p in on_truce if p.stance == report["stance"]]
        assert _covered(sample_brief, report["document"], report["text"], p.evidence)


def test_sample_events_main_event_is_the_summit(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    gold = sample_gold["main_event"]
    (main,) = [e for e in sample_brief.events if e.main]
    assert main.type == gold["type"] and main.date == gold["date"]
    assert {main.actor, main.target} == {
        _entity(sample_brief, gold["actor"]),
        _entity(sample_brief, gold["target"]),
    }
    assert main.location == _entity(sample_brief, gold["location"])


def test_sample_events_unnamed_police_did_not_arrest(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    for gold in sample_gold["unnamed_actor_events"]:
        hits = [
            e
            for e in sample_brief.events
            if e.type == gold["type"] and e.actor_role == gold["actor_role"]
        ]
        assert hits and all(e.mode == gold["mode"] for e in hits)
        evidence = [ev for e in hits for ev in e.evidence]
        for g in gold["evidence"]:
            assert _covered(sample_brief, g["document"], g["text"], evidence)


def test_sample_positions_issues_name_something(sample_brief: Brief) -> None:
    from newsprism.crossdoc.issues import meaningful

    assert all(meaningful(p.issue) for p in sample_brief.positions)
