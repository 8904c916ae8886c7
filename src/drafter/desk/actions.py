"""What an editor can do to a run, as plain functions: the web desk calls them, tests call them.

Edits, reverts, notes and approvals live in the archive; regenerating a section re-runs its agent
on the same inputs (plus the editor's request) through the normal pipeline, so the answer is
journaled, budgeted, guarded and checked like any other.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.archive import Archive, digest, newest_check
from drafter.config import Settings
from drafter.desk.drafts import SECTION_AGENTS, CurrentDraft, current
from drafter.errors import DrafterError, RunError
from drafter.progress import Progress
from drafter.render import SECTION_KEYS
from drafter.store import RunFolder, write_atomic

if TYPE_CHECKING:
    from drafter.check.report import CheckReport

DESK_DIR = "desk"  # inside the run folder: the edited draft and its check report
MAX_SECTION_CHARS = 60_000
MAX_NOTE_CHARS = 4_000
MAX_REQUEST_CHARS = 1_000

_run_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


class EditError(DrafterError):
    exit_code = 2


def run_lock(run_dir: Path) -> threading.Lock:
    """One regeneration or re-check per run at a time."""
    with _locks_guard:
        return _run_locks.setdefault(str(run_dir.resolve()), threading.Lock())


def _section(key: str) -> str:
    if key not in SECTION_KEYS:
        raise EditError(f"No section called {key!r}; sections: {', '.join(SECTION_KEYS)}")
    return key


def save_edit(archive: Archive, run_dir: Path, key: str, text: str) -> CurrentDraft:
    key = _section(key)
    text = text.replace("\r\n", "\n").strip()
    if len(text) > MAX_SECTION_CHARS:
        raise EditError(f"The {key} text is {len(text):,} characters; the limit is "
                        f"{MAX_SECTION_CHARS:,}.")  # fmt: skip
    if key == "title" and not text:
        raise EditError("The title cannot be empty.")
    draft = current(run_dir, archive)
    model_text = next(s.model_text for s in draft.sections if s.key == key)
    if text == model_text.strip():
        return revert(archive, run_dir, key)
    archive.add_revision(draft.run_id, key, "editor", text)
    return current(run_dir, archive)


def revert(archive: Archive, run_dir: Path, key: str) -> CurrentDraft:
    draft = current(run_dir, archive)
    if next(s.edited for s in draft.sections if s.key == _section(key)):
        archive.add_revision(draft.run_id, key, "revert", None)
    return current(run_dir, archive)


def add_note(archive: Archive, run_dir: Path, key: str, text: str) -> None:
    text = text.strip()
    if not text:
        raise EditError("The note is empty.")
    if len(text) > MAX_NOTE_CHARS:
        raise EditError(f"Notes are limited to {MAX_NOTE_CHARS:,} characters.")
    draft = current(run_dir, archive)
    archive.add_note(draft.run_id, _section(key) if key != "run" else key, text)


class MustFixError(EditError):
    """Approval asked for while the check has must-fix items the editor has not acknowledged."""

    def __init__(self, message: str, items: list[str]) -> None:
        super().__init__(message)
        self.items = items


def approve(archive: Archive, run_dir: Path, *, acknowledged: bool = False) -> str:
    """Approve exactly the Markdown on screen now; editing it later shows the approval as stale.
    When the check (re-run on this text) has must-fix items, approval needs the editor to
    acknowledge them: the note records which, and the approval then lets exports through."""
    draft = current(run_dir, archive)
    from drafter.publish.gate import Blocker

    failures = recheck_report(archive, run_dir).failures
    items = [Blocker(c.section, c.sentence, list(c.reasons)).line() for c in failures]
    if items and not acknowledged:
        raise MustFixError(
            f"The fact check has {len(items)} must-fix item(s); acknowledge them to approve.",
            items,
        )
    approved = digest(draft.markdown)
    archive.decide(draft.run_id, "approved", approved)
    if items:
        archive.add_note(
            draft.run_id,
            "run",
            f"approved with {len(items)} must-fix item(s) acknowledged:\n" + "\n".join(items),
        )
    return approved


def reopen(archive: Archive, run_dir: Path) -> None:
    archive.decide(current(run_dir, archive).run_id, "reopened", None)


def approval_state(archive: Archive, run_dir: Path, draft: CurrentDraft | None = None) -> str:
    """'approved', 'changed since approval', or 'not approved'."""
    draft = draft or current(run_dir, archive)
    decision = archive.decision(draft.run_id)
    if decision is None or decision.action != "approved":
        return "not approved"
    return "approved" if decision.digest == digest(draft.markdown) else "changed since approval"


def recheck(archive: Archive, run_dir: Path) -> dict[str, Any]:
    """Layer 1 of `drafter check` on the draft as edited; desk/check.json beside the run."""
    return recheck_report(archive, run_dir).summary()


def recheck_report(archive: Archive, run_dir: Path) -> CheckReport:
    """The layer-1 report of the text as it would be published, written to desk/check.json."""
    from drafter.check.core import check
    from drafter.check.inputs import from_run
    from drafter.check.report import JudgeInfo, to_markdown

    with run_lock(run_dir):
        draft = current(run_dir, archive)
        folder = run_dir / DESK_DIR
        write_atomic(folder / "article.md", draft.markdown)
        report = check(
            from_run(run_dir, folder / "article.md"),
            JudgeInfo(status="off", detail="the desk re-checks with layer 1; run drafter check "
                      "for the LLM judge"),
        )  # fmt: skip
        write_atomic(folder / "check.json", report.model_dump_json(indent=2) + "\n")
        write_atomic(folder / "check.md", to_markdown(report))
        archive.register(run_dir)
        return report


def latest_check(run_dir: Path) -> tuple[dict[str, Any] | None, str]:
    """The newest check report of this run (the desk's re-check, else the run's) and its file."""
    name = newest_check(run_dir)
    if name is None:
        return None, ""
    try:
        report: dict[str, Any] = json.loads((run_dir / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, ""
    return report, name


def _forget_journal(folder: RunFolder, agent: str) -> None:
    """Drop the journaled answers of one agent, so regenerating asks the model afresh."""
    for path in (folder.path / "calls").glob("*.json"):
        try:
            if json.loads(path.read_text(encoding="utf-8")).get("agent") == agent:
                path.unlink()
        except (OSError, ValueError, AttributeError):
            continue


def regenerate(
    archive: Archive,
    run_dir: Path,
    key: str,
    settings: Settings,
    request: str | None = None,
    progress: Progress | None = None,
) -> CurrentDraft:
    """Ask the section's agent again, on the same inputs, with the editor's request if any.
    Only that step is redone (sections that read it keep their text). If the model call fails,
    the previous version is put back and the error is raised."""
    from drafter import pipeline
    from drafter.progress import SilentProgress

    agent = SECTION_AGENTS.get(_section(key))
    if agent is None:
        raise EditError(f"The {key} section is built by code from what was fetched; edit it "
                        "instead.")  # fmt: skip
    request = (request or "").strip() or None
    if request and len(request) > MAX_REQUEST_CHARS:
        raise EditError(f"Keep the request under {MAX_REQUEST_CHARS:,} characters.")
    with run_lock(run_dir):
        before = current(run_dir, archive)
        folder = pipeline.open_for_resume(run_dir)
        step_file = folder.step_file(agent)
        if not step_file.is_file():
            raise RunError(
                f"The {agent} step of {run_dir} has not finished; resume the run first.",
                hint=f"drafter run --resume {run_dir}",
            )
        saved_step = step_file.read_text(encoding="utf-8")
        saved_meta = json.loads(json.dumps(folder.meta))
        specs, models = pipeline.prepare(settings)
        fresh = settings.model_copy(update={"llm_cache": False})  # a new answer, not a replay
        step_file.unlink()
        folder.meta.get("steps", {}).pop(agent, None)
        _forget_journal(folder, agent)
        try:
            pipeline.execute(
                folder,
                fresh,
                progress or SilentProgress(),
                specs,
                models,
                requests={agent: request} if request else None,
            )
        except DrafterError:
            write_atomic(step_file, saved_step)
            folder.meta = saved_meta
            folder.save_meta()
            archive.register(run_dir)
            raise
        model_text = next(s.model_text for s in before.sections if s.key == key)
        archive.add_revision(before.run_id, key, "regenerated", model_text, request)
        archive.register(run_dir)
    return current(run_dir, archive)
