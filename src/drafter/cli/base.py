"""The command line's shared parts: the typer app, the options several commands take, and the
helpers that print untrusted text and turn errors into exit codes (the commands' modules are the
only code that does that); heavy imports happen lazily inside commands so `drafter --help`
stays fast."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn

import typer

from drafter.errors import DrafterError

if TYPE_CHECKING:
    pass

app = typer.Typer(
    name="drafter",
    help="Draft grounded Japanese news-commentary (海外の反応) articles with LLM agents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: flags show no <bool> placeholder (which invited `--json false`), and
    # choices are listed as <a|b>.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Lang = Literal["ja", "en"]
StructuredMethod = Literal["auto", "json_schema", "function_calling", "json_mode"]
ExportFormat = Literal["md", "html", "wxr", "wp"]


def _version(value: bool) -> None:
    if value:
        from drafter import __version__

        typer.echo(f"drafter {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Draft grounded Japanese news-commentary (海外の反応) articles with LLM agents."""


ModelOpt = Annotated[
    str | None, typer.Option("--model", help="Model for every role (DRAFTER_MODEL).")
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url", help="OpenAI-compatible endpoint (DRAFTER_BASE_URL, OPENAI_BASE_URL)."
    ),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="TOML config file (DRAFTER_CONFIG).")
]
AllowPrivateOpt = Annotated[
    bool | None,
    typer.Option("--allow-private-hosts", help="Fetch from loopback/private addresses too."),
]
RefreshOpt = Annotated[
    bool, typer.Option("--refresh", help="Refetch pages instead of using the fetch cache.")
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Ask the model again instead of reusing answers.")
]


def _stderr_console() -> Any:
    """stderr for messages: never hard-wrapped (a path or a command broken across lines cannot
    be copied), colour only on a terminal."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _echo(text: str) -> None:
    """Print text that may come from a page, a comment file or a model: no escape sequence or
    control character of it reaches the terminal."""
    from drafter.terminal import printable

    typer.echo(printable(text))


def _shown(text: str) -> str:
    """Untrusted text for a rich console: printable, and no rich markup."""
    from rich.markup import escape

    from drafter.terminal import printable

    return escape(printable(text))


def _announce(line: str) -> None:
    """Which config file a command read: on stderr, once per command."""
    from drafter.terminal import printable

    typer.echo(printable(line), err=True)


def _echo_json(text: str) -> None:
    from drafter.terminal import printable_json

    typer.echo(printable_json(text))


def _fail(exc: DrafterError, *, resume_dir: Path | None = None) -> NoReturn:
    from rich.markup import escape

    from drafter.guard import redact
    from drafter.terminal import printable

    console = _stderr_console()
    message = printable(redact(exc.message) or "")
    console.print(f"[bold red]error:[/bold red] {escape(message)}")
    hint = printable(redact(exc.hint) or "")
    if hint:
        console.print(escape(hint))
    if resume_dir is not None and "--resume" not in hint:
        console.print(
            f"Finished steps are kept in {escape(str(resume_dir))}. Resume with:\n"
            f"  drafter run --resume {escape(str(resume_dir))}"
        )
    raise typer.Exit(exc.exit_code)
