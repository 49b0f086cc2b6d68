"""URL fetching from the web app: public addresses only, unless --allow-private-urls.

Every server here listens on 127.0.0.1/127.0.0.2 (loopback): nothing leaves the machine.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from newsprism.ingest import IngestOptions
from newsprism.models import RawDocument, Skipped
from newsprism.web import fetch
from newsprism.web.fetch import PublicOnlyFetcher, is_public, iter_url
from web_support import run_job, web_client

ARTICLE = (
    "<!doctype html><html><head><title>Tram line approved</title></head><body><article>"
    "<h1>Tram line approved</h1><p>The city council in Brenmoor approved the new tram line "
    "on Thursday by 31 votes to 12, the mayor said.</p><p>Construction is to start in "
    "spring and take three years, according to the transport office.</p></article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None

    def do_GET(self) -> None:
        if self.path == "/article.html":
            body = ARTICLE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.startswith("/go?"):
            self.send_response(302)
            self.send_header("Location", self.path.split("?", 1)[1])
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


def _serve(host: str) -> Iterator[str]:
    server = ThreadingHTTPServer((host, 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def site() -> Iterator[str]:
    yield from _serve("127.0.0.1")


@pytest.fixture()
def other_site() -> Iterator[str]:
    yield from _serve("127.0.0.2")


def _items(url: str, fetcher: fetch.Fetcher) -> list[RawDocument | Skipped]:
    try:
        return list(iter_url(url, fetcher))
    finally:
        fetcher.close()


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.9", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("224.0.0.1", False),
        # IPv6 forms that carry an IPv4 address: judged on the address inside.
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254
        ("64:ff9b::7f00:1", False),  # NAT64 of 127.0.0.1
        ("64:ff9b:1::a9fe:a9fe", False),  # local-use NAT64
        ("2002:a9fe:a9fe::1", False),  # 6to4 of 169.254.169.254
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
        ("::127.0.0.1", False),  # IPv4-compatible
        ("::10.0.0.1", False),
        ("::ffff:169.254.169.254", False),
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", False),  # Teredo, client 127.0.0.1
        ("93.184.216.34", True),
        ("64:ff9b::5db8:d822", True),  # NAT64 of a public address stays reachable
        ("2002:5db8:d822::1", True),  # 6to4 of a public address
        ("2606:4700:4700::1111", True),
    ],
)
def test_web_fetch_public_addresses(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def test_web_fetch_refuses_loopback_by_name_and_number(site: str) -> None:
    port = site.rsplit(":", 1)[1]
    for url in (f"{site}/article.html", f"http://localhost:{port}/article.html"):
        items = _items(url, PublicOnlyFetcher(IngestOptions(timeout=5)))
        assert len(items) == 1 and isinstance(items[0], Skipped)
        assert "private or loopback address" in items[0].reason
        assert "--allow-private-urls" in items[0].reason


def test_web_fetch_allows_private_when_told(site: str) -> None:
    fetcher = fetch.make_fetcher(IngestOptions(timeout=5), allow_private=True)
    items = _items(f"{site}/article.html", fetcher)
    assert len(items) == 1 and isinstance(items[0], RawDocument)
    assert "tram line" in items[0].content


def test_web_fetch_guard_applies_to_every_redirect_hop(
    site: str, other_site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend 127.0.0.1 is the public internet: its redirect to 127.0.0.2 must still be
    # refused at connection time, which no up-front check of the first URL could do.
    monkeypatch.setattr(fetch, "is_public", lambda ip: str(ip) == "127.0.0.1")
    fetcher = PublicOnlyFetcher(IngestOptions(timeout=5))
    direct = _items(f"{site}/article.html", PublicOnlyFetcher(IngestOptions(timeout=5)))
    assert isinstance(direct[0], RawDocument)
    redirected = _items(f"{site}/go?{other_site}/article.html", fetcher)
    assert isinstance(redirected[0], Skipped)
    assert "127.0.0.2" in redirected[0].reason


def test_web_fetch_ignores_proxy_settings(monkeypatch: pytest.MonkeyPatch, site: str) -> None:
    # A proxy would resolve names on our behalf, past the guard.
    monkeypatch.setenv("HTTP_PROXY", site)
    fetcher = PublicOnlyFetcher(IngestOptions(timeout=5))
    client = fetcher._get_client()
    assert client._mounts == {}  # no proxy transports mounted from the environment
    fetcher.close()


def test_web_job_fetches_local_server_only_with_allow_private(tmp_path: Path, site: str) -> None:
    url = f"{site}/article.html"
    with web_client(tmp_path / "closed", builder=None) as client:
        job = run_job(client, urls=url)
        assert job["status"] == "failed"
        assert "private or loopback" in job["skipped"][0]["reason"]
    with web_client(tmp_path / "open", builder=None, allow_private_urls=True) as client:
        job = run_job(client, urls=f"{url}\n{site}/missing.html", timeout=120)
        assert job["status"] == "done", job
        assert job["documents"] == 1
        assert job["skipped"] == [{"input": f"{site}/missing.html", "reason": "HTTP 404 Not Found"}]
