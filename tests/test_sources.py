"""Reading the two inputs: article pages over real loopback HTTP and files, comment files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.errors import BotWallError, CommentsError, ExtractionError, FetchError, SourceError
from drafter.sources.article import load_article
from drafter.sources.comments import load_comments
from tests.helpers import FIXTURES
from tests.loopback import Loopback, Route, respond

ARTICLE_HTML = (FIXTURES / "article.html").read_bytes()


@pytest.fixture
def site() -> Iterator[str]:
    pages: dict[str, tuple[int, str, bytes]] = {
        "/story": (200, "text/html; charset=utf-8", ARTICLE_HTML),
        "/moved": (301, "text/html", b""),
        "/wall": (401, "text/html", b"<html><body>Please enable JS</body></html>"),
        "/forbidden": (403, "text/html", b"denied"),
        "/gone": (404, "text/html", b"not here"),
        "/broken": (502, "text/html", b"bad gateway"),
        "/thin": (200, "text/html", b"<html><body><p>Subscribe to read.</p></body></html>"),
        "/pdf": (200, "application/pdf", b"%PDF-1.4"),
    }

    def page(status: int, kind: str, body: bytes) -> Route:
        moved = {"location": "/story"} if status == 301 else None
        return lambda handler: respond(handler, status, body, content_type=kind, headers=moved)

    with Loopback({path: page(*answer) for path, answer in pages.items()}) as server:
        yield server.url


def test_fetches_and_extracts_with_metadata(site: str) -> None:
    article = load_article(f"{site}/moved", allow_private_hosts=True)
    assert article.title.startswith("Veloria expects to delay lithium export licences")
    assert (
        article.url == "https://www.harborwire.example/world/veloria-lithium-licences-2026-03-14/"
    )
    assert article.fetched_url == f"{site}/moved"
    assert article.site_name == "Harbor Wire"
    assert article.date == "2026-03-14"
    assert "182,000 tonnes" in article.text
    assert "Most read" not in article.text and "All rights reserved" not in article.text


@pytest.mark.parametrize(
    ("path", "error", "words"),
    [
        ("/wall", BotWallError, "save it"),
        ("/forbidden", BotWallError, "HTTP 403"),
        ("/gone", FetchError, "does not exist"),
        ("/broken", FetchError, "server error"),
        ("/thin", ExtractionError, "paywall"),
        ("/pdf", FetchError, "not a web page"),
    ],
)
def test_each_fetch_failure_has_its_own_actionable_message(
    site: str, path: str, error: type[SourceError], words: str
) -> None:
    with pytest.raises(error) as caught:
        load_article(f"{site}{path}", allow_private_hosts=True)
    assert words in str(caught.value)


def test_local_files(tmp_path: Path) -> None:
    html = load_article(str(FIXTURES / "article.html"))
    assert html.source_path and html.url and html.site_name == "Harbor Wire"
    md = tmp_path / "story.md"
    md.write_text(
        "---\ntitle: A saved story\nurl: https://news.example/a\nsite_name: News Example\n"
        "date: 2026-01-02\n---\n" + "The council approved the budget on Monday. " * 12,
        encoding="utf-8",
    )
    article = load_article(str(md))
    assert (article.title, article.url, article.site_name, article.date) == (
        "A saved story",
        "https://news.example/a",
        "News Example",
        "2026-01-02",
    )
    txt = tmp_path / "story.txt"
    txt.write_text(
        "Headline here\n\n" + "Body sentence number one is here. " * 12, encoding="utf-8"
    )
    assert load_article(str(txt)).title == "Headline here"
    with pytest.raises(SourceError, match="not found"):
        load_article(str(tmp_path / "missing.html"))
    with pytest.raises(SourceError, match="Unsupported"):
        load_article(str(FIXTURES / "comments.json"))


def test_comments_file_gives_thread_and_drops_deleted() -> None:
    thread = load_comments(str(FIXTURES / "comments.json"))
    assert thread.platform == "Reddit"
    assert thread.url and thread.url.startswith(
        "https://www.reddit.com/r/worldnews/comments/v3lor1/"
    )
    assert "c14" not in {c.id for c in thread.comments}  # [deleted]
    assert len(thread.comments) == 14


def test_plain_list_derives_thread_url_from_permalinks(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            [
                {
                    "id": 1,
                    "body": "numbers as ids are fine",
                    "score": 3,
                    "permalink": "/r/news/comments/abc123/some_title/def456/",
                },
            ]
        ),
        encoding="utf-8",
    )
    thread = load_comments(str(path))
    assert thread.comments[0].id == "1"
    assert thread.url == "https://www.reddit.com/r/news/comments/abc123/some_title/"
    assert thread.platform == "Reddit"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"items": []}', "expected a JSON list"),
        ('[{"id": "a"}]', "comment #1 is invalid (body: Field required)"),
        ('[{"id": "a", "body": "x"}, "oops"]', "comment #2 is not a JSON object"),
        ('[{"id": "a", "body": "x"}, {"id": "a", "body": "y"}]', "occurs more than once"),
        ('[{"id": "a", "body": "[deleted]"}]', "no usable comments"),
    ],
)
def test_malformed_comment_files_say_what_is_wrong(
    tmp_path: Path, content: str, words: str
) -> None:
    path = tmp_path / "c.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommentsError) as caught:
        load_comments(str(path))
    assert words in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x",
        "http://localhost/x",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "http://0x7f.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
    ],
)
def test_non_public_addresses_are_refused_in_every_spelling(url: str) -> None:
    with pytest.raises(FetchError, match="non-public address") as caught:
        load_article(url)
    assert "--allow-private-hosts" in str(caught.value)


def test_public_literal_passes_the_guard() -> None:
    from drafter.sources.netguard import check_url

    check_url("https://93.184.215.14/story")  # a global address: no error (nothing is fetched)


def test_guard_applies_by_default_and_env_var_lifts_it(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from drafter.cli import app

    refused = CliRunner().invoke(app, ["fetch", f"{site}/story"])
    assert refused.exit_code == 3 and "non-public address" in " ".join(refused.stderr.split())
    monkeypatch.setenv("DRAFTER_ALLOW_PRIVATE_HOSTS", "1")
    allowed = CliRunner().invoke(app, ["fetch", f"{site}/story"])
    assert allowed.exit_code == 0 and "Harbor Wire" in allowed.stdout
