"""The words the value reader (``values``) knows: numbers, scales, fractions, units,
currencies, approximations, and which tokens can start a value.

Kept apart from the reader so that ``values`` stays readable; the date reader
(``dates``) takes its number words from ``SMALL_NUMBERS`` too.
"""

from __future__ import annotations

import re

SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_MONEY_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}

_APPROX_BEFORE: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("about",), "about"),
        (("around",), "about"),
        (("roughly",), "about"),
        (("approximately",), "about"),
        (("nearly",), "about"),
        (("almost",), "about"),
        (("some",), "about"),
        (("close", "to"), "about"),
        (("an", "estimated"), "about"),
        (("estimated",), "about"),
        (("circa",), "about"),
        (("~",), "about"),
        (("at", "least"), "at_least"),
        (("more", "than"), "at_least"),
        (("over",), "at_least"),
        (("upwards", "of"), "at_least"),
        (("in", "excess", "of"), "at_least"),
        (("no", "fewer", "than"), "at_least"),
        (("no", "less", "than"), "at_least"),
        (("above",), "at_least"),
        (("just", "over"), "at_least"),
        (("well", "over"), "at_least"),
        (("exceeding",), "at_least"),
        (("up", "to"), "at_most"),
        (("fewer", "than"), "at_most"),
        (("less", "than"), "at_most"),
        (("under",), "at_most"),
        (("below",), "at_most"),
        (("at", "most"), "at_most"),
        (("no", "more", "than"), "at_most"),
        (("just", "under"), "at_most"),
        (("as", "many", "as"), "at_most"),
        (("as", "much", "as"), "at_most"),
    ],
    key=lambda p: -len(p[0]),
)
_APPROX_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase in _APPROX_BEFORE:
    _APPROX_BY_LAST.setdefault(_phrase[0][-1], []).append(_phrase)
_APPROX_AFTER: list[tuple[tuple[str, ...], str]] = [
    (("or", "more"), "at_least"),
    (("or", "so"), "about"),
    (("+",), "at_least"),
    (("-", "plus"), "at_least"),
    (("plus",), "at_least"),
]

_DURATION_UNITS = {
    "second": "second",
    "seconds": "second",
    "sec": "second",
    "secs": "second",
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
}
_CURRENCY_MARKS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB"}
_CURRENCY_CODES = {
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "inr": "INR",
    "rub": "RUB",
    "cny": "CNY",
    "chf": "CHF",
    "cad": "CAD",
    "aud": "AUD",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "francs": "CHF",
    "sterling": "GBP",
}
_DOLLAR_PREFIX = {"us": "USD", "a": "AUD", "c": "CAD", "hk": "HKD", "nz": "NZD"}
_MEASURES = {
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "miles": "mile",
    "mile": "mile",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "kg": "kg",
    "kilograms": "kg",
    "kilogram": "kg",
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "ton",
    "ton": "ton",
    "barrels": "barrel",
    "barrel": "barrel",
    "litres": "litre",
    "liters": "litre",
    "gallons": "gallon",
    "acres": "acre",
    "hectares": "hectare",
    "degrees": "degree",
    "mph": "mph",
    "kmh": "km/h",
}
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[A-Za-z]+(?:[’'][a-z]+)?|\S", re.UNICODE)


# Every lowercase token at which ``_Reader.at`` can read something: a currency mark,
# code or "US"/"A"/… before "$" (``currency_before``), a number word, "a"/"an"/"dozen"
# (``_Scanner.number``, ``at``), a fraction word (``_Scanner.fraction``). A token that
# starts with a digit can start a value too (checked apart). Any other token: ``at``
# returns ``i + 1`` and reads nothing.
_STARTS = frozenset(
    [
        *_CURRENCY_MARKS,
        *_DOLLAR_PREFIX,
        *_CURRENCY_CODES,
        *SMALL_NUMBERS,
        *_FRACTIONS,
        "a",
        "an",
        "dozen",
    ]
)
_APPROX_LAST = frozenset(w[-1] for w, _ in _APPROX_BEFORE)
# The words after "a"/"an" that ``_Reader.at`` reads on: a dollar mark ("A$"), a scale
# ("a hundred"), a fraction ("a third"), "hour"/"minute" ("an hour"), or a number,
# which may start an age ("a 12-year-old", "a twelve-year-old").
_ARTICLE_NEXT = frozenset(
    [*_SCALES, *_FRACTIONS, *SMALL_NUMBERS, "$", "dozen", "hour", "minute", "a", "an"]
)

_RATE_UNITS = frozenset(
    "day week month year game match season hour minute night shift person head".split()  # noqa: SIM905
)
