"""`drafter eval`: run the fact check over a suite of correct drafts, then over the same drafts
with one error planted in each, and count what it catches.

A suite is a YAML file:

    name: offline
    cases: cases                 # folder of case folders, relative to the suite file
    seeds: [0, 1]                # one set of planted errors per seed
    perturbations: [number, date, name_swap, name_invented, hedge, quote, comment_id, link]
    thresholds:
      false_alarm_rate_max: 0.05           # share of clean drafts with a must-fix item
      false_must_fix_per_draft_max: 0.1    # optional: must-fix items per clean draft
      detection_min: {number: 0.95, ...}   # per kind, over the generated errors

A case folder holds `draft.md` (a correct Japanese draft), its source — `source.md` (or `.html`,
`.txt`), or a `case.json` naming a page of the shared data (`{"extraction_id": "<id>",
"split": "dev"|"test"}`: `<shared data>/extraction/html/<id>.html.gz`) — and optionally
`comments.json`, `glossary.json` and `planted.json` (hand-planted errors: a list of
`{"kind", "section", "find", "replace", "why"}`, each applied alone to draft.md).

Errors are planted by `drafter.evaluation.plant`, which never asks the checker what it would flag.
An error counts as detected when the check has a must-fix item on the changed sentence (or the
changed comment id or URL); "flagged at any level" also counts the items listed for the editor
to verify, unless the clean draft's check already flagged the sentence the change replaced (then
the flag is not evidence of the error). Clean drafts report their must-fix and verify items.

The offline suite (`evals/offline.yaml`) ships inside the wheel as drafter/_bundled/evals, so
`drafter eval` runs it from any folder. The held-out suite (`evals/heldout.yaml`) reads real
pages from the shared data and is not shipped.

This module runs a suite; `suites.py` reads suites, cases and planted.json, `matching.py` tells
whether a claim is about the planted change, `scores.py` makes the numbers (rates, thresholds,
summary lines, JUnit).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from drafter.check import style
from drafter.check.core import CheckInputs, check
from drafter.check.draft_md import parse_draft
from drafter.check.inputs import CheckUsageError, from_files
from drafter.check.report import STRICT_SECTIONS, CheckReport, ClaimReport
from drafter.evaluation.matching import hit, new_reason, was_flagged
from drafter.evaluation.plant import KINDS, Planted, plant
from drafter.evaluation.scores import GENERATED, HAND, junit_xml, summarise, summary_lines
from drafter.evaluation.suites import (
    SPLITS,
    Case,
    Suite,
    default_suite,
    hand_planted,
    load_cases,
    load_suite,
    shared_data_dir,
)
from drafter.guard import url_key

__all__ = [
    "default_suite",
    "hit",
    "junit_xml",
    "load_suite",
    "new_reason",
    "run_suite",
    "shared_data_dir",
    "summary_lines",
    "was_flagged",
]


def run_suite(
    suite_path: Path,
    say: Callable[[str], None] | None = None,
    *,
    split: str = "all",
    shared_data: Path | None = None,
) -> dict[str, Any]:
    """Every case of the suite (of one split, or all), clean, with generated errors and with
    its hand-planted ones. `say` gets one line of progress per case."""
    if split not in SPLITS:
        raise CheckUsageError(f"Unknown split {split!r}: use one of {', '.join(SPLITS)}")
    suite = load_suite(suite_path)
    suite_path = suite_path.resolve()
    tell = say or (lambda _line: None)
    with tempfile.TemporaryDirectory(prefix="drafter-eval-") as scratch:
        shared = shared_data_dir(suite_path, shared_data)
        cases = load_cases(suite_path, suite, split, shared, Path(scratch))
        tell(f"suite {suite.name} ({suite_path}): {len(cases)} cases, seeds {suite.seeds}")
        from drafter.lang import align

        load_seconds = align.load()
        if load_seconds:
            tell(f"sentence encoder loaded in {load_seconds:.1f} s")
        started = time.perf_counter()
        clean: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for number, case in enumerate(cases, start=1):
            case_started = time.perf_counter()
            clean_result, results = _run_case(suite, case)
            clean.append(clean_result)
            changed += results
            generated = [r for r in results if r["group"] == GENERATED]
            hand = [r for r in results if r["group"] == HAND]
            line = (
                f"[{number}/{len(cases)}] {case.name}: clean draft "
                f"{'FLAGGED' if clean_result['flagged'] else 'passed'}, "
                f"{sum(1 for r in generated if r['detected'])}/{len(generated)} "
                "perturbations detected"
            )
            if hand:
                line += f", {sum(1 for r in hand if r['detected'])}/{len(hand)} hand-planted"
            tell(f"{line}, {time.perf_counter() - case_started:.1f} s")
    result = summarise(suite, clean, changed, time.perf_counter() - started)
    result["suite_path"] = str(suite_path)
    result["split"] = split
    return result


def _level(claim: ClaimReport) -> str | None:
    if claim.fails:
        return "must_fix"
    if claim.verdict in ("contradicted", "unsupported"):
        return "verify"
    return None


def _items(report: CheckReport, level: str) -> list[dict[str, Any]]:
    return [
        {"section": c.section, "sentence": c.sentence, "comment_id": c.comment_id}
        for c in report.claims
        if _level(c) == level
    ]


def _run_case(suite: Suite, case: Case) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    glossary = case.path / "glossary.json"
    comments = case.path / "comments.json"
    inputs = from_files(
        case.path / "draft.md",
        case.source,
        comments=str(comments) if comments.is_file() else None,
        glossary_path=glossary if glossary.is_file() else None,
    )
    if case.page_url:
        inputs.fetched_urls.add(url_key(case.page_url))
    report = check(inputs)
    strict = [c for c in report.claims if c.section in STRICT_SECTIONS]
    must_fix, verify = _items(report, "must_fix"), _items(report, "verify")
    clean = {
        "case": case.name,
        "split": case.split,
        "flagged": not report.ok,
        "must_fix": len(must_fix),
        "verify": len(verify),
        "strict_claims": len(strict),
        "strict_flagged": sum(1 for c in strict if c.fails),
        "listed": sum(1 for c in report.claims if not c.fails and c.verdict == "unsupported"),
        "failing": must_fix,
        "to_verify": verify,
        "seconds": report.check_seconds,
        "style": style.counts(report.style),
    }
    markdown = (case.path / "draft.md").read_text(encoding="utf-8")
    flagged = [c for c in report.claims if _level(c)]
    results = [
        _run_planted(inputs, case, item, GENERATED, flagged)
        for item in _generated(suite, inputs, markdown)
    ]
    results += [
        _run_planted(inputs, case, item, HAND, flagged) for item in hand_planted(case, markdown)
    ]
    return clean, results


def _generated(suite: Suite, inputs: CheckInputs, markdown: str) -> list[Planted]:
    return planted_for(inputs, markdown, suite.seeds, tuple(suite.perturbations))


def planted_for(
    inputs: CheckInputs, markdown: str, seeds: Sequence[int], kinds: Sequence[str] = KINDS
) -> list[Planted]:
    """The independent planter's errors for one draft checked with `inputs` (its article,
    thread and glossary), one per kind and section for each seed, without repeats."""
    article, thread = inputs.article, inputs.thread
    comments = {c.id: c.body for c in thread.comments} if thread else {}
    urls = [article.url, article.fetched_url]
    if thread is not None:
        urls += [thread.url, *(c.permalink for c in thread.comments)]
    seen: set[str] = set()
    items: list[Planted] = []
    for seed in seeds:
        for item in plant(
            markdown,
            source_text=f"{article.title}\n\n{article.text}",
            comment_ids=list(comments),
            comments=comments,
            fetched_urls=[u for u in urls if u],
            glossary={e.target: e.source for e in inputs.glossary},
            seed=seed,
            kinds=tuple(kinds),
        ):
            if item.markdown not in seen:
                seen.add(item.markdown)
                items.append(item)
    return items


def detected(
    item: Planted, claims: list[ClaimReport], clean_flags: list[ClaimReport]
) -> tuple[bool, bool]:
    """Whether the check of the draft with `item` planted flags it: must-fix, and at any level.
    A "to verify" flag counts where the clean draft had none on that sentence (a title that is
    always "to verify" says nothing about the error planted in it), or where it adds a reason
    quoting what the change wrote (the editor sees the planted name or figure named)."""
    must_fix = any(c.fails and hit(item, c) for c in claims)
    already = any(was_flagged(item, c) for c in clean_flags)
    any_level = must_fix or any(
        bool(_level(c)) and hit(item, c) and (not already or new_reason(item, c, clean_flags))
        for c in claims
    )
    return must_fix, any_level


def _run_planted(
    inputs: CheckInputs,
    case: Case,
    item: Planted,
    group: str,
    clean_flags: list[ClaimReport],
) -> dict[str, Any]:
    inputs.draft = parse_draft(item.markdown)
    report = check(inputs)
    must_fix, any_level = detected(item, report.claims, clean_flags)
    return {
        "case": case.name,
        "split": case.split,
        "group": group,
        "kind": item.kind,
        "section": item.section,
        "change": item.description,
        "target": item.target,
        "detected": must_fix,
        "flagged_any": any_level,
        "flagged_in_clean": any(was_flagged(item, c) for c in clean_flags),
        "seconds": report.check_seconds,
    }
