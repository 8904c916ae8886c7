"""A run from its folder to the draft: the steps (runner.py), then article.json and article.md
with 関連記事 from the archive, run.json's totals and the archive's record; the run's status
when it fails or is interrupted. The fact check of the finished draft: app/checking.py."""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from drafter import crashpoints, sections
from drafter.agents import AgentSpec, Prompts
from drafter.config import Settings
from drafter.errors import DrafterError
from drafter.files import utc_now
from drafter.guard import redact, run_urls
from drafter.llm import ChatModels
from drafter.models import Article, CommentThread, Headline, LeadSection
from drafter.pipeline.runner import _error_details, _Runner
from drafter.progress import Progress
from drafter.render import CATEGORY, Draft, reference_links, render_markdown
from drafter.run import archive
from drafter.run.folder import (
    ARTICLE_INPUT,
    ARTICLE_JSON,
    ARTICLE_MD,
    CALLS_DIR,
    COMMENTS_INPUT,
    RunFolder,
)
from drafter.run.meta import ErrorInfo, StepRecord, Timings
from drafter.sources.http import Fetcher
from drafter.stages import RunContext

SIGN_OFF = {
    "ja": "最後までお読みいただき、ありがとうございました。",
    "en": "Thanks for reading. See you in the next article.",
}


def execute(
    folder: RunFolder,
    settings: Settings,
    progress: Progress,
    specs: dict[str, AgentSpec],
    models: ChatModels,
    requests: dict[str, str] | None = None,
) -> Path:
    """Run every unfinished step, then render. Returns the path of article.md. `requests`
    gives an agent an editor's instruction (regenerating a section from `drafter review`)."""
    from drafter.config import cache_root
    from drafter.llm import CallJournal
    from drafter.vectors import keep_vectors

    keep_vectors(cache_root(settings))  # what the preload encodes serves later re-checks too
    cache = None
    if settings.llm_cache and models.cache is None:
        from drafter.llm.cache import LLMCache

        cache = LLMCache(cache_root(settings) / "llm.sqlite")
    models.record(CallJournal(folder.path / CALLS_DIR), cache)
    for step in folder.run.steps.values():  # a resumed run's spending counts
        if step.status == "completed":
            models.budget.add_spent(step.model or "", step.usage or {})
    article = folder.read_model(ARTICLE_INPUT, Article)
    thread = folder.read_model(COMMENTS_INPUT, CommentThread)
    options = folder.run.options
    lang = options.lang if options is not None and options.lang is not None else settings.lang
    context = RunContext(
        lang=lang,
        article_date=article_date(article),
        source_name=article.site_name or "",
        sign_off=settings.sign_off or SIGN_OFF[lang],
        books=_book_service(settings) if settings.books_wanted else None,
        fetched_urls=run_urls(article, thread),
        books_wanted=settings.books_wanted,
        requests=dict(requests or {}),
        category=settings.category or CATEGORY[lang],
    )
    runner = _Runner(folder, specs, Prompts(settings.prompts_dir), models, progress, context)
    base = {"article": article, "comments": thread}
    folder.run.status, folder.run.error = "running", None
    folder.save_meta()
    try:
        return _finish(folder, settings, progress, runner, base, lang, article, thread)
    except Exception as exc:
        if folder.run.status == "running":  # never left "running" by a surprise
            _fail_unexpected(folder, settings, exc)
        raise


def _fail_unexpected(folder: RunFolder, settings: Settings, exc: Exception) -> None:
    """run.json says "failed" (and which steps were cut short) whatever went wrong."""
    if isinstance(exc, DrafterError):
        error = _error_details(exc)
    else:
        said = str(exc).encode("utf-8", "backslashreplace").decode()  # no lone surrogates
        error = ErrorInfo(type=type(exc).__name__, message=redact(said) or type(exc).__name__)
    folder.run.status, folder.run.error = "failed", error
    for step in folder.run.steps.values():
        if step.status in ("running", "blocked"):
            step.status = "failed"
    with contextlib.suppress(Exception):  # the original error matters more than the record
        folder.save_meta()
        archive.record(folder.path, settings)


def _finish(
    folder: RunFolder,
    settings: Settings,
    progress: Progress,
    runner: _Runner,
    base: dict[str, Any],
    lang: str,
    article: Article,
    thread: CommentThread,
) -> Path:

    started = time.monotonic()
    artifacts = asyncio.run(runner.run_all(base))
    timings = folder.run.timings or Timings()
    timings.agents_seconds = round(time.monotonic() - started, 3)
    folder.run.timings = timings
    if runner.failure is not None:
        _fail(folder, runner.failure)
        archive.record(folder.path, settings)
        raise runner.failure
    related, fingerprint = _related(folder, settings, progress, article, artifacts)
    headline = artifacts.get("headline")
    if isinstance(headline, Headline):  # from config, also for a headline step written before
        artifacts["headline"] = headline.model_copy(update={"category": runner.context.category})
    path = _render(folder, lang, article, thread, artifacts, related, progress)
    run = folder.run
    run.status, run.completed_at = "completed", utc_now()
    run.outputs = {"markdown": ARTICLE_MD, "json": ARTICLE_JSON}
    run.usage_total = _usage_total(run.steps)
    run.cost_usd = round(run.spent_usd(), 6)
    for name, output in artifacts.items():  # a section's run summary, e.g. `books`
        summary = sections.get(name).summary
        if summary is not None:
            run.set_summary(name, summary(output))
    folder.save_meta()
    archive.record(folder.path, settings, fingerprint)
    return path


