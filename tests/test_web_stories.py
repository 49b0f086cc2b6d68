"""The stories index of a corpus store (``serve --db``): search, a brief per story, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("duckdb")

from newsprism.clean import clean_document
from newsprism.errors import UsageError
from newsprism.models import Brief, Document, RawDocument
from newsprism.store import Batch, Store
from newsprism.stories import Story
from newsprism.web import WebSettings, create_app
from web_support import script_markup, web_client

TEXTS = {
    "ferry-1.txt": (
        "Ferry strike halts crossings\n\nFerry crews in Ostrava Bay stopped work on Monday, "
        "the union said. The strike is to last two days.\n"
    ),
    "ferry-2.txt": (
        "Bay ferries idle as crews walk out\n\nNo ferries crossed Ostrava Bay on Monday after "
        "crews walked out over pay, the operator said.\n"
    ),
    "museum.txt": (
        "<script>alert(1)</script> Museum reopens\n\nThe Kessel city museum reopened on Friday "
        "after two years of repairs, its director said.\n"
    ),
}


def _doc(name: str, outlet: str, published: str) -> Document:
    raw = RawDocument(input=name, content=TEXTS[name], kind="text", outlet=outlet)
    return clean_document(raw).model_copy(update={"published": published})


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    docs = [
        _doc("ferry-1.txt", "Bay Courier", "2026-03-02"),
        _doc("ferry-2.txt", "Harbour Post", "2026-03-02"),
        _doc("museum.txt", "Kessel Daily", "2026-02-20"),
    ]
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        store.write_batch(
            Batch(inputs=[(f"h{i}", d.input, d.id) for i, d in enumerate(docs)], documents=docs)
        )
        store.put_stories(
            [
                Story("s-ferry", docs[0].title, (docs[0].id, docs[1].id), "2026-03-02", None),
                Story("s-museum", docs[2].title, (docs[2].id,), "2026-02-20", "2026-02-20"),
            ]
        )
    return path


def test_web_stories_api_lists_and_searches(tmp_path: Path, store_path: Path) -> None:
    with web_client(tmp_path, db=store_path) as client:
        listed = client.get("/api/v1/stories").json()
        assert listed["total"] == 2
        assert [s["id"] for s in listed["stories"]] == ["s-ferry", "s-museum"]  # newest first
        ferry = listed["stories"][0]
        assert ferry["documents"] == 2
        assert ferry["outlets"] == ["Bay Courier", "Harbour Post"]
        by_text = client.get("/api/v1/stories", params={"q": "KESSEL"}).json()
        assert [s["id"] for s in by_text["stories"]] == ["s-museum"]
        by_outlet = client.get("/api/v1/stories", params={"q": "harbour post"}).json()
        assert [s["id"] for s in by_outlet["stories"]] == ["s-ferry"]
        # LIKE wildcards in a search are plain characters.
        assert client.get("/api/v1/stories", params={"q": "%"}).json()["stories"] == []


def test_web_stories_brief_per_story(tmp_path: Path, store_path: Path) -> None:
    with web_client(tmp_path, db=store_path) as client:
        answer = client.get("/api/v1/stories/s-ferry/brief")
        assert answer.status_code == 200
        brief = Brief.model_validate_json(answer.content)
        assert sorted(d.input for d in brief.documents) == ["ferry-1.txt", "ferry-2.txt"]
        missing = client.get("/api/v1/stories/s-nothing/brief")
        assert missing.status_code == 404
        assert missing.json()["code"] == "story_not_found"


def test_web_stories_pages_search_and_escape(tmp_path: Path, store_path: Path) -> None:
    with web_client(tmp_path, db=store_path) as client:
        index = client.get("/stories")
        assert index.status_code == 200
        assert 'href="/stories/s-ferry"' in index.text
        assert '<a href="/stories">Stories</a>' in client.get("/").text
        found = client.get("/stories", params={"q": "ferries"})
        assert "s-ferry" in found.text and "s-museum" not in found.text
        nothing = client.get("/stories", params={"q": "<b>zeppelin</b>"})
        assert "No story matches" in nothing.text and "&lt;b&gt;zeppelin" in nothing.text
        page = client.get("/stories/s-museum")
        assert page.status_code == 200
        assert 'href="/api/v1/stories/s-museum/brief"' in page.text
        assert "&lt;script&gt;alert(1)" in page.text
        for html in (index.text, found.text, nothing.text, page.text):
            assert script_markup(html) == []


def test_web_stories_without_a_store_say_how_to_get_one(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        answer = client.get("/api/v1/stories")
        assert answer.status_code == 404
        assert answer.json()["code"] == "no_store"
        assert "--db" in answer.json()["message"]
        assert "/stories" not in client.get("/").text


def test_web_stories_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="newsprism ingest"):
        create_app(WebSettings(jobs_dir=tmp_path / "jobs", db=tmp_path / "none.duckdb"))
    assert not (tmp_path / "jobs").exists()


def test_web_stories_empty_store_tells_what_to_run(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    Store(path).close()
    with web_client(tmp_path, db=path) as client:
        assert client.get("/api/v1/stories").json() == {"total": 0, "query": "", "stories": []}
        assert "newsprism stories --db empty.duckdb" in client.get("/stories").text


def test_web_stories_busy_store_answers_503(tmp_path: Path, store_path: Path) -> None:
    with web_client(tmp_path, db=store_path) as client, Store(store_path):
        # A writer holds the file (as `newsprism ingest` would): reads fail fast and say why.
        answer = client.get("/api/v1/stories")
        assert answer.status_code == 503
        assert answer.json()["code"] == "store_busy"
        assert "ingest" in answer.json()["message"]
