"""Fetch a news page (or read a saved one) and extract its text and metadata with trafilatura."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx2
import yaml

from drafter.errors import BotWallError, ExtractionError, FetchError, SourceError
from drafter.models import Article
from drafter.sources.netguard import check_url

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 3
MIN_TEXT_CHARS = 300
USER_AGENT = "drafter/0.1 (news-commentary drafting tool; +https://pypi.org/project/drafter/)"
_SAVE_HINT = (
    "Open the page in your browser, save it (File > Save Page As…, 'Webpage, HTML only'), "
    "and pass the saved file instead of the URL: drafter run saved-page.html --comments …"
)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def load_article(
    source: str, *, timeout: float = 30.0, allow_private_hosts: bool = False
) -> Article:
    """The article behind `source`: an http(s) URL, or a local .html/.htm/.txt/.md file."""
    if re.match(r"^https?://", source, re.IGNORECASE):
        html, final_url = fetch_html(
            source, timeout=timeout, allow_private_hosts=allow_private_hosts
        )
        return extract_article(html, url=final_url, fetched_url=source)
    path = Path(source)
    if not path.exists():
        raise SourceError(
            f"Source not found: {source}",
            hint="Pass an http(s) URL or the path of a saved .html, .txt or .md file.",
        )
    return read_article_file(path)


def fetch_html(url: str, *, timeout: float, allow_private_hosts: bool = False) -> tuple[str, str]:
    """GET `url` within one total deadline; returns (decoded body, final URL).

    Unless private hosts are allowed, every hop (redirects included) must be a public address.
    """
    if urlparse(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"Only http and https URLs can be fetched: {url}")
    deadline = time.monotonic() + timeout

    def guard(request: httpx2.Request) -> None:
        if request.url.scheme not in ("http", "https"):
            raise FetchError(f"Refusing a redirect to a non-http(s) URL: {request.url}")
        if not allow_private_hosts:
            check_url(str(request.url))

    if not allow_private_hosts:
        check_url(url)  # before httpx2 parses it: odd IP spellings must be refused, not crash

    try:
        with (
            httpx2.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                event_hooks={"request": [guard]},
                timeout=httpx2.Timeout(min(timeout, 15.0)),
                headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            _raise_for_status(response.status_code, url)
            _check_content_type(response.headers.get("content-type", ""), url)
            body = _read_capped(response, deadline, url)
            encoding = response.encoding or "utf-8"
            return body.decode(encoding, errors="replace"), str(response.url)
    except httpx2.InvalidURL as exc:
        raise FetchError(f"Not a valid URL: {url} ({exc})") from exc
    except httpx2.TooManyRedirects as exc:
        raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times.") from exc
    except httpx2.TimeoutException as exc:
        raise FetchError(
            f"Timed out fetching {url} (limit {timeout:.0f} s).", hint=_SAVE_HINT
        ) from exc
    except httpx2.HTTPError as exc:
        raise FetchError(f"Could not fetch {url}: {exc}", hint=_SAVE_HINT) from exc


def _raise_for_status(status: int, url: str) -> None:
    if status in (401, 403):
        raise BotWallError(
            f"{url} answered HTTP {status}: the site refuses automated requests "
            "(a bot wall or a login). drafter does not try to get around it.",
            hint=_SAVE_HINT,
        )
    if status in (404, 410):
        raise FetchError(f"{url} answered HTTP {status}: the page does not exist. Check the URL.")
    if status == 429:
        raise FetchError(
            f"{url} answered HTTP 429: too many requests. Wait and retry, or save the page.",
            hint=_SAVE_HINT,
        )
    if status >= 500:
        raise FetchError(
            f"{url} answered HTTP {status}: the site has a server error. Try again later.",
            hint=_SAVE_HINT,
        )
    if status >= 400:
        raise FetchError(f"{url} answered HTTP {status}.", hint=_SAVE_HINT)


def _check_content_type(content_type: str, url: str) -> None:
    kind = content_type.split(";")[0].strip().lower()
    if kind and kind not in _HTML_TYPES:
        raise FetchError(f"{url} is not a web page (content type {kind!r}).")


def _read_capped(response: httpx2.Response, deadline: float, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"{url} is larger than {MAX_BYTES // (1024 * 1024)} MiB; refusing it.")
        if time.monotonic() > deadline:
            raise FetchError(f"Timed out reading {url}.", hint=_SAVE_HINT)
        chunks.append(chunk)
    return b"".join(chunks)


def extract_article(
    html: str, *, url: str | None, fetched_url: str | None = None, source_path: str | None = None
) -> Article:
    """Main text and metadata of a page; raises ExtractionError when there is too little text."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    document: dict[str, Any] = {}
    if isinstance(found, dict):
        document = found
    elif found is not None:
        document = found.as_dict()
    origin = source_path or url or "the page"
    if not (document.get("text") or "").strip():
        raise ExtractionError(
            f"No article text could be extracted from {origin}.", hint=_EXTRACT_HINT
        )
    text = _clean_text(str(document["text"]))
    _require_length(text, origin)
    canonical = _canonical_url(html) or document.get("url") or url
    return Article(
        url=canonical,
        fetched_url=fetched_url,
        source_path=source_path,
        title=(document.get("title") or "").strip() or _first_line(text),
        site_name=(document.get("sitename") or "").strip() or _host_name(canonical),
        author=(document.get("author") or None),
        date=document.get("date") or None,
        language=document.get("language") or None,
        text=text,
        fetched_at=now_iso(),
    )


