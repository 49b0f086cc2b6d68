"""What the Sources section shows: one row per source, example sentences, three charts.

Plain data for both renderers (the HTML template and ``markdown_sources``); the
example sentences are sliced from the document text by their spans, so what a
reader sees is exactly what the brief cites. Charts are SVG strings from
``render.charts``, built only for HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsprism.models import Example, SourceProfile
from newsprism.render.view import View

# What a marker kind means, in the words shown next to an example sentence.
MARKER_LABELS = {
    "question": "rhetorical question",
    "first_person": "first person",
    "modal": "must / should",
    "evaluative": "evaluative word",
    "loaded": "loaded term",
    "term": "loaded term",
    "actor": "actor",
    "tone_word": "tone word",
    "intensity": "exaggeration",
    "intensifier": "intensifier",
    "hedge": "hedge",
    "assertive": "assertion",
    "subjective": "subjective word",
}
TONE_ACTORS = 6
COVERAGE_FACTS = 24
# Charts compare the main outlets only: a row per source stops being readable (and
# drawable: 5,000 pasted texts once meant 5,000 bars) long before the table does.
CHART_SOURCES = 8


@dataclass(frozen=True)
class Piece:
    """A stretch of an example sentence; ``kind`` is set on the marked words."""

    text: str
    kind: str | None = None


@dataclass(frozen=True)
class Shown:
    """An example sentence cut into pieces, with what it explains."""

    document: str
    label: str
    span: tuple[int, int]
    pieces: list[Piece]
    reasons: list[str]
    score: float | None = None


@dataclass(frozen=True)
class SourceRow:
    profile: SourceProfile
    label: str
    known: bool
    opinion: list[Shown]
    tones: list[tuple[str, str, float, int, list[Shown]]]
    loaded: list[tuple[str, int, float, list[Shown]]]
    quoted: list[tuple[str, int]]
    not_quoted: list[str]
    unique: list[tuple[str, str]]
    omitted: list[tuple[str, str]]


@dataclass
class SourcesView:
    rows: list[SourceRow] = field(default_factory=list)
    charts: dict[str, str] = field(default_factory=dict)
    # The sources the charts show (outlet names), and how many sources they leave out.
    charted: list[str] = field(default_factory=list)
    uncharted: int = 0


def _pieces(text: str, start: int, end: int, marks: Sequence[tuple[int, int, str]]) -> list[Piece]:
    """``text[start:end]`` cut at non-overlapping marks (first, longest wins)."""
    out: list[Piece] = []
    pos = start
    for s, e, kind in sorted(marks, key=lambda m: (m[0], -m[1], m[2])):
        s, e = max(s, start), min(e, end)
        if s < pos or e <= s:
            continue
        if s > pos:
            out.append(Piece(text[pos:s]))
        out.append(Piece(text[s:e], kind))
        pos = e
    if pos < end:
        out.append(Piece(text[pos:end]))
    return out


def shown(v: View, ex: Example) -> Shown:
    """An example with its sentence cut out of the document text by its span."""
    doc = v.docs.get(ex.document)
    text = doc.text if doc is not None else ""
    start, end = ex.span
    whole = (start, end)
    marks = [(m.span[0], m.span[1], m.kind) for m in ex.marks if tuple(m.span) != whole]
    reasons = sorted(
        {MARKER_LABELS.get(m.kind, m.kind) for m in ex.marks if m.kind not in ("actor",)}
    )
    return Shown(
        document=ex.document,
        label=v.doc_label(ex.document),
        span=whole,
        pieces=_pieces(text, start, end, marks),
        reasons=reasons,
        score=ex.score,
    )


def _row(v: View, p: SourceProfile) -> SourceRow:
    return SourceRow(
        profile=p,
        label=p.outlet,
        known=p.outlet_known,
        opinion=[shown(v, e) for e in p.opinion_examples],
        tones=[
            (t.actor, v.name(t.actor), t.tone, t.sentences, [shown(v, e) for e in t.evidence])
            for t in p.tone_detail
        ],
        loaded=[
            (t.phrase or t.term, t.count, t.score, [shown(v, e) for e in t.evidence])
            for t in p.loaded_detail
        ],
        quoted=[(v.name(k), n) for k, n in p.quoted.items()],
        not_quoted=[v.name(k) for k in p.not_quoted],
        unique=[(f, v.fact_about(f)) for f in p.unique_facts],
        omitted=[(f, v.fact_about(f)) for f in p.omitted_facts],
    )


def _actors(profiles: Sequence[SourceProfile]) -> list[str]:
    """Actors with a tone in most sources first."""
    counts: dict[str, int] = {}
    for p in profiles:
        for actor in p.tone:
            counts[actor] = counts.get(actor, 0) + 1
    return [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:TONE_ACTORS]


def _coverage(v: View, profiles: Sequence[SourceProfile]) -> tuple[list[str], list[list[str]]]:
    facts = sorted(v.brief.facts, key=lambda f: (-f.independent_sources, f.about, f.id))
    facts = facts[:COVERAGE_FACTS]
    rows = []
    for fact in facts:
        carried = {d for val in fact.values for d in val.documents}
        row = []
        for p in profiles:
            if fact.id in p.unique_facts:
                row.append("unique")
            elif fact.id in p.omitted_facts:
                row.append("omitted")
            elif carried & set(p.documents):
                row.append("carried")
            else:
                row.append("absent")
        rows.append(row)
    return [f.about for f in facts], rows


def chart_sources(profiles: Sequence[SourceProfile]) -> list[SourceProfile]:
    """The sources worth a place in the charts, at most ``CHART_SOURCES``, in brief order:
    known outlets before sources without one (each of those is one input file), then
    the most documents first."""
    ranked = sorted(
        range(len(profiles)),
        key=lambda i: (not profiles[i].outlet_known, -len(profiles[i].documents), i),
    )
    chosen = set(ranked[:CHART_SOURCES])
    return [p for i, p in enumerate(profiles) if i in chosen]


def sources_view(v: View, charts: bool = True) -> SourcesView:
    """Rows and (for HTML) charts of the Sources section."""
    all_profiles = v.brief.sources
    out = SourcesView(rows=[_row(v, p) for p in all_profiles])
    if not charts or not all_profiles:
        return out
    from newsprism.render.charts import coverage_chart, opinion_chart, tone_chart

    profiles = chart_sources(all_profiles)
    out.charted = [p.outlet for p in profiles]
    out.uncharted = len(all_profiles) - len(profiles)
    labels = [p.outlet for p in profiles]
    shares = []
    for p in profiles:
        total = sum(p.voices.values()) or 1
        shares.append(
            (
                p.voices.get("opinion", 0) / total,
                p.voices.get("attributed", 0) / total,
                p.voices.get("factual", 0) / total,
            )
        )
    out.charts["opinion"] = opinion_chart(labels, shares)
    actors = _actors(profiles)
    grid = [[p.tone.get(a) for a in actors] for p in profiles]
    out.charts["tone"] = tone_chart(labels, [v.name(a) for a in actors], grid)
    facts, cells = _coverage(v, profiles)
    out.charts["coverage"] = coverage_chart(facts, labels, cells)
    return out
