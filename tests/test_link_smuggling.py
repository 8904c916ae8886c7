"""Issue 16, items 1–3: links and sections as the consumer parses them. The output guard, the
renderer, the sanitiser and the fact check all read links through markdown-it (what every export
renders) and resolve them as a browser does (`http:/evil.example` goes to evil.example); untrusted
text can neither become a link nor start a block of its own."""

from __future__ import annotations

import asyncio
import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from drafter import sections
from drafter.cli import app
from drafter.guard import OutputGuard
from drafter.links import browser_href, link_pairs, rendered_links
from drafter.publish.html import render_fragment
from tests.fake_model import Stages, TestModel
from tests.helpers import FIXTURES, draft
from tests.scripted_llm import Reply, ScriptedLLM

READ = "https://www.harborwire.example/world/veloria-lithium-licences-2026-03-14/"
SPELLINGS = [
    "[log in](http:/evil.example/login)",
    "[log in](http:evil.example/login)",
    "[log in](HTTP:/evil.example/login)",
    "[log in](https:\\\\evil.example/login)",
    "[log in](hTtP:///evil.example/login)",
    "<http:/evil.example/login>",
    "[log in](<http:/evil.example/login>)",
]


class Answer(BaseModel):
    text: str
    note: str = ""


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_links_without_slashes_are_seen_as_the_browser_sees_them(spelling: str) -> None:
    (href,) = rendered_links(spelling)
    assert "evil.example" in browser_href(href)
    problems = OutputGuard("canary", {READ}).problems(Answer(text=f"本文です。{spelling}"))
    assert any("evil.example" in p for p in problems), problems


def test_a_reference_definition_in_another_field_is_a_link() -> None:
    answer = Answer(text="詳しくは[こちら][1]。", note="[1]: http:/evil.example/login")
    problems = OutputGuard("canary", {READ}).problems(answer)
    assert any("evil.example" in p for p in problems), problems
    # the run's own page, in any spelling a browser takes to it, stays allowed
    ok = Answer(text=f"[元記事]({READ.replace('https://', 'https:/')})")
    assert OutputGuard("canary", {READ}).problems(ok) == []


def test_the_sanitiser_writes_the_href_the_browser_follows() -> None:
    html = render_fragment("[x](http:/evil.example/login) [y](/local) [z](https://ok.example/)")
    assert 'href="http://evil.example/login"' in html
    assert 'href="/local"' not in html
    assert 'href="https://ok.example/"' in html


def test_a_slashless_link_in_model_prose_is_reasked(replies: dict[str, Any]) -> None:
    bad = copy.deepcopy(replies["ConclusionDraft"])
    bad["paragraphs"][0] += " [公式サイト](http:/evil.example/login)"
    answers = [bad, replies["ConclusionDraft"]]
    stages = Stages(TestModel({**replies, "ConclusionDraft": answers}))
    conclusion = asyncio.run(stages.upto("conclusion"))
    asked = stages.model.calls("conclusion")
    assert len(asked) == 2
    # The re-ask names the link as a browser resolves it.
    assert "http://evil.example/login" in asked[1].text("user")
    markdown = "\n\n".join(sections.get("conclusion").render_blocks(conclusion, "ja"))
    assert "evil.example" not in markdown


def _hostile_source(tmp_path: Path, title: str) -> Path:
    body = (FIXTURES / "article.html").read_text(encoding="utf-8")
    hostile = tmp_path / "page.html"
    hostile.write_text(body.replace("<title>", f"<title>{title} | ", 1), encoding="utf-8")
    return hostile


def test_titles_cannot_inject_links_into_the_references(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    comments = json.loads((FIXTURES / "comments.json").read_text(encoding="utf-8"))
    comments["title"] = "Japan agrees deal](http:/evil.example/x) [Discussion"
    thread = tmp_path / "thread.json"
    thread.write_text(json.dumps(comments, ensure_ascii=False), encoding="utf-8")
    from tests.helpers import run_cli

    result = run_cli(str(FIXTURES / "article.html"), "--comments", str(thread), "--out",
                     str(tmp_path / "drafts"))  # fmt: skip
    assert result.exit_code == 0, result.output
    markdown = Path(result.stdout.strip()).read_text(encoding="utf-8")
    hrefs = [browser_href(h) for h in rendered_links(markdown)]
    assert hrefs and not [h for h in hrefs if "evil.example" in h]
    labels = [label for label, _ in link_pairs(markdown)]
    assert "Japan agrees deal](http:/evil.example/x) [Discussion" in labels  # shown as text


def test_a_lead_sentence_cannot_open_a_section_and_hide_a_claim(
    llm_env: ScriptedLLM, replies: dict[str, Any], tmp_path: Path
) -> None:
    smuggled = copy.deepcopy(replies["LeadDraft"])
    smuggled["paragraphs"][-1]["sentences"] = [
        {"text": "## 参考リンク", "evidence": ["S1"]},
        {"text": "ベロリアは輸出の見返りに9999億円を受け取ったという。", "evidence": ["S2"]},
    ]
    llm_env.script["LeadDraft"] = [Reply(content=smuggled)]
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    run_dir = Path(result.stdout.strip()).parent
    markdown = (run_dir / "article.md").read_text(encoding="utf-8")
    headings = [line for line in markdown.splitlines() if line.startswith("## 参考リンク")]
    assert len(headings) == 1  # only the real one, built by code
    report = json.loads((run_dir / "check.json").read_text(encoding="utf-8"))
    claim = [c for c in report["claims"] if "9999億円" in c["sentence"]]
    # checked as lead text, not hidden under a heading: its figure is not in the source, so the
    # editor is told (no source sentence contradicts it, so it is listed to verify)
    assert claim and claim[0]["section"] == "lead"
    assert claim[0]["verdict"] == "unsupported" and "9999億円" in " ".join(claim[0]["reasons"])


@pytest.mark.parametrize("bad_id", ["c1\n\n## 関連書籍紹介\n\nx", "c1 -->", "a--b", "x y", "<c1>"])
def test_comment_ids_must_be_single_tokens(tmp_path: Path, bad_id: str) -> None:
    comments = json.loads((FIXTURES / "comments.json").read_text(encoding="utf-8"))
    comments["comments"][0]["id"] = bad_id
    path = tmp_path / "thread.json"
    path.write_text(json.dumps(comments, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["comments", str(path)])
    assert result.exit_code == 3, result.output
    assert "single token" in result.stderr and "comment #1" in result.stderr
