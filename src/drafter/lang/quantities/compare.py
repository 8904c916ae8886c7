"""Whether a claim's quantity can be the source's (as the words bound both), or says the same
sort of thing so that a different value contradicts it."""

from __future__ import annotations

import math

from drafter.lang.quantities.quantity import Quantity

_COMPATIBLE = {
    "number": {"number", "money", "duration", "year", "percent"},
    "money": {"money", "number"},
    "percent": {"percent"},
    "points": {"points", "percent", "number"},
    "duration": {"duration"},
    "year": {"year", "number"},
    "date": {"date"},
    "month": {"month", "date"},
}


_DATED = ("date", "month", "year", "century")


def same_value(claim: Quantity, source: Quantity) -> bool:
    """Whether a claim's quantity can be the source's: compatible kinds, and the values agree
    as the words bound them (「50人以上」 agrees with 57, 「約60」 with "nearly 60", 「10年」 with
    "a decade"). A value stated exactly must be equal."""
    if source.kind not in _COMPATIBLE.get(claim.kind, {claim.kind}):
        return False
    if claim.kind == "money" and source.kind == "money" and claim.unit != source.unit:
        return False
    if claim.kind == "month" and source.kind == "date":
        return int(source.value) // 100 == int(claim.value)
    if claim.kind == "number" and source.kind == "duration":
        return False
    if source.value == claim.value:
        return True
    if claim.kind == source.kind == "duration" and math.isclose(
        claim.value, source.value, rel_tol=0.005
    ):
        return True  # 1週間 is "seven days" (a week of 12/52 months, a day of 12/365)
    if claim.kind in _DATED or source.kind in _DATED:
        return False  # a date is never "about" another, nor a century
    if _next_whole(claim, source):
        return True  # 「2つ以上」 for "more than one": a count past one is two or more
    if claim.bound and claim.bound == source.bound:
        # 「最大60%」 is not "up to 40%": two bounds of one kind compare as values, but a bound
        # rounded outwards to a round figure says less, not otherwise: 「20人以上」 for "more
        # than two dozen"
        near = abs(source.value - claim.value) <= 0.1 * max(abs(source.value), 1e-9)
        return near or _rounded_outwards(claim, source)
    low, high = interval(claim)
    s_low, s_high = interval(source)
    if claim.bound in (None, "", "about"):
        # a claim of one value for a source's bound renders it ("more than 450,000" as
        # 「約45万人」 or 「50万人近く」), not any value past it: 「約73万5000人」 is not, nor
        # an exact figure finer than a round one (「2360人」 for "more than 2,000 staff")
        if not (claim.bound or claim.approx) and source.bound and _fine(claim.value):
            return False
        s_low, s_high = _rendered_bound(source, s_low, s_high)
    return low <= s_high and s_low <= high


def _next_whole(claim: Quantity, source: Quantity) -> bool:
    """A floor or ceiling of whole counts given as the next count in: English bounds past a
    count ("more than one", "fewer than three"), Japanese from it (2つ以上, 2つ以下)."""
    if claim.bound != source.bound or claim.bound not in ("min", "max"):
        return False
    if not (float(claim.value).is_integer() and float(source.value).is_integer()):
        return False
    step = 1 if claim.bound == "min" else -1
    return claim.value == source.value + step and abs(source.value) < 20


def _rounded_outwards(claim: Quantity, source: Quantity) -> bool:
    """A floor that is no round figure lowered, or such a ceiling raised, by under a quarter to
    a round figure (20, 25, 300, 1.5 million): "more than 24" is also 「20人以上」, "up to 47"
    「最大50」. A round floor stays as it is: 「15%以上」 is not "more than 20%"."""
    value, bound = abs(claim.value), abs(source.value)
    if claim.bound == "min":
        outwards = 0.75 * bound <= value < bound
    elif claim.bound == "max":
        outwards = bound < value <= 1.25 * bound
    else:
        return False  # 「約5000」 is not "around 4,000"
    return outwards and _round(value) and not _round(bound)


def _round(value: float) -> bool:
    """One significant digit, or two ending in 5: 20, 300, 25, 1.5 million."""
    digits = f"{value:.6g}".replace(".", "").lstrip("0").rstrip("0")
    return len(digits) <= 1 or (len(digits) == 2 and digits.endswith("5"))


def _fine(value: float) -> bool:
    """Whether a figure has three significant digits or more (2360, 1.25; not 2000, 45万)."""
    digits = f"{abs(value):.6g}".replace(".", "").replace("-", "")
    digits = digits.split("e")[0].strip("0")
    return len(digits) >= 3


def _rendered_bound(source: Quantity, low: float, high: float) -> tuple[float, float]:
    value = abs(source.value)
    if source.bound == "min":
        return low, value * 1.25
    if source.bound == "max":
        return value * 0.8, high
    return low, high


def interval(quantity: Quantity) -> tuple[float, float]:
    """The values a quantity's words allow: exact, a floor (以上, more than: up to twice it),
    a ceiling (未満, up to: down to half), a band (〜台: up to the next figure of its last
    digit's place), a little over or under (強, 弱: a quarter, a fifth) or about (±10%)."""
    value = abs(quantity.value)
    if quantity.bound == "min":
        return value, value * 2
    if quantity.bound == "max":
        return value / 2, value
    if quantity.bound == "band":
        return value, value + _band_step(value)
    if quantity.bound == "over":  # 1000人強: a little over
        return value, value * 1.25
    if quantity.bound == "under":  # 4割弱, 2日足らず: a little under
        return value * 0.8, value
    if quantity.bound == "about":
        return value * 0.9, value * 1.1
    if quantity.approx:
        return value * 0.9, value * 1.1
    return value, value


def _band_step(value: float) -> float:
    """The place of a figure's last written digit, which 〜台 counts up to: 108円台 is 108 to
    109 yen, 30%台 30 to 40%, 1万円台 10,000 to 20,000 yen, 1.1ドル台 1.1 to 1.2 dollars."""
    text = f"{value:.6g}" if not float(value).is_integer() else str(int(value))
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    return 10.0 ** (len(text) - len(text.rstrip("0"))) if text != "0" else 1.0


def same_kind(claim: Quantity, source: Quantity) -> bool:
    """Two quantities that say the same sort of thing, so a different value contradicts: like
    with like (a month alone is not a date; a count is not a sum of money; index points are
    not a percentage)."""
    if claim.kind != source.kind:
        return False
    if "位" in (claim.unit, source.unit):  # a rank (3位, "third place") is not a count
        return claim.unit == source.unit
    return claim.kind != "money" or claim.unit == source.unit


def missing_quantities(claim: list[Quantity], source: list[Quantity]) -> list[Quantity]:
    """The quantities of a claim that no source quantity matches."""
    return [q for q in claim if not any(same_value(q, s) for s in source)]
