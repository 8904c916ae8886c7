"""The in-process TestModel (tests/fake_model.py): it fills any schema within its constraints,
answers per agent when told to, and runs under the real wrappers of the model stack."""

from __future__ import annotations

import asyncio
import enum
import json
from pathlib import Path
from typing import Any, Literal

import httpx2
import openai
import pytest
from pydantic import BaseModel, Field

from drafter import sections
from drafter.config import load_settings
from drafter.errors import InvalidOutputError, LLMTransportError
from drafter.llm import CallJournal, CallResult, ChatModels, as_messages, structured_call
from drafter.llm.budget import BudgetExceededError
from drafter.llm.call import CallRequest
from drafter.models import LeadSection
from drafter.retry import RetryPolicy
from drafter.schemas import SCHEMAS, HeadlineDraft, LeadDraft
from tests.fake_model import SchemaFiller, Stages, TestModel, fake_models


class Tone(enum.Enum):
    CALM = "calm"
    SHARP = "sharp"


class Inner(BaseModel):
    score: int = Field(ge=3, le=5)
    ratio: float = Field(gt=0, lt=1)
    tone: Tone


class Everything(BaseModel):
    short: str = Field(min_length=12, max_length=14)
    count: int = Field(ge=-3, le=-1)
    flag: bool
    kind: Literal["a", "b"]
    tags: list[str] = Field(min_length=4, max_length=5)
    inner: Inner
    inners: list[Inner] = Field(min_length=2, max_length=2)
    maybe: Inner | None = None
    note: str | None = None
    table: dict[str, int]


def test_it_fills_every_sections_schema_and_artifact() -> None:
    """Whatever section is registered, the model can answer its agent and the filler can make
    its stored artifact."""
    specs = sections.load_specs()
    filler = SchemaFiller(seed=3)
    for name, section in sections.REGISTRY.items():
        output = SCHEMAS[specs[name].output]
        assert isinstance(output.model_validate(filler.fill(output)), output)
        assert isinstance(section.artifact.model_validate(filler.fill(section.artifact)), BaseModel)
    for schema in SCHEMAS.values():  # the judge's too
        schema.model_validate(filler.fill(schema))


@pytest.mark.parametrize("seed", range(25))
def test_the_filler_keeps_to_the_constraints(seed: int) -> None:
    data = SchemaFiller(seed).fill(Everything)
    filled = Everything.model_validate(data)  # bounds, lengths, enums, nesting: all valid
    assert filled.maybe is not None and filled.note is not None  # optional fields filled too
    assert len(set(filled.tags)) == len(filled.tags)  # strings are numbered: no two alike
    assert data == SchemaFiller(seed).fill(Everything)  # the same seed, the same answer


def test_seeds_give_different_answers() -> None:
    answers = {json.dumps(SchemaFiller(seed).fill(Everything)) for seed in range(5)}
    assert len(answers) == 5


def test_english_strings_for_english_runs() -> None:
    filled = HeadlineDraft.model_validate(SchemaFiller(lang="en").fill(HeadlineDraft))
    assert filled.fact.startswith("This is test sentence") and filled.fact.isascii()


def _ask(models: ChatModels, agent: str = "headline", check: Any = None) -> CallResult:
    return asyncio.run(
        structured_call(
            models,
            agent=agent,
            role="writer",
            messages=as_messages("system words", "user words"),
            schema=HeadlineDraft,
            check=check or (lambda answer: []),
            temperature=0.0,
            max_tokens=400,
            reask_fence=lambda text: f"<<{text}>>",
        )
    )


def test_overrides_by_agent_or_schema_in_turn_or_by_function() -> None:
    mine = {"fact": "ベロリアが延期", "framing": None, "tags": ["a", "b", "c"]}
    model = TestModel({"headline": HeadlineDraft.model_validate(mine)})
    assert _ask(fake_models(model)).parsed.fact == "ベロリアが延期"

    model = TestModel({"HeadlineDraft": mine})  # by schema name: replies.json as it is
    assert _ask(fake_models(model), agent="other").parsed.fact == "ベロリアが延期"

    turns = [{**mine, "fact": "一"}, {**mine, "fact": "二"}]
    model = TestModel({"headline": turns})
    models = fake_models(model)
    assert [_ask(models).parsed.fact for _ in range(3)] == ["一", "二", "二"]  # the last repeats

    def answer(call: CallRequest) -> Any:
        return None if call.agent == "filled" else {**mine, "fact": call.agent}

    model = TestModel({"HeadlineDraft": answer})
    models = fake_models(model)
    assert _ask(models, agent="named").parsed.fact == "named"
    assert _ask(models, agent="filled").parsed.fact.startswith("これは試験用の文")
    assert [s.agent for s in model.seen] == ["named", "filled"]
    assert model.seen[0].text("user") == "user words"
    assert model.seen[0].text("system") == "system words"


