"""The value and date readers skip work where a cheap test proves nothing can be read:
a token that cannot start a value, an article with no number or person noun after it,
a date pattern whose words are absent. These tests run both readers with every shortcut
turned off and require the same values, word for word, on real and made-up sentences."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path
from typing import Any

import pytest

from newsprism.extract import dates, values
from newsprism.extract.dates import find_dates
from newsprism.extract.values import find_values

SAMPLE = Path(__file__).resolve().parents[1] / "src/newsprism/data/sample/articles"
ANCHOR = dt.date(2025, 8, 16)

# Words the readers act on, mixed at random into short "sentences".
WORDS = """
    a an one two three twenty-five hundred thousand million dozen half third quarters
    $ € £ US$ A$ USD us hk 5 12 3.5 1,200 9/11 24/7 AK-47 737 2019 2025 31 % percent
    per cent percentage points hours hour minutes days week months years ago old - to
    and or more so + plus about nearly at least more than up to between under some
    people men women children killed injured dead were was shot wounded others other
    dollars euros bn m km miles tonnes a.m. p.m. noon midnight MIDNIGHT mıdnight AGO
    10:30 on Monday Friday last next this yesterday Today tomorrow January Jan. March May
    may June Sept. 15th of Article Boeing the in , . ( ) said will Good Black early since
    by from an estimated no fewer than as many as game day a day 12-year-old year-old
    Reyes 19 who is died man big strong tall
    """.split()  # noqa: SIM905


class _Everything(frozenset[str]):
    """A word set that holds every word: no token is ruled out in advance."""

    def __contains__(self, word: object) -> bool:
        return True

    def isdisjoint(self, other: Any) -> bool:
        return False


def _sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(SAMPLE.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            out += [s for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]
    # Every word after an article, a number or a currency mark, alone and before a count.
    for first in ("a", "an", "A", "An", "the", "$", "12", "two"):
        for word in WORDS:
            out += [f"{first} {word}.", f"{first} {word} people were killed.", f"{first}-{word}"]
    rng = random.Random(12)
    seps = [" ", " ", " ", "", "-", ", "]
    for _ in range(3000):
        n = rng.randint(1, 12)
        out.append("".join(rng.choice(WORDS) + rng.choice(seps) for _ in range(n)).strip())
    return out


def _read(sentence: str) -> tuple[Any, Any]:
    try:
        found: Any = find_values(sentence, ANCHOR)
    except IndexError as exc:  # a reader bug the shortcuts must not hide or add
        found = type(exc).__name__
    return found, find_dates(sentence, None)


def test_shortcuts_read_what_the_full_readers_read(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = _sentences()
    fast = [_read(s) for s in sentences]
    monkeypatch.setattr(values, "_STARTS", _Everything())
    monkeypatch.setattr(values, "_idle_article", lambda lows, i: False)
    monkeypatch.setattr(values, "_DIGIT", re.compile(r""))
    monkeypatch.setattr(dates, "_may_match", lambda kind, sentence, low, digit: True)
    monkeypatch.setattr(dates, "_DIGIT", re.compile(r""))
    slow = [_read(s) for s in sentences]
    assert sum(1 for f in fast if f[0]) > 100  # the sample states values
    for sentence, a, b in zip(sentences, fast, slow, strict=True):
        assert a == b, sentence


def test_an_article_before_a_person_noun_is_still_read() -> None:
    found = find_values("A big strong man was killed on Friday.", ANCHOR)
    first = found[0]
    assert (first.kind, first.text, first.unit) == ("count", "A big strong man", "killed")
    assert not [v for v in find_values("It was a long day of talks.", ANCHOR) if v.kind != "date"]
