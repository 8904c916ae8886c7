"""Wall time of `drafter run` against the scripted server with injected latency, compared with
the critical path (lead → background → analysis → conclusion = 4 × latency). Books are looked up
in the loopback catalogs and every answer is asked (a fresh cache, --no-cache), so nothing
leaves the machine and nothing is served from an earlier run.

    python benchmarks/critical_path.py [LATENCY_SECONDS]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.catalog_server import CatalogServer  # noqa: E402
from tests.scripted_llm import ScriptedLLM, load_script  # noqa: E402


def main() -> None:
    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    script = load_script(str(ROOT / "tests/fixtures/replies.json"))
    for replies in script.values():
        for reply in replies:  # type: ignore[union-attr]
            reply.delay = latency
    server = ScriptedLLM(script).start()
    catalogs = CatalogServer()
    with tempfile.TemporaryDirectory() as out:
        env = {
            **os.environ,
            **catalogs.env(),
            "OPENAI_BASE_URL": server.base_url,
            "OPENAI_API_KEY": "bench",
            "XDG_CACHE_HOME": str(Path(out) / "cache"),
            "XDG_DATA_HOME": str(Path(out) / "data"),  # the run archive: not the user's
            "NO_PROXY": "127.0.0.1,localhost",
        }
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
                str(Path(out) / "drafts"),
                "--no-cache",
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - started
        run = json.loads(next((Path(out) / "drafts").glob("*/run.json")).read_text())
    server.stop()
    catalogs.stop()
    critical = 4 * latency
    print(f"latency per call   {latency:.2f} s")
    print(f"LLM calls          {len(server.requests)}")
    print(f"critical path      {critical:.2f} s")
    print(f"wall (process)     {wall:.2f} s")
    print(f"agents (pipeline)  {run['timings']['agents_seconds']:.2f} s  (run.json: DAG only)")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory        {peak:.0f} MiB  (drafter run's maximum resident set)")
    goal = 1.1 * critical + 1
    verdict = "met" if wall <= goal else f"missed by {wall - goal:.2f} s"
    print(f"overhead           {wall - critical:.2f} s")
    print(f"goal               wall <= 1.1 x critical + 1 s = {goal:.2f} s: {verdict}")


if __name__ == "__main__":
    main()
