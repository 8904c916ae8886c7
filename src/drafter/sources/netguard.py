"""Refuse to fetch from non-global addresses (loopback, private, link-local, cloud metadata…).

A page drafter reads is chosen by whoever sends the editor a link, so a URL must not reach into
the editor's network. Checked before the request, on every redirect hop, and on the address
actually connected to. Off with --allow-private-hosts or
DRAFTER_ALLOW_PRIVATE_HOSTS=1 (tests, intranet sources).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlparse

import httpcore2
import httpx2

from drafter.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def host_addresses(host: str) -> list[IPAddress]:
    """Every address `host` stands for: IP literals in any spelling, else what DNS answers."""
    literal = host.strip("[]")
    try:
        return [ipaddress.ip_address(literal)]
    except ValueError:
        pass
    try:  # decimal (2130706433), octal (0177.0.0.1) and hex (0x7f.1) IPv4 spellings
        return [ipaddress.IPv4Address(socket.inet_aton(literal))]
    except OSError:
        pass
    try:
        infos = socket.getaddrinfo(literal, None, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise FetchError(f"Cannot resolve the host {host!r}: {exc}") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # ::a.b.c.d, deprecated (RFC 4291 2.5.5.1)
_IPV4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")  # ::ffff:0:a.b.c.d (SIIT, RFC 2765)
# Never reachable from the public internet, though Python (3.11) calls them global: local-use
# NAT64 (RFC 8215, where the embedded IPv4 sits depends on the operator's prefix length), the
# deprecated site-local range (RFC 3879), documentation (RFC 9637) and SRv6 SIDs (RFC 9602).
_NOT_GLOBAL = tuple(
    ipaddress.IPv6Network(net) for net in ("64:ff9b:1::/48", "fec0::/10", "3fff::/20", "5f00::/16")
)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address leads to: mapped, compatible, translated, 6to4, Teredo,
    NAT64."""
    found: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address in _IPV4_COMPATIBLE or address in _IPV4_TRANSLATED:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    if address in _NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def _is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return _is_public(address.ipv4_mapped)
        if any(address in network for network in _NOT_GLOBAL):
            return False
        if not all(_is_public(inner) for inner in _embedded_ipv4(address)):
            return False
    return address.is_global and not address.is_multicast


def check_url(url: str) -> None:
    """Raise FetchError when `url`'s host is, or resolves to, a non-global address."""
    host = urlparse(url).hostname
    if not host:
        raise FetchError(f"The URL has no host: {url}")
    for address in host_addresses(host):
        if not _is_public(address):
            raise FetchError(
                f"Refusing to fetch {url}: {host} is a non-public address ({address}).",
                hint="drafter only fetches from the public internet. For a page on your own "
                "network, pass --allow-private-hosts (or set DRAFTER_ALLOW_PRIVATE_HOSTS=1), "
                "or save the page and pass the file.",
            )


def _refusal(host: str, address: IPAddress) -> FetchError:
    return FetchError(
        f"Refusing to connect to {host}: it resolves to a non-public address ({address}).",
        hint="drafter only fetches from the public internet. For a page on your own network, "
        "pass --allow-private-hosts (or set DRAFTER_ALLOW_PRIVATE_HOSTS=1), or save the page "
        "and pass the file.",
    )


class GuardedBackend(httpcore2.SyncBackend):
    """Resolve once, refuse non-public answers, connect to the checked address, check the peer.

    The URL check before each request resolves the name too, but DNS can answer differently a
    moment later (DNS rebinding). Here the address that is checked is the address connected to,
    and the socket's peer address is checked again once connected. TLS still verifies the
    certificate against the host name: httpcore passes the origin's name as SNI/hostname.
    """

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.NetworkStream:
        addresses = host_addresses(host)
        for address in addresses:
            if not _is_public(address):
                raise _refusal(host, address)
        last_error: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore2.ConnectError, httpcore2.ConnectTimeout) as exc:
                last_error = exc
                continue
            peer = stream.get_extra_info("server_addr")
            connected = ipaddress.ip_address(str(peer[0]).split("%")[0]) if peer else address
            if not _is_public(connected):
                stream.close()
                raise _refusal(host, connected)
            return stream
        assert last_error is not None
        raise last_error


def guarded_transport(**kwargs: Any) -> httpx2.HTTPTransport:
    """An httpx2 transport whose every TCP connection goes through GuardedBackend."""
    return transport_with(GuardedBackend(), **kwargs)


def transport_with(backend: httpcore2.NetworkBackend, **kwargs: Any) -> httpx2.HTTPTransport:
    """An httpx2 transport whose every TCP connection goes through `backend`."""
    transport = httpx2.HTTPTransport(**kwargs)
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore2.ConnectionPool) or not hasattr(pool, "_network_backend"):
        raise RuntimeError("httpx2's transport layout changed; the connect-time guard cannot run")
    pool._network_backend = backend
    return transport
