"""Requests and tokens per minute per model, shared by every call of every article in the process.

A batch drafts several articles at once, each with several agents in flight; without a shared
limiter they all meet the provider's rate limit together and run into a storm of 429s that eats
every call's retries. Here each (endpoint, model, key) has one `RateLimiter`, shared across
threads and event loops (each article's pipeline runs its own `asyncio.run`):

- requests are paced evenly, one every `60 / rpm` seconds: providers may enforce a per-minute
  limit over shorter periods ("500 RPM" as a few requests per second), so a burst of a whole
  minute's requests at once is not safe;
- tokens are counted over a sliding minute: each call reserves the budget's worst case (its input
  estimate plus the agent's whole `max_tokens`) and waits until that fits under `tpm`; the
  reservation is replaced by the response's real usage when it comes back;
- a 429 (or any answer with Retry-After) pauses the limiter for everybody sharing that model,
  not only the caller that got it, so the others do not spend their retries on the same wall.

Both limits are kept `HEADROOM` below the configured numbers, for clock and network jitter. With
no limits configured a limiter only honours those pauses. Limits come from the config file
(`[rate_limits."model"]` with `rpm` / `tpm`, or top-level `rpm` / `tpm` for every model, also
DRAFTER_RPM / DRAFTER_TPM); set them from your provider's published limits for your account.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.errors import ConfigError

HEADROOM = 0.97  # pace at 97 % of the configured limits
MAX_NAP = 1.0  # a waiter looks again at least this often (a refund or a pause may change things)

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class RateLimit(BaseModel):
    """One model's limits; None means no limit of that kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rpm: int | None = Field(default=None, gt=0, description="requests per minute")
    tpm: int | None = Field(default=None, gt=0, description="tokens per minute")


@dataclass
class Permit:
    """One HTTP attempt let through; `settle` replaces its token reservation by the real usage."""

    limiter: RateLimiter
    entry: list[float] | None  # [time, tokens] in the limiter's token window
    waited: float = 0.0

    def settle(self, tokens: int | None) -> None:
        """The tokens the call really used (None: unknown, the reservation stays)."""
        if tokens is not None:
            self.limiter._settle(self, tokens)


@dataclass
class LimiterStats:
    granted: int = 0
    waited_seconds: float = 0.0
    pauses: int = 0
    paused_seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": self.granted,
            "waited_seconds": round(self.waited_seconds, 3),
            "pauses": self.pauses,
            "paused_seconds": round(self.paused_seconds, 3),
        }


