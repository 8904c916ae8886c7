"""One logical model call over HTTP: the one retry layer (429/5xx/resets/timeouts, Retry-After
with a cap, the shared rate limiter paused), structured output with the method fallback, usage
and finish reasons read from the raw answer."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from langchain_core.messages import AIMessage, BaseMessage
from pydantic import BaseModel, ValidationError

from drafter.config import (
    Role,
)
from drafter.errors import (
    ContentFilteredError,
    LLMTransportError,
    TruncatedOutputError,
)
from drafter.llm.failures import (
    _model_missing,
    _model_not_found,
    _not_an_api,
    _stalled,
    _transport_error,
)

if TYPE_CHECKING:
    import openai

    from drafter.llm import ChatModels


T = TypeVar("T", bound=BaseModel)
Check = Callable[[T], list[str]]


_UNSUPPORTED_FORMAT = re.compile(
    r"response_format|json_schema|json_object|structured output", re.IGNORECASE
)


RETRYABLE_STATUS = {408, 409, 429, 500, 502, 503, 504}


class _Unreadable(Exception):
    """The server's body was not a chat completion (cut off, not JSON): worth another try."""


def _retry_after(exc: openai.APIStatusError) -> float | None:
    headers = exc.response.headers if exc.response is not None else {}
    try:
        if headers.get("retry-after-ms"):
            return float(headers["retry-after-ms"]) / 1000
        if headers.get("retry-after"):
            from drafter.sources.http import retry_after_seconds

            return retry_after_seconds(headers["retry-after"])
    except ValueError:
        return None
    return None


async def _invoke(
    models: ChatModels,
    role: Role,
    messages: list[BaseMessage],
    schema: type[T],
    temperature: float,
    max_tokens: int,
    agent: str,
    tokens: int = 0,
) -> tuple[AIMessage, Any, list[str], str]:
    """One logical call: at most 1 + max_retries HTTP attempts, on 429/5xx/connection errors
    and timeouts, waiting the server's Retry-After (up to retry_after_cap; longer fails at once,
    the run stays resumable) or an exponential backoff. A 429, or any Retry-After, pauses the
    model's shared rate limiter, so every call sharing the model waits, not only this one.
    `tokens`: the budget's worst-case estimate of the call, reserved from the limiter."""
    import asyncio

    import openai  # lazily: a run served from the cache never needs the SDK (0.5 s)

    cfg = models.config(role)
    attempt = 0
    while True:
        attempt += 1
        try:
            return await _invoke_once(
                models, role, messages, schema, temperature, max_tokens, agent, tokens
            )
        except _Unreadable as exc:
            if attempt > cfg.max_retries:
                raise LLMTransportError(
                    f"The model server sent an unreadable answer for the {agent} step "
                    f"({attempt} attempt(s)): {exc}",
                    hint="Resume with drafter run --resume RUN_DIR once the server is healthy.",
                    agent=agent,
                ) from exc
            models.attempts[agent] = models.attempts.get(agent, 0) + 1
            await asyncio.sleep(min(8.0, 0.5 * 2 ** (attempt - 1)))
            continue
        except (openai.APIStatusError, openai.APIConnectionError) as exc:
            wait = await _wait_before_retry(models, role, agent, exc, attempt)
            models.attempts[agent] = models.attempts.get(agent, 0) + 1
            await asyncio.sleep(wait)


async def _wait_before_retry(
    models: ChatModels,
    role: Role,
    agent: str,
    exc: openai.APIStatusError | openai.APIConnectionError,
    attempt: int,
) -> float:
    """Seconds to wait before retrying after `exc` (the shared rate limiter paused on a 429
    or a Retry-After), or the typed error when it is not worth another try."""
    import random

    import openai

    cfg = models.config(role)
    status = getattr(exc, "status_code", None)
    if isinstance(exc, openai.APIStatusError) and _model_missing(exc, cfg.model):
        raise await _model_not_found(models, role, agent, exc) from exc
    retryable = isinstance(exc, openai.APIConnectionError) or status in RETRYABLE_STATUS
    if not retryable or attempt > cfg.max_retries:
        raise _transport_error(exc, cfg, agent, attempts=attempt) from exc
    wait = _retry_after(exc) if isinstance(exc, openai.APIStatusError) else None
    if wait is not None and wait > models.retry_after_cap:
        raise LLMTransportError(
            f"The model server asked to wait {wait:.0f} s before the {agent} call "
            f"(HTTP {status}, Retry-After); drafter waits at most "
            f"{models.retry_after_cap:.0f} s.",
            hint="Finished steps are kept. Resume later with drafter run --resume "
            "RUN_DIR, or raise retry_after_cap.",
            agent=agent,
        ) from exc
    told = wait is not None
    if wait is None:
        wait = min(8.0, 0.5 * 2 ** (attempt - 1)) * (0.75 + random.random() / 2)
    if status == 429 or told:
        models.limiter(role).pause(wait)
    return wait


