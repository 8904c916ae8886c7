"""An in-process model for stage tests, after pydantic-ai's `TestModel`: it answers a
`CallRequest` with a valid instance of the requested schema, generated from its JSON schema,
with no HTTP.

It sits at the bottom of the real model stack (`ChatModels(base=...)`), under the same wrappers
(budget, journal and cache, retry, method fallback, rate limit), so a stage runs exactly as in a
run; only the HTTP attempt is replaced. The scripted loopback server (tests/scripted_llm.py)
stays for what needs the client stack: transport, streaming, faults, endpoints.

The filler only knows the schema. What a stage checks beyond it (evidence that resolves to
source sentences, comment ids that exist, the output language) is the test's to supply, per
agent, with `overrides`; where a stage rejects the filler's answer, that is its re-ask and its
typed error, as with a real model.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage
from pydantic import BaseModel, ValidationError

from drafter.config import Settings, load_settings
from drafter.llm import ChatModels
from drafter.llm.budget import estimate_tokens
from drafter.llm.call import Answer, CallRequest
from drafter.llm.ratelimit import Limiters
from drafter.models import Article, CommentThread
from drafter.stages import RunContext, StepInputs
from tests.helpers import FIXTURES

FAKE_KEY = "sk-test-not-a-real-key"  # the key tests/conftest.py scans every artifact for

Reply = BaseModel | Mapping[str, Any] | str
"""An answer: the object, its JSON object, or the raw text (which may be no JSON at all)."""
Override = Reply | list[Reply] | Callable[[CallRequest], Reply | None]
"""Per agent (or schema name): one answer, answers in turn (the last repeats), or a function
of the request (None: let the filler answer)."""

_TEXT = {
    "ja": "これは試験用の文{n}です。",
    "en": "This is test sentence {n}.",
}


class SchemaFiller:
    """A value for a JSON schema (pydantic's, with `$defs`), inside its constraints: lengths of
    strings and arrays, bounds of numbers, enums and consts, nested objects, nullable fields
    (filled, never null). Deterministic for a seed; strings are numbered sentences in `lang`,
    so no two are alike."""

    def __init__(self, seed: int = 0, lang: str = "ja") -> None:
        self.random = random.Random(seed)
        self.template = _TEXT.get(lang, _TEXT["en"])
        self.count = 0

    def fill(self, schema: type[BaseModel]) -> dict[str, Any]:
        root = schema.model_json_schema()
        value = self.value(root, root.get("$defs", {}))
        assert isinstance(value, dict)
        return value

    def value(self, node: Mapping[str, Any], defs: Mapping[str, Any]) -> Any:
        if "$ref" in node:
            return self.value(defs[str(node["$ref"]).rsplit("/", 1)[-1]], defs)
        if "const" in node:
            return node["const"]
        if "enum" in node:
            return self.random.choice(list(node["enum"]))
        variants = node.get("anyOf") or node.get("oneOf") or node.get("allOf")
        if variants:
            real = [v for v in variants if v.get("type") != "null"] or list(variants)
            return self.value(self.random.choice(real), defs)
        kind = node.get("type", "string")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        return getattr(self, f"_{kind}", self._string)(node, defs)

    def _object(self, node: Mapping[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
        properties: Mapping[str, Any] = node.get("properties", {})
        filled = {name: self.value(sub, defs) for name, sub in properties.items()}
        extra = node.get("additionalProperties")
        if not properties and isinstance(extra, dict):
            filled["key"] = self.value(extra, defs)
        return filled

    def _array(self, node: Mapping[str, Any], defs: Mapping[str, Any]) -> list[Any]:
        low = int(node.get("minItems", 0))
        high = int(node.get("maxItems", low + 2))
        size = self.random.randint(min(max(low, 1), high), min(high, max(low, 1) + 2))
        items: Mapping[str, Any] = node.get("items", {})
        return [self.value(items, defs) for _ in range(size)]

    def _string(self, node: Mapping[str, Any], defs: Mapping[str, Any]) -> str:
        self.count += 1
        if node.get("format") == "date":
            return f"2026-03-{self.count % 28 + 1:02d}"
        if node.get("format") == "date-time":
            return f"2026-03-{self.count % 28 + 1:02d}T12:00:00Z"
        if node.get("format") in ("uri", "url"):
            return f"https://example.com/{self.count}"
        text = self.template.format(n=self.count)
        low, high = int(node.get("minLength", 0)), node.get("maxLength")
        text = text + "あ" * max(0, low - len(text))
        return text if high is None else text[: int(high)]

    def _integer(self, node: Mapping[str, Any], defs: Mapping[str, Any]) -> int:
        low, high = _bounds(node, step=1)
        return self.random.randint(int(low), int(high))

    def _number(self, node: Mapping[str, Any], defs: Mapping[str, Any]) -> float:
        low, high = _bounds(node, step=0.01)
        return min(max(round(self.random.uniform(low, high), 2), low), high)

    def _boolean(self, node: Mapping[str, Any], defs: Mapping[str, Any]) -> bool:
        return self.random.random() < 0.5

    def _null(self, node: Mapping[str, Any], defs: Mapping[str, Any]) -> None:
        return None


def _bounds(node: Mapping[str, Any], step: float) -> tuple[float, float]:
    low = node.get("minimum", node.get("exclusiveMinimum", -step) + step)
    high = node.get("maximum", node.get("exclusiveMaximum", low + 100 + step) - step)
    return low, max(low, high)


@dataclass(frozen=True)
class Seen:
    """One request the model answered: which agent asked, for which schema, with what."""

    agent: str
    schema: str
    messages: list[BaseMessage]
    method: str | None

    def text(self, kind: str) -> str:
        """The system or user ("human") messages' text."""
        wanted = "human" if kind == "user" else kind
        return "\n".join(str(m.content) for m in self.messages if m.type == wanted)


class TestModel:
    """A `drafter.llm.call.Model` that answers in-process: an override for the agent (or its
    schema's name, so tests/fixtures/replies.json can serve as overrides), else a filled
    instance of the schema. Records every request in `seen`."""

    __test__ = False  # a helper, not a pytest class

    def __init__(
        self,
        overrides: Mapping[str, Override] | None = None,
        *,
        seed: int = 0,
        lang: str = "ja",
        model: str = "test-model",
    ) -> None:
        self.overrides = dict(overrides or {})
        self.filler = SchemaFiller(seed, lang)
        self.model = model
        self.seen: list[Seen] = []
        self._turns: dict[str, int] = {}

    async def request(self, call: CallRequest) -> Answer:
        self.seen.append(Seen(call.agent, call.schema.__name__, call.messages, call.method))
        reply = self._override(call)
        if reply is None:
            reply = self.filler.fill(call.schema)
        return self._answer(call, reply)

    def calls(self, agent: str) -> list[Seen]:
        return [s for s in self.seen if s.agent == agent]

    def _override(self, call: CallRequest) -> Reply | None:
        key = call.agent if call.agent in self.overrides else call.schema.__name__
        if key not in self.overrides:
            return None
        override = self.overrides[key]
        if callable(override):
            return override(call)
        if isinstance(override, list):
            turn = self._turns.get(key, 0)
            self._turns[key] = turn + 1
            return override[min(turn, len(override) - 1)]
        return override

    def _answer(self, call: CallRequest, reply: Reply) -> Answer:
        if isinstance(reply, BaseModel):
            reply = reply.model_dump(mode="json")
        text = reply if isinstance(reply, str) else json.dumps(reply, ensure_ascii=False)
        parsed, problems = _parse(text, call.schema)
        asked = estimate_tokens(str(m.content) for m in call.messages)
        answered = estimate_tokens([text])
        raw = AIMessage(
            content=text,
            usage_metadata={
                "input_tokens": asked,
                "output_tokens": answered,
                "total_tokens": asked + answered,
            },
            response_metadata={"finish_reason": "stop", "model_name": self.model},
        )
        method = call.method if call.method not in (None, "auto") else "json_schema"
        return Answer(raw, parsed, problems, str(method))


def _parse(text: str, schema: type[BaseModel]) -> tuple[BaseModel | None, list[str]]:
    """As the transport reads an answer: parsed, or why it does not match the schema."""
    try:
        return schema.model_validate_json(text), []
    except ValidationError as exc:
        summary = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}"
            for e in exc.errors(include_url=False)[:8]
        )
        return None, [f"the answer does not match the schema: {summary}"]


