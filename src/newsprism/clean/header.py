"""The top of an article: headline, byline, date line, reading-time label.

These lines are metadata, not article prose: they move out of the text into
``title`` / ``authors`` / ``published`` and are listed under ``removed``.
Only the first few short paragraphs are looked at, and the first long
paragraph ends the header, so a date written inside the article body ("On
August 15, …") is never read as the publication date.

A dateline opening the first paragraph ("WASHINGTON (Reuters) —") stays in
the text: it is part of the first sentence as the outlet printed it, later
stages cite spans of that sentence, and it names the place of the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.clean.boilerplate import anywhere_reason, marker_reason
from newsprism.clean.dates import find_date, is_date_line
from newsprism.clean.names import is_person_name, split_names
from newsprism.clean.text import Paragraph

_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|reporting by|text by)\s*[:\-–—]?\s+(?P<rest>\S.*)$", re.I
)
# Separators between the names, the job title and the date inside a byline.
_BYLINE_PARTS = re.compile(r"\s*(?:\||•|·|/|\s[-–—]\s)\s*")
_HEADER_MAX = 8
_LINE_MAX = 200


@dataclass
class Header:
    """What the top of the text says about the article, and which lines said it."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    cuts: list[tuple[int, str]] = field(default_factory=list)
    body_start: int = 0


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """``(authors, date)`` from "By Jane Roe and John Doe | Aug 16, 2025", else None."""
    match = _BYLINE.match(line)
    if match is None:
        parts = [p.strip() for p in line.split("|")]
        # "Jane Roe | Outlet": a name, then the outlet or a date, all short.
        if len(parts) < 2 or max(len(p) for p in parts) > 40 or not is_person_name(parts[0]):
            return None
        return [parts[0]], next((d for p in parts[1:] if (d := find_date(p))), None)
    authors: list[str] = []
    date: str | None = None
    for i, part in enumerate(_BYLINE_PARTS.split(match["rest"])):
        found = find_date(part)
        if found:
            date = date or found
        elif i == 0:
            authors = split_names(part)
    return (authors, date) if authors else None


def _headline(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(text) <= 200
        and 1 <= len(words) <= 30
        and not text.endswith((".", ",", ":", ";"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'")
        and not is_date_line(text)
    )


def _same_title(line: str, title: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s.casefold()).strip()

    return bool(key(line)) and key(line) == key(title)


def parse_header(
    paragraphs: list[Paragraph], known_title: str | None = None, lone_names: bool = True
) -> Header:
    """Read title, byline and date lines off the first paragraphs.

    ``lone_names`` accepts a bare "Jane Roe" line as the byline; extracted HTML
    text is full of short headings, so there only a "By …" line counts.
    """
    head = Header()
    title_seen = byline_seen = False
    for i, para in enumerate(paragraphs[:_HEADER_MAX]):
        text = para.text
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if len(text) > _LINE_MAX:
            break
        junk = anywhere_reason(text) or (marker_reason(text) if not title_seen else None)
        if junk in ("share", "boilerplate", "menu"):
            head.cuts.append((i, junk))
        elif is_date_line(text):
            head.published = head.published or find_date(text)
            head.cuts.append((i, "dateline"))
        elif not byline_seen and (byline := parse_byline(text)) is not None:
            head.authors, date = byline
            head.published = head.published or date
            head.cuts.append((i, "byline"))
            byline_seen = True
        elif not title_seen and known_title is not None and _same_title(text, known_title):
            head.cuts.append((i, "title"))
            title_seen = True
        elif (
            not title_seen
            and not byline_seen
            and known_title is None
            and nxt is not None
            and _headline(text)
            and not is_person_name(text)
            and (para.blank_after or parse_byline(nxt.text) is not None or is_date_line(nxt.text))
        ):
            head.title = text
            head.cuts.append((i, "title"))
            title_seen = True
        elif (
            lone_names
            and not byline_seen
            and nxt is not None
            and (not head.cuts or head.cuts[-1][1] == "title")
            and is_person_name(text)
        ):
            # A lone name under the headline, or at the very top, is the author.
            head.authors = [text]
            head.cuts.append((i, "byline"))
            byline_seen = True
        else:
            break
        head.body_start = i + 1
    return head
