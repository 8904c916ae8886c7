"""`drafter run` end to end through the real CLI, the real client stack and a scripted server."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from drafter.lang.text import contains_quote, normalize
from drafter.sections import REGISTRY, load_specs
from drafter.sections import names as section_names
from tests.helpers import FIXTURES, draft, run_cli
from tests.scripted_llm import ScriptedLLM

SECTION_ORDER = [
    "## 補足説明",
    "## 海外の反応",
    "## 考察・分析",
    "## 総括",
    "## 関連書籍紹介",
    "## 参考リンク",
]


def test_run_writes_a_complete_grounded_draft(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    md_path = Path(result.stdout.strip().splitlines()[-1])
    assert md_path.name == "article.md" and md_path.is_file()
    run_dir = md_path.parent
    markdown = md_path.read_text(encoding="utf-8")

    # Sections in the seed's order, title first, 出典 after the lead.
    positions = [markdown.index(h) for h in SECTION_ORDER]
    assert positions == sorted(positions)
    assert markdown.index("# ベロリア、リチウム輸出許可制を1年延期へ") < markdown.index(
        "出典:Harbor Wire"
    )
    assert markdown.index("出典:Harbor Wire") < positions[0]
    # 参考リンク is built from what was fetched, not by the model.
    links = markdown[markdown.index("## 参考リンク") :]
    assert "https://www.harborwire.example/world/veloria-lithium-licences-2026-03-14/" in links
    assert "https://www.reddit.com/r/worldnews/comments/v3lor1/" in links
    # The sign-off comes from config, after the conclusion.
    assert "最後までお読みいただき、ありがとうございました。" in markdown

    # Every lead sentence carries evidence found verbatim in the source.
    source = json.loads((run_dir / "inputs/article.json").read_text(encoding="utf-8"))["text"]
    article = json.loads((run_dir / "article.json").read_text(encoding="utf-8"))
    sentences = [s for p in article["lead"]["paragraphs"] for s in p]
    assert len(article["lead"]["paragraphs"]) == 3 and sentences
    for sentence in sentences:
        assert sentence["evidence"], sentence
        for evidence in sentence["evidence"]:
            assert contains_quote(source, evidence["text"])
            assert normalize(evidence["text"]) in normalize(source)

    # Every reaction is tied to an input comment, with the original from the input.
    comments = {
        c["id"]: c for c in json.loads((FIXTURES / "comments.json").read_text())["comments"]
    }
    assert 8 <= len(article["reactions"]["reactions"]) <= 15
    for reaction in article["reactions"]["reactions"]:
        original = comments[reaction["comment_id"]]
        assert reaction["original"] == original["body"]
        assert reaction["score"] == original["score"]
        assert reaction["permalink"].startswith(
            "https://www.reddit.com/r/worldnews/comments/v3lor1/"
        )
    # Books: the catalog's record, not the model's, with a checksum-valid ISBN-13.
    books = article["books"]["books"]
    assert [b["isbn"] for b in books] == ["9784909817129", "9784811204567"]
    assert all(b["verified"] and b["catalog"] == "NDL Search" for b in books)
    assert books[0]["author"] == "山田 太郎 著" and books[0]["published"] == "2024.3"
    assert "ISBN 9784909817129" in markdown

    # run.json: source, fetch time, model, prompt hashes, usage, timings, status.
    run = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert run["status"] == "completed"
    assert run["source"]["url"].startswith("https://www.harborwire.example/")
    assert run["source"]["fetched_at"]
    assert set(run["steps"]) == set(section_names())
    for name, step in run["steps"].items():
        assert step["status"] == "completed"
        assert step["model"] == "gpt-4.1-mini"
        assert re.fullmatch(r"[0-9a-f]{64}", step["prompt_sha256"])
        assert re.fullmatch(r"[0-9a-f]{64}", step["messages_sha256"])
        assert step["usage"]["total_tokens"] > 0
        assert (run_dir / "steps" / f"{name}.json").is_file()
    assert run["usage_total"]["total_tokens"] == sum(
        s["usage"]["total_tokens"] for s in run["steps"].values()
    )
    assert run["timings"]["agents_seconds"] >= 0
    # One request per agent: nothing was asked twice.
    assert len(llm_env.requests) == 7
    assert "lead" in result.stderr and "✓" in result.stderr


def test_untrusted_text_stays_inside_nonce_fences(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    assert draft(tmp_path).exit_code == 0
    for request in llm_env.requests:
        system, user = request["messages"][0], request["messages"][1]
        assert system["role"] == "system" and user["role"] == "user"
        # The article and comments never reach the system message.
        assert "Port Aurelia" not in system["content"]
        assert "IGNORE ALL PREVIOUS INSTRUCTIONS" not in system["content"]
        nonces = set(re.findall(r"<(?:source|comments)-([0-9a-f]{16})>", user["content"]))
        assert len(nonces) <= 1
    comments_request = next(
        r
        for r in llm_env.requests
        if r["response_format"]["json_schema"]["name"] == "ReactionsDraft"
    )
    user = comments_request["messages"][1]["content"]
    nonce = re.search(r"<comments-([0-9a-f]{16})>", user).group(1)
    block = user[user.index(f"<comments-{nonce}>") : user.index(f"</comments-{nonce}>")]
    assert "IGNORE ALL PREVIOUS INSTRUCTIONS" in block


def test_independent_agents_run_concurrently(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.pipeline import runner

    # The four agents that read only the lead: each answer is held until all four requests have
    # arrived, so a run that sent them one after another would time the holds out. No clock is
    # read for this, so a slow machine cannot make it fail.
    parallel = ("BackgroundDraft", "ReactionsDraft", "BooksDraft", "HeadlineDraft")
    for name, replies in llm_env.script.items():
        assert isinstance(replies, list)
        for reply in replies:
            reply.delay = 0.1
            if name in parallel:
                reply.hold_for, reply.hold_timeout = parallel, 5.0  # < DRAFTER_TIMEOUT
    # The off-path wait made long enough that its order below is not a race with the machine.
    monkeypatch.setattr(runner, "OFF_PATH_DELAY", 0.5)
    assert draft(tmp_path).exit_code == 0
    assert llm_env.holds_timed_out == []
    span = {name: (start, end) for name, start, end in llm_env.spans}
    assert all(span[n][0] >= span["LeadDraft"][1] for n in parallel)
    # ...and the analysis waits only for what it reads, the conclusion for the analysis.
    assert span["AnalysisDraft"][0] >= max(span["BackgroundDraft"][1], span["ReactionsDraft"][1])
    assert span["ConclusionDraft"][0] >= span["AnalysisDraft"][1]
    # ...and the steps on the longest chain (lead → background/reactions → analysis →
    # conclusion) send their requests before the ones with a call of slack (books, headline),
    # which wait a moment (without it, all four go out within a few milliseconds).
    assert runner._off_longest_path(load_specs()) == {"books", "headline"}
    first_off_path = min(span[n][0] for n in ("BooksDraft", "HeadlineDraft"))
    last_on_path = max(span[n][0] for n in ("BackgroundDraft", "ReactionsDraft"))
    assert first_off_path - last_on_path > 0.25  # half of the wait: a slow machine keeps it


def test_the_preload_encodes_what_the_check_of_the_draft_compares(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run's preload thread encodes the source, the comments and each section as its step
    finishes, so the check after the last answer finds its texts encoded: only a quotation's
    inner text (「…」, compared on its own) may still need the encoder."""
    from drafter import pipeline
    from drafter.check.core import check
    from drafter.check.inputs import from_run
    from drafter.check.report import JudgeInfo
    from drafter.lang import align
    from drafter.models import Article, CommentThread
    from drafter.run.folder import RunFolder

    assert draft(tmp_path).exit_code == 0
    run_dir = next((tmp_path / "drafts").glob("*/run.json")).parent
    folder = RunFolder.open(run_dir)
    encoded: list[str] = []
    encode = align._encode

    def recording(model: object, text: str) -> object:
        if threading.current_thread() is threading.main_thread():
            encoded.append(text)
        return encode(model, text)

    monkeypatch.setattr(align, "_encode", recording)
    monkeypatch.setattr(align, "_VECTORS", {})  # as in a fresh process
    preload = pipeline._Preload()
    preload.base = {
        "article": folder.read_model("inputs/article.json", Article),
        "comments": folder.read_model("inputs/comments.json", CommentThread),
    }
    for name, section in REGISTRY.items():
        output = folder.load_step(name, section.artifact)
        assert output is not None, name
        preload.warm(output)
    preload.texts.put(None)
    preload._load()  # what the thread does during the run, here to the end of its queue
    warmed = len(encoded)
    check(from_run(run_dir), JudgeInfo(status="off", detail="test"))
    by_check = encoded[warmed:]
    quotations = re.findall(r"「([^」]+)」", (run_dir / "article.md").read_text(encoding="utf-8"))
    assert warmed > 40
    assert all(text in quotations for text in by_check), by_check


def test_the_model_client_is_imported_during_the_fetch_only_when_there_is_one(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article or thread read over the network leaves the main thread waiting: the model
    client's imports go in a thread meanwhile. Local files have no wait to fill."""
    from drafter.pipeline import preload
    from tests.loopback import Loopback, respond

    calls: list[str] = []
    monkeypatch.setattr(
        preload, "_import_llm_stack", lambda: calls.append(threading.current_thread().name)
    )
    assert draft(tmp_path / "file").exit_code == 0
    assert calls == []
    page = (FIXTURES / "article.html").read_bytes()
    routes = {"/story": lambda handler: respond(handler, 200, page, content_type="text/html")}
    with Loopback(routes) as site:
        result = run_cli(
            f"{site.url}/story",
            "--comments",
            str(FIXTURES / "comments.json"),
            "--out",
            str(tmp_path / "url"),
            "--allow-private-hosts",
        )
    assert result.exit_code == 0, result.output
    assert calls == ["drafter-imports"]
