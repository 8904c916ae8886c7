"""Japanese figures and dates: found in a sentence, and changed the way a writer slips."""

from __future__ import annotations

import math
import random
import re
import unicodedata
from dataclasses import dataclass

_JA_NUMBER = re.compile(
    r"(?:\d[\d,，]*(?:\.\d+)?(?:兆|億|万))+(?:\d[\d,，]*)?|\d[\d,，]*(?:\.\d+)?"
)
_JA_PART = re.compile(r"(\d[\d,，]*(?:\.\d+)?)(兆|億|万)?")
_UNITS = {"兆": 1e12, "億": 1e8, "万": 1e4}
JA_YEAR = re.compile(r"(?<!\d)(\d{4})年(?!間|代)")
JA_MONTH_DAY = re.compile(r"(?<![\dかヶカケヵ])(\d{1,2})月(\d{1,2})日(?!間)")
JA_MONTH = re.compile(r"(?<![\dかヶカケヵ])(\d{1,2})月(?![\d間])")
JA_WEEKDAY = re.compile(r"([月火水木金土日])曜")
WEEKDAY_KANJI = "月火水木金土日"
_DAYS_AFTER = re.compile(r"間|以内|後|前|ぶり|連続|分|余り|以上|未満|超|近く|足らず|ほど|程度|も")


@dataclass(frozen=True)
class JaNumber:
    start: int
    end: int
    text: str
    value: float
    percent: bool


def ja_numbers(sentence: str) -> list[JaNumber]:
    """The figures of a Japanese sentence, without years, months, days and times of day."""
    found: list[JaNumber] = []
    for match in _JA_NUMBER.finditer(sentence):
        start, end = match.span()
        before, after = sentence[max(0, start - 1) : start], sentence[end : end + 2]
        if re.match(r"[A-Za-zＡ-Ｚａ-ｚ\-‐.]", before) or re.match(
            r"[A-Za-zＡ-Ｚａ-ｚ]|[-‐]\d", after
        ):
            continue  # a model or part number: G7, F-35, 787-9
        value = 0.0
        for digits, unit in _JA_PART.findall(match.group()):
            value += float(unicodedata.normalize("NFKC", digits).replace(",", "")) * _UNITS.get(
                unit, 1.0
            )
        if (
            after.startswith("年")
            and not after.startswith(("年間", "年代"))
            and 1800 <= value <= 2100
        ):
            continue
        if after.startswith("月") or (
            after.startswith("日")
            and (
                sentence[max(0, start - 1) : start] == "月"
                or not _DAYS_AFTER.match(sentence[end + 1 :])
            )
        ):
            continue  # a month or a day of the month (a date), not a count of days
        if after.startswith(("時", "分", "秒")) and not after.startswith(("時間", "分の")):
            continue
        if sentence[max(0, start - 1) : start] in ("第",) or after.startswith(("位", "番", "号")):
            continue
        percent = after.startswith(("%", "％")) or sentence[end:].startswith("パーセント")
        found.append(JaNumber(start, end, match.group(), value, percent))
    return found


def _format_like(value: float, template: str) -> str | None:
    """`value` written the way `template` writes its figure (万/億, commas, decimals)."""
    if value <= 0:
        return None
    if any(unit in template for unit in _UNITS):
        if value < 1e4:
            return _plain(value, 0)
        parts = []
        rest = value
        for unit, size in _UNITS.items():
            if rest >= size:
                count = int(rest // size)
                parts.append(f"{count}{unit}")
                rest -= count * size
        if rest >= 1:
            if rest != int(rest):
                return None
            parts.append(str(int(rest)))
        return "".join(parts)
    decimals = len(template.split(".")[1]) if "." in template else 0
    text = _plain(value, decimals)
    return (
        text.replace(",", "，")
        if "，" in template
        else text
        if "," in template
        else text.replace(",", "")
    )


def _plain(value: float, decimals: int) -> str:
    if decimals:
        return f"{value:,.{decimals}f}"
    return f"{round(value):,}"


def number_changes(number: JaNumber, rng: random.Random) -> list[tuple[str, str]]:
    """Realistic slips for one figure: digits swapped, doubled, +50%, another round number;
    none within ±10% of the original."""
    old = number.value
    options: list[tuple[str, str]] = []
    if old <= 0:
        return options  # 「0件」, 「0.0%」: no slip of a zero is a realistic one (and none divides)

    def offer(text: str | None, label: str) -> None:
        if not text or text == number.text:
            return
        value = sum(
            float(unicodedata.normalize("NFKC", d).replace(",", "").replace("，", ""))
            * _UNITS.get(u, 1.0)
            for d, u in _JA_PART.findall(text)
        )
        if value <= 0 or abs(value / old - 1) <= 0.10:
            return
        if number.percent and value > 100 >= old:
            return
        options.append((text, label))

    # digits swapped, in the first group with two different neighbours
    groups = list(re.finditer(r"\d+", number.text))
    for group in groups:
        digits = group.group()
        for i in range(len(digits) - 1):
            if digits[i] != digits[i + 1] and not (i == 0 and digits[1] == "0"):
                swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
                offer(number.text[: group.start()] + swapped + number.text[group.end() :],
                      "digits swapped")  # fmt: skip
                break
        else:
            continue
        break
    decimals = len(number.text.split(".")[1]) if "." in number.text else 0
    offer(_format_like(_rounded(old * 2, decimals), number.text), "doubled")
    offer(_format_like(_rounded(old * 1.5, decimals), number.text), "+50%")
    magnitude = 10 ** math.floor(math.log10(old)) if old > 0 else 1
    rounds = [k * magnitude for k in range(1, 10)] + [k * magnitude / 2 for k in (1, 3)]
    rounds = [r for r in rounds if abs(r / old - 1) > 0.10 and r >= 1]
    if rounds:
        offer(_format_like(rng.choice(sorted(rounds)), number.text), "another round number")
    return options


def _rounded(value: float, decimals: int) -> float:
    if decimals:
        return round(value, decimals)
    digits = len(str(int(value)))
    keep = 10 ** max(0, digits - 3)  # three significant figures, as a writer would put it
    return float(round(value / keep) * keep)
