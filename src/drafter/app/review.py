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

from drafter.app.drafts import CurrentDraft, current, section_agents
from drafter.app.flags import Queue, delta, present, queue, report_keys
from drafter.config import Settings
from drafter.errors import DrafterError, RunError
from drafter.files import write_atomic
from drafter.progress import Progress
from drafter.render import section_keys
from drafter.run.archive import Archive, Revision, digest, newest_check, sentence_key
from drafter.run.folder import ARTICLE_MD, DESK_DIR, RunFolder

if TYPE_CHECKING:
    from drafter.check.report import CheckReport

MAX_SECTION_CHARS = 60_000
MAX_NOTE_CHARS = 4_000
MAX_REQUEST_CHARS = 1_000
MAX_REASON_CHARS = 500
MAX_NAME_CHARS = 80

_run_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


class EditError(DrafterError):
    """A request the desk cannot do. `key` and `params` name the message in the desk's string
    tables (desk/i18n.py), so the editor reads it in the desk's language."""

    exit_code = 2

    def __init__(
        self, message: str, *, key: str = "", hint: str | None = None, **params: Any
    ) -> None:
        super().__init__(message, hint=hint)
        self.key = key
        self.params = params


def run_lock(run_dir: Path) -> threading.Lock:
    """One regeneration or re-check per run at a time."""
    with _locks_guard:
        return _run_locks.setdefault(str(run_dir.resolve()), threading.Lock())


def _section(key: str) -> str:
    if key not in section_keys():
        raise EditError(
            f"No section called {key!r}; sections: {', '.join(section_keys())}",
            key="section",
            key_=key,
        )
    return key


def save_edit(
    archive: Archive, run_dir: Path, key: str, text: str, *, who: str | None = None
) -> CurrentDraft:
    key = _section(key)
    text = text.replace("\r\n", "\n").strip()
    if len(text) > MAX_SECTION_CHARS:
        raise EditError(f"The {key} text is {len(text):,} characters; the limit is "
                        f"{MAX_SECTION_CHARS:,}.", key="too_long", key_=key, n=len(text),
                        limit=MAX_SECTION_CHARS)  # fmt: skip
    if key == "title" and not text:
        raise EditError("The title cannot be empty.", key="title_empty")
    draft = current(run_dir, archive)
    model_text = next(s.model_text for s in draft.sections if s.key == key)
    if text == model_text.strip():
        return revert(archive, run_dir, key, who=who)
    before = review_queue(archive, run_dir, draft)
    archive.add_revision(draft.run_id, key, "editor", text)
    return record_fixes(archive, run_dir, before, who)


def revert(archive: Archive, run_dir: Path, key: str, *, who: str | None = None) -> CurrentDraft:
    draft = current(run_dir, archive)
    if next(s.edited for s in draft.sections if s.key == _section(key)):
        before = review_queue(archive, run_dir, draft)
        archive.add_revision(draft.run_id, key, "revert", None)
        return record_fixes(archive, run_dir, before, who)
    return draft  # nothing changed


def review_queue(archive: Archive, run_dir: Path, draft: CurrentDraft | None = None) -> Queue:
    """The flags of the newest check on the text as it is now, with the editor's answers."""
    draft = draft or current(run_dir, archive)
    report, _ = latest_check(run_dir)
    texts = {s.key: s.text for s in draft.sections}
    return queue(report, archive.flag_reviews(draft.run_id), texts)


def record_fixes(archive: Archive, run_dir: Path, before: Queue, who: str | None) -> CurrentDraft:
    """After a change to the text: every flag whose sentence the change removed is recorded as
    fixed (by whom, when). Returns the draft as it is now."""
    after = current(run_dir, archive)
    texts = {s.key: s.text for s in after.sections}
    for flag in before.open:  # a dismissal is kept: it holds again if the sentence comes back
        if not present(flag, texts):
            archive.review_flag(
                after.run_id, flag.section, flag.sentence, flag.kind, "fixed",
                who=_name(who), must_fix=flag.must_fix,
            )  # fmt: skip
    return after


def _name(who: str | None) -> str | None:
    who = " ".join((who or "").split())[:MAX_NAME_CHARS]
    return who or None


