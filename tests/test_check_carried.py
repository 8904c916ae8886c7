"""The check of a finished run reads the draft the run stored (article.json), each sentence
with the evidence the run recorded for it, and parses Markdown only for an editor's draft."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.check import draft_md
from drafter.check import inputs as check_inputs
from drafter.check.carried import carried_draft
from drafter.check.core import check
from drafter.check.report import JudgeInfo
from drafter.cli import app
from drafter.models import Article, Claim, Evidence
from drafter.render import Draft, render_markdown
from tests.helpers import draft
from tests.scripted_llm import ScriptedLLM

TIMING = ("model_load_seconds", "check_seconds", "judge_seconds")


def _finished_run(tmp_path: Path) -> Path:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip().splitlines()[-1]).parent


def _report(run_dir: Path) -> dict[str, Any]:
    report = check(check_inputs.from_run(run_dir), JudgeInfo(status="off", detail="test"))
    data: dict[str, Any] = json.loads(report.model_dump_json())
    for key in TIMING:
        data.pop(key)
    return data


def _no_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(markdown: str) -> Any:
        raise AssertionError("the check parsed Markdown")

    monkeypatch.setattr(check_inputs, "parse_draft", refuse)
    monkeypatch.setattr(draft_md, "parse_draft", refuse)


def test_a_finished_runs_check_parses_no_markdown_and_finds_what_the_parse_found(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_dir = _finished_run(tmp_path)
    by_the_run = json.loads((run_dir / "check.json").read_text(encoding="utf-8"))
    parsed = _report_parsed(run_dir, monkeypatch)

    _no_markdown(monkeypatch)
    result = CliRunner().invoke(app, ["check", str(run_dir), "--no-judge"])
    assert result.exit_code == 0, result.output
    checked = json.loads((run_dir / "check.json").read_text(encoding="utf-8"))
    assert checked["claims"] and checked["claims"] == by_the_run["claims"]
    # the same report as the one read back from the Markdown, with the text join
    assert _report(run_dir) == parsed
    lead = [c for c in checked["claims"] if c["section"] == "lead"]
    assert lead and all(c["decided_by"].startswith("evidence") for c in lead)


def _report_parsed(run_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The report as the check made it from the parsed Markdown (article.md as if edited)."""
    with monkeypatch.context() as patch:
        patch.setattr(check_inputs, "carried_draft", lambda recorded, text: None)
        return _report(run_dir)


