"""The brief as Markdown for pasting into notes: same content as the HTML page.

Article text is hostile input here too: a renderer that allows raw HTML would
run a ``<script>`` left in a quote, and a stray ``[x](javascript:…)`` would
become a link. Every piece of brief text goes through ``md_escape`` (or
``md_cell`` inside tables), so it renders as the literal characters it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.models import Brief, Document
from newsprism.render.markdown_events import markdown_events
from newsprism.render.markdown_sources import markdown_sources
from newsprism.render.markdown_text import md_block, md_cell, md_escape
from newsprism.render.markdown_text import table as _table
from newsprism.render.view import Citation, View, fact_value_text


def _refs(cites: Sequence[Citation]) -> str:
    return "".join(f"[^{c.number}]" for c in cites)


def _ev(cites: Sequence[Citation]) -> str:
    return ", ".join(f"{md_cell(c.label)} {c.span[0]}–{c.span[1]}" for c in cites) or "—"


def _known(value: str | None, missing: str = "unknown") -> str:
    return md_escape(value) if value else f"*{missing}*"


def _summary(v: View) -> list[str]:
    lines = ["## Summary", ""]
    notes: dict[int, Citation] = {}
    rows = zip(v.brief.summary, v.summary_citations(), strict=True)
    for i, (sentence, cites) in enumerate(rows, start=1):
        label = v.summary_label(sentence)
        tag = f" *({md_escape(label)})*" if label else ""
        lines.append(f"{i}. {md_escape(sentence.text)} {_refs(cites)}{tag}".rstrip())
        for c in cites:
            notes.setdefault(c.number, c)
    lines.append("")
    for number, c in sorted(notes.items()):
        doc = v.docs.get(c.document)
        title = f", *{md_cell(doc.title)}*" if doc and doc.title else ""
        where = f"characters {c.span[0]}–{c.span[1]} of {md_cell(c.document)}"
        lines.append(f"[^{number}]: {md_cell(c.label)}{title}, {where}")
    return [*lines, ""]


def _facts(v: View) -> list[str]:
    lines = ["## Facts", ""]
    for sec in v.fact_sections():
        lines += [f"### {sec.title} ({len(sec.facts)})", ""]
        for fact in sec.facts:
            lines.append(f"**{md_escape(fact.about)}** — {md_escape(v.fact_support(fact))}")
            lines.append("")
            for val in fact.values:
                by = md_escape(v.doc_labels(val.documents))
                lines.append(f"- **{md_escape(fact_value_text(val))}** ({by})")
                for claim in v.fact_claims(val.claims):
                    hedge = " *(hedged)*" if claim.hedged else ""
                    lines.append(
                        f"  - “{md_cell(claim.text)}”{hedge} — "
                        f"{md_cell(v.doc_label(claim.document))}"
                    )
            lines.append("")
    return lines


def _quotes(v: View) -> list[str]:
    lines = ["## Who said what", ""]
    for g in v.speaker_groups():
        name = md_escape(g.name) if g.speaker else f"*{md_escape(g.name)}*"
        lines += [f"### {name} ({len(g.quotes)})", ""]
        for q in g.quotes:
            meta = [md_cell(v.doc_label(q.document)), q.kind]
            if q.cue:
                meta.append(md_cell(q.cue))
            meta.extend(v.quote_flags(q))
            lines.append(f"- “{md_cell(q.text)}” — {' · '.join(meta)}")
        lines.append("")
    return lines


def _tables(v: View) -> list[str]:
    lines: list[str] = []
    lines += markdown_events(v)
    lines += markdown_sources(v)
    return lines


def _entities(v: View) -> list[str]:
    lines = ["## Entities", ""]
    rows = v.entity_rows()
    if not rows:
        return [*lines, "No entities found.", ""]
    return lines + _table(
        ["Name", "Type", "Aliases (mentions)", "Docs", "Mentions"],
        [
            [
                md_cell(r.name),
                md_cell(r.type),
                md_cell(", ".join(f"{a} ×{n}" for a, n in r.aliases)),
                str(r.documents),
                str(r.mentions),
            ]
            for r in rows
        ],
    )


def _document(v: View, i: int, d: Document) -> list[str]:
    title = md_escape(d.title) if d.title else "*untitled*"
    lines = [f"### {i}. {_known(d.outlet, 'outlet unknown')} — {title}", ""]
    authors = md_escape(", ".join(d.authors)) if d.authors else "*unknown*"
    lines.append(f"- Input: {md_escape(d.url or d.input)}")
    lines.append(f"- Authors: {authors}")
    lines.append(f"- Published: {_known(d.published)}")
    lines.append(f"- Id: {md_escape(d.id)}")
    if d.duplicate_of:
        lines.append(
            f"- Near-duplicate of {md_escape(v.doc_label(d.duplicate_of))} "
            f"({md_escape(d.duplicate_of)}): counted once"
        )
    lines.append("")
    # One paragraph per line of text: robust whether the cleaner used \n or \n\n.
    for para in d.text.splitlines():
        if para.strip():
            lines += [md_block(para.strip()), ""]
    if d.removed:
        lines += [f"**Removed text ({len(d.removed)})**", ""]
        lines += [f"- *{md_cell(r.reason)}*: {md_cell(r.text)}" for r in d.removed]
        lines.append("")
    return lines


def render_markdown(brief: Brief) -> str:
    """The whole brief as Markdown; no raw HTML, every piece of text escaped."""
    v = View(brief)
    b = brief
    out = [f"# {md_escape(v.headline)}", ""]
    if v.voices:
        out += [md_escape(v.voices), ""]
    out.append(
        f"Generated {md_escape(b.generated_at)} · {md_escape(b.tool.name)} "
        f"{md_escape(b.tool.version)} · schema {md_escape(b.schema_)}"
    )
    out.append("")
    out.append(" · ".join(f"**{n}** {label}" for label, n in v.overview))
    out.append("")
    if b.summary:
        out += _summary(v)
    if b.facts:
        out += _facts(v)
    if b.quotes:
        out += _quotes(v)
    out += _tables(v)
    out += _entities(v)
    out += ["## Documents", ""]
    if not b.documents:
        out += ["No documents could be used.", ""]
    for i, d in enumerate(b.documents, start=1):
        out += _document(v, i, d)
    if b.skipped:
        out += ["## Skipped inputs", ""]
        out += _table(
            ["Input", "Reason"], [[md_cell(s.input), md_cell(s.reason)] for s in b.skipped]
        )
    return "\n".join(out).rstrip("\n") + "\n"
