"""The whole flow, top to bottom.

    inputs (article, comments) → lead → background ┐
                                      → reactions ─┴→ analysis → conclusion
                                      → books, headline
    → article.md / article.json

Dependencies come from each agent spec's `reads:`; independent agents run concurrently, so the
critical path is lead → background → analysis → conclusion. Every finished step is written to
the run folder at once; a resumed run skips finished steps.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from drafter import __version__, crashpoints, sections
from drafter.agents import Agent, AgentSpec, Prompts, new_nonce
from drafter.config import Settings
from drafter.errors import CommentsError, ConfigError, DrafterError, RunError
from drafter.files import utc_now
from drafter.guard import redact, run_urls
from drafter.leaks import public_url
from drafter.llm import ChatModels
from drafter.models import Article, CommentThread, Headline, LeadSection
from drafter.progress import Progress
from drafter.render import CATEGORY, Draft, reference_links, render_markdown
from drafter.run import archive
from drafter.run.folder import RunFolder
from drafter.sources.article import load_article
from drafter.sources.comments import load_comments
from drafter.sources.http import Fetcher
from drafter.sources.selection import preselect
from drafter.stages import RunContext, StepInputs

SIGN_OFF = {
    "ja": "最後までお読みいただき、ありがとうございました。",
    "en": "Thanks for reading. See you in the next article.",
}


@dataclass
class RunRequest:
    source: str
    comments: str
    out_dir: Path
    thread_url: str | None = None
    refresh: bool = False


def _import_llm_stack() -> None:
    """The model client's imports (langchain_openai and the OpenAI SDK: about 0.8 s of CPU),
    done in a thread while the main thread waits on the network for the article or the
    thread, so the first model request does not wait for them. Not for local files: there
    is no wait to fill, and two threads importing at once only contend for the GIL."""
    try:
        import langchain_openai  # noqa: F401
        import openai  # noqa: F401
    except Exception:  # noqa: BLE001 - the real import reports it
        pass


class UpstreamFailed(Exception):
    """A step could not start because a step it reads did not finish."""


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
        threading.Thread(target=_import_llm_stack, name="drafter-imports", daemon=True).start()
    progress.note(f"reading {request.source}")
    fetcher = Fetcher.from_settings(settings, refresh=request.refresh)
    article = load_article(request.source, fetcher=fetcher)
    if article.from_cache:
        progress.note(f"using the copy fetched at {article.fetched_at} (--refresh to refetch)")
    thread = load_comments(
        request.comments, thread_url=request.thread_url, fetcher=fetcher, settings=settings
    )
    selection = preselect(thread.comments)
    if not selection.comments:
        dropped = ", ".join(f"{n} {why}" for why, n in selection.dropped.items())
        raise CommentsError(
            f"None of the {len(thread.comments)} comments in {request.comments} can be used as "
            f"a reaction ({dropped}).",
            hint="Pass a thread with substantive reader comments.",
        )
    progress.note(
        f"{len(article.text):,} characters of article text, {len(thread.comments)} comments "
        f"({len(selection.comments)} offered to the model)"
    )
    folder = RunFolder.create(
        request.out_dir,
        article.title,
        {
            "drafter_version": __version__,
            "status": "running",
            "source": {
                "input": public_url(request.source),  # no key= nor user:password@ on disk
                "url": article.url,
                "fetched_at": article.fetched_at,
                "title": article.title,
                "site_name": article.site_name,
                "date": article.date,
            },
            "comments": {
                "input": request.comments,
                "url": thread.url,
                "platform": thread.platform,
                "count": len(thread.comments),
                "offered": len(selection.comments),
                "dropped": selection.dropped,
            },
            "options": {"lang": settings.lang},
            "nonce": new_nonce(),
            "steps": {},
            "timings": {"fetch_seconds": round(time.monotonic() - started, 3)},
        },
    )
    folder.write_model("inputs/article.json", article)
    folder.write_model("inputs/comments.json", thread)
    archive.record(folder.path, settings)
    return folder


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
    from drafter.llm import CallJournal

    models.journal = CallJournal(folder.path / "calls")
    if settings.llm_cache and models.cache is None:
        from drafter.config import cache_root
        from drafter.llm.cache import LLMCache

        models.cache = LLMCache(cache_root(settings) / "llm.sqlite")
    for step in folder.meta.get("steps", {}).values():  # a resumed run's spending counts
        if step.get("status") == "completed":
            models.budget.add_spent(str(step.get("model", "")), step.get("usage") or {})
    article = folder.read_model("inputs/article.json", Article)
    thread = folder.read_model("inputs/comments.json", CommentThread)
    lang = str(folder.meta.get("options", {}).get("lang", settings.lang))
    context = RunContext(
        lang=lang,
        article_date=article_date(article),
        source_name=article.site_name or "the source",
        sign_off=settings.sign_off or SIGN_OFF[lang],
        books=_book_service(settings) if settings.books_wanted else None,
        fetched_urls=run_urls(article, thread),
        books_wanted=settings.books_wanted,
        requests=dict(requests or {}),
        category=settings.category or CATEGORY[lang],
    )
    runner = _Runner(folder, specs, Prompts(settings.prompts_dir), models, progress, context)
    base = {"article": article, "comments": thread}
    folder.meta.update(status="running", error=None)
    folder.save_meta()
    try:
        return _finish(folder, settings, progress, runner, base, lang, article, thread)
    except Exception as exc:
        if folder.meta.get("status") == "running":  # never left "running" by a surprise
            _fail_unexpected(folder, settings, exc)
        raise


def _fail_unexpected(folder: RunFolder, settings: Settings, exc: Exception) -> None:
    """run.json says "failed" (and which steps were cut short) whatever went wrong."""
    if isinstance(exc, DrafterError):
        error = _error_details(exc)
    else:
        said = str(exc).encode("utf-8", "backslashreplace").decode()  # no lone surrogates
        error = {"type": type(exc).__name__, "message": redact(said) or type(exc).__name__}
    folder.meta.update(status="failed", error=error)
    for step in folder.meta.get("steps", {}).values():
        if step.get("status") in ("running", "blocked"):
            step["status"] = "failed"
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
    folder.meta.setdefault("timings", {})["agents_seconds"] = round(time.monotonic() - started, 3)
    if runner.failure is not None:
        _fail(folder, runner.failure)
        archive.record(folder.path, settings)
        raise runner.failure
    related, fingerprint = _related(folder, settings, progress, article, artifacts)
    headline = artifacts.get("headline")
    if isinstance(headline, Headline):  # from config, also for a headline step written before
        artifacts["headline"] = headline.model_copy(update={"category": runner.context.category})
    path = _render(folder, lang, article, thread, artifacts, related, progress)
    folder.meta.update(
        status="completed",
        completed_at=utc_now(),
        outputs={"markdown": "article.md", "json": "article.json"},
    )
    folder.meta["usage_total"] = _usage_total(folder.meta.get("steps", {}))
    folder.meta["cost_usd"] = round(
        sum(float(step.get("cost_usd", 0) or 0) for step in folder.meta.get("steps", {}).values()),
        6,
    )
    for name, output in artifacts.items():  # a section's run summary, e.g. `books`
        summary = sections.get(name).summary
        if summary is not None:
            folder.meta[name] = summary(output)
    folder.save_meta()
    archive.record(folder.path, settings, fingerprint)
    return path


OFF_PATH_DELAY = 0.05  # seconds; a step off the longest chain has at least one call of slack


def _off_longest_path(specs: dict[str, AgentSpec]) -> set[str]:
    """The steps on no longest chain of model calls (by count) through the agents' graph."""
    depth: dict[str, int] = {}
    height: dict[str, int] = {}

    def depth_of(name: str) -> int:
        if name not in depth:
            depth[name] = 1 + max(
                (depth_of(u) for u in specs[name].upstream() if u in specs), default=-1
            )
        return depth[name]

    def height_of(name: str) -> int:
        if name not in height:
            below = [n for n, spec in specs.items() if name in spec.upstream()]
            height[name] = 1 + max((height_of(n) for n in below), default=-1)
        return height[name]

    longest = max((depth_of(n) + height_of(n) for n in specs), default=0)
    return {n for n in specs if depth_of(n) + height_of(n) < longest}


