"""What the Events, Timeline and Positions sections show, for HTML and Markdown alike.

Plain data in a fixed order: the timeline by date (undated events last, marked
so), the event table by type, and the positions matrix with actors as rows
(most issues first) and issues as columns (most actors first). No markup here.

Citations are numbered once for the whole section, in reading order (timeline,
then table): the same sentence keeps its number wherever it is cited, so the
footnotes do not restart at [1] on every row.

The timeline holds only what happened: a planned, conditional or refused event
(a threat, a meeting that did not take place) is listed in the table with its
mode, never as a point in time. The story's main event leads the timeline.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from newsprism.models import Event, Position
from newsprism.render.view import Citation, View

STANCES = ("demand", "condition", "offer", "support", "oppose")
MODE_LABELS = {
    "planned": "planned",
    "happened": "happened",
    "refused": "refused / did not happen",
    "conditional": "conditional",
}


@dataclass(frozen=True)
class EventRow:
    event: Event
    actor: str
    target: str
    location: str
    what: str  # "Tomas Reyes CONSULT Oleksandr Marchenko"
    mode: str
    cites: list[Citation]


@dataclass(frozen=True)
class Cell:
    """One actor × issue cell: its stances (in ``STANCES`` order) and their evidence."""

    stances: list[str]
    positions: list[Position]
    cites: list[list[Citation]]
    differ: bool

    @property
    def css(self) -> str:
        return "mixed" if len(self.stances) > 1 else self.stances[0]

    @property
    def label(self) -> str:
        return " / ".join(self.stances)


@dataclass(frozen=True)
class Matrix:
    actors: list[tuple[str, str]]  # (entity id, name)
    issues: list[str]
    cells: dict[tuple[str, str], Cell]

    def cell(self, actor: str, issue: str) -> Cell | None:
        return self.cells.get((actor, issue))


@dataclass(frozen=True)
class EventsView:
    timeline: list[EventRow]
    undated: list[EventRow]
    table: list[EventRow]
    matrix: Matrix


def _row(v: View, e: Event) -> EventRow:
    actor, target = e.actor_role or v.name(e.actor), v.name(e.target)
    verb = e.type if not e.subtype else f"{e.type} ({e.subtype})"
    what = f"{actor} {verb} {target}".strip()
    if e.issue:
        what += f" — {e.issue}"
    return EventRow(
        event=e,
        actor=actor,
        target=target,
        location=v.name(e.location),
        what=what,
        mode=MODE_LABELS.get(e.mode or "", e.mode or "unknown"),
        cites=v.evidence(e.evidence),
    )


def _matrix(v: View, positions: list[Position]) -> Matrix:
    order = {s: i for i, s in enumerate(STANCES)}
    grouped: dict[tuple[str, str], list[Position]] = {}
    for p in positions:
        grouped.setdefault((p.actor, p.issue), []).append(p)
    actor_issues = Counter(a for a, _ in grouped)
    issue_actors = Counter(i for _, i in grouped)
    actors = sorted(actor_issues, key=lambda a: (-actor_issues[a], v.name(a), a))
    issues = sorted(issue_actors, key=lambda i: (-issue_actors[i], i))
    cells = {}
    for key, ps in grouped.items():
        ps = sorted(ps, key=lambda p: (order.get(p.stance, 99), p.stance))
        cells[key] = Cell(
            stances=[p.stance for p in ps],
            positions=ps,
            cites=[v.evidence(p.evidence) for p in ps],
            differ=any(p.outlets_differ for p in ps),
        )
    return Matrix([(a, v.name(a)) for a in actors], issues, cells)


def events_view(v: View) -> EventsView:
    b = v.brief
    rows = [_row(v, e) for e in b.events]
    happened = [r for r in rows if r.event.mode == "happened"]
    dated = sorted(
        (r for r in happened if r.event.date),
        key=lambda r: (r.event.date, not r.event.main, r.what),
    )
    undated = sorted((r for r in happened if not r.event.date), key=lambda r: not r.event.main)
    table = sorted(rows, key=lambda r: (r.event.type, r.actor, r.target, r.event.id))
    numbers: dict[tuple[str, tuple[int, int]], int] = {}
    dated, undated, table = (_numbered(part, numbers) for part in (dated, undated, table))
    return EventsView(dated, undated, table, _matrix(v, list(b.positions)))


def _numbered(
    rows: list[EventRow], numbers: dict[tuple[str, tuple[int, int]], int]
) -> list[EventRow]:
    """Rows whose citations carry section-wide numbers (first cited, first numbered)."""
    out = []
    for r in rows:
        cites = []
        for c in r.cites:
            n = numbers.setdefault((c.document, c.span), len(numbers) + 1)
            cites.append(replace(c, number=n))
        out.append(replace(r, cites=cites))
    return out
