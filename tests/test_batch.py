"""`drafter batch`: many articles at once, failures isolated, a summary (table + batch.json),
--resume skipping finished articles, and the shared rate limiter keeping a batch under the
server's limit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.app.batch import Batch, BatchOptions
from drafter.app.batch_sources import Line, read_sources, resolve, source_slug
from drafter.cli import app
from drafter.config import load_settings
from drafter.errors import CommentsError, SourceError
from drafter.llm.ratelimit import SHARED, RateLimit
from tests.helpers import FIXTURES
from tests.scripted_llm import Reply, ScriptedLLM

SCHEMAS = ("LeadDraft", "BackgroundDraft", "ReactionsDraft", "BooksDraft", "HeadlineDraft",
           "AnalysisDraft", "ConclusionDraft")  # fmt: skip


def batch(*args: str) -> Any:
    # A wide terminal for the summary table, so a cell is not folded across lines.
    return CliRunner().invoke(app, ["batch", *args], catch_exceptions=False, env={"COLUMNS": "300"})


def _counts(server: ScriptedLLM) -> dict[str, int]:
    return {name: server.count(name) for name in SCHEMAS}


def _layout(tmp_path: Path, lines: list[str], pages: list[str]) -> tuple[Path, Path]:
    """A sources file in lists/ with saved pages beside it, and an empty comments folder."""
    lists = tmp_path / "lists"
    (lists / "saved").mkdir(parents=True)
    for name in pages:
        shutil.copy(FIXTURES / "article.html", lists / "saved" / name)
    sources = lists / "today.txt"
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    comments = tmp_path / "comments"
    comments.mkdir()
    return sources, comments


def _manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    return data


def test_one_bad_source_never_stops_the_others(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    sources, comments = _layout(
        tmp_path,
        [
            "# today's stories",
            "",
            "saved/veloria-lithium.html",  # comments from --comments-dir by slug
            "saved/second.html\tthreads/second.json",  # comments named on the line
            "saved/missing.html   # saved it yet?",  # no such file
            "saved/third.html",  # comments from --comments-dir by line number
        ],
        ["veloria-lithium.html", "second.html", "third.html"],
    )
    shutil.copy(FIXTURES / "comments.json", comments / "veloria-lithium.json")
    (sources.parent / "threads").mkdir()
    shutil.copy(FIXTURES / "comments.json", sources.parent / "threads" / "second.json")
    shutil.copy(FIXTURES / "comments.json", comments / "6.json")
    out = tmp_path / "drafts"

    result = batch(str(sources), "--comments-dir", str(comments), "--out", str(out),
                   "--concurrency", "3")  # fmt: skip
    assert result.exit_code == 8, result.output  # some article failed
    manifest = _manifest(out)
    assert manifest["counts"] == {"ok": 3, "failed": 1, "running": 0, "pending": 0}
    articles = {a["line"]: a for a in manifest["articles"]}
    assert sorted(articles) == [3, 4, 5, 6]
    for line in (3, 4, 6):
        entry = articles[line]
        assert entry["status"] == "ok" and entry["error"] is None, entry
        run = json.loads((Path(entry["run"]) / "run.json").read_text(encoding="utf-8"))
        assert run["status"] == "completed"
        assert (Path(entry["run"]) / "article.md").is_file()
        assert (Path(entry["run"]) / "check.json").is_file()
        assert entry["cost_usd"] == pytest.approx(
            sum(s.get("cost_usd", 0) for s in run["steps"].values()), abs=1e-6
        )
        assert entry["seconds"] > 0
    assert articles[3]["comments"] == str(comments / "veloria-lithium.json")
    assert articles[4]["comments"] == str(sources.parent / "threads" / "second.json")
    assert articles[6]["comments"] == str(comments / "6.json")
    # Three run folders, though the three pages have the same title.
    assert len({articles[n]["run"] for n in (3, 4, 6)}) == 3
    failed = articles[5]
    assert failed["status"] == "failed" and failed["run"] is None
    assert (
        "no such file" in failed["error"]["message"]
        and "line 5" in failed["error"]["message"].lower()
    )
    assert failed["error"]["hint"] and failed["error"]["exit_code"] == 3
    assert manifest["cost_usd"] == pytest.approx(sum(a["cost_usd"] for a in articles.values()))
    assert manifest["finished_at"]
    # The summary table on stdout: one row per line, then the counts and where the JSON is.
    assert "3 ok, 1 failed" in result.stdout and "batch.json" in result.stdout
    assert "missing.html" in result.stdout and "failed" in result.stdout
    # Per-article progress on stderr, prefixed with the line.
    assert "line 3 veloria-lithium" in result.stderr and "✓ lead" in result.stderr


def test_resume_skips_finished_articles_and_resumes_the_rest(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    sources, comments = _layout(
        tmp_path, ["saved/a.html", "saved/b.html", "saved/c.html"], ["a.html", "b.html", "c.html"]
    )
    shutil.copy(FIXTURES / "comments.json", comments / "a.json")
    shutil.copy(FIXTURES / "comments.json", comments / "b.json")  # c has none yet
    conclusion = llm_env.script["ConclusionDraft"]
    assert isinstance(conclusion, list)

    def first_conclusion_fails(body: dict[str, Any], index: int) -> Reply:
        return Reply(status=400, error="scripted failure") if index == 0 else conclusion[0]

    llm_env.script["ConclusionDraft"] = first_conclusion_fails
    out = tmp_path / "drafts"
    args = [str(sources), "--comments-dir", str(comments), "--out", str(out), "--no-cache",
            "--concurrency", "2"]  # fmt: skip
    first = batch(*args)
    assert first.exit_code == 8, first.output
    manifest = _manifest(out)
    by_line = {a["line"]: a for a in manifest["articles"]}
    statuses = sorted(a["status"] for a in manifest["articles"])
    assert statuses == ["failed", "failed", "ok"]
    model_failed = next(a for a in manifest["articles"] if a["status"] == "failed" and a["run"])
    assert model_failed["error"]["resume"].startswith("drafter run --resume ")
    assert (
        "no comments" in by_line[3]["error"]["message"] and "c.json" in by_line[3]["error"]["hint"]
    )
    finished = next(a for a in manifest["articles"] if a["status"] == "ok")

    shutil.copy(FIXTURES / "comments.json", comments / "c.json")  # the editor adds it
    before = _counts(llm_env)
    # The retry command the summary prints names no --comments-dir: resuming continues the
    # same batch, with the comments folder its manifest recorded.
    assert f"drafter batch {sources} --out {out} --resume\n" in first.stdout  # one line, unfolded
    second = batch(str(sources), "--out", str(out), "--no-cache", "--concurrency", "2", "--resume")
    assert second.exit_code == 0, second.output
    asked = {n: c - before[n] for n, c in _counts(llm_env).items()}
    # The finished article: 0 calls; the one that failed at its conclusion: only that step;
    # the one that had no comments: all seven.
    assert asked == {n: 1 for n in SCHEMAS} | {"ConclusionDraft": 2}
    resumed = {a["line"]: a for a in _manifest(out)["articles"]}
    assert all(a["status"] == "ok" for a in resumed.values())
    assert (
        resumed[finished["line"]]["reused"] and resumed[finished["line"]]["run"] == finished["run"]
    )
    assert resumed[model_failed["line"]]["resumed"]
    assert resumed[model_failed["line"]]["run"] == model_failed["run"]
    assert resumed[3]["run"] and not resumed[3]["resumed"]
    assert "3 ok, 0 failed" in second.stdout

    third = batch(*args, "--resume")  # everything done: nothing asked
    assert third.exit_code == 0 and _counts(llm_env) == {n: c + asked[n] for n, c in before.items()}


def test_a_batch_at_the_servers_rate_limit_meets_no_429_storm(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server answers at most 16 requests per 2 s (429 + Retry-After beyond); three
    articles at once (21 calls) with --rpm set to that limit all finish, with few or no 429s."""
    llm_env.rate_limit = (16, 2.0)
    monkeypatch.setenv("DRAFTER_MAX_RETRIES", "2")
    sources, comments = _layout(
        tmp_path, ["saved/a.html", "saved/b.html", "saved/c.html"], ["a.html", "b.html", "c.html"]
    )
    for name in "abc":
        shutil.copy(FIXTURES / "comments.json", comments / f"{name}.json")
    out = tmp_path / "drafts"
    shared = SHARED.get(llm_env.base_url, "gpt-4.1-mini", "sk-test-not-a-real-key", RateLimit())
    granted = shared.stats.granted  # a port may have served an earlier test
    result = batch(str(sources), "--comments-dir", str(comments), "--out", str(out),
                   "--no-cache", "--no-check", "--concurrency", "3", "--rpm", str(16 * 30))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _manifest(out)["counts"]["ok"] == 3
    assert len(llm_env.requests) == 21
    assert llm_env.rate_limited <= 2, llm_env.rate_limited
    assert shared.stats.granted - granted == 21 + llm_env.rate_limited
    assert any(llm_env.base_url in k for k in _manifest(out)["rate_limits"])


