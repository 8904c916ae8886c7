"""The cross-cutting concerns of a model call, each a Model wrapped around another.

`compose(models)` builds the stack `structured_call` asks, outermost first:

    Budgeted → Recorded (journal, then cache) → Retrying → MethodFallback → RateLimited → HttpModel

so a call reserves its budget before anything (a replayed answer is charged as it was),
replays a kept answer before asking, retries only real HTTP attempts, falls back from
json_schema once per role, and waits for the shared rate limit on every HTTP attempt.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

from drafter import crashpoints
from drafter.errors import LLMTransportError
from drafter.llm.budget import estimate_tokens
from drafter.llm.call import Answer, CallRequest, Model, WrapperModel
from drafter.llm.failures import _model_missing, _model_not_found, _transport_error
from drafter.llm.journal import CallJournal, _stable
from drafter.llm.transport import (
    HttpModel,
    _format_unsupported,
    _retry_after,
    _total_tokens,
    _Unreadable,
)
from drafter.retry import RETRYABLE_STATUS, RetryPolicy

if TYPE_CHECKING:
    import openai

    from drafter.llm import ChatModels


class RateLimited(WrapperModel):
    """Each HTTP attempt waits for the model's shared rate limit; its token reservation is
    replaced by the real usage when the answer says it (else the worst case stays)."""

    def __init__(self, inner: Model, models: ChatModels) -> None:
        super().__init__(inner)
        self.models = models

    async def request(self, call: CallRequest) -> Answer:
        permit = await self.models.limiter(call.role).acquire(call.tokens)
        answer = await self.inner.request(call)
        permit.settle(_total_tokens(answer.raw))
        return answer


class MethodFallback(WrapperModel):
    """`structured_output = "auto"`: json_schema first; a server that says it does not support
    it makes the role use function_calling from then on, and the call is asked again."""

    def __init__(self, inner: Model, models: ChatModels) -> None:
        super().__init__(inner)
        self.models = models

    async def request(self, call: CallRequest) -> Answer:
        import openai

        method = self.models.method(call.role)
        try:
            return await self.inner.request(replace(call, method=method))
        except openai.APIStatusError as exc:
            if method == "auto" and _format_unsupported(exc):
                self.models.fall_back(call.role)
                return await self.request(call)
            raise


class Retrying(WrapperModel):
    """The one retry layer of a model call (drafter.retry.RetryPolicy, with jitter): at
    most 1 + max_retries HTTP attempts on 429/5xx/connection errors, timeouts and unreadable
    bodies, waiting the server's Retry-After (up to retry_after_cap; longer fails at once, the
    run stays resumable) or the backoff. A 429, or any Retry-After, pauses the model's shared
    rate limiter, so every call sharing the model waits, not only this one."""

    def __init__(self, inner: Model, models: ChatModels) -> None:
        super().__init__(inner)
        self.models = models

    def policy(self, call: CallRequest) -> RetryPolicy:
        cfg = self.models.config(call.role)
        return RetryPolicy(cfg.max_retries, self.models.retry_after_cap, jitter=True)

    async def request(self, call: CallRequest) -> Answer:
        import openai  # lazily: a run served from the cache never needs the SDK (0.5 s)

        policy, attempt = self.policy(call), 0
        while True:
            attempt += 1
            try:
                return await self.inner.request(call)
            except _Unreadable as exc:
                if policy.exhausted(attempt):
                    raise LLMTransportError(
                        f"The model server sent an unreadable answer for the {call.agent} step "
                        f"({attempt} attempt(s)): {exc}",
                        hint="Resume with drafter run --resume RUN_DIR once the server is healthy.",
                        agent=call.agent,
                    ) from exc
                wait = policy.backoff(attempt, jitter=False)
            except (openai.APIStatusError, openai.APIConnectionError) as exc:
                wait = await self._wait(call, policy, exc, attempt)
            self.models.attempts[call.agent] = self.models.attempts.get(call.agent, 0) + 1
            await asyncio.sleep(wait)

    async def _wait(
        self,
        call: CallRequest,
        policy: RetryPolicy,
        exc: openai.APIStatusError | openai.APIConnectionError,
        attempt: int,
    ) -> float:
        """Seconds to wait before retrying after `exc` (the shared rate limiter paused on a 429
        or a Retry-After), or the typed error when it is not worth another try."""
        import openai

        models, role, agent = self.models, call.role, call.agent
        cfg = models.config(role)
        status = getattr(exc, "status_code", None)
        if isinstance(exc, openai.APIStatusError) and _model_missing(exc, cfg.model):
            raise await _model_not_found(models, role, agent, exc) from exc
        retryable = isinstance(exc, openai.APIConnectionError) or status in RETRYABLE_STATUS
        if not retryable or policy.exhausted(attempt):
            raise _transport_error(exc, cfg, agent, attempts=attempt) from exc
        told = _retry_after(exc) if isinstance(exc, openai.APIStatusError) else None
        if told is not None and policy.too_long(told):
            raise LLMTransportError(
                f"The model server asked to wait {told:.0f} s before the {agent} call "
                f"(HTTP {status}, Retry-After); drafter waits at most "
                f"{policy.retry_after_cap:.0f} s.",
                hint="Finished steps are kept. Resume later with drafter run --resume "
                "RUN_DIR, or raise retry_after_cap.",
                agent=agent,
            ) from exc
        wait = policy.wait(attempt, told)
        if status == 429 or told is not None:
            models.limiter(role).pause(wait)
        return wait


class Recorded(WrapperModel):
    """The call journal and the cross-run cache: replay before asking, record before use.

    The journal key is the exact call (the n-th call of this agent: a step replays its calls
    in order after a crash, and asking the same thing twice on purpose is asked again); the
    cache key leaves the run's nonce and canary out, so the same article and prompts give the
    same key in every run. `keep` is called by the composition once the answer is checked (the
    checks' verdict is kept with it); `forget` drops a recorded failure so a resume asks afresh.
    """

    def __init__(self, inner: Model, models: ChatModels) -> None:
        super().__init__(inner)
        self.models = models

    def keys(self, call: CallRequest) -> tuple[str, str]:
        models, agent = self.models, call.agent
        sequence = models.sequence.get(agent, 0)
        models.sequence[agent] = sequence + 1
        cfg = models.config(call.role)
        asked = (call.schema, call.temperature, call.max_tokens)
        key = CallJournal.key(cfg, *asked, call.messages, agent, sequence)
        shared = CallJournal.key(
            cfg, *asked, _stable(call.messages, call.volatile), agent, sequence
        )
        return key, shared

    async def request(self, call: CallRequest) -> Answer:
        models = self.models
        key, shared = self.keys(call)
        kept = models.journal.get(key, call.schema) if models.journal else None
        source = "journal"
        if kept is None and models.cache is not None:
            kept, source = models.cache.get(shared, call.schema), "cache"
        if kept is not None:
            answer = Answer.of(kept, source)
        else:
            crashpoints.reached(f"call:{call.agent}")
            answer = await self.inner.request(call)
        answer.keys = (key, shared)
        return answer

    def keep(self, agent: str, answer: Answer, verdict: list[str]) -> None:
        """A fresh answer into the run's call journal and the cross-run cache."""
        from drafter import llm  # its `store_answer`, as the package has it (tests patch it)

        if answer.source != "model":
            return
        key, shared = answer.keys
        kept = (answer.raw, answer.reply, answer.parsed, answer.problems, answer.method)
        if self.models.journal is not None:
            self.models.journal.put(key, agent, *kept, verdict)
            crashpoints.reached(f"answer:{agent}")
        if self.models.cache is not None:
            self.models.cache.put(shared, llm.store_answer(agent, *kept, verdict))

    def forget(self, used: list[str], cache_keys: list[str]) -> None:
        if self.models.journal is not None:
            self.models.journal.forget(*used)
        if self.models.cache is not None:
            self.models.cache.forget(*cache_keys)


class Budgeted(WrapperModel):
    """Reserves the call's worst case before anything (so a cap is never exceeded), gives it
    back when the call fails, and settles it with the answer's usage (`Answer.cost`)."""

    def __init__(self, inner: Model, models: ChatModels) -> None:
        super().__init__(inner)
        self.models = models

    async def request(self, call: CallRequest) -> Answer:
        budget = self.models.budget
        model = self.models.config(call.role).model
        estimate = estimate_tokens(str(m.content) for m in call.messages)
        reservation = budget.reserve(call.agent, model, estimate, call.max_tokens)
        try:
            answer = await self.inner.request(replace(call, tokens=reservation.tokens))
        except BaseException:
            budget.release(reservation)
            raise
        answer.cost = budget.settle(reservation, answer.raw.usage_metadata or {})
        return answer


def compose(models: ChatModels) -> tuple[Model, Recorded]:
    """The model stack of `structured_call`, and its Recorded layer (for keep and forget)."""
    base = RateLimited(models.base or HttpModel(models), models)
    recorded = Recorded(Retrying(MethodFallback(base, models), models), models)
    return Budgeted(recorded, models), recorded
