"""Comment files in the formats people actually have, detected by content:

- drafter's JSON (a list of comments, or {"comments": [...], "url": …}),
- a Reddit thread saved from the browser (thread URL + `.json`: [post, comment listings]),
- a Hacker News item from the Algolia API (`items/{id}`: nested `children`),
- JSONL (one comment object per line), CSV (header with `id` and `body`),
- plain text (one comment per blank-line-separated block).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any

from drafter.errors import CommentsError

_REDDIT = "https://www.reddit.com"
_HN_ITEM = "https://news.ycombinator.com/item?id="


def to_thread_data(raw: str, *, suffix: str, origin: str) -> Any:
    """The comment data of `raw` in drafter's JSON shape (a dict or a list)."""
    stripped = raw.lstrip("\ufeff").strip()
    if not stripped:
        raise CommentsError(f"{origin} is empty.")
    if suffix == ".csv":
        return _from_csv(stripped, origin)
    if suffix == ".jsonl" or (suffix != ".json" and _looks_like_jsonl(stripped)):
        return _from_jsonl(stripped, origin)
    if suffix == ".json" or stripped[0] in "[{":
        try:
            data = load_json(stripped, origin)
        except json.JSONDecodeError as exc:
            raise CommentsError(
                f"{origin} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
                hint="Supported: drafter's comments JSON, a Reddit thread .json, a Hacker News "
                "item JSON, JSONL, CSV or plain text (see the README).",
            ) from exc
        return _from_json(data, origin)
    return _from_text(stripped)


_TOO_DEEP_HINT = (
    "A saved Reddit thread or Hacker News item is nested one level per reply. Convert a thread "
    "this deep to drafter's comments JSON, a flat list where each reply names its `parent_id` "
    "(see the README)."
)


def load_json(text: str, origin: str) -> Any:
    """json.loads, with JSON nested deeper than Python's parser allows refused with a message.

    The standard parser recurses once per level, so a long reply chain saved as nested JSON
    (each Reddit reply is five levels deeper) would otherwise end in a RecursionError.
    """
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise CommentsError(
            f"{origin} is nested too deeply to read (a reply chain hundreds of levels deep).",
            hint=_TOO_DEEP_HINT,
        ) from exc


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines[:3])


def _from_json(data: Any, origin: str) -> Any:
    if isinstance(data, list) and data and all(_is_listing(part) for part in data):
        return _platform(_from_reddit, data, "a Reddit thread", origin)
    if _is_listing(data):
        return _platform(_from_reddit, [data], "a Reddit thread", origin)
    if (
        isinstance(data, dict)
        and "children" in data
        and ("points" in data or "story_id" in data or data.get("type") in ("story", "comment"))
    ):
        return _platform(_from_hacker_news, data, "a Hacker News item", origin)
    return data


def _platform(parse: Any, data: Any, kind: str, origin: str) -> Any:
    """Run a platform walker; a shape it does not expect becomes a CommentsError, not a crash."""
    try:
        return parse(data)
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise CommentsError(
            f"{origin} looks like {kind} JSON, but its structure is not as expected "
            f"({type(exc).__name__}: {exc}).",
            hint="Save the thread again (the whole .json page), or convert it to drafter's "
            "comments JSON (see the README).",
        ) from exc


def _is_listing(value: Any) -> bool:
    return isinstance(value, dict) and value.get("kind") == "Listing" and "data" in value


def _from_reddit(listings: list[dict[str, Any]]) -> dict[str, Any]:
    meta: dict[str, Any] = {"platform": "Reddit", "comments": []}
    for listing in listings:
        for child in listing["data"].get("children", []):
            if child.get("kind") == "t3":
                post = child["data"]
                meta["title"] = post.get("title")
                if post.get("permalink"):
                    meta["url"] = _REDDIT + post["permalink"]
            elif child.get("kind") == "t1":
                _walk_reddit(child["data"], meta["comments"])
    if meta.get("url"):  # older thread JSON has no per-comment permalink
        for comment in meta["comments"]:
            comment["permalink"] = comment["permalink"] or f"{meta['url']}{comment['id']}/"
    return meta


def _walk_reddit(top: dict[str, Any], out: list[dict[str, Any]]) -> None:
    """`top` and its replies, depth first in thread order, without recursion (a chain may be
    as deep as the file is long)."""
    stack = [top]
    while stack:
        data = stack.pop()
        parent = str(data.get("parent_id") or "")
        out.append(
            {
                "id": data["id"],
                "body": data.get("body") or "",
                "author": data.get("author"),
                "score": data.get("score"),
                "parent_id": parent[3:] if parent.startswith("t1_") else None,
                "permalink": _REDDIT + data["permalink"] if data.get("permalink") else None,
                "created_utc": data.get("created_utc"),
            }
        )
        replies = data.get("replies")
        if isinstance(replies, dict):  # "" when there are none
            children = replies.get("data", {}).get("children", [])
            # "more" stubs hold only ids of unloaded comments
            stack.extend(c["data"] for c in reversed(children) if c.get("kind") == "t1")


def _from_hacker_news(item: dict[str, Any]) -> dict[str, Any]:
    comments: list[dict[str, Any]] = []
    # Depth first in thread order, without recursion: (node, its parent's id) pairs to visit.
    stack: list[tuple[dict[str, Any], str | None]] = [
        (child, None) for child in reversed(item.get("children") or [])
    ]
    while stack:
        child, parent = stack.pop()
        if child.get("type", "comment") == "comment" and child.get("text"):
            comments.append(
                {
                    "id": str(child["id"]),
                    "body": html_to_text(child["text"]),
                    "author": child.get("author"),
                    "score": child.get("points"),
                    "parent_id": parent,
                    "permalink": f"{_HN_ITEM}{child['id']}",
                    "created_utc": child.get("created_at_i"),
                }
            )
        own = str(child.get("id"))
        stack.extend((grandchild, own) for grandchild in reversed(child.get("children") or []))
    return {
        "platform": "Hacker News",
        "title": item.get("title"),
        "url": f"{_HN_ITEM}{item['id']}" if item.get("id") else None,
        "comments": comments,
    }


def html_to_text(markup: str) -> str:
    text = re.sub(r"<p\s*/?>", "\n\n", markup, flags=re.IGNORECASE)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def _from_jsonl(text: str, origin: str) -> list[Any]:
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(load_json(line, f"{origin}: line {number}"))
        except json.JSONDecodeError as exc:
            raise CommentsError(f"{origin}: line {number} is not valid JSON ({exc.msg}).") from exc
    return items


_CSV_BODY = ("body", "text", "comment", "content")


def _from_csv(text: str, origin: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        body_field = next((f for f in _CSV_BODY if f in fields), None)
        if "id" not in fields or body_field is None:
            raise CommentsError(
                f"{origin}: a CSV comments file needs a header row with 'id' and 'body' columns "
                f"(found: {', '.join(fields) or 'none'})."
            )
        rows = []
        for row in reader:
            clean = {
                (k or "").strip().lower(): v.strip() if isinstance(v, str) else ""
                for k, v in row.items()
            }
            clean["body"] = clean.pop(body_field)
            rows.append({k: v for k, v in clean.items() if v != "" or k == "body"})
    except csv.Error as exc:
        raise CommentsError(f"{origin}: line {reader.line_num} is not valid CSV ({exc}).") from exc
    return rows


def _from_text(text: str) -> list[dict[str, Any]]:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return [{"id": f"p{number}", "body": block} for number, block in enumerate(blocks, start=1)]
