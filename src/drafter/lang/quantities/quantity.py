"""A quantity read from a sentence: its kind, value, unit and how the words bound it."""

from __future__ import annotations

import re
from dataclasses import dataclass

Kind = str  # "number" | "percent" | "money" | "date" | "month" | "year" | "century" | "duration"

# three groups of digits or more joined by points, the last one short: a version (1.8.4, v10.15.7)
# or an address (192.168.1.1), never a figure (not 1.8 and 4); 2019.3.1 and 1.3.2019 are dates
VERSION = re.compile(r"(?<![\d.])\d{1,3}\.\d{1,3}(?:\.\d{1,3})+(?![\d.]?\d)")


@dataclass(frozen=True)
class Quantity:
    kind: Kind
    value: float
    unit: str = ""
    text: str = ""
    approx: bool = False
    # how the text bounds the value: "min" (50人以上, more than 50), "max" (50人未満, up to
    # 50), "about" (約50人, nearly 50), "band" (108円台, from 108 to 109 yen), "over" and
    # "under" (1000人強, 4割弱: a little past the figure) or "" (as stated)
    bound: str = ""

    def __post_init__(self) -> None:
        # 4.1 million read as 4.1 × 10⁶ is 4099999.9999999995: twelve significant digits make
        # it the 4100000 of 「410万」 (a figure is never written to more)
        object.__setattr__(self, "value", float(f"{self.value:.12g}"))

    def label(self) -> str:
        return self.text or f"{self.value:g}{self.unit}"


def dur(months: float) -> float:
    """A duration in months to six significant digits, the same on both sides: minutes are
    about 2e-5 months, so rounding to decimal places would make 1分 and 2分 equal."""
    return float(f"{months:.6g}")