class RateLimiter:
    """Thread-safe; `acquire` may be awaited from any event loop in any thread."""

    def __init__(
        self,
        limit: RateLimit | None = None,
        *,
        period: float = 60.0,
        headroom: float = HEADROOM,
        clock: Clock = time.monotonic,
        sleep: Sleep | None = None,
    ) -> None:
        self.period = period
        self.headroom = headroom
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_at = float("-inf")  # earliest time of the next request (even pacing)
        self._paused_until = float("-inf")
        self._window: deque[list[float]] = deque()  # [time, tokens], oldest first
        self._window_tokens = 0.0
        self.stats = LimiterStats()
        self.recent: deque[float] = deque(maxlen=4096)  # grant times, for tests and benchmarks
        self.limit = RateLimit()
        self.configure(limit or RateLimit())

    def configure(self, limit: RateLimit) -> None:
        with self._lock:
            self.limit = limit
            self._interval = (
                self.period / (limit.rpm * self.headroom) if limit.rpm is not None else 0.0
            )
            self._tokens = limit.tpm * self.headroom if limit.tpm is not None else None

    async def acquire(self, tokens: int = 0) -> Permit:
        """Wait until a request of up to `tokens` tokens fits under the limits, then count it."""
        sleep = self._sleep or asyncio.sleep
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                wait = self._wait(now, tokens)
                if wait <= 0:
                    return self._grant(now, tokens, waited)
            nap = min(wait, MAX_NAP)
            await sleep(nap)
            waited += nap

    def pause(self, seconds: float) -> None:
        """The server said to wait (429, Retry-After): nobody sharing the model sends till then."""
        if seconds <= 0:
            return
        with self._lock:
            now = self._clock()
            until = now + seconds
            if until > self._paused_until:
                self.stats.paused_seconds += until - max(now, self._paused_until)
                self._paused_until = until
            self.stats.pauses += 1

    def paused_for(self) -> float:
        with self._lock:
            return max(0.0, self._paused_until - self._clock())

    def _wait(self, now: float, tokens: int) -> float:
        wait = self._paused_until - now
        if self._interval:
            wait = max(wait, self._next_at - now)
        if self._tokens is not None:
            wait = max(wait, self._token_wait(now, tokens))
        return wait

    def _token_wait(self, now: float, tokens: int) -> float:
        assert self._tokens is not None
        self._expire(now)
        # A call larger than the whole limit goes when the window is empty (else never).
        need = min(float(tokens), self._tokens)
        excess = self._window_tokens + need - self._tokens
        if excess <= 0:
            return 0.0
        for started, used in self._window:
            excess -= used
            if excess <= 0:
                return started + self.period - now
        return 0.0  # unreachable: emptying the window always makes room

    def _expire(self, now: float) -> None:
        while self._window and self._window[0][0] <= now - self.period:
            self._window_tokens -= self._window.popleft()[1]

    def _grant(self, now: float, tokens: int, waited: float) -> Permit:
        if self._interval:
            self._next_at = max(self._next_at, now) + self._interval
        entry: list[float] | None = None
        if self._tokens is not None:
            entry = [now, float(tokens)]
            self._window.append(entry)
            self._window_tokens += tokens
        self.stats.granted += 1
        self.stats.waited_seconds += waited
        self.recent.append(now)
        return Permit(self, entry, waited)

    def _settle(self, permit: Permit, tokens: int) -> None:
        with self._lock:
            entry = permit.entry
            # Entries leave the window oldest first, once a period old: a younger one is in it.
            if entry is None or entry[0] <= self._clock() - self.period:
                return  # no token limit, or it has left the window already
            self._window_tokens += tokens - entry[1]
            entry[1] = float(tokens)


@dataclass
class Limiters:
    """The process's limiters, one per (endpoint, model, API key)."""

    _by_key: dict[tuple[str, str, str], RateLimiter] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, base_url: str | None, model: str, api_key: str, limit: RateLimit) -> RateLimiter:
        key_id = hashlib.sha256(api_key.encode()).hexdigest()[:12]
        key = (base_url or "https://api.openai.com/v1", model, key_id)
        with self._lock:
            limiter = self._by_key.get(key)
            if limiter is None:
                limiter = self._by_key[key] = RateLimiter(limit)
            elif limiter.limit != limit:
                limiter.configure(limit)
            return limiter

    def stats(self) -> dict[str, dict[str, Any]]:
        """Per model (and endpoint): requests let through, seconds waited, 429 pauses."""
        with self._lock:
            items = list(self._by_key.items())
        return {f"{model} @ {base}": lim.stats.as_dict() for (base, model, _), lim in items}


SHARED = Limiters()


def rate_limits(settings: Any) -> tuple[RateLimit, dict[str, RateLimit]]:
    """The default limit (top-level rpm/tpm) and the [rate_limits."model"] table, validated."""
    try:
        default = RateLimit(rpm=settings.rpm, tpm=settings.tpm)
        table = {
            name: RateLimit.model_validate(
                {**default.model_dump(exclude_none=True), **dict(value or {})}
            )
            for name, value in settings.rate_limits.items()
        }
    except (ValidationError, TypeError, ValueError) as exc:
        raise ConfigError(
            f"Invalid rate limits: {exc}",
            hint='Write them as, e.g.\n  [rate_limits."gpt-4.1-mini"]\n  rpm = 500\n'
            "  tpm = 200000\nwith positive whole numbers from your provider's published limits.",
        ) from exc
    return default, table


def limit_for(model: str, default: RateLimit, table: Mapping[str, RateLimit]) -> RateLimit:
    """The model's own entry, else its family's ("gpt-4.1-mini-2025-04-14" → "gpt-4.1-mini"),
    else the default."""
    if model in table:
        return table[model]
    family = max((name for name in table if model.startswith(name + "-")), key=len, default=None)
    return table[family] if family else default
