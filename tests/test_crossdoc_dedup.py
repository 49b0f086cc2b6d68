from __future__ import annotations

from newsprism.crossdoc.dedup import containment, find_duplicates, mark_duplicates, shingles
from newsprism.models import Document

REPORT = (
    "The harbour authority and the dockworkers union reached a provisional deal late on "
    "Thursday after eleven days of strikes that left container ships anchored off the coast. "
    "Under the agreement, wages rise by four percent this year and shifts are capped at ten "
    "hours. Union leader Mara Olsen told reporters the vote by members would take place next "
    "week, and that she expected it to pass. The port's director said cranes would restart "
    "at dawn and that the backlog of ships should clear within a fortnight."
)
OTHER = (
    "Shipping lines welcomed news of a tentative settlement at the port, though analysts warned "
    "that the eleven-day stoppage had already cost exporters heavily. Several vessels were "
    "diverted to neighbouring harbours during the dispute, and freight rates on the route rose "
    "sharply. Officials have not published the full text of the agreement."
)


def _doc(doc_id: str, text: str, inp: str, published: str | None = None) -> Document:
    return Document(id=doc_id, input=inp, text=text, published=published)


def test_dedup_marks_syndicated_copy_with_new_lead_and_trimmed_sentence() -> None:
    copy = "Wire report. " + REPORT.replace(
        " The port's director said cranes would restart at dawn and that the backlog of ships "
        "should clear within a fortnight.",
        "",
    )
    docs = [_doc("d-a", REPORT, "a.txt"), _doc("d-b", copy, "b.txt"), _doc("d-c", OTHER, "c.txt")]
    marked = {d.id: d.duplicate_of for d in mark_duplicates(docs)}
    assert marked == {"d-a": None, "d-b": "d-a", "d-c": None}


def test_dedup_original_is_earliest_published() -> None:
    docs = [
        _doc("d-x", REPORT, "x.txt", "2025-03-05"),
        _doc("d-y", REPORT + " Extra.", "y.txt", "2025-03-04"),
    ]
    assert find_duplicates(docs) == {"d-x": "d-y"}


def test_dedup_independent_reports_are_not_copies() -> None:
    assert find_duplicates([_doc("d-a", REPORT, "a"), _doc("d-c", OTHER, "c")]) == {}


def test_dedup_is_independent_of_input_order() -> None:
    docs = [_doc(f"d-{i}", REPORT + f" Note {i}.", f"{i}.txt") for i in range(4)]
    assert find_duplicates(docs) == find_duplicates(list(reversed(docs)))


def test_dedup_shingles_and_containment_on_short_texts() -> None:
    assert shingles("") == set()
    assert shingles("Two words") == {"two words"}
    assert containment(set(), {"a"}) == 0.0
    assert containment({"a", "b"}, {"a", "b", "c"}) == 1.0


def test_dedup_exact_copy_from_another_input_is_kept_with_its_outlet() -> None:
    from newsprism.models import RawDocument
    from newsprism.pipeline import clean_all

    def raws(order: list[tuple[str, str]]) -> list[RawDocument]:
        return [RawDocument(input=n, content=REPORT, kind="text", outlet=o) for n, o in order]

    given = [("b-wire.txt", "Wire B"), ("a-paper.txt", "Paper A"), ("c-site.txt", "Site C")]
    runs = []
    for order in (given, list(reversed(given))):
        docs, skipped = clean_all(raws(order))
        assert skipped == []
        marked = mark_duplicates(docs)
        runs.append(sorted((d.input, d.outlet, d.id, d.duplicate_of) for d in marked))
    # Every outlet stays; the original does not depend on input order.
    assert runs[0] == runs[1]
    by_input = {i: (outlet, doc_id, dup) for i, outlet, doc_id, dup in runs[0]}
    original = by_input["a-paper.txt"]
    assert original[2] is None
    assert by_input["b-wire.txt"][2] == original[1] == by_input["c-site.txt"][2]
    assert len({v[1] for v in by_input.values()}) == 3  # three distinct ids


def test_dedup_same_input_twice_is_read_once() -> None:
    from newsprism.models import RawDocument
    from newsprism.pipeline import clean_all

    raw = RawDocument(input="a.txt", content=REPORT, kind="text")
    docs, skipped = clean_all([raw, raw])
    assert len(docs) == 1
    assert [(s.input, s.reason) for s in skipped] == [("a.txt", "the same input was read twice")]


def test_dedup_exact_copies_without_words_still_marked() -> None:
    docs = [_doc("d-1", "!!! ???", "b.txt"), _doc("d-2", "!!! ???", "a.txt")]
    assert {d.id: d.duplicate_of for d in mark_duplicates(docs)} == {"d-1": "d-2", "d-2": None}


def test_dedup_minhash_batches_match_one_update_per_shingle() -> None:
    # Batched signatures must equal the per-shingle ones, across a batch boundary too.
    from datasketch import MinHash

    from newsprism.crossdoc.dedup import _BATCH, _PERM, _minhash

    grams = {f"word{i} other{i % 7} more{i % 3}" for i in range(_BATCH * 2 + 5)}
    one = MinHash(num_perm=_PERM, seed=1)
    for gram in sorted(grams):
        one.update(gram.encode("utf-8"))
    assert (_minhash(grams).hashvalues == one.hashvalues).all()
    assert (_minhash(set()).hashvalues == MinHash(num_perm=_PERM, seed=1).hashvalues).all()
