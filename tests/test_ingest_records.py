"""Ingest: article records in JSON and JSON Lines files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.models import RawDocument, Skipped

BODY = "Ferries across the bay stopped for a day after the storm, the port authority said."


def _run(*inputs: Path, **options: int) -> list[RawDocument | Skipped]:
    return list(iter_inputs([str(i) for i in inputs], IngestOptions(**options)))  # type: ignore[arg-type]


def _lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_jsonl_maps_field_aliases(tmp_path: Path) -> None:
    record = {
        "id": 42,
        "headline": "Storm stops ferries",
        "maintext": BODY,
        "date_publish": "2024-03-05 10:00:00",
        "link": "https://news.example/storm",
        "source": {"id": "ex", "name": "Example News"},
        "byline": "By Ana Ruiz",
    }
    path = _lines(tmp_path / "dump.jsonl", [json.dumps(record)])
    assert _run(path) == [
        RawDocument(
            input=f"{path}#1",
            content=BODY,
            kind="text",
            url="https://news.example/storm",
            title="Storm stops ferries",
            outlet="Example News",
            published="2024-03-05 10:00:00",
            authors=["Ana Ruiz"],
            record_id="42",
        )
    ]


def test_ingest_jsonl_malformed_line_keeps_good_lines(tmp_path: Path) -> None:
    good = json.dumps({"text": BODY})
    path = _lines(
        tmp_path / "dump.jsonl",
        [good, '{"text": "broken" "x"}', "", json.dumps({"title": "no body"}), "[1, 2]", good],
    )
    items = _run(path)
    assert [i.input for i in items] == [f"{path}#{n}" for n in (1, 2, 4, 5, 6)]
    assert isinstance(items[0], RawDocument) and isinstance(items[-1], RawDocument)
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert reasons[0].startswith("line 2: invalid JSON (Expecting ',' delimiter")
    assert reasons[1] == 'line 4: no text (expected a "text", "body" or "content" field)'
    assert reasons[2] == "line 5: not a JSON object but list"


def test_ingest_jsonl_that_is_not_jsonl_gives_one_skip(tmp_path: Path) -> None:
    path = _lines(tmp_path / "notes.jsonl", [f"plain line {n}" for n in range(200)])
    [item] = _run(path)
    assert isinstance(item, Skipped)
    assert item.input == str(path)
    assert item.reason.startswith(
        "not JSON Lines: the first 20 lines are not JSON objects (line 1: "
    )


def test_ingest_jsonl_oversized_line_is_skipped(tmp_path: Path) -> None:
    path = _lines(
        tmp_path / "dump.jsonl",
        [json.dumps({"text": "word " * 400}), json.dumps({"text": BODY})],
    )
    items = _run(path, max_bytes=1000)
    assert items[0] == Skipped(
        input=f"{path}#1", reason="line 1: too large: more than the 1.0 kB limit (--max-bytes)"
    )
    assert isinstance(items[1], RawDocument)


def test_ingest_jsonl_gz_and_html_text(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"content": f"<p>{BODY}</p><p>More.</p>"}) + "\n")
        stream.write(json.dumps({"body": ["First paragraph.", "Second paragraph."]}) + "\n")
    items = _run(path)
    assert [(i.kind, i.content) for i in items if isinstance(i, RawDocument)] == [
        ("html", f"<p>{BODY}</p><p>More.</p>"),
        ("text", "First paragraph.\n\nSecond paragraph."),
    ]


def test_ingest_truncated_jsonl_gz_keeps_read_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    payload = "".join(json.dumps({"text": f"{BODY} {n}"}) + "\n" for n in range(300))
    data = gzip.compress(payload.encode("utf-8"))
    path.write_bytes(data[: len(data) // 2])
    items = _run(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert docs and docs[0].content == f"{BODY} 0"
    assert isinstance(items[-1], Skipped) and items[-1].input == str(path)
    assert items[-1].reason.startswith("broken file after line")


def test_ingest_json_shapes(tmp_path: Path) -> None:
    shapes = {
        "list.json": [{"text": BODY}, {"articleBody": BODY + " Two."}],
        "wrapped.json": {"status": "ok", "articles": [{"description": "x", "content": BODY}]},
        "single.json": {"title": {"rendered": "Storm"}, "content": {"rendered": f"<p>{BODY}</p>"}},
        "other.json": {"name": "package", "version": "1.0"},
    }
    for name, value in shapes.items():
        (tmp_path / name).write_text(json.dumps(value), encoding="utf-8")
    items = _run(*(tmp_path / n for n in shapes))
    assert [i.input for i in items] == [
        f"{tmp_path}/list.json#1",
        f"{tmp_path}/list.json#2",
        f"{tmp_path}/wrapped.json#1",
        f"{tmp_path}/single.json#1",
        f"{tmp_path}/other.json",
    ]
    single = items[3]
    assert isinstance(single, RawDocument)
    assert (single.title, single.kind) == ("Storm", "html")
    assert isinstance(items[4], Skipped)
    assert items[4].reason.startswith("no article records found")


def test_ingest_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "a"},\n{"text": ', encoding="utf-8")
    [item] = _run(path)
    assert isinstance(item, Skipped)
    assert item.reason.startswith("invalid JSON (Expecting value at line 2 column")


def test_ingest_json_record_without_text_and_authors_list(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    value = [
        {"id": "a1", "text": "   "},
        {"guid": "b2", "text": BODY, "authors": ["Ana Ruiz", {"name": "Li Wei"}, "", "Ana Ruiz"]},
    ]
    path.write_text(json.dumps(value), encoding="utf-8")
    first, second = _run(path)
    assert first == Skipped(
        input=f"{path}#1", reason='record 1: no text (expected a "text", "body" or "content" field)'
    )
    assert isinstance(second, RawDocument)
    assert (second.record_id, second.authors) == ("b2", ["Ana Ruiz", "Li Wei"])


def test_ingest_json_mapping_of_records_keyed_by_id(tmp_path: Path) -> None:
    path = tmp_path / "by-id.json"
    value = {"a1": {"articleBody": BODY}, "b2": {"articleBody": BODY + " Again.", "id": "own"}}
    path.write_text(json.dumps(value), encoding="utf-8")
    docs = _run(path)
    assert [(d.input, getattr(d, "record_id", None)) for d in docs] == [
        (f"{path}#1", "a1"),
        (f"{path}#2", "own"),
    ]


def test_ingest_jsonl_deeply_nested_line_is_one_skip(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    path = _lines(
        tmp_path / "dump.jsonl", [json.dumps({"text": BODY}), deep, json.dumps({"text": BODY})]
    )
    items = _run(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "Skipped", "RawDocument"]
    assert items[1] == Skipped(input=f"{path}#2", reason="line 2: invalid JSON (nested too deeply)")


def test_ingest_jsonl_nul_line_costs_that_line_only(tmp_path: Path) -> None:
    good = json.dumps({"text": BODY})
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        (good + "\n").encode() + b'{"text": "a\x00b"}\n\x00\x00\x00\n' + (good + "\n").encode() * 50
    )
    items = _run(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    skips = [i for i in items if isinstance(i, Skipped)]
    assert len(docs) == 51
    assert [s.input for s in skips] == [f"{path}#2", f"{path}#3"]
    assert all("invalid JSON" in s.reason for s in skips)


def test_ingest_jsonl_empty_records_on_top_do_not_reject_the_file(tmp_path: Path) -> None:
    empty = [json.dumps({"id": n, "text": ""}) for n in range(20)]
    good = [json.dumps({"id": 100 + n, "text": BODY}) for n in range(30)]
    path = _lines(tmp_path / "dump.jsonl", empty + good)
    items = _run(path)
    assert sum(isinstance(i, RawDocument) for i in items) == 30
    skips = [i for i in items if isinstance(i, Skipped)]
    assert len(skips) == 20 and skips[0].reason.startswith("line 1: no text")


def test_ingest_jsonl_per_record_errors_skip_that_record(tmp_path: Path) -> None:
    huge_id = "9" * 5000  # int() refuses more than 4,300 digits
    lines = [
        json.dumps({"text": BODY}),
        '{"id": ' + huge_id + ', "text": "' + BODY + '"}',
        json.dumps({"text": BODY + " \ud800"}),
        '{"text": "ctrl \x01 char"}',
        json.dumps({"text": BODY, "author": "x" * 100_000, "title": "T" * 5000}),
        json.dumps({"text": BODY}),
    ]
    path = _lines(tmp_path / "dump.jsonl", lines)
    items = _run(path)
    assert [i.input for i in items] == [f"{path}#{n}" for n in range(1, 7)]
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "RawDocument",
        "Skipped",
        "RawDocument",
        "Skipped",
        "RawDocument",
        "RawDocument",
    ]
    assert (
        items[1].reason == 'line 2: the "id" field is 5,000 characters long (ids are at most 256)'
    )
    # The lone surrogate costs one character, not the record nor the file.
    assert isinstance(items[2], RawDocument) and items[2].content.endswith("\ufffd")
    # "Invalid control character at" once, not "at at".
    assert items[3].reason == "line 4: invalid JSON (Invalid control character at column 16)"
    absurd = items[4]
    assert isinstance(absurd, RawDocument) and absurd.authors == []
    assert absurd.title is not None and len(absurd.title) == 500 and absurd.title.endswith("…")


def test_ingest_json_whole_file_keeps_records_around_a_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(
        '[{"text": "' + BODY + '"}, {"id": ' + "7" * 5000 + ', "text": "' + BODY + '"}]',
        encoding="utf-8",
    )
    items = _run(path)
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], Skipped) and items[1].reason.startswith('record 2: the "id" field')


def test_ingest_json_size_skip_names_its_own_limit(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([{"text": BODY}] * 20), encoding="utf-8")
    [item] = _run(path, max_json_bytes=1000)
    assert isinstance(item, Skipped)
    assert "--max-bytes" not in item.reason
    assert item.reason.startswith("too large:") and "for a .json file read whole" in item.reason


def test_ingest_jsonl_binary_file_is_still_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(bytes(range(256)) * 40)
    [item] = _run(path)
    assert isinstance(item, Skipped) and item.input == str(path)
    assert item.reason == "binary file (contains NUL bytes), not text"
