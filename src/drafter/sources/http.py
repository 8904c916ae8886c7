"""The one fetch stack for everything drafter downloads (pages, Hacker News API, catalogs).

httpx2 (the stack the openai SDK uses) with: http/https only, the address guard before the
request, on every redirect hop and on the connected address; at most 3 redirects; one total
deadline for the whole exchange (not per read); a cap on decompressed bytes; a content-type
check; certificates always verified. Successful responses are cached on disk keyed by URL, so a
re-run does not refetch (`--refresh` bypasses the cache and replaces the entry).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpcore2
import httpx2

from drafter.config import Settings, cache_root
from drafter.errors import BotWallError, FetchError, RetryableFetchError
from drafter.files import utc_now, write_atomic
from drafter.leaks import public_url
from drafter.sources.decoding import decode_page, text_encoding
from drafter.sources.netguard import GuardedBackend, check_url, transport_with

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 3
USER_AGENT = "drafter/0.1 (news-commentary drafting tool; +https://pypi.org/project/drafter/)"
SAVE_HINT = (
    "Open the page in your browser, save it (File > Save Page As…, 'Webpage, HTML only'), "
    "and pass the saved file instead of the URL: drafter run saved-page.html --comments …"
)
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
JSON_TYPES = ("application/json", "text/json", "text/plain")


@dataclass
class Fetched:
    """One successful response: the body as bytes and what is needed to decode and cite it."""

    url: str
    final_url: str
    status: int
    content_type: str
    encoding: str | None
    fetched_at: str
    body: bytes
    from_cache: bool = False

    def text(self) -> str:
        return decode_page(self.body, self.encoding)


class FetchCache:
    """Responses on disk, one JSON file per URL under `root` (atomic writes, no expiry)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.root / "fetch" / digest[:2] / f"{digest}.json"

    def get(self, url: str) -> Fetched | None:
        path = self._path(url)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            record["body"] = base64.b64decode(record["body"])
            fetched = Fetched(**record)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError):
            path.unlink(missing_ok=True)  # a damaged entry is refetched, never trusted
            return None
        if fetched.url != public_url(url):
            return None
        fetched.url = url  # kept without its credentials; the caller asked with them
        fetched.from_cache = True
        return fetched

    def put(self, fetched: Fetched) -> None:
        record = asdict(fetched)
        record["body"] = base64.b64encode(fetched.body).decode("ascii")
        record.pop("from_cache")
        # No key= or user:password@ on disk (the file name is a hash of the full URL).
        record["url"], record["final_url"] = public_url(fetched.url), public_url(fetched.final_url)
        # The cache is an optimisation: a read-only disk must not fail the fetch.
        with contextlib.suppress(OSError):
            write_atomic(self._path(fetched.url), json.dumps(record, ensure_ascii=False))


class Fetcher:
    """Fetch settings shared by every download of one command."""

    @classmethod
    def from_settings(cls, settings: Settings, *, refresh: bool = False) -> Fetcher:
        return cls(
            timeout=settings.fetch_timeout,
            allow_private_hosts=settings.allow_private_hosts,
            cache=FetchCache(cache_root(settings)) if settings.fetch_cache else None,
            refresh=refresh,
        )

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        allow_private_hosts: bool = False,
        cache: FetchCache | None = None,
        refresh: bool = False,
    ) -> None:
        self.timeout = timeout
        self.allow_private_hosts = allow_private_hosts
        self.cache = cache
        self.refresh = refresh
        self.sleep: Callable[[float], None] = time.sleep

    def get(
        self,
        url: str,
        *,
        accept: str = "text/html,application/xhtml+xml",
        content_types: tuple[str, ...] = HTML_TYPES,
        what: str = "page",
        status_messages: Callable[[int, str], FetchError | None] | None = None,
        retries: int = 0,
        max_retry_after: float = 30.0,
        pace: Callable[[], None] | None = None,
    ) -> Fetched:
        """GET `url` (from the cache unless refreshing); raises FetchError with advice.

        With `retries`, a 429 or 5xx answer is tried again (drafter.retry): after the server's
        Retry-After when it gives one, else with exponential backoff. A Retry-After longer
        than `max_retry_after` fails at once instead of stalling the run. `pace` runs before a
        request goes out (not for a cache hit): a per-service rate limit.
        """
        if self.cache is not None and not self.refresh:
            cached = self.cache.get(url)
            if cached is not None:
                return cached
        if pace is not None:
            pace()
        fetched = self._with_retries(
            lambda: self._download(url, accept, content_types, what, status_messages),
            retries,
            max_retry_after,
        )
        if self.cache is not None:
            self.cache.put(fetched)
        return fetched

    def _with_retries(
        self, call: Callable[[], Fetched], retries: int, max_retry_after: float
    ) -> Fetched:
        """The one retry policy (drafter.retry), without jitter: a RetryableFetchError
        (429, 5xx) is tried again after its Retry-After, else the backoff."""
        from drafter.retry import RetryPolicy, retry_sync

        def retry_after(error: Exception) -> float | None:
            return error.retry_after if isinstance(error, RetryableFetchError) else None

        return retry_sync(
            call,
            RetryPolicy(max_retries=retries, retry_after_cap=max_retry_after),
            lambda error: isinstance(error, RetryableFetchError),
            retry_after,
            self.sleep,
        )

    def _download(
        self,
        url: str,
        accept: str,
        content_types: tuple[str, ...],
        what: str,
        status_messages: Callable[[int, str], FetchError | None] | None,
    ) -> Fetched:
        if urlparse(url).scheme.lower() not in ("http", "https"):
            raise FetchError(f"Only http and https URLs can be fetched: {url}")
        deadline = time.monotonic() + self.timeout
        if not self.allow_private_hosts:
            check_url(url)  # before httpx2 parses it: odd IP spellings must be refused, not crash
        try:
            with (
                self._client(accept, deadline) as client,
                client.stream("GET", url) as response,
            ):
                custom = status_messages(response.status_code, url) if status_messages else None
                if custom is not None:
                    raise custom
                raise_for_status(
                    response.status_code, url, what, response.headers.get("retry-after")
                )
                return _fetched(response, url, content_types, what, deadline)
        except httpx2.InvalidURL as exc:
            raise FetchError(f"Not a valid URL: {url} ({exc})") from exc
        except httpx2.TooManyRedirects as exc:
            raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times.") from exc
        except httpx2.TimeoutException as exc:
            raise FetchError(
                f"Timed out fetching {url} (limit {self.timeout:.0f} s).", hint=SAVE_HINT
            ) from exc
        except httpx2.HTTPError as exc:
            raise FetchError(f"Could not fetch {url}: {exc}", hint=SAVE_HINT) from exc

    def _client(self, accept: str, deadline: float) -> httpx2.Client:
        """An httpx client whose every connection (redirects too) is checked by the SSRF guard
        (unless private hosts are allowed) and ends by `deadline`."""
        guard_on = not self.allow_private_hosts

        def hop(request: httpx2.Request) -> None:
            if request.url.scheme not in ("http", "https"):
                raise FetchError(f"Refusing a redirect to a non-http(s) URL: {request.url}")
            if guard_on:
                check_url(str(request.url))

        backend = GuardedBackend() if guard_on else httpcore2.SyncBackend()
        transport = transport_with(_DeadlineBackend(backend, deadline))
        return httpx2.Client(
            transport=transport,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            event_hooks={"request": [hop]},
            timeout=httpx2.Timeout(min(self.timeout, 15.0)),
            headers={"User-Agent": USER_AGENT, "Accept": accept},
        )


