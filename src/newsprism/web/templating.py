"""The app's Jinja environment and page rendering: the bottom layer of the web package.

Error answers, the login page and every route render through here, so this
module imports nothing else from ``newsprism.web`` and all of them can use it.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsprism.version import __version__

ENV = Environment(
    loader=PackageLoader("newsprism.web", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_page(request: Request, name: str, **context: Any) -> str:
    settings = request.app.state.settings
    return ENV.get_template(name).render(
        version=__version__,
        has_db=settings.db is not None,
        path=request.url.path,
        **context,
    )


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render_page(request, name, **context), status)
