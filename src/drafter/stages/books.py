"""関連書籍紹介: only books a library catalog confirms reach the draft.

The agent proposes up to `books_wanted` + 3 candidates, best first. Code looks them up (NDL
Search for Japanese books, Google Books and Open Library for the rest) and keeps a candidate only
on a title + author match, with the catalog's title, authors, publisher, date and ISBN. The first
`books_wanted` are looked up at once; a spare is looked up only when one of them fails, and the
first `books_wanted` confirmed are kept, in the model's order. Still short: when every candidate
failed the agent is asked again with the failures listed (up to `books_rounds` times); otherwise,
and after that, code fills the gap from a catalog keyword search on the article's topics, ranked
against the article by the sentence encoder, with no model call. Still too few: fewer books, and
the section's note says why. When no catalog can be reached at all, the candidates are kept,
marked unverified, and the run says so.

So the common case (one candidate misremembered) costs one model call, and the books step ends
well before the conclusion: the chain lead → books is two calls against the four of lead →
background → analysis → conclusion.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.agents import Agent
from drafter.books.match import PUFFERY, TITLE_MIN, title_key, title_score
from drafter.models import Book, BooksSection
from drafter.schemas import BookOut, BooksDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import glossary_lines, language_issues, story_in_short

if TYPE_CHECKING:
    from drafter.books.catalogs import CatalogRecord
    from drafter.books.service import BookService
    from drafter.books.verify import Verdict

Asked = tuple[BooksDraft, list[dict[str, object]]]  # the answer, and the flawed books dropped
Ask = Callable[[list[str]], Awaitable[Asked]]

SPARES = 3  # candidates asked for beyond books_wanted
CANDIDATES_MAX = 8  # BooksDraft.books max_length


_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SPELLED = {
    **{w: n for n, w in enumerate(_WORDS, 1)},
    **{k: n for n, k in enumerate("一二三四五六七八九十", 1)},
}


def _description_problems(book: BookOut, n: int) -> list[str]:
    """A description may state only what the title, the reason and the book facts support."""
    problems = []
    if PUFFERY.search(book.description):
        problems.append(
            f"book {n}: the description mentions awards or sales; state only what the book is "
            "about and why it helps"
        )
    allowed = f"{book.title} {book.reason} {book.year or ''} {book.publisher or ''}"
    # a number the title or reason spells out counts too (The Four GAFA 四騎士 → 4社)
    allowed += " " + " ".join(
        str(value)
        for word, value in _SPELLED.items()
        if re.search(rf"(?<![A-Za-z]){word}(?![A-Za-z])", allowed, re.IGNORECASE)
    )
    for number in re.findall(r"\d[\d,.]*", book.description):
        if number.strip(",.") not in allowed:
            problems.append(
                f"book {n}: the description states the number {number} that neither the title "
                "nor your reason gives"
            )
    return problems


def _flaws(draft: BooksDraft, lang: str) -> dict[int, list[str]]:
    """Problems per book (1-based), for the books that have any."""
    found = {}
    for n, book in enumerate(draft.books, 1):
        problems = language_issues([(f"description of book {n}", book.description)], lang)
        if not book.title.strip() or not book.author.strip():
            problems.append(f"book {n} has no title or author")
        if problems := problems + _description_problems(book, n):
            found[n] = problems
    return found


def _without_flawed(draft: BooksDraft, lang: str) -> tuple[BooksDraft, list[dict[str, object]]]:
    """The draft with its flawed books left out, and those books with why."""
    flawed = _flaws(draft, lang)
    dropped: list[dict[str, object]] = [
        {"title": book.title, "author": book.author, "why": "; ".join(flawed[n])}
        for n, book in enumerate(draft.books, 1)
        if n in flawed
    ]
    sound = [book for n, book in enumerate(draft.books, 1) if n not in flawed]
    return draft.model_copy(update={"books": sound}), dropped


async def suggest_books(agent: Agent, inputs: StepInputs) -> BooksSection:
    lead = inputs.lead()
    service = inputs.context.books
    lang = inputs.context.lang
    if inputs.context.books_wanted == 0:
        return BooksSection(books=[], wanted=0, note="books_wanted is 0: no book section")

    def check(draft: BooksDraft) -> list[str]:
        """A flawed spare is dropped by code rather than sent back: the model is asked again
        only when too few sound candidates remain."""
        flawed = _flaws(draft, lang)
        if len(draft.books) - len(flawed) >= min(wanted, len(draft.books)):
            return []
        return [problem for problems in flawed.values() for problem in problems]

    # The topic is what a book is chosen for: the lead's first paragraph (who did what, where)
    # and the renderings of its names, sent again in every round.
    story = story_in_short(lead)

    wanted = max(1, service.wanted) if service else 2

    async def ask(tried: list[str]) -> tuple[BooksDraft, list[dict[str, object]]]:
        draft: BooksDraft = await agent.ask(
            {
                "lead": agent.fence("draft-lead", story),
                "glossary": agent.fence("glossary", glossary_lines(lead.glossary, story)),
                "article_date": inputs.context.article_date,
                "wanted": wanted,
                "candidates": min(CANDIDATES_MAX, wanted + SPARES),
                # Titles the model gave before: its own output, fenced like every upstream text.
                "tried": agent.fence("draft-rejected", "\n".join(f"- {t}" for t in tried))
                if tried
                else "",
            },
            check,
        )
        return _without_flawed(draft, lang)

    first, dropped = await ask([])
    if service is None:  # no catalogs configured (library use): unverified, and marked so
        return BooksSection(books=[Book(**b.model_dump()) for b in first.books[:wanted]])
    return await _verify_rounds(
        service, ask, (first, dropped), inputs.context.article_date, lang, story
    )


@dataclass
class _Tally:
    """What the lookups found so far, in the model's order."""

    wanted: int
    verified: list[Book] = field(default_factory=list)
    unverified: list[Book] = field(default_factory=list)
    rejected: list[dict[str, object]] = field(default_factory=list)
    tried: list[str] = field(default_factory=list)
    unreachable: bool = False

    def known(self, title: str) -> bool:
        return any(title_score(title, v.title) >= TITLE_MIN for v in self.verified)


