"""The archive of runs: one SQLite database (WAL) that `drafter run` registers every run in and
`drafter review` works from. Run folders stay the source of truth for what the model wrote;
the archive adds what only the editors' desk knows: editor revisions per section, notes,
approvals, and re-checks. A re-run never touches those, so an editor's decisions survive it.

Tables: runs (one row per run folder), revisions (editor texts, reverts, and the model text a
regeneration replaced), notes, decisions (approve / reopen, with the digest of the Markdown that
was approved, who approved and why), flag_reviews (an editor's answer to one flag of the fact
check: fixed, or not a problem with a reason; keyed by run, section, normalised sentence and the
check that flagged it, so it holds across re-checks while the sentence is unchanged).

Schema changes after the first archives were made are named steps (MIGRATIONS), applied in order
when an archive is opened and recorded in schema_steps; each is idempotent, so two processes
opening an old archive at once both succeed.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from drafter.errors import RunError
from drafter.files import RUN_FILE, utc_now

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    run_id TEXT NOT NULL,
    title TEXT,
    source_url TEXT,
    site TEXT,
    lang TEXT,
    created_at TEXT,
    updated_at TEXT,
    status TEXT,
    check_failing INTEGER,
    check_contradicted INTEGER,
    check_unsupported INTEGER,
    cost_usd REAL,
    tokens INTEGER,
    embedding BLOB,
    published_url TEXT,
    stamp TEXT
);
CREATE TABLE IF NOT EXISTS revisions (
    id INTEGER PRIMARY KEY,
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('editor', 'revert', 'regenerated')),
    text TEXT,
    instruction TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS revisions_run ON revisions(run, section, id);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('approved', 'reopened')),
    digest TEXT,
    created_at TEXT NOT NULL
);
"""


# Columns added after the first archives were made: (name, type), added on open.
ADDED_COLUMNS = (("published_url", "TEXT"), ("stamp", "TEXT"))

# Named schema steps, in order: (name, statements). Each statement is idempotent (IF NOT EXISTS,
# or an ADD COLUMN that tolerates the column being there already).
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "flag_reviews",
        (
            """CREATE TABLE IF NOT EXISTS flag_reviews (
    id INTEGER PRIMARY KEY,
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    sentence_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('fixed', 'dismissed')),
    reason TEXT,
    who TEXT,
    sentence TEXT NOT NULL,
    must_fix INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (run, section, sentence_key, kind)
)""",
        ),
    ),
    (
        "decision_signature",
        (
            "ALTER TABLE decisions ADD COLUMN who TEXT",
            "ALTER TABLE decisions ADD COLUMN reason TEXT",
        ),
    ),
)


def sentence_key(text: str) -> str:
    """A sentence as flags are matched: NFKC, without whitespace (a re-wrapped or full-width
    copy of the same sentence is the same sentence)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _migrate(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_steps (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {str(r[0]) for r in db.execute("SELECT name FROM schema_steps")}
    for name, statements in MIGRATIONS:
        if name in done:
            continue
        for statement in statements:
            try:
                db.execute(statement)
            except sqlite3.OperationalError as exc:  # another process applied it meanwhile
                if "duplicate column" not in str(exc):
                    raise
        db.execute(
            "INSERT OR IGNORE INTO schema_steps (name, applied_at) VALUES (?, ?)", (name, utc_now())
        )


# The files a run's row is read from; a row is re-read only when one of them changed.
STAMPED_FILES = (RUN_FILE, "check.json", "desk/check.json", "steps/headline.json")


def folder_stamp(run_dir: Path) -> str:
    """Inode, times and size of the files a row is read from: cheap to compute (a few stat
    calls), and different after any write drafter makes to them."""
    parts = []
    for name in STAMPED_FILES:
        try:
            info = (run_dir / name).stat()
            # drafter replaces files by rename, so the inode changes even when a coarse clock
            # (network or FAT file systems) gives the new file the old mtime and size.
            parts.append(f"{info.st_ino}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_size}")
        except OSError:
            parts.append("-")
    return "|".join(parts)


def newest_check(run_dir: Path) -> str | None:
    """The newest check report of a run: the desk's re-check, else the run's own."""
    newest: tuple[int, str] | None = None
    for name in ("desk/check.json", "check.json"):
        try:
            mtime = (run_dir / name).stat().st_mtime_ns
        except OSError:
            continue
        if newest is None or mtime > newest[0]:
            newest = (mtime, name)
    return newest[1] if newest else None


@dataclass
class RunRow:
    id: int
    path: Path
    run_id: str
    title: str | None
    source_url: str | None
    site: str | None
    lang: str | None
    created_at: str | None
    updated_at: str | None
    status: str | None
    check_failing: int | None
    check_contradicted: int | None
    check_unsupported: int | None
    cost_usd: float | None
    tokens: int | None
    published_url: str | None = None
    stamp: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> RunRow:
        # Only the columns this version knows: a newer drafter may have added some.
        known = {f.name for f in fields(cls)}
        data = {k: row[k] for k in row.keys() if k in known}  # noqa: SIM118 - sqlite3.Row
        data["path"] = Path(data["path"])
        # An imported run.json is untrusted: a cost or token count that is not a number is shown
        # as unknown, never handed to the run list's number formatting.
        data["cost_usd"] = _number(data.get("cost_usd"), float)
        data["tokens"] = _number(data.get("tokens"), int)
        return cls(**data)


def _number(value: Any, kind: type[float] | type[int]) -> Any:
    """`value` as a finite `kind`, else None (text, booleans, NaN, infinities)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer past any float
        return None
    if not math.isfinite(number) or (kind is int and not number.is_integer()):
        return None
    return kind(value)


