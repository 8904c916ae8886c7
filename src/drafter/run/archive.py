"""The archive of runs: one SQLite database (WAL) that `drafter run` registers every run in and
`drafter review` works from. Run folders stay the source of truth for what the model wrote;
the archive adds what only the editors' desk knows: editor revisions per section, notes,
approvals, and re-checks. A re-run never touches those, so an editor's decisions survive it.

Tables: runs (one row per run folder), revisions (editor texts, reverts, and the model text a
regeneration replaced), notes, decisions (approve / reopen, with the digest of the Markdown that
was approved, who approved and why), flag_reviews (an editor's answer to one flag of the fact
check: fixed, or not a problem with a reason; keyed by run, section, normalised sentence and the
check that flagged it, so it holds across re-checks while the sentence is unchanged).

This module is the `Archive` and the runs table; beside it: `schema.py` the tables and the named
migration steps (recorded in schema_steps), `records.py` the rows it hands back, `scan.py` how a
run folder is read into a row, `editorial.py` the editors' tables. Every name is importable
from here.
"""

from __future__ import annotations

import sqlite3
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from drafter.errors import RunError
from drafter.files import RUN_FILE
from drafter.run.editorial import EditorialRecords
from drafter.run.records import (
    Decision,
    FlagReview,
    Note,
    Revision,
    RunRow,
    digest,
    sentence_key,
)
from drafter.run.scan import (
    STAMPED_FILES,
    check_counts,
    folder_stamp,
    headline,
    newest_check,
    row_values,
)
from drafter.run.schema import MIGRATIONS, SCHEMA, Step, prepare

__all__ = [
    "MIGRATIONS",
    "SCHEMA",
    "STAMPED_FILES",
    "Archive",
    "Decision",
    "FlagReview",
    "Note",
    "Revision",
    "RunRow",
    "Step",
    "check_counts",
    "digest",
    "folder_stamp",
    "headline",
    "newest_check",
    "open_archive",
    "record",
    "sentence_key",
]


def _folded(text: str | None) -> str:
    """NFKC and case-folded, for search: ＥＵ matches eu, ２０２６ matches 2026."""
    return unicodedata.normalize("NFKC", text or "").casefold()


def _search(query: str) -> tuple[str, list[str]]:
    """The WHERE clause and its argument for a run search (empty when there is no query)."""
    if not query.strip():
        return "", []
    literal = _folded(query.strip())
    for char in ("\\", "%", "_"):  # the query's own % and _ are not wildcards
        literal = literal.replace(char, "\\" + char)
    columns = ("title", "source_url", "site", "run_id")
    where = " OR ".join(f"folded({column}) LIKE ?1 ESCAPE '\\'" for column in columns)
    return f"WHERE {where}", ["%" + literal + "%"]


_UNSET = object()


def _upsert(db: sqlite3.Connection, values: dict[str, Any], expect: Any = _UNSET) -> None:
    """Insert or update a runs row. With `expect`, an existing row is updated only while its
    stamp is still `expect`: a newer registration made meanwhile is not overwritten."""
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    updates = ", ".join(f"{k} = excluded.{k}" for k in values if k != "path")
    sql = f"INSERT INTO runs ({columns}) VALUES ({marks}) ON CONFLICT(path) DO UPDATE SET {updates}"
    args = list(values.values())
    if expect is not _UNSET:
        sql += " WHERE runs.stamp IS ?"
        args.append(expect)
    db.execute(sql, args)


