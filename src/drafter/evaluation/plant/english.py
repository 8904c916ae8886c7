"""The English side: the source's sentences, with the figures, dates, names and hedges
they state."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "decade": 10, "double": 2, "twice": 2,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(
    rf"\b(?P<m>{_MONTH_RE})\b\.?(?:\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\b",
    re.IGNORECASE,
)
_EN_NUMBER = re.compile(
    r"(?<![\w.])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<f>\.\d+)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b)|[\s-]*(?P<scale>thousand|million|billion|trillion)\b"
    r"|(?P<short>bn|mn|tn|m|b|k)\b)?",
    re.IGNORECASE,
)
_EN_WORD_NUMBER = re.compile(
    r"\b(?P<w>" + "|".join(_WORD_NUMBERS) + r")(?:-(?P<w2>one|two|three|four|five|six|seven|"
    r"eight|nine))?\b(?:[\s-]+(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s*(?P<pct>percent\b|per cent\b))?",
    re.IGNORECASE,
)
_EN_HEDGE = re.compile(
    r"\b(?:expect\w*|likely|unlikely|may|might|could|would|plan(?:s|ned|ning)?\s+to|intend\w*"
    r"|aim(?:s|ed)?\s+to|estimat\w*|forecast\w*|project(?:s|ed|ions?)\b|possibl\w*|probabl\w*"
    r"|reportedly|believed|appear(?:s|ed)?\s+to|seem\w*|suggest\w*|warn\w*|risk\w*"
    r"|potential\w*|set\s+to|poised|on\s+track|consider\w*|propos\w*|anticipat\w*|predict\w*"
    r"|allegedly|so-called|hopes?\s+to|wants?\s+to|fear\w*|perhaps|maybe|i\s+think|i\s+guess)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(r"\b(?:said|says|announced|told|confirmed)\b[^.;]{0,40}$", re.IGNORECASE)
_EN_QUOTE = re.compile(r"[\"“]([^\"“”]{4,})[\"”]|(?<![A-Za-z])'([^']{4,})'(?![A-Za-z])")
CAPITAL = re.compile(r"\b[A-Z][A-Za-z'’\-]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
_STOP_CAPS = {
    "the", "a", "an", "and", "but", "or", "in", "on", "at", "for", "of", "to", "from", "by",
    "with", "as", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "their", "his", "her", "our", "my", "your", "mr", "mrs", "ms", "dr", "if",
    "when", "while", "after", "before", "some", "many", "most", "all", "no", "not", "so", "yes",
    "according", "meanwhile", "however", "also", "still", "just", "what", "why", "how", "who",
    "one", "two", "three", "is", "was", "are", "were", "be", "do", "does", "did", "can", "will",
    "would", "should", "could", "may", "might", "said", "says", "ok", "lol", "yeah", "well",
}  # fmt: skip
_EN_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Corp|Ltd|Co|U\.S|U\.K|No|vs|etc)\.$")


@dataclass(frozen=True)
class EnglishSentence:
    text: str
    numbers: frozenset[tuple[float, bool]]
    years: frozenset[int]
    months: frozenset[int]
    days: frozenset[tuple[int, int]]
    weekdays: frozenset[int]
    words: frozenset[str]  # lower-cased words
    capitals: frozenset[str]  # capitalised words that are not function words
    hedged: bool
    quoted: bool


def english_sentences(text: str) -> list[EnglishSentence]:
    pieces: list[str] = []
    for chunk in _EN_SENTENCE.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if pieces and _ABBREV.search(pieces[-1]):
            pieces[-1] += " " + chunk
        else:
            pieces.append(chunk)
    return [_read_english(piece) for piece in pieces]


def _read_english(text: str) -> EnglishSentence:
    months, days, masked = _read_dates(text)
    numbers, years = _read_numbers(masked)
    lowered = text.lower()
    weekdays = {n for n, day in enumerate(_WEEKDAYS) if day in lowered}
    words = {
        w.lower().strip("'’-").removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text)
    }
    capitals = {
        w.strip("'’-").removesuffix("'s").removesuffix("’s")
        for w in CAPITAL.findall(text[1:] if text[:1].isupper() else text)
        if w.lower() not in _STOP_CAPS
        and w.lower().rstrip(".") not in _MONTHS
        and w.lower() not in _WEEKDAYS
    }
    return EnglishSentence(
        text=text,
        numbers=frozenset(numbers),
        years=frozenset(years),
        months=frozenset(months),
        days=frozenset(days),
        weekdays=frozenset(weekdays),
        words=frozenset(w for w in words if len(w) >= 3),
        capitals=frozenset(c for c in capitals if len(c) >= 2),
        hedged=any(
            not (h.group().lower() == "would" and _REPORTED.search(text[: h.start()]))
            for h in _EN_HEDGE.finditer(text)
        ),
        quoted=bool(_EN_QUOTE.search(text)),
    )


def _read_dates(text: str) -> tuple[set[int], set[tuple[int, int]], str]:
    """The months and (month, day) pairs `text` names, and `text` with those dates blanked out."""
    months: set[int] = set()
    days: set[tuple[int, int]] = set()
    masked = text
    for found in _EN_DATE.finditer(text):
        name = (found.group("m") or found.group("m2") or "").lower()
        day = found.group("d") or found.group("d2")
        if name == "may" and not day:
            continue  # the verb, most of the time
        if name in ("mar", "jan", "jun", "dec") and not day and found.group(0).islower():
            continue
        months.add(_MONTHS[name])
        if day and 1 <= int(day) <= 31:
            days.add((_MONTHS[name], int(day)))
        masked = masked.replace(found.group(0), " " * len(found.group(0)), 1)
    return months, days, masked


def _read_numbers(masked: str) -> tuple[set[tuple[float, bool]], set[int]]:
    """The figures (value, is a percentage) of a date-blanked sentence, and its years."""
    years: set[int] = set()
    numbers: set[tuple[float, bool]] = set()
    for found in _EN_NUMBER.finditer(masked):
        whole = found.group("n").replace(",", "")
        value = float(whole + (found.group("f") or ""))
        pct = bool(found.group("pct"))
        scale = (found.group("scale") or found.group("short") or "").lower()
        if (
            not pct
            and not scale
            and not found.group("f")
            and len(whole) == 4
            and 1800 <= value <= 2100
        ):
            years.add(int(value))
            continue
        numbers.add((value * _SCALES.get(scale, 1.0), pct))
    for found in _EN_WORD_NUMBER.finditer(masked):
        value = _WORD_NUMBERS[found.group("w").lower()]
        if found.group("w2"):
            value += _WORD_NUMBERS[found.group("w2").lower()]
        scale = (found.group("scale") or "").lower()
        numbers.add((value * _SCALES.get(scale, 1.0), bool(found.group("pct"))))
    return numbers, years
