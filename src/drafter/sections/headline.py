"""The title: the headline agent's news fact and framing phrase, joined by code (the category
comes from config). It is the draft's first unit, `title`, and held to the lead's standard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.models import Headline
from drafter.sections.base import Section
from drafter.sections.markdown import esc

if TYPE_CHECKING:
    from drafter.agents import Agent
    from drafter.stages import StepInputs


async def stage(agent: Agent, inputs: StepInputs) -> Headline:
    from drafter.stages.headline import write_headline  # stages load only when drafting

    return await write_headline(agent, inputs)


def render(headline: Headline, lang: str, heading: str) -> list[str]:
    return [esc(headline.title)]


SECTION = Section(
    name="headline",
    key="title",
    artifact=Headline,
    stage=stage,
    render=render,
    order=0,
    labels={"ja": "タイトル", "en": "Title"},
    strict=True,
)