async def _verify_rounds(
    service: BookService, ask: Ask, first: Asked, article_date: str, lang: str, story: str
) -> BooksSection:
    from drafter.books.catalogs import year_of

    before = year_of(article_date)
    tally = _Tally(service.wanted)
    seen: set[str] = set()
    keywords: list[str] = []
    draft, dropped = first
    for round_number in range(1 + service.rounds):
        if round_number:  # only when every candidate so far failed
            draft, dropped = await ask(tally.tried)
        tally.rejected += [{**d, "round": round_number + 1} for d in dropped]
        keywords = keywords or [k.strip() for k in draft.search_keywords if k.strip()]
        fresh = []
        for book in draft.books:
            if title_key(book.title) not in seen:
                seen.add(title_key(book.title))
                fresh.append(book)
        verdicts = await _look_up(service, fresh, before, tally.wanted - len(tally.verified))
        for book, verdict in zip(fresh, verdicts, strict=True):
            _record(service, tally, book, verdict, round_number + 1)
        if tally.verified or tally.unreachable:
            break

    if len(tally.verified) < tally.wanted and not tally.unreachable and keywords:
        await _from_keyword_search(service, tally, keywords, lang, before, story)
    return _section(tally)


async def _look_up(
    service: BookService, books: list[BookOut], before: int | None, wanted: int
) -> list[Verdict | None]:
    """Verdicts in the model's order; None for a spare that was not needed. The first `wanted`
    go out at once (each catalog still paces its own requests); a spare starts only when a
    lookup ends without a book, so a run where the first candidates are confirmed sends no
    request for the others."""
    verdicts: list[Verdict | None] = [None] * len(books)
    queue = iter(range(len(books)))
    running: dict[asyncio.Future[Verdict], int] = {}
    titles: list[str] = []

    def start() -> None:
        index = next(queue, None)
        if index is not None:
            job = asyncio.ensure_future(asyncio.to_thread(service.verify, books[index], before))
            running[job] = index

    for _ in range(max(1, wanted)):
        start()
    try:
        while running:
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for job in done:
                verdict = verdicts[running.pop(job)] = job.result()
                record = verdict.record
                if record is None or any(title_score(record.title, t) >= TITLE_MIN for t in titles):
                    if not verdict.unreachable:
                        start()  # a miss (or the same book again): the next spare
                else:
                    titles.append(record.title)
    finally:
        for job in running:
            job.cancel()
    return verdicts


