"""`drafter export-prompts` and `drafter export`: prompts to edit, drafts to publish."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from drafter.cli.base import (
    ConfigOpt,
    ExportFormat,
    _announce,
    _fail,
    app,
)
from drafter.errors import DrafterError

if TYPE_CHECKING:
    pass


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


def _default_file(fmt: ExportFormat) -> str:
    """The export's default name in the run folder (app/exporting.py): never article.md."""
    from drafter.app.exporting import DEFAULT_FILES

    return DEFAULT_FILES[fmt]


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
            from drafter.app.exporting import post_to_wordpress

            posted = post_to_wordpress(markdown, settings)
        else:
            text = _export_text(settings, markdown, fmt)
    except DrafterError as exc:
        _fail(exc)
    if fmt == "wp":
        status = posted["status"] or "draft"
        typer.echo(f"post {posted['id']} created as a {status} (not published)")
        typer.echo(posted["edit_url"])
        return
    _write_export(text, out, run_dir, fmt)


def _export_text(settings: Any, markdown: str, fmt: ExportFormat) -> str:
    """The draft in an export format that is written to a file: md, html or wxr
    (app/exporting.py)."""
    from drafter.app.exporting import export

    exported = export(markdown, fmt, settings)
    assert exported is not None  # typer has checked the name
    return exported.text


def _write_export(text: str, out: Path | None, run_dir: Path, fmt: ExportFormat) -> None:
    """The export to --out (stdout for -), else to its default name in the run folder; prints
    the file written."""
    if out is not None and str(out) == "-":
        sys.stdout.write(text)
        return
    from drafter.files import write_owned

    target = out if out is not None else run_dir / _default_file(fmt)
    try:
        kept = write_owned(target, text)
    except OSError as exc:
        _fail(DrafterError(f"Cannot write {target}: {exc}"))
    if kept is not None:
        typer.echo(
            f"{target} was not the file drafter wrote there last: it is kept as {kept}", err=True
        )
    typer.echo(str(target))
