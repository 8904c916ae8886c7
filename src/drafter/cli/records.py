"""`drafter cache` and `drafter runs`: what drafter keeps on disk."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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

    from drafter.files import RUN_FILE
    from drafter.run.archive import headline
    from drafter.run.meta import RunMeta

    rows: list[dict[str, object]] = []
    for meta_path in sorted(out.glob(f"*/{RUN_FILE}")):
        run = RunMeta.read(meta_path)
        if run is None:
            continue
        check, books = run.check, run.books
        rows.append(
            {
                "run": meta_path.parent.name,
                "path": str(meta_path.parent),
                # the draft's own headline once written, else the source's title
                "title": headline(meta_path.parent) or (run.source.title if run.source else None),
                "status": run.status,
                "created_at": run.created_at,
                "check": "-" if not check else "ok" if check.ok else f"{check.failing} to fix",
                "books": f"{books.verified or 0}/{books.wanted or 0}" if books else "-",
                "tokens": (run.usage_total or {}).get("total_tokens"),
                "cost_usd": run.cost_usd,
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
            _shown(str(row["run"])),
            _shown(str(row["title"] or "-")),
            _shown(str(row["status"])),
            _shown(str(row["check"])),
            _shown(str(row["books"])),
            f"{tokens:,}" if isinstance(tokens, number) and not isinstance(tokens, bool) else "-",
            f"${cost:.4f}" if isinstance(cost, number) and not isinstance(cost, bool) else "-",
        )
    # A log or a pipe gets the table wide enough for run names, not folded at 80 columns.
    Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(table)
