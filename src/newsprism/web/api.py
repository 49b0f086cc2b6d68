"""The JSON API under ``/api/v1``: submit a job, poll it, fetch its brief, list stories.

Errors are always ``{"code": …, "message": …}`` with a fitting status. The
schema is at ``/api/v1/openapi.json`` and readable at ``/api/v1/docs``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from newsprism.models import Brief
from newsprism.web.deps import find_job, jobs_of, settings_of, stories_of
from newsprism.web.errors import WebError
from newsprism.web.jobs import ErrorInfo, Job
from newsprism.web.stories import MAX_LIMIT, StoryList
from newsprism.web.submit import create_job

router = APIRouter(prefix="/api/v1", tags=["jobs"])
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorInfo} for status in statuses}





@router.post(
    "/jobs",
    status_code=202,
    response_model=Job,
    responses=_errors(400, 401, 403, 413, 415, 422, 429),
    summary="Submit a job",
)
async def submit_job(
    request: Request,
    files: Annotated[
        list[UploadFile] | None,
        File(description="Article files: .txt, .md, .html, .json, .jsonl, .warc(.gz), feeds."),
    ] = None,
    text: Annotated[
        list[str] | None, Form(description="Pasted article text; repeat for several articles.")
    ] = None,
    urls: Annotated[
        list[str] | None, Form(description="http(s) URLs, one per line (or repeat the field).")
    ] = None,
) -> Job:
    """Queue a brief of the uploaded files, pasted texts and URLs (multipart or form data).

    The answer is the new job (status ``queued``); poll ``GET /api/v1/jobs/{id}``
    until it is ``done`` or ``failed``. Unusable inputs do not fail the job: they
    are listed under ``skipped`` with a reason.
    """
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in FORM_TYPES:
        raise WebError(
            415, "unsupported_media_type",
            "send the job as multipart/form-data (files, text, urls) or as a url-encoded form",
        )  # fmt: skip
    return await create_job(jobs_of(request), settings_of(request), files, text, urls)


@router.get("/jobs", response_model=list[Job], responses=_errors(401), summary="Recent jobs")
def list_jobs(request: Request) -> list[Job]:
    """The most recent jobs on this server, newest first (at most 50)."""
    return jobs_of(request).recent(50)


@router.get("/jobs/{job_id}", response_model=Job, responses=_errors(401, 404), summary="Job status")
def get_job(request: Request, job_id: str) -> Job:
    """Status, progress and, once finished, the skipped inputs or the error of one job."""
    return find_job(request, job_id)


@router.get(
    "/jobs/{job_id}/brief",
    response_class=Response,
    responses={
        200: {"model": Brief, "description": "The brief (schema newsprism.brief/1)."},
        **_errors(401, 404, 409, 429),
    },
    summary="The brief of a finished job",
)
def get_brief(request: Request, job_id: str) -> Response:
    """The brief JSON of a ``done`` job, byte for byte the ``brief.json`` the CLI writes."""
    job = find_job(request, job_id)
    if job.status == "failed":
        message = job.error.message if job.error else "the job failed"
        raise WebError(409, "job_failed", f"job {job_id} failed: {message}")
    if job.status != "done":
        raise WebError(
            409, "job_not_done",
            f"job {job_id} is still {job.status}: poll GET /api/v1/jobs/{job_id}",
        )  # fmt: skip
    # Checked to be a valid brief (once per version of the file): a damaged file is a
    # failed job with its reason, never bytes served as if they were the brief.
    return Response(jobs_of(request).brief_bytes(job_id), media_type="application/json")



@router.get(
    "/stories",
    response_model=StoryList,
    responses=_errors(401, 404, 503),
    tags=["stories"],
    summary="Search the stories of the corpus store",
)
def list_stories(
    request: Request,
    q: Annotated[str, Query(max_length=200, description="Words in a title, outlet or text.")] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> StoryList:
    """Stories clustered by ``newsprism stories --db`` (servers started with ``--db``),
    newest first; with ``q``, those whose title or a document's title, outlet or text
    contains it."""
    return stories_of(request).search(q, limit)


@router.get(
    "/stories/{story_id}/brief",
    response_class=Response,
    responses={
        200: {"model": Brief, "description": "The brief of the story's documents."},
        **_errors(401, 404, 503),
    },
    tags=["stories"],
    summary="The brief of one story",
)
def story_brief(request: Request, story_id: str) -> Response:
    """The brief JSON of one story, as ``newsprism stories --brief`` writes it."""
    from newsprism.render import render_json

    brief = stories_of(request).brief(story_id)
    return Response(render_json(brief), media_type="application/json")
