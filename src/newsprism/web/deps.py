"""What a route needs from the app: its job manager, settings, story index, one job.

Shared by the API and the pages, below both of them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from fastapi import Request

from newsprism.web.errors import WebError
from newsprism.web.jobs import Job, JobManager
from newsprism.web.security import Throttle
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


def throttle_of(request: Request) -> Throttle:
    throttle: Throttle = request.app.state.throttle
    return throttle


class PageCache:
    """Rendered brief pages, newest kept, each under the stamp of what it was made from
    (the ``brief.json`` file's identity and modification time): rendering a brief of
    thousands of documents takes seconds, reading a kept page takes nothing."""

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._pages: OrderedDict[Hashable, tuple[Hashable, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, stamp: Hashable) -> str | None:
        with self._lock:
            found = self._pages.get(key)
            if found is None or found[0] != stamp:
                return None
            self._pages.move_to_end(key)
            return found[1]

    def put(self, key: Hashable, stamp: Hashable, page: str) -> None:
        with self._lock:
            self._pages[key] = (stamp, page)
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


def pages_of(request: Request) -> PageCache:
    cache: PageCache = request.app.state.pages
    return cache
