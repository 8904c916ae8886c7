"""海外の反応: translated comments; each block after a `<!-- comment id=… -->` marker, the
original text, score and permalink taken from the input by that id. Strict in the check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.models import ReactionsSection
from drafter.sections.base import Section
from drafter.sections.markdown import block, esc, lines, marker_id

if TYPE_CHECKING:
    from drafter.agents import Agent
    from drafter.stages import StepInputs


async def stage(agent: Agent, inputs: StepInputs) -> ReactionsSection:
    from drafter.stages.reactions import write_reactions  # stages load only when drafting

    return await write_reactions(agent, inputs)


def render(section: ReactionsSection, lang: str, heading: str) -> list[str]:
    out = [f"## {heading}", block(esc(section.intro))]
    for reaction in section.reactions:
        score = f" score={reaction.score}" if reaction.score is not None else ""
        out.append(
            f"<!-- comment id={marker_id(reaction.comment_id)}{score} -->\n"
            f"{lines(reaction.translation)}"
        )
    return out


SECTION = Section(
    name="reactions",
    artifact=ReactionsSection,
    stage=stage,
    render=render,
    order=30,
    headings={"ja": "海外の反応", "en": "Reactions from abroad"},
    strict=True,
)
