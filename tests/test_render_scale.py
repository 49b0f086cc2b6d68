"""Rendering a brief of many documents: bounded charts, long lists folded, nothing lost."""

from __future__ import annotations

import re

from newsprism.models import Brief, Document, SourceProfile, Tool
from newsprism.render import render_html
from newsprism.render.html import FOLD
from newsprism.render.view_sources import CHART_SOURCES, chart_sources

# Invented text: the ferry-timetable story exists only in these tests.
TEXT = "The ferry timetable changes on Monday. The harbour office said crossings stay hourly."


def many_sources_brief(outlet_docs: dict[str, int], loose: int) -> Brief:
    """``outlet_docs`` documents per known outlet plus ``loose`` documents without an
    outlet, each of which the Sources stage makes a source of its own."""
    docs: list[Document] = []
    profiles: list[SourceProfile] = []
    for outlet, count in outlet_docs.items():
        ids = [f"d-{outlet.lower().replace(' ', '')}{i:03d}" for i in range(count)]
        docs += [Document(id=i, input=f"{i}.html", outlet=outlet, text=TEXT) for i in ids]
        profiles.append(
            SourceProfile(outlet=outlet, documents=ids, voices={"opinion": 1, "factual": 3})
        )
    for i in range(loose):
        doc_id, name = f"d-loose{i:04d}", f"upload-{i:04d}.txt"
        docs.append(Document(id=doc_id, input=name, text=TEXT))
        profiles.append(
            SourceProfile(
                outlet=name, documents=[doc_id], outlet_known=False, voices={"factual": 2}
            )
        )
    return Brief(
        tool=Tool(version="test"),
        generated_at="2026-01-01T00:00:00+00:00",
        documents=docs,
        sources=sorted(profiles, key=lambda p: p.outlet),
    )


def _svgs(page: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", page, re.S)


def test_render_scale_charts_only_the_main_outlets() -> None:
    # 80 documents without an outlet: once 80 chart rows each, now a bounded chart.
    brief = many_sources_brief({"Harbour Post": 5, "Tide Daily": 4, "Quay Radio": 3}, loose=80)
    page = render_html(brief)
    charts = _svgs(page)
    assert len(charts) == 1  # opinion only: tone needs actors and coverage facts, none here
    labels = re.findall(r">([^<>]+)</text>", charts[0])
    assert all(name in labels for name in ("Harbour Post", "Tide Daily", "Quay Radio"))
    assert len([t for t in labels if t.startswith("upload-")]) == CHART_SOURCES - 3
    assert f"The charts show {CHART_SOURCES} of 83 sources" in page
    # The table still lists every source; the rows past the first ones are folded.
    assert all(p.outlet in page for p in brief.sources)
    assert f"{83 - FOLD['sources']} more sources" in page


def test_render_scale_chart_sources_bounded_and_ranked() -> None:
    outlets = {f"Outlet {chr(65 + i)}": 1 + i for i in range(12)}
    brief = many_sources_brief(outlets, loose=3)
    chosen = chart_sources(brief.sources)
    assert len(chosen) == CHART_SOURCES
    assert {p.outlet for p in chosen} == {f"Outlet {chr(65 + i)}" for i in range(4, 12)}
    assert [p.outlet for p in chosen] == sorted(p.outlet for p in chosen)  # brief order kept


def test_render_scale_long_document_list_folds_and_keeps_every_anchor() -> None:
    brief = many_sources_brief({"Harbour Post": 70}, loose=0)
    page = render_html(brief)
    assert f"{70 - FOLD['documents']} more documents" in page
    for doc in brief.documents:
        assert f'<article class="doc" id="{doc.id}">' in page
    assert page.count("<details") == page.count("</details>")
    assert page.count("<table") == page.count("</table>")


def test_render_scale_small_brief_has_nothing_folded() -> None:
    page = render_html(many_sources_brief({"Harbour Post": 2, "Tide Daily": 1}, loose=2))
    assert 'class="more"' not in page
    assert "The charts show" not in page
    assert "upload-0001.txt</text>" in _svgs(page)[0]  # few sources: all of them charted
