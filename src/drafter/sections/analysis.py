"""考察・分析: subsections of claims, told what the background said so as not to repeat it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.models import SubsectionsSection
from drafter.sections.base import Section
from drafter.sections.markdown import subsections

if TYPE_CHECKING:
    from drafter.agents import Agent
    from drafter.stages import StepInputs


async def stage(agent: Agent, inputs: StepInputs) -> SubsectionsSection:
    from drafter.stages.analysis import write_analysis  # stages load only when drafting

    return await write_analysis(agent, inputs)


def render(section: SubsectionsSection, lang: str, heading: str) -> list[str]:
    return [f"## {heading}", *subsections(section, lang)]


SECTION = Section(
    name="analysis",
    artifact=SubsectionsSection,
    stage=stage,
    render=render,
    order=40,
    headings={"ja": "考察・分析", "en": "Analysis"},
)
