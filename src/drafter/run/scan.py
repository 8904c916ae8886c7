"""A run folder as the archive reads it: the stamp that tells whether it changed, and the runs
row read from its run.json, its newest check report and its headline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from drafter.errors import RunError
from drafter.files import RUN_FILE
from drafter.run.records import number

# The files a run's row is read from; a row is re-read only when one of them changed.
STAMPED_FILES = (RUN_FILE, "check.json", "desk/check.json", "steps/headline.json")


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
    for name in ("desk/check.json", "check.json"):
        try:
            mtime = (run_dir / name).stat().st_mtime_ns
        except OSError:
            continue
        if newest is None or mtime > newest[0]:
            newest = (mtime, name)
    return newest[1] if newest else None


def check_counts(run_dir: Path, check_file: str = "check.json") -> dict[str, int] | None:
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
        payload = json.loads((run_dir / "steps" / "headline.json").read_text(encoding="utf-8"))
        return str(payload["output"]["title"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def row_values(run_dir: Path, stamp: str) -> dict[str, Any]:
    """The runs row of a folder, read from its run.json, newest check report and headline."""
    try:
        meta = json.loads((run_dir / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RunError(f"{run_dir} is not a readable drafter run folder: {exc}") from exc
    if not isinstance(meta, dict):
        raise RunError(f"{run_dir} is not a readable drafter run folder: run.json is not an object")
    source, options, usage = (_object(meta.get(k)) for k in ("source", "options", "usage_total"))
    check = newest_check(run_dir)
    counts = (check_counts(run_dir, check) if check else None) or {}
    return {
        "path": str(run_dir),
        "run_id": str(meta.get("run_id") or run_dir.name),
        "title": headline(run_dir) or source.get("title"),
        "source_url": source.get("url"),
        "site": source.get("site_name"),
        "lang": options.get("lang"),
        "created_at": meta.get("created_at"),
        "updated_at": meta.get("updated_at"),
        "status": meta.get("status"),
        "check_failing": counts.get("failing"),
        "check_contradicted": counts.get("contradicted"),
        "check_unsupported": counts.get("unsupported"),
        "cost_usd": number(meta.get("cost_usd"), float),
        "tokens": number(usage.get("total_tokens"), int),
        "stamp": stamp,
    }
