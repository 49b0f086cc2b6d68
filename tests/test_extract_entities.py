"""Entity mention cleaning on invented sentences.

Most tests set ``doc.ents`` by hand so that they test the cleaning rules, not
the statistical NER; the parse (POS, dependencies) still comes from the model.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.extract.entities import EntityMention, extract_mentions


def _parse(nlp: Any, text: str, ents: list[tuple[str, str]] | None = None) -> Any:
    """Parse ``text``; with ``ents``, replace NER output by these (phrase, label) spans."""
    doc = nlp(text)
    if ents is not None:
        spans = []
        pos = 0
        for phrase, label in ents:
            start = text.index(phrase, pos)
            span = doc.char_span(start, start + len(phrase), label=label)
            assert span is not None, phrase
            spans.append(span)
            pos = start + len(phrase)
        doc.ents = spans
    return doc


def _texts(mentions: list[EntityMention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in mentions]


def test_extract_entities_every_span_cuts_its_text(nlp: Any) -> None:
    text = (
        "Prime Minister Anna Kowalczyk met Mr. Brandt in Oslo on Monday.\n"
        "The Halvard Institute's report cost $5 million, officials from the Faroe Islands said.\n"
        "Refugees fled from Kestova last year and Brandt spoke to Lindqvist."
    )
    mentions = extract_mentions("d1", _parse(nlp, text))
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.document == "d1"
    assert mentions == sorted(mentions, key=lambda m: (m.start, m.end))


def test_extract_entities_skips_slot_labels(nlp: Any) -> None:
    text = "Nordbank paid $5 million on Monday to 300 workers, or 12 percent."
    doc = _parse(
        nlp,
        text,
        [("Nordbank", "ORG"), ("$5 million", "MONEY"), ("Monday", "DATE"), ("300", "CARDINAL")],
    )
    assert _texts(extract_mentions("d", doc)) == [("Nordbank", "ORG")]


def test_extract_entities_strips_titles(nlp: Any) -> None:
    text = "Prime Minister Anna Kowalczyk and Dr. Piet Brandt met President Sorensen."
    doc = _parse(
        nlp,
        text,
        [
            ("Prime Minister Anna Kowalczyk", "PERSON"),
            ("Dr. Piet Brandt", "PERSON"),
            ("President Sorensen", "PERSON"),
        ],
    )
    assert _texts(extract_mentions("d", doc)) == [
        ("Anna Kowalczyk", "PERSON"),
        ("Piet Brandt", "PERSON"),
        ("Sorensen", "PERSON"),
    ]


def test_extract_entities_drops_lone_title(nlp: Any) -> None:
    doc = _parse(nlp, "The President spoke at length.", [("President", "PERSON")])
    assert extract_mentions("d", doc) == []


def test_extract_entities_strips_possessive_and_the(nlp: Any) -> None:
    text = "The Halvard Institute’s report reached the White House and Brandt's desk."
    doc = _parse(
        nlp,
        text,
        [("The Halvard Institute’s", "ORG"), ("the White House", "FAC"), ("Brandt's", "PERSON")],
    )
    assert _texts(extract_mentions("d", doc)) == [
        ("Halvard Institute", "ORG"),
        ("White House", "FAC"),
        ("Brandt", "PERSON"),
    ]


def test_extract_entities_cuts_span_at_possessive_inside(nlp: Any) -> None:
    text = "Brandt’s Quiet Gamble paid off, Brandt said."
    doc = _parse(nlp, text, [("Brandt’s Quiet Gamble", "PERSON"), ("Brandt", "PERSON")])
    assert _texts(extract_mentions("d", doc)) == [("Brandt", "PERSON"), ("Brandt", "PERSON")]


def test_extract_entities_splits_at_line_break(nlp: Any) -> None:
    text = "Talks in Norway\n\nBrandt arrived in Norway on time."
    doc = _parse(nlp, text, [("Norway\n\nBrandt", "ORG"), ("Norway", "GPE")])
    got = _texts(extract_mentions("d", doc))
    assert ("Brandt", "ORG") in got
    assert all("\n" not in t for t, _ in got)


def test_extract_entities_trims_quotes_and_conjunction(nlp: Any) -> None:
    text = "Delegates from “Nordhavn and Estland backed the plan."
    doc = _parse(nlp, text, [("“Nordhavn and", "GPE"), ("Estland", "GPE")])
    assert _texts(extract_mentions("d", doc)) == [("Nordhavn", "GPE"), ("Estland", "GPE")]


def test_extract_entities_drops_headline_phrase(nlp: Any) -> None:
    text = "Quiet Harbour Waits\nThe ministers met in Bergen. Bergen was calm."
    doc = _parse(
        nlp, text, [("Quiet Harbour Waits", "PERSON"), ("Bergen", "GPE"), ("Bergen", "GPE")]
    )
    assert _texts(extract_mentions("d", doc)) == [("Bergen", "GPE"), ("Bergen", "GPE")]


def test_extract_entities_keeps_headline_name_named_in_body(nlp: Any) -> None:
    text = "Brandt Visits Harbour Town\nPiet Brandt arrived on Monday. Brandt smiled."
    doc = _parse(nlp, text, [("Brandt", "PERSON"), ("Piet Brandt", "PERSON"), ("Brandt", "PERSON")])
    assert [m.text for m in extract_mentions("d", doc)] == ["Brandt", "Piet Brandt", "Brandt"]


def test_extract_entities_drops_non_name_person(nlp: Any) -> None:
    text = "Several leaders meet often, and officials said so."
    doc = _parse(nlp, text, [("leaders meet", "PERSON")])
    assert extract_mentions("d", doc) == []


def test_extract_entities_splits_dash_compound_of_known_names(nlp: Any) -> None:
    text = "Norway and Estland met. The Norway-Estland talks went well."
    doc = _parse(nlp, text, [("Norway", "GPE"), ("Estland", "GPE"), ("Norway-Estland", "ORG")])
    assert _texts(extract_mentions("d", doc)) == [
        ("Norway", "GPE"),
        ("Estland", "GPE"),
        ("Norway", "GPE"),
        ("Estland", "GPE"),
    ]


def test_extract_entities_keeps_unknown_dash_name(nlp: Any) -> None:
    text = "The Vardo-Lindqvist Company agreed to the terms."
    doc = _parse(nlp, text, [("Vardo-Lindqvist Company", "ORG")])
    assert _texts(extract_mentions("d", doc)) == [("Vardo-Lindqvist Company", "ORG")]


def test_extract_entities_extends_name_particles(nlp: Any) -> None:
    text = "Ursel von der Brakel said the plan would work."
    doc = _parse(nlp, text, [("Ursel von der", "PERSON"), ("Brakel", "GPE")])
    assert _texts(extract_mentions("d", doc)) == [("Ursel von der Brakel", "PERSON")]


def test_extract_entities_marks_place_context(nlp: Any) -> None:
    text = "Refugees fled from Kestova, and Brandt spoke to Lindqvist in Tromsovik."
    doc = _parse(
        nlp,
        text,
        [
            ("Kestova", "PERSON"),
            ("Brandt", "PERSON"),
            ("Lindqvist", "PERSON"),
            ("Tromsovik", "PERSON"),
        ],
    )
    place = {m.text: m.context_place for m in extract_mentions("d", doc)}
    assert place == {"Kestova": True, "Brandt": False, "Lindqvist": False, "Tromsovik": True}


def test_extract_entities_no_place_for_trust_in_person(nlp: Any) -> None:
    doc = _parse(nlp, "Voters have little trust in Brandt.", [("Brandt", "PERSON")])
    assert [m.context_place for m in extract_mentions("d", doc)] == [False]


def test_extract_entities_adds_untagged_conjunct(nlp: Any) -> None:
    text = "The army refused to cede Tromsovik and Karvenhal to the rebels."
    doc = _parse(nlp, text, [("Karvenhal", "PERSON")])
    got = [(m.text, m.label, m.context_place) for m in extract_mentions("d", doc)]
    assert got == [("Tromsovik", "PERSON", True), ("Karvenhal", "PERSON", True)]


def test_extract_entities_splits_coordinated_places(nlp: Any) -> None:
    text = "Shelling hit Tromsovik and Karvenhal overnight."
    doc = _parse(nlp, text, [("Tromsovik and Karvenhal", "GPE")])
    assert _texts(extract_mentions("d", doc)) == [("Tromsovik", "GPE"), ("Karvenhal", "GPE")]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "no names at all here."])
def test_extract_entities_empty_or_nameless_text(nlp: Any, text: str) -> None:
    assert extract_mentions("d", nlp(text)) == []


def test_extract_entities_name_words_the_ner_missed(nlp: Any) -> None:
    text = (
        "Arlen Voss met Dana Kirov in Sarn. The Voss-Kirov summit ended early. "
        "Kirov said little, and Voss left."
    )
    mentions = extract_mentions("d", nlp(text))
    people = [m.text for m in mentions if m.label == "PERSON"]
    # Every later "Voss" and "Kirov" is a mention of its own, dash compound included.
    assert people.count("Voss") >= 2 and people.count("Kirov") >= 2
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_extract_entities_coordinated_places_split(nlp: Any) -> None:
    text = "Troops still hold parts of the northern oblasts of Kharkiv and Sumy."
    names = [m.text for m in extract_mentions("d", nlp(text))]
    assert "Kharkiv" in names and "Sumy" in names
    assert "Kharkiv and Sumy" not in names
    company = [m.text for m in extract_mentions("d", nlp("Shares of Procter and Gamble rose."))]
    assert "Procter and Gamble" in company


def test_extract_entities_document_vote_makes_mistyped_names_people(nlp: Any) -> None:
    # The small model types people as organisations, places and laws; the
    # document's own evidence (an age in apposition, a PERSON of that surname)
    # outvotes it.
    text = (
        "Teodor Brask, 19, died on Friday. His uncle, Piet Brask, spoke at the chapel. "
        "Teodor loved the town, and Brask said the family was grateful."
    )
    doc = _parse(
        nlp,
        text,
        [("Teodor Brask", "ORG"), ("Piet Brask", "PERSON"), ("Teodor", "GPE"), ("Brask", "LAW")],
    )
    got = _texts(extract_mentions("d", doc))
    assert ("Teodor Brask", "PERSON") in got
    assert ("Teodor", "PERSON") in got and ("Brask", "PERSON") in got


def test_extract_entities_vote_leaves_places_and_companies(nlp: Any) -> None:
    text = "Piet Brask flew to Jordan on Monday. Brask Holdings said sales rose."
    doc = _parse(
        nlp, text, [("Piet Brask", "PERSON"), ("Jordan", "GPE"), ("Brask Holdings", "ORG")]
    )
    got = _texts(extract_mentions("d", doc))
    assert ("Jordan", "GPE") in got and ("Brask Holdings", "ORG") in got


def test_extract_entities_gazetteer_knows_regions() -> None:
    from newsprism.extract.gazetteer import place_names

    assert {"Crimea", "Donbas", "Europe"} <= place_names()
