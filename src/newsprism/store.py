"""The corpus store: one embedded DuckDB file of documents, extractions and stories.

Tables (every one is exported to Parquet by ``export``):

* ``inputs``: a hash of every raw input already read (content and container
  metadata) → the document it gave, or NULL when it was skipped; a re-run
  skips these before cleaning them again.
* ``documents``: cleaned documents by id (= hash of the cleaned text), with
  ``seq``, the order they were first stored in, and ``duplicate_of``.
* ``skipped``: unusable inputs with their one-line reason.
* ``extractions``: the per-document stage's ``DocExtraction``, pickled (it is
  a tree of frozen dataclasses; pickle keeps their types, JSON would need a
  decoder per class). Pickle runs code on load: a store is trusted like the
  code that wrote it, never one received from a stranger.
* ``lsh``: MinHash LSH band keys of every original (not of its copies), so
  near-copy candidates are one indexed lookup instead of texts in memory.
* ``vectors``: story embeddings (float32 bytes), computed once per document.
* ``stories`` and ``story_documents``: the last clustering.

Writes happen in ``write_batch``, one transaction per batch: a run killed
mid-batch loses that batch only (DuckDB rolls it back on the next open) and
the next run resumes after the last committed one.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from newsprism.errors import UsageError
from newsprism.models import Document, Removed, Skipped
from newsprism.perdoc import DocExtraction

SCHEMA_VERSION = "1"
TABLES = (
    "meta",
    "inputs",
    "documents",
    "skipped",
    "extractions",
    "lsh",
    "vectors",
    "stories",
    "story_documents",
)
_DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS inputs (raw_hash VARCHAR PRIMARY KEY, input VARCHAR, document VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
  id VARCHAR PRIMARY KEY, seq BIGINT, input VARCHAR, source_id VARCHAR, url VARCHAR,
  outlet VARCHAR, title VARCHAR, authors VARCHAR, published VARCHAR, text VARCHAR,
  removed VARCHAR, duplicate_of VARCHAR);
CREATE TABLE IF NOT EXISTS skipped (input VARCHAR, reason VARCHAR, PRIMARY KEY (input, reason));
CREATE TABLE IF NOT EXISTS extractions (document VARCHAR PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS lsh (band INTEGER, bucket BIGINT, document VARCHAR);
CREATE INDEX IF NOT EXISTS lsh_bucket ON lsh (band, bucket);
CREATE TABLE IF NOT EXISTS vectors (document VARCHAR PRIMARY KEY, vector BLOB);
CREATE TABLE IF NOT EXISTS stories (
  id VARCHAR PRIMARY KEY, title VARCHAR, start VARCHAR, "end" VARCHAR, size INTEGER);
CREATE TABLE IF NOT EXISTS story_documents (story VARCHAR, document VARCHAR PRIMARY KEY);
"""
_DOC_COLUMNS = (
    "id, input, source_id, url, outlet, title, authors, published, text, removed, duplicate_of"
)


