"""End to end in a real browser: headless Debian chromium driven by Playwright.

The server runs as ``newsprism serve`` in a subprocess on a free loopback port.
Chromium comes from the system (``scripts/install-chromium.sh``); Playwright is
only the driver and never downloads a browser. Without chromium the tests skip.

Screenshots go to the test's temporary folder; set ``NEWSPRISM_SCREENSHOTS=docs/img``
to refresh the ones the README shows.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright.sync_api")

from playwright.sync_api import Browser, Page, sync_playwright

from newsprism import sample_corpus

CHROMIUM = Path(os.environ.get("NEWSPRISM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
HIGHLIGHT = "rgb(255, 227, 138)"  # the brief's :target colour (#ffe38a)
BRIEF_TIMEOUT_MS = 120_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"chromium not found at {CHROMIUM}: run scripts/install-chromium.sh "
    "(Debian: apt-get install -y chromium)",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web-server")
    port = _free_port()
    log = (folder / "server.log").open("w")
    cmd = [sys.executable, "-m", "newsprism.cli", "serve", "--port", str(port)]
    cmd += ["--jobs-dir", str(folder / "jobs")]
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"server did not start: {(folder / 'server.log').read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as play:
        launched = play.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    problems: list[str] = []
    # A dialog means script from an article ran; a CSP report means a page of ours
    # would have broken under its own policy.
    opened.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    opened.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    opened.problems = problems  # type: ignore[attr-defined]
    yield opened
    context.close()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("NEWSPRISM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _wait_for_brief(page: Page) -> None:
    page.wait_for_url("**/jobs/*/brief", timeout=BRIEF_TIMEOUT_MS)
    page.wait_for_selector("nav.np-appbar")


def test_web_browser_upload_sample_corpus_and_follow_a_citation(
    server: str, page: Page, tmp_path: Path
) -> None:
    files = sorted(str(p) for p in sample_corpus().iterdir() if p.is_file())
    page.goto(server + "/")
    page.set_input_files("#files", files)
    # start.js lists what was chosen.
    assert page.locator("#chosen li").count() == len(files)
    page.click("button[type=submit]")
    page.wait_for_url("**/jobs/*", timeout=30_000)
    _wait_for_brief(page)

    shots = _shots(tmp_path)
    page.screenshot(path=str(shots / "web-brief.png"))
    assert page.locator("#summary li").count() > 0
    # The sticky bar leads to every section.
    for link in page.locator("nav.np-appbar .np-sections a").all():
        target = link.get_attribute("href") or ""
        assert page.locator(target).count() == 1, target

    citation = page.locator("#summary a.cite-ref").first
    href = citation.get_attribute("href") or ""
    assert href.startswith("#d-")
    citation.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    sentence = page.locator(href)
    sentence.wait_for()
    colour: Any = sentence.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == HIGHLIGHT
    assert sentence.evaluate("e => e.matches(':target')")
    assert sentence.is_visible()
    # Scrolled into view (the brief scrolls smoothly, so give it a moment).
    page.wait_for_function(
        """h => { const r = document.querySelector(h).getBoundingClientRect();
                  return r.top >= 0 && r.bottom <= window.innerHeight; }""",
        arg=href,
        timeout=5_000,
    )
    page.wait_for_timeout(800)  # let the smooth scroll settle before the picture
    page.screenshot(path=str(shots / "web-citation.png"))
    assert page.problems == []  # type: ignore[attr-defined]


def test_web_browser_hostile_article_runs_nothing(server: str, page: Page) -> None:
    text = (
        "<script>alert('title')</script> Lake ferry fares rise\n\n"
        "Fares on the Arlen lake ferry rose by 9 percent on Monday, the operator said. "
        '<img src=x onerror="alert(document.domain)"> Details at '
        '<a href="javascript:alert(2)">the operator site</a>. '
        '"<svg onload=alert(3)> We regret it," the operator said on Monday.\n'
    )
    page.goto(server + "/")
    page.fill("#text", text)
    page.click("button[type=submit]")
    _wait_for_brief(page)
    assert page.locator("script").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert "<img src=x onerror" in page.inner_text("#documents")
    assert page.problems == []  # type: ignore[attr-defined]


def test_web_browser_drop_files_onto_the_drop_zone(server: str, page: Page) -> None:
    page.goto(server + "/")
    page.evaluate(
        """() => {
          const data = new DataTransfer();
          data.items.add(new File(["A short story about a bridge."], "dropped-story.txt",
                                  {type: "text/plain"}));
          const zone = document.getElementById("drop");
          for (const name of ["dragenter", "dragover", "drop"]) {
            zone.dispatchEvent(new DragEvent(name, {dataTransfer: data, bubbles: true}));
          }
        }"""
    )
    assert page.locator("#chosen li").all_inner_texts() == ["dropped-story.txt"]
    assert page.evaluate("document.getElementById('files').files.length") == 1
    page.click("button[type=submit]")
    _wait_for_brief(page)
    assert "dropped-story.txt" in page.inner_text("#documents")
