"""The folded parts of a long brief in a real browser: a citation into one opens it.

Headless Debian chromium driven by Playwright (never downloads a browser); without
chromium the test skips (``scripts/install-chromium.sh`` installs it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import sync_playwright

from newsprism.models import Evidence, SummarySentence
from newsprism.render import render_html
from newsprism.render.html import FOLD
from test_render_scale import TEXT, many_sources_brief

CHROMIUM = Path(os.environ.get("NEWSPRISM_CHROMIUM", "/usr/bin/chromium"))

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"chromium not found at {CHROMIUM}: run scripts/install-chromium.sh",
)


def test_render_browser_citation_opens_the_folded_document(tmp_path: Path) -> None:
    brief = many_sources_brief({"Harbour Post": FOLD["documents"] + 20}, loose=0)
    last = sorted(brief.documents, key=lambda d: (d.input, d.id))[-1]  # page order
    span = (0, TEXT.index(".") + 1)
    cited = SummarySentence(text=TEXT[: span[1]], citations=[Evidence(document=last.id, span=span)])
    page = tmp_path / "brief.html"
    page.write_text(render_html(brief.model_copy(update={"summary": [cited]})), encoding="utf-8")
    anchor = f"{last.id}-{span[0]}-{span[1]}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri())
            target = tab.locator(f"[id='{anchor}']")
            assert not target.is_visible()  # folded away at first
            tab.locator(f"#summary a[href='#{anchor}']").click()
            target.wait_for(state="visible", timeout=5000)
            assert target.is_visible()
        finally:
            browser.close()
