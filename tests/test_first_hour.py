"""A new user's first hour (issue 13): the install declares what drafter imports, the CLI follows
the usual conventions, Ctrl-C and failures say where the run is and how to go on, in messages
that can be copied."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

from typer.testing import CliRunner

from drafter.cli import app
from tests.helpers import FIXTURES, draft, drafter_command, run_cli
from tests.scripted_llm import Reply, ScriptedLLM


def test_the_installed_distribution_declares_lxml_html_clean() -> None:
    """pip 23 (what `python3 -m venv` ships) does not resolve justext's `lxml[html_clean]`
    extra; drafter must ask for the package itself or extraction dies with an ImportError."""
    requires = importlib.metadata.requires("drafter") or []
    names = {
        re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0].lower().replace("-", "_") for r in requires
    }
    assert "lxml_html_clean" in names
    from lxml.html.clean import Cleaner  # what justext imports

    assert Cleaner is not None


def test_version_and_short_help() -> None:
    runner = CliRunner()
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0
    assert re.fullmatch(r"drafter \d+\.\d+\.\d+\S*\n", version.stdout)
    for args in (["-h"], ["run", "-h"], ["export", "-h"]):
        short = runner.invoke(app, args)
        assert short.exit_code == 0, short.output
        assert short.stdout == runner.invoke(app, [*args[:-1], "--help"]).stdout


def test_choices_are_listed_and_others_rejected_in_one_line() -> None:
    runner = CliRunner()
    help_text = runner.invoke(app, ["run", "--help"]).stdout
    assert "<ja|en>" in help_text
    assert "<auto|json_schema|function_calling|json_mode>" in help_text
    assert "<md|html|wxr|wp>" in runner.invoke(app, ["export", "--help"]).stdout
    assert "<1|3>" in runner.invoke(app, ["check", "--help"]).stdout
    for args in (
        ["run", "page.html", "--comments", "c.json", "--lang", "fr"],
        ["run", "page.html", "--comments", "c.json", "--structured-output", "xml"],
        ["export", "somewhere", "--format", "pdf"],
        ["check", "--draft", "d.md", "--source", "s.txt", "--judge-votes", "2"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        error = [line for line in result.stderr.splitlines() if line.startswith("Error")]
        assert len(error) == 1 and "is not one of" in error[0], result.stderr
        assert "pydantic" not in result.stderr and "errors.pydantic.dev" not in result.stderr


def test_a_bad_setting_from_the_environment_is_one_line_without_pydantic_noise() -> None:
    result = CliRunner().invoke(
        app, ["run", "page.html", "--comments", "c.json"], env={"DRAFTER_LANG": "fr"}
    )
    assert result.exit_code == 2
    assert "lang: choose 'ja' or 'en' (got 'fr')" in result.stderr
    assert "errors.pydantic.dev" not in result.stderr and "literal_error" not in result.stderr


def test_boolean_flags_have_no_value_placeholder() -> None:
    for command in ("run", "fetch", "check", "comments", "batch", "eval"):
        help_text = CliRunner().invoke(app, [command, "--help"]).stdout
        assert "<bool>" not in help_text, command
    assert re.search(r"--no-check\s+Skip", CliRunner().invoke(app, ["run", "--help"]).stdout)


def _run_env(llm: ScriptedLLM, tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OPENAI_BASE_URL=llm.base_url,
        OPENAI_API_KEY="sk-test-not-a-real-key",
        DRAFTER_TIMEOUT="60",
        DRAFTER_MAX_RETRIES="0",
        COLUMNS="80",
    )
    return env


def _ctrl_c_reaches_it() -> None:
    """Ctrl-C as a terminal sends it: a suite started in the background of a shell without job
    control (`bash .ci/run &`) runs with SIGINT ignored, which every child inherits, and a
    Python started so never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_records_interrupted_and_prints_the_resume_command(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    """Ctrl-C while the model is thinking: exit 130, run.json says "interrupted" (not "running"
    for ever), stderr names the folder and the resume command; the resume finishes the draft."""
    original = list(llm_env.script["AnalysisDraft"])  # type: ignore[arg-type]
    llm_env.script["AnalysisDraft"] = [Reply(content=original[0].content, delay=30)]
    out = tmp_path / "drafts"
    process = subprocess.Popen(
        [*drafter_command(), "run", str(FIXTURES / "article.html"), "--comments",
         str(FIXTURES / "comments.json"), "--out", str(out), "--no-check"],
        env=_run_env(llm_env, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, preexec_fn=_ctrl_c_reaches_it,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while llm_env.count("AnalysisDraft") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert llm_env.count("AnalysisDraft") == 1, "the run never reached the analysis"
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    (run_dir,) = out.iterdir()
    meta = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert meta["status"] == "interrupted"
    assert meta["steps"]["analysis"]["status"] == "interrupted"
    assert meta["steps"]["lead"]["status"] == "completed"
    assert "Traceback" not in stderr
    assert f"  drafter run --resume {run_dir}\n" in stderr
    assert stdout == ""

    llm_env.script["AnalysisDraft"] = original
    resumed = subprocess.run(
        [*drafter_command(), "run", "--resume", str(run_dir), "--no-check"],
        env=_run_env(llm_env, tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads((run_dir / "run.json").read_text(encoding="utf-8"))["status"] == "completed"
    assert llm_env.count("LeadDraft") == 1  # the finished steps were not asked again


def test_failure_messages_are_printed_once_and_never_wrapped(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    """stderr is a pipe (as in CI, a log file or an editor's terminal multiplexer): the error,
    the folder and the resume command each appear once and whole, however long the path."""
    llm_env.script["ConclusionDraft"] = [Reply(finish_reason="length", content={"paragraphs": []})]
    out = tmp_path / ("a-folder-with-a-rather-long-name-" * 3) / "drafts"
    result = subprocess.run(
        [*drafter_command(), "run", str(FIXTURES / "article.html"), "--comments",
         str(FIXTURES / "comments.json"), "--out", str(out), "--no-check"],
        env=_run_env(llm_env, tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 4, result.stderr
    (run_dir,) = out.iterdir()
    lines = result.stderr.splitlines()
    assert lines.count(f"  drafter run --resume {run_dir}") == 1, result.stderr
    assert sum("drafter run --resume" in line for line in lines) == 1, result.stderr
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    message = "The conclusion agent's answer was cut off (finish_reason=length)."
    assert result.stderr.count(message) == 1, result.stderr
    assert sum(len(line) > 80 for line in lines) >= 2  # the long path lines were not folded


def _finished_run(tmp_path: Path) -> Path:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip().splitlines()[-1]).parent


def test_drafter_never_overwrites_a_draft_the_editor_changed(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    run_dir = _finished_run(tmp_path)
    article = run_dir / "article.md"
    edited = article.read_text(encoding="utf-8") + "\n編集者が手で足した一文。\n"
    article.write_text(edited, encoding="utf-8")

    # An export writes its own file, never the draft.
    exported = CliRunner().invoke(app, ["export", str(run_dir), "--format", "md"])
    assert exported.exit_code == 0, exported.output
    assert Path(exported.stdout.strip()) == run_dir / "article.export.md"
    assert article.read_text(encoding="utf-8") == edited

    # A resume of the finished run renders again: the editor's file is kept aside, and said so.
    again = run_cli("--resume", str(run_dir), "--no-check")
    assert again.exit_code == 0, again.output
    (kept,) = run_dir.glob("article.edited-*.md")
    assert kept.read_text(encoding="utf-8") == edited
    assert kept.name in again.stderr
    assert "編集者が手で足した一文" not in article.read_text(encoding="utf-8")

    # What drafter wrote itself is replaced quietly: no copy when nothing was touched.
    assert run_cli("--resume", str(run_dir), "--no-check").exit_code == 0
    assert len(list(run_dir.glob("article.edited-*.md"))) == 1


def test_an_export_keeps_a_file_it_did_not_write_last(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    run_dir = _finished_run(tmp_path)
    target = tmp_path / "post.html"
    target.write_text("<p>my own page</p>", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["export", str(run_dir), "--format", "html", "--out", str(target)]
    )
    assert result.exit_code == 0, result.output
    (kept,) = tmp_path.glob("post.edited-*.html")
    assert kept.read_text(encoding="utf-8") == "<p>my own page</p>"
    assert str(kept) in result.stderr
    assert "<!DOCTYPE html>" in target.read_text(encoding="utf-8")
    # exported again, unchanged since: replaced without another copy
    assert (
        CliRunner()
        .invoke(app, ["export", str(run_dir), "--format", "html", "--out", str(target)])
        .exit_code
        == 0
    )
    assert len(list(tmp_path.glob("post.edited-*.html"))) == 1


def test_publishable_exports_wait_for_a_clean_check_or_an_acknowledged_approval(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    from drafter.app import review as actions
    from drafter.config import archive_path, load_settings
    from drafter.run.archive import Archive

    run_dir = _finished_run(tmp_path)
    archive = Archive(archive_path(load_settings()))
    run = archive.find(run_dir) or archive.register(run_dir)
    invented = "ベロリアのエレナ・マーシュ貿易相は、輸出許可制度の導入を3年延期する見通しを示した。"
    archive.add_revision(run, "lead", "editor", f"{invented}\n\n出典:Harbor Wire")

    assert CliRunner().invoke(app, ["export", str(run_dir), "--format", "md"]).exit_code == 0
    for fmt in ("html", "wxr"):
        refused = CliRunner().invoke(app, ["export", str(run_dir), "--format", fmt])
        assert refused.exit_code == 1, refused.output
        assert invented in refused.stderr and "--force" in refused.stderr
        assert not (run_dir / f"article.{'html' if fmt == 'html' else 'wxr.xml'}").exists()

    forced = CliRunner().invoke(app, ["export", str(run_dir), "--format", "html", "--force"])
    assert forced.exit_code == 0, forced.output

    # Approval on the desk needs the items acknowledged; then the exports go through.
    try:
        actions.approve(archive, run_dir)
        raise AssertionError("approved without acknowledging the must-fix items")
    except actions.MustFixError as exc:
        assert any(invented in item for item in exc.items)
    actions.approve(archive, run_dir, acknowledged=True)
    assert CliRunner().invoke(app, ["export", str(run_dir), "--format", "wxr"]).exit_code == 0
    # ... until the text changes again
    archive.add_revision(run, "lead", "editor", f"{invented}また延期。\n\n出典:Harbor Wire")
    assert CliRunner().invoke(app, ["export", str(run_dir), "--format", "wxr"]).exit_code == 1
    archive.close()


def test_article_json_never_holds_commenters_names(llm_env: ScriptedLLM, tmp_path: Path) -> None:
    run_dir = _finished_run(tmp_path)
    authors = {
        c["author"]
        for c in json.loads((FIXTURES / "comments.json").read_text(encoding="utf-8"))["comments"]
        if c.get("author")
    }
    assert authors
    text = (run_dir / "article.json").read_text(encoding="utf-8")
    assert not [a for a in authors if f'"{a}"' in text]
    assert not [a for a in authors if a in (run_dir / "article.md").read_text(encoding="utf-8")]
