"""Shared by the CLI tests: invoke `drafter run` in-process on the fixture inputs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from drafter.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
# Every schema but the conclusion's: the steps a failed conclusion must not repeat.
EARLIER_SCHEMAS = (
    "LeadDraft",
    "BackgroundDraft",
    "ReactionsDraft",
    "AnalysisDraft",
    "BooksDraft",
    "HeadlineDraft",
)


def drafter_command() -> list[str]:
    """The installed console script (as a user runs it), else `python -m drafter`."""
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def run_cli(*args: str) -> Any:
    return CliRunner().invoke(app, ["run", *args], catch_exceptions=False)


def draft(tmp_path: Path, *extra: str) -> Any:
    """`drafter run` on the fixture article and comments, into tmp_path/drafts."""
    return run_cli(
        str(FIXTURES / "article.html"),
        "--comments",
        str(FIXTURES / "comments.json"),
        "--out",
        str(tmp_path / "drafts"),
        *extra,
    )


async def ask_headline(models: Any, *, max_tokens: int = 400) -> Any:
    """One structured call of the headline agent through `models`, accepting any valid answer:
    the call the client-stack tests (endpoints, faults, wrappers) make."""
    from drafter.llm import as_messages, structured_call
    from drafter.schemas import HeadlineDraft

    return await structured_call(
        models,
        agent="headline",
        role="writer",
        messages=as_messages("system", "user"),
        schema=HeadlineDraft,
        check=lambda answer: [],
        temperature=0.0,
        max_tokens=max_tokens,
        reask_fence=lambda text: text,
    )


def check_inputs(source: str, markdown: str) -> Any:
    """What `drafter check` compares for a draft against a bare source text (no thread, no
    run data): for checks of one parse or one rule on a source written in the test."""
    from drafter.check.core import CheckInputs
    from drafter.check.draft_md import parse_draft
    from drafter.models import Article

    article = Article(
        url="https://example.com/a", title="t", text=source, fetched_at="2026-01-01T00:00:00Z"
    )
    return CheckInputs(
        article=article, draft=parse_draft(markdown), draft_label="draft.md", source_label="s"
    )


def reaction_reasons(
    source: str, body: str, glossary: dict[str, str], translation: str
) -> list[str]:
    """The check's reasons on one translated reader comment (id c1) of a thread of one comment
    (`body`), against a bare source and a glossary of {source form: rendering}."""
    from drafter.check.core import check
    from drafter.models import Comment, CommentThread, GlossaryEntry

    markdown = (
        "# t\n\nニュース\n\n記事の要点。\n\n## 海外の反応\n\n"
        f"<!-- comment id=c1 score=90 -->\n\n{translation}\n"
    )
    inputs = check_inputs(source, markdown)
    inputs.thread = CommentThread(
        url="https://www.reddit.com/r/news/comments/abc123/story/",
        platform="Reddit",
        comments=[Comment(id="c1", body=body, score=90, permalink="/c1/")],
    )
    inputs.glossary = [GlossaryEntry(source=k, target=v) for k, v in glossary.items()]
    return [r for c in check(inputs).claims if c.section == "reactions" for r in c.reasons]


def figures_found(japanese: str, source: str, language: str) -> bool:
    """Whether every figure of the Japanese is one the source, read in its language, states."""
    from drafter.lang.quantities import ja_quantities, missing_quantities
    from drafter.lang.quantities.foreign import source_quantities

    return missing_quantities(ja_quantities(japanese), source_quantities(source, language)) == []
