"""The shipped sample corpus: cleaning agrees with the metadata and boilerplate in gold.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsprism.clean
from newsprism.clean import clean_document
from newsprism.models import Document, RawDocument

SAMPLE = Path(newsprism.clean.__file__).resolve().parents[1] / "data" / "sample"
GOLD: dict[str, dict[str, Any]] = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))[
    "documents"
]


def _raw(name: str) -> RawDocument:
    file, _, record = name.partition("#")
    path = SAMPLE / "articles" / file
    if record:
        rec = json.loads(path.read_text(encoding="utf-8").splitlines()[int(record) - 1])
        return RawDocument(
            input=name,
            content=rec["text"],
            kind="text",
            url=rec.get("url"),
            title=rec.get("title"),
            outlet=rec.get("outlet"),
            published=rec.get("published"),
            authors=rec.get("authors") or [],
        )
    kind = "html" if file.endswith(".html") else "text"
    return RawDocument(input=name, content=path.read_text(encoding="utf-8"), kind=kind)


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {name: clean_document(_raw(name)) for name in sorted(GOLD)}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_clean_sample_metadata_matches_gold(name: str, docs: dict[str, Document]) -> None:
    gold, doc = GOLD[name], docs[name]
    assert doc.title == gold["title"]
    assert doc.authors == gold["authors"]
    assert not set(doc.authors) & set(gold["not_authors"])
    assert doc.outlet in gold["outlet_accept"]
    assert doc.published == gold["published"]
    assert doc.published not in gold["published_traps"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_clean_sample_text_is_the_article_body(name: str, docs: dict[str, Document]) -> None:
    gold, doc = GOLD[name], docs[name]
    for phrase in gold["boilerplate"]:
        assert phrase not in doc.text
    assert doc.text.startswith(gold["first_sentence"])
    assert doc.text.endswith(gold["last_sentence"])
    if gold["dateline"]:
        assert {"text": gold["dateline"], "reason": "dateline"} in [
            r.model_dump() for r in doc.removed
        ]
