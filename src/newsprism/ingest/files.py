"""Local paths: file types, size limits, folder walks, symbolic links, one-line OS errors.

A link inside a briefed folder is followed only when it resolves inside that
folder (``IngestOptions.follow_all_links`` lifts this): a folder unpacked from
someone else's archive may hold links to ``~/.ssh`` or to private notes.

A file's type comes from its extension; files without one, ``.xml`` files and
unknown extensions are sniffed from their first bytes (saved pages are often
called ``article.php`` or ``index.html.1``). Sizes are checked with ``stat``
before reading, so a huge file is refused without being read.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import SkipDocument
from newsprism.ingest.decode import (
    HEAD_BYTES,
    check_binary,
    decode,
    looks_like_feed,
    looks_like_html,
    too_large,
)
from newsprism.ingest.feeds import iter_feed
from newsprism.ingest.records import iter_json, iter_jsonl
from newsprism.ingest.skips import guarded, os_reason
from newsprism.ingest.warc import WARC_SUFFIXES, iter_warc
from newsprism.ingest.web import Fetcher
from newsprism.models import RawDocument, Skipped

if TYPE_CHECKING:
    from newsprism.ingest.options import IngestOptions

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".txt.gz", ".md.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz", ".xhtml.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
FEED_SUFFIXES = (".rss", ".atom")
# Never worth opening: their type is certain from the name.
BINARY_SUFFIXES = frozenset(
    {
        ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp",
        ".epub", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".png", ".jpg",
        ".jpeg",
        ".gif", ".webp", ".bmp", ".tif", ".tiff", ".svg", ".ico", ".heic", ".mp3", ".wav", ".ogg",
        ".flac", ".m4a", ".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".exe", ".dll", ".so",
        ".dylib", ".bin", ".db", ".sqlite", ".parquet", ".pkl", ".woff", ".woff2", ".ttf", ".otf",
        ".eot", ".class", ".jar", ".pyc", ".o",
    }
)  # fmt: skip
NO_FILES = "no text, HTML, JSON, JSONL or WARC files found"
_SUFFIX = re.compile(r"^\.[a-z0-9_+-]{1,12}$")
_JSON_LIMIT = "for a .json file read whole; split it into a .jsonl file, one record a line"


def suffix_of(name: str) -> str:
    """The lower-case file type suffix, two parts for archives (``.warc.gz``); ``""`` if none."""
    lower = name.lower()
    for compound in (*WARC_SUFFIXES, *JSONL_SUFFIXES, *TEXT_SUFFIXES, *HTML_SUFFIXES, ".json.gz"):
        if lower.endswith(compound) and compound.count(".") == 2:
            return compound
    suffix = Path(lower).suffix
    # "story.2024" or "Mr. Smith" do not name a file type.
    if _SUFFIX.match(suffix) and any(c.isalpha() for c in suffix):
        return suffix
    return ""


def _head(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(HEAD_BYTES)


def classify(path: Path, name: str) -> str:
    """One of text, html, json, jsonl, warc, feed; a skip for unsupported types."""
    suffix = suffix_of(name)
    for kind, suffixes in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("json", (".json", ".json.gz")),
        ("jsonl", JSONL_SUFFIXES),
        ("warc", WARC_SUFFIXES),
        ("feed", FEED_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    if suffix in BINARY_SUFFIXES:
        raise SkipDocument(f"unsupported file type {suffix}")
    head = _head(path)
    check_binary(head)
    start = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    if looks_like_feed(start):
        return "feed"
    if looks_like_html(start):
        return "html"
    if not suffix:
        return "text"
    what = " (not an RSS/Atom feed or XHTML)" if suffix == ".xml" else ""
    raise SkipDocument(f"unsupported file type {suffix}{what}")


def read_capped(path: Path, limit: int, size: int | None, flag: str = "--max-bytes") -> bytes:
    """The bytes of ``path`` (gunzipped for ``.gz``), refused before reading when ``size``
    (from stat) is over ``limit``; ``flag`` names the limit in the skip reason."""
    if size is not None and size > limit:
        raise too_large(size, limit, flag)
    if path.name.lower().endswith(".gz"):
        try:
            with gzip.open(path, "rb") as stream:
                data = stream.read(limit + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise SkipDocument(f"broken gzip file: {exc}") from None
    else:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    # The file may have grown since stat, pipes have no size at all, and a
    # gzip file says nothing about its unpacked size.
    if len(data) > limit:
        raise too_large(None, limit, flag)
    return data


def page(name: str, data: bytes, kind: str) -> RawDocument:
    """A text or HTML file's bytes as a ``RawDocument``."""
    check_binary(data[:HEAD_BYTES])
    text = decode(data)
    html = kind == "html" or looks_like_html(text)
    return RawDocument(input=name, content=text, kind="html" if html else "text")


def iter_file(
    name: str, path: Path, kind: str, size: int | None, fetcher: Fetcher
) -> Iterator[RawDocument | Skipped]:
    """Documents of one file of a known ``kind`` (see ``classify``)."""
    options = fetcher.options
    if kind == "jsonl":
        yield from iter_jsonl(name, path, options)
    elif kind == "warc":
        yield from iter_warc(name, path, options)
    elif kind == "json":
        # A .json file is parsed whole, under its own limit, which no flag sets.
        data = read_capped(path, options.max_json_bytes, size, _JSON_LIMIT)
        yield from iter_json(name, data, options)
    elif kind == "feed":
        data = read_capped(path, options.max_bytes, size)
        check_binary(data[:HEAD_BYTES])
        yield from iter_feed(name, data, None, fetcher)
    else:
        yield page(name, read_capped(path, options.max_bytes, size), kind)