def test_the_stored_draft_reads_as_its_markdown_reads_plus_what_the_run_knows(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    run_dir = _finished_run(tmp_path)
    stored = Draft.model_validate_json((run_dir / "article.json").read_text(encoding="utf-8"))
    markdown = (run_dir / "article.md").read_text(encoding="utf-8")
    carried = carried_draft(stored, markdown)
    assert carried is not None
    parsed = draft_md.parse_draft(markdown)
    lead = [s for s in carried.sentences if s.section == "lead"]
    recorded = [tuple(e.sentence_id for e in s.evidence) for p in stored.lead.paragraphs for s in p]
    assert [s.evidence for s in lead] == recorded
    claims = [c for p in stored.analysis.subsections[0].paragraphs for c in p]
    analysis = [s for s in carried.sentences if s.section == "analysis"][: len(claims)]
    assert [s.kind for s in analysis] == [c.kind for c in claims]
    reactions = stored.reactions.reactions
    assert [(r.comment_id, r.score) for r in carried.reactions] == [
        (r.comment_id, r.score) for r in reactions
    ]
    # everything else as the parser reads the same text
    plain, expected = dataclasses.asdict(carried), dataclasses.asdict(parsed)
    for sentence in [*plain["sentences"], *expected["sentences"]]:
        del sentence["evidence"], sentence["kind"]
    assert plain.pop("category") == stored.headline.category
    expected.pop("category")
    assert plain == expected
    # an edit by an editor (or any other text) is not the stored draft
    assert carried_draft(stored, markdown.replace("。", "。 ", 1)) is None


def test_an_edited_article_md_is_parsed_and_a_planted_number_is_caught(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_dir = _finished_run(tmp_path)
    path = run_dir / "article.md"
    markdown = path.read_text(encoding="utf-8")
    assert "月間輸出の最大40%" in markdown
    edit = markdown.replace("月間輸出の最大40%", "月間輸出の最大70%", 1)  # in the lead
    path.write_text(edit, encoding="utf-8")
    parsed: list[str] = []
    parse = draft_md.parse_draft
    monkeypatch.setattr(
        check_inputs, "parse_draft", lambda text: parsed.append(text) or parse(text)
    )

    result = CliRunner().invoke(app, ["check", str(run_dir), "--no-judge"])
    assert result.exit_code == 1, result.output
    assert len(parsed) == 1 and "最大70%" in parsed[0]
    report = json.loads((run_dir / "check.json").read_text(encoding="utf-8"))
    (edited,) = [c for c in report["claims"] if "最大70%" in c["sentence"]]
    assert edited["section"] == "lead"
    assert edited["fails"] and edited["verdict"] == "contradicted"
    # the edited sentence keeps the evidence the run recorded for it (joined by its text)
    assert [e["id"] for e in edited["evidence"]] == ["S4"]
    assert edited["decided_by"] == "numbers"


def test_carried_evidence_holds_where_the_text_would_join_to_another_sentence(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    """An analysis claim word for word the same as a lead sentence, recorded with other
    evidence: joined by text, one of them took the other's record; carried, each keeps its own."""
    run_dir = _finished_run(tmp_path)
    stored = Draft.model_validate_json((run_dir / "article.json").read_text(encoding="utf-8"))
    sentence = stored.lead.paragraphs[1][1]  # 買い手側は、月間輸出の最大40%が…
    assert [e.sentence_id for e in sentence.evidence] == ["S4"]
    source = {s.id: s.text for s in stored.article.sentences()}
    other = Evidence(sentence_id="S3", text=source["S3"])
    stored.analysis.subsections[0].paragraphs.append(
        [Claim(text=sentence.text, kind="source", evidence=[other])]
    )
    (run_dir / "article.json").write_text(stored.model_dump_json(indent=2), encoding="utf-8")
    (run_dir / "article.md").write_text(render_markdown(stored), encoding="utf-8")

    claims = _report(run_dir)["claims"]
    same = [c for c in claims if c["sentence"] == sentence.text]
    assert [(c["section"], [e["id"] for e in c["evidence"]][:1]) for c in same] == [
        ("lead", ["S4"]),
        ("analysis", ["S3"]),  # its own record first (the check may add where 40% is)
    ]
    (lead,) = [c for c in same if c["section"] == "lead"]
    assert lead["verdict"] == "supported" and not lead["fails"]


def test_a_sentence_cut_from_a_stored_one_carries_its_evidence_only_where_it_is_most_of_it(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    """A stored lead sentence the split cuts in two (two sentences in one): the part that is
    most of it carries its record, the short remainder none (it is aligned)."""
    run_dir = _finished_run(tmp_path)
    stored = Draft.model_validate_json((run_dir / "article.json").read_text(encoding="utf-8"))
    first = stored.lead.paragraphs[0][0]
    first.text += "以上。"
    carried = carried_draft(stored, render_markdown(stored))
    assert carried is not None
    whole, cut = carried.section("lead")[:2]
    assert cut.text == "以上。" and cut.evidence == ()
    assert whole.evidence == tuple(e.sentence_id for e in first.evidence) != ()


def test_a_run_numbered_by_an_earlier_split_is_checked_by_its_sentences_text(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    """A run recorded by a version that split the source otherwise (it missed the end of its
    first sentence, so every later id is one lower) is checked against the sentences its
    evidence quotes, not the numbers: the same verdicts as the run checked as recorded."""
    run_dir = _finished_run(tmp_path)
    before = _report(run_dir)
    article = Article.model_validate_json((run_dir / "inputs/article.json").read_text("utf-8"))
    first, second = article.sentences()[:2]

    def older(evidence: list[dict[str, str]]) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        for e in evidence:
            number = int(e["sentence_id"][1:])
            if number <= 2:
                e = {"sentence_id": "S1", "text": f"{first.text} {second.text}"}
            else:
                e = {"sentence_id": f"S{number - 1}", "text": e["text"]}
            if e not in out:
                out.append(e)
        return out

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "evidence":
                    node[key] = older(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    stored = json.loads((run_dir / "article.json").read_text("utf-8"))
    walk(stored)
    shifted = [
        e["sentence_id"] for p in stored["lead"]["paragraphs"] for s in p for e in s["evidence"]
    ]
    assert shifted and any(i != "S1" for i in shifted)
    (run_dir / "article.json").write_text(json.dumps(stored, ensure_ascii=False), "utf-8")
    after = _report(run_dir)

    def verdicts(report: dict[str, Any]) -> list[tuple[str, str, bool]]:
        return [(c["sentence"], c["verdict"], c["fails"]) for c in report["claims"]]

    assert verdicts(after) == verdicts(before)
