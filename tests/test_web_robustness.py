"""The server stays up and honest under bad luck and abuse: jobs that fail late or blow up,
a full queue, interrupted jobs, damaged briefs on disk, idle sockets, token guessing."""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from newsprism.models import Brief
from newsprism.pipeline import Progress
from newsprism.web import app as web_app
from newsprism.web import pages
from newsprism.web.inputs import Submission
from newsprism.web.jobs import Job, JobManager
from newsprism.web.protocol import HeaderTimeoutProtocol, protocol_with_timeout
from newsprism.web.runner import can_isolate
from newsprism.web.security import Throttle
from newsprism.web.settings import WebSettings
from web_support import quick_builder, run_job, wait_for, web_client

TEXT = (
    "Ferry service resumes\n\n"
    "The Lindholm ferry sailed again on Monday after a week of storms, the harbour office said.\n"
)
needs_fork = pytest.mark.skipif(not can_isolate(), reason="jobs run in-thread without fork")


def surrogate_builder(submission: Submission, progress: Progress) -> Brief:
    """A brief whose title holds a lone surrogate: only writing brief.json fails on it."""
    brief = quick_builder(submission, progress)
    docs = [d.model_copy(update={"title": "Ferry \ud800 news"}) for d in brief.documents]
    return brief.model_copy(update={"documents": docs})


@pytest.mark.parametrize("isolate", [True, False])
def test_web_jobs_failing_while_finishing_are_failed_with_the_reason(
    tmp_path: Path, isolate: bool, caplog: pytest.LogCaptureFixture
) -> None:
    with web_client(tmp_path, builder=surrogate_builder, isolate_jobs=isolate) as client:
        job = run_job(client, text=[TEXT])
        assert job["status"] == "failed"  # not "running" forever
        assert job["error"]["code"] == "internal_error"
        assert "surrogate" in job["error"]["message"]
        assert not (tmp_path / "jobs" / job["id"] / "brief.json").exists()
        # The worker goes on: the next job is briefed.
        client.app.state.jobs._builder = quick_builder  # type: ignore[attr-defined]
        assert run_job(client, text=[TEXT])["status"] == "done"
    logged = [r.getMessage() for r in caplog.records if r.name == "newsprism.web"]
    assert any(f"job {job['id']} failed: internal_error" in m for m in logged)


@needs_fork
def test_web_jobs_memory_hog_fails_its_own_job_not_the_server(tmp_path: Path) -> None:
    def hog(submission: Submission, progress: Progress) -> Brief:
        blocks = [bytearray(50_000_000) for _ in range(100)]  # 5 GB, past the cap
        raise AssertionError(f"the memory cap did not hold ({len(blocks)} blocks)")

    with web_client(tmp_path, builder=hog, job_memory_bytes=300_000_000) as client:
        job = run_job(client, text=[TEXT])
        assert job["status"] == "failed"
        assert job["error"]["code"] == "out_of_memory"
        client.app.state.jobs._builder = quick_builder  # type: ignore[attr-defined]
        assert run_job(client, text=[TEXT])["status"] == "done"


@needs_fork
def test_web_jobs_a_killed_job_process_fails_the_job_with_its_signal(tmp_path: Path) -> None:
    def crash(submission: Submission, progress: Progress) -> Brief:
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")

    with web_client(tmp_path, builder=crash) as client:
        job = run_job(client, text=[TEXT])
        assert job["status"] == "failed"
        assert job["error"]["code"] == "job_crashed"
        assert "SIGKILL" in job["error"]["message"]
        client.app.state.jobs._builder = quick_builder  # type: ignore[attr-defined]
        assert run_job(client, text=[TEXT])["status"] == "done"


def test_web_jobs_queue_is_capped_with_429_before_uploads_are_saved(tmp_path: Path) -> None:
    gate = tmp_path / "release"

    def gated(submission: Submission, progress: Progress) -> Brief:
        wait_for(gate, 30)
        return quick_builder(submission, progress)

    with web_client(tmp_path, builder=gated, max_queued_jobs=1) as client:
        manager = client.app.state.jobs  # type: ignore[attr-defined]
        first = client.post("/api/v1/jobs", data={"text": TEXT}).json()["id"]
        deadline = time.monotonic() + 10
        while manager.get(first).status != "running" and time.monotonic() < deadline:
            time.sleep(0.02)
        second = client.post("/api/v1/jobs", data={"text": TEXT})
        assert second.status_code == 202  # one may wait
        refused = client.post(
            "/api/v1/jobs", files=[("files", ("ferry.txt", TEXT.encode()))]
        )
        assert refused.status_code == 429
        assert refused.json()["code"] == "queue_full"
        assert refused.headers["retry-after"].isdigit()
        assert len(list((tmp_path / "jobs").iterdir())) == 2  # nothing saved for the third
        page = client.post("/jobs", data={"text": TEXT})
        assert page.status_code == 429 and "waiting" in page.text
        gate.touch()
        assert manager.wait(second.json()["id"], 30).status == "done"


