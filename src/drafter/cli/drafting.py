"""`drafter run`, `fetch` and `comments`: drafting one article and reading its inputs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn

import typer

from drafter.cli.base import (
    AllowPrivateOpt,
    BaseUrlOpt,
    ConfigOpt,
    Lang,
    ModelOpt,
    NoCacheOpt,
    RefreshOpt,
    StructuredMethod,
    _announce,
    _echo,
    _echo_json,
    _fail,
    _stderr_console,
    app,
)
from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.run.folder import RunFolder


# long on purpose: the signature is the command's options (its interface); the body is short.
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
    redo: Annotated[
        list[str] | None,
        typer.Option(
            "--redo", help="With --resume: redo this agent's step and the steps that read it."
        ),
    ] = None,
    thread_url: Annotated[
        str | None, typer.Option("--thread-url", help="URL of the comment thread, for 参考リンク.")
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    structured_output: Annotated[
        StructuredMethod | None,
        typer.Option(
            "--structured-output",
            help="How the model is asked for JSON (DRAFTER_STRUCTURED_OUTPUT; default auto).",
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", help="Seconds for a model's answer to start (default 120)."),
    ] = None,
    idle_timeout: Annotated[
        float | None,
        typer.Option(
            "--idle-timeout",
            help="Seconds without a token, once an answer streams, before giving up (default 120).",
        ),
    ] = None,
    max_retries: Annotated[
        int | None, typer.Option("--max-retries", help="Transport retries per LLM request.")
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Output language (default ja).")
    ] = None,
    prompts_dir: Annotated[
        Path | None, typer.Option("--prompts-dir", help="Your edited copy of the prompts.")
    ] = None,
    allow_private_hosts: AllowPrivateOpt = None,
    refresh: RefreshOpt = False,
    no_check: Annotated[
        bool, typer.Option("--no-check", help="Skip the fact check of the finished draft.")
    ] = False,
    no_cache: NoCacheOpt = False,
    max_cost: Annotated[
        float | None,
        typer.Option("--max-cost", help="Stop before a call that could exceed this many USD."),
    ] = None,
    max_tokens: Annotated[
        int | None,
        typer.Option("--max-tokens", help="Stop before a call that could exceed this many tokens."),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Draft an article from SOURCE and a comment thread; prints the path of article.md."""
    if resume is None and (source is None or comments is None):
        raise typer.BadParameter("give SOURCE and --comments, or --resume RUN_DIR")
    if redo and resume is None:
        raise typer.BadParameter("--redo needs --resume RUN_DIR")
    flags: dict[str, Any] = {
        "model": model,
        "base_url": base_url,
        "structured_output": structured_output,
        "timeout": timeout,
        "idle_timeout": idle_timeout,
        "max_retries": max_retries,
        "lang": lang,
        "prompts_dir": prompts_dir,
        "allow_private_hosts": allow_private_hosts,
        "max_cost": max_cost,
        "max_run_tokens": max_tokens,
        "llm_cache": False if no_cache else None,
    }
    folder = _draft(
        flags, config, _Begin(source, comments, out, thread_url, refresh, resume, redo), no_check
    )
    _warn_unverified_books(folder)


class _Begin(NamedTuple):
    """Where a run starts: a new run folder for SOURCE and its comments, or one to resume."""

    source: str | None
    comments: str | None
    out: Path
    thread_url: str | None
    refresh: bool
    resume: Path | None
    redo: list[str] | None


def _draft(flags: dict[str, Any], config: Path | None, begin: _Begin, no_check: bool) -> Any:
    """Runs the drafting use case (app/drafting.py) in a new or resumed run folder, prints the
    path of article.md, and returns the folder."""
    from drafter.config import load_settings

    folder: Any = None
    settings: Any = None

    def opened(run_folder: Any) -> None:
        nonlocal folder
        folder = run_folder

    try:
        settings = load_settings(flags, config_path=config, announce=_announce)
        from drafter.app import drafting
        from drafter.progress import ConsoleProgress

        progress = ConsoleProgress()
        if begin.resume is not None:
            result = drafting.resume(
                begin.resume, settings, progress, redo=begin.redo or (), check=not no_check,
                on_folder=opened,
            )  # fmt: skip
        else:
            result = drafting.draft(
                _request(begin), settings, progress, check=not no_check, on_folder=opened
            )
    except DrafterError as exc:
        _fail(exc, resume_dir=folder.path if folder is not None else None)
    except KeyboardInterrupt:
        _interrupted(folder, settings)
    typer.echo(str(result.path))
    return result.folder


def _request(begin: _Begin) -> Any:
    """What a new run folder is made from: SOURCE, its comments and where the folder goes."""
    from drafter import pipeline

    assert begin.source is not None and begin.comments is not None
    return pipeline.RunRequest(
        begin.source, begin.comments, begin.out, begin.thread_url, begin.refresh
    )


def _warn_unverified_books(folder: RunFolder) -> None:
    from drafter.app.drafting import unverified_books

    unverified = unverified_books(folder)
    if unverified:
        _stderr_console().print(
            f"warning: {unverified} book(s) could not be verified (no library catalog could be "
            "reached) and were left out of the draft; they are listed in article.json. Once "
            f"the network is back: drafter run --resume {folder.path} --redo books "
            "(or set books_wanted = 0 to draft without books).",
            markup=False,
        )


def _interrupted(folder: Any, settings: Any) -> NoReturn:
    """Ctrl-C during a run: record it, and say where the finished steps are and how to go on."""
    console = _stderr_console()
    if folder is None:
        console.print("interrupted before a run folder was created; nothing to resume.")
        raise SystemExit(130)
    from rich.markup import escape

    from drafter import pipeline

    try:
        pipeline.mark_interrupted(folder, settings)
    except (DrafterError, OSError) as exc:  # the message below matters more than the record
        console.print(f"(could not record the interruption in run.json: {escape(str(exc))})")
    console.print(
        f"interrupted. Finished steps are kept in {escape(str(folder.path))}. Resume with:\n"
        f"  drafter run --resume {escape(str(folder.path))}"
    )
    raise SystemExit(130)


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
        settings = load_settings(flags, config_path=config, announce=_announce)
        article = load_article(source, fetcher=Fetcher.from_settings(settings, refresh=refresh))
    except DrafterError as exc:
        _fail(exc)
    if as_json:
        _echo_json(article.model_dump_json(indent=2))
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
        _echo(f"{label + ':':<12}{value if value not in (None, '') else '-'}")
    typer.echo("")
    _echo(article.text)


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
            {"allow_private_hosts": allow_private_hosts or None},
            config_path=config,
            announce=_announce,
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
        _echo_json(json.dumps(report, ensure_ascii=False, indent=2))
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
        _echo(f"{label + ':':<12}{value if value not in (None, '') else '-'}")
    for comment in selection.comments:
        score = comment.score if comment.score is not None else "-"
        _echo(f"\n[{comment.id}] score {score}, depth {comment.depth}")
        _echo(clip(comment.body, 400))
