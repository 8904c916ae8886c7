"""The one retry policy: which failures are tried again, how many times, how long to wait.

A leaf (it imports nothing of drafter's, so a download never loads the model stack), used by
the model transport (drafter.llm.wrappers.Retrying) and by every download
(drafter.sources.http.Fetcher). Both retry a failure the server says is passing (429, 5xx; the
model call also 408/409, connection resets and timeouts), at most `max_retries` times, waiting
the server's Retry-After when it gives one and an exponential backoff (0.5 s, 1 s, 2 s, … at
most 8 s) when it does not. A Retry-After above `retry_after_cap` is not waited out: the caller
fails at once and the run stays resumable.

The two differ on purpose in one knob, `jitter`: model calls share a rate limit with every run
of a batch, so their backoff is spread (×0.75–1.25) to keep them from retrying in step; a fetch
waits the plain backoff (the catalogs pace themselves).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

R = TypeVar("R")

# HTTP statuses of a model server worth another try; a fetch retries what `raise_for_status`
# (drafter.sources.http) marks as RetryableFetchError: 429 and every 5xx.
RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long: `max_retries` tries after the first; waits capped by
    `retry_after_cap` (the server's) and `ceiling` (ours)."""

    max_retries: int
    retry_after_cap: float
    jitter: bool = False
    first: float = 0.5
    ceiling: float = 8.0

    def exhausted(self, attempt: int) -> bool:
        """After `attempt` failed tries (1-based), no more."""
        return attempt > self.max_retries

    def too_long(self, retry_after: float | None) -> bool:
        """The server asks for a wait longer than drafter waits."""
        return retry_after is not None and retry_after > self.retry_after_cap

    def backoff(self, attempt: int, *, jitter: bool | None = None) -> float:
        base = min(self.ceiling, self.first * 2 ** (attempt - 1))
        spread = self.jitter if jitter is None else jitter
        return base * (0.75 + random.random() / 2) if spread else float(base)

    def wait(self, attempt: int, retry_after: float | None) -> float:
        """Seconds before the next try: the server's Retry-After, else the backoff."""
        return retry_after if retry_after is not None else self.backoff(attempt)


def retry_sync(
    call: Callable[[], R],
    policy: RetryPolicy,
    retryable: Callable[[Exception], bool],
    retry_after_of: Callable[[Exception], float | None],
    sleep: Callable[[float], None],
) -> R:
    """`call` under `policy` (blocking, with tenacity): an error `retryable` accepts is tried
    again after `policy.wait` (its Retry-After from `retry_after_of`, None when the server gave
    none); a Retry-After over the cap, or the last try, raises the error as it is."""
    import tenacity

    def failed(state: tenacity.RetryCallState) -> Exception | None:
        error = state.outcome.exception() if state.outcome else None
        return error if isinstance(error, Exception) else None

    def worth_retrying(state: tenacity.RetryCallState) -> bool:
        error = failed(state)
        if error is None or not retryable(error):
            return False
        return not policy.too_long(retry_after_of(error))

    def wait(state: tenacity.RetryCallState) -> float:
        error = failed(state)
        after = retry_after_of(error) if error is not None else None
        return policy.wait(state.attempt_number, after)

    retrying = tenacity.Retrying(
        stop=tenacity.stop_after_attempt(policy.max_retries + 1),
        retry=worth_retrying,
        wait=wait,
        sleep=sleep,
        reraise=True,
    )
    return retrying(call)


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        from email.utils import parsedate_to_datetime

        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    from datetime import UTC, datetime

    return max(0.0, (when - datetime.now(UTC)).total_seconds())
