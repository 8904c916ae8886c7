"""Refuse to fetch from non-global addresses (loopback, private, link-local, cloud metadata…).

A page drafter reads is chosen by whoever sends the editor a link, so a URL must not reach into
the editor's network. Checked on every redirect hop. Off with --allow-private-hosts or
DRAFTER_ALLOW_PRIVATE_HOSTS=1 (tests, intranet sources).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlparse

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


def _is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_global
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
