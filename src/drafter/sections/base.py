"""What a section of the draft is, in one place: the agent that writes it, the artifact it
stores, where and how it shows in the draft, and how strictly the check holds it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

if TYPE_CHECKING:
    from drafter.agents import Agent
    from drafter.stages import StepInputs

A = TypeVar("A", bound=BaseModel)
LANGUAGES = ("ja", "en")  # the draft languages every section has wording for


@dataclass(frozen=True)
class Section(Generic[A]):
    """One section: `name` is its agent (agents/<name>.yaml, prompts/<name>/, steps/<name>.json,
    the key of its artifact in article.json); `key` its unit in the rendered draft (what an
    editor revises on the desk and the check files its sentences under; the headline's is
    `title`)."""

    name: str
    artifact: type[A]  # the checked artifact the stage returns, stored in steps/<name>.json
    stage: Callable[[Agent, StepInputs], Awaitable[A]]  # builds the prompt, asks, checks
    render: Callable[[A, str, str], list[str]]  # (artifact, lang, heading) → Markdown blocks
    order: int  # place in the rendered draft (the title first; 参考リンク, built by code, last)
    key: str = ""  # defaults to `name`
    headings: Mapping[str, str] | None = None  # `## ` heading per language; None: no heading
    labels: Mapping[str, str] | None = None  # the desk's name for it; defaults to `headings`
    strict: bool = False  # its problems fail the check (exit 1); else listed for the editor
    summary: Callable[[A], dict[str, Any]] | None = None  # run.json[name] after the run

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", self.name)
        for words in (self.headings, self.labels):
            missing = [lang for lang in LANGUAGES if words is not None and lang not in words]
            if missing:
                raise ValueError(f"section {self.name}: no wording for {', '.join(missing)}")

    def heading(self, lang: str) -> str:
        """The `## ` heading in the draft's language, "" for a section without one."""
        return (self.headings or {}).get(lang, "")

    def label(self, lang: str) -> str:
        words = self.labels or self.headings or {}
        return words.get(lang, self.key)

    def coerce(self, value: Any) -> A:
        """A stored artifact as this section's type (article.json keeps a section without a
        typed field of its own as a plain object)."""
        if isinstance(value, self.artifact):
            return value
        if isinstance(value, BaseModel):
            value = value.model_dump()
        return self.artifact.model_validate(value)

    def render_blocks(self, artifact: Any, lang: str) -> list[str]:
        """The section's Markdown blocks in the draft's language."""
        return self.render(self.coerce(artifact), lang, self.heading(lang))
