"""Article records in JSON and JSON Lines (news-please, NewsAPI, WordPress, scraper dumps).

Field names vary by tool, so each field has a list of aliases tried in order.
JSON Lines is streamed line by line with a per-line cap, so a dump of millions
of articles never sits in memory; a bad line costs that line only. Any line
that parses as a JSON object shows the file is JSON Lines (even a record
without text); only a file whose first lines are all unreadable is refused
as a whole. Whatever goes wrong inside one record (bad Unicode, a number too
long to convert, a parser surprise) skips that record with its line number.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from newsprism.errors import SkipDocument
from newsprism.ingest.decode import (
    HEAD_BYTES,
    binary_kind,
    check_binary,
    decode,
    has_html_tags,
    too_large,
)
from newsprism.ingest.hygiene import MAX_AUTHORS, MAX_RECORD_ID, valid_text
from newsprism.models import RawDocument, Skipped

if TYPE_CHECKING:
    from newsprism.ingest.options import IngestOptions

TEXT_KEYS = ("text", "body", "content", "article", "articleBody", "maintext", "text_content")
HTML_KEYS = ("html", "raw_html", "content_html")
TITLE_KEYS = ("title", "headline", "name")
PUBLISHED_KEYS = (
    "published", "date", "date_publish", "pubDate", "datePublished", "published_at",
    "publish_date", "publication_date", "date_published",
)  # fmt: skip
URL_KEYS = ("url", "link", "source_url", "uri")
OUTLET_KEYS = ("outlet", "source", "publisher", "site_name", "source_domain")
AUTHOR_KEYS = ("authors", "author", "byline", "creator")
ID_KEYS = ("id", "_id", "record_id", "uuid", "guid")
CONTAINER_KEYS = ("articles", "items", "data", "records", "results", "documents", "docs")

# After this many leading lines that are not JSON objects, the file is not JSON Lines at all.
_PROBE_LINES = 20
# Python refuses to convert integers of more than 4,300 digits (a ValueError);
# such a number is kept as its digits, and an id that long skips its record.
_MAX_DIGITS = 4000
_BY = re.compile(r"^by\s+", re.I)
_NO_TEXT = 'no text (expected a "text", "body" or "content" field)'


def _string(value: Any) -> str | None:
    # WordPress's REST API wraps fields as {"rendered": "..."}.
    if isinstance(value, dict):
        value = value.get("rendered", value.get("name", value.get("value")))
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        found = _string(record.get(key))
        if found is not None:
            return found
    return None


def _text(record: dict[str, Any]) -> tuple[str, bool] | None:
    """The article text and whether it is HTML."""
    for keys, html in ((TEXT_KEYS, False), (HTML_KEYS, True)):
        for key in keys:
            value = record.get(key)
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                value = "\n\n".join(v.strip() for v in value if v.strip())
            text = _string(value)
            if text is not None:
                return text, html or has_html_tags(text)
    return None


def _authors(record: dict[str, Any]) -> list[str]:
    for key in AUTHOR_KEYS:
        value = record.get(key)
        # A list of a million "authors" is not a byline: look at the first few.
        items = value[: 2 * MAX_AUTHORS] if isinstance(value, list) else [value]
        names: list[str] = []
        for item in items:
            name = _string(item)
            if name is not None:
                name = _BY.sub("", name).strip()
                if name and name not in names:
                    names.append(name)
        if names:
            return names
    return []


def _record_id(record: dict[str, Any]) -> str | None:
    for key in ID_KEYS:
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            found = value.strip()
            if len(found) > MAX_RECORD_ID:
                # A cut id would join with the wrong record downstream.
                raise SkipDocument(
                    f'the "{key}" field is {len(found):,} characters long '
                    f"(ids are at most {MAX_RECORD_ID})"
                )
            return found
    return None


def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits) <= _MAX_DIGITS else digits


def loads(text: str) -> Any:
    """``json.loads`` that keeps an over-long integer as its digit string."""
    return json.loads(text, parse_int=_parse_int)


def _json_error(exc: json.JSONDecodeError, line: bool) -> str:
    # Some messages end in "at" ("Invalid control character at"): say it once.
    msg = exc.msg.removesuffix(":").removesuffix(" at")
    where = f"column {exc.colno}" if line else f"line {exc.lineno} column {exc.colno}"
    return f"invalid JSON ({msg} at {where})"


def record_document(name: str, record: Any, max_bytes: int) -> RawDocument:
    """One JSON record as a ``RawDocument``; a skip when it has no usable text."""
    if not isinstance(record, dict):
        raise SkipDocument(f"not a JSON object but {type(record).__name__}")
    found = _text(record)
    if found is None:
        raise SkipDocument(_NO_TEXT)
    text, html = found
    text = valid_text(text)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise too_large(size, max_bytes)
    return RawDocument(
        input=name,
        content=text,
        kind="html" if html else "text",
        url=_first(record, URL_KEYS),
        title=_first(record, TITLE_KEYS),
        outlet=_first(record, OUTLET_KEYS),
        published=_first(record, PUBLISHED_KEYS),
        authors=_authors(record),
        record_id=_record_id(record),
    )


def _records(value: Any) -> list[tuple[str | None, Any]]:
    """(key, record) pairs; the key is the record's name in a ``{"id": {...}}`` mapping."""
    if isinstance(value, list):
        return [(None, record) for record in value]
    if isinstance(value, dict):
        for key in CONTAINER_KEYS:
            if isinstance(value.get(key), list):
                return [(None, record) for record in value[key]]
        if _text(value) is not None:
            return [(None, value)]
        # Dumps keyed by article id: {"a1": {"text": ...}, "a2": {...}}.
        mapping = value and all(isinstance(v, dict) for v in value.values())
        if mapping and any(_text(v) is not None for v in value.values()):
            return [(str(k), v) for k, v in value.items()]
    raise SkipDocument(
        'no article records found: expected a list of objects, {"articles": [...]}, '
        'or one object with a "text" field'
    )


