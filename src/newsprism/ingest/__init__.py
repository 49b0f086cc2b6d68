"""Ingest: files, folders, URLs, feeds, WARC, JSON/JSONL and stdin → ``RawDocument``s.

``iter_inputs`` never raises for a bad input: every problem becomes a
``Skipped`` with a one-line reason and the other inputs carry on. Order is
deterministic: inputs as given, folders walked in sorted order, records in
file order.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, TextIO

from newsprism.errors import SkipDocument
from newsprism.ingest.decode import HEAD_BYTES, check_binary, decode, looks_like_html, too_large
from newsprism.ingest.feeds import iter_feed
from newsprism.ingest.files import iter_path
from newsprism.ingest.hygiene import valid_item
from newsprism.ingest.options import IngestOptions
from newsprism.ingest.records import iter_json
from newsprism.ingest.skips import guarded
from newsprism.ingest.web import Fetcher, check_url, is_feed, is_json, page_document
from newsprism.models import RawDocument, Skipped

__all__ = ["IngestOptions", "iter_inputs"]

# "ftp://…", "file:///…", "javascript:…": anything with a scheme is meant as a URL.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
_BARE_SCHEMES = ("javascript:", "mailto:", "data:", "about:", "tel:")


def is_url(item: str) -> bool:
    """True when ``item`` has a URL scheme (``https://…``, ``ftp://…``, ``javascript:…``)."""
    return bool(_URL.match(item)) or item.lower().startswith(_BARE_SCHEMES)


def _from_url(url: str, fetcher: Fetcher) -> Iterator[RawDocument | Skipped]:
    check_url(url)
    fetched = fetcher.fetch(url)
    if is_feed(fetched):
        yield from iter_feed(url, fetched.body, fetched.url, fetcher)
    elif is_json(fetched):
        yield from iter_json(url, fetched.body, fetcher.options)
    else:
        yield page_document(fetched, url)


def _from_stdin(
    stream: TextIO | BinaryIO | None, options: IngestOptions
) -> Iterator[RawDocument | Skipped]:
    source = stream if stream is not None else sys.stdin
    if source is None:
        raise SkipDocument("no standard input available")
    isatty = getattr(source, "isatty", None)
    if isatty is not None and isatty():
        raise SkipDocument(
            "stdin is a terminal: pipe a document in, e.g. cat page.html | newsprism brief -"
        )
    raw: str | bytes = getattr(source, "buffer", source).read(options.max_bytes + 1)
    if isinstance(raw, str):
        # A text stream: already decoded, the cap counts characters.
        if len(raw) > options.max_bytes:
            raise too_large(None, options.max_bytes)
        if not raw.strip():
            raise SkipDocument("empty input on stdin")
        text = raw
    else:
        if len(raw) > options.max_bytes:
            raise too_large(None, options.max_bytes)
        check_binary(raw[:HEAD_BYTES])
        text = decode(raw, what="input on stdin")
    yield RawDocument(input="-", content=text, kind="html" if looks_like_html(text) else "text")


def iter_inputs(
    inputs: Sequence[str],
    options: IngestOptions,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[RawDocument | Skipped]:
    """Yield a ``RawDocument`` or a ``Skipped`` for every document in ``inputs``, in order.

    Each input is a file, a folder (recursive), an http(s) URL or feed URL, a
    ``.json``/``.jsonl`` file of records, a ``.warc(.gz)`` archive, or ``-`` for
    ``stdin`` (default ``sys.stdin``). Nothing raises: failures are ``Skipped``.
    Every string in what comes out is valid Unicode (see ``ingest.hygiene``).
    """
    for item in _iter_inputs(inputs, options, stdin):
        yield valid_item(item)


def _iter_inputs(
    inputs: Sequence[str],
    options: IngestOptions,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[RawDocument | Skipped]:
    fetcher = Fetcher(options)
    stdin_read = False
    try:
        for item in inputs:
            if item == "-":
                if stdin_read:
                    yield Skipped(input="-", reason="stdin was already read for an earlier '-'")
                    continue
                stdin_read = True
                yield from guarded(item, _from_stdin(stdin, options))
            elif is_url(item):
                yield from guarded(item, _from_url(item, fetcher))
            elif not item.strip():
                yield Skipped(input=item, reason="empty input name")
            else:
                yield from guarded(item, iter_path(item, fetcher))
    finally:
        fetcher.close()
