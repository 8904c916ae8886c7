"""Command line. Only this module turns errors into exit codes; heavy imports happen lazily
inside commands so `drafter --help` stays fast."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn

import typer

from drafter.errors import ConfigError, DrafterError

if TYPE_CHECKING:
    import socket

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
    from drafter.config import load_settings

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
    folder_path: Path | None = None
    folder: Any = None
    settings: Any = None
    try:
        settings = load_settings(flags, config_path=config, announce=_announce)
        from drafter import pipeline
        from drafter.progress import ConsoleProgress

        progress = ConsoleProgress()
        specs, models = pipeline.prepare(settings)
        if resume is not None:
            folder = pipeline.open_for_resume(resume)
            progress.note(f"resuming {folder.path}")
            if redo:
                dropped = pipeline.forget_steps(folder, specs, redo)
                progress.note(f"redoing: {', '.join(dropped)}")
        else:
            assert source is not None and comments is not None
            request = pipeline.RunRequest(source, comments, out, thread_url, refresh)
            folder = pipeline.start_run(request, settings, progress)
        folder_path = folder.path
        path = pipeline.execute(folder, settings, progress, specs, models)
        if not no_check:
            pipeline.check_draft(folder, progress, settings)
    except DrafterError as exc:
        _fail(exc, resume_dir=folder_path)
    except KeyboardInterrupt:
        _interrupted(folder, settings)
    typer.echo(str(path))
    unverified = (folder.meta.get("books") or {}).get("unverified", 0)
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


@app.command("check")
def check_command(
    run_dir: Annotated[
        Path | None, typer.Argument(help="A run folder (checks its article.md).")
    ] = None,
    draft: Annotated[
        Path | None, typer.Option("--draft", help="Any draft in drafter's Markdown layout.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Its source: URL or .html/.txt/.md file.")
    ] = None,
    comments: Annotated[
        str | None, typer.Option("--comments", help="The comment thread its reactions come from.")
    ] = None,
    glossary: Annotated[
        Path | None,
        typer.Option("--glossary", help='Name glossary JSON: [{"source": …, "target": …}].'),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    no_judge: Annotated[
        bool, typer.Option("--no-judge", help="Skip the LLM judge (layer 2).")
    ] = False,
    judge_votes: Annotated[
        Literal["1", "3"],
        typer.Option("--judge-votes", help="Judge votes per claim: 3 takes the majority."),
    ] = "1",
    allow_private_hosts: Annotated[
        bool, typer.Option("--allow-private-hosts", help="Fetch from loopback/private addresses.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Fact-check a draft against its source: exit 1 when the lead, quotes, reactions, links
    or books have a problem (report in check.json / check.md; --json prints it)."""
    from drafter.check.core import check
    from drafter.check.inputs import CheckUsageError, from_files, from_run
    from drafter.check.report import to_markdown
    from drafter.config import load_settings
    from drafter.sources.http import Fetcher
    from drafter.store import write_owned

    try:
        if (run_dir is None) == (draft is None and source is None):
            raise CheckUsageError(
                "Give a RUN_DIR, or --draft FILE with --source (and optionally --comments)."
            )
        settings = load_settings(
            {"allow_private_hosts": allow_private_hosts or None},
            config_path=config,
            announce=_announce,
        )
        if run_dir is not None:
            inputs = from_run(run_dir, draft)
            out_dir = run_dir
        else:
            if draft is None or source is None:
                raise CheckUsageError("--draft and --source go together.")
            inputs = from_files(
                draft,
                source,
                comments=comments,
                glossary_path=glossary,
                fetcher=Fetcher.from_settings(settings),
            )
            out_dir = draft.parent
        if glossary is not None and run_dir is not None:
            from drafter.check.inputs import read_glossary

            inputs.glossary = read_glossary(glossary)
        from drafter.check.judge import make_judge

        judge = make_judge(
            settings, enabled=not no_judge, votes=int(judge_votes), lang=inputs.draft.lang
        )
        report = check(inputs, judge)
    except DrafterError as exc:
        _fail(exc)
    stem = "check" if run_dir is not None else f"{draft.stem if draft else 'draft'}.check"
    for name, text in (
        (f"{stem}.json", report.model_dump_json(indent=2) + "\n"),
        (f"{stem}.md", to_markdown(report)),
    ):
        kept = write_owned(out_dir / name, text)
        if kept is not None:
            typer.echo(f"{name} had been changed since drafter wrote it: kept as {kept}", err=True)
    if as_json:
        _echo_json(report.model_dump_json(indent=2))
    else:
        _print_check(report)
    raise typer.Exit(0 if report.ok else 1)


