"""The cross-run model-answer cache: the same article twice makes no second model call;
changing one prompt asks only that agent again; --no-cache asks everything again."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from drafter.agents import bundled_dir
from drafter.sections import names as section_names
from tests.helpers import FIXTURES, draft
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
    assert all(run["steps"][a]["cached"] >= 1 for a in section_names())
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


def test_a_cached_rerun_loads_neither_the_sdk_nor_the_encoder(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    """What keeps a cached re-run fast (0.7 s, benchmarks/prompt_economy.py): without a model
    call the OpenAI SDK is never imported, and 関連記事 takes the draft's embedding from the
    cache instead of loading the sentence encoder. Checked in a fresh process, run twice."""
    code = (
        "import sys\n"
        "from drafter.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "from drafter.lang import align\n"
        "print('openai' in sys.modules, align._MODEL is not None)\n"
    )
    args = ["run", str(FIXTURES / "article.html"), "--comments", str(FIXTURES / "comments.json"),
            "--out", str(tmp_path / "drafts"), "--no-check"]  # fmt: skip
    env = dict(os.environ)
    cold = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, check=True)  # fmt: skip
    assert cold.stdout.split()[-2:] == ["True", "True"], cold.stderr
    warm = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, check=True)  # fmt: skip
    assert warm.stdout.split()[-2:] == ["False", "False"], warm.stderr
    drafts = sorted((tmp_path / "drafts").glob("*/article.md"))
    assert len(drafts) == 2
    assert drafts[0].read_text(encoding="utf-8") == drafts[1].read_text(encoding="utf-8")
