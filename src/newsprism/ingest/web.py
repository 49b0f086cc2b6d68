"""Fetching http(s) URLs: redirects, timeouts, a byte cap, content types, one-line errors.

One ``Fetcher`` serves a whole ``iter_inputs`` call so connections are reused;
its client is created on first use, so runs without URLs never touch httpx.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from newsprism.errors import SkipDocument
from newsprism.ingest.decode import (
    HEAD_BYTES,
    check_binary,
    decode,
    looks_like_feed,
    looks_like_html,
    too_large,
)
from newsprism.models import RawDocument

if TYPE_CHECKING:
    from newsprism.ingest.options import IngestOptions

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
)
XML_TYPES = frozenset({"application/xml", "text/xml"})
JSON_TYPES = frozenset({"application/json"})
# Servers that do not know what they send say octet-stream; we sniff those.
_UNKNOWN_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_ACCEPTED = HTML_TYPES | TEXT_TYPES | FEED_TYPES | XML_TYPES | JSON_TYPES | _UNKNOWN_TYPES

_ACCEPT_HEADER = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.7,*/*;q=0.5"
)
_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")


@dataclass
class Meta:
    """Metadata a container states about a document (a feed entry's title, date, authors)."""

    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None


@dataclass(frozen=True)
class Fetched:
    """A successful response: the final URL after redirects and the (capped) body."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


def check_url(url: str) -> None:
    """Raise a skip unless ``url`` is an http(s) URL with a host."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        hint = ": give the path instead" if scheme == "file" else ""
        raise SkipDocument(
            f"unsupported URL scheme '{scheme}:' (only http:// and https:// are fetched){hint}"
        )
    if not parts.hostname:
        raise SkipDocument("invalid URL: no host name")


def _short(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = _ERRNO.sub("", lines[0]) if lines else ""
    return (text or type(exc).__name__)[:160]


class Fetcher:
    """Downloads URLs under the limits in ``IngestOptions``; each failure is a ``SkipDocument``."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self._client: httpx.Client | None = None

    def _get_client(self) -> httpx.Client:
        if self._client is None:
            opts = self.options
            self._client = httpx.Client(
                timeout=httpx.Timeout(opts.timeout),
                follow_redirects=True,
                max_redirects=opts.max_redirects,
                headers={"User-Agent": opts.user_agent, "Accept": _ACCEPT_HEADER},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> Fetched:
        """GET ``url``; the body is read only up to ``max_bytes`` and within ``timeout`` seconds."""
        check_url(url)
        opts = self.options
        try:
            return self._fetch(url)
        except httpx.TooManyRedirects:
            raise SkipDocument(f"too many redirects (more than {opts.max_redirects})") from None
        except httpx.TimeoutException:
            raise SkipDocument(f"timed out after {opts.timeout:g} s (--timeout)") from None
        except httpx.ConnectError as exc:
            raise SkipDocument(f"cannot connect: {_short(exc)}") from None
        except httpx.UnsupportedProtocol as exc:
            raise SkipDocument(f"redirected to an unsupported URL: {_short(exc)}") from None
        except httpx.DecodingError:
            raise SkipDocument(
                "download failed: the server sent a broken compressed body"
            ) from None
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            raise SkipDocument(f"download failed: {_short(exc)}") from None

    def _fetch(self, url: str) -> Fetched:
        opts = self.options
        deadline = time.monotonic() + opts.timeout
        with self._get_client().stream("GET", url) as resp:
            if not 200 <= resp.status_code < 300:
                raise SkipDocument(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            media, charset = _content_type(resp.headers.get("content-type", ""))
            # Checked before the body is read: no point downloading a PDF or a video.
            if media not in _ACCEPTED:
                raise SkipDocument(f"unsupported content type {media}")
            length = resp.headers.get("content-length", "")
            if length.isdigit() and int(length) > opts.max_bytes:
                raise too_large(int(length), opts.max_bytes)
            chunks: list[bytes] = []
            size = 0
            # iter_bytes yields decompressed bytes, so the cap also stops gzip bombs.
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > opts.max_bytes:
                    raise too_large(None, opts.max_bytes)
                if time.monotonic() > deadline:
                    # A server dripping bytes never trips the per-read timeout.
                    raise SkipDocument(f"timed out after {opts.timeout:g} s (--timeout)")
                chunks.append(chunk)
            return Fetched(str(resp.url), media, charset, b"".join(chunks))


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset


def sniff_head(body: bytes) -> str:
    """The start of ``body`` as text good enough to spot tags (ASCII-compatible encodings)."""
    return body[:HEAD_BYTES].removeprefix(b"\xef\xbb\xbf").decode("latin-1")


def is_feed(fetched: Fetched) -> bool:
    """True for an RSS/Atom/RDF response, by content type or, for generic XML, by its start."""
    if fetched.content_type in FEED_TYPES:
        return True
    if fetched.content_type in HTML_TYPES or fetched.content_type in JSON_TYPES:
        return False
    return looks_like_feed(sniff_head(fetched.body))


def is_json(fetched: Fetched) -> bool:
    """True for a JSON or JSON Lines response."""
    return fetched.content_type in JSON_TYPES


def page_document(fetched: Fetched, input_name: str, meta: Meta | None = None) -> RawDocument:
    """A fetched HTML or text page as a ``RawDocument``; a skip for binary or empty bodies."""
    check_binary(fetched.body[:HEAD_BYTES])
    text = decode(fetched.body, declared=fetched.charset, what="response")
    if fetched.content_type in XML_TYPES and not looks_like_html(text):
        raise SkipDocument(f"unsupported content type {fetched.content_type} (not HTML or a feed)")
    html = fetched.content_type in HTML_TYPES or looks_like_html(text)
    meta = meta or Meta()
    return RawDocument(
        input=input_name,
        content=text,
        kind="html" if html else "text",
        url=fetched.url,
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published,
        authors=list(meta.authors),
    )
