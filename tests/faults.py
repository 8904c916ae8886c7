"""Fault schedules for the scripted LLM server, and the harness that checks a run's invariants:
success or a recorded, resumable failure within its deadline; 0 finished steps lost or asked
again on resume; 0 steps persisted twice; HTTP attempts per logical call within the retry
budget; Retry-After honoured (capped); a hang surfacing within the timeout.

Used by tests/test_faults.py (named schedules, a sample of random ones) and
benchmarks/fault_stress.py (the full random count)."""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from drafter.cli import app
from drafter.run.folder import RunFolder
from tests.helpers import FIXTURES
from tests.scripted_llm import Reply, ScriptedLLM, load_script

SCHEMAS = (
    "LeadDraft",
    "BackgroundDraft",
    "ReactionsDraft",
    "BooksDraft",
    "HeadlineDraft",
    "AnalysisDraft",
    "ConclusionDraft",
)
AGENT_OF = {s: s.removesuffix("Draft").lower() for s in SCHEMAS}
MAX_RETRIES = 2
TIMEOUT = 1.0
RETRY_AFTER_CAP = 2.0
ENV = {
    "DRAFTER_MAX_RETRIES": str(MAX_RETRIES),
    "DRAFTER_TIMEOUT": str(TIMEOUT),
    "DRAFTER_RETRY_AFTER_CAP": str(RETRY_AFTER_CAP),
    "OPENAI_API_KEY": "sk-test-not-a-real-key",
}


def fault(kind: str, **extra: Any) -> Reply:
    """A named fault, as one scripted answer."""
    table: dict[str, Reply] = {
        "429": Reply(status=429, error="rate limited", headers={"retry-after": "1"}),
        "429-ms": Reply(status=429, error="rate limited", headers={"retry-after-ms": "400"}),
        "429-date": Reply(
            status=429,
            error="rate limited",
            headers={"retry-after": formatdate(time.time() + 1, usegmt=True)},
        ),
        "429-30": Reply(status=429, error="slow down", headers={"retry-after": "30"}),
        "429-300": Reply(status=429, error="slow down", headers={"retry-after": "300"}),
        "408": Reply(status=408, error="request timeout"),
        "500": Reply(status=500, error="internal error"),
        "502": Reply(status=502, error="bad gateway"),
        "503": Reply(status=503, error="unavailable"),
        "504": Reply(status=504, error="gateway timeout"),
        "reset": Reply(mode="reset"),
        "hang": Reply(delay=TIMEOUT + 2),
        "slow-headers": Reply(mode="slow_headers", stall=TIMEOUT + 2),
        "stall-body": Reply(mode="stall_body", stall=TIMEOUT + 2),
        "truncate": Reply(mode="truncate"),
        "bad-json": Reply(mode="bad_json"),
        "schema": Reply(content={"unexpected": "shape"}),
        "length": Reply(content={}, finish_reason="length"),
        "content-filter": Reply(content={}, finish_reason="content_filter"),
        "refusal": Reply(refusal="I can't help with that."),
        "context": Reply(
            status=400, error="This model's maximum context length is 8192 tokens (context length)"
        ),
        "401": Reply(status=401, error="Incorrect API key provided: sk-test-************"),
    }
    reply = table[kind]
    return Reply(**{**reply.__dict__, **extra})


# Faults after which the step may still succeed within the retry budget, and those that end it.
RECOVERABLE = ("429", "429-ms", "408", "500", "502", "503", "504", "reset", "truncate", "bad-json")
SLOW = ("hang", "slow-headers", "stall-body")  # each costs TIMEOUT per attempt
FATAL = ("429-30", "429-300", "length", "content-filter", "context", "401")


@dataclass
class Outcome:
    name: str
    exit_code: int
    resumed_exit: int | None
    seconds: float
    requests: Counter[str]
    resume_requests: Counter[str]
    saves: Counter[str]
    finished_first: set[str]
    problems: list[str] = field(default_factory=list)


def _script(schedule: dict[str, list[Reply]]) -> dict[str, Any]:
    good = load_script(str(FIXTURES / "replies.json"))
    script: dict[str, Any] = dict(good)
    for schema, faults in schedule.items():
        script[schema] = [*faults, good[schema][0]]
    return script


