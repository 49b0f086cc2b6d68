"""Web app safety: escaping, CSP, limits, token, host and origin checks."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from newsprism.web.security import COOKIE, CSP, safe_next
from newsprism.web.settings import LOOPBACK_HOSTS
from web_support import run_job, script_markup, web_client

HOSTILE_NAME = '<img src=x onerror="alert(1)">.txt'
HOSTILE_TEXT = (
    "<script>alert('title')</script> Ferry fares rise in Ostrava Bay\n\n"
    "The ferry company raised fares by 12 percent on Tuesday, its chief Lena Morrow said. "
    '<img src=x onerror=alert(2)> Read more at <a href="javascript:alert(3)">this link</a>. '
    '"<script>alert(4)</script> We had no choice," Morrow said on Tuesday.\n'
)
HOSTILE_HTML = (
    "<html><head><title>&lt;script&gt;alert(5)&lt;/script&gt; Bay ferries</title></head>"
    "<body><article><h1>&lt;b onmouseover=alert(6)&gt;Bay ferries</h1>"
    "<p>Ferry fares in Ostrava Bay rose by 12 percent on Tuesday, the operator said in "
    "a statement. Passengers complained about the timing of the increase.</p>"
    "<p>&lt;a href=&quot;javascript:alert(7)&quot;&gt;more&lt;/a&gt; The operator said "
    "fuel costs had doubled since spring.</p></article></body></html>"
)


@pytest.mark.parametrize("builder", ["quick", "real"])
def test_web_hostile_text_never_becomes_markup(tmp_path: Path, builder: str) -> None:
    options = {} if builder == "quick" else {"builder": None}
    files = [
        ("files", (HOSTILE_NAME, HOSTILE_TEXT.encode())),
        ("files", ("page.html", HOSTILE_HTML.encode())),
    ]
    with web_client(tmp_path, **options) as client:
        job = run_job(client, timeout=120, files=files, text=[HOSTILE_TEXT + " Also pasted."])
        assert job["status"] == "done", job
        pages = {
            "brief": client.get(f"/jobs/{job['id']}/brief").text,
            "start": client.get("/").text,
        }
        # The hostile strings are there, as text.
        assert "&lt;script&gt;alert(" in pages["brief"]
        assert "onerror" in pages["brief"]
        assert "&lt;img src=x onerror" in pages["start"]
        for name, html in pages.items():
            assert script_markup(html) == [], name
        assert "<script" not in pages["brief"].lower()


def test_web_failed_job_page_escapes_names_and_reasons(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        job = run_job(client, urls='javascript:alert(1)\nhttp://"><script>alert(2)</script>')
        assert job["status"] == "failed"
        page = client.get(f"/jobs/{job['id']}").text
        assert "javascript:alert(1)" in page
        assert script_markup(page) == []


def test_web_every_answer_carries_the_csp(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        job = run_job(client, text=[HOSTILE_TEXT])
        paths = [
            "/",
            f"/jobs/{job['id']}/brief",
            "/api/v1/jobs",
            "/api/v1/docs",
            "/static/app.css",
            "/nowhere",
        ]
        for path in paths:
            answer = client.get(path)
            assert answer.headers["content-security-policy"] == CSP, path
            assert answer.headers["x-content-type-options"] == "nosniff"
        directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
        assert directives["script-src"] == "'self'"
        assert "frame-ancestors 'none'" in CSP


def test_web_upload_limits_answer_413_and_422(tmp_path: Path) -> None:
    limits = {
        "max_files": 2,
        "max_file_bytes": 200,
        "max_urls": 2,
        "max_text_chars": 300,
        "max_request_bytes": 20_000,
    }
    with web_client(tmp_path, **limits) as client:
        three = [("files", (f"{i}.txt", b"Some words here.")) for i in range(3)]
        answer = client.post("/api/v1/jobs", files=three)
        assert (answer.status_code, answer.json()["code"]) == (422, "too_many_files")
        big = [("files", ("big.txt", b"word " * 100))]
        answer = client.post("/api/v1/jobs", files=big)
        assert (answer.status_code, answer.json()["code"]) == (413, "file_too_large")
        assert "big.txt" in answer.json()["message"] and "limit" in answer.json()["message"]
        urls = "https://a.example/1 https://a.example/2 https://a.example/3"
        answer = client.post("/api/v1/jobs", data={"urls": urls})
        assert (answer.status_code, answer.json()["code"]) == (422, "too_many_urls")
        answer = client.post("/api/v1/jobs", data={"text": "x" * 301})
        assert (answer.status_code, answer.json()["code"]) == (413, "text_too_large")
        huge = [("files", ("huge.txt", b"x" * 30_000))]
        answer = client.post("/api/v1/jobs", files=huge)
        assert (answer.status_code, answer.json()["code"]) == (413, "too_large")
        # Nothing of the refused submissions was kept.
        assert list((tmp_path / "jobs").iterdir()) == []


def test_web_streamed_body_over_the_limit_is_cut_off(tmp_path: Path) -> None:
    def chunks() -> object:
        for _ in range(40):
            yield b"text=" + b"y" * 1000

    with web_client(tmp_path, max_request_bytes=10_000) as client:
        answer = client.post(
            "/api/v1/jobs",
            content=chunks(),  # type: ignore[arg-type]
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert answer.status_code == 413
        assert answer.json()["code"] == "too_large"


def test_web_form_page_over_the_limit_gets_an_html_413(tmp_path: Path) -> None:
    with web_client(tmp_path, max_file_bytes=10) as client:
        answer = client.post("/jobs", files=[("files", ("long.txt", b"many words here"))])
        assert answer.status_code == 413
        assert answer.headers["content-type"].startswith("text/html")
        assert "long.txt" in answer.text


def test_web_token_guards_api_and_pages(tmp_path: Path) -> None:
    token = "s3cret-token"
    with web_client(tmp_path, token=token) as client:
        answer = client.get("/api/v1/jobs")
        assert answer.status_code == 401
        assert answer.json()["code"] == "unauthorized"
        assert answer.headers["www-authenticate"] == "Bearer"
        assert (
            client.get("/api/v1/jobs", headers={"authorization": "Bearer nope"}).status_code == 401
        )
        ok = client.get("/api/v1/jobs", headers={"authorization": f"Bearer {token}"})
        assert ok.status_code == 200
        login = client.get("/")
        assert login.status_code == 401
        assert 'name="token"' in login.text
        assert client.get("/static/app.css").status_code == 200
        assert client.get("/?token=wrong").status_code == 401
        entered = client.get("/?token=" + token, follow_redirects=False)
        assert entered.status_code == 303
        assert entered.headers["location"] == "/"
        assert token not in entered.headers["set-cookie"]
        assert "httponly" in entered.headers["set-cookie"].lower()
        assert client.cookies.get(COOKIE)
        assert client.get("/").status_code == 200
        assert client.get("/api/v1/jobs").status_code == 200


def test_web_login_form_sets_the_cookie_and_goes_back_home_only(tmp_path: Path) -> None:
    token = "another-token"
    with web_client(tmp_path, token=token) as client:
        wrong = client.post("/login", data={"token": "x", "next": "/"})
        assert wrong.status_code == 401
        answer = client.post(
            "/login", data={"token": token, "next": "//evil.example/"}, follow_redirects=False
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == "/"
        assert client.get("/").status_code == 200
    assert safe_next("/jobs/abc") == "/jobs/abc"
    for bad in ("https://evil.example", "//evil.example", "/\\evil.example", "", None):
        assert safe_next(bad) == "/"


def test_web_foreign_host_and_cross_site_posts_are_refused(tmp_path: Path) -> None:
    with web_client(tmp_path, allowed_hosts=LOOPBACK_HOSTS) as client:
        assert client.get("/").status_code == 200
        rebound = client.get("/api/v1/jobs", headers={"host": "attacker.example"})
        assert rebound.status_code == 400
        assert rebound.json()["code"] == "invalid_host"
        cross = client.post(
            "/api/v1/jobs", data={"text": "hello"}, headers={"origin": "https://attacker.example"}
        )
        assert cross.status_code == 403
        assert cross.json()["code"] == "cross_origin"
        same = client.post(
            "/api/v1/jobs", data={"text": "hello"}, headers={"origin": "http://127.0.0.1"}
        )
        assert same.status_code == 202


def test_web_form_field_over_starlettes_cap_is_413(tmp_path: Path) -> None:
    with web_client(tmp_path, max_text_chars=5_000_000) as client:
        answer = client.post("/api/v1/jobs", data={"text": "y" * 1_200_000})
        assert answer.status_code == 413
        assert answer.json()["code"] == "too_large"
        assert "upload long texts as files" in answer.json()["message"]


def test_web_more_parts_than_starlette_parses_is_422(tmp_path: Path) -> None:
    with web_client(tmp_path, max_files=5000) as client:
        files = [("files", (f"{i}.txt", b"w")) for i in range(1001)]
        answer = client.post("/api/v1/jobs", files=files)
        assert answer.status_code == 422
        assert answer.json()["code"] == "too_many_files"