def dismiss(
    archive: Archive,
    run_dir: Path,
    section: str,
    sentence: str,
    kind: str,
    reason: str,
    *,
    who: str | None = None,
) -> None:
    """'Not a problem, because …': kept while the sentence stays as it is."""
    reason = " ".join(reason.split())
    if not reason:
        raise EditError("Say why it is not a problem.", key="reason_required")
    if len(reason) > MAX_REASON_CHARS:
        raise EditError(
            f"Keep the reason under {MAX_REASON_CHARS} characters.",
            key="reason_too_long",
            limit=MAX_REASON_CHARS,
        )
    draft = current(run_dir, archive)
    wanted = (section, sentence_key(sentence), kind)
    flag = next((f for f in review_queue(archive, run_dir, draft).flags if f.key == wanted), None)
    if flag is None:
        raise EditError("This flag is not in the current check; re-run it.", key="no_such_flag")
    archive.review_flag(
        draft.run_id, flag.section, flag.sentence, flag.kind, "dismissed",
        reason=reason, who=_name(who), must_fix=flag.must_fix,
    )  # fmt: skip


def shown_before(draft: CurrentDraft, key: str, history: list[Revision]) -> str | None:
    """The text the section showed before its latest revision (what Undo puts back), or None
    when it has no revision."""
    if not history:
        return None
    latest = history[-1]
    earlier = history[-2] if len(history) > 1 else None
    if earlier is not None and earlier.origin == "editor":
        return earlier.text or ""
    if latest.origin == "regenerated":
        return latest.text or ""  # the model text the regeneration replaced
    return next(s.model_text for s in draft.sections if s.key == key)


def put_back(
    archive: Archive, run_dir: Path, key: str, text: str, *, who: str | None = None
) -> CurrentDraft:
    """Show `text` in the section: the model's text now (a revert) or an editor revision."""
    draft = current(run_dir, archive)
    section = next(s for s in draft.sections if s.key == _section(key))
    before = review_queue(archive, run_dir, draft)
    if text.strip() == section.model_text.strip():
        if not section.edited:
            return draft
        archive.add_revision(draft.run_id, key, "revert", None)
    elif text != section.text or not section.edited:
        archive.add_revision(draft.run_id, key, "editor", text)
    return record_fixes(archive, run_dir, before, who)


def undo(archive: Archive, run_dir: Path, key: str, *, who: str | None = None) -> CurrentDraft:
    """One click back: the text the section had before its latest edit, revert or
    regeneration."""
    draft = current(run_dir, archive)
    text = shown_before(draft, _section(key), archive.revisions(draft.run_id, key))
    if text is None:
        raise EditError("Nothing to undo.", key="nothing_to_undo")
    return put_back(archive, run_dir, key, text, who=who)


def revision_text(draft: CurrentDraft, key: str, history: list[Revision], rev: str) -> str:
    """The text of revision `rev` (an id), or 'model' (the model's text now), or 'current'."""
    section = next(s for s in draft.sections if s.key == _section(key))
    if rev == "model":
        return section.model_text
    if rev == "current":
        return section.text
    found = next((h for h in history if str(h.id) == rev), None)
    if found is None:
        raise EditError(f"No revision {rev}.", key="no_such_revision", rev=rev)
    return section.model_text if found.origin == "revert" else (found.text or "")


def restore(
    archive: Archive, run_dir: Path, key: str, rev: str, *, who: str | None = None
) -> CurrentDraft:
    draft = current(run_dir, archive)
    text = revision_text(draft, key, archive.revisions(draft.run_id, key), rev)
    return put_back(archive, run_dir, key, text, who=who)


def add_note(archive: Archive, run_dir: Path, key: str, text: str) -> None:
    text = text.strip()
    if not text:
        raise EditError("The note is empty.", key="note_empty")
    if len(text) > MAX_NOTE_CHARS:
        raise EditError(
            f"Notes are limited to {MAX_NOTE_CHARS:,} characters.",
            key="note_too_long",
            limit=MAX_NOTE_CHARS,
        )
    draft = current(run_dir, archive)
    archive.add_note(draft.run_id, _section(key) if key != "run" else key, text)


class MustFixError(EditError):
    """Approval asked for while the check has must-fix items the editor has not acknowledged."""

    def __init__(self, message: str, items: list[str], dismissed: list[str] | None = None) -> None:
        super().__init__(message)
        self.items = items
        self.dismissed = dismissed or []


