"""The run folder: every artifact written atomically the moment it exists, so a run can resume.

Layout: run.json, inputs/{article,comments}.json, steps/<agent>.json, article.md, article.json.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from drafter import crashpoints
from drafter.errors import RunError

M = TypeVar("M", bound=BaseModel)
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


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def slugify(text: str, limit: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", ascii_text).strip("-").lower()
    return slug[:limit].rstrip("-") or "article"


class RunFolder:
    def __init__(self, path: Path, meta: dict[str, Any]) -> None:
        self.path = path
        self.meta = meta

    @classmethod
    def create(cls, out_dir: Path, title: str, meta: dict[str, Any]) -> RunFolder:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        base = out_dir / f"{stamp}-{slugify(title)}"
        path, n = base, 1
        while True:  # mkdir decides, not exists(): a batch creates folders from several threads
            try:
                path.mkdir(parents=True)
                break
            except FileExistsError:
                n += 1
                path = base.with_name(f"{base.name}-{n}")
            except OSError as exc:
                raise RunError(f"Cannot create the run folder {path}: {exc}") from exc
        folder = cls(path, {"run_id": path.name, "created_at": utc_now(), **meta})
        folder.save_meta()
        return folder

    @classmethod
    def open(cls, path: Path) -> RunFolder:
        run_file = path / RUN_FILE
        if not run_file.is_file():
            raise RunError(f"{path} is not a drafter run folder (no {RUN_FILE}).")
        try:
            meta = json.loads(run_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise RunError(f"Cannot read {run_file}: {exc}") from exc
        return cls(path, meta)

    def save_meta(self) -> None:
        self.meta["updated_at"] = utc_now()
        write_atomic(self.path / RUN_FILE, dump_json(self.meta))

    def write_model(self, relative: str, model: BaseModel) -> None:
        write_atomic(self.path / relative, model.model_dump_json(indent=2) + "\n")

    def read_model(self, relative: str, kind: type[M]) -> M:
        path = self.path / relative
        try:
            return kind.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError) as exc:
            raise RunError(f"Cannot read {path}: {exc}") from exc

    def step_file(self, agent: str) -> Path:
        return self.path / "steps" / f"{agent}.json"

    def save_step(self, agent: str, output: BaseModel, call: dict[str, Any]) -> None:
        payload = {"agent": agent, "output": output.model_dump(mode="json"), "call": call}
        write_atomic(self.step_file(agent), dump_json(payload))

    def load_step(self, agent: str, kind: type[M]) -> M | None:
        """The finished step's output, or None when it has not finished (or its file is bad)."""
        path = self.step_file(agent)
        if not path.is_file():
            return None
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            return kind.model_validate(payload["output"])
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            return None

    def write_text(self, relative: str, text: str) -> Path:
        path = self.path / relative
        write_atomic(path, text)
        return path
