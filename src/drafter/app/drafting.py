"""The drafting use case: one article, as `drafter run`, `drafter batch` and the desk's
regenerate all do it. No printing and no exit codes: the caller (a face, or the batch) says what
happened from the returned `DraftResult`, and handles the errors raised (DrafterError).

- `draft(request, ...)`: a new run folder for a source and its comments, drafted and checked;
- `resume(run_dir, ...)`: a run folder continued, its finished steps kept (`redo` drops steps);
- `complete(folder, ...)`: a run folder already open (the batch reopens its own), finished;
- `check(folder, ...)`: layer 1 of the fact check on a finished draft (no model call);
- `redo_step(folder, agent, ...)`: one finished step asked again with the cache off (the desk's
  regenerate), put back as it was on any failure.

The pipeline itself (fetching, the agents, rendering) is in pipeline/; imported lazily, so a
face that never drafts never loads the LLM stack.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.config import Settings
from drafter.files import write_atomic
from drafter.progress import Progress
from drafter.run.folder import CALLS_DIR, RunFolder

if TYPE_CHECKING:
    from drafter.pipeline import RunRequest
    from drafter.run.meta import CheckSummary

OnFolder = Callable[[RunFolder], None]


@dataclass(frozen=True)
class DraftResult:
    """A drafted article: its run folder, the path of article.md, the books no catalog could
    confirm (left out of the draft), and the fact check's summary (None if not checked)."""

    folder: RunFolder
    path: Path
    books_unverified: int
    check: CheckSummary | None


def unverified_books(folder: RunFolder) -> int:
    books = folder.run.books
    return (books.unverified or 0) if books is not None else 0


def draft(
    request: RunRequest,
    settings: Settings,
    progress: Progress,
    *,
    check: bool = True,
    record_check: bool = True,
    on_folder: OnFolder | None = None,
) -> DraftResult:
    """A new run folder for the request's source and comments, drafted (and checked).
    `on_folder` hears of the folder as soon as it exists, so a failure later can name it."""
    from drafter import pipeline

    specs, models = pipeline.prepare(settings)
    folder = pipeline.start_run(request, settings, progress)
    if on_folder is not None:
        on_folder(folder)
    path = pipeline.execute(folder, settings, progress, specs, models)
    return _checked(folder, path, settings, progress, check, record_check)


def resume(
    run_dir: Path,
    settings: Settings,
    progress: Progress,
    *,
    redo: Sequence[str] = (),
    check: bool = True,
    record_check: bool = True,
    on_folder: OnFolder | None = None,
) -> DraftResult:
    """Continues a run folder, skipping its finished steps; `redo` names steps to do again
    (with the steps that read them). `on_folder` hears of the folder once the steps to redo
    are dropped (a bad `redo` name is not a failure of the run)."""
    from drafter import pipeline

    specs, models = pipeline.prepare(settings)
    folder = pipeline.open_for_resume(run_dir)
    progress.note(f"resuming {folder.path}")
    if redo:
        dropped = pipeline.forget_steps(folder, specs, list(redo))  # an unknown name raises
        progress.note(f"redoing: {', '.join(dropped)}")
    if on_folder is not None:
        on_folder(folder)
    path = pipeline.execute(folder, settings, progress, specs, models)
    return _checked(folder, path, settings, progress, check, record_check)


def complete(
    folder: RunFolder,
    settings: Settings,
    progress: Progress,
    *,
    check: bool = True,
    record_check: bool = True,
) -> DraftResult:
    """Finishes a run folder the caller has opened (pipeline.open_for_resume)."""
    from drafter import pipeline

    specs, models = pipeline.prepare(settings)
    path = pipeline.execute(folder, settings, progress, specs, models)
    return _checked(folder, path, settings, progress, check, record_check)


def check_run(
    folder: RunFolder, progress: Progress, settings: Settings | None = None
) -> CheckSummary | None:
    """Layer 1 of the fact check on the finished draft (check.json/check.md beside it, a
    summary in run.json); with `settings`, the run is recorded in the archive again."""
    from drafter.app.checking import check_draft

    return check_draft(folder, progress, settings)


def _checked(
    folder: RunFolder,
    path: Path,
    settings: Settings,
    progress: Progress,
    check: bool,
    record_check: bool,
) -> DraftResult:
    summary = check_run(folder, progress, settings if record_check else None) if check else None
    return DraftResult(folder, path, unverified_books(folder), summary)


def redo_step(
    folder: RunFolder,
    agent: str,
    settings: Settings,
    progress: Progress,
    request: str | None = None,
) -> None:
    """Runs the agent's finished step again with the model-answer cache off (a new answer, not
    a replay), with the editor's request if any; on any failure (a model error, a bug, an
    interrupt) the step and run.json are put back as they were and the error is raised."""
    from drafter import pipeline

    step_file = folder.step_file(agent)
    saved_step = step_file.read_text(encoding="utf-8")
    saved_run = folder.run.model_copy(deep=True)
    specs, models = pipeline.prepare(settings)
    fresh = settings.model_copy(update={"llm_cache": False})
    step_file.unlink()
    folder.run.drop_step(agent)
    _forget_journal(folder, agent)
    try:
        pipeline.execute(
            folder, fresh, progress, specs, models, requests={agent: request} if request else None
        )
    except BaseException:
        write_atomic(step_file, saved_step)
        folder.run = saved_run
        folder.save_meta()
        raise


def _forget_journal(folder: RunFolder, agent: str) -> None:
    """Drop the journaled answers of one agent, so redoing it asks the model afresh."""
    for path in (folder.path / CALLS_DIR).glob("*.json"):
        try:
            if json.loads(path.read_text(encoding="utf-8")).get("agent") == agent:
                path.unlink()
        except (OSError, ValueError, AttributeError):
            continue
