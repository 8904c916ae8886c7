"""Layer 1 of `drafter check` on SummEdits news (English documents, English summaries, human
consistency labels): balanced accuracy, precision and recall.

Layer 1 is built for Japanese drafts of English sources, so here it runs its language-neutral
parts on English summaries: every number, amount, date and duration in a summary must occur in
the document, and every capitalised name must occur in it. A summary with none of those is one
layer 1 cannot judge (it would need the LLM judge): the script reports that coverage and scores
both "judged only" and "all, unjudged counted as consistent".

    python benchmarks/summedits.py [--split test|evaluation|all]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from drafter.lang.quantities import en_quantities, missing_quantities

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "summedits" / "summedits_news.json"
_NAME = re.compile(r"\b[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+)*")
_COMMON = {
    "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "This", "That", "These",
    "Those", "His", "Her", "Their", "Its", "After", "Before", "While", "As", "But", "And", "For",
    "With", "From", "By", "Of", "To", "When", "Some", "Many", "Mr", "Mrs", "Ms", "Dr",
}  # fmt: skip


def names(text: str) -> set[str]:
    """Capitalised words, except a sentence's first word standing alone ("Shares rose",
    "Previously, …"): capitalised by position, not a name."""
    found = set()
    for match in _NAME.finditer(text):
        words = [w for w in match.group(0).split() if w not in _COMMON]
        initial = match.start() == 0 or bool(re.search(r"[.!?]\s+$", text[: match.start()]))
        if initial and len(match.group(0).split()) == 1:
            continue
        found.update(w.strip(".'’") for w in words if len(w) > 2)
    return found


def judge(doc: str, summary: str) -> tuple[bool | None, list[str]]:
    """(consistent?, reasons); None when layer 1 has nothing to check."""
    reasons = []
    claim = en_quantities(summary)
    missing = missing_quantities(claim, en_quantities(doc))
    reasons += [f"number {q.label()} not in the document" for q in missing]
    doc_lower = doc.lower().replace(".", "")
    doc_words = set(re.findall(r"[a-z]+", doc_lower))

    def present(name: str) -> bool:
        key = name.lower().replace(".", "")
        if key in doc_lower:
            return True
        stem = key[: max(4, len(key) - 3)]  # Chinese ~ China, Union's ~ Union
        return any(w.startswith(stem) for w in doc_words)

    unknown = [n for n in names(summary) if not present(n)]
    reasons += [f"name {n} not in the document" for n in unknown]
    if reasons:
        return False, reasons
    if not claim and not names(summary):
        return None, []
    return True, []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["test", "evaluation", "all"])
    args = parser.parse_args()
    if not DATA.is_file():
        raise SystemExit(f"SummEdits data not found at {DATA}")
    items = json.loads(DATA.read_text(encoding="utf-8"))
    if args.split != "all":
        items = [i for i in items if i["split"] == args.split]
    started = time.perf_counter()
    rows = []
    for item in items:
        verdict, _ = judge(item["doc"], item["summary"])
        rows.append((str(item["label"]) == "1", verdict))
    seconds = time.perf_counter() - started

    def scores(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
        # positive class = inconsistent (what a fact check must catch)
        tp = sum(1 for gold, pred in pairs if not gold and not pred)
        fn = sum(1 for gold, pred in pairs if not gold and pred)
        tn = sum(1 for gold, pred in pairs if gold and pred)
        fp = sum(1 for gold, pred in pairs if gold and not pred)
        recall = tp / (tp + fn) if tp + fn else 0.0
        specificity = tn / (tn + fp) if tn + fp else 0.0
        precision = tp / (tp + fp) if tp + fp else 0.0
        return {
            "balanced_accuracy": round((recall + specificity) / 2, 4),
            "precision_inconsistent": round(precision, 4),
            "recall_inconsistent": round(recall, 4),
            "n": len(pairs),
        }

    judged = [(gold, pred) for gold, pred in rows if pred is not None]
    everything = [(gold, True if pred is None else pred) for gold, pred in rows]
    report = {
        "split": args.split,
        "pairs": len(rows),
        "consistent": sum(1 for gold, _ in rows if gold),  # label 1 = consistent
        "judged_by_layer1": len(judged),
        "coverage": round(len(judged) / len(rows), 4),
        "judged_only": scores(judged),
        "all_unjudged_as_consistent": scores(everything),
        "seconds": round(seconds, 2),
        "reference_bacc": {"GPT-4": 82.0, "QAFactEval": 65.5, "SummaC-Conv": 57.1},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
