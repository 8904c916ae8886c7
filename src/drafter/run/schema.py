"""The archive's SQLite schema: the tables a new archive is created with, and the named steps
that bring an archive made by an earlier drafter up to date.

Every change after the first archives were made is a named step (MIGRATIONS), applied in order
when an archive is opened and recorded in `schema_steps`, so each runs once per archive. Each
statement is idempotent (IF NOT EXISTS, or an ADD COLUMN whose column may already be there), so
two processes opening an old archive at once both succeed, and a step whose change a new
archive's tables already hold (the runs_* columns) is recorded without changing anything.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from drafter.files import utc_now

# The tables as a new archive creates them (runs already has the columns the runs_* steps add
# to older archives; decisions gets who and reason from the decision_signature step).
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


class Step(NamedTuple):
    """One named schema change: its statements, each idempotent."""

    name: str
    statements: tuple[str, ...]


# In the order they were made; a new step goes at the end, and a step is never edited once
# released (an archive that recorded it would not see the change).
MIGRATIONS: tuple[Step, ...] = (
    # Where a draft went live (関連記事 links it).
    Step("runs_published_url", ("ALTER TABLE runs ADD COLUMN published_url TEXT",)),
    # The stamp of the files a row was read from: a folder is re-read only when it changed.
    Step("runs_stamp", ("ALTER TABLE runs ADD COLUMN stamp TEXT",)),
    # The run list, newest first, and the latest decision of each run, without a table scan.
    Step(
        "runs_by_date",
        ("CREATE INDEX IF NOT EXISTS runs_by_date ON runs (created_at DESC, id DESC)",),
    ),
    Step(
        "decisions_by_run",
        ("CREATE INDEX IF NOT EXISTS decisions_by_run ON decisions (run, id)",),
    ),
    # An editor's answer to one flag of the fact check.
    Step(
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
    # Who approved or reopened a draft, and why.
    Step(
        "decision_signature",
        (
            "ALTER TABLE decisions ADD COLUMN who TEXT",
            "ALTER TABLE decisions ADD COLUMN reason TEXT",
        ),
    ),
)


def migrate(db: sqlite3.Connection) -> None:
    """Apply the steps this archive has not recorded yet, in order, and record them."""
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
            except sqlite3.OperationalError as exc:  # the column is there (a new archive's
                if "duplicate column" not in str(exc):  # table, or another process added it)
                    raise
        db.execute(
            "INSERT OR IGNORE INTO schema_steps (name, applied_at) VALUES (?, ?)", (name, utc_now())
        )


def prepare(db: sqlite3.Connection) -> None:
    """Create the tables of a new archive, or bring an older one up to date (not committed)."""
    db.executescript(SCHEMA)
    migrate(db)
