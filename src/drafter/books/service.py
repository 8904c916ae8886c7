"""The catalogs a run uses, and how a verified candidate becomes a Book of the draft."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from typing import Any

from drafter.books import isbn as isbn_tools
from drafter.books.catalogs import (
    Catalog,
    CatalogError,
    CatalogRecord,
    GoogleBooks,
    NdlSearch,
    OpenLibrary,
)
from drafter.books.match import PUFFERY, TITLE_MIN, title_score
from drafter.books.verify import Verdict, catalogs_for, record_summary, verify
from drafter.config import Settings
from drafter.models import Book, BookLink
from drafter.schemas import BookOut
from drafter.sources.http import Fetcher


class BookService:
    def __init__(
        self, settings: Settings, fetcher: Fetcher, env: Mapping[str, str] | None = None
    ) -> None:
        env = os.environ if env is None else env
        common: dict[str, Any] = {
            "fetcher": fetcher,
            "interval": settings.catalog_interval,
            "retries": settings.catalog_retries,
        }
        self.catalogs: dict[str, Catalog] = {
            "ndl": NdlSearch("NDL Search", settings.ndl_base, **common),
            "google": GoogleBooks(
                "Google Books",
                settings.google_books_base,
                api_key=env.get(settings.google_books_key_env) or None,
                **common,
            ),
            "openlibrary": OpenLibrary("Open Library", settings.openlibrary_base, **common),
        }
        self.wanted = settings.books_wanted
        self.rounds = settings.books_rounds
        self.link_templates = dict(settings.book_links)

    def verify(self, book: BookOut, before_year: int | None) -> Verdict:
        return verify(
            book.title,
            book.author,
            language=book.language,
            catalogs=self.catalogs,
            before_year=before_year,
        )

    def to_book(self, proposed: BookOut, record: CatalogRecord, verdict: Verdict | None) -> Book:
        japanese = (record.language or "").startswith(("ja", "jpn"))
        scores = (
            f" (title {verdict.score.title:.0f}, author {verdict.score.author:.0f})"
            if verdict and verdict.score
            else ""
        )
        return Book(
            title=record.title,
            author=("、" if japanese else ", ").join(record.authors) or proposed.author,
            publisher=record.publisher,
            year=record.year,
            published=record.date,
            language=record.language or proposed.language,
            isbn=record.isbn13,
            reason=proposed.reason,
            description=proposed.description,
            verified=True,
            verification=f"{record.catalog}: {record.url or record.label()}{scores}",
            catalog=record.catalog,
            catalog_url=record.url,
            links=self.links(record.isbn13),
        )

    def keyword_pick(
        self, record: CatalogRecord, keywords: list[str], lang: str, closeness: float
    ) -> Book:
        """A book code chose from a keyword search: every fact from the catalog record; no
        model wrote about it, so its text is the record's own description or a neutral line."""
        reason, description = keyword_pick_text(record, keywords, lang)
        japanese = (record.language or "").startswith(("ja", "jpn"))
        return Book(
            title=record.title,
            author=("、" if japanese else ", ").join(record.authors),
            publisher=record.publisher,
            year=record.year,
            published=record.date,
            language=record.language,
            isbn=record.isbn13,
            reason=reason,
            description=description,
            verified=True,
            verification=f"{record.catalog}: {record.url or record.label()} (keyword search "
            f"{' / '.join(keywords)}, closeness to the article {closeness:.2f})",
            catalog=record.catalog,
            catalog_url=record.url,
            links=self.links(record.isbn13),
        )

    def links(self, isbn13: str | None) -> list[BookLink]:
        if not isbn13:
            return []
        isbn10 = isbn_tools.to10(isbn13)
        links = []
        for name, template in self.link_templates.items():
            if "{isbn10}" in template and not isbn10:
                continue
            links.append(BookLink(label=name, url=template.format(isbn13=isbn13, isbn10=isbn10)))
        return links

    def keyword_records(
        self, keywords: list[str], language: str, before_year: int | None, limit: int = 8
    ) -> tuple[list[CatalogRecord], list[str]]:
        """Books on the article's topics straight from the catalogs (with an ISBN, published
        before the article), and the errors met on the way."""
        found: list[CatalogRecord] = []
        errors: list[str] = []
        sample = "日本語" if language == "ja" else "English"
        for catalog in catalogs_for(sample, language, self.catalogs)[:2]:
            try:
                records = catalog.keywords(keywords)
            except CatalogError as exc:
                errors.append(exc.message)
                continue
            for record in records:
                if not record.isbn13 or not record.authors:
                    continue
                if before_year and record.year and record.year > before_year:
                    continue  # published after the article
                if any(title_score(record.title, r.title) >= TITLE_MIN for r in found):
                    continue
                found.append(record)
            if len(found) >= limit:
                break
        return found[:limit], errors


_KANA = re.compile(r"[\u3040-\u30ff]")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_SENTENCE_END = {"ja": re.compile(r"(?<=[。！？])"), "en": re.compile(r"(?<=[.!?])\s+")}
DESCRIPTION_MAX = 300


def keyword_pick_text(record: CatalogRecord, keywords: list[str], lang: str) -> tuple[str, str]:
    """(reason, description) of a keyword-search pick. The description is the catalog's own
    summary when it is in the article's language, makes no award or sales claim, and its first
    sentences fit in DESCRIPTION_MAX characters; otherwise a neutral line saying where the book
    was found. Never text the model wrote for another book."""
    topics = ("、" if lang == "ja" else ", ").join(keywords)
    if lang == "ja":
        reason = f"{record.catalog}の蔵書検索（{topics}）で、記事の話題に近い本として選ばれました。"
        neutral = f"{record.catalog}の蔵書検索で「{topics}」に関する本として見つかった一冊です。"
    else:
        reason = f"Chosen from a {record.catalog} search ({topics}) as the closest to the article."
        neutral = f"Found in a {record.catalog} search for books on {topics}."
    return reason, _catalog_description(record.description, lang) or neutral


def _catalog_description(raw: str | None, lang: str) -> str | None:
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw or "")).split())
    in_language = bool(_KANA.search(text)) if lang == "ja" else not _JAPANESE.search(text)
    if not text or not in_language or PUFFERY.search(text):
        return None
    kept = ""
    for sentence in _SENTENCE_END.get(lang, _SENTENCE_END["en"]).split(text)[:3]:
        joined = f"{kept} {sentence}".strip() if lang != "ja" else kept + sentence.strip()
        if len(joined) > DESCRIPTION_MAX:
            break
        kept = joined
    return kept or None


__all__ = ["BookService", "keyword_pick_text", "record_summary"]
