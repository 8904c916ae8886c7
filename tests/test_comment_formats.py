"""Comment files in every supported format, detected by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import CommentsError
from drafter.sources.comments import load_comments
from tests.helpers import FIXTURES
from tests.prereqs import missing_data, shared

REDDIT = shared("reddit", "threads")
needs_reddit = pytest.mark.skipif(not REDDIT.is_dir(), reason=missing_data("reddit", "threads"))


@needs_reddit
def test_real_reddit_thread_json_with_nesting_deleted_and_more_stubs() -> None:
    thread = load_comments(str(REDDIT / "comments_3hahrw.json"))
    # 476 t1 comments in the file, 6 of them with a [deleted] body; "more" stubs hold no text.
    assert len(thread.comments) == 470
    assert thread.platform == "Reddit" and thread.title
    assert thread.url == "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/"
    ids = {c.id for c in thread.comments}
    replies = [c for c in thread.comments if c.parent_id]
    # A reply's parent is in the file unless the parent itself was deleted.
    assert len(replies) > 300 and sum(c.parent_id in ids for c in replies) / len(replies) > 0.95
    assert all(
        c.permalink and c.permalink.startswith("https://www.reddit.com/r/funny/comments/3hahrw/")
        for c in thread.comments
    )
    assert not any(c.body in ("[deleted]", "[removed]") for c in thread.comments)
    assert any(
        "&" in c.body or ">" in c.body for c in thread.comments
    )  # raw_json=1: left unescaped


@needs_reddit
def test_small_reddit_threads_keep_reply_links() -> None:
    thread = load_comments(str(REDDIT / "comments_jlbw48.json"))
    assert len(thread.comments) == 6
    by_id = {c.id: c for c in thread.comments}
    assert all(c.parent_id is None or c.parent_id in by_id for c in thread.comments)
    assert sum(1 for c in thread.comments if c.parent_id) == 3


def test_hacker_news_algolia_item() -> None:
    thread = load_comments(str(FIXTURES / "hn_item.json"))
    assert thread.platform == "Hacker News"
    assert thread.url == "https://news.ycombinator.com/item?id=41000001"
    assert [c.id for c in thread.comments] == [
        "41000010",
        "41000011",
        "41000020",
    ]  # deleted dropped
    first = thread.comments[0]
    assert (
        first.body
        == "Per-shipment permits are a paperwork nightmare & buyers know it.\n\nSecond paragraph."
    )
    assert thread.comments[1].parent_id == "41000010"
    assert thread.comments[1].permalink == "https://news.ycombinator.com/item?id=41000011"


def test_jsonl_csv_and_plain_text(tmp_path: Path) -> None:
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text('{"id": "a", "body": "first"}\n\n{"id": "b", "body": "second", "score": 4}\n')
    assert [(c.id, c.score) for c in load_comments(str(jsonl)).comments] == [("a", None), ("b", 4)]

    table = tmp_path / "c.csv"
    table.write_text(
        'id,author,score,text\nx1,ann,12,"Commas, quotes ""and"" newlines\nkept"\nx2,,,short\n'
    )
    comments = load_comments(str(table)).comments
    assert comments[0].body == 'Commas, quotes "and" newlines\nkept' and comments[0].score == 12
    assert comments[1].author is None

    text = tmp_path / "c.txt"
    text.write_text("First comment,\nstill first.\n\n\nSecond comment.\n")
    assert [(c.id, c.body) for c in load_comments(str(text)).comments] == [
        ("p1", "First comment,\nstill first."),
        ("p2", "Second comment."),
    ]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("c.csv", "name,comment\nx,y\n", "needs a header row with 'id' and 'body'"),
        ("c.jsonl", '{"id": "a", "body": "x"}\n{oops\n', "line 2 is not valid JSON"),
        ("c.txt", "   \n\n", "is empty"),
        ("c.csv", 'id,body\nz,"a"\n', ""),
    ],
)
def test_malformed_files_name_the_problem(
    tmp_path: Path, name: str, content: str, words: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    if not words:
        assert load_comments(str(path)).comments[0].id == "z"
        return
    with pytest.raises(CommentsError, match=words):
        load_comments(str(path))


def test_a_thread_url_gives_save_instructions() -> None:
    with pytest.raises(CommentsError, match=r"with \.json appended"):
        load_comments("https://www.reddit.com/r/news/comments/abc/x/")
