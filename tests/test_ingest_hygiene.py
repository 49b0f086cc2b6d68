"""Ingest hygiene: invalid Unicode and odd file names never stop a brief from being written."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.api import brief
from newsprism.clean import clean_document
from newsprism.cli import main
from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.ingest.hygiene import display_name, valid_raw, valid_text
from newsprism.models import RawDocument, Skipped
from newsprism.pipeline import write_outputs

BODY = (
    "The ferry between Halloran and Velmora resumed on Monday after a week of storms, the "
    "harbour office said. Captain Ilsa Brand told reporters the crossing took forty minutes."
)
OTHER = (
    "Velmora's council approved a new quay on Tuesday. The vote was seven to two, and work "
    "starts in spring, the mayor said after the meeting."
)


def test_ingest_hygiene_lone_surrogates_become_replacement_characters(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert valid_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    clean = "no surrogates here"
    assert valid_text(clean) is clean
    # A non-UTF-8 byte in a file name arrives from os.listdir as a surrogate escape.
    assert display_name(os.fsdecode(b"caf\xe9.txt")) == "caf\ufffd.txt"
    raw = RawDocument(
        input="x.jsonl#1", content="text \ud83d here", kind="text", title="T\udc00",
        authors=["Ana \ud800Ruiz", "x" * 100_000], outlet="Out\udfff", record_id="\ud800",
    )  # fmt: skip
    fixed = valid_raw(raw)
    assert fixed.content == "text \ufffd here"
    assert fixed.title == "T\ufffd" and fixed.outlet == "Out\ufffd"
    # A 100,000-character "author" is not a name: dropped, not printed as a byline.
    assert fixed.authors == ["Ana \ufffdRuiz"]
    assert "x.jsonl#1: an author of 100,000 characters dropped (limit 200)" in caplog.text
    assert fixed.record_id == "\ufffd"


def test_ingest_hygiene_jsonl_with_surrogates_writes_every_format(tmp_path: Path) -> None:
    # json.dumps writes lone surrogates as \ud800 escapes, exactly as a broken scraper does.
    records = [
        {"id": "r1", "title": "Ferry \ud800 resumes", "authors": ["Ana \udc00Ruiz"], "text": BODY},
        {"id": "r2", "title": "Quay", "author": "Ben Kol", "text": OTHER + " \udfff"},
    ]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = brief([dump])
    assert len(result.documents) == 2 and not result.skipped
    first = next(d for d in result.documents if d.source_id == "r1")
    assert first.title == "Ferry \ufffd resumes"
    assert first.authors == ["Ana \ufffdRuiz"]
    written = write_outputs(result, tmp_path / "out")
    assert sorted(p.name for p in written) == ["brief.html", "brief.json", "brief.md"]
    assert "\ufffd" in (tmp_path / "out" / "brief.json").read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_ingest_hygiene_non_utf8_file_name_is_read_and_shown(tmp_path: Path) -> None:
    folder = tmp_path / "zip"
    folder.mkdir()
    # A name from a zip made on Windows: cp1252 "é", not UTF-8.
    raw_name = os.path.join(os.fsencode(folder), b"caf\xe9-report.txt")
    with open(raw_name, "wb") as stream:
        stream.write(BODY.encode("utf-8"))
    [item] = list(iter_inputs([str(folder)], IngestOptions()))
    assert isinstance(item, RawDocument)
    assert item.input == f"{folder}/caf\ufffd-report.txt"
    assert item.content == BODY
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["brief", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    assert [d["input"] for d in data["documents"]] == [f"{folder}/caf\ufffd-report.txt"]
    assert (out / "brief.html").exists() and (out / "brief.md").exists()


def test_ingest_hygiene_skip_of_a_non_utf8_name_is_showable(tmp_path: Path) -> None:
    name = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gone-\xff.txt"))
    [item] = list(iter_inputs([name], IngestOptions()))
    assert isinstance(item, Skipped)
    assert item.input.endswith("gone-\ufffd.txt")
    item.model_dump_json()  # would raise on a surrogate


def test_clean_hygiene_text_is_nfc_and_web_path_is_cleaned_too() -> None:
    # "é" as e + combining acute (NFD), as macOS writes it, from a reader that skips ingest.
    raw = RawDocument(
        input="up\udce9.txt", content=BODY.replace("the", "the cafe\u0301"), kind="text"
    )
    doc = clean_document(raw)
    assert "caf\u00e9" in doc.text and "\u0301" not in doc.text
    assert doc.input == "up\ufffd.txt"
