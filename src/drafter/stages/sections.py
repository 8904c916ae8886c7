"""補足説明 and 考察・分析 share one shape: subsections of paragraphs of tagged claims."""

from __future__ import annotations

from drafter.models import Claim, Subsection, SubsectionsSection
from drafter.schemas import AnalysisDraft, BackgroundDraft
from drafter.stages.grounding import SourceIndex, language_issues


def subsection_problems(
    draft: BackgroundDraft | AnalysisDraft, index: SourceIndex, lang: str
) -> list[str]:
    problems: list[str] = []
    for s_no, subsection in enumerate(draft.subsections, start=1):
        problems += language_issues([(f"subsection {s_no} heading", subsection.heading)], lang)
        for p_no, paragraph in enumerate(subsection.paragraphs, start=1):
            for c_no, claim in enumerate(paragraph.claims, start=1):
                where = f"subsection {s_no} paragraph {p_no} claim {c_no}"
                if claim.kind == "source" and not claim.evidence:
                    problems.append(f"{where} is tagged source but has no evidence")
                _, bad = index.resolve_all(claim.evidence)
                problems += [f"{where}: {b}" for b in bad]
                problems += language_issues([(where, claim.text)], lang)
    return problems


def build_section(draft: BackgroundDraft | AnalysisDraft, index: SourceIndex) -> SubsectionsSection:
    return SubsectionsSection(
        subsections=[
            Subsection(
                heading=subsection.heading.strip(),
                paragraphs=[
                    [
                        Claim(
                            text=claim.text.strip(),
                            kind=claim.kind,
                            evidence=index.resolve_all(claim.evidence)[0],
                        )
                        for claim in paragraph.claims
                    ]
                    for paragraph in subsection.paragraphs
                ],
            )
            for subsection in draft.subsections
        ]
    )


def said_lines(section: SubsectionsSection) -> str:
    """Every claim of a section under its heading, one a line: what a later section is told
    not to repeat. Whole claims, not topic sentences: a point left out of the list is the one
    that comes back (a stockpile "is insurance, not a supply chain" in three sections)."""
    lines: list[str] = []
    for subsection in section.subsections:
        lines.append(f"## {subsection.heading}")
        lines += [f"- {claim.text}" for paragraph in subsection.paragraphs for claim in paragraph]
    return "\n".join(lines)
