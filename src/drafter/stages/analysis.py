"""考察・分析: weighs both sides from the lead, the background and the reactions."""

from __future__ import annotations

from drafter.agents import Agent
from drafter.models import LeadSection, SubsectionsSection
from drafter.schemas import AnalysisDraft
from drafter.stages import StepInputs
from drafter.stages.grounding import SourceIndex, glossary_lines, lead_text
from drafter.stages.sections import build_section, said_lines, subsection_problems


async def write_analysis(agent: Agent, inputs: StepInputs) -> SubsectionsSection:
    article, lead = inputs.article(), inputs.lead()
    background, reactions = inputs.background(), inputs.reactions()
    index = SourceIndex(article)

    def check(draft: AnalysisDraft) -> list[str]:
        return subsection_problems(draft, index, inputs.context.lang)

    # The lead, the source sentences the draft cites (the only ones analysis may cite), every
    # claim the background makes (to build on and not to repeat), the chosen reactions.
    story, cited = lead_text(lead), cited_sentences(index, lead, background)
    said = said_lines(background)
    reaction_lines = "\n".join(f"- {' '.join(r.translation.split())}" for r in reactions.reactions)
    material = (story, cited, said, reaction_lines)
    background_block = agent.fence("draft-background", said)
    draft: AnalysisDraft = await agent.ask(
        {
            "cited_sentences": agent.fence("source", cited),
            "lead": agent.fence("draft-lead", story),
            "glossary": agent.fence("glossary", glossary_lines(lead.glossary, *material)),
            "background_said": background_block,
            "background_digest": background_block,  # the name a --prompts-dir copy may use
            "reactions": agent.fence("draft-reactions", reaction_lines),
            "article_date": inputs.context.article_date,
        },
        check,
    )
    return build_section(draft, index)


def cited_sentences(index: SourceIndex, lead: LeadSection, background: SubsectionsSection) -> str:
    """Only the source sentences the lead and background cite: analysis needs no more."""
    cited = {e.sentence_id for paragraph in lead.paragraphs for s in paragraph for e in s.evidence}
    cited |= {
        e.sentence_id
        for sub in background.subsections
        for paragraph in sub.paragraphs
        for claim in paragraph
        for e in claim.evidence
    }
    return "\n".join(f"[{s.id}] {s.text}" for s in index.sentences if s.id in cited)
