"""run.json as typed data (run/meta.py): older runs load and round-trip, unknown and odd values
survive, and the model types every key a run writes today."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from drafter.files import RUN_FILE
from drafter.run.folder import RunFolder
from drafter.run.meta import RunMeta, StepRecord
from tests.helpers import FIXTURES, draft
from tests.scripted_llm import Reply, ScriptedLLM

# run.json as the version before the typed model wrote it (a completed run with its check and
# books summaries; a failed one with a model error, a failed and two blocked steps).
PREVIOUS = sorted((FIXTURES / "previous_runs").glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _extras(model: BaseModel, where: str = "run.json") -> list[str]:
    """Every key, at any depth, that the model kept only as an extra (not a typed field)."""
    found = [f"{where}.{key}" for key in model.model_extra or {}]
    for name in type(model).model_fields:
        value = getattr(model, name)
        children = value.items() if isinstance(value, dict) else [("", value)]
        for key, child in children:
            if isinstance(child, BaseModel):
                found += _extras(child, f"{where}.{name}" + (f".{key}" if key else ""))
    return found


def _shape(value: Any) -> Any:
    """The keys of a JSON value at every depth, without the values (step names folded)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    return type(value).__name__ if value is not None else "null"


@pytest.mark.parametrize("path", PREVIOUS, ids=lambda p: p.stem)
def test_a_previous_run_json_loads_and_round_trips_unchanged(path: Path) -> None:
    data = _load(path)
    run = RunMeta.parse(data)
    assert run.status in ("completed", "failed") and run.steps
    assert run.to_json() == data
    assert not _extras(run) and not run.unread


@pytest.mark.parametrize("path", PREVIOUS, ids=lambda p: p.stem)
def test_a_run_folder_saves_a_previous_run_with_unknown_and_odd_keys_kept(
    path: Path, tmp_path: Path
) -> None:
    data = _load(path)
    data["from_a_newer_drafter"] = {"x": [1, "二"]}  # a key this version does not know
    data["steps"]["lead"]["retries_by_reason"] = {"timeout": 1}
    data["cost_usd"] = "n/a"  # an imported run.json is anyone's file
    data["source"]["title"] = 42
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / RUN_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    folder = RunFolder.open(run_dir)
    assert folder.run.cost_usd is None and folder.run.source is None  # odd: left unread
    assert folder.run.unread == {"cost_usd": "n/a", "source": data["source"]}
    folder.save_meta()

    saved = _load(run_dir / RUN_FILE)
    assert saved.pop("updated_at") >= data.pop("updated_at")
    assert saved == data


def test_an_empty_or_foreign_run_json_reads_as_an_empty_run() -> None:
    assert RunMeta.parse([1, 2]).to_json() == {}
    assert RunMeta.parse({}).to_json() == {}
    assert not RunMeta.parse({}).check  # {} as the dict it replaced: nothing recorded


def test_the_model_types_every_key_a_run_writes(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    invented = copy.deepcopy(replies["ReactionsDraft"])
    invented["reactions"][0]["comment_id"] = "c99"
    llm_env.script["ReactionsDraft"] = [Reply(content=invented)]
    failed = draft(tmp_path / "failed")
    assert failed.exit_code == 4
    llm_env.script["ReactionsDraft"] = [Reply(content=replies["ReactionsDraft"])]
    done = draft(tmp_path / "ok")
    assert done.exit_code == 0, done.output

    previous = {p.stem: _load(p) for p in PREVIOUS}
    for name in ("ok", "failed"):
        (run_dir,) = (tmp_path / name / "drafts").iterdir()
        data = _load(run_dir / RUN_FILE)
        run = RunMeta.parse(data)
        assert _extras(run) == [] and run.unread == {}, name
        assert run.to_json() == data
        # the same keys at every depth as the version before the typed model wrote
        before = previous["completed" if name == "ok" else "failed"]
        assert _shape(data) == _shape(before)
    steps = RunMeta.parse(_load(next((tmp_path / "failed" / "drafts").iterdir()) / RUN_FILE))
    assert {n: s.status for n, s in steps.steps.items() if s.status != "completed"} == {
        "reactions": "failed",
        "analysis": "blocked",
        "conclusion": "blocked",
    }


def test_a_step_record_of_a_new_shape_is_written_as_given() -> None:
    entry = {"agent": "lead", "status": "completed", "usage": {"input_tokens": 1.5}, "new": [1]}
    run = RunMeta()
    run.set_step("lead", StepRecord.record(entry))
    assert run.to_json() == {"steps": {"lead": entry}}
    again = RunMeta.parse({"steps": {"lead": entry, "books": {"status": "completed"}}})
    assert again.unread == {} and again.steps["books"].status == "completed"
    assert again.to_json()["steps"]["lead"] == entry
