"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1, for tests and benchmarks.

It answers by the schema the request asks for (the `response_format` json_schema name, or the
forced tool's name), in whichever form the request used, so the real client stack runs:
langchain-openai → openai SDK → httpx2 → this server. Every request is recorded.

Streaming: a request with `"stream": true` is answered as server-sent events, as OpenAI does
(`data: {chunk}` events with deltas: the role, then the content, tool-call arguments or refusal in
pieces, then the finish_reason; with `stream_options.include_usage` a last chunk with no choices
and the usage; then `data: [DONE]`), unless `streaming=False` (a server that ignores `stream` and
answers plain JSON) or `refuse_stream` (one that answers it 500). `Reply.drip` spaces the events out; the transport faults apply to streams too.

Models: with `models` set, GET /v1/models lists them and a chat request for any other model is
answered 404 with OpenAI's model_not_found error (or `model_error`, as other servers word it);
`models_status` makes the listing fail.

Rate-limit mode (`rate_limit=(R, W)`): at most R requests are answered in any W seconds (a
sliding window over arrival times); beyond it the server answers 429 with Retry-After (and
retry-after-ms) saying when the window admits again, and counts it in `rate_limited`. Rejected
requests are not recorded in `requests` and do not use up a scripted reply.
"""

from __future__ import annotations

import contextlib
import json
import math
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer. `content` is the object to return as the structured answer."""

    content: Any = None
    finish_reason: str = "stop"
    refusal: str | None = None
    status: int = 200
    error: str | None = None
    raw_text: str | None = None
    delay: float = 0.0  # before anything is sent (a hang before headers)
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Retry-After
    # Transport faults: "reset" (connection reset, nothing sent), "slow_headers" (status line,
    # then `stall` s, then the rest), "stall_body" (half the body, then `stall` s, then the rest;
    # a stream: the headers, then `stall` s before the first event), "truncate" (half the body,
    # or half the events, then the connection closes), "bad_json" (200, not JSON; a stream: a
    # first event that is not JSON), "stall_stream" (a stream: half the events, then `stall` s
    # of silence, then the rest; not streamed: as "stall_body").
    mode: str | None = None
    stall: float = 0.0
    drip: float = 0.0  # a slow model: s between two events (not streamed: all of them first)
    pieces: int = 8  # a stream: how many pieces the answer text is sent in
    # Held until a request for each of these schemas has arrived (at most `hold_timeout` s):
    # proves requests are in flight together without reading the clock. A hold that times out
    # is recorded in ScriptedLLM.holds_timed_out.
    hold_for: tuple[str, ...] = ()
    hold_timeout: float = 30.0


Script = dict[str, list[Reply] | Callable[[dict[str, Any], int], Reply]]


def wire_json(payload: Any) -> bytes:
    """UTF-8 JSON; text UTF-8 cannot hold (a lone surrogate in a hostile answer) is sent as a
    \\uXXXX escape, as JSON servers do, so the client receives it as the model wrote it."""
    text = json.dumps(payload, ensure_ascii=False)
    try:
        return text.encode()
    except UnicodeEncodeError:
        return json.dumps(payload).encode()


def schema_name(body: dict[str, Any]) -> str:
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return str(fmt["json_schema"]["name"])
    tools = body.get("tools") or []
    if tools:
        return str(tools[0]["function"]["name"])
    return "(none)"


@dataclass
class ScriptedLLM:
    script: Script
    json_schema_unsupported: bool = False
    requests: list[dict[str, Any]] = field(default_factory=list)
    spans: list[tuple[str, float, float]] = field(default_factory=list)  # (schema, start, end)
    rate_limit: tuple[int, float] | None = None  # (R requests, per W seconds)
    rate_limited: int = 0  # 429s sent in rate-limit mode
    streaming: bool = True  # answer `"stream": true` requests with server-sent events
    refuse_stream: bool = False  # answer them 500, as an older llama.cpp server did with tools
    models: list[str] | None = None  # served by GET /v1/models; other models are not found
    model_error: tuple[int, dict[str, Any]] | None = None  # the not-found answer, if not OpenAI's
    models_status: int = 200  # GET /v1/models answers this (not 200: an error)
    listings: int = 0  # GET /v1/models requests
    _admitted: deque[float] = field(default_factory=deque)
    _served: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    holds_timed_out: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _arrived: threading.Condition = field(default_factory=threading.Condition)

    def start(self) -> ScriptedLLM:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                status, payload = outer.listing(self.path)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                status, payload, reply = outer.answer(self.path, body)
                data = wire_json(payload)
                mode = reply.mode if reply else None
                if status == 200 and reply is not None and body.get("stream") and outer.streaming:
                    self.stream(body, payload, reply)
                    return
                if mode == "reset":
                    import socket
                    import struct

                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.close_connection = True
                    self.connection.close()
                    return
                if mode == "bad_json":
                    data = b'{"id": "chatcmpl-x", "choices": [ {"message": '
                self.send_response(status)
                if mode == "slow_headers":
                    self.wfile.flush()
                    time.sleep(reply.stall if reply else 0)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in (reply.headers if reply else {}).items():
                    self.send_header(name, value)
                self.end_headers()
                if mode == "stall_stream":  # not streamed: the stall falls within the body
                    mode = "stall_body"
                if mode in ("stall_body", "truncate"):
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    if mode == "truncate":
                        self.close_connection = True
                        return
                    time.sleep(reply.stall if reply else 0)
                    data = data[len(data) // 2 :]
                with contextlib.suppress(OSError):  # the client may have given up (timeout)
                    self.wfile.write(data)

            def stream(self, body: dict[str, Any], answer: dict[str, Any], reply: Reply) -> None:
                """The answer as server-sent events; the connection's close ends the body."""
                mode = reply.mode
                if mode == "reset":
                    import socket
                    import struct

                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.close_connection = True
                    self.connection.close()
                    return
                self.send_response(200)
                if mode == "slow_headers":
                    self.wfile.flush()
                    time.sleep(reply.stall)
                self.send_header("content-type", "text/event-stream")
                self.send_header("cache-control", "no-cache")
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.close_connection = True
                events = [
                    b"data: " + wire_json(chunk) + b"\n\n"
                    for chunk in stream_chunks(body, answer, reply.pieces)
                ]
                events.append(b"data: [DONE]\n\n")
                if mode == "bad_json":
                    events = [b'data: {"id": "chatcmpl-x", "choices": [ {"delta": \n\n']
                half = len(events) // 2
                try:
                    if mode == "stall_body":
                        self.wfile.flush()
                        time.sleep(reply.stall)
                    for number, event in enumerate(events):
                        if number == half and mode == "truncate":
                            return
                        if number == half and mode == "stall_stream":
                            time.sleep(reply.stall)
                        elif number and reply.drip:
                            time.sleep(reply.drip)
                        self.wfile.write(event)
                        self.wfile.flush()
                except OSError:  # the client gave up (a timeout)
                    return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def listing(self, path: str) -> tuple[int, dict[str, Any]]:
        """GET /v1/models."""
        with self._lock:
            self.listings += 1
        if not path.rstrip("/").endswith("/models") or self.models is None:
            return 404, {"error": {"message": f"no route {path}", "type": "invalid_request_error"}}
        if self.models_status != 200:
            return self.models_status, {"error": {"message": "listing failed", "type": "error"}}
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "me"} for m in self.models]
        return 200, {"object": "list", "data": data}

    def count(self, name: str) -> int:
        return sum(1 for r in self.requests if schema_name(r) == name)

    def answer(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any], Reply | None]:
        name = schema_name(body)
        limited = self._over_limit()
        if limited is not None:
            return limited
        with self._lock:
            self.requests.append(body)
            index = self._served[name]
            self._served[name] += 1
        with self._arrived:
            self._arrived.notify_all()
        if not path.endswith("/chat/completions"):
            return 404, {"error": {"message": f"no route {path}"}}, None
        if self.models is not None and body.get("model") not in self.models:
            status, error = self.model_error or (
                404,
                {
                    "error": {
                        "message": f"The model `{body.get('model')}` does not exist or you do "
                        "not have access to it.",
                        "type": "invalid_request_error",
                        "param": None,
                        "code": "model_not_found",
                    }
                },
            )
            return status, error, None
        if self.refuse_stream and body.get("stream"):
            error = {"code": 500, "message": "Cannot use tools with stream", "type": "server_error"}
            return 500, {"error": error}, None
        if (
            self.json_schema_unsupported
            and (body.get("response_format") or {}).get("type") == "json_schema"
        ):
            return (
                500,
                {
                    "error": {
                        "message": "Input should be 'text' or 'json_object'",
                        "type": "server_error",
                    }
                },
                None,
            )
        reply = self._reply(name, body, index)
        started = time.monotonic()
        if reply.hold_for:
            self._hold(name, reply)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drip and not (body.get("stream") and self.streaming):
            # Not streamed: nothing is sent until the slow model has written the whole answer.
            time.sleep(reply.drip * (reply.pieces + 2))
        with self._lock:
            self.spans.append((name, started, time.monotonic()))
        if reply.status != 200:
            error: dict[str, Any] = {"message": reply.error or "scripted error", "type": "error"}
            if reply.error and "context length" in reply.error:
                error["code"] = "context_length_exceeded"
            return reply.status, {"error": error}, reply
        return 200, completion(body, name, reply), reply

    def _hold(self, name: str, reply: Reply) -> None:
        with self._arrived:
            met = self._arrived.wait_for(
                lambda: all(self._served.get(n, 0) > 0 for n in reply.hold_for), reply.hold_timeout
            )
        if not met:
            with self._lock:
                self.holds_timed_out.append(name)

    def _over_limit(self) -> tuple[int, dict[str, Any], Reply] | None:
        if self.rate_limit is None:
            return None
        allowed, window = self.rate_limit
        with self._lock:
            now = time.monotonic()
            while self._admitted and self._admitted[0] <= now - window:
                self._admitted.popleft()
            if len(self._admitted) < allowed:
                self._admitted.append(now)
                return None
            self.rate_limited += 1
            wait = self._admitted[0] + window - now
        headers = {
            "retry-after": str(max(1, math.ceil(wait))),
            "retry-after-ms": f"{wait * 1000:.0f}",
        }
        reply = Reply(status=429, error="Rate limit reached for requests", headers=headers)
        return 429, {"error": {"message": reply.error, "type": "requests"}}, reply

    def _reply(self, name: str, body: dict[str, Any], index: int) -> Reply:
        entry = self.script.get(name)
        if entry is None:
            return Reply(status=400, error=f"scripted server has no reply for schema {name}")
        if callable(entry):
            return entry(body, index)
        return entry[min(index, len(entry) - 1)]


