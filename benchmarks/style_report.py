"""Print the style findings (drafter.check.style) per draft: to compare drafts before and after a
prompt change, or to see what the style check says about a suite's reference drafts.

python benchmarks/style_report.py PATH [PATH ...] [--split dev] [--findings] [--json FILE]

Each PATH is a draft (.md), a case or run folder (draft.md or article.md inside), or a folder of
those (evals/cases, evals/heldout, a folder of run folders). --split keeps the cases whose
case.json says that split. --findings lists every finding under its draft. --pairs prints, per
draft, the closest cross-section sentence pairs the encoder scores at or above --pairs, the
numbers the repeated-claim threshold (style.REPEAT_MIN) was chosen on. Only the draft is read:
no source, no model calls beyond the local sentence encoder.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from drafter.check import style
from drafter.check.draft_md import parse_draft
from drafter.check.report import STYLE_KINDS

DRAFT_NAMES = ("draft.md", "article.md")
SHORT = {
    "repeated_ending": "ending",
    "repeated_claim": "claim",
    "one_sentence_paragraph": "1-sent",
    "about_the_article": "article",
    "register_slip": "register",
    "long_lead_sentence": "long",
}


def drafts(paths: list[Path], split: str | None) -> list[Path]:
    """Every draft under the paths, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
            continue
        own = [path / name for name in DRAFT_NAMES if (path / name).is_file()]
        if own:
            found.append(own[0])
            continue
        inside = [
            [child / n for n in DRAFT_NAMES if (child / n).is_file()][:1]
            for child in sorted(p for p in path.iterdir() if p.is_dir())
        ]
        cases = [draft for drafts_of_case in inside for draft in drafts_of_case]
        found += cases or sorted(path.glob("*.md"))  # a folder of drafts saved as files
    return [d for d in found if split is None or _split(d) == split]


def _split(draft: Path) -> str | None:
    info = draft.parent / "case.json"
    if not info.is_file():
        return None
    value = json.loads(info.read_text(encoding="utf-8")).get("split")
    return str(value) if value else None


def _name(draft: Path) -> str:
    return draft.parent.name if draft.name in DRAFT_NAMES else draft.stem


def closest_pairs(markdown: str, floor: float) -> list[tuple[float, str, str]]:
    """Cross-section pairs at or above `floor`, the closest earlier sentence of each."""
    draft = parse_draft(markdown)
    return [
        (
            f.similarity or 0.0,
            f"{f.other_section}: {f.sentences[1]}",
            f"{f.section}: {f.sentences[0]}",
        )
        for f in style.repeated_claims(draft, threshold=floor)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--split", choices=("dev", "test"))
    parser.add_argument("--findings", action="store_true", help="list every finding")
    parser.add_argument("--pairs", type=float, metavar="FLOOR", help="print close pairs")
    parser.add_argument("--json", type=Path, help="also write the per-draft findings here")
    args = parser.parse_args(argv)
    found = drafts(args.paths, args.split)
    if not found:
        print("no drafts found (draft.md or article.md)", file=sys.stderr)
        return 1
    print("| draft | sentences | " + " | ".join(SHORT[k] for k in STYLE_KINDS) + " | all |")
    print("|---|---:|" + "---:|" * (len(STYLE_KINDS) + 1))
    totals: Counter[str] = Counter()
    results: dict[str, Any] = {}
    for path in found:
        markdown = path.read_text(encoding="utf-8")
        parsed = parse_draft(markdown)
        findings = style.style_findings(parsed)
        counts = style.counts(findings)
        totals.update(counts)
        results[_name(path)] = [f.model_dump() for f in findings]
        cells = " | ".join(str(counts[k]) for k in STYLE_KINDS)
        print(f"| {_name(path)} | {len(parsed.sentences)} | {cells} | {len(findings)} |")
        if args.findings:
            for finding in findings:
                shown = " / ".join(finding.sentences[:2])
                print(f"|   | [{finding.kind}] {finding.section}: {finding.detail} {shown} |")
        if args.pairs is not None:
            for score, earlier, later in closest_pairs(markdown, args.pairs):
                print(f"|   | {score:.3f} {earlier} ⇔ {later} |")
    per_draft = " | ".join(f"{totals[k] / len(found):.2f}" for k in STYLE_KINDS)
    print(f"| per draft ({len(found)}) | | {per_draft} | {sum(totals.values()) / len(found):.2f} |")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
