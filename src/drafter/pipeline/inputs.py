"""Before any model is asked: the agents and their models, the two inputs read (over the network
or from files) into a new run folder, or an earlier run folder opened to resume."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from drafter import __version__, sections
from drafter.agents import AgentSpec, Prompts, new_nonce
from drafter.config import Settings
from drafter.errors import CommentsError, ConfigError, RunError
from drafter.leaks import public_url
from drafter.llm import ChatModels
from drafter.models import CommentThread
from drafter.pipeline import preload
from drafter.progress import Progress
from drafter.run import archive
from drafter.run.folder import ARTICLE_INPUT, COMMENTS_INPUT, RunFolder
from drafter.run.meta import CommentsInfo, RunMeta, RunOptions, SourceInfo, Timings
from drafter.sources.article import load_article
from drafter.sources.comments import load_comments
from drafter.sources.http import Fetcher
from drafter.sources.selection import Selection, preselect


@dataclass
class RunRequest:
    source: str
    comments: str
    out_dir: Path
    thread_url: str | None = None
    refresh: bool = False


def prepare(settings: Settings) -> tuple[dict[str, AgentSpec], ChatModels]:
    """Load specs and check every role has a reachable model, before anything is fetched."""
    specs = sections.load_specs()  # one agent per registered section (drafter.sections)
    models = ChatModels(settings)
    for spec in specs.values():
        models.config(spec.role)
    models.budget.require_prices(models.config(spec.role).model for spec in specs.values())
    Prompts(settings.prompts_dir)
    return specs, models


def start_run(request: RunRequest, settings: Settings, progress: Progress) -> RunFolder:
    """Fetch and read both inputs, then create the run folder holding them."""

    started = time.monotonic()
    if any(
        str(given).startswith(("http://", "https://"))
        for given in (request.source, request.comments)
    ):
        threading.Thread(
            target=preload._import_llm_stack, name="drafter-imports", daemon=True
        ).start()
    progress.note(f"reading {request.source}")
    fetcher = Fetcher.from_settings(settings, refresh=request.refresh)
    article = load_article(request.source, fetcher=fetcher)
    if article.from_cache:
        progress.note(f"using the copy fetched at {article.fetched_at} (--refresh to refetch)")
    thread = load_comments(
        request.comments, thread_url=request.thread_url, fetcher=fetcher, settings=settings
    )
    selection = _offered(thread, request.comments)
    progress.note(
        f"{len(article.text):,} characters of article text, {len(thread.comments)} comments "
        f"({len(selection.comments)} offered to the model)"
    )
    folder = RunFolder.create(
        request.out_dir,
        article.title,
        RunMeta(
            drafter_version=__version__,
            status="running",
            source=SourceInfo(
                input=public_url(request.source),  # no key= nor user:password@ on disk
                url=article.url,
                fetched_at=article.fetched_at,
                title=article.title,
                site_name=article.site_name,
                date=article.date,
            ),
            comments=CommentsInfo(
                input=request.comments,
                url=thread.url,
                platform=thread.platform,
                count=len(thread.comments),
                offered=len(selection.comments),
                dropped=dict(selection.dropped),
            ),
            options=RunOptions(lang=settings.lang),
            nonce=new_nonce(),
            steps={},
            timings=Timings(fetch_seconds=round(time.monotonic() - started, 3)),
        ),
    )
    folder.write_model(ARTICLE_INPUT, article)
    folder.write_model(COMMENTS_INPUT, thread)
    archive.record(folder.path, settings)
    return folder


def _offered(thread: CommentThread, given: str) -> Selection:
    """The comments the model is offered; a thread with none it could use stops the run."""
    selection = preselect(thread.comments)
    if not selection.comments:
        dropped = ", ".join(f"{n} {why}" for why, n in selection.dropped.items())
        raise CommentsError(
            f"None of the {len(thread.comments)} comments in {given} can be used as "
            f"a reaction ({dropped}).",
            hint="Pass a thread with substantive reader comments.",
        )
    return selection


def forget_steps(folder: RunFolder, specs: dict[str, AgentSpec], names: list[str]) -> list[str]:
    """Drop the named steps and every step that reads them, so a resume redoes exactly those.
    Returns the steps dropped, in pipeline order."""
    unknown = [n for n in names if n not in specs]
    if unknown:
        raise ConfigError(
            f"--redo: no agent called {', '.join(unknown)}; agents: {', '.join(specs)}"
        )
    drop = set(names)
    changed = True
    while changed:
        changed = False
        for name, spec in specs.items():
            if name not in drop and drop & set(spec.upstream()):
                drop.add(name)
                changed = True
    ordered = [n for n in specs if n in drop]
    for name in ordered:
        folder.step_file(name).unlink(missing_ok=True)
        folder.run.drop_step(name)
    folder.save_meta()
    return ordered


def open_for_resume(path: Path) -> RunFolder:
    folder = RunFolder.open(path)
    for needed in (ARTICLE_INPUT, COMMENTS_INPUT):
        if not (folder.path / needed).is_file():
            raise RunError(f"{path} has no {needed}; it cannot be resumed. Start a new run.")
    return folder
