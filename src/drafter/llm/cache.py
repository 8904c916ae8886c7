"""Model answers kept in SQLite (WAL) across runs.

`AnswerStore` is the plain key → text store (thread-safe, with a per-store secret for keyed
nonces); the fact-check judge keeps its answers in one. `LLMCache` is the drafting agents'
cache: keyed by model, agent, call order, schema and the exact messages with the run's nonce and
canary left out, so re-drafting the same article with the same prompts makes no model call and
changing one prompt asks only the agents whose messages changed. `--no-cache` bypasses it.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:
    from drafter.llm.journal import Answered


class AnswerStore:
    def __init__(self, path: Path, *, durable: bool = True) -> None:
        """`durable=False` for what is cheap to compute again: a commit is not flushed to the
        disk before it returns (a power cut may lose the last entries, never corrupt them)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=10)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            if not durable:
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, entry TEXT NOT NULL, "
                "created REAL NOT NULL)"
            )
            self._db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            self._db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('secret', ?)", (secrets.token_hex(16),)
            )
            self._db.commit()
            row = self._db.execute("SELECT value FROM meta WHERE name = 'secret'").fetchone()
        except sqlite3.Error:
            self._db.close()  # not left for the garbage collector
            raise
        self.secret = bytes.fromhex(row[0])

    def get_text(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT entry FROM entries WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def put_text(self, key: str, entry: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (key, entry, time.time())
            )
            self._db.commit()

    def get_many(self, keys: list[str]) -> dict[str, str]:
        """The entries of those keys that are stored, in one read."""
        found: dict[str, str] = {}
        with self._lock:
            for start in range(0, len(keys), 500):  # SQLite caps a statement's parameters
                part = keys[start : start + 500]
                rows = self._db.execute(
                    f"SELECT key, entry FROM entries WHERE key IN ({','.join('?' * len(part))})",
                    part,
                ).fetchall()
                found.update((str(key), str(entry)) for key, entry in rows)
        return found

    def put_many(self, entries: dict[str, str]) -> None:
        """Store many entries in one transaction (one commit, not one per entry)."""
        now = time.time()
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                [(key, entry, now) for key, entry in entries.items()],
            )
            self._db.commit()

    def forget(self, *keys: str) -> None:
        with self._lock:
            self._db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in keys])
            self._db.commit()

    def close(self) -> None:
        with self._lock:  # never under a statement another thread is running
            self._db.close()


class LLMCache(AnswerStore):
    def get(self, key: str, schema: type[BaseModel]) -> Answered | None:
        from drafter.llm.journal import restore_answer

        text = self.get_text(key)
        return restore_answer(text, schema, free=True) if text is not None else None

    def put(self, key: str, entry: str) -> None:
        self.put_text(key, entry)
