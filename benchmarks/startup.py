"""Start-up time of the commands an editor types most (goal: `drafter --help` ≤ 0.3 s), and
whether they import the LLM stack (langchain, openai), which they must not.

    python benchmarks/startup.py [REPEATS]

Each command runs REPEATS times (default 7) as a fresh process, the installed console script
when there is one; the median and the best are printed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("langchain_core", "langchain_openai", "openai")


def command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def timed(args: list[str], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        out.append(time.perf_counter() - started)
    return out


def heavy_imports(cli_args: list[str]) -> list[str]:
    code = (
        "import sys\nfrom drafter.cli import app\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *cli_args], check=True, capture_output=True, text=True
    )
    return [line for line in done.stdout.splitlines() if line.startswith("[")][-1:] or ["?"]


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    article = ROOT / "tests/fixtures/article.html"
    cases = {
        "drafter --help": ["--help"],
        "drafter run --help": ["run", "--help"],
        "drafter fetch FILE": ["fetch", str(article), "--json"],
    }
    print(f"{'command':<22} {'median':>8} {'best':>8}  LLM stack imported")
    for name, args in cases.items():
        times = timed([*command(), *args], repeats)
        imported = heavy_imports(args)[0]
        print(f"{name:<22} {statistics.median(times):>7.2f}s {min(times):>7.2f}s  {imported}")
    print("goal: drafter --help <= 0.30 s, and no LLM stack for --help and fetch")


if __name__ == "__main__":
    main()