def _fetched(
    response: httpx2.Response,
    url: str,
    content_types: tuple[str, ...],
    what: str,
    deadline: float,
) -> Fetched:
    """A successful answer's body (capped, by the deadline), if its content type is wanted."""
    content_type = response.headers.get("content-type", "")
    _check_content_type(content_type, url, content_types, what)
    body = _read_capped(response, deadline, url)
    return Fetched(
        url=url,
        final_url=public_url(str(response.url)),  # recorded: no key= nor user:pass@
        status=response.status_code,
        content_type=content_type,
        # the server's charset only: without one httpx says UTF-8, and the page's own <meta>
        # (or its bytes) must decide
        encoding=text_encoding(response.charset_encoding),
        fetched_at=utc_now(),
        body=body,
    )


class _DeadlineStream(httpcore2.NetworkStream):
    """A connection whose every read, write and TLS handshake waits at most until `deadline`.

    httpx2's timeouts are per operation, so a server sending its headers (or body) one byte at
    a time never trips them; here each operation gets only the time left of the whole exchange.
    """

    def __init__(self, inner: httpcore2.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def _left(self, timeout: float | None, error: type[Exception]) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise error("the total fetch deadline has passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout, httpcore2.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout, httpcore2.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore2.NetworkStream:
        left = self._left(timeout, httpcore2.ConnectTimeout)
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, left), self._deadline
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore2.NetworkBackend):
    """Connects through `inner` (the address guard, or plain) within the total deadline."""

    def __init__(self, inner: httpcore2.NetworkBackend, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.NetworkStream:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore2.ConnectTimeout("the total fetch deadline has passed")
        stream = self._inner.connect_tcp(
            host,
            port,
            left if timeout is None else min(timeout, left),
            local_address,
            socket_options,
        )
        return _DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, min(seconds, self._deadline - time.monotonic())))


def raise_for_status(
    status: int, url: str, what: str = "page", retry_after: str | None = None
) -> None:
    from drafter.retry import retry_after_seconds

    if status in (401, 403):
        raise BotWallError(
            f"{url} answered HTTP {status}: the site refuses automated requests "
            "(a bot wall or a login). drafter does not try to get around it.",
            hint=SAVE_HINT,
        )
    if status in (404, 410):
        raise FetchError(f"{url} answered HTTP {status}: the {what} does not exist. Check the URL.")
    if status == 429:
        raise RetryableFetchError(
            f"{url} answered HTTP 429: too many requests. Wait and retry, or save the {what}.",
            hint=SAVE_HINT,
            retry_after=retry_after_seconds(retry_after),
        )
    if status >= 500:
        raise RetryableFetchError(
            f"{url} answered HTTP {status}: the site has a server error. Try again later.",
            hint=SAVE_HINT,
            retry_after=retry_after_seconds(retry_after),
        )
    if status >= 400:
        raise FetchError(f"{url} answered HTTP {status}.", hint=SAVE_HINT)


def _check_content_type(content_type: str, url: str, allowed: tuple[str, ...], what: str) -> None:
    kind = content_type.split(";")[0].strip().lower()
    if kind and kind not in allowed:
        expected = "a web page" if what == "page" else f"the expected {what} ({allowed[0]})"
        raise FetchError(f"{url} is not {expected}: its content type is {kind!r}.")


def _read_capped(response: httpx2.Response, deadline: float, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # decompressed: a gzip bomb stops at the cap
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"{url} is larger than {MAX_BYTES // (1024 * 1024)} MiB; refusing it.")
        if time.monotonic() > deadline:
            raise FetchError(f"Timed out reading {url}.", hint=SAVE_HINT)
        chunks.append(chunk)
    return b"".join(chunks)
