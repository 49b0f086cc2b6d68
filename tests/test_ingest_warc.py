"""Ingest: WARC archives built in the test with warcio's writer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.models import RawDocument, Skipped

PAGE = b"<html><body><p>The bridge reopened on Monday after repairs.</p></body></html>"


def _response(writer: WARCWriter, uri: str, body: bytes, ctype: str, status: str) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)


def _archive(path: Path, gzip: bool) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://a.example/bridge", PAGE, "text/html; charset=utf-8", "200 OK")
        _response(writer, "https://a.example/logo.png", b"\x89PNG\r\n", "image/png", "200 OK")
        _response(writer, "https://a.example/old", PAGE, "text/html", "404 Not Found")
        _response(writer, "https://a.example/moved", b"", "text/html", "301 Moved Permanently")
        _response(writer, "https://a.example/note.txt", b"A short note.", "text/plain", "200 OK")
        latin = "<html><body><p>Caf\xe9 cr\xe8me.</p></body></html>".encode("latin-1")
        _response(
            writer, "https://a.example/cafe", latin, "text/html; charset=iso-8859-1", "200 OK"
        )
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_ingest_warc_reads_html_and_text_responses(tmp_path: Path, name: str) -> None:
    path = _archive(tmp_path / name, gzip=name.endswith(".gz"))
    items = list(iter_inputs([str(path)], IngestOptions()))
    assert all(isinstance(i, RawDocument) for i in items)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [(d.input, d.kind, d.url) for d in docs] == [
        (f"{path}#https://a.example/bridge", "html", "https://a.example/bridge"),
        (f"{path}#https://a.example/note.txt", "text", "https://a.example/note.txt"),
        (f"{path}#https://a.example/cafe", "html", "https://a.example/cafe"),
    ]
    assert docs[0].content == PAGE.decode()
    assert "Café crème." in docs[2].content
    # The crawl date is not the publication date.
    assert all(d.published is None for d in docs)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_ingest_truncated_warc_keeps_records_read(tmp_path: Path, name: str) -> None:
    full = _archive(tmp_path / f"full-{name}", gzip=name.endswith(".gz")).read_bytes()
    path = tmp_path / name
    path.write_bytes(full[: int(len(full) * 0.8)])
    items = list(iter_inputs([str(path)], IngestOptions()))
    assert isinstance(items[0], RawDocument)
    assert items[0].input == f"{path}#https://a.example/bridge"
    last = items[-1]
    assert isinstance(last, Skipped) and last.input == str(path)
    assert "truncated archive" in last.reason
    assert "the rest is not read" in last.reason


def test_ingest_warc_without_pages_and_garbage(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc"
    with empty.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        writer.write_record(writer.create_warcinfo_record("empty.warc", {"software": "test"}))
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not an archive at all\n" * 5)
    items = list(iter_inputs([str(empty), str(junk)], IngestOptions()))
    assert items[0] == Skipped(
        input=str(empty),
        reason="no HTML or text pages in the archive (only 200 responses are read)",
    )
    assert items[1] == Skipped(
        input=str(junk), reason="not a WARC or ARC archive: it does not start with a WARC/ header"
    )


def test_ingest_warc_record_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        _response(writer, "https://a.example/big", b"<p>" + b"x" * 5000, "text/html", "200 OK")
        _response(writer, "https://a.example/ok", PAGE, "text/html", "200 OK")
    items = list(iter_inputs([str(path)], IngestOptions(max_bytes=1000)))
    assert items[0] == Skipped(
        input=f"{path}#https://a.example/big",
        reason="too large: more than the 1.0 kB limit (--max-bytes)",
    )
    assert isinstance(items[1], RawDocument)


def _pages_archive(path: Path, pages: int = 4) -> bytes:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for n in range(pages):
            body = "".join(
                f"<p>Paragraph {k} of page {n}: the ferry crossing reopened after repairs.</p>"
                for k in range(30)
            )
            html = f"<html><body>{body}</body></html>".encode()
            _response(writer, f"https://a.example/p{n}", html, "text/html", "200 OK")
    return path.read_bytes()


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_ingest_warc_gz_cut_mid_page_names_the_cut_page(tmp_path: Path, name: str) -> None:
    full = _pages_archive(tmp_path / f"full-{name}")
    path = tmp_path / name
    path.write_bytes(full[: int(len(full) * 0.75)])
    items = list(iter_inputs([str(path)], IngestOptions()))
    docs = [i for i in items if isinstance(i, RawDocument)]
    skips = [i for i in items if isinstance(i, Skipped)]
    # Whole pages are kept whole; the page the file ends inside is not kept cut off.
    assert [d.input for d in docs] == [
        f"{path}#https://a.example/p0",
        f"{path}#https://a.example/p1",
    ]
    assert all(d.content.endswith("</html>") for d in docs)
    assert skips == [
        Skipped(
            input=f"{path}#https://a.example/p2",
            reason="truncated archive: the file ends inside this page (after 3 complete records)",
        ),
        Skipped(
            input=str(path),
            reason="truncated archive: cut off after 3 records, the rest is not read",
        ),
    ]


def test_ingest_warc_gz_member_without_trailer_is_reported(tmp_path: Path) -> None:
    full = _pages_archive(tmp_path / "full.warc.gz", pages=2)
    path = tmp_path / "notrailer.warc.gz"
    path.write_bytes(full[:-8])  # the last member's CRC and size are missing
    items = list(iter_inputs([str(path)], IngestOptions()))
    assert sum(isinstance(i, RawDocument) for i in items) == 2
    assert items[-1] == Skipped(
        input=str(path),
        reason="truncated archive: the last gzip member has no end after 3 records "
        "(the pages read are complete)",
    )
    whole = tmp_path / "full.warc.gz"
    assert all(isinstance(i, RawDocument) for i in iter_inputs([str(whole)], IngestOptions()))


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_warc_refuses_header_line_over_64_kb(tmp_path: Path, gz: bool) -> None:
    import gzip as gzip_module

    body = b"<html><body><p>The quay opened on Friday.</p></body></html>"
    record = (
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://a.example/long\r\n"
        b"Content-Type: text/html\r\nX-Junk: " + b"a" * 300_000 + b"\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body + b"\r\n\r\n"
    )
    path = tmp_path / ("long.warc.gz" if gz else "long.warc")
    path.write_bytes(gzip_module.compress(record) if gz else record)
    items = list(iter_inputs([str(path)], IngestOptions()))
    assert items == [
        Skipped(
            input=str(path),
            reason="broken archive: a header line longer than 64 kB before any record",
        )
    ]
