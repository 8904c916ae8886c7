"""A run folder as the archive reads it: the stamp that tells whether it changed, and the runs
row read from its run.json, its newest check report and its headline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from drafter.errors import RunError
from drafter.files import RUN_FILE
from drafter.run.folder import CHECK_JSON, DESK_CHECK_JSON, STEPS_DIR
from drafter.run.meta import RunMeta, RunOptions, SourceInfo
from drafter.run.records import number

HEADLINE_STEP = f"{STEPS_DIR}/headline.json"
# The files a run's row is read from; a row is re-read only when one of them changed.
STAMPED_FILES = (RUN_FILE, CHECK_JSON, DESK_CHECK_JSON, HEADLINE_STEP)


def folder_stamp(run_dir: Path) -> str:
    """Inode, times and size of the files a row is read from: cheap to compute (a few stat
    calls), and different after any write drafter makes to them."""
    parts = []
    for name in STAMPED_FILES:
        try:
            info = (run_dir / name).stat()
            # drafter replaces files by rename, so the inode changes even when a coarse clock
            # (network or FAT file systems) gives the new file the old mtime and size.
            parts.append(f"{info.st_ino}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_size}")
        except OSError:
            parts.append("-")
    return "|".join(parts)


def newest_check(run_dir: Path) -> str | None:
    """The newest check report of a run: the desk's re-check, else the run's own."""
    newest: tuple[int, str] | None = None
    for name in (DESK_CHECK_JSON, CHECK_JSON):
        try:
            mtime = (run_dir / name).stat().st_mtime_ns
        except OSError:
            continue
        if newest is None or mtime > newest[0]:
            newest = (mtime, name)
    return newest[1] if newest else None


def check_counts(run_dir: Path, check_file: str = CHECK_JSON) -> dict[str, int] | None:
    """failing / contradicted / unsupported claim counts of a run's check report, if any."""
    path = run_dir / check_file
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    claims = report.get("claims") if isinstance(report, dict) else None
    if not isinstance(claims, list):
        return None
    claims = [c for c in claims if isinstance(c, dict)]
    return {
        "failing": sum(1 for c in claims if c.get("fails")),
        "contradicted": sum(1 for c in claims if c.get("verdict") == "contradicted"),
        "unsupported": sum(1 for c in claims if c.get("verdict") == "unsupported"),
    }


def headline(run_dir: Path) -> str | None:
    """The draft's headline (steps/headline.json), if that step is done."""
    try:
        payload = json.loads((run_dir / HEADLINE_STEP).read_text(encoding="utf-8"))
        return str(payload["output"]["title"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def row_values(run_dir: Path, stamp: str) -> dict[str, Any]:
    """The runs row of a folder, read from its run.json, newest check report and headline."""
    try:
        meta = json.loads((run_dir / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RunError(f"{run_dir} is not a readable drafter run folder: {exc}") from exc
    if not isinstance(meta, dict):
        raise RunError(f"{run_dir} is not a readable drafter run folder: run.json is not an object")
    run = RunMeta.parse(meta)  # an imported run.json is untrusted: odd values are left unread
    source, options = run.source or SourceInfo(), run.options or RunOptions()
    check = newest_check(run_dir)
    counts = (check_counts(run_dir, check) if check else None) or {}
    return {
        "path": str(run_dir),
        "run_id": run.run_id or run_dir.name,
        "title": headline(run_dir) or source.title,
        "source_url": source.url,
        "site": source.site_name,
        "lang": options.lang,
        "created_at": run.created_at,
        "updated_at": run.updated_at,
        "status": run.status,
        "check_failing": counts.get("failing"),
        "check_contradicted": counts.get("contradicted"),
        "check_unsupported": counts.get("unsupported"),
        "cost_usd": number(run.cost_usd, float),
        "tokens": number((run.usage_total or {}).get("total_tokens"), int),
        "stamp": stamp,
    }
