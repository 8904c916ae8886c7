"""Wall time of `drafter run` against the scripted server with injected latency, compared with
the critical path (lead → background → analysis → conclusion = 4 × latency). Books are looked up
in the loopback catalogs, which hold one of the model's two candidates and not the other (the
usual case: models misremember titles); every answer is asked (a fresh cache, --no-cache), so
nothing leaves the machine and nothing is served from an earlier run.

Printed per run: model calls and the longest chain of them that ran one after another (the
critical path as it happened), the time from the process start to the first model request as
the server saw it, and wall / (critical path + 1 s), whose goal is ≤ 1.1.

    python benchmarks/critical_path.py [LATENCY_SECONDS] [RUNS] [ARTICLE_LATENCY_SECONDS]

With ARTICLE_LATENCY_SECONDS the article is not a file but a page served on loopback that
answers after that long (a news site's response time), as `drafter run <news-url>` reads it.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.catalog_server import FIXTURES, CatalogServer  # noqa: E402
from tests.scripted_llm import ScriptedLLM, load_script  # noqa: E402

ARTICLE = "tests/fixtures/article.html"
CRITICAL_CALLS = 4  # lead → background → analysis → conclusion
MISREMEMBERED = "リチウム経済入門"  # the second of the fixture's two candidates
EMPTY = {
    "/ndl/": ("application/rss+xml", (FIXTURES / "ndl_empty.xml").read_bytes()),
    "/google/": ("application/json", (FIXTURES / "google_empty.json").read_bytes()),
    "/openlibrary/": ("application/json", (FIXTURES / "openlibrary_empty.json").read_bytes()),
}


def reject_one(prefix: str, query: dict[str, list[str]], _: int) -> Any:
    """No catalog holds the misremembered title; everything else is answered as usual."""
    if MISREMEMBERED in " ".join(v for values in query.values() for v in values):
        kind, body = EMPTY[prefix]
        return 200, {"content-type": kind}, body
    return None


Span = tuple[str, float, float]


def longest_chain(spans: list[Span], slack: float = 0.05) -> list[Span]:
    """The longest sequence of model calls each starting after the previous one ended."""
    ordered = sorted(spans, key=lambda s: s[1])
    best: list[list[Span]] = []
    for i, span in enumerate(ordered):
        before = [best[j] for j in range(i) if ordered[j][2] <= span[1] + slack]
        best.append([*max(before, key=len, default=[]), span])
    return max(best, key=len, default=[])


class SlowPage:
    """The fixture article on 127.0.0.1, answered after `delay` seconds."""

    def __init__(self, delay: float) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from threading import Thread

        page = (ROOT / "tests/fixtures/article.html").read_bytes()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                time.sleep(delay)
                self.send_response(200)
                self.send_header("content-type", "text/html; charset=utf-8")
                self.send_header("content-length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/story"
        Thread(target=self.server.serve_forever, daemon=True).start()


def run_once(latency: float, article_latency: float | None = None) -> dict[str, Any]:
    script = load_script(str(ROOT / "tests/fixtures/replies.json"))
    for replies in script.values():
        for reply in replies:  # type: ignore[union-attr]
            reply.delay = latency
    server = ScriptedLLM(script).start()
    catalogs = CatalogServer()
    catalogs.override = reject_one
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
        page = SlowPage(article_latency) if article_latency is not None else None
        source = [page.url, "--allow-private-hosts"] if page else [str(ROOT / ARTICLE)]
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "drafter",
                "run",
                *source,
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
        ended = time.monotonic()
        wall = ended - started
        run_dir = next((Path(out) / "drafts").glob("*/run.json")).parent
        books = json.loads((run_dir / "article.json").read_text())["books"]
        if page:
            page.server.shutdown()
    server.stop()
    catalogs.stop()
    chain = longest_chain(server.spans)
    return {
        "wall": wall,
        "calls": len(server.requests),
        "books_calls": sum(1 for name, _, _ in server.spans if name == "BooksDraft"),
        "chain": [name for name, _, _ in chain],
        "first_request": min(start for _, start, _ in server.spans) - started,
        # between one answer on the critical path and the next request: drafter's own work
        "gaps": sum(nxt[1] - prev[2] for prev, nxt in pairwise(chain)),
        "tail": ended - max(end for _, _, end in server.spans),  # after the last answer
        "verified": sum(1 for b in books["books"] if b["verified"]),
    }


def main() -> None:
    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    article_latency = float(sys.argv[3]) if len(sys.argv) > 3 else None
    critical = CRITICAL_CALLS * latency
    print(
        f"latency per call {latency:.2f} s; critical path {CRITICAL_CALLS} calls = {critical:.2f} s"
    )
    print("the catalogs confirm one of the model's two book candidates")
    if article_latency is not None:
        print(f"the article is a page on loopback answering after {article_latency:.2f} s")
    ratios = []
    for n in range(1, runs + 1):
        r = run_once(latency, article_latency)
        ratio = r["wall"] / (critical + 1 + (article_latency or 0))
        ratios.append(ratio)
        print(
            f"run {n}: wall {r['wall']:.2f} s, ratio {ratio:.2f}, first request at "
            f"{r['first_request']:.2f} s, {r['calls']} model calls ({r['books_calls']} books), "
            f"{len(r['chain'])} on the critical path ({' → '.join(r['chain'])}), "
            f"gaps between them {r['gaps']:.2f} s, after the last answer {r['tail']:.2f} s, "
            f"{r['verified']} verified books"
        )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory {peak:.0f} MiB (drafter run's maximum resident set)")
    verdict = "met" if max(ratios) <= 1.1 else "missed"
    fetch = f" + {article_latency:g} s fetch" if article_latency is not None else ""
    print(
        f"wall / (critical path{fetch} + 1 s): {min(ratios):.2f}–{max(ratios):.2f} "
        f"(goal ≤ 1.1: {verdict})"
    )


if __name__ == "__main__":
    main()
