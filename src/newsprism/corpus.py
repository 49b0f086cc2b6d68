"""Incremental ingest into the corpus store: read, clean, find copies, extract, commit.

Inputs stream through in batches, so memory holds one batch, not the corpus.
A raw input whose hash is stored is skipped before cleaning; a cleaned text
whose id is stored is skipped before parsing. Near-copies are decided in
arrival order against every earlier original (stored LSH band keys plus the
batch in flight), so the result depends on the order of inputs, never on
where batches happen to start: a resumed run ends with the same store as an
uninterrupted one.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newsprism.clean import clean_document
from newsprism.crossdoc.dedup import band_keys, copy_id, pick_original, shingles
from newsprism.engines import Engine, extract_all
from newsprism.errors import SkipDocument
from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.models import Document, RawDocument, Skipped
from newsprism.perdoc import failed
from newsprism.store import Batch, Store

Progress = Callable[[str, int, int | None], None]


@dataclass
class IngestReport:
    """What one ingest run did; ``seconds`` is wall time."""

    read: int = 0
    added: int = 0
    known: int = 0
    skipped: int = 0
    copies: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (
            f"{self.read} inputs read: {self.added} documents added ({self.copies} near-copies),"
            f" {self.known} already stored, {self.skipped} skipped; {self.seconds:.1f} s"
            f" ({rate:.1f} inputs/s)"
        )


def raw_hash(raw: RawDocument) -> str:
    """Hash of an input's content and the container metadata that cleaning reads."""
    meta = [
        raw.input,
        raw.kind,
        raw.url,
        raw.title,
        raw.outlet,
        raw.published,
        raw.authors,
        raw.record_id,
    ]
    h = hashlib.sha256(json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    h.update(b"\0")
    h.update(raw.content.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _chunks(
    items: Iterator[RawDocument | Skipped], size: int
) -> Iterator[list[RawDocument | Skipped]]:
    chunk: list[RawDocument | Skipped] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Deduper:
    """Near-copy decisions for one batch against the store and the batch so far."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pending: dict[tuple[int, int], list[str]] = {}
        self.docs: dict[str, tuple[Document, set[str]]] = {}

    def decide(self, doc: Document) -> tuple[Document, list[tuple[int, int, str]]]:
        grams = shingles(doc.text)
        keys = band_keys(grams)
        ids = set(self.store.lsh_candidates(keys))
        for band, key in enumerate(keys):
            ids.update(self.pending.get((band, key), ()))
        candidates = [self.docs[i] for i in sorted(ids) if i in self.docs]
        missing = sorted(i for i in ids if i not in self.docs)
        candidates += [(d, shingles(d.text)) for d in self.store.documents(missing)]
        original = pick_original(doc, grams, candidates)
        self.docs[doc.id] = (doc, grams)
        if original is not None:
            return doc.model_copy(update={"duplicate_of": original}), []
        # Only originals are indexed, so a copy always points at an original.
        for band, key in enumerate(keys):
            self.pending.setdefault((band, key), []).append(doc.id)
        return doc, [(band, key, doc.id) for band, key in enumerate(keys)]


def _prepare(chunk: list[RawDocument | Skipped], store: Store, report: IngestReport) -> Batch:
    batch = Batch()
    raws = [r for r in chunk if isinstance(r, RawDocument)]
    hashes = {id(r): raw_hash(r) for r in raws}
    seen_raw = store.known_inputs(sorted(hashes.values()))
    cleaned: list[tuple[str, RawDocument, Document]] = []
    for item in chunk:
        report.read += 1
        if isinstance(item, Skipped):
            batch.skipped.append(item)
            report.skipped += 1
            continue
        key = hashes[id(item)]
        if key in seen_raw:
            report.known += 1
            continue
        seen_raw.add(key)
        try:
            doc = clean_document(item)
        except SkipDocument as exc:
            batch.skipped.append(Skipped(input=item.input, reason=exc.message))
            batch.inputs.append((key, item.input, None))
            report.skipped += 1
            continue
        if item.record_id:
            doc = doc.model_copy(update={"source_id": item.record_id})
        cleaned.append((key, item, doc))
    ids = {d.id for _, _, d in cleaned}
    ids |= {copy_id(d.text, d.input) for _, _, d in cleaned}
    stored = store.known_documents(sorted(ids))
    firsts = {d.id: d.input for d in store.documents(sorted(stored))}
    dedup = _Deduper(store)
    for key, item, doc in cleaned:
        first = firsts.setdefault(doc.id, doc.input)
        if first != doc.input:
            # Identical text from another input: a copy that keeps its outlet,
            # under its own id (as in a brief; here the first to arrive is the original).
            doc = doc.model_copy(
                update={"id": copy_id(doc.text, doc.input), "duplicate_of": doc.id}
            )
        batch.inputs.append((key, item.input, doc.id))
        if doc.id in stored:
            # Identical cleaned text from the same input: already stored.
            report.known += 1
            continue
        stored.add(doc.id)
        if doc.duplicate_of is not None:
            batch.documents.append(doc)
            report.added += 1
            report.copies += 1
            continue
        doc, lsh_rows = dedup.decide(doc)
        batch.documents.append(doc)
        batch.lsh.extend(lsh_rows)
        report.added += 1
        report.copies += doc.duplicate_of is not None
    return batch


def _extract(batch: Batch, engine: Engine, report: IngestReport) -> None:
    """Fill ``batch.extractions``; a document an extractor crashes on becomes a skip.

    A week-long ingest must not die on one document that trips a bug: the batch
    is retried one document at a time and the culprit is recorded with its error.
    """
    try:
        found = {e.document: e for e in extract_all(batch.documents, engine)}
    except Exception:
        found = {}  # an engine failure (a lost worker): one document at a time below
    else:
        # The per-document stage isolates its own failures: an ``error`` marks one.
        if not any(e.error for e in found.values()):
            batch.extractions = list(found.values())
            return
    batch.extractions = []
    kept: list[Document] = []
    for doc in batch.documents:
        try:
            one = found.get(doc.id) or next(iter(extract_all([doc], Engine())))
        except Exception as exc:
            one = failed(doc.id, "per-document extraction", exc)
        if one.error:
            batch.skipped.append(Skipped(input=doc.input, reason=f"{one.error}; please report"))
            batch.lsh = [row for row in batch.lsh if row[2] != doc.id]
            batch.inputs = [row for row in batch.inputs if row[2] != doc.id]
            report.added -= 1
            report.skipped += 1
            continue
        batch.extractions.append(one)
        kept.append(doc)
    batch.documents = kept


def ingest(
    inputs: Sequence[str],
    store: Store,
    options: IngestOptions | None = None,
    engine: Engine | None = None,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> IngestReport:
    """Add ``inputs`` to ``store``; one committed transaction per ``batch_size`` inputs."""
    report = IngestReport()
    start = time.perf_counter()
    eng = engine or Engine()
    for chunk in _chunks(iter_inputs(inputs, options or IngestOptions()), batch_size):
        batch = _prepare(chunk, store, report)
        _extract(batch, eng, report)
        store.write_batch(batch)
        if progress is not None:
            progress("ingest", report.read, None)
    report.seconds = time.perf_counter() - start
    return report
