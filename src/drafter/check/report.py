"""The fact-check report: one entry per claim, with its verdict, evidence, check and reasons."""

from __future__ import annotations

from collections import Counter
from typing import Literal, get_args

from pydantic import BaseModel, Field, computed_field

from drafter.sections import in_draft_order

Verdict = Literal["supported", "contradicted", "unsupported", "background", "opinion"]
# Sections whose problems fail the check (exit 1); the others are listed for the editor. Each
# section says so in drafter.sections; 参考リンク (built by code, every URL checked) is strict.
STRICT_SECTIONS = (*(s.key for s in in_draft_order() if s.strict), "links")
# Claims that are not sentences of the draft: URLs and book entries.
NOT_SENTENCES = ("links", "books")


class SourceRef(BaseModel):
    id: str
    text: str


class ClaimReport(BaseModel):
    section: str
    sentence: str
    verdict: Verdict
    evidence: list[SourceRef] = Field(default_factory=list)
    decided_by: str = Field(description="the check that decided the verdict")
    reasons: list[str] = Field(default_factory=list)
    similarity: float | None = Field(default=None, description="best alignment score, 0–1")
    comment_id: str | None = None
    fails: bool = False


StyleKind = Literal[
    "repeated_ending",
    "repeated_claim",
    "one_sentence_paragraph",
    "about_the_article",
    "register_slip",
    "long_lead_sentence",
]
STYLE_KINDS: tuple[StyleKind, ...] = get_args(StyleKind)


class StyleFinding(BaseModel):
    """Advice on the prose (drafter.check.style); never a reason to fail the check."""

    kind: StyleKind
    section: str
    sentences: list[str] = Field(default_factory=list)
    detail: str = Field(description="what to change, in the draft's language")
    other_section: str | None = Field(default=None, description="repeated_claim: where else")
    similarity: float | None = None


class JudgeInfo(BaseModel):
    status: Literal["off", "ran", "failed"]
    detail: str
    model: str | None = None
    calls: int = 0
    cached: int = 0


class CheckReport(BaseModel):
    draft: str
    source: str
    lang: str
    claims: list[ClaimReport]
    judge: JudgeInfo
    layout: str = Field(
        default="sections",
        description='"lead only" when the draft has no section headings: every sentence was '
        "checked as lead text",
    )
    model_load_seconds: float = 0.0
    check_seconds: float = Field(default=0.0, description="layer 1, models already loaded")
    judge_seconds: float = 0.0
    style: list[StyleFinding] = Field(
        default_factory=list, description="style advice for the editor; never fails the check"
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sentences_checked(self) -> int:
        """The draft's sentences that got a verdict (title and reactions included)."""
        return sum(self.sentences_by_section.values())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sentences_by_section(self) -> dict[str, int]:
        return dict(Counter(c.section for c in self.claims if c.section not in NOT_SENTENCES))

    @property
    def failures(self) -> list[ClaimReport]:
        return [c for c in self.claims if c.fails]

    @property
    def ok(self) -> bool:
        """Nothing to fix, and something was checked: an empty check proves nothing."""
        return not self.failures and self.sentences_checked > 0

    def counts(self) -> dict[str, int]:
        return dict(Counter(c.verdict for c in self.claims))

    def summary(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "sentences": self.sentences_checked,
            "claims": len(self.claims),
            "failing": len(self.failures),
            "verdicts": self.counts(),
        }

    def scope(self) -> str:
        """How much was checked, for every way the report is shown."""
        parts = ", ".join(f"{k} {v}" for k, v in self.sentences_by_section.items())
        line = f"{self.sentences_checked} sentences checked" + (f" ({parts})" if parts else "")
        if self.layout == "lead only":
            line += "; no section headings, so every sentence was checked as lead text"
        return line


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_markdown(report: CheckReport) -> str:
    """The readable report: what to verify first, then every claim."""
    verdict = "OK" if report.ok else "needs attention"
    if not report.sentences_checked:
        verdict = "nothing checked"
    lines = [
        f"# drafter check: {verdict}",
        "",
        f"- draft: {report.draft}",
        f"- source: {report.source}",
        f"- {report.scope()}",
        f"- claims: {len(report.claims)}; "
        + ", ".join(f"{k} {v}" for k, v in sorted(report.counts().items())),
        f"- judge (layer 2): {report.judge.status}, {report.judge.detail}",
        "",
    ]
    flagged = [c for c in report.claims if c.fails]
    listed = [
        c for c in report.claims if not c.fails and c.verdict in ("contradicted", "unsupported")
    ]
    for title, group in (
        ("Must fix before publishing", flagged),
        ("For the editor to verify", listed),
    ):
        if not group:
            continue
        lines += [f"## {title}", "", "| section | sentence | verdict | check | why | evidence |"]
        lines.append("|---|---|---|---|---|---|")
        for claim in group:
            evidence = "; ".join(f"{e.id}: {_short(e.text, 60)}" for e in claim.evidence[:2])
            cells = [
                claim.section + (f" ({claim.comment_id})" if claim.comment_id else ""),
                _short(claim.sentence),
                claim.verdict,
                claim.decided_by,
                _short(" / ".join(claim.reasons), 160),
                evidence or "-",
            ]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    lines += _style_lines(report)
    lines += ["## All claims", ""]
    for claim in report.claims:
        mark = "✗" if claim.fails else ("?" if claim.verdict == "unsupported" else "✓")
        ids = ",".join(e.id for e in claim.evidence)
        lines.append(
            f"- {mark} [{claim.section}] {claim.verdict} ({claim.decided_by}"
            f"{', ' + ids if ids else ''}): {_short(claim.sentence, 120)}"
        )
    return "\n".join(lines) + "\n"


def _style_lines(report: CheckReport) -> list[str]:
    """The style findings: counts per kind, then each one. Advice, not a failure."""
    if not report.style:
        return []
    ja = report.lang == "ja"
    counts = Counter(f.kind for f in report.style)
    lines = [
        "## 文章のスタイル" if ja else "## Style",
        "",
        "チェックの合否には影響しない、編集者向けの指摘です。"
        if ja
        else "Advice for the editor; it never fails the check.",
        "",
        "- " + ", ".join(f"{kind} {counts[kind]}" for kind in STYLE_KINDS if counts[kind]),
        "",
    ]
    for finding in report.style:
        quoted = " / ".join(f"「{_short(s, 70)}」" for s in finding.sentences[:2])
        lines.append(
            f"- [{finding.kind}] {finding.section}: {finding.detail}"
            + (f" {quoted}" if quoted else "")
        )
    return [*lines, ""]
