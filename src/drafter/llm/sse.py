"""Server-sent events of a streamed chat completion, and its chunks put back together into the
JSON body a non-streamed answer has (drafter.llm.http sends and times the stream)."""

from __future__ import annotations

import time
from typing import Any

import httpx2


class Assembly:
    """Chat-completion chunks put back together into the non-streamed answer."""

    def __init__(self) -> None:
        self.head: dict[str, Any] = {}
        self.choices: dict[int, dict[str, Any]] = {}
        self.usage: Any = None
        self.events = 0
        self.saw_choices = False

    @property
    def finished(self) -> bool:
        return bool(self.choices) and all(c["finish_reason"] for c in self.choices.values())

    def add(self, chunk: Any) -> None:
        self.events += 1
        if not isinstance(chunk, dict):
            return
        for key in ("id", "created", "model", "system_fingerprint", "service_tier"):
            if chunk.get(key) is not None and key not in self.head:
                self.head[key] = chunk[key]
        if chunk.get("usage"):
            self.usage = chunk["usage"]
        if "choices" in chunk:
            self.saw_choices = True
        for choice in chunk.get("choices") or []:
            if not isinstance(choice, dict):
                continue
            state = self.choices.setdefault(
                int(choice.get("index") or 0),
                {"message": {"role": "assistant"}, "calls": {}, "finish_reason": None},
            )
            _merge_delta(state, choice.get("delta") or {})
            if choice.get("finish_reason"):
                state["finish_reason"] = choice["finish_reason"]

    def completion(self, model: str) -> dict[str, Any]:
        choices = []
        for index in sorted(self.choices):
            state = self.choices[index]
            message = {"content": None, "refusal": None, **state["message"]}
            if state["calls"]:
                message["tool_calls"] = [state["calls"][i] for i in sorted(state["calls"])]
            choices.append(
                {
                    "index": index,
                    "message": message,
                    "finish_reason": state["finish_reason"],
                    "logprobs": None,
                }
            )
        answer: dict[str, Any] = {
            "id": self.head.get("id", "chatcmpl-streamed"),
            "object": "chat.completion",
            "created": self.head.get("created", int(time.time())),
            "model": self.head.get("model", model),
            "choices": choices,
        }
        for key in ("system_fingerprint", "service_tier"):
            if key in self.head:
                answer[key] = self.head[key]
        if self.usage:
            answer["usage"] = self.usage
        return answer


def _merge_delta(state: dict[str, Any], delta: dict[str, Any]) -> None:
    message = state["message"]
    for key, value in delta.items():
        if key == "tool_calls":
            for call in value or []:
                _merge_call(state["calls"], call)
        elif key == "role":
            message["role"] = value or message["role"]
        elif isinstance(value, str):  # content, refusal, reasoning_content: text in pieces
            message[key] = (message.get(key) or "") + value
        elif value is not None:
            message.setdefault(key, value)


def _merge_call(calls: dict[int, dict[str, Any]], delta: Any) -> None:
    if not isinstance(delta, dict):
        return
    call = calls.setdefault(
        int(delta.get("index") or 0),
        {"id": "", "type": "function", "function": {"name": "", "arguments": ""}},
    )
    if delta.get("id") and not call["id"]:
        call["id"] = delta["id"]
    function = delta.get("function") or {}
    name = function.get("name")
    if name and name != call["function"]["name"]:  # some servers repeat it in every chunk
        call["function"]["name"] += name
    if function.get("arguments"):
        call["function"]["arguments"] += function["arguments"]


async def events(response: httpx2.Response) -> Any:
    """The data of each server-sent event; comments (keep-alives) are not events."""
    data: list[str] = []
    async for line in response.aiter_lines():
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        if field == "data":
            data.append(value[1:] if value.startswith(" ") else value)
    if data:
        yield "\n".join(data)
