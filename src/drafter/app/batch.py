"""The batch use case: many articles from a file of sources, several at once. No printing: the
caller (the CLI's `drafter batch`, or any other face) watches through a `BatchReporter` and
reads the outcome from `Batch.jobs`, `Batch.summary()` and `Batch.exit_code`.

Each line of the sources file becomes a normal run folder (app/drafting.py, exactly as
`drafter run`), drafted in its own thread with its own event loop, budget and call journal.
What they share is the process: the per-model rate limiters (llm/ratelimit.py), the fetch cache
and the model-answer cache. A failure (bad URL, bad comments, the model giving up) is recorded
for its line and never stops the others.

The manifest, `OUT/batch.json`, maps every line to its run folder and is rewritten atomically
whenever an article changes state; at the end it is also the batch's JSON summary. `--resume`
reads it: a line whose run completed is skipped (no model call), a line whose run did not finish
is resumed in its folder (finished steps kept), a line that never got a folder starts afresh.

The sources file's syntax and the comments lookup: app/batch_sources.py.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from drafter.app.batch_sources import Line, read_sources, resolve
from drafter.config import Settings
from drafter.errors import ConfigError, DrafterError, RunError
from drafter.files import RUN_FILE, dump_json, utc_now, write_atomic
from drafter.guard import redact
from drafter.progress import Progress, SilentProgress

if TYPE_CHECKING:
    from drafter.run.folder import RunFolder

MANIFEST = "batch.json"
Status = Literal["pending", "running", "ok", "failed"]


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


class ArticleReporter(Progress, Protocol):
    """Progress of one article of the batch (the pipeline's Progress), closed when it ends."""

    def close(self) -> None: ...


class BatchReporter(Protocol):
    """What a face watches the batch through: each article as it starts and when it ends
    (`Job.status` ok or failed), from the worker threads."""

    def article(self, job: Job) -> ArticleReporter: ...
    def done(self, job: Job) -> None: ...


class QuietReporter(SilentProgress):
    """A BatchReporter that shows nothing (for callers that only want the outcome)."""

    def article(self, job: Job) -> QuietReporter:
        return self

    def done(self, job: Job) -> None:
        pass

    def close(self) -> None:
        pass


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

    def run(self, reporter: BatchReporter | None = None) -> None:
        """Draft every line, `concurrency` at a time, each in its own thread."""
        if reporter is None:
            reporter = QuietReporter()
        pending = list(self.jobs)
        queue_lock = threading.Lock()

        def worker() -> None:
            while True:
                with queue_lock:
                    if not pending:
                        return
                    job = pending.pop(0)
                self.draft(job, reporter)

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

    def draft(self, job: Job, reporter: BatchReporter) -> None:
        """One article, start to end (app/drafting.py); every failure stays with its line."""
        from drafter.app import drafting

        started = time.monotonic()
        progress = reporter.article(job)
        folder: RunFolder | None = None

        def created(new: RunFolder) -> None:
            nonlocal folder
            folder = new
            self._set(job, run=str(new.path))

        try:
            self._set(job, status="running")
            if job.run is not None:
                folder = self._reopen(job, progress)
            check = self.options.check
            if folder is None:
                job.source, job.comments = resolve(
                    job.line, self.options.sources_file.parent, self.options.comments_dir
                )
                request = self._request(job)
                drafting.draft(
                    request, self.settings, progress, check=check, record_check=False,
                    on_folder=created,
                )  # fmt: skip
            elif folder.run.status == "completed":
                job.reused = True
                if check and not folder.run.check:
                    drafting.check_run(folder, progress)
            else:
                drafting.complete(folder, self.settings, progress, check=check, record_check=False)
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
            reporter.done(job)

    def _request(self, job: Job) -> Any:
        from drafter import pipeline

        assert job.source is not None and job.comments is not None
        return pipeline.RunRequest(
            job.source, job.comments, self.options.out_dir, None, self.options.refresh
        )

    def _reopen(self, job: Job, progress: Progress) -> RunFolder | None:
        from drafter import pipeline

        assert job.run is not None
        path = Path(job.run)
        if not (path / RUN_FILE).is_file():
            progress.note(f"{path} is gone; starting this article again")
            job.run = None
            return None
        folder = pipeline.open_for_resume(path)
        job.resumed = folder.run.status != "completed"
        if job.resumed:
            progress.note(f"resuming {path}")
        comments = folder.run.comments
        job.comments = (comments.input if comments is not None else None) or None
        return folder

    def _set(self, job: Job, **changes: Any) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(job, name, value)
        self.save()

    def _account(self, job: Job, folder: RunFolder | None, started: float) -> None:
        job.cost_usd = folder.run.spent_usd() if folder is not None else 0.0
        job.seconds = 0.0 if job.reused else time.monotonic() - started
        if folder is not None:
            check, books = folder.run.check, folder.run.books
            job.check = check.to_json() if check is not None else None
            job.books_unverified = (books.unverified or 0) if books is not None else 0

    def _finish(self, job: Job, folder: RunFolder | None, started: float) -> None:
        self._account(job, folder, started)
        self._set(job, status="ok", error=None)

    def _failed(
        self, job: Job, folder: RunFolder | None, started: float, exc: DrafterError
    ) -> None:
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
