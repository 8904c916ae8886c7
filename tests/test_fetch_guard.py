"""The fetch stack against hostile servers: slow drip, gzip bomb, redirect loops and hops to
private addresses, DNS rebinding, and the on-disk fetch cache. All over real loopback HTTP."""

from __future__ import annotations

import gzip
import ipaddress
import json
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import httpcore2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import FetchError
from drafter.sources import netguard
from drafter.sources.http import MAX_BYTES, Fetcher
from tests.helpers import FIXTURES
from tests.loopback import Loopback, respond

ARTICLE_HTML = (FIXTURES / "article.html").read_bytes()
PUBLIC = "93.184.215.14"  # a global address; nothing in these tests ever connects to it


def _drip(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("content-type", "text/html")
    handler.end_headers()
    try:
        for _ in range(100):  # one byte every 0.2 s: every read is quick, the whole is slow
            handler.wfile.write(b"<")
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:
        pass


BOMB = gzip.compress(b"\0" * (MAX_BYTES * 4), compresslevel=9)


@pytest.fixture
def server() -> Iterator[Loopback]:
    routes: dict[str, Any] = {
        "/story": lambda h: respond(h, 200, ARTICLE_HTML),
        "/drip": _drip,
        "/bomb": lambda h: respond(h, 200, BOMB, headers={"content-encoding": "gzip"}),
        "/loop": lambda h: respond(h, 302, headers={"location": "/loop"}),
        "/binary": lambda h: respond(h, 200, b"\x00\x01", "application/octet-stream"),
    }
    with Loopback(routes) as site:
        routes["/to-private"] = lambda h: respond(
            h, 302, headers={"location": f"http://127.0.0.2:{site.port}/story"}
        )
        yield site


def test_slow_drip_stops_at_the_total_deadline(server: Loopback) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="Timed out"):
        Fetcher(timeout=1.5, allow_private_hosts=True).get(f"{server.url}/drip")
    assert time.monotonic() - started < 1.5 + 1.0


def test_gzip_bomb_is_cut_at_the_decompressed_cap(server: Loopback) -> None:
    assert len(BOMB) < MAX_BYTES // 100  # small on the wire, 20 MiB once inflated
    with pytest.raises(FetchError, match="larger than 5 MiB"):
        Fetcher(allow_private_hosts=True).get(f"{server.url}/bomb")


def test_redirect_loop_and_binary_content_are_refused(server: Loopback) -> None:
    fetcher = Fetcher(allow_private_hosts=True)
    with pytest.raises(FetchError, match="redirected more than 3 times"):
        fetcher.get(f"{server.url}/loop")
    assert server.hits["/loop"] == 4  # the first request and 3 redirects, no more
    with pytest.raises(FetchError, match="not a web page"):
        fetcher.get(f"{server.url}/binary")


