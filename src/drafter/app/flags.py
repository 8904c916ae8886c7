"""The fact check's flags as the editor's review queue.

A flag is a claim the check marked must-fix (`fails`) or could not confirm (verdict contradicted
or unsupported without `fails`: to verify). Each is identified by its section, its sentence
(normalised: NFKC, no whitespace) and the check that decided it, so an editor's answer to it
(archive.flag_reviews: fixed, or not a problem with a reason) holds across re-checks for as long
as the sentence is unchanged. A flag whose sentence is no longer in the text (edited away,
regenerated) is gone: it is not listed, and it counts as fixed in the next re-check's delta.

Reports are read defensively: a report written by another drafter version may miss fields or
carry new ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.render import unescape
from drafter.run.archive import FlagReview, sentence_key

# Claims that are not sentences of the draft text (a URL, a book record): never "gone".
NOT_SENTENCES = ("links", "books")
FLAGGED_VERDICTS = ("contradicted", "unsupported")

Key = tuple[str, str, str]  # section, normalised sentence, check kind


@dataclass
class Flag:
    section: str
    sentence: str
    verdict: str
    must_fix: bool
    kind: str
    reasons: list[str]
    evidence: list[dict[str, str]]
    comment_id: str | None
    review: FlagReview | None = None
    number: int = 0  # 1-based place in the queue

    @property
    def key(self) -> Key:
        return (self.section, sentence_key(self.sentence), self.kind)

    @property
    def status(self) -> str:
        """'open', 'dismissed' (not a problem, with a reason) or 'fixed'."""
        return self.review.action if self.review is not None else "open"

    @property
    def anchor(self) -> str:
        return f"flag-{self.number}"


@dataclass
class Queue:
    flags: list[Flag] = field(default_factory=list)  # open ones first, must-fix first
    fixed: list[FlagReview] = field(default_factory=list)  # recorded fixes, sentence gone
    # the check's style findings (advice on the prose: never flags, never block anything)
    style: list[dict[str, Any]] = field(default_factory=list)

    @property
    def open(self) -> list[Flag]:
        return [f for f in self.flags if f.status == "open"]

    @property
    def done(self) -> list[Flag]:
        return [f for f in self.flags if f.status != "open"]

    @property
    def must_fix(self) -> int:
        return sum(1 for f in self.open if f.must_fix)

    @property
    def verify(self) -> int:
        return sum(1 for f in self.open if not f.must_fix)

    def of_section(self, section: str) -> list[Flag]:
        return [f for f in self.flags if f.section == section]

    def open_keys(self) -> set[Key]:
        return {f.key for f in self.open}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _claims(report: dict[str, Any] | None) -> list[dict[str, Any]]:
    claims = (report or {}).get("claims")
    return [c for c in claims if isinstance(c, dict)] if isinstance(claims, list) else []


def flagged(report: dict[str, Any] | None) -> list[Flag]:
    """The report's flags, each once (a claim listed twice is one flag)."""
    found: dict[Key, Flag] = {}
    for claim in _claims(report):
        verdict = _text(claim.get("verdict"))
        fails = claim.get("fails") is True
        if not fails and verdict not in FLAGGED_VERDICTS:
            continue
        reasons = claim.get("reasons")
        evidence = claim.get("evidence")
        flag = Flag(
            section=_text(claim.get("section")) or "?",
            sentence=_text(claim.get("sentence")),
            verdict=verdict,
            must_fix=fails,
            kind=_text(claim.get("decided_by")) or "check",
            reasons=[str(r) for r in reasons] if isinstance(reasons, list) else [],
            evidence=[
                {"id": _text(e.get("id")), "text": _text(e.get("text"))}
                for e in (evidence if isinstance(evidence, list) else [])
                if isinstance(e, dict)
            ],
            comment_id=_text(claim.get("comment_id")) or None,
        )
        if flag.key in found:
            kept = found[flag.key]
            kept.must_fix = kept.must_fix or flag.must_fix
            kept.reasons += [r for r in flag.reasons if r not in kept.reasons]
        else:
            found[flag.key] = flag
    return list(found.values())


def present(flag: Flag, texts: dict[str, str]) -> bool:
    """Whether the flagged sentence is still in its section's current text."""
    if flag.section in NOT_SENTENCES or flag.section not in texts:
        return True
    wanted = sentence_key(flag.sentence)
    return not wanted or wanted in sentence_key(unescape(texts[flag.section]))


def queue(report: dict[str, Any] | None, reviews: list[FlagReview], texts: dict[str, str]) -> Queue:
    """The review queue of a draft: the report's flags whose sentence is still in the text,
    with the editor's answers laid over them; open ones first, must-fix first, then in the
    order of the draft."""
    # A dismissal holds while its sentence is there; a fix is a record of what was done (if
    # the sentence comes back, by an undo, its flag is open again).
    answers = {(r.section, r.sentence_key, r.kind): r for r in reviews if r.action == "dismissed"}
    order = {key: n for n, key in enumerate(texts)}
    flags = [f for f in flagged(report) if present(f, texts)]
    for flag in flags:
        flag.review = answers.get(flag.key)
    shown = {f.key for f in flags}
    fixed = [
        r
        for r in reviews
        if r.action == "fixed"
        and (r.section, r.sentence_key, r.kind) not in shown
        and not present(_as_flag(r), texts)
    ]
    flags.sort(key=lambda f: (f.status != "open", not f.must_fix, order.get(f.section, len(order))))
    for number, flag in enumerate(flags, start=1):
        flag.number = number
    style = [f for f in (report or {}).get("style") or [] if isinstance(f, dict)]
    return Queue(flags, fixed, style)


def _as_flag(review: FlagReview) -> Flag:
    return Flag(review.section, review.sentence, "", review.must_fix, review.kind, [], [], None)


def report_keys(report: dict[str, Any] | None, reviews: list[FlagReview]) -> set[Key]:
    """The flags of a report the editor has not dismissed (whether or not their sentence is
    still in the text): what a re-check is compared against."""
    dismissed = {(r.section, r.sentence_key, r.kind) for r in reviews if r.action == "dismissed"}
    return {f.key for f in flagged(report)} - dismissed


def delta(before: set[Key], after: set[Key]) -> tuple[int, int]:
    """(fixed, new) between two checks' flags: what a re-check changed."""
    return len(before - after), len(after - before)
