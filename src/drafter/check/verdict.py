"""A claim's verdict: from its findings (must-fix, then to verify), else from its section and
how well it aligns with the source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.check.claims import Anchor, Finding
from drafter.check.draft_md import DraftSentence
from drafter.check.report import ClaimReport, SourceRef

if TYPE_CHECKING:
    from drafter.check.core import Checker

# Alignment thresholds, set on the hand-written reference drafts in evals/cases and the dev
# split of evals/heldout: a lead sentence whose best source match is below UNSUPPORTED_BELOW and
# that shares no number or name with the source is listed to verify.
UNSUPPORTED_BELOW = 0.30
SUPPORTED_ABOVE = 0.45


def claim_verdict(
    checker: Checker, claim: DraftSentence, anchor: Anchor, findings: list[Finding]
) -> ClaimReport:
    must = [f for f in findings if f.must]
    verify = [f for f in findings if not f.must]
    reasons = [f.reason for f in must + verify]
    refs = [SourceRef(id=i, text=checker.by_id[i].text) for i in anchor.ids]
    best = anchor.best
    weak = best < UNSUPPORTED_BELOW and not anchor.support and not anchor.recorded
    kind = checker.kind_of(claim)
    if anchor.recorded:
        anchor.support.append("evidence")
    if must:
        verdict, decided = "contradicted", must[0].check
    elif verify:
        verdict, decided = "unsupported", verify[0].check
    elif claim.section in ("lead", "title"):
        if weak and claim.section == "lead":
            verdict, decided = "unsupported", "alignment"
            near = checker.by_id[anchor.closest[0]] if anchor.closest else None
            cite = f"{near.id}: “{near.text[:70]}”" if near else ""
            reasons.append(
                checker.say(
                    "原文に対応する文が見つかりません" + (f"（最も近い文 {cite}）" if cite else ""),
                    "no source sentence says this" + (f" (closest, {cite})" if cite else ""),
                )
            )
        else:
            verdict = "supported"
            decided = "+".join(sorted(set(anchor.support))) or "alignment"
    elif kind in ("background", "opinion"):
        verdict, decided = kind, "run"
    elif anchor.recorded:
        # the run tagged it as the source's and recorded where: held to those sentences above,
        # so with no finding it is supported by them, whatever the embeddings say
        verdict, decided = "supported", "evidence"
    elif best >= SUPPORTED_ABOVE:
        verdict, decided = "supported", "alignment"
    else:
        verdict = "background" if claim.section == "background" else "opinion"
        decided = "section"
    if verdict in ("background", "opinion"):
        refs = []
    return ClaimReport(
        section=claim.section,
        sentence=claim.text,
        verdict=verdict,
        evidence=refs,
        decided_by=decided,
        reasons=reasons,
        similarity=round(best, 3),
        fails=bool(must),
    )
