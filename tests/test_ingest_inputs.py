"""Ingest: dispatch over mixed inputs, stdin, and the never-raise guarantee."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import newsprism.ingest.files as files
from newsprism.ingest import IngestOptions, is_url, iter_inputs
from newsprism.models import RawDocument, Skipped

TEXT = "Volunteers cleared the beach on Saturday and filled forty bags with plastic."


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ingest_stdin_bytes_text_and_html() -> None:
    html = b"<!DOCTYPE html><html><body><p>Beach day.</p></body></html>"
    [doc] = iter_inputs(["-"], IngestOptions(), stdin=io.BytesIO(html))
    assert doc == RawDocument(input="-", content=html.decode(), kind="html")
    latin = io.BytesIO("Caf\xe9 owners joined the clean-up, the organisers said.".encode("latin-1"))
    [doc] = iter_inputs(["-"], IngestOptions(), stdin=latin)
    assert isinstance(doc, RawDocument) and doc.content.startswith("Café owners")
    [doc] = iter_inputs(["-"], IngestOptions(), stdin=io.StringIO(TEXT))
    assert doc == RawDocument(input="-", content=TEXT, kind="text")


def test_ingest_stdin_problems_are_skips() -> None:
    options = IngestOptions(max_bytes=10)
    assert list(iter_inputs(["-"], IngestOptions(), stdin=io.BytesIO(b" \n"))) == [
        Skipped(input="-", reason="empty input on stdin")
    ]
    [big] = iter_inputs(["-"], options, stdin=io.BytesIO(TEXT.encode()))
    assert big == Skipped(input="-", reason="too large: more than the 10 bytes limit (--max-bytes)")
    [tty] = iter_inputs(["-"], IngestOptions(), stdin=_Tty())
    assert isinstance(tty, Skipped) and tty.reason.startswith("stdin is a terminal")
    first, second = iter_inputs(["-", "-"], IngestOptions(), stdin=io.BytesIO(TEXT.encode()))
    assert isinstance(first, RawDocument)
    assert second == Skipped(input="-", reason="stdin was already read for an earlier '-'")


def test_ingest_unexpected_error_in_one_input_keeps_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"{TEXT} ({name})", encoding="utf-8")
    real_page = files.page

    def flaky(name: str, data: bytes, kind: str) -> RawDocument:
        if name.endswith("b.txt"):
            raise RuntimeError("boom\nsecond line")
        return real_page(name, data, kind)

    monkeypatch.setattr(files, "page", flaky)
    items = list(iter_inputs([str(folder)], IngestOptions()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Skipped", "RawDocument"]
    assert items[1] == Skipped(
        input=f"{folder}/b.txt", reason="unexpected error: RuntimeError: boom second line"
    )


def test_ingest_is_lazy_and_deterministic(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"{TEXT} {n}", encoding="utf-8")
    stream = iter_inputs([str(tmp_path), str(tmp_path / "3.txt")], IngestOptions())
    first = next(stream)
    assert isinstance(first, RawDocument) and first.input.endswith("0.txt")
    rest = list(stream)
    assert [i.input.rsplit("/", 1)[1] for i in rest] == [
        "1.txt",
        "2.txt",
        "3.txt",
        "4.txt",
        "3.txt",
    ]


def test_ingest_is_url() -> None:
    assert is_url("https://example.org/a")
    assert is_url("FTP://example.org/a")
    assert is_url("javascript:void(0)")
    assert not is_url("notes/2024:summit.txt")
    assert not is_url("-")