def test_web_jobs_restart_deletes_uploads_of_interrupted_jobs(tmp_path: Path) -> None:
    root = tmp_path / "jobs"
    job = Job(id="ef" * 10, status="running", created_at="2026-03-10T12:00:00+00:00")
    (root / job.id / "uploads").mkdir(parents=True)
    (root / job.id / "job.json").write_text(job.model_dump_json(), encoding="utf-8")
    (root / job.id / "uploads" / "001.txt").write_text(TEXT, encoding="utf-8")
    orphan = root / ("12" * 10) / "uploads"  # killed before its job.json was written
    orphan.mkdir(parents=True)
    (orphan / "001.html").write_text("<p>x</p>", encoding="utf-8")
    manager = JobManager(root, quick_builder)
    try:
        assert not (root / job.id / "uploads").exists()
        assert not orphan.exists()
        found = manager.get(job.id)
        assert found is not None and found.status == "failed"
    finally:
        manager.shutdown()


@pytest.mark.parametrize("damage", ["{broken", '{"schema": "newsprism.brief/1"}', None])
def test_web_jobs_damaged_stored_brief_is_a_clear_error(tmp_path: Path, damage: str | None) -> None:
    with web_client(tmp_path) as client:
        job = run_job(client, text=[TEXT])
        path = tmp_path / "jobs" / job["id"] / "brief.json"
        if damage is None:
            path.unlink()
        else:
            path.write_text(damage, encoding="utf-8")
        api = client.get(f"/api/v1/jobs/{job['id']}/brief")
        assert api.status_code == 409  # never the damaged bytes with 200
        assert api.json()["code"] == "job_failed"
        assert "unreadable" in api.json()["message"]
        state = client.get(f"/api/v1/jobs/{job['id']}").json()
        assert state["status"] == "failed" and state["error"]["code"] == "brief_unreadable"
        page = client.get(f"/jobs/{job['id']}/brief")
        assert page.status_code != 500
        assert "unreadable" in page.text and "internal error" not in page.text