async def _invoke_once(
    models: ChatModels,
    role: Role,
    messages: list[BaseMessage],
    schema: type[T],
    temperature: float,
    max_tokens: int,
    agent: str,
    tokens: int = 0,
) -> tuple[AIMessage, Any, list[str], str]:
    import openai

    from drafter.llm import http as llm_http

    method = models.method(role)
    chosen = "json_schema" if method == "auto" else method
    chat = models.chat(role, temperature, max_tokens)
    runnable = chat.with_structured_output(schema, method=chosen, include_raw=True)
    try:
        # Each HTTP attempt waits for the model's shared rate limit; its token reservation is
        # replaced by the real usage when the answer says it (else the worst case stays).
        permit = await models.limiter(role).acquire(tokens)
        result = await runnable.ainvoke(messages)
        permit.settle(_total_tokens(result.get("raw")))
    except openai.APIStatusError as exc:
        if method == "auto" and chosen == "json_schema" and _format_unsupported(exc):
            models.fall_back(role)
            return await _invoke_once(
                models, role, messages, schema, temperature, max_tokens, agent, tokens
            )
        raise
    except openai.LengthFinishReasonError as exc:
        raise TruncatedOutputError(
            f"The {agent} agent's answer was cut off (finish_reason=length).",
            hint="Raise the agent's max_tokens in agents/<name>.yaml or use a model with a "
            "larger output limit.",
            agent=agent,
        ) from exc
    except openai.ContentFilterFinishReasonError as exc:
        raise ContentFilteredError(
            f"The provider's content filter withheld the {agent} agent's answer.", agent=agent
        ) from exc
    except (openai.APIConnectionError, openai.APITimeoutError):
        raise
    except openai.APIError as exc:
        raise _transport_error(exc, models.config(role), agent) from exc
    except json.JSONDecodeError as exc:  # the HTTP body was not JSON (cut off, garbage)
        raise _Unreadable(str(exc)) from exc
    except llm_http.BrokenStreamError as exc:
        raise _Unreadable(str(exc)) from exc
    except llm_http.NotAnAPIError as exc:
        raise _not_an_api(models.config(role), agent, exc.what) from exc
    except llm_http.StalledError as exc:
        raise _stalled(models.config(role), agent, exc) from exc
    except ValidationError as exc:
        return _schema_mismatch(exc, chosen)
    return _read_result(result, chosen)


def _schema_mismatch(exc: ValidationError, chosen: str) -> tuple[AIMessage, Any, list[str], str]:
    """The SDK's own parsing (json_schema) raises instead of reporting: treat it like any
    answer that does not match the schema, so it is re-asked once with the errors."""
    errors = exc.errors(include_url=False)
    given = errors[0].get("input") if errors else None
    text = given if isinstance(given, str) else json.dumps(given, ensure_ascii=False)
    summary = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}" for e in errors[:8]
    )
    return (
        AIMessage(content=text or ""),
        None,
        [f"the answer does not match the schema: {summary}"],
        chosen,
    )


def _read_result(result: Any, chosen: str) -> tuple[AIMessage, Any, list[str], str]:
    """The raw answer, the parsed one, and why it is no answer (if it is not)."""
    raw = result["raw"]
    problems: list[str] = []
    if result.get("parsing_error") is not None:
        problems.append(f"the answer does not match the schema: {result['parsing_error']}")
    elif result.get("parsed") is None:
        problems.append("no structured answer was returned")
    return raw, result.get("parsed"), problems, chosen


def _total_tokens(raw: Any) -> int | None:
    usage = getattr(raw, "usage_metadata", None) or {}
    total = usage.get("total_tokens") or (
        (usage.get("input_tokens") or 0) + (usage.get("output_tokens") or 0)
    )
    return int(total) if total else None


def _format_unsupported(exc: openai.APIStatusError) -> bool:
    return exc.status_code in (400, 422, 500, 501) and bool(_UNSUPPORTED_FORMAT.search(str(exc)))


def _running_loop() -> object:
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
