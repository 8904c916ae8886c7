"""Per-agent progress on stderr (rich), so stdout stays the path of the draft."""

from __future__ import annotations

from typing import Protocol

from rich.console import Console
from rich.markup import escape


class Progress(Protocol):
    def note(self, message: str) -> None: ...
    def started(self, agent: str) -> None: ...
    def finished(self, agent: str, seconds: float, tokens: int, reused: bool) -> None: ...
    def failed(self, agent: str, reason: str) -> None: ...


class ConsoleProgress:
    def __init__(self, console: Console | None = None) -> None:
        # soft_wrap: never fold a line (a path or a command must survive copying from a log)
        self.console = console or Console(stderr=True, highlight=False, soft_wrap=True)
        self._failures = 0

    def note(self, message: str) -> None:
        self.console.print(f"[dim]•[/dim] {message}", markup=True)

    def started(self, agent: str) -> None:
        self.console.print(f"[cyan]…[/cyan] {agent}")

    def finished(self, agent: str, seconds: float, tokens: int, reused: bool) -> None:
        if reused:
            self.console.print(f"[green]✓[/green] {agent} [dim](done earlier, kept)[/dim]")
        else:
            self.console.print(
                f"[green]✓[/green] {agent} [dim]{seconds:.1f} s, {tokens:,} tokens[/dim]"
            )

    def failed(self, agent: str, reason: str) -> None:
        """The first failure is the run's error, printed once at the end with its hint; only
        further failures (agents running in parallel) say their reason here."""
        from drafter.guard import redact

        self._failures += 1
        if self._failures == 1:
            self.console.print(f"[red]✗[/red] {escape(agent)} failed (the error follows)")
        else:
            self.console.print(f"[red]✗[/red] {escape(agent)}: {escape(redact(reason) or '')}")


class SilentProgress:
    def note(self, message: str) -> None:
        pass

    def started(self, agent: str) -> None:
        pass

    def finished(self, agent: str, seconds: float, tokens: int, reused: bool) -> None:
        pass

    def failed(self, agent: str, reason: str) -> None:
        pass
