"""Quotes on the five real alaska-summit articles (../shared), asserted by names only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.crossdoc.link import entity_index, link_entities
from newsprism.crossdoc.quotes import attach_speakers, group_quotes
from newsprism.extract.entities import extract_mentions
from newsprism.extract.quotes import extract_quotes
from newsprism.models import Quote, QuoteGroup


@pytest.fixture(scope="module")
def alaska(
    alaska_dir: Path, nlp: Any
) -> tuple[dict[str, str], list[Quote], dict[str, str], list[QuoteGroup]]:
    texts = {p.stem[:3]: p.read_text(encoding="utf-8") for p in sorted(alaska_dir.glob("*.txt"))}
    mentions = []
    extracted = []
    for doc_id, sdoc in zip(texts, nlp.pipe(texts.values()), strict=True):
        found = extract_mentions(doc_id, sdoc)
        mentions.extend(found)
        extracted.extend(extract_quotes(doc_id, sdoc, found))
    entities = link_entities(mentions, texts)
    names = {e.id: e.name for e in entities}
    quotes = attach_speakers(extracted, entity_index(entities))
    return texts, quotes, names, group_quotes(quotes, texts, {})


def _speaker_of(alaska: Any, doc: str, words: str) -> str | None:
    _, quotes, names, _ = alaska
    hits = [q for q in quotes if q.document == doc and words in q.text]
    assert hits, f"no quote containing {words!r} in {doc}"
    name: str | None = names.get(hits[0].speaker or "")
    return name


def test_extract_quotes_alaska_spans_cut_text(alaska: Any) -> None:
    texts, quotes, _, _ = alaska
    assert len(quotes) > 20
    for q in quotes:
        assert texts[q.document][q.span[0] : q.span[1]] == q.text
        if q.speaker_span:
            assert q.speaker_span[1] <= len(texts[q.document])


@pytest.mark.parametrize(
    ("doc", "words", "who"),
    [
        ("000", "no deal until", "Trump"),  # "Trump himself admitted, “…”"
        ("003", "get there", "Trump"),  # "Yet he candidly admitted, “…”"
        ("000", "reference point", "Putin"),
        ("003", "national security", "Putin"),
        ("003", "legitimate concerns", "Putin"),  # "He insisted on …"
        ("001", "close to a deal", "Trump"),
    ],
)
def test_extract_quotes_alaska_speakers(alaska: Any, doc: str, words: str, who: str) -> None:
    name = _speaker_of(alaska, doc, words)
    assert name is not None and who in name


def test_extract_quotes_alaska_he_quote_has_pronoun_span(alaska: Any) -> None:
    texts, quotes, _, _ = alaska
    (q,) = [q for q in quotes if q.document == "003" and "get there" in q.text]
    assert q.speaker_span is not None
    assert texts["003"][q.speaker_span[0] : q.speaker_span[1]].lower() == "he"


def test_extract_quotes_alaska_backdrop_has_no_speaker(alaska: Any) -> None:
    _, quotes, _, _ = alaska
    assert not [q for q in quotes if "Pursuing Peace" in q.text and q.speaker is not None]


def test_extract_quotes_alaska_shared_quote_grouped(alaska: Any) -> None:
    _, quotes, names, groups = alaska
    by_id = {q.id: q for q in quotes}
    hits = [g for g in groups if any("many, many points" in by_id[i].text for i in g.quotes)]
    assert len(hits) == 1
    group = hits[0]
    assert {"000", "003"} <= set(group.documents)
    assert any("Trump" in names[s] for s in group.speakers)
