"""What ``iter_inputs`` and every reader share: the limits for reading inputs.

A module of its own, below the readers, so that they need not import the
``newsprism.ingest`` package that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.version import __version__

USER_AGENT = f"newsprism/{__version__} (+https://github.com/newsprism/newsprism)"


@dataclass(frozen=True)
class IngestOptions:
    """Limits for reading inputs; the defaults suit a laptop and hostile web pages."""

    # Bytes of input per document (a file, a JSONL line, a WARC record, a download).
    max_bytes: int = 5_000_000
    # A .json file is parsed whole, so it gets its own, larger limit.
    max_json_bytes: int = 200_000_000
    # Seconds per download, in total (not per read, which a slow server games).
    timeout: float = 20.0
    user_agent: str = USER_AGENT
    max_redirects: int = 5
    # Pages fetched per feed; the rest are reported in one skip.
    max_feed_items: int = 50
    # Follow symbolic links inside folders (loops are detected and reported);
    # off, no link in a folder is followed.
    follow_symlinks: bool = True
    # Follow links in a folder wherever they point. Off, a link is followed only
    # when it resolves inside the folder being briefed: a folder unpacked from
    # an untrusted archive must not pull the user's other files into a brief.
    follow_all_links: bool = False
