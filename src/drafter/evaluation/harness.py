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
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.check import style
from drafter.check.core import CheckInputs, check
from drafter.check.draft_md import parse_draft
from drafter.check.inputs import CheckUsageError, from_files
from drafter.check.report import STRICT_SECTIONS, CheckReport, ClaimReport
from drafter.evaluation.plant import KINDS, SECTIONS, Planted, PlantError, from_edit, plant
from drafter.lang.text import normalize

_SHIPPED = "offline.yaml"
SPLITS = ("dev", "test", "all")
GENERATED, HAND = "generated", "hand-planted"


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    false_alarm_rate_max: float = 0.05
    false_must_fix_per_draft_max: float | None = None
    detection_min: dict[str, float] = Field(default_factory=dict)


class Suite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    cases: str = "cases"
    seeds: list[int] = Field(default_factory=lambda: [0])
    perturbations: list[str] = Field(default_factory=lambda: list(KINDS))
    thresholds: Thresholds = Field(default_factory=Thresholds)


class CaseInfo(BaseModel):
    """case.json: where the source page is, and which split the case belongs to."""

    model_config = ConfigDict(extra="ignore")

    extraction_id: str | None = Field(default=None, pattern=r"^[0-9a-f]{8,64}$")
    split: Literal["dev", "test"] | None = None
    style: str = ""


class PlantedEntry(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: str
    section: str
    find: str = Field(min_length=1)
    replace: str
    why: str = ""


@dataclass
class Case:
    path: Path
    info: CaseInfo
    source: str  # a file path (a gunzipped shared-data page for extraction cases)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def split(self) -> str | None:
        return self.info.split


def load_suite(path: Path) -> Suite:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        suite = Suite.model_validate(data)
    except FileNotFoundError as exc:
        raise CheckUsageError(
            f"Eval suite not found: {path}",
            hint=f"`drafter eval` with no path runs the suite shipped with drafter ({_SHIPPED}).",
        ) from exc
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise CheckUsageError(f"Invalid eval suite {path}: {exc}") from exc
    unknown = set(suite.perturbations) - set(KINDS)
    if unknown:
        raise CheckUsageError(
            f"{path}: unknown perturbations {sorted(unknown)}; known: {', '.join(KINDS)}"
        )
    return suite


def default_suite() -> Path:
    """The offline suite shipped with drafter: in the wheel, or the checkout's evals/."""
    from drafter.agents import bundled_dir

    return bundled_dir("evals") / _SHIPPED


def shared_data_dir(suite_path: Path, explicit: Path | None = None) -> Path | None:
    """The shared real-world data: --shared-data, else DRAFTER_SHARED_DATA, else a
    `shared/data` folder beside the suite's checkout (../shared/data next to the project)."""
    if explicit is not None:
        return explicit
    configured = os.environ.get("DRAFTER_SHARED_DATA")
    if configured:
        return Path(configured)
    for folder in (suite_path.parent, *suite_path.parent.parents):
        candidate = folder / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def _read_case_info(case: Path) -> CaseInfo:
    path = case / "case.json"
    if not path.is_file():
        return CaseInfo()
    try:
        return CaseInfo.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise CheckUsageError(f"{case.name}: invalid case.json ({exc})".replace("\n", " ")) from exc


def _source_file(case: Path) -> Path | None:
    for name in ("source.md", "source.txt", "source.html", "source.htm"):
        if (case / name).is_file():
            return case / name
    return None


def _cases(
    suite_path: Path, suite: Suite, split: str, shared: Path | None, scratch: Path
) -> list[Case]:
    root = (suite_path.parent / suite.cases).resolve()
    folders = (
        sorted(p for p in root.iterdir() if (p / "draft.md").is_file()) if root.is_dir() else []
    )
    if not folders:
        raise CheckUsageError(f"No cases (folders with a draft.md) under {root}")
    cases: list[Case] = []
    for folder in folders:
        info = _read_case_info(folder)
        if split != "all" and info.split != split:
            continue
        source = _source_file(folder)
        if source is not None:
            cases.append(Case(folder, info, str(source)))
            continue
        if info.extraction_id is None:
            raise CheckUsageError(
                f"{folder} has no source.md, source.txt or source.html, and no case.json "
                "naming an extraction_id"
            )
        cases.append(Case(folder, info, str(_extracted_page(folder, info, shared, scratch))))
    if not cases:
        raise CheckUsageError(f"No cases of the split {split!r} under {root}")
    return cases


def _extracted_page(folder: Path, info: CaseInfo, shared: Path | None, scratch: Path) -> Path:
    page = f"extraction/html/{info.extraction_id}.html.gz"
    packed = shared / page if shared is not None else None
    if packed is None or not packed.is_file():
        where = str(packed) if packed is not None else f"../shared/data/{page}"
        raise CheckUsageError(
            f"Case {folder.name} reads its source from the shared data, and {where} is absent: "
            "pass --shared-data DIR or set DRAFTER_SHARED_DATA to the shared data folder."
        )
    target = scratch / f"{info.extraction_id}.html"
    try:
        target.write_bytes(gzip.decompress(packed.read_bytes()))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise CheckUsageError(f"Case {folder.name}: cannot read {packed} ({exc})") from exc
    return target


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
        cases = _cases(suite_path, suite, split, shared, Path(scratch))
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
    result = _summarise(suite, clean, changed, time.perf_counter() - started)
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
        _run_planted(inputs, case, item, HAND, flagged) for item in _hand_planted(case, markdown)
    ]
    return clean, results


