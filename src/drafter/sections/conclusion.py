"""総括: the takeaway and the open question; the sign-off line comes from config."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.models import ConclusionSection
from drafter.sections.base import Section
from drafter.sections.markdown import block, esc

if TYPE_CHECKING:
    from drafter.agents import Agent
    from drafter.stages import StepInputs


async def stage(agent: Agent, inputs: StepInputs) -> ConclusionSection:
    from drafter.stages.conclusion import write_conclusion  # stages load only when drafting

    return await write_conclusion(agent, inputs)


def render(section: ConclusionSection, lang: str, heading: str) -> list[str]:
    return [f"## {heading}", *(block(esc(p)) for p in [*section.paragraphs, section.sign_off])]


SECTION = Section(
    name="conclusion",
    artifact=ConclusionSection,
    stage=stage,
    render=render,
    order=50,
    headings={"ja": "総括", "en": "Conclusion"},
)
