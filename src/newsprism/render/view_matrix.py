"""The positions matrix at a size a reader (and a renderer) can take.

A matrix of actors × issues grows with both: hundreds of issues would be
hundreds of mostly empty columns. Both renderers keep the issues most actors
take a stand on as columns and list every other actor–issue cell under the
matrix, so no position is dropped and the work is linear in the cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.render.view_events import Cell, EventsView

# Issue columns of the positions matrix; the other cells are listed under it.
MATRIX_ISSUES = 12


@dataclass(frozen=True)
class PositionsShown:
    """The positions matrix cut to the issues most actors take a stand on (one column
    each), and every other actor–issue cell as a list under it: a matrix of hundreds of
    issues would be hundreds of mostly empty columns, and its size actors × issues."""

    issues: list[str]
    actors: list[tuple[str, str]]
    rest: list[tuple[str, str, str, Cell]]  # actor id, actor name, issue, cell

    def shown_cells(self, evv: EventsView) -> list[tuple[str, str, str, Cell]]:
        """The matrix's own cells, row by row, as (actor, name, issue, cell)."""
        cells = evv.matrix.cells
        return [
            (a, n, i, cells[(a, i)]) for a, n in self.actors for i in self.issues if (a, i) in cells
        ]


def positions_shown(evv: EventsView, limit: int = MATRIX_ISSUES) -> PositionsShown:
    matrix = evv.matrix
    issues = matrix.issues[:limit]
    actors = [(a, n) for a, n in matrix.actors if any((a, i) in matrix.cells for i in issues)]
    rank = {issue: i for i, issue in enumerate(matrix.issues)}
    names = dict(matrix.actors)
    actor_rank = {a: i for i, (a, _) in enumerate(matrix.actors)}
    rest = sorted(
        (key for key in matrix.cells if rank[key[1]] >= limit),
        key=lambda k: (rank[k[1]], actor_rank[k[0]]),
    )
    return PositionsShown(
        issues, actors, [(a, names[a], i, matrix.cells[(a, i)]) for a, i in rest]
    )
