"""The Events section's view: citation numbers and the issue column."""

from __future__ import annotations

from newsprism.models import Brief, Document, Entity, Event, Evidence, Tool
from newsprism.render.markdown_events import markdown_events
from newsprism.render.view import View
from newsprism.render.view_events import events_view

TEXT = "Norvik demanded a ceasefire. Norvik demanded talks. Norvik and Isola met in Tallen."


def _brief() -> Brief:
    doc = Document(id="d-1", input="a.txt", text=TEXT)
    ents = [Entity(id="e-n", name="Norvik", type="GPE"), Entity(id="e-i", name="Isola", type="GPE")]

    def ev(i: str, kind: str, span: tuple[int, int], issue: str | None = None) -> Event:
        return Event(
            id=i,
            type=kind,
            actor="e-n",
            evidence=[Evidence(document="d-1", span=span)],
            mode="happened",
            issue=issue,
        )

    events = [
        ev("ev-1", "DEMAND", (0, 27), "ceasefire"),
        ev("ev-2", "DEMAND", (28, 50), "talks"),
        ev("ev-3", "CONSULT", (51, 82)),
    ]
    return Brief(
        tool=Tool(version="0"),
        generated_at="2037-01-01T00:00:00",
        documents=[doc],
        entities=ents,
        events=events,
    )


def test_render_view_events_citations_numbered_across_rows() -> None:
    view = events_view(View(_brief()))
    numbers = [c.number for r in view.undated for c in r.cites]
    assert sorted(numbers) == [1, 2, 3]  # not [1, 1, 1]: one number per sentence
    again = {(c.span, c.number) for r in view.table for c in r.cites}
    shown = {(c.span, c.number) for r in view.undated for c in r.cites}
    assert again == shown  # a sentence keeps its number in the table


def test_render_view_events_table_shows_the_issue() -> None:
    lines = markdown_events(View(_brief()))
    header = next(line for line in lines if line.startswith("| Type"))
    assert "Issue" in header
    rows = [line for line in lines if line.startswith("| DEMAND")]
    assert len(rows) == 2 and rows[0] != rows[1]
    assert any("ceasefire" in r for r in rows) and any("talks" in r for r in rows)