def test_sources_file_syntax(tmp_path: Path) -> None:
    sources = tmp_path / "s.txt"
    sources.write_text(
        "\ufeff# header\n"
        "https://example.com/world/some-story/  \n"
        "  \n"
        "https://example.com/a#frag https://news.ycombinator.com/item?id=1  # note\n"
        "saved/page one.html\tthreads/one.json\n"
        "a b c\n"
        "https://example.com/world/some-story/\n",
        encoding="utf-8",
    )
    lines = read_sources(sources)
    assert [(ln.number, ln.source, ln.comments) for ln in lines] == [
        (2, "https://example.com/world/some-story/", None),
        (4, "https://example.com/a#frag", "https://news.ycombinator.com/item?id=1"),
        (5, "saved/page one.html", "threads/one.json"),
        (6, "a", "b"),
        (7, "https://example.com/world/some-story/", None),
    ]
    assert lines[3].problem is not None and "line 6" in lines[3].problem.message
    assert lines[0].key != lines[4].key  # the same story twice: two articles
    assert source_slug("https://example.com/world/Some_Story.html?x=1") == "some-story"
    assert source_slug("https://example.com/") == "example-com"
    assert source_slug("saved/page one.html") == "page-one"


def test_comments_lookup_in_the_comments_dir(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("x", encoding="utf-8")
    folder = tmp_path / "comments"
    folder.mkdir()
    line = Line(4, "page.html", None, "k")
    with pytest.raises(CommentsError) as caught:
        resolve(line, tmp_path, folder)
    assert "page.json (or 4.json" in (caught.value.hint or "")
    (folder / "4.csv").write_text("id,body\n1,x\n", encoding="utf-8")
    assert resolve(line, tmp_path, folder) == (str(tmp_path / "page.html"), str(folder / "4.csv"))
    (folder / "page.json").write_text("[]", encoding="utf-8")  # the slug wins
    assert resolve(line, tmp_path, folder)[1] == str(folder / "page.json")
    (folder / "page.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CommentsError, match="several comments files"):
        resolve(line, tmp_path, folder)
    with pytest.raises(CommentsError) as caught:
        resolve(line, tmp_path, None)
    assert "--comments-dir" in (caught.value.hint or "")
    with pytest.raises(SourceError, match="no such file"):
        resolve(Line(1, "gone.html", "c.json", "k"), tmp_path, folder)
    url = Line(2, "https://example.com/x", "https://news.ycombinator.com/item?id=1", "k")
    assert resolve(url, tmp_path, None) == (url.source, url.comments)


def test_a_new_batch_keeps_the_earlier_manifest(tmp_path: Path) -> None:
    sources = tmp_path / "s.txt"
    sources.write_text("https://example.com/a\n", encoding="utf-8")
    out = tmp_path / "drafts"
    settings = load_settings({})
    first = Batch(BatchOptions(sources, out), settings)
    first.started_at = "2026-03-14T10:15:00+00:00"
    first.plan()
    Batch(BatchOptions(sources, out), settings).plan()
    assert (out / "batch-20260314101500.json").is_file() and (out / "batch.json").is_file()
    result = CliRunner().invoke(app, ["batch", str(sources), "--out", str(tmp_path / "none"),
                                      "--resume", "--base-url", "http://127.0.0.1:9/v1"])  # fmt: skip
    assert result.exit_code == 5 and "Nothing to resume" in result.output


def test_catalog_pacing_is_shared_by_every_run(tmp_path: Path) -> None:
    """Concurrent articles each build their catalogs; one endpoint is still paced once."""
    from drafter.books.catalogs import _PACE, Catalog
    from drafter.sources.http import Fetcher

    base = "http://127.0.0.1:9/pace-test"
    first = Catalog("A", base, Fetcher(), interval=60.0)
    second = Catalog("B", base, Fetcher(), interval=60.0)
    first._pace()
    assert _PACE[base] == _PACE.setdefault(base, _PACE[base])
    slept: list[float] = []
    import drafter.books.catalogs as catalogs

    original = catalogs.time.sleep
    catalogs.time.sleep = slept.append  # type: ignore[assignment]
    try:
        second._pace()
    finally:
        catalogs.time.sleep = original
    assert slept and slept[0] > 59


def test_the_batch_use_case_runs_without_a_face(
    llm_env: ScriptedLLM, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """app.batch is called, not watched: with no reporter it prints nothing, and the outcome is
    in its jobs, its manifest and its exit code (the CLI adds the progress and the table)."""
    sources, comments = _layout(tmp_path, ["saved/a.html", "saved/gone.html"], ["a.html"])
    shutil.copy(FIXTURES / "comments.json", comments / "a.json")
    out = tmp_path / "drafts"
    job_batch = Batch(BatchOptions(sources, out, comments, concurrency=2), load_settings({}))
    job_batch.plan()
    job_batch.run()
    assert capsys.readouterr() == ("", "")
    assert [(job.line.number, job.status) for job in job_batch.jobs] == [(1, "ok"), (2, "failed")]
    assert job_batch.exit_code == 8
    assert _manifest(out)["counts"] == {"ok": 1, "failed": 1, "running": 0, "pending": 0}