_EXTRACT_HINT = (
    "The page may be behind a paywall, need JavaScript, or be a consent/bot page. "
    "Open it in your browser, save it, and pass the file (or paste the text into a .txt file)."
)


def _require_length(text: str, origin: str) -> None:
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractionError(
            f"Only {len(text)} characters of article text were found in {origin} "
            f"(at least {MIN_TEXT_CHARS} are needed to write a grounded draft).",
            hint=_EXTRACT_HINT,
        )


def _canonical_url(html: str) -> str | None:
    for pattern in (
        r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)[\"']",
        r"<link[^>]+href=[\"']([^\"']+)[\"'][^>]*rel=[\"']canonical[\"']",
        r"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)[\"']",
    ):
        match = re.search(pattern, html, re.IGNORECASE)
        if match and re.match(r"^https?://", match.group(1)):
            return match.group(1)
    return None


def _host_name(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200]


def _clean_text(text: str) -> str:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def read_article_file(path: Path) -> Article:
    """A saved page (.html/.htm) or plain text (.txt/.md, optional YAML front matter)."""
    suffix = path.suffix.lower()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"Cannot read {path}: {exc}") from exc
    content = raw.decode("utf-8", errors="replace")
    if suffix in (".html", ".htm", ".xhtml"):
        return extract_article(content, url=None, source_path=str(path))
    if suffix in (".txt", ".md", ".markdown"):
        return _article_from_text(content, path)
    raise SourceError(
        f"Unsupported source file type {suffix or '(none)'}: {path}",
        hint="Pass a .html, .htm, .txt or .md file.",
    )


def _article_from_text(content: str, path: Path) -> Article:
    meta, body = _split_front_matter(content, path)
    lines = [line.strip() for line in body.strip().splitlines()]
    title = str(meta.get("title") or "").strip()
    if not title and lines:
        title = lines[0].lstrip("# ").strip()
        lines = lines[1:]
    text = _clean_text("\n".join(line.lstrip("# ") for line in lines))
    _require_length(text, str(path))
    url = meta.get("url") or meta.get("canonical_url")
    return Article(
        url=str(url) if url else None,
        source_path=str(path),
        title=title or path.stem,
        site_name=str(meta.get("site_name") or meta.get("site") or "") or _host_name(url),
        author=str(meta["author"]) if meta.get("author") else None,
        date=str(meta["date"]) if meta.get("date") else None,
        language=str(meta["language"]) if meta.get("language") else None,
        text=text,
        fetched_at=now_iso(),
    )


def _split_front_matter(content: str, path: Path) -> tuple[dict[str, Any], str]:
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n", content, re.DOTALL)
    if not match:
        return {}, content
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise SourceError(f"Bad front matter in {path}: {exc}") from exc
    if not isinstance(meta, dict):
        raise SourceError(f"Front matter in {path} must be a mapping of key: value lines.")
    return meta, content[match.end() :]
