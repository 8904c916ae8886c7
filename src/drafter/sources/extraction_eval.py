"""Extraction quality against pages with ground truth: 4-gram shingle precision / recall / F1
on `\\w+` tokens (the article-extraction-benchmark's measure), averaged over pages."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import SourceError
from drafter.sources.article import extract_article

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return (
        {tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))} if tokens else set()
    )


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score(expected: str, extracted: str) -> Score:
    truth, found = shingles(expected), shingles(extracted)
    if not truth and not found:
        return Score(1.0, 1.0)
    hits = len(truth & found)
    return Score(hits / len(found) if found else 0.0, hits / len(truth) if truth else 0.0)


def evaluate(folder: Path, limit: int | None = None) -> list[tuple[str, Score]]:
    """Score drafter's extractor on every page of an article-extraction-benchmark folder."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    results: list[tuple[str, Score]] = []
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        try:
            text = extract_article(
                html.decode("utf-8", errors="replace"), url=truth[page_id]["url"]
            ).text
        except SourceError:
            text = ""
        results.append((page_id, score(truth[page_id]["articleBody"], text)))
    return results
