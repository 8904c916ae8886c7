"""The HTTP client under the chat models: streamed answers timed on silence, and a server that is
not an OpenAI-compatible API told apart from one that is having trouble.

With `stream` on, a chat-completion request goes out with `"stream": true` (and the usage asked
for), and the server-sent events are put back together into the very JSON body a non-streamed
answer has, before the SDK sees it: the parsing above (langchain, structured output, finish
reasons, usage, the call journal and the cache) cannot tell the difference. What streaming buys
is the clock: `timeout` bounds the wait for the answer to start (connecting, the model reading
the prompt, the first event), then `idle_timeout` bounds each silence between two events, so a
slow model may take any time as long as it keeps producing tokens. A server that answers a
stream request with one JSON body is read as is; one that refuses to stream ("Cannot use tools
with stream") is asked again without, for the rest of the run. `stream = false` never streams:
then `timeout` bounds every read, as it did before streaming.

Imported lazily, with the SDK: a run served from the cache never loads either.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import httpx2

from drafter.llm.sse import Assembly, events

_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_HTML_HIDDEN = re.compile(r"<(head|script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_STREAM_REFUSED = re.compile(r"\bstream(?:ing|s|_options)?\b", re.IGNORECASE)


class NotAnAPIError(Exception):
    """The server answered a chat-completion request with something no OpenAI-compatible API
    sends (a web page, another API's JSON): its base URL is wrong. Never worth another try."""

    def __init__(self, url: str, what: str) -> None:
        super().__init__(f"POST {url} answered {what}")
        self.url = url
        self.what = what


class StalledError(Exception):
    """A streamed answer started, then no event came for `idle` seconds. Not retried: the
    request was being answered, and sending it again would make the model start over."""

    def __init__(self, idle: float, events: int, seconds: float) -> None:
        super().__init__(f"no token for {idle:g} s after {events} part(s) in {seconds:.0f} s")
        self.idle = idle
        self.events = events
        self.seconds = seconds


class FirstTokenTimeout(httpx2.TimeoutException):
    """The answer did not start within `timeout` (the SDK makes it an APITimeoutError)."""


class BrokenStreamError(Exception):
    """The stream was cut off or held an event that is not JSON: worth another try."""


class ModelsClient(httpx2.AsyncClient):
    """An httpx client as openai's default one (redirects followed, env proxies honoured) that
    streams chat completions and checks that what answers them is an OpenAI-compatible API."""

    def __init__(self, *, stream: bool, timeout: float, idle_timeout: float) -> None:
        super().__init__(
            timeout=httpx2.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=httpx2.Limits(max_connections=100, max_keepalive_connections=20),
            follow_redirects=True,
        )
        self.streaming = stream
        self.first_timeout = timeout
        self.idle_timeout = idle_timeout

    async def send(
        self, request: httpx2.Request, *, stream: bool = False, **kwargs: Any
    ) -> httpx2.Response:
        if stream or request.method != "POST" or not _is_chat(request):
            return await super().send(request, stream=stream, **kwargs)
        body = _json_body(request)
        if self.streaming and body is not None and not body.get("stream"):
            answer = await self._streamed(request, body, **kwargs)
            if answer is not None:
                return answer
            # The server refused to stream (an older llama.cpp with tools): ask as before.
            self.streaming = False
        response = await super().send(request, stream=False, **kwargs)
        _check_answer(response)
        return _without_lone_surrogates(response)

    async def _streamed(
        self, request: httpx2.Request, body: dict[str, Any], **kwargs: Any
    ) -> httpx2.Response | None:
        """The answer, streamed and put back together; None when the server refuses to stream."""
        body = {**body, "stream": True, "stream_options": {"include_usage": True}}
        # Reads are timed here, not by httpx: the first by `timeout`, the others by idle_timeout.
        budget = self.first_timeout
        streamed = _stream_request(request, body, budget)
        loop = asyncio.get_running_loop()
        started = loop.time()
        assembly = Assembly()
        try:
            async with asyncio.timeout(budget) as deadline:
                response = await super().send(streamed, stream=True, **kwargs)
                try:
                    ctype = response.headers.get("content-type", "")
                    if not response.is_success or "text/event-stream" not in ctype:
                        # An error, or a server that does not stream: the SDK reads it as is.
                        return await _unstreamed(response)
                    failed = await self._read_stream(response, assembly, deadline, request)
                    if failed is not None:
                        return failed
                except httpx2.TransportError as exc:
                    if not assembly.events:
                        raise
                    raise BrokenStreamError(
                        f"the connection broke after {assembly.events} part(s) of the answer "
                        f"({type(exc).__name__})"
                    ) from exc
                finally:
                    await response.aclose()
        except TimeoutError:
            if not deadline.expired():
                raise
            if not assembly.events:
                raise FirstTokenTimeout(
                    f"the answer did not start within {budget:g} s", request=request
                ) from None
            raise StalledError(self.idle_timeout, assembly.events, loop.time() - started) from None
        return _reassembled(assembly, response, request, str(body.get("model") or ""))

    async def _read_stream(
        self,
        response: httpx2.Response,
        assembly: Assembly,
        deadline: asyncio.Timeout,
        request: httpx2.Request,
    ) -> httpx2.Response | None:
        """The stream's events into `assembly`, each pushing the deadline on by idle_timeout;
        the error response when an event reports an error."""
        loop = asyncio.get_running_loop()
        async for data in events(response):
            if data.strip() == "[DONE]":
                break
            try:
                chunk = json.loads(data)
            except ValueError as exc:
                raise BrokenStreamError(
                    f"an event of the answer stream is not JSON: {data[:80]!r}"
                ) from exc
            if isinstance(chunk, dict) and chunk.get("error") is not None:
                return _error_response(chunk["error"], request)
            assembly.add(chunk)
            deadline.reschedule(loop.time() + self.idle_timeout)
        return None


def _stream_request(request: httpx2.Request, body: dict[str, Any], budget: float) -> httpx2.Request:
    """The chat request again, asking for a stream; httpx times no read of it."""
    headers = [(k, v) for k, v in request.headers.multi_items() if k != "content-length"]
    limits = {"connect": min(budget, 10.0), "read": None, "write": budget, "pool": budget}
    return httpx2.Request(
        request.method,
        request.url,
        headers=headers,
        content=json.dumps(body, ensure_ascii=False).encode(),
        extensions={**request.extensions, "timeout": limits},
    )


async def _unstreamed(response: httpx2.Response) -> httpx2.Response | None:
    """A reply that is no event stream: None when the server refuses to stream, else the
    response as the SDK reads it."""
    await response.aread()
    if _refuses_streaming(response):
        return None
    _check_answer(response)
    return _without_lone_surrogates(response)


def _reassembled(
    assembly: Assembly, response: httpx2.Response, request: httpx2.Request, model: str
) -> httpx2.Response:
    """The finished stream as the non-streamed JSON answer the SDK expects."""
    if not assembly.saw_choices:
        raise NotAnAPIError(str(request.url), "an event stream without chat-completion chunks")
    if not assembly.finished:
        raise BrokenStreamError("the answer stream ended before the model finished")
    answer = assembly.completion(model)
    kept = [
        (k, v)
        for k, v in response.headers.multi_items()
        if k.lower()
        not in (
            "content-length",
            "content-type",
            "transfer-encoding",
            "content-encoding",
            "connection",
        )
    ]
    return httpx2.Response(
        200,
        headers=[*kept, ("content-type", "application/json")],
        content=_utf8_json(answer),
        request=request,
    )


async def list_models(
    client: httpx2.AsyncClient, base_url: str, api_key: str, timeout: float
) -> tuple[list[str] | None, str]:
    """The ids GET {base_url}/models lists, or None and why it could not be read."""
    url = base_url.rstrip("/") + "/models"
    try:
        response = await client.get(
            url, headers={"Authorization": f"Bearer {api_key}"}, timeout=min(timeout, 15.0)
        )
    except httpx2.HTTPError as exc:
        return None, f"GET {url} failed: {type(exc).__name__}"
    if not response.is_success:
        return None, f"GET {url} answered HTTP {response.status_code}"
    try:
        data = response.json()
    except ValueError:
        return None, f"GET {url} did not answer JSON"
    entries = data.get("data", data.get("models")) if isinstance(data, dict) else data
    if not isinstance(entries, list):
        return None, f"GET {url} did not answer a list of models"
    ids = [
        str(e.get("id") or e.get("name") or e.get("model")) if isinstance(e, dict) else str(e)
        for e in entries
    ]
    return [i for i in ids if i and i != "None"], ""


def _error_response(error: Any, request: httpx2.Request) -> httpx2.Response:
    """An error event in the stream, as the HTTP error the SDK knows how to raise."""
    code = error.get("code") if isinstance(error, dict) else None
    status = code if isinstance(code, int) and 400 <= code < 600 else 500
    return httpx2.Response(status, json={"error": error}, request=request)


def _refuses_streaming(response: httpx2.Response) -> bool:
    """An API error that is about streaming itself ("Cannot use tools with stream")."""
    if response.status_code not in (400, 422, 500, 501):
        return False
    try:
        json.loads(response.content)
    except ValueError:
        return False
    return bool(_STREAM_REFUSED.search(response.text))


def _is_chat(request: httpx2.Request) -> bool:
    return request.url.path.rstrip("/").endswith("/chat/completions")


def _json_body(request: httpx2.Request) -> dict[str, Any] | None:
    try:
        body = json.loads(request.content or b"null")
    except (ValueError, httpx2.RequestNotRead):
        return None
    return body if isinstance(body, dict) else None


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8_json(data: Any) -> bytes:
    """`data` as UTF-8 JSON, a lone surrogate (a \\udXXX escape with no pair: text no UTF-8 can
    hold, from a broken or hostile model) as U+FFFD, so it cannot crash every later write."""
    return _LONE_SURROGATE.sub("\ufffd", json.dumps(data, ensure_ascii=False)).encode()


def _without_lone_surrogates(response: httpx2.Response) -> httpx2.Response:
    """A successful answer whose JSON escapes surrogates, rewritten by `_utf8_json`."""
    if not response.is_success or not _SURROGATE_ESCAPE.search(response.content):
        return response
    try:
        data = json.loads(response.content)
    except ValueError:
        return response
    skip = ("content-length", "transfer-encoding", "content-encoding", "connection")
    kept = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in skip]
    return httpx2.Response(
        response.status_code,
        headers=kept,
        content=_utf8_json(data),
        request=response.request,
    )


