"""Drafts written through drafter's real prompts by a strong model, replayed from cassettes.

The answers in tests/cassettes/<case>/<agent>.json were written by hand, request by request,
as a careful strong model would answer drafter's prompts (benchmarks/strong_model/endpoint.py
recorded them). Replaying them runs `drafter run` end to end (real CLI, real client stack,
streaming, the stage checks) and `drafter check` on the result, so a change to the prompts,
the stages or the check shows up here as numbers: the check's must-fix and to-verify counts
on a faithful draft are printed (run with -s), and which prompts changed since the recording.
Answers are served by agent and call order, whatever the requests say now.
"""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from benchmarks.strong_model.endpoint import (
    EveryName,
    Replayer,
    check_counts,
    load_cassettes,
    misfits,
    prompt_changes,
    system_changes,
)
from typer.testing import CliRunner

from drafter.cli import app
from tests.prereqs import needs_data, shared
from tests.scripted_llm import ScriptedLLM

ROOT = Path(__file__).resolve().parents[1]
CASSETTES = Path(__file__).parent / "cassettes"
MODEL = "strong-model"
PORT_STRIKE = ROOT / "evals" / "cases" / "port-strike"
PAGE_ID = "374ac9a59a85196cdacc1679fb8993521a7b7d9d6533720f102300be1c7face4"
SECTIONS = ("## 補足説明", "## 海外の反応", "## 考察・分析", "## 総括", "## 参考リンク")


def replay(
    case: str, source: Path, comments: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Replayer, dict[str, dict[str, Any]]]:
    """`drafter run` against the case's cassettes; the run folder, the replayer, the cassettes."""
    cassettes = load_cassettes(CASSETTES / case)
    stale = misfits(cassettes)
    assert not stale, (
        f"the {case} cassettes no longer fit drafter's output schemas; re-record them "
        f"(benchmarks/strong_model/README.md): {stale}"
    )
    replayer = Replayer(cassettes)
    server = ScriptedLLM(EveryName(replayer), models=[MODEL]).start()
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
        monkeypatch.setenv("DRAFTER_MODEL", MODEL)
        monkeypatch.setenv("DRAFTER_TIMEOUT", "30")
        monkeypatch.setenv("DRAFTER_MAX_RETRIES", "0")
        # As recorded: no catalog answers (a closed loopback port), so the books stay unverified.
        for name in ("NDL", "GOOGLE_BOOKS", "OPENLIBRARY"):
            monkeypatch.setenv(f"DRAFTER_{name}_BASE", "http://127.0.0.1:9/x")
        monkeypatch.setenv("DRAFTER_CATALOG_INTERVAL", "0")
        result = CliRunner().invoke(
            app,
            [
                "run",
                str(source),
                "--comments",
                str(comments),
                "--out",
                str(tmp_path / "drafts"),
                "--no-check",
                "--no-cache",
            ],
            catch_exceptions=False,
        )
    finally:
        server.stop()
    assert result.exit_code == 0, result.output
    article = Path(result.stdout.strip().splitlines()[-1])
    assert article.name == "article.md" and article.is_file()
    return article.parent, replayer, cassettes


