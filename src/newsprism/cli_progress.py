"""The terminal progress bars shared by every command (``cli`` and ``cli_corpus``).

A module of its own so both command modules import it and neither imports the other.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newsprism.pipeline import Progress

STAGE_LABELS = {
    "read": "reading inputs",
    "annotate": "parsing documents",
    "link": "cross-checking",
}


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress]:
    """A tqdm bar per stage on stderr; silent when disabled or not a terminal."""
    if not enabled:
        yield lambda stage, done, total: None
        return
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def report(stage: str, done: int, total: int | None) -> None:
        bar = bars.get(stage)
        if bar is None:
            label = STAGE_LABELS.get(stage, stage)
            bar = tqdm(total=total, desc=label, unit="doc", file=sys.stderr, leave=False)
            bars[stage] = bar
        bar.update(done - bar.n)

    try:
        yield report
    finally:
        for bar in bars.values():
            bar.close()
