"""Is this claim the planted one? A claim of the check matches a planted error when it is about
the changed sentence (or a piece of it that holds the change), comment id or URL."""

from __future__ import annotations

import re

from drafter.check.report import ClaimReport
from drafter.evaluation.plant import Planted
from drafter.lang.text import normalize


def _plain(text: str) -> str:
    return normalize(text).rstrip("。．.!！?？ ")


def _unspaced(text: str) -> str:
    return re.sub(r"\s+", "", _plain(text))


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
        # the check joins a reaction's sentences with a space, the planter without one
        context, joined = _unspaced(item.context), _unspaced(claim.sentence)
        return not joined or joined in context or context in joined
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


_QUOTED = re.compile(r"「([^「」]+)」")  # reasons quote what they name in 「」


def new_reason(item: Planted, claim: ClaimReport, clean: list[ClaimReport]) -> bool:
    """Whether `claim` gives a reason the clean draft's check of that sentence did not, quoting
    what the planted change wrote (「ビラヌエバ」 for an invented name): a sentence already listed
    to verify for another reason still shows the editor the planted error."""
    before = _plain(item.before)
    after = _plain(item.after)
    if not before or not after:
        return False
    low, high = _changed_span(before, after)
    changed = after[low:high].strip()
    if not changed:
        return False
    seen = {r for c in clean if was_flagged(item, c) for r in c.reasons}
    for reason in claim.reasons:
        if reason in seen:
            continue
        for quoted in map(_plain, _QUOTED.findall(reason)):
            if changed in quoted or (len(quoted) >= 2 and quoted in changed):
                return True
    return False
