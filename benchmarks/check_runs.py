"""Detection on the user's path: errors planted into drafts drafter wrote, checked on their run.

`drafter check RUN` reads what the run recorded (each lead and claim sentence's evidence ids);
an editor's edit keeps that record where the sentence is still close to the recorded one. The
held-out set (check_heldout.py) has drafts without a run, so it never measures this path. Here,
for each run folder given (e.g. the cassette replays `pytest tests/test_cassettes.py
--basetemp=DIR` leaves under DIR), the run's own article.md is checked clean, then one error per
kind and section is planted into it by the independent planter (drafter.evaluation.plant) and
written to a copy beside the run, which is checked as `drafter check RUN --draft COPY` would.

    python benchmarks/check_runs.py RUN_FOLDER... [--seeds 0 1] [--json OUT]

Prints, per kind: planted, must-fix, any level (as check_heldout.py counts them), and the clean
drafts' must-fix items.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from drafter.check.core import check
from drafter.check.inputs import from_run
from drafter.evaluation.harness import planted_for
from drafter.evaluation.matching import hit, new_reason, was_flagged


def _level(claim) -> bool:  # type: ignore[no-untyped-def]
    return claim.fails or claim.verdict in ("contradicted", "unsupported")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", type=Path)
    parser.add_argument("--seeds", nargs="+", type=int, default=[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    planted: Counter[str] = Counter()
    must: Counter[str] = Counter()
    any_level: Counter[str] = Counter()
    clean_must = 0
    rows = []
    for run in args.runs:
        inputs = from_run(run)
        clean = check(inputs)
        clean_must += sum(1 for c in clean.claims if c.fails)
        flagged = [c for c in clean.claims if _level(c)]
        markdown = (run / "article.md").read_text(encoding="utf-8")
        for item in planted_for(inputs, markdown, args.seeds):
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "edited.md"
                path.write_text(item.markdown, encoding="utf-8")
                report = check(from_run(run, path))
            caught = any(c.fails and hit(item, c) for c in report.claims)
            already = any(was_flagged(item, c) for c in flagged)
            listed = caught or any(
                _level(c) and hit(item, c) and (not already or new_reason(item, c, flagged))
                for c in report.claims
            )
            key = item.kind
            planted[key] += 1
            must[key] += caught
            any_level[key] += listed
            row = {"run": run.name, "kind": item.kind, "section": item.section}
            row |= {"change": item.description, "target": item.target}
            rows.append(row | {"must": caught, "any": listed})
    print(f"{len(args.runs)} runs, clean must-fix items: {clean_must}")
    for kind in sorted(planted):
        n = planted[kind]
        print(
            f"  {kind:14} {must[kind]:4}/{n:<4} must-fix {must[kind] / n:6.1%}"
            f"   any level {any_level[kind] / n:6.1%}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
