"""--lang en end to end, and the installed console script surviving kill -9 and resuming."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.catalog_server import CatalogServer
from tests.helpers import EARLIER_SCHEMAS, FIXTURES, draft, drafter_command
from tests.scripted_llm import Reply, ScriptedLLM, load_script


def test_english_output(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    server = ScriptedLLM(load_script(str(FIXTURES / "replies_en.json"))).start()
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        result = draft(tmp_path, "--lang", "en")
    finally:
        server.stop()
    assert result.exit_code == 0, result.output
    markdown = Path(result.stdout.strip()).read_text(encoding="utf-8")
    for heading in (
        "## Background",
        "## Reactions from abroad",
        "## Analysis",
        "## Conclusion",
        "## Related books",
        "## References",
        "Source: Harbor Wire",
    ):
        assert heading in markdown
    assert "補足説明" not in markdown
    system = server.requests[0]["messages"][0]["content"]
    assert "Write in English only." in system and "〜と述べた" not in system


def test_kill_9_mid_call_then_resume_repeats_no_finished_call(
    tmp_path: Path, catalogs: CatalogServer
) -> None:
    script = load_script(str(FIXTURES / "replies.json"))
    conclusion = script["ConclusionDraft"][0]
    script["ConclusionDraft"] = [Reply(content=conclusion.content, delay=30.0), conclusion]
    server = ScriptedLLM(script).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "DRAFTER_"))}
    env.update(OPENAI_BASE_URL=server.base_url, DRAFTER_MAX_RETRIES="0", DRAFTER_TIMEOUT="60")
    env.update(catalogs.env())  # a subprocess is outside pytest-socket: never the real catalogs
    args = [
        *drafter_command(),
        "run",
        str(FIXTURES / "article.html"),
        "--comments",
        str(FIXTURES / "comments.json"),
        "--out",
        str(tmp_path / "d"),
    ]
    try:
        process = subprocess.Popen(
            args,
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60

        def others_done() -> bool:  # books may still be at the catalogs when conclusion starts
            return any((tmp_path / "d").glob("*/steps/books.json"))

        while (
            server.count("ConclusionDraft") == 0 or not others_done()
        ) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.count("ConclusionDraft") == 1, "the run never reached the conclusion"
        os.killpg(process.pid, signal.SIGKILL)  # mid-LLM-call
        process.wait(timeout=10)
        (run_dir,) = (tmp_path / "d").iterdir()
        assert not (run_dir / "steps/conclusion.json").exists()
        before = {n: server.count(n) for n in EARLIER_SCHEMAS}
        assert set(before.values()) == {1}

        resumed = subprocess.run(
            [*drafter_command(), "run", "--resume", str(run_dir)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.stop()
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.strip().splitlines()[-1] == str(run_dir / "article.md")
    assert {n: server.count(n) for n in before} == before
    assert server.count("ConclusionDraft") == 2
    meta = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert meta["status"] == "completed"
    assert "done earlier, kept" in resumed.stderr
