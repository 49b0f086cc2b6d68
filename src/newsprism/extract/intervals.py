"""Character intervals with containment tests in log time (quotations, for one)."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


class Intervals:
    """Character intervals ``[a, b)`` with containment tests in log time.

    ``reach[i]`` is the furthest end among the first ``i + 1`` intervals by start, so
    "some interval starting at or before x ends after y" is one bisect; a scan of
    every quotation per token made the coreference resolver quadratic in document length.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))

    def _furthest(self, pos: int) -> int:
        i = bisect_right(self._starts, pos)
        return self._reach[i - 1] if i else -1

    def holds(self, pos: int) -> bool:
        """Whether some interval has ``a <= pos < b``."""
        return self._furthest(pos) > pos

    def covers(self, start: int, end: int) -> bool:
        """Whether some interval has ``a <= start`` and ``end <= b``."""
        return self._furthest(start) >= end
