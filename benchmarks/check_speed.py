"""`drafter check` speed: model load time, then layer-1 time per draft (target ≤ 0.5 s).

    python benchmarks/check_speed.py [--repeat 5]

Runs on the reference cases in evals/cases (draft + source + comments + glossary).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

CASES = Path(__file__).resolve().parents[1] / "evals" / "cases"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    from drafter.check.core import check
    from drafter.check.inputs import from_files
    from drafter.lang import align
    from drafter.lang.names import name_mentions

    imports = time.perf_counter() - started
    load = align.load()
    started = time.perf_counter()
    name_mentions("エレナ・マーシュ氏")  # loads UniDic (fugashi + unidic-lite)
    unidic = time.perf_counter() - started

    timings: list[float] = []
    claims = 0
    for case in sorted(p for p in CASES.iterdir() if (p / "draft.md").is_file()):
        inputs = from_files(
            case / "draft.md",
            str(case / "source.md"),
            comments=str(case / "comments.json"),
            glossary_path=case / "glossary.json",
        )
        for _ in range(args.repeat):
            report = check(inputs)
            timings.append(report.check_seconds)
        claims += len(report.claims)
    print(
        json.dumps(
            {
                "import_seconds": round(imports, 3),
                "embedding_model_load_seconds": round(load, 3),
                "unidic_load_seconds": round(unidic, 3),
                "drafts": len(timings) // args.repeat,
                "claims_per_draft": round(claims / (len(timings) // args.repeat), 1),
                "check_seconds_mean": round(statistics.mean(timings), 3),
                "check_seconds_p95": round(sorted(timings)[int(0.95 * (len(timings) - 1))], 3),
                "check_seconds_max": round(max(timings), 3),
                "target_seconds": 0.5,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
