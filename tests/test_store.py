"""Corpus store: incremental ingest, interrupt safety, near-copies, Parquet export."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsprism.corpus import ingest
from newsprism.store import TABLES, Store

TOPICS = ["harbour", "railway", "library", "orchard", "stadium", "bridge", "museum", "canal"]
PEOPLE = ["Ines Marlow", "Tomas Grell", "Ada Quint", "Piet Voss", "Lena Ruiz", "Omar Fell"]
TOWNS = ["Brackenford", "Ulmsted", "Carrow", "Pellingham", "Dunmere", "Oxted Vale"]


def _article(i: int) -> str:
    topic, person, town = TOPICS[i % 8], PEOPLE[i % 6], TOWNS[(i * 5) % 6]
    return (
        f"Council approves the {topic} plan number {i}\n\n"
        f"The council of {town} voted on Tuesday to fund the {topic} plan number {i}, "
        f"which will cost {3 + i} million euros over {2 + i % 4} years.\n\n"
        f'"We waited {10 + i} years for this," said {person}, who chairs the {topic} '
        f"committee of {town}. Opponents said the plan number {i} would raise local taxes.\n"
    )


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(_article(i), encoding="utf-8")
    return folder


def _dump(db: Path) -> dict[str, Any]:
    """Every table's rows, in a canonical order (extractions compared unpickled)."""
    with Store(db, read_only=True) as store:
        con = store._con
        out: dict[str, Any] = {}
        for table in TABLES:
            rows = con.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        ids = [r[0] for r in out["documents"]]
        out["extractions"] = store.extractions(ids)
    return out


def test_store_ingest_twice_stores_nothing_twice(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", 6)
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        first = ingest([str(src)], store, batch_size=4)
        second = ingest([str(src)], store, batch_size=4)
        assert (first.added, first.known) == (6, 0)
        assert (second.added, second.known) == (0, 6)
        assert store.count("documents") == 6
        assert store.count("extractions") == 6
        assert store.count("inputs") == 6
    # A new file with an already-stored text under another name is kept as a copy
    # of the stored one (its outlet stays in the corpus); the stored inputs are known.
    (src / "copy-of-001.txt").write_text(_article(1), encoding="utf-8")
    (src / "new.txt").write_text(_article(40), encoding="utf-8")
    with Store(db) as store:
        third = ingest([str(src)], store, batch_size=4)
        assert (third.added, third.known, third.copies) == (2, 6, 1)
        assert store.count("documents") == 8
        docs = {Path(d.input).name: d for d in store.documents()}
        copy = docs["copy-of-001.txt"]
        assert copy.text == docs["001.txt"].text and copy.id != docs["001.txt"].id
        assert copy.duplicate_of == docs["001.txt"].id
        fourth = ingest([str(src)], store, batch_size=4)
        assert (fourth.added, fourth.known) == (0, 8)


def test_store_groups_crafted_near_copies(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    original = _article(3) + "The vote passed by nine votes to four after a long debate.\n"
    (src / "a-original.txt").write_text(original, encoding="utf-8")
    # Syndicated copy: new headline, one trimmed sentence, an added credit line.
    body = original.split("\n\n", 1)[1].replace(" after a long debate", "")
    (src / "b-copy.txt").write_text(
        "Town backs orchard scheme\n\n" + body + "\nReporting by the wire desk.\n", encoding="utf-8"
    )
    (src / "c-other.txt").write_text(_article(11), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        # Batch size 1: the copy is matched through the stored LSH keys, not in memory.
        report = ingest([str(src)], store, batch_size=1)
        docs = {Path(d.input).name: d for d in store.documents()}
    assert report.copies == 1
    assert docs["b-copy.txt"].duplicate_of == docs["a-original.txt"].id
    assert docs["a-original.txt"].duplicate_of is None
    assert docs["c-other.txt"].duplicate_of is None


def test_store_keeps_jsonl_record_id_as_source_id(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    lines = [{"id": f"rec-{i}", "title": f"Plan {i}", "text": _article(i)} for i in range(2)]
    dump.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "c.duckdb") as store:
        ingest([str(dump)], store)
        metas = sorted(store.metas(), key=lambda m: m.input)
    assert [(m.input, m.source_id) for m in metas] == [
        (f"{dump}#1", "rec-0"),
        (f"{dump}#2", "rec-1"),
    ]


_KILLABLE = """
import sys
from newsprism.corpus import ingest
from newsprism.store import Store

def progress(stage, done, total):
    print(done, flush=True)

with Store(sys.argv[2]) as store:
    ingest([sys.argv[1]], store, batch_size=3, progress=progress)
"""


def test_store_killed_run_resumes_to_the_same_store(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", 18)
    whole = tmp_path / "whole.duckdb"
    with Store(whole) as store:
        ingest([str(src)], store, batch_size=3)

    broken = tmp_path / "broken.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLABLE, str(src), str(broken)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    # Two batches committed, the third in flight: kill without any chance to clean up.
    assert proc.stdout.readline().strip() == "3"
    assert proc.stdout.readline().strip() == "6"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with Store(broken) as store:
        kept = store.count("documents")
        assert 6 <= kept < 18
        resumed = ingest([str(src)], store, batch_size=3)
        assert resumed.known == kept
        assert resumed.added == 18 - kept
    assert _dump(broken) == _dump(whole)


def test_store_exports_every_table_to_parquet(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        ingest([str(_corpus(tmp_path / "in", 3))], store)
    out = tmp_path / "export"
    with Store(db, read_only=True) as store:
        written = store.export(out)
    assert sorted(p.name for p in written) == sorted(f"{t}.parquet" for t in TABLES)
    con = duckdb.connect()
    rows = con.execute(f"SELECT id, text FROM '{out / 'documents.parquet'}'").fetchall()
    assert len(rows) == 3 and all(text.startswith("The council") for _, text in rows)


def test_store_missing_file_read_only_is_a_clear_error(tmp_path: Path) -> None:
    from newsprism.errors import UsageError

    with pytest.raises(UsageError, match="no store at"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_store_cli_ingest_then_export(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsprism.cli import main

    src, db, out = _corpus(tmp_path / "in", 3), tmp_path / "c.duckdb", tmp_path / "pq"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(src), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "3 documents added" in first.output
    again = runner.invoke(main, ["ingest", str(src), "--db", str(db)])
    assert "0 documents added" in again.output and "3 already stored" in again.output
    exported = runner.invoke(main, ["export", "--db", str(db), "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    assert (out / "documents.parquet").is_file()
    missing = runner.invoke(main, ["export", "--db", str(tmp_path / "no.duckdb"), "-o", str(out)])
    assert missing.exit_code == 1 and "no store at" in missing.output


def test_store_extractor_crash_skips_only_that_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsprism.perdoc as perdoc

    real = perdoc.extract_document

    def fragile(doc: Any, sdoc: Any) -> Any:
        if "plan number 1," in doc.text:
            raise ValueError("boom")
        return real(doc, sdoc)

    monkeypatch.setattr(perdoc, "extract_document", fragile)
    with Store(tmp_path / "c.duckdb") as store:
        report = ingest([str(_corpus(tmp_path / "in", 3))], store)
        assert (report.added, report.skipped) == (2, 1)
        assert store.count("documents") == store.count("extractions") == 2
        (skip,) = store.skipped()
    assert skip.input.endswith("001.txt") and "ValueError: boom" in skip.reason
