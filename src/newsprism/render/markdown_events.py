"""The Events (timeline + table) and Positions sections in Markdown.

Same content as the HTML partials (``view_events``): a dated timeline with
planned vs happened, the event table, and the positions matrix as a table whose
cells name the stance; the evidence sentences follow per actor and issue.
Every piece of article text goes through the escaping helpers of ``render.markdown``.
"""

from __future__ import annotations

import newsprism.render.markdown_text as md
from newsprism.render.view import Citation, View
from newsprism.render.view_events import EventRow, events_view
from newsprism.render.view_matrix import positions_shown


def _cites(cites: list[Citation]) -> str:
    return ", ".join(f"{md.md_cell(c.label)} {c.span[0]}–{c.span[1]}" for c in cites) or "—"


def _line(r: EventRow) -> str:
    when = r.event.date or "undated"
    where = f" in {md.md_cell(r.location)}" if r.location else ""
    mode = md.md_cell(r.mode)
    return f"- **{md.md_cell(when)}** · {mode} · {md.md_cell(r.what)}{where} — {_cites(r.cites)}"


def markdown_events(v: View) -> list[str]:
    """Markdown lines for the Events and Positions sections (empty when there are none)."""
    ev = events_view(v)
    lines: list[str] = []
    if v.brief.events:
        lines += ["## Events", "", "### Timeline", ""]
        lines += [_line(r) for r in ev.timeline + ev.undated]
        lines += ["", "### All events", ""]
        lines += md.table(
            ["Type", "Actor", "Target", "Issue", "Location", "Date", "Mode", "Evidence"],
            [
                [
                    md.md_cell(r.event.type + (f" ({r.event.subtype})" if r.event.subtype else "")),
                    md.md_cell(r.actor),
                    md.md_cell(r.target or "—"),
                    md.md_cell(r.event.issue or "—"),
                    md.md_cell(r.location or "—"),
                    md.md_cell(r.event.date or "unknown"),
                    md.md_cell(r.mode),
                    _cites(r.cites),
                ]
                for r in ev.table
            ],
        )
    if v.brief.positions:
        lines += ["## Positions", ""]
        shown = positions_shown(ev)
        rows = []
        for actor, name in shown.actors:
            row = [md.md_cell(name)]
            for issue in shown.issues:
                cell = ev.matrix.cell(actor, issue)
                text = (
                    ""
                    if cell is None
                    else cell.label + (" (outlets differ)" if cell.differ else "")
                )
                row.append(md.md_cell(text))
            rows.append(row)
        lines += md.table(["Actor", *(md.md_cell(i) for i in shown.issues)], rows)
        # Every cell's sentences, those of the issues without a column included.
        for _, name, issue, cell in [*shown.shown_cells(ev), *shown.rest]:
            lines.append(f"- **{md.md_cell(name)}** on *{md.md_cell(issue)}*:")
            for p, cites in zip(cell.positions, cell.cites, strict=True):
                stance = md.md_cell(p.stance)
                for c in cites:
                    quote = md.md_cell(c.text)
                    lines.append(f"  - {stance}: “{quote}” — {md.md_cell(c.label)}")
        lines.append("")
    return lines
