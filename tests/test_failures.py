"""What happens when the model misbehaves: re-asks, typed errors, kept steps, resume."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from drafter.sections import names as section_names
from tests.helpers import EARLIER_SCHEMAS, FIXTURES, draft, run_cli
from tests.scripted_llm import Reply, ScriptedLLM


def only_run_dir(tmp_path: Path) -> Path:
    (run_dir,) = (tmp_path / "drafts").iterdir()
    return run_dir


def run_meta(run_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    return data


def test_invalid_evidence_is_reasked_once_with_the_error(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    bad = copy.deepcopy(replies["LeadDraft"])
    bad["paragraphs"][0]["sentences"][0]["evidence"] = ["S99"]
    bad["paragraphs"][1]["sentences"][0]["evidence"] = ["The minister resigned on Friday."]
    llm_env.script["LeadDraft"] = [Reply(content=bad), Reply(content=replies["LeadDraft"])]

    result = draft(tmp_path)

    assert result.exit_code == 0, result.output
    assert llm_env.count("LeadDraft") == 2
    reask = llm_env.requests[1]["messages"][-1]["content"]
    assert "'S99' is not a sentence id of the source" in reask
    assert "neither a sentence id nor a verbatim quote" in reask
    assert run_meta(only_run_dir(tmp_path))["steps"]["lead"]["attempts"] == 2


def test_verbatim_quote_evidence_is_accepted_and_kept(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    quoted = copy.deepcopy(replies["LeadDraft"])
    quoted["paragraphs"][1]["sentences"][1]["evidence"] = [
        "could hold up as much as 40%  of the country’s monthly exports"
    ]
    llm_env.script["LeadDraft"] = [Reply(content=quoted)]

    assert draft(tmp_path).exit_code == 0
    lead = json.loads((only_run_dir(tmp_path) / "steps/lead.json").read_text())["output"]
    evidence = lead["paragraphs"][1][1]["evidence"][0]
    assert evidence["sentence_id"] == "S4"
    assert llm_env.count("LeadDraft") == 1


def test_unknown_comment_ids_are_rejected_and_finished_steps_kept(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    invented = copy.deepcopy(replies["ReactionsDraft"])
    invented["reactions"][0]["comment_id"] = "c99"
    llm_env.script["ReactionsDraft"] = [Reply(content=invented)]

    result = draft(tmp_path)

    assert result.exit_code == 4
    assert "'c99' is not one of the comments given" in result.stderr
    assert "drafter run --resume" in result.stderr
    run_dir = only_run_dir(tmp_path)
    meta = run_meta(run_dir)
    assert meta["status"] == "failed"
    assert meta["error"]["type"] == "InvalidOutputError"
    assert "c99" in meta["error"]["raw_reply"]
    assert llm_env.count("ReactionsDraft") == 2
    # Steps that do not read the reactions finished and are on disk; those that do never ran.
    for name in ("lead", "background", "books", "headline"):
        assert (run_dir / "steps" / f"{name}.json").is_file()
    assert meta["steps"]["analysis"]["status"] == "blocked"
    assert llm_env.count("AnalysisDraft") == 0
    assert not (run_dir / "article.md").exists()


def test_resume_repeats_no_finished_step(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    llm_env.script["ConclusionDraft"] = [Reply(status=503, error="overloaded")]
    first = draft(tmp_path)
    assert first.exit_code == 4
    assert "HTTP 503" in first.stderr
    run_dir = only_run_dir(tmp_path)
    assert run_meta(run_dir)["status"] == "failed"
    before = {name: llm_env.count(name) for name in EARLIER_SCHEMAS}
    assert set(before.values()) == {1}

    llm_env.script["ConclusionDraft"] = [Reply(content=replies["ConclusionDraft"])]
    second = run_cli("--resume", str(run_dir))

    assert second.exit_code == 0, second.output
    assert Path(second.stdout.strip()) == run_dir / "article.md"
    assert {name: llm_env.count(name) for name in before} == before
    assert llm_env.count("ConclusionDraft") == 2
    meta = run_meta(run_dir)
    assert meta["status"] == "completed" and set(meta["steps"]) == set(section_names())
    assert "総括" in (run_dir / "article.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("method", ["json_schema", "function_calling"])
def test_truncated_output_is_an_error_never_a_draft(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path, method: str
) -> None:
    llm_env.script["HeadlineDraft"] = [
        Reply(raw_text='{"title": "ベロリア、リチウム', finish_reason="length")
    ]

    result = draft(tmp_path, "--structured-output", method)

    assert result.exit_code == 4
    assert "cut off (finish_reason=length)" in result.stderr
    run_dir = only_run_dir(tmp_path)
    assert run_meta(run_dir)["error"]["type"] == "TruncatedOutputError"
    assert not (run_dir / "steps/headline.json").exists()
    assert not (run_dir / "article.md").exists()


def test_content_filter_and_refusal_are_typed_errors(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    llm_env.script["BooksDraft"] = [Reply(raw_text="{}", finish_reason="content_filter")]
    llm_env.script["HeadlineDraft"] = [Reply(refusal="I can't help with that.")]

    result = draft(tmp_path)

    assert result.exit_code == 4
    meta = run_meta(only_run_dir(tmp_path))
    assert meta["steps"]["books"]["error"]["type"] == "ContentFilteredError"
    assert meta["steps"]["headline"]["error"]["type"] == "RefusalError"


def test_falls_back_to_function_calling_when_json_schema_is_unsupported(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    llm_env.json_schema_unsupported = True  # llama-cpp-python's server answers 500

    result = draft(tmp_path)

    assert result.exit_code == 0, result.output
    meta = run_meta(only_run_dir(tmp_path))
    assert {step["method"] for step in meta["steps"].values()} == {"function_calling"}
    assert any(r.get("tools") for r in llm_env.requests)


def test_wrong_language_answer_is_reasked(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    english = copy.deepcopy(replies["ConclusionDraft"])
    english["paragraphs"][0] = (
        "This announcement shows that resource producers cannot ignore their buyers."
    )
    llm_env.script["ConclusionDraft"] = [
        Reply(content=english),
        Reply(content=replies["ConclusionDraft"]),
    ]

    assert draft(tmp_path).exit_code == 0
    assert llm_env.count("ConclusionDraft") == 2
    assert "is not written in Japanese" in llm_env.requests[-1]["messages"][-1]["content"]


def test_missing_credentials_fail_before_fetching(tmp_path: Path) -> None:
    result = run_cli(
        "https://news.example/story",
        "--comments",
        str(FIXTURES / "comments.json"),
        "--out",
        str(tmp_path / "drafts"),
    )

    assert result.exit_code == 2
    assert "OPENAI_API_KEY" in result.stderr and "OPENAI_BASE_URL" in result.stderr
    assert "http://localhost:11434/v1" in result.stderr
    assert not (tmp_path / "drafts").exists()


def test_unreachable_server_names_the_base_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("DRAFTER_MAX_RETRIES", "0")

    result = draft(tmp_path)

    assert result.exit_code == 4
    assert "Cannot connect to the model server at http://127.0.0.1:9/v1" in result.stderr
    assert run_meta(only_run_dir(tmp_path))["status"] == "failed"
