"""Whether a claim's figure may be a slip for a source figure (a rival worth naming): one of
its kind, size and unit."""

from __future__ import annotations

import math
import re
from typing import TypeVar

from drafter.lang.quantities import Quantity

S = TypeVar("S")  # the sentence a rival is found in


def plausible_slip(claim: Quantity, source: Quantity) -> bool:
    """A spelled-out small number ("one of them", "two sides") is a rival only for a figure
    near it (at most twice or half it): 16 nights, or four moons, is not a slip for "one". A
    count of five or fewer is a rival only within five times: 「2枚のアルバム」 counts what the
    sentence names, not the "30-date" tour of its source sentence (a slip, or a changed
    figure, keeps its size: digits swapped, doubled, another round number). No figure more
    than 20 times another is a slip for it. A zero is a slip for no other count or plain
    number (「0から1までの範囲」 against "from zero … to one; … from 0.1-0.2 to 0.3-0.4", whose
    zero is written in words): only a rate or a sum may be cut to zero."""
    if not (source.value and claim.value):
        return claim.kind not in ("number", "duration") or source.value == claim.value
    if claim.kind == source.kind == "year" and _decade(claim) != _decade(source):
        return False  # "the early 2000s" names no year that 2010 could be a slip for
    if claim.kind == source.kind == "duration":
        units = {_time_unit(claim), _time_unit(source)}
        if None not in units and len(units) > 1:
            # 「2〜3時間おき」 is no slip for "20–30 minutes": a slip keeps the unit, or the
            # number (18か月 written 18年)
            numeral = _numeral(claim)
            return numeral is not None and numeral == _numeral(source)
    ratio = max(claim.value, source.value) / min(claim.value, source.value)
    small_count = claim.kind == "number" and min(claim.value, source.value) <= 5
    if source.text.isalpha() and not float(claim.value).is_integer():
        return False  # 全幅1.8m is no slip for "a four-door coupe": a count is whole
    if source.text.isalpha():
        # a spelled-out number is often no count at all ("one of them", "one night"): only a
        # figure near it is a slip for it (「4つの衛星」 is not for "one")
        return ratio <= 2
    if small_count:
        return ratio <= 5
    # 「12歳」 against "lost around 4,000 reais": a slip keeps the figure's order of magnitude
    return ratio <= 20


def nearest_first(claim: Quantity, rivals: list[tuple[S, Quantity]]) -> list[tuple[S, Quantity]]:
    """The rivals, the one nearest the claim's figure by ratio first: the figure a bare count
    most likely stands for (12 for "21 goals", not for "93 points")."""

    def ratio(rival: tuple[S, Quantity]) -> float:
        low, high = sorted((rival[1].value, claim.value))
        return high / low if low else math.inf

    return sorted(rivals, key=ratio)


def _decade(quantity: Quantity) -> bool:
    """The 2000s or 2000年代, a decade (read as its first year)."""
    return bool(re.search(r"\d0(?:['’]?s|年代)$", quantity.text.strip()))


# whole English words only: "three weeks" has "hr" in it
_TIME_UNITS = (
    ("second", r"秒|\bsecs?\b|\bseconds?\b"), ("minute", r"分|\bmins?\b|\bminutes?\b"),
    ("hour", r"時間|\bhrs?\b|\bhours?\b"), ("day", r"日|\bdays?\b"),
    ("week", r"週|\bwks?\b|\bweeks?\b"), ("month", r"[かカヶケヵ箇]月|\bmonths?\b"),
    ("year", r"年|\byrs?\b|\byears?\b|\bdecades?\b"),
)  # fmt: skip


def _time_unit(quantity: Quantity) -> str | None:
    """The unit a duration is written in (時間, "hours"), or None when its text has none."""
    text = quantity.text.lower()
    return next((unit for unit, pattern in _TIME_UNITS if re.search(pattern, text)), None)


def _numeral(quantity: Quantity) -> str | None:
    """The number a quantity writes in digits (18 of 18か月), or None ("three weeks")."""
    found = re.search(r"\d+(?:\.\d+)?", quantity.text.replace(",", ""))
    return found.group(0) if found else None
