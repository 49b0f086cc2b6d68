"""Ingest: bytes → text (encodings, BOMs, binary detection) through real files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsprism.errors import SkipDocument
from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.ingest.decode import binary_kind, decode, describe_size, has_html_tags
from newsprism.models import RawDocument, Skipped

FRENCH = "Le maire a déclaré que la séance était levée à midi, après un vote très serré."
GERMAN = "Über die Verhandlungen wurde lange gesprochen; die Gespräche dauerten sieben Stunden."
SMART = "The envoy said “we will not yield” — the talks lasted nearly three hours… €5 bn."


def _one(path: Path, **options: int) -> RawDocument | Skipped:
    items = list(iter_inputs([str(path)], IngestOptions(**options)))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def _text(path: Path) -> str:
    item = _one(path)
    assert isinstance(item, RawDocument), item
    return item.content


@pytest.mark.parametrize("text", [FRENCH, GERMAN])
def test_ingest_decodes_latin1_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("latin-1"))
    assert _text(path) == text


def test_ingest_decodes_cp1252_smart_quotes(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(SMART.encode("cp1252"))
    assert _text(path) == SMART


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_ingest_decodes_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    data = FRENCH.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    path.write_bytes(data)
    assert _text(path) == FRENCH


def test_ingest_decodes_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(GERMAN.encode("utf-16-le"))
    assert _text(path) == GERMAN


def test_ingest_decodes_cyrillic_legacy_encoding(tmp_path: Path) -> None:
    text = "Президент заявил, что переговоры длились почти три часа. Министр подтвердил это."
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("cp1251"))
    assert _text(path) == text


def test_ingest_respects_html_meta_charset(tmp_path: Path) -> None:
    # Bytes valid in both cp1252 and cp1251: only the meta tag says which.
    body = "<p>Президент заявил.</p>"
    html = f'<html><head><meta charset="windows-1251"></head><body>{body}</body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1251"))
    item = _one(path)
    assert isinstance(item, RawDocument)
    assert item.kind == "html"
    assert body in item.content


def test_ingest_prefers_valid_utf8_over_wrong_meta_charset(tmp_path: Path) -> None:
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{FRENCH}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("utf-8"))
    assert FRENCH in _text(path)


@pytest.mark.parametrize(
    ("magic", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or Office document"),
        (b"GIF89a", "GIF image"),
    ],
)
def test_ingest_skips_binary_file_renamed_txt(tmp_path: Path, magic: bytes, kind: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(magic + b"\x00\x01binary payload" * 20)
    item = _one(path)
    assert item == Skipped(input=str(path), reason=f"binary file ({kind}), not text")


def test_ingest_skips_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"some words\x00\x00\x13\x00 and \x00 more \x00\xff")
    item = _one(path)
    assert isinstance(item, Skipped)
    assert item.reason == "binary file (contains NUL bytes), not text"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "  \n".encode("utf-16")])
def test_ingest_skips_empty_and_whitespace_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert _one(path) == Skipped(input=str(path), reason="empty file")


def test_ingest_decode_reports_undetectable_encoding() -> None:
    # Control bytes everywhere: no encoding turns this into prose.
    data = bytes(range(1, 32)) * 40 + bytes(range(0x80, 0xA0)) * 40
    with pytest.raises(SkipDocument):
        decode(data)


def test_ingest_decode_helpers() -> None:
    assert describe_size(60_000_000) == "60.0 MB"
    assert describe_size(1_500) == "1.5 kB"
    assert describe_size(12) == "12 bytes"
    assert binary_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "WebP image"
    assert binary_kind(b"plain words") is None
    assert has_html_tags("First paragraph.<p>Second one.</p>")
    assert not has_html_tags("If a < b and c > d then nothing follows.")


def test_ingest_decode_declared_utf8_with_a_few_bad_bytes_stays_utf8() -> None:
    text = (
        '<html><head><meta charset="utf-8"></head><body><p>Prezydent mówił o współpracy, '
        "a minister dodał, że rozmowy będą kontynuowane w przyszłym tygodniu.</p></body></html>"
    )
    data = text.encode("utf-8").replace("mówił".encode(), b"m\xf3wi\xb3")
    decoded = decode(data)
    assert "m\ufffdwi\ufffd o współpracy" in decoded
    assert "dodał, że rozmowy będą" in decoded


def test_ingest_decode_cp1252_quotes_without_utf8_letters_stay_cp1252() -> None:
    assert decode(b'<meta charset="utf-8"><p>He don\x92t know</p>') == (
        '<meta charset="utf-8"><p>He don’t know</p>'
    )
