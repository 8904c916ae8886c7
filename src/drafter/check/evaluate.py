"""`drafter eval`: run the fact check over a suite of reference drafts and their perturbations.

A suite is a YAML file:

    name: offline
    cases: cases                 # folder of case folders, relative to the suite file
    seeds: [0, 1]                # one set of perturbations per seed
    perturbations: [number, date, name_swap, name_invented, hedge, quote, comment_id, link]
    thresholds:
      false_alarm_rate_max: 0.05
      detection_min: {number: 0.95, date: 0.95, ...}

A case folder holds `draft.md` (a correct Japanese draft written by hand), `source.md` (or
`.html`/`.txt`), and optionally `comments.json` and `glossary.json`. Clean drafts must pass the
check; each perturbation must be flagged at the very sentence, comment or link it changed.

The offline suite (`evals/offline.yaml`) ships inside the wheel as drafter/_bundled/evals, so
`drafter eval` runs it from any folder.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.check import align
from drafter.check.core import Checker, CheckInputs, check
from drafter.check.draft_md import parse_draft
from drafter.check.inputs import CheckUsageError, from_files
from drafter.check.perturb import KINDS, Perturbation, detected, perturbations
from drafter.check.report import STRICT_SECTIONS

_SHIPPED = "offline.yaml"


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    false_alarm_rate_max: float = 0.05
    detection_min: dict[str, float] = Field(default_factory=dict)


class Suite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    cases: str = "cases"
    seeds: list[int] = Field(default_factory=lambda: [0])
    perturbations: list[str] = Field(default_factory=lambda: list(KINDS))
    thresholds: Thresholds = Field(default_factory=Thresholds)


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


def _case_dirs(suite_path: Path, suite: Suite) -> list[Path]:
    root = (suite_path.parent / suite.cases).resolve()
    cases = sorted(p for p in root.iterdir() if (p / "draft.md").is_file()) if root.is_dir() else []
    if not cases:
        raise CheckUsageError(f"No cases (folders with a draft.md) under {root}")
    return cases


def _source_file(case: Path) -> Path:
    for name in ("source.md", "source.txt", "source.html", "source.htm"):
        if (case / name).is_file():
            return case / name
    raise CheckUsageError(f"{case} has no source.md, source.txt or source.html")


def _failing(report: Any) -> list[tuple[str, str, str | None]]:
    return [(c.section, c.sentence, c.comment_id) for c in report.claims if c.fails]


def default_suite() -> Path:
    """The offline suite shipped with drafter: in the wheel, or the checkout's evals/."""
    from drafter.agents import bundled_dir

    return bundled_dir("evals") / _SHIPPED


