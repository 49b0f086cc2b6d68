"""scripts/screenshot.py: a clear message and exit 2 when Chromium is missing."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "screenshot.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshot_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_render_screenshot_without_chromium_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _load()
    monkeypatch.setattr(script, "find_chromium", lambda: None)
    page = tmp_path / "brief.html"
    page.write_text("<!doctype html><title>x</title>", encoding="utf-8")
    assert script.main([str(page), str(tmp_path / "out.png")]) == 2
    assert "apt-get install -y chromium" in capsys.readouterr().err
    assert not (tmp_path / "out.png").exists()


def test_render_screenshot_missing_html_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _load()
    monkeypatch.setattr(script, "find_chromium", lambda: "/bin/true")
    assert script.main([str(tmp_path / "nope.html"), str(tmp_path / "out.png")]) == 1
    assert "no such HTML file" in capsys.readouterr().err