@dataclass
class Batch:
    """Everything one ingest batch adds; written in one transaction."""

    inputs: list[tuple[str, str, str | None]] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    extractions: list[DocExtraction] = field(default_factory=list)
    lsh: list[tuple[int, int, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.inputs) + len(self.skipped)


@dataclass(frozen=True)
class DocMeta:
    """A stored document without its text: what stories.json lists."""

    id: str
    input: str
    source_id: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None


class Store:
    """An open store; use as a context manager so the file is always closed."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise UsageError(f"no store at {self.path}: create it with `newsprism ingest`")
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise UsageError(f"cannot open store {self.path}: {exc}") from exc
        if not read_only:
            self._con.execute(_DDL)
            self._con.execute(
                "INSERT INTO meta VALUES ('schema', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION]
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    # ------------------------------------------------------------- lookups

    def known_inputs(self, hashes: Sequence[str]) -> set[str]:
        """Which of ``hashes`` (raw input hashes) were read before."""
        return self._members("SELECT raw_hash FROM inputs WHERE raw_hash IN ", hashes)

    def known_documents(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are stored documents."""
        return self._members("SELECT id FROM documents WHERE id IN ", ids)

    def _members(self, query: str, values: Sequence[str]) -> set[str]:
        if not values:
            return set()
        marks = ", ".join("?" for _ in values)
        return {row[0] for row in self._con.execute(f"{query}({marks})", list(values)).fetchall()}

    def lsh_candidates(self, keys: Sequence[int]) -> list[str]:
        """Ids of stored originals that share an LSH band key with ``keys`` (band i = keys[i])."""
        if not keys:
            return []
        marks = " OR ".join("(band = ? AND bucket = ?)" for _ in keys)
        params: list[int] = [v for band, key in enumerate(keys) for v in (band, key)]
        rows = self._con.execute(
            f"SELECT DISTINCT document FROM lsh WHERE {marks} ORDER BY document", params
        ).fetchall()
        return [r[0] for r in rows]

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(table)
        row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    # ------------------------------------------------------------- writing

    def write_batch(self, batch: Batch) -> None:
        """Add ``batch`` in one transaction: all of it is stored, or none of it."""
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            seq = self._next_seq()
            if batch.documents:
                con.executemany(
                    f"INSERT INTO documents (seq, {_DOC_COLUMNS}) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [[seq + i, *_doc_row(d)] for i, d in enumerate(batch.documents)],
                )
            if batch.extractions:
                con.executemany(
                    "INSERT INTO extractions VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [[e.document, pickle.dumps(e, protocol=5)] for e in batch.extractions],
                )
            if batch.lsh:
                con.executemany("INSERT INTO lsh VALUES (?, ?, ?)", [list(r) for r in batch.lsh])
            if batch.skipped:
                con.executemany(
                    "INSERT INTO skipped VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [[s.input, s.reason] for s in batch.skipped],
                )
            if batch.inputs:
                con.executemany(
                    "INSERT INTO inputs VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    [list(r) for r in batch.inputs],
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _next_seq(self) -> int:
        row = self._con.execute("SELECT coalesce(max(seq) + 1, 0) FROM documents").fetchone()
        return int(row[0]) if row else 0

    def put_vectors(self, vectors: dict[str, np.ndarray[Any, Any]]) -> None:
        rows = [[k, np.asarray(v, dtype=np.float32).tobytes()] for k, v in sorted(vectors.items())]
        if rows:
            self._con.executemany("INSERT INTO vectors VALUES (?, ?) ON CONFLICT DO NOTHING", rows)

    def put_stories(self, stories: Sequence[Any]) -> None:
        """Replace the stored clustering with ``stories`` (``newsprism.stories.Story``)."""
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM story_documents")
            con.execute("DELETE FROM stories")
            if stories:
                con.executemany(
                    "INSERT INTO stories VALUES (?, ?, ?, ?, ?)",
                    [[s.id, s.title, s.start, s.end, len(s.documents)] for s in stories],
                )
                con.executemany(
                    "INSERT INTO story_documents VALUES (?, ?)",
                    [[s.id, d] for s in stories for d in s.documents],
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------- reading

    def metas(self) -> list[DocMeta]:
        """Every stored document without its text, in storage order."""
        rows = self._con.execute(
            "SELECT id, input, source_id, title, published, duplicate_of"
            " FROM documents ORDER BY seq"
        ).fetchall()
        return [DocMeta(*row) for row in rows]

    def documents(self, ids: Iterable[str] | None = None, chunk: int = 500) -> Iterator[Document]:
        """Stored documents (all, in storage order, or those of ``ids`` in that order)."""
        if ids is None:
            cursor = self._con.execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY seq")
            while rows := cursor.fetchmany(chunk):
                yield from (_doc(r) for r in rows)
            return
        wanted = list(ids)
        for at in range(0, len(wanted), chunk):
            part = wanted[at : at + chunk]
            marks = ", ".join("?" for _ in part)
            rows = self._con.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE id IN ({marks})", part
            ).fetchall()
            found = {r[0]: _doc(r) for r in rows}
            yield from (found[i] for i in part if i in found)

    def extractions(self, ids: Sequence[str]) -> dict[str, DocExtraction]:
        out: dict[str, DocExtraction] = {}
        for at in range(0, len(ids), 500):
            part = list(ids[at : at + 500])
            marks = ", ".join("?" for _ in part)
            for doc_id, data in self._con.execute(
                f"SELECT document, data FROM extractions WHERE document IN ({marks})", part
            ).fetchall():
                out[doc_id] = pickle.loads(data)
        return out

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray[Any, Any]]:
        out: dict[str, np.ndarray[Any, Any]] = {}
        for at in range(0, len(ids), 1000):
            part = list(ids[at : at + 1000])
            marks = ", ".join("?" for _ in part)
            for doc_id, data in self._con.execute(
                f"SELECT document, vector FROM vectors WHERE document IN ({marks})", part
            ).fetchall():
                out[doc_id] = np.frombuffer(data, dtype=np.float32)
        return out

    def skipped(self) -> list[Skipped]:
        rows = self._con.execute("SELECT input, reason FROM skipped ORDER BY input, reason")
        return [Skipped(input=i, reason=r) for i, r in rows.fetchall()]

    # ------------------------------------------------------------- export

    def export(self, out_dir: Path) -> list[Path]:
        """Write ``<table>.parquet`` for every table into ``out_dir``."""
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc
        written = []
        for table in TABLES:
            path = out_dir / f"{table}.parquet"
            target = str(path).replace("'", "''")
            self._con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT parquet)")
            written.append(path)
        return written


def _doc_row(doc: Document) -> list[Any]:
    removed = json.dumps([r.model_dump() for r in doc.removed], ensure_ascii=False)
    return [
        doc.id,
        doc.input,
        doc.source_id,
        doc.url,
        doc.outlet,
        doc.title,
        json.dumps(doc.authors, ensure_ascii=False),
        doc.published,
        doc.text,
        removed,
        doc.duplicate_of,
    ]


def _doc(row: Sequence[Any]) -> Document:
    (doc_id, input_, source_id, url, outlet, title, authors, published, text, removed, dup) = row
    return Document(
        id=doc_id,
        input=input_,
        source_id=source_id,
        url=url,
        outlet=outlet,
        title=title,
        authors=json.loads(authors),
        published=published,
        text=text,
        removed=[Removed(**r) for r in json.loads(removed)],
        duplicate_of=dup,
    )