def test_a_broken_answer_is_re_asked_once_then_a_typed_error() -> None:
    """Raw text that is no JSON, then a good answer: the re-ask carries the reason."""
    good = {"fact": "事実", "tags": ["a", "b", "c"]}
    model = TestModel({"headline": ["{not json", good]})
    result = _ask(fake_models(model))
    assert result.attempts == 2 and result.parsed.fact == "事実"
    reask = model.seen[1].text("user")
    assert "does not match the schema" in reask and "<<{not json>>" in reask

    model = TestModel({"headline": {"fact": "x", "tags": ["too few"]}})
    with pytest.raises(InvalidOutputError) as caught:
        _ask(fake_models(model))
    assert "tags" in str(caught.value) and len(model.seen) == 2


def test_it_sits_under_the_real_wrappers(tmp_path: Path) -> None:
    """Budgeted charges its usage, Recorded journals and replays it, the method is the role's."""
    settings = load_settings({"max_retries": 0, "structured_output": "function_calling"})
    model = TestModel()
    models = fake_models(model, settings)
    models.record(CallJournal(tmp_path / "calls"))
    first = _ask(models)
    assert first.usage.total_tokens > 0 and models.budget.spent_tokens == first.usage.total_tokens
    assert first.method == "function_calling" and model.seen[0].method == "function_calling"
    assert list((tmp_path / "calls").glob("*.json"))

    again = fake_models(model, settings)  # a resume: the same journal answers, not the model
    again.record(CallJournal(tmp_path / "calls"))
    assert _ask(again).parsed == first.parsed and len(model.seen) == 1

    unasked = TestModel()
    with pytest.raises(BudgetExceededError):
        _ask(fake_models(unasked, load_settings({"max_run_tokens": 100})))
    assert unasked.seen == []  # stopped before asking


def test_retrying_sees_what_the_model_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    """A connection error from the model is retried by the one retry layer, then typed."""
    monkeypatch.setattr(RetryPolicy, "backoff", lambda self, attempt, jitter=None: 0.01)
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")

    def down(call: CallRequest) -> Any:
        raise openai.APIConnectionError(request=request)

    model = TestModel({"headline": down})
    models = fake_models(model, load_settings({"max_retries": 1, "retry_after_cap": 1}))
    with pytest.raises(LLMTransportError):
        _ask(models)
    assert len(model.seen) == 2 and models.attempts["headline"] == 1


def test_a_stage_runs_in_process_and_its_checks_reject_the_filler(
    replies: dict[str, Any],
) -> None:
    """The lead with the fixture's answer is grounded; with the filler's, its evidence resolves
    to nothing, and the stage re-asks once, then fails as it would with a real model."""
    stages = Stages(TestModel({"lead": replies["LeadDraft"]}))
    lead = asyncio.run(stages.run("lead"))
    assert isinstance(lead, LeadSection)
    evidence = [e for paragraph in lead.paragraphs for s in paragraph for e in s.evidence]
    assert evidence and all(e.text in stages.article.text for e in evidence)  # ids → quotes

    model = TestModel()
    with pytest.raises(InvalidOutputError) as caught:
        asyncio.run(Stages(model).run("lead"))
    assert "is neither a sentence id nor a verbatim quote" in str(caught.value)
    assert [s.schema for s in model.seen] == [LeadDraft.__name__] * 2
    assert "Your previous answer was rejected" in model.seen[1].text("user")


def test_the_filler_alone_passes_a_stage_that_checks_only_the_schema() -> None:
    """The headline reads only the lead's text: the filler's answer makes a title."""
    stages = Stages(TestModel(seed=7))
    stages.done["lead"] = LeadSection.model_validate(SchemaFiller(1).fill(LeadSection))
    headline = asyncio.run(stages.run("headline"))
    assert headline.title.startswith("これは試験用の文") and headline.category == "ニュース"