def run_suite(suite_path: Path, say: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Every case of the suite, clean and perturbed. `say` gets one line of progress per case
    (a full suite takes a minute or more)."""
    suite = load_suite(suite_path)
    suite_path = suite_path.resolve()
    cases = _case_dirs(suite_path, suite)
    tell = say or (lambda _line: None)
    tell(f"suite {suite.name} ({suite_path}): {len(cases)} cases, seeds {suite.seeds}")
    load_seconds = align.load()
    if load_seconds:
        tell(f"sentence encoder loaded in {load_seconds:.1f} s")
    started = time.perf_counter()
    clean: list[dict[str, Any]] = []
    perturbed: list[dict[str, Any]] = []
    for number, case in enumerate(cases, start=1):
        case_started = time.perf_counter()
        clean_result, perturbed_results = _run_case(suite, case)
        clean.append(clean_result)
        perturbed += perturbed_results
        caught = sum(1 for p in perturbed_results if p["detected"])
        tell(
            f"[{number}/{len(cases)}] {case.name}: clean draft "
            f"{'FLAGGED' if clean_result['flagged'] else 'passed'}, "
            f"{caught}/{len(perturbed_results)} perturbations detected, "
            f"{time.perf_counter() - case_started:.1f} s"
        )
    result = _summarise(suite, clean, perturbed, time.perf_counter() - started)
    result["suite_path"] = str(suite_path)
    return result


def _run_case(suite: Suite, case: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    glossary = case / "glossary.json"
    comments = case / "comments.json"
    inputs = from_files(
        case / "draft.md",
        str(_source_file(case)),
        comments=str(comments) if comments.is_file() else None,
        glossary_path=glossary if glossary.is_file() else None,
    )
    report = check(inputs)
    strict = [c for c in report.claims if c.section in STRICT_SECTIONS]
    clean = {
        "case": case.name,
        "flagged": not report.ok,
        "strict_claims": len(strict),
        "strict_flagged": sum(1 for c in strict if c.fails),
        "listed": sum(1 for c in report.claims if not c.fails and c.verdict == "unsupported"),
        "failing": [{"section": s, "sentence": t, "comment_id": c} for s, t, c in _failing(report)],
        "seconds": report.check_seconds,
    }
    return clean, _run_perturbations(suite, case, inputs)


def _run_perturbations(suite: Suite, case: Path, inputs: CheckInputs) -> list[dict[str, Any]]:
    markdown = (case / "draft.md").read_text(encoding="utf-8")
    source_q = Checker(inputs).all_q
    ids = [c.id for c in inputs.thread.comments] if inputs.thread else []
    seen: set[str] = set()
    results: list[dict[str, Any]] = []
    for seed in suite.seeds:
        for item in perturbations(
            markdown,
            glossary=inputs.glossary,
            source_q=source_q,
            comment_ids=ids,
            seed=seed,
            kinds=tuple(suite.perturbations),
        ):
            if item.markdown in seen:
                continue
            seen.add(item.markdown)
            results.append(_run_perturbation(inputs, case.name, item))
    return results


def _run_perturbation(inputs: CheckInputs, case: str, item: Perturbation) -> dict[str, Any]:
    inputs.draft = parse_draft(item.markdown)
    report = check(inputs)
    hit = detected(item, _failing(report))
    return {
        "case": case,
        "kind": item.kind,
        "change": item.description,
        "target": item.target,
        "detected": hit,
        "seconds": report.check_seconds,
    }


def _summarise(
    suite: Suite, clean: list[dict[str, Any]], perturbed: list[dict[str, Any]], seconds: float
) -> dict[str, Any]:
    per_kind: dict[str, dict[str, Any]] = {}
    for kind in suite.perturbations:
        items = [p for p in perturbed if p["kind"] == kind]
        caught = sum(1 for p in items if p["detected"])
        per_kind[kind] = {
            "total": len(items),
            "detected": caught,
            "rate": round(caught / len(items), 4) if items else None,
            "missed": [f"{p['case']}: {p['change']}" for p in items if not p["detected"]],
        }
    false_alarms = sum(1 for c in clean if c["flagged"])
    false_alarm_rate = false_alarms / len(clean) if clean else 0.0
    failures = []
    if false_alarm_rate > suite.thresholds.false_alarm_rate_max:
        failures.append(
            f"false-alarm rate {false_alarm_rate:.3f} > {suite.thresholds.false_alarm_rate_max}"
        )
    for kind, minimum in suite.thresholds.detection_min.items():
        rate = per_kind.get(kind, {}).get("rate")
        if rate is None:
            failures.append(f"{kind}: no perturbation of this kind could be made")
        elif rate < minimum:
            failures.append(f"{kind}: detection {rate:.3f} < {minimum}")
    timings = [p["seconds"] for p in perturbed] + [c["seconds"] for c in clean]
    return {
        "suite": suite.name,
        "passed": not failures,
        "failures": failures,
        "clean": {
            "total": len(clean),
            "flagged": false_alarms,
            "rate": round(false_alarm_rate, 4),
            "strict_claims": sum(c["strict_claims"] for c in clean),
            "strict_claims_flagged": sum(c["strict_flagged"] for c in clean),
            "listed_for_editor": sum(c["listed"] for c in clean),
        },
        "detection": per_kind,
        "perturbations": len(perturbed),
        "check_seconds_max": round(max(timings), 3) if timings else 0.0,
        "check_seconds_mean": round(sum(timings) / len(timings), 3) if timings else 0.0,
        "seconds": round(seconds, 2),
        "clean_cases": clean,
        "perturbed_cases": perturbed,
    }


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
