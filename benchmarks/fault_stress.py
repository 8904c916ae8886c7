"""The full fault-schedule stress run: N seeded random schedules (default 200) plus every named
one, each checked for drafter's invariants (see tests/faults.py). Prints the counts.

    python benchmarks/fault_stress.py [--count 200] [--start 0]

Needs no network: a scripted LLM server and loopback catalogs on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.catalog_server import CatalogServer  # noqa: E402
from tests.faults import check_invariants, random_schedule, run_schedule  # noqa: E402
from tests.test_faults import NAMED, _deadline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    catalogs = CatalogServer()
    work = Path(tempfile.mkdtemp(prefix="drafter-faults-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))},
        **catalogs.env(),
        "XDG_CACHE_HOME": str(work / "cache"),
        "XDG_DATA_HOME": str(work / "data"),  # the run archive: not the user's
        "XDG_CONFIG_HOME": str(work / "config"),
    }
    schedules = [(name, schedule) for name, (schedule, _) in NAMED.items()]
    schedules += [
        (f"random-{seed}", random_schedule(seed))
        for seed in range(args.start, args.start + args.count)
    ]
    started = time.monotonic()
    survived = failed_then_resumed = 0
    violations: list[dict[str, object]] = []
    attempts = 0
    for n, (name, schedule) in enumerate(schedules):
        outcome = run_schedule(name, schedule, work / f"run-{n}", env)
        attempts += sum(outcome.requests.values())
        problems = check_invariants(outcome, _deadline(schedule))
        if problems:
            violations.append({"schedule": name, "problems": problems})
        elif outcome.exit_code == 0:
            survived += 1
        else:
            failed_then_resumed += 1
    catalogs.stop()
    print(
        json.dumps(
            {
                "schedules": len(schedules),
                "named": len(NAMED),
                "random": args.count,
                "succeeded_first_time": survived,
                "failed_recorded_then_resumed": failed_then_resumed,
                "invariant_violations": len(violations),
                "violations": violations[:20],
                "http_attempts": attempts,
                "seconds": round(time.monotonic() - started, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
