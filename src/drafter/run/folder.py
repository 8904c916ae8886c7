"""The run folder: every artifact written atomically the moment it exists, so a run can resume.

Layout: run.json, inputs/{article,comments}.json, steps/<agent>.json, calls/, article.md,
article.json, check.json, check.md. The names below are the only place they are spelled out.
run.json is typed data (run/meta.py `RunMeta`): `folder.run`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from drafter.errors import RunError
from drafter.files import RUN_FILE, dump_json, slugify, utc_now, write_atomic, write_owned
from drafter.run.meta import RunMeta

M = TypeVar("M", bound=BaseModel)

ARTICLE_INPUT = "inputs/article.json"
COMMENTS_INPUT = "inputs/comments.json"
STEPS_DIR = "steps"
CALLS_DIR = "calls"
ARTICLE_MD = "article.md"
ARTICLE_JSON = "article.json"
CHECK_JSON = "check.json"
DESK_DIR = "desk"  # the desk's edited draft and its re-check of it
DESK_CHECK_JSON = f"{DESK_DIR}/{CHECK_JSON}"
# run.json itself is files.RUN_FILE (write_owned, below run/, compares against its time)


class RunFolder:
    def __init__(self, path: Path, run: RunMeta) -> None:
        self.path = path
        self.run = run

    @classmethod
    def create(cls, out_dir: Path, title: str, run: RunMeta) -> RunFolder:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        source = run.source
        names = (source.input, source.url) if source else ()
        base = out_dir / f"{stamp}-{slugify(title, fallbacks=names)}"
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
        folder = cls(
            path, RunMeta.parse({"run_id": path.name, "created_at": utc_now(), **run.to_json()})
        )
        folder.save_meta()
        return folder

    @classmethod
    def open(cls, path: Path) -> RunFolder:
        run_file = path / RUN_FILE
        if not run_file.is_file():
            raise RunError(f"{path} is not a drafter run folder (no {RUN_FILE}).")
        try:
            data = json.loads(run_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise RunError(f"Cannot read {run_file}: {exc}") from exc
        return cls(path, RunMeta.parse(data))

    def save_meta(self) -> None:
        self.run.updated_at = utc_now()
        write_atomic(self.path / RUN_FILE, dump_json(self.run.to_json()))

    def write_model(self, relative: str, model: BaseModel) -> None:
        write_atomic(self.path / relative, model.model_dump_json(indent=2) + "\n")

    def read_model(self, relative: str, kind: type[M]) -> M:
        path = self.path / relative
        try:
            return kind.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError) as exc:
            raise RunError(f"Cannot read {path}: {exc}") from exc

    def step_file(self, agent: str) -> Path:
        return self.path / STEPS_DIR / f"{agent}.json"

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

    def write_owned(self, relative: str, text: str) -> Path | None:
        """A file an editor may touch (article.md, the check report): see `write_owned`."""
        return write_owned(self.path / relative, text)
