"""Wall time of `drafter run` against the scripted server with injected latency, compared with
the critical path (lead → background → analysis → conclusion = 4 × latency).

    python benchmarks/critical_path.py [LATENCY_SECONDS]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scripted_llm import ScriptedLLM, load_script  # noqa: E402


def main() -> None:
    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    script = load_script(str(ROOT / "tests/fixtures/replies.json"))
    for replies in script.values():
        for reply in replies:  # type: ignore[union-attr]
            reply.delay = latency
    server = ScriptedLLM(script).start()
    env = {**os.environ, "OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "bench"}
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "drafter",
                "run",
                str(ROOT / "tests/fixtures/article.html"),
                "--comments",
                str(ROOT / "tests/fixtures/comments.json"),
                "--out",
                out,
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - started
    server.stop()
    critical = 4 * latency
    print(f"latency per call   {latency:.2f} s")
    print(f"LLM calls          {len(server.requests)}")
    print(f"critical path      {critical:.2f} s")
    print(f"wall (process)     {wall:.2f} s")
    print(f"overhead           {wall - critical:.2f} s  (goal: wall <= 1.1 x critical + 1 s)")


if __name__ == "__main__":
    main()
