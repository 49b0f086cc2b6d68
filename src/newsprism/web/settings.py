"""What one ``newsprism serve`` instance allows: limits, where jobs live, who may use it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Host names a loopback-bound server answers to. Anything else reaching a
# 127.0.0.1 server is a DNS-rebinding page in the user's browser, not the user.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass(frozen=True)
class WebSettings:
    """Knobs of the web app; the defaults suit one person on a laptop."""

    jobs_dir: Path = Path("newsprism-jobs")
    db: Path | None = None
    # Bearer token for the API and the pages; None leaves the app open (loopback only).
    token: str | None = None
    # Fetching localhost or 10.x from a web form is how an app gets turned against
    # its own network, so it is off unless the operator says otherwise.
    allow_private_urls: bool = False
    max_files: int = 100
    max_file_bytes: int = 5_000_000
    max_request_bytes: int = 100_000_000
    max_urls: int = 100
    # Starlette refuses form fields over 1 MB before we see them; this stays below that
    # for any UTF-8 text, so a long paste gets our 413, and it is far beyond any article.
    max_text_chars: int = 250_000
    url_timeout: float = 20.0
    # None accepts any Host header (a server bound to 0.0.0.0 behind a proxy).
    allowed_hosts: tuple[str, ...] | None = None
    # Jobs waiting for the worker; one more is refused with 429 (None: no cap).
    max_queued_jobs: int | None = 20
    # Each job runs in a child process whose address space may grow by this much
    # (None: no cap); a document that needs more fails its job, not the server.
    job_memory_bytes: int | None = 4_000_000_000
    isolate_jobs: bool = True
    # Seconds a job may run before it is stopped (isolated jobs only; None: no limit).
    job_timeout: float | None = 3600.0
    # Seconds a client may take to send a request's headers before it is cut off:
    # idle or trickling connections would otherwise hold a file descriptor each.
    header_timeout: float = 10.0
    # Wrong tokens one client may send before each further guess must wait (429).
    token_guesses: int = 5
