"""Corpus commands: ``ingest``, ``stories``, ``export`` (registered on the main group)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from newsprism.cli_progress import progress_bar
from newsprism.corpus import ingest as ingest_into
from newsprism.engines import ENGINES, Engine
from newsprism.errors import NewsprismError, UsageError
from newsprism.ingest import IngestOptions
from newsprism.models import Document
from newsprism.perdoc import DocExtraction

F = TypeVar("F", bound=Callable[..., Any])


def engine_options(func: F) -> F:
    """``--engine``, ``--workers`` and ``--ray-address``, shared by the corpus commands."""
    func = click.option(
        "--ray-address",
        default=None,
        envvar="RAY_ADDRESS",
        help="Ray cluster to use with --engine ray (default: RAY_ADDRESS, else a local Ray).",
    )(func)
    func = click.option(
        "--workers",
        default=1,
        show_default=True,
        type=click.IntRange(1, 1024),
        help="Worker processes (processes) or actors (ray) for the per-document stage.",
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default="inline",
        show_default=True,
        help="Where the per-document stage runs.",
    )(func)
    return func


def _show(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


def _batch_for(engine: str, batch: int | None) -> int:
    # Ray pays a scheduling cost per dataset: it wants big batches.
    return batch or {"inline": 64, "processes": 256, "ray": 1024}[engine]


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="DuckDB store file (created when missing).",
)
@click.option(
    "--batch",
    type=click.IntRange(1),
    default=None,
    help="Inputs per committed transaction [default: 64 inline, 256 processes, 1024 ray].",
)
@click.option(
    "--max-bytes",
    default=IngestOptions().max_bytes,
    show_default=True,
    type=click.IntRange(1),
    help="Skip any single input larger than this.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@engine_options
def ingest(
    inputs: tuple[str, ...],
    db: Path,
    batch: int | None,
    max_bytes: int,
    quiet: bool,
    engine: str,
    workers: int,
    ray_address: str | None,
) -> None:
    """Add INPUTS to the store: documents seen before are skipped, a killed run resumes."""
    from newsprism.store import Store

    eng = Engine(engine, workers, 32, ray_address)
    try:
        with Store(db) as store, progress_bar(_show(quiet)) as progress:
            report = ingest_into(
                list(inputs),
                store,
                IngestOptions(max_bytes=max_bytes),
                eng,
                _batch_for(engine, batch),
                progress,
            )
            total = store.count("documents")
    except NewsprismError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        click.echo(f"newsprism ingest: {report.line()}; {total} documents in {db}")


@click.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("newsprism-stories"),
    show_default=True,
    help="Folder for stories.json (and a brief per story with --brief).",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Cluster this store (INPUTS, if any, are ingested into it first).",
)
@click.option("--brief", "with_briefs", is_flag=True, help="Also brief every story.")
@click.option(
    "--format",
    "formats",
    default="json,html,md",
    show_default=True,
    help="Brief outputs with --brief: json, html, md.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@engine_options
def stories(
    inputs: tuple[str, ...],
    out: Path,
    db: Path | None,
    with_briefs: bool,
    formats: str,
    quiet: bool,
    engine: str,
    workers: int,
    ray_address: str | None,
) -> None:
    """Cluster INPUTS (or the --db store) into stories; write OUT/stories.json."""
    from newsprism.pipeline import parse_formats

    if not inputs and db is None:
        raise click.UsageError("give INPUTS, --db FILE, or both")
    eng = Engine(engine, workers, 32, ray_address)
    try:
        fmts = parse_formats(formats)
        with progress_bar(_show(quiet)) as progress:
            if db is not None:
                n_docs, n_stories, n_briefs = _stories_db(
                    inputs, db, out, eng, fmts if with_briefs else (), progress
                )
            else:
                n_docs, n_stories, n_briefs = _stories_mem(
                    inputs, out, eng, fmts if with_briefs else (), progress
                )
    except NewsprismError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        click.echo(
            f"newsprism stories: {n_docs} documents in {n_stories} stories; wrote "
            f"{out / 'stories.json'}" + (f" and {n_briefs} briefs" if with_briefs else "")
        )
    if n_docs == 0:
        raise click.ClickException("no usable documents: every input was skipped")


def _stories_db(
    inputs: Sequence[str],
    db: Path,
    out: Path,
    eng: Engine,
    fmts: Sequence[str],
    progress: Any,
) -> tuple[int, int, int]:
    from newsprism.store import Store
    from newsprism.storyrun import stories_of_store, write_briefs, write_stories

    with Store(db) as store:
        if inputs:
            ingest_into(list(inputs), store, None, eng, _batch_for(eng.name, None), progress)
        found = stories_of_store(store, progress=progress)
        metas = store.metas()
        write_stories(found, metas, out)

        def docs(ids: Sequence[str]) -> list[Document]:
            return list(store.documents(ids))

        def extractions(ids: Sequence[str]) -> list[DocExtraction]:
            return list(store.extractions(ids).values())

        briefs = []
        if fmts:
            briefs = write_briefs(found, docs, extractions, out, fmts, progress=progress)
    return len(metas), len(found), len(briefs)


def _stories_mem(
    inputs: Sequence[str], out: Path, eng: Engine, fmts: Sequence[str], progress: Any
) -> tuple[int, int, int]:
    from newsprism.crossdoc.dedup import mark_duplicates
    from newsprism.engines import extract_all
    from newsprism.pipeline import Options, collect
    from newsprism.storyrun import _meta, stories_of_documents, write_briefs, write_stories

    documents, _skipped = collect(list(inputs), Options(), progress)
    documents = sorted(mark_duplicates(documents), key=lambda d: (d.input, d.id))
    found = list(extract_all(documents, eng))
    by_id = {d.id: d for d in documents}
    ex_by_id = {e.document: e for e in found}
    result = stories_of_documents(documents, found)
    write_stories(result, [_meta(d) for d in documents], out)
    briefs: list[Path] = []
    if fmts:
        briefs = write_briefs(
            result,
            lambda ids: [by_id[i] for i in ids],
            lambda ids: [ex_by_id[i] for i in ids],
            out,
            fmts,
            progress=progress,
        )
    return len(documents), len(result), len(briefs)


@click.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="DuckDB store file to export.",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for one <table>.parquet per table.",
)
def export(db: Path, out: Path) -> None:
    """Export every table of the store to Parquet."""
    from newsprism.store import Store

    try:
        with Store(db, read_only=True) as store:
            written = store.export(out)
    except (NewsprismError, UsageError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"newsprism export: wrote {len(written)} tables to {out}")


def register(group: click.Group) -> None:
    """Add the corpus commands to the ``newsprism`` group."""
    for command in (ingest, stories, export):
        group.add_command(command)
