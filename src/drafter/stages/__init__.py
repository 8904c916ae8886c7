"""One module per agent step, each with one typed public function the pipeline calls (through
the section registry, drafter.sections).

Stages read only what their agent spec declares (`reads:`); `StepInputs` enforces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from drafter.errors import ConfigError
from drafter.models import (
    Article,
    CommentThread,
    LeadSection,
    ReactionsSection,
    SubsectionsSection,
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RunContext:
    """Run-wide facts every agent may use (not untrusted text)."""

    lang: str
    article_date: str
    source_name: str
    sign_off: str
    books: Any = None  # drafter.books.service.BookService: the catalogs, when configured
    fetched_urls: set[str] = field(default_factory=set)  # what agents' answers may link to
    books_wanted: int = 2  # 0: no 関連書籍紹介 section at all
    requests: dict[str, str] = field(default_factory=dict)  # agent → editor's instruction
    category: str = "ニュース"  # the category line under the title, from config


@dataclass
class StepInputs:
    """The artifacts an agent declared in `reads:`, and nothing else. `get` reads any of them
    by name (a new section's stage); the named accessors are the built-in ones, typed."""

    agent: str
    context: RunContext
    available: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, kind: type[M]) -> M:
        if name not in self.available:
            raise ConfigError(
                f"The {self.agent} agent needs '{name}' but agents/{self.agent}.yaml does not "
                f"list it under reads:."
            )
        value = self.available[name]
        if not isinstance(value, kind):
            raise TypeError(f"{name} is {type(value).__name__}, expected {kind.__name__}")
        return value

    def article(self) -> Article:
        return self.get("article", Article)

    def comments(self) -> CommentThread:
        return self.get("comments", CommentThread)

    def lead(self) -> LeadSection:
        return self.get("lead", LeadSection)

    def background(self) -> SubsectionsSection:
        return self.get("background", SubsectionsSection)

    def reactions(self) -> ReactionsSection:
        return self.get("reactions", ReactionsSection)

    def analysis(self) -> SubsectionsSection:
        return self.get("analysis", SubsectionsSection)
