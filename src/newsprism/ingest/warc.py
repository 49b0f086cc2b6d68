"""Web archives (WARC and ARC, plain or gzipped): one document per archived HTML/text page.

Only successful (200) ``response`` records and ``resource`` records whose
payload is HTML or plain text are articles; images, scripts, redirects and
request/metadata records are part of any crawl and are passed over silently.
The WARC-Date is when the page was crawled, not when it was published, so it
is never used as ``published``.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator

from newsprism.errors import SkipDocument
from newsprism.ingest.decode import HEAD_BYTES, check_binary, decode, looks_like_html, too_large
from newsprism.ingest.skips import skip_for
from newsprism.ingest.web import HTML_TYPES, TEXT_TYPES
from newsprism.models import RawDocument, Skipped

if TYPE_CHECKING:
    from newsprism.ingest.options import IngestOptions

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Real WARC and HTTP header lines are well under 8 kB; a longer "line" is junk.
MAX_HEADER_LINE = 65_536


def _media(header: str | None) -> tuple[str, str | None]:
    media, _, params = (header or "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _page(record: Any) -> tuple[str, str | None] | None:
    """(media type, charset) when ``record`` holds an HTML or text page, else None."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None
        found = _media(http.get_header("Content-Type"))
    elif record.rec_type == "resource":
        found = _media(record.rec_headers.get_header("Content-Type"))
    else:
        return None
    return found if found[0] in HTML_TYPES or found[0] in TEXT_TYPES else None


def _document(name: str, uri: str, media: str, charset: str | None, body: bytes) -> RawDocument:
    check_binary(body[:HEAD_BYTES])
    text = decode(body, declared=charset, what="record")
    html = media in HTML_TYPES or looks_like_html(text)
    return RawDocument(input=name, content=text, kind="html" if html else "text", url=uri or None)


def iter_warc(name: str, path: Path, options: IngestOptions) -> Iterator[RawDocument | Skipped]:
    """Pages in the archive at ``path``, named ``name#<target URI>``, in archive order.

    A broken or truncated archive keeps the pages read before the damage and
    ends with one skip that says where it broke; a page the archive ends
    inside is a skip of its own, never kept cut off as if it were whole.
    """
    with path.open("rb") as stream:
        # By content, not name: crawlers also write gzipped archives as .warc.
        compressed = stream.read(2) == b"\x1f\x8b"
    _check_start(path, compressed)
    pages = records = 0
    last_start = 0
    with path.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        archive = ArchiveIterator(stream, arc2warc=True)
        _bound_lines(archive, lambda: records)
        iterator = iter(archive)
        while True:
            try:
                record = next(iterator, None)
                if record is None:
                    # An archive cut inside a record header, or junk after the last
                    # record, ends the iteration without an error.
                    if archive.offset < size:
                        raise SkipDocument(f"truncated archive: cut off {_after(records)}")
                    break
                last_start = archive.offset
                # Uncompressed archives end silently mid-record; a record that
                # claims more bytes than the file holds means the file was cut.
                if not compressed and archive.offset + record.length > size:
                    yield from _cut_page(name, record, pages, records)
                    raise SkipDocument(f"truncated archive: cut off {_after(records)}")
                page = _page(record)
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                item = f"{name}#{uri}" if uri else f"{name}#{pages + 1}"
                body = record.content_stream().read(options.max_bytes + 1) if page else b""
                # Read the rest of the record: what the file lacks of its
                # stated length shows a cut (gzip members end without error).
                while record.raw_stream.read(1 << 16):
                    pass
                if getattr(record.raw_stream, "limit", 0) > 0:
                    yield from _cut_page(name, record, pages, records)
                    raise SkipDocument(f"truncated archive: cut off {_after(records)}")
            except SkipDocument:
                raise
            except Exception as exc:  # warcio raises many kinds on damaged input
                raise SkipDocument(
                    f"broken or truncated archive {_after(records)}{_detail(exc)}"
                ) from None
            records += 1
            if page is None:
                continue
            pages += 1
            try:
                if len(body) > options.max_bytes:
                    raise too_large(None, options.max_bytes)
                yield _document(item, uri, *page, body)
            except Exception as exc:  # one bad page must not cost the rest of the archive
                yield skip_for(item, exc)
    if compressed and records and not _member_complete(path, last_start):
        # The last gzip member lacks its trailer: the file was cut, but after
        # the last record's bytes, so every page above is whole.
        raise SkipDocument(
            f"truncated archive: the last gzip member has no end after {records} records"
            " (the pages read are complete)"
        )
    if pages == 0:
        raise SkipDocument("no HTML or text pages in the archive (only 200 responses are read)")


