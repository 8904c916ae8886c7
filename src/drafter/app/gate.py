"""The publish gate: a draft whose fact check has must-fix items does not leave as HTML, WXR or
a WordPress draft unless an editor approved exactly this text on the desk, acknowledging those
items, or the person exporting says --force. Markdown (the working copy) is never gated.

The check is layer 1 on the text as it will be published (the model's draft with every editor
revision), so an edit that fixed the flagged sentence lets the draft through and an edit that
introduced a new problem does not. A must-fix item the editor marked "not a problem" on the desk,
with a reason, is acknowledged (while its sentence is unchanged): it no longer blocks, and every
refusal lists it with that reason."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import DrafterError
from drafter.run.archive import Archive, sentence_key

if TYPE_CHECKING:
    from drafter.check.report import CheckReport

GATED_FORMATS = ("html", "wxr", "wp")


class PublishBlockedError(DrafterError):
    exit_code = 1


@dataclass
class Blocker:
    section: str
    sentence: str
    reasons: list[str]
    dismissed: str | None = None  # the editor's reason it is not a problem, if they gave one
    who: str | None = None

    def line(self) -> str:
        why = "; ".join(self.reasons) or "not supported by the source"
        sentence = " ".join(self.sentence.split())
        if len(sentence) > 120:
            sentence = sentence[:119] + "…"
        return f"[{self.section}] {sentence} ({why})"

    def acknowledged_line(self) -> str:
        by = f", {self.who}" if self.who else ""
        return f"{self.line()} — not a problem{by}: {self.dismissed}"


def split_failures(
    archive: Archive, run: int, report: CheckReport
) -> tuple[list[Blocker], list[Blocker]]:
    """The report's must-fix items as (open, dismissed): dismissed ones carry the editor's
    reason. A dismissal matches on section, normalised sentence and the check that flagged it,
    so it lapses when the sentence changes."""
    answers = {
        (r.section, r.sentence_key, r.kind): r
        for r in archive.flag_reviews(run)
        if r.action == "dismissed"
    }
    blocking: list[Blocker] = []
    dismissed: list[Blocker] = []
    for claim in report.failures:
        found = answers.get((claim.section, sentence_key(claim.sentence), claim.decided_by))
        item = Blocker(claim.section, claim.sentence, list(claim.reasons))
        if found is None:
            blocking.append(item)
        else:
            item.dismissed, item.who = found.reason or "", found.who
            dismissed.append(item)
    return blocking, dismissed


def review(archive: Archive, run_dir: Path) -> tuple[list[Blocker], list[Blocker]]:
    """(blocking, acknowledged) must-fix items of this draft as it would be published: nothing
    blocks when the editor approved the current text (approval acknowledges the items, see
    app.review)."""
    from drafter.app import review as actions

    if actions.approval_state(archive, run_dir) == "approved":
        return [], []
    report = actions.recheck_report(archive, run_dir)
    run = archive.find(run_dir)
    blocking, dismissed = split_failures(archive, run, report) if run is not None else (
        [Blocker(c.section, c.sentence, list(c.reasons)) for c in report.failures], []
    )  # fmt: skip
    return blocking, dismissed


def blockers(archive: Archive, run_dir: Path) -> list[Blocker]:
    """The must-fix items standing between this draft and a publishable export."""
    return review(archive, run_dir)[0]


def refuse(
    run_dir: Path, found: list[Blocker], fmt: str, dismissed: list[Blocker] | None = None
) -> PublishBlockedError:
    listing = "\n".join(f"  - {b.line()}" for b in found)
    if dismissed:
        listing += f"\nMarked not a problem on the desk ({len(dismissed)}):\n" + "\n".join(
            f"  - {b.acknowledged_line()}" for b in dismissed
        )
    return PublishBlockedError(
        f"Not exported as {fmt}: the fact check has {len(found)} must-fix item(s) in "
        f"{run_dir}:\n{listing}",
        hint="Fix them (drafter review, or edit and re-check), mark them not a problem with a "
        "reason, approve the draft on the desk acknowledging them, or export anyway with --force.",
    )


def check_gate(settings: Any, run_dir: Path, fmt: str, *, force: bool) -> None:
    """Raise PublishBlockedError when `fmt` is gated and the draft has must-fix items."""
    if force or fmt not in GATED_FORMATS:
        return
    from drafter.run.archive import open_archive

    archive = open_archive(settings)
    try:
        found, dismissed = review(archive, run_dir)
    finally:
        archive.close()
    if found:
        raise refuse(run_dir, found, fmt, dismissed)
