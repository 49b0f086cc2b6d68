"""The ``newsprism`` command: thin click commands over the library API."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from newsprism.api import brief as build_brief
from newsprism.api import sample_corpus
from newsprism.cli_corpus import register as register_corpus_commands
from newsprism.cli_progress import progress_bar
from newsprism.errors import NewsprismError
from newsprism.ingest import IngestOptions
from newsprism.models import Brief
from newsprism.pipeline import FORMATS, Options, parse_formats, write_outputs
from newsprism.version import __version__


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _summary(brief: Brief, written: Sequence[Path]) -> str:
    """The short terminal report: what was read, what was skipped, what was found."""
    outlets = {d.outlet for d in brief.documents if d.outlet}
    copies = sum(1 for d in brief.documents if d.duplicate_of)
    lines = [
        f"newsprism {__version__}: {_n(len(brief.documents), 'document')}"
        f" ({_n(len(outlets), 'outlet')}, {_n(copies, 'near-copy', 'near-copies')}),"
        f" {len(brief.skipped)} skipped, {_n(len(brief.entities), 'entity', 'entities')}",
    ]
    counts = [
        (name, len(getattr(brief, name)))
        for name in ("quotes", "quote_groups", "claims", "facts", "events", "positions")
    ]
    found = ", ".join(_n(n, name.replace("_", " ")[:-1]) for name, n in counts if n)
    if found:
        lines.append(f"  found: {found}")
    conflicts = [f for f in brief.facts if f.status == "conflict"]
    if conflicts:
        lines.append(f"  disputed: {_n(len(conflicts), 'fact')}, e.g. {conflicts[0].about}")
    top = brief.entities[:6]
    if top:
        lines.append(
            "  top entities: "
            + ", ".join(f"{e.name} ({e.type}, {len(e.mentions)})" for e in top)
        )
    for item in brief.skipped[:10]:
        lines.append(f"  skipped {item.input}: {item.reason}")
    if len(brief.skipped) > 10:
        reasons = Counter(s.reason.split(":")[0] for s in brief.skipped[10:])
        lines.append(f"  … and {len(brief.skipped) - 10} more skipped ({dict(reasons)})")
    for path in written:
        lines.append(f"  wrote {path}")
    return "\n".join(lines)


def _run(
    inputs: Sequence[str], out: Path, formats: str, options: Options, quiet: bool
) -> None:
    try:
        fmts = parse_formats(formats)
        show = not quiet and sys.stderr.isatty()
        with progress_bar(show) as progress:
            result = build_brief(list(inputs), options=options, progress=progress)
        written = write_outputs(result, out, fmts)
    except NewsprismError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        click.echo(_summary(result, written))
    if not result.documents:
        raise click.ClickException("no usable documents: every input was skipped (see above)")


F = TypeVar("F", bound=Callable[..., Any])


def _common(func: F) -> F:
    """Options shared by ``brief`` and ``demo``."""
    func = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")(func)
    func = click.option(
        "--processes", default=1, show_default=True, type=click.IntRange(1, 64),
        help="Worker processes for parsing (worth it from a few hundred documents).",
    )(func)
    func = click.option(
        "--max-bytes", default=IngestOptions().max_bytes, show_default=True,
        type=click.IntRange(1), help="Skip any single input larger than this.",
    )(func)
    func = click.option(
        "--max-feed-items", default=IngestOptions().max_feed_items, show_default=True,
        type=click.IntRange(1), help="Articles to fetch from each RSS/Atom feed.",
    )(func)
    func = click.option(
        "--timeout", default=IngestOptions().timeout, show_default=True, type=float,
        help="Seconds to wait for each URL.",
    )(func)
    func = click.option(
        "--format", "formats", default=",".join(FORMATS), show_default=True,
        help="Comma-separated outputs: json, html, md.",
    )(func)
    return func


def _options(max_bytes: int, timeout: float, max_feed_items: int, processes: int) -> Options:
    ingest = IngestOptions(max_bytes=max_bytes, timeout=timeout, max_feed_items=max_feed_items)
    return Options(ingest=ingest, n_process=processes)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
def main() -> None:
    """Turn many news reports of one event into a cross-checked, cited briefing."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--out", type=click.Path(file_okay=False, path_type=Path),
    default=Path("newsprism-brief"), show_default=True, help="Folder for brief.json/html/md.",
)
@_common
@click.option(
    "--engine", type=click.Choice(["inline", "processes", "ray"]), default="inline",
    show_default=True, help="Where parsing runs (--processes sets the workers).",
)
@click.option(
    "--ray-address", default=None, envvar="RAY_ADDRESS", help="Ray cluster for --engine ray."
)
@click.option(
    "--follow-links", is_flag=True,
    help="Follow symbolic links in folders wherever they point (default: only links that "
    "stay inside the folder).",
)
def brief(
    inputs: tuple[str, ...], out: Path, formats: str, timeout: float, max_feed_items: int,
    max_bytes: int, processes: int, quiet: bool, engine: str = "inline",
    ray_address: str | None = None, follow_links: bool = False,
) -> None:
    """Brief INPUTS: files, folders, URLs, RSS/Atom feeds, .warc(.gz), .jsonl, or - for stdin.

    Unusable inputs are listed under `skipped` with a reason; the rest is briefed.
    """
    opts = _options(max_bytes, timeout, max_feed_items, processes)
    opts = replace(opts, engine=engine, ray_address=ray_address)
    if follow_links:
        opts = replace(opts, ingest=replace(opts.ingest, follow_all_links=True))
    _run(inputs, out, formats, opts, quiet)


