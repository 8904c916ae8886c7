"""The fact check's judge (layer 2) on the held-out suite, as `drafter check` runs it: what it adds
to whole faithful drafts (false must-fix and to-verify items), and how many of the hand-planted
errors layer 1 and the judge together flag, per kind.

python benchmarks/judge_heldout.py drafts --split test --count 10 [--seed 7]
python benchmarks/judge_heldout.py planted --split test

It needs a model for the judge role (OPENAI_BASE_URL, DRAFTER_MODEL, …). Offline, point it at a
strong-model stand-in: `python benchmarks/strong_model/endpoint.py record DIR`, whose requests a
careful reader answers by hand (README "Judging a prompt change offline"); give the client a
long DRAFTER_TIMEOUT and DRAFTER_MAX_RETRIES=0. Set XDG_CACHE_HOME to an empty folder so no
answer comes from the judge's cache. The pages are read from the shared data, as in
benchmarks/check_heldout.py. Tune only on dev.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

SUITE = Path(__file__).resolve().parents[1] / "evals" / "heldout.yaml"


def _inputs(case: Any) -> Any:
    from drafter.check.inputs import from_files

    comments, glossary = case.path / "comments.json", case.path / "glossary.json"
    return from_files(
        case.path / "draft.md",
        case.source,
        comments=str(comments) if comments.is_file() else None,
        glossary_path=glossary if glossary.is_file() else None,
    )


def _drafts(cases: list[Any], settings: Any, count: int, seed: int) -> None:
    """Whole faithful drafts: what the judge adds, must-fix and to verify."""
    from drafter.check.core import check
    from drafter.check.judge import make_judge

    random.Random(seed).shuffle(cases)

    def one(case: Any) -> tuple[str, int, int, str]:
        report = check(_inputs(case), make_judge(settings, enabled=True, votes=1, lang="ja"))
        by_judge = [c for c in report.claims if c.decided_by == "judge"]
        must = sum(c.fails for c in by_judge)
        return case.path.name, must, len(by_judge) - must, report.judge.detail

    with ThreadPoolExecutor(3) as pool:
        rows = list(pool.map(one, cases[:count]))
    for name, must, verify, detail in rows:
        print(f"{name}: judge must-fix {must}, to verify {verify} ({detail})")
    total = sum(r[1] for r in rows)
    print(f"{len(rows)} drafts: judge must-fix {total} ({total / max(len(rows), 1):.2f} per draft)")


def _planted(cases: list[Any], settings: Any) -> None:
    """Each hand-planted error: flagged by layer 1, and by layer 1 and the judge together, as
    `drafter eval` counts detection (evaluation.harness.detected)."""
    from dataclasses import replace

    from drafter.check.core import Checker, check
    from drafter.check.draft_md import parse_draft
    from drafter.check.judge import Judge, _judged
    from drafter.evaluation.harness import detected
    from drafter.evaluation.matching import hit
    from drafter.evaluation.suites import hand_planted

    def one(case: Any) -> list[tuple[str, tuple[bool, bool], tuple[bool, bool]]]:
        inputs = _inputs(case)
        clean = [c for c in check(inputs).claims if c.fails or c.verdict in _LISTED]
        rows = []
        for item in hand_planted(case, (case.path / "draft.md").read_text(encoding="utf-8")):
            planted = replace(inputs, draft=parse_draft(item.markdown))
            claims = check(planted).claims
            alone = detected(item, claims, clean)
            judged = [c for c in claims if hit(item, c) and _judged(c)]
            if judged:
                Judge(settings, votes=1, lang="ja").refine(Checker(planted), judged)
            rows.append((item.kind, alone, detected(item, claims, clean)))
        return rows

    with ThreadPoolExecutor(4) as pool:
        rows = [row for found in pool.map(one, cases) for row in found]
    by_kind: dict[str, list[tuple[tuple[bool, bool], tuple[bool, bool]]]] = defaultdict(list)
    for kind, alone, both in rows:
        by_kind[kind].append((alone, both))
    print("kind            n   layer 1: must-fix / any level   with the judge: must-fix / any")
    for kind, got in sorted(by_kind.items()):
        n = len(got)

        def share(values: list[bool], n: int = n) -> str:
            return f"{sum(values) / n:6.1%}"

        print(
            f"{kind:14} {n:3}   {share([a[0] for a, _ in got])} / {share([a[1] for a, _ in got])}"
            f"                {share([b[0] for _, b in got])} / {share([b[1] for _, b in got])}"
        )


_LISTED = ("contradicted", "unsupported")


def main() -> None:
    from drafter.check import style
    from drafter.config import load_settings
    from drafter.errors import DrafterError
    from drafter.evaluation.suites import load_cases, load_suite, shared_data_dir
    from drafter.llm import ChatModels

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("drafts", "planted"))
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    parser.add_argument("--count", type=int, default=10, help="drafts: how many, at random")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared-data", type=Path)
    args = parser.parse_args()
    shared = shared_data_dir(SUITE, args.shared_data)
    if shared is None or not (shared / "extraction" / "html").is_dir():
        print("skipped: the shared data (extraction/html) is absent (see check_heldout.py)")
        return
    style.style_findings = lambda *a, **k: []  # style advice is not what is measured here
    try:
        settings = load_settings({})
        ChatModels(settings).config("judge")  # no model for the judge: say so, measure nothing
        scratch = Path(tempfile.mkdtemp())
        cases = load_cases(SUITE, load_suite(SUITE), args.split, shared, scratch)
        if args.mode == "drafts":
            _drafts(cases, settings, args.count, args.seed)
        else:
            _planted(cases, settings)
    except DrafterError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
