"""What a claim rests on (`Anchor`) and what a check finds (`Finding`), shared by the checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.lang.align import ENCODED_LANGUAGES

if TYPE_CHECKING:
    from drafter.check.core import Checker
    from drafter.models import SourceSentence

# A claim outside the lead is held to the source only where it is anchored this firmly: its
# best source sentence at least this similar, or sharing a specific figure with it.
ANCHOR_SIM = 0.45
OUTSIDE_LEAD_SIM = 0.55
# what a title restates: the source's headline and its first sentences
TITLE_LEAD = 6
NAMED_SIM = 0.35  # enough when the claim also names someone the source sentence names


@dataclass
class Finding:
    check: str  # numbers, names, quotes, hedges, alignment
    must: bool
    reason: str
    source_id: str | None = None  # the source sentence it is about, where there is one


@dataclass
class Anchor:
    """What a claim rests on: its evidence ids, the closest of them and how firmly."""

    ids: list[str]
    closest: list[str]
    best: float
    recorded: bool
    support: list[str] = field(default_factory=list)
    shares_figure: bool = False
    figure_ids: list[str] = field(default_factory=list)  # the sentences holding those figures
    shares_name: bool = False  # a name of the claim is in the anchored source sentences
    # the claim's names that are in the article but not in the anchored sentences (as spelt there)
    named_elsewhere: list[str] = field(default_factory=list)
    own_knowledge: bool = False  # the run tagged the claim background or opinion

    def firm(self, section: str) -> bool:
        if self.recorded or self.shares_figure:
            return True
        if section in ("lead", "title"):
            return self.best >= ANCHOR_SIM or (self.shares_name and self.best >= NAMED_SIM)
        return self.best >= OUTSIDE_LEAD_SIM


def not_in_source(checker: Checker, label: str) -> Finding:
    """A figure (or record) the source does not state anywhere the check can find: to verify."""
    return Finding(
        "numbers",
        False,
        checker.say(
            f"「{label}」は原文に見当たりません（出典の確認を）",
            f"「{label}」 is not in the source",
        ),
    )


def cite(sentence: SourceSentence, limit: int = 90) -> str:
    text = " ".join(sentence.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote_not_found(checker: Checker, content: str, span: str) -> Finding:
    """A quotation the source's quotations do not match: to verify. Where the encoder does not
    read the source's language (Norwegian, isiZulu: a faithful rendering scored as low as an
    invented one, rounds DB and DC) the reason says the match could not be made."""
    where = f" “{span[:70]}”" if span else ""
    quoted = f"引用「{content[:40]}」", f"the quotation 「{content[:40]}」"
    if checker.source_language not in ENCODED_LANGUAGES:
        ja = f"{quoted[0]}は原文の言語では照合できません（発言の確認を）"
        en = f"{quoted[1]} cannot be matched in the source's language (check the speaker's words)"
    else:
        ja, en = f"{quoted[0]}に当たる発言が原文にありません", f"{quoted[1]} is not in the source"
    closest = (f"（最も近い引用:{where}）", f" (closest:{where})") if where else ("", "")
    return Finding("quotes", False, checker.say(ja + closest[0], en + closest[1]))