class _Preload:
    """Loads the sentence encoder (関連記事, the fact check) and the UniDic tagger in a thread
    while the agents wait on the model: about a second of CPU that would otherwise come after
    the last answer, on the critical path. It starts once a step has asked the model (not when
    every answer comes from the cache: then there is no wait to fill), so it does not compete
    with the first step's own imports. Then it encodes, in the same waits, the texts the check
    of the finished draft will compare (the source's sentences, the comments, each section's
    sentences as its step finishes): the encoder caches each text, so the check after the last
    answer only looks them up. Nothing joins it: the encoder's own lock makes a user wait for a
    load in progress. A failure is left to the real use to report."""

    def __init__(self) -> None:
        self.base: dict[str, Any] = {}
        self.texts: queue.SimpleQueue[list[str] | None] = queue.SimpleQueue()  # None: stop
        self.thread = threading.Thread(target=self._load, name="drafter-preload", daemon=True)

    def _load(self) -> None:
        try:
            from drafter.lang import align, names

            align.load()
            names.tagger()
            article, thread = self.base.get("article"), self.base.get("comments")
            if isinstance(article, Article):
                from drafter.check.core import quoted_spans

                align.embed([s.text for s in article.sentences()])
                align.embed(quoted_spans(article.text))
            if isinstance(thread, CommentThread):
                align.embed([c.body for c in thread.comments])
            while (texts := self.texts.get()) is not None:
                align.embed(texts)
        except Exception:  # noqa: BLE001 - reported where the models are used
            pass

    def start(self) -> None:
        """Called from the run's steps, which share one event loop thread: no race."""
        if self.thread.ident is None:
            self.thread.start()

    def warm(self, output: BaseModel) -> None:
        """Queue a finished section's sentences, split as the check will split them."""
        from drafter.lang.text import split_sentences

        texts = []
        for text in _strings(output.model_dump()):
            texts += split_sentences(text)
            if "\n" in text:  # a reaction: one block, one sentence a line (render._lines)
                texts.append(
                    "  \n".join(line.strip() for line in text.splitlines() if line.strip())
                )
        if texts:
            self.texts.put(texts)


