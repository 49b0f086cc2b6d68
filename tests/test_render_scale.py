"""Rendering a brief of many documents: bounded charts, long lists folded, nothing lost."""

from __future__ import annotations

import re

from newsprism.models import (
    Brief,
    Document,
    Entity,
    Evidence,
    Position,
    Quote,
    SourceProfile,
    Tool,
)
from newsprism.render import render_html, render_markdown
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


def test_render_scale_positions_matrix_keeps_to_the_main_issues() -> None:
    brief = many_sources_brief({"Harbour Post": 1}, loose=0)
    doc = brief.documents[0]
    span = (0, TEXT.index(".") + 1)
    actors = [Entity(id=f"e-a{i}", name=f"Actor {i}", type="PERSON") for i in range(3)]
    positions = [
        # Issue 0 has three actors, issue 1 two, the others one each: 20 issues in all.
        Position(actor=f"e-a{a}", issue=f"issue {i:02d}", stance="support",
                 evidence=[Evidence(document=doc.id, span=span)])
        for i in range(20) for a in range(3 if i == 0 else 2 if i == 1 else 1)
    ]  # fmt: skip
    page = render_html(brief.model_copy(update={"entities": actors, "positions": positions}))
    head = page[page.index('<table class="positions">') :]
    head = head[: head.index("</thead>")]
    assert head.count('<th class="issue">') == FOLD["issues"]
    assert "issue 00" in head and "issue 19" not in head
    rest = len(positions) - (3 + 2 + FOLD["issues"] - 2)
    assert f"{rest} more positions" in page
    assert "issue 19" in page  # listed under the matrix, with its sentence
    assert page.count("<details") == page.count("</details>")
    md = render_markdown(brief.model_copy(update={"entities": actors, "positions": positions}))
    header = next(line for line in md.splitlines() if line.startswith("| Actor |"))
    assert header.count("|") == FOLD["issues"] + 2
    assert all(f"on *issue {i:02d}*" in md for i in range(20))  # every cell, listed


def test_render_scale_many_speakers_fold() -> None:
    brief = many_sources_brief({"Harbour Post": 60}, loose=0)
    quotes = [
        Quote(id=f"q-{i}", document=d.id, span=(0, 9), text=TEXT[:9], kind="direct",
              speaker=f"e-s{i}")
        for i, d in enumerate(brief.documents)
    ]  # fmt: skip
    people = [Entity(id=f"e-s{i}", name=f"Speaker {i:02d}", type="PERSON") for i in range(60)]
    page = render_html(brief.model_copy(update={"quotes": quotes, "entities": people}))
    assert f"{60 - FOLD['speakers']} more speakers" in page
    assert page.count('<div class="speaker">') == 60
