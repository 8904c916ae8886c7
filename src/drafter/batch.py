"""`drafter batch`: many articles from a file of sources, several at once.

Each line of the sources file becomes a normal run folder (pipeline.start_run → execute →
check_draft, exactly as `drafter run`), drafted in its own thread with its own event loop,
budget and call journal. What they share is the process: the per-model rate limiters
(llm/ratelimit.py), the fetch cache and the model-answer cache. A failure (bad URL, bad comments,
the model giving up) is recorded for its line and never stops the others.

The manifest, `OUT/batch.json`, maps every line to its run folder and is rewritten atomically
whenever an article changes state; at the end it is also the batch's JSON summary. `--resume`
reads it: a line whose run completed is skipped (no model call), a line whose run did not finish
is resumed in its folder (finished steps kept), a line that never got a folder starts afresh.

Sources file syntax (documented in the README):

    # a comment; blank lines are ignored
    https://example.com/world/some-story                      (comments from --comments-dir)
    https://example.com/world/other-story  threads/other.json (SOURCE, whitespace, COMMENTS)
    saved/page one.html<TAB>https://news.ycombinator.com/item?id=1   (a tab when paths have spaces)

COMMENTS is a file or a thread URL; relative paths are relative to the sources file's folder.
Without COMMENTS, the comments file is looked up in --comments-dir by the source's slug (the
URL's last path segment or the file's name, lowercased, non-alphanumerics as "-", e.g.
`some-story.json`), else by line number (`3.json`); any extension.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlparse

from drafter.config import Settings
from drafter.errors import CommentsError, ConfigError, DrafterError, RunError, SourceError
from drafter.guard import redact
from drafter.store import dump_json, slugify, utc_now, write_atomic

MANIFEST = "batch.json"
Status = Literal["pending", "running", "ok", "failed"]


class BatchLineError(DrafterError):
    """A line of the sources file that cannot be read."""

    exit_code = 2


@dataclass
class Line:
    number: int  # 1-based, in the sources file
    source: str  # as written
    comments: str | None  # as written; None: look in --comments-dir
    key: str  # identifies the line across edits of the file (for --resume)
    problem: DrafterError | None = None


def is_url(text: str) -> bool:
    return urlparse(text).scheme.lower() in ("http", "https")


def read_sources(path: Path) -> list[Line]:
    """The lines of a sources file; a malformed line is returned with its problem, so it is
    reported with its number and the others still run."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"Cannot read the sources file {path}: {exc}",
            hint="Give a UTF-8 text file with one source (URL or saved page) per line.",
        ) from exc
    lines: list[Line] = []
    seen: Counter[str] = Counter()
    for number, raw in enumerate(text.splitlines(), start=1):
        content = re.split(r"(?:^|\s)#", raw, maxsplit=1)[0].strip()
        if not content:
            continue
        fields = content.split("\t") if "\t" in content else content.split()
        fields = [f.strip() for f in fields if f.strip()]
        source, comments = fields[0], fields[1] if len(fields) > 1 else None
        base = f"{source}\t{comments or ''}"
        seen[base] += 1
        key = base if seen[base] == 1 else f"{base}\t#{seen[base]}"
        line = Line(number, source, comments, key)
        if len(fields) > 2:
            line.problem = BatchLineError(
                f"{path}, line {number}: expected SOURCE [COMMENTS], found {len(fields)} fields.",
                hint="Separate SOURCE and COMMENTS with a tab when a path contains spaces.",
            )
        lines.append(line)
    return lines


def resolve(line: Line, base_dir: Path, comments_dir: Path | None) -> tuple[str, str]:
    """The source and comments to draft from: URLs as they are, paths relative to the sources
    file's folder; comments from --comments-dir when the line names none."""
    if line.problem is not None:
        raise line.problem
    source = line.source if is_url(line.source) else str(base_dir / line.source)
    if not is_url(source) and not Path(source).is_file():
        raise SourceError(
            f"Line {line.number}: no such file {source}.",
            hint="Give an http(s) URL or the path of a saved page, relative to the sources "
            "file's folder.",
        )
    if line.comments is not None:
        comments = line.comments if is_url(line.comments) else str(base_dir / line.comments)
        if not is_url(comments) and not Path(comments).is_file():
            raise CommentsError(
                f"Line {line.number}: no such comments file {comments}.",
                hint="Give a comments file (relative to the sources file's folder) or a thread "
                "URL after the source.",
            )
        return source, comments
    return source, str(_comments_from_dir(line, comments_dir))


