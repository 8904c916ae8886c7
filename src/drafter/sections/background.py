"""補足説明: subsections of claims, each tagged source (with evidence), background or opinion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.models import SubsectionsSection
from drafter.sections.base import Section
from drafter.sections.markdown import subsections

if TYPE_CHECKING:
    from drafter.agents import Agent
    from drafter.stages import StepInputs


async def stage(agent: Agent, inputs: StepInputs) -> SubsectionsSection:
    from drafter.stages.background import write_background  # stages load only when drafting

    return await write_background(agent, inputs)


def render(section: SubsectionsSection, lang: str, heading: str) -> list[str]:
    return [f"## {heading}", *subsections(section, lang)]


SECTION = Section(
    name="background",
    artifact=SubsectionsSection,
    stage=stage,
    render=render,
    order=20,
    headings={"ja": "補足説明", "en": "Background"},
)
