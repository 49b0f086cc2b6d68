from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsprism.cli import main


def test_cli_brief_writes_outputs_and_prints_summary(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Ferry strike ends\n\nBy Lio Brandt\n\nFerry crews in Kessel ended a three-day strike on "
        "Monday after the operator agreed to hire forty more sailors, union spokesman Ravi Moss "
        "said.\n\nServices will resume on Wednesday.\n",
        encoding="utf-8",
    )
    (src / "b.bin").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["brief", str(src), "-o", str(out), "--format", "json,md"])
    assert result.exit_code == 0, result.output
    assert "1 document " in result.output
    assert "skipped" in result.output
    assert (out / "brief.json").exists() and (out / "brief.md").exists()
    assert not (out / "brief.html").exists()
    data = json.loads((out / "brief.json").read_text())
    assert data["documents"][0]["authors"] == ["Lio Brandt"]


def test_cli_brief_reads_stdin(tmp_path: Path) -> None:
    text = (
        "Lake Orvel water levels fell to a record low this summer, the regional water board "
        "said on Friday, and farmers in the valley face new limits on irrigation.\n"
    )
    result = CliRunner().invoke(
        main, ["brief", "-", "-o", str(tmp_path), "--format", "json", "-q"], input=text
    )
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "brief.json").read_text())
    assert data["documents"][0]["input"] == "-"
    assert data["documents"][0]["text"].startswith("Lake Orvel")


def test_cli_all_inputs_skipped_fails_with_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["brief", str(tmp_path / "nope.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "no usable documents" in result.output


def test_cli_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["brief", "x.txt", "--format", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "unknown format 'pdf'" in result.output


def test_cli_demo_briefs_the_sample_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "brief.html").exists()
    assert "Open" in result.output


def test_cli_serve_passes_the_queue_and_memory_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("fastapi")
    import newsprism.web

    seen: dict[str, Any] = {}
    monkeypatch.setattr(newsprism.web, "serve", lambda settings, **kw: seen.update(s=settings))
    jobs = str(tmp_path / "jobs")
    args = ["serve", "--jobs-dir", jobs, "--max-queued-jobs", "3", "--job-memory-mb", "1500"]
    result = CliRunner().invoke(main, [*args, "--job-timeout", "90"])
    assert result.exit_code == 0, result.output
    assert seen["s"].max_queued_jobs == 3
    assert seen["s"].job_memory_bytes == 1_500_000_000
    assert seen["s"].job_timeout == 90.0
    CliRunner().invoke(main, ["serve", "--jobs-dir", jobs, "--job-memory-mb", "0"])
    assert seen["s"].job_memory_bytes is None
