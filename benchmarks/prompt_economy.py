"""How much text the agents are sent, compared with the inputs themselves (goal ≤ 3×), and how
fast a cached re-run is. Characters, not tokens, so the figure does not depend on a tokenizer.

    python benchmarks/prompt_economy.py [LATENCY_SECONDS]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.catalog_server import CatalogServer  # noqa: E402
from tests.scripted_llm import ScriptedLLM, load_script, schema_name  # noqa: E402


def main() -> None:
    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    script = load_script(str(ROOT / "tests/fixtures/replies.json"))
    for replies in script.values():
        for reply in replies:  # type: ignore[union-attr]
            reply.delay = latency
    server = ScriptedLLM(script).start()
    catalogs = CatalogServer()
    work = Path(tempfile.mkdtemp(prefix="drafter-economy-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))},
        **catalogs.env(),
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": "bench",
        "XDG_CACHE_HOME": str(work / "cache"),
    }
    timings = []
    for name in ("cold", "cached"):
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable, "-m", "drafter", "run",
                str(ROOT / "tests/fixtures/article.html"),
                "--comments", str(ROOT / "tests/fixtures/comments.json"),
                "--out", str(work / name), "--no-check",
            ],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        timings.append(time.perf_counter() - started)
        if name == "cold":
            sent: dict[str, int] = defaultdict(int)
            for request in server.requests:
                sent[schema_name(request)] += sum(
                    len(str(m["content"])) for m in request["messages"]
                )
    server.stop()
    catalogs.stop()
    run_dir = next((work / "cold").iterdir())
    article = json.loads((run_dir / "inputs/article.json").read_text(encoding="utf-8"))
    thread = json.loads((run_dir / "inputs/comments.json").read_text(encoding="utf-8"))
    inputs = len(article["text"]) + sum(len(c["body"]) for c in thread["comments"])
    total = sum(sent.values())
    print(
        json.dumps(
            {
                "input_characters": inputs,
                "characters_sent_per_agent": dict(sorted(sent.items())),
                "characters_sent_total": total,
                "ratio_sent_to_inputs": round(total / inputs, 2),
                "goal_ratio": 3,
                "latency_per_call_s": latency,
                "cold_run_s": round(timings[0], 2),
                "cached_rerun_s": round(timings[1], 2),
                "calls_cold": len(server.requests),
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