def _loopback_counts_as_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let 127.0.0.1 stand in for a public site, so the guard runs on a real redirect chain."""
    real = netguard._is_public

    def is_public(address: netguard.IPAddress) -> bool:
        return str(address) == "127.0.0.1" or real(address)

    monkeypatch.setattr(netguard, "_is_public", is_public)


def test_redirect_to_a_private_address_is_refused(
    server: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    _loopback_counts_as_public(monkeypatch)
    with pytest.raises(FetchError, match=r"non-public address \(127\.0\.0\.2\)"):
        Fetcher().get(f"{server.url}/to-private")
    assert server.hits["/to-private"] == 1 and server.hits["/story"] == 0


def _fake_dns(monkeypatch: pytest.MonkeyPatch, host: str, answers: list[str]) -> list[str]:
    """Resolve `host` to answers[0], answers[1], … (the last one repeats); log each lookup."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(name: Any, *args: Any, **kwargs: Any) -> Any:
        if name != host:
            return real(name, *args, **kwargs)
        address = answers[min(len(asked), len(answers) - 1)]
        asked.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_dns_rebinding_is_caught_at_connect_time(
    server: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The name is public for the URL check and the request hook, then turns into loopback.
    asked = _fake_dns(monkeypatch, "rebind.test", [PUBLIC, PUBLIC, "127.0.0.1"])
    with pytest.raises(FetchError, match=r"rebind\.test: it resolves to a non-public address"):
        Fetcher().get(f"http://rebind.test:{server.port}/story")
    assert asked == [PUBLIC, PUBLIC, "127.0.0.1"]
    assert sum(server.hits.values()) == 0  # refused before a single byte was sent


def test_connected_peer_address_is_checked(
    server: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: even if the socket lands somewhere else than the checked address."""
    _fake_dns(monkeypatch, "peer.test", [PUBLIC])
    original = httpcore2.SyncBackend.connect_tcp

    def misrouted(self: Any, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        return original(self, "127.0.0.1", server.port, *args, **kwargs)

    monkeypatch.setattr(httpcore2.SyncBackend, "connect_tcp", misrouted)
    with pytest.raises(FetchError, match=r"non-public address \(127\.0\.0\.1\)"):
        Fetcher().get("http://peer.test/story")
    assert sum(server.hits.values()) == 0


def _spellings(address: ipaddress.IPv4Address) -> list[str]:
    value = int(address)
    octets = str(address).split(".")
    return [
        str(address),
        str(value),
        hex(value),
        ".".join(f"0{int(o):o}" for o in octets),
        f"[::ffff:{address}]",
    ]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_guard_never_admits_a_non_global_ipv4_in_any_spelling(value: int) -> None:
    address = ipaddress.IPv4Address(value)
    for host in _spellings(address):
        url = f"http://{host}/story"
        if address.is_global and not address.is_multicast:
            netguard.check_url(url)
        else:
            with pytest.raises(FetchError):
                netguard.check_url(url)


@settings(max_examples=500, deadline=None)
@given(
    st.integers(min_value=0, max_value=2**128 - 1)
    | st.integers(min_value=0, max_value=2**32 - 1).map(lambda v: (0xFFFF << 32) | v)
    | st.integers(min_value=0, max_value=2**32 - 1).map(lambda v: (0x0064FF9B << 96) | v)
    | st.integers(min_value=0, max_value=2**32 - 1).map(lambda v: (0x2002 << 112) | (v << 80))
)
def test_guard_never_admits_a_non_global_ipv6(value: int) -> None:
    address = ipaddress.IPv6Address(value)
    try:
        netguard.check_url(f"http://[{address}]/story")
    except FetchError:
        return
    leads_to = [address.ipv4_mapped or address, address.sixtofour]
    if address in ipaddress.IPv6Network("64:ff9b::/96"):
        leads_to.append(ipaddress.IPv4Address(value & 0xFFFFFFFF))
    for target in filter(None, leads_to):
        assert target.is_global and not target.is_multicast, address


# ---- the on-disk fetch cache, through the CLI ----


def _fetch(*args: str) -> Any:
    return CliRunner().invoke(app, ["fetch", *args, "--allow-private-hosts"])


def test_fetch_cache_serves_reruns_and_refresh_refetches(
    server: Loopback, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"{server.url}/story"
    first = _fetch(url)
    assert first.exit_code == 0 and "(from cache)" not in first.stdout
    second = _fetch(url)
    assert second.exit_code == 0 and "(from cache)" in second.stdout
    assert server.hits["/story"] == 1
    assert (
        second.stdout.split("fetched:")[1].split()[0]
        == first.stdout.split("fetched:")[1].split()[0]
    )

    assert _fetch(url, "--refresh").exit_code == 0
    assert server.hits["/story"] == 2

    entries = list((tmp_path / "cache" / "drafter" / "fetch").rglob("*.json"))
    assert len(entries) == 1 and json.loads(entries[0].read_text())["url"] == url
    entries[0].write_text("{ damaged")
    assert _fetch(url).exit_code == 0  # a damaged entry is refetched, not trusted
    assert server.hits["/story"] == 3

    monkeypatch.setenv("DRAFTER_FETCH_CACHE", "0")
    assert _fetch(url).exit_code == 0
    assert server.hits["/story"] == 4


def test_failures_are_not_cached(server: Loopback) -> None:
    assert _fetch(f"{server.url}/binary").exit_code == 3
    assert _fetch(f"{server.url}/binary").exit_code == 3
    assert server.hits["/binary"] == 2


def test_a_rerun_of_drafter_run_does_not_refetch(
    server: Loopback, llm_env: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers import run_cli

    monkeypatch.setenv("DRAFTER_ALLOW_PRIVATE_HOSTS", "1")
    args = [f"{server.url}/story", "--comments", str(FIXTURES / "comments.json")]
    first = run_cli(*args, "--out", str(tmp_path / "one"))
    second = run_cli(*args, "--out", str(tmp_path / "two"))
    assert first.exit_code == 0 and second.exit_code == 0, second.stderr
    assert server.hits["/story"] == 1
    assert "--refresh to refetch" in " ".join(second.stderr.split())
    runs = [json.loads(next((tmp_path / d).glob("*/run.json")).read_text()) for d in ("one", "two")]
    assert runs[0]["source"]["fetched_at"] == runs[1]["source"]["fetched_at"]
    assert run_cli(*args, "--out", str(tmp_path / "three"), "--refresh").exit_code == 0
    assert server.hits["/story"] == 2