def _related(
    folder: RunFolder,
    settings: Settings,
    progress: Progress,
    article: Article,
    artifacts: dict[str, BaseModel],
) -> tuple[list[Any], bytes | None]:
    """関連記事 from the archive, and this draft's fingerprint for later ones. Advisory: a
    problem here is reported and the draft is written without them."""
    from drafter.run import related

    lead, headline = artifacts.get("lead"), artifacts.get("headline")
    if not isinstance(lead, LeadSection) or not isinstance(headline, Headline):
        return [], None
    try:
        from drafter.config import cache_root

        fingerprint = related.embed(
            related.fingerprint_text(headline.title, [s.text for p in lead.paragraphs for s in p]),
            cache_root(settings),
        )
        store = archive.open_archive(settings)
        try:
            found = related.find(
                store,
                fingerprint,
                exclude=folder.path,
                source_url=article.url,
                before=folder.run.created_at or None,
            )
        finally:
            store.close()
    except Exception as exc:  # noqa: BLE001 - advisory: the draft is written without them
        progress.note(f"関連記事 skipped: {redact(str(exc)) or type(exc).__name__}")
        return [], None
    if found:
        progress.note(f"関連記事: {len(found)} earlier draft(s) on this subject")
    return found, fingerprint


def _book_service(settings: Settings) -> Any:
    """The catalogs. Their endpoints are the user's own configuration (public services by
    default, or a mirror or institutional proxy), so they may be on a private network."""
    from drafter.books.service import BookService

    fetcher = Fetcher.from_settings(settings)
    fetcher.allow_private_hosts = True
    return BookService(settings, fetcher)


def article_date(article: Article) -> str:
    if article.date:
        return article.date[:10]
    fetched = datetime.fromisoformat(article.fetched_at).astimezone(UTC).date().isoformat()
    return f"{fetched} (publication date unknown; this is the date the page was read)"


def _fail(folder: RunFolder, exc: DrafterError) -> None:
    folder.run.status, folder.run.error = "failed", _error_details(exc)
    folder.save_meta()


def mark_interrupted(folder: RunFolder, settings: Settings) -> None:
    """Ctrl-C: the run and its unfinished steps say "interrupted" (not "running" for ever);
    finished steps and journaled answers are already on disk for --resume."""
    folder.run.status = "interrupted"
    folder.run.error = ErrorInfo(
        type="Interrupted", message="Interrupted (Ctrl-C) before the draft was done."
    )
    for step in folder.run.steps.values():
        if step.status in ("running", "blocked"):
            step.status = "interrupted"
    folder.save_meta()
    archive.record(folder.path, settings)


def _usage_total(steps: dict[str, StepRecord]) -> dict[str, int]:
    total = {"input_tokens": 0, "output_tokens": 0, "total_tokens": 0}
    for step in steps.values():
        for key in total:
            total[key] += int((step.usage or {}).get(key, 0))
    return total


def _render(
    folder: RunFolder,
    lang: str,
    article: Article,
    thread: CommentThread,
    artifacts: dict[str, BaseModel],
    related: list[Any],
    progress: Progress,
) -> Path:
    # article.json goes wherever the draft goes: commenters' names stay in inputs/ only.
    anonymous = thread.model_copy(
        update={"comments": [c.model_copy(update={"author": None}) for c in thread.comments]}
    )
    draft = Draft.model_validate(
        {
            "lang": lang,
            "related": related,
            "article": article,
            "thread": anonymous,
            "references": reference_links(article, thread, lang),
            **{name: value.model_dump() for name, value in artifacts.items()},
        }
    )
    _say_kept(
        progress,
        folder.path / ARTICLE_JSON,
        folder.write_owned(ARTICLE_JSON, draft.model_dump_json(indent=2) + "\n"),
    )
    crashpoints.reached("render")
    path = folder.path / ARTICLE_MD
    _say_kept(progress, path, folder.write_owned(ARTICLE_MD, render_markdown(draft)))
    return path


def _say_kept(progress: Progress, path: Path, kept: Path | None) -> None:
    if kept is not None:
        progress.note(
            f"{path.name} had been changed since drafter wrote it: your version is kept as "
            f"{kept.name}"
        )
