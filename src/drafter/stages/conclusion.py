"""総括: pulls the lead and the analysis together; the sign-off line comes from config."""

from __future__ import annotations

from drafter.agents import Agent
from drafter.models import ConclusionSection
from drafter.schemas import ConclusionDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import glossary_lines, language_issues, lead_text
from drafter.stages.sections import section_digest


async def write_conclusion(agent: Agent, inputs: StepInputs) -> ConclusionSection:
    lead, analysis = inputs.lead(), inputs.analysis()

    def check(draft: ConclusionDraft) -> list[str]:
        return language_issues(
            [(f"paragraph {n}", p) for n, p in enumerate(draft.paragraphs, start=1)],
            inputs.context.lang,
        )

    draft: ConclusionDraft = await agent.ask(
        {
            "lead": agent.fence("draft-lead", lead_text(lead)),
            "glossary": agent.fence("glossary", glossary_lines(lead.glossary)),
            "analysis_digest": agent.fence("draft-analysis", section_digest(analysis)),
            "article_date": inputs.context.article_date,
        },
        check,
    )
    return ConclusionSection(
        paragraphs=[p.strip() for p in draft.paragraphs], sign_off=inputs.context.sign_off
    )
