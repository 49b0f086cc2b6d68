"""Dates and clock times in one sentence, resolved against an anchor date.

An explicit date ("15 August 2025", "Aug. 15, 2025", "2025-08-15") needs no
anchor. A relative one ("on Friday", "last week", "yesterday", "three days ago")
is resolved only against the anchor the caller gives (the document's published
date, or a dateline date it states); without one its value stays ``None``:
unknown beats wrong. Weekdays look backwards in past-tense clauses and forwards
when the clause speaks of the future ("will meet on Monday", "if talks on Monday
make progress"). The caller may pass ``tense(start, end)``, which reads the
clause of one match from a parse; without it, or when it cannot tell, a word
list over the whole sentence decides.

We parse these ourselves instead of calling ``dateparser.search_dates``: the
latter fires on words like "may" and "March" in ordinary prose, and a fixed
table is deterministic and fast.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsprism.extract.value_words import SMALL_NUMBERS

Tense = Callable[[int, int], str | None]
"""``tense(start, end)`` → "future", "past" or None for the clause of a date match."""

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# "a week ago", "three days ago": the number words one to twelve, and the article.
_NUMWORDS = {"a": 1, "an": 1, **{w: n for w, n in SMALL_NUMBERS.items() if 1 <= n <= 12}}

# Month names that are also ordinary words need a day or year beside them.
_AMBIGUOUS_MONTHS = frozenset({"may", "mar", "march", "jun", "dec", "sep", "oct", "nov"})

_MONTH = (
    r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdy",
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH.format(g='m')}\s+{_DAY.format(g='d')}\b"
            rf"(?:,?\s+{_YEAR.format(g='y')}\b)?"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?{_DAY.format(g='d')}\s+(?:of\s+)?{_MONTH.format(g='m')}"
            rf"(?:,?\s+{_YEAR.format(g='y')}\b)?"
        ),
    ),
    ("my", re.compile(rf"\b{_MONTH.format(g='m')}\s+(?:of\s+)?{_YEAR.format(g='y')}\b")),
    (
        "year",
        re.compile(
            r"\b(?:[Ii]n|[Ss]ince|until|by|from|of|[Ee]arly|[Ll]ate)\s+(?P<y>(?:1[89]|20)\d\d)\b(?!-)"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>last|next|this|[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>{_WEEKDAY})\b"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
        ),
    ),
    ("relday", re.compile(r"\b(?P<rd>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b")),
    (
        "relperiod",
        re.compile(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<per>week|month|year)\b"),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r"\s+(?P<per>day|week|month|year)s?\s+ago\b",
            re.IGNORECASE,
        ),
    ),
]

_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!:)"
    r"|\b(?P<word>noon|midnight)\b",
    re.IGNORECASE,
)

# Words that put a weekday in the future: "will meet on Monday".
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|going to|plans? to|planned to|planning to|scheduled|expected to|"
    r"set to|due to|is to|are to|would|upcoming|next|ready to)\b",
    re.IGNORECASE,
)
# "Good Friday", "Black Friday", "Cyber Monday" are names, not dates.
_NAMED_DAYS = re.compile(r"\b(?:Good|Black|Cyber|Easter|Holy|Ash|Super)\s+$")


@dataclass(frozen=True)
class DateMatch:
    """A date or time expression: ``text[start:end]`` with its resolved value."""

    kind: str  # "date" | "time"
    start: int
    end: int
    value: str | None
    unit: str | None  # day | week | month | year for dates, None for times


def parse_anchor(published: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (longer ISO stamps allowed) → date; anything else → None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, anchor: dt.date, said: str | None = None) -> int:
    """Year of a month-day date without one, against the publication date.

    A past-tense report ("the sanctions were imposed on June 29") speaks of the
    nearest such day *not after* publication, a future one ("will meet on
    March 9") of the nearest not before it. Without a tense, the nearest day,
    except that one more than a month ahead is last year's: reports mostly look back.
    """
    cands = [
        d
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    if not cands:
        return anchor.year
    if said == "past":
        pool = [d for d in cands if d <= anchor]
    elif said == "future":
        pool = [d for d in cands if d >= anchor]
    else:
        pool = [d for d in cands if d <= anchor + dt.timedelta(days=31)]
    best = min(pool or cands, key=lambda d: (abs((d - anchor).days), d))
    return best.year


def _shift_months(anchor: dt.date, months: int) -> str:
    index = anchor.year * 12 + anchor.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _resolve(
    kind: str, m: re.Match[str], sentence: str, anchor: dt.date | None, tense: Tense | None
) -> tuple[str | None, str] | None:
    """(value, unit) for a match; None when the match is not a date after all."""
    g = m.groupdict()
    if kind == "iso":
        day = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (day.isoformat(), "day") if day else None
    if kind in ("mdy", "dmy"):
        month = MONTHS[g["m"].lower().rstrip(".")]
        dnum = int(g["d"])
        if g.get("y"):
            day = _safe_date(int(g["y"]), month, dnum)
            return (day.isoformat(), "day") if day else None
        if not 1 <= dnum <= 31:
            return None
        if anchor is None:
            return (None, "day")
        said = tense(m.start(), m.end()) if tense is not None else None
        if said is None and _FUTURE.search(sentence):
            said = "future"
        day = _safe_date(_nearest_year(month, dnum, anchor, said), month, dnum)
        return (day.isoformat(), "day") if day else None
    if kind == "my":
        return (f"{int(g['y']):04d}-{MONTHS[g['m'].lower().rstrip('.')]:02d}", "month")
    if kind == "year":
        return (g["y"], "year")
    if kind == "weekday":
        if _NAMED_DAYS.search(sentence[: m.start()]):
            return None
        if anchor is None:
            return (None, "day")
        target = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        said = tense(m.start(), m.end()) if tense is not None else None
        if rel in ("next", "last"):
            future = rel == "next"
        else:
            future = said == "future" if said else bool(_FUTURE.search(sentence))
        delta = (target - anchor.weekday()) % 7
        if future:
            day = anchor + dt.timedelta(days=delta or (7 if rel == "next" else 0))
        else:
            back = (anchor.weekday() - target) % 7
            day = anchor - dt.timedelta(days=back or (7 if rel == "last" else 0))
        return (day.isoformat(), "day")
    if kind == "relday":
        if anchor is None:
            return (None, "day")
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["rd"].lower()]
        return ((anchor + dt.timedelta(days=shift)).isoformat(), "day")
    if kind == "relperiod":
        per = g["per"]
        if anchor is None:
            return (None, per)
        step = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        if per == "week":
            return (_iso_week(anchor + dt.timedelta(weeks=step)), "week")
        if per == "month":
            return (_shift_months(anchor, step), "month")
        return (f"{anchor.year + step:04d}", "year")
    if kind == "ago":
        per = g["per"].lower()
        if anchor is None:
            return (None, per)
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMWORDS[raw]
        if per == "day":
            return ((anchor - dt.timedelta(days=n)).isoformat(), "day")
        if per == "week":
            return (_iso_week(anchor - dt.timedelta(weeks=n)), "week")
        if per == "month":
            return (_shift_months(anchor, -n), "month")
        return (f"{anchor.year - n:04d}", "year")
    return None


_DIGIT = re.compile(r"\d")
_MONTH_START = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


def _may_match(kind: str, sentence: str, low: str, digit: bool) -> bool:
    """False only when ``kind``'s pattern cannot match ``sentence``: each test is a text
    every match of that pattern contains. Most sentences state no date, and scanning
    them with every pattern was most of the cost of reading values."""
    if kind in ("mdy", "dmy", "my"):
        # A day or a year, and a capitalised month name (``_MONTH`` has no IGNORECASE).
        return digit and _MONTH_START.search(sentence) is not None
    if kind in ("iso", "year"):
        return digit
    if kind == "weekday":
        return "day" in sentence  # every weekday name ends in "day"
    if kind == "relday":
        return "day" in sentence or "omorrow" in sentence  # [Yy]esterday, [Tt]oday, [Tt]omorrow
    if kind == "relperiod":
        return "week" in sentence or "month" in sentence or "year" in sentence
    if kind == "ago":
        # IGNORECASE: the only characters it takes for "a", "g", "o" lowercase to them.
        return "ago" in low
    return True


def find_dates(
    sentence: str, anchor: dt.date | None, tense: Tense | None = None
) -> list[DateMatch]:
    """Dates and times in ``sentence``, longest first where they overlap, in text order."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    digit = _DIGIT.search(sentence) is not None
    low = sentence.lower()
    for kind, pattern in _DATE_PATTERNS:
        if not _may_match(kind, sentence, low, digit):
            continue
        for m in pattern.finditer(sentence):
            start, end = (m.start("y"), m.end("y")) if kind == "year" else m.span()
            if not free(start, end):
                continue
            month = m.group("m") if kind in ("mdy", "dmy", "my") else ""
            # "may 15 people" is not a date: ambiguous names must be capitalised.
            if month.lower().rstrip(".") in _AMBIGUOUS_MONTHS and not month[0].isupper():
                continue
            resolved = _resolve(kind, m, sentence, anchor, tense)
            if resolved is None:
                continue
            found.append(DateMatch("date", start, end, resolved[0], resolved[1]))
            taken.append((start, end))
    # A clock time needs a digit, "noon" or "midnight" (``_TIME``; IGNORECASE matches
    # a dotless "ı" for "i", hence "dn" and "ght" rather than "midnight").
    clock = digit or "noon" in low or ("dn" in low and "ght" in low)
    for m in _TIME.finditer(sentence) if clock else ():
        if not free(m.start(), m.end()):
            continue
        if m.group("word"):
            value = "12:00" if m.group("word").lower() == "noon" else "00:00"
        elif m.group("h24") is not None:
            value = f"{int(m.group('h24')):02d}:{m.group('m24')}"
        else:
            hour = int(m.group("h"))
            if not 1 <= hour <= 12:
                continue
            pm = m.group("ap").lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
            value = f"{hour:02d}:{m.group('min') or '00'}"
        found.append(DateMatch("time", m.start(), m.end(), value, None))
        taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: (d.start, d.end))


_DATELINE_WINDOW = 400


def dateline_anchor(text: str) -> dt.date | None:
    """A full explicit date stated in the opening of ``text`` ("On August 15, 2025, …").

    Used as the anchor for relative dates when the document has no published
    date: a lead that names its own day is the context the reader resolves
    "on Monday" against. Only the opening counts, so a historical date deeper in
    the story never becomes the anchor.
    """
    for match in find_dates(text[:_DATELINE_WINDOW], None):
        if match.kind == "date" and match.unit == "day" and match.value:
            return dt.date.fromisoformat(match.value)
    return None
