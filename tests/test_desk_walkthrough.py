"""The morning's work on the desk, in a real browser (Debian Chromium driven by Playwright), as
issue 17 asks: open the list, go through the flags, fix one, dismiss one with a reason,
regenerate two sections (the scripted model), re-check, approve, export; with no console error
and no 4xx/5xx answer on the way. Screenshots at 1440×900 and 390×844 are saved in the test's
folder (shots/) for review."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.app import review as actions
from drafter.config import archive_path, load_settings
from drafter.desk.app import create_app
from drafter.run.archive import Archive
from tests.browser import (
    Recorder,
    browser_missing,
    chromium,
    finished_run,
    plant_flags,
    serve,
    watch,
)
from tests.scripted_llm import ScriptedLLM

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as instance:
        yield instance


@pytest.fixture
def flagged_run(llm_env: ScriptedLLM, tmp_path: Path) -> Path:
    """A finished run whose draft has two must-fix mistakes and one to verify, checked."""
    run_dir = finished_run(tmp_path)
    plant_flags(run_dir)
    archive = Archive(archive_path(load_settings({})))
    actions.recheck(archive, run_dir)
    archive.close()
    return run_dir


def _flags(report_file: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(must fix, to verify) claims of a check report, each claim once."""
    claims = json.loads(report_file.read_text(encoding="utf-8"))["claims"]
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for claim in claims:
        if claim["fails"] or claim["verdict"] in ("contradicted", "unsupported"):
            seen.setdefault((claim["section"], claim["sentence"], claim["decided_by"]), claim)
    flags = list(seen.values())
    return [c for c in flags if c["fails"]], [c for c in flags if not c["fails"]]


