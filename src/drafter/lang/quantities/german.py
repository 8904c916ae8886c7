"""German figures in the forms the English reader knows: a rank ("auf Platz sechs", "Rang 3",
"der 6. Platz", "auf den sechsten Platz": 6th place, 「6位」) and a change from one figure to
another with the unit written once ("von 110 auf 10 Prozent": from 110 to 10 percent, both
percentages; 「110%から10%へ」 had been a figure the source lacks, round DE), and compounds and
phrases that carry a figure ("Fünfprozenthürde", "48 Wochenstunden", "im Alter zwischen 15 und
65 Jahren", round DF), and a numeral of hundreds and thousands written as one word
("zweihundertfünfzig Geiseln": 250, round DI)."""

from __future__ import annotations

import re

from drafter.lang.quantities.foreign_words import NUMBER_WORDS, ORDINAL_ENDINGS, ORDINAL_STEMS

_PLACE = r"(?:Platz|Rang|Tabellenplatz|Position)"
_WORDS = NUMBER_WORDS["de"]
_STEMS = ORDINAL_STEMS["de"]
_NUMBER = "|".join(sorted(_WORDS, key=len, reverse=True))
_STEM = "|".join(sorted(_STEMS, key=len, reverse=True))
_RANK_WORDS = {**_STEMS, **_WORDS}  # the words the rank patterns match: sechs, sechst(en)
# "Platz sechs", "Rang 3" (not "Platz 3 der Weltrangliste" read otherwise: the same rank)
_PLACE_THEN_NUMBER = re.compile(
    rf"(?<![^\W\d_]){_PLACE}\s+(\d{{1,2}}|{_NUMBER})(?![\d.,]?\d|[^\W\d_])", re.IGNORECASE
)
# "der 6. Platz", "den sechsten Platz", "Sechster" is left alone (a team's "sechster Sieg")
_NUMBER_THEN_PLACE = re.compile(
    rf"(?<![\d.,])(?:(\d{{1,2}})\.|(?<![^\W\d_])({_STEM}){ORDINAL_ENDINGS['de']})\s+{_PLACE}\b",
    re.IGNORECASE,
)
# "von 110 auf 10 Prozent", "von 5 auf 7 Euro": "auf" alone joins no range ("14 auf 100.000
# Einwohner" is per 100,000)
_FROM_TO = re.compile(r"(?<![^\W\d_])von\s+(\d[\d.,]*)\s+auf\s+(?=\d)", re.IGNORECASE)


# "die Fünfprozenthürde", "5-Prozent-Hürde": a percentage as a compound's first part (「5%の壁」)
_PERCENT_FIRST = re.compile(rf"(?<![^\W\d_])(\d+|{_NUMBER})-?prozent-?(?=[^\W\d_])", re.I)
# "48 Wochenstunden": hours a week (「週48時間」)
_WEEKLY_HOURS = re.compile(r"(?<![\d.,])(\d+)\s*-?Wochenstunden\b", re.IGNORECASE)
# "im erwerbsfähigen Alter zwischen 15 und 65 Jahren", "im Alter von 30 Jahren": ages (「15〜65歳」)
_AGED = re.compile(
    r"\bim\s+(?:[^\W\d_]+\s+)?Alter\s+(?:von\s+|zwischen\s+)?(\d{1,3})"
    r"(?:\s+(?:bis|und)\s+(\d{1,3}))?\s+Jahren\b",
    re.IGNORECASE,
)


def _aged(match: re.Match[str]) -> str:
    return f"aged {match[1]}" + (f" to {match[2]}" if match[2] else "")


def _rank(value: str) -> str:
    number = int(value) if value.isdigit() else _RANK_WORDS[value.lower()]
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10, "th")
    return f"{number}{suffix} place"


_UNITS = {"ein": 1, "eine": 1, "eins": 1, **{w: v for w, v in _WORDS.items() if 2 <= v <= 9}}
_BELOW_HUNDRED = {w: v for w, v in _WORDS.items() if 2 <= v <= 90}
_LARGE = re.compile(r"(?<![^\W\d_])[a-zäöüß]*(?:hundert|tausend)[a-zäöüß]*(?![^\W\d_])", re.I)


def _below_hundred(word: str) -> int | None:
    if not word:
        return 0
    if word in _BELOW_HUNDRED or word in ("eins", "ein"):
        return _BELOW_HUNDRED.get(word, 1)
    unit, _, tens = word.partition("und")  # fünfundsechzig
    if tens and unit in _UNITS and _BELOW_HUNDRED.get(tens, 0) >= 20:
        return _UNITS[unit] + _BELOW_HUNDRED[tens]
    return None


def _below_thousand(word: str) -> int | None:
    if "hundert" not in word:
        return _below_hundred(word)
    head, _, rest = word.partition("hundert")
    count = 1 if head in ("", "ein") else _UNITS.get(head)
    below = _below_hundred(rest.removeprefix("und"))
    return None if count is None or below is None else count * 100 + below


def _numeral(word: str) -> str:
    """Zweihundertfünfzig: 250; dreitausendfünfhundert: 3500 (Jahrhundert stays a word)."""
    lowered = word.lower()
    head, thousand, rest = lowered.partition("tausend")
    count: int | None = 1
    if thousand and head not in ("", "ein"):
        count = _below_thousand(head)
    below = _below_thousand(rest if thousand else lowered)
    if count is None or below is None or lowered in ("hundert", "tausend"):
        return word
    return str(count * 1000 + below if thousand else below)


def german_figures(text: str) -> str:
    """The text with its ranks and its changes from one figure to another in English forms."""
    text = _LARGE.sub(lambda m: _numeral(m[0]), text)
    text = _PLACE_THEN_NUMBER.sub(lambda m: _rank(m[1]), text)
    text = _NUMBER_THEN_PLACE.sub(lambda m: _rank(m[1] or m[2]), text)
    text = _PERCENT_FIRST.sub(lambda m: f"{_WORDS.get(m[1].lower(), m[1])} percent ", text)
    text = _WEEKLY_HOURS.sub(r"\1 hours a week", text)
    text = _AGED.sub(_aged, text)
    return _FROM_TO.sub(r"from \1 to ", text)
