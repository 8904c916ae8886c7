"""Comment threads from URLs (Reddit through PRAW, Hacker News through its API) and the
pre-selection that decides what a model sees."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlparse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import CommentsError
from drafter.models import Comment
from drafter.sources.comment_formats import to_thread_data
from drafter.sources.comments import parse_comments
from drafter.sources.selection import preselect
from tests.helpers import FIXTURES
from tests.loopback import Loopback, respond
from tests.prereqs import missing_data, shared

REDDIT = shared("reddit")
CREDS = {"REDDIT_CLIENT_ID": "test-id", "REDDIT_CLIENT_SECRET": "test-secret"}
needs_reddit_data = pytest.mark.skipif(not REDDIT.is_dir(), reason=missing_data("reddit"))


# ---- Reddit, live through PRAW, replayed from PRAW's own recorded cassettes ----


def replay_session(cassette: Path) -> Any:
    """A requests session that answers from a vcrpy cassette and fails on anything unrecorded."""
    import requests
    from requests.adapters import BaseAdapter

    interactions = json.loads(cassette.read_text(encoding="utf-8"))["interactions"]

    def key(method: str, url: str, body: str) -> tuple[Any, ...]:
        parts = urlparse(url)
        query = tuple(sorted(parse_qsl(parts.query)))
        form = tuple(sorted(parse_qsl(body))) if body else ()
        return (method, parts.netloc, parts.path.rstrip("/"), query, form)

    recorded = {}
    for item in interactions:
        request = item["request"]
        body = request["body"]
        body = body if isinstance(body, str) else (body or {}).get("string", "")
        recorded[key(request["method"], request["uri"], body)] = item["response"]

    class Replay(BaseAdapter):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[tuple[Any, ...]] = []

        def send(self, request: Any, **kwargs: Any) -> Any:
            body = request.body or ""
            body = body.decode() if isinstance(body, bytes) else body
            wanted = key(request.method, request.url, body)
            self.calls.append(wanted)
            if wanted not in recorded:
                raise AssertionError(f"request not in the cassette: {wanted}")
            answer = recorded[wanted]
            response = requests.Response()
            response.status_code = answer["status"]["code"]
            response._content = answer["body"]["string"].encode("utf-8")
            for name, values in answer["headers"].items():
                if name.lower() != "content-encoding":
                    response.headers[name] = values[0] if isinstance(values, list) else values
            response.url, response.request = request.url, request
            return response

        def close(self) -> None:
            pass

    session = requests.Session()
    adapter = Replay()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.replay_calls = adapter.calls  # type: ignore[attr-defined]
    return session


@needs_reddit_data
def test_reddit_thread_with_load_more_expansion() -> None:
    from drafter.sources.reddit import fetch_reddit_thread

    session = replay_session(REDDIT / "TestCommentForest.test_replace__all.cassette.json")
    url = "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/"
    data = fetch_reddit_thread(url, env=CREDS, session=session, more_limit=32)
    thread = parse_comments(data, origin=url)

    # 1 token + 1 thread + 12 morechildren + 6 "continue this thread" requests, all recorded
    assert len(session.replay_calls) == 20
    ids = [c.id for c in thread.comments]
    assert len(ids) == len(set(ids))
    saved = to_thread_data(
        (REDDIT / "threads" / "comments_3hahrw.json").read_text(encoding="utf-8"),
        suffix=".json",
        origin="saved",
    )
    assert len(thread.comments) > len(saved["comments"])  # "load more" added comments
    # Ids a `more` stub promised are now real comments, attached to parents in the thread.
    assert {"cu5pg2h", "cu5rnda", "cu5w3gc"} <= set(ids)
    known = set(ids) | {c["id"] for c in saved["comments"]}
    assert all(c.parent_id is None or c.parent_id in known for c in thread.comments)
    assert max(c.depth for c in thread.comments) >= 9
    assert thread.url == url and thread.platform == "Reddit" and thread.title
    assert all(c.permalink and c.permalink.startswith(url) for c in thread.comments)


@needs_reddit_data
def test_reddit_more_limit_bounds_the_requests() -> None:
    from drafter.sources.reddit import fetch_reddit_thread

    session = replay_session(REDDIT / "TestCommentForest.test_replace__all.cassette.json")
    url = "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/"
    data = fetch_reddit_thread(url, env=CREDS, session=session, more_limit=0)
    assert len(session.replay_calls) == 2  # the token and the thread, no expansion
    assert len(data["comments"]) == 476  # the thread as served, deleted ones still included


@needs_reddit_data
def test_reddit_short_link() -> None:
    from drafter.sources.reddit import fetch_reddit_thread

    session = replay_session(REDDIT / "TestSubmission.test_comments.cassette.json")
    data = fetch_reddit_thread("https://redd.it/2gmzqe", env=CREDS, session=session)
    assert len(data["comments"]) == 2 and "/comments/2gmzqe/" in data["url"]


def test_reddit_url_without_credentials_explains_both_ways() -> None:
    result = CliRunner().invoke(
        app, ["comments", "https://www.reddit.com/r/worldnews/comments/abc123/some_title/"]
    )
    message = " ".join(result.stderr.split())
    assert result.exit_code == 3
    assert "REDDIT_CLIENT_ID" in message and "REDDIT_CLIENT_SECRET" in message
    assert ".json appended" in message


def test_reddit_refused_credentials_have_their_own_message() -> None:
    import requests
    from requests.adapters import BaseAdapter

    from drafter.sources.reddit import fetch_reddit_thread

    class Refuse(BaseAdapter):
        def send(self, request: Any, **kwargs: Any) -> Any:
            response = requests.Response()
            response.status_code = 401
            response._content = b'{"message": "Unauthorized", "error": 401}'
            response.headers["content-type"] = "application/json"
            response.url, response.request = request.url, request
            return response

        def close(self) -> None:
            pass

    session = requests.Session()
    session.mount("https://", Refuse())
    with pytest.raises(CommentsError, match="refused the credentials"):
        fetch_reddit_thread("https://www.reddit.com/comments/abc123/", env=CREDS, session=session)


def test_unsupported_thread_url() -> None:
    result = CliRunner().invoke(app, ["comments", "https://forum.example.com/t/123"])
    assert result.exit_code == 3 and "only Reddit and Hacker News" in " ".join(
        result.stderr.split()
    )


# ---- Hacker News through the Algolia API, on a loopback stand-in ----


@pytest.fixture
def hn_api(monkeypatch: pytest.MonkeyPatch) -> Any:
    item = (FIXTURES / "hn_item.json").read_bytes()
    routes = {
        "/api/v1/items/41000001": lambda h: respond(h, 200, item, "application/json"),
        "/api/v1/items/41000010": lambda h: respond(
            h,
            200,
            b'{"id": 41000010, "type": "comment", "story_id": 41000001, "children": []}',
            "application/json; charset=utf-8",
        ),
        "/api/v1/items/41000099": lambda h: respond(h, 200, b"{not json", "application/json"),
    }
    with Loopback(routes) as api:
        monkeypatch.setenv("DRAFTER_HN_API_BASE", f"{api.url}/api/v1")
        monkeypatch.setenv("DRAFTER_ALLOW_PRIVATE_HOSTS", "1")
        yield api


def test_hacker_news_item_url_reads_the_tree_once(hn_api: Loopback) -> None:
    url = "https://news.ycombinator.com/item?id=41000001"
    first = CliRunner().invoke(app, ["comments", url, "--json"])
    assert first.exit_code == 0, first.stderr
    thread = json.loads(first.stdout)
    assert thread["platform"] == "Hacker News" and thread["url"] == url
    bodies = {c["id"]: c for c in thread["comments"]}
    assert bodies["41000011"]["parent_id"] == "41000010" and bodies["41000011"]["depth"] == 1
    assert "&amp;" not in bodies["41000010"]["body"] and "&" in bodies["41000010"]["body"]
    assert CliRunner().invoke(app, ["comments", url]).exit_code == 0
    assert hn_api.hits["/api/v1/items/41000001"] == 1  # the second read came from the cache
    assert CliRunner().invoke(app, ["comments", url, "--refresh"]).exit_code == 0
    assert hn_api.hits["/api/v1/items/41000001"] == 2


@pytest.mark.parametrize(
    ("item", "words"),
    [
        ("41000010", "is a comment, not a story"),
        ("41000099", "invalid JSON"),
        ("41000404", "does not exist"),
    ],
)
def test_hacker_news_failures(hn_api: Loopback, item: str, words: str) -> None:
    result = CliRunner().invoke(app, ["comments", f"https://news.ycombinator.com/item?id={item}"])
    assert result.exit_code == 3 and words in " ".join(result.stderr.split())


# ---- pre-selection ----


def _c(cid: str, body: str, score: int = 1, parent: str | None = None, **extra: Any) -> Comment:
    return Comment(id=cid, body=body, score=score, parent_id=parent, **extra)


def test_preselection_drops_what_cannot_be_a_reaction() -> None:
    comments = [
        _c("a", "A thoughtful point about export licences and buyers.", 50),
        _c("bot1", "Please keep the discussion civil, or else.", 999, author="AutoModerator"),
        _c(
            "bot2",
            "Here is a summary of the linked article for you.",
            5,
            author="WikiSummarizerBot",
        ),
        _c("bot3", "I am a bot, and this action was performed automatically.", 3),
        _c("link", "https://example.com/some/long/path?x=1", 40),
        _c("mdlink", "[https://example.com](https://example.com)", 40),
        _c("dup", "A thoughtful point about export  licences and buyers!", 10),
        _c("short", "lol", 80),
        _c("b", "Per-shipment permits add weeks; buyers will look elsewhere.", 30),
    ]
    selection = preselect(comments)
    assert [c.id for c in selection.comments] == ["a", "b"]
    assert selection.dropped == {
        "bot": 3,
        "link-only": 2,
        "duplicate": 1,
        "too short": 1,
    }


def test_duplicates_keep_the_higher_scored_copy() -> None:
    selection = preselect(
        [
            _c("low", "Same words here, said twice over.", 2),
            _c("hi", "same words here said twice over", 9),
        ]
    )
    assert [c.id for c in selection.comments] == ["hi"]


def _big_thread(branches: int, per_branch: int) -> list[Comment]:
    comments = []
    for b in range(branches):
        root = f"r{b}"
        comments.append(_c(root, f"Top-level opinion number {b} on the licences. " * 3, 1000 - b))
        for n in range(per_branch - 1):
            body = f"Reply {n} in branch {b}: the delay matters for battery makers. " * 4
            comments.append(_c(f"{root}x{n}", body, 900 - n, parent=root))
    return comments


def test_budget_makes_huge_threads_cost_like_small_ones() -> None:
    small = preselect(_big_thread(20, 10))
    huge = preselect(_big_thread(250, 20))  # 5,000 comments
    for selection in (small, huge):
        assert len(selection.comments) == 40
        assert sum(len(c.body) for c in selection.comments) <= 24_000
    assert sum(huge.dropped.values()) == 5_000 - 40


def test_selection_spreads_over_branches() -> None:
    # One branch holds the 60 best-scored comments; 9 other branches hold modest ones.
    comments = [_c("hot", "The root of a huge and popular argument here.", 5000)]
    comments += [
        _c(f"hot{n}", f"Reply {n} in the popular argument, with detail.", 4000 - n, parent="hot")
        for n in range(60)
    ]
    for b in range(9):
        comments.append(_c(f"q{b}", f"A quieter, separate point number {b} about it.", 20 - b))
    selection = preselect(comments, limit=20)
    roots = {c.id if c.parent_id is None else "hot" for c in selection.comments}
    assert len(roots) == 10  # every branch is represented
    assert sum(1 for c in selection.comments if c.parent_id == "hot") == 10


def test_author_names_never_reach_the_draft(llm_env: Any, tmp_path: Path) -> None:
    from tests.helpers import draft

    data = json.loads((FIXTURES / "comments.json").read_text(encoding="utf-8"))
    authors = {c["author"] for c in data["comments"] if c.get("author")}
    assert authors
    result = draft(tmp_path)
    assert result.exit_code == 0, result.stderr
    folder = Path(result.stdout.strip()).parent
    article = (folder / "article.md").read_text(encoding="utf-8")
    published = json.loads((folder / "article.json").read_text(encoding="utf-8"))
    assert not [a for a in authors if a in article]
    assert all("author" not in r for r in published["reactions"]["reactions"])


# ---- parsers never raise anything but the documented error ----

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "body",
                    "kind",
                    "data",
                    "children",
                    "replies",
                    "comments",
                    "text",
                    "points",
                    "story_id",
                    "type",
                    "parent_id",
                    "score",
                    "author",
                    "permalink",
                    "title",
                    "url",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values, st.sampled_from([".json", ".jsonl", ".txt", ""]))
def test_comment_parsers_only_raise_comments_error(value: Any, suffix: str) -> None:
    raw = json.dumps(value)
    try:
        thread = parse_comments(to_thread_data(raw, suffix=suffix, origin="f"), origin="f")
    except CommentsError:
        return
    assert thread.comments and all(c.body.strip() for c in thread.comments)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from([".csv", ".jsonl", ".json", ".txt"]))
def test_arbitrary_text_files_only_raise_comments_error(raw: str, suffix: str) -> None:
    with contextlib.suppress(CommentsError):
        parse_comments(to_thread_data(raw, suffix=suffix, origin="f"), origin="f")
