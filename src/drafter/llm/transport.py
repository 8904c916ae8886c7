"""The base of the model stack: one HTTP attempt of a structured call (`HttpModel`), its
answer and finish reasons read from the raw response. Retry, rate limit and the method
fallback wrap it (drafter.llm.wrappers)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from langchain_core.messages import AIMessage
from pydantic import BaseModel, ValidationError

from drafter.errors import (
    ContentFilteredError,
    TruncatedOutputError,
)
from drafter.llm.call import Answer, CallRequest
from drafter.llm.failures import _not_an_api, _stalled, _transport_error

if TYPE_CHECKING:
    import openai

    from drafter.llm import ChatModels


T = TypeVar("T", bound=BaseModel)
Check = Callable[[T], list[str]]


_UNSUPPORTED_FORMAT = re.compile(
    r"response_format|json_schema|json_object|structured output", re.IGNORECASE
)


class _Unreadable(Exception):
    """The server's body was not a chat completion (cut off, not JSON): worth another try."""


def _retry_after(exc: openai.APIStatusError) -> float | None:
    headers = exc.response.headers if exc.response is not None else {}
    try:
        if headers.get("retry-after-ms"):
            return float(headers["retry-after-ms"]) / 1000
        if headers.get("retry-after"):
            from drafter.retry import retry_after_seconds

            return retry_after_seconds(headers["retry-after"])
    except ValueError:
        return None
    return None


class HttpModel:
    """The base Model: one HTTP attempt with the role's chat model and the request's (else the
    role's) structured-output method. Finish reasons, a base URL that is no API, a stalled
    stream are typed errors; an HTTP status or connection error is raised as the SDK's, for
    MethodFallback and Retrying to judge; an unreadable body is `_Unreadable` (retried)."""

    def __init__(self, models: ChatModels) -> None:
        self.models = models

    async def request(self, call: CallRequest) -> Answer:
        import openai

        from drafter.llm import http as llm_http

        models, agent = self.models, call.agent
        method = call.method or models.method(call.role)
        chosen = "json_schema" if method == "auto" else method
        chat = models.chat(call.role, call.temperature, call.max_tokens)
        runnable = chat.with_structured_output(call.schema, method=chosen, include_raw=True)
        try:
            result = await runnable.ainvoke(call.messages)
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
        except (openai.APIStatusError, openai.APIConnectionError, openai.APITimeoutError):
            raise
        except openai.APIError as exc:
            raise _transport_error(exc, models.config(call.role), agent) from exc
        except (json.JSONDecodeError, llm_http.BrokenStreamError) as exc:
            raise _Unreadable(str(exc)) from exc  # the body was not JSON (cut off, garbage)
        except llm_http.NotAnAPIError as exc:
            raise _not_an_api(models.config(call.role), agent, exc.what) from exc
        except llm_http.StalledError as exc:
            raise _stalled(models.config(call.role), agent, exc) from exc
        except ValidationError as exc:
            return Answer.of(_schema_mismatch(exc, chosen))
        return Answer.of(_read_result(result, chosen))


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
