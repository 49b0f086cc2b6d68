"""The JSON output is exactly the brief contract, byte-stable."""

from __future__ import annotations

import json

import pytest

from newsprism.errors import UsageError
from newsprism.models import SCHEMA, Brief
from newsprism.render import render, render_html, render_json, render_markdown
from test_render_html import filled_brief


def test_render_json_is_deterministic_contract() -> None:
    brief = filled_brief()
    first = render_json(brief)
    assert first == render_json(brief)
    assert first.endswith("}\n")
    data = json.loads(first)
    assert data["schema"] == SCHEMA == "newsprism.brief/1"
    assert "schema_" not in data
    assert Brief.model_validate_json(first) == brief
    assert render_json(Brief.model_validate(data)) == first


def test_render_dispatches_on_format() -> None:
    brief = filled_brief()
    assert render(brief, "json") == render_json(brief)
    assert render(brief, "html") == render_html(brief)
    assert render(brief, "md") == render_markdown(brief)
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        render(brief, "pdf")
