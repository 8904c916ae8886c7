"""The cross-run model-answer cache: the same article twice makes no second model call;
changing one prompt asks only that agent again; --no-cache asks everything again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from drafter.agents import AGENT_NAMES, bundled_dir
from tests.helpers import draft
from tests.scripted_llm import ScriptedLLM

SCHEMAS = ("LeadDraft", "BackgroundDraft", "ReactionsDraft", "BooksDraft", "HeadlineDraft",
           "AnalysisDraft", "ConclusionDraft")  # fmt: skip


def _counts(server: ScriptedLLM) -> dict[str, int]:
    return {name: server.count(name) for name in SCHEMAS}


def test_a_rerun_makes_no_model_call(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    first = draft(tmp_path / "a")
    assert first.exit_code == 0, first.stderr
    before = _counts(llm_env)
    second = draft(tmp_path / "b")
    assert second.exit_code == 0, second.stderr
    assert _counts(llm_env) == before  # every answer came from the cache
    run = json.loads(next((tmp_path / "b" / "drafts").glob("*/run.json")).read_text())
    assert all(run["steps"][a]["cached"] >= 1 for a in AGENT_NAMES)
    assert run["cost_usd"] == 0
    a = next((tmp_path / "a" / "drafts").glob("*/article.md")).read_text(encoding="utf-8")
    b = next((tmp_path / "b" / "drafts").glob("*/article.md")).read_text(encoding="utf-8")
    assert a == b

    assert draft(tmp_path / "c", "--no-cache").exit_code == 0
    assert all(llm_env.count(n) == before[n] + 1 for n in SCHEMAS)


def test_changing_one_prompt_asks_only_that_agent(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    assert draft(tmp_path / "a").exit_code == 0
    before = _counts(llm_env)
    prompts = tmp_path / "prompts"
    shutil.copytree(bundled_dir("prompts") / "headline", prompts / "headline")
    system = prompts / "headline" / "system.md"
    system.write_text(system.read_text(encoding="utf-8") + "\nKeep it short.\n", encoding="utf-8")
    result = draft(tmp_path / "b", "--prompts-dir", str(prompts))
    assert result.exit_code == 0, result.stderr
    after = _counts(llm_env)
    changed = {n for n in SCHEMAS if after[n] != before[n]}
    assert changed == {"HeadlineDraft"}  # nothing reads the headline, so nothing else reruns
