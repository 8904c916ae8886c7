"""German figures in the forms the English reader knows: a rank ("auf Platz sechs", "Rang 3",
"der 6. Platz", "auf den sechsten Platz": 6th place, 「6位」) and a change from one figure to
another with the unit written once ("von 110 auf 10 Prozent": from 110 to 10 percent, both
percentages; 「110%から10%へ」 had been a figure the source lacks, round DE)."""

from __future__ import annotations

import re

from drafter.lang.quantities.foreign_words import NUMBER_WORDS, ORDINAL_ENDINGS, ORDINAL_STEMS

_PLACE = r"(?:Platz|Rang|Tabellenplatz|Position)"
_WORDS = NUMBER_WORDS["de"]
_STEMS = ORDINAL_STEMS["de"]
_NUMBER = "|".join(sorted(_WORDS, key=len, reverse=True))
_STEM = "|".join(sorted(_STEMS, key=len, reverse=True))
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


def _rank(value: str) -> str:
    number = int(value) if value.isdigit() else _WORDS.get(value.lower(), _STEMS.get(value.lower()))
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10, "th")
    return f"{number}{suffix} place"


def german_figures(text: str) -> str:
    """The text with its ranks and its changes from one figure to another in English forms."""
    text = _PLACE_THEN_NUMBER.sub(lambda m: _rank(m[1]), text)
    text = _NUMBER_THEN_PLACE.sub(lambda m: _rank(m[1] or m[2]), text)
    return _FROM_TO.sub(r"from \1 to ", text)
