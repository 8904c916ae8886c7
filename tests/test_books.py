"""関連書籍紹介: only catalog-verified books, against loopback NDL / Google Books / Open Library
servers that answer in each API's format. The stage's rounds run in-process (the TestModel,
tests/fake_model.py), the catalogs over loopback HTTP; a whole run where the run is tested."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from drafter import sections
from drafter.books import isbn
from drafter.books.catalogs import CatalogError, GoogleBooks, NdlSearch, OpenLibrary
from drafter.books.match import match
from drafter.books.verify import verify
from drafter.sources.http import Fetcher
from tests.catalog_server import FIXTURES, CatalogServer, ndl_rss
from tests.fake_model import Seen, Stages, TestModel
from tests.helpers import draft
from tests.scripted_llm import ScriptedLLM


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


@dataclass
class BooksStage:
    """The books stage run in-process: what each round asked, the section as article.json
    keeps it, and its Markdown."""

    asks: list[Seen]
    books: dict[str, Any]
    markdown: str


def _books_stage(replies: dict[str, Any], rounds: list[dict[str, Any]] | None = None) -> BooksStage:
    """The lead from the fixture's reply, then the books stage answered with `rounds` (else the
    fixture's reply), its candidates looked up in the loopback catalogs."""
    answers = {**replies, "BooksDraft": rounds or replies["BooksDraft"]}
    stages = Stages(TestModel(answers))
    section = asyncio.run(stages.upto("books"))
    markdown = "\n\n".join(sections.get("books").render_blocks(section, "ja"))
    return BooksStage(stages.model.calls("books"), section.model_dump(mode="json"), markdown)


def _titles_queried(catalogs: CatalogServer) -> list[str]:
    return [q["title"][0] for _, q in catalogs.queries if "title" in q]


# The article is about lithium export licences: one hit on that, three on nothing near it.
TOPIC_HITS = [
    ("やさしいパン作り入門", "小川 春 著", 2019),
    ("日本の城めぐり", "石田 実 著", 2018),
    ("リチウム資源の輸出規制", "森 直樹 著", 2021),
    ("はじめての園芸", "村上 葵 著", 2020),
]


EMPTY = {
    "/ndl/": (200, {"content-type": "application/rss+xml"}, ndl_rss([])),
    "/google/": (200, {"content-type": "application/json"}, b'{"kind": "books#volumes"}'),
    "/openlibrary/": (200, {"content-type": "application/json"}, b'{"numFound": 0, "docs": []}'),
}


def _reject(catalogs: CatalogServer, title: str, hits: list[tuple[str, str, int]]) -> None:
    """No catalog holds `title`; a keyword search (NDL `any`) answers with `hits`."""

    def override(prefix: str, query: dict[str, list[str]], _: int) -> Any:
        if "any" in query:
            return 200, {"content-type": "application/rss+xml"}, ndl_rss(hits)
        if title in " ".join(v for values in query.values() for v in values):
            return EMPTY[prefix]
        return None

    catalogs.override = override


def test_one_rejected_candidate_costs_no_second_model_round(
    replies: dict[str, Any], catalogs: CatalogServer
) -> None:
    """The usual case (models misremember titles): the gap is filled by code from a catalog
    keyword search, ranked against the article, with no further model call."""
    _reject(catalogs, "リチウム経済入門", TOPIC_HITS)
    stage = _books_stage(replies)
    books = stage.books
    assert len(stage.asks) == 1
    assert [b["title"] for b in books["books"]] == ["資源と地政学の基礎", "リチウム資源の輸出規制"]
    picked = books["books"][1]
    assert picked["verified"] and picked["catalog"] == "NDL Search" and picked["isbn"]
    # Its description is not the one the model wrote for the rejected candidate.
    written = [b["description"] for b in replies["BooksDraft"]["books"]]
    assert picked["description"] not in written and "NDL Search" in picked["description"]
    (rejected,) = [r for r in books["rejected"] if r.get("title") == "リチウム経済入門"]
    assert len(rejected["lookups"]) == 3
    (choice,) = [r for r in books["rejected"] if "picked_from_keyword_search" in r]
    assert choice["picked_from_keyword_search"]["title"] == "リチウム資源の輸出規制"
    assert (
        "リチウム資源の輸出規制" in stage.markdown and "やさしいパン作り入門" not in stage.markdown
    )


