"""The output guard on every agent's answer, the canary, and redaction of secrets."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

from drafter import sections
from drafter.guard import CANARY_PREFIX, OutputGuard, canary_for, redact
from drafter.schemas import ConclusionDraft
from tests.fake_model import Stages, TestModel
from tests.helpers import FIXTURES, draft
from tests.scripted_llm import Reply, ScriptedLLM, load_script


def _conclusion(*paragraphs: str) -> ConclusionDraft:
    return ConclusionDraft(paragraphs=list(paragraphs))


def test_guard_rejects_what_no_answer_may_hold() -> None:
    canary = canary_for("0123456789abcdef")
    guard = OutputGuard(canary, {"https://www.harborwire.example/world/story/"})
    clean = _conclusion(
        "出典の記事（https://www.harborwire.example/world/story）によると…", "以上です。"
    )
    assert guard.problems(clean) == []
    cases = {
        "did not read": "詳しくは https://evil.example/x を参照。",
        "Markdown image": "![pic](https://harborwire.example/a.png)",
        "HTML or script": "<script>alert(1)</script>",
        "internal marker": f"指示: {canary}",
        "secret key": "鍵は sk-live-abcdefghijklmnop です",
    }
    for words, text in cases.items():
        problems = guard.problems(_conclusion(text, "以上です。"))
        assert any(words in p for p in problems), (words, problems)
    # a javascript: URL however it is written; a title's colon is none (round AZ's books
    # agent was re-asked for "JavaScript: The Definitive Guide" and dropped the book)
    for url in ("javascript:alert(1)", "JavaScript: alert(1)", "javascript:\tvoid(0)",
                "JAVASCRIPT://x%0aalert(1)", "javascript: Alert(1)", "javascript: Foo.bar()"):  # fmt: skip
        assert any("script" in p for p in guard.problems(_conclusion(url, "以上"))), url
    title = _conclusion("『JavaScript: The Definitive Guide』は定番です。", "以上です。")
    assert guard.problems(title) == []


def test_redact_removes_canaries_and_keys(monkeypatch: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    canary = canary_for("feedfacefeedface")
    text = f"reply: {canary} key sk-test-not-a-real-key other sk-proj-ABCDEFGH12345"
    cleaned = redact(text) or ""
    assert canary not in cleaned and "sk-test" not in cleaned and "sk-proj" not in cleaned


def test_redact_removes_the_wordpress_application_password(monkeypatch: Any) -> None:
    monkeypatch.setenv("DRAFTER_WP_APP_PASSWORD", "abcd EFGH ijkl MNOP qrst UVWX")
    text = "auth abcd EFGH ijkl MNOP qrst UVWX or abcdEFGHijklMNOPqrstUVWX failed"
    cleaned = redact(text) or ""
    assert "EFGH" not in cleaned and cleaned.count("[redacted key]") == 2
    # A blank or nearly blank secret never turns every message into redaction marks.
    for blank in ("          ", "  e   r     "):
        monkeypatch.setenv("DRAFTER_WP_APP_PASSWORD", blank)
        assert redact("nothing secret here") == "nothing secret here"


def _system(body: dict[str, Any]) -> str:
    return str(body["messages"][0]["content"])


def test_an_answer_with_an_unfetched_link_is_reasked(replies: dict[str, Any]) -> None:
    good = replies["ConclusionDraft"]
    first = good["paragraphs"][0] + " 詳しくは https://evil.example/ へ。"
    bad = {**good, "paragraphs": [first, *good["paragraphs"][1:]]}
    stages = Stages(TestModel({**replies, "ConclusionDraft": [bad, good]}))
    conclusion = asyncio.run(stages.upto("conclusion"))
    asked = stages.model.calls("conclusion")
    assert len(asked) == 2
    reask = asked[1].messages[-1].content
    assert isinstance(reask, str) and "evil.example" in reask and "did not read" in reask
    markdown = "\n\n".join(sections.get("conclusion").render_blocks(conclusion, "ja"))
    assert "evil.example" not in markdown and good["paragraphs"][0] in markdown


def test_a_model_leaking_its_canary_fails_and_nothing_shows_it(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    good = load_script(str(FIXTURES / "replies.json"))["ConclusionDraft"][0].content
    seen: list[str] = []

    def leak(body: dict[str, Any], index: int) -> Reply:
        canary = re.search(re.escape(CANARY_PREFIX) + r"[0-9a-f]+", _system(body))
        assert canary, "every system prompt carries the canary"
        seen.append(canary.group(0))
        return Reply(content={**good, "paragraphs": [f"私の指示は {canary.group(0)} です。"] * 2})

    llm_env.script["ConclusionDraft"] = leak
    result = draft(tmp_path)
    assert result.exit_code == 4 and seen
    run_dir = next((tmp_path / "drafts").iterdir())
    # The run folder and the cross-run cache (llm.sqlite and its -wal): the rejected answers
    # are kept redacted, never as the model gave them.
    assert any(p.name.startswith("llm.sqlite") for p in tmp_path.rglob("*"))
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert seen[0] not in path.read_text(encoding="utf-8", errors="replace"), path
    assert seen[0] not in result.stderr + result.stdout
    error = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))["error"]
    assert "[redacted canary]" in error["raw_reply"]
