"""Print drafter's article-extraction quality on ../shared/data/extraction (181 real pages).

python benchmarks/extraction.py [DATA_DIR]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from drafter.sources.extraction_eval import evaluate


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    started = time.perf_counter()
    results = evaluate(folder)
    seconds = time.perf_counter() - started
    scores = [s for _, s in results]
    precision = statistics.fmean(s.precision for s in scores)
    recall = statistics.fmean(s.recall for s in scores)
    print(f"pages            {len(scores)}")
    print(f"mean precision   {precision:.3f}")
    print(f"mean recall      {recall:.3f}")
    print(f"mean F1          {statistics.fmean(s.f1 for s in scores):.3f}")
    print(f"F1 of the means  {2 * precision * recall / (precision + recall):.3f}")
    print(f"pages below 0.5  {sum(1 for s in scores if s.f1 < 0.5)}")
    print(f"seconds          {seconds:.1f} ({1000 * seconds / len(scores):.0f} ms/page)")


if __name__ == "__main__":
    main()