def test_hits_far_from_the_article_are_not_picked(
    replies: dict[str, Any], catalogs: CatalogServer
) -> None:
    _reject(catalogs, "リチウム経済入門", [h for h in TOPIC_HITS if "リチウム" not in h[0]])
    stage = _books_stage(replies)
    books = stage.books
    assert len(stage.asks) == 1 and [b["title"] for b in books["books"]] == ["資源と地政学の基礎"]
    assert "Only 1 of the 2 books" in books["note"]


def test_candidates_are_looked_up_concurrently(
    llm_env: ScriptedLLM, tmp_path: Path, catalogs: CatalogServer
) -> None:
    """Each catalog answer takes 0.4 s: the two candidates' lookups overlap."""
    arrivals: dict[str, float] = {}

    def slow(prefix: str, query: dict[str, list[str]], _: int) -> Any:
        if "title" in query:
            arrivals.setdefault(query["title"][0], time.monotonic())
        time.sleep(0.4)
        return None

    catalogs.override = slow
    result = draft(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert set(arrivals) == {"資源と地政学の基礎", "リチウム経済入門"}
    assert abs(arrivals["資源と地政学の基礎"] - arrivals["リチウム経済入門"]) < 0.2


def test_concurrent_lookups_keep_each_catalogs_pace(
    llm_env: ScriptedLLM,
    tmp_path: Path,
    catalogs: CatalogServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DRAFTER_CATALOG_INTERVAL", "0.3")
    arrivals: list[tuple[str, float]] = []

    def clock(prefix: str, query: dict[str, list[str]], _: int) -> Any:
        arrivals.append((prefix, time.monotonic()))
        return None

    catalogs.override = clock
    _reject(catalogs, "リチウム経済入門", TOPIC_HITS)  # a miss: NDL is asked three times
    miss = catalogs.override
    assert miss is not None
    catalogs.override = lambda prefix, query, n: clock(prefix, query, n) or miss(prefix, query, n)
    result = draft(tmp_path)
    assert result.exit_code == 0, result.stderr
    ndl = [at for prefix, at in arrivals if prefix == "/ndl/"]
    assert len(ndl) >= 3
    # The pace spaces the sends 0.3 s apart; an arrival can be later than its send by the
    # connection's setup time, never earlier. On a busy CI machine one arrival lagged 0.19 s
    # (two arrivals 0.11 s apart), so each pair is held to its steps' spacing less 0.2 s: the
    # lag of one arrival does not add up, and unpaced sends (all at once) still fail.
    for i, j in itertools.combinations(range(len(ndl)), 2):
        assert ndl[j] - ndl[i] >= 0.3 * (j - i) - 0.2, (i, j, ndl)


def test_spares_are_looked_up_only_when_a_candidate_fails(
    replies: dict[str, Any], catalogs: CatalogServer
) -> None:
    """The model proposes more candidates than wanted, best first: the first two a catalog
    confirms are kept, in the model's order, and a spare is looked up only to replace a miss."""
    stage = _books_stage(
        replies,
        [
            {
                "books": [
                    _book("資源と地政学の基礎", "山田太郎"),
                    _book("幻の資源論", "架空 著者"),
                    _book("The Lithium Wars", "Maria Keller", "en"),
                    _book("Ports and Power", "Daniel Okafor", "en"),
                ]
            }
        ],
    )
    books = stage.books
    assert len(stage.asks) == 1
    assert [b["isbn"] for b in books["books"]] == ["9784909817129", "9781915734266"]
    assert "Ports and Power" not in _titles_queried(catalogs)  # not needed: never asked for
    (spare,) = [r for r in books["rejected"] if "spare" in r]
    assert spare["spare"]["title"] == "Ports and Power"
    assert "up to 5" in stage.asks[0].text("user") + stage.asks[0].text("system")


def test_a_flawed_spare_is_dropped_not_sent_back(replies: dict[str, Any]) -> None:
    """More candidates mean more descriptions that may break a rule; while enough sound ones
    remain, code drops the flawed one instead of asking the model again."""
    boast = _book("Ports and Power", "Daniel Okafor", "en")
    boast["description"] = "この本は100万部を売り上げたベストセラーです。"
    stage = _books_stage(
        replies,
        [
            {
                "books": [
                    _book("資源と地政学の基礎", "山田太郎"),
                    boast,
                    _book("The Lithium Wars", "Maria Keller", "en"),
                ]
            }
        ],
    )
    books = stage.books
    assert len(stage.asks) == 1
    assert [b["isbn"] for b in books["books"]] == ["9784909817129", "9781915734266"]
    (dropped,) = [r for r in books["rejected"] if r.get("title") == "Ports and Power"]
    assert "awards or sales" in dropped["why"]


def test_second_round_only_when_every_candidate_failed(replies: dict[str, Any]) -> None:
    stage = _books_stage(
        replies,
        [
            {"books": [_book("資源と地政学の基本", "山田太郎"), _book("幻の資源論", "架空 著者")]},
            {
                "books": [
                    _book("資源と地政学の基礎", "山田太郎"),
                    _book("The Lithium Wars", "Maria Keller", "en"),
                ]
            },
        ],
    )
    books = stage.books
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
    asks = [seen.text("user") for seen in stage.asks]
    assert len(asks) == 2 and "幻の資源論" in asks[1]  # round 2 is told what failed
    assert "幻の資源論" not in stage.markdown and "ISBN 9781915734266" in stage.markdown


def test_keyword_search_when_rounds_run_out(
    replies: dict[str, Any], catalogs: CatalogServer
) -> None:
    junk = {
        "books": [_book("資源と地政学の基本", "山田太郎"), _book("リチウム経済入門", "佐藤次郎")],
        "search_keywords": ["資源外交"],
    }
    stage = _books_stage(replies, [junk])
    books = stage.books
    assert len(stage.asks) == 3  # the first round and books_rounds (2) more; the search is code's
    assert [b["isbn"] for b in books["books"]][:1] == ["9784909817129"]
    assert all("NDL Search" in b["description"] for b in books["books"])
    why = {r["title"]: r["why"] for r in books["rejected"] if "title" in r}
    assert "title 89" in why["資源と地政学の基本"]  # the near miss
    assert "author" in why["リチウム経済入門"]  # right title, wrong author
    assert any(q.get("any") == ["資源外交"] for _, q in catalogs.queries)


def test_a_keyword_pick_is_described_from_the_record_or_neutrally() -> None:
    from drafter.books.catalogs import CatalogRecord
    from drafter.books.service import keyword_pick_text

    record = CatalogRecord("Google Books", "Critical Minerals", ["Ana Ruiz"], "Meridian", "2020")
    record.description = "<p>How export rules for <b>critical minerals</b> are made.</p> More."
    own = keyword_pick_text(record, ["lithium"], "en")[1]
    assert own == "How export rules for critical minerals are made. More."
    assert keyword_pick_text(record, ["リチウム"], "ja")[1].startswith("Google Books")
    record.description = "An award-winning bestseller on minerals."
    assert "award" not in keyword_pick_text(record, ["lithium"], "en")[1]
    record.description = None
    reason, text = keyword_pick_text(record, ["lithium", "exports"], "en")
    assert "lithium, exports" in text and "Google Books" in text and reason


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


def test_a_number_the_title_spells_out_may_be_in_the_description() -> None:
    """『the four GAFA 四騎士が創り変えた世界』 described as 「…アマゾンの4社」: the title gives
    the number, in words and in kanji; a number neither gives is still refused."""
    from drafter.schemas import BookOut
    from drafter.stages.books import _description_problems

    book = BookOut(
        title="the four GAFA 四騎士が創り変えた世界",
        author="スコット・ギャロウェイ",
        reason="巨大IT企業の力を知る一冊。",
        description="グーグル、アップル、フェイスブック、アマゾンの4社を論じる。",
    )
    assert _description_problems(book, 1) == []
    wrong = book.model_copy(update={"description": "5社の戦略を論じる。"})
    assert "the number 5" in _description_problems(wrong, 1)[0]