def iter_json(name: str, data: bytes, options: IngestOptions) -> Iterator[RawDocument | Skipped]:
    """Records of a whole JSON document, named ``name#1``, ``name#2``, … in file order."""
    text = decode(data)
    try:
        value = loads(text)
    except json.JSONDecodeError as exc:
        raise SkipDocument(_json_error(exc, line=False)) from None
    except RecursionError:
        raise SkipDocument("invalid JSON (nested too deeply)") from None
    records = _records(value)
    if not records:
        raise SkipDocument("no records in the file")
    for number, (key, record) in enumerate(records, start=1):
        try:
            doc = record_document(f"{name}#{number}", record, options.max_bytes)
        except Exception as exc:  # one bad record costs that record only
            yield Skipped(input=f"{name}#{number}", reason=f"record {number}: {_reason(exc)}")
            continue
        doc.record_id = doc.record_id or key
        yield doc


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _read_line(stream: IO[bytes], cap: int) -> tuple[bytes, bool]:
    """The next line (``b""`` at the end) and whether it was longer than ``cap``."""
    line = stream.readline(cap + 1)
    if len(line) <= cap or line.endswith(b"\n"):
        return line, False
    while line and not line.endswith(b"\n"):
        line = stream.readline(1 << 20)
    return b"x", True


def _reason(exc: Exception) -> str:
    if isinstance(exc, SkipDocument):
        return exc.message
    if isinstance(exc, UnicodeError):
        return "invalid Unicode in the record"
    return f"unreadable record ({type(exc).__name__}: {str(exc)[:120]})"


def _parse_line(line: bytes, number: int) -> Any:
    try:
        return loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError:
        raise SkipDocument(f"line {number}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise SkipDocument(f"line {number}: {_json_error(exc, line=True)}") from None
    except RecursionError:
        raise SkipDocument(f"line {number}: invalid JSON (nested too deeply)") from None
    except ValueError as exc:
        raise SkipDocument(f"line {number}: invalid JSON ({str(exc)[:120]})") from None


def iter_jsonl(name: str, path: Path, options: IngestOptions) -> Iterator[RawDocument | Skipped]:
    """Records of a JSON Lines file (optionally gzipped), named ``name#<line number>``."""
    number = 0
    proven = False
    # Skips are held back until a first JSON object shows the file is JSON
    # Lines at all; otherwise a text file named .jsonl gives one skip, not one per line.
    pending: list[Skipped] = []
    with _open(path) as stream:
        try:
            head = stream.peek(HEAD_BYTES)[:HEAD_BYTES] if hasattr(stream, "peek") else b""
            # Only a known binary format refuses the file: a NUL byte costs its line.
            kind = binary_kind(head)
            if kind is not None:
                raise SkipDocument(f"binary file ({kind}), not text")
            if not head.strip():
                raise SkipDocument("empty file")
            while True:
                line, oversized = _read_line(stream, options.max_bytes)
                if not line:
                    break
                number += 1
                if not oversized and not line.strip():
                    continue
                item = f"{name}#{number}"
                try:
                    if oversized:
                        raise too_large(None, options.max_bytes)
                    record = _parse_line(line, number)
                    proven = proven or isinstance(record, dict)
                    doc = record_document(item, record, options.max_bytes)
                except Exception as exc:  # one bad line costs that line only
                    reason = _reason(exc)
                    if not reason.startswith("line "):
                        reason = f"line {number}: {reason}"
                    pending.append(Skipped(input=item, reason=reason))
                    if not proven and len(pending) >= _PROBE_LINES:
                        raise SkipDocument(_not_jsonl(pending, head)) from None
                    if proven:
                        yield from pending
                        pending.clear()
                    continue
                yield from pending
                pending.clear()
                yield doc
            if pending and not proven:
                raise SkipDocument(_not_jsonl(pending, head))
            yield from pending
        except (OSError, EOFError, zlib.error) as exc:
            # A truncated .gz: keep what was read, report where it broke.
            raise SkipDocument(f"broken file after line {number}: {exc}") from None


def _not_jsonl(pending: list[Skipped], head: bytes) -> str:
    try:
        check_binary(head)
    except SkipDocument as exc:
        return exc.message
    lines = (
        "line is not a JSON object"
        if len(pending) == 1
        else (f"{len(pending)} lines are not JSON objects")
    )
    return f"not JSON Lines: the first {lines} ({pending[0].reason})"
