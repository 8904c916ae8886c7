"""Model answers cached across runs (SQLite, WAL), keyed by model, agent, call order, schema and
the exact messages with the run's nonce and canary left out: re-drafting the same article with
the same prompts makes no model call; changing one prompt asks only the agents whose messages
changed (that agent and those that read its output). `--no-cache` bypasses it."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel


class LLMCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, entry TEXT NOT NULL, "
            "created REAL NOT NULL)"
        )
        self._db.commit()

    def get(self, key: str, schema: type[BaseModel]) -> Any:
        from drafter.llm import restore_answer

        with self._lock:
            row = self._db.execute("SELECT entry FROM answers WHERE key = ?", (key,)).fetchone()
        return restore_answer(row[0], schema, free=True) if row else None

    def put(self, key: str, entry: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (key, entry, time.time())
            )
            self._db.commit()

    def forget(self, *keys: str) -> None:
        with self._lock:
            self._db.executemany("DELETE FROM answers WHERE key = ?", [(k,) for k in keys])
            self._db.commit()

    def close(self) -> None:
        self._db.close()