def _cut_page(name: str, record: Any, pages: int, records: int) -> Iterator[Skipped]:
    """A skip naming the page the archive ends inside (nothing for other records)."""
    if _page(record) is None:
        return
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    item = f"{name}#{uri}" if uri else f"{name}#{pages + 1}"
    yield Skipped(
        input=item,
        reason=f"truncated archive: the file ends inside this page (after {records} "
        "complete records)",
    )


def _bound_lines(archive: ArchiveIterator, records: Callable[[], int]) -> None:
    """Refuse header lines over ``MAX_HEADER_LINE`` bytes.

    warcio's ``readline`` has no limit: one 2 GB "header line" (a few MB
    gzipped) would be held in memory whole. Bodies are read with ``read``, so
    bounding ``readline`` bounds only WARC, HTTP and chunk header lines.
    """
    reader = archive.reader
    unbounded = reader.readline

    def readline(length: int | None = None) -> bytes:
        cap = MAX_HEADER_LINE + 1 if length is None else min(length, MAX_HEADER_LINE + 1)
        # warcio's own readline(n) may stop short of n at buffer boundaries:
        # gather the pieces up to the cap.
        pieces: list[bytes] = []
        got = 0
        while got < cap:
            piece: bytes = unbounded(cap - got)
            if not piece:
                break
            pieces.append(piece)
            got += len(piece)
            if piece.endswith(b"\n"):
                break
        if got > MAX_HEADER_LINE:
            raise SkipDocument(
                f"broken archive: a header line longer than {MAX_HEADER_LINE // 1024} kB "
                f"{_after(records())}"
            )
        return b"".join(pieces)

    setattr(reader, "readline", readline)  # noqa: B010 - an instance attribute on purpose


def _member_complete(path: Path, start: int) -> bool:
    """True when the gzip member at ``start`` (the last record's) ends with its trailer."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    with path.open("rb") as stream:
        stream.seek(start)
        while not decompressor.eof:
            chunk = stream.read(1 << 16)
            if not chunk:
                return False
            try:
                # Output is thrown away; max_length keeps memory flat on a bomb.
                decompressor.decompress(chunk, 1 << 20)
                while decompressor.unconsumed_tail and not decompressor.eof:
                    decompressor.decompress(decompressor.unconsumed_tail, 1 << 20)
            except zlib.error:
                return False
    return True


def _check_start(path: Path, compressed: bool) -> None:
    # warcio reads almost any text as ARC records (and warns on stderr), so
    # check for a real archive header first.
    try:
        with gzip.open(path, "rb") if compressed else path.open("rb") as stream:
            head = stream.read(64).lstrip()
    except (OSError, EOFError, zlib.error):
        head = b""
    if not head:
        raise SkipDocument("empty file" if path.stat().st_size == 0 else "not a readable archive")
    if not head.startswith((b"WARC/", b"filedesc://")):
        check_binary(head)
        raise SkipDocument("not a WARC or ARC archive: it does not start with a WARC/ header")


def _after(records: int) -> str:
    return f"after {records} records, the rest is not read" if records else "before any record"


def _detail(exc: Exception) -> str:
    # Only warcio's own errors say something useful; an AttributeError from
    # deep inside the parser would only confuse.
    if type(exc).__module__.startswith("warcio") or isinstance(exc, OSError | EOFError):
        lines = str(exc).strip().splitlines()
        if lines:
            return f" ({lines[0][:160]})"
    return ""
