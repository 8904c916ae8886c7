"""Lean prompts: each agent is sent only what it needs, checked on the requests the scripted
server actually received (not on the templates)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.lang.text import normalize
from drafter.models import Article
from drafter.stages.grounding import SourceIndex
from tests.catalog_server import CatalogServer
from tests.helpers import FIXTURES, draft, run_cli
from tests.prereqs import missing_data
from tests.prompt_sizes import (
    fenced_blocks,
    full_length_script,
    long_inputs,
    message_text,
    offered_input_text,
    older_editions,
    outside_fences,
    sizes_by_agent,
)
from tests.scripted_llm import Reply, ScriptedLLM, load_script, schema_name

AGENT_SCHEMAS = {
    "lead": "LeadDraft",
    "background": "BackgroundDraft",
    "reactions": "ReactionsDraft",
    "analysis": "AnalysisDraft",
    "conclusion": "ConclusionDraft",
    "books": "BooksDraft",
    "headline": "HeadlineDraft",
}


def _sent(requests: list[dict[str, Any]]) -> dict[str, str]:
    """Agent → everything its requests carried (system and user), normalised."""
    sent: dict[str, list[str]] = defaultdict(list)
    names = {schema: agent for agent, schema in AGENT_SCHEMAS.items()}
    for request in requests:
        sent[names[schema_name(request)]] += [str(m["content"]) for m in request["messages"]]
    return {agent: normalize("\n".join(texts)) for agent, texts in sent.items()}


def _step(run_dir: Path, agent: str) -> Any:
    return json.loads((run_dir / "steps" / f"{agent}.json").read_text(encoding="utf-8"))["output"]


def _claims(section: Any) -> list[list[str]]:
    """Each paragraph's claim texts, of a background or analysis step output."""
    return [
        [claim["text"] for claim in paragraph]
        for sub in section["subsections"]
        for paragraph in sub["paragraphs"]
    ]


