"""Reply chains (issue 16, item 16): each comment answers the one before, N deep.

    python benchmarks/thread_chain.py [N ...]        (default: 10000 100000)

For N = 100 and each N given, four shapes of the same chain go through `drafter comments FILE
--json` as a fresh process (the installed console script when there is one): drafter's flat JSON
and JSONL (`parent_id`), a Hacker News item (nested `children`) and a saved Reddit thread (nested
`replies`). Printed: the file size, the wall time, and the outcome (comments read, or the
one-line error: a file nested deeper than JSON parsing allows is refused with a message, never a
traceback).
Thread flattening and pre-selection are linear, so 100,000 chained comments take seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BODY = "I am not sure that follows from what the minister said, comment number {n}."


def command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def flat_chain(count: int) -> str:
    comments = [
        {
            "id": f"c{n}",
            "body": BODY.format(n=n),
            "score": count - n,
            "parent_id": f"c{n - 1}" if n else None,
        }
        for n in range(count)
    ]
    return json.dumps({"url": "https://news.example/thread", "comments": comments})


def jsonl_chain(count: int) -> str:
    return "\n".join(
        json.dumps(
            {"id": f"c{n}", "body": BODY.format(n=n), "parent_id": f"c{n - 1}" if n else None}
        )
        for n in range(count)
    )


def hacker_news_chain(count: int) -> str:
    """Written as text: json.dumps recurses, one level per nesting."""
    opening = "".join(
        f'{{"id": {n + 2}, "type": "comment", "text": {json.dumps(BODY.format(n=n))}, "children": ['
        for n in range(count)
    )
    return f'{{"id": 1, "type": "story", "title": "A story", "children": [{opening}' + (
        "]}" * (count + 1)
    )


def reddit_chain(count: int) -> str:
    post = json.dumps(
        {"kind": "t3", "data": {"title": "A story", "permalink": "/r/news/comments/abc/x/"}}
    )
    opening = "".join(
        f'{{"kind": "t1", "data": {{"id": "c{n}", "body": {json.dumps(BODY.format(n=n))}, '
        f'"parent_id": "{"t1_c" + str(n - 1) if n else "t3_abc"}", '
        '"replies": {"kind": "Listing", "data": {"children": ['
        for n in range(count)
    )
    thread = '{"kind": "Listing", "data": {"children": [' + opening + "]}}}}" * count + "]}}"
    return f'[{{"kind": "Listing", "data": {{"children": [{post}]}}}}, {thread}]'


def run(path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [*command(), "comments", str(path), "--json"], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if done.returncode == 0:
        report = json.loads(done.stdout)
        return elapsed, f"{len(report['comments'])} comments, {len(report['offered'])} offered"
    lines = done.stderr.strip().splitlines()
    if "Traceback" in done.stderr:
        return elapsed, f"exit {done.returncode}, TRACEBACK: {lines[-1][:80]}"
    return elapsed, f"exit {done.returncode}: {lines[0][:90] if lines else ''}"


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    shapes = {
        "flat JSON": (flat_chain, ".json"),
        "JSONL": (jsonl_chain, ".jsonl"),
        "Hacker News": (hacker_news_chain, ".json"),
        "Reddit": (reddit_chain, ".json"),
    }
    print(f"{'chain':>8}  {'shape':<12} {'file':>8} {'wall':>8}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for size in [100, *sizes]:
            for name, (build, suffix) in shapes.items():
                path = Path(folder) / f"chain-{size}{suffix}"
                path.write_text(build(size), encoding="utf-8")
                elapsed, outcome = run(path)
                mib = path.stat().st_size / (1024 * 1024)
                print(f"{size:>8}  {name:<12} {mib:>6.1f}MB {elapsed:>7.2f}s  {outcome}")


if __name__ == "__main__":
    main()
