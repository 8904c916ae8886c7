"""The editors' desk over HTTP (FastAPI TestClient): the run list, the draft beside its source,
edits that survive re-runs, regeneration through the scripted model, re-check, approval, notes,
and the request guards (CSRF, Origin, Host)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafter.config import archive_path, load_settings
from drafter.desk.app import create_app
from drafter.run.archive import Archive
from tests.helpers import draft, run_cli
from tests.scripted_llm import ScriptedLLM

HOST = "127.0.0.1:8765"
TOKEN = "test-csrf-token-0123456789"


@pytest.fixture
def run_dir(llm_env: ScriptedLLM, tmp_path: Path) -> Path:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip().splitlines()[-1]).parent


@pytest.fixture
def desk(run_dir: Path) -> Iterator[tuple[TestClient, Archive, int]]:
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir)
    assert run is not None, "drafter run registers its run in the archive"
    app = create_app(settings, archive, token=TOKEN, allowed_hosts={HOST})
    with TestClient(app, base_url=f"http://{HOST}") as client:
        yield client, archive, run
    archive.close()


def post(client: TestClient, url: str, data: dict[str, str], htmx: bool = True) -> Any:
    headers = {"X-CSRF-Token": TOKEN, "Origin": f"http://{HOST}"}
    if htmx:
        headers["HX-Request"] = "true"
    return client.post(url, data=data, headers=headers, follow_redirects=False)


def test_run_list_shows_each_run_with_its_check_and_cost(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    client, _, run = desk
    page = client.get("/")
    assert page.status_code == 200
    meta = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert f'href="/runs/{run}"' in page.text
    headline = json.loads((run_dir / "steps/headline.json").read_text(encoding="utf-8"))
    assert headline["output"]["title"] in page.text
    assert meta["status"] == "completed" and "status-completed" in page.text and "完了" in page.text
    assert re.search(r"矛盾 \d+ · 根拠なし \d+", page.text)
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


def test_draft_view_ties_sentences_to_evidence_and_reactions_to_originals(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    client, _, run = desk
    page = client.get(f"/runs/{run}")
    assert page.status_code == 200
    article = json.loads((run_dir / "article.json").read_text(encoding="utf-8"))
    # Every lead evidence id links to a source sentence with that id on the same page.
    evidence = re.findall(r'<a class="ev" href="#(S\d+)"', page.text)
    assert evidence
    for sid in set(evidence):
        assert f'id="{sid}"' in page.text
    # Each reaction carries its original comment, on demand.
    for reaction in article["reactions"]["reactions"]:
        assert f'data-comment="{reaction["comment_id"]}"' in page.text
        assert reaction["original"].split("\n")[0][:40] in html.unescape(page.text)
    # Each book shows its catalog record.
    for book in article["books"]["books"]:
        assert book["verification"][:30] in html.unescape(page.text)


def test_an_edit_is_kept_through_a_rerun_and_exported(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    client, archive, run = desk
    edited = "編集者が書き直したリードの一文です。"
    answer = post(client, f"/runs/{run}/sections/lead", {"text": edited})
    assert answer.status_code == 200 and edited in answer.text and "edited-badge" in answer.text
    # A re-run of the lead from the CLI rewrites article.md, not the editor's text.
    rerun = run_cli("--resume", str(run_dir), "--redo", "lead")
    assert rerun.exit_code == 0, rerun.output
    assert edited not in (run_dir / "article.md").read_text(encoding="utf-8")
    page = client.get(f"/runs/{run}")
    assert edited in page.text
    exported = client.get(f"/runs/{run}/export.md")
    assert exported.status_code == 200 and edited in exported.text
    # Back to the model's text: the edit stays in the history.
    post(client, f"/runs/{run}/sections/lead/revert", {})
    assert edited not in client.get(f"/runs/{run}/export.md").text
    origins = [r.origin for r in archive.revisions(run, "lead")]
    assert origins == ["editor", "revert"]


def test_the_wxr_export_names_the_configured_site_and_author(run_dir: Path) -> None:
    settings = load_settings({"wp_url": "https://blog.example.jp/", "wp_user": "henshu"})
    archive = Archive(archive_path(settings))
    run = archive.find(run_dir)
    assert run is not None
    app = create_app(settings, archive, token=TOKEN, allowed_hosts={HOST})
    with TestClient(app, base_url=f"http://{HOST}") as client:
        wxr = client.get(f"/runs/{run}/export.wxr")
    archive.close()
    assert wxr.status_code == 200 and wxr.headers["content-type"].startswith("application/xml")
    assert "<wp:base_site_url>https://blog.example.jp</wp:base_site_url>" in wxr.text
    assert "henshu" in wxr.text and "attachment" in wxr.headers["content-disposition"]


def test_regenerate_asks_the_same_agent_with_the_editors_request(
    desk: tuple[TestClient, Archive, int], run_dir: Path, llm_env: ScriptedLLM
) -> None:
    client, archive, run = desk
    before = {name: llm_env.count(name) for name in ("BackgroundDraft", "AnalysisDraft")}
    analysis_before = (run_dir / "steps/analysis.json").read_text(encoding="utf-8")
    answer = post(
        client,
        f"/runs/{run}/sections/background/regenerate",
        {"instruction": "大豆農家への影響をもっと詳しく"},
    )
    assert answer.status_code == 200, answer.text
    assert llm_env.count("BackgroundDraft") == before["BackgroundDraft"] + 1
    request = [
        r
        for r in llm_env.requests
        if r.get("response_format", {}).get("json_schema", {}).get("name") == "BackgroundDraft"
    ][-1]
    user = request["messages"][-1]["content"]
    assert re.search(
        r"<editor-request-[0-9a-f]+>\n大豆農家への影響をもっと詳しく\n</editor-request-", user
    )
    # Only that step was asked again; the analysis that read it is kept as it was.
    assert llm_env.count("AnalysisDraft") == before["AnalysisDraft"]
    assert (run_dir / "steps/analysis.json").read_text(encoding="utf-8") == analysis_before
    history = archive.revisions(run, "background")
    assert [h.origin for h in history] == ["regenerated"]
    assert history[0].instruction == "大豆農家への影響をもっと詳しく"


def test_recheck_approve_and_a_later_edit_marks_the_approval_stale(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    client, _, run = desk
    answer = post(client, f"/runs/{run}/check", {}, htmx=False)
    assert answer.status_code == 303
    assert (run_dir / "desk/check.json").is_file() and (run_dir / "desk/article.md").is_file()
    post(client, f"/runs/{run}/approve", {}, htmx=False)
    assert "approval-approved" in client.get(f"/runs/{run}").text
    assert "approved" in client.get("/").text
    post(client, f"/runs/{run}/sections/conclusion", {"text": "## 総括\n\n短くしました。"})
    assert "approval-changed-since-approval" in client.get(f"/runs/{run}").text
    assert "承認後に変更あり" in client.get("/").text


def test_notes_are_kept_per_section(desk: tuple[TestClient, Archive, int]) -> None:
    client, archive, run = desk
    answer = post(client, f"/runs/{run}/notes", {"section": "reactions", "text": "数字を確認"})
    assert answer.status_code == 200 and "数字を確認" in answer.text
    assert [(n.section, n.text) for n in archive.notes(run)] == [("reactions", "数字を確認")]
    empty = post(client, f"/runs/{run}/notes", {"section": "reactions", "text": "  "})
    assert "メモが空です。" in empty.text


def test_state_changes_need_the_token_the_origin_and_the_host(
    desk: tuple[TestClient, Archive, int],
) -> None:
    client, archive, run = desk
    url = f"/runs/{run}/sections/lead"
    no_token = client.post(url, data={"text": "x"}, headers={"Origin": f"http://{HOST}"})
    assert no_token.status_code == 403
    wrong = client.post(url, data={"text": "x", "csrf": "guess"})
    assert wrong.status_code == 403
    other_origin = client.post(
        url, data={"text": "x"}, headers={"X-CSRF-Token": TOKEN, "Origin": "http://evil.test"}
    )
    assert other_origin.status_code == 403
    rebound = client.get("/", headers={"Host": "evil.test:8765"})
    assert rebound.status_code == 421
    form_token = client.post(
        url, data={"text": "フォームから", "csrf": TOKEN}, follow_redirects=False
    )
    assert form_token.status_code == 303  # no htmx: the plain form works too
    assert archive.editor_texts(run) == {"lead": "フォームから"}


def test_unknown_run_and_section_are_404(desk: tuple[TestClient, Archive, int]) -> None:
    client, _, run = desk
    assert client.get("/runs/9999").status_code == 404
    assert client.get(f"/runs/{run}/sections/nope/edit").status_code == 404


def test_published_url_is_kept_for_related_links(desk: tuple[TestClient, Archive, int]) -> None:
    client, archive, run = desk
    assert post(client, f"/runs/{run}/published", {"url": "javascript:x"}).status_code == 400
    ok = post(client, f"/runs/{run}/published", {"url": "https://blog.example.jp/p/1"}, False)
    assert ok.status_code == 303
    assert archive.run(run).published_url == "https://blog.example.jp/p/1"
    assert 'value="https://blog.example.jp/p/1"' in client.get(f"/runs/{run}").text


def test_a_failed_run_says_why_it_stopped_and_how_to_finish_it(
    llm_env: ScriptedLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens on port 9
    result = draft(tmp_path, "--max-retries", "0", "--no-cache")
    assert result.exit_code == 4, result.output
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    runs = archive.runs()
    assert [r.status for r in runs] == ["failed"]
    app = create_app(settings, archive, token=TOKEN, allowed_hosts={HOST})
    with TestClient(app, base_url=f"http://{HOST}") as client:
        page = html.unescape(client.get(f"/runs/{runs[0].id}").text)
        assert "止まった理由 (lead): Cannot connect to the model server" in page
        assert "background blocked" in page and "drafter run --resume" in page
        # A stop that names no agent (--max-cost, or a run.json from an older drafter).
        meta_file = runs[0].path / "run.json"
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        meta["error"] = {"type": "BudgetExceededError", "message": "Stopped before the lead."}
        meta_file.write_text(json.dumps(meta), encoding="utf-8")
        budget = client.get(f"/runs/{runs[0].id}")
        assert budget.status_code == 200
        assert "止まった理由: Stopped before the lead." in html.unescape(budget.text)
    archive.close()


def test_a_long_archive_is_paged_searchable_and_read_only_where_it_changed(
    run_dir: Path, tmp_path: Path
) -> None:
    import shutil

    many = tmp_path / "older"
    many.mkdir()
    for n in range(149):
        target = many / f"2025{n:06d}-copy"
        shutil.copytree(run_dir, target)
        meta = json.loads((target / "run.json").read_text(encoding="utf-8"))
        meta.update(
            run_id=target.name, created_at=f"2025-01-01T00:{n // 60:02d}:{n % 60:02d}+00:00"
        )
        (target / "run.json").write_text(json.dumps(meta), encoding="utf-8")
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    assert archive.sync([many]) == 149  # every new folder is read once...
    assert archive.sync([many]) == 0  # ...and not again while nothing changed
    changed = many / "2025000007-copy" / "run.json"
    meta = json.loads(changed.read_text(encoding="utf-8"))
    meta["status"] = "failed"
    changed.write_text(json.dumps(meta), encoding="utf-8")
    assert archive.sync([many]) == 1
    # An archive a newer drafter added a column to still opens and lists.
    archive.close()
    import sqlite3

    db = sqlite3.connect(archive_path(settings))
    db.execute("ALTER TABLE runs ADD COLUMN from_the_future TEXT")
    db.commit()
    db.close()
    archive = Archive(archive_path(settings))
    assert len(archive.runs()) == 150
    app = create_app(settings, archive, token=TOKEN, allowed_hosts={HOST}, import_dirs=[many])
    with TestClient(app, base_url=f"http://{HOST}") as client:
        first = client.get("/")
        assert first.status_code == 200
        assert first.text.count('<tr data-run="') == 100 and "1 / 2ページ" in first.text
        newest = archive.find(run_dir)
        assert first.text.index('<tr data-run="') == first.text.index(f'<tr data-run="{newest}"')
        second = client.get("/?page=2").text
        assert second.count('<tr data-run="') == 50 and 'rel="prev"' in second
        found = client.get("/", params={"q": "２０２５０００００７"}).text  # full-width digits
        assert found.count('<tr data-run="') == 1 and "status-failed" in found
        assert (
            "に一致する下書きはありません"
            in client.get("/", params={"q": "<nothing like it>"}).text
        )
        assert "に一致する下書きはありません" in client.get("/", params={"q": "%_%"}).text
        past = client.get("/?page=99")  # runs removed while an editor was on a late page
        assert past.status_code == 200 and past.text.count('<tr data-run="') == 50
        assert "2 / 2ページ" in past.text and "下書きはまだありません" not in past.text
        assert client.get("/?page=10000000000000000000").status_code == 422
        # A broken folder is left out of the list; it does not break the list.
        (many / "2025000011-copy" / "check.json").write_text("[]", encoding="utf-8")
        bad = json.loads((many / "2025000012-copy" / "run.json").read_text(encoding="utf-8"))
        bad["source"] = "not an object"
        (many / "2025000012-copy" / "run.json").write_text(json.dumps(bad), encoding="utf-8")
        assert client.get("/").status_code == 200
        shutil.rmtree(many / "2025000007-copy")  # deleted by hand: listed, marked, not dropped
        gone = client.get("/", params={"q": "2025000007"}).text
        assert gone.count('<tr data-run="') == 1 and "フォルダがありません" in gone
    archive.close()


def test_regenerating_five_sections_in_a_row_in_one_desk_process(
    desk: tuple[TestClient, Archive, int], run_dir: Path, llm_env: ScriptedLLM
) -> None:
    """Each regeneration runs its agent in an event loop of its own: a client bound to the loop
    of the one before ("Event loop is closed") must not break every second regeneration."""
    client, archive, run = desk
    sections = ["background", "analysis", "conclusion", "title", "reactions"]
    for number, section in enumerate(sections, start=1):
        answer = post(
            client, f"/runs/{run}/sections/{section}/regenerate", {"instruction": f"案{number}"}
        )
        assert answer.status_code == 200, (section, answer.text[:500])
        assert [h.origin for h in archive.revisions(run, section)] == ["regenerated"], section
    meta = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert meta["status"] == "completed"
    for agent in ("background", "analysis", "conclusion", "headline", "reactions"):
        assert (run_dir / "steps" / f"{agent}.json").is_file(), agent


def test_a_run_without_a_finished_draft_gets_a_page_not_a_500(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    client, archive, _ = desk
    unfinished = run_dir.parent / "unfinished"
    (unfinished / "steps").mkdir(parents=True)
    (unfinished / "run.json").write_text(
        json.dumps({"run_id": "unfinished", "status": "failed", "created_at": "x"}),
        encoding="utf-8",
    )
    other = archive.register(unfinished)
    answer = post(client, f"/runs/{other}/sections/background/regenerate", {"instruction": "x"})
    assert answer.status_code == 409, answer.text[:300]
    assert "下書き（article.json）ができあがっていません" in answer.text
    assert "drafter run --resume" in answer.text


WRONG_LEAD = (
    "ハーバー・ワイヤーによると、ベロリアのエレナ・マーシュ貿易相は3月14日、日本と韓国の買い手との"
    "協議後、リチウムの新たな輸出許可制度の導入を3年延期する見通しを示した。"
)


def _must_fix_lead(client: TestClient, run: int) -> str:
    """An editor's lead with a wrong number (the source says one year), checked: one must-fix
    flag. Returns the flagged sentence as the check reports it."""
    assert post(client, f"/runs/{run}/sections/lead", {"text": WRONG_LEAD}).status_code == 200
    assert post(client, f"/runs/{run}/check", {}, htmx=False).status_code == 303
    page = client.get(f"/runs/{run}")
    assert re.search(r'class="to-fix bad">要修正 \d+件</a>', page.text), "the check flags it"
    return WRONG_LEAD


def test_a_dismissed_flag_holds_across_rechecks_and_the_gate_names_its_reason(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    client, archive, run = desk
    sentence = _must_fix_lead(client, run)
    report = json.loads((run_dir / "desk/check.json").read_text(encoding="utf-8"))
    flag = next(c for c in report["claims"] if c["fails"] and c["section"] == "lead")
    refused = client.get(f"/runs/{run}/export.html")
    assert refused.status_code == 409 and "書き出していません" in refused.text
    form = {"section": "lead", "sentence": flag["sentence"], "kind": flag["decided_by"]}
    # A reason is required.
    empty = post(client, f"/runs/{run}/flags/dismiss", {**form, "reason": "  "})
    assert "理由を書いてください" in empty.text
    assert archive.flag_reviews(run) == []
    # Not a problem, because …: the flag leaves the count, and the export goes through.
    answer = post(
        client,
        f"/runs/{run}/flags/dismiss",
        {**form, "reason": "大臣の会見で3年と確認", "who": "山田"},
    )
    assert answer.status_code == 200 and "大臣の会見で3年と確認" in answer.text
    assert 'hx-swap-oob="true"' in answer.text  # the top bar and the section follow
    [review] = archive.flag_reviews(run)
    assert (review.action, review.who, review.must_fix) == ("dismissed", "山田", True)
    assert post(client, f"/runs/{run}/check", {}, htmx=False).status_code == 303
    page = client.get(f"/runs/{run}")
    assert "修正すべき点はありません" in page.text and "要修正 1件" not in page.text
    assert client.get(f"/runs/{run}/export.html").status_code == 200
    # The same sentence with a second problem: the dismissal names the first; the gate lists
    # the new item, and the dismissed one with its reason.
    worse = sentence.replace("3月14日", "5月20日")
    post(client, f"/runs/{run}/sections/lead", {"text": worse})
    refused = client.get(f"/runs/{run}/export.html")
    assert refused.status_code == 409, "a changed sentence is a new flag"
    from drafter.app.gate import refuse
    from drafter.app.gate import review as gate_review

    blocking, dismissed = gate_review(archive, run_dir)
    assert blocking and dismissed == []  # the dismissal was for the sentence as it was
    post(client, f"/runs/{run}/sections/lead", {"text": sentence})
    blocking, dismissed = gate_review(archive, run_dir)
    assert blocking == [] and dismissed[0].dismissed == "大臣の会見で3年と確認"
    message = str(refuse(run_dir, [*blocking, *dismissed], "html", dismissed))
    assert "not a problem, 山田: 大臣の会見で3年と確認" in message


def test_each_flag_is_listed_once_and_an_edited_sentence_takes_its_flag_away(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    client, archive, run = desk
    sentence = _must_fix_lead(client, run)
    report_file = run_dir / "desk/check.json"
    report = json.loads(report_file.read_text(encoding="utf-8"))
    flag = next(c for c in report["claims"] if c["fails"] and c["section"] == "lead")
    report["claims"].append(dict(flag))  # a report that lists a claim twice
    report_file.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    page = html.unescape(client.get(f"/runs/{run}").text)
    assert page.count(" / ".join(flag["reasons"])) == 1
    assert page.count('class="q-item must-fix"') == 1
    # The editor rewrites the sentence: the flag is gone at once, recorded as fixed.
    fixed = sentence.replace("3年", "1年")
    answer = post(client, f"/runs/{run}/sections/lead", {"text": fixed, "who": "山田"})
    assert 'class="q-item must-fix"' not in answer.text
    [review] = archive.flag_reviews(run)
    assert (review.action, review.who) == ("fixed", "山田")
    # The re-check reports the delta against the check before.
    done = post(client, f"/runs/{run}/check", {}, htmx=False)
    assert done.headers["location"].startswith(f"/runs/{run}?fixed=1&new=0")
    assert "再チェック: 1件解消、0件新規" in client.get(done.headers["location"]).text


def test_an_archive_from_before_flag_reviews_is_upgraded_in_place(tmp_path: Path) -> None:
    import sqlite3

    from drafter.run.archive import MIGRATIONS, SCHEMA

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)  # the tables as the first archives had them
    db.execute("INSERT INTO runs (id, path, run_id) VALUES (1, '/x', 'x')")
    db.execute(
        "INSERT INTO decisions (run, action, digest, created_at) VALUES (1, 'approved', 'd', 't')"
    )
    db.commit()
    db.close()
    archive = Archive(path)
    assert archive.decision(1) is not None and archive.decision(1).who is None  # type: ignore[union-attr]
    archive.review_flag(1, "lead", "文 。", "numbers", "dismissed", reason="ok", who="a")
    assert archive.flag_reviews(1)[0].sentence_key == "文。"
    archive.close()
    archive = Archive(path)  # opening again applies nothing twice
    with archive._lock:
        steps = [r[0] for r in archive._db.execute("SELECT name FROM schema_steps")]
    assert sorted(steps) == sorted(name for name, _ in MIGRATIONS)
    archive.close()


def test_revisions_diff_escaped_and_any_can_be_restored(
    desk: tuple[TestClient, Archive, int],
) -> None:
    client, archive, run = desk
    post(
        client, f"/runs/{run}/sections/conclusion", {"text": "## 総括\n\n最初の版です。<b>太字</b>"}
    )
    post(client, f"/runs/{run}/sections/conclusion", {"text": "## 総括\n\n二番目の版です。"})
    first, second = archive.revisions(run, "conclusion")
    diff = client.get(
        f"/runs/{run}/sections/conclusion/diff",
        params={"a": str(first.id), "b": str(second.id)},
        headers={"HX-Request": "true"},
    )
    assert diff.status_code == 200
    assert (
        "<del>最初の版です。&lt;b&gt;太字&lt;/b&gt;</del><ins>二番目の版です。</ins>" in diff.text
    )
    assert "<b>" not in diff.text
    # A reworded sentence is marked where it changed.
    from drafter.desk.diff import render

    shown, changed = render("導入を1年延期する。次の文。", "導入を3年延期する。次の文。")
    assert str(shown) == "導入を<del>1</del><ins>3</ins>年延期する。次の文。" and changed == 1
    against_model = client.get(f"/runs/{run}/sections/conclusion/diff?a=model&b=current")
    assert against_model.status_code == 200 and "<ins>" in against_model.text
    # Restore the first; then undo puts the second back.
    post(client, f"/runs/{run}/sections/conclusion/restore/{first.id}", {})
    assert archive.editor_texts(run)["conclusion"] == first.text
    post(client, f"/runs/{run}/sections/conclusion/undo", {})
    assert archive.editor_texts(run)["conclusion"] == second.text
    assert client.get(f"/runs/{run}/sections/conclusion/diff?a=999999").status_code == 404


def test_a_stale_token_is_answered_with_the_current_one_only_on_the_same_site(
    desk: tuple[TestClient, Archive, int],
) -> None:
    client, _, run = desk
    url = f"/runs/{run}/sections/lead"
    origin = {"Origin": f"http://{HOST}", "HX-Request": "true"}
    stale = client.post(url, data={"text": "x"}, headers={**origin, "X-CSRF-Token": "old"})
    assert stale.status_code == 403 and stale.headers["x-csrf-token"] == TOKEN
    cross = client.post(
        url,
        data={"text": "x"},
        headers={**origin, "X-CSRF-Token": "old", "Sec-Fetch-Site": "cross-site"},
    )
    assert cross.status_code == 403 and "x-csrf-token" not in cross.headers


def test_wordpress_is_offered_only_when_configured(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    client, _, run = desk
    assert "wp-btn" not in client.get(f"/runs/{run}").text
    assert post(client, f"/runs/{run}/export/wp", {}, htmx=False).status_code == 404
    settings = load_settings({"wp_url": "https://blog.example.jp/"})
    archive = Archive(archive_path(settings))
    app = create_app(settings, archive, token=TOKEN, allowed_hosts={HOST})
    with TestClient(app, base_url=f"http://{HOST}") as configured:
        assert "wp-btn" in configured.get(f"/runs/{run}").text
    archive.close()


def test_the_desk_language_and_time_zone_are_settings(run_dir: Path) -> None:
    from drafter.errors import ConfigError

    with pytest.raises(ConfigError, match="timezone: Value error, not a time zone name"):
        load_settings({"timezone": "Asia/Nowhere"})
    for flags, words, zone in (
        ({}, ("下書き一覧", "検索"), "JST"),
        ({"desk_lang": "en"}, ("Drafts", "Search"), "JST"),
        ({"lang": "en"}, ("Drafts", "Search"), "UTC"),
        ({"desk_lang": "en", "timezone": "Europe/London"}, ("Drafts",), "GMT"),
    ):
        settings = load_settings(flags)
        archive = Archive(archive_path(settings))
        app = create_app(settings, archive, token=TOKEN, allowed_hosts={HOST})
        with TestClient(app, base_url=f"http://{HOST}") as client:
            page = client.get("/").text
        archive.close()
        assert all(word in page for word in words), flags
        assert re.search(rf'data-label="[^"]+">\d{{4}}-\d\d-\d\d \d\d:\d\d {zone}</td>', page), (
            flags
        )


def test_the_checks_style_findings_are_on_the_desk_and_block_nothing(
    desk: tuple[TestClient, Archive, int], run_dir: Path
) -> None:
    """A section whose sentences all end alike gets a style finding: shown in the queue's
    style list, never as a flag to fix."""
    client, _, run = desk
    same = "".join(f"港の荷動きは{n}週目も鈍いとみられます。" for n in range(1, 6))
    post(client, f"/runs/{run}/sections/conclusion", {"text": f"## 総括\n\n{same}"})
    assert post(client, f"/runs/{run}/check", {}, htmx=False).status_code == 303
    report = json.loads((run_dir / "desk/check.json").read_text(encoding="utf-8"))
    assert any(f["kind"] == "repeated_ending" for f in report["style"])
    page = html.unescape(client.get(f"/runs/{run}").text)
    assert "文章のスタイル" in page and "q-style" in page
    assert "公開を止めることはありません" in page