def _strings(value: Any) -> list[str]:
    """Every prose string in an artifact (ids, URLs and short labels left out)."""
    if isinstance(value, str):
        return [value] if len(value) >= 8 and "://" not in value else []
    if isinstance(value, dict):
        return [t for item in value.values() for t in _strings(item)]
    if isinstance(value, list):
        return [t for item in value for t in _strings(item)]
    return []


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
                before=str(folder.meta.get("created_at") or "") or None,
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


def check_draft(
    folder: RunFolder, progress: Progress, settings: Settings | None = None
) -> dict[str, Any] | None:
    """Layer 1 of `drafter check` on the finished draft: check.json/check.md beside it and a
    summary in run.json. A failure here never costs the draft: it is reported and skipped."""
    from drafter.check.core import check
    from drafter.check.inputs import from_run
    from drafter.check.report import JudgeInfo, to_markdown

    try:
        report = check(
            from_run(folder.path),
            JudgeInfo(status="off", detail="drafter run checks with layer 1; run drafter check "
                      "for the LLM judge"),
        )  # fmt: skip
    except Exception as exc:  # noqa: BLE001 - the draft is written; the check is advisory here
        progress.note(f"fact check skipped: {exc}")
        return None
    for name, text in (
        ("check.json", report.model_dump_json(indent=2) + "\n"),
        ("check.md", to_markdown(report)),
    ):
        _say_kept(progress, folder.path / name, folder.write_owned(name, text))
    summary = report.summary()
    folder.meta["check"] = summary
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


def article_date(article: Article) -> str:
    if article.date:
        return article.date[:10]
    fetched = datetime.fromisoformat(article.fetched_at).astimezone(UTC).date().isoformat()
    return f"{fetched} (publication date unknown; this is the date the page was read)"