def test_each_agent_is_sent_only_what_it_needs(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    result = draft(tmp_path, "--no-check")
    assert result.exit_code == 0, result.output
    run_dir = Path(result.stdout.strip().splitlines()[-1]).parent
    sent = _sent(llm_env.requests)
    article = Article.model_validate_json((run_dir / "inputs/article.json").read_text("utf-8"))
    sentences = {s.id: normalize(s.text) for s in SourceIndex(article).sentences}
    comments = [
        normalize(c["body"])[:40]
        for c in json.loads((FIXTURES / "comments.json").read_text("utf-8"))["comments"]
    ]
    offered = [normalize(body)[:40] for body in offered_input_text(run_dir)[1]]
    lead, background = _step(run_dir, "lead"), _step(run_dir, "background")
    analysis = _step(run_dir, "analysis")

    # The lead and the background cite source ids: they get every numbered sentence.
    for agent in ("lead", "background"):
        assert all(f"[{sid}] {text}" in sent[agent] for sid, text in sentences.items()), agent
    # Reactions, conclusion, books and headline cite none: not one sentence of the article
    # (the headline agent gets the source's own headline, which a page may repeat as its S1).
    title = normalize(article.title)
    for agent in ("reactions", "conclusion", "books", "headline"):
        assert not [t for t in sentences.values() if t in sent[agent] and t != title], agent
    assert title in sent["headline"]
    # Analysis gets only the sentences the lead and the background cite, the ones it may cite.
    cited = {e["sentence_id"] for p in lead["paragraphs"] for s in p for e in s["evidence"]}
    cited |= {
        e["sentence_id"]
        for sub in background["subsections"]
        for p in sub["paragraphs"]
        for c in p
        for e in c["evidence"]
    }
    assert set(re.findall(r"\[(S\d+)\]", sent["analysis"])) == cited
    assert len(cited) < len(sentences)

    # The comments go to the reactions agent and nowhere else; reactions get the story in short.
    assert offered and all(c in sent["reactions"] for c in offered)
    for agent in ("lead", "background", "analysis", "conclusion", "books", "headline"):
        assert not [c for c in comments if c in sent[agent]], agent
    first, *rest = [" ".join(s["text"] for s in p) for p in lead["paragraphs"]]
    assert normalize(first) in sent["reactions"] and normalize(first) in sent["books"]
    assert not [
        p for p in rest if normalize(p) in sent["reactions"] or normalize(p) in sent["books"]
    ]

    # Analysis gets every claim of the background, the conclusion every claim of both, as what
    # not to repeat; neither gets the source sentences behind them (see above) nor the
    # background's or analysis's evidence quotes.
    for agent, sections in (("analysis", [background]), ("conclusion", [background, analysis])):
        for section in sections:
            claims = [c for p in _claims(section) for c in p]
            assert claims and all(normalize(c) in sent[agent] for c in claims), agent
            assert all(normalize(s["heading"]) in sent[agent] for s in section["subsections"])
    assert not [a for a in _claims(analysis) for c in a if normalize(c) in sent["analysis"]]

    # Untrusted text only inside fences: article sentences, comments, the outlet's name.
    untrusted = [*sentences.values(), *comments, normalize(article.site_name or "")]
    for request in llm_env.requests:
        outside = normalize(
            message_text(request, "system") + outside_fences(message_text(request, "user"))
        )
        assert not [u for u in untrusted if u and u in outside], schema_name(request)


@pytest.fixture
def long_llm(
    replies: dict[str, Any], monkeypatch: pytest.MonkeyPatch, catalogs: CatalogServer
) -> Iterator[ScriptedLLM]:
    server = ScriptedLLM(full_length_script(replies)).start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    monkeypatch.setenv("DRAFTER_MAX_RETRIES", "0")
    older_editions(catalogs)
    yield server
    server.stop()


def test_a_full_length_input_costs_at_most_three_point_four_times_its_size(
    long_llm: ScriptedLLM, tmp_path: Path
) -> None:
    inputs = long_inputs(tmp_path / "in")
    if inputs is None:
        pytest.skip(missing_data("extraction") + " (and reddit/threads)")
    page, thread = inputs
    result = run_cli(
        str(page), "--comments", str(thread), "--out", str(tmp_path / "d"), "--no-check"
    )
    assert result.exit_code == 0, result.output
    run_dir = Path(result.stdout.strip().splitlines()[-1]).parent
    text, offered, in_thread = offered_input_text(run_dir)
    assert len(text) > 8000 and len(offered) == 40 and in_thread > 30000

    sizes = sizes_by_agent(long_llm.requests)
    total = sum(s.total for s in sizes.values())
    size = len(text) + sum(map(len, offered))
    print(f"\nfull-length input: {size} characters, sent {total} ({total / size:.2f}x)")
    # 3.25x, up from 3x: the analysis is sent every claim of the background and the conclusion
    # every claim of both as "already said, do not repeat" (+2.2k characters here, 0.17x), and
    # the prompts carry the section roles and the name, date and hedge rules (+1.7k, 0.13x).
    # 3.35x: the lead is shown the names the source gives, for the run's one glossary (+0.04x),
    # and the rules on wire copy, datelines and names outside the glossary (+0.02x).
    # 3.40x: a reply whose parent is not offered gets that comment's first 120 characters as
    # context (+1.1k characters here, 0.08x: this real thread offers many such replies).
    assert total <= 3.40 * size
    # The article goes, whole, to the two agents that cite it, and nowhere else.
    article = Article.model_validate_json((run_dir / "inputs/article.json").read_text("utf-8"))
    numbered = len(SourceIndex(article).numbered())
    source: dict[str, int] = defaultdict(int)
    for request in long_llm.requests:
        for kind, content in fenced_blocks(message_text(request, "user")):
            source[schema_name(request)] += len(content) if kind == "source" else 0
    assert source["LeadDraft"] == source["BackgroundDraft"] == numbered
    assert source["AnalysisDraft"] < numbered / 4
    assert sum(source.values()) == 2 * numbered + source["AnalysisDraft"]


def test_the_glossary_sent_is_the_entries_the_material_names() -> None:
    from drafter.models import GlossaryEntry
    from drafter.stages.grounding import glossary_for, glossary_lines

    glossary = [
        GlossaryEntry(source="Elena Marsh", target="エレナ・マーシュ"),
        GlossaryEntry(source="Veloria", target="ベロリア"),
        GlossaryEntry(source="Harbor Wire", target="ハーバー・ワイヤー"),
    ]
    # A family name alone (rendered), a source name in any case (an English comment).
    named = glossary_for(glossary, "マーシュ氏は述べた。", "the veloria government again")
    assert [e.source for e in named] == ["Elena Marsh", "Veloria"]
    assert glossary_lines(glossary, "nothing named here") == "(none)"
    assert glossary_lines(glossary).count("\n") == 2  # no material: the whole glossary
    # a three-letter family name, as a commenter writes it ("Kuo" for Ming-Chi Kuo); "The" of
    # a name is no such word
    analysts = [
        GlossaryEntry(source="Ming-Chi Kuo", target="郭明錤"),
        GlossaryEntry(source="The Information", target="ジ・インフォメーション"),
    ]
    assert [e.source for e in glossary_for(analysts, "Kuo was right again, the way")] == [
        "Ming-Chi Kuo"
    ]
    # a reader writing in Cyrillic names the article's people in it (round DD: the Russian
    # comments named six players the reactions prompt's glossary left out)
    players = [
        GlossaryEntry(source="Mathias Gidsel", target="マティアス・ギデル"),
        GlossaryEntry(source="Nicolej Krickau", target="ニコライ・クリッカウ"),
        GlossaryEntry(source="Lasse Andersson", target="ラッセ・アンダーソン"),
        GlossaryEntry(source="Eisenach", target="アイゼナハ"),
    ]
    comment = "Гидсел опять лучший. Крикау молодец, а Андерссона жалко."
    assert [e.source for e in glossary_for(players, comment)] == [
        "Mathias Gidsel",
        "Nicolej Krickau",
        "Lasse Andersson",
    ]


def test_the_schema_is_in_the_prompt_only_when_the_method_does_not_send_it(
    replies: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """json_mode sends no schema, so the system message carries it; the other methods send it
    beside the messages (see test_each_agent_is_sent_only_what_it_needs' runs), so no prompt
    repeats it."""

    def by_schema_in_prompt(body: dict[str, Any], _: int) -> Reply:
        system = message_text(body, "system")
        name = next(n for n in AGENT_SCHEMAS.values() if f'"title":"{n}"' in system)
        return Reply(content=replies[name])

    server = ScriptedLLM({"(none)": by_schema_in_prompt}).start()
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
        monkeypatch.setenv("DRAFTER_MAX_RETRIES", "0")
        result = draft(tmp_path, "--no-check", "--structured-output", "json_mode")
    finally:
        server.stop()
    assert result.exit_code == 0, result.output
    assert {r["response_format"]["type"] for r in server.requests} == {"json_object"}
    assert len(server.requests) >= len(AGENT_SCHEMAS)
    assert all("JSON schema" in message_text(r, "system") for r in server.requests)

    default = ScriptedLLM(load_script(str(FIXTURES / "replies.json"))).start()
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", default.base_url)
        assert draft(tmp_path / "default", "--no-check", "--no-cache").exit_code == 0
    finally:
        default.stop()
    assert {r["response_format"]["type"] for r in default.requests} == {"json_schema"}
    assert not [r for r in default.requests if '"properties"' in message_text(r, "system")]
