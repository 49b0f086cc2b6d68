"""Background jobs: one worker thread builds briefs; state lives in memory and on disk.

Each job has a folder ``<jobs_dir>/<id>/`` with ``job.json`` (its state,
rewritten at every change of status) and, once done, ``brief.json``. Uploads
are saved under ``uploads/`` while the job runs and deleted when it ends: the
brief keeps the cleaned text, the raw files are not needed after that.

A restart reads every ``job.json`` back, so finished briefs stay reachable at
the same address; a job that was queued or running when the server stopped is
marked failed with that reason (its inputs are gone with the process).

One worker is deliberate: the spaCy model is loaded once and a second brief
on a two-core laptop would only slow the first one down.
"""

from __future__ import annotations

import datetime as _dt
import re
import secrets
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from newsprism.errors import NewsprismError
from newsprism.models import Brief, Skipped
from newsprism.pipeline import Progress
from newsprism.render import render_json
from newsprism.web.inputs import Submission

JobStatus = Literal["queued", "running", "done", "failed"]
Builder = Callable[[Submission, Progress], Brief]

_JOB_ID = re.compile(r"^[0-9a-f]{20}$")
STAGE_LABELS = {
    "queued": "waiting for the previous job",
    "read": "reading inputs",
    "annotate": "parsing documents",
    "link": "cross-checking",
    "done": "done",
}


class ErrorInfo(BaseModel):
    """An error as the API returns it: a stable ``code`` and a message for people."""

    code: str
    message: str


class Job(BaseModel):
    """A job's state as the API reports it (``GET /api/v1/jobs/{id}``)."""

    id: str
    status: JobStatus = "queued"
    created_at: str
    finished_at: str | None = None
    inputs: list[str] = Field(default_factory=list)
    stage: str = "queued"
    stage_label: str = STAGE_LABELS["queued"]
    done: int = 0
    total: int | None = None
    percent: int = 0
    documents: int | None = None
    skipped: list[Skipped] = Field(default_factory=list)
    headline: str | None = None
    error: ErrorInfo | None = None


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def valid_job_id(job_id: str) -> bool:
    """Job ids double as folder names: anything else never touches the file system."""
    return bool(_JOB_ID.match(job_id))


def percent(stage: str, done: int, total: int | None) -> int:
    """A rough overall percentage: reading 0–20, parsing 20–90, cross-checking 90–100."""
    if stage == "read":
        return min(19, done)
    if stage == "annotate":
        return 20 + (70 * done // total if total else 0)
    if stage == "link":
        return 90 + (10 * done // total if total else 0)
    return 100 if stage == "done" else 0


class JobManager:
    """Submits jobs to the worker, tracks their state and persists it under ``root``."""

    def __init__(self, root: Path, builder: Builder) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self._builder = builder
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        self._load()

    # ------------------------------------------------------------------ persistence

    def folder(self, job_id: str) -> Path:
        return self.root / job_id

    def brief_path(self, job_id: str) -> Path:
        return self.folder(job_id) / "brief.json"

    def _save(self, job: Job) -> None:
        path = self.folder(job.id) / "job.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(job.model_dump_json(indent=2), encoding="utf-8")
        tmp.replace(path)

    def _load(self) -> None:
        for path in sorted(self.root.glob("*/job.json")):
            if not valid_job_id(path.parent.name):
                continue
            try:
                job = Job.model_validate_json(path.read_text(encoding="utf-8"))
            except (OSError, ValidationError, ValueError):
                continue  # a half-written or foreign file: not a job we can show
            if job.status in ("queued", "running"):
                job = job.model_copy(
                    update={
                        "status": "failed",
                        "finished_at": job.finished_at or now_iso(),
                        "error": ErrorInfo(
                            code="interrupted",
                            message="the server stopped before this job finished: submit it again",
                        ),
                    }
                )
                self._save(job)
            self._jobs[job.id] = job

    # ------------------------------------------------------------------ queries

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id) if valid_job_id(job_id) else None

    def recent(self, limit: int = 20) -> list[Job]:
        with self._lock:
            jobs = sorted(self._jobs.values(), key=lambda j: (j.created_at, j.id), reverse=True)
        return jobs[:limit]

    def load_brief(self, job_id: str) -> Brief:
        return Brief.model_validate_json(self.brief_path(job_id).read_text(encoding="utf-8"))

    # ------------------------------------------------------------------ running

    def new_id(self) -> str:
        return secrets.token_hex(10)

    def _pool(self) -> ThreadPoolExecutor:
        # Called with the lock held.
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="newsprism-job")
        return self._executor

    def warm(self, task: Callable[[], object]) -> None:
        """Run ``task`` on the worker ahead of any job (loading the model), errors ignored:
        a job that needs what failed to load reports it itself."""

        def quietly() -> None:
            try:
                task()
            except Exception:
                return

        with self._lock:
            self._pool().submit(quietly)

    def submit(self, job_id: str, submission: Submission) -> Job:
        """Queue ``submission`` (its uploads already saved under the job's folder)."""
        job = Job(id=job_id, created_at=now_iso(), inputs=submission.input_names())
        with self._lock:
            self._jobs[job_id] = job
        self._save(job)
        with self._lock:
            self._pool().submit(self._run, job_id, submission)
        return job

    def _update(self, job_id: str, save: bool = False, **changes: object) -> None:
        with self._lock:
            job = self._jobs[job_id].model_copy(update=changes)
            self._jobs[job_id] = job
        if save:
            self._save(job)

    def _progress(self, job_id: str) -> Progress:
        def report(stage: str, done: int, total: int | None) -> None:
            self._update(
                job_id,
                stage=stage,
                stage_label=STAGE_LABELS.get(stage, stage),
                done=done,
                total=total,
                percent=percent(stage, done, total),
            )

        return report

    def _run(self, job_id: str, submission: Submission) -> None:
        self._update(job_id, save=True, status="running")
        try:
            brief = self._builder(submission, self._progress(job_id))
        except NewsprismError as exc:
            self._fail(job_id, exc.code, exc.message)
        except Exception as exc:  # a bug must fail this job, not the worker thread
            self._fail(job_id, "internal_error", f"unexpected error: {type(exc).__name__}: {exc}")
        else:
            self._finish(job_id, brief)
        finally:
            shutil.rmtree(self.folder(job_id) / "uploads", ignore_errors=True)

    def _fail(self, job_id: str, code: str, message: str, **extra: object) -> None:
        error = ErrorInfo(code=code, message=message)
        self._update(
            job_id, save=True, status="failed", finished_at=now_iso(), error=error, **extra
        )

    def _finish(self, job_id: str, brief: Brief) -> None:
        from newsprism.render.view import View

        facts = {"documents": len(brief.documents), "skipped": brief.skipped}
        if not brief.documents:
            self._fail(
                job_id,
                "no_documents",
                "no usable documents: every input was skipped (reasons below)",
                **facts,
            )
            return
        self.brief_path(job_id).write_text(render_json(brief), encoding="utf-8")
        self._update(
            job_id,
            save=True,
            status="done",
            finished_at=now_iso(),
            stage="done",
            stage_label=STAGE_LABELS["done"],
            percent=100,
            headline=View(brief).headline,
            **facts,
        )

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """Block until the job has ended (for tests and scripts); None if it is unknown."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(job_id)
            if job is None or job.status in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    def shutdown(self) -> None:
        """Stop taking work; queued jobs are dropped (a restart marks them interrupted).

        A later ``submit`` starts a fresh worker: an app whose lifespan runs more
        than once (test clients do that) keeps working."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
