"""The one writer of fact-check reports (check.json and check.md, or `<stem>.json/.md`), and
layer 1 of the check on a finished draft as `drafter run` and `drafter batch` do it.

Three places write a report: a finished run (`check_draft`, beside article.md), `drafter check`
(beside the run, or beside a loose draft as `<draft>.check.*`) and the desk's re-check (under
the run's desk/ folder). They differ on purpose in one way, kept as a parameter: the desk's
folder is drafter's own (`owned=False`, written atomically over whatever is there), while the
other two may hold a report an editor changed since, which is kept aside (files.write_owned) and
named in the answer for the caller to say so in its own words.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.files import write_atomic, write_owned
from drafter.progress import Progress
from drafter.run.folder import CHECK_JSON

if TYPE_CHECKING:
    from drafter.check.report import CheckReport
    from drafter.config import Settings
    from drafter.run.folder import RunFolder
    from drafter.run.meta import CheckSummary

REPORT_STEM = CHECK_JSON.removesuffix(".json")  # check.json and check.md


def write_reports(
    report: CheckReport, out_dir: Path, stem: str = REPORT_STEM, *, owned: bool = True
) -> list[tuple[str, Path]]:
    """`<stem>.json` and `<stem>.md` in out_dir. Returns (file name, where the editor's
    version was kept) for each report someone changed since drafter wrote it (owned=True)."""
    from drafter.check.report import to_markdown

    kept_aside: list[tuple[str, Path]] = []
    for name, text in (
        (f"{stem}.json", report.model_dump_json(indent=2) + "\n"),
        (f"{stem}.md", to_markdown(report)),
    ):
        if not owned:
            write_atomic(out_dir / name, text)
            continue
        kept = write_owned(out_dir / name, text)
        if kept is not None:
            kept_aside.append((name, kept))
    return kept_aside


def check_draft(
    folder: RunFolder, progress: Progress, settings: Settings | None = None
) -> CheckSummary | None:
    """Layer 1 of `drafter check` on the finished draft: check.json/check.md beside it and a
    summary in run.json; with `settings`, the run is recorded in the archive again. A failure
    here never costs the draft: it is reported and skipped."""
    from drafter.check.core import check
    from drafter.check.inputs import from_run
    from drafter.check.report import JudgeInfo
    from drafter.run import archive
    from drafter.run.meta import CheckSummary

    try:
        report = check(
            from_run(folder.path),
            JudgeInfo(status="off", detail="drafter run checks with layer 1; run drafter check "
                      "for the LLM judge"),
        )  # fmt: skip
    except Exception as exc:  # noqa: BLE001 - the draft is written; the check is advisory here
        progress.note(f"fact check skipped: {exc}")
        return None
    for name, kept in write_reports(report, folder.path):
        progress.note(
            f"{name} had been changed since drafter wrote it: your version is kept as {kept.name}"
        )
    summary = CheckSummary.model_validate(report.summary())
    folder.run.check = summary
    folder.save_meta()
    if settings is not None:
        archive.record(folder.path, settings)
    failing = report.failures
    if failing:
        sections = ", ".join(sorted({c.section for c in failing}))
        progress.note(f"fact check: {len(failing)} claim(s) to fix ({sections}); see check.md")
    else:
        progress.note("fact check: nothing to fix")
    return summary