def _print_check(report: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    escape = _shown
    console = Console(highlight=False)
    flagged = [c for c in report.claims if c.fails]
    listed = [
        c for c in report.claims if not c.fails and c.verdict in ("contradicted", "unsupported")
    ]
    counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts().items()))
    console.print(escape(report.scope()), soft_wrap=True)
    console.print(f"{len(report.claims)} claims: {counts}")
    console.print(f"judge: {report.judge.status} ({escape(report.judge.detail)})")
    for title, group in (("must fix", flagged), ("to verify", listed)):
        if not group:
            continue
        table = Table(title=f"{title}: {len(group)}", show_lines=True, expand=True)
        for column in ("section", "sentence", "verdict", "why", "evidence"):
            table.add_column(column, overflow="fold")
        for claim in group:
            evidence = "\n".join(f"{e.id}: {e.text[:80]}" for e in claim.evidence[:2])
            table.add_row(
                escape(claim.section + (f" {claim.comment_id}" if claim.comment_id else "")),
                escape(claim.sentence),
                claim.verdict,
                escape(f"[{claim.decided_by}] " + " / ".join(claim.reasons)),
                escape(evidence or "-"),
            )
        console.print(table)
    from drafter.check.style import summary_line

    console.print(escape(summary_line(report.style)), soft_wrap=True)
    checked = f"{report.sentences_checked} sentences checked"
    if not report.sentences_checked:
        console.print("Not checked: the draft holds no sentence")
    elif report.ok:
        console.print(f"OK: {checked}, nothing to fix")
    else:
        console.print(f"{len(flagged)} claim(s) to fix ({checked})")