def approve(
    archive: Archive,
    run_dir: Path,
    *,
    acknowledged: bool = False,
    who: str | None = None,
    reason: str | None = None,
) -> str:
    """Approve exactly the Markdown on screen now; editing it later shows the approval as stale.
    When the check (re-run on this text) has must-fix items the editor has not marked 'not a
    problem', approval needs the editor to acknowledge them: the decision records who and why,
    a note lists the items, and the approval then lets exports through."""
    from drafter.app.gate import split_failures

    draft = current(run_dir, archive)
    blocking, dismissed = split_failures(archive, draft.run_id, recheck_report(archive, run_dir))
    items = [b.line() for b in blocking]
    if items and not acknowledged:
        raise MustFixError(
            f"The fact check has {len(items)} must-fix item(s); acknowledge them to approve.",
            items,
            [b.line() for b in dismissed],
        )
    reason = " ".join((reason or "").split())[:MAX_REASON_CHARS] or None
    approved = digest(draft.markdown)
    archive.decide(draft.run_id, "approved", approved, who=_name(who), reason=reason)
    if items:
        by = f" by {_name(who)}" if _name(who) else ""
        why = f" ({reason})" if reason else ""
        archive.add_note(
            draft.run_id,
            "run",
            f"approved{by} with {len(items)} must-fix item(s) acknowledged{why}:\n"
            + "\n".join(items),
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
    """Layer 1 of `drafter check` on the draft as edited; desk/check.json beside the run.
    The summary adds what changed since the check before: `fixed` (flags no longer raised) and
    `new` ones, dismissed flags left out of both."""
    run = current(run_dir, archive).run_id
    before = report_keys(latest_check(run_dir)[0], archive.flag_reviews(run))
    summary = recheck_report(archive, run_dir).summary()
    after = report_keys(latest_check(run_dir)[0], archive.flag_reviews(run))
    fixed, new = delta(before, after)
    return {**summary, "fixed": fixed, "new": new}


def recheck_report(archive: Archive, run_dir: Path) -> CheckReport:
    """The layer-1 report of the text as it would be published, written to desk/check.json."""
    from drafter.app.checking import write_reports
    from drafter.check.core import check
    from drafter.check.inputs import from_run
    from drafter.check.report import JudgeInfo

    with run_lock(run_dir):
        draft = current(run_dir, archive)
        folder = run_dir / DESK_DIR
        write_atomic(folder / ARTICLE_MD, draft.markdown)
        report = check(
            from_run(run_dir, folder / ARTICLE_MD),
            JudgeInfo(status="off", detail="the desk re-checks with layer 1; run drafter check "
                      "for the LLM judge"),
        )  # fmt: skip
        write_reports(report, folder, owned=False)  # desk/ is drafter's own folder
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


def regenerate(
    archive: Archive,
    run_dir: Path,
    key: str,
    settings: Settings,
    request: str | None = None,
    progress: Progress | None = None,
    *,
    who: str | None = None,
) -> CurrentDraft:
    """Ask the section's agent again, on the same inputs, with the editor's request if any.
    Only that step is redone (sections that read it keep their text). If the model call fails,
    the previous version is put back and the error is raised."""
    from drafter import pipeline

    agent, request = _regeneration(key, request)
    with run_lock(run_dir):
        before = current(run_dir, archive)
        flags_before = review_queue(archive, run_dir, before)
        folder = pipeline.open_for_resume(run_dir)
        step_file = folder.step_file(agent)
        if not step_file.is_file():
            raise RunError(
                f"The {agent} step of {run_dir} has not finished; resume the run first.",
                hint=f"drafter run --resume {run_dir}",
            )
        _redo_step(archive, run_dir, folder, agent, settings, request, progress)
        model_text = next(s.model_text for s in before.sections if s.key == key)
        archive.add_revision(before.run_id, key, "regenerated", model_text, request)
        archive.register(run_dir)
        return record_fixes(archive, run_dir, flags_before, who)


def _regeneration(key: str, request: str | None) -> tuple[str, str | None]:
    """The agent that writes the section, and the editor's request (stripped; None if empty)."""
    agent = section_agents().get(_section(key))
    if agent is None:
        raise EditError(f"The {key} section is built by code from what was fetched; edit it "
                        "instead.", key="not_regenerable")  # fmt: skip
    request = (request or "").strip() or None
    if request and len(request) > MAX_REQUEST_CHARS:
        raise EditError(
            f"Keep the request under {MAX_REQUEST_CHARS:,} characters.",
            key="request_too_long",
            limit=MAX_REQUEST_CHARS,
        )
    return agent, request


def _redo_step(
    archive: Archive,
    run_dir: Path,
    folder: RunFolder,
    agent: str,
    settings: Settings,
    request: str | None,
    progress: Progress | None,
) -> None:
    """Runs the agent's finished step again (app/drafting.py, cache off), with the editor's
    request if any; on any failure the step is put back as it was and the archive re-read."""
    from drafter.app.drafting import redo_step
    from drafter.progress import SilentProgress

    try:
        redo_step(folder, agent, settings, progress or SilentProgress(), request)
    except BaseException:  # a model error, a bug, an interrupt: the section stays as it was
        archive.register(run_dir)
        raise