def test_web_brief_page_is_rendered_once_per_version_of_the_brief(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    from newsprism.render import render_html as real

    def counting(brief: Brief) -> str:
        calls.append(len(brief.documents))
        return real(brief)

    monkeypatch.setattr(pages, "render_html", counting)
    with web_client(tmp_path) as client:
        job = run_job(client, text=[TEXT])
        first = client.get(f"/jobs/{job['id']}/brief")
        again = client.get(f"/jobs/{job['id']}/brief")
        assert first.text == again.text and "Lindholm" in first.text
        assert len(calls) == 1
        # A rewritten brief.json is a new version: rendered again, its new text shown.
        path = tmp_path / "jobs" / job["id"] / "brief.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["documents"][0]["title"] = "Ferry timetable rewritten"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert "Ferry timetable rewritten" in client.get(f"/jobs/{job['id']}/brief").text
        assert len(calls) == 2


def test_web_token_guesses_are_throttled_per_client(tmp_path: Path) -> None:
    token = "ferry-token"
    with web_client(tmp_path, token=token, token_guesses=3) as client:
        for _ in range(3):
            wrong = client.get("/api/v1/jobs", headers={"authorization": "Bearer guess"})
            assert wrong.status_code == 401
        locked = client.get("/api/v1/jobs", headers={"authorization": f"Bearer {token}"})
        assert locked.status_code == 429  # even the right token waits out the lockout
        assert locked.json()["code"] == "too_many_guesses"
        assert int(locked.headers["retry-after"]) >= 1
        assert client.post("/login", data={"token": token}).status_code == 429
        assert client.get("/?token=" + token).status_code == 429
        time.sleep(1.1)
        ok = client.get("/api/v1/jobs", headers={"authorization": f"Bearer {token}"})
        assert ok.status_code == 200


def test_web_token_throttle_doubles_and_forgets() -> None:
    now = [0.0]
    throttle = Throttle(free=2, longest=10.0, forget=100.0, clock=lambda: now[0])
    for _ in range(2):
        assert throttle.wait("a") == 0
        throttle.failed("a")
    assert throttle.wait("a") == 1.0
    assert throttle.wait("b") == 0  # per client
    throttle.failed("a")
    assert throttle.wait("a") == 2.0
    for _ in range(10):
        throttle.failed("a")
    assert throttle.wait("a") == 10.0  # capped
    now[0] = 200.0
    assert throttle.wait("a") == 0  # forgotten
    small = Throttle(max_clients=2, clock=lambda: now[0])
    for client in ("x", "y", "z"):
        small.failed(client)
    assert len(small._failures) == 2


def test_web_serve_warns_when_exposed_without_a_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.update(kw))
    web_app.serve(WebSettings(jobs_dir=tmp_path / "jobs"), host="0.0.0.0", port=8765)
    err = capsys.readouterr().err
    assert "without --token" in err
    assert issubclass(seen["http"], HeaderTimeoutProtocol)
    assert seen["http"].header_timeout == 10.0
    web_app.serve(WebSettings(jobs_dir=tmp_path / "jobs", token="t"), host="0.0.0.0", port=8765)
    web_app.serve(WebSettings(jobs_dir=tmp_path / "jobs"), host="127.0.0.1", port=8765)
    web_app.serve(WebSettings(jobs_dir=tmp_path / "jobs"), host="::1", port=8765)
    assert "without --token" not in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_web_server_closes_connections_that_do_not_send_headers_in_time(
    tmp_path: Path,
) -> None:
    import uvicorn

    from newsprism.web import create_app

    port = _free_port()
    app = create_app(WebSettings(jobs_dir=tmp_path / "jobs"), builder=quick_builder)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", http=protocol_with_timeout(0.4)
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        idle = socket.create_connection(("127.0.0.1", port), timeout=5)
        slow = socket.create_connection(("127.0.0.1", port), timeout=5)
        slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for _ in range(3):  # a byte now and then does not keep it open
            time.sleep(0.1)
            slow.sendall(b"X")
        good = socket.create_connection(("127.0.0.1", port), timeout=5)
        good.sendall(b"GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert good.recv(1024).startswith(b"HTTP/1.1 204")
        time.sleep(0.6)
        assert idle.recv(1024) == b""  # closed by the server
        try:
            closed = slow.recv(1024) == b""
        except ConnectionResetError:
            closed = True
        assert closed
        for s in (idle, slow, good):
            s.close()
    finally:
        server.should_exit = True
        thread.join(10)


@needs_fork
def test_web_jobs_killed_by_shutdown_are_interrupted_not_crashed(tmp_path: Path) -> None:
    gate = tmp_path / "never"

    def stuck(submission: Submission, progress: Progress) -> Brief:
        wait_for(gate, 60)
        return quick_builder(submission, progress)

    with web_client(tmp_path, builder=stuck) as client:
        manager = client.app.state.jobs  # type: ignore[attr-defined]
        job_id = client.post("/api/v1/jobs", data={"text": TEXT}).json()["id"]
        deadline = time.monotonic() + 10
        while manager.get(job_id).status != "running" and time.monotonic() < deadline:
            time.sleep(0.02)
    # Leaving the client shut the app down: the job process was killed, the job says why.
    job = manager.wait(job_id, 10)
    assert job.status == "failed"
    assert job.error.code == "interrupted"


@needs_fork
def test_web_jobs_running_past_the_time_limit_are_stopped(tmp_path: Path) -> None:
    def stuck(submission: Submission, progress: Progress) -> Brief:
        progress("read", 0, None)
        time.sleep(60)
        raise AssertionError("unreachable")

    with web_client(tmp_path, builder=stuck, job_timeout=0.5) as client:
        started = time.monotonic()
        job = run_job(client, text=[TEXT])
        assert time.monotonic() - started < 20
        assert job["status"] == "failed"
        assert job["error"]["code"] == "job_timeout"
        client.app.state.jobs._builder = quick_builder  # type: ignore[attr-defined]
        assert run_job(client, text=[TEXT])["status"] == "done"
