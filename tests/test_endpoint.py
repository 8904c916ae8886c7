"""The model endpoint: a base URL that is no OpenAI-compatible API, a model the server does not
serve, and a slow model timed on silence (streamed answers), not on the length of its answer."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from drafter.config import load_settings, model_config_for
from drafter.errors import (
    ContentFilteredError,
    EndpointError,
    LLMTransportError,
    ModelNotFoundError,
    TruncatedOutputError,
)
from drafter.llm import ChatModels, store_answer
from tests.helpers import ask_headline, draft, run_cli
from tests.loopback import Loopback, respond, static
from tests.scripted_llm import Reply, ScriptedLLM, schema_name
from tests.test_failures import only_run_dir, run_meta

KEY = "sk-test-not-a-real-key"


class PlainServer(Loopback):
    """A web server that is not an OpenAI-compatible API, on loopback: it serves the files
    under `root` and answers every POST with `status`, `ctype` and `body` (status 0: a plain
    static file server, for which POST is not implemented, 501); counts every POST by the
    schema it asked for."""

    def __init__(self, status: int, ctype: str, body: str, root: Path) -> None:
        self.posts: Counter[str] = Counter()
        self.answer = (status, ctype, body)
        super().__init__({}, fallback=static(root), post=self._post)

    @property
    def root(self) -> str:
        return self.url

    def _post(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("content-length", 0))
        try:
            name = schema_name(json.loads(handler.rfile.read(length) or b"{}"))
        except ValueError:
            name = "?"
        self.posts[name] += 1
        status, ctype, body = self.answer
        if status == 0:
            handler.send_error(501, "Unsupported method ('POST')")
        else:
            respond(handler, status, body.encode(), ctype)


@pytest.fixture
def plain(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PlainServer]:
    status, ctype, body = request.param
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html><title>My site</title></html>")
    with PlainServer(status, ctype, body, tmp_path / "site") as server:
        yield server


def _use(monkeypatch: pytest.MonkeyPatch, base_url: str, **env: str) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


NOT_AN_API = {
    "static file server (501 HTML)": (0, "", ""),
    "404 HTML page": (404, "text/html", "<html><title>404 Not Found</title><h1>Nope</h1></html>"),
    "405 HTML page": (405, "text/html; charset=utf-8", "<html><body>Method Not Allowed</body>"),
    "200 HTML page (a site answering every path)": (200, "text/html", "<html>Welcome</html>"),
    "404 JSON from another API (FastAPI)": (404, "application/json", '{"detail": "Not Found"}'),
    "200 JSON that is not a chat completion": (
        200,
        "application/json",
        '{"error": "Unexpected endpoint or method. (POST /v1/chat/completions)"}',
    ),
}


@pytest.mark.parametrize("plain", list(NOT_AN_API.values()), ids=list(NOT_AN_API), indirect=True)
def test_a_base_url_that_is_no_openai_api_fails_at_once_naming_the_v1_forms(
    plain: PlainServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _use(monkeypatch, plain.root + "/v1", DRAFTER_MAX_RETRIES="2")

    started = time.monotonic()
    result = draft(tmp_path, "--no-check")

    assert result.exit_code == 4, result.output
    err = result.stderr
    assert "does not look like an OpenAI-compatible API" in err
    assert f"{plain.root}/v1" in err
    for form in ("http://localhost:11434/v1", "http://localhost:8080/v1", "localhost:1234/v1"):
        assert form in err
    assert re.search(r"https://\S+/v1\s+OpenAI$", err, re.M) and "Traceback" not in err
    assert "drafter run --resume" in err  # the CLI names the run folder to resume
    # Never retried, never re-asked: one POST per step that ran, and no waiting.
    assert plain.posts and max(plain.posts.values()) == 1, plain.posts
    assert time.monotonic() - started < 10
    meta = run_meta(only_run_dir(tmp_path))
    assert meta["status"] == "failed" and meta["error"]["type"] == "EndpointError"


@pytest.mark.parametrize(
    "plain", [(404, "text/plain; charset=utf-8", "404 page not found")], indirect=True
)
def test_a_base_url_without_v1_is_told_to_add_it(
    plain: PlainServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Ollama's root (http://localhost:11434) answers 404 text to /chat/completions."""
    _use(monkeypatch, plain.root, DRAFTER_MAX_RETRIES="2")

    result = draft(tmp_path, "--no-check")

    assert result.exit_code == 4
    assert "does not look like an OpenAI-compatible API" in result.stderr
    assert "'404 page not found'" in result.stderr
    assert f"This one has no /v1: try {plain.root}/v1" in result.stderr
    assert max(plain.posts.values()) == 1


