"""Live Reddit threads through PRAW (optional: `pip install 'drafter[reddit]'`).

Reddit has closed anonymous `.json` access and only serves its API to registered OAuth apps, so
live fetching needs credentials from the environment (never from a config file):
REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET (a "script" app from https://www.reddit.com/prefs/apps),
optionally REDDIT_USERNAME/REDDIT_PASSWORD and REDDIT_USER_AGENT. Without them, the editor saves the
thread's JSON from the browser and passes the file, which needs no account at all.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from drafter import __version__
from drafter.errors import CommentsError

_REDDIT = "https://www.reddit.com"
SAVE_THREAD_HINT = (
    "Or save the thread from your browser, which needs no account: open the thread URL with "
    ".json appended (https://www.reddit.com/r/…/comments/ID/….json), save the page as "
    "thread.json, and pass --comments thread.json."
)


def is_reddit_url(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    return host == "redd.it" or host == "reddit.com" or host.endswith(".reddit.com")


def submission_id(url: str) -> str:
    """The thread id of a Reddit thread URL (…/comments/ID/…, redd.it/ID)."""
    parsed = urlparse(url)
    match = re.search(r"/comments/([a-z0-9]+)", parsed.path, re.IGNORECASE)
    if match:
        return match.group(1).lower()
    if (parsed.hostname or "").lower() == "redd.it":
        short = parsed.path.strip("/")
        if re.fullmatch(r"[a-z0-9]+", short, re.IGNORECASE):
            return short.lower()
    raise CommentsError(
        f"{url} is not a Reddit thread URL (expected …/comments/ID/… or https://redd.it/ID).",
        hint=SAVE_THREAD_HINT,
    )


def credentials(env: Mapping[str, str]) -> dict[str, str]:
    client_id, secret = env.get("REDDIT_CLIENT_ID", ""), env.get("REDDIT_CLIENT_SECRET", "")
    if not client_id or not secret:
        raise CommentsError(
            "Reading a Reddit thread live needs Reddit API credentials: set REDDIT_CLIENT_ID and "
            "REDDIT_CLIENT_SECRET (create a 'script' app at https://www.reddit.com/prefs/apps; "
            "optionally REDDIT_USERNAME and REDDIT_PASSWORD). Reddit no longer serves threads "
            "to anonymous programs.",
            hint=SAVE_THREAD_HINT,
        )
    found = {"client_id": client_id, "client_secret": secret}
    if env.get("REDDIT_USERNAME") and env.get("REDDIT_PASSWORD"):
        found["username"] = env["REDDIT_USERNAME"]
        found["password"] = env["REDDIT_PASSWORD"]
    found["user_agent"] = env.get("REDDIT_USER_AGENT") or (
        f"python:drafter:{__version__} (news-commentary drafting tool)"
    )
    return found


def fetch_reddit_thread(
    url: str,
    *,
    more_limit: int = 32,
    timeout: float = 30.0,
    env: Mapping[str, str] | None = None,
    session: Any = None,
) -> dict[str, Any]:
    """The thread behind `url` in drafter's comments JSON shape, "load more" stubs expanded.

    `more_limit` bounds the extra requests (each expands one `more` stub or one "continue this
    thread" link); stubs left over are skipped, like in the saved-file path. `session` is a
    requests-compatible session (tests replay recorded responses through it).
    """
    thread_id = submission_id(url)
    creds = credentials(os.environ if env is None else env)
    try:
        import praw
        import prawcore
    except ImportError as exc:
        raise CommentsError(
            "Reading Reddit threads live needs PRAW: pip install 'drafter[reddit]'.",
            hint=SAVE_THREAD_HINT,
        ) from exc
    settings: dict[str, Any] = {
        **creds,
        "check_for_updates": False,
        "check_for_async": False,
        "timeout": max(1, math.ceil(timeout)),
    }
    reddit = praw.Reddit(
        requestor_kwargs={"session": session} if session is not None else None, **settings
    )
    try:
        submission = reddit.submission(id=thread_id)
        submission.comment_sort = "confidence"
        title = submission.title
        permalink = submission.permalink
        submission.comments.replace_more(limit=more_limit)
        thread_url = _REDDIT + permalink if permalink else url
        comments = [_comment(c, thread_url) for c in submission.comments.list()]
    except prawcore.exceptions.PrawcoreException as exc:
        raise _reddit_error(exc, url, thread_id) from exc
    except RecursionError as exc:  # Reddit's JSON nests one level per reply
        raise CommentsError(
            f"Reddit's answer for {url} is nested too deeply to read.", hint=SAVE_THREAD_HINT
        ) from exc
    return {
        "platform": "Reddit",
        "title": title,
        "url": thread_url,
        "comments": comments,
    }


def _reddit_error(exc: Exception, url: str, thread_id: str) -> CommentsError:
    """What Reddit's (prawcore's) error means for the user, checked in this order."""
    import prawcore

    errors = prawcore.exceptions
    if isinstance(exc, errors.ResponseException):
        if exc.response.status_code != 401:
            return CommentsError(
                f"Reddit answered HTTP {exc.response.status_code} for {url}.",
                hint=SAVE_THREAD_HINT,
            )
        return CommentsError(
            "Reddit refused the credentials in REDDIT_CLIENT_ID/REDDIT_CLIENT_SECRET (HTTP 401). "
            "Check them at https://www.reddit.com/prefs/apps.",
            hint=SAVE_THREAD_HINT,
        )
    if isinstance(exc, errors.OAuthException):
        return CommentsError(
            f"Reddit refused the credentials in REDDIT_CLIENT_ID/REDDIT_CLIENT_SECRET ({exc}).",
            hint=SAVE_THREAD_HINT,
        )
    if isinstance(exc, (errors.NotFound, errors.Redirect)):
        return CommentsError(f"Reddit has no thread {thread_id} ({url}).")
    if isinstance(exc, errors.Forbidden):
        return CommentsError(
            f"Reddit answered 403 for {url}: the thread is private, quarantined or removed.",
            hint=SAVE_THREAD_HINT,
        )
    if isinstance(exc, errors.TooManyRequests):
        return CommentsError(
            "Reddit answered 429 (rate limited). Wait a minute and retry.", hint=SAVE_THREAD_HINT
        )
    return CommentsError(f"Could not read {url} from Reddit: {exc}", hint=SAVE_THREAD_HINT)


def _comment(comment: Any, thread_url: str) -> dict[str, Any]:
    # Read the loaded fields only: getattr on a missing one makes PRAW fetch it, one request each.
    fields = vars(comment)
    parent = str(fields.get("parent_id") or "")
    author = fields.get("author")
    permalink = fields.get("permalink")
    return {
        "id": fields["id"],
        "body": fields.get("body") or "",
        "author": str(author) if author is not None else "[deleted]",
        "score": fields.get("score"),
        "parent_id": parent[3:] if parent.startswith("t1_") else None,
        "permalink": _REDDIT + permalink
        if permalink
        else f"{thread_url.rstrip('/')}/{fields['id']}/",
        "created_utc": fields.get("created_utc"),
    }
