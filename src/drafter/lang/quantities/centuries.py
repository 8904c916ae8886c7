"""Centuries: 「16世紀」, "the 16th century", "the 1500s", "16. Jahrhundert", "XVIe siècle",
"siglo XVI". A century is its own kind of quantity: the 16 of 「16世紀半ば」 is no count, and a
changed one (「61世紀」) had gone unread on both sides."""

from __future__ import annotations

import re

from drafter.lang.quantities.quantity import Quantity

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}  # fmt: skip
_WORDS = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_WORDS})"
# "the 16th century", "16th-century maps", "the 19th and 20th centuries", "5th century BC"
_EN = re.compile(
    rf"\b(?:(?P<a>{_ORDINAL})\s*(?:and|or|to|-|–)\s*)?(?P<c>{_ORDINAL})[\s-]+centur(?:y|ies)\b"
    r"(?P<bc>\s+(?:BC|BCE|B\.C\.?)(?![\w]))?",
    re.IGNORECASE,
)
# "the 1500s", "the 1800s": the century from its first year (a decade too, as the year reader
# reads "the 1900s")
_EN_HUNDREDS = re.compile(r"\b(?P<h>1[0-9]|[5-9])00['’]?s\b")
# 「16世紀」, 「19〜20世紀」, 「紀元前5世紀」
_JA = re.compile(
    r"(?P<bc>紀元前\s*)?(?:(?P<a>\d{1,2})\s*(?:世紀)?\s*[〜~～\-－–]\s*)?(?P<c>\d{1,2})\s*世紀"
)


def _ordinal(word: str) -> int:
    word = word.lower()
    return _ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word))


def _found(match: re.Match[str], values: list[int], bc: bool) -> list[Quantity]:
    # (any: 「61世紀」 is a slip to catch, not a figure to skip)
    sign = -1 if bc else 1
    return [Quantity("century", sign * v, "", match.group(0)) for v in values if v > 0]


def en_centuries(text: str) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """The centuries an English text names, and where: each span is taken from the readers
    after it (the 16 of "16th century" is no count)."""
    found: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    for match in _EN.finditer(text):
        values = [_ordinal(match["c"])] + ([_ordinal(match["a"])] if match["a"] else [])
        found += _found(match, values, bool(match["bc"]))
        spans.append(match.span())
    for match in _EN_HUNDREDS.finditer(text):
        found.append(Quantity("century", int(match["h"]) + 1, "", match.group(0)))
    return found, spans


def ja_centuries(text: str) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """The centuries a Japanese text names (「16世紀半ば」, 「19〜20世紀」), and where."""
    found: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    for match in _JA.finditer(text):
        values = [int(match["c"])] + ([int(match["a"])] if match["a"] else [])
        found += _found(match, values, bool(match["bc"]))
        spans.append(match.span())
    return found, spans


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int:
    total = 0
    for n, letter in enumerate(numeral):
        value = _ROMAN[letter]
        following = _ROMAN[numeral[n + 1]] if n + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


_R = r"(?P<r>X{0,2}(?:IX|IV|V?I{0,3}))"
# another language's century, as English writes it: "im 16. Jahrhundert", "16. Jh.", "XVIe
# siècle", "16e siècle", "siglo XVI", "século XVI", "XVI secolo", "secolo XVI", "16e eeuw",
# "XVI wieku"
_FOREIGN = {
    "de": [re.compile(r"(?<![\d.,])(?P<d>\d{1,2})\.\s*(?:Jahrhunderts?|Jh\.)")],
    "fr": [re.compile(rf"\b(?:{_R}|(?P<d>\d{{1,2}}))(?:e|è|ème|eme)\s+siècles?\b")],
    "es": [re.compile(rf"\bsiglos?\s+{_R}\b")],
    "pt": [re.compile(rf"\bséculos?\s+{_R}\b")],
    "it": [re.compile(rf"\b{_R}\s+secolo\b"), re.compile(rf"\bsecolo\s+{_R}\b")],
    "nl": [re.compile(r"\b(?P<d>\d{1,2})(?:e|de|ste)\s+eeuw\b")],
    "pl": [
        re.compile(rf"\b{_R}\s+wiek(?:u|iem|i)?\b"),
        re.compile(r"(?<![\d.,])(?P<d>\d{1,2})\.\s*wiek(?:u|iem|i)?\b"),
    ],
}


def _suffix(value: int) -> str:
    if value % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")


def centuries_as_english(text: str, language: str) -> str:
    """`text` with its centuries written the English way ("16th century"), for the English
    reader."""

    def english(match: re.Match[str]) -> str:
        groups = match.groupdict()
        value = int(groups["d"]) if groups.get("d") else _roman(groups.get("r") or "")
        return f"{value}{_suffix(value)} century" if 0 < value <= 22 else match.group(0)

    for pattern in _FOREIGN.get(language, []):
        text = pattern.sub(english, text)
    return text
