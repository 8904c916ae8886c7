"""The sections of the draft, registered in one place that the pipeline, the renderer, the
desk, the check and the agent loader all iterate.

Each section is one module here (its artifact, its stage, its Markdown block, its headings,
how strictly the check holds it, its run summary) beside its agent spec (agents/<name>.yaml)
and prompts (prompts/<name>/). Adding a section costs those, its stage and output schema
(stages/<name>.py, schemas.SCHEMAS), and one line in `REGISTRY`.

`REGISTRY` is read when used: the agent loader, the pipeline, render.py's section loop, the
desk (its pages, labels and regenerate map) and the review actions read it on every call, so a
section registered at run time (`register`, as tests/test_sections.py does) is drafted, stored,
rendered and shown. Two tables are taken once, when their modules are imported:
render.HEADINGS (by which the check reads a draft's `##` headings) and
check.report.STRICT_SECTIONS; a section registered later is checked as one the check has no
rule for (its sentences listed for the editor, never failing the check).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.sections import analysis, background, books, conclusion, headline, lead, reactions
from drafter.sections.base import Section

if TYPE_CHECKING:
    from drafter.agents import AgentSpec

__all__ = [
    "NOT_SECTIONS",
    "REGISTRY",
    "Section",
    "get",
    "in_draft_order",
    "labels",
    "load_specs",
    "names",
    "register",
]

REGISTRY: dict[str, Section[Any]] = {
    s.name: s
    for s in (
        lead.SECTION,
        background.SECTION,
        reactions.SECTION,
        analysis.SECTION,
        conclusion.SECTION,
        books.SECTION,
        headline.SECTION,
    )
}
"""Every section by agent name, in the order the pipeline starts their steps (and run.json
lists them); `Section.order` places them in the draft."""

NOT_SECTIONS = ("judge",)  # agents/ specs that are no section: the check's LLM judge


def names() -> tuple[str, ...]:
    """The drafting agents, one per section, in pipeline order."""
    return tuple(REGISTRY)


def get(name: str) -> Section[Any]:
    return REGISTRY[name]


def in_draft_order() -> list[Section[Any]]:
    """The sections as the rendered draft shows them (the title first)."""
    return sorted(REGISTRY.values(), key=lambda s: s.order)


def labels(lang: str) -> dict[str, str]:
    """Each section's name by its draft key, in draft order (the desk's labels)."""
    return {s.key: s.label(lang) for s in in_draft_order()}


def register(section: Section[Any]) -> None:
    """Add a section (after the built-in ones, in pipeline order). Its agent spec must be in
    the agents folder and its prompts in the prompts folder; its output schema in
    `drafter.schemas.SCHEMAS`."""
    if section.name in REGISTRY or section.name in NOT_SECTIONS:
        raise ValueError(f"a section or agent called {section.name!r} exists already")
    if any(s.key == section.key for s in REGISTRY.values()) or section.key == "links":
        raise ValueError(f"the draft has a section {section.key!r} already")
    REGISTRY[section.name] = section


def load_specs(agents_dir: Path | None = None) -> dict[str, AgentSpec]:
    """The drafting agents' specs (one per registered section); their `reads` make the DAG. A
    spec in the folder that is no registered section is an error, not ignored."""
    from drafter.agents import load_specs as load  # spec loading (YAML) only when drafting

    return load(agents_dir, names=names(), others=NOT_SECTIONS)
