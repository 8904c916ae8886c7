"""関連書籍紹介: only catalog-verified books, against loopback NDL / Google Books / Open Library
servers that answer in each API's format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from drafter.books import isbn
from drafter.books.catalogs import CatalogError, GoogleBooks, NdlSearch, OpenLibrary
from drafter.books.match import match
from drafter.books.verify import verify
from drafter.sources.http import Fetcher
from tests.catalog_server import FIXTURES, CatalogServer
from tests.helpers import draft
from tests.scripted_llm import Reply, ScriptedLLM


def _fetcher(sleeps: list[float] | None = None) -> Fetcher:
    fetcher = Fetcher(allow_private_hosts=True)
    if sleeps is not None:
        fetcher.sleep = sleeps.append
    return fetcher


def _catalogs(server: CatalogServer, fetcher: Fetcher) -> dict[str, Any]:
    env = server.env()
    common = {"fetcher": fetcher, "interval": 0.0, "retries": 2}
    return {
        "ndl": NdlSearch("NDL Search", env["DRAFTER_NDL_BASE"], **common),
        "google": GoogleBooks("Google Books", env["DRAFTER_GOOGLE_BOOKS_BASE"], **common),
        "openlibrary": OpenLibrary("Open Library", env["DRAFTER_OPENLIBRARY_BASE"], **common),
    }


# ---- ISBN and matching ----


def test_isbn_checksums_and_conversion() -> None:
    assert isbn.normalize("978-4-909817-12-9") == "9784909817129"
    assert isbn.normalize("978-4-909817-12-8") is None  # wrong check digit
    assert isbn.normalize("0-8044-2957-X") == "9780804429573"  # ISBN-10 with an X
    assert isbn.to10("9780804429573") == "080442957X"
    assert isbn.to10("9791032305690") is None  # 979 has no ISBN-10
    assert isbn.normalize("not an isbn") is None


@pytest.mark.parametrize(
    ("title", "author", "catalog_title", "catalog_authors", "ok"),
    [
        ("資源と地政学の基礎", "山田太郎", "資源と地政学の基礎 : 新版", ["山田, 太郎"], True),
        ("資源と地政学の基本", "山田太郎", "資源と地政学の基礎", ["山田 太郎 著"], False),
        (
            "リチウム経済入門",
            "田中一郎",
            "リチウム経済入門",
            ["鈴木 花子 編", "田中 一郎 監修"],
            True,
        ),
        (
            "リチウム経済入門",
            "佐藤次郎",
            "リチウム経済入門",
            ["鈴木 花子 編", "田中 一郎 監修"],
            False,
        ),
        (
            "The Economics of Straits",
            "ジョン・スミス",
            "The Economics of Straits",
            ["Smith, John"],
            True,
        ),
        ("Lithium Wars", "Maria Keller", "The Lithium Wars: Power, Supply", ["Maria Keller"], True),
        ("Lithium Wars", "M. Keller", "The Lithium Wars", ["Keller, Maria"], True),
        ("Lithium Wars", "Mark Keller", "The Lithium Wars", ["Maria Keller"], False),
    ],
)
def test_title_and_author_matching(
    title: str, author: str, catalog_title: str, catalog_authors: list[str], ok: bool
) -> None:
    assert match(title, author, catalog_title, catalog_authors).ok is ok


# ---- the catalogs, over loopback HTTP ----


def test_each_catalog_parses_its_format(catalogs: CatalogServer) -> None:
    found = _catalogs(catalogs, _fetcher())
    ndl = found["ndl"].search("資源と地政学の基礎", "山田太郎")
    assert [r.isbn13 for r in ndl] == ["9784909817129", "9784909817051", "9784876543212"]
    assert ndl[0].year == 2024 and ndl[0].url and "ndlsearch" in ndl[0].url
    google = found["google"].search("The Lithium Wars", "Maria Keller")
    assert google[0].title.startswith("The Lithium Wars: Power") and google[0].isbn13
    library = found["openlibrary"].search("Ports and Power", "Daniel Okafor")
    assert library[0].authors == ["Daniel Okafor"] and library[0].year == 2018
    assert found["ndl"].search("存在しない本", "誰か") == []
    with pytest.raises(CatalogError, match="malformed"):
        found["ndl"].search("壊れた本", "")


def test_429_is_retried_after_its_retry_after(catalogs: CatalogServer) -> None:
    sleeps: list[float] = []

    def quota_once(prefix: str, query: Any, count: int) -> Any:
        if prefix == "/google/" and count == 1:
            body = (FIXTURES / "google_quota.json").read_bytes()
            return 429, {"content-type": "application/json", "retry-after": "2"}, body
        return None

    catalogs.override = quota_once
    records = _catalogs(catalogs, _fetcher(sleeps))["google"].search("Lithium Wars", "")
    assert records and catalogs.hits["/google/"] == 2 and sleeps == [2.0]


def test_a_retry_after_beyond_the_cap_fails_fast(catalogs: CatalogServer) -> None:
    sleeps: list[float] = []
    catalogs.override = lambda prefix, query, count: (503, {"retry-after": "600"}, b"busy")
    with pytest.raises(CatalogError, match="could not be reached"):
        _catalogs(catalogs, _fetcher(sleeps))["ndl"].search("資源と地政学の基礎", "")
    assert catalogs.hits["/ndl/"] == 1 and sleeps == []  # no retry, no 10-minute wait


def test_books_published_after_the_article_are_not_eligible(catalogs: CatalogServer) -> None:
    found = _catalogs(catalogs, _fetcher())
    later = verify(
        "資源と地政学の基礎", "山田太郎", language="ja", catalogs=found, before_year=2022
    )
    assert later.record is not None and later.record.year == 2021  # the 2021 edition, not 2024
    none = verify("資源と地政学の基礎", "山田太郎", language="ja", catalogs=found, before_year=2020)
    assert none.record is None and "after the article" in none.why


def test_an_unmatched_candidate_records_what_was_tried(catalogs: CatalogServer) -> None:
    found = _catalogs(catalogs, _fetcher())
    verdict = verify(
        "資源と地政学の基本", "山田太郎", language="ja", catalogs=found, before_year=2026
    )
    assert verdict.record is None and not verdict.unreachable
    assert [x.catalog for x in verdict.lookups] == ["NDL Search", "Google Books", "Open Library"]
    assert "closest: 資源と地政学の基礎" in verdict.lookups[0].result


# ---- drafter run: rounds, keyword fallback, unreachable catalogs ----


def _book(title: str, author: str, language: str = "ja") -> dict[str, Any]:
    return {
        "title": title,
        "author": author,
        "publisher": None,
        "year": None,
        "language": language,
        "isbn": None,
        "reason": "背景を理解する助けになるため。",
        "description": "この本は今回の話題の背景を丁寧に解説する入門書です。",
    }


def _books_run(llm_env: ScriptedLLM, tmp_path: Path, rounds: list[dict[str, Any]]) -> Any:
    llm_env.script["BooksDraft"] = [Reply(content=r) for r in rounds]
    result = draft(tmp_path)
    folder = Path(result.stdout.strip().splitlines()[-1]).parent if result.stdout.strip() else None
    return result, folder


def _books_requests(llm_env: ScriptedLLM) -> list[str]:
    return [
        r["messages"][-1]["content"]
        for r in llm_env.requests
        if "BooksDraft" in json.dumps(r.get("response_format") or r.get("tools") or "")
    ]


def test_second_round_replaces_a_book_no_catalog_knows(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    result, folder = _books_run(
        llm_env,
        tmp_path,
        [
            {"books": [_book("資源と地政学の基礎", "山田太郎"), _book("幻の資源論", "架空 著者")]},
            {"books": [_book("The Lithium Wars", "Maria Keller", "en")]},
        ],
    )
    assert result.exit_code == 0, result.stderr
    article = json.loads((folder / "article.json").read_text(encoding="utf-8"))
    books = article["books"]
    assert [b["title"] for b in books["books"]] == [
        "資源と地政学の基礎",
        "The Lithium Wars: Power, Supply and the New Energy Race",
    ]
    assert books["books"][1]["isbn"] == "9781915734266" and books["books"][1]["year"] == 2022
    (rejected,) = [r for r in books["rejected"] if r.get("title") == "幻の資源論"]
    assert [x["catalog"] for x in rejected["lookups"]] == [
        "NDL Search",
        "Google Books",
        "Open Library",
    ]
    asks = _books_requests(llm_env)
    assert len(asks) == 2 and "幻の資源論" in asks[1]  # round 2 is told what failed
    markdown = (folder / "article.md").read_text(encoding="utf-8")
    assert "幻の資源論" not in markdown and "ISBN 9781915734266" in markdown


def test_keyword_search_when_rounds_run_out(
    llm_env: ScriptedLLM, tmp_path: Path, catalogs: CatalogServer
) -> None:
    junk = {
        "books": [_book("資源と地政学の基本", "山田太郎"), _book("リチウム経済入門", "佐藤次郎")],
        "search_keywords": ["資源外交"],
    }
    pick = {"books": [_book("資源と地政学の基礎", "山田 太郎 著")]}
    result, folder = _books_run(llm_env, tmp_path, [junk, junk, junk, pick])
    assert result.exit_code == 0, result.stderr
    books = json.loads((folder / "article.json").read_text(encoding="utf-8"))["books"]
    assert [b["isbn"] for b in books["books"]] == ["9784909817129"]
    assert "Only 1 of the 2 books" in books["note"]
    why = {r["title"]: r["why"] for r in books["rejected"] if "title" in r}
    assert "title 89" in why["資源と地政学の基本"]  # the near miss
    assert "author" in why["リチウム経済入門"]  # right title, wrong author
    asks = _books_requests(llm_env)
    assert len(asks) == 4 and "[B1] 資源と地政学の基礎" in asks[3]
    assert any(q.get("any") == ["資源外交"] for _, q in catalogs.queries)


def test_unreachable_catalogs_keep_the_draft_and_say_so(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DRAFTER_NDL_BASE", "DRAFTER_GOOGLE_BOOKS_BASE", "DRAFTER_OPENLIBRARY_BASE"):
        monkeypatch.setenv(name, "http://127.0.0.1:9/closed")  # nothing listens on port 9
    result = draft(tmp_path)
    # A complete draft: a success with a warning, so `drafter run … && drafter export …` works
    assert result.exit_code == 0, result.stderr
    message = " ".join(result.stderr.split())
    assert "could not be verified" in message and "--redo books" in message
    assert "books_wanted = 0" in message
    folder = Path(result.stdout.strip().splitlines()[-1]).parent
    markdown = (folder / "article.md").read_text(encoding="utf-8")
    article = json.loads((folder / "article.json").read_text(encoding="utf-8"))
    candidates = article["books"]["books"]
    assert len(candidates) == 2 and not any(b["verified"] for b in candidates)
    for book in candidates:  # kept for the editor, never in the text an export publishes
        assert book["title"] not in markdown
    assert "関連書籍紹介" not in markdown
    assert json.loads((folder / "run.json").read_text())["books"]["unverified"] == 2


def test_redo_books_after_the_catalogs_are_back(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogs: CatalogServer
) -> None:
    good = catalogs.env()
    for name in ("DRAFTER_NDL_BASE", "DRAFTER_GOOGLE_BOOKS_BASE", "DRAFTER_OPENLIBRARY_BASE"):
        monkeypatch.setenv(name, "http://127.0.0.1:9/closed")
    first = draft(tmp_path)
    folder = Path(first.stdout.strip().splitlines()[-1]).parent
    assert first.exit_code == 0 and "could not be verified" in first.stderr
    for name, value in good.items():
        monkeypatch.setenv(name, value)
    lead_calls = llm_env.count("LeadDraft")
    from tests.helpers import run_cli

    again = run_cli("--resume", str(folder), "--redo", "books")
    assert again.exit_code == 0, again.stderr
    assert llm_env.count("LeadDraft") == lead_calls  # only books (and nothing reads it) redone
    books = json.loads((folder / "article.json").read_text(encoding="utf-8"))["books"]["books"]
    assert all(b["verified"] for b in books)


def test_affiliate_links_from_the_catalog_isbn(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "drafter.toml"
    config.write_text(
        '[book_links]\nAmazon = "https://www.amazon.co.jp/dp/{isbn10}?tag=myblog-22"\n',
        encoding="utf-8",
    )
    result = draft(tmp_path)
    assert result.exit_code == 0, result.stderr
    folder = Path(result.stdout.strip().splitlines()[-1]).parent
    markdown = (folder / "article.md").read_text(encoding="utf-8")
    assert "[Amazon](https://www.amazon.co.jp/dp/4909817123?tag=myblog-22)" in markdown
    meta = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert meta["check"]["ok"]  # links built from the catalog's ISBN are not "unfetched"


def test_malformed_json_from_a_catalog_is_a_clear_error(catalogs: CatalogServer) -> None:
    catalogs.override = lambda prefix, query, count: (
        200,
        {"content-type": "application/json"},
        b'{"kind": "books#volumes", "items": [',
    )
    with pytest.raises(CatalogError, match="Google Books sent malformed JSON"):
        _catalogs(catalogs, _fetcher())["google"].search("Lithium Wars", "Maria Keller")
    with pytest.raises(CatalogError, match="Open Library sent malformed JSON"):
        _catalogs(catalogs, _fetcher())["openlibrary"].search("Ports and Power", "")
