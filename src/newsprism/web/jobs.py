"""Background jobs: one worker thread builds briefs; state lives in memory and on disk.

Each job has a folder ``<jobs_dir>/<id>/`` with ``job.json`` (its state,
rewritten at every change of status) and, once done, ``brief.json``. Uploads
are saved under ``uploads/`` while the job runs and deleted when it ends: the
brief keeps the cleaned text, the raw files are not needed after that.

A restart reads every ``job.json`` back, so finished briefs stay reachable at
the same address; a job that was queued or running when the server stopped is
marked failed with that reason and its saved uploads are deleted.

One worker is deliberate: the spaCy model is loaded once and a second brief
on a two-core laptop would only slow the first one down. Each job is built in
a child process (``runner``), so a document that exhausts memory fails its
own job, not the server. The queue is capped: past ``max_queued`` waiting
jobs a submission is refused with 429 before its uploads are saved.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import re
import secrets
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from newsprism.models import Brief, Skipped
from newsprism.pipeline import Progress
from newsprism.web.errors import WebError
from newsprism.web.inputs import Submission
from newsprism.web.runner import Built, Failed, Outcome, Runner

JobStatus = Literal["queued", "running", "done", "failed"]
Builder = Callable[[Submission, Progress], Brief]

LOG = logging.getLogger("newsprism.web")
_JOB_ID = re.compile(r"^[0-9a-f]{20}$")
# What identifies one version of a file: a rewritten brief.json gets a new stamp.
FileStamp = tuple[int, int, int, int]
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


INTERRUPTED = ErrorInfo(
    code="interrupted", message="the server stopped before this job finished: submit it again"
)


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def valid_job_id(job_id: str) -> bool:
    """Job ids double as folder names: anything else never touches the file system."""
    return bool(_JOB_ID.match(job_id))


def file_stamp(path: Path) -> FileStamp:
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


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

    def __init__(
        self,
        root: Path,
        builder: Builder,
        runner: Runner | None = None,
        max_queued: int | None = None,
    ) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self._builder = builder
        self._runner = runner or Runner(isolate=False)
        self.max_queued = max_queued
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        # brief.json versions already checked to be a valid brief (the API serves bytes).
        self._valid: dict[str, FileStamp] = {}
        self._stopping = False
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
        # Uploads are only needed while a job runs: any left over belong to a job the
        # server was stopped (or killed) in the middle of, and would never be deleted.
        for uploads in sorted(self.root.glob("*/uploads")):
            if valid_job_id(uploads.parent.name):
                shutil.rmtree(uploads, ignore_errors=True)
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
                        "error": INTERRUPTED,
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
        """The stored brief of a done job; a 409 ``WebError`` (and the job marked failed)
        when the file is missing or is not a valid brief any more."""
        path = self.brief_path(job_id)
        try:
            stamp = file_stamp(path)
            brief = Brief.model_validate_json(path.read_bytes())
        except (OSError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
            raise self._unreadable(job_id, exc) from None
        with self._lock:
            self._valid[job_id] = stamp
        return brief

    def brief_bytes(self, job_id: str) -> bytes:
        """The bytes of a done job's ``brief.json``, checked once per version of the file."""
        path = self.brief_path(job_id)
        try:
            stamp = file_stamp(path)
            data = path.read_bytes()
        except OSError as exc:
            raise self._unreadable(job_id, exc) from None
        with self._lock:
            known = self._valid.get(job_id) == stamp
        if not known:
            self.load_brief(job_id)
        return data

    def brief_stamp(self, job_id: str) -> FileStamp | None:
        try:
            return file_stamp(self.brief_path(job_id))
        except OSError:
            return None

    def _unreadable(self, job_id: str, exc: Exception) -> WebError:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
        message = f"its stored brief is unreadable ({first}): submit the inputs again"
        LOG.error("job %s: brief.json unreadable: %s", job_id, first)
        self._fail(job_id, "brief_unreadable", message)
        return WebError(409, "job_failed", f"job {job_id} failed: {message}")

    # ------------------------------------------------------------------ running

    def new_id(self) -> str:
        return secrets.token_hex(10)

    def _pool(self) -> ThreadPoolExecutor:
        # Called with the lock held.
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="newsprism-job")
            self._stopping = False
            self._runner.resume()
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

    def check_room(self) -> None:
        """A 429 ``WebError`` when ``max_queued`` jobs are already waiting."""
        if self.max_queued is None:
            return
        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.status == "queued")
        if waiting >= self.max_queued:
            raise WebError(
                429, "queue_full",
                f"{waiting} jobs are already waiting (the limit is {self.max_queued}): "
                "try again when one has finished",
                headers={"retry-after": "30"},
            )  # fmt: skip

    def submit(self, job_id: str, submission: Submission) -> Job:
        """Queue ``submission`` (its uploads already saved under the job's folder)."""
        job = Job(id=job_id, created_at=now_iso(), inputs=submission.input_names())
        self.check_room()
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
        # Runs on the executor, where an exception would vanish with its future: every
        # failure, finishing included, ends the job as failed with its reason, and is logged.
        try:
            self._update(job_id, save=True, status="running")
            outcome = self._runner.run(
                self._builder, submission, self._progress(job_id), self.brief_path(job_id)
            )
            # Uploads go before the job reads as ended: a client that sees "done" or
            # "failed" never finds them still on disk.
            self._drop_uploads(job_id)
            self._finish(job_id, outcome)
        except Exception as exc:
            LOG.exception("job %s failed while finishing", job_id)
            message = f"unexpected error while finishing: {type(exc).__name__}: {exc}"
            self._drop_uploads(job_id)
            try:
                self._fail(job_id, "internal_error", message)
            except Exception:  # job.json cannot be written: at least say it in memory
                LOG.exception("job %s: cannot save its failed state", job_id)
                self._update(job_id, status="failed", finished_at=now_iso(),
                             error=ErrorInfo(code="internal_error", message=message))  # fmt: skip
        finally:
            self._drop_uploads(job_id)

    def _drop_uploads(self, job_id: str) -> None:
        shutil.rmtree(self.folder(job_id) / "uploads", ignore_errors=True)

    def _fail(self, job_id: str, code: str, message: str, **extra: object) -> None:
        if code not in ("no_documents",):
            LOG.warning("job %s failed: %s: %s", job_id, code, message)
        error = ErrorInfo(code=code, message=message)
        self._update(
            job_id, save=True, status="failed", finished_at=now_iso(), error=error, **extra
        )

    def _finish(self, job_id: str, outcome: Outcome) -> None:
        if self._stopping and isinstance(outcome, Failed):
            # Killed by our own shutdown: what a restart would say of it, said now.
            self._fail(job_id, INTERRUPTED.code, INTERRUPTED.message)
            return
        if isinstance(outcome, Failed):
            self._fail(job_id, outcome.code, outcome.message)
            return
        assert isinstance(outcome, Built)
        facts = {"documents": outcome.documents, "skipped": outcome.skipped}
        if not outcome.documents:
            self._fail(
                job_id,
                "no_documents",
                "no usable documents: every input was skipped (reasons below)",
                **facts,
            )
            return
        self._update(
            job_id,
            save=True,
            status="done",
            finished_at=now_iso(),
            stage="done",
            stage_label=STAGE_LABELS["done"],
            percent=100,
            headline=outcome.headline,
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
            self._stopping = executor is not None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        self._runner.stop()