@contextmanager
def _counting_saves() -> Iterator[Counter[str]]:
    saves: Counter[str] = Counter()
    original = RunFolder.save_step

    def save_step(self: RunFolder, agent: str, output: Any, call: dict[str, Any]) -> None:
        saves[agent] += 1
        original(self, agent, output, call)

    RunFolder.save_step = save_step  # type: ignore[method-assign]
    try:
        yield saves
    finally:
        RunFolder.save_step = original  # type: ignore[method-assign]


def _invoke(args: list[str], env: dict[str, str]) -> Any:
    return CliRunner().invoke(app, ["run", *args], env=env, catch_exceptions=False)


def run_schedule(
    name: str, schedule: dict[str, list[Reply]], out: Path, base_env: dict[str, str]
) -> Outcome:
    env = {**base_env, **ENV}
    with _counting_saves() as saves:
        server = ScriptedLLM(_script(schedule)).start()
        started = time.monotonic()
        try:
            first = _invoke(
                [
                    str(FIXTURES / "article.html"),
                    "--comments",
                    str(FIXTURES / "comments.json"),
                    "--out",
                    str(out),
                    "--no-check",
                ],
                {**env, "OPENAI_BASE_URL": server.base_url},
            )
        finally:
            seconds = time.monotonic() - started
            server.stop()
        requests = Counter(_schema_of(r) for r in server.requests)
        run_dirs = list(out.iterdir()) if out.exists() else []
        finished: set[str] = set()
        outcome = Outcome(
            name, first.exit_code, None, seconds, requests, Counter(), saves, finished
        )
        if first.exit_code == 0:
            outcome.finished_first = set(AGENT_OF.values())
            return outcome
        if len(run_dirs) != 1:
            outcome.problems.append(f"exit {first.exit_code} but {len(run_dirs)} run folders")
            return outcome
        meta = json.loads((run_dirs[0] / "run.json").read_text(encoding="utf-8"))
        if meta.get("status") != "failed" or "error" not in meta:
            outcome.problems.append("a failed run is not recorded as failed with its error")
        finished.update(
            n for n, s in meta.get("steps", {}).items() if s.get("status") == "completed"
        )
        clean = ScriptedLLM(_script({})).start()
        try:
            resumed = _invoke(
                ["--resume", str(run_dirs[0]), "--no-check"],
                {**env, "OPENAI_BASE_URL": clean.base_url},
            )
        finally:
            clean.stop()
        outcome.resumed_exit = resumed.exit_code
        outcome.resume_requests = Counter(_schema_of(r) for r in clean.requests)
        return outcome


def _schema_of(body: dict[str, Any]) -> str:
    from tests.scripted_llm import schema_name

    return schema_name(body)


def check_invariants(outcome: Outcome, deadline: float) -> list[str]:
    problems = list(outcome.problems)
    if outcome.exit_code not in (0, 4, 7):
        problems.append(f"exit code {outcome.exit_code}")
    if outcome.exit_code != 0 and outcome.resumed_exit != 0:
        problems.append(f"resume did not complete (exit {outcome.resumed_exit})")
    if outcome.seconds > deadline:
        problems.append(f"took {outcome.seconds:.1f} s > deadline {deadline:.1f} s")
    for schema, agent in AGENT_OF.items():
        if agent in outcome.finished_first and outcome.resume_requests[schema]:
            problems.append(f"{agent} finished in the first run but was asked again on resume")
        if outcome.saves[agent] > 1:
            problems.append(f"{agent} persisted {outcome.saves[agent]} times")
        # One logical call: 1 + MAX_RETRIES HTTP attempts, and one re-ask of as many.
        budget = (1 + MAX_RETRIES) * 2
        books_rounds = 3 if schema == "BooksDraft" else 1
        if outcome.requests[schema] > budget * books_rounds:
            problems.append(f"{schema}: {outcome.requests[schema]} HTTP attempts > {budget}")
    return problems


def random_schedule(seed: int) -> dict[str, list[Reply]]:
    """1–3 agents with 1–3 faults each (no slow ones: the stress script covers them too)."""
    rng = random.Random(seed)
    menu = [*RECOVERABLE, *FATAL, "schema", "refusal", "429-date"]
    schedule: dict[str, list[Reply]] = {}
    for schema in rng.sample(SCHEMAS, rng.randint(1, 3)):
        schedule[schema] = [fault(rng.choice(menu)) for _ in range(rng.randint(1, 3))]
    return schedule
