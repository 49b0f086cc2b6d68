"""Ingest: URLs and feeds against a local HTTP server on 127.0.0.1 (no network)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.ingest.options import USER_AGENT
from newsprism.models import RawDocument, Skipped

PAGE = "<!doctype html><html><body><p>The council approved the new tram line.</p></body></html>"
SEEN_AGENTS: list[str] = []


def _feed(base: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {n}</title><link>{link}</link>"
        f"<pubDate>Tue, 05 Mar 2024 09:00:00 +0100</pubDate>"
        f"<author>desk@example.org (Mara Olsen)</author></item>"
        for n, link in enumerate(links, start=1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Local desk</title><link>{base}/</link>{items}</channel></rss>"
    )


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None

    def _send(self, status: int, body: bytes, ctype: str | None, **headers: str) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        base = f"http://{self.headers['Host']}"
        path = self.path
        if path in ("/article.html", "/a1.html", "/a2.html"):
            self._send(200, PAGE.encode(), "text/html; charset=utf-8")
        elif path == "/latin1.html":
            body = "<html><body><p>Caf\xe9 cr\xe8me.</p></body></html>".encode("latin-1")
            self._send(200, body, "text/html; charset=iso-8859-1")
        elif path == "/plain":
            self._send(200, b"Just some plain words about trams.", "text/plain")
        elif path == "/untyped":
            self._send(200, PAGE.encode(), None)
        elif path == "/redirect":
            self._send(302, b"", "text/html", Location="/article.html")
        elif path == "/loop":
            self._send(302, b"", "text/html", Location="/loop")
        elif path == "/to-ftp":
            self._send(302, b"", "text/html", Location="ftp://files.example/x")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        elif path == "/fake.html":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "text/html")
        elif path == "/empty":
            self._send(200, b"  \n", "text/html")
        elif path == "/big-declared":
            self._send(200, b"", "text/html", length="60000000")
        elif path == "/big-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: HTTP/1.0 style, ends at close
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>" + b"x" * 100_000 + b"</p>")
            except OSError:
                pass
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"<p>drip</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path == "/feed.xml":
            links = [f"{base}/a1.html", "/a2.html", f"{base}/missing", f"{base}/a1.html"]
            self._send(200, _feed(base, links).encode(), "application/rss+xml")
        elif path == "/feed-as-xml":
            self._send(200, _feed(base, [f"{base}/a1.html"]).encode(), "text/xml")
        elif path == "/nested-feed.xml":
            self._send(200, _feed(base, [f"{base}/feed.xml"]).encode(), "application/rss+xml")
        elif path == "/records.json":
            body = json.dumps({"articles": [{"title": "Tram", "text": "Trams return."}]})
            self._send(200, body.encode(), "application/json")
        else:
            self._send(404, b"<html>not here</html>", "text/html")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)


def _run(*inputs: str, **options: object) -> list[RawDocument | Skipped]:
    return list(iter_inputs(list(inputs), IngestOptions(**options)))  # type: ignore[arg-type]


def _reason(item: RawDocument | Skipped) -> str:
    assert isinstance(item, Skipped), item
    return item.reason


def test_ingest_fetches_html_page_with_user_agent(server: str) -> None:
    SEEN_AGENTS.clear()
    url = f"{server}/article.html"
    assert _run(url) == [RawDocument(input=url, content=PAGE, kind="html", url=url)]
    assert SEEN_AGENTS == [USER_AGENT]
    assert USER_AGENT.startswith("newsprism/")


def test_ingest_follows_redirect_and_keeps_input(server: str) -> None:
    [doc] = _run(f"{server}/redirect")
    assert isinstance(doc, RawDocument)
    assert (doc.input, doc.url) == (f"{server}/redirect", f"{server}/article.html")


def test_ingest_url_content_types_and_charsets(server: str) -> None:
    latin, plain, untyped, records = _run(
        f"{server}/latin1.html", f"{server}/plain", f"{server}/untyped", f"{server}/records.json"
    )
    assert isinstance(latin, RawDocument) and "Café crème." in latin.content
    assert isinstance(plain, RawDocument) and plain.kind == "text"
    assert isinstance(untyped, RawDocument) and untyped.kind == "html"
    assert isinstance(records, RawDocument)
    assert (records.input, records.title) == (f"{server}/records.json#1", "Tram")


def test_ingest_url_errors_are_one_line_reasons(server: str) -> None:
    items = _run(
        f"{server}/missing",
        f"{server}/loop",
        f"{server}/image.png",
        f"{server}/fake.html",
        f"{server}/empty",
        f"{server}/to-ftp",
        f"{server}/article.html",
    )
    reasons = [_reason(i) for i in items[:-1]]
    assert reasons[:5] == [
        "HTTP 404 Not Found",
        "too many redirects (more than 5)",
        "unsupported content type image/png",
        "binary file (PNG image), not text",
        "empty response",
    ]
    assert reasons[5].startswith("redirected to an unsupported URL")
    assert isinstance(items[-1], RawDocument)


def test_ingest_url_size_limit(server: str) -> None:
    declared, streamed = _run(
        f"{server}/big-declared", f"{server}/big-streamed", max_bytes=1_000_000
    )
    assert _reason(declared) == "too large: 60.0 MB exceeds the 1.0 MB limit (--max-bytes)"
    assert _reason(streamed) == "too large: more than the 1.0 MB limit (--max-bytes)"


def test_ingest_url_total_timeout(server: str) -> None:
    start = time.perf_counter()
    [item] = _run(f"{server}/slow", timeout=0.5)
    assert _reason(item) == "timed out after 0.5 s (--timeout)"
    assert time.perf_counter() - start < 3


def test_ingest_cannot_connect() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    [item] = _run(f"http://127.0.0.1:{port}/x")
    assert _reason(item).startswith("cannot connect: ")
    assert "\n" not in _reason(item)


def test_ingest_unsupported_url_schemes() -> None:
    items = _run("ftp://files.example/a.txt", "file:///etc/hosts", "javascript:alert(1)", "http://")
    assert [_reason(i) for i in items] == [
        "unsupported URL scheme 'ftp:' (only http:// and https:// are fetched)",
        "unsupported URL scheme 'file:' (only http:// and https:// are fetched)"
        ": give the path instead",
        "unsupported URL scheme 'javascript:' (only http:// and https:// are fetched)",
        "invalid URL: no host name",
    ]


def test_ingest_feed_url_fetches_entry_pages(server: str) -> None:
    feed = f"{server}/feed.xml"
    items = _run(feed)
    assert [i.input for i in items] == [
        f"{server}/a1.html",
        f"{server}/a2.html",
        f"{server}/missing",
        f"{feed}#4",
    ]
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.content == PAGE
    assert first.title == "Story 1"
    assert first.published == "Tue, 05 Mar 2024 09:00:00 +0100"
    assert first.authors == ["Mara Olsen"]
    assert isinstance(items[1], RawDocument)  # relative link resolved against the feed URL
    assert _reason(items[2]) == "HTTP 404 Not Found"
    assert _reason(items[3]) == f"{server}/a1.html is listed twice in the feed"


def test_ingest_feed_limit_and_sniffed_xml_feed(server: str) -> None:
    items = _run(f"{server}/feed.xml", max_feed_items=1)
    assert [i.input for i in items] == [f"{server}/a1.html", f"{server}/feed.xml"]
    assert _reason(items[1]) == "3 of 4 feed entries not read: the limit is 1 (--max-feed-items)"
    [doc] = _run(f"{server}/feed-as-xml")
    assert isinstance(doc, RawDocument) and doc.url == f"{server}/a1.html"
    [nested] = _run(f"{server}/nested-feed.xml")
    assert _reason(nested) == "the feed entry links to another feed, which is not followed"


def test_ingest_local_feed_file(server: str, tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(_feed(server, [f"{server}/a2.html", "ftp://x.example/y"]), encoding="utf-8")
    items = _run(str(path))
    assert isinstance(items[0], RawDocument) and items[0].url == f"{server}/a2.html"
    assert _reason(items[1]).startswith("unsupported URL scheme 'ftp:'")
    broken = tmp_path / "broken.rss"
    broken.write_text("<rss><channel><title>x</title></channel></rss>", encoding="utf-8")
    assert _run(str(broken)) == [Skipped(input=str(broken), reason="feed has no entries")]
