"""総括: pulls the lead and the analysis together; the sign-off line comes from config."""

from __future__ import annotations

from drafter.agents import Agent
from drafter.models import ConclusionSection
from drafter.schemas import ConclusionDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import glossary_lines, language_issues, lead_text
from drafter.stages.sections import said_lines


async def write_conclusion(agent: Agent, inputs: StepInputs) -> ConclusionSection:
    lead, background, analysis = inputs.lead(), inputs.background(), inputs.analysis()

    def check(draft: ConclusionDraft) -> list[str]:
        return language_issues(
            [(f"paragraph {n}", p) for n, p in enumerate(draft.paragraphs, start=1)],
            inputs.context.lang,
        )

    # The lead, and what the background and the analysis already said: the conclusion adds no
    # facts and restates none, so it needs no source sentences, and only the glossary entries
    # of the names these carry.
    story = lead_text(lead)
    background_said, analysis_said = said_lines(background), said_lines(analysis)
    analysis_block = agent.fence("draft-analysis", analysis_said)
    draft: ConclusionDraft = await agent.ask(
        {
            "lead": agent.fence("draft-lead", story),
            "glossary": agent.fence(
                "glossary", glossary_lines(lead.glossary, story, background_said, analysis_said)
            ),
            "background_said": agent.fence("draft-background", background_said),
            "analysis_said": analysis_block,
            "analysis_digest": analysis_block,  # the name a --prompts-dir copy may use
        },
        check,
    )
    return ConclusionSection(
        paragraphs=[p.strip() for p in draft.paragraphs], sign_off=inputs.context.sign_off
    )
