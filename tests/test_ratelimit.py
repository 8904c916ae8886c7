"""The shared rate limiter: requests and tokens per minute per model, Retry-After pauses shared
by every caller, thread safety. Pacing is checked on a fake clock, never with wall-time
assertions."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest

from drafter.config import load_settings
from drafter.errors import ConfigError
from drafter.llm import ChatModels
from drafter.llm.ratelimit import (
    SHARED,
    Limiters,
    LimiterStats,
    RateLimit,
    RateLimiter,
    limit_for,
    rate_limits,
)
from tests.helpers import draft
from tests.scripted_llm import Reply, ScriptedLLM

T = TypeVar("T")


class FakeClock:
    """Virtual time: `sleep` parks the caller; `run` lets every ready task go, then moves the
    clock to the earliest wake-up, so concurrent sleepers wake in order, instantly."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), future))
        await future

    def run(self, *coros: Coroutine[Any, Any, T]) -> list[T]:
        async def drive() -> list[T]:
            tasks = [asyncio.ensure_future(c) for c in coros]
            while not all(t.done() for t in tasks):
                for _ in range(20):
                    await asyncio.sleep(0)
                if self._sleepers:
                    wake, _, future = heapq.heappop(self._sleepers)
                    self.now = max(self.now, wake)
                    future.set_result(None)
            return [t.result() for t in tasks]

        return asyncio.run(drive())


def limiter(clock: FakeClock, **limits: int) -> RateLimiter:
    return RateLimiter(RateLimit(**limits), headroom=1.0, clock=clock, sleep=clock.sleep)


def grant_times(lim: RateLimiter, clock: FakeClock, tokens: list[int]) -> list[float]:
    async def go() -> list[float]:
        times = []
        for count in tokens:
            await lim.acquire(count)
            times.append(clock.now)
        return times

    return clock.run(go())[0]


def test_requests_per_minute_are_paced_evenly() -> None:
    clock = FakeClock()
    lim = limiter(clock, rpm=60)
    assert grant_times(lim, clock, [0] * 5) == pytest.approx([0, 1, 2, 3, 4])
    assert lim.stats.granted == 5 and lim.stats.waited_seconds == pytest.approx(4)


def test_headroom_paces_slightly_below_the_limit() -> None:
    clock = FakeClock()
    lim = RateLimiter(RateLimit(rpm=600), clock=clock, sleep=clock.sleep)  # default headroom
    times = grant_times(lim, clock, [0] * 11)
    assert times[-1] == pytest.approx(10 * 0.1 / 0.97)


def test_tokens_per_minute_wait_for_the_window() -> None:
    clock = FakeClock()
    lim = limiter(clock, tpm=1000)
    # 400 + 400 fit; the third waits until the first leaves the minute.
    assert grant_times(lim, clock, [400, 400, 400]) == pytest.approx([0, 0, 60])


def test_real_usage_replaces_the_reservation() -> None:
    clock = FakeClock()
    lim = limiter(clock, tpm=1000)

    async def go() -> list[float]:
        first = await lim.acquire(600)  # worst case: input estimate + max_tokens
        first.settle(100)  # the answer used 100
        await lim.acquire(800)  # 100 + 800 fits now
        at_second = clock.now
        unknown = await lim.acquire(0)
        unknown.settle(None)  # usage unknown: the reservation stays
        await lim.acquire(500)  # 900 + 500 > 1000: waits until 100 and 800 have left
        return [at_second, clock.now]

    assert clock.run(go())[0] == pytest.approx([0, 60])


def test_a_call_larger_than_the_limit_waits_for_an_empty_window() -> None:
    clock = FakeClock()
    lim = limiter(clock, tpm=1000)
    assert grant_times(lim, clock, [300, 5000]) == pytest.approx([0, 60])


def test_both_limits_together() -> None:
    clock = FakeClock()
    lim = limiter(clock, rpm=6, tpm=1000)  # one request per 10 s
    assert grant_times(lim, clock, [500, 500, 500]) == pytest.approx([0, 10, 60])


def test_no_limits_only_pauses() -> None:
    clock = FakeClock()
    lim = limiter(clock)
    assert grant_times(lim, clock, [10**9] * 3) == [0, 0, 0]
    lim.pause(2.5)
    assert grant_times(lim, clock, [0]) == pytest.approx([2.5])


