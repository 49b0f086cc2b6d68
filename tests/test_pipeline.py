"""End-to-end: the whole pipeline on the sample corpus and on hostile inputs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import newsprism
from newsprism.models import Brief
from newsprism.pipeline import parse_formats, run, write_outputs
from newsprism.render import render


def _spans(brief: Brief) -> list[tuple[str, tuple[int, int], str | None]]:
    """Every (document, span, shown text) the brief cites; text None where none is shown."""
    out: list[tuple[str, tuple[int, int], str | None]] = []
    for ent in brief.entities:
        out += [(m.document, m.span, None) for m in ent.mentions]
    for q in brief.quotes:
        out.append((q.document, q.span, q.text))
        if q.speaker_span:
            out.append((q.document, q.speaker_span, None))
    for c in brief.claims:
        out.append((c.document, c.span, c.text))
        out += [(c.document, s.span, s.text) for s in c.slots]
    for ev in brief.events:
        out += [(e.document, e.span, None) for e in ev.evidence]
    for pos in brief.positions:
        out += [(e.document, e.span, None) for e in pos.evidence]
    for sent in brief.summary:
        out += [(c.document, c.span, None) for c in sent.citations]
    return out


def test_pipeline_every_span_cuts_exactly_its_text(sample_brief: Brief) -> None:
    texts = {d.id: d.text for d in sample_brief.documents}
    spans = _spans(sample_brief)
    assert spans, "the sample corpus must produce cited items"
    for doc_id, (start, end), shown in spans:
        assert doc_id in texts
        assert 0 <= start < end <= len(texts[doc_id])
        if shown is not None:
            assert texts[doc_id][start:end] == shown
    for ent in sample_brief.entities:
        surfaces = {texts[m.document][m.span[0] : m.span[1]] for m in ent.mentions}
        assert surfaces <= {ent.name, *ent.aliases}


def test_pipeline_two_runs_give_identical_json(sample_dir: Path, sample_brief: Brief) -> None:
    again = run([str(sample_dir)], now=dt.datetime(2030, 5, 5, tzinfo=dt.UTC))
    first = json.loads(render(sample_brief, "json"))
    second = json.loads(render(again, "json"))
    assert first.pop("generated_at") != second.pop("generated_at")
    assert first == second


def test_pipeline_brief_follows_the_contract(sample_brief: Brief) -> None:
    data = json.loads(render(sample_brief, "json"))
    assert data["schema"] == "newsprism.brief/1"
    assert data["tool"]["name"] == "newsprism"
    for key in (
        "documents", "skipped", "entities", "quotes", "quote_groups", "claims", "facts",
        "events", "positions", "sources", "summary",
    ):
        assert isinstance(data[key], list), key
    ids = [d["id"] for d in data["documents"]]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("d-") for i in ids)
    assert all(e["id"].startswith("e-") for e in data["entities"])


def test_pipeline_bad_inputs_are_skipped_and_the_rest_is_kept(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Council approves new tram line\n\nBy Ada Quill\n\n"
        "The city council of Marlow voted on Tuesday to build a tram line across the river, "
        "ending a two-year dispute over its route. Mayor Ines Cordero said the first trams "
        "would run in 2028.\n\nOpponents said the vote ignored residents of the east bank.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "broken.jsonl").write_text('{"text": "unterminated\n', encoding="utf-8")
    brief = newsprism.brief([tmp_path, tmp_path / "missing.txt"])
    assert [Path(d.input).name for d in brief.documents] == ["good.txt"]
    skipped = {Path(s.input.split("#")[0]).name: s.reason for s in brief.skipped}
    assert {"empty.txt", "image.txt", "broken.jsonl", "missing.txt"} <= set(skipped)
    assert all(reason and "\n" not in reason for reason in skipped.values())
    assert brief.documents[0].authors == ["Ada Quill"]


def test_pipeline_writes_every_requested_format(tmp_path: Path, sample_brief: Brief) -> None:
    written = write_outputs(sample_brief, tmp_path / "out", parse_formats("md,json"))
    assert [p.name for p in written] == ["brief.md", "brief.json"]
    assert json.loads((tmp_path / "out" / "brief.json").read_text())["schema"]


def test_pipeline_rejects_unknown_format() -> None:
    with pytest.raises(newsprism.UsageError, match="unknown format 'pdf'"):
        parse_formats("html,pdf")


def test_pipeline_no_inputs_is_a_usage_error() -> None:
    with pytest.raises(newsprism.UsageError, match="no inputs"):
        run([])
