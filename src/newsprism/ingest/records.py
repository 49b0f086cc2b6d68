"""Article records in JSON and JSON Lines (news-please, NewsAPI, WordPress, scraper dumps).

Field names vary by tool, so each field has a list of aliases tried in order.
JSON Lines is streamed line by line with a per-line cap, so a dump of millions
of articles never sits in memory; a bad line costs that line only.
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
from newsprism.ingest.decode import HEAD_BYTES, check_binary, decode, has_html_tags, too_large
from newsprism.models import RawDocument, Skipped

if TYPE_CHECKING:
    from newsprism.ingest import IngestOptions

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

# After this many leading lines that are all invalid, the file is not JSON Lines at all.
_PROBE_LINES = 20
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
        items = value if isinstance(value, list) else [value]
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
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    return None


def record_document(name: str, record: Any, max_bytes: int) -> RawDocument:
    """One JSON record as a ``RawDocument``; a skip when it has no usable text."""
    if not isinstance(record, dict):
        raise SkipDocument(f"not a JSON object but {type(record).__name__}")
    found = _text(record)
    if found is None:
        raise SkipDocument(_NO_TEXT)
    text, html = found
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
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SkipDocument(
            f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except RecursionError:
        raise SkipDocument("invalid JSON (nested too deeply)") from None
    records = _records(value)
    if not records:
        raise SkipDocument("no records in the file")
    for number, (key, record) in enumerate(records, start=1):
        try:
            doc = record_document(f"{name}#{number}", record, options.max_bytes)
        except SkipDocument as exc:
            yield Skipped(input=f"{name}#{number}", reason=f"record {number}: {exc.message}")
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


def _parse_line(line: bytes, number: int) -> Any:
    try:
        return json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError:
        raise SkipDocument(f"line {number}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise SkipDocument(
            f"line {number}: invalid JSON ({exc.msg} at column {exc.colno})"
        ) from None
    except RecursionError:
        raise SkipDocument(f"line {number}: invalid JSON (nested too deeply)") from None


def iter_jsonl(name: str, path: Path, options: IngestOptions) -> Iterator[RawDocument | Skipped]:
    """Records of a JSON Lines file (optionally gzipped), named ``name#<line number>``."""
    good = number = 0
    # Skips are held back until a first good record shows the file is JSON
    # Lines at all; otherwise a text file named .jsonl gives one skip, not one per line.
    pending: list[Skipped] = []
    with _open(path) as stream:
        try:
            head = stream.peek(HEAD_BYTES)[:HEAD_BYTES] if hasattr(stream, "peek") else b""
            check_binary(head)
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
                    doc = record_document(item, _parse_line(line, number), options.max_bytes)
                except SkipDocument as exc:
                    reason = exc.message
                    if not reason.startswith("line "):
                        reason = f"line {number}: {reason}"
                    pending.append(Skipped(input=item, reason=reason))
                    if good == 0 and len(pending) >= _PROBE_LINES:
                        raise SkipDocument(
                            f"not JSON Lines: the first {len(pending)} records are unusable "
                            f"({pending[0].reason})"
                        ) from None
                    if good:
                        yield from pending
                        pending.clear()
                    continue
                good += 1
                yield from pending
                pending.clear()
                yield doc
            yield from pending
        except (OSError, EOFError, zlib.error) as exc:
            # A truncated .gz: keep what was read, report where it broke.
            raise SkipDocument(f"broken file after line {number}: {exc}") from None
