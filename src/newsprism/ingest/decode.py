"""Bytes → text: binary detection, encoding detection, HTML/feed sniffing, size messages.

Every failure is a ``SkipDocument`` with a one-line reason. The order of the
encoding guesses matters more than the detector: a BOM is certain, valid UTF-8
is almost certain (random legacy bytes are rarely valid UTF-8), a declared
charset is usually right, and only then do we guess.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from newsprism.errors import SkipDocument

# Enough to see magic numbers, a BOM, a doctype or a meta charset.
HEAD_BYTES = 8192

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers decode these labels as windows-1252 (WHATWG Encoding), and so do we:
# pages that say latin-1 routinely contain curly quotes from 0x80–0x9F.
_AS_CP1252 = {"latin_1", "iso8859_1", "ascii", "cp1252"}

_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)[\s>/]", re.I | re.S
)
_FEED_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?[^>]*>|<!doctype[^>]*>)*<(?:rss|feed|rdf:RDF)[\s>]", re.I | re.S
)
# Tags that plain prose never contains: a record field holding them is HTML.
_HTML_TAG = re.compile(
    r"<(?:p|div|br|hr|html|body|article|section|h[1-6]|ul|ol|li|table|span|a|em|strong|"
    r"b|i|img|figure|blockquote)(?:\s[^<>]*)?/?>",
    re.I,
)
# Punctuation and symbols that real text in any language uses freely.
_COMMON_NON_ASCII = set("\u00a0“”‘’‚„–—…•·«»‹›¿¡§¶°±×÷€£¥¢©®™½¼¾ªº´¨\u200b\u200e\u200f")


def describe_size(n: int) -> str:
    """``60000000`` → ``"60.0 MB"``, small numbers in kB or bytes."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def too_large(size: int | None, limit: int, flag: str = "--max-bytes") -> SkipDocument:
    """The skip for an input over ``limit``; ``size`` is None when only a lower bound is known."""
    if size is None:
        return SkipDocument(f"too large: more than the {describe_size(limit)} limit ({flag})")
    return SkipDocument(
        f"too large: {describe_size(size)} exceeds the {describe_size(limit)} limit ({flag})"
    )


def binary_kind(head: bytes) -> str | None:
    """A name for a known binary format at the start of ``head``, else None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4 or QuickTime media"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    # UTF-16 text of a Latin-script language has a NUL in every other byte;
    # binary data has NULs scattered anywhere.
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def check_binary(head: bytes, allow_gzip: bool = False) -> None:
    """Raise a skip when ``head`` (the first bytes of an input) is not text."""
    kind = binary_kind(head)
    if kind == "gzip archive" and allow_gzip:
        return
    if kind is not None:
        raise SkipDocument(f"binary file ({kind}), not text")
    if any(head.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(head):
        return
    if b"\x00" in head:
        raise SkipDocument("binary file (contains NUL bytes), not text")


def _codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    return "cp1252" if name in _AS_CP1252 else name


def declared_charset(head: bytes) -> str | None:
    """The charset a document states about itself (XML declaration or HTML meta)."""
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _codec(match.group(1)) if match else None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        if encoding != "cp1252":
            return None
        # cp1252 leaves five bytes undefined; latin-1 maps them to C1 controls.
        text = data.decode("latin-1")
    return text


def _plausible(text: str, western: bool) -> bool:
    # Mis-decoded text shows up as stray symbols (Polish "ł" read as cp1252
    # is "³") or, for Cyrillic or Greek read as cp1252, as words made entirely
    # of accented Latin letters.
    odd = letters = accented = 0
    for ch in text:
        if ch < "\x80":
            if ch.isalpha():
                letters += 1
            elif ch < " " and ch not in "\t\n\r\f\v":
                return False
            continue
        cat = unicodedata.category(ch)
        if cat[0] == "L":
            letters += 1
            accented += 1
        elif cat[0] != "M" and ch not in _COMMON_NON_ASCII:
            odd += 1
    non_ascii = accented + odd
    if non_ascii and odd > 0.1 * non_ascii:
        return False
    return not (western and letters and accented > 0.4 * letters)


def _guess(data: bytes) -> str | None:
    western = _try(data, "cp1252")
    if western is not None and _plausible(western, western=True):
        # Short texts give the statistical detector too little to go on
        # (it reads French latin-1 as mac_latin2); Western text is the
        # likeliest legacy encoding for news in Latin script.
        return western
    for match in from_bytes(data):
        text = str(match)
        if _plausible(text, western=False):
            return text
    return None


def decode(data: bytes, declared: str | None = None, what: str = "file") -> str:
    """Decode ``data`` to text or raise a skip; ``declared`` is a charset label from HTTP.

    Order: BOM, UTF-8, a charset the HTTP header or the document declares, then
    detection (cp1252 when plausible, else charset-normalizer's candidates).
    """
    if not data.strip():
        raise SkipDocument(f"empty {what}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return _nonempty(text, what)
    bomless = _utf16_without_bom(data[:HEAD_BYTES])
    if bomless:
        return _nonempty(data.decode(bomless, errors="replace"), what)
    try:
        return _nonempty(data.decode("utf-8"), what)
    except UnicodeDecodeError:
        pass
    labels = (_codec(declared), declared_charset(data[:HEAD_BYTES]))
    mostly = _mostly_utf8(data, declared_utf8="utf_8" in labels)
    if mostly is not None:
        return _nonempty(mostly, what)
    for label in labels:
        if label and label != "utf_8":
            stated = _try(data, label)
            if stated is not None:
                return _nonempty(stated, what)
    guessed = _guess(data)
    if guessed is None:
        raise SkipDocument("cannot detect text encoding: save the file as UTF-8")
    return _nonempty(guessed, what)


def _mostly_utf8(data: bytes, declared_utf8: bool) -> str | None:
    """UTF-8 text with a few bad bytes, decoded with U+FFFD for them; None otherwise.

    A page saved as UTF-8 with one stray byte (a cut character, a pasted
    cp1252 quote) is still UTF-8: decoding it all as another charset turns
    every Polish "ł" into "Ĺ‚". It counts as UTF-8 when its valid multi-byte
    characters outnumber the bad bytes (ten to one when it does not say it
    is UTF-8) and the bad bytes are few. Without valid multi-byte characters
    a cp1252 reading is likelier right ("don\x92t" is "don’t").
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if bad > max(16, len(data) // 10_000):
        return None
    return text if multibyte >= (1 if declared_utf8 else 10) * bad else None


def _nonempty(text: str, what: str) -> str:
    if not text.strip():
        raise SkipDocument(f"empty {what}")
    controls = sum(1 for ch in text[:HEAD_BYTES] if ch < " " and ch not in "\t\n\r\f\v")
    if controls > 0.01 * min(len(text), HEAD_BYTES):
        raise SkipDocument("binary file (control characters), not text")
    return text


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML page (doctype, ``<html>``, ``<head>``, ``<body>``)."""
    return bool(_HTML_START.match(text[:HEAD_BYTES]))


def looks_like_feed(text: str) -> bool:
    """True when ``text`` starts like an RSS, Atom or RDF feed."""
    return bool(_FEED_START.match(text[:HEAD_BYTES]))


def has_html_tags(text: str) -> bool:
    """True when a text field carries HTML markup (paragraph, link or heading tags)."""
    return looks_like_html(text) or bool(_HTML_TAG.search(text[:20_000]))