@dataclass
class Revision:
    id: int
    section: str
    origin: str
    text: str | None
    instruction: str | None
    created_at: str


@dataclass
class Note:
    id: int
    section: str
    text: str
    created_at: str


@dataclass
class Decision:
    action: str
    digest: str | None
    created_at: str
    who: str | None = None
    reason: str | None = None


@dataclass
class FlagReview:
    """An editor's answer to one flag: 'fixed', or 'dismissed' (not a problem) with a reason."""

    id: int
    section: str
    sentence_key: str
    kind: str
    action: str
    reason: str | None
    who: str | None
    sentence: str
    must_fix: bool
    created_at: str


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_counts(run_dir: Path, check_file: str = "check.json") -> dict[str, int] | None:
    """failing / contradicted / unsupported claim counts of a run's check report, if any."""
    path = run_dir / check_file
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    claims = report.get("claims") if isinstance(report, dict) else None
    if not isinstance(claims, list):
        return None
    claims = [c for c in claims if isinstance(c, dict)]
    return {
        "failing": sum(1 for c in claims if c.get("fails")),
        "contradicted": sum(1 for c in claims if c.get("verdict") == "contradicted"),
        "unsupported": sum(1 for c in claims if c.get("verdict") == "unsupported"),
    }


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


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _row_values(run_dir: Path, stamp: str) -> dict[str, Any]:
    """The runs row of a folder, read from its run.json, newest check report and headline."""
    try:
        meta = json.loads((run_dir / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RunError(f"{run_dir} is not a readable drafter run folder: {exc}") from exc
    if not isinstance(meta, dict):
        raise RunError(f"{run_dir} is not a readable drafter run folder: run.json is not an object")
    source, options, usage = (_object(meta.get(k)) for k in ("source", "options", "usage_total"))
    check = newest_check(run_dir)
    counts = (check_counts(run_dir, check) if check else None) or {}
    return {
        "path": str(run_dir),
        "run_id": str(meta.get("run_id") or run_dir.name),
        "title": headline(run_dir) or source.get("title"),
        "source_url": source.get("url"),
        "site": source.get("site_name"),
        "lang": options.get("lang"),
        "created_at": meta.get("created_at"),
        "updated_at": meta.get("updated_at"),
        "status": meta.get("status"),
        "check_failing": counts.get("failing"),
        "check_contradicted": counts.get("contradicted"),
        "check_unsupported": counts.get("unsupported"),
        "cost_usd": _number(meta.get("cost_usd"), float),
        "tokens": _number(usage.get("total_tokens"), int),
        "stamp": stamp,
    }


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


class Archive:
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
            self._db.executescript(SCHEMA)
            columns = {r["name"] for r in self._db.execute("PRAGMA table_info(runs)")}
            for column, kind in ADDED_COLUMNS:
                if column in columns:
                    continue
                try:
                    self._db.execute(f"ALTER TABLE runs ADD COLUMN {column} {kind}")
                except sqlite3.OperationalError as exc:  # another process added it meanwhile
                    if "duplicate column" not in str(exc):
                        raise
            self._db.execute(
                "CREATE INDEX IF NOT EXISTS runs_by_date ON runs (created_at DESC, id DESC)"
            )
            self._db.execute("CREATE INDEX IF NOT EXISTS decisions_by_run ON decisions (run, id)")
            _migrate(self._db)
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

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
                self._db.commit()
            except BaseException:
                self._db.rollback()
                raise

    # ---- runs ----

    def register(self, run_dir: Path) -> int:
        """Insert or refresh a run from its folder (run.json, check reports). Returns its id."""
        run_dir = run_dir.resolve()
        values = _row_values(run_dir, folder_stamp(run_dir))
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
                changed.append(_row_values(Path(path), stamp))
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

    def decisions_of(self, runs: list[int]) -> dict[int, str]:
        """The latest decision's action for each of `runs` that has one (one query)."""
        if not runs:
            return {}
        marks = ", ".join("?" for _ in runs)
        with self._lock:
            rows = self._db.execute(
                f"SELECT run, action FROM decisions WHERE id IN (SELECT max(id) FROM decisions "
                f"WHERE run IN ({marks}) GROUP BY run)",
                runs,
            ).fetchall()
        return {int(r["run"]): str(r["action"]) for r in rows}

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


def headline(run_dir: Path) -> str | None:
    """The draft's headline (steps/headline.json), if that step is done."""
    try:
        payload = json.loads((run_dir / "steps" / "headline.json").read_text(encoding="utf-8"))
        return str(payload["output"]["title"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
