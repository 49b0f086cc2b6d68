"""The JSON API with FastAPI's test client: submit, poll, fetch the brief, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from click.testing import CliRunner

from newsprism import sample_corpus
from newsprism.cli import main
from newsprism.models import SCHEMA, Brief
from newsprism.web.jobs import percent
from web_support import run_job, web_client

ARTICLE_A = (
    "Harbour talks end without a deal\n\n"
    "Negotiators for the port workers met the Harbour Board on Monday in Velmora. "
    "The talks lasted four hours, according to the union.\n"
)
ARTICLE_B = (
    "Port strike continues after talks\n\n"
    "The Harbour Board and the union talked for about four hours in Velmora on Monday. "
    "No agreement was reached and the strike goes on.\n"
)


def test_web_api_job_lifecycle_from_text(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        job = run_job(client, text=[ARTICLE_A, ARTICLE_B])
        assert job["status"] == "done", job
        assert job["documents"] == 2
        assert job["inputs"] == ["pasted text 1", "pasted text 2"]
        assert job["percent"] == 100
        brief = client.get(f"/api/v1/jobs/{job['id']}/brief")
        assert brief.status_code == 200
        assert brief.headers["content-type"].startswith("application/json")
        parsed = Brief.model_validate_json(brief.content)
        assert parsed.schema_ == SCHEMA
        assert sorted(d.input for d in parsed.documents) == ["pasted text 1", "pasted text 2"]
        listed = client.get("/api/v1/jobs").json()
        assert [j["id"] for j in listed] == [job["id"]]


def test_web_api_bad_inputs_are_skipped_and_the_rest_briefed(tmp_path: Path) -> None:
    files = [
        ("files", ("story.txt", ARTICLE_A.encode())),
        ("files", ("scan.pdf", b"%PDF-1.7 not text")),
        ("files", ("empty.txt", b"")),
    ]
    with web_client(tmp_path) as client:
        job = run_job(client, files=files, urls="ftp://example.org/x\nnot-a-url")
        assert job["status"] == "done"
        assert job["documents"] == 1
        reasons = {s["input"]: s["reason"] for s in job["skipped"]}
        assert set(reasons) == {"scan.pdf", "empty.txt", "ftp://example.org/x", "not-a-url"}
        assert "unsupported file type .pdf" in reasons["scan.pdf"]
        assert "unsupported URL scheme 'ftp:'" in reasons["ftp://example.org/x"]
        # A pasted line is never taken for a path on the server.
        assert "scheme" in reasons["not-a-url"]


def test_web_api_job_with_nothing_usable_fails_with_reasons(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        job = run_job(client, files=[("files", ("a.png", b"\x89PNG\r\n\x1a\n"))])
        assert job["status"] == "failed"
        assert job["error"]["code"] == "no_documents"
        assert job["skipped"][0]["input"] == "a.png"
        answer = client.get(f"/api/v1/jobs/{job['id']}/brief")
        assert answer.status_code == 409
        assert answer.json()["code"] == "job_failed"


def test_web_api_builder_crash_fails_the_job_not_the_server(tmp_path: Path) -> None:
    def broken(submission: object, progress: object) -> Brief:
        raise RuntimeError("disk on fire")

    with web_client(tmp_path, builder=broken) as client:
        job = run_job(client, text=[ARTICLE_A])
        assert job["status"] == "failed"
        assert job["error"]["code"] == "internal_error"
        assert "disk on fire" in job["error"]["message"]
        page = client.get(f"/jobs/{job['id']}")
        assert page.status_code == 200
        assert "disk on fire" in page.text
        again = run_job(client, text=[ARTICLE_B])
        assert again["status"] == "failed"  # the worker survived and ran the next job


def test_web_api_errors_are_json_with_code_and_message(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        missing = client.get("/api/v1/jobs/0123456789abcdef0123")
        assert missing.status_code == 404
        assert missing.json() == {
            "code": "job_not_found",
            "message": "no job '0123456789abcdef0123' on this server",
        }
        for path in ("/api/v1/jobs/../../etc/passwd", "/api/v1/nothing-here"):
            answer = client.get(path)
            assert answer.status_code == 404
            assert set(answer.json()) == {"code", "message"}
        wrong_method = client.delete("/api/v1/jobs")
        assert wrong_method.status_code == 405
        assert wrong_method.json()["code"] == "method_not_allowed"
        as_json = client.post("/api/v1/jobs", json={"text": ["x"]})
        assert as_json.status_code == 415
        assert "multipart/form-data" in as_json.json()["message"]
        empty = client.post("/api/v1/jobs", data={"text": "  ", "urls": ""})
        assert empty.status_code == 422
        assert empty.json()["code"] == "empty_submission"


def test_web_api_unfinished_job_brief_is_409(tmp_path: Path) -> None:
    import threading

    release = threading.Event()

    def slow(submission: object, progress: object) -> Brief:
        release.wait(10)
        raise RuntimeError("released")

    with web_client(tmp_path, builder=slow) as client:
        job = client.post("/api/v1/jobs", data={"text": ARTICLE_A}).json()
        answer = client.get(f"/api/v1/jobs/{job['id']}/brief")
        release.set()
        assert answer.status_code == 409
        assert answer.json()["code"] == "job_not_done"
        assert f"GET /api/v1/jobs/{job['id']}" in answer.json()["message"]


def test_web_api_openapi_schema_and_docs_page(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        schema = client.get("/api/v1/openapi.json").json()
        assert set(schema["paths"]) == {
            "/api/v1/jobs",
            "/api/v1/jobs/{job_id}",
            "/api/v1/jobs/{job_id}/brief",
            "/api/v1/stories",
            "/api/v1/stories/{story_id}/brief",
        }
        post = schema["paths"]["/api/v1/jobs"]["post"]
        assert "multipart/form-data" in post["requestBody"]["content"]
        assert {"413", "422"} <= set(post["responses"])
        docs = client.get("/api/v1/docs")
        assert docs.status_code == 200
        assert "/api/v1/jobs/{job_id}/brief" in docs.text
        # The stock Swagger/ReDoc pages load script from a CDN: they are off.
        assert client.get("/docs").status_code == 404


def test_web_api_real_pipeline_on_sample_corpus(tmp_path: Path) -> None:
    files = [
        ("files", (p.name, p.read_bytes()))
        for p in sorted(sample_corpus().iterdir())
        if p.is_file()
    ]
    with web_client(tmp_path, builder=None) as client:
        job = run_job(client, timeout=120, files=files)
        assert job["status"] == "done", job
        assert job["documents"] >= 7
        brief = Brief.model_validate_json(client.get(f"/api/v1/jobs/{job['id']}/brief").content)
        assert brief.quotes and brief.facts and brief.summary
        for quote in brief.quotes:
            doc = brief.document(quote.document)
            assert doc.text[quote.span[0] : quote.span[1]] == quote.text
        page = client.get(f"/jobs/{job['id']}/brief")
        assert page.status_code == 200
        assert 'class="np-appbar"' in page.text
        assert '<a href="#summary">Summary</a>' in page.text


def test_web_percent_moves_forward_through_the_stages() -> None:
    steps = [
        percent("read", 3, None),
        percent("annotate", 0, 8),
        percent("annotate", 8, 8),
        percent("link", 1, 1),
        percent("done", 0, None),
    ]
    assert steps == sorted(steps)
    assert steps[-1] == 100


def test_web_cli_serve_is_listed_with_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "--allow-private-urls", "--jobs-dir"):
        assert option in result.output
    assert "127.0.0.1" in result.output
