"""Render a ``Brief`` as JSON (the contract), one self-contained HTML page, or Markdown."""

from __future__ import annotations

from newsprism.errors import UsageError
from newsprism.models import Brief
from newsprism.render.html import render_html
from newsprism.render.markdown import render_markdown

__all__ = ["render", "render_html", "render_json", "render_markdown"]


def render_json(brief: Brief) -> str:
    """The brief JSON contract; same ``Brief`` → same bytes."""
    return brief.model_dump_json(indent=2, by_alias=True) + "\n"


def render(brief: Brief, fmt: str) -> str:
    """``brief`` as ``fmt``: ``"json"``, ``"html"`` or ``"md"``."""
    if fmt == "json":
        return render_json(brief)
    if fmt == "html":
        return render_html(brief)
    if fmt == "md":
        return render_markdown(brief)
    raise UsageError(f"unknown format {fmt!r}: choose from json, html, md")
