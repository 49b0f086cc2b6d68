"""URL fetching for the web app: only public addresses unless ``--allow-private-urls``.

A URL typed into a web form is not the operator's own choice, so the server
must not become a way to read ``http://127.0.0.1:…`` or the office network.
Checking the host name up front is not enough: a public name can resolve to
127.0.0.1, a redirect or a feed entry can point anywhere, and DNS can change
between the check and the connection. So the check sits where the socket is
opened: every connection resolves the name, refuses if any address is not
global, and connects to the very address it checked.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Iterator

import httpcore
import httpx

from newsprism.ingest import IngestOptions
from newsprism.ingest.feeds import iter_feed
from newsprism.ingest.records import iter_json
from newsprism.ingest.skips import guarded
from newsprism.ingest.web import Fetcher, check_url, is_feed, is_json, page_document
from newsprism.models import RawDocument, Skipped

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
PRIVATE_HINT = "start the server with --allow-private-urls to fetch it"
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.7,*/*;q=0.5"
)


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# RFC 8215's local-use NAT64 prefix: the IPv4 address may sit at several offsets,
# and the network is a local one by definition, so it is refused outright.
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries to its destination, if it carries one.

    IPv4-mapped (``::ffff:a.b.c.d``), IPv4-compatible (``::a.b.c.d``), NAT64
    (``64:ff9b::a.b.c.d``), 6to4 (``2002:AABB:CCDD::``) and Teredo all reach the
    IPv4 host inside them, so that host is what the public check must judge:
    ``64:ff9b::a9fe:a9fe`` is 169.254.169.254, the cloud metadata service.
    """
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):  # not :: or ::1
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address (not loopback, private, link-local…),
    judged on the IPv4 address inside any IPv6 transition address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return False
        inner = embedded_ipv4(ip)
        if inner is not None:
            ip = inner
    return ip.is_global and not ip.is_multicast


def public_addresses(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to; a ``ConnectError`` if any of them is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror or exc}") from None
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if not is_public(ipaddress.ip_address(address.split("%", 1)[0])):
            raise httpcore.ConnectError(
                f"{host} is a private or loopback address ({address}): {PRIVATE_HINT}"
            )
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise httpcore.ConnectError(f"cannot resolve {host}: no addresses")
    return addresses


class PublicOnlyBackend(httpcore.SyncBackend):
    """A network backend that connects only to the public addresses it just checked."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in public_addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last


def public_only_transport() -> httpx.HTTPTransport:
    """An httpx transport whose every connection (redirects included) goes through the guard."""
    transport = httpx.HTTPTransport()
    # httpx has no public hook for the network backend; replacing the pool is
    # the one place that sees every connection. tests/test_web_fetch.py pins it.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=PublicOnlyBackend()
    )
    return transport


class PublicOnlyFetcher(Fetcher):
    """``ingest``'s fetcher (limits, timeouts, one-line errors) on the guarded transport."""

    def _get_client(self) -> httpx.Client:
        if self._client is None:
            opts = self.options
            self._client = httpx.Client(
                transport=public_only_transport(),
                timeout=httpx.Timeout(opts.timeout),
                follow_redirects=True,
                max_redirects=opts.max_redirects,
                headers={"User-Agent": opts.user_agent, "Accept": _ACCEPT},
                # A proxy from the environment would resolve names itself, past the guard.
                trust_env=False,
            )
        return self._client


def make_fetcher(options: IngestOptions, allow_private: bool) -> Fetcher:
    return Fetcher(options) if allow_private else PublicOnlyFetcher(options)


def _from_url(url: str, fetcher: Fetcher) -> Iterator[RawDocument | Skipped]:
    # The same dispatch as ``newsprism.ingest`` for a URL, on the fetcher we chose.
    check_url(url)
    fetched = fetcher.fetch(url)
    if is_feed(fetched):
        yield from iter_feed(url, fetched.body, fetched.url, fetcher)
    elif is_json(fetched):
        yield from iter_json(url, fetched.body, fetcher.options)
    else:
        yield page_document(fetched, url)


def iter_url(url: str, fetcher: Fetcher) -> Iterator[RawDocument | Skipped]:
    """Documents behind ``url`` (a page, a feed's pages, JSON records); failures are skips."""
    yield from guarded(url, _from_url(url, fetcher))
