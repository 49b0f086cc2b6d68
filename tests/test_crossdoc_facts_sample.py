"""Facts of a demo run, checked against the sample corpus gold.

Each gold fact lists the documents that state a value and the value they state;
the brief must hold one fact carrying those values from those documents, with
the gold status (a conflict where values cannot both be true, corroborated only
by independent sources, single-source when the only other carrier is a copy).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.models import Brief, Fact

GOLD_FACTS = 11


def _doc_ids(brief: Brief) -> dict[str, str]:
    return {Path(d.input).name: d.id for d in brief.documents}


def _number(value: str) -> str:
    # "4 hour" → "4"; "2026-03-03" stays whole.
    return value.split()[0]


def _stated(fact: Fact) -> set[tuple[str, str]]:
    return {(doc, _number(v.value)) for v in fact.values for doc in v.documents}


def _matching(brief: Brief, gold_fact: dict[str, Any]) -> list[Fact]:
    ids = _doc_ids(brief)
    want = {
        (ids[v["document"]], str(v["value"])) for v in gold_fact["values"] if v["value"] is not None
    }
    return [f for f in brief.facts if want <= _stated(f)]


def test_crossdoc_facts_sample_gold_has_the_facts_we_check(sample_gold: dict[str, Any]) -> None:
    assert len(sample_gold["facts"]) == GOLD_FACTS


@pytest.mark.parametrize("index", range(GOLD_FACTS))
def test_crossdoc_facts_sample_fact_matches_gold(
    sample_brief: Brief, sample_gold: dict[str, Any], index: int
) -> None:
    gold_fact = sample_gold["facts"][index]
    found = _matching(sample_brief, gold_fact)
    assert len(found) == 1, f"{gold_fact['id']}: {[f.about for f in found]}"
    fact = found[0]
    assert fact.status == gold_fact["status"], gold_fact["id"]
    if "independent_sources" in gold_fact:
        assert fact.independent_sources == gold_fact["independent_sources"]


def test_crossdoc_facts_sample_conflict_sets_the_odd_value_apart(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    # "nearly four hours", "about four hours" and "four hours" agree; "nine hours"
    # stands alone against them.
    gold_fact = next(f for f in sample_gold["facts"] if f["status"] == "conflict")
    (fact,) = _matching(sample_brief, gold_fact)
    ids = _doc_ids(sample_brief)
    by_value: dict[str, set[str]] = {}
    for v in gold_fact["values"]:
        by_value.setdefault(str(v["value"]), set()).add(ids[v["document"]])
    found = sorted(sorted(v.documents) for v in fact.values)
    assert sorted(map(sorted, by_value.values())) == found


def test_crossdoc_facts_sample_claim_spans_cut_their_text(sample_brief: Brief) -> None:
    texts = {d.id: d.text for d in sample_brief.documents}
    for claim in sample_brief.claims:
        assert texts[claim.document][claim.span[0] : claim.span[1]] == claim.text
        for slot in claim.slots:
            assert texts[claim.document][slot.span[0] : slot.span[1]] == slot.text
