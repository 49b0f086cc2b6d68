"""Small static SVG charts for the self-contained page, drawn with matplotlib.

The page allows no script and loads nothing, so charts are inline SVG. Three
rules keep them safe and reproducible:

* No pyplot: a bare ``Figure`` on the SVG canvas touches no global backend.
* Deterministic bytes: a fixed ``svg.hashsalt`` (clip-path ids) and no date in
  the metadata, so the same brief renders the same page.
* Labels are article-derived text: ``text.parse_math`` is off (an outlet named
  "$$" must not become mathtext) and matplotlib's SVG writer escapes text; the
  caller still checks the result with ``_safe``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

_RC: dict[Any, Any] = {
    "svg.hashsalt": "newsprism",
    "svg.fonttype": "none",
    "text.parse_math": False,
    "font.size": 8.0,
    "font.family": "sans-serif",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# Colours from the page's palette: opinion, attributed, factual.
VOICE_COLOURS = ("#c2410c", "#2563eb", "#9ca3af")
CELL_COLOURS = {
    "carried": "#15803d",
    "unique": "#7c3aed",
    "omitted": "#dc2626",
    "absent": "#f3f4f6",
}
_UNSAFE = re.compile(r"<\s*(script|foreignObject|iframe|image)\b|\bon[a-z]+\s*=|javascript:", re.I)


def _short(label: str, width: int = 28) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _svg(fig: Any, name: str) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    FigureCanvasSVG(fig)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    text = buf.getvalue()
    # Inline SVG needs neither the XML prolog, the DOCTYPE nor RDF metadata.
    text = text[text.find("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    # matplotlib numbers ids per figure ("axes_1"): prefix them so charts on one page never clash.
    text = re.sub(r'(\bid="|url\(#|href="#)', lambda m: f"{m.group(1)}chart-{name}-", text)
    return _safe(text)


def _safe(svg: str) -> str:
    """The SVG unless it holds anything that could run or load: then nothing."""
    return "" if _UNSAFE.search(svg) else svg


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=72)


def opinion_chart(labels: Sequence[str], shares: Sequence[tuple[float, float, float]]) -> str:
    """Stacked horizontal bars per source: opinion, attributed and factual sentence shares."""
    if not labels:
        return ""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(6.4, 0.45 + 0.28 * len(labels))
        ax = fig.add_subplot()
        ys = list(range(len(labels)))[::-1]
        left = [0.0] * len(labels)
        names = ("opinion", "attributed", "factual")
        for i, (name, colour) in enumerate(zip(names, VOICE_COLOURS, strict=True)):
            widths = [s[i] * 100 for s in shares]
            ax.barh(ys, widths, left=left, color=colour, height=0.62, label=name)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        for y, s in zip(ys, shares, strict=True):
            if s[0] > 0:
                # Right of the full bar: inside it the label would sit on the next colour.
                label = f"{s[0] * 100:.0f}% opinion"
                ax.text(101.5, y, label, va="center", fontsize=7, clip_on=False)
        ax.set_yticks(ys, [_short(label) for label in labels])
        ax.set_xlim(0, 100)
        ax.set_xlabel("% of sentences")
        ax.legend(ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
        return _svg(fig, "opinion")


def tone_chart(
    sources: Sequence[str], actors: Sequence[str], tones: Sequence[Sequence[float | None]]
) -> str:
    """Heat map of tone per source (rows) and actor (columns); blank where not measured."""
    if not sources or not actors:
        return ""
    import matplotlib
    from matplotlib.colors import TwoSlopeNorm
    from matplotlib.patches import Rectangle

    with matplotlib.rc_context(_RC):
        fig = _figure(0.9 + 0.85 * len(actors), 0.5 + 0.3 * len(sources))
        ax = fig.add_subplot()
        # Vector cells, not imshow: imshow would embed a raster image in the SVG.
        norm = TwoSlopeNorm(vmin=-1.0, vcenter=0.0, vmax=1.0)
        cmap = matplotlib.colormaps["RdBu"]
        for r, row in enumerate(tones):
            for c, t in enumerate(row):
                colour = CELL_COLOURS["absent"] if t is None else cmap(norm(t))
                ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1.0, 1.0, color=colour, linewidth=0))
                label = "—" if t is None else f"{t:+.2f}"
                ax.text(c, r, label, ha="center", va="center", fontsize=7, color="#111")
        ax.set_xlim(-0.5, len(actors) - 0.5)
        ax.set_ylim(len(sources) - 0.5, -0.5)
        ax.set_xticks(range(len(actors)), [_short(a, 16) for a in actors], rotation=30, ha="right")
        ax.set_yticks(range(len(sources)), [_short(s) for s in sources])
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        return _svg(fig, "tone")


def coverage_chart(
    facts: Sequence[str], sources: Sequence[str], cells: Sequence[Sequence[str]]
) -> str:
    """Grid of facts (rows) × sources (columns): carried, unique, omitted or absent."""
    if not facts or not sources:
        return ""
    import matplotlib
    from matplotlib.patches import Patch, Rectangle

    with matplotlib.rc_context(_RC):
        fig = _figure(2.6 + 0.42 * len(sources), 0.9 + 0.24 * len(facts))
        ax = fig.add_subplot()
        for r, row in enumerate(cells):
            for c, state in enumerate(row):
                colour = CELL_COLOURS.get(state, CELL_COLOURS["absent"])
                ax.add_patch(Rectangle((c - 0.42, r - 0.4), 0.84, 0.8, color=colour, linewidth=0))
        ax.set_xlim(-0.5, len(sources) - 0.5)
        ax.set_ylim(len(facts) - 0.5, -0.5)
        ax.set_xticks(
            range(len(sources)), [_short(s, 18) for s in sources], rotation=35, ha="right"
        )
        ax.set_yticks(range(len(facts)), [_short(f, 44) for f in facts])
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        handles = [Patch(color=CELL_COLOURS[k], label=k) for k in CELL_COLOURS]
        ax.legend(
            handles=handles, ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False
        )
        return _svg(fig, "coverage")
