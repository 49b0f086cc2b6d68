"""The library entry points behind ``newsprism.brief`` (the CLI is a thin layer over these)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from newsprism.models import Brief
from newsprism.pipeline import Options, Progress, run


def brief(
    inputs: Sequence[str | Path] | str | Path,
    *,
    options: Options | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
) -> Brief:
    """Build a cross-checked, cited brief from files, folders, URLs, feeds, WARC or JSONL.

    ``inputs`` is one input or a list of them, each as ``newsprism brief`` takes
    it (``"-"`` reads stdin). Unusable inputs end up in ``Brief.skipped`` with a
    reason; they never abort the run. ``follow_links`` follows symbolic links in
    folders wherever they point (``--follow-links``); by default only links that
    resolve inside the folder are read.
    """
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    if follow_links:
        opts = options or Options()
        options = replace(opts, ingest=replace(opts.ingest, follow_all_links=True))
    return run([str(i) for i in inputs], options=options, progress=progress)


def sample_corpus() -> Path:
    """The folder of the sample corpus that ships inside the package."""
    return Path(str(resources.files("newsprism") / "data" / "sample" / "articles"))
