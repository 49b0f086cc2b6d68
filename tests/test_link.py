"""Cross-document linking rules on hand-made mentions (no spaCy needed)."""

from __future__ import annotations

import random
import re
import time

from newsprism.crossdoc.link import entity_index, link_entities, link_story
from newsprism.crossdoc.names import name_key, similar_words
from newsprism.extract.entities import EntityMention
from newsprism.models import Entity

Item = tuple[str, str] | tuple[str, str, bool]


class Corpus:
    """Builds documents out of (name, label[, place]) items, one short sentence each."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.mentions: list[EntityMention] = []

    def doc(self, doc_id: str, *items: Item) -> Corpus:
        text = ""
        for item in items:
            name, label = item[0], item[1]
            place = bool(item[2]) if len(item) > 2 else False
            text += "Then "
            start = len(text)
            text += name
            self.mentions.append(EntityMention(doc_id, start, len(text), name, label, place))
            text += " acted. "
        self.texts[doc_id] = text
        return self

    def link(self) -> list[Entity]:
        return link_entities(self.mentions, self.texts)


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    names = [e.name for e in entities]
    assert len(names) == len(set(names)), names
    return {e.name: e for e in entities}


def test_link_surname_to_unique_full_name() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Harald Brandvik", "PERSON"), ("Brandvik", "PERSON"))
        .doc("d2", ("Brandvik", "PERSON"))
        .link()
    )
    assert set(ents) == {"Harald Brandvik"}
    assert ents["Harald Brandvik"].aliases == ["Brandvik"]
    assert len(ents["Harald Brandvik"].mentions) == 3


def test_link_org_tagged_surname_of_person_is_person() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Harald Brandvik", "PERSON"), ("Brandvik", "ORG"), ("Brandvik", "ORG"))
        .doc("d2", ("Brandvik", "ORG"), ("Brandvik", "ORG"))
        .link()
    )
    assert ents["Harald Brandvik"].type == "PERSON"
    assert len(ents["Harald Brandvik"].mentions) == 5


def test_link_transliteration_variants_one_entity() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Oleksandr Kovalenkyy", "PERSON"), ("Kovalenkyy", "ORG"))
        .doc("d2", ("Oleksandr Kovalenkiy", "PERSON"), ("Kovalenky", "PERSON"))
        .doc("d3", ("Kovalenkyi", "GPE"), ("Kovalenky", "PERSON"))
        .doc("d4", ("Oleksandr Kovalenkyy", "PERSON"))
        .link()
    )
    assert list(ents) == ["Oleksandr Kovalenkyy"]
    person = ents["Oleksandr Kovalenkyy"]
    assert person.type == "PERSON"
    assert person.aliases == ["Kovalenky", "Kovalenkyi", "Kovalenkyy", "Oleksandr Kovalenkiy"]


def test_link_canonical_name_is_most_frequent_full_form() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Oleksandr Kovalenkiy", "PERSON"))
        .doc("d2", ("Oleksandr Kovalenky", "PERSON"))
        .doc(
            "d3",
            ("Oleksandr Kovalenky", "PERSON"),
            ("Kovalenkiy", "PERSON"),
            ("Kovalenkiy", "PERSON"),
        )
        .link()
    )
    assert list(ents) == ["Oleksandr Kovalenky"]


def test_link_middle_initial_same_person() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Harald T. Brandvik", "PERSON"))
        .doc("d2", ("Harald Brandvik", "PERSON"), ("Harald Brandvik", "PERSON"))
        .link()
    )
    assert list(ents) == ["Harald Brandvik"]
    assert ents["Harald Brandvik"].aliases == ["Harald T. Brandvik"]


def test_link_name_tie_prefers_fullest_form() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Harald T. Brandvik", "PERSON"))
        .doc("d2", ("Harald Brandvik", "PERSON"))
        .link()
    )
    assert list(ents) == ["Harald T. Brandvik"]


def test_link_ambiguous_surname_resolved_by_own_document() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Ingrid Solberg", "PERSON"), ("Solberg", "PERSON"))
        .doc("d2", ("Magnus Solberg", "PERSON"), ("Solberg", "PERSON"))
        .link()
    )
    assert set(ents) == {"Ingrid Solberg", "Magnus Solberg"}
    assert {m.document for m in ents["Ingrid Solberg"].mentions} == {"d1"}
    assert {m.document for m in ents["Magnus Solberg"].mentions} == {"d2"}
    assert all(len(e.mentions) == 2 for e in ents.values())


def test_link_ambiguous_surname_left_unlinked() -> None:
    corpus = (
        Corpus()
        .doc("d1", ("Ingrid Solberg", "PERSON"))
        .doc("d2", ("Magnus Solberg", "PERSON"))
        .doc("d3", ("Solberg", "PERSON"))
        .doc(
            "d4", ("Ingrid Solberg", "PERSON"), ("Magnus Solberg", "PERSON"), ("Solberg", "PERSON")
        )
    )
    ents = _by_name(corpus.link())
    # Unknown beats wrong: the bare surname joins nobody and names both candidates.
    assert set(ents) == {"Ingrid Solberg", "Magnus Solberg"}
    linked = link_story(corpus.mentions, corpus.texts)
    ids = tuple(sorted(e.id for e in ents.values()))
    unresolved = {k[0]: v for k, v in linked.unresolved.items()}
    assert unresolved == {"d3": ids, "d4": ids}


def test_link_different_spellings_in_one_document_stay_apart() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Karl Marchenkov", "PERSON"), ("Karl Martchenkov", "PERSON"))
        .doc("d2", ("Lena Marchenkov", "PERSON"))
        .link()
    )
    assert set(ents) == {"Karl Marchenkov", "Karl Martchenkov", "Lena Marchenkov"}


def test_link_fuzzy_surname_variants_across_documents() -> None:
    ents = _by_name(
        Corpus().doc("d1", ("Marchenkov", "PERSON")).doc("d2", ("Martchenkov", "PERSON")).link()
    )
    assert len(ents) == 1
    assert len(next(iter(ents.values())).mentions) == 2


def test_link_short_and_different_names_not_fuzzy_merged() -> None:
    assert not similar_words("kim", "kin")
    assert not similar_words(name_key("Johnson")[0], name_key("Johnston")[0])
    assert name_key("Lee") != name_key("Le")
    ents = _by_name(
        Corpus()
        .doc("d1", ("Kim", "PERSON"))
        .doc("d2", ("Kin", "PERSON"))
        .doc("d3", ("Lee", "PERSON"))
        .doc("d4", ("Le", "PERSON"))
        .link()
    )
    assert set(ents) == {"Kim", "Kin", "Lee", "Le"}


def test_link_alias_table_for_common_abbreviations() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("U.S.", "GPE"), ("US", "GPE"), ("United States", "GPE"))
        .doc("d2", ("USA", "ORG"), ("U.S.", "GPE"), ("Nato", "ORG"), ("NATO", "ORG"), ("UK", "GPE"))
        .doc("d3", ("Britain", "GPE"), ("EU", "ORG"), ("European Union", "ORG"))
        .link()
    )
    assert set(ents) == {"United States", "NATO", "United Kingdom", "European Union"}
    assert ents["United States"].type == "GPE"
    assert ents["United States"].aliases == ["U.S.", "US", "USA"]
    assert ents["NATO"].aliases == ["Nato"]


def test_link_demonym_joins_its_country() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Norway", "GPE"), ("Norwegian", "NORP"), ("Norwegian", "NORP"))
        .doc("d2", ("America", "GPE"), ("American", "NORP"), ("U.S.", "GPE"))
        .link()
    )
    assert ents["Norway"].type == "GPE" and ents["Norway"].aliases == ["Norwegian"]
    assert ents["United States"].type == "GPE"
    assert ents["United States"].aliases == ["America", "American", "U.S."]


def test_link_place_context_overrides_person_label() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Tromsovik", "PERSON", True), ("Tromsovik", "PERSON"))
        .doc("d2", ("Tromsovik", "PERSON"), ("Tromsovik", "PERSON"))
        .link()
    )
    assert ents["Tromsovik"].type == "GPE"


def test_link_gpe_label_elsewhere_overrides_person() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Karvenhal", "PERSON"), ("Karvenhal", "PERSON"))
        .doc("d2", ("Karvenhal", "LOC"))
        .link()
    )
    assert ents["Karvenhal"].type == "LOC"


def test_link_stray_place_label_does_not_flip_a_person() -> None:
    items: list[Item] = [("Brandvik", "PERSON")] * 8
    ents = _by_name(Corpus().doc("d1", *items).doc("d2", ("Brandvik", "GPE")).link())
    assert ents["Brandvik"].type == "PERSON"


def test_link_full_person_never_becomes_place() -> None:
    ents = _by_name(
        Corpus()
        .doc("d1", ("Harald Brandvik", "PERSON"), ("Brandvik", "GPE"), ("Brandvik", "PERSON", True))
        .link()
    )
    assert ents["Harald Brandvik"].type == "PERSON"


def test_link_majority_label_with_fixed_tie_break() -> None:
    ents = _by_name(
        Corpus().doc("d1", ("Halvard Institute", "ORG"), ("Halvard Institute", "FAC")).link()
    )
    assert ents["Halvard Institute"].type == "ORG"


def test_link_ids_sorting_and_mentions() -> None:
    ents = (
        Corpus()
        .doc("d2", ("Norway", "GPE"), ("Estland", "GPE"), ("Norway", "GPE"))
        .doc("d1", ("Norway", "GPE"), ("Estland", "GPE"))
        .link()
    )
    assert [e.name for e in ents] == ["Norway", "Estland"]
    for e in ents:
        assert re.fullmatch(r"e-[0-9a-f]{12}", e.id)
        spans = [(m.document, m.span) for m in e.mentions]
        assert spans == sorted(spans)
    assert len({e.id for e in ents}) == 2


def test_link_shuffled_input_gives_identical_output() -> None:
    corpus = (
        Corpus()
        .doc(
            "d1",
            ("Ingrid Solberg", "PERSON"),
            ("Solberg", "ORG"),
            ("Norway", "GPE"),
            ("U.S.", "GPE"),
        )
        .doc("d2", ("Magnus Solberg", "PERSON"), ("Solberg", "PERSON"), ("Kovalenkyy", "PERSON"))
        .doc("d3", ("Solberg", "PERSON"), ("Kovalenkiy", "ORG"), ("Tromsovik", "PERSON", True))
        .doc("d4", ("Oleksandr Kovalenky", "PERSON"), ("US", "GPE"), ("Marchenkov", "PERSON"))
        .doc("d5", ("Martchenkov", "PERSON"), ("Norwegian", "NORP"))
    )
    expected = [e.model_dump() for e in corpus.link()]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = list(corpus.mentions)
        rng.shuffle(shuffled)
        texts = dict(reversed(list(corpus.texts.items())))
        assert [e.model_dump() for e in link_entities(shuffled, texts)] == expected


def test_link_entity_index_maps_spans_to_ids() -> None:
    corpus = Corpus().doc("d1", ("Harald Brandvik", "PERSON"), ("Brandvik", "ORG"))
    ents = corpus.link()
    index = entity_index(ents)
    assert len(ents) == 1
    assert index == {(m.document, m.start, m.end): ents[0].id for m in corpus.mentions}


def test_link_drops_mention_whose_span_does_not_match() -> None:
    corpus = Corpus().doc("d1", ("Norway", "GPE"))
    bad = EntityMention("d1", 0, 4, "Norway", "GPE")
    ents = link_entities([*corpus.mentions, bad], corpus.texts)
    assert [len(e.mentions) for e in ents] == [1]


def test_link_empty_input() -> None:
    assert link_entities([], {}) == []


def test_link_scales_over_many_distinct_names() -> None:
    corpus = Corpus()
    rng = random.Random(3)
    letters = "abcdefghijklmnoprstuvz"
    names = sorted({"".join(rng.choice(letters) for _ in range(8)).title() for _ in range(3000)})
    for i in range(300):
        items: list[Item] = []
        for j in range(20):
            surname = names[(i * 20 + j) % len(names)]
            items.append((f"Anna {surname}", "PERSON") if j % 2 else (surname, "PERSON"))
        corpus.doc(f"d{i:03d}", *items)
    started = time.perf_counter()
    ents = corpus.link()
    assert time.perf_counter() - started < 10
    assert sum(len(e.mentions) for e in ents) == 6000


def _doc_text(*parts: str) -> tuple[str, list[EntityMention]]:
    """A document written out of parts; ``[Name|LABEL]`` marks a mention."""
    text, mentions = "", []
    for piece in re.split(r"(\[[^\]|]+\|[A-Z_]+\])", "".join(parts)):
        m = re.fullmatch(r"\[(.+)\|([A-Z_]+)\]", piece)
        if m:
            mentions.append(EntityMention("", len(text), len(text) + len(m[1]), m[1], m[2]))
            text += m[1]
        else:
            text += piece
    return text, mentions


def _story(docs: dict[str, tuple[str, ...]]) -> tuple[list[EntityMention], dict[str, str]]:
    mentions, texts = [], {}
    for doc_id, parts in docs.items():
        text, ms = _doc_text(*parts)
        texts[doc_id] = text
        mentions += [EntityMention(doc_id, m.start, m.end, m.text, m.label) for m in ms]
    return mentions, texts


def test_link_nicknames_join_full_names() -> None:
    mentions, texts = _story(
        {
            "d1": ("Then [Chuck Schumer|PERSON] spoke. ",),
            "d2": ("Then [Charles E. Schumer|PERSON] spoke. ",),
            "d3": ("Then [Dick Blumenthal|PERSON] and [Richard Blumenthal|PERSON] met. ",),
        }
    )
    names = {e.name: e for e in link_entities(mentions, texts)}
    schumer = [n for n in names if n.endswith("Schumer")]
    assert len(schumer) == 1 and len(names[schumer[0]].mentions) == 2
    # One article with both given names: two people, even if nicknames of each other.
    assert len([n for n in names if n.endswith("Blumenthal")]) == 2


def test_link_different_given_names_never_join() -> None:
    mentions, texts = _story(
        {"d1": ("Then [John Halvorsen|PERSON] spoke. ",), "d2": ("[Jane Halvorsen|PERSON] too. ",)}
    )
    assert len(link_entities(mentions, texts)) == 2


def test_link_initials_and_suffixes_join_one_person() -> None:
    mentions, texts = _story(
        {
            "d1": ("Then [Roger J. Stone Jr.|PERSON] spoke. ",),
            "d2": ("Then [Roger Stone|PERSON] spoke. ",),
            "d3": ("Then [R. Stone|PERSON] left. ",),
        }
    )
    ents = link_entities(mentions, texts)
    assert len(ents) == 1 and len(ents[0].mentions) == 3


def test_link_father_and_son_named_together_stay_apart() -> None:
    mentions, texts = _story(
        {"d1": ("[Donald Trump Jr.|PERSON] and [Donald Trump|PERSON] spoke. ",)}
    )
    assert len(link_entities(mentions, texts)) == 2


def test_link_initial_fitting_two_people_joins_neither() -> None:
    mentions, texts = _story(
        {
            "d1": ("[John Marek|PERSON] spoke. ",),
            "d2": ("[Jana Marek|PERSON] spoke. ",),
            "d3": ("[J. Marek|PERSON] spoke. ",),
        }
    )
    names = sorted(e.name for e in link_entities(mentions, texts))
    assert names == ["J. Marek", "Jana Marek", "John Marek"]


def test_link_honorific_picks_the_person_of_that_gender() -> None:
    mentions, texts = _story(
        {
            "d1": (
                "President [Donald Trump|PERSON] and his wife, [Melania Trump|PERSON], came. ",
                "Mr. [Trump|PERSON] spoke first. Mrs. [Trump|PERSON] waved. ",
                "[Trump|PERSON] left.",
            ),
            # Only the wife is named in full here: "Mr. Trump" is still the husband.
            "d2": ("First Lady [Melania Trump|PERSON] arrived. Mr. [Trump|PERSON] did not. ",),
        }
    )
    linked = link_story(mentions, texts)
    by_span = {(m.document, m.span[0]): e.name for e in linked.entities for m in e.mentions}
    t1 = texts["d1"]
    assert by_span[("d1", t1.index("Trump spoke"))] == "Donald Trump"
    assert by_span[("d1", t1.index("Trump waved"))] == "Melania Trump"
    assert by_span[("d2", texts["d2"].index("Trump did"))] == "Donald Trump"
    # The bare "Trump" could be either: unresolved, with both candidates.
    bare = ("d1", t1.index("Trump left"), t1.index("Trump left") + 5)
    assert bare in linked.unresolved and len(linked.unresolved[bare]) == 2


def test_link_title_picks_the_person_who_holds_it() -> None:
    mentions, texts = _story(
        {
            "d1": ("President [Donald Trump|PERSON] met [Melania Trump|PERSON]. ",),
            "d2": (
                "[Donald Trump|PERSON] and [Melania Trump|PERSON] came. ",
                "President [Trump|PERSON] spoke.",
            ),
        }
    )
    linked = link_story(mentions, texts)
    start = texts["d2"].index("Trump spoke")
    owner = [e.name for e in linked.entities for m in e.mentions if m.span[0] == start]
    assert owner == ["Donald Trump"] and not linked.unresolved


def test_link_first_name_use_points_the_surname_at_the_other_relative() -> None:
    mentions, texts = _story(
        {
            "d1": (
                "[Tomas Reyes|PERSON] and his brother [Emil Reyes|PERSON] spoke. ",
                "[Emil|PERSON] smiled. [Reyes|PERSON] said no. ",
            )
        }
    )
    linked = link_story(mentions, texts)
    start = texts["d1"].index("Reyes said")
    assert [e.name for e in linked.entities for m in e.mentions if m.span[0] == start] == [
        "Tomas Reyes"
    ]


def test_link_house_is_not_the_white_house() -> None:
    mentions, texts = _story(
        {
            "d1": ("The [White House|ORG] and the [House of Representatives|ORG] met. ",),
            "d2": ("The [House|ORG] voted. ",),
        }
    )
    names = {e.name: e for e in link_entities(mentions, texts)}
    assert "House" in names["House of Representatives"].aliases
    assert names["White House"].aliases == []


def test_link_acronym_joins_the_organisation_it_abbreviates() -> None:
    mentions, texts = _story(
        {
            "d1": ("The [Government Accountability Office|ORG] ruled. ",),
            "d2": ("The [GAO|ORG] ruled. The [Ford Motor Co.|ORG] and [Ford Motor Company|ORG]. ",),
        }
    )
    names = {e.name: e for e in link_entities(mentions, texts)}
    assert names["Government Accountability Office"].aliases == ["GAO"]
    assert len([n for n in names if n.startswith("Ford Motor")]) == 1


def test_link_types_newspaper_street_and_gazetteer_city() -> None:
    mentions, texts = _story(
        {
            "d1": (
                "The [Washington Post|PERSON] reported from [Kharkiv|ORG]. ",
                "Crowds filled [Unity Street|PERSON]. [Kharkiv|ORG] was quiet. ",
            )
        }
    )
    types = {e.name: e.type for e in link_entities(mentions, texts)}
    assert types["Washington Post"] == "ORG"
    assert types["Unity Street"] == "FAC"
    assert types["Kharkiv"] == "GPE"


def test_link_honorifics_split_a_surname_with_no_full_name() -> None:
    mentions, texts = _story(
        {
            "d1": ("Mr. [Smith|PERSON] spoke. Mrs. [Smith|PERSON] waved. [Smith|PERSON] left. ",),
            "d2": ("Mr. [Smith|PERSON] returned. [Smith|PERSON] smiled. ",),
        }
    )
    linked = link_story(mentions, texts)
    sizes = {e.name: len(e.mentions) for e in linked.entities}
    assert sizes == {"Mr. Smith": 3, "Ms. Smith": 1}
    bare = ("d1", texts["d1"].index("Smith left"), texts["d1"].index("Smith left") + 5)
    assert set(linked.unresolved) == {bare}
