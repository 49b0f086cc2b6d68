"""The top of an article: headline, byline, date line, reading-time label.

These lines are metadata, not article prose: they move out of the text into
``title`` / ``authors`` / ``published`` and are listed under ``removed``.
Only the first few short paragraphs are looked at, and the first long
paragraph ends the header, so a date written inside the article body ("On
August 15, …") is never read as the publication date.

A wire dateline opening the first paragraph ("WASHINGTON, March 3 (Reuters) —")
is cut off the text too (reason ``dateline``): it is a label, not part of the
first sentence, and left in place it would glue the place name onto the
sentence's subject for the parser and for sentence alignment across copies of
a wire story. It still counts as evidence: the agency in brackets names the
source when nothing better does.
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
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.I)
_HEADER_MAX = 12
# "HALLORAN, March 3 (Meridian Wire) —", "WASHINGTON (Reuters) -", "(AP) —"
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.])"
    r"(?:\s*,\s*(?P<when>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?))?\s*)?"
    r"(?:\((?P<agency>[A-Z][^()]{1,40})\)\s*)?[—–-]{1,2}\s+(?=\S)"
)
_NOT_PLACES = frozenset(["UPDATE", "NOTE", "BREAKING", "WATCH", "EXCLUSIVE", "ANALYSIS", "OPINION"])
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
        elif i == 0 and _name_first(part):
            authors = split_names(part)
    return (authors, date) if authors else None


def _name_first(part: str) -> bool:
    # A byline names a person right after "By": "By the end of the day, Jane Roe
    # and …" or "By our correspondent" is a sentence or a label, not a byline.
    first = _NAME_SEPARATORS.split(part.strip(), maxsplit=1)[0]
    return is_person_name(first)


def _headline(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(text) <= 200
        and 1 <= len(words) <= 30
        and not text.endswith((".", ",", ":", ";"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'")
        and not is_date_line(text)
    )


@dataclass(frozen=True)
class Dateline:
    """A wire dateline cut off the first paragraph."""

    text: str
    agency: str | None
    published: str | None


def split_dateline(text: str) -> tuple[Dateline, str] | None:
    """``(dateline, rest)`` when ``text`` opens with a wire dateline, else None."""
    match = _DATELINE.match(text)
    if match is None or not (match["place"] or match["agency"]):
        return None
    if match["place"] and match["place"].strip() in _NOT_PLACES:
        return None
    # A bare "PLACE —" is a dateline only in capitals; "(Agency) —" alone also counts.
    label = match.group(0).rstrip()
    when = match["when"]
    return Dateline(label, match["agency"], find_date(when) if when else None), text[match.end() :]


def _same_title(line: str, title: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s.casefold()).strip()

    return bool(key(line)) and key(line) == key(title)


def _zone_end(paragraphs: list[Paragraph]) -> int:
    # The header is the run of short lines above the first paragraph of prose.
    for i, para in enumerate(paragraphs[:_HEADER_MAX]):
        text = para.text
        if len(text) > _LINE_MAX:
            return i
        if text.endswith((".", ".”", '."', ".’")) and not (
            anywhere_reason(text, para.columns) or is_date_line(text) or parse_byline(text)
        ):
            return i
    return min(len(paragraphs), _HEADER_MAX)


def _kind(para: Paragraph, lone_names: bool) -> str:
    text = para.text
    if anywhere_reason(text, para.columns) or marker_reason(text):
        return "junk"
    if is_date_line(text):
        return "date"
    if parse_byline(text) is not None:
        return "byline"
    if lone_names and is_person_name(text):
        return "name"
    return "headline" if _headline(text) else "other"


def _title_index(
    paragraphs: list[Paragraph], kinds: list[str], known_title: str | None
) -> int | None:
    if known_title is not None:
        return next(
            (i for i, p in enumerate(paragraphs[: len(kinds)]) if _same_title(p.text, known_title)),
            None,
        )
    # The headline is the last headline-shaped line under which only the byline,
    # a name, dates and page furniture come before the article starts.
    for i in range(len(kinds) - 1, -1, -1):
        if kinds[i] != "headline":
            continue
        below = kinds[i + 1 :]
        if not all(k in ("junk", "date", "byline", "name") for k in below):
            continue
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if nxt is not None and (paragraphs[i].blank_after or (below and below[0] != "junk")):
            return i
    return None


def _lone_author(kinds: list[str], i: int, title: int | None) -> bool:
    # Directly under the headline; or, with no headline, the very first line
    # with no page furniture under it (a site name sits above menu rows).
    if title is not None:
        return i == title + 1
    return i == 0 and "junk" not in kinds[1:]


def parse_header(
    paragraphs: list[Paragraph], known_title: str | None = None, lone_names: bool = True
) -> Header:
    """Read title, byline and date lines off the first paragraphs.

    Lines above the headline (site name, menu rows, section label) are page
    furniture. ``lone_names`` accepts a bare "Jane Roe" line under the headline
    (or at the very top) as the byline; extracted HTML text is full of short
    headings, so there only a "By …" line counts.
    """
    head = Header()
    end = _zone_end(paragraphs)
    kinds = [_kind(p, lone_names) for p in paragraphs[:end]]
    title = _title_index(paragraphs, kinds, known_title)
    # Without a headline, furniture reaches down to the last recognised line.
    anchor = (
        title
        if title is not None
        else max((i for i, k in enumerate(kinds) if k in ("junk", "date", "byline")), default=-1)
    )
    for i, kind in enumerate(kinds):
        text = paragraphs[i].text
        if i == title:
            head.title = None if known_title is not None else text
            head.cuts.append((i, "title"))
        elif kind == "byline" and not head.authors:
            byline = parse_byline(text)
            assert byline is not None
            head.authors, date = byline
            head.published = head.published or date
            head.cuts.append((i, "byline"))
        elif kind == "name" and not head.authors and _lone_author(kinds, i, title):
            head.authors = [text]
            head.cuts.append((i, "byline"))
        elif kind == "date":
            head.published = head.published or find_date(text)
            head.cuts.append((i, "dateline"))
        elif kind == "junk":
            head.cuts.append((i, anywhere_reason(text, paragraphs[i].columns) or "boilerplate"))
        elif i < anchor:
            head.cuts.append((i, "menu" if paragraphs[i].columns else "boilerplate"))
    head.body_start = end
    return head
