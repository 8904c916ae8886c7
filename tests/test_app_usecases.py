"""The use cases the faces share (app/checking.py, app/exporting.py): one writer of check
reports and one export switch. No model: a report and a draft made here."""

from __future__ import annotations

import json
from pathlib import Path

from drafter.app.checking import write_reports
from drafter.app.exporting import DEFAULT_FILES, export
from drafter.check.report import CheckReport, JudgeInfo, to_markdown
from drafter.config import Settings

DRAFT = "# 見出し\n\n## リード\n\n東京で新しい駅が開業した。利用者は多い。\n"


def a_report() -> CheckReport:
    return CheckReport(
        draft="article.md", source="https://example.com/a", lang="ja", claims=[],
        judge=JudgeInfo(status="off", detail="layer 1 only"),
    )  # fmt: skip


def test_reports_written_and_an_edited_one_kept_aside(tmp_path: Path) -> None:
    report = a_report()
    assert write_reports(report, tmp_path) == []
    assert json.loads((tmp_path / "check.json").read_text(encoding="utf-8"))["lang"] == "ja"
    assert (tmp_path / "check.md").read_text(encoding="utf-8") == to_markdown(report)
    (tmp_path / "check.md").write_text("編集者のメモ\n", encoding="utf-8")
    kept = write_reports(report, tmp_path)
    assert [name for name, _ in kept] == ["check.md"]
    assert kept[0][1].read_text(encoding="utf-8") == "編集者のメモ\n"
    assert (tmp_path / "check.md").read_text(encoding="utf-8") == to_markdown(report)


def test_a_loose_draft_gets_its_own_stem_and_the_desk_overwrites(tmp_path: Path) -> None:
    report = a_report()
    write_reports(report, tmp_path, "mine.check")
    assert sorted(p.name for p in tmp_path.glob("mine.check.*")) == [
        "mine.check.json", "mine.check.md"
    ]  # fmt: skip
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "check.md").write_text("古い\n", encoding="utf-8")
    assert write_reports(report, desk, owned=False) == []
    assert sorted(p.name for p in desk.iterdir()) == ["check.json", "check.md"]


def test_one_export_switch_for_every_file_format() -> None:
    settings = Settings(wp_url="https://blog.example.jp", wp_user="編集部")
    md = export(DRAFT, "md", settings)
    assert md is not None and md.text == DRAFT and md.default_file == DEFAULT_FILES["md"]
    page = export(DRAFT, "html", settings)
    assert page is not None and "新しい駅" in page.text and page.media_type.startswith("text/html")
    wxr = export(DRAFT, "wxr", settings)
    assert wxr is not None and wxr.suffix == "wxr.xml" and "https://blog.example.jp" in wxr.text
    assert export(DRAFT, "pdf", settings) is None
    assert "article.md" not in DEFAULT_FILES.values()