def source_slug(source: str) -> str:
    """The name a comments file in --comments-dir goes by: the URL's last path segment (or its
    host) or the file's name, without extension, lowercased, non-alphanumerics as '-'."""
    if is_url(source):
        parsed = urlparse(source)
        segments = [s for s in parsed.path.split("/") if s]
        if not segments:
            return slugify(parsed.hostname or "article", limit=80)
        name = segments[-1]
    else:
        name = Path(source).name
    return slugify(re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name), limit=80)


def _comments_from_dir(line: Line, comments_dir: Path | None) -> Path:
    slug = source_slug(line.source)
    expected = f"{slug}.json (or {line.number}.json; any extension)"
    if comments_dir is None:
        raise CommentsError(
            f"Line {line.number} names no comments.",
            hint=f"Add the comments file or thread URL after the source on line {line.number}, "
            f"or pass --comments-dir DIR holding {expected}.",
        )
    for stem in (slug, str(line.number)):
        found = sorted(
            p for p in comments_dir.glob(f"{glob_escape(stem)}.*")
            if p.is_file() and p.stem == stem and not p.name.startswith(".")
        )  # fmt: skip
        if len(found) > 1:
            raise CommentsError(
                f"Line {line.number}: several comments files match in {comments_dir}: "
                + ", ".join(p.name for p in found),
                hint="Keep one, or name the comments file on the line after the source.",
            )
        if found:
            return found[0]
    raise CommentsError(
        f"Line {line.number}: no comments for {line.source} in {comments_dir}.",
        hint=f"Save the thread there as {expected}, or name the comments file or thread URL "
        f"after the source on line {line.number}.",
    )


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


@dataclass
class Job:
    """One line of the batch: what the manifest and the summary keep about it."""

    line: Line
    run: str | None = None
    status: Status = "pending"
    reused: bool = False  # completed by an earlier batch (--resume): nothing to do
    resumed: bool = False
    cost_usd: float = 0.0
    seconds: float = 0.0
    error: dict[str, Any] | None = None
    check: dict[str, Any] | None = None
    books_unverified: int = 0
    source: str | None = None
    comments: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line.number,
            "key": self.line.key,
            "source": self.line.source,
            "comments": self.comments or self.line.comments,
            "run": self.run,
            "status": self.status,
            "reused": self.reused,
            "resumed": self.resumed,
            "cost_usd": round(self.cost_usd, 6),
            "seconds": round(self.seconds, 3),
            "check": self.check,
            "books_unverified": self.books_unverified,
            "error": self.error,
        }


@dataclass
class BatchOptions:
    sources_file: Path
    out_dir: Path
    comments_dir: Path | None = None
    concurrency: int = 4
    resume: bool = False
    refresh: bool = False
    check: bool = True