def fake_models(model: TestModel, settings: Settings | None = None) -> ChatModels:
    """ChatModels with `model` at the bottom of the stack, own rate limiters, no journal."""
    settings = settings or load_settings({"max_retries": 0})
    return ChatModels(settings, env={"OPENAI_API_KEY": FAKE_KEY}, limiters=Limiters(), base=model)


# ---- running one stage in-process ---------------------------------------------------------


def fixture_article(path: Path = FIXTURES / "article.html") -> Article:
    from drafter.sources.article import read_article_file

    return read_article_file(path)


def fixture_thread(path: Path = FIXTURES / "comments.json") -> CommentThread:
    from drafter.sources.comments import load_comments

    return load_comments(str(path))


def run_context(
    article: Article, thread: CommentThread | None, settings: Settings, lang: str = "ja"
) -> RunContext:
    """The run-wide facts as drafter.pipeline.finish.execute builds them; the book catalogs
    are the loopback ones tests/conftest.py configures."""
    from drafter.books.service import BookService
    from drafter.guard import run_urls
    from drafter.pipeline.finish import SIGN_OFF, article_date
    from drafter.render import CATEGORY
    from drafter.sources.http import Fetcher

    fetcher = Fetcher.from_settings(settings)
    fetcher.allow_private_hosts = True
    return RunContext(
        lang=lang,
        article_date=article_date(article),
        source_name=article.site_name or "",
        sign_off=SIGN_OFF[lang],
        books=BookService(settings, fetcher) if settings.books_wanted else None,
        fetched_urls=run_urls(article, thread),
        books_wanted=settings.books_wanted,
        category=settings.category or CATEGORY[lang],
    )


