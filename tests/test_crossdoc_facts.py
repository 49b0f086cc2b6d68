"""Value facts: blocking, approximation-aware conflicts, independent sources."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from newsprism.crossdoc.facts import align_facts, cosine, tfidf_vectors
from newsprism.crossdoc.link import entity_index, link_entities
from newsprism.extract.claims import ExtractedClaim, claim_id, extract_claims
from newsprism.extract.entities import extract_mentions
from newsprism.models import Document, Entity, Mention, Slot

PEOPLE = {"e-ana": "Ana Lind", "e-bo": "Bo Kern", "e-cy": "Cy Marsh"}


def _doc(n: int, outlet: str | None = None, duplicate_of: str | None = None) -> Document:
    return Document(id=f"d-{n}", input=f"in{n}.txt", text="x" * 500, outlet=outlet,
                    duplicate_of=duplicate_of)


def _claim(
    doc: int, start: int, slot: tuple[str, object, str | None, str] | None,
    people: tuple[str, ...] = (), head: str | None = "meeting", lemmas: tuple[str, ...] = (),
    predicate: str | None = None, obj: str | None = None, negated: bool = False,
    subject: str | None = None, future: bool = False, label: str | None = None,
    parties: tuple[str, ...] = (),
) -> tuple[ExtractedClaim, dict[tuple[str, int, int], str]]:
    doc_id = f"d-{doc}"
    span = (start, start + 40)
    slots: tuple[Slot, ...] = ()
    if slot is not None:
        kind, value, unit, approx = slot
        slots = (Slot(kind=kind, text="v", span=(start, start + 1), value=value,
                      unit=unit, approx=approx),)
    mentions = tuple((start + 10 + 3 * i, start + 11 + 3 * i) for i in range(len(people)))
    index = {(doc_id, *m): p for m, p in zip(mentions, people, strict=True)}
    subject_ref = mentions[people.index(subject)] if subject else None
    refs = tuple(m for m, p in zip(mentions, people, strict=True) if p in parties)
    claim = ExtractedClaim(
        id=claim_id(doc_id, span, f"t{doc}{start}"), document=doc_id, span=span,
        text=f"t{doc}{start}", hedged=False, slots=slots, speaker_ref=None, mentions=mentions,
        subject_ref=subject_ref, heads=(head,) * len(slots), predicate=predicate,
        object_lemma=obj, negated=negated, future=future, lemmas=lemmas, position=0,
        labels=(label,) * len(slots), participants=(refs,) * len(slots),
    )
    return claim, index


def _run(items: list[tuple[ExtractedClaim, dict[tuple[str, int, int], str]]],
         docs: list[Document]) -> list[Any]:
    index: dict[tuple[str, int, int], str] = {}
    for _, idx in items:
        index.update(idx)
    entities = [Entity(id=e, name=n, type="PERSON", mentions=[Mention(document="d-1", span=(0, 1))])
                for e, n in PEOPLE.items()]
    return align_facts([c for c, _ in items], docs, index, entities)


def test_crossdoc_facts_approximate_value_is_not_a_conflict() -> None:
    items = [_claim(1, 0, ("duration", 3, "hour", "about"), ("e-ana", "e-bo")),
             _claim(2, 0, ("duration", 3, "hour", "exact"), ("e-ana",))]
    (fact,) = _run(items, [_doc(1), _doc(2)])
    assert fact.status == "corroborated"
    assert fact.independent_sources == 2
    assert [v.value for v in fact.values] == ["3 hour"]
    assert fact.about == "length of the Lind–Kern talks"


def test_crossdoc_facts_nearly_three_vs_seven_hours_conflict() -> None:
    items = [_claim(1, 0, ("duration", 3, "hour", "about"), ("e-ana", "e-bo")),
             _claim(2, 0, ("duration", 3, "hour", "about"), ()),
             _claim(3, 0, ("duration", 7, "hour", "exact"), (), head="negotiation")]
    (fact,) = _run(items, [_doc(1), _doc(2), _doc(3)])
    assert fact.status == "conflict"
    assert [(v.value, v.documents) for v in fact.values] == [
        ("3 hour", ["d-1", "d-2"]), ("7 hour", ["d-3"])]


def test_crossdoc_facts_units_compare_across_scales() -> None:
    items = [_claim(1, 0, ("duration", 90, "minute", "exact")),
             _claim(2, 0, ("duration", 1.5, "hour", "exact"))]
    (fact,) = _run(items, [_doc(1), _doc(2)])
    assert fact.status == "corroborated"


def test_crossdoc_facts_bounds_and_ranges() -> None:
    items = [_claim(1, 0, ("count", 30, "killed", "at_least")),
             _claim(2, 0, ("count", "35-40", "killed", "exact")),
             _claim(3, 0, ("count", 20, "killed", "at_most"))]
    (fact,) = _run(items, [_doc(1), _doc(2), _doc(3)])
    assert fact.status == "conflict"  # "up to 20" cannot hold with "at least 30"
    items = items[:2]
    (fact,) = _run(items, [_doc(1), _doc(2)])
    assert fact.status == "corroborated"
    assert fact.about == "number of people killed"


def test_crossdoc_facts_syndicated_copy_counts_once() -> None:
    money = ("money", 5_000_000, "USD", "exact")
    items = [_claim(1, 0, money, head="fine", lemmas=("fine", "pay"), label="harbour fine"),
             _claim(2, 0, money, head="fine", lemmas=("fine", "pay"), label="harbour fine")]
    (fact,) = _run(items, [_doc(1), _doc(2, duplicate_of="d-1")])
    assert (fact.status, fact.independent_sources) == ("single_source", 1)
    (fact,) = _run(items, [_doc(1, outlet="Gazette"), _doc(2, outlet="gazette ")])
    assert fact.independent_sources == 1
    assert fact.about == "amount of the harbour fine"


def test_crossdoc_facts_lone_value_without_a_label_is_left_out() -> None:
    # "date of the say" helps nobody: one source and no readable subject → no fact.
    items = [_claim(1, 0, ("date", "2025-08-13", "day", "exact"), head="say")]
    assert _run(items, [_doc(1)]) == []
    labelled = [_claim(1, 0, ("date", "2025-08-13", "day", "exact"), head="sign",
                       label="port lease")]
    (fact,) = _run(labelled, [_doc(1)])
    assert (fact.about, fact.status) == ("date of the port lease", "single_source")


def test_crossdoc_facts_different_parties_are_different_meetings() -> None:
    # The ministers' meeting and the council's meeting, both "meet" next week.
    date = ("date", "2025-08-18", "day", "exact")
    later = ("date", "2025-08-21", "day", "exact")
    items = [_claim(1, 0, date, ("e-ana", "e-bo"), head="meet", future=True,
                    parties=("e-ana", "e-bo")),
             _claim(2, 0, date, ("e-ana", "e-bo"), head="meet", future=True,
                    parties=("e-ana", "e-bo")),
             _claim(2, 100, later, ("e-cy",), head="meet", future=True, parties=("e-cy",))]
    facts = _run(items, [_doc(1), _doc(2)])
    assert sorted((f.status, f.values[0].value) for f in facts) == [
        ("corroborated", "2025-08-18"), ("single_source", "2025-08-21")]


def test_crossdoc_facts_agreeing_values_with_close_labels_align() -> None:
    # Two outlets word the sentence differently; what is counted reads the same.
    count = ("count", 200, "delegate", "at_least")
    items = [_claim(1, 0, count, head="delegate", lemmas=("bring", "island", "delegate"),
                    label="delegates"),
             _claim(2, 0, count, head="delegate", lemmas=("attend", "palace", "delegate"),
                    label="delegates")]
    (fact,) = _run(items, [_doc(1), _doc(2)])
    assert (fact.status, fact.about) == ("corroborated", "number of delegates")


def test_crossdoc_facts_copy_disagreeing_is_not_a_conflict_of_sources() -> None:
    items = [_claim(1, 0, ("percent", 10, "percent", "exact"), head="rise",
                    lemmas=("rise", "price"), label="price rise"),
             _claim(2, 0, ("percent", 30, "percent", "exact"), head="rise",
                    lemmas=("rise", "price"), label="price rise")]
    (fact,) = _run(items, [_doc(1), _doc(2, duplicate_of="d-1")])
    assert fact.status != "conflict"


def test_crossdoc_facts_different_people_are_different_facts() -> None:
    items = [_claim(1, 0, ("duration", 3, "hour", "exact"), ("e-ana",)),
             _claim(2, 0, ("duration", 7, "hour", "exact"), ("e-cy",))]
    facts = _run(items, [_doc(1), _doc(2)])
    assert sorted(f.status for f in facts) == ["single_source", "single_source"]


def test_crossdoc_facts_future_date_is_not_the_event_date() -> None:
    items = [_claim(1, 0, ("date", "2025-08-15", "day", "exact"), ("e-ana",)),
             _claim(2, 0, ("date", "2025-08-18", "day", "exact"), ("e-ana",), future=True),
             _claim(3, 0, ("date", "2025-08", "month", "exact"), ("e-ana",))]
    facts = _run(items, [_doc(1), _doc(2), _doc(3)])
    assert {f.status for f in facts} == {"corroborated", "single_source"}


# Statements (agreed vs rejected, affirmed vs negated) are aligned from propositions:
# see tests/test_crossdoc_facts_graph.py.


def test_crossdoc_facts_deterministic_and_ids() -> None:
    items = [_claim(d, 0, ("duration", 3 + d % 2, "hour", "exact"), ("e-ana",)) for d in range(6)]
    docs = [_doc(d) for d in range(6)]
    one = _run(items, docs)
    two = _run(list(reversed(items)), list(reversed(docs)))
    assert [f.model_dump() for f in one] == [f.model_dump() for f in two]
    assert all(f.id.startswith("f-") and len(f.id) == 14 for f in one)


def test_crossdoc_facts_tfidf_cosine() -> None:
    a, b, c = tfidf_vectors([["talk", "hour"], ["talk", "hour"], ["vote", "law"]])
    assert cosine(a, b) == pytest.approx(1.0)
    assert cosine(a, c) == 0.0


def test_crossdoc_facts_alignment_is_fast_on_a_thousand_documents() -> None:
    items = []
    for d in range(1000):
        items.append(_claim(d, 0, ("duration", 3 + d % 5, "hour", "about"), ("e-ana", "e-bo"),
                            lemmas=("talk", f"w{d % 37}")))
        items.append(_claim(d, 100, ("count", 10 + d % 3, "killed", "exact"), ("e-cy",),
                            lemmas=("blast", f"w{d % 11}")))
        items.append(_claim(d, 200, ("percent", d % 50, "percent", "exact"), (),
                            head=None, lemmas=(f"topic{d % 20}", "share")))
    docs = [_doc(d) for d in range(1000)]
    started = time.perf_counter()
    facts = _run(items, docs)
    assert time.perf_counter() - started < 10
    assert len(facts) < 100


@pytest.mark.shared
def test_crossdoc_facts_alaska_talks_length_conflict(alaska_dir: Path, nlp: Any) -> None:
    docs, claims, mentions = [], [], []
    for n, path in enumerate(sorted(alaska_dir.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        doc = Document(id=f"d-{n}", input=path.name, text=text, outlet=f"outlet{n}")
        sdoc = nlp(text)
        found = extract_mentions(doc.id, sdoc)
        mentions += found
        claims += extract_claims(doc.id, sdoc, None, found)
        docs.append(doc)
    entities = link_entities(mentions, {d.id: d.text for d in docs})
    facts = align_facts(claims, docs, entity_index(entities), entities)
    durations = [f for f in facts if f.about.startswith("length of") and "talks" in f.about]
    (talks,) = [f for f in durations if f.status == "conflict"]
    by_value = {v.value: v.documents for v in talks.values}
    assert set(by_value) == {"3 hour", "7 hour"}
    assert len(by_value["3 hour"]) == 2 and len(by_value["7 hour"]) == 1
    assert talks.independent_sources == 3
    by_claim = {c.id: c for c in claims}
    three = [by_claim[c] for v in talks.values if v.value == "3 hour" for c in v.claims]
    assert all(s.approx == "about" for c in three for s in c.slots if s.kind == "duration")
    dates = {v.value for f in facts if f.about.startswith("date of") for v in f.values}
    assert "2025-08-15" in dates


def test_crossdoc_facts_a_source_stating_both_values_is_no_conflict() -> None:
    # "four killed in the courthouse, one more the next day", in both reports: two tolls,
    # not one toll told two ways.
    items = [_claim(1, 0, ("count", 4, "killed", "exact")),
             _claim(1, 50, ("count", 1, "killed", "exact")),
             _claim(2, 0, ("count", 4, "killed", "exact")),
             _claim(2, 50, ("count", 1, "killed", "exact"))]
    facts = _run(items, [_doc(1), _doc(2)])
    assert facts and all(f.status != "conflict" for f in facts)
    # One report says 4, the other 1, neither says both: a dispute.
    facts = _run([items[0], items[3]], [_doc(1), _doc(2)])
    assert [f.status for f in facts] == ["conflict"]
