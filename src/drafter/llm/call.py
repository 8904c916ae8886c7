"""One structured model call as a typed interface: a `CallRequest` in, an `Answer` out.

`Model` is anything that answers a request; the base (drafter.llm.transport.HttpModel) makes
the HTTP call, and each cross-cutting concern is a wrapper around another Model
(drafter.llm.wrappers), in the spirit of pydantic-ai's WrapperModel. `structured_call`
(drafter.llm) composes them and adds the one re-ask.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from langchain_core.messages import AIMessage, BaseMessage
from pydantic import BaseModel

from drafter.config import Role, StructuredMethod

if TYPE_CHECKING:
    from drafter.llm.journal import Answered


@dataclass(frozen=True)
class CallRequest:
    """What is asked: by whom (`agent`, the `sequence`-th call of it), of which role's model,
    with which messages, for which schema. `volatile`: per-run strings (nonce, canary) left out
    of the cross-run cache key. `tokens`: the budget's worst-case estimate, which the rate
    limiter reserves. `method`: the structured-output method fixed for this try (set by
    MethodFallback; None: the role's current one)."""

    agent: str
    role: Role
    messages: list[BaseMessage]
    schema: type[BaseModel]
    temperature: float
    max_tokens: int
    volatile: tuple[str, ...] = ()
    tokens: int = 0
    method: StructuredMethod | None = None


@dataclass
class Answer:
    """What came back: the raw message, the parsed object (None when it did not parse), why it
    is no answer, the structured-output method used, where it came from ("model", "journal"
    or "cache"), its journal and cache keys and what the budget charged for it."""

    raw: AIMessage
    parsed: Any
    problems: list[str]
    method: str
    source: str = "model"
    keys: tuple[str, str] = ("", "")
    cost: float = 0.0

    @classmethod
    def of(cls, answered: Answered, source: str = "model") -> Answer:
        raw, parsed, problems, method = answered
        return cls(raw, parsed, problems, method, source)

    @property
    def reply(self) -> str:
        """The answer's text as the model gave it (a tool call's arguments as JSON)."""
        if self.raw.tool_calls:
            return json.dumps(self.raw.tool_calls[0].get("args", {}), ensure_ascii=False)
        content = self.raw.content
        return content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)


class Model(Protocol):
    """One structured model call."""

    async def request(self, call: CallRequest) -> Answer: ...


class WrapperModel:
    """A Model around another: by default it passes the request on unchanged."""

    def __init__(self, inner: Model) -> None:
        self.inner = inner

    async def request(self, call: CallRequest) -> Answer:
        return await self.inner.request(call)


class AnswerCache(Protocol):
    """The cross-run cache as the model layer uses it (drafter.llm.cache.LLMCache)."""

    def get(self, key: str, schema: type[BaseModel], /) -> Answered | None: ...

    def put(self, key: str, entry: str, /) -> None: ...

    def forget(self, *keys: str) -> None: ...
