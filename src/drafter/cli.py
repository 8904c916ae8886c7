"""Command line. Only this module turns errors into exit codes; heavy imports happen lazily
inside commands so `drafter --help` stays fast."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from drafter.errors import DrafterError

app = typer.Typer(
    name="drafter",
    help="Draft grounded Japanese news-commentary (海外の反応) articles with LLM agents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

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


def _fail(exc: DrafterError, *, resume_dir: Path | None = None) -> NoReturn:
    from rich.console import Console
    from rich.markup import escape

    console = Console(stderr=True, highlight=False)
    console.print(f"[bold red]error:[/bold red] {escape(exc.message)}")
    if exc.hint:
        console.print(escape(exc.hint))
    if resume_dir is not None:
        console.print(
            f"Finished steps are kept in {escape(str(resume_dir))}. Resume with:\n"
            f"  drafter run --resume {escape(str(resume_dir))}"
        )
    raise typer.Exit(exc.exit_code)


@app.command()
def run(
    source: Annotated[
        str | None, typer.Argument(help="News URL, or a saved .html/.txt/.md file.")
    ] = None,
    comments: Annotated[
        str | None,
        typer.Option(
            "--comments",
            "-c",
            help="Comments file (JSON/JSONL/CSV/text, saved Reddit or HN JSON), or a Hacker "
            "News / Reddit thread URL.",
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for run folders.")] = Path(
        "drafts"
    ),
    resume: Annotated[
        Path | None,
        typer.Option("--resume", help="Continue this run folder, skipping finished steps."),
    ] = None,
    thread_url: Annotated[
        str | None, typer.Option("--thread-url", help="URL of the comment thread, for 参考リンク.")
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    structured_output: Annotated[
        str | None,
        typer.Option(
            "--structured-output",
            help="auto | json_schema | function_calling | json_mode (DRAFTER_STRUCTURED_OUTPUT).",
        ),
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Seconds per LLM request.")
    ] = None,
    max_retries: Annotated[
        int | None, typer.Option("--max-retries", help="Transport retries per LLM request.")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Output language: ja (default) or en.")
    ] = None,
    prompts_dir: Annotated[
        Path | None, typer.Option("--prompts-dir", help="Your edited copy of the prompts.")
    ] = None,
    allow_private_hosts: Annotated[
        bool | None,
        typer.Option("--allow-private-hosts", help="Fetch from loopback/private addresses too."),
    ] = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Refetch pages instead of using the fetch cache.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Draft an article from SOURCE and a comment thread; prints the path of article.md."""
    from drafter.config import load_settings

    if resume is None and (source is None or comments is None):
        raise typer.BadParameter("give SOURCE and --comments, or --resume RUN_DIR")
    flags: dict[str, Any] = {
        "model": model,
        "base_url": base_url,
        "structured_output": structured_output,
        "timeout": timeout,
        "max_retries": max_retries,
        "lang": lang,
        "prompts_dir": prompts_dir,
        "allow_private_hosts": allow_private_hosts,
    }
    folder_path: Path | None = None
    try:
        settings = load_settings(flags, config_path=config)
        from drafter import pipeline
        from drafter.progress import ConsoleProgress

        progress = ConsoleProgress()
        specs, models = pipeline.prepare(settings)
        if resume is not None:
            folder = pipeline.open_for_resume(resume)
            progress.note(f"resuming {folder.path}")
        else:
            assert source is not None and comments is not None
            request = pipeline.RunRequest(source, comments, out, thread_url, refresh)
            folder = pipeline.start_run(request, settings, progress)
        folder_path = folder.path
        path = pipeline.execute(folder, settings, progress, specs, models)
    except DrafterError as exc:
        _fail(exc, resume_dir=folder_path)
    typer.echo(str(path))