def check(run: Path) -> tuple[int, int, dict[str, Any]]:
    """`drafter check` (layer 1) on the run: must-fix count, to-verify count, the report."""
    result = CliRunner().invoke(app, ["check", str(run), "--no-judge"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output  # 1: items to fix, still a finished check
    report: dict[str, Any] = json.loads((run / "check.json").read_text(encoding="utf-8"))
    assert report["sentences_checked"] > 0 and report["claims"]
    must, verify = check_counts(report)
    assert (result.exit_code == 1) == (must > 0)
    return must, verify, report


def report_changes(
    case: str, replayer: Replayer, cassettes: dict[str, dict[str, Any]], must: int, verify: int
) -> None:
    changed = prompt_changes(cassettes)
    sent = system_changes(cassettes, replayer.bodies)
    print(f"\n[{case}] drafter check on the replayed draft: must-fix {must}, to verify {verify}")
    print(f"[{case}] prompts changed since the recording: {', '.join(changed) or 'none'}")
    print(f"[{case}] system messages that differ from the recording: {', '.join(sent) or 'none'}")
    counts = {c["agent"]: len(c["calls"]) for c in cassettes.values()}
    served: dict[str, int] = {}
    for schema, _ in replayer.served:
        agent = str(cassettes[schema]["agent"]) if schema in cassettes else schema
        served[agent] = served.get(agent, 0) + 1
    if served != counts:
        print(f"[{case}] calls per agent now {served}, recorded {counts}")


def section_text(markdown: str, heading: str) -> str:
    start = markdown.index(heading)
    end = markdown.find("\n## ", start + len(heading))
    return markdown[start : end if end >= 0 else len(markdown)]


def test_port_strike_replays_to_a_draft_the_check_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run, replayer, cassettes = replay(
        "port-strike",
        PORT_STRIKE / "source.md",
        PORT_STRIKE / "comments.json",
        tmp_path,
        monkeypatch,
    )
    markdown = (run / "article.md").read_text(encoding="utf-8")
    positions = [markdown.index(h) for h in SECTIONS]
    assert positions == sorted(positions)
    # Each agent's recorded answer is what the draft says, in its section.
    lead = cassettes["LeadDraft"]["calls"][-1]["answer"]
    first = lead["paragraphs"][0]["sentences"][0]["text"]
    assert first in markdown[: positions[0]]
    analysis = cassettes["AnalysisDraft"]["calls"][-1]["answer"]
    assert analysis["subsections"][0]["heading"] in section_text(markdown, "## 考察・分析")
    conclusion = cassettes["ConclusionDraft"]["calls"][-1]["answer"]["paragraphs"][0]
    assert conclusion in section_text(markdown, "## 総括")
    chosen = [
        r["comment_id"] for r in cassettes["ReactionsDraft"]["calls"][-1]["answer"]["reactions"]
    ]
    article = json.loads((run / "article.json").read_text(encoding="utf-8"))
    assert [r["comment_id"] for r in article["reactions"]["reactions"]] == chosen
    # The title: one recorded `title`, or the `fact` and `framing` code joins.
    headline = cassettes["HeadlineDraft"]["calls"][-1]["answer"]
    title = next(line for line in markdown.splitlines() if line.startswith("# "))
    parts = [headline.get("title") or headline["fact"], headline.get("framing")]
    for part in filter(None, parts):
        assert " ".join(part.split()) in title
    must, verify, report = check(run)
    assert report["sentences_by_section"]["lead"] == sum(
        len(p["sentences"]) for p in lead["paragraphs"]
    )
    report_changes("port-strike", replayer, cassettes, must, verify)


@needs_data("extraction", "html", f"{PAGE_ID}.html.gz")
def test_a_real_page_replays_with_its_requests_rebuilt_from_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's text is not in the repository (publisher's rights): the requests are rebuilt
    from the shared data at test time, and only the answers (our own text) are in the cassette."""
    page = tmp_path / "page.html"
    page.write_bytes(
        gzip.decompress(shared("extraction", "html", f"{PAGE_ID}.html.gz").read_bytes())
    )
    case = "extraction-374ac9a5"
    run, replayer, cassettes = replay(
        case, page, CASSETTES / case / "comments.json", tmp_path, monkeypatch
    )
    markdown = (run / "article.md").read_text(encoding="utf-8")
    positions = [markdown.index(h) for h in SECTIONS]
    assert positions == sorted(positions)
    # Every request carried the page (rebuilt from it), none of it is in the cassettes.
    lead_request = next(b for b in replayer.bodies if "LeadDraft" in json.dumps(b))
    assert "Dreamliner" in lead_request["messages"][1]["content"]
    stored = "".join(p.read_text(encoding="utf-8") for p in (CASSETTES / case).glob("*.json"))
    assert "Dreamliner jets" not in stored
    must, verify, _ = check(run)
    report_changes(case, replayer, cassettes, must, verify)


# More real pages recorded the same way: each folder's case.json names its page.
PAGE_CASES = sorted(p.parent.name for p in CASSETTES.glob("*/case.json"))


@pytest.mark.parametrize("case", PAGE_CASES)
def test_a_faithful_recorded_draft_of_a_real_page_has_no_must_fix_item(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A draft a strong model wrote through drafter's prompts, faithful by construction: the
    check may list things to verify, but a must-fix item on it is a false alarm."""
    page_id = json.loads((CASSETTES / case / "case.json").read_text(encoding="utf-8"))[
        "extraction_id"
    ]
    packed = shared("extraction", "html", f"{page_id}.html.gz")
    if not packed.is_file():
        pytest.skip(f"the shared data is absent ({packed}): the page is not in the repository")
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress(packed.read_bytes()))
    run, replayer, cassettes = replay(
        case, page, CASSETTES / case / "comments.json", tmp_path, monkeypatch
    )
    must, verify, report = check(run)
    report_changes(case, replayer, cassettes, must, verify)
    failing = [
        (c["section"], c["sentence"][:60], c["reasons"]) for c in report["claims"] if c["fails"]
    ]
    assert must == 0, failing


def test_the_replay_names_changed_prompts_and_answers_that_no_longer_fit() -> None:
    """What the replay says when the prompts or schemas move on from a recording."""
    recorded = load_cassettes(CASSETTES / "port-strike")
    already = set(prompt_changes(recorded))
    edited = copy.deepcopy(recorded)
    edited["HeadlineDraft"]["prompt_sha256"] = "0" * 64
    assert prompt_changes(edited) == sorted(already | {"headline"})
    assert misfits(recorded) == []
    edited["AnalysisDraft"]["calls"][0]["answer"] = {"sections": []}
    assert [p.split(":")[0] for p in misfits(edited)] == ["analysis call 0"]
    # A request whose system message differs from the recorded one is named too.
    body = {
        "messages": [{"role": "system", "content": "a rewritten prompt"}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "LeadDraft"}},
    }
    assert system_changes(recorded, [body]) == ["lead"]
