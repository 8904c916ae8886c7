"""What went wrong with a model call, told so a user can act on it: transport errors with the
setting to change, a base URL that is no OpenAI-compatible API, an unknown model (with the
models the server lists), a stalled stream, a truncated or filtered answer."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from langchain_core.messages import AIMessage
from pydantic import BaseModel

from drafter.config import (
    ModelConfig,
    Role,
)
from drafter.errors import (
    ContentFilteredError,
    EndpointError,
    LLMError,
    LLMTransportError,
    ModelNotFoundError,
    RefusalError,
    StalledStreamError,
    TruncatedOutputError,
)

if TYPE_CHECKING:
    import openai

    from drafter.llm import ChatModels, Usage


T = TypeVar("T", bound=BaseModel)
Check = Callable[[T], list[str]]


def _raise_for_finish(raw: AIMessage, agent: str, reply: str, attempt: int, usage: Usage) -> None:
    finish = (raw.response_metadata or {}).get("finish_reason")
    if finish == "length":
        raise TruncatedOutputError(
            f"The {agent} agent's answer was cut off (finish_reason=length).",
            hint="Raise the agent's max_tokens in agents/<name>.yaml or use a model with a "
            "larger output limit.",
            agent=agent,
            raw_reply=reply,
            attempts=attempt,
            usage=usage.as_dict(),
        )
    if finish == "content_filter":
        raise ContentFilteredError(
            f"The provider's content filter withheld the {agent} agent's answer.",
            agent=agent,
            raw_reply=reply,
            attempts=attempt,
            usage=usage.as_dict(),
        )
    refusal = (raw.additional_kwargs or {}).get("refusal")
    if refusal:
        raise RefusalError(
            f"The model refused the {agent} step: {refusal}",
            hint="Check the source for content the provider refuses, or use another model.",
            agent=agent,
            raw_reply=str(refusal),
            attempts=attempt,
            usage=usage.as_dict(),
        )


def _transport_error(
    exc: openai.APIError, cfg: ModelConfig, agent: str, attempts: int = 1
) -> LLMError:
    import openai

    where = cfg.base_url or "api.openai.com"
    if isinstance(exc, openai.AuthenticationError):
        return LLMTransportError(
            f"The model server at {where} rejected the API key (HTTP 401).",
            hint="Check OPENAI_API_KEY (or the variable named by api_key_env).",
            agent=agent,
        )
    status = getattr(exc, "status_code", None)
    if isinstance(exc, openai.APIStatusError) and status in (404, 405, 501):
        # Not the model (that is _model_missing): the path, or the server, is not an API.
        return _not_an_api(cfg, agent, f"HTTP {status}: {_said(exc)}")
    if isinstance(exc, openai.BadRequestError) and "context" in str(exc).lower():
        return LLMTransportError(
            f"The {agent} prompt is longer than {cfg.model!r} accepts (context length exceeded).",
            hint="Use a model with a larger context window or a shorter source.",
            agent=agent,
        )
    if isinstance(exc, openai.APITimeoutError):
        started = " (the answer did not start)" if cfg.stream else ""
        return LLMTransportError(
            f"No answer from {where} within {cfg.timeout:g} s for the {agent} step{started} "
            f"({attempts} attempt(s)).",
            hint="A slow model (a local one on CPU reading a long prompt) needs more time: raise "
            "`timeout` (--timeout, DRAFTER_TIMEOUT, or timeout = 300 in drafter.toml), or check "
            "that the server is not overloaded. Resume with drafter run --resume RUN_DIR.",
            agent=agent,
        )
    if isinstance(exc, openai.APIConnectionError):
        return LLMTransportError(
            f"Cannot connect to the model server at {where}.",
            hint="Check OPENAI_BASE_URL and that the server is running. "
            "Resume with drafter run --resume RUN_DIR.",
            agent=agent,
        )
    return LLMTransportError(
        f"The model server at {where} answered with an error"
        + (f" (HTTP {status})" if status else "")
        + f" for the {agent} step: {exc}",
        hint="Resume with drafter run --resume RUN_DIR once the server is healthy.",
        agent=agent,
    )


API_FORMS = (
    ("http://localhost:11434/v1", "Ollama"),
    ("http://localhost:8080/v1", "llama.cpp server"),
    ("http://localhost:1234/v1", "LM Studio"),
    ("http://localhost:8000/v1", "vLLM"),
    ("https://api.openai.com/v1", "OpenAI"),
)
_MISSING_MODEL = re.compile(
    r"not found|does ?n[o']t exist|no such model|unknown model|invalid model|not a valid model"
    r"|unable to access model|model_not_found",
    re.IGNORECASE,
)


def _not_an_api(cfg: ModelConfig, agent: str, what: str) -> EndpointError:
    """The base URL answers, but not as an OpenAI-compatible API: say so, and what works."""
    from urllib.parse import urlsplit

    where = cfg.base_url or "https://api.openai.com/v1"
    path = urlsplit(where).path.rstrip("/")
    lines = ["Set the base URL to the server's OpenAI-compatible API, usually ending in /v1:"]
    lines += [f"  {url:<28} {name}" for url, name in API_FORMS]
    if "/chat/completions" in path:
        root = where.split("/chat/completions")[0]
        lines.append(f"The base URL is the API's root, without /chat/completions: {root}")
    elif not re.search(r"/v\d", path):
        lines.append(f"This one has no /v1: try {where.rstrip('/')}/v1")
    lines.append(
        "Use --base-url, DRAFTER_BASE_URL or OPENAI_BASE_URL, or base_url in drafter.toml."
    )
    return EndpointError(
        f"The model server at {where} does not look like an OpenAI-compatible API: "
        f"POST {path}/chat/completions answered {what}. Not retried.",
        hint="\n".join(lines),
        agent=agent,
    )


def _stalled(cfg: ModelConfig, agent: str, exc: Any) -> StalledStreamError:
    where = cfg.base_url or "api.openai.com"
    return StalledStreamError(
        f"The model at {where} stopped answering the {agent} step: {exc} "
        "(not retried: asking again would start the answer over).",
        hint="A slow model may pause longer between tokens: raise the idle_timeout setting "
        "(--idle-timeout, DRAFTER_IDLE_TIMEOUT=300, or idle_timeout = 300 in drafter.toml), "
        "or check the server.",
        agent=agent,
    )


def _said(exc: openai.APIStatusError) -> str:
    """The server's own words about an error, short."""
    body = exc.body
    if isinstance(body, dict):
        text = body.get("message") or body.get("detail") or json.dumps(body, ensure_ascii=False)
    else:
        text = str(body or exc.message)
    text = " ".join(str(text).split())
    return text if len(text) <= 160 else text[:159] + "…"


