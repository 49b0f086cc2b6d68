"""Jobs: kept in memory and on disk, so a reload or a restart finds finished briefs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from newsprism.web.jobs import Job, JobManager, valid_job_id
from web_support import quick_builder, run_job, wait_for, web_client

TEXT = (
    "Bridge reopens after repairs\n\n"
    "The Kessel bridge reopened on Friday after eight months of repairs, the roads office said.\n"
)


def test_web_jobs_survive_a_restart(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        job = run_job(client, text=[TEXT])
        first = client.get(f"/api/v1/jobs/{job['id']}/brief").content
    folder = tmp_path / "jobs" / job["id"]
    assert sorted(p.name for p in folder.iterdir()) == ["brief.json", "job.json"]
    with web_client(tmp_path) as client:
        again = client.get(f"/api/v1/jobs/{job['id']}")
        assert again.json()["status"] == "done"
        assert client.get(f"/api/v1/jobs/{job['id']}/brief").content == first
        page = client.get(f"/jobs/{job['id']}/brief")
        assert page.status_code == 200
        assert "Kessel bridge" in page.text
        assert job["id"] in client.get("/").text  # listed under recent briefs


def test_web_jobs_interrupted_by_a_restart_are_failed_with_the_reason(tmp_path: Path) -> None:
    root = tmp_path / "jobs"
    job = Job(id="ab" * 10, status="running", created_at="2026-03-10T12:00:00+00:00")
    (root / job.id).mkdir(parents=True)
    (root / job.id / "job.json").write_text(job.model_dump_json(), encoding="utf-8")
    (root / "not-a-job").mkdir()
    (root / "not-a-job" / "job.json").write_text("{}", encoding="utf-8")
    (root / ("cd" * 10)).mkdir()
    (root / ("cd" * 10) / "job.json").write_text("{broken", encoding="utf-8")
    manager = JobManager(root, quick_builder)
    try:
        found = manager.get(job.id)
        assert found is not None and found.status == "failed"
        assert found.error is not None and found.error.code == "interrupted"
        assert "submit it again" in found.error.message
        saved = json.loads((root / job.id / "job.json").read_text(encoding="utf-8"))
        assert saved["status"] == "failed"
        assert [j.id for j in manager.recent()] == [job.id]
    finally:
        manager.shutdown()


def test_web_jobs_uploads_are_removed_when_the_job_ends(tmp_path: Path) -> None:
    with web_client(tmp_path) as client:
        job = run_job(client, files=[("files", ("bridge.txt", TEXT.encode()))])
        assert job["status"] == "done"
        assert job["inputs"] == ["bridge.txt"]
        assert not (tmp_path / "jobs" / job["id"] / "uploads").exists()


def test_web_jobs_ids_never_reach_the_file_system_unchecked() -> None:
    assert valid_job_id("0123456789abcdef0123")
    for bad in ("../../etc", "0123456789ABCDEF0123", "abc", "0123456789abcdef0123/", ""):
        assert not valid_job_id(bad)


def test_web_jobs_page_polls_while_running_and_forwards_when_done(tmp_path: Path) -> None:
    # Jobs run in a child process: the test opens the gate with a file, not an Event.
    gate = tmp_path / "release"

    def slow(submission: object, progress: object) -> object:
        wait_for(gate)
        return quick_builder(submission, progress)  # type: ignore[arg-type]

    with web_client(tmp_path, builder=slow) as client:  # type: ignore[arg-type]
        posted = client.post("/jobs", data={"text": TEXT}, follow_redirects=False)
        assert posted.status_code == 303
        location = posted.headers["location"]
        running = client.get(location)
        assert '<script src="/static/job.js" defer></script>' in running.text
        assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in running.text
        assert "<progress" in running.text
        gate.touch()
        client.app.state.jobs.wait(location.rsplit("/", 1)[1])  # type: ignore[attr-defined]
        done = client.get(location, follow_redirects=False)
        assert done.status_code == 303
        assert done.headers["location"] == f"{location}/brief"
        assert "job.js" not in client.get(f"{location}/brief").text
