"""Engines: where the per-document stage runs. They change speed, never results.

* ``inline``: this process, ``nlp.pipe`` in batches (``perdoc.extract_documents``).
* ``processes``: a local process pool; each worker loads the model once (pool
  initializer) and returns ``DocExtraction``s, which pickle small — far cheaper
  than shipping spaCy ``Doc`` objects back as ``nlp.pipe(n_process=…)`` does.
* ``ray``: Ray Data ``map_batches`` over an actor pool; each actor loads the
  model once in its constructor. ``ray_address`` (or ``RAY_ADDRESS``) points at
  an existing cluster; without one a local Ray is started with ``workers`` CPUs.

Every engine yields extractions in the order of the documents given, so the
cross-document stages (``pipeline.assemble``) see the same input whatever ran.
Every engine runs ``perdoc.extract_documents``, which isolates each document: one
that raises comes back as an empty extraction with ``error`` set, never as an
exception that would end the run (``pipeline.drop_failed`` lists it as skipped).
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from newsprism.errors import UsageError
from newsprism.models import Document
from newsprism.perdoc import DocExtraction, extract_documents, failed

ENGINES = ("inline", "processes", "ray")


@dataclass(frozen=True)
class Engine:
    """Which engine, with how many workers, in batches of how many documents."""

    name: str = "inline"
    workers: int = 1
    batch_size: int = 32
    ray_address: str | None = None

    def __post_init__(self) -> None:
        if self.name not in ENGINES:
            raise UsageError(f"unknown engine {self.name!r}: choose from {', '.join(ENGINES)}")


def extract_all(documents: Sequence[Document], engine: Engine) -> Iterator[DocExtraction]:
    """The per-document stage over ``documents`` on ``engine``, yielded in their order."""
    if not documents:
        return
    if engine.name == "processes":
        yield from _processes(documents, engine)
    elif engine.name == "ray":
        yield from _ray(documents, engine)
    else:
        yield from extract_documents(documents, 1, engine.batch_size)


# ----------------------------------------------------------------- processes

_POOLS: dict[int, ProcessPoolExecutor] = {}


def _init_worker() -> None:
    from newsprism.nlp import load_model

    load_model()


def _extract_chunk(documents: list[Document]) -> list[DocExtraction]:
    return list(extract_documents(documents, 1, len(documents)))


def _pool(workers: int) -> ProcessPoolExecutor:
    # One pool per worker count, kept for the process's life: ingest calls us
    # once per batch and must not pay the model load each time.
    pool = _POOLS.get(workers)
    if pool is None:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
        _POOLS[workers] = pool
    return pool


def _processes(documents: Sequence[Document], engine: Engine) -> Iterator[DocExtraction]:
    size = max(1, min(engine.batch_size, -(-len(documents) // engine.workers)))
    chunks = [list(documents[i : i + size]) for i in range(0, len(documents), size)]
    pool = _pool(engine.workers)
    futures = [pool.submit(_extract_chunk, chunk) for chunk in chunks]
    for chunk, future in zip(chunks, futures, strict=True):
        try:
            found = future.result()
        except BrokenProcessPool:
            # A worker died (killed for memory, a crash in native code): the pool and
            # every pending chunk with it. Redo this chunk one document at a time in a
            # fresh pool, so only the document that kills a worker is lost.
            if _POOLS.get(engine.workers) is pool:
                _drop_pool(engine.workers)
            found = [_alone(doc, engine.workers) for doc in chunk]
        yield from found


def _alone(doc: Document, workers: int) -> DocExtraction:
    """``doc`` on its own in the pool; a worker that dies on it costs that document only."""
    try:
        return _pool(workers).submit(_extract_chunk, [doc]).result()[0]
    except BrokenProcessPool as exc:
        _drop_pool(workers)
        return failed(doc.id, "per-document extraction", exc)


def _drop_pool(workers: int) -> None:
    pool = _POOLS.pop(workers, None)
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """Stop the process pools (they are also stopped at interpreter exit)."""
    for pool in _POOLS.values():
        pool.shutdown(cancel_futures=True)
    _POOLS.clear()


# ----------------------------------------------------------------------- ray


class _RayExtractor:
    """A Ray actor: the model is loaded once, in the constructor."""

    def __init__(self) -> None:
        from newsprism.nlp import load_model

        load_model()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        docs = [Document.model_validate_json(raw) for raw in batch["doc"]]
        found = extract_documents(docs, 1, len(docs))
        return {"id": [d.id for d in docs], "found": [pickle.dumps(f) for f in found]}


def ray_init(engine: Engine) -> None:
    """Connect to ``engine.ray_address`` / ``RAY_ADDRESS``, or start a local Ray."""
    try:
        import ray
    except ImportError as exc:
        raise UsageError("the ray engine needs Ray: pip install 'newsprism[ray]'") from exc
    if ray.is_initialized():
        return
    address = engine.ray_address or os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(
            num_cpus=engine.workers,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )


def _ray(documents: Sequence[Document], engine: Engine) -> Iterator[DocExtraction]:
    import ray

    ray_init(engine)
    # Ray Data logs every dataset it runs at INFO: noise on a terminal with our own bar.
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.execution_options.preserve_order = True
    items = [{"doc": d.model_dump_json()} for d in documents]
    size = max(1, min(engine.batch_size, -(-len(items) // engine.workers)))
    dataset = ray.data.from_items(items, override_num_blocks=-(-len(items) // size))
    results = dataset.map_batches(
        _RayExtractor,
        batch_size=size,
        compute=ray.data.ActorPoolStrategy(size=engine.workers),
        num_cpus=1,
        batch_format="numpy",
    )
    found: dict[str, DocExtraction] = {}
    for row in results.iter_rows():
        found[str(row["id"])] = pickle.loads(row["found"])
    for doc in documents:
        yield found[doc.id]
