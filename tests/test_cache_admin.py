"""`drafter cache`: what a real run left in the caches, and pruning by age (files by mtime,
SQLite entries by when they were written)."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.lang import align
from tests.helpers import draft
from tests.scripted_llm import ScriptedLLM


def _row(output: str, name: str) -> list[str]:
    line = next(line for line in output.splitlines() if f" {name} " in line)
    return [cell.strip() for cell in line.strip("│┃ ").split("│")]


def test_cache_shows_and_prunes_by_age(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the sentence encoder's memory starts empty, as in a new process, and every text it
    # encodes is counted: the run keeps them in embeddings.sqlite (関連記事's fingerprint and
    # the check's sentences; the preload thread may still be saving its last ones)
    encoded: list[str] = []
    encode = align._encode

    def counting(model: Any, text: str) -> Any:
        encoded.append(text)
        return encode(model, text)

    monkeypatch.setattr(align, "_VECTORS", {})
    monkeypatch.setattr(align, "_encode", counting)
    assert draft(tmp_path).exit_code == 0
    runner = CliRunner()
    shown = runner.invoke(app, ["cache"], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    assert _row(shown.output, "llm.sqlite")[2] == "7"  # one answer per agent
    assert 1 < int(_row(shown.output, "embeddings.sqlite")[2]) <= len(set(encoded))
    fetched = int(_row(shown.output, "fetch")[2])

    # Nothing is older than a day yet.
    kept = runner.invoke(app, ["cache", "--prune", "1"], terminal_width=200)
    assert kept.exit_code == 0 and _row(kept.output, "llm.sqlite")[4] == "0"

    # Age three model answers and every fetched file by 40 days.
    root = Path(os.environ["XDG_CACHE_HOME"]) / "drafter"
    old = time.time() - 40 * 86400
    db = sqlite3.connect(root / "llm.sqlite")
    db.execute("UPDATE entries SET created = ? WHERE rowid IN (SELECT rowid FROM entries LIMIT 3)",
               (old,))  # fmt: skip
    db.commit()
    db.close()
    for path in (root / "fetch").glob("*/*.json"):
        os.utime(path, (old, old))
    pruned = runner.invoke(app, ["cache", "--prune", "30"], terminal_width=200)
    assert pruned.exit_code == 0, pruned.output
    assert _row(pruned.output, "llm.sqlite")[2:5:2] == ["4", "3"]
    assert _row(pruned.output, "fetch")[2] == "0" and _row(pruned.output, "fetch")[4] == str(
        fetched
    )

    # The run itself is untouched, and a re-run asks only for the pruned answers.
    before = sum(llm_env.count(n) for n in llm_env.script)
    assert draft(tmp_path / "again").exit_code == 0
    assert sum(llm_env.count(n) for n in llm_env.script) - before == 3
