"""The desk in a real browser (Debian Chromium driven by Playwright): the review loop an editor
does every day, and every XSS payload of ../shared/data/xss in every untrusted place."""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.app.drafts import current
from drafter.config import archive_path, load_settings
from drafter.desk import app as desk_app
from drafter.desk.app import create_app
from drafter.run.archive import Archive, digest
from tests.browser import (
    Watch,
    browser_missing,
    chromium,
    finished_run,
    serve,
    watch,
)
from tests.prereqs import missing_data, shared
from tests.scripted_llm import ScriptedLLM

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))

XSS = shared("xss", "all_unique.txt")
BATCH = 600  # payloads per page: the whole corpus in a few page loads
SENTINEL = "__xss_sentinel"

# What an injected element could be. Our own pages have no inline handlers, no script but
# htmx, no frames, images, forms to elsewhere, <base> or meta refresh.
AUDIT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(el.tagName + '[' + name + ']');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) &&
          (value.startsWith('javascript:') || value.startsWith('data:') || value.startsWith('vbscript:')))
        bad.push(el.tagName + '[' + name + '=' + value.slice(0, 20) + ']');
    }
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'object', 'embed', 'img', 'svg', 'math', 'base', 'video', 'audio',
         'style', 'link', 'meta', 'form', 'input', 'textarea', 'button'].includes(tag)) {
      if (el.closest('.content, .source, .flags, .notes .note, table.runs')) bad.push(tag);
    }
    if (tag === 'script' && !['/static/htmx.min.js', '/static/desk.js'].includes(el.getAttribute('src')))
      bad.push('script');
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as instance:
        yield instance


@pytest.fixture
def run_dir(llm_env: ScriptedLLM, tmp_path: Path) -> Path:
    return finished_run(tmp_path)


@pytest.fixture
def desk(run_dir: Path) -> Iterator[tuple[str, Archive]]:
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    with serve(create_app(settings, archive)) as base:
        yield base, archive
    archive.close()


def clean(seen: Watch) -> None:
    assert seen.dialogs == [] and seen.sentinel == [] and seen.foreign == []
    assert seen.csp_reports == [], seen.csp_reports[:3]


def test_review_loop_in_the_browser(
    browser: Any, desk: tuple[str, Archive], run_dir: Path, llm_env: ScriptedLLM
) -> None:
    base, archive = desk
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    seen = watch(context, page, base)

    # Open the run from the list.
    page.goto(base + "/")
    page.locator("table.runs a[href^='/runs/']").first.click()
    page.wait_for_selector(".source .src-sent")
    run = int(page.url.rsplit("/", 1)[-1])

    # A lead sentence's evidence link shows its source sentence in place and highlights it in
    # the source column, without moving the page.
    link = page.locator("#sec-lead a.ev").first
    target = link.get_attribute("href")
    assert target and re.fullmatch(r"#S\d+", target)
    link.scroll_into_view_if_needed()
    scrolled = page.evaluate("window.scrollY")
    link.click()
    assert page.locator("#sec-lead .ev-pop").is_visible()
    assert page.evaluate("window.scrollY") == scrolled
    source = page.locator(f"[id='{target[1:]}']")
    assert "ev-on" in (source.get_attribute("class") or "")
    colour = source.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")

    # The original comment of a reaction opens on demand.
    original = page.locator("#sec-reactions details.original").first
    assert not original.locator("blockquote").is_visible()
    original.locator("summary").click()
    assert original.locator("blockquote").is_visible()

    # Edit the lead in place.
    page.locator("#sec-lead .edit-btn").click()
    page.locator("#sec-lead textarea").fill(
        "ハーバー・ワイヤーによると、ベロリアのエレナ・マーシュ貿易相は3月14日、日本と韓国の買い手との協議後、リチウムの新たな輸出許可制度の導入を3年延期する見通しを示した。"
    )
    page.locator("#sec-lead .save-btn").click()
    page.wait_for_selector("#sec-lead .edited-badge")
    assert (
        "ハーバー・ワイヤーによると、ベロリアのエレナ・マーシュ貿易相は3月14日、日本と韓国の買い手との協議後、リチウムの新たな輸出許可制度の導入を3年延期する見通しを示した。"
        in page.locator("#sec-lead .content").inner_text()
    )

    # Regenerate the background with an instruction, through the scripted model.
    asked = llm_env.count("BackgroundDraft")
    page.locator("#sec-background input[name=instruction]").fill("港湾労働者の視点を加えて")
    page.locator("#sec-background .regen-btn").click()
    page.wait_for_selector("#sec-background details.history")
    assert llm_env.count("BackgroundDraft") == asked + 1
    assert archive.revisions(run, "background")[-1].instruction == "港湾労働者の視点を加えて"

    # Re-check, approve.
    page.locator(".check-btn").click()
    page.wait_for_selector(".delta")
    assert (run_dir / "desk" / "check.json").is_file()
    # The rewritten lead is not in the source: it is a must-fix item in the queue, and the
    # publishable exports are refused, listing it (Markdown is not).
    assert (
        "ハーバー・ワイヤーによると、ベロリアのエレナ・マーシュ貿易相は3月14日、日本と韓国の買い手との協議後、リチウムの新たな輸出許可制度の導入を3年延期する見通しを示した。"
        in page.locator("#queue .must-fix").inner_text()
    )
    refused = page.request.get(f"{base}/runs/{run}/export.html")
    assert (
        refused.status == 409
        and "ハーバー・ワイヤーによると、ベロリアのエレナ・マーシュ貿易相は3月14日、日本と韓国の買い手との協議後、リチウムの新たな輸出許可制度の導入を3年延期する見通しを示した。"
        in refused.text()
    )
    # Approving asks for a confirmation and a reason, and records who approved.
    page.locator(".approve-open").click()
    assert page.locator(".approve-form input[name=reason]").get_attribute("required") is not None
    page.locator(".approve-form input[name=who]").fill("田中")
    page.locator(".approve-form input[name=reason]").fill("編集長の確認済み")
    page.locator(".approve-form input[name=acknowledge]").check()
    page.locator(".approve-form .approve-btn").click()
    page.wait_for_selector(".approval-approved")
    decision = archive.decision(run)
    assert decision is not None and (decision.who, decision.reason) == ("田中", "編集長の確認済み")
    assert any("acknowledged" in n.text and "田中" in n.text for n in archive.notes(run))
    # The name is typed once: the next form has it.
    page.reload()
    assert page.locator(".run-bar input.approver-name").first.input_value() == "田中"

    # Export what was approved, with the editor's lead.
    with page.expect_download() as markdown:
        page.locator("a[href$='/export.md']").click()
    assert (
        "ハーバー・ワイヤーによると、ベロリアのエレナ・マーシュ貿易相は3月14日、日本と韓国の買い手との協議後、リチウムの新たな輸出許可制度の導入を3年延期する見通しを示した。"
        in Path(markdown.value.path()).read_text("utf-8")
    )
    assert markdown.value.suggested_filename == f"{run_dir.name}.md"  # as Chromium reads it
    with page.expect_download() as wxr:
        page.locator("a[href$='/export.wxr']").click()
    assert "<wp:status><![CDATA[draft]]></wp:status>" in Path(wxr.value.path()).read_text(
        "utf-8"
    ) or "<wp:status>draft</wp:status>" in Path(wxr.value.path()).read_text("utf-8")

    clean(seen)
    context.close()


