"""Calendar dates → ``YYYY-MM-DD``, or None when the string is not clearly one date.

A hand-written parser instead of ``dateparser``: it only has to read the
handful of shapes that bylines, date lines and feed fields use, and it must
never guess. Relative dates ("2 hours ago") depend on the clock and numeric
day/month orders are ambiguous (03/04/2025), so both give None.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import re

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"

# "Aug 16, 2025", "Sat Aug 16 , 2025", "August 16th 2025"
_MONTH_FIRST = re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"\s*,?\s*" + _YEAR + r"\b", re.I)
# "16 August 2025", "Saturday, 16 Aug. 2025"
_DAY_FIRST = re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I)
# "2025-08-16", "2025-08-16T10:00:00Z", "2025/08/16"
_ISO = re.compile(r"(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)")
# "16/08/2025" or "08/16/2025": only read when one field exceeds 12.
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b")


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first unambiguous calendar date written in ``text``, as ``YYYY-MM-DD``."""
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST):
        match = pattern.search(text)
        if match:
            month = match["month"]
            number = _MONTHS[month.lower()] if month.isalpha() else int(month)
            return _make(int(match["year"]), number, int(match["day"]))
    match = _NUMERIC.search(text)
    if match:
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if a > 12 >= b:
            return _make(year, b, a)
        if b > 12 >= a:
            return _make(year, a, b)
    return None


def normalise_date(value: str | None) -> str | None:
    """A date as given by a container (ISO, RFC 2822, "Aug 16, 2025") → ``YYYY-MM-DD``."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if not value[:1].isdigit():
        try:
            return email.utils.parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    return find_date(value)


_DATE_LINE_WORDS = re.compile(
    r"\b(?:published|posted|updated|last updated|on|at|date|am|pm|gmt|utc|ist|est|edt|pst|"
    r"cet|cest|bst|[ap]\.m\.)\b|[\d:|,/·•—–-]",
    re.I,
)


def is_date_line(line: str) -> bool:
    """True for a short line that says only when: "Published: Aug 16, 2025 10:04 am"."""
    if len(line) > 80 or not find_date(line):
        return False
    rest = line
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _ISO, _NUMERIC, _DATE_LINE_WORDS):
        rest = pattern.sub(" ", rest)
    return not rest.strip()