def test_retry_after_pause_holds_every_caller_sharing_the_model() -> None:
    clock = FakeClock()
    limiters = Limiters()
    shared = limiters.get("http://llm.test/v1", "m", "key", RateLimit())
    # Two articles' models: same endpoint, model and key → one limiter.
    assert limiters.get("http://llm.test/v1", "m", "key", RateLimit()) is shared
    assert limiters.get("http://llm.test/v1", "other", "key", RateLimit()) is not shared
    assert limiters.get("http://other.test/v1", "m", "key", RateLimit()) is not shared
    shared._clock, shared._sleep = clock, clock.sleep

    async def go() -> list[float]:
        async def caller() -> float:
            await shared.acquire(0)
            return clock.now

        shared.pause(3.0)  # one caller got a 429 with Retry-After: 3
        return list(await asyncio.gather(caller(), caller(), caller()))

    assert all(t >= 3.0 for t in clock.run(go())[0])
    assert shared.stats.pauses == 1 and shared.stats.paused_seconds == pytest.approx(3.0)
    shared.pause(1.0)  # a shorter pause never shortens a longer one
    shared.pause(2.0)
    assert shared.paused_for() == pytest.approx(2.0)


def test_pause_also_holds_callers_already_waiting_for_their_turn() -> None:
    clock = FakeClock()
    lim = limiter(clock, rpm=60)

    async def go() -> list[float]:
        times: list[float] = []

        async def caller() -> None:
            await lim.acquire(0)
            times.append(clock.now)

        async def pauser() -> None:
            await clock.sleep(0.5)
            lim.pause(10)  # arrives while the others queue for their 1 s slots

        await asyncio.gather(caller(), caller(), caller(), pauser())
        return sorted(times)

    times = clock.run(go())[0]
    assert times == pytest.approx([0, 10.5, 11.5])  # held until the pause ends, still paced


def test_thread_safe_across_event_loops() -> None:
    """Four threads, each with its own event loop (like a batch's articles), share one limiter:
    no two grants are closer than the pacing interval, and the token window adds up."""
    lim = RateLimiter(RateLimit(rpm=60 * 400, tpm=10**9))  # a grant every ~2.6 ms
    errors: list[BaseException] = []

    def article() -> None:
        async def calls() -> None:
            permits = await asyncio.gather(*(lim.acquire(100) for _ in range(10)))
            for permit in permits[::2]:
                permit.settle(40)

        try:
            asyncio.run(calls())
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=article) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    times = sorted(lim.recent)
    assert len(times) == 40 == lim.stats.granted
    interval = 60 / (60 * 400 * lim.headroom)
    assert min(b - a for a, b in itertools.pairwise(times)) >= interval - 1e-9
    assert lim._window_tokens == pytest.approx(sum(e[1] for e in lim._window))
    assert lim._window_tokens == pytest.approx(20 * 100 + 20 * 40)


def test_limits_from_config_file_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "limits.toml"
    config.write_text(
        'tpm = 100000\n[rate_limits."gpt-4.1-mini"]\nrpm = 500\ntpm = 200000\n'
        '[rate_limits."gpt-4.1"]\nrpm = 50\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DRAFTER_RPM", "30")
    default, table = rate_limits(load_settings(config_path=config))
    assert default == RateLimit(rpm=30, tpm=100000)
    assert limit_for("gpt-4.1-mini", default, table) == RateLimit(rpm=500, tpm=200000)
    # A dated snapshot uses its family's entry; an entry inherits what it does not set.
    assert limit_for("gpt-4.1-2025-04-14", default, table) == RateLimit(rpm=50, tpm=100000)
    assert limit_for("llama3.1", default, table) == default
    # Unset: no limit.
    monkeypatch.delenv("DRAFTER_RPM")
    assert rate_limits(load_settings()) == (RateLimit(), {})


def test_bad_limits_say_how_to_write_them(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[rate_limits."m"]\nrpm = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        ChatModels(load_settings(config_path=config))
    assert "rate_limits" in (caught.value.hint or "") and "published limits" in (
        caught.value.hint or ""
    )
    config.write_text('[rate_limits."m"]\nrequests = 5\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        ChatModels(load_settings(config_path=config))


def test_a_429_pauses_the_models_shared_limiter(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    """The retry layer tells the shared limiter about a 429's Retry-After, and the run still
    finishes (one retry)."""
    llm_env.script["HeadlineDraft"] = [
        Reply(status=429, error="rate limited", headers={"retry-after-ms": "300"}),
        *llm_env.script["HeadlineDraft"],  # type: ignore[misc]
    ]
    shared = SHARED.get(llm_env.base_url, "gpt-4.1-mini", "sk-test-not-a-real-key", RateLimit())
    before = LimiterStats(**vars(shared.stats))  # a port may have served an earlier test
    result = draft(tmp_path, "--max-retries", "1")
    assert result.exit_code == 0, result.output
    assert shared.stats.pauses - before.pauses == 1
    assert shared.stats.paused_seconds - before.paused_seconds == pytest.approx(0.3, abs=0.05)
    assert shared.stats.granted - before.granted == 8  # 7 agents + the retried headline
