"""What only the editors' desk knows, kept in the archive beside the runs: editor revisions per
section, notes, approve / reopen decisions (with the digest of the Markdown approved, who and
why), and the answers to the fact check's flags. A re-run never touches these tables, so an
editor's decisions survive it. `Archive` (archive.py) is these records plus the runs table."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from drafter.files import utc_now
from drafter.run.records import Decision, FlagReview, Note, Revision, sentence_key


class EditorialRecords:
    """The editors' tables over the archive's one connection; every access holds `_lock`."""

    _db: sqlite3.Connection
    _lock: threading.RLock

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
                self._db.commit()
            except BaseException:
                self._db.rollback()
                raise

    # ---- editor revisions ----

    def add_revision(
        self, run: int, section: str, origin: str, text: str | None, instruction: str | None = None
    ) -> int:
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO revisions (run, section, origin, text, instruction, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (run, section, origin, text, instruction, utc_now()),
            )
        return int(cursor.lastrowid or 0)

    def revisions(self, run: int, section: str | None = None) -> list[Revision]:
        query = "SELECT * FROM revisions WHERE run = ?"
        args: tuple[Any, ...] = (run,)
        if section is not None:
            query += " AND section = ?"
            args += (section,)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY id", args).fetchall()
        return [
            Revision(r["id"], r["section"], r["origin"], r["text"], r["instruction"],
                     r["created_at"])
            for r in rows
        ]  # fmt: skip

    def editor_texts(self, run: int) -> dict[str, str]:
        """Section → the editor's current text, for sections whose latest revision is an edit
        (a revert or a regeneration hands the section back to the model's text)."""
        latest: dict[str, Revision] = {}
        for revision in self.revisions(run):
            latest[revision.section] = revision
        return {
            section: revision.text or ""
            for section, revision in latest.items()
            if revision.origin == "editor"
        }

    # ---- notes and decisions ----

    def add_note(self, run: int, section: str, text: str) -> int:
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO notes (run, section, text, created_at) VALUES (?, ?, ?, ?)",
                (run, section, text, utc_now()),
            )
        return int(cursor.lastrowid or 0)

    def notes(self, run: int) -> list[Note]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM notes WHERE run = ? ORDER BY id", (run,)
            ).fetchall()
        return [Note(r["id"], r["section"], r["text"], r["created_at"]) for r in rows]

    def decide(
        self,
        run: int,
        action: str,
        markdown_digest: str | None,
        *,
        who: str | None = None,
        reason: str | None = None,
    ) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO decisions (run, action, digest, created_at, who, reason) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (run, action, markdown_digest, utc_now(), who, reason),
            )

    def decision(self, run: int) -> Decision | None:
        with self._lock:
            row = self._db.execute(
                "SELECT * FROM decisions WHERE run = ? ORDER BY id DESC LIMIT 1", (run,)
            ).fetchone()
        if row is None:
            return None
        return Decision(row["action"], row["digest"], row["created_at"], row["who"], row["reason"])

    def decisions_with_digest(self, runs: list[int]) -> dict[int, Decision]:
        """The latest decision of each of `runs` that has one, digest included (one query)."""
        if not runs:
            return {}
        marks = ", ".join("?" for _ in runs)
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM decisions WHERE id IN (SELECT max(id) FROM decisions "
                f"WHERE run IN ({marks}) GROUP BY run)",
                runs,
            ).fetchall()
        return {
            int(r["run"]): Decision(
                r["action"], r["digest"], r["created_at"], r["who"], r["reason"]
            )
            for r in rows
        }

    # ---- flag reviews ----

    def review_flag(
        self,
        run: int,
        section: str,
        sentence: str,
        kind: str,
        action: str,
        *,
        reason: str | None = None,
        who: str | None = None,
        must_fix: bool = False,
    ) -> int:
        """Record (or replace) the editor's answer to the flag on `sentence` by check `kind`."""
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO flag_reviews (run, section, sentence_key, kind, action, reason, who, "
                "sentence, must_fix, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (run, section, sentence_key, kind) DO UPDATE SET "
                "action = excluded.action, reason = excluded.reason, who = excluded.who, "
                "sentence = excluded.sentence, must_fix = excluded.must_fix, "
                "created_at = excluded.created_at",
                (run, section, sentence_key(sentence), kind, action, reason, who, sentence,
                 int(must_fix), utc_now()),
            )  # fmt: skip
        return int(cursor.lastrowid or 0)

    def unreview_flag(self, run: int, review: int) -> None:
        """Take an answer back: the flag is open again."""
        with self._tx() as db:
            db.execute("DELETE FROM flag_reviews WHERE run = ? AND id = ?", (run, review))

    def flag_reviews(self, run: int) -> list[FlagReview]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM flag_reviews WHERE run = ? ORDER BY id", (run,)
            ).fetchall()
        return [
            FlagReview(int(r["id"]), r["section"], r["sentence_key"], r["kind"], r["action"],
                       r["reason"], r["who"], r["sentence"], bool(r["must_fix"]), r["created_at"])
            for r in rows
        ]  # fmt: skip
