"""Entity extraction + linking on the sample corpus, checked against its ``gold.json``.

Runs only the stages up to linking (ingest, clean, annotate, entity mentions,
link), so a change in quotes or facts cannot break these checks.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsprism import sample_corpus
from newsprism.crossdoc.link import link_entities
from newsprism.extract.entities import TITLE_WORDS, EntityMention, extract_mentions
from newsprism.models import Entity
from newsprism.nlp import annotate
from newsprism.pipeline import Options, collect

GOLD: dict[str, Any] = json.loads(
    (sample_corpus().parent / "gold.json").read_text(encoding="utf-8")
)
GOLD_ENTITIES: list[dict[str, Any]] = GOLD["entities"]

# Entities that must not exist: split-off variants of a gold entity, menu
# labels and NER spans that glue a person to a place.
JUNK = [
    "Marchenko",
    "Olexandr Marchenko",
    "Aleksandr Marchenko",
    "Yuri Bondar",
    "Compact",
    "Anneliese",
    "Tallis",
    "Ilse Varga of Valdoria",
    "Menu",
    "World",
]


@pytest.fixture(scope="module")
def linked() -> tuple[list[EntityMention], dict[str, str], list[Entity]]:
    documents, _ = collect([str(sample_corpus())], Options())
    texts = {d.id: d.text for d in documents}
    parsed = annotate(d.text for d in documents)
    mentions = [
        m for d, sdoc in zip(documents, parsed, strict=True) for m in extract_mentions(d.id, sdoc)
    ]
    return mentions, texts, link_entities(mentions, texts)


def _holding(entities: list[Entity], surface: str) -> list[Entity]:
    return [e for e in entities if e.name == surface or surface in e.aliases]


def _surface(variant: str) -> str:
    """The gold variant as a mention reads: no possessive, article, title or "region"."""
    for ending in ("'s", "’s"):
        variant = variant.removesuffix(ending)
    words = variant.split()
    while len(words) > 1 and (
        words[0].lower() == "the" or words[0].lower().rstrip(".") in TITLE_WORDS
    ):
        words = words[1:]
    if len(words) > 1 and words[-1] == "region":
        words = words[:-1]
    return " ".join(words)


@pytest.mark.parametrize("gold", GOLD_ENTITIES, ids=[g["name"] for g in GOLD_ENTITIES])
def test_link_sample_gold_entity_once_with_its_type(linked: Any, gold: dict[str, Any]) -> None:
    holders = _holding(linked[2], gold["name"])
    assert [e.name for e in holders] == [gold["name"]]
    assert holders[0].type in {gold["type"], *gold.get("accept_types", [])}


@pytest.mark.parametrize("gold", GOLD_ENTITIES, ids=[g["name"] for g in GOLD_ENTITIES])
def test_link_sample_gold_variants_on_that_entity(linked: Any, gold: dict[str, Any]) -> None:
    entities = linked[2]
    assert len(_holding(entities, gold["name"])) == 1
    for variant in gold["variants"]:
        surface = _surface(variant)
        where = [e.name for e in _holding(entities, surface)]
        # A bare surname two gold people share ("Reyes": the president and his
        # wife) is a form of each; it must not reach anyone else.
        sharing = {g["name"] for g in GOLD_ENTITIES if g["name"].split()[-1] == surface}
        allowed = {gold["name"]} | (sharing if len(sharing) > 1 else set())
        assert gold["name"] in where and set(where) <= allowed, f"{variant!r} is on {where}"


def test_link_sample_names_unique(linked: Any) -> None:
    names = [e.name for e in linked[2]]
    assert len(names) == len(set(names))


def test_link_sample_no_junk_entities(linked: Any) -> None:
    entities = linked[2]
    assert not {e.name for e in entities} & set(JUNK)
    types = {e.name: e.type for e in entities}
    assert types.get("Civic Bloc", "ORG") == "ORG"
    assert types.get("Unity Square", "FAC") in ("FAC", "LOC")
    assert types.get("Lidia Oresh", "PERSON") == "PERSON"


def test_link_sample_mentions_cut_their_text(linked: Any) -> None:
    mentions, texts, entities = linked
    assert mentions
    for m in mentions:
        assert texts[m.document][m.start : m.end] == m.text
    for e in entities:
        for m in e.mentions:
            assert texts[m.document][m.span[0] : m.span[1]] in {e.name, *e.aliases}