def _payloads() -> list[str]:
    if not XSS.is_file():
        pytest.skip(missing_data("xss", "all_unique.txt"))
    lines = [line for line in XSS.read_text(encoding="utf-8").splitlines() if line.strip()]
    # alert/prompt/confirm → a sentinel the test exposes: an executed payload is counted even
    # where a dialog would not show (and never blocks the page).
    return [re.sub(r"\b(alert|prompt|confirm)\b", SENTINEL, line) for line in lines]


def _plant(base_run: Path, target: Path, batch: list[str]) -> None:
    """A copy of a finished run with the payloads in every untrusted field the desk shows."""
    shutil.copytree(base_run, target)
    shutil.rmtree(target / "desk", ignore_errors=True)
    data = json.loads((target / "article.json").read_text(encoding="utf-8"))
    data["article"]["title"] = batch[0]
    data["article"]["site_name"] = batch[1 % len(batch)]
    data["article"]["text"] = "\n\n".join(batch)  # the source column, sentence by sentence
    data["headline"]["title"] = batch[2 % len(batch)]
    data["headline"]["tags"] = batch[:5]
    data["lead"]["paragraphs"] = [
        [{"text": p, "evidence": [{"sentence_id": "S1", "text": p}]} for p in batch[i : i + 20]]
        for i in range(0, len(batch), 20)
    ]
    template = data["reactions"]["reactions"][0]
    data["reactions"]["intro"] = batch[-1]
    data["reactions"]["reactions"] = [
        {**template, "comment_id": f"c{i}", "translation": p, "original": p, "permalink": p}
        for i, p in enumerate(batch)
    ]
    for section in ("background", "analysis"):
        data[section]["subsections"][0]["heading"] = batch[3 % len(batch)]
        data[section]["subsections"][0]["paragraphs"] = [
            [{"text": p, "kind": "source", "evidence": [{"sentence_id": "S2", "text": p}]}]
            for p in batch
        ]
    data["conclusion"]["paragraphs"] = batch[:3]
    books = data["books"]["books"]
    for i, book in enumerate(books):
        book.update(
            title=batch[i], author=batch[-i - 1], description=batch[i + 1],
            verification=batch[i + 2], catalog_url=batch[i + 3], publisher=batch[i + 4],
        )  # fmt: skip
    data["references"] = [{"label": p, "url": p} for p in batch[:50]]
    (target / "article.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # The fact-check report is shown too: reasons and sentences come from the draft.
    report = {
        "claims": [
            {"section": "lead", "sentence": p, "verdict": "unsupported", "fails": True,
             "reasons": [p], "evidence": [{"id": p, "text": p}], "decided_by": "x"}
            for p in batch[:100]
        ]
    }  # fmt: skip
    (target / "check.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


LIST_PAGE = """() => ({
  titles: Array.from(document.querySelectorAll('table.runs tr[data-run] td:first-child a'))
    .map(a => a.textContent),
  next: document.querySelector('nav.pages a[rel=next]') !== null,
})"""


def _every_page_of_the_run_list(page: Any, base: str, findings: list[str]) -> dict[str, Any]:
    """Walk the run list page by page (as an editor does, through its Older links), auditing
    each: the titles shown, how many rows and pages."""
    titles: list[str] = []
    number = 0
    while True:
        number += 1
        page.goto(f"{base}/?page={number}")
        page.mouse.move(10, 10)
        page.mouse.move(600, 400, steps=2)
        findings += page.evaluate(AUDIT)
        seen = page.evaluate(LIST_PAGE)
        titles += seen["titles"]
        if not seen["next"]:
            return {"titles": titles, "rows": len(titles), "pages": number}


def _as_parsed(text: str) -> str:
    """`text` as an HTML parser hands it to the DOM: NUL becomes U+FFFD, CR LF and CR become LF."""
    return text.replace("\x00", "\ufffd").replace("\r\n", "\n").replace("\r", "\n")


def test_every_xss_payload_in_every_untrusted_field_executes_nothing(
    browser: Any,
    desk: tuple[str, Archive],
    run_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, archive = desk
    # The run list's own template and paging, with longer pages: every payload in a few loads.
    monkeypatch.setattr(desk_app, "PAGE_SIZE", 1000)
    payloads = _payloads()
    started = time.monotonic()
    context = browser.new_context()
    page = context.new_page()
    # pages of a thousand payload rows: on 2 shared cores one load has taken over 30 s
    page.set_default_navigation_timeout(180_000)
    seen = watch(context, page, base)
    findings: list[str] = []
    pages = 0
    for number, start in enumerate(range(0, len(payloads), BATCH)):
        batch = payloads[start : start + BATCH]
        target = tmp_path / "xss" / f"run-{number}"
        _plant(run_dir, target, batch)
        run = archive.register(target)
        for section in ("run", "reactions"):
            for payload in batch:
                archive.add_note(run, section, payload)
        # An editor's own Markdown goes through markdown-it and nh3.
        archive.add_revision(run, "analysis", "editor", "\n\n".join(batch))
        archive.add_revision(run, "title", "editor", batch[4 % len(batch)])
        page.goto(f"{base}/runs/{run}")
        page.eval_on_selector_all("details", "els => els.forEach(e => e.open = true)")
        page.mouse.move(10, 10)
        page.mouse.move(600, 400, steps=5)
        findings += page.evaluate(AUDIT)
        page.goto(f"{base}/runs/{run}/sections/analysis/edit")  # the editor's textarea
        findings += [f for f in page.evaluate(AUDIT) if f not in ("textarea", "form", "input",
                                                                 "button")]  # fmt: skip
        # The standalone HTML export, opened as a page of its own (approved as it stands: the
        # payloads are not in the source, and the publish gate is tested elsewhere).
        shown = current(target, archive).markdown
        archive.decide(run, "approved", digest(shown))
        exported = page.request.get(f"{base}/runs/{run}/export.html").text()
        page.set_content(exported)
        findings += page.evaluate(AUDIT)
        pages += 3
    # Titles, sites, URLs, statuses and folder paths in the run list: every payload as a run of
    # its own, on every page of the list.
    with archive._lock:
        archive._db.executemany(
            "INSERT INTO runs (path, run_id, title, site, source_url, status) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(f"/nonexistent/{i}/{p}", f"r{i}", p, p, p, p) for i, p in enumerate(payloads)],
        )
        archive._db.commit()
    listed = _every_page_of_the_run_list(page, base, findings)
    pages += listed["pages"]
    # Each payload reached the browser, as text: the title of its row reads back unchanged.
    assert listed["rows"] == archive.count()
    shown = set(listed["titles"])
    assert [p for p in payloads if _as_parsed(p) not in shown] == []
    page.wait_for_timeout(300)  # timers a payload might have set
    context.close()
    print(
        f"\nXSS: {len(payloads)} payloads × (article title, body, comment, model output, editor "
        f"note, editor text, run list) over {pages} page loads in "
        f"{time.monotonic() - started:.1f} s: {len(seen.sentinel)} sentinel calls, "
        f"{len(seen.dialogs)} dialogs, {len(seen.foreign)} requests elsewhere, "
        f"{len(findings)} injected elements"
    )
    assert findings == []
    assert seen.sentinel == [] and seen.dialogs == [] and seen.foreign == []
