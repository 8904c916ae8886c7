"""Whether an English text writes a number anywhere, in digits at any scale or in words: the
test that tells a misread figure (the text writes it, the reader took another) from one a
draft made up."""

from __future__ import annotations

import math
import re
import unicodedata

from drafter.lang.quantities.english_words import ORDINALS, WORDS
from drafter.lang.quantities.quantity import Quantity

_MULTIPLES = {"double": 2, "twice": 2, "doubled": 2, "triple": 3, "tripled": 3, "thrice": 3,
              "quadruple": 4, "half": 0.5}  # fmt: skip
_NAMED = {**WORDS, **ORDINALS, **_MULTIPLES}


def writes_number(text: str, values: list[float], *, words: bool = True, scale: int = 1000) -> bool:
    """Whether `text` writes one of `values` anywhere, as a figure of its own at any scale of
    thousands (350 of "350-375 million", 4 of "$4,000"), or in words ("ten", "double", "a
    couple", "third"; not with `words` off). A contradiction by such a text's other figure is
    then a misreading of one side, not a figure the draft made up. Korean and Chinese count
    in ten thousands (`scale` 10000: 3억 is 3 × 10^8, never 3 billion)."""
    text = unicodedata.normalize("NFKC", text)
    if 0 in values and re.search(r"(?<![\d.,])0(?![\d.,]?\d)", text):
        return True  # "59-0": a zero written as a figure (no scale makes it another)
    wanted = [v for v in values if v]
    if not wanted:
        return False
    for token in re.findall(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?", text):
        number = float(token.replace(",", ""))
        if number and any(
            math.isclose(number * scale**k, v, rel_tol=1e-9) for k in range(5) for v in wanted
        ):
            return True
    if not words:
        return False
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in ("a", "an", "few", "single"):
            continue  # "a" is one only before a noun of measure: no evidence on its own
        if word in _NAMED and any(math.isclose(_NAMED[word], v) for v in wanted):
            return True
    return False


def written_values(quantity: Quantity) -> list[float]:
    """The numbers a quantity may be written as: its value, and for a duration the one
    numeral it writes (3.2 of 3.2年: 38.4 months; 10 of 10分). None for a date."""
    if quantity.kind in ("date", "month", "year", "century"):
        return []
    if not quantity.value:
        return [0.0] if quantity.kind == "number" else []  # 「59対0」's 0, as "59-0" writes it
    numerals = re.findall(r"\d+(?:\.\d+)?", quantity.text)
    wanted = [quantity.value]
    if quantity.kind == "duration" and len(numerals) == 1:
        wanted.append(float(numerals[0]))
    return wanted


# 「1秒も迷わなかった」, 「1人も死ななかった」: one, then も and a negative, is "not a single"
_NOT_ONE = re.compile(r"(?<![\d.,])1[^\d.,\s]{0,3}も[^。！？]{0,12}(?:ない|なかっ|ません|ず)")


def not_a_single(quantity: Quantity, text: str) -> bool:
    """Whether a Japanese "1…も" with a negative after it states no figure but none at all
    ("keine Sekunde überlegt", "no one died")."""
    return bool(re.match(r"1(?![\d.,])", quantity.text) and _NOT_ONE.search(text))
