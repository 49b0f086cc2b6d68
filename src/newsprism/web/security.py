"""Everything between the socket and the routes: headers, host, origin, token, body size.

One pure ASGI middleware so each rule sees every request (static files and
error pages included) and can answer before a byte of the body is read.

- Content-Security-Policy on every answer: scripts only from this server's
  own files, never inline, so text that slipped through escaping still could
  not run. The brief page adds its own stricter policy on top.
- Host check (when the server is bound to loopback): a page on another site
  that rebinds its DNS name to 127.0.0.1 gets a 400, not the user's briefs.
- Origin check on POST: another site cannot make the user's browser submit a job.
- ``--token``: the API takes ``Authorization: Bearer T``; a browser logs in once
  with ``/login?token=T`` (or the login form) and gets an HttpOnly cookie that
  holds an HMAC of the token, not the token itself.
- Request bodies over ``max_request_bytes`` are refused with 413 up front when
  the length is declared, and as soon as they cross the limit when streamed.
- Wrong tokens are counted per client address: past ``token_guesses`` of them,
  each further guess must wait (429 with ``Retry-After``), twice as long each
  time, so a short token cannot be found by trying.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism.web.errors import WebError, error_response
from newsprism.web.settings import WebSettings
from newsprism.web.templating import page

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    # Not "no-referrer": with it a browser sends "Origin: null" on our own form posts.
    # Same-origin keeps article links from leaking the job address to other sites.
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
COOKIE = "newsprism_session"
# Reachable without the token: the login itself and the files the login page uses.
PUBLIC_PREFIXES = ("/login", "/static/", "/favicon.ico")
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class Throttle:
    """Failed token guesses per client: ``free`` of them cost nothing, then each
    further one locks the client out for 1, 2, 4 … seconds (at most ``longest``).
    A client's count is forgotten ``forget`` seconds after its last failure."""

    def __init__(
        self,
        free: int = 5,
        longest: float = 300.0,
        forget: float = 900.0,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free = free
        self.longest = longest
        self.forget = forget
        self.max_clients = max_clients
        self.clock = clock
        self._failures: dict[str, tuple[int, float]] = {}  # client -> (count, last failure)
        self._lock = threading.Lock()

    def _lockout(self, count: int) -> float:
        over = count - self.free
        return 0.0 if over < 0 else min(self.longest, 2.0**over)

    def wait(self, client: str) -> float:
        """Seconds ``client`` must wait before its next guess (0: it may guess now)."""
        now = self.clock()
        with self._lock:
            count, last = self._failures.get(client, (0, now))
            if now - last > self.forget:
                self._failures.pop(client, None)
                return 0.0
            return max(0.0, last + self._lockout(count) - now)

    def failed(self, client: str) -> None:
        now = self.clock()
        with self._lock:
            count, last = self._failures.get(client, (0, now))
            if now - last > self.forget:
                count = 0
            self._failures[client] = (count + 1, now)
            if len(self._failures) > self.max_clients:
                # Bounded memory: forget the client whose last failure is oldest.
                oldest = min(self._failures, key=lambda c: self._failures[c][1])
                self._failures.pop(oldest)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def throttled(request: Request, seconds: float) -> Response:
    wait = max(1, math.ceil(seconds))
    return error_response(
        request, 429, "too_many_guesses",
        f"too many wrong tokens from this address: wait {wait} s before trying again",
        headers={"retry-after": str(wait)},
    )  # fmt: skip


def session_value(token: str) -> str:
    """What the login cookie holds: proof of the token without the token itself."""
    return hmac.new(token.encode(), b"newsprism-session", hashlib.sha256).hexdigest()


def token_ok(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def authorized(request: Request, token: str) -> bool:
    """A bearer token in the header, or the login cookie."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token_ok(value.strip(), token):
        return True
    cookie = request.cookies.get(COOKIE)
    return cookie is not None and hmac.compare_digest(cookie, session_value(token))


def login_cookie(response: Response, token: str) -> None:
    response.set_cookie(COOKIE, session_value(token), httponly=True, samesite="lax", path="/")


def safe_next(target: str | None) -> str:
    """A local path to go to after login; anything else (``//evil``, ``https://…``) is ``/``."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def login_page(request: Request, status: int = 200, message: str | None = None) -> Response:
    """The login form, coming back to the page asked for once the token is right."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    nxt = safe_next(request.query_params.get("next") or target)
    return page(request, "login.html.j2", status, next=nxt, message=message)


def _host_name(host_header: str) -> str:
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """The ASGI middleware that applies the rules above."""

    def __init__(self, app: ASGIApp, settings: WebSettings, throttle: Throttle) -> None:
        self.app = app
        self.settings = settings
        self.throttle = throttle

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        request = Request(scope)
        refusal = self._refuse(request)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, self._limited(receive), send_with_headers)

    def _refuse(self, request: Request) -> Response | None:
        """The answer for a request that must not reach the app, or None."""
        s = self.settings
        if s.allowed_hosts is not None:
            host = _host_name(request.headers.get("host", ""))
            if host not in s.allowed_hosts:
                return error_response(
                    request, 400, "invalid_host",
                    f"this server answers to {', '.join(s.allowed_hosts)} only, not {host!r}",
                )  # fmt: skip
        if request.method in _UNSAFE:
            origin = request.headers.get("origin")
            if origin is not None and not self._same_origin(origin, request):
                return error_response(
                    request, 403, "cross_origin", "requests from other sites are refused"
                )
        if s.token is not None:
            refusal = self._check_token(request, s.token)
            if refusal is not None:
                return refusal
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > s.max_request_bytes:
            return error_response(request, 413, "too_large", self.too_large_message())
        return None

    @staticmethod
    def _same_origin(origin: str, request: Request) -> bool:
        host = request.headers.get("host", "")
        return origin.split("://", 1)[-1].rstrip("/").lower() == host.lower()

    def _check_token(self, request: Request, token: str) -> Response | None:
        path = request.url.path
        if path.startswith(PUBLIC_PREFIXES):
            return None
        scheme, _, bearer = request.headers.get("authorization", "").partition(" ")
        given = request.query_params.get("token")
        if given is None or request.method != "GET" or path.startswith("/api/"):
            given = bearer.strip() if scheme.lower() == "bearer" else None
        client = client_of(request)
        if given is not None:
            # Only a token presented counts as a guess; the cookie holds an HMAC, not one.
            wait = self.throttle.wait(client)
            if wait > 0:
                return throttled(request, wait)
            if token_ok(given, token):
                self.throttle.succeeded(client)
            else:
                self.throttle.failed(client)
        if authorized(request, token):
            return None
        given = request.query_params.get("token")
        if given is not None and request.method == "GET" and not path.startswith("/api/"):
            if not token_ok(given, token):
                return error_response(request, 401, "unauthorized", "wrong token")
            # Drop the token from the address so it stays out of history and logs.
            rest = [(k, v) for k, v in parse_qsl(request.url.query) if k != "token"]
            target = path + (f"?{urlencode(rest)}" if rest else "")
            response = RedirectResponse(target, status_code=303)
            login_cookie(response, token)
            return response
        if path.startswith("/api/"):
            return error_response(
                request, 401, "unauthorized",
                "this server needs a token: send the header 'Authorization: Bearer TOKEN'",
                headers={"www-authenticate": "Bearer"},
            )  # fmt: skip
        return login_page(request, status=401)

    def too_large_message(self) -> str:
        limit = self.settings.max_request_bytes
        return f"the request is larger than the server's limit of {limit // 1_000_000} MB"

    def _limited(self, receive: Receive) -> Callable[[], Awaitable[Message]]:
        limit = self.settings.max_request_bytes
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise WebError(413, "too_large", self.too_large_message())
            return message

        return counted
