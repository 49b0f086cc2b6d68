"""``sources.coverage``: the omission test reads heads as word prefixes, per source."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.models import Fact, FactValue
from newsprism.sources import coverage as cov


def _fact(fid: str, docs: list[str]) -> Fact:
    return Fact(
        id=fid,
        about="",
        status="corroborated",
        independent_sources=len(docs),
        values=[FactValue(value="v", claims=[], documents=docs)],
    )


@pytest.fixture
def heads(monkeypatch: Any) -> None:
    monkeypatch.setattr(cov, "_heads", lambda fact, claims: {"prison"})


def test_coverage_omitted_only_without_a_word_on_the_head(heads: None) -> None:
    source_of = {f"d{i}": f"k{i}" for i in range(5)}
    root_of = {d: d for d in source_of}
    texts = {
        "d0": "150 prisoners were freed",
        "d1": "the prisoners walked out",
        "d2": "a prison gate opened",
        "d3": "nothing about it here",  # omits the fact
        "d4": "Prisoners' families waited",  # a word on the head: not omitted
    }
    unique, omitted = cov.coverage([_fact("f1", ["d0", "d1", "d2"])], source_of, root_of, texts, {})
    assert omitted == {"k0": [], "k1": [], "k2": [], "k3": ["f1"], "k4": []}
    assert all(v == [] for v in unique.values())


def test_coverage_copies_count_for_their_original(heads: None) -> None:
    source_of = {"d0": "k0", "d1": "k1", "d2": "k2"}
    root_of = {"d0": "d0", "d1": "d0", "d2": "d2"}
    unique, omitted = cov.coverage(
        [_fact("f1", ["d0", "d1"])], source_of, root_of, {"d2": "unrelated"}, {}
    )
    assert unique["k0"] == ["f1"]
    assert omitted["k2"] == []  # one independent carrier is not "most others"
