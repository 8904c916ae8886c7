"""First-check a round of unseen drafts (ROUNDS.md, step 4): copy each run folder under
ROUND/*/drafts/*/, run `drafter check --no-judge --json` on the copy with the code at SRC (a
snapshot taken before the round, or the checkout's src), and print each draft's must-fix and
to-verify items with their reasons, then the totals.

    python benchmarks/strong_model/check_round.py ROUND OUT [SRC]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    round_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    src = sys.argv[3] if len(sys.argv) > 3 else str(Path(__file__).resolve().parents[2] / "src")
    out.mkdir(parents=True, exist_ok=True)
    total_must = total_verify = 0
    for article in sorted(round_dir.glob("*/drafts/*/article.md")):
        slug = article.relative_to(round_dir).parts[0]
        copy = out / slug
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(article.parent, copy)
        env = dict(os.environ, PYTHONPATH=src)
        done = subprocess.run(
            [sys.executable, "-m", "drafter", "check", str(copy), "--no-judge", "--json"],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        try:
            claims = json.loads(done.stdout)["claims"]
        except (json.JSONDecodeError, KeyError):
            print(f"== {slug}: no report\n{done.stderr[-800:]}")
            continue
        must = [c for c in claims if c["fails"]]
        verify = [
            c for c in claims if not c["fails"] and c["verdict"] in ("unsupported", "contradicted")
        ]
        total_must += len(must)
        total_verify += len(verify)
        print(f"== {slug}: must {len(must)} verify {len(verify)} (exit {done.returncode})")
        for tag, items in (("MUST", must), ("verify", verify)):
            for claim in items:
                print(f"  {tag} [{claim['section']}] {claim['sentence'][:130]}")
                for reason in claim["reasons"]:
                    print(f"      - {reason[:220]}")
    print(f"TOTAL must {total_must} verify {total_verify}")


if __name__ == "__main__":
    main()
