"""Entity linking on the alaska-summit corpus (raw files, five outlets, one summit)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.crossdoc.link import link_entities
from newsprism.extract.entities import EntityMention, extract_mentions
from newsprism.models import Entity


@pytest.fixture(scope="module")
def alaska(alaska_dir: Path, nlp: Any) -> tuple[list[EntityMention], dict[str, str], list[Entity]]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(alaska_dir.glob("*.txt"))}
    mentions = [m for name, text in texts.items() for m in extract_mentions(name, nlp(text))]
    return mentions, texts, link_entities(mentions, texts)


def _holding(entities: list[Entity], surface: str) -> list[Entity]:
    return [e for e in entities if e.name == surface or surface in e.aliases]


def test_link_alaska_mentions_cut_their_text(alaska: Any) -> None:
    mentions, texts, entities = alaska
    assert mentions
    for m in mentions:
        assert texts[m.document][m.start : m.end] == m.text
    for e in entities:
        for m in e.mentions:
            assert texts[m.document][m.span[0] : m.span[1]] in {e.name, *e.aliases}


def test_link_alaska_zelensky_spellings_one_person(alaska: Any) -> None:
    entities = alaska[2]
    found = {e.id for s in ("Zelensky", "Zelenskiy", "Zelenskyy") for e in _holding(entities, s)}
    assert len(found) == 1
    (zelensky,) = [e for e in entities if e.id in found]
    assert zelensky.type == "PERSON"
    assert zelensky.name.startswith("Volodymyr Zelensk")


@pytest.mark.parametrize("short, full", [("Trump", "Donald Trump"), ("Putin", "Vladimir Putin")])
def test_link_alaska_surname_links_to_full_name(alaska: Any, short: str, full: str) -> None:
    entities = alaska[2]
    holders = _holding(entities, short)
    assert [e.name for e in holders] == [full]
    assert holders[0].type == "PERSON"
    assert len(holders[0].mentions) >= 20


@pytest.mark.parametrize("place", ["Kyiv", "Luhansk", "Donetsk", "Anchorage", "Alaska", "Moscow"])
def test_link_alaska_places_typed_as_places(alaska: Any, place: str) -> None:
    holders = _holding(alaska[2], place)
    assert [e.type in ("GPE", "LOC") for e in holders] == [True]


def test_link_alaska_no_headline_junk(alaska: Any) -> None:
    names = {e.name for e in alaska[2]}
    assert not names & {"Leaders Meet", "Yield Breakthrough", "Road Ahead", "Criticism"}


def test_link_alaska_names_unique_and_us_aliases_joined(alaska: Any) -> None:
    entities = alaska[2]
    names = [e.name for e in entities]
    assert len(names) == len(set(names))
    assert len({e.id for s in ("U.S.", "US", "United States") for e in _holding(entities, s)}) == 1
