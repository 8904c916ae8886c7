"""A person's age, as Japanese news gives it (「スレンプさん（33）」, 「33歳の」) and as the
source does ("Slemp, 33,", "the 33-year-old", "aged 33"): an age is proved wrong by the age the
anchored sentences give, not by whatever other figure sits near it."""

from __future__ import annotations

import re

from drafter.lang.quantities import Quantity
from drafter.lang.sounds import transliteration_match
from drafter.models import GlossaryEntry

# the titles Japanese news puts between a person and an age in brackets
_TITLES = r"(?:さん|氏|容疑者|被告人?|選手|監督|議員|君|くん|ちゃん|夫人)"
# 「スレンプさん（33）」, 「トランプ氏(79)」, 「ムラード容疑者（25）」: a figure in brackets
# straight after a person (a title, or a name in katakana)
_BRACKETED = re.compile(rf"(?:{_TITLES}|[ァ-ヺー])[（(](\d{{1,3}})[)）]")


def claim_ages(text: str, quantities: list[Quantity]) -> dict[int, bool]:
    """The claim's quantities that are ages, by id: True for a person's age in brackets, the
    news form that is nothing else; False for 「33歳」, which may be any age ("under 5" for
    「5歳未満の子ども」). A bound or an approximation is no one's age."""
    bracketed = {m[1] for m in _BRACKETED.finditer(text)}
    return {
        id(q): q.text in bracketed
        for q in quantities
        if q.kind == "number"
        and 0 < q.value < 125
        and not (q.approx or q.bound)
        and (q.text in bracketed or q.unit == "歳")
    }


def source_age(sentence: str, quantity: Quantity) -> bool:
    """Whether the source sentence gives this figure as someone's age: "Slemp, 33, who…",
    "Jane Doe (33)", "the 33-year-old", "aged 33", "33 years old"."""
    if quantity.kind != "number" or not quantity.text.isdigit():
        return False
    n = re.escape(quantity.text)
    return bool(
        re.search(rf"[A-Z][\w'’.-]*,\s+{n}\s*[,)]|[A-Z][\w'’.-]*\s+\({n}\)", sentence)
        or re.search(rf"\b{n}-year-old|\baged\s+{n}\b|\b{n}\s+years?\s+old\b", sentence, re.I)
    )


# the person an age is given for: 「スレンプさん（33）」, "Slemp, 33,", "Jane Doe (33)"
_HOLDER_JA = re.compile(rf"([ァ-ヺー]{{2,}}|[一-龥]{{1,4}}){_TITLES}?[（(](\d{{1,3}})[)）]")


def same_holder(
    claim: str, quantity: Quantity, sentence: str, rival: Quantity, glossary: list[GlossaryEntry]
) -> bool:
    """Whether the source's age may be that of the person the claim gives its age for: unless
    both name someone and the names differ (「トランプ氏（79）」 from the writer's knowledge, its
    sentence giving "Biden, 82," is no wrong age). A name read from the glossary or by sound."""
    ours = next((m[1] for m in _HOLDER_JA.finditer(claim) if m[2] == quantity.text), None)
    n = re.escape(rival.text)
    theirs = re.search(rf"([A-Z][\w'’.-]*)(?:,\s+{n}\s*[,)]|\s+\({n}\))", sentence)
    if not ours or not theirs:
        return True
    word = theirs[1]
    return transliteration_match(ours, word) >= 1.0 or any(
        ours in entry.target and word in entry.source for entry in glossary
    )