@pytest.mark.parametrize(
    "plain", [(404, "text/html", "<html><title>Not Found</title></html>")], indirect=True
)
def test_a_base_url_ending_in_chat_completions_is_told_to_drop_it(
    plain: PlainServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, plain.root + "/v1/chat/completions")

    with pytest.raises(EndpointError) as caught:
        _headline(ChatModels(load_settings({"max_retries": 2})))

    assert f"without /chat/completions: {plain.root}/v1" in str(caught.value)
    assert sum(plain.posts.values()) == 1


SERVED = [f"model-{n:02d}" for n in range(1, 24)] + ["llama3.1:8b"]


def test_a_wrong_model_lists_the_models_the_server_offers(
    llm_env: ScriptedLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    llm_env.models = SERVED
    monkeypatch.setenv("DRAFTER_MODEL", "llama3.1")
    monkeypatch.setenv("DRAFTER_MAX_RETRIES", "2")

    result = draft(tmp_path, "--no-check")

    assert result.exit_code == 4, result.output
    err = result.stderr
    assert "The model 'llama3.1' is not served at" in err
    assert "does not exist" in err  # the server's own words
    assert "Did you mean 'llama3.1:8b'?" in err
    assert "model-01, model-02" in err and "model-20" in err
    assert "model-21" not in err and "(4 more)" in err  # kept short: the first 20 ids
    assert "DRAFTER_MODEL" in err
    assert llm_env.listings == 1  # GET /v1/models once, however many steps failed
    assert max(Counter(schema_name(r) for r in llm_env.requests).values()) == 1  # not retried
    assert run_meta(only_run_dir(tmp_path))["error"]["type"] == "ModelNotFoundError"


OTHER_SERVERS = {
    "Ollama": (
        404,
        {
            "error": {
                "message": 'model "llama3.1" not found, try pulling it first',
                "type": "api_error",
                "param": None,
                "code": None,
            }
        },
    ),
    "vLLM (older)": (
        404,
        {
            "object": "error",
            "message": "The model `llama3.1` does not exist.",
            "type": "NotFoundError",
            "param": None,
            "code": 404,
        },
    ),
    "a 400 naming the model": (
        400,
        {"error": {"message": "Invalid model: llama3.1", "type": "invalid_request_error"}},
    ),
}


@pytest.mark.parametrize("server", list(OTHER_SERVERS))
def test_a_wrong_model_is_recognised_as_other_servers_word_it(
    llm_env: ScriptedLLM, server: str
) -> None:
    llm_env.models = ["qwen2.5:14b", "llama3.2:3b"]
    llm_env.model_error = OTHER_SERVERS[server]

    with pytest.raises(ModelNotFoundError) as caught:
        _headline(ChatModels(load_settings({"model": "llama3.1", "max_retries": 2})))

    text = str(caught.value)
    assert "The server offers: qwen2.5:14b, llama3.2:3b." in text
    assert llm_env.count("HeadlineDraft") == 1 and llm_env.listings == 1


def test_a_wrong_model_when_the_listing_fails_says_so(llm_env: ScriptedLLM) -> None:
    llm_env.models = ["gpt-4.1"]
    llm_env.models_status = 500

    with pytest.raises(ModelNotFoundError) as caught:
        _headline(ChatModels(load_settings({"model": "gpt-4.1-mni"})))

    text = str(caught.value)
    assert "Could not list the server's models" in text
    assert f"GET {llm_env.base_url}/models answered HTTP 500" in text
    assert "offers" not in text


def test_a_slow_model_that_keeps_sending_tokens_is_never_cut_off(
    llm_env: ScriptedLLM, replies: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Tokens every 0.3 s for ~3 s in all: longer than `timeout` and `idle_timeout` together,
    and fine, since no silence is longer than either."""
    monkeypatch.setenv("DRAFTER_TIMEOUT", "1")
    monkeypatch.setenv("DRAFTER_IDLE_TIMEOUT", "1")
    monkeypatch.setenv("DRAFTER_MAX_RETRIES", "2")
    llm_env.script["HeadlineDraft"] = [Reply(content=replies["HeadlineDraft"], drip=0.3, pieces=8)]

    started = time.monotonic()
    result = draft(tmp_path, "--no-check")

    assert result.exit_code == 0, result.output
    assert time.monotonic() - started > 3.0  # 12 events, 0.3 s apart: the answer took > 3 s
    assert llm_env.count("HeadlineDraft") == 1  # one request, never retried
    request = next(r for r in llm_env.requests if schema_name(r) == "HeadlineDraft")
    assert request["stream"] is True and request["stream_options"] == {"include_usage": True}
    step = json.loads((only_run_dir(tmp_path) / "steps/headline.json").read_text())
    assert step["output"]["fact"] == replies["HeadlineDraft"]["fact"]


def test_a_stream_that_stalls_after_it_started_fails_once_naming_the_setting(
    llm_env: ScriptedLLM, replies: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DRAFTER_IDLE_TIMEOUT", "1")
    monkeypatch.setenv("DRAFTER_MAX_RETRIES", "2")
    llm_env.script["LeadDraft"] = [
        Reply(content=replies["LeadDraft"], mode="stall_stream", stall=4.0),
        Reply(content=replies["LeadDraft"]),
    ]

    started = time.monotonic()
    result = draft(tmp_path, "--no-check")
    elapsed = time.monotonic() - started

    assert result.exit_code == 4, result.output
    err = result.stderr
    assert "stopped answering the lead step: no token for 1 s" in err
    assert "not retried" in err
    assert "idle_timeout" in err and "DRAFTER_IDLE_TIMEOUT" in err
    assert "idle_timeout = 300 in drafter.toml" in err
    assert llm_env.count("LeadDraft") == 1  # failed once, not sent again
    assert elapsed < 4.0  # gave up after 1 s of silence, not at the end of the stall
    run_dir = only_run_dir(tmp_path)
    assert run_meta(run_dir)["error"]["type"] == "StalledStreamError"

    resumed = run_cli("--resume", str(run_dir), "--no-check")
    assert resumed.exit_code == 0, resumed.output
    assert llm_env.count("LeadDraft") == 2


def test_no_first_token_within_timeout_is_retried_and_names_the_setting(
    llm_env: ScriptedLLM, replies: dict[str, Any]
) -> None:
    """Before the first token nothing was produced: another try is cheap, as before."""
    llm_env.script["HeadlineDraft"] = [Reply(mode="stall_body", stall=2.0)] * 2
    models = ChatModels(load_settings({"timeout": 0.5, "idle_timeout": 0.5, "max_retries": 1}))

    with pytest.raises(LLMTransportError) as caught:
        _headline(models)

    text = str(caught.value)
    assert "No answer from" in text and "the answer did not start" in text
    assert "(2 attempt(s))" in text and "DRAFTER_TIMEOUT" in text
    assert llm_env.count("HeadlineDraft") == 2


@pytest.mark.parametrize("method", ["json_schema", "function_calling"])
def test_a_streamed_answer_is_stored_as_a_non_streamed_one(
    llm_env: ScriptedLLM, replies: dict[str, Any], method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The call journal and the cross-run cache keep the same entry either way."""
    kept: list[str] = []
    monkeypatch.setattr(
        "drafter.llm.store_answer", lambda *a: kept.append(store_answer(*a)) or kept[-1]
    )

    class Cache:
        def get(self, *args: Any) -> None:
            return None

        def put(self, key: str, value: str) -> None:
            pass

        def forget(self, *keys: str) -> None:
            pass

    for stream in (True, False):
        models = ChatModels(load_settings({"stream": stream, "structured_output": method}))
        models.cache = Cache()
        result = _headline(models)
        assert result.usage.total_tokens > 0
    assert [bool(r.get("stream")) for r in llm_env.requests] == [True, False]
    assert len(kept) == 2 and kept[0] == kept[1]
    assert json.loads(kept[0])["parsed"]["fact"] == replies["HeadlineDraft"]["fact"]


def test_finish_reasons_are_still_errors_when_streaming(llm_env: ScriptedLLM) -> None:
    llm_env.script["HeadlineDraft"] = [
        Reply(raw_text='{"title": "ベロリア、リチウム', finish_reason="length")
    ]
    with pytest.raises(TruncatedOutputError):
        _headline(ChatModels(load_settings({"structured_output": "function_calling"})))
    llm_env.script["HeadlineDraft"] = [Reply(raw_text="{}", finish_reason="content_filter")]
    with pytest.raises(ContentFilteredError):
        _headline(ChatModels(load_settings({})))
    assert all(r["stream"] is True for r in llm_env.requests)


def test_a_server_that_does_not_stream_is_read_as_it_answers(
    llm_env: ScriptedLLM, replies: dict[str, Any]
) -> None:
    llm_env.streaming = False  # answers `"stream": true` with one JSON body

    result = _headline(ChatModels(load_settings({})))

    assert result.parsed.fact == replies["HeadlineDraft"]["fact"]
    assert llm_env.requests[0]["stream"] is True


def test_a_server_that_refuses_to_stream_is_asked_again_without(
    llm_env: ScriptedLLM, replies: dict[str, Any]
) -> None:
    llm_env.refuse_stream = True  # "Cannot use tools with stream" (an older llama.cpp server)
    models = ChatModels(load_settings({"max_retries": 0}))

    async def two_calls() -> list[Any]:
        return [await ask_headline(models), await ask_headline(models)]

    for result in asyncio.run(two_calls()):
        assert result.parsed.fact == replies["HeadlineDraft"]["fact"]

    # Refused once, then asked plainly; the next call of the run does not try to stream again.
    assert [bool(r.get("stream")) for r in llm_env.requests] == [True, False, False]


def test_a_stream_cut_off_before_the_end_is_retried(
    llm_env: ScriptedLLM, replies: dict[str, Any]
) -> None:
    llm_env.script["HeadlineDraft"] = [
        Reply(mode="truncate"),
        Reply(content=replies["HeadlineDraft"]),
    ]

    result = _headline(ChatModels(load_settings({"max_retries": 1})))

    assert result.parsed.fact == replies["HeadlineDraft"]["fact"]
    assert llm_env.count("HeadlineDraft") == 2


def test_stream_and_idle_timeout_settings(tmp_path: Path) -> None:
    config = tmp_path / "drafter.toml"
    config.write_text("idle_timeout = 45\n[roles.translator]\nidle_timeout = 600\nstream = false\n")
    env = {"OPENAI_API_KEY": KEY, "DRAFTER_STREAM": "1"}

    settings = load_settings(config_path=config, env=env)
    writer = model_config_for(settings, "writer", env)
    translator = model_config_for(settings, "translator", env)

    assert (writer.idle_timeout, writer.stream) == (45.0, True)
    assert (translator.idle_timeout, translator.stream) == (600.0, False)
    settings = load_settings(env={**env, "DRAFTER_IDLE_TIMEOUT": "7", "DRAFTER_STREAM": "0"})
    assert (settings.idle_timeout, settings.stream) == (7.0, False)


def _headline(models: ChatModels) -> Any:
    return asyncio.run(ask_headline(models))


def test_plain_server_helper_is_a_plain_server(tmp_path: Path) -> None:
    """The fixture really is an ordinary web server: GET serves the page, POST is a 501."""
    import urllib.request

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html><title>My site</title></html>")
    (tmp_path / "outside.html").write_text("not the site's")
    with PlainServer(0, "", "", tmp_path / "site") as server:
        for path in ("/index.html", "/"):
            with urllib.request.urlopen(server.root + path) as page:
                assert b"My site" in page.read()
        for path in ("/v1/models", "/../outside.html"):
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(server.root + path)
            assert missing.value.code == 404
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(urllib.request.Request(server.root + "/v1", data=b"{}"))
        assert caught.value.code == 501
    assert sum(server.posts.values()) == 1  # every POST counted, even one that names no schema
    with Loopback({}) as bare:  # a Loopback without a POST route is a plain server too
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(bare.url + "/v1", data=b"{}"))
        assert refused.value.code == 501 and bare.hits["/v1"] == 1
