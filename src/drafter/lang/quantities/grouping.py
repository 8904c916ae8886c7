"""How a language writes a figure's decimals and groups its thousands: "1,5 Milliarden" is 1.5
billion, "40.000" and "14 000" are 40000, and a Mexican "2,000 dólares" is 2000 dollars."""

from __future__ import annotations

import re

# languages that write a decimal comma, and the marks that group their thousands: a dot, and in
# some a space, and in German both or an apostrophe (the NZZ's "etwa 14 000 Terroristen", a
# Swiss page's "14'000", round CQ)
NORDIC = ("da", "no", "nb", "nn", "sv")
DECIMAL_COMMA = frozenset(
    {"de", "fr", "es", "it", "pt", "nl", "id", "ru", "uk", "pl", "tr", "vi", *NORDIC}
)
_GROUP_MARKS = {
    "ru": ". ",
    "uk": ". ",
    "fr": ". ",
    "pl": ". ",
    "de": ". '’",
    "vi": ". ",
} | dict.fromkeys(NORDIC, ". ")


def grouped_numbers(text: str, language: str) -> str:
    """1,5 → 1.5; 40.000 (or 40 000 where thousands are spaced) → 40000; 2.500,00 → 2500.00."""
    group = f"[\u00a0\u202f{re.escape(_GROUP_MARKS.get(language, '.'))}]"

    def number(match: re.Match[str]) -> str:
        whole, decimals = match["whole"], match["dec"]
        if _comma_grouped(language, whole, decimals):
            return f"{whole},{decimals}"  # as English writes it: 2,000
        digits = re.sub(r"\D", "", whole)
        if digits != whole:  # grouped: English's comma, so "2 000 Soldaten" is no year 2000
            digits = f"{int(digits):,}"
        return f"{digits}.{decimals}" if decimals else digits

    pattern = (
        rf"(?<![\d.,])(?P<whole>\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:,(?P<dec>\d+))?(?![\d]|[.,]\d)"
    )
    return re.sub(pattern, number, text)


def _comma_grouped(language: str, whole: str, decimals: str | None) -> bool:
    """Spanish as Mexico and most of the Americas write it groups thousands with a comma, as
    English does: a Mexican reader's "2,000 dólares al mes" is 2000 dollars, not 2.000 (round
    DC). Three digits after the comma of a whole number but 0 are read so in Spanish; Spain's
    "2,5 millones" and "0,125" keep their decimals."""
    return (
        language == "es"
        and decimals is not None
        and len(decimals) == 3
        and whole.isdigit()
        and len(whole) <= 3
        and not whole.startswith("0")
    )
