"""補足説明: background the reader needs, anchored to the article's date."""

from __future__ import annotations

from drafter.agents import Agent
from drafter.models import SubsectionsSection
from drafter.schemas import BackgroundDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import SourceIndex, glossary_lines, lead_text
from drafter.stages.lead import weekday_block
from drafter.stages.sections import build_section, subsection_problems


async def write_background(agent: Agent, inputs: StepInputs) -> SubsectionsSection:
    article, lead = inputs.article(), inputs.lead()
    index = SourceIndex(article)

    def check(draft: BackgroundDraft) -> list[str]:
        return subsection_problems(draft, index, inputs.context.lang)

    draft: BackgroundDraft = await agent.ask(
        {
            "source_sentences": agent.fence("source", index.numbered()),
            "lead": agent.fence("draft-lead", lead_text(lead)),
            "glossary": agent.fence("glossary", glossary_lines(lead.glossary)),
            "article_date": inputs.context.article_date,
            "weekday_dates": weekday_block(agent, index, article, inputs.context.lang),
        },
        check,
    )
    return build_section(draft, index)