def _record(
    service: BookService, tally: _Tally, book: BookOut, verdict: Verdict | None, round_: int
) -> None:
    if verdict is None:
        why = (
            "no catalog could be reached"
            if tally.unreachable
            else "the candidates before it were confirmed"
        )
        spare = {"title": book.title, "author": book.author}
        tally.rejected.append({"spare": spare, "why": f"not looked up: {why}"})
        return
    if verdict.record is not None:
        if not tally.known(verdict.record.title) and len(tally.verified) < tally.wanted:
            tally.verified.append(service.to_book(book, verdict.record, verdict))
        return
    tally.rejected.append(
        {
            "title": book.title,
            "author": book.author,
            "round": round_,
            "why": verdict.why,
            "lookups": [lookup.as_dict() for lookup in verdict.lookups],
        }
    )
    tally.tried.append(f"{book.title} / {book.author}: {verdict.why}")
    if verdict.unreachable:
        tally.unreachable = True
        tally.unverified.append(
            Book(
                **book.model_dump(),
                verification="unverified: no library catalog could be reached "
                f"({verdict.lookups[0].result if verdict.lookups else 'no catalog'})",
            )
        )


async def _from_keyword_search(
    service: BookService,
    tally: _Tally,
    keywords: list[str],
    lang: str,
    before: int | None,
    story: str,
) -> None:
    """Fill the gap from a catalog keyword search on the article's topics: code ranks the hits
    against the article (topic_scores) and takes the closest, with no model round trip."""
    from drafter.books.match import TOPIC_MIN, topic_scores
    from drafter.books.service import record_summary

    records, errors = await asyncio.to_thread(service.keyword_records, keywords, lang, before)
    tally.rejected += [{"keyword_search": keywords, "error": e} for e in errors]
    records = [r for r in records if not tally.known(r.title)]
    scores = await asyncio.to_thread(topic_scores, story, keywords, [r.title for r in records])
    ranked: list[tuple[float, int, CatalogRecord]] = sorted(
        ((score, -n, r) for n, (score, r) in enumerate(zip(scores, records, strict=True))),
        key=lambda entry: (entry[0], entry[1]),
        reverse=True,
    )
    for score, _, record in ranked:
        if len(tally.verified) >= tally.wanted or score < TOPIC_MIN:
            break
        if tally.known(record.title):
            continue
        tally.verified.append(service.keyword_pick(record, keywords, lang, score))
        summary = record_summary(record, None) | {"closeness": round(score, 3)}
        tally.rejected.append({"picked_from_keyword_search": summary})


def _section(tally: _Tally) -> BooksSection:
    books, wanted = tally.verified[: tally.wanted], tally.wanted
    note = None
    if tally.unreachable and len(books) < wanted:
        books += tally.unverified[: wanted - len(books)]
        note = (
            "A library catalog could not be reached: the books marked unverified were not "
            "checked and are left out of the draft's text until they are (--redo books)."
        )
    elif len(books) < wanted:
        note = (
            f"Only {len(books)} of the {wanted} books asked for could be confirmed in a "
            "library catalog; the others were left out."
        )
    return BooksSection(books=books, wanted=wanted, rejected=tally.rejected, note=note)