def completion(body: dict[str, Any], name: str, reply: Reply) -> dict[str, Any]:
    text = (
        reply.raw_text
        if reply.raw_text is not None
        else json.dumps(reply.content, ensure_ascii=False)
    )
    message: dict[str, Any] = {"role": "assistant", "content": text, "refusal": reply.refusal}
    finish = reply.finish_reason
    if body.get("tools") and reply.refusal is None:
        message["content"] = None
        message["tool_calls"] = [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": name, "arguments": text},
            }
        ]
        finish = "tool_calls" if finish == "stop" else finish
    if reply.refusal is not None:
        message["content"] = None
    prompt_tokens = len(json.dumps(body.get("messages", []), ensure_ascii=False)) // 4
    completion_tokens = max(1, len(text) // 4)
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "scripted"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def stream_chunks(
    body: dict[str, Any], answer: dict[str, Any], pieces: int
) -> list[dict[str, Any]]:
    """A chat completion (as `completion` builds it) as the chunks a stream of it sends."""
    choice = answer["choices"][0]
    message = choice["message"]
    base = {
        "id": answer["id"],
        "object": "chat.completion.chunk",
        "created": answer["created"],
        "model": answer["model"],
        "system_fingerprint": None,
    }
    usage = bool((body.get("stream_options") or {}).get("include_usage"))

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            **base,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        }
        if usage:
            out["usage"] = None
        return out

    def split(text: str) -> list[str]:
        size = max(1, math.ceil(len(text) / max(1, pieces)))
        return [text[i : i + size] for i in range(0, len(text), size)] or [""]

    chunks: list[dict[str, Any]] = []
    if message.get("tool_calls"):
        call = message["tool_calls"][0]
        head = {"index": 0, "id": call["id"], "type": "function"}
        head["function"] = {"name": call["function"]["name"], "arguments": ""}
        chunks.append(chunk({"role": "assistant", "content": None, "tool_calls": [head]}))
        for piece in split(call["function"]["arguments"]):
            chunks.append(chunk({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}))
    elif message.get("refusal") is not None:
        chunks.append(chunk({"role": "assistant", "content": None, "refusal": ""}))
        chunks.extend(chunk({"refusal": piece}) for piece in split(message["refusal"]))
    else:
        chunks.append(chunk({"role": "assistant", "content": ""}))
        chunks.extend(chunk({"content": piece}) for piece in split(message["content"] or ""))
    chunks.append(chunk({}, choice["finish_reason"]))
    if usage:
        chunks.append({**base, "choices": [], "usage": answer["usage"]})
    return chunks


def load_script(path: str) -> Script:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return {name: [Reply(content=content)] for name, content in data.items()}
