"""`drafter batch`: many articles from one sources file. Flags → app/batch.py (the use case)
→ cli/batch_view.py (progress, the summary table) → exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from drafter.cli.base import (
    AllowPrivateOpt,
    BaseUrlOpt,
    ConfigOpt,
    ModelOpt,
    NoCacheOpt,
    RefreshOpt,
    _announce,
    _fail,
    app,
)
from drafter.errors import ConfigError, DrafterError


# long on purpose: the signature is the command's options (its interface); the body is short.
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
    options = (sources_file, out, comments_dir, concurrency, resume, refresh, not no_check)
    job_batch, specs = _plan(flags, config, comments_dir, options)
    _run(job_batch, len(specs), sources_file, out)


def _plan(
    flags: dict[str, Any], config: Path | None, comments_dir: Path | None, options: tuple[Any, ...]
) -> tuple[Any, Any]:
    """The batch with its jobs planned (`options`: BatchOptions' fields), and the agents'
    specs; a configuration problem stops it at once."""
    from drafter.config import load_settings

    try:
        settings = load_settings(flags, config_path=config, announce=_announce)
        from drafter import pipeline
        from drafter.app.batch import Batch, BatchOptions

        specs, _ = pipeline.prepare(settings)  # configuration problems stop the batch at once
        if comments_dir is not None and not comments_dir.is_dir():
            raise ConfigError(
                f"--comments-dir {comments_dir} is not a folder.",
                hint="Give the folder holding one comments file per source.",
            )
        job_batch = Batch(BatchOptions(*options), settings)
        job_batch.plan()
    except DrafterError as exc:
        _fail(exc)
    return job_batch, specs


def _run(job_batch: Any, steps: int, sources_file: Path, out: Path) -> None:
    """Drafts the planned jobs with the live display, prints the summary, exits with the
    batch's code."""
    from drafter.cli.batch_view import BatchDisplay, print_summary

    try:
        with BatchDisplay(len(job_batch.jobs), steps) as display:
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
