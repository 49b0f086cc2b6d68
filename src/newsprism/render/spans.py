"""Turn a plain text plus character spans into safe, properly nested HTML.

Article text is hostile input, so every slice of it is escaped on its own and
only our own tags go around the slices. Spans come from several stages and may
overlap; HTML cannot express crossing elements, so overlaps are resolved
deterministically: the outermost span wins (earliest start, then longest),
ties go to the span given first, and every span that overlaps a winner is
dropped. Cited spans must stay reachable from their links even when dropped,
so a dropped anchor becomes an empty element carrying its id at its start.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One span to wrap: ``[start, end)`` in the coordinates given to ``highlight``."""

    start: int
    end: int
    tag: str = "mark"
    css: str = ""
    title: str = ""
    id: str = ""


def resolve_overlaps(marks: Iterable[Mark]) -> list[Mark]:
    """Non-overlapping marks, outermost/first wins; empty spans are dropped."""
    indexed = [(m.start, -m.end, i, m) for i, m in enumerate(marks) if m.end > m.start]
    kept: list[Mark] = []
    last_end = -1
    for _start, _neg_end, _i, mark in sorted(indexed, key=lambda t: t[:3]):
        if mark.start >= last_end:
            kept.append(mark)
            last_end = mark.end
    return kept


def _clamp(mark: Mark, lo: int, hi: int) -> Mark:
    start = min(max(mark.start, lo), hi)
    end = min(max(mark.end, start), hi)
    if (start, end) == (mark.start, mark.end):
        return mark
    return Mark(start, end, mark.tag, mark.css, mark.title, mark.id)


def _open(mark: Mark) -> str:
    attrs = ""
    if mark.id:
        attrs += f' id="{escape(mark.id)}"'
    if mark.css:
        attrs += f' class="{escape(mark.css)}"'
    if mark.title:
        attrs += f' title="{escape(mark.title)}"'
    return f"<{mark.tag}{attrs}>"


def highlight(
    text: str,
    outer: Sequence[Mark] = (),
    inner: Sequence[Mark] = (),
    offset: int = 0,
) -> Markup:
    """Escaped ``text`` with ``outer`` marks (e.g. cited spans) around ``inner`` ones.

    ``offset`` is the position of ``text`` in the coordinates of the marks, so a
    sentence cut from a document can be highlighted with document spans. Spans
    outside the text are clipped to it. An inner mark that crosses an outer
    boundary is dropped; an outer mark that loses to an overlapping one keeps
    its ``id`` as an empty anchor so links to it still land.
    """
    n = len(text)
    shifted_outer = [_clamp(_shift(m, -offset), 0, n) for m in outer]
    shifted_inner = [_clamp(_shift(m, -offset), 0, n) for m in inner]

    outers = resolve_overlaps(shifted_outer)
    kept_ids = {m.id for m in outers if m.id}
    anchors: dict[int, list[str]] = {}
    for mark in shifted_outer:
        if mark.id and mark.id not in kept_ids:
            anchors.setdefault(mark.start, [])
            if mark.id not in anchors[mark.start]:
                anchors[mark.start].append(mark.id)
            kept_ids.add(mark.id)

    starts = [m.start for m in outers]
    inners = [m for m in resolve_overlaps(shifted_inner) if not _crosses(m, outers, starts)]

    opens: dict[int, list[Mark]] = {}
    closes: dict[int, list[Mark]] = {}
    # Outer marks are registered first so they open before and close after inner ones.
    for mark in [*outers, *inners]:
        opens.setdefault(mark.start, []).append(mark)
        closes.setdefault(mark.end, []).insert(0, mark)

    cuts = sorted({0, n, *opens, *closes, *anchors})
    parts: list[str] = []
    prev = 0
    for pos in cuts:
        parts.append(str(escape(text[prev:pos])))
        parts.extend(f"</{m.tag}>" for m in closes.get(pos, []))
        parts.extend(f'<span id="{escape(a)}"></span>' for a in anchors.get(pos, []))
        parts.extend(_open(m) for m in opens.get(pos, []))
        prev = pos
    return Markup("".join(parts))


def _shift(mark: Mark, delta: int) -> Mark:
    if delta == 0:
        return mark
    return Mark(mark.start + delta, mark.end + delta, mark.tag, mark.css, mark.title, mark.id)


def _crosses(mark: Mark, outers: Sequence[Mark], starts: Sequence[int]) -> bool:
    """Whether ``mark`` straddles a boundary of the sorted, disjoint ``outers``."""
    i = bisect_right(starts, mark.start) - 1
    if i >= 0 and outers[i].start <= mark.start < outers[i].end:
        return mark.end > outers[i].end
    # Starts outside every outer mark: it crosses if the next one begins before it ends.
    nxt = i + 1
    return nxt < len(outers) and outers[nxt].start < mark.end


def highlight_paragraphs(
    text: str, outer: Sequence[Mark] = (), inner: Sequence[Mark] = ()
) -> Markup:
    """Like ``highlight``, with each line of ``text`` in its own ``<p>``.

    Overlaps are resolved over the whole text first, so the result does not
    depend on where lines break. A cited span that runs over a line break is
    cut into one piece per line (the first keeps the id); an inner mark that
    runs over one is dropped. Blank lines give no paragraph.
    """
    n = len(text)
    clamped = [_clamp(m, 0, n) for m in outer]
    winners = resolve_overlaps(clamped)
    won = {m.id for m in winners if m.id}
    # Losers keep their id as an empty anchor: a zero-length outer mark in ``highlight``.
    losers = [
        Mark(m.start, m.start, m.tag, m.css, m.title, m.id)
        for m in clamped
        if m.id and m.id not in won
    ]
    kept_inner = resolve_overlaps(_clamp(m, 0, n) for m in inner)

    line_starts = [0]
    line_starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    line_ends = [s - 1 for s in line_starts[1:]] + [n]

    def line_of(pos: int) -> int:
        return bisect_right(line_starts, pos) - 1

    outer_by: dict[int, list[Mark]] = {}
    for mark in winners:
        first, last = line_of(mark.start), line_of(max(mark.end - 1, mark.start))
        for i in range(first, last + 1):
            lo, hi = max(mark.start, line_starts[i]), min(mark.end, line_ends[i])
            if hi > lo:
                piece_id = mark.id if i == first else ""
                outer_by.setdefault(i, []).append(
                    Mark(lo, hi, mark.tag, mark.css, mark.title, piece_id)
                )
            elif i == first and mark.id:
                outer_by.setdefault(i, []).append(Mark(lo, lo, mark.tag, mark.css, "", mark.id))
    for mark in losers:
        outer_by.setdefault(line_of(mark.start), []).append(mark)
    inner_by: dict[int, list[Mark]] = {}
    for mark in kept_inner:
        i = line_of(mark.start)
        if mark.end <= line_ends[i]:
            inner_by.setdefault(i, []).append(mark)

    paragraphs = []
    for i, (start, end) in enumerate(zip(line_starts, line_ends, strict=True)):
        line = text[start:end]
        if not line.strip() and i not in outer_by:
            continue
        body = highlight(line, outer_by.get(i, []), inner_by.get(i, []), offset=start)
        paragraphs.append(f"<p>{body}</p>")
    return Markup("\n".join(paragraphs))
