"""The call journal: each model answer on disk (calls/<key>.json) before it is used, so a
crash never pays twice for an answer; the cross-run cache (drafter.llm.cache) keeps answers in
the same format."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from langchain_core.messages import AIMessage, BaseMessage
from pydantic import BaseModel, ValidationError

from drafter.config import (
    ModelConfig,
)
from drafter.leaks import redact_value

T = TypeVar("T", bound=BaseModel)
Check = Callable[[T], list[str]]

# One answer as kept: the raw message, the parsed object, its problems, the method used.
Answered = tuple[AIMessage, Any, list[str], str]


def store_answer(
    agent: str,
    raw: AIMessage,
    reply: str,
    parsed: Any,
    problems: list[str],
    method: str,
    verdict: list[str] | None = None,
) -> str:
    """One model answer as JSON: what the journal and the cache keep, redacted (no canary, no
    key: a rejected answer is kept too, and neither calls/ nor llm.sqlite may show one).
    `verdict`: what the checks found; kept when redaction changed the answer, since checking
    the redacted copy again could pass what the model's own answer failed."""
    entry = {
        "agent": agent,
        "reply": reply,
        "parsed": parsed.model_dump(mode="json") if isinstance(parsed, BaseModel) else None,
        "problems": problems,
        "method": method,
        "usage": dict(raw.usage_metadata or {}),
    }
    kept = redact_value(entry)
    if kept != entry and verdict:
        kept["rejected"] = redact_value(verdict)
    return json.dumps(kept, ensure_ascii=False)


def restore_answer(text: str, schema: type[BaseModel], *, free: bool = False) -> Answered | None:
    """An answer kept by store_answer, or None when it is damaged (then it is asked again).
    `free`: served from the cross-run cache, so it costs nothing this time."""
    try:
        entry = json.loads(text)
        parsed = schema.model_validate(entry["parsed"]) if entry["parsed"] is not None else None
        usage = (
            {"input_tokens": 0, "output_tokens": 0, "total_tokens": 0} if free else entry["usage"]
        )
        raw = AIMessage(
            content=entry["reply"],
            usage_metadata=usage,
            response_metadata={"finish_reason": "stop"},
        )
        problems = [*entry["problems"], *entry.get("rejected", [])]
        return raw, parsed, [str(p) for p in problems], str(entry["method"])
    except (ValueError, KeyError, TypeError, ValidationError):
        return None


class CallJournal:
    """Every complete model answer of a run, on disk before it is used (run/calls/<key>.json),
    so a run killed after an answer arrived never pays for it twice: the resume reads it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(
        cfg: ModelConfig,
        schema: type[BaseModel],
        temperature: float,
        max_tokens: int,
        messages: list[BaseMessage],
        agent: str = "",
        sequence: int = 0,
    ) -> str:
        material = [
            agent,
            sequence,
            cfg.model,
            cfg.base_url,
            schema.__name__,
            temperature,
            max_tokens,
            [[m.type, str(m.content)] for m in messages],
        ]
        return hashlib.sha256(json.dumps(material, ensure_ascii=False).encode()).hexdigest()

    def get(self, key: str, schema: type[BaseModel]) -> Answered | None:
        try:
            return restore_answer((self.folder / f"{key}.json").read_text(encoding="utf-8"), schema)
        except OSError:
            return None

    def forget(self, *keys: str) -> None:
        for key in keys:
            (self.folder / f"{key}.json").unlink(missing_ok=True)

    def put(
        self,
        key: str,
        agent: str,
        raw: AIMessage,
        reply: str,
        parsed: Any,
        problems: list[str],
        method: str,
        verdict: list[str] | None = None,
    ) -> None:
        from drafter.files import write_atomic

        write_atomic(
            self.folder / f"{key}.json",
            store_answer(agent, raw, reply, parsed, problems, method, verdict),
        )


def _stable(messages: list[BaseMessage], volatile: tuple[str, ...]) -> list[BaseMessage]:
    if not volatile:
        return messages
    out: list[BaseMessage] = []
    for message in messages:
        text = str(message.content)
        for value in volatile:
            text = text.replace(value, "<volatile>")
        out.append(type(message)(content=text))
    return out
