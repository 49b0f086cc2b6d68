"""The whole pipeline on the shipped sample corpus, checked against its gold file.

Each gold document states what a careful reader sees: its title, authors (and the
names that must never be taken for authors), outlet, publication date (and the
teaser dates that must never be taken for it), the boilerplate that must be gone
and the first and last sentences that must survive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.models import Brief, Document


@pytest.fixture(scope="module")
def gold(sample_gold: dict[str, Any]) -> dict[str, Any]:
    return sample_gold


@pytest.fixture(scope="module")
def brief(sample_brief: Brief) -> Brief:
    return sample_brief


def _by_key(brief: Brief) -> dict[str, Document]:
    """Gold keys are file names, with ``#n`` for the n-th record of a JSONL file."""
    return {Path(d.input).name: d for d in brief.documents}


def test_pipeline_sample_reads_every_gold_document(brief: Brief, gold: dict[str, Any]) -> None:
    assert sorted(_by_key(brief)) == sorted(gold["documents"])
    assert brief.skipped == []


@pytest.mark.parametrize("field", ["title", "authors", "published"])
def test_pipeline_sample_metadata_matches_gold(
    brief: Brief, gold: dict[str, Any], field: str
) -> None:
    docs = _by_key(brief)
    wrong = {
        key: (getattr(docs[key], field), want[field])
        for key, want in gold["documents"].items()
        if getattr(docs[key], field) != want[field]
    }
    assert wrong == {}


def test_pipeline_sample_outlet_is_gold_or_unknown(brief: Brief, gold: dict[str, Any]) -> None:
    docs = _by_key(brief)
    for key, want in gold["documents"].items():
        assert docs[key].outlet in want["outlet_accept"], key


def test_pipeline_sample_never_takes_traps_for_metadata(
    brief: Brief, gold: dict[str, Any]
) -> None:
    docs = _by_key(brief)
    for key, want in gold["documents"].items():
        doc = docs[key]
        for name in want["not_authors"]:
            assert all(name.lower() not in a.lower() for a in doc.authors), (key, name)
        assert doc.published not in want["published_traps"], key


def test_pipeline_sample_boilerplate_is_removed_and_kept_for_audit(
    brief: Brief, gold: dict[str, Any]
) -> None:
    docs = _by_key(brief)
    for key, want in gold["documents"].items():
        doc = docs[key]
        left = [marker for marker in want["boilerplate"] if marker in doc.text]
        assert left == [], key
        if want["format"] == "txt" and want["boilerplate"]:
            assert doc.removed, f"{key}: removed text must be kept for audit"


def test_pipeline_sample_keeps_first_and_last_sentences(
    brief: Brief, gold: dict[str, Any]
) -> None:
    docs = _by_key(brief)
    for key, want in gold["documents"].items():
        text = docs[key].text
        assert want["first_sentence"] in text[: len(want["first_sentence"]) + 200], key
        assert text.rstrip().endswith(want["last_sentence"]), key


def test_pipeline_sample_marks_the_syndicated_copy(brief: Brief, gold: dict[str, Any]) -> None:
    docs = _by_key(brief)
    for key, want in gold["documents"].items():
        original = want["duplicate_of"]
        expected = docs[original].id if original else None
        assert docs[key].duplicate_of == expected, key
