"""Helpers for the web app tests: a fast stand-in pipeline, clients, a markup audit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from newsprism.ingest import IngestOptions
from newsprism.models import Brief
from newsprism.pipeline import Progress, assemble, clean_all
from newsprism.web import WebSettings, create_app
from newsprism.web.inputs import Submission, iter_raw
from newsprism.web.jobs import Builder

FIXED_NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def quick_builder(submission: Submission, progress: Progress) -> Brief:
    """Reading and cleaning as the real jobs do, cross-document stages on no NLP output:
    the app's behaviour without the cost of spaCy."""
    from newsprism.web.fetch import make_fetcher

    fetcher = make_fetcher(IngestOptions(), allow_private=True)
    try:
        documents, skipped = clean_all(iter_raw(submission, fetcher), progress)
    finally:
        fetcher.close()
    return assemble(documents, skipped, [], FIXED_NOW)


def wait_for(path: Path, timeout: float = 10.0) -> None:
    """Block until ``path`` exists: a gate a test opens for a job running in a child process."""
    import time

    deadline = time.monotonic() + timeout
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


@contextmanager
def web_client(
    tmp_path: Path, builder: Builder | None = quick_builder, **settings: Any
) -> Iterator[TestClient]:
    settings.setdefault("jobs_dir", tmp_path / "jobs")
    app = create_app(WebSettings(**settings), builder=builder)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


def run_job(client: TestClient, timeout: float = 60.0, **form: Any) -> dict[str, Any]:
    """Submit through the API, wait for the job to end, return its final state."""
    files = form.pop("files", None)
    response = client.post("/api/v1/jobs", files=files, data=form or None)
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    client.app.state.jobs.wait(job_id, timeout)  # type: ignore[attr-defined]
    state: dict[str, Any] = client.get(f"/api/v1/jobs/{job_id}").json()
    return state


_LINKS = ("href", "src", "action", "formaction")


class _Audit(HTMLParser):
    """Collects every piece of markup that could run script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            link = (value or "").strip().lower()
            if name in _LINKS and link.startswith(("javascript:", "data:text/html")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if not src.startswith("/static/"):
                self.problems.append(f"<script src={src!r}>")
        if tag in ("iframe", "object", "embed", "base"):
            self.problems.append(f"<{tag}>")


def script_markup(html: str) -> list[str]:
    """Markup in ``html`` that could run script: inline or foreign scripts, on* handlers,
    javascript: links. Scripts served by the app itself (``/static/…``) are allowed."""
    audit = _Audit()
    audit.feed(html)
    audit.close()
    return audit.problems
