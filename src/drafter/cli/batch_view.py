"""`drafter batch` on the terminal: progress on stderr while the batch runs (app/batch.py reports
to a `BatchDisplay`), and the summary table on stdout when it is done."""

from __future__ import annotations

import sys
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.app.batch import Batch, Job
from drafter.app.batch_sources import source_slug
from drafter.guard import redact

if TYPE_CHECKING:
    from rich.table import Table


class BatchDisplay:
    """Progress on stderr: on a terminal, live bars for the batch and for each article in
    flight; otherwise (logs, CI) one line per event, prefixed with the article's line.
    A BatchReporter (app/batch.py)."""

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
    """drafter.progress.Progress for one article of the batch (an ArticleReporter)."""

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

    # Written to a file or a pipe (a log, cron mail): wide enough that rows stay readable.
    console = console or Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    table = _table(batch)
    todo: list[str] = []
    for job in batch.jobs:
        error, advice = _error_and_advice(job)
        todo.extend(advice)
        table.add_row(*_row(job, error))
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


def _table(batch: Batch) -> Table:
    """The summary table's title and columns, no rows yet."""
    from rich.markup import escape
    from rich.table import Table

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
    return table


def _error_and_advice(job: Job) -> tuple[str, list[str]]:
    """The row's error cell, and what to do about it (a line below the table), if anything."""
    if job.error:
        error = str(job.error.get("message") or "")
        hint = job.error.get("hint")
        if job.error.get("resume"):
            hint = f"{hint or ''} Or resume it alone: {job.error['resume']}".strip()
        return error, [f"line {job.line.number}: {hint}"] if hint else []
    if job.books_unverified:
        return f"{job.books_unverified} book(s) unverified", [
            f"line {job.line.number}: no library catalog could be reached; once the "
            f"network is back: drafter run --resume {job.run} --redo books"
        ]
    return "", []


def _row(job: Job, error: str) -> list[str]:
    from rich.markup import escape

    check = job.check or {}
    return [
        str(job.line.number),
        escape(job.line.source),
        "[green]ok[/green]" if job.status == "ok" else f"[red]{job.status}[/red]",
        ("ok" if check.get("ok") else f"{check.get('failing')} to fix") if check else "-",
        escape(Path(job.run).name if job.run else "-"),
        f"${job.cost_usd:.4f}",
        "earlier" if job.reused else f"{job.seconds:.1f} s",
        escape(error),
    ]
