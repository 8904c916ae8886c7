"""What the archive hands back: a run's row, an editor's revision, a note, a decision, an answer
to a flag; and the keys they are matched by (a sentence as flags see it, a text's digest)."""

from __future__ import annotations

import hashlib
import math
import sqlite3
import unicodedata
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any


def sentence_key(text: str) -> str:
    """A sentence as flags are matched: NFKC, without whitespace (a re-wrapped or full-width
    copy of the same sentence is the same sentence)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def number(value: Any, kind: type[float] | type[int]) -> Any:
    """`value` as a finite `kind`, else None (text, booleans, NaN, infinities)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        as_float = float(value)
    except OverflowError:  # an integer past any float
        return None
    if not math.isfinite(as_float) or (kind is int and not as_float.is_integer()):
        return None
    return kind(value)


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
        data["cost_usd"] = number(data.get("cost_usd"), float)
        data["tokens"] = number(data.get("tokens"), int)
        return cls(**data)


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
