"""Fetch a news page (or read a saved one) and extract its text and metadata with trafilatura."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from drafter.errors import ExtractionError, SourceError
from drafter.models import Article
from drafter.sources.http import SAVE_HINT, Fetcher

MIN_TEXT_CHARS = 300
_SAVE_HINT = SAVE_HINT


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def load_article(
    source: str,
    *,
    timeout: float = 30.0,
    allow_private_hosts: bool = False,
    fetcher: Fetcher | None = None,
) -> Article:
    """The article behind `source`: an http(s) URL, or a local .html/.htm/.txt/.md file."""
    if re.match(r"^https?://", source, re.IGNORECASE):
        fetcher = fetcher or Fetcher(timeout=timeout, allow_private_hosts=allow_private_hosts)
        page = fetcher.get(source)
        article = extract_article(page.text(), url=page.final_url, fetched_url=source)
        article.fetched_at = page.fetched_at
        article.from_cache = page.from_cache
        return article
    path = Path(source)
    if not path.exists():
        raise SourceError(
            f"Source not found: {source}",
            hint="Pass an http(s) URL or the path of a saved .html, .txt or .md file.",
        )
    return read_article_file(path)


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