def _generated(suite: Suite, inputs: CheckInputs, markdown: str) -> list[Planted]:
    article, thread = inputs.article, inputs.thread
    comments = {c.id: c.body for c in thread.comments} if thread else {}
    urls = [article.url, article.fetched_url]
    if thread is not None:
        urls += [thread.url, *(c.permalink for c in thread.comments)]
    seen: set[str] = set()
    items: list[Planted] = []
    for seed in suite.seeds:
        for item in plant(
            markdown,
            source_text=f"{article.title}\n\n{article.text}",
            comment_ids=list(comments),
            comments=comments,
            fetched_urls=[u for u in urls if u],
            glossary={e.target: e.source for e in inputs.glossary},
            seed=seed,
            kinds=tuple(suite.perturbations),
        ):
            if item.markdown not in seen:
                seen.add(item.markdown)
                items.append(item)
    return items


def _hand_planted(case: Case, markdown: str) -> list[Planted]:
    path = case.path / "planted.json"
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CheckUsageError(f"{case.name}: planted.json is not valid JSON ({exc})") from exc
    if not isinstance(data, list):
        raise CheckUsageError(f"{case.name}: planted.json must be a JSON list of edits")
    items = []
    for number, raw in enumerate(data, start=1):
        where = f"{case.name}: planted.json entry {number}"
        try:
            entry = PlantedEntry.model_validate(raw)
        except ValidationError as exc:
            problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise CheckUsageError(f"{where} is invalid: {problem}") from exc
        if entry.kind not in KINDS or entry.section not in SECTIONS:
            raise CheckUsageError(
                f"{where}: kind {entry.kind!r} / section {entry.section!r} unknown "
                f"(kinds: {', '.join(KINDS)}; sections: {', '.join(SECTIONS)})"
            )
        try:
            items.append(
                from_edit(
                    markdown,
                    entry.find,
                    entry.replace,
                    kind=entry.kind,
                    section=entry.section,
                    description=f"{entry.section}: {entry.why or entry.replace}",
                )
            )
        except PlantError as exc:
            raise CheckUsageError(f"{where} ({entry.find[:40]!r}): {exc}") from exc
    return items


def _run_planted(
    inputs: CheckInputs,
    case: Case,
    item: Planted,
    group: str,
    clean_flags: list[ClaimReport],
) -> dict[str, Any]:
    inputs.draft = parse_draft(item.markdown)
    report = check(inputs)
    must_fix = any(c.fails and hit(item, c) for c in report.claims)
    # a "to verify" flag counts only where the clean draft had none on that sentence (a title
    # that is always "to verify" says nothing about the error planted in it)
    already = any(was_flagged(item, c) for c in clean_flags)
    any_level = must_fix or (not already and any(_level(c) and hit(item, c) for c in report.claims))
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
        "flagged_in_clean": already,
        "seconds": report.check_seconds,
    }


# ---------------------------------------------------------------- is this claim the planted one?


def _plain(text: str) -> str:
    return normalize(text).rstrip("。．.!！?？ ")


def _changed_span(before: str, after: str) -> tuple[int, int]:
    prefix = 0
    while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(before), len(after)) - prefix
        and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]
    ):
        suffix += 1
    low, high = prefix, len(after) - suffix
    if high <= low:  # a pure deletion: the characters either side of the gap
        low, high = max(0, prefix - 1), min(len(after), prefix + 1)
    return low, high


