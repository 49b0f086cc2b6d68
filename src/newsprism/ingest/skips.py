"""Turning any failure into a ``Skipped`` with a one-line reason.

Ingest reads hostile input with third-party parsers; whatever they raise, one
bad page, record or entry must cost exactly that item and nothing after it.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator

from newsprism.errors import SkipDocument
from newsprism.models import RawDocument, Skipped

_OS_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "symbolic link loop: the link points back to itself",
    errno.ENAMETOOLONG: "file name too long",
    errno.ENOTDIR: "no such file or directory (a part of the path is a file)",
    errno.EISDIR: "is a folder, not a file",
}


def one_line(text: str, limit: int = 300) -> str:
    """``text`` squeezed onto one line and shortened, for a skip reason."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def os_reason(exc: OSError) -> str:
    """A one-line reason for an OS error on a path (no errno numbers, no repeated path)."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    return one_line((exc.strerror or type(exc).__name__).lower())


def skip_for(name: str, exc: Exception) -> Skipped:
    """The ``Skipped`` entry for ``name`` that failed with ``exc``."""
    if isinstance(exc, SkipDocument):
        return Skipped(input=name, reason=one_line(exc.message))
    if isinstance(exc, OSError) and exc.errno is not None:
        return Skipped(input=name, reason=os_reason(exc))
    return Skipped(input=name, reason=one_line(f"unexpected error: {type(exc).__name__}: {exc}"))


def guarded(name: str, items: Iterator[RawDocument | Skipped]) -> Iterator[RawDocument | Skipped]:
    """``items``, with any failure turned into a final skip for ``name``.

    Documents yielded before the failure are kept: a broken archive or a feed
    whose tenth page crashes still gives its first nine.
    """
    try:
        yield from items
    except Exception as exc:  # a bug or a library surprise must not end the run
        yield skip_for(name, exc)
