"""Files drafter writes: atomically (temp file, fsync, rename), never over one a person edited
(`write_owned` and the folder's .drafter-files.json), with names made from titles (`slugify`).
A leaf: the run folder, the fetch cache, the call journal and the faces all write through it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drafter import crashpoints
from drafter.errors import RunError
from drafter.lang.text import ascii_letters

RUN_FILE = "run.json"


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def write_atomic(path: Path, text: str) -> None:
    """Write via a temp file in the same folder, fsync, rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        inner = path.parent.name in ("steps", "inputs", "calls")
        crashpoints.reached(
            f"write:{path.parent.name}/{path.name}" if inner else f"write:{path.name}"
        )
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


OWNED_MANIFEST = ".drafter-files.json"
"""Per folder: the SHA-256 of each file drafter wrote there last, so it can tell a file it may
replace from one a person edited (or put there) since."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path) -> dict[str, list[str]]:
    """name → the digests drafter may have left there (normally one; two while a write is in
    flight)."""
    try:
        data = json.loads((folder / OWNED_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(d) for d in (v if isinstance(v, list) else [v])] for k, v in data.items()}


def _save_manifest(folder: Path, manifest: dict[str, list[str]]) -> None:
    data = {name: d[0] if len(d) == 1 else d for name, d in manifest.items()}
    write_atomic(folder / OWNED_MANIFEST, json.dumps(data, indent=2, sort_keys=True) + "\n")


def _legacy_run_file(path: Path) -> bool:
    """A file of a run folder that the manifest does not know (the run is older than the
    manifest): drafter's own when it is no newer than run.json, which every run saves after
    writing its draft and reports; newer, an editor touched it."""
    try:
        return path.stat().st_mtime <= (path.parent / RUN_FILE).stat().st_mtime + 2
    except OSError:
        return False


def write_owned(path: Path, text: str) -> Path | None:
    """Write a file a person may open and edit (the draft, a report, an export) without ever
    replacing one drafter did not write last: if the file on disk is not what drafter wrote
    there (edited since, or never drafter's), it is first renamed to
    `<stem>.edited-<UTC time><suffix>` and that path is returned, for the caller to say so.
    The digest of what is written is recorded in the folder's .drafter-files.json before the
    file is replaced (both digests are accepted until it is), so a crash in between never
    makes drafter take its own file for an editor's."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(folder) or {}
    kept: Path | None = None
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = None
    except OSError as exc:
        raise RunError(f"Cannot read {path}: {exc}") from exc
    new = text.encode("utf-8")
    ours = current is None or current == new or _sha256(current) in manifest.get(path.name, [])
    if not ours and not (path.name not in manifest and _legacy_run_file(path)):
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"{path.stem}.edited-{stamp}{path.suffix}")
        n = 1
        while kept.exists():
            n += 1
            kept = path.with_name(f"{path.stem}.edited-{stamp}-{n}{path.suffix}")
        os.replace(path, kept)
    previous = [_sha256(current)] if current is not None and kept is None else []
    manifest[path.name] = [_sha256(new), *previous]
    _save_manifest(folder, manifest)
    write_atomic(path, text)
    manifest[path.name] = [_sha256(new)]
    _save_manifest(folder, manifest)
    return kept


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _slug_part(text: str, limit: int) -> tuple[str, bool]:
    """The slug of `text`, and whether it keeps at least half of `text`'s letters and digits."""
    pieces = [ascii_letters(char) for char in text.lower()]
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(pieces)).strip("-")[:limit].rstrip("-")
    wanted = [piece for char, piece in zip(text.lower(), pieces, strict=True) if char.isalnum()]
    kept = sum(1 for piece in wanted if piece)
    return slug, bool(slug) and 2 * kept >= len(wanted)


def _source_name(source: str) -> str:
    """A URL's last path segment (or its host), a file path's stem; without the extension."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(source)
    if parsed.scheme in ("http", "https"):
        segments = [s for s in unquote(parsed.path).split("/") if s]
        return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", segments[-1]) if segments else parsed.netloc
    return Path(source).stem


def slugify(text: str, limit: int = 48, *, fallbacks: tuple[str | None, ...] = ()) -> str:
    """An ASCII slug of `text` for a file name, at most `limit` characters.

    Chinese, Japanese, Arabic and other scripts have no ASCII spelling here, so when the slug
    would lose most of `text`, the name in the first fallback that spells out (a source URL's
    last path segment, a file's stem) stands in; failing that, what is left plus a short hash
    of `text`, so that two such titles never share one slug like "article".
    """
    import zlib

    slug, spelled_out = _slug_part(text, limit)
    if spelled_out:
        return slug
    for fallback in fallbacks:
        name, name_spelled_out = _slug_part(_source_name(fallback or ""), limit)
        if name_spelled_out:
            return name
    if not any(char.isalnum() for char in text):
        return slug or "article"
    digest = f"{zlib.crc32(unicodedata.normalize('NFKC', text).encode()):08x}"
    return f"{slug[: limit - len(digest) - 1]}-{digest}".lstrip("-")
