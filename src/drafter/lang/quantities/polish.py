"""Polish, as the foreign reader reads it: months in the cases a date and a month alone take
("19 kwietnia", "w marcu"), weekdays, units ("47 lat", "z 24-godzinnym wyprzedzeniem": a
day's notice), bounds ("ponad", "około"), number words in their cases ("dwa tygodnie",
"pięciu zabitych"), an age ("w wieku 45 lat"), a decade ("w latach 90.") and a range."""

from __future__ import annotations

from typing import Any

# fmt: off
MONTHS = ("stycz(?:eń|nia|niu)", "lut(?:y|ego|ym)", "mar(?:zec|ca|cu)",
          "kwie(?:cień|tnia|tniu)", "maj(?:a|u)?", "czerw(?:iec|ca|cu)", "lip(?:iec|ca|cu)",
          "sierp(?:ień|nia|niu)", "wrze(?:sień|śnia|śniu)", "październik(?:a|u)?",
          "listopad(?:a|zie)?", "grud(?:zień|nia|niu)")
WEEKDAYS = ("poniedział(?:ek|ku|kiem)", "wtor(?:ek|ku|kiem)", "środ(?:a|ę|y|zie)",
            "czwart(?:ek|ku|kiem)", "piąt(?:ek|ku|kiem)", "sobot(?:a|ę|y|zie)",
            "niedziel(?:a|ę|i)")
AFTER_NUMBER = {
    "tys\\.|tysi(?:ąc|ące|ęcy)": "thousand", "mln\\.?|milion(?:y|ów|a)?": "million",
    "mld\\.?|miliard(?:y|ów|a)?": "billion", "bln\\.?|bilion(?:y|ów|a)?": "trillion",
    "proc\\.|procent(?:y|ów|a)?": "percent", "euro": "euros", "dolar(?:y|ów|a)?": "dollars",
    "zł|złot(?:y|ych|e)": "zlotys", "lat(?:a)?|rok(?:u|iem)?|roczn\\w*": "years",
    "miesi(?:ąc|ące|ęcy|ąca|ącu)|miesięczn\\w*": "months",
    "tydzień|tygodni(?:e|a|u)?|tygodniow\\w*": "weeks",
    "dni|dzień|dnia|dob(?:a|y)|dniow\\w*": "days", "godzin(?:y|ę|a)?|godzinn\\w*": "hours",
    "minut(?:y|ę|a)?": "minutes", "sekund(?:y|ę|a)?": "seconds",
}
BEFORE_NUMBER = {"ponad|przeszło|więcej niż": "more than",
                 "co najmniej|przynajmniej|minimum": "at least", "nawet|aż do": "up to",
                 "mniej niż|poniżej": "less than", "około|ok\\.|blisko|mniej więcej": "about",
                 "prawie|niemal(?:że)?": "nearly"}
NUMBER_WORDS = {
    "dwa": 2, "dwie": 2, "dwóch": 2, "dwoma": 2, "dwu": 2, "trzy": 3, "trzech": 3, "trzema": 3,
    "cztery": 4, "czterech": 4, "czterema": 4, "pięć": 5, "pięciu": 5, "sześć": 6, "sześciu": 6,
    "siedem": 7, "siedmiu": 7, "osiem": 8, "ośmiu": 8, "dziewięć": 9, "dziewięciu": 9,
    "dziesięć": 10, "dziesięciu": 10, "jedenaście": 11, "jedenastu": 11, "dwanaście": 12,
    "dwunastu": 12, "piętnaście": 15, "piętnastu": 15, "dwadzieścia": 20, "dwudziestu": 20,
    "trzydzieści": 30, "trzydziestu": 30, "czterdzieści": 40, "czterdziestu": 40,
    "pięćdziesiąt": 50, "pięćdziesięciu": 50, "sto": 100, "stu": 100, "obaj": 2, "obie": 2,
    "oba": 2, "obu": 2,
}
ONE = "jeden|jedna|jedno|jednego|jednej|jedną"
DECADES = r"lat(?:ach|a)?\s+(?P<c>1[89]|20)?(?P<t>\d0)\.?(?!\d)"
AGE = r"(?:w wieku|ma|miał|miała|skończył\w*)\s+(?P<n>\d+)\s+lat"
HALF = r"i\s+pół"
RANGE = ("od|między", "do|i|lub|albo")
# fmt: on


def register(tables: dict[str, Any]) -> None:
    """Put Polish into the foreign reader's tables (foreign_words' globals)."""
    for name in ("MONTHS", "WEEKDAYS", "AFTER_NUMBER", "BEFORE_NUMBER", "NUMBER_WORDS", "ONE",
                 "DECADES", "AGE", "HALF", "RANGE"):  # fmt: skip
        tables[name]["pl"] = globals()[name]