@dataclass
class Stages:
    """Runs sections' stages in-process on one article and thread, as the pipeline would
    (the agent's spec, prompts, a fresh nonce), each reading the artifacts of those run before."""

    model: TestModel
    article: Article = field(default_factory=fixture_article)
    thread: CommentThread = field(default_factory=fixture_thread)
    lang: str = "ja"
    settings: Settings | None = None
    done: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        settings = self.settings or load_settings({"max_retries": 0})
        self.models = fake_models(self.model, settings)
        self.context = run_context(self.article, self.thread, settings, self.lang)

    async def run(self, name: str) -> Any:
        from drafter import sections
        from drafter.agents import Agent, Prompts, load_spec, new_nonce

        spec = load_spec(name)
        missing = [u for u in spec.upstream() if u not in self.done]
        assert not missing, f"run {', '.join(missing)} before {name}"
        agent = Agent(
            spec, Prompts(), self.models, new_nonce(), self.lang, self.context.fetched_urls
        )
        known = {"article": self.article, "comments": self.thread, **self.done}
        available = {k: v for k, v in known.items() if k in spec.reads}
        self.done[name] = await sections.get(name).stage(
            agent, StepInputs(name, self.context, available)
        )
        return self.done[name]

    async def upto(self, name: str) -> Any:
        """Run `name` after the stages it reads that have not run yet, as the pipeline's DAG
        orders them; its artifact."""
        from drafter.agents import load_spec

        for upstream in load_spec(name).upstream():
            if upstream not in self.done:
                await self.upto(upstream)
        return await self.run(name)
