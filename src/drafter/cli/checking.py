"""`drafter check` and `drafter eval`: the fact check of one draft, and of eval suites."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from drafter.cli.base import (
    ConfigOpt,
    _announce,
    _echo_json,
    _fail,
    _shown,
    app,
)
from drafter.errors import DrafterError

if TYPE_CHECKING:
    pass


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
    from drafter.check.inputs import CheckUsageError
    from drafter.config import load_settings

    try:
        # a run folder has its source and thread; --draft checks an edited copy against them
        if (run_dir is None and draft is None and source is None) or (
            run_dir is not None and (source is not None or comments is not None)
        ):
            raise CheckUsageError(
                "Give a RUN_DIR (and --draft FILE to check an edited copy against the run), "
                "or --draft FILE with --source (and optionally --comments)."
            )
        settings = load_settings(
            {"allow_private_hosts": allow_private_hosts or None},
            config_path=config,
            announce=_announce,
        )
        inputs, out_dir = _check_inputs(settings, run_dir, draft, source, comments, glossary)
        report = _checked(settings, inputs, no_judge, int(judge_votes))
    except DrafterError as exc:
        _fail(exc)
    stem = f"{draft.stem}.check" if draft is not None else "check"
    _write_reports(report, out_dir, stem)
    if as_json:
        _echo_json(report.model_dump_json(indent=2))
    else:
        _print_check(report)
    raise typer.Exit(0 if report.ok else 1)


def _checked(settings: Any, inputs: Any, no_judge: bool, votes: int) -> Any:
    """The check's report, with the LLM judge unless --no-judge."""
    from drafter.check.core import check
    from drafter.check.judge import make_judge
    from drafter.config import cache_root
    from drafter.vectors import keep_vectors

    keep_vectors(cache_root(settings))  # a re-check encodes only what changed
    judge = make_judge(settings, enabled=not no_judge, votes=votes, lang=inputs.draft.lang)
    return check(inputs, judge)


def _check_inputs(
    settings: Any,
    run_dir: Path | None,
    draft: Path | None,
    source: str | None,
    comments: str | None,
    glossary: Path | None,
) -> tuple[Any, Path]:
    """What the check reads (a run folder's, or the files given), and where its report goes."""
    from drafter.check.inputs import CheckUsageError, from_files, from_run
    from drafter.sources.http import Fetcher

    if run_dir is not None:
        inputs = from_run(run_dir, draft)
        # an edited copy's report goes beside it: the run's own report stays the run's
        out_dir = run_dir if draft is None else draft.parent
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
    return inputs, out_dir


def _write_reports(report: Any, out_dir: Path, stem: str) -> None:
    """<stem>.json and <stem>.md (app/checking.py); a report the user changed since is kept
    aside."""
    from drafter.app.checking import write_reports

    for name, kept in write_reports(report, out_dir, stem):
        typer.echo(f"{name} had been changed since drafter wrote it: kept as {kept}", err=True)


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
    from drafter.files import write_atomic

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
