"""The editor's text on the desk, in a real browser (Debian Chromium driven by Playwright):
nothing typed is lost (autosave, the warning before leaving, a Save across a desk restart),
Ctrl+S / Esc, one-click undo after a regeneration, an error shown in its section, and the page
itself: click targets, labels, the headline's line breaks."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.config import archive_path, load_settings
from drafter.desk.app import create_app
from drafter.run.archive import Archive
from tests.browser import (
    Recorder,
    browser_missing,
    chromium,
    finished_run,
    serve,
)
from tests.scripted_llm import Reply, ScriptedLLM

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as instance:
        yield instance


@pytest.fixture
def run_dir(llm_env: ScriptedLLM, tmp_path: Path) -> Path:
    return finished_run(tmp_path)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_save_after_a_desk_restart_renews_the_token_and_keeps_the_text(
    browser: Any, run_dir: Path
) -> None:
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir)
    port = _free_port()
    context = browser.new_context()
    page = context.new_page()
    met = Recorder().attach(page)
    with serve(create_app(settings, archive, token="before-the-restart"), port) as base:
        page.goto(f"{base}/runs/{run}")
        page.locator("#sec-lead .edit-btn").click()
        page.locator("#sec-lead textarea").fill("再起動の前に書いたリードです。")
    # The desk restarts with a new token while the editor is typing.
    with serve(create_app(settings, archive, token="after-the-restart"), port):
        page.locator("#sec-lead .save-btn").click()
        page.wait_for_selector("#sec-lead .edited-badge")
        assert archive.editor_texts(run or 0)["lead"] == "再起動の前に書いたリードです。"
        # The page carries the new token now: the next change needs no retry.
        headers = json.loads(page.locator("body").get_attribute("hx-headers") or "{}")
        assert headers["X-CSRF-Token"] == "after-the-restart"
    # One refusal (the stale token), answered with the new one; then the retry went through.
    assert [b.split()[0] for b in met.bad] == ["403"], met.bad
    context.close()
    archive.close()


def test_a_save_that_still_fails_says_so_and_keeps_the_text(browser: Any, run_dir: Path) -> None:
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir)
    context = browser.new_context()
    page = context.new_page()
    with serve(create_app(settings, archive, token="the-token")) as base:
        page.goto(f"{base}/runs/{run}")
        page.locator("#sec-lead .edit-btn").click()
        area = page.locator("#sec-lead textarea")
        area.fill("消えてはいけない文です。")
        # The desk refuses the save and offers no fresh token (a proxy in between, a desk that
        # keeps refusing): nothing to retry with.
        page.route(
            "**/sections/lead",
            lambda route: route.fulfill(status=403, body="refused", content_type="text/plain"),
        )
        page.locator("#sec-lead .save-btn").click()
        status = page.locator("#sec-lead .edit-status")
        status.wait_for(state="visible")
        assert "本文はこの画面に残っています" in status.inner_text()
        assert area.input_value() == "消えてはいけない文です。"
        assert "lead" not in archive.editor_texts(run or 0)
    context.close()
    archive.close()


def test_typed_text_survives_a_reload_and_keys_save_and_cancel(browser: Any, run_dir: Path) -> None:
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.type)
        dialog.accept()  # leave anyway: the autosave has the text

    page.on("dialog", on_dialog)
    with serve(create_app(settings, archive)) as base:
        page.goto(f"{base}/runs/{run}")
        page.locator("#sec-conclusion .edit-btn").click()
        area = page.locator("#sec-conclusion textarea")
        area.wait_for()
        area.press("End")
        area.press_sequentially("追記した一文。")
        typed = area.input_value()
        # Leaving with unsaved text asks first.
        page.goto(f"{base}/")
        assert dialogs == ["beforeunload"]
        # Back on the draft, the edit opens with the text that was typed.
        page.goto(f"{base}/runs/{run}")
        page.locator("#sec-conclusion .edit-btn").click()
        area = page.locator("#sec-conclusion textarea")
        status = page.locator("#sec-conclusion .edit-status")
        status.wait_for(state="visible")
        assert status.inner_text().startswith("保存していない下書きを復元しました。")
        assert area.input_value() == typed
        # Ctrl+S saves (and clears the autosave); nothing asks before leaving now.
        area.press("Control+s")
        page.wait_for_selector("#sec-conclusion .edited-badge")
        assert archive.editor_texts(run or 0)["conclusion"] == typed.strip()
        assert (
            page.evaluate("Object.keys(localStorage).filter(k => k.includes(':conclusion'))") == []
        )
        # Esc cancels an edit.
        page.locator("#sec-lead .edit-btn").click()
        page.locator("#sec-lead textarea").press("Escape")
        page.wait_for_selector("#sec-lead .edit-btn")
        assert page.locator("#sec-lead textarea").count() == 0
        page.goto(f"{base}/")
        assert dialogs == ["beforeunload"]
    context.close()
    archive.close()


def test_a_failed_regeneration_is_shown_in_its_section_and_undo_is_one_click(
    browser: Any, run_dir: Path, llm_env: ScriptedLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir) or 0
    step = (run_dir / "steps" / "analysis.json").read_text(encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    met = Recorder().attach(page)
    with serve(create_app(settings, archive)) as base:
        page.goto(f"{base}/runs/{run}")
        before = page.locator("#sec-analysis .content").inner_text()
        # The model server is gone: the error shows in the section, the text stays.
        monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
        page.locator("#sec-analysis .regen-btn").click()
        error = page.locator("#sec-analysis p.error")
        error.wait_for()
        assert error.inner_text().startswith("再生成できませんでした。前の文はそのままです")
        assert page.locator("#sec-analysis .content").inner_text() == before
        assert (run_dir / "steps" / "analysis.json").read_text(encoding="utf-8") == step
        assert json.loads((run_dir / "run.json").read_text("utf-8"))["status"] == "completed"
        # The server is back (with a new answer): regenerate, then one click puts the previous
        # text back.
        monkeypatch.setenv("OPENAI_BASE_URL", llm_env.base_url)
        _reword(llm_env, "AnalysisDraft", "（書き直し）")
        page.locator("#sec-analysis .regen-btn").click()
        page.wait_for_selector("#sec-analysis .undo-btn")
        assert "（書き直し）" in page.locator("#sec-analysis .content").inner_text()
        page.locator("#sec-analysis .undo-btn").click()
        page.wait_for_selector("#sec-analysis .edited-badge")
        assert "（書き直し）" not in page.locator("#sec-analysis .content").inner_text()
        history = archive.revisions(run, "analysis")
        assert [r.origin for r in history] == ["regenerated", "editor"]
        assert history[1].text == history[0].text  # the text the regeneration replaced
    assert met.bad == [] and met.errors == []
    context.close()
    archive.close()


def _reword(llm: ScriptedLLM, schema: str, suffix: str) -> None:
    """From now on the scripted model answers `schema` with its first sentence changed."""
    reply = llm.script[schema]
    assert isinstance(reply, list)
    content = json.loads(json.dumps(reply[0].content))

    def first_text(node: Any) -> bool:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                node["text"] = node["text"].rstrip("。") + suffix + "。"
                return True
            return any(first_text(v) for v in node.values())
        if isinstance(node, list):
            return any(first_text(v) for v in node)
        return False

    assert first_text(content)
    llm.script[schema] = [Reply(content=content)]


TARGETS = """() => Array.from(document.querySelectorAll('a, button, summary, input, select, textarea'))
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
               && e.type !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect();
              return {what: e.outerHTML.slice(0, 80), w: r.width, h: r.height}; })
  .filter(t => t.w < 24 || t.h < 24)"""

UNLABELLED = """() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(e => e.type !== 'hidden' && !e.labels.length && !e.getAttribute('aria-label')
               && !e.getAttribute('aria-labelledby'))
  .map(e => e.outerHTML.slice(0, 80))"""

# Where each rendered line of an element starts: the first character of every new line box.
LINE_STARTS = """(el) => {
  const text = el.firstChild; const starts = []; let top = null;
  for (let i = 0; i < text.length; i++) {
    const range = document.createRange(); range.setStart(text, i); range.setEnd(text, i + 1);
    const rect = range.getClientRects()[0]; if (!rect) continue;
    if (top === null || rect.top > top + 2) { starts.push(text.data[i]); top = rect.top; }
  }
  return starts;
}"""


def test_click_targets_labels_and_the_headlines_line_breaks(
    browser: Any, run_dir: Path, llm_env: ScriptedLLM
) -> None:
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir) or 0
    # A headline full of ー, the mark a Japanese line must not start with.
    archive.add_revision(
        run,
        "title",
        "editor",
        "サーバーのパフォーマンスとユーザーのエクスペリエンスをマネージャーがレビュー",
    )
    with serve(create_app(settings, archive)) as base:
        for viewport in ({"width": 1440, "height": 900}, {"width": 390, "height": 844}):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            for url in (f"{base}/", f"{base}/runs/{run}"):
                page.goto(url)
                page.eval_on_selector_all("details", "els => els.forEach(e => e.open = true)")
                assert page.evaluate(TARGETS) == [], (url, viewport)
                assert page.evaluate(UNLABELLED) == [], url
                assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            page.goto(f"{base}/runs/{run}/sections/lead/edit")
            assert page.evaluate(UNLABELLED) == []
            # "Send to WordPress" only where WordPress is configured (it is not here).
            page.goto(f"{base}/runs/{run}")
            assert page.locator(".wp-btn").count() == 0
            title = page.locator("#sec-title h1.title")
            starts: list[str] = []
            for width in range(180, 700, 9):
                title.evaluate(f"e => e.style.width = '{width}px'")
                starts += title.evaluate(LINE_STARTS)[1:]
            assert len(starts) > 50 and "ー" not in starts
            context.close()
    archive.close()


def test_the_desk_in_english_with_times_in_the_configured_zone(browser: Any, run_dir: Path) -> None:
    settings = load_settings({"desk_lang": "en", "timezone": "America/New_York"})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir) or 0
    archive.add_note(run, "lead", "checked the date")
    with serve(create_app(settings, archive)) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/runs/{run}")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("#sec-lead .edit-btn").inner_text() == "Edit"
        assert page.locator("#queue h2").inner_text() == "To do"
        note = page.locator("#sec-lead .note .muted").inner_text()
        assert note.endswith((" EST", " EDT")), note
        context.close()
    archive.close()
    assert os.environ.get("DRAFTER_DESK_LANG") is None


def test_must_fix_looks_different_from_verify(browser: Any, run_dir: Path) -> None:
    """A report as the check writes it, with one claim of each kind (listed twice, as a report
    may): each shows once in the queue, and the two kinds look different there and in the
    draft."""
    article = json.loads((run_dir / "article.json").read_text(encoding="utf-8"))
    lead = article["lead"]["paragraphs"][0][0]["text"]
    background = article["background"]["subsections"][0]["paragraphs"][0][0]["text"]
    claims = [
        {"section": "lead", "sentence": lead, "verdict": "contradicted", "fails": True,
         "decided_by": "numbers", "reasons": ["「3年」: 原文は「one year」"], "evidence": []},
        {"section": "background", "sentence": background, "verdict": "unsupported",
         "fails": False, "decided_by": "alignment", "reasons": ["原文に見当たりません"],
         "evidence": [{"id": "S2", "text": "..."}]},
    ]  # fmt: skip
    (run_dir / "desk").mkdir(exist_ok=True)
    (run_dir / "desk" / "check.json").write_text(
        json.dumps({"claims": claims + claims}, ensure_ascii=False), encoding="utf-8"
    )
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir) or 0
    with serve(create_app(settings, archive)) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/runs/{run}")
        items = page.locator("#queue .queue-items .q-item")
        assert items.count() == 2
        style = "e => [getComputedStyle(e).borderLeftColor, getComputedStyle(e).backgroundColor]"
        must = page.locator("#queue .q-item.must-fix")
        check = page.locator("#queue .q-item.verify")
        assert must.evaluate(style) != check.evaluate(style)
        assert must.locator(".q-kind").inner_text() == "要修正"
        assert check.locator(".q-kind").inner_text() == "要確認"
        underline = "e => getComputedStyle(e).textDecorationStyle"
        assert page.locator("#sec-lead .sent.flagged.must-fix").evaluate(underline) == "wavy"
        assert page.locator("#sec-background .sent.flagged.verify").evaluate(underline) == "dotted"
        assert page.locator(".run-bar a.to-fix").inner_text() == "要修正 1件"
        assert page.locator(".run-bar a.to-verify").inner_text() == "要確認 1件"
        context.close()
    archive.close()
