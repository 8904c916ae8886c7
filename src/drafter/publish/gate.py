"""The publish gate: a draft whose fact check has must-fix items does not leave as HTML, WXR or
a WordPress draft unless an editor approved exactly this text on the desk, acknowledging those
items, or the person exporting says --force. Markdown (the working copy) is never gated.

The check is layer 1 on the text as it will be published (the model's draft with every editor
revision), so an edit that fixed the flagged sentence lets the draft through and an edit that
introduced a new problem does not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.archive import Archive
from drafter.errors import DrafterError

GATED_FORMATS = ("html", "wxr", "wp")


class PublishBlockedError(DrafterError):
    exit_code = 1


@dataclass
class Blocker:
    section: str
    sentence: str
    reasons: list[str]

    def line(self) -> str:
        why = "; ".join(self.reasons) or "not supported by the source"
        sentence = " ".join(self.sentence.split())
        if len(sentence) > 120:
            sentence = sentence[:119] + "…"
        return f"[{self.section}] {sentence} ({why})"


def blockers(archive: Archive, run_dir: Path) -> list[Blocker]:
    """The must-fix items standing between this draft and a publishable export: none when the
    editor approved the current text (approval acknowledges the items, see desk.actions)."""
    from drafter.desk import actions

    if actions.approval_state(archive, run_dir) == "approved":
        return []
    report = actions.recheck_report(archive, run_dir)
    return [Blocker(c.section, c.sentence, list(c.reasons)) for c in report.failures]


def refuse(run_dir: Path, found: list[Blocker], fmt: str) -> PublishBlockedError:
    listing = "\n".join(f"  - {b.line()}" for b in found)
    return PublishBlockedError(
        f"Not exported as {fmt}: the fact check has {len(found)} must-fix item(s) in "
        f"{run_dir}:\n{listing}",
        hint="Fix them (drafter review, or edit and re-check), approve the draft on the desk "
        "acknowledging them, or export anyway with --force.",
    )


def check_gate(settings: Any, run_dir: Path, fmt: str, *, force: bool) -> None:
    """Raise PublishBlockedError when `fmt` is gated and the draft has must-fix items."""
    if force or fmt not in GATED_FORMATS:
        return
    from drafter.archive import open_archive

    archive = open_archive(settings)
    try:
        found = blockers(archive, run_dir)
    finally:
        archive.close()
    if found:
        raise refuse(run_dir, found, fmt)
