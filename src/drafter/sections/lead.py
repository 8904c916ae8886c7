"""The lead: grounded sentences, each with its evidence in the source. The 出典 line and
関連記事 under it are built by code (render.py), never by the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.models import LeadSection
from drafter.sections.base import Section
from drafter.sections.markdown import join

if TYPE_CHECKING:
    from drafter.agents import Agent
    from drafter.stages import StepInputs


async def stage(agent: Agent, inputs: StepInputs) -> LeadSection:
    from drafter.stages.lead import write_lead  # stages load only when drafting

    return await write_lead(agent, inputs)


def render(lead: LeadSection, lang: str, heading: str) -> list[str]:
    return [join([s.text for s in paragraph], lang) for paragraph in lead.paragraphs]


SECTION = Section(
    name="lead",
    artifact=LeadSection,
    stage=stage,
    render=render,
    order=10,
    labels={"ja": "リード", "en": "Lead"},
    strict=True,
)