class Archive(EditorialRecords):
    """Thread-safe: the desk's request handlers share one connection behind a lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False, timeout=15)
            self._db.row_factory = sqlite3.Row
            self._db.create_function("folded", 1, _folded, deterministic=True)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            prepare(self._db)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            if getattr(self, "_db", None) is not None:
                self._db.close()
            raise RunError(
                f"Cannot open the run archive {path}: {exc}",
                hint="Set `archive` in the config (or DRAFTER_ARCHIVE) to a writable file.",
            ) from exc
        self._lock = threading.RLock()
        self._sync_lock = threading.Lock()

    def close(self) -> None:
        self._db.close()

    # ---- runs ----

    def register(self, run_dir: Path) -> int:
        """Insert or refresh a run from its folder (run.json, check reports). Returns its id."""
        run_dir = run_dir.resolve()
        values = row_values(run_dir, folder_stamp(run_dir))
        with self._tx() as db:
            _upsert(db, values)
            row = db.execute("SELECT id FROM runs WHERE path = ?", (str(run_dir),)).fetchone()
        return int(row["id"])

    def sync(self, folders: Iterable[Path] = ()) -> int:
        """Bring the archive up to date with the disk: every registered folder that still
        exists (a CLI re-run or check may have changed it) and every run folder under
        `folders` (runs made before the archive, or elsewhere). A folder is read only when
        its stamp changed, and all changes go in one transaction, so a run list over
        thousands of runs costs a few stat calls each. Returns how many rows were read."""
        with self._sync_lock:  # two list requests at once: one reads, the other finds it done
            return self._sync(folders)

    def _sync(self, folders: Iterable[Path]) -> int:
        with self._lock:
            known = {
                str(r["path"]): r["stamp"] for r in self._db.execute("SELECT path, stamp FROM runs")
            }
        candidates = set(known)
        for out_dir in folders:
            for run_file in out_dir.glob(f"*/{RUN_FILE}"):
                candidates.add(str(run_file.parent.resolve()))
        changed = []
        for path in sorted(candidates):
            stamp = folder_stamp(Path(path))
            if stamp.startswith("-") or known.get(path) == stamp:  # gone, or as registered
                continue
            try:
                changed.append(row_values(Path(path), stamp))
            except RunError:  # not a readable run folder: left out of the list
                continue
        if changed:
            with self._tx() as db:
                for values in changed:
                    _upsert(db, values, expect=known.get(values["path"]))
        return len(changed)

    def count(self, query: str = "") -> int:
        """How many runs match `query` (see `page`)."""
        where, args = _search(query)
        with self._lock:
            return int(self._db.execute(f"SELECT count(*) FROM runs {where}", args).fetchone()[0])

    def page(self, *, limit: int, offset: int = 0, query: str = "") -> list[RunRow]:
        """One page of runs, newest first: `query` filters on the title, the source URL and
        site, and the run id (case-insensitive, NFKC)."""
        where, args = _search(query)
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM runs {where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        return [RunRow.from_row(r) for r in rows]

    def runs(self) -> list[RunRow]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM runs ORDER BY created_at DESC, id DESC")
            return [RunRow.from_row(r) for r in rows.fetchall()]

    def run(self, run: int) -> RunRow:
        with self._lock:
            row = self._db.execute("SELECT * FROM runs WHERE id = ?", (run,)).fetchone()
        if row is None:
            raise RunError(f"No run {run} in the archive {self.path}.")
        return RunRow.from_row(row)

    def find(self, run_dir: Path) -> int | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id FROM runs WHERE path = ?", (str(run_dir.resolve()),)
            ).fetchone()
        return int(row["id"]) if row else None

    def set_embedding(self, run: int, vector: bytes) -> None:
        with self._tx() as db:
            db.execute("UPDATE runs SET embedding = ? WHERE id = ?", (vector, run))

    def set_published(self, run: int, url: str | None) -> None:
        """Where the draft went live (an editor records it on the desk): 関連記事 links it."""
        with self._tx() as db:
            db.execute("UPDATE runs SET published_url = ? WHERE id = ?", (url, run))

    def embeddings(self) -> list[tuple[int, bytes]]:
        with self._lock:
            rows = self._db.execute("SELECT id, embedding FROM runs WHERE embedding IS NOT NULL")
            return [(int(r["id"]), bytes(r["embedding"])) for r in rows.fetchall()]


def open_archive(settings: Any) -> Archive:
    from drafter.config import archive_path

    return Archive(archive_path(settings))


def record(run_dir: Path, settings: Any, fingerprint: bytes | None = None) -> int | None:
    """Register a run in the archive; the archive is advisory for `drafter run`, so a failure
    to write it never fails the run (the desk can import the folder later)."""
    try:
        archive = open_archive(settings)
    except RunError:
        return None
    try:
        run = archive.register(run_dir)
        if fingerprint is not None:
            archive.set_embedding(run, fingerprint)
        return run
    except (RunError, sqlite3.Error):
        return None
    finally:
        archive.close()
