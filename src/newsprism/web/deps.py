"""What a route needs from the app: its job manager, settings, story index, one job.

Shared by the API and the pages, below both of them.
"""

from __future__ import annotations

from fastapi import Request

from newsprism.web.errors import WebError
from newsprism.web.jobs import Job, JobManager
from newsprism.web.settings import WebSettings
from newsprism.web.stories import StoryIndex


def jobs_of(request: Request) -> JobManager:
    manager: JobManager = request.app.state.jobs
    return manager


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def find_job(request: Request, job_id: str) -> Job:
    job = jobs_of(request).get(job_id)
    if job is None:
        raise WebError(404, "job_not_found", f"no job {job_id!r} on this server")
    return job


def stories_of(request: Request) -> StoryIndex:
    index: StoryIndex | None = request.app.state.stories
    if index is None:
        raise WebError(
            404, "no_store", "this server has no corpus store: start it with --db corpus.duckdb"
        )
    return index