def hit(item: Planted, claim: ClaimReport) -> bool:
    """Whether `claim` is about the planted change: the changed sentence (or a piece of it that
    holds the change), the changed comment id, or the changed URL."""
    sentence = _plain(claim.sentence)
    if item.kind == "link" and item.section == "links":
        target = _plain(item.target)
        return bool(target) and (target in sentence or sentence.rstrip("/") == target.rstrip("/"))
    if item.kind == "comment_id" and item.section == "reactions":
        if claim.comment_id != item.target:
            return False
        if item.markdown.count(f"id={item.target}") <= 1:
            return True
        context = _plain(item.context)
        return not sentence or sentence in context or context in sentence
    return _overlaps(item, sentence)


def was_flagged(item: Planted, claim: ClaimReport) -> bool:
    """Whether `claim` of the clean draft's check is about what the planted change replaced."""
    sentence = _plain(claim.sentence)
    if item.kind == "comment_id" and item.section == "reactions":
        return claim.comment_id == item.before
    before = _plain(item.before)
    if not sentence or not before:
        return False
    return sentence == before or sentence in before or before in sentence


def _overlaps(item: Planted, sentence: str) -> bool:
    before, after = _plain(item.before), _plain(item.after)
    if not sentence or not after:
        return False
    if sentence == after or after in sentence:
        return True
    low, high = _changed_span(before, after)
    at = after.find(sentence)
    while at >= 0:
        if at < high and low < at + len(sentence):
            return True
        at = after.find(sentence, at + 1)
    return False


# ---------------------------------------------------------------- the numbers


def _rates(items: list[dict[str, Any]]) -> dict[str, Any]:
    caught = sum(1 for p in items if p["detected"])
    flagged = sum(1 for p in items if p["flagged_any"])
    return {
        "flagged_in_clean": sum(1 for p in items if p["flagged_in_clean"]),
        "total": len(items),
        "detected": caught,
        "rate": round(caught / len(items), 4) if items else None,
        "flagged_any": flagged,
        "flagged_any_rate": round(flagged / len(items), 4) if items else None,
        "missed": [f"{p['case']}: {p['change']}" for p in items if not p["detected"]],
    }


def _by(items: list[dict[str, Any]], key: str, keys: Iterable[str]) -> dict[str, Any]:
    return {k: _rates([p for p in items if p[key] == k]) for k in keys}


def _clean_stats(clean: list[dict[str, Any]]) -> dict[str, Any]:
    drafts = len(clean)
    flagged = sum(1 for c in clean if c["flagged"])
    must_fix = sum(c["must_fix"] for c in clean)
    verify = sum(c["verify"] for c in clean)
    return {
        "total": drafts,
        "flagged": flagged,
        "rate": round(flagged / drafts, 4) if drafts else 0.0,
        "must_fix_items": must_fix,
        "must_fix_per_draft": round(must_fix / drafts, 4) if drafts else 0.0,
        "verify_items": verify,
        "verify_per_draft": round(verify / drafts, 4) if drafts else 0.0,
        "strict_claims": sum(c["strict_claims"] for c in clean),
        "strict_claims_flagged": sum(c["strict_flagged"] for c in clean),
        "listed_for_editor": sum(c["listed"] for c in clean),
    }


def _group_stats(
    suite: Suite, clean: list[dict[str, Any]], changed: list[dict[str, Any]]
) -> dict[str, Any]:
    generated = [p for p in changed if p["group"] == GENERATED]
    hand = [p for p in changed if p["group"] == HAND]
    hand_stats = _rates(hand)
    hand_stats["by_kind"] = {k: v for k, v in _by(hand, "kind", KINDS).items() if v["total"]}
    hand_stats["by_section"] = {
        k: v for k, v in _by(hand, "section", SECTIONS).items() if v["total"]
    }
    return {
        "clean": _clean_stats(clean),
        "detection": _by(generated, "kind", suite.perturbations),
        "detection_by_section": _by(generated, "section", SECTIONS),
        "hand_planted": hand_stats,
    }


