"""Errors of the web app: one shape everywhere, JSON for the API and a page for people.

Every error answer carries a stable ``code`` and a one-line ``message`` that
says what to do; the API returns ``{"code": …, "message": …}``, the pages
show the same message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism.web.templating import render_page

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
}


class WebError(HTTPException):
    """An error answer. A subclass of ``HTTPException`` so FastAPI passes it through
    unchanged even when it is raised while the request body is being parsed."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code
        self.message = message


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    if wants_json(request):
        return JSONResponse({"code": code, "message": message}, status, headers=headers)
    html = render_page(request, "error.html.j2", status=status, code=code, message=message)
    return HTMLResponse(html, status, headers=headers)


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for err in errors[:3]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def on_web_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, WebError)
    return error_response(request, exc.status_code, exc.code, exc.message, exc.headers)


def allowed_methods(request: Request) -> list[str]:
    """The documented methods of the API path requested (Starlette's own ``Allow`` names
    only the first route that matched the path, not all of them)."""
    for template, item in request.app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            return sorted(method.upper() for method in item)
    return []


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = _CODES.get(status, f"http_{status}")
    message = str(exc.detail) if exc.detail else code.replace("_", " ")
    headers = dict(getattr(exc, "headers", None) or {})
    if status == 400 and "exceeded maximum size" in message:
        # Starlette's own cap on one form field (1 MB) is a size problem: answer 413.
        status, code = 413, "too_large"
        message = f"a form field is too large ({message.rstrip('.')}): upload long texts as files"
    if status == 400 and message.startswith(("Too many files", "Too many fields")):
        # Starlette's own cap on parts (1,000) comes before ours: still a count problem.
        status, code = 422, "too_many_files" if "files" in message else "too_many_fields"
    if status == 404 and message == "Not Found":
        message = f"no such page: {request.url.path}"
    if status == 405:
        allowed = allowed_methods(request) or [
            m.strip() for m in headers.pop("Allow", "").split(",") if m.strip()
        ]
        headers = {k: v for k, v in headers.items() if k.lower() != "allow"}
        headers["allow"] = ", ".join(allowed)
        message = f"{request.method} is not allowed here: use {' or '.join(allowed)}"
    return error_response(request, status, code, message, headers)


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, 422, "invalid_request", _validation_message(list(exc.errors())))


async def on_unexpected(request: Request, exc: Exception) -> Response:
    name = type(exc).__name__
    message = f"internal error ({name}): please report it with the steps that led here"
    return error_response(request, 500, "internal_error", message)
