"""`drafter eval`'s numbers: detection and false-alarm rates (overall, per kind, section and
split), the suite's thresholds, and the result as summary lines and JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

from drafter.check import style
from drafter.evaluation.plant import KINDS, SECTIONS
from drafter.evaluation.suites import Suite

GENERATED, HAND = "generated", "hand-planted"


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


def summarise(
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
            "draft had no flag or gains a reason naming the change):"
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
