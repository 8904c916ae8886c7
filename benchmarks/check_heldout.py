"""Print the fact check's numbers on the held-out suite (evals/heldout.yaml, issue 15): false
must-fix and verify flags on faithful drafts of real pages it was never tuned on, and detection
of generated and hand-planted errors, per kind and per section, for dev and test separately.

python benchmarks/check_heldout.py [--split dev|test|all] [SHARED_DATA_DIR]

The pages are read from the shared data (../shared/data beside the checkout, or
DRAFTER_SHARED_DATA); without it this prints why and exits 0. Tune only on dev.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from drafter.errors import DrafterError
from drafter.evaluation.harness import run_suite, shared_data_dir, summary_lines

SUITE = Path(__file__).resolve().parents[1] / "evals" / "heldout.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared_data", nargs="?", type=Path)
    parser.add_argument("--split", default="all", choices=("dev", "test", "all"))
    parser.add_argument("--json", type=Path, help="also write the full result here")
    args = parser.parse_args()
    shared = shared_data_dir(SUITE, args.shared_data)
    if shared is None or not (shared / "extraction" / "html").is_dir():
        print(
            "skipped: the shared data (extraction/html) is absent; put it at ../shared/data "
            "beside the checkout, set DRAFTER_SHARED_DATA, or pass its folder"
        )
        return
    try:
        result = run_suite(
            SUITE, say=lambda line: print(line, file=sys.stderr), split=args.split,
            shared_data=shared,
        )  # fmt: skip
    except DrafterError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        raise SystemExit(exc.exit_code) from exc
    for line in summary_lines(result):
        print(line)
    print(
        f"check time per draft: mean {result['check_seconds_mean']:.3f} s, "
        f"max {result['check_seconds_max']:.3f} s; suite {result['seconds']:.0f} s"
    )
    for failure in result["failures"]:
        print(f"below target: {failure}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
