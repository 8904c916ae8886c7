"""Read the reader comments (海外の反応の素材) from a file; `comment_formats` detects the format.

drafter's own JSON (documented in the README): either a list of comment objects, or an object
`{"url": thread URL, "platform": "Reddit", "title": …, "comments": [ … ]}`. Each comment has
`id` and `body`, and optionally `author`, `score`, `parent_id`, `permalink`, `created_utc`.
Thread URLs: Hacker News items through the public Algolia API, Reddit through PRAW (optional).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

from pydantic import ValidationError

from drafter.config import Settings
from drafter.errors import CommentsError
from drafter.models import Comment, CommentThread
from drafter.sites import same_site, site_of
from drafter.sources.comment_formats import load_json, to_thread_data
from drafter.sources.http import JSON_TYPES, Fetcher
from drafter.sources.reddit import fetch_reddit_thread, is_reddit_url
from drafter.sources.selection import ancestry

_REMOVED_BODIES = {"[deleted]", "[removed]", ""}


def load_comments(
    source: str,
    *,
    thread_url: str | None = None,
    fetcher: Fetcher | None = None,
    settings: Settings | None = None,
) -> CommentThread:
    """The thread behind `source`: a comments file, a Hacker News item URL or a Reddit URL."""
    if re.match(r"^https?://", source, re.IGNORECASE):
        thread = _load_thread_url(source, fetcher or Fetcher(), settings or Settings())
    else:
        path = Path(source)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise CommentsError(f"Comments file not found: {path}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise CommentsError(f"Cannot read comments file {path}: {exc}") from exc
        data = to_thread_data(raw, suffix=path.suffix.lower(), origin=str(path))
        thread = parse_comments(data, origin=str(path))
        thread.source_path = str(path)
    if thread_url:
        thread.url = thread_url
    return thread


_HN_ITEM_URL = re.compile(
    r"^https?://(?:news\.ycombinator\.com/item\?(?:.*&)?id=|hn\.algolia\.com/api/v1/items/)"
    r"(\d+)",
    re.IGNORECASE,
)


def _load_thread_url(url: str, fetcher: Fetcher, settings: Settings) -> CommentThread:
    hn = _HN_ITEM_URL.match(url)
    if hn:
        return _load_hacker_news(hn.group(1), fetcher, settings)
    if is_reddit_url(url):
        data = fetch_reddit_thread(
            url, more_limit=settings.reddit_more_limit, timeout=settings.fetch_timeout
        )
        return parse_comments(data, origin=url)
    raise CommentsError(
        f"drafter cannot read comments from {url}: only Reddit and Hacker News thread URLs "
        "are supported.",
        hint="Save the comments as a file (JSON, JSONL, CSV or plain text; see the README) "
        "and pass its path with --comments.",
    )


def _load_hacker_news(item_id: str, fetcher: Fetcher, settings: Settings) -> CommentThread:
    api = f"{settings.hn_api_base.rstrip('/')}/items/{item_id}"
    page = fetcher.get(
        api, accept="application/json", content_types=JSON_TYPES, what="Hacker News item"
    )
    try:
        item = load_json(page.text(), f"The Hacker News API's answer for item {item_id}")
    except json.JSONDecodeError as exc:
        raise CommentsError(f"The Hacker News API sent invalid JSON for item {item_id}.") from exc
    if not isinstance(item, dict) or "children" not in item:
        raise CommentsError(f"The Hacker News API's answer for item {item_id} has no comments.")
    if item.get("type") == "comment" and item.get("story_id"):
        raise CommentsError(
            f"Hacker News item {item_id} is a comment, not a story.",
            hint=f"Pass the story: https://news.ycombinator.com/item?id={item['story_id']}",
        )
    return parse_comments(to_thread_data(page.text(), suffix=".json", origin=api), origin=api)


def parse_comments(data: Any, *, origin: str) -> CommentThread:
    meta: dict[str, Any] = {}
    items = data
    if isinstance(data, dict):
        meta = data
        items = data.get("comments")
    if not isinstance(items, list):
        raise CommentsError(
            f"{origin}: expected a JSON list of comments (or an object with a 'comments' list).",
        )
    comments = [_parse_one(item, index, origin) for index, item in enumerate(items)]
    _reject_duplicate_ids(comments, origin)
    usable = [c for c in comments if c.body.strip() not in _REMOVED_BODIES]
    if not usable:
        raise CommentsError(f"{origin} holds no usable comments (all empty or deleted).")
    url = meta.get("url") or meta.get("thread_url") or _thread_url_from_permalinks(usable)
    platform = meta.get("platform") or _platform_of(url, usable)
    _set_depths(comments)
    for comment in usable:
        comment.source = comment.source or platform or "file"
    return CommentThread(
        url=str(url) if url else None,
        platform=platform,
        title=meta.get("title"),
        comments=usable,
    )


def _set_depths(comments: list[Comment]) -> None:
    """Depth from the parent chain (deleted parents included); a reply to the post is 0."""
    for comment, (_, depth) in zip(comments, ancestry(comments), strict=True):
        comment.depth = depth


def _parse_one(item: Any, index: int, origin: str) -> Comment:
    if not isinstance(item, dict):
        raise CommentsError(f"{origin}: comment #{index + 1} is not a JSON object.")
    try:
        return Comment.model_validate(item)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise CommentsError(f"{origin}: comment #{index + 1} is invalid ({problems}).") from exc


def _reject_duplicate_ids(comments: list[Comment], origin: str) -> None:
    seen: set[str] = set()
    for comment in comments:
        if comment.id in seen:
            raise CommentsError(f"{origin}: the comment id {comment.id!r} occurs more than once.")
        seen.add(comment.id)


# Sites whose permalinks are believed for a thread that names no URL of its own.
_THREAD_SITES = ("https://www.reddit.com/", "https://news.ycombinator.com/")


def absolute_permalink(permalink: str | None, thread_url: str | None) -> str | None:
    """A comment's permalink, absolute; None unless it is an http(s) link on the thread's own
    site. A comments file cannot vouch for a link elsewhere: a permalink is allowed in model
    output, passes the check and is shown beside the reaction."""
    if not permalink:
        return None
    link = permalink.strip()
    if link.startswith("/"):
        link = urljoin(thread_url or _THREAD_SITES[0], link)
    sites = [thread_url] if site_of(thread_url) else _THREAD_SITES
    return link if any(same_site(link, site) for site in sites) else None


def _thread_url_from_permalinks(comments: list[Comment]) -> str | None:
    for comment in comments:
        link = absolute_permalink(comment.permalink, None)
        if not link:
            continue
        match = re.match(r"^(https?://[^/]+/r/[^/]+/comments/[^/]+/[^/]*/?)", link)
        if match:
            return match.group(1).rstrip("/") + "/"
        hn = re.match(r"^https?://news\.ycombinator\.com/item\?id=\d+", link)
        if hn and comment.parent_id is None:
            return None
    return None


def _platform_of(url: Any, comments: list[Comment]) -> str | None:
    candidates = [str(url)] if url else []
    candidates += [c.permalink for c in comments[:5] if c.permalink]
    for link in candidates:
        host = urlparse(link).hostname or ""
        if link.startswith("/r/") or host.endswith("reddit.com"):
            return "Reddit"
        if host.endswith("ycombinator.com"):
            return "Hacker News"
    return None