def _summarise(
    suite: Suite, clean: list[dict[str, Any]], changed: list[dict[str, Any]], seconds: float
) -> dict[str, Any]:
    stats = _group_stats(suite, clean, changed)
    failures = []
    clean_stats = stats["clean"]
    limits = suite.thresholds
    if clean_stats["rate"] > limits.false_alarm_rate_max:
        failures.append(
            f"false-alarm rate {clean_stats['rate']:.3f} > {limits.false_alarm_rate_max}"
        )
    per_draft = limits.false_must_fix_per_draft_max
    if per_draft is not None and clean_stats["must_fix_per_draft"] > per_draft:
        failures.append(
            f"false must-fix items per clean draft {clean_stats['must_fix_per_draft']:.3f} "
            f"> {per_draft}"
        )
    for kind, minimum in limits.detection_min.items():
        rate = stats["detection"].get(kind, {}).get("rate")
        if rate is None:
            failures.append(f"{kind}: no perturbation of this kind could be made")
        elif rate < minimum:
            failures.append(f"{kind}: detection {rate:.3f} < {minimum}")
    splits = sorted({c["split"] for c in clean if c["split"]})
    timings = [p["seconds"] for p in changed] + [c["seconds"] for c in clean]
    generated = [p for p in changed if p["group"] == GENERATED]
    return {
        "suite": suite.name,
        "passed": not failures,
        "failures": failures,
        **stats,
        "splits": {
            name: _group_stats(
                suite,
                [c for c in clean if c["split"] == name],
                [p for p in changed if p["split"] == name],
            )
            for name in splits
        },
        "perturbations": len(generated),
        "check_seconds_max": round(max(timings), 3) if timings else 0.0,
        "check_seconds_mean": round(sum(timings) / len(timings), 3) if timings else 0.0,
        "seconds": round(seconds, 2),
        "clean_cases": clean,
        "perturbed_cases": generated,
        "hand_planted_cases": [p for p in changed if p["group"] == HAND],
    }


def summary_lines(result: dict[str, Any]) -> list[str]:
    """The result as `drafter eval` and benchmarks/check_heldout.py print it."""
    lines = [f"suite {result['suite']}: {result['suite_path']}"]
    blocks: list[tuple[str, dict[str, Any]]] = [("", result)]
    if len(result.get("splits", {})) > 1 or result.get("split", "all") == "all":
        blocks += list(result.get("splits", {}).items())
    for label, stats in blocks:
        clean = stats["clean"]
        if label:
            lines.append(f"{label} split:")
        lines.append(
            f"  {clean['total']} clean drafts, {clean['flagged']} flagged "
            f"(false-alarm rate {clean['rate']:.1%}); "
            f"must-fix items {clean['must_fix_items']} ({clean['must_fix_per_draft']:.2f} per "
            f"draft), to verify {clean['verify_items']} ({clean['verify_per_draft']:.2f} per draft)"
        )
        if not label:
            lines.append(
                f"  {result['perturbations']} perturbations; clean claims in failing sections: "
                f"{clean['strict_claims']}, flagged {clean['strict_claims_flagged']}; "
                f"listed for the editor: {clean['listed_for_editor']}"
            )
        lines.append(
            "  detection per kind (must fix; any level = must fix, or to verify where the clean "
            "draft had no flag):"
        )
        lines += _rate_lines(stats["detection"])
        lines.append("  detection per section:")
        lines += _rate_lines(stats["detection_by_section"])
        hand = stats["hand_planted"]
        if hand["total"]:
            lines.append(
                f"  hand-planted: {hand['detected']}/{hand['total']} detected "
                f"({hand['rate']:.1%}), {hand['flagged_any']} flagged at any level"
            )
            lines += _rate_lines(hand["by_kind"])
    lines += style.eval_lines(result["clean_cases"])
    return lines


def _rate_lines(groups: dict[str, Any]) -> list[str]:
    lines = []
    for name, stats in groups.items():
        if not stats["total"]:
            lines.append(f"    {name:<14}   -")
            continue
        lines.append(
            f"    {name:<14} {stats['detected']:>3}/{stats['total']:<3} detected  "
            f"{stats['rate']:.1%}   any level {stats['flagged_any_rate']:.1%}"
            f"   (flagged in clean: {stats['flagged_in_clean']})"
        )
    return lines


def junit_xml(result: dict[str, Any]) -> str:
    cases: list[ET.Element] = []
    for item in result["clean_cases"]:
        element = ET.Element("testcase", classname="clean", name=item["case"])
        if item["flagged"]:
            failure = ET.SubElement(element, "failure", message="clean draft flagged")
            failure.text = "\n".join(f"[{f['section']}] {f['sentence']}" for f in item["failing"])
        cases.append(element)
    minimums = {}
    for failure in result["failures"]:
        minimums[failure.split(":")[0]] = failure
    for kind, stats in result["detection"].items():
        element = ET.Element("testcase", classname="detection", name=kind)
        message = minimums.get(kind)
        if message:
            failure = ET.SubElement(element, "failure", message=message)
            failure.text = "\n".join(stats["missed"])
        cases.append(element)
    suite = ET.Element(
        "testsuite",
        name=f"drafter eval {result['suite']}",
        tests=str(len(cases)),
        failures=str(sum(1 for c in cases if c.find("failure") is not None)),
        time=str(result["seconds"]),
    )
    suite.extend(cases)
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
