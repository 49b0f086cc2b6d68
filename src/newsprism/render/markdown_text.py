"""Markdown escaping and tables: the bottom layer of the Markdown renderer.

``markdown``, ``markdown_events`` and ``markdown_sources`` all build on these;
keeping them here lets the section modules import them without importing
``markdown`` (which imports the sections).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Characters that start inline markup anywhere in a line (CommonMark + GFM tables).
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# Block markup only counts at the start of a line: headings, lists, setext rules.
_BLOCK_MARK = re.compile(r"^(\s*)([#+=-])", re.MULTILINE)
_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def md_escape(text: str) -> str:
    """``text`` on one line, every character that starts inline Markdown escaped.

    Line breaks become spaces: inside a heading or list item a break would end
    it, and the next line could start a block of its own.
    """
    return _INLINE.sub(r"\\\1", _BREAKS.sub(" ", text))


def md_block(text: str) -> str:
    """``md_escape`` for text that starts a line, where ``#``, ``-``, ``1.`` start blocks."""
    escaped = _BLOCK_MARK.sub(r"\1\\\2", md_escape(text))
    return _ORDERED.sub(r"\1\\\2", escaped)


def md_cell(text: str) -> str:
    """``text`` safe inside a table cell: escaped, on one line, never empty."""
    return md_escape(" ".join(text.split())) or " "


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]
