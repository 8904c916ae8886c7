"""Command line: flags in, a use case called, a result printed, an exit code out. The commands
live in one module per group; importing them registers them on `app`, in the order `--help`
lists them."""

from __future__ import annotations

import importlib
import sys

from drafter.cli.base import app

# run, fetch, comments · check, eval · cache, runs · review · export-prompts, export · batch
for _group in ("drafting", "checking", "records", "desk", "publishing", "batching"):
    importlib.import_module(f"drafter.cli.{_group}")

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print(
            "interrupted; finished steps are kept (drafter run --resume RUN_DIR)", file=sys.stderr
        )
        raise SystemExit(130) from None
    finally:
        # Everything is written (atomically, with fsync) by now. At exit the interpreter would
        # walk the whole langchain/pydantic object graph looking for cycles: 0.2-0.5 s after
        # the draft is done. Frozen objects are skipped; the OS reclaims the memory.
        import gc

        gc.freeze()
