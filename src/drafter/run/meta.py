"""run.json as typed data: what a run records about itself (its source and comments, the steps
and their LLM calls, the totals, the check and books summaries, why it stopped).

Tolerant of old and foreign runs: every field may be missing, a key this version does not know
is kept (extra="allow") and written back, and a value of the wrong shape (an imported run.json
is untrusted) is set aside unread rather than refusing the folder: `to_json()` puts it back, so
a round trip loses nothing. Only the keys a run actually set are written (`exclude_unset`), so
run.json keeps the same keys and values as the dicts it replaced.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError

# Numbers keep their JSON type through a round trip (strict: "1.5" stays unread, not 1.5).
Number = int | float
_CONFIG = ConfigDict(extra="allow", strict=True, validate_assignment=True)
R = TypeVar("R", bound="_Record")


class _Record(BaseModel):
    model_config = _CONFIG

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_unset=True, warnings=False)

    @classmethod
    def record(cls: type[R], data: dict[str, Any]) -> R:
        """What drafter itself is about to write: typed when it fits, else kept as given (a
        record drafter writes must never stop a run because a value has a new shape)."""
        try:
            return cls.model_validate(data)
        except ValidationError:
            return cast(R, cls.model_construct(_fields_set=set(data), **data))

    def __bool__(self) -> bool:
        """False when nothing was recorded ({} in run.json), as the dict it replaces was."""
        return bool(self.to_json())


class ErrorInfo(_Record):
    """Why a run or a step stopped: the error's class and message, plus its own details
    (a model error's `details()`: the agent, its attempts and the raw reply)."""

    type: str | None = None
    message: str | None = None
    agent: str | None = None  # LLMError.details(): which agent, after how many tries, what came
    attempts: int | None = None
    raw_reply: str | None = None


class StepRecord(_Record):
    """One agent's entry in `steps`: its LLM call (agents.CallRecord) and how it ended, or
    {"status": "blocked", "waiting_on": ...} when an upstream step failed."""

    agent: str | None = None
    role: str | None = None
    model: str | None = None
    method: str | None = None
    prompt_sha256: str | None = None
    messages_sha256: str | None = None
    attempts: int | None = None
    usage: dict[str, int] | None = None
    cost_usd: Number | None = None
    cached: int | None = None
    seconds: Number | None = None
    status: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    waiting_on: str | None = None
    error: ErrorInfo | None = None


class SourceInfo(_Record):
    input: str | None = None
    url: str | None = None
    fetched_at: str | None = None
    title: str | None = None
    site_name: str | None = None
    date: str | None = None


class CommentsInfo(_Record):
    input: str | None = None
    url: str | None = None
    platform: str | None = None
    count: int | None = None
    offered: int | None = None
    dropped: dict[str, int] | None = None


class RunOptions(_Record):
    lang: str | None = None


class Timings(_Record):
    fetch_seconds: Number | None = None
    agents_seconds: Number | None = None


class CheckSummary(_Record):
    """The layer-1 check of the finished draft (check.json's CheckReport.summary())."""

    ok: bool | None = None
    sentences: int | None = None
    claims: int | None = None
    failing: int | None = None
    verdicts: dict[str, int] | None = None


class BooksSummary(_Record):
    """The books section's run summary (sections/books.py `summary`)."""

    wanted: int | None = None
    verified: int | None = None
    unverified: int | None = None
    rejected: int | None = None
    note: str | None = None


class RunMeta(_Record):
    run_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    drafter_version: str | None = None
    status: str | None = None
    source: SourceInfo | None = None
    comments: CommentsInfo | None = None
    options: RunOptions | None = None
    nonce: str | None = None
    steps: dict[str, StepRecord] = {}
    timings: Timings | None = None
    error: ErrorInfo | None = None
    completed_at: str | None = None
    outputs: dict[str, str] | None = None
    usage_total: dict[str, int] | None = None
    cost_usd: Number | None = None
    books: BooksSummary | None = None
    check: CheckSummary | None = None

    # top-level values of the wrong shape, kept as they were read and written back unchanged
    _unread: dict[str, Any] = PrivateAttr(default_factory=dict)

    @classmethod
    def parse(cls, data: object) -> RunMeta:
        """A run.json's content, however old or odd: never raises for a JSON object."""
        if not isinstance(data, dict):
            return cls()
        raw = {str(k): v for k, v in data.items()}
        steps = raw.get("steps")
        if isinstance(steps, dict) and all(isinstance(v, dict) for v in steps.values()):
            # one step of an odd shape (a newer drafter's) must not hide the others from resume
            raw["steps"] = {str(k): StepRecord.record(v) for k, v in steps.items()}
        unread: dict[str, Any] = {}
        while True:
            try:
                meta = cls.model_validate(raw)
                break
            except ValidationError as exc:
                bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
                if not bad or not bad & raw.keys():  # pragma: no cover - a model-level error
                    meta = cls()
                    unread.update(raw)
                    break
                for key in bad & raw.keys():
                    unread[key] = raw.pop(key)
        meta._unread = unread
        return meta

    @classmethod
    def read(cls, path: Path) -> RunMeta | None:
        """The run.json at `path`, or None when it is missing or not JSON."""
        try:
            return cls.parse(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    @property
    def unread(self) -> dict[str, Any]:
        return dict(self._unread)

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        for key, value in self._unread.items():
            data.setdefault(key, value)
        return data

    def set_summary(self, name: str, summary: dict[str, Any]) -> None:
        """A section's run summary under its name (`books`, or a key this model does not type)."""
        setattr(self, name, summary)

    def set_step(self, name: str, record: StepRecord) -> None:
        self.steps = {**self.steps, name: record}  # assigned, so written even on an old run

    def drop_step(self, name: str) -> None:
        self.steps = {k: v for k, v in self.steps.items() if k != name}

    def spent_usd(self) -> float:
        """What the steps cost, a resumed run's earlier steps included."""
        return sum(float(step.cost_usd or 0) for step in self.steps.values())
