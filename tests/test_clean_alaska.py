"""The five alaska-summit articles (../shared): what a careful reader sees.

No article text is copied here: the expected last paragraph is read from each
file at test time (its last long line that ends a sentence).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import clean_document
from newsprism.models import Document, RawDocument

BOILERPLATE = (
    "Spread the love",
    "Next Post",
    "You May Like",
    "Comments are closed",
    "About Writer",
    "Chief Editor",
    "Quick Links",
)


def _files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 5
    return files


def _clean(path: Path) -> Document:
    with open(path, encoding="utf-8") as handle:
        content = handle.read()
    return clean_document(RawDocument(input=str(path), content=content, kind="text"))


def _last_paragraph(path: Path) -> str:
    with open(path, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle.read().splitlines()]
    prose = [line for line in lines if len(line) > 200 and line.endswith((".", "!", "?", "”"))]
    return prose[-1]


@pytest.fixture(scope="module")
def docs(alaska_dir: Path) -> list[tuple[Path, Document]]:
    return [(path, _clean(path)) for path in _files(alaska_dir)]


def test_clean_alaska_no_boilerplate_left(docs: list[tuple[Path, Document]]) -> None:
    for path, doc in docs:
        for phrase in BOILERPLATE:
            assert phrase not in doc.text, f"{path.name}: {phrase!r} left in text"


def test_clean_alaska_real_last_paragraph_ends_text(docs: list[tuple[Path, Document]]) -> None:
    for path, doc in docs:
        assert doc.text.endswith(_last_paragraph(path)), path.name


def test_clean_alaska_authors_only_where_a_byline_is(docs: list[tuple[Path, Document]]) -> None:
    authors = [doc.authors for _, doc in docs]
    assert authors[0] == ["Qamar Bashir"]
    assert authors[1] == ["Qamar Bashir"]
    assert authors[2] == ["Poonam Sharma"]
    assert authors[3] == []
    assert authors[4] == []


def test_clean_alaska_titles(docs: list[tuple[Path, Document]]) -> None:
    titles = [doc.title for _, doc in docs]
    assert titles[0] is not None and titles[0].endswith("?")
    assert titles[1] is None
    assert titles[2] is not None and titles[2].startswith("Trump")
    assert titles[3] is None
    assert titles[4] is None  # its first line is a lead sentence, not a headline
    for title, (_, doc) in zip(titles, docs, strict=True):
        assert title is None or not doc.text.startswith(title)


def test_clean_alaska_teaser_date_is_not_published(docs: list[tuple[Path, Document]]) -> None:
    for path, doc in docs:
        assert doc.published != "2025-08-16", path.name
    # Unknown beats wrong: none of the five states its own publication date.
    assert [doc.published for _, doc in docs] == [None] * 5


def test_clean_alaska_outlet_from_attribution(docs: list[tuple[Path, Document]]) -> None:
    assert docs[3][1].outlet == "24brussels"
    assert [doc.outlet for _, doc in docs[:3]] == [None, None, None]


def test_clean_alaska_subheadings_kept(docs: list[tuple[Path, Document]]) -> None:
    path, doc = docs[2]
    with open(path, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle.read().splitlines()]
    # Short heading lines between the first and last paragraph stay, verbatim.
    first = next(i for i, line in enumerate(lines) if len(line) > 200)
    last = max(i for i, line in enumerate(lines) if len(line) > 200)
    headings = [line for line in lines[first:last] if 0 < len(line) < 60]
    assert headings
    paragraphs = doc.text.split("\n\n")
    for heading in headings:
        assert heading in paragraphs


def test_clean_alaska_removed_records_reasons(docs: list[tuple[Path, Document]]) -> None:
    reasons = {r.reason for r in docs[0][1].removed}
    assert {"title", "byline", "author_bio", "share", "related", "credits", "menu"} <= reasons
    assert docs[3][1].removed == [] and docs[4][1].removed == []
