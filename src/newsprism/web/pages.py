"""Server-rendered pages: start (upload, paste), job progress, the brief, login, API docs.

Jinja autoescapes every value; the only HTML not built by a template is the
brief itself, rendered by ``newsprism.render`` (which escapes article text)
and served as is with a navigation bar added on top. Pages work without
script; two small files from ``/static`` add drag and drop and live progress.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable, Hashable
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsprism.models import Brief
from newsprism.render import render_html
from newsprism.web.deps import (
    find_job,
    jobs_of,
    pages_of,
    settings_of,
    stories_of,
    throttle_of,
)
from newsprism.web.security import (
    client_of,
    login_cookie,
    login_page,
    safe_next,
    throttled,
    token_ok,
)
from newsprism.web.submit import create_job
from newsprism.web.templating import ENV as _ENV
from newsprism.web.templating import page, render_page

router = APIRouter(include_in_schema=False)

_TOC = re.compile(r'<nav class="toc"[^>]*>(.*?)</nav>', re.S)
_TOC_LINK = re.compile(r'<a href="#([A-Za-z0-9_-]+)">([^<]*)</a>')


def brief_sections(brief_html: str) -> list[tuple[str, str]]:
    """The section links of a rendered brief, taken from its own table of contents."""
    toc = _TOC.search(brief_html)
    if toc is None:
        return []
    return [(a, _html.unescape(t)) for a, t in _TOC_LINK.findall(toc.group(1))]


def with_app_bar(brief_html: str, bar: str, style: str) -> str:
    """The brief page with the app's sticky navigation bar as the first thing in ``body``."""
    out = brief_html.replace("</head>", f"<style>\n{style}</style>\n</head>", 1)
    return out.replace("<body>", f"<body>\n{bar}", 1)


def brief_response(
    request: Request, load: Callable[[], Brief], item_id: str, kind: str, stamp: Hashable
) -> HTMLResponse:
    """A brief as the reader sees it: ``render_html`` with the app's bar on top, rendered
    once per ``stamp`` (the version of what ``load`` reads) and then served from the cache."""
    cache = pages_of(request)
    key = (kind, item_id)
    if stamp is not None:
        kept = cache.get(key, stamp)
        if kept is not None:
            return HTMLResponse(kept)
    brief_html = render_html(load())
    collection = "jobs" if kind == "job" else "stories"
    json_url = f"/api/v1/{collection}/{item_id}/brief"
    bar = render_page(
        request,
        "_brief_bar.html.j2",
        sections=brief_sections(brief_html),
        json_url=json_url,
        back=("/stories", "All stories") if kind == "story" else ("/", "New brief"),
    )
    style = _ENV.get_template("_brief_bar.css").render()
    page_html = with_app_bar(brief_html, bar, style)
    if stamp is not None:
        cache.put(key, stamp, page_html)
    return HTMLResponse(page_html)


# ---------------------------------------------------------------------- routes


@router.get("/", response_class=HTMLResponse)
def start(request: Request) -> HTMLResponse:
    settings = settings_of(request)
    return page(
        request,
        "start.html.j2",
        jobs=jobs_of(request).recent(10),
        settings=settings,
        max_mb=settings.max_file_bytes / 1_000_000,
    )


@router.post("/jobs")
async def submit(
    request: Request,
    files: Annotated[list[UploadFile] | None, File()] = None,
    text: Annotated[list[str] | None, Form()] = None,
    urls: Annotated[list[str] | None, Form()] = None,
) -> Response:
    job = await create_job(jobs_of(request), settings_of(request), files, text, urls)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> Response:
    job = find_job(request, job_id)
    if job.status == "done":
        return RedirectResponse(f"/jobs/{job_id}/brief", status_code=303)
    return page(request, "job.html.j2", job=job)


@router.get("/jobs/{job_id}/brief", response_class=HTMLResponse)
def brief_page(request: Request, job_id: str) -> Response:
    job = find_job(request, job_id)
    if job.status != "done":
        return RedirectResponse(f"/jobs/{job_id}", status_code=303)
    manager = jobs_of(request)
    # A stamp taken before reading: a file rewritten meanwhile is rendered again next time.
    stamp = manager.brief_stamp(job_id)
    return brief_response(request, lambda: manager.load_brief(job_id), job.id, "job", stamp)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, q: str = "") -> HTMLResponse:
    found = stories_of(request).search(q, 200)
    return page(request, "stories.html.j2", found=found, store=stories_of(request).path.name)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    index = stories_of(request)
    # A story id is a hash of its documents: the same id always briefs the same texts.
    stamp = (str(index.path), story_id)
    return brief_response(request, lambda: index.brief(story_id), story_id, "story", stamp)


@router.get("/favicon.ico")
def favicon() -> Response:
    # Browsers ask for it on every page; an empty answer beats a 404 in the console.
    return Response(status_code=204)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return login_page(request)


@router.post("/login")
def login(
    request: Request,
    token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    expected = settings_of(request).token
    if expected is None:
        return RedirectResponse(safe_next(next), status_code=303)
    throttle, client = throttle_of(request), client_of(request)
    wait = throttle.wait(client)
    if wait > 0:
        return throttled(request, wait)
    if not token_ok(token, expected):
        throttle.failed(client)
        return page(request, "login.html.j2", 401, next=safe_next(next), message="wrong token")
    throttle.succeeded(client)
    response = RedirectResponse(safe_next(next), status_code=303)
    login_cookie(response, expected)
    return response


@router.get("/api/v1/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    operations = [
        (path, method.upper(), op)
        for path, item in schema.get("paths", {}).items()
        for method, op in item.items()
    ]
    return page(request, "api_docs.html.j2", operations=operations, schema=schema)
