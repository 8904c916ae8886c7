"""--max-tokens and --max-cost: the run stops before a call that could exceed the cap, keeps
what it finished, and a resume with a higher cap completes it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import EARLIER_SCHEMAS, draft, run_cli
from tests.scripted_llm import ScriptedLLM


def _run_dir(tmp_path: Path) -> Path:
    (run_dir,) = (tmp_path / "drafts").iterdir()
    return run_dir


def test_max_tokens_stops_before_the_call_and_resume_finishes(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    stopped = draft(tmp_path, "--max-tokens", "12000")
    assert stopped.exit_code == 7
    message = " ".join(stopped.stderr.split())
    assert "Stopped before the" in message and "--max-tokens" in message and "--resume" in message
    run_dir = _run_dir(tmp_path)
    meta = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert meta["status"] == "failed" and meta["error"]["type"] == "BudgetExceededError"
    spent = sum(
        s.get("usage", {}).get("total_tokens", 0)
        for s in meta["steps"].values()
        if s.get("status") == "completed"
    )
    assert 0 < spent <= 12000  # never over the cap
    finished = {n for n, s in meta["steps"].items() if s.get("status") == "completed"}
    assert "lead" in finished and len(finished) < 7
    calls = {name: llm_env.count(name) for name in (*EARLIER_SCHEMAS, "ConclusionDraft")}

    resumed = run_cli("--resume", str(run_dir), "--max-tokens", "1000000")
    assert resumed.exit_code == 0, resumed.stderr
    again = {name: llm_env.count(name) for name in calls}
    for name, count in calls.items():  # finished steps were not asked again
        agent = name.removesuffix("Draft").lower()
        if agent in finished:
            assert again[name] == count, name


def test_max_cost_uses_the_price_table(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    (tmp_path / "drafter.toml").write_text(
        '[prices."gpt-4.1-mini"]\ninput = 1000.0\noutput = 1000.0\n', encoding="utf-8"
    )
    stopped = draft(tmp_path, "--max-cost", "12")
    assert stopped.exit_code == 7 and "--max-cost" in " ".join(stopped.stderr.split())
    meta = json.loads((_run_dir(tmp_path) / "run.json").read_text(encoding="utf-8"))
    costs = [s["cost_usd"] for s in meta["steps"].values() if s.get("status") == "completed"]
    assert costs and all(c > 0 for c in costs) and sum(costs) <= 12


def test_max_cost_needs_a_price_for_every_model(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    result = draft(tmp_path, "--model", "house-model-7b", "--max-cost", "1")
    assert result.exit_code == 2 and "needs a price for house-model-7b" in result.stderr


def test_cost_is_recorded_per_step_and_per_run(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.stderr
    meta = json.loads((_run_dir(tmp_path) / "run.json").read_text(encoding="utf-8"))
    assert all(step["cost_usd"] > 0 for step in meta["steps"].values())
    assert meta["cost_usd"] == round(sum(s["cost_usd"] for s in meta["steps"].values()), 6)


def test_runs_lists_status_check_and_cost(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from drafter.cli import app

    assert draft(tmp_path).exit_code == 0
    assert draft(tmp_path, "--max-tokens", "12000", "--no-cache").exit_code == 7
    listed = CliRunner().invoke(app, ["runs", "--out", str(tmp_path / "drafts"), "--json"])
    rows = json.loads(listed.stdout)
    assert sorted(r["status"] for r in rows) == ["completed", "failed"]
    done = next(r for r in rows if r["status"] == "completed")
    assert done["check"] == "ok" and done["books"] == "2/2" and done["cost_usd"] > 0
    headline = json.loads((Path(done["path"]) / "steps/headline.json").read_text("utf-8"))
    assert done["title"] == headline["output"]["title"]  # the draft's title, not the source's
    table = CliRunner().invoke(app, ["runs", "--out", str(tmp_path / "drafts")])
    assert "2 run(s)" in table.stdout and "completed" in table.stdout
