"""The FastAPI application factory and the ``newsprism serve`` entry point."""

from __future__ import annotations

import ipaddress
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism.version import __version__
from newsprism.web.api import router as api_router
from newsprism.web.deps import PageCache
from newsprism.web.errors import (
    WebError,
    on_http_error,
    on_unexpected,
    on_validation_error,
    on_web_error,
)
from newsprism.web.inputs import build_brief, pipeline_options
from newsprism.web.jobs import Builder, JobManager
from newsprism.web.pages import router as pages_router
from newsprism.web.protocol import protocol_with_timeout
from newsprism.web.runner import Runner
from newsprism.web.security import Guard, Throttle
from newsprism.web.settings import LOOPBACK_HOSTS, WebSettings
from newsprism.web.stories import StoryIndex

DESCRIPTION = (
    "Submit news articles (files, pasted text or URLs), follow the job, fetch the "
    "cross-checked brief (schema newsprism.brief/1). Errors are JSON objects with a "
    "stable `code` and a `message`."
)


def default_builder(settings: WebSettings) -> Builder:
    """Jobs run the library pipeline with the server's limits and URL policy."""
    options = pipeline_options(settings.max_file_bytes, settings.url_timeout)
    return partial(build_brief, options=options, allow_private_urls=settings.allow_private_urls)


def load_models() -> None:
    """The spaCy model and the sentence embedder (single-threaded onnxruntime, so a
    forked job process can use the copy it inherits)."""
    from newsprism.embed import load_embedder
    from newsprism.nlp import load_model

    load_model()
    load_embedder()


def create_app(settings: WebSettings | None = None, builder: Builder | None = None) -> FastAPI:
    """The web app: pages, ``/api/v1`` and static files behind the security middleware.

    ``builder`` turns a submission into a ``Brief``; tests pass a fast stand-in.
    """
    settings = settings or WebSettings()
    # The store is checked first: a wrong --db must not leave an empty jobs folder behind.
    stories = StoryIndex(settings.db) if settings.db is not None else None
    runner = Runner(
        isolate=settings.isolate_jobs,
        memory_bytes=settings.job_memory_bytes,
        timeout=settings.job_timeout,
    )
    manager = JobManager(
        settings.jobs_dir,
        builder or default_builder(settings),
        runner=runner,
        max_queued=settings.max_queued_jobs,
    )
    throttle = Throttle(free=settings.token_guesses)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if builder is None:
            # The models take seconds to load: do it now, not in the first user's job.
            # Jobs run in processes forked from this one, so they start with both loaded.
            manager.warm(load_models)
        yield
        manager.shutdown()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        # The stock docs pages load script from a CDN; /api/v1/docs is rendered here instead.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.jobs = manager
    app.state.stories = stories
    app.state.throttle = throttle
    app.state.pages = PageCache()
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(packages=[("newsprism.web", "static")]), name="static")
    app.add_exception_handler(WebError, on_web_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)
    app.add_middleware(Guard, settings=settings, throttle=throttle)
    return app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(settings: WebSettings, host: str) -> str | None:
    """The warning for a server other machines can reach with no token, or None."""
    if is_loopback(host) or settings.token is not None:
        return None
    return (
        f"warning: listening on {host} without --token: anyone who can reach this "
        "machine can submit jobs and read every brief; set --token (or NEWSPRISM_TOKEN)"
    )


def raise_file_limit(most: int = 65_536) -> None:
    """Lift the soft limit on open files toward the hard one: each connection holds one,
    and the common default of 1,024 is few for a server on a network."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        target = most if hard == resource.RLIM_INFINITY else min(hard, most)
        if soft != resource.RLIM_INFINITY and soft < target:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ImportError, ValueError, OSError):
        return  # not on this platform, or not allowed: keep the limit there is


def serve(settings: WebSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    if settings.allowed_hosts is None and is_loopback(host):
        from dataclasses import replace

        settings = replace(settings, allowed_hosts=LOOPBACK_HOSTS)
    app = create_app(settings)
    raise_file_limit()
    warning = exposure_warning(settings, host)
    if warning is not None:
        print(warning, file=sys.stderr, flush=True)
        logging.getLogger("newsprism.web").warning(warning)
    shown = f"[{host}]" if ":" in host else host
    print(f"newsprism {__version__}: http://{shown}:{port}/ (Ctrl+C stops)", flush=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        http=protocol_with_timeout(settings.header_timeout),
        timeout_keep_alive=5,
    )
