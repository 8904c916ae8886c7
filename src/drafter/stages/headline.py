"""Headline: the news fact, then a framing phrase; hedges kept; category and tags."""

from __future__ import annotations

from drafter.agents import Agent
from drafter.models import Headline
from drafter.schemas import HeadlineDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import glossary_lines, language_issues, lead_text


async def write_headline(agent: Agent, inputs: StepInputs) -> Headline:
    lead = inputs.lead()

    def check(draft: HeadlineDraft) -> list[str]:
        problems = language_issues([("title", draft.title)], inputs.context.lang)
        if len(draft.title) > 90:
            problems.append(f"the title has {len(draft.title)} characters; keep it under 90")
        return problems

    story = lead_text(lead)
    draft: HeadlineDraft = await agent.ask(
        {
            "lead": agent.fence("draft-lead", story),
            "glossary": agent.fence("glossary", glossary_lines(lead.glossary, story)),
        },
        check,
    )
    tags = list(dict.fromkeys(t.strip() for t in draft.tags if t.strip()))
    return Headline(title=draft.title.strip(), category=draft.category.strip(), tags=tags)
