"""関連書籍紹介: only books a library catalog confirms reach the draft.

Round 1: the agent proposes candidates; each is looked up by code (NDL Search for Japanese books,
Google Books and Open Library for the rest) and kept only on a title + author match, with the
catalog's title, authors, publisher, date and ISBN. Too few? Up to `books_rounds` more rounds
with the rejected titles listed, then a catalog keyword search on the article's topics whose
records the agent may choose from and describe. Still too few: fewer books, and the section's
note says why. When no catalog can be reached at all, the candidates are kept, marked
unverified, and the run says so.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from drafter.agents import Agent
from drafter.books.match import title_key
from drafter.models import Book, BooksSection
from drafter.schemas import BookOut, BooksDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import glossary_lines, language_issues, story_in_short

if TYPE_CHECKING:
    from drafter.books.service import BookService

Ask = Callable[..., Awaitable[BooksDraft]]

_PUFFERY = re.compile(
    r"受賞|賞を|ベストセラー|万部|部突破|話題作|award|prize|best-?sell|million copies|acclaimed",
    re.IGNORECASE,
)


def _description_problems(book: BookOut, n: int) -> list[str]:
    """A description may state only what the title, the reason and the book facts support."""
    problems = []
    if _PUFFERY.search(book.description):
        problems.append(
            f"book {n}: the description mentions awards or sales; state only what the book is "
            "about and why it helps"
        )
    allowed = f"{book.title} {book.reason} {book.year or ''} {book.publisher or ''}"
    for number in re.findall(r"\d[\d,.]*", book.description):
        if number.strip(",.") not in allowed:
            problems.append(
                f"book {n}: the description states the number {number} that neither the title "
                "nor your reason gives"
            )
    return problems


async def suggest_books(agent: Agent, inputs: StepInputs) -> BooksSection:
    lead = inputs.lead()
    service = inputs.context.books
    lang = inputs.context.lang
    if inputs.context.books_wanted == 0:
        return BooksSection(books=[], wanted=0, note="books_wanted is 0: no book section")

    def check(draft: BooksDraft) -> list[str]:
        problems = language_issues(
            [(f"description of book {n}", b.description) for n, b in enumerate(draft.books, 1)],
            lang,
        )
        for n, book in enumerate(draft.books, 1):
            if not book.title.strip() or not book.author.strip():
                problems.append(f"book {n} has no title or author")
            problems += _description_problems(book, n)
        return problems

    # The topic is what a book is chosen for: the lead's first paragraph (who did what, where)
    # and the renderings of its names, sent again in every round.
    story = story_in_short(lead)

    async def ask(tried: list[str], wanted: int, records: str = "") -> BooksDraft:
        draft: BooksDraft = await agent.ask(
            {
                "lead": agent.fence("draft-lead", story),
                "glossary": agent.fence("glossary", glossary_lines(lead.glossary, story)),
                "article_date": inputs.context.article_date,
                "wanted": wanted,
                # Titles the model gave before: its own output, fenced like every upstream text.
                "tried": agent.fence("draft-rejected", "\n".join(f"- {t}" for t in tried))
                if tried
                else "",
                "catalog_records": agent.fence("catalog-records", records) if records else "",
            },
            check,
        )
        return draft

    first = await ask([], max(1, service.wanted) if service else 2)
    if service is None:  # no catalogs configured (library use): unverified, and marked so
        return BooksSection(books=[Book(**b.model_dump()) for b in first.books])
    return await _verify_rounds(service, ask, first, inputs.context.article_date, lang)


async def _verify_rounds(
    service: BookService, ask: Ask, first: BooksDraft, article_date: str, lang: str
) -> BooksSection:
    from drafter.books.catalogs import year_of
    from drafter.books.service import pick, record_summary

    before = year_of(article_date)
    verified: list[Book] = []
    unverified: list[Book] = []
    rejected: list[dict[str, object]] = []
    tried: list[str] = []
    seen: set[str] = set()
    keywords: list[str] = []
    unreachable = False
    draft = first
    for round_number in range(1 + service.rounds):
        if round_number:
            draft = await ask(tried, service.wanted - len(verified))
        keywords = keywords or [k for k in draft.search_keywords if k.strip()]
        for book in draft.books:
            key = title_key(book.title)
            if key in seen:
                continue
            seen.add(key)
            verdict = await asyncio.to_thread(service.verify, book, before)
            if verdict.record is not None:
                if all(title_key(v.title) != title_key(verdict.record.title) for v in verified):
                    verified.append(service.to_book(book, verdict.record, verdict))
                continue
            rejected.append(
                {
                    "title": book.title,
                    "author": book.author,
                    "round": round_number + 1,
                    "why": verdict.why,
                    "lookups": [lookup.as_dict() for lookup in verdict.lookups],
                }
            )
            tried.append(f"{book.title} / {book.author}: {verdict.why}")
            if verdict.unreachable:
                unreachable = True
                unverified.append(
                    Book(
                        **book.model_dump(),
                        verification="unverified: no library catalog could be reached "
                        f"({verdict.lookups[0].result if verdict.lookups else 'no catalog'})",
                    )
                )
        if len(verified) >= service.wanted or unreachable:
            break

    if len(verified) < service.wanted and not unreachable and keywords:
        records, errors = await asyncio.to_thread(service.keyword_records, keywords, lang, before)
        rejected += [{"keyword_search": keywords, "error": e} for e in errors]
        known = {title_key(v.title) for v in verified}
        records = [r for r in records if title_key(r.title) not in known]
        if records:
            listing = "\n".join(f"[B{n}] {r.label()}" for n, r in enumerate(records, 1))
            draft = await ask(tried, service.wanted - len(verified), listing)
            for book in draft.books:
                record = pick(book.title, records)
                if record is None:
                    rejected.append({"title": book.title, "why": "not one of the records offered"})
                    continue
                if all(title_key(v.title) != title_key(record.title) for v in verified):
                    verified.append(service.to_book(book, record, None))
                    rejected.append({"picked_from_keyword_search": record_summary(record, None)})

    books = verified[: service.wanted]
    note = None
    if unreachable and len(books) < service.wanted:
        books += unverified[: service.wanted - len(books)]
        note = (
            "A library catalog could not be reached: the books marked unverified were not "
            "checked and are left out of the draft's text until they are (--redo books)."
        )
    elif len(books) < service.wanted:
        note = (
            f"Only {len(books)} of the {service.wanted} books asked for could be confirmed in a "
            "library catalog; the others were left out."
        )
    return BooksSection(books=books, wanted=service.wanted, rejected=rejected, note=note)
