"""The tokens of one sentence as the value reader (``extract.values``) walks them:
parallel lists of texts, lowercase forms and offsets, and the readers of numbers
("twenty-five", "1.2 million", "a dozen"), fractions ("two-thirds") and the
approximation words on either side of a number ("nearly", "or more").
"""

from __future__ import annotations

import re

from newsprism.extract.value_words import (
    _APPROX_AFTER,
    _APPROX_BY_LAST,
    _FRACTIONS,
    _SCALES,
    _TOKEN,
    SMALL_NUMBERS,
)


class Scanner:
    """The word tokens of one sentence, with the number, fraction and approximation
    readers the value reader walks them with."""

    def __init__(
        self, sentence: str, texts: list[str] | None = None, lows: list[str] | None = None
    ) -> None:
        """``texts`` and ``lows``, when the caller has them, are ``_TOKEN.findall(sentence)``
        and their lowercase forms."""
        self.s = sentence
        # Parallel lists, not one object per token: the scanner is built for every
        # sentence piece of every document.
        matches = list(_TOKEN.finditer(sentence))
        self.texts = texts if texts is not None else [m.group() for m in matches]
        self.lows = lows if lows is not None else [t.lower() for t in self.texts]
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.n = len(self.texts)

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def alpha(self, i: int) -> bool:
        return 0 <= i < self.n and self.texts[i].isalpha()

    def adjacent(self, i: int) -> bool:
        """No space between token ``i-1`` and ``i`` (for "three-hour", "$5", "5%")."""
        return 0 < i < self.n and self.ends[i - 1] == self.starts[i]

    # ------------------------------------------------------------------ numbers

    def number(self, i: int) -> tuple[float, int] | None:
        """A number starting at token ``i``: (value, index after it)."""
        low = self.low(i)
        if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", low):
            value = float(low.replace(",", ""))
            j = i + 1
            if self.low(j) in _SCALES:
                value *= _SCALES[self.low(j)]
                j += 1
            return value, j
        if low in ("a", "an") and self.low(i + 1) in (
            "hundred",
            "thousand",
            "million",
            "billion",
            "dozen",
        ):
            scale = 12 if self.low(i + 1) == "dozen" else _SCALES[self.low(i + 1)]
            return float(scale), i + 2
        if low not in SMALL_NUMBERS and low != "dozen":
            return None
        total, current, j = 0.0, 0.0, i
        while True:
            w = self.low(j)
            if w in SMALL_NUMBERS:
                current += SMALL_NUMBERS[w]
            elif w == "dozen":
                current = max(current, 1) * 12
            elif w == "hundred":
                current = max(current, 1) * 100
            elif w in _SCALES:
                total += max(current, 1) * _SCALES[w]
                current = 0
            elif w in ("-", "and") and j > i and self._joins(j):
                j += 1
                continue
            else:
                break
            j += 1
        return (total + current, j) if j > i else None

    def _joins(self, j: int) -> bool:
        """Whether "-"/"and" at ``j`` continues a number ("twenty-five", "hundred and ten")."""
        nxt = self.low(j + 1)
        if nxt not in SMALL_NUMBERS and nxt not in _SCALES:
            return False
        return self.low(j) == "-" or self.low(j - 1) in ("hundred", "thousand", "million")

    def fraction(self, i: int) -> tuple[float, int] | None:
        """ "a fifth", "two-thirds", "half" (value, index after it)."""
        low = self.low(i)
        numer, j = 1.0, i
        if low in ("a", "an", "one"):
            j = i + 1
        elif low in SMALL_NUMBERS and low not in ("zero",):
            numer, j = float(SMALL_NUMBERS[low]), i + 1
            if self.low(j) == "-":
                j += 1
        if self.low(j) not in _FRACTIONS:
            return None
        return numer / _FRACTIONS[self.low(j)], j + 1

    def approx_before(self, i: int) -> tuple[str, int]:
        # Only the phrases that end in the word before ``i`` can match, tried in the
        # order of ``_APPROX_BEFORE`` (longest first).
        for words, kind in _APPROX_BY_LAST.get(self.low(i - 1), ()):
            n = len(words)
            if i - n >= 0 and tuple(self.low(k) for k in range(i - n, i)) == words:
                return kind, i - n
        return "exact", i

    def approx_after(self, j: int) -> tuple[str, int]:
        for words, kind in _APPROX_AFTER:
            n = len(words)
            if tuple(self.low(k) for k in range(j, j + n)) == words:
                return kind, j + n
        return "exact", j

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.starts[i], self.ends[j - 1]
