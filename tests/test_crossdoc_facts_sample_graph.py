"""The claim graph end to end on the sample corpus, against ``gold.json["claim_graph"]``.

Statement facts agreed by several reports, a non-numeric dispute (accepted vs
declined), an allegation repeated by three outlets (corroborated that it was
said), a background incident in another year, a month-day date without a year,
and "not yet arrested" (no count). Also the summary built from the graph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.models import Brief, Fact


def _ids(brief: Brief) -> dict[str, str]:
    return {Path(d.input).name: d.id for d in brief.documents}


def _claims_of(fact: Fact) -> set[str]:
    return {c for v in fact.values for c in v.claims}


def _claim_with(brief: Brief, doc: str, text: str) -> str:
    found = [c.id for c in brief.claims if c.document == doc and text in c.text]
    assert found, f"no claim in {doc} with {text!r}"
    return found[0]


def _graph(gold: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = gold["claim_graph"]
    return data


def _statement(gold: dict[str, Any], key: str) -> dict[str, Any]:
    return next(s for s in _graph(gold)["statements"] if s["id"] == key)


def _fact_holding(brief: Brief, claim_ids: set[str]) -> Fact:
    found = [f for f in brief.facts if f.kind == "statement" and claim_ids <= _claims_of(f)]
    assert len(found) == 1, [f.about for f in found]
    return found[0]


@pytest.mark.parametrize("key", ["leaders_met", "no_deal", "dorin_allegation"])
def test_crossdoc_facts_sample_graph_statement_is_corroborated(
    sample_brief: Brief, sample_gold: dict[str, Any], key: str
) -> None:
    gold = _statement(sample_gold, key)
    ids = _ids(sample_brief)
    claims = {_claim_with(sample_brief, ids[d], t)
              for d, t in zip(gold["documents"], gold["texts"], strict=True)}
    fact = _fact_holding(sample_brief, claims)
    assert fact.status == gold["status"]
    assert fact.independent_sources >= len(gold["documents"])
    assert fact.main_event == gold.get("main_event", False)
    if "polarity" in gold:
        assert {v.polarity for v in fact.values} == {gold["polarity"]}
    if "attributed_to" in gold:
        assert fact.attributed
        speaker = sample_brief.entity(fact.attributed_to) if fact.attributed_to else None
        assert speaker is not None and speaker.name == gold["attributed_to"]
    else:
        assert not fact.attributed


def test_crossdoc_facts_sample_graph_accepted_vs_declined_is_disputed(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    gold = _statement(sample_gold, "invitation")
    ids = _ids(sample_brief)
    sides = [{_claim_with(sample_brief, ids[d], t) for d in side["documents"]
              for t in side["texts"] if t in sample_brief.document(ids[d]).text}
             for side in gold["sides"]]
    fact = _fact_holding(sample_brief, set().union(*sides))
    assert fact.status == "conflict"
    assert fact.about.startswith("whether Reyes")
    found = sorted(sorted(v.documents) for v in fact.values)
    want = sorted(sorted(ids[d] for d in side["documents"]) for side in gold["sides"])
    assert found == want


def test_crossdoc_facts_sample_graph_background_never_disputes(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    ids = _ids(sample_brief)
    (old,) = _graph(sample_gold)["background"]
    (new,) = _graph(sample_gold)["not_background"]
    old_claim = _claim_with(sample_brief, ids[old["document"]], old["text"])
    new_claim = _claim_with(sample_brief, ids[new["document"]], new["text"])
    for fact in sample_brief.facts:
        claims = _claims_of(fact)
        if old_claim in claims:
            assert fact.background and fact.status != "conflict"
            assert new_claim not in claims
        if new_claim in claims:
            assert not fact.background and fact.status != "conflict"


def test_crossdoc_facts_sample_graph_dates_and_counts_hygiene(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    ids = _ids(sample_brief)
    for item in _graph(sample_gold)["dates"]:
        doc = ids[item["document"]]
        slots = [s for c in sample_brief.claims if c.document == doc for s in c.slots
                 if s.kind == "date" and s.text == item["text"]]
        assert [s.value for s in slots] == [item["value"]]
    for item in _graph(sample_gold)["no_count"]:
        doc = ids[item["document"]]
        for c in sample_brief.claims:
            if c.document == doc and item["text"] in c.text:
                assert not [s for s in c.slots if s.unit == "arrested"], c.text


def test_crossdoc_facts_sample_graph_summary_leads_with_the_main_event(
    sample_brief: Brief,
) -> None:
    summary = sample_brief.summary
    assert 3 <= len(summary) <= 12
    assert summary[0].role == "main_event"
    assert summary[0].sources is not None and summary[0].sources >= 3
    assert len(summary[0].citations) >= 3
    disputes = {f.id for f in sample_brief.facts if f.status == "conflict" and not f.background}
    shown = {s.fact for s in summary if s.role == "dispute"}
    assert disputes <= shown  # every dispute, both sides
    for fact_id in disputes:
        assert sum(1 for s in summary if s.fact == fact_id) >= 2
    texts = {d.id: d.text for d in sample_brief.documents}
    assert len({s.text for s in summary}) == len(summary)
    for line in summary:
        assert any(texts[c.document][c.span[0]:c.span[1]] == line.text for c in line.citations)