def test_the_mornings_work(
    browser: Any, flagged_run: Path, llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    settings = load_settings({})
    archive = Archive(archive_path(settings))
    run = archive.find(flagged_run)
    assert run is not None
    shots = tmp_path / "shots"
    shots.mkdir()
    with serve(create_app(settings, archive)) as base:
        context = browser.new_context(viewport=DESKTOP, accept_downloads=True, locale="ja-JP")
        page = context.new_page()
        seen = watch(context, page, base)
        met = Recorder().attach(page)

        def shot(name: str) -> None:
            page.screenshot(path=str(shots / f"{name}.png"), caret="initial")

        # 1. The list, then the run.
        page.goto(base + "/")
        assert page.locator("h1").inner_text() == "下書き一覧"
        shot("1440-01-list")
        page.locator(f"tr[data-run='{run}'] td.c-title a").click()
        page.wait_for_selector("#queue .q-item")
        page.wait_for_load_state("load")  # desk.js (deferred) has bound its handlers
        must, verify = _flags(flagged_run / "desk" / "check.json")
        assert {"lead", "background"} <= {c["section"] for c in must}  # the planted mistakes
        to_fix = page.locator(".run-bar a.to-fix")
        assert to_fix.inner_text() == f"要修正 {len(must)}件"
        assert to_fix.get_attribute("href") == "#queue"
        shot("1440-02-run")

        # 2. The queue: must-fix first, each flag once, must-fix marked as such in the draft.
        items = page.locator("#queue .queue-items .q-item")
        kinds = items.evaluate_all("els => els.map(e => e.querySelector('.q-kind').textContent)")
        assert kinds == ["要修正"] * len(must) + ["要確認"] * len(verify)
        sentences = items.evaluate_all(
            "els => els.map(e => e.querySelector('.q-sentence').textContent)"
        )
        assert sorted(sentences) == sorted(c["sentence"] for c in must + verify)
        reasons = items.evaluate_all("els => els.map(e => e.querySelector('.q-why').textContent)")
        for why in reasons:  # each flag's reasons are printed once, in the queue
            assert page.locator("main").inner_text().count(why) == 1
        assert page.locator("#sec-lead .sent.flagged.must-fix").count() >= 1
        assert page.locator("#sec-background .sent.flagged.must-fix").count() >= 1

        # Next / previous walk the queue and bring each sentence into view.
        total = len(must) + len(verify)
        position = page.locator("#queue .q-pos")
        page.locator("#queue .q-next").click()
        expect(position).to_have_text(f"1/{total}")
        expect(page.locator("#flag-1")).to_have_class(re.compile(r"\bcurrent-flag\b"))
        page.locator("#queue .q-next").click()
        expect(position).to_have_text(f"2/{total}")
        box = page.locator("#flag-2").bounding_box()
        assert box is not None and 0 <= box["y"] <= DESKTOP["height"]
        page.locator("#queue .q-prev").click()
        expect(position).to_have_text(f"1/{total}")

        # Evidence opens in place: the page does not move.
        evidence = page.locator("#sec-lead a.ev").first
        evidence.scroll_into_view_if_needed()
        before = page.evaluate("window.scrollY")
        evidence.click()
        pop = page.locator("#sec-lead .ev-pop")
        expect(pop).to_be_visible()
        source_id = evidence.get_attribute("href")
        assert source_id is not None
        source_text = page.locator(f"[id='{source_id[1:]}']").inner_text()
        shown = pop.locator(".ev-text").inner_text()
        assert shown.strip() and shown in source_text  # the source sentence itself, not empty
        assert page.evaluate("window.scrollY") == before
        pop.locator(".ev-close").click()

        # 3. Fix one: "Fix" opens the lead with the sentence selected; Ctrl+S saves.
        wrong = page.locator("#queue .q-item", has_text="3年延期")
        wrong_sentence = wrong.locator(".q-sentence").inner_text()
        wrong.locator(".fix-btn").click()
        area = page.locator("#sec-lead textarea")
        expect(area).to_be_focused()  # the editor is set up (htmx has processed it)
        selected = area.evaluate("a => a.value.slice(a.selectionStart, a.selectionEnd)")
        assert selected == wrong_sentence
        area.fill(area.input_value().replace("3年延期", "1年延期"))
        area.press("Control+s")
        page.wait_for_selector("#sec-lead .edited-badge")
        # The top bar and the queue follow without a reload.
        expect(page.locator(".run-bar a.to-fix")).to_have_text(f"要修正 {len(must) - 1}件")
        expect(page.locator("#queue .queue-items .q-item")).to_have_count(total - 1)
        shot("1440-03-fixed")

        # 4. Dismiss one, with a reason.
        other = page.locator("#queue .q-item", has_text="45億ドル")
        other.locator("summary").click()
        reason = "統計局の最新発表で45億ドルと確認済み"
        other.locator("input[name=reason]").fill(reason)
        other.locator(".dismiss-btn").click()
        left = len(must) - 2
        if left:
            page.wait_for_selector(f".run-bar a.to-fix:text-is('要修正 {left}件')")
        else:
            page.wait_for_selector(".run-bar strong.good")
            assert page.locator(".run-bar").inner_text().count("修正すべき点はありません") == 1
        assert page.locator("#sec-background .sent.flagged.dismissed").count() == 1
        assert reason in (page.locator("#queue .q-done").text_content() or "")
        answers = {r.action: r for r in archive.flag_reviews(run)}
        assert answers["dismissed"].reason == reason and answers["fixed"].sentence == wrong_sentence
        page.locator("#queue .q-done summary").click()
        shot("1440-04-dismissed")

        # 5. Regenerate two sections through the scripted model.
        for key, instruction in (("analysis", "買い手の視点を加えて"), ("conclusion", "短く")):
            asked = len(llm_env.requests)
            page.locator(f"#sec-{key} input[name=instruction]").fill(instruction)
            page.locator(f"#sec-{key} .regen-btn").click()
            page.wait_for_selector(f"#sec-{key} .undo-btn")
            assert len(llm_env.requests) == asked + 1
        shot("1440-05-regenerated")

        # 6. Re-check: the delta against the check before; the dismissal holds (its sentence
        # is unchanged), the title is still to verify.
        page.locator(".check-btn").click()
        page.wait_for_selector(".delta")
        after_must, after_verify = _flags(flagged_run / "desk" / "check.json")
        still = {(c["section"], c["sentence"]) for c in after_must + after_verify}
        fixed = sum(1 for c in must + verify if (c["section"], c["sentence"]) not in still)
        # The dismissed sentence is unchanged: still raised by the check, still dismissed, and
        # counted neither as fixed nor as new.
        assert any("45億ドル" in c["sentence"] for c in after_must)
        assert page.locator(".delta").inner_text() == f"再チェック: {fixed}件解消、0件新規"
        assert fixed >= 1  # the lead
        assert (
            page.locator("#queue .queue-items .q-item").count()
            == len(after_must + after_verify) - 1
        )
        assert reason in (page.locator("#queue .q-done").text_content() or "")
        # the queue box holds its answered and style lists: nothing cut off under its border
        fits = (
            "(() => { const q = document.querySelector('#queue');"
            " const last = q.querySelector('details:last-of-type summary');"
            " return last.getBoundingClientRect().bottom <= q.getBoundingClientRect().bottom; })()"
        )
        assert page.evaluate(fits)
        shot("1440-06-rechecked")

        # 7. Approve, signing with a name kept in this browser.
        page.locator(".approve-open").click()
        page.locator(".approve-form input[name=who]").fill("佐藤 花子")
        if len(after_must) > 1:  # must-fix items still open: a reason and a confirmation
            page.locator(".approve-form input[name=reason]").fill(
                "残りは表現の問題で事実誤りではない"
            )
            page.locator(".approve-form input[name=acknowledge]").check()
        shot("1440-07-approve")
        page.locator(".approve-form .approve-btn").click()
        page.wait_for_selector(".approval-approved")
        assert "佐藤 花子が" in page.locator(".approved-by").inner_text()
        assert "JST" in page.locator(".approved-by").inner_text()
        decision = archive.decision(run)
        assert decision is not None and decision.who == "佐藤 花子"

        # 8. Preview and export.
        page.locator(".preview-link").click()
        frame = page.frame_locator("iframe.preview")
        assert "1年延期する見通し" in frame.locator("article").inner_text()
        page.wait_for_timeout(300)  # the framed page's first paint
        shot("1440-08-preview")
        page.go_back()
        with page.expect_download() as exported:
            page.locator("a[href$='/export.html']").click()
        html = Path(exported.value.path()).read_text("utf-8")
        assert "1年延期する見通し" in html and "3年延期" not in html
        page.goto(base + "/")
        assert page.locator(f"tr[data-run='{run}'] .review-approved").is_visible()
        # The list counts as the desk does: the dismissed must-fix item is not "to fix".
        listed = page.locator(f"tr[data-run='{run}'] .c-check").inner_text()
        assert listed.startswith(
            f"要修正 {len(after_must) - 1}件" if len(after_must) > 1 else "問題なし"
        )

        # The same pages on a phone.
        phone = browser.new_context(
            viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="ja-JP"
        )
        small = phone.new_page()
        met.attach(small)
        small.goto(base + "/")
        assert small.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        small.screenshot(path=str(shots / "390-01-list.png"), caret="initial")
        small.goto(f"{base}/runs/{run}")
        assert small.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        small.screenshot(path=str(shots / "390-02-run.png"), caret="initial")
        small.locator("#sec-lead").scroll_into_view_if_needed()
        small.screenshot(path=str(shots / "390-03-lead.png"), caret="initial")
        phone.close()
        context.close()

    archive.close()
    print("CONSOLE", *met.console, sep="\n")
    assert met.console == [] and met.errors == [], (met.console, met.errors)
    assert met.bad == [], met.bad
    assert seen.dialogs == [] and seen.foreign == [] and seen.csp_reports == []
    print(f"\nscreenshots: {shots}")
