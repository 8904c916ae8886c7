"""The model layer as one interface with wrappers (issue 14): a typed request through composable
wrappers, the journal and cache given to ChatModels rather than stuck on later, and one retry
policy for model calls and downloads."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.config import load_settings
from drafter.errors import RetryableFetchError
from drafter.llm import ChatModels, as_messages
from drafter.llm.cache import LLMCache
from drafter.llm.call import Answer, CallRequest, WrapperModel
from drafter.llm.transport import HttpModel
from drafter.llm.wrappers import Retrying
from drafter.retry import RetryPolicy
from drafter.schemas import HeadlineDraft
from drafter.sources.http import Fetcher
from tests.helpers import ask_headline
from tests.loopback import Loopback, respond
from tests.scripted_llm import Reply, ScriptedLLM


def test_a_cache_given_at_construction_answers_the_next_models_without_asking(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    cache = LLMCache(tmp_path / "llm.sqlite")
    try:
        first = asyncio.run(ask_headline(ChatModels(load_settings({}), cache=cache)))
        again = asyncio.run(ask_headline(ChatModels(load_settings({}), cache=cache)))
    finally:
        cache.close()

    assert llm_env.count("HeadlineDraft") == 1
    assert (first.cached, again.cached) == (0, 1)
    assert again.parsed.fact == first.parsed.fact == replies["HeadlineDraft"]["fact"]


def test_a_wrapper_sees_every_http_attempt_of_a_typed_request(
    llm_env: ScriptedLLM, replies: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base answers a CallRequest with an Answer; a wrapper placed under the retry layer
    sees each HTTP try of one logical call (a 503, then the answer)."""
    llm_env.script["HeadlineDraft"] = [
        Reply(status=503, error="busy"),
        Reply(content=replies["HeadlineDraft"]),
    ]
    seen: list[str] = []

    class Counting(WrapperModel):
        async def request(self, call: CallRequest) -> Answer:
            seen.append(call.agent)
            return await self.inner.request(call)

    async def no_wait(seconds: float) -> None:
        return None

    monkeypatch.setattr("drafter.llm.wrappers.asyncio.sleep", no_wait)
    models = ChatModels(load_settings({"max_retries": 1, "structured_output": "json_schema"}))
    request = CallRequest("headline", "writer", as_messages("s", "u"), HeadlineDraft, 0.0, 400)
    answer = asyncio.run(Retrying(Counting(HttpModel(models)), models).request(request))

    assert seen == ["headline", "headline"]  # one logical call, two tries, both seen
    assert llm_env.count("HeadlineDraft") == 2
    assert answer.source == "model" and answer.method == "json_schema"
    assert answer.parsed.fact == replies["HeadlineDraft"]["fact"]


@pytest.fixture
def busy_site() -> Iterator[str]:
    """A site answering every GET 503."""
    with Loopback({}, fallback=lambda handler: respond(handler, 503)) as site:
        yield f"{site.url}/page"


def test_model_calls_and_downloads_back_off_by_one_policy(
    llm_env: ScriptedLLM,
    replies: dict[str, Any],
    busy_site: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Changing the policy's backoff changes both waits: there is one place that says it."""

    def backoff(self: RetryPolicy, attempt: int, *, jitter: bool | None = None) -> float:
        return 0.01 * attempt

    monkeypatch.setattr(RetryPolicy, "backoff", backoff)
    fetcher = Fetcher(allow_private_hosts=True)
    slept: list[float] = []
    fetcher.sleep = slept.append
    with pytest.raises(RetryableFetchError):
        fetcher.get(busy_site, retries=2)
    assert slept == [0.01, 0.02]

    busy = Reply(status=503, error="busy")
    llm_env.script["HeadlineDraft"] = [busy, busy, Reply(content=replies["HeadlineDraft"])]
    waits: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr("drafter.llm.wrappers.asyncio.sleep", sleep)
    models = ChatModels(load_settings({"max_retries": 2}))
    result = asyncio.run(ask_headline(models))
    assert result.parsed is not None and models.attempts == {"headline": 2}
    assert waits == [0.01, 0.02]
