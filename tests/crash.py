"""kill -9 at named points of a run, then --resume: the harness shared by tests/test_crash.py
(one seed, every point) and benchmarks/crash_matrix.py (three seeds)."""

from __future__ import annotations

import json
import os
import random
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from drafter.sections import names as section_names
from tests.helpers import FIXTURES, drafter_command
from tests.scripted_llm import Reply, ScriptedLLM, load_script, schema_name

POINTS = [
    *(f"{kind}:{agent}" for agent in section_names() for kind in ("call", "answer", "saved")),
    *(f"write:steps/{agent}.json" for agent in section_names()),
    "render",
    "write:article.md",
]


def _script(seed: int) -> dict[str, list[Reply]]:
    """The fixture replies with small seeded delays, so each seed interleaves the parallel
    agents differently."""
    rng = random.Random(seed)
    script = load_script(str(FIXTURES / "replies.json"))
    return {
        name: [Reply(content=r.content, delay=rng.uniform(0, 0.15)) for r in replies]
        for name, replies in script.items()
    }


@dataclass
class CrashResult:
    point: str
    seed: int
    crash_code: int
    resume_code: int | None
    calls: Counter[str]
    markdown: str | None
    stderr: str = ""
    first_calls: Counter[str] | None = None  # calls made before the kill
    received: Counter[str] | None = None  # answers journaled before the kill, per agent


def run(point: str | None, seed: int, work: Path, extra_env: dict[str, str]) -> CrashResult:
    server = ScriptedLLM(_script(seed)).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "DRAFTER_"))}
    env.update(extra_env)
    env.update(
        OPENAI_BASE_URL=server.base_url,
        OPENAI_API_KEY="sk-test-not-a-real-key",
        DRAFTER_MAX_RETRIES="0",
        DRAFTER_TIMEOUT="30",
        XDG_CACHE_HOME=str(work / "cache"),
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_DATA_HOME=str(work / "data"),  # the run archive: not the user's
    )
    out = work / "out"
    args = [
        *drafter_command(),
        "run",
        str(FIXTURES / "article.html"),
        "--comments",
        str(FIXTURES / "comments.json"),
        "--out",
        str(out),
        "--no-check",
    ]
    try:
        crashed = subprocess.run(
            args,
            env={**env, **({"DRAFTER_CRASH_AT": point} if point else {})},
            capture_output=True,
            text=True,
            timeout=120,
        )
        # The answers drafter had received when it died are in its journal; a resume must
        # reuse every one of them. Calls it had not received may be made again.
        first_calls = Counter(schema_name(r) for r in server.requests)
        received = Counter(
            json.loads(path.read_text(encoding="utf-8"))["agent"]
            for path in out.glob("*/calls/*.json")
        )
        resume_code = None
        stderr = crashed.stderr
        if point is not None:
            (run_dir,) = out.iterdir()
            resumed = subprocess.run(
                [*drafter_command(), "run", "--resume", str(run_dir), "--no-check"],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            resume_code = resumed.returncode
            stderr += resumed.stderr
    finally:
        server.stop()
    calls = Counter(schema_name(r) for r in server.requests)
    markdowns = list(out.glob("*/article.md"))
    markdown = markdowns[0].read_text(encoding="utf-8") if markdowns else None
    return CrashResult(
        point or "-",
        seed,
        crashed.returncode,
        resume_code,
        calls,
        markdown,
        stderr,
        first_calls if point else None,
        received if point else None,
    )


def problems(result: CrashResult, baseline: CrashResult) -> list[str]:
    found = []
    if result.crash_code != -9:
        found.append(f"the process was not killed at {result.point} (exit {result.crash_code})")
    if result.resume_code != 0:
        found.append(f"resume failed (exit {result.resume_code}): {result.stderr[-300:]}")
    first = result.first_calls or Counter()
    received = result.received or Counter()
    for schema, count in baseline.calls.items():
        agent = schema.removesuffix("Draft").lower()
        resumed = result.calls[schema] - first[schema]
        if received[agent] and resumed > count - received[agent]:
            found.append(
                f"{schema}: an answer received before the kill was asked again on resume "
                f"({received[agent]} received, {resumed} asked on resume, {count} in all)"
            )
        unanswered = first[schema] - received[agent]  # open when the process died
        if result.calls[schema] - count > unanswered:
            found.append(f"{schema}: {result.calls[schema]} calls, {count} uninterrupted")
    if result.markdown != baseline.markdown:
        found.append("article.md differs from an uninterrupted run's")
    return found