@app.command()
def fetch(
    source: Annotated[str, typer.Argument(help="News URL, or a saved .html/.txt/.md file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Seconds for the whole fetch (default 30).")
    ] = None,
    allow_private_hosts: Annotated[
        bool, typer.Option("--allow-private-hosts", help="Fetch from loopback/private addresses.")
    ] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Refetch instead of using the fetch cache.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Fetch and extract an article (no LLM): metadata, then the text drafter would ground on."""
    from drafter.config import load_settings
    from drafter.sources.article import load_article
    from drafter.sources.http import Fetcher

    try:
        # Same precedence as `run`: flags, then DRAFTER_* env vars, then the config file.
        flags = {"allow_private_hosts": allow_private_hosts or None, "fetch_timeout": timeout}
        settings = load_settings(flags, config_path=config)
        article = load_article(source, fetcher=Fetcher.from_settings(settings, refresh=refresh))
    except DrafterError as exc:
        _fail(exc)
    if as_json:
        typer.echo(article.model_dump_json(indent=2))
        return
    for label, value in (
        ("title", article.title),
        ("site", article.site_name),
        ("url", article.url),
        ("date", article.date),
        ("author", article.author),
        ("language", article.language),
        ("characters", len(article.text)),
        ("sentences", len(article.sentences())),
        ("fetched", f"{article.fetched_at}{' (from cache)' if article.from_cache else ''}"),
    ):
        typer.echo(f"{label + ':':<12}{value if value not in (None, '') else '-'}")
    typer.echo("")
    typer.echo(article.text)


@app.command("comments")
def comments_command(
    source: Annotated[
        str, typer.Argument(help="Comments file, Hacker News item URL or Reddit thread URL.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Refetch instead of using the fetch cache.")
    ] = False,
    allow_private_hosts: Annotated[
        bool, typer.Option("--allow-private-hosts", help="Fetch from loopback/private addresses.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Read a comment thread (no LLM): counts, what pre-selection drops, what a model would see."""
    import json

    from drafter.config import load_settings
    from drafter.sources.comments import load_comments
    from drafter.sources.http import Fetcher
    from drafter.sources.selection import clip, preselect

    try:
        settings = load_settings(
            {"allow_private_hosts": allow_private_hosts or None}, config_path=config
        )
        fetcher = Fetcher.from_settings(settings, refresh=refresh)
        thread = load_comments(source, fetcher=fetcher, settings=settings)
    except DrafterError as exc:
        _fail(exc)
    selection = preselect(thread.comments)
    if as_json:
        report = thread.model_dump(mode="json")
        report["offered"] = [c.id for c in selection.comments]
        report["dropped"] = selection.dropped
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    dropped = ", ".join(f"{n} {why}" for why, n in selection.dropped.items()) or "none"
    for label, value in (
        ("platform", thread.platform),
        ("title", thread.title),
        ("url", thread.url),
        ("comments", len(thread.comments)),
        ("offered", len(selection.comments)),
        ("dropped", dropped),
    ):
        typer.echo(f"{label + ':':<12}{value if value not in (None, '') else '-'}")
    for comment in selection.comments:
        score = comment.score if comment.score is not None else "-"
        typer.echo(f"\n[{comment.id}] score {score}, depth {comment.depth}")
        typer.echo(clip(comment.body, 400))


@app.command("export-prompts")
def export_prompts(
    target: Annotated[Path, typer.Argument(help="Folder to copy the bundled prompts into.")],
) -> None:
    """Copy the bundled prompts to TARGET, to edit and use with --prompts-dir."""
    from drafter.agents import bundled_dir

    try:
        source = bundled_dir("prompts")
        if target.exists() and any(target.iterdir()):
            raise DrafterError(f"{target} is not empty; choose a new folder.")
        shutil.copytree(source, target, dirs_exist_ok=True)
    except DrafterError as exc:
        _fail(exc)
    typer.echo(str(target))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print(
            "interrupted; finished steps are kept (drafter run --resume RUN_DIR)", file=sys.stderr
        )
        raise SystemExit(130) from None
