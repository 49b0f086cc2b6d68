"""Normalise the values a sentence states: amounts, durations, money, shares, counts, dates.

``find_values(sentence, anchor)`` returns every value with its exact span, a
normalised number, a unit and how approximate the wording is ("nearly three
hours" → 3 hour, about; "more than thirty" → 30, at_least). Ranges keep both
ends ("three to four hours" → "3-4"). Counts of people come from ``people``
("a 12-year-old and three others" → 4 people, "150 prisoners" → 150 prisoner,
"a man was shot and killed" → 1 killed). Dates and times come from
``dates.find_dates``.

A hand-written scanner over tokens, not regexes over the whole sentence:
approximation words, currency marks, scales and units sit on either side of the
number and combine freely, which is easy to walk and hard to express as one
pattern. A bare number without a unit or a noun gives nothing: unknown beats wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsprism.extract.dates import Tense, find_dates
from newsprism.extract.people import (
    PERSON_NOUNS,
    noun_after,
    people_count,
    role_count,
    singular,
)
from newsprism.extract.value_scanner import Scanner
from newsprism.extract.value_words import (
    _APPROX_LAST,
    _ARTICLE_NEXT,
    _CURRENCY_CODES,
    _CURRENCY_MARKS,
    _CURRENCY_WORDS,
    _DOLLAR_PREFIX,
    _DURATION_UNITS,
    _MEASURES,
    _MONEY_SCALES,
    _RATE_UNITS,
    _SCALES,
    _STARTS,
    _TOKEN,
)


@dataclass(frozen=True)
class Value:
    """One value stated in a sentence; ``sentence[start:end] == text``."""

    kind: str  # duration | count | quantity | money | percent | date | time
    start: int
    end: int
    text: str
    value: float | int | str | None
    unit: str | None
    approx: str  # about | at_least | at_most | exact
    lo: float | None = None  # numeric bounds, for comparing values across documents
    hi: float | None = None


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 6)


def _fmt(x: float) -> str:
    return str(_num(x))


class _Reader:
    """Walks the tokens of one sentence and collects ``Value``s."""

    def __init__(
        self,
        sentence: str,
        taken: list[tuple[int, int]],
        texts: list[str] | None = None,
        lows: list[str] | None = None,
    ) -> None:
        self.sc = Scanner(sentence, texts, lows)
        self.taken = taken
        self.out: list[Value] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def emit(
        self,
        kind: str,
        i: int,
        j: int,
        value: float | str | None,
        unit: str | None,
        approx: str,
        lo: float | None,
        hi: float | None,
    ) -> None:
        start, end = self.sc.span(i, j)
        if not self.free(start, end):
            return
        if isinstance(value, float):
            value = _num(value)
        self.out.append(Value(kind, start, end, self.sc.s[start:end], value, unit, approx, lo, hi))
        self.taken.append((start, end))

    def run(self) -> list[Value]:
        # ``at`` reads nothing and returns ``i + 1`` unless token ``i`` can start a
        # value (see ``_STARTS``): only those tokens are tried, in order.
        lows = self.sc.lows
        i = 0
        for t, low in enumerate(lows):
            if t >= i and (low in _STARTS or low[0].isdecimal()) and not _idle_article(lows, t):
                i = self.at(t)
        return self.out

    def at(self, i: int) -> int:
        """Try every reading at token ``i``; return the next index to look at."""
        sc = self.sc
        if not self.free(sc.starts[i], sc.ends[i]):
            return i + 1
        currency, k = self.currency_before(i)
        num = sc.number(k)
        frac = sc.fraction(k)
        after = sc.low(frac[1]) if frac is not None else ""
        if frac is not None and (after in ("of", "an", "a") or after in _DURATION_UNITS):
            return self.read_fraction(i, k, frac)
        if num is None and sc.low(k) in ("a", "an"):
            if sc.low(k + 1) not in ("hour", "minute"):
                return max(self.read_people(i, k), i + 1)
            num = (1.0, k + 1)
        if num is None:
            return i + 1
        if self.is_label(k):
            return num[1]
        value, j = num
        # Ranges: "three to four hours", "3-4", "between 3 and 4".
        hi_value = None
        joiner = sc.low(j)
        if joiner in ("to", "-", "–", "and") and (joiner != "and" or sc.low(k - 1) == "between"):
            second = sc.number(j + 1)
            if second is not None and second[0] > value:
                hi_value, j = second
                if sc.low(j - 1) in _SCALES and sc.low(k + 1) not in _SCALES:
                    value *= _SCALES[sc.low(j - 1)]
        return self.read_unit(i, k, j, value, hi_value, currency)

    def is_label(self, k: int) -> bool:
        # "Article 5", "Boeing 737": a number right after a capitalised word that
        # does not start the sentence names something; it does not count it.
        sc = self.sc
        if k <= 1:
            return False
        prev = sc.texts[k - 1]
        return bool(
            prev[:1].isupper()
            and prev.isalpha()
            and sc.lows[k - 1] not in _APPROX_LAST
            and sc.texts[k][:1].isdigit()
        )

    def currency_before(self, i: int) -> tuple[str | None, int]:
        sc = self.sc
        low = sc.low(i)
        if low in _CURRENCY_MARKS:
            return _CURRENCY_MARKS[low], i + 1
        if low in _DOLLAR_PREFIX and sc.low(i + 1) == "$" and sc.adjacent(i + 1):
            return _DOLLAR_PREFIX[low], i + 2
        if sc.texts[i].isupper() and low in _CURRENCY_CODES:
            return _CURRENCY_CODES[low], i + 1
        return None, i

    def bounds(self, start: int, j: int) -> tuple[str, int, int]:
        approx, first = self.sc.approx_before(start)
        if self.sc.low(first - 1) == "between":
            first -= 1
        after, last = self.sc.approx_after(j)
        if after != "exact":
            approx = after
        return approx, first, last

    def read_fraction(self, i: int, k: int, frac: tuple[float, int]) -> int:
        sc = self.sc
        value, j = frac
        if sc.low(j) in ("an", "a") and sc.low(j + 1) in _DURATION_UNITS:
            j += 1
        if sc.low(j) in _DURATION_UNITS:
            approx, first, _ = self.bounds(k, j)
            unit = _DURATION_UNITS[sc.low(j)]
            self.emit("duration", first, j + 1, value, unit, approx, value, value)
            return j + 1
        approx, first, _ = self.bounds(k, j)
        self.emit("quantity", first, j, value, "fraction", approx, value, value)
        return j

    def currency_word(self, n: int) -> str | None:
        sc = self.sc
        if n >= sc.n:
            return None
        if sc.low(n) in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[sc.low(n)]
        if sc.texts[n].isupper() and sc.low(n) in _CURRENCY_CODES:
            return _CURRENCY_CODES[sc.low(n)]
        return None

    def read_money(
        self, i: int, u: int, j: int, lo: float, hi: float, is_range: bool, currency: str | None
    ) -> int | None:
        """ "$5 million", "5bn euros", "€3.2bn", "US$40", "200 dollars"; None if not money."""
        sc = self.sc
        end = j
        unit_low = sc.low(u)
        scale = 1
        scaled = unit_low in _MONEY_SCALES and (sc.adjacent(u) or len(unit_low) > 1)
        if scaled and (currency is not None or self.currency_word(u + 1)):
            scale, end = _MONEY_SCALES[unit_low], u + 1
        if currency is None:
            currency = self.currency_word(end)
            if currency is None:
                return None
            end += 1
        elif self.currency_word(end):
            end += 1  # "$5 million dollars": the word repeats the mark
        lo, hi = lo * scale, hi * scale
        shown: float | str = f"{_fmt(lo)}-{_fmt(hi)}" if is_range else lo
        approx, first, last = self.bounds(i, end)
        self.emit("money", first, last, shown, currency, approx, lo, hi)
        return last

    def read_unit(
        self, i: int, k: int, j: int, value: float, hi: float | None, currency: str | None
    ) -> int:
        sc = self.sc
        lo_v = value
        hi_v = hi if hi is not None else value
        shown: float | str = f"{_fmt(lo_v)}-{_fmt(hi_v)}" if hi is not None else value
        if (
            sc.low(j) == "and"
            and sc.low(j + 1) == "a"
            and sc.low(j + 2) == "half"
            and sc.low(j + 3) in _DURATION_UNITS
        ):
            lo_v, hi_v, j = lo_v + 0.5, hi_v + 0.5, j + 3  # "two and a half hours"
            shown = lo_v if hi is None else f"{_fmt(lo_v)}-{_fmt(hi_v)}"
        u = j + 1 if sc.low(j) == "-" else j
        unit_low = sc.low(u)
        money = self.read_money(i, u, j, lo_v, hi_v, hi is not None, currency)
        if money is not None:
            return money
        if unit_low in ("%", "percent") or (unit_low == "per" and sc.low(u + 1) == "cent"):
            end = u + 2 if unit_low == "per" else u + 1
            unit = "percent"
            if sc.low(end) == "points" and sc.low(end - 1) in ("percent", "cent"):
                end, unit = end + 1, "percentage point"
            elif sc.low(end) == "percentage" and sc.low(end + 1) == "points":
                # "5 percent percentage points" (a slip); "percentage" alone at the end of
                # a sentence used to run past its last word and lose the whole document.
                end, unit = end + 2, "percentage point"
            approx, first, last = self.bounds(k, end)
            self.emit("percent", first, last, shown, unit, approx, lo_v, hi_v)
            return last
        if unit_low == "percentage" and sc.low(u + 1) == "points":
            approx, first, last = self.bounds(k, u + 2)
            self.emit("percent", first, last, shown, "percentage point", approx, lo_v, hi_v)
            return last
        if unit_low in _DURATION_UNITS:
            if (sc.low(u + 1) == "-" and sc.low(u + 2) == "old") or sc.low(u + 1) == "old":
                return self.read_people(i, k)
            if sc.low(u + 1) == "ago":
                return u + 2  # a relative date, read by find_dates
            unit = _DURATION_UNITS[unit_low]
            end = u + 1
            if sc.low(end) == "and" and sc.low(end + 1) == "a" and sc.low(end + 2) == "half":
                lo_v, hi_v, end = lo_v + 0.5, hi_v + 0.5, end + 3
                shown = lo_v if hi is None else f"{_fmt(lo_v)}-{_fmt(hi_v)}"
            if sc.low(k) in ("a", "an") and unit not in ("hour", "minute"):
                return end  # "a day", "a week": idiom more often than measure
            approx, first, last = self.bounds(k, end)
            self.emit("duration", first, last, shown, unit, approx, lo_v, hi_v)
            return last
        if unit_low in _MEASURES:
            approx, first, last = self.bounds(k, u + 1)
            self.emit("quantity", first, last, shown, _MEASURES[unit_low], approx, lo_v, hi_v)
            return last
        return self.read_count(i, k, j, lo_v, hi_v, shown)

    def read_count(self, i: int, k: int, j: int, lo: float, hi: float, shown: float | str) -> int:
        sc = self.sc
        if sc.low(k) in ("a", "an", "one") and j == k + 1:
            return max(self.read_people(i, k), j)
        befell = role_count(sc, j)
        if befell is not None:
            approx, first, last = self.bounds(k, j + 1)
            self.emit("count", first, last, shown, befell, approx, lo, hi)
            return last
        if sc.low(j) == "other" and sc.low(j + 1) in PERSON_NOUNS:
            return self.read_people(i, k)  # "two other people were hurt"
        head = noun_after(sc, j)
        if head is None or sc.adjacent(j):
            return j  # "24brussels" is a name, not 24 of anything
        if sc.low(head) in PERSON_NOUNS:
            return self.read_people(i, k)
        if sc.low(head + 1) == "per" or (
            sc.low(head + 1) in ("a", "an") and sc.low(head + 2) in _RATE_UNITS
        ):
            return head + 1  # "15.5 points per game", "two meals a day": a rate, not a count
        approx, first, last = self.bounds(k, head + 1)
        self.emit("count", first, last, shown, singular(sc.low(head)), approx, lo, hi)
        return last

    def read_people(self, i: int, k: int) -> int:
        found = people_count(self.sc, k)
        if found is None:
            return k + 1
        total, j, unit = found
        if unit is None:
            return j
        approx, first, last = self.bounds(k, j)
        self.emit("count", first, last, total, unit, approx, total, total)
        return last


def _idle_article(lows: list[str], i: int) -> bool:
    """Whether token ``i`` is "a"/"an" where ``_Reader.at`` reads nothing and returns
    ``i + 1``: it reads such an article as "A$", "a hundred", "a third", "a day" or "an
    hour" by the next word, else as a count of people (``people_count``), which needs a
    number after it ("a 12-year-old") or a person noun within its next four words."""
    if lows[i] not in ("a", "an"):
        return False
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    return (
        nxt not in _ARTICLE_NEXT
        and not nxt[:1].isdecimal()
        and PERSON_NOUNS.isdisjoint(lows[i + 1 : i + 5])
    )


# A fraction ("3/4 of voters") stays for the reader.
_SLASHED = re.compile(r"(?<![\d/])\d{1,4}(?:/\d{1,4})+(?![\d/])(?!\s+of\b)")
# "AK-47", "F-16", "COVID-19", "Boeing 737-800": a model or a name, never a count.
_MODEL = re.compile(r"\b[A-Za-z]{1,8}\s?-\s?\d+(?:-\d+)?\b|\b\d{3}-\d{3}\b")


def find_values(
    sentence: str, anchor: dt.date | None = None, tense: Tense | None = None
) -> list[Value]:
    """Every value stated in ``sentence`` (one sentence: tense and roles are read from it).

    ``tense`` reads the tense of a date's clause from a parse (see ``dates``).
    """
    found: list[Value] = []
    taken: list[tuple[int, int]] = []
    for d in find_dates(sentence, anchor, tense):
        shown = sentence[d.start : d.end]
        found.append(Value(d.kind, d.start, d.end, shown, d.value, d.unit, "exact"))
        taken.append((d.start, d.end))
    # Model names, slashed numbers and ages all need a digit; most sentences have none.
    digit = _DIGIT.search(sentence) is not None
    if digit:
        # "9/11", "24/7", "3/4/2025": names, slogans or numeric dates, never a count of 11.
        taken += [
            (m.start(), m.end())
            for m in _MODEL.finditer(sentence)
            if not any(a <= m.start() < b for a, b in taken)
        ]
        taken += [
            (m.start(), m.end())
            for m in _SLASHED.finditer(sentence)
            if not any(a <= m.start() < b for a, b in taken)
        ]
    texts = _TOKEN.findall(sentence)
    lows = [t.lower() for t in texts]
    # A token that starts with a digit exists exactly when the sentence has a digit;
    # without one, the reader reads nothing unless some word of ``_STARTS`` is not an
    # idle article.
    if digit or (
        not _STARTS.isdisjoint(lows)
        and not all(_idle_article(lows, t) for t, low in enumerate(lows) if low in _STARTS)
    ):
        found.extend(_Reader(sentence, taken, texts, lows).run())
    if digit:
        found.extend(find_ages(sentence))
    return sorted(found, key=lambda v: (v.start, v.end, v.kind))


_DIGIT = re.compile(r"\d")


AGE_UNIT = "years old"
# "Marcus Reyes, 19, was killed": a capitalised name, then the age between commas.
_NAMED_AGE = re.compile(r"(?<=[A-Za-z]), (?P<n>\d{1,3})(?=,| was\b| is\b| died\b| who\b)")
# "a 17-year-old", "the 19-year-old man": the age of the person the noun phrase names.
_HYPHEN_AGE = re.compile(r"\b(?P<n>\d{1,3})-year-old\b")


def find_ages(sentence: str) -> list[Value]:
    """Ages stated in ``sentence`` as quantities in years ("Reyes, 19," / "a 17-year-old").
    They may overlap a count ("a 17-year-old was killed" is also one person killed):
    an age is never a count or a duration, and the graph ties it to a person."""
    out = []
    for pattern in (_NAMED_AGE, _HYPHEN_AGE):
        for m in pattern.finditer(sentence):
            start, end = m.span("n") if pattern is _NAMED_AGE else m.span()
            n = int(m.group("n"))
            if 0 < n < 120:
                out.append(
                    Value("quantity", start, end, sentence[start:end], n, AGE_UNIT, "exact", n, n)
                )
    return out
