"""Layer 2 of `drafter check`: an LLM judge (placeholder until implemented below)."""

from __future__ import annotations

from drafter.check.core import CheckInputs
from drafter.check.report import JudgeInfo
from drafter.config import Settings


def run_judge(inputs: CheckInputs, settings: Settings) -> JudgeInfo:
    return JudgeInfo(status="off", detail="layer 2 is not available in this version")