class _Runner:
    def __init__(
        self,
        folder: RunFolder,
        specs: dict[str, AgentSpec],
        prompts: Prompts,
        models: ChatModels,
        progress: Progress,
        context: RunContext,
    ) -> None:
        self.folder, self.specs, self.prompts = folder, specs, prompts
        self.models, self.progress, self.context = models, progress, context
        self.failure: DrafterError | None = None
        self.tasks: dict[str, asyncio.Task[BaseModel]] = {}
        self.preload = _Preload()

    async def run_all(self, base: dict[str, Any]) -> dict[str, BaseModel]:
        self.preload.base = base
        self.off_path = _off_longest_path(self.specs)
        for name in self.specs:
            self.tasks[name] = asyncio.create_task(self._step(name, base))
        results = await asyncio.gather(*self.tasks.values(), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException) and not isinstance(
                result, UpstreamFailed | DrafterError
            ):
                raise result
        return {n: r for n, r in zip(self.tasks, results, strict=True) if isinstance(r, BaseModel)}

    async def _step(self, name: str, base: dict[str, Any]) -> BaseModel:
        spec = self.specs[name]
        section = sections.get(name)
        available: dict[str, Any] = {k: v for k, v in base.items() if k in spec.reads}
        for upstream in spec.upstream():
            try:
                available[upstream] = await self.tasks[upstream]
            except (DrafterError, UpstreamFailed) as exc:
                self._record(name, {"status": "blocked", "waiting_on": upstream})
                raise UpstreamFailed(upstream) from exc
        done: BaseModel | None = self.folder.load_step(name, section.artifact)
        if done is not None:
            self.progress.finished(name, 0.0, 0, reused=True)
            return done
        if name in self.off_path:
            # Its siblings on the longest chain of calls build and send their requests first:
            # every step readied by one answer would otherwise prepare its request before any
            # goes out, and that time adds to the run's wall time only on the longest chain.
            await asyncio.sleep(OFF_PATH_DELAY)
        agent = Agent(
            spec,
            self.prompts,
            self.models,
            str(self.folder.meta["nonce"]),
            self.context.lang,
            allowed_urls=self.context.fetched_urls,
            request=self.context.requests.get(name),
        )
        started_at = utc_now()
        self.progress.started(name)
        self._record(name, {"status": "running", "started_at": started_at})
        try:
            inputs = StepInputs(name, self.context, available)
            output: BaseModel = await section.stage(agent, inputs)
        except DrafterError as exc:
            self._record(
                name,
                {
                    **vars(agent.record),
                    "status": "failed",
                    "started_at": started_at,
                    "error": _error_details(exc),
                },
            )
            self.progress.failed(name, exc.message)
            if self.failure is None:
                self.failure = exc
            raise
        call = {
            **vars(agent.record),
            "status": "completed",
            "started_at": started_at,
            "finished_at": utc_now(),
        }
        self.folder.save_step(name, output, call)
        crashpoints.reached(f"saved:{name}")
        self._record(name, call)
        if agent.record.attempts > agent.record.cached:  # the model was asked: time to spare
            # a moment later: the steps this answer unblocks send their requests first
            asyncio.get_running_loop().call_later(0.15, self.preload.start)
        self.preload.warm(output)
        self.progress.finished(
            name, agent.record.seconds, agent.record.usage.get("total_tokens", 0), reused=False
        )
        return output

    def _record(self, name: str, entry: dict[str, Any]) -> None:
        self.folder.meta.setdefault("steps", {})[name] = entry
        self.folder.save_meta()


def _error_details(exc: DrafterError) -> dict[str, Any]:
    details: dict[str, Any] = {"type": type(exc).__name__, "message": redact(exc.message)}
    if hasattr(exc, "details"):
        details.update(exc.details())
    return {k: redact(v) if isinstance(v, str) else v for k, v in details.items()}


def _fail(folder: RunFolder, exc: DrafterError) -> None:
    folder.meta.update(status="failed", error=_error_details(exc))
    folder.save_meta()


def mark_interrupted(folder: RunFolder, settings: Settings) -> None:
    """Ctrl-C: the run and its unfinished steps say "interrupted" (not "running" for ever);
    finished steps and journaled answers are already on disk for --resume."""
    folder.meta.update(
        status="interrupted",
        error={"type": "Interrupted", "message": "Interrupted (Ctrl-C) before the draft was done."},
    )
    for step in folder.meta.get("steps", {}).values():
        if step.get("status") in ("running", "blocked"):
            step["status"] = "interrupted"
    folder.save_meta()
    archive.record(folder.path, settings)


def _usage_total(steps: dict[str, Any]) -> dict[str, int]:
    total = {"input_tokens": 0, "output_tokens": 0, "total_tokens": 0}
    for step in steps.values():
        for key in total:
            total[key] += int(step.get("usage", {}).get(key, 0))
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
        folder.path / "article.json",
        folder.write_owned("article.json", draft.model_dump_json(indent=2) + "\n"),
    )
    crashpoints.reached("render")
    path = folder.path / "article.md"
    _say_kept(progress, path, folder.write_owned("article.md", render_markdown(draft)))
    return path


def _say_kept(progress: Progress, path: Path, kept: Path | None) -> None:
    if kept is not None:
        progress.note(
            f"{path.name} had been changed since drafter wrote it: your version is kept as "
            f"{kept.name}"
        )


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
        folder.meta.get("steps", {}).pop(name, None)
    folder.save_meta()
    return ordered


def open_for_resume(path: Path) -> RunFolder:
    folder = RunFolder.open(path)
    for needed in ("inputs/article.json", "inputs/comments.json"):
        if not (folder.path / needed).is_file():
            raise RunError(f"{path} has no {needed}; it cannot be resumed. Start a new run.")
    return folder
