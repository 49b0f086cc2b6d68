"""Events and positions on the real Alaska summit coverage in ../shared (skipped when absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsprism.models import Brief, Evidence

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def alaska(alaska_dir: Path) -> Brief:
    from newsprism.pipeline import run

    return run([str(alaska_dir)], now=NOW)


def _ids(brief: Brief, *names: str) -> set[str]:
    return {e.id for e in brief.entities if e.name in names}


def _texts(brief: Brief, evidence: list[Evidence]) -> list[str]:
    return [brief.document(e.document).text[e.span[0] : e.span[1]] for e in evidence]


def _stances(brief: Brief, actors: set[str], issue: str, stances: set[str]) -> list[str]:
    hits = [
        p for p in brief.positions if p.actor in actors and p.issue == issue and p.stance in stances
    ]
    assert hits, f"no {stances} on {issue!r}"
    return [t for p in hits for t in _texts(brief, p.evidence)]


def test_alaska_events_summit_date_and_place(alaska: Brief) -> None:
    trump, putin = _ids(alaska, "Donald Trump"), _ids(alaska, "Vladimir Putin")
    summits = [
        e
        for e in alaska.events
        if e.type == "CONSULT"
        and e.mode == "happened"
        and {e.actor, e.target} & trump
        and {e.actor, e.target} & putin
    ]
    (summit,) = summits
    assert summit.date == "2025-08-15"
    assert summit.location in _ids(alaska, "Anchorage")
    assert len({e.document for e in summit.evidence}) >= 4


def test_alaska_positions_russian_demands(alaska: Brief) -> None:
    russia = _ids(alaska, "Vladimir Putin", "Russia")
    territory = _stances(alaska, russia, "territory", {"demand"})
    assert any("cede" in t for t in territory)
    # Demanding that Ukraine renounce NATO membership is a stance against the membership.
    nato = _stances(alaska, russia, "NATO membership", {"oppose"})
    assert any("NATO membership" in t for t in nato)


def test_alaska_positions_ukraine_rejects_ceding_land_and_wants_guarantees(alaska: Brief) -> None:
    ukraine = _ids(alaska, "Ukraine", "Volodymyr Zelenskyy")
    assert any("land" in t for t in _stances(alaska, ukraine, "territory", {"oppose"}))
    guarantees = _stances(alaska, ukraine, "security guarantee", {"demand"})
    assert any("security guarantee" in t for t in guarantees)


def test_alaska_positions_europe_wants_a_ceasefire_first(alaska: Brief) -> None:
    europe = _ids(alaska, "Europe")
    texts = _stances(alaska, europe, "ceasefire", {"demand", "condition"})
    assert any("ceasefire" in t for t in texts)


def test_alaska_events_spans_exact(alaska: Brief) -> None:
    for item in [*alaska.events, *alaska.positions]:
        for text in _texts(alaska, item.evidence):
            assert text and text == text.strip()


def test_alaska_positions_trump_prefers_a_peace_deal_to_a_ceasefire(alaska: Brief) -> None:
    trump = _ids(alaska, "Donald Trump")
    assert any("peace deal" in t for t in _stances(alaska, trump, "peace deal", {"demand"}))
    assert any("abandoned" in t for t in _stances(alaska, trump, "ceasefire", {"oppose"}))


def test_alaska_positions_issues_name_something(alaska: Brief) -> None:
    from newsprism.crossdoc.issues import meaningful

    assert alaska.positions
    for p in alaska.positions:
        assert meaningful(p.issue), p.issue
        assert p.issue not in ("pocket", "exit", "style security protection", "peace")


def test_alaska_events_no_feared_or_pending_event_happened(alaska: Brief) -> None:
    for e in alaska.events:
        texts = " ".join(_texts(alaska, e.evidence))
        if e.mode == "happened":
            assert "had to approve" not in texts and "feared" not in texts, texts
        assert not (e.type == "SUPPORT" and "welcomed Putin" in texts)
        assert not (e.type == "AID" and "offered" in texts)
    (main,) = [e for e in alaska.events if e.main]
    assert main.type == "CONSULT" and main.date == "2025-08-15"


def test_alaska_positions_outlets_differ_on_trumps_ceasefire_stance(alaska: Brief) -> None:
    trump = _ids(alaska, "Donald Trump")
    on_truce = [p for p in alaska.positions if p.actor in trump and p.issue == "ceasefire"]
    assert {p.stance for p in on_truce} == {"demand", "oppose"}
    assert all(p.outlets_differ for p in on_truce)
    assert len({e.document for p in on_truce for e in p.evidence}) == 2