def _check_answer(response: httpx2.Response) -> None:
    """Raise NotAnAPIError when the answer to a chat completion is nothing an OpenAI-compatible
    API sends; let every other answer through (errors included: the SDK raises them)."""
    problem = endpoint_problem(response)
    if problem:
        raise NotAnAPIError(str(response.request.url), problem)


def endpoint_problem(response: httpx2.Response) -> str | None:
    """What makes this answer to POST …/chat/completions come from something other than an
    OpenAI-compatible API, or None. Errors an API sends (401, 429, 5xx from a proxy) are not."""
    status = response.status_code
    if status in (401, 403, 407, 408, 409, 413, 429) or (status >= 500 and status != 501):
        return None
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower() or "no type"
    try:
        data: Any = json.loads(response.content)
    except ValueError:
        if 200 <= status < 300 or status in (404, 405, 501):
            return f"HTTP {status} with {_describe_text(ctype, response.text)}, not JSON"
        return None
    if 200 <= status < 300:
        if isinstance(data, dict) and "choices" in data:
            return None
        said = _error_text(data)
        return f"HTTP {status} with JSON that is not a chat completion" + (
            f" ({said})" if said else ""
        )
    if status in (404, 405, 501) and not _error_shaped(data):
        return f"HTTP {status} with JSON that is not an OpenAI error: {_clip(response.text)}"
    return None


def _error_shaped(data: Any) -> bool:
    return isinstance(data, dict) and (
        data.get("error") is not None or (data.get("object") == "error" and "message" in data)
    )


def _error_text(data: Any) -> str:
    if not isinstance(data, dict):
        return ""
    error = data.get("error", data.get("message", data.get("detail")))
    if isinstance(error, dict):
        error = error.get("message")
    return _clip(str(error)) if error else ""


def _describe_text(ctype: str, text: str) -> str:
    if "html" in ctype or text.lstrip()[:1] == "<":
        body = " ".join(_TAGS.sub(" ", _HTML_HIDDEN.sub(" ", text)).split())
        title = _HTML_TITLE.search(text)
        words = body or (" ".join(title.group(1).split()) if title else "")
        return f"an HTML page ({_clip(words)!r})" if words else "an HTML page"
    words = " ".join(text.split())
    return f"{ctype} ({_clip(words)!r})" if words else f"an empty {ctype} body"


def _clip(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
