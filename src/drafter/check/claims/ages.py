"""A person's age, as Japanese news gives it (「スレンプさん（33）」, 「33歳の」) and as the
source does ("Slemp, 33,", "the 33-year-old", "aged 33"): an age is proved wrong by the age the
anchored sentences give, not by whatever other figure sits near it."""

from __future__ import annotations

import re

from drafter.lang.quantities import Quantity

# 「スレンプさん（33）」, 「トランプ氏(79)」, 「ムラード容疑者（25）」: a figure in brackets
# straight after a person (a title, or a name in katakana)
_BRACKETED = re.compile(
    r"(?:さん|氏|容疑者|被告人?|選手|監督|議員|君|くん|ちゃん|夫人|[ァ-ヺー])[（(](\d{1,3})[)）]"
)
_YEARS_OLD = re.compile(r"(\d{1,3})歳")


def claim_ages(text: str, quantities: list[Quantity]) -> dict[int, bool]:
    """The claim's quantities that are ages, by id: True for a person's age in brackets, the
    news form that is nothing else; False for 「33歳」, which may be any age ("under 5" for
    「5歳未満の子ども」). A bound or an approximation is no one's age."""
    bracketed = {m[1] for m in _BRACKETED.finditer(text)}
    said = {m[1] for m in _YEARS_OLD.finditer(text)}
    return {
        id(q): q.text in bracketed
        for q in quantities
        if q.kind == "number"
        and 0 < q.value < 125
        and not (q.approx or q.bound)
        and (q.text in bracketed or (q.unit == "歳" and q.text[:-1] in said))
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
