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

    # The lead and the analysis's headings and topic sentences: the conclusion adds no facts,
    # so it needs no source sentences, and only the glossary entries of the names they carry.
    story, digest = lead_text(lead), section_digest(analysis)
    draft: ConclusionDraft = await agent.ask(
        {
            "lead": agent.fence("draft-lead", story),
            "glossary": agent.fence("glossary", glossary_lines(lead.glossary, story, digest)),
            "analysis_digest": agent.fence("draft-analysis", digest),
        },
        check,
    )
    return ConclusionSection(
        paragraphs=[p.strip() for p in draft.paragraphs], sign_off=inputs.context.sign_off
    )
