"""`drafter cache`: what drafter keeps under its cache folder, and pruning it.

Four caches live there (see config.cache_root): fetched pages and API answers (`fetch/`, one
file per URL), model answers (`llm.sqlite`), the fact-check judge's answers (`judge.sqlite`)
and the sentence embeddings behind 関連記事 and the fact check (`embeddings.sqlite`). All are
optimisations: a pruned entry is fetched, asked or computed again when next needed. The run
archive and the run folders are not caches and are never touched here.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

STORES = {
    "llm.sqlite": "model answers",
    "judge.sqlite": "fact-check judge answers",
    "embeddings.sqlite": "sentence embeddings (関連記事, the fact check)",
}


@dataclass
class CacheStats:
    name: str
    what: str
    path: Path
    entries: int
    size: int  # bytes on disk
    removed: int = 0


def _file_size(path: Path) -> int:
    total = 0
    for suffix in ("", "-wal", "-shm"):
        try:
            total += path.with_name(path.name + suffix).stat().st_size
        except OSError:
            continue
    return total


def _fetch(root: Path, cutoff: float | None) -> CacheStats:
    folder = root / "fetch"
    entries = size = removed = 0
    for path in folder.glob("*/*.json") if folder.is_dir() else []:
        try:
            info = path.stat()
        except OSError:
            continue
        if cutoff is not None and info.st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
            continue
        entries += 1
        size += info.st_size
    return CacheStats("fetch", "fetched pages and API answers", folder, entries, size, removed)


def _store(root: Path, name: str, cutoff: float | None) -> CacheStats:
    path = root / name
    removed = entries = 0
    if path.is_file():
        db = sqlite3.connect(path, timeout=10)
        try:
            if cutoff is not None:
                removed = db.execute("DELETE FROM entries WHERE created < ?", (cutoff,)).rowcount
                db.commit()
                if removed:
                    db.execute("VACUUM")  # give the space back
            entries = int(db.execute("SELECT count(*) FROM entries").fetchone()[0])
        finally:
            db.close()
    return CacheStats(name, STORES[name], path, entries, _file_size(path), removed)


def inspect(root: Path, prune_days: float | None = None) -> list[CacheStats]:
    """Every cache's entries and size; with `prune_days`, entries written longer ago than that
    are removed first. Raises OSError or sqlite3.Error when a cache cannot be read."""
    cutoff = time.time() - prune_days * 86400 if prune_days is not None else None
    return [_fetch(root, cutoff), *(_store(root, name, cutoff) for name in STORES)]
