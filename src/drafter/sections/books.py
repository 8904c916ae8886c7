"""関連書籍紹介: books the model proposed, each looked up in a library catalog. Only
catalog-verified books reach the text; an unverified candidate (no catalog could be reached)
stays in article.json and on the desk, "to verify". Strict in the check."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from drafter.links import link_target
from drafter.models import BooksSection
from drafter.sections.base import Section
from drafter.sections.markdown import block, esc

if TYPE_CHECKING:
    from drafter.agents import Agent
    from drafter.stages import StepInputs


async def stage(agent: Agent, inputs: StepInputs) -> BooksSection:
    from drafter.stages.books import suggest_books  # stages load only when drafting

    return await suggest_books(agent, inputs)


def isbn_text(isbn: str) -> str:
    return f"ISBN {isbn}"  # 13 digits as catalogued: hyphenation needs the range tables


def render(books: BooksSection, lang: str, heading: str) -> list[str]:
    """No heading at all when no book is verified: the section is left out."""
    out: list[str] = []
    for book in (b for b in books.books if b.verified):
        out.append(f"### {esc(book.title)}")
        year = (f"{book.year}年" if lang == "ja" else str(book.year)) if book.year else None
        details = [p for p in (book.publisher, year) if p]
        byline = (
            f"{esc(book.author)}（{esc('、'.join(details))}）"
            if lang == "ja" and details
            else (
                f"{esc(book.author)} ({esc(', '.join(details))})" if details else esc(book.author)
            )
        )
        if book.isbn:
            byline += f" {isbn_text(book.isbn)}"
        out.append(block(byline))
        note = html.escape(book.verification, quote=False).replace("--", "‐‐")
        out.append(f"<!-- drafter: verified {note} -->")
        out.append(block(esc(book.description)))
        if book.links:
            out.append(
                " / ".join(f"[{esc(link.label)}]({link_target(link.url)})" for link in book.links)
            )
    return [f"## {heading}", *out] if out else []


def summary(books: BooksSection) -> dict[str, Any]:
    """run.json's `books`: what the CLI's exit code (unverified → 6), the batch table and the
    archive read."""
    return {
        "wanted": books.wanted,
        "verified": sum(1 for b in books.books if b.verified),
        "unverified": sum(1 for b in books.books if not b.verified),
        "rejected": len([r for r in books.rejected if "title" in r]),
        "note": books.note,
    }


SECTION = Section(
    name="books",
    artifact=BooksSection,
    stage=stage,
    render=render,
    order=60,
    headings={"ja": "関連書籍紹介", "en": "Related books"},
    strict=True,
    summary=summary,
)