def _model_missing(exc: openai.APIStatusError, model: str) -> bool:
    """Whether an error says the model asked for does not exist (OpenAI: 404 model_not_found;
    Ollama, vLLM, LM Studio, llama.cpp: 404 or 400 with a message naming the model)."""
    body = exc.body if isinstance(exc.body, dict) else {}
    if body.get("code") == "model_not_found":
        return True
    if exc.status_code not in (400, 404, 422, 500):
        return False
    text = _said(exc)
    named = model.lower() in text.lower() or "model" in text.lower()
    return named and bool(_MISSING_MODEL.search(text))


async def _model_not_found(
    models: ChatModels, role: Role, agent: str, exc: openai.APIStatusError
) -> ModelNotFoundError:
    """The model is not served: list (once) what the server offers."""
    import difflib

    cfg = models.config(role)
    where = cfg.base_url or "https://api.openai.com/v1"
    ids, why = await models.served_models(role)
    override = models._settings.roles.get(role)
    if override is not None and override.model:
        setting = f"the {role} role's model: DRAFTER_{role.upper()}_MODEL or [roles.{role}] model"
    else:
        setting = "--model, DRAFTER_MODEL, or model in drafter.toml"
    if ids is None:
        offered = f"Could not list the server's models ({why})."
    elif not ids:
        offered = "The server lists no models (is one loaded or pulled?)."
    else:
        close = difflib.get_close_matches(cfg.model, ids, n=1, cutoff=0.6)
        shown = ", ".join(ids[:20]) + (f", … ({len(ids) - 20} more)" if len(ids) > 20 else "")
        offered = (f"Did you mean {close[0]!r}? " if close else "") + f"The server offers: {shown}."
    return ModelNotFoundError(
        f"The model {cfg.model!r} is not served at {where} "
        f"(HTTP {exc.status_code}: {_said(exc).rstrip('.')}). Not retried.",
        hint=f"{offered}\nChoose one with {setting}.",
        agent=agent,
    )