@dataclass(frozen=True)
class _Entry:
    name: str
    path: Path
    kind: str | None = None
    size: int | None = None
    reason: str | None = None
    unsupported: bool = False


OUTSIDE = "link points outside the folder (follow it with --follow-links)"


def _inside(path: Path, root: str) -> bool:
    target = os.path.realpath(path)
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _stat_entry(
    name: str, path: Path, root: str, options: IngestOptions
) -> os.stat_result | _Entry:
    link = path.is_symlink()
    if link and not options.follow_symlinks:
        return _Entry(name, path, reason="symbolic link not followed (follow_symlinks is off)")
    if link and not options.follow_all_links and not _inside(path, root):
        return _Entry(name, path, reason=OUTSIDE)
    try:
        return path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link: its target does not exist" if link else None
        return _Entry(name, path, reason=reason or "no such file or directory")
    except OSError as exc:
        return _Entry(name, path, reason=os_reason(exc))


def _walk(
    folder: Path, name: str, ancestors: dict[tuple[int, int], str],
    visited: dict[tuple[int, int], str], root: str, options: IngestOptions,
) -> Iterator[_Entry]:  # fmt: skip
    try:
        children = sorted(os.listdir(folder))
    except OSError as exc:
        yield _Entry(name, folder, reason=f"cannot list folder: {os_reason(exc)}")
        return
    for child in children:
        if child.startswith("."):
            continue  # hidden: editor, VCS and OS files, never articles
        path, child_name = folder / child, os.path.join(name, child)
        found = _stat_entry(child_name, path, root, options)
        if isinstance(found, _Entry):
            yield found
            continue
        if stat.S_ISDIR(found.st_mode):
            key = (found.st_dev, found.st_ino)
            if key in ancestors:
                yield _Entry(
                    child_name, path, reason=f"symbolic link loop: points back to {ancestors[key]}"
                )
            elif key in visited:
                yield _Entry(child_name, path, reason=f"same folder as {visited[key]}, read once")
            else:
                visited[key] = child_name
                yield from _walk(
                    path, child_name, {**ancestors, key: child_name}, visited, root, options
                )
        elif stat.S_ISREG(found.st_mode):
            try:
                yield _Entry(child_name, path, classify(path, child_name), found.st_size)
            except SkipDocument as exc:
                unsupported = exc.message.startswith("unsupported file type")
                yield _Entry(child_name, path, reason=exc.message, unsupported=unsupported)
            except OSError as exc:
                yield _Entry(child_name, path, reason=os_reason(exc))
        else:
            yield _Entry(child_name, path, reason="not a regular file (a pipe, socket or device)")


def _no_files(entries: list[_Entry]) -> str:
    if not entries:
        return f"{NO_FILES} (the folder is empty)"
    suffixes = sorted({suffix_of(e.name) or "no extension" for e in entries})
    shown = ", ".join(suffixes[:5]) + (", …" if len(suffixes) > 5 else "")
    return f"{NO_FILES} ({len(entries)} other files: {shown})"


def iter_folder(
    name: str, folder: Path, st: os.stat_result, fetcher: Fetcher
) -> Iterator[RawDocument | Skipped]:
    """Every file under ``folder``, recursively, in sorted order; hidden files are ignored.

    A folder with nothing readable gives one skip for the folder instead of one
    per image or PDF in it.
    """
    key = (st.st_dev, st.st_ino)
    # Links are judged by where they resolve, against the folder's real path
    # (the folder itself may be given through a link).
    root = os.path.realpath(folder)
    entries = list(_walk(folder, name, {key: name}, {key: name}, root, fetcher.options))
    if all(e.unsupported for e in entries):
        yield Skipped(input=name, reason=_no_files(entries))
        return
    for entry in entries:
        if entry.kind is None:
            yield Skipped(input=entry.name, reason=entry.reason or "unreadable")
        else:
            yield from guarded(
                entry.name, iter_file(entry.name, entry.path, entry.kind, entry.size, fetcher)
            )


def _missing(name: str) -> str:
    first = name.split("/", 1)[0]
    # "www.example.com/story" was meant as a URL, not a path.
    if (
        "." in first
        and not first.startswith(".")
        and first.split(".")[-1].isalpha()
        and "/" in name
    ):
        return "no such file or directory (for a web page, start the address with https://)"
    return "no such file or directory"


def iter_path(name: str, fetcher: Fetcher) -> Iterator[RawDocument | Skipped]:
    """Documents of the file or folder ``name`` as the user gave it."""
    path = Path(name)
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise SkipDocument("broken symbolic link: its target does not exist") from None
        raise SkipDocument(_missing(name)) from None
    except OSError as exc:
        raise SkipDocument(os_reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        yield from iter_folder(name, path, st, fetcher)
    elif stat.S_ISREG(st.st_mode):
        yield from iter_file(name, path, classify(path, name), st.st_size, fetcher)
    else:
        # An explicit pipe, e.g. bash's <(curl …): no size, no sniffing, read up to the cap.
        yield page(name, read_capped(path, fetcher.options.max_bytes, None), "text")
