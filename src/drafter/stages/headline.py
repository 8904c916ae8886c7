"""Headline: the news fact and a framing phrase, as two parts code joins; hedges kept; tags.

The category is not the model's to choose: it comes from config (`category`, default ニュース).
The title records where its framing phrase sits (`Headline.framing`), so the fact check can skip
the catchphrase as the headline's own words instead of taking it for a quotation.
"""

from __future__ import annotations

from drafter.agents import Agent
from drafter.models import Framing, Headline
from drafter.schemas import HeadlineDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import glossary_lines, language_issues, lead_text

MAX_TITLE = 90
TITLE_JOIN = {"ja": " ", "en": ": "}


def assemble_title(fact: str, framing: str | None, lang: str) -> tuple[str, Framing | None]:
    """The title from the headline agent's two parts: the news fact, then the framing phrase
    (「資源同盟」の行方), with where the framing sits in the title, so the check can tell the
    headline's catchphrase from a claim of the source."""
    fact = " ".join(fact.split())
    phrase = " ".join((framing or "").split())
    if not phrase:
        return fact, None
    joiner = TITLE_JOIN.get(lang, " ") if fact else ""
    title = f"{fact}{joiner}{phrase}"
    start = len(fact) + len(joiner)
    return title, Framing(text=phrase, start=start, end=start + len(phrase))


async def write_headline(agent: Agent, inputs: StepInputs) -> Headline:
    article, lead = inputs.article(), inputs.lead()
    lang = inputs.context.lang

    def check(draft: HeadlineDraft) -> list[str]:
        parts = [("fact", draft.fact)] + ([("framing", draft.framing)] if draft.framing else [])
        problems = language_issues(parts, lang)
        if not draft.fact.strip():
            problems.append("`fact` is empty: the title needs the news fact")
        title, _ = assemble_title(draft.fact, draft.framing, lang)
        if len(title) > MAX_TITLE:
            problems.append(f"the title has {len(title)} characters; keep it under {MAX_TITLE}")
        return problems

    story = lead_text(lead)
    draft: HeadlineDraft = await agent.ask(
        {
            # The source's own headline carries its framing; untrusted page text, so fenced.
            "source_title": agent.fence("source-title", article.title),
            "lead": agent.fence("draft-lead", story),
            "glossary": agent.fence("glossary", glossary_lines(lead.glossary, story)),
        },
        check,
    )
    title, framing = assemble_title(draft.fact, draft.framing, lang)
    tags = list(dict.fromkeys(t.strip() for t in draft.tags if t.strip()))
    return Headline(
        title=title,
        category=inputs.context.category,
        tags=tags,
        fact=" ".join(draft.fact.split()),
        framing=framing,
    )