@dataclass
class Batch:
    options: BatchOptions
    settings: Settings
    jobs: list[Job] = field(default_factory=list)
    started_at: str = field(default_factory=utc_now)
    finished_at: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def manifest(self) -> Path:
        return self.options.out_dir / MANIFEST

    def plan(self) -> None:
        """Read the sources and, with --resume, the earlier manifest's run folders."""
        lines = read_sources(self.options.sources_file)
        if not lines:
            raise ConfigError(
                f"No sources in {self.options.sources_file}.",
                hint="Write one URL or saved page per line (blank lines and # comments are "
                "ignored).",
            )
        earlier = self._earlier_runs()
        self.jobs = [Job(line, run=earlier.get(line.key)) for line in lines]
        try:
            self.options.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RunError(
                f"Cannot create the output folder {self.options.out_dir}: {exc}",
                hint="Choose a writable --out folder.",
            ) from exc
        if not self.options.resume and self.manifest.is_file():
            # A new batch in the same folder: keep the earlier manifest under its date.
            stamp = re.sub(r"[^0-9]", "", self._read_manifest().get("started_at", ""))[:14]
            self.manifest.rename(self.manifest.with_name(f"batch-{stamp or 'earlier'}.json"))
        self.save()

    def _read_manifest(self) -> dict[str, Any]:
        try:
            data = json.loads(self.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RunError(
                f"Cannot read the batch manifest {self.manifest}: {exc}",
                hint="Start the batch again without --resume (finished run folders stay).",
            ) from exc
        return data if isinstance(data, dict) else {}

    def _earlier_runs(self) -> dict[str, str]:
        if not self.options.resume:
            return {}
        if not self.manifest.is_file():
            raise RunError(
                f"Nothing to resume: {self.manifest} does not exist.",
                hint="Check --out (the folder the batch wrote to), or start the batch without "
                "--resume.",
            )
        earlier = self._read_manifest()
        if self.options.comments_dir is None and isinstance(earlier.get("comments_dir"), str):
            # Resuming continues the same batch: its comments folder unless another is given.
            self.options.comments_dir = Path(earlier["comments_dir"])
        return {
            str(entry["key"]): str(entry["run"])
            for entry in earlier.get("articles", [])
            if isinstance(entry, dict) and entry.get("key") and entry.get("run")
        }

    def save(self) -> None:
        with self._lock:
            write_atomic(self.manifest, dump_json(self.summary()))

    def summary(self) -> dict[str, Any]:
        counts = Counter(job.status for job in self.jobs)
        from drafter.llm.ratelimit import SHARED

        return {
            "sources_file": str(self.options.sources_file),
            "out": str(self.options.out_dir),
            "comments_dir": str(self.options.comments_dir) if self.options.comments_dir else None,
            "concurrency": self.options.concurrency,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "counts": {s: counts.get(s, 0) for s in ("ok", "failed", "running", "pending")},
            "cost_usd": round(sum(job.cost_usd for job in self.jobs), 6),
            "rate_limits": SHARED.stats(),
            "articles": [job.as_dict() for job in self.jobs],
        }

    def run(self, display: Any) -> None:
        """Draft every line, `concurrency` at a time, each in its own thread."""
        pending = list(self.jobs)
        queue_lock = threading.Lock()

        def worker() -> None:
            while True:
                with queue_lock:
                    if not pending:
                        return
                    job = pending.pop(0)
                self.draft(job, display)

        threads = [
            threading.Thread(target=worker, name=f"batch-{n}", daemon=True)
            for n in range(max(1, min(self.options.concurrency, len(self.jobs))))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(0.2)  # short joins: Ctrl-C reaches the main thread
        self.finished_at = utc_now()
        self.save()

    def draft(self, job: Job, display: Any) -> None:
        """One article, start to end; every failure stays with its line."""
        from drafter import pipeline
        from drafter.store import RunFolder

        started = time.monotonic()
        progress = display.article(job)
        folder: RunFolder | None = None
        try:
            self._set(job, status="running")
            if job.run is not None:
                folder = self._reopen(job, progress)
            if folder is None:
                job.source, job.comments = resolve(
                    job.line, self.options.sources_file.parent, self.options.comments_dir
                )
            elif folder.meta.get("status") == "completed":
                job.reused = True
                if self.options.check and not folder.meta.get("check"):
                    pipeline.check_draft(folder, progress)
                self._finish(job, folder, started)
                return
            specs, models = pipeline.prepare(self.settings)
            if folder is None:
                assert job.source is not None and job.comments is not None
                request = pipeline.RunRequest(
                    job.source, job.comments, self.options.out_dir, None, self.options.refresh
                )
                folder = pipeline.start_run(request, self.settings, progress)
                self._set(job, run=str(folder.path))
            pipeline.execute(folder, self.settings, progress, specs, models)
            if self.options.check:
                pipeline.check_draft(folder, progress)
            self._finish(job, folder, started)
        except DrafterError as exc:
            self._failed(job, folder, started, exc)
        except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the batch
            wrapped = DrafterError(
                f"Unexpected error: {type(exc).__name__}: {exc}",
                hint="This is a bug in drafter; please report it with the run folder. The "
                "other articles are not affected; --resume retries this one.",
            )
            self._failed(job, folder, started, wrapped)
        finally:
            progress.close()
            display.done(job)

    def _reopen(self, job: Job, progress: Any) -> Any:
        from drafter import pipeline

        assert job.run is not None
        path = Path(job.run)
        if not (path / "run.json").is_file():
            progress.note(f"{path} is gone; starting this article again")
            job.run = None
            return None
        folder = pipeline.open_for_resume(path)
        job.resumed = folder.meta.get("status") != "completed"
        if job.resumed:
            progress.note(f"resuming {path}")
        job.comments = str((folder.meta.get("comments") or {}).get("input") or "") or None
        return folder

    def _set(self, job: Job, **changes: Any) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(job, name, value)
        self.save()

    def _account(self, job: Job, folder: Any, started: float) -> None:
        steps = folder.meta.get("steps", {}) if folder is not None else {}
        job.cost_usd = sum(float(s.get("cost_usd", 0) or 0) for s in steps.values())
        job.seconds = 0.0 if job.reused else time.monotonic() - started
        if folder is not None:
            job.check = folder.meta.get("check")
            job.books_unverified = int((folder.meta.get("books") or {}).get("unverified", 0))

    def _finish(self, job: Job, folder: Any, started: float) -> None:
        self._account(job, folder, started)
        self._set(job, status="ok", error=None)

    def _failed(self, job: Job, folder: Any, started: float, exc: DrafterError) -> None:
        self._account(job, folder, started)
        error: dict[str, Any] = {
            "type": type(exc).__name__,
            "message": redact(exc.message),
            "hint": redact(exc.hint),
            "exit_code": exc.exit_code,
        }
        if folder is not None:
            error["resume"] = f"drafter run --resume {folder.path}"
        self._set(job, status="failed", error=error)

    @property
    def exit_code(self) -> int:
        """8 when an article failed, else 0: books no catalog could confirm are left out of
        the drafts (the summary says which runs to redo), so they are not a failure."""
        if any(job.status != "ok" for job in self.jobs):
            return 8
        return 0


class BatchDisplay:
    """Progress on stderr: on a terminal, live bars for the batch and for each article in
    flight; otherwise (logs, CI) one line per event, prefixed with the article's line."""

    def __init__(self, total: int, agents: int, console: Any = None) -> None:
        from rich.console import Console

        self.console = console or Console(stderr=True, highlight=False, soft_wrap=True)
        self.total = total
        self.agents = agents
        self.finished = 0
        self._lock = threading.Lock()
        self.bars: Any = None
        if self.console.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bars = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.console,
            )
            self.overall = self.bars.add_task("[bold]batch[/bold]", total=total)

    def __enter__(self) -> BatchDisplay:
        if self.bars is not None:
            self.bars.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bars is not None:
            self.bars.stop()

    def print(self, text: str) -> None:
        (self.bars.console if self.bars is not None else self.console).print(text)

    def article(self, job: Job) -> ArticleProgress:
        return ArticleProgress(self, job)

    def done(self, job: Job) -> None:
        from rich.markup import escape

        with self._lock:
            self.finished += 1
            count = f"[{self.finished}/{self.total}]"
        label = escape(_label(job))
        if job.status == "ok":
            what = "done earlier, kept" if job.reused else f"{job.seconds:.1f} s"
            line = f"[green]✓[/green] {count} {label} [dim]{what}, ${job.cost_usd:.4f}[/dim]"
        else:
            message = (job.error or {}).get("message") or "failed"
            line = f"[red]✗[/red] {count} {label}: {escape(str(message))}"
        self.print(line)
        if self.bars is not None:
            self.bars.advance(self.overall)


class ArticleProgress:
    """drafter.progress.Progress for one article of the batch."""

    def __init__(self, display: BatchDisplay, job: Job) -> None:
        from rich.markup import escape

        self.display = display
        self.label = escape(_label(job))
        self.running: list[str] = []
        self.task: Any = None
        if display.bars is not None:
            self.task = display.bars.add_task(self.label, total=display.agents)

    def _show(self, text: str) -> None:
        from rich.markup import escape

        if self.task is not None:
            self.display.bars.update(self.task, description=f"{self.label}: {escape(text)}")
        else:
            self.display.print(f"[dim]{self.label}:[/dim] {escape(text)}")

    def note(self, message: str) -> None:
        self._show(redact(message) or "")

    def started(self, agent: str) -> None:
        self.running.append(agent)
        if self.task is not None:
            self._show(", ".join(self.running) + " …")
        else:
            self._show(f"{agent} …")

    def finished(self, agent: str, seconds: float, tokens: int, reused: bool) -> None:
        if agent in self.running:
            self.running.remove(agent)
        if self.task is not None:
            self.display.bars.advance(self.task)
            self._show(", ".join(self.running) + " …" if self.running else f"{agent} ✓")
        else:
            self._show(
                f"✓ {agent} (done earlier, kept)"
                if reused
                else f"✓ {agent} {seconds:.1f} s, {tokens:,} tokens"
            )

    def failed(self, agent: str, reason: str) -> None:
        if agent in self.running:
            self.running.remove(agent)
        self._show(f"✗ {agent}: {redact(reason) or ''}")

    def close(self) -> None:
        if self.task is not None:
            self.display.bars.remove_task(self.task)


def _label(job: Job) -> str:
    return f"line {job.line.number} {source_slug(job.line.source)[:32]}"


def print_summary(batch: Batch, console: Any = None) -> None:
    """The summary table (stdout): one row per line of the sources file; below it, for each
    failure, what to do about it."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    # Written to a file or a pipe (a log, cron mail): wide enough that rows stay readable.
    console = console or Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    table = Table(
        title=f"batch: {len(batch.jobs)} article(s) in {escape(str(batch.options.out_dir))}"
    )
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("source", overflow="fold", max_width=36)
    table.add_column("status", no_wrap=True)
    table.add_column("check", no_wrap=True)
    table.add_column("run folder", overflow="fold", max_width=30)
    table.add_column("cost", justify="right", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    table.add_column("error", overflow="fold", ratio=1)
    todo: list[str] = []
    for job in batch.jobs:
        check = job.check or {}
        error = ""
        if job.error:
            error = str(job.error.get("message") or "")
            hint = job.error.get("hint")
            if job.error.get("resume"):
                hint = f"{hint or ''} Or resume it alone: {job.error['resume']}".strip()
            if hint:
                todo.append(f"line {job.line.number}: {hint}")
        elif job.books_unverified:
            error = f"{job.books_unverified} book(s) unverified"
            todo.append(
                f"line {job.line.number}: no library catalog could be reached; once the "
                f"network is back: drafter run --resume {job.run} --redo books"
            )
        table.add_row(
            str(job.line.number),
            escape(job.line.source),
            "[green]ok[/green]" if job.status == "ok" else f"[red]{job.status}[/red]",
            ("ok" if check.get("ok") else f"{check.get('failing')} to fix") if check else "-",
            escape(Path(job.run).name if job.run else "-"),
            f"${job.cost_usd:.4f}",
            "earlier" if job.reused else f"{job.seconds:.1f} s",
            escape(error),
        )
    console.print(table)
    # Lines holding paths and commands are never folded: they must survive copying from a log.
    for item in todo:
        console.print(escape(item), soft_wrap=True)
    counts = Counter(job.status for job in batch.jobs)
    failed = counts.get("failed", 0)
    console.print(
        f"{counts.get('ok', 0)} ok, {failed} failed, "
        f"${sum(j.cost_usd for j in batch.jobs):.4f}; summary in {escape(str(batch.manifest))}",
        soft_wrap=True,
    )
    if failed:
        console.print(
            "Fix the causes above, then retry the failed articles (finished ones are kept): "
            f"drafter batch {escape(str(batch.options.sources_file))} --out "
            f"{escape(str(batch.options.out_dir))} --resume",
            soft_wrap=True,
        )
