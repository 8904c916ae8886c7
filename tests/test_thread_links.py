"""Links the input vouches for: a comment's permalink is believed only on the thread's own site
(else it would let any URL through the output guard and the check), and a page's canonical URL
on another site is shown as such in 参考リンク, never silently cited as the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pydantic import BaseModel

from drafter.check.core import fetched_urls
from drafter.guard import OutputGuard, run_urls, url_key
from drafter.models import Article
from drafter.render import Draft, reference_links, render_markdown
from drafter.sources.comments import absolute_permalink, parse_comments
from tests.helpers import draft
from tests.scripted_llm import ScriptedLLM

THREAD = "https://www.reddit.com/r/worldnews/comments/abc123/port_strike/"
GOOD = [THREAD + "c1/", "https://old.reddit.com/r/worldnews/comments/abc123/port_strike/c2/"]
FOREIGN = [
    "https://evil.example/login",
    "http:/evil.example/login",
    "https://www.reddit.com.evil.example/r/x/",
    "https://www.reddit.com@evil.example/r/x/",
    "//evil.example/r/x/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]


class Answer(BaseModel):
    text: str


def _article() -> Article:
    return Article(
        url="https://news.example.com/port-strike",
        fetched_url="https://news.example.com/port-strike",
        title="Port strike extended",
        text="Dock workers extended their strike.",
        fetched_at="2026-01-01T00:00:00+00:00",
    )


def _thread(url: str | None, permalinks: list[str]) -> dict[str, object]:
    comments = [
        {"id": f"c{n}", "body": f"comment {n}", "permalink": link}
        for n, link in enumerate(permalinks)
    ]
    return {"url": url, "comments": comments} if url else {"comments": comments}


def test_a_permalink_off_the_threads_site_is_not_believed() -> None:
    thread = parse_comments(_thread(THREAD, GOOD + FOREIGN), origin="thread.json")
    allowed = run_urls(_article(), thread)
    guard = OutputGuard("DRAFTER-CANARY-0", allowed)
    for link in GOOD:
        assert link in allowed
        assert guard.problems(Answer(text=f"詳しくは {link} を参照。")) == []
    for link in FOREIGN:
        assert absolute_permalink(link, THREAD) is None
        assert url_key(link) not in fetched_urls(_article(), thread)  # the check's list
    assert guard.problems(Answer(text="詳しくは https://evil.example/login を参照。"))
    assert {url_key(u) for u in allowed} == fetched_urls(_article(), thread)


def test_a_thread_without_a_url_believes_only_the_known_comment_sites() -> None:
    hn = "https://news.ycombinator.com/item?id=4242"
    thread = parse_comments(_thread(None, [hn, "/r/x/comments/1/y/c2/", *FOREIGN]), origin="f")
    allowed = run_urls(_article(), thread)
    assert hn in allowed and "https://www.reddit.com/r/x/comments/1/y/c2/" in allowed
    assert not any("evil.example" in link for link in allowed)


def _links(markdown: str) -> list[str]:
    """Every href the Markdown renders to, as markdown-it reads it (links and autolinks)."""
    hrefs = []
    for token in MarkdownIt("commonmark").enable("linkify").parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                hrefs.append(str(child.attrGet("href")))
    return hrefs


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_canonical_url_on_another_site_is_shown_as_such(
    llm_env: ScriptedLLM, tmp_path: Path, lang: str
) -> None:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    folder = Path(result.stdout.strip().splitlines()[-1]).parent
    finished = Draft.model_validate_json((folder / "article.json").read_text(encoding="utf-8"))
    fetched = "https://www.harborwire.example/world/veloria-lithium-licences/"
    article = finished.article.model_copy(
        update={"url": "https://evil.example/login", "fetched_url": fetched}
    )
    links = reference_links(article, finished.thread, lang)
    assert links[0].url == fetched  # what the run read is what is cited
    assert "evil.example" in links[0].label  # and the page's claim is named, not hidden
    markdown = render_markdown(
        finished.model_copy(update={"article": article, "references": links, "lang": lang})
    )
    hrefs = _links(markdown.split("## ")[-1])  # the reference list
    assert fetched in hrefs and not any("evil.example" in href for href in hrefs)
    # ... nor allowed for model output or the check: the run never read it.
    from drafter.guard import run_urls

    assert "https://evil.example/login" not in run_urls(article, finished.thread)
    assert fetched in run_urls(article, finished.thread)
    # A canonical URL on the same site (www., a subdomain) is cited as before.
    same = article.model_copy(update={"url": "https://harborwire.example/world/x/"})
    assert reference_links(same, finished.thread, lang)[0].url == same.url
    assert same.url in run_urls(same, finished.thread)
