"""The Markdown brief: escaping, tables that stay tables, every section, citations."""

from __future__ import annotations

import re

from newsprism.models import Brief, Tool
from newsprism.render import render_markdown
from newsprism.render.markdown import md_block, md_cell, md_escape
from test_render_html import filled_brief, hostile_brief

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def test_render_markdown_cell_escapes_pipes_and_newlines() -> None:
    assert md_cell("a|b\nc\r\nd") == r"a\|b c d"
    assert md_cell("") == " "
    assert md_cell("x*y_[z]") == r"x\*y\_\[z\]"


def test_render_markdown_escape_neutralises_markup() -> None:
    assert md_escape("v1.2 # - x") == "v1.2 # - x"
    assert md_escape("one\n# two\r\n- three") == "one # two - three"
    assert md_block("# no heading") == r"\# no heading"
    assert md_block("- no list") == r"\- no list"
    assert md_block("12. no item") == r"12\. no item"
    assert md_block("<b>[a](javascript:x)</b>") == r"\<b\>\[a\](javascript:x)\</b\>"


def test_render_markdown_tables_keep_their_columns() -> None:
    brief = filled_brief()
    brief.entities[0].name = "Ilse | Brandt\nthe mayor"
    brief.skipped[0].reason = "bad | input\nsecond line"
    md = render_markdown(brief)
    header_cols = 0
    n_rows = 0
    for line in md.splitlines():
        if not line.startswith("|"):
            header_cols = 0
            continue
        n_rows += 1
        cols = len(UNESCAPED_PIPE.findall(line))
        header_cols = header_cols or cols
        assert cols == header_cols, line
    assert n_rows > 10
    assert r"Ilse \| Brandt the mayor" in md
    assert r"bad \| input second line" in md


def test_render_markdown_hostile_text_stays_text() -> None:
    md = render_markdown(hostile_brief())
    assert not re.search(r"(?<!\\)<(script|img)", md)
    assert "](javascript:" not in md.replace(r"\](javascript:", "")


def test_render_markdown_has_every_section_and_footnotes() -> None:
    md = render_markdown(filled_brief())
    for heading in ("## Summary", "## Facts", "### Disputed (1)", "### Single-source (1)",
                    "## Who said what", "### Ilse Brandt (2)", "## Events", "## Positions",
                    "## Sources", "## Entities", "## Documents", "## Skipped inputs"):  # fmt: skip
        assert f"\n{heading}\n" in md, heading
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defs = set(re.findall(r"^\[\^(\d+)\]:", md, flags=re.MULTILINE))
    assert refs == defs == {"1", "2"}
    assert "- Published: *unknown*" in md
    assert "**Removed text (1)**" in md
    assert "- *boilerplate*: Sign up for our newsletter" in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_render_markdown_is_deterministic_and_handles_empty_brief() -> None:
    brief = filled_brief()
    assert render_markdown(brief) == render_markdown(brief)
    empty = render_markdown(Brief(tool=Tool(version="0"), generated_at="2030-01-01T00:00:00"))
    assert "# Brief — 0 documents" in empty
    assert "No documents could be used." in empty
    assert "## Summary" not in empty and "## Facts" not in empty
