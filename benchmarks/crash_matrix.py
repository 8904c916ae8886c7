"""kill -9 at every named point × 3 seeds, then --resume: counts finished calls made again
and drafts that differ from an uninterrupted run's (both must be 0).

    python benchmarks/crash_matrix.py [--seeds 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.catalog_server import CatalogServer
from tests.crash import POINTS, problems, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    catalogs = CatalogServer()
    work = Path(tempfile.mkdtemp(prefix="drafter-crash-"))
    started = time.monotonic()
    failures: list[dict[str, object]] = []
    cases = 0
    for seed in range(args.seeds):
        baseline = run(None, seed, work / f"base-{seed}", catalogs.env())
        for n, point in enumerate(POINTS):
            cases += 1
            result = run(point, seed, work / f"s{seed}-{n}", catalogs.env())
            found = problems(result, baseline)
            if found:
                failures.append({"seed": seed, "point": point, "problems": found})
    catalogs.stop()
    print(
        json.dumps(
            {
                "kill_points": len(POINTS),
                "seeds": args.seeds,
                "cases": cases,
                "failed_cases": len(failures),
                "failures": failures[:20],
                "seconds": round(time.monotonic() - started, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
