"""The Sources section in Markdown: the table, then per source the sentences behind it.

Same content as the HTML section (``view_sources``) without the charts. Marked
words are shown in bold; every piece of article text goes through the escaping
helpers of ``render.markdown``.
"""

from __future__ import annotations

import newsprism.render.markdown_text as md
from newsprism.render.view import View
from newsprism.render.view_sources import Shown, SourceRow, sources_view


def _sentence(s: Shown) -> str:
    text = "".join(
        f"**{md.md_cell(p.text)}**" if p.kind and p.text.strip() else md.md_escape(p.text)
        for p in s.pieces
    )
    score = f" ({s.score:+.2f})" if s.score is not None else ""
    why = f" — {', '.join(s.reasons)}" if s.reasons else ""
    where = f"{md.md_cell(s.label)} {s.span[0]}–{s.span[1]}"
    return f"  - “{text}”{score} — {where}{why}"


def _row_cells(r: SourceRow) -> list[str]:
    p = r.profile
    label = md.md_cell(r.label) if r.known else f"*{md.md_cell(r.label)}*"
    attributed = (
        f"{p.attribution_share * 100:.0f}% of {p.claims}"
        if p.attribution_share is not None
        else "no claims"
    )
    return [
        label,
        str(len(p.documents)),
        f"{p.opinion_share * 100:.0f}%",
        attributed,
        md.md_cell(", ".join(f"{name} ×{n}" for name, n in r.quoted[:3])),
        md.md_cell(", ".join(f"{name} {tone:+.2f}" for _, name, tone, _, _ in r.tones)),
        md.md_cell(", ".join(p.loaded_terms)),
        md.md_cell("; ".join(about for _, about in r.unique)),
        md.md_cell("; ".join(about for _, about in r.omitted)),
    ]


def _detail(r: SourceRow) -> list[str]:
    p = r.profile
    voices = ", ".join(f"{p.voices.get(k, 0)} {k}" for k in ("opinion", "attributed", "factual"))
    lines = [f"### {md.md_escape(r.label)}", "", f"Sentences: {voices}.", ""]
    if r.opinion:
        lines.append("- Opinion sentences:")
        lines += [_sentence(s) for s in r.opinion]
    for (term, n, score, examples), detail in zip(r.loaded, r.profile.loaded_detail, strict=True):
        instead = ", ".join(f"“{a.term}” ({a.sources})" for a in detail.alternatives)
        where = f"; in the same place others wrote {md.md_escape(instead)}" if instead else ""
        lines.append(f"- Loaded term **{md.md_cell(term)}** (×{n}, contrast z {score:.2f}{where}):")
        lines += [_sentence(s) for s in examples]
    for (_, name, tone, n, examples), t in zip(r.tones, r.profile.tone_detail, strict=True):
        if examples:
            behind = ", ".join(f"“{p.text}” {p.polarity:+.2f}" for p in t.phrases)
            words = f" (own-voice words tied to it: {md.md_escape(behind)})" if behind else ""
            lines.append(
                f"- Tone toward {md.md_escape(name)} {tone:+.2f} over {n} sentences{words}:"
            )
            lines += [_sentence(s) for s in examples]
    if r.not_quoted:
        lines.append(f"- Quoted by others, not here: {md.md_escape(', '.join(r.not_quoted))}")
    return [*lines, ""]


def markdown_sources(v: View) -> list[str]:
    """Lines of the Sources section; empty when the brief has no source profiles."""
    if not v.brief.sources:
        return []
    sv = sources_view(v, charts=False)
    header = [
        "Source",
        "Docs",
        "Opinion",
        "Attributed claims",
        "Most quoted",
        "Tone",
        "Loaded terms",
        "Only here",
        "Leaves out",
    ]
    lines = ["## Sources", ""]
    lines += md.table(header, [_row_cells(r) for r in sv.rows])
    for r in sv.rows:
        lines += _detail(r)
    return lines