@main.command()
@click.option(
    "-o", "--out", type=click.Path(file_okay=False, path_type=Path),
    default=Path("newsprism-demo"), show_default=True, help="Folder for brief.json/html/md.",
)
@_common
def demo(
    out: Path, formats: str, timeout: float, max_feed_items: int, max_bytes: int,
    processes: int, quiet: bool,
) -> None:
    """Brief the sample corpus that ships with newsprism (eight reports of one fictional summit)."""
    opts = _options(max_bytes, timeout, max_feed_items, processes)
    _run([str(sample_corpus())], out, formats, opts, quiet)
    if not quiet:
        click.echo(f"Open {out / 'brief.html'} in a browser to read the brief.")


@main.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A corpus store (DuckDB file) to browse its stories.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 exposes the server to the network.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="NEWSPRISM_TOKEN",
    default=None,
    help="Require this bearer token for the API and the pages (or NEWSPRISM_TOKEN).",
)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let jobs fetch loopback and private-network addresses.",
)
@click.option(
    "--jobs-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("newsprism-jobs"),
    show_default=True,
    help="Folder for job state and finished briefs (kept across restarts).",
)
@click.option(
    "--max-queued-jobs",
    default=20,
    show_default=True,
    type=click.IntRange(1),
    help="Jobs that may wait for the worker; one more is refused with 429.",
)
@click.option(
    "--job-memory-mb",
    default=4000,
    show_default=True,
    type=click.IntRange(0),
    help="Memory each job (a child process) may use beyond the server's own; 0: no cap.",
)
@click.option(
    "--job-timeout",
    default=3600,
    show_default=True,
    type=click.IntRange(0),
    help="Seconds a job may run before it is stopped; 0: no limit.",
)
def serve(
    db: Path | None,
    host: str,
    port: int,
    token: str | None,
    allow_private_urls: bool,
    jobs_dir: Path,
    max_queued_jobs: int = 20,
    job_memory_mb: int = 4000,
    job_timeout: int = 3600,
) -> None:
    """Run the web app: upload articles or paste links, read the brief; JSON API under /api/v1."""
    try:
        from newsprism.web import WebSettings
        from newsprism.web import serve as run_server
    except ImportError as exc:
        raise click.ClickException(
            f"the web app needs its extra ({exc.name} is missing): pip install 'newsprism[web]'"
        ) from exc
    settings = WebSettings(
        jobs_dir=jobs_dir,
        db=db,
        token=token or None,
        allow_private_urls=allow_private_urls,
        max_queued_jobs=max_queued_jobs,
        job_memory_bytes=job_memory_mb * 1_000_000 or None,
        job_timeout=float(job_timeout) or None,
    )
    try:
        run_server(settings, host=host, port=port)
    except NewsprismError as exc:
        raise click.ClickException(str(exc)) from exc


register_corpus_commands(main)

if __name__ == "__main__":  # pragma: no cover
    main()
