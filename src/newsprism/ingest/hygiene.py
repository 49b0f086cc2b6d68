"""Text hygiene at the ingest boundary: valid Unicode, readable names, sane field sizes.

Python strings may hold lone surrogates (JSON's ``"\\ud800"``, file names that
are not UTF-8, which ``os.listdir`` returns with ``surrogateescape``), and
nothing downstream can write those: the JSON, HTML and Markdown renders all
fail on them. So every string that enters a ``RawDocument`` or a ``Skipped``
passes through here once. A lone surrogate becomes U+FFFD; a file name keeps
its real bytes for reading (the walk uses the ``Path``) but is *shown* with a
replacement character where its bytes are not UTF-8.

Container metadata (a JSON record's author, a feed's title) is untrusted
too: a scraper that put a whole page into ``author`` would otherwise print
that page as a byline. Fields longer than any real value are dropped (authors,
outlets, dates, URLs; logged as a warning with the input's name) or cut
(titles); the article text keeps its own limit (``max_bytes``).
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from dataclasses import replace

from newsprism.models import RawDocument, Skipped

_SURROGATE = re.compile("[\ud800-\udfff]")

# The longest values a real field holds, with room to spare. Longer values
# are something else (a page scraped into the wrong field).
MAX_TITLE = 500
MAX_AUTHOR = 200
MAX_AUTHORS = 50
MAX_OUTLET = 200
MAX_DATE = 100
MAX_URL = 4096
MAX_RECORD_ID = 256


def valid_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (the same object when clean)."""
    # A search is a C-speed scan without a copy; most texts have nothing to fix.
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


def display_name(name: str) -> str:
    """A path or input name as it can be shown and written: undecodable bytes → U+FFFD.

    ``os.listdir`` and ``sys.argv`` hold a non-UTF-8 byte as a surrogate
    escape (``\\udce9``); re-encoding recovers the real bytes, and decoding
    them with replacement shows one U+FFFD per bad byte, as a terminal would.
    """
    if _SURROGATE.search(name) is None:
        return name
    try:
        return os.fsencode(name).decode("utf-8", "replace")
    except UnicodeError:  # a surrogate that is no escaped byte (from JSON, say)
        return valid_text(name)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC, so "é" typed two ways is one string for matching."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


_log = logging.getLogger("newsprism.ingest")


def _field(value: str | None, limit: int, what: str = "", name: str = "") -> str | None:
    if value is None:
        return None
    value = nfc(valid_text(value))
    if len(value) <= limit:
        return value
    # The document is kept; the operator can still see why a field is empty.
    _log.warning("%s: %s of %s characters dropped (limit %s)", name, what, f"{len(value):,}", limit)
    return None


def cut_title(title: str | None) -> str | None:
    """A title cut to ``MAX_TITLE`` characters at a word boundary, with an ellipsis."""
    if title is None or len(title) <= MAX_TITLE:
        return title
    head = title[: MAX_TITLE - 1]
    space = head.rfind(" ")
    return (head[:space] if space > MAX_TITLE // 2 else head).rstrip() + "…"


def valid_raw(raw: RawDocument) -> RawDocument:
    """``raw`` with valid Unicode everywhere and metadata of plausible size.

    Over-long metadata is dropped rather than kept: a 100,000-character
    "author" is not a name, and an unknown author beats a wrong one.
    """
    name = display_name(raw.input)
    authors: list[str] = []
    for author in raw.authors[:MAX_AUTHORS]:
        kept = _field(author, MAX_AUTHOR, "an author", name)
        if kept is not None:
            authors.append(kept)
    title = raw.title
    if title is not None:
        title = cut_title(nfc(valid_text(title)))
    fixed = replace(
        raw,
        input=name,
        content=valid_text(raw.content),
        url=_field(raw.url, MAX_URL, "a URL", name),
        title=title,
        outlet=_field(raw.outlet, MAX_OUTLET, "an outlet", name),
        published=_field(raw.published, MAX_DATE, "a date", name),
        authors=authors,
        record_id=_field(raw.record_id, MAX_RECORD_ID, "an id", name),
    )
    return raw if fixed == raw else fixed


def valid_skip(skip: Skipped) -> Skipped:
    """``skip`` with a showable input name and a reason in valid Unicode."""
    name, reason = display_name(skip.input), valid_text(skip.reason)
    if name == skip.input and reason == skip.reason:
        return skip
    return Skipped(input=name, reason=reason)


def valid_item(item: RawDocument | Skipped) -> RawDocument | Skipped:
    """``valid_raw`` or ``valid_skip``, whichever ``item`` needs."""
    return valid_skip(item) if isinstance(item, Skipped) else valid_raw(item)
