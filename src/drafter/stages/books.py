"""関連書籍紹介: candidate books. Marked unverified until the catalog check exists."""

from __future__ import annotations

from drafter.agents import Agent
from drafter.models import Book, BooksSection
from drafter.schemas import BooksDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import glossary_lines, language_issues, lead_text


async def suggest_books(agent: Agent, inputs: StepInputs) -> BooksSection:
    lead = inputs.lead()

    def check(draft: BooksDraft) -> list[str]:
        problems = language_issues(
            [(f"description of book {n}", b.description) for n, b in enumerate(draft.books, 1)],
            inputs.context.lang,
        )
        problems += [
            f"book {n} has no title or author"
            for n, b in enumerate(draft.books, 1)
            if not b.title.strip() or not b.author.strip()
        ]
        return problems

    draft: BooksDraft = await agent.ask(
        {
            "lead": agent.fence("draft-lead", lead_text(lead)),
            "glossary": agent.fence("glossary", glossary_lines(lead.glossary)),
            "article_date": inputs.context.article_date,
        },
        check,
    )
    return BooksSection(books=[Book(**book.model_dump()) for book in draft.books])