@app.command("eval")
def eval_command(
    suite: Annotated[
        Path | None,
        typer.Argument(help="Eval suite YAML (default: the offline suite shipped with drafter)."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write eval.json and junit.xml here.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    split: Annotated[
        str,
        typer.Option("--split", help="Run the cases of one split (dev, test) or all of them."),
    ] = "all",
    shared_data: Annotated[
        Path | None,
        typer.Option(
            "--shared-data",
            help="The shared data folder, for cases whose source is a page of it "
            "(default: DRAFTER_SHARED_DATA, else ../shared/data beside the checkout).",
        ),
    ] = None,
) -> None:
    """Run the fact check over a suite of reference drafts, then over the same drafts with
    planted errors (generated, and hand-planted from planted.json); exit 1 when a threshold
    fails. Progress, one line per case, goes to stderr."""
    import json

    from drafter.evaluation.harness import default_suite, junit_xml, run_suite, summary_lines
    from drafter.store import write_atomic

    try:
        result = run_suite(
            suite or default_suite(),
            say=lambda line: typer.echo(line, err=True),
            split=split,
            shared_data=shared_data,
        )
    except DrafterError as exc:
        _fail(exc)
    if out is not None:
        try:
            write_atomic(out / "eval.json", json.dumps(result, ensure_ascii=False, indent=2) + "\n")
            write_atomic(out / "junit.xml", junit_xml(result))
        except OSError as exc:
            from drafter.check.inputs import CheckUsageError

            _fail(CheckUsageError(f"Cannot write the eval results to {out}: {exc}"))
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for line in summary_lines(result):
            typer.echo(line)
        typer.echo(
            f"check time per draft: mean {result['check_seconds_mean']:.3f} s, "
            f"max {result['check_seconds_max']:.3f} s; suite {result['seconds']:.0f} s"
        )
        for failure in result["failures"]:
            typer.echo(f"FAILED: {failure}")
        typer.echo("PASSED" if result["passed"] else "FAILED")
    raise typer.Exit(0 if result["passed"] else 1)


@app.command("cache")
def cache_command(
    prune: Annotated[
        float | None,
        typer.Option(
            "--prune",
            min=0,
            metavar="DAYS",
            help="Remove entries written more than DAYS days ago (0: everything).",
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Show what drafter caches (fetched pages, model and judge answers, embeddings) and how
    big it is; --prune DAYS removes older entries. Runs and the run archive are never touched."""
    import sqlite3

    from drafter.cache_admin import inspect
    from drafter.config import cache_root, load_settings

    try:
        root = cache_root(load_settings({}, config_path=config, announce=_announce))
        stats = inspect(root, prune)
    except DrafterError as exc:
        _fail(exc)
    except (OSError, sqlite3.Error) as exc:
        _fail(DrafterError(f"Cannot read the cache: {exc}", hint=f"The cache folder: {root}"))
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"drafter's caches in {root}")
    columns = ["cache", "holds", "entries", "size", *(["removed"] if prune is not None else [])]
    for column in columns:
        table.add_column(column, justify="left" if column in ("cache", "holds") else "right")
    for item in stats:
        cells = [item.name, item.what, f"{item.entries:,}", _bytes(item.size)]
        if prune is not None:
            cells.append(f"{item.removed:,}")
        table.add_row(*(escape(c) for c in cells))
    Console(highlight=False).print(table)


def _bytes(size: int) -> str:
    if size < 1024:
        return f"{size:,} B"
    value = size / 1024
    for unit in ("KiB", "MiB"):
        if value < 1024:
            return f"{value:,.1f} {unit}"
        value /= 1024
    return f"{value:,.1f} GiB"


@app.command("runs")
def runs_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder holding run folders.")] = Path(
        "drafts"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the runs in a folder: status, fact-check result, books, tokens and cost."""
    import json

    from drafter.archive import headline

    rows = []
    for meta_path in sorted(out.glob("*/run.json")):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        check = meta.get("check") or {}
        books = meta.get("books") or {}
        rows.append(
            {
                "run": meta_path.parent.name,
                "path": str(meta_path.parent),
                # the draft's own headline once written, else the source's title
                "title": headline(meta_path.parent) or (meta.get("source") or {}).get("title"),
                "status": meta.get("status"),
                "created_at": meta.get("created_at"),
                "check": "ok"
                if check.get("ok")
                else (f"{check.get('failing')} to fix" if check else "-"),
                "books": f"{books.get('verified', 0)}/{books.get('wanted', 0)}" if books else "-",
                "tokens": (meta.get("usage_total") or {}).get("total_tokens"),
                "cost_usd": meta.get("cost_usd"),
            }
        )
    if as_json:
        _echo_json(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} run(s) in {_shown(str(out))}")
    for column in ("run", "title", "status", "check", "books", "tokens", "cost"):
        table.add_column(column, overflow="fold")
    for row in rows:  # run.json is anyone's file: every field is shown as text, or as a number
        cost, tokens = row["cost_usd"], row["tokens"]
        number = (int, float)
        table.add_row(
            _shown(row["run"]),
            _shown(str(row["title"] or "-")),
            _shown(str(row["status"])),
            _shown(str(row["check"])),
            _shown(str(row["books"])),
            f"{tokens:,}" if isinstance(tokens, number) and not isinstance(tokens, bool) else "-",
            f"${cost:.4f}" if isinstance(cost, number) and not isinstance(cost, bool) else "-",
        )
    # A log or a pipe gets the table wide enough for run names, not folded at 80 columns.
    Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(table)


@app.command()
def review(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; loopback unless you mean it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    import_dirs: Annotated[
        list[Path] | None,
        typer.Option(
            "--import", help="Also list the run folders in this folder (default: ./drafts)."
        ),
    ] = None,
    allowed_hosts: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A name (or name:port) editors use to reach the desk, when it is not HOST "
            "itself: required with --host 0.0.0.0. Other Host headers are refused.",
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """The editors' desk: review drafts beside their source in the browser, edit or regenerate
    a section, re-check, approve, export. Serves http://HOST:PORT/ until Ctrl-C."""
    from drafter.config import load_settings

    try:
        settings = load_settings({}, config_path=config, announce=_announce)
        from drafter.archive import open_archive

        archive = open_archive(settings)
    except DrafterError as exc:
        _fail(exc)
    folders = import_dirs if import_dirs is not None else [Path("drafts")]
    for missing in [f for f in import_dirs or [] if not f.is_dir()]:
        typer.echo(f"warning: --import {missing} is not a folder; nothing read from it.", err=True)
    folders = [f for f in folders if f.is_dir()]
    import uvicorn

    from drafter.desk.app import create_app

    host = host.strip().lower()  # Host headers are compared in lower case
    loopback = host in ("127.0.0.1", "localhost", "::1")
    wildcard = host in ("0.0.0.0", "::", "0", "::0")  # refused below without --allowed-host
    if wildcard and not allowed_hosts:
        _fail(
            ConfigError(
                f"--host {host} listens on every address, so the desk cannot tell its own name "
                "from a rebinding attacker's.",
                hint="Say which names editors will type: --allowed-host desk.newsroom.lan "
                "(repeat for more, e.g. the machine's IP address).",
            )
        )
    if not loopback:
        typer.echo(
            f"warning: binding to {host}: anyone who can reach it can edit and export drafts.",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    names = set() if wildcard else {shown}
    if loopback or wildcard:
        names |= {"127.0.0.1", "localhost", "[::1]"}
    allowed = _host_headers([*names, *(allowed_hosts or [])], port)
    try:
        listener = _listen(host, port)
    except ConfigError as exc:
        _fail(exc)
    desk = create_app(settings, archive, allowed_hosts=allowed, import_dirs=folders)
    typer.echo(f"drafter review: http://{shown}:{port}/  (archive {archive.path})", err=True)
    server = uvicorn.Server(uvicorn.Config(desk, log_level="warning"))
    server.run(sockets=[listener])


def _host_headers(names: list[str], port: int) -> set[str]:
    """The Host headers the desk answers: each name as given with a port, else both bare
    (browsers leave out :80, a proxy may pass its own Host) and with the desk's port."""
    allowed = set()
    for name in (n.strip().lower() for n in names):
        after_bracket = name.rsplit("]", 1)[-1] if name.startswith("[") else name
        allowed |= {name} if ":" in after_bracket else {name, f"{name}:{port}"}
    return allowed


def _listen(host: str, port: int) -> socket.socket:
    """The desk's listening socket, bound here so a taken port is a clear error, not a
    uvicorn traceback (and no other process can take it between the check and the bind).
    IPv6 for an address with a colon, else IPv4, as uvicorn itself does."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener: socket.socket | None = None
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
        if sys.platform != "win32":  # on Windows it would let a second server share the port
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(128)
    except OSError as exc:
        if listener is not None:
            listener.close()
        if exc.errno == errno.EADDRINUSE:
            hint = f"Is drafter review already running? Choose another port with --port {port + 1}."
        elif exc.errno == errno.EACCES:
            hint = "Ports below 1024 need special rights: choose another with --port."
        else:
            hint = "Check --host (an address of this machine) and --port."
        raise ConfigError(
            f"Cannot listen on {host} port {port}: {exc.strerror or exc}.", hint=hint
        ) from exc
    return listener


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


EXPORT_FILES = {"md": "article.export.md", "html": "article.html", "wxr": "article.wxr.xml"}
"""Default export names in the run folder: never article.md, which is the draft itself."""


@app.command("export")
def export_command(
    run_dir: Annotated[Path, typer.Argument(help="A run folder (with article.json).")],
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="md (Markdown), html (standalone page), wxr (WordPress import file), wp (post a "
            "WordPress draft through the REST API: wp_url, wp_user, DRAFTER_WP_APP_PASSWORD).",
        ),
    ] = "md",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write (default: article.export.md, article.html or article.wxr.xml "
            "in RUN_DIR); - for stdout. A file you changed since drafter wrote it is kept aside.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Export html/wxr/wp even though the fact check has must-fix items."
        ),
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Export a draft with the editors' revisions: Markdown, standalone HTML, a WordPress WXR
    import file, or a WordPress draft (never published). Prints the file written, or the
    post id and its edit URL. html, wxr and wp are refused while the fact check has must-fix
    items, unless the draft was approved on the desk or --force is given."""
    if fmt == "wp" and out is not None:
        raise typer.BadParameter("--format wp posts to WordPress; it writes no file.")
    from drafter.app.drafts import current_markdown
    from drafter.config import load_settings

    try:
        settings = load_settings({}, config_path=config, announce=_announce)
        markdown = current_markdown(run_dir, settings)
        from drafter.app.gate import check_gate

        check_gate(settings, run_dir, fmt, force=force)
        if fmt == "wp":
            from drafter.publish.wordpress import post_draft

            posted = post_draft(settings, markdown)
        elif fmt == "html":
            from drafter.publish.html import standalone_html

            text = standalone_html(markdown)
        elif fmt == "wxr":
            from drafter.publish.wxr import to_wxr

            text = to_wxr(
                markdown,
                site_url=settings.wp_url or "http://localhost",
                author=settings.wp_user or "drafter",
            )
        else:
            text = markdown
    except DrafterError as exc:
        _fail(exc)
    if fmt == "wp":
        status = posted["status"] or "draft"
        typer.echo(f"post {posted['id']} created as a {status} (not published)")
        typer.echo(posted["edit_url"])
        return
    if out is not None and str(out) == "-":
        sys.stdout.write(text)
        return
    from drafter.store import write_owned

    target = out if out is not None else run_dir / EXPORT_FILES[fmt]
    try:
        kept = write_owned(target, text)
    except OSError as exc:
        _fail(DrafterError(f"Cannot write {target}: {exc}"))
    if kept is not None:
        typer.echo(
            f"{target} was not the file drafter wrote there last: it is kept as {kept}", err=True
        )
    typer.echo(str(target))


@app.command()
def batch(
    sources_file: Annotated[
        Path,
        typer.Argument(
            help="One source per line (URL or saved page), optionally followed by its comments "
            "(file or thread URL); blank lines and # comments ignored."
        ),
    ],
    comments_dir: Annotated[
        Path | None,
        typer.Option(
            "--comments-dir",
            help="Comments for lines that name none: <slug>.* (the URL's last path segment or "
            "the file's name), else <line number>.*",
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for run folders.")] = Path(
        "drafts"
    ),
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, max=64, help="Articles drafted at once.")
    ] = 4,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="Skip articles finished by the last batch in --out; resume the rest."
        ),
    ] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    max_cost: Annotated[
        float | None,
        typer.Option("--max-cost", help="Per article: stop before a call that could exceed it."),
    ] = None,
    max_tokens: Annotated[
        int | None,
        typer.Option("--max-tokens", help="Per article: token cap, same rule as --max-cost."),
    ] = None,
    rpm: Annotated[
        int | None,
        typer.Option("--rpm", min=1, help="Requests per minute per model (DRAFTER_RPM)."),
    ] = None,
    tpm: Annotated[
        int | None,
        typer.Option("--tpm", min=1, help="Tokens per minute per model (DRAFTER_TPM)."),
    ] = None,
    allow_private_hosts: AllowPrivateOpt = None,
    refresh: RefreshOpt = False,
    no_check: Annotated[
        bool, typer.Option("--no-check", help="Skip the fact check of each finished draft.")
    ] = False,
    no_cache: NoCacheOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Draft every source in SOURCES_FILE, several at once, each in its own run folder under
    --out; prints a summary table and writes OUT/batch.json. Exit 0 when all were drafted, 8
    when any failed (the others still finish; --resume retries them)."""
    from drafter.config import load_settings

    flags: dict[str, Any] = {
        "model": model,
        "base_url": base_url,
        "allow_private_hosts": allow_private_hosts,
        "max_cost": max_cost,
        "max_run_tokens": max_tokens,
        "rpm": rpm,
        "tpm": tpm,
        "llm_cache": False if no_cache else None,
    }
    try:
        settings = load_settings(flags, config_path=config, announce=_announce)
        from drafter import pipeline
        from drafter.batch import Batch, BatchDisplay, BatchOptions, print_summary

        specs, _ = pipeline.prepare(settings)  # configuration problems stop the batch at once
        if comments_dir is not None and not comments_dir.is_dir():
            raise ConfigError(
                f"--comments-dir {comments_dir} is not a folder.",
                hint="Give the folder holding one comments file per source.",
            )
        options = BatchOptions(
            sources_file, out, comments_dir, concurrency, resume, refresh, not no_check
        )
        job_batch = Batch(options, settings)
        job_batch.plan()
    except DrafterError as exc:
        _fail(exc)
    try:
        with BatchDisplay(len(job_batch.jobs), len(specs)) as display:
            job_batch.run(display)
    except KeyboardInterrupt:
        job_batch.save()
        print(
            f"interrupted; finished articles and steps are kept. Continue with:\n"
            f"  drafter batch {sources_file} --out {out} --resume",
            file=sys.stderr,
        )
        raise SystemExit(130) from None
    print_summary(job_batch)
    raise typer.Exit(job_batch.exit_code)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print(
            "interrupted; finished steps are kept (drafter run --resume RUN_DIR)", file=sys.stderr
        )
        raise SystemExit(130) from None
    finally:
        # Everything is written (atomically, with fsync) by now. At exit the interpreter would
        # walk the whole langchain/pydantic object graph looking for cycles: 0.2-0.5 s after
        # the draft is done. Frozen objects are skipped; the OS reclaims the memory.
        import gc

        gc.freeze()
