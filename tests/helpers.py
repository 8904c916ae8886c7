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
