"""Quantities in an English sentence: $1.5 billion, 182,000, 30%, Oct. 26, a decade, more than
50, forty-five. Model numbers (A350, 787-9) and times of day are not figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafter.lang.quantities.centuries import en_centuries
from drafter.lang.quantities.english_prepared import prepared
from drafter.lang.quantities.english_words import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    EN_NUM,
    FULL_MONTHS,
    MONTH_ALONE,
    MONTH_NAMES,
    MONTHS,
    MONTHS_PER,
    MULTIPLES,
    NUM_WORD,
    ORDINALS,
    SCALE,
    en_value,
)
from drafter.lang.quantities.quantity import Quantity, dur

_DURATION = re.compile(
    rf"\b(?:(?P<n0>{EN_NUM}|{NUM_WORD})\s*(?:to|or|-|–)\s*)?"
    rf"(?P<n>{EN_NUM}|{NUM_WORD})\+?(?:[\s-]+(?P<scale>thousand|million|billion|trillion))?"
    r"(?:[\s-]+(?:and[\s-]+a[\s-]+half))?(?:\s+of)?"
    r"(?:\s+(?:full|whole|entire|additional|more|further|extra|straight|calendar|consecutive|"
    r"non-[a-z]+))?"  # two non-emergency days (5営業日, five business days, stays a count)
    # an age in years is an age (17歳), but a baby's in months, weeks or days is the time since
    # its birth ("18 months old", 生後18か月)
    r"[\s-]*(?P<unit>(?:years?|yrs?|decades?|centur(?:y|ies))\b(?![\s-]+olds?\b)|"
    r"(?:months?|weeks?|wks?|days?|quarters|quarter(?![\s-]+of\b)|hours?|hrs?|minutes?|mins?|"
    r"seconds?|secs?)\b)"
    r"(?:[\s-]+and[\s-]+a[\s-]+half\b)?",  # a year and a half: 18 months, not 12
    re.IGNORECASE,
)
_COUNT_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|dozen|couple)\b",
    re.IGNORECASE,
)
# a multiple, as Japanese writes it with 倍: sales doubled (2倍), more than triple that figure
# (3倍超), a fourfold rise; "double" or "triple" alone only after "to" or "than" (a double
# standard is no multiple)
_MULTIPLE = re.compile(
    r"\b(?:(?P<verb>doubl|tripl|quadrupl)(?:ed|es|ing)|(?:(?<=to )|(?<=than ))"
    r"(?P<bare>doubl|tripl|quadrupl)e|(?P<twice>twice)|(?P<fold>two|three|four|five|ten)fold)\b",
    re.IGNORECASE,
)
# a crime counted by its victims: "quadruple murders" (4人殺害), "a double homicide"
_VICTIMS = re.compile(
    r"\b(?P<n>doubl|tripl|quadrupl|quintupl)e[\s-]+(?:murders?|homicides?|killings?|slayings?|"
    r"shootings?|stabbings?|fatal)",
    re.IGNORECASE,
)
_PRONOUN_ONE = re.compile(
    r"\b(?:this|that|which|each|every|any|no|another|other|the|a|big|new|old|last|first|"
    r"right|wrong|good|bad|only)\s+$",
    re.IGNORECASE,
)
_DATE_MD = re.compile(rf"\b(?P<m>{MONTH_NAMES})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b")
# the month a whole word: "the 4 Marketing people", "die 4 Marktführer" name no 4 March
_DATE_DM = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH_NAMES})(?![^\W\d_])")
_MONTH_GROUPS = ("m", "m2", "m3", "m4", "m5")
# 500 BC, 10,000 BCE (not "BC Hydro", British Columbia's utility)
_BC_YEAR = re.compile(
    r"(?<![\d,.])(?P<y>\d{1,3}(?:,\d{3})+|\d{1,5})\s*(?:BCE?|B\.C\.(?:E\.)?)(?![\w])"
    r"(?!\s+[A-Z])"
)
# a run of months ("Feb-March", "Jan–Mar", "from Feb to March"): both are months named
# (with a word between, only whole names, and not inside a run of names: "Theresa May to June
# Sarpong", "Jan and May met")
_MONTH_RUN = re.compile(
    rf"\b(?P<a>{MONTH_NAMES})\s*[-–—/]\s*(?P<b>{MONTH_NAMES})(?![^\W\d_])"
    rf"|\b(?P<c>{FULL_MONTHS})\s+(?:to|through|and|or)\s+(?P<d>{FULL_MONTHS})\b(?!\s+[A-Z])"
)
# a capitalised word before "May to June" that is no word of time: a name's ("Theresa May")
_NAME_BEFORE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:In|From|Between|By|Since|Until|Through|During|And|Or|Of|Last|"
    r"Next|This|Early|Late|Mid|Both|Either)\s)[A-Z][a-z]+\s+$"
)
_YEAR = re.compile(
    r"\b(?P<y>(?:18|19|20|21)\d\d)\b(?!%|[.,]\d| by \d)(?<!\d by \d{4})"
    # an older year after a word that dates it: "the most since 1796", "in 1492"
    r"|(?:(?<=\bsince )|(?<=\bin )|(?<=\bfrom )|(?<=\buntil )|(?<=\bbefore )|(?<=\bafter )"
    r"|(?<=\bcirca ))(?P<old>1[0-7]\d\d)\b(?![.,]\d|\s+(?:m|km|kg|ft|lbs?|meters?|metres?|feet|"
    r"miles?|pounds?|tons?|tonnes?|grams?|kilos?|dollars?|euros?|yen|people|votes?|years?|days?|"
    r"hours?|men|women|troops|times|words|pages|units|cases|deaths)\b)"
)
_MONEY = re.compile(
    # "a $23-million centre", "a 1.2-billion-yuan telescope": hyphens join scale and currency
    rf"(?P<sign>US\$|R\$|(?<![A-Za-z])(?:Rp\.?|RM|K?Sh|TSh|USh)(?=\s?\d)|[$€£¥₦])\s?(?P<n>{EN_NUM})"
    r"(?:-(?=(?:thousand|million|billion|trillion)\b)|\s*)(?P<scale>thousand|million|billion|"
    r"trillion|bn|mln|tn|m|b|k)?\b"
    rf"|(?P<n2>{EN_NUM})(?:(?:\s*|-)(?P<scale2>thousand|million|billion|trillion))?(?:\s+|(?<=[a-z])-)"
    r"(?P<cur>dollars?|euros?|yen|pounds?|yuan|(?<!\b(?:18|19|20|21)\d\d )won|rupees|francs|"
    r"naira|reais|ro?ubles|rupiah|shillings?|ringgit|rand|baht|pesos?|liras?|dirhams?|riyals?|"
    r"shekels?|zloty|zlotys)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"(?P<n>{EN_NUM}|{NUM_WORD})\s*(?:%|[\s-]+per\s?cent\b|[\s-]+percent\b)"
    r"(?P<pts>\s+points?|\s*-?\s*percentage\s+points?)?"
    rf"|(?P<n2>{EN_NUM})\s+percentage\s+points?",
    re.IGNORECASE,
)
_PLAIN = re.compile(
    rf"(?<![\w.$€£¥])(?P<n>{EN_NUM})"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mln)\b|(?P<k>[kK])\b)?",
    re.IGNORECASE,
)
_WORD_SCALE = re.compile(
    rf"\b(?P<n>{NUM_WORD})\s+(?P<scale>hundred|thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)
_APPROX_EN = re.compile(
    r"\b(about|around|approximately|roughly|nearly|almost|some|over|more than|less than|"
    r"up to|at least|close to|just under|just over|upwards of|fewer than|under|"
    r"as many as|as much as|in excess of|below|above|exceeding)\s*$",
    re.IGNORECASE,
)
_EN_MIN = re.compile(
    r"\b(over|more than|at least|just over|upwards of|in excess of|above|exceeding)\s*$",
    re.IGNORECASE,
)
_EN_MAX = re.compile(
    r"\b(less than|fewer than|up to|just under|under|below|as many as|as much as)\s*$",
    re.IGNORECASE,
)


def _en_bound(text: str, start: int, token: str) -> str:
    before = text[max(0, start - 20) : start]
    if _EN_MIN.search(before):
        return "min"
    if _EN_MAX.search(before):
        return "max"
    if _APPROX_EN.search(before) or re.match(r"(?i)(a\s+)?(couple|few|dozen)", token):
        return "about"
    return ""


# "the seventh year in a row", "a 10th straight month": seven years, ten months (7年連続)
_EN_RUN = re.compile(
    rf"\b(?P<n>\d+(?:st|nd|rd|th)|{'|'.join(ORDINALS)})\s+"
    r"(?:(?P<adj>straight|consecutive|successive)\s+)?(?P<unit>year|month|week|day)"
    r"(?(adj)|\s+(?:in\s+a\s+row|running))\b",
    re.IGNORECASE,
)
# 1.000 or 12.500 written the European way: a thousand, not one (the source is English, but
# not always from an English-speaking desk)
_EN_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


# a comma between digits that does not group thousands: "$100,00" (a typo for $100,000, or
# $100.00?), "12,5 percent" (a decimal comma): the figure cannot be read for sure
_MISGROUPED = re.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)")


def en_quantities(sentence: str) -> list[Quantity]:
    scan = _Scan(prepared(sentence))
    # in this order: a span one reader takes is not read again by the ones after it
    _money(scan)
    _percents(scan)
    _runs(scan)
    _ranks(scan)
    _durations(scan)
    _dates(scan)
    _numbers(scan)
    bounded = []
    for quantity in scan.found:
        if _MISGROUPED.search(quantity.text):
            continue  # "$100,00", "12,5 percent": a slip or a decimal comma, no sure value
        start = scan.text.find(quantity.text) if quantity.text else -1
        bound = _en_bound(scan.text, start, quantity.text) if start >= 0 else ""
        approx = quantity.approx or bool(bound)
        bounded.append(replace(quantity, bound=bound, approx=approx))
    return bounded


@dataclass
class _Scan:
    """The prepared text, the quantities found in it so far and the spans they took."""

    text: str
    found: list[Quantity] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def free(self, span: tuple[int, int]) -> bool:
        return not any(a < span[1] and span[0] < b for a, b in self.taken)

    def approx_before(self, start: int) -> bool:
        return bool(_APPROX_EN.search(self.text[max(0, start - 20) : start]))


def _money(scan: _Scan) -> None:
    for match in _MONEY.finditer(scan.text):
        if match.group("sign"):
            value = en_value(match.group("n"))
            scale = (match.group("scale") or "").lower()
            currency = CURRENCY_SIGNS.get(match.group("sign").upper(), "USD")
        else:
            value = en_value(match.group("n2"))
            scale = (match.group("scale2") or "").lower()
            currency = CURRENCY_WORDS[match.group("cur").lower()]
        value *= SCALE.get(scale, 1)
        scan.found.append(
            Quantity("money", value, currency, match.group(0), scan.approx_before(match.start()))
        )
        scan.taken.append(match.span())


def _percents(scan: _Scan) -> None:
    for match in _PERCENT.finditer(scan.text):
        if not scan.free(match.span()):
            continue
        raw = match.group("n") or match.group("n2")
        kind = "points" if (match.group("pts") or match.group("n2")) else "percent"
        scan.found.append(
            Quantity(kind, en_value(raw), "%", match.group(0), scan.approx_before(match.start()))
        )
        scan.taken.append(match.span())


def _durations(scan: _Scan) -> None:
    for match in _DURATION.finditer(scan.text):
        if not scan.free(match.span()):
            continue
        value = en_value(match.group("n"))
        if match.group("scale"):  # 750 billion hours (7500億時間), 2 million years
            value = round(value * SCALE[match.group("scale").lower()], 6)
        if "half" in match.group(0).lower() and value >= 1:
            value += 0.5
        unit = MONTHS_PER[match.group("unit").lower().rstrip("s")]
        approx = scan.approx_before(match.start())
        for number in filter(None, (match.group("n0"), None)):
            # the low end, written with the unit both ends share ("20 minutes" of 20–30)
            low = f"{number} {match.group('unit')}"
            scan.found.append(
                Quantity("duration", dur(en_value(number) * unit), "months", low, approx)
            )
        scan.found.append(Quantity("duration", dur(value * unit), "months", match.group(0), approx))
        scan.taken.append(match.span())


def _runs(scan: _Scan) -> None:
    """An ordinal run of years, months, weeks or days: as long as the count it ends; and
    back-to-back: two in a row (two titles, or two years: 2年連続)."""
    for match in re.finditer(r"(?i)\bback-to-back\b", scan.text):
        scan.found.append(Quantity("number", 2, "", match.group(0)))
        scan.found.append(Quantity("duration", 24.0, "months", match.group(0)))
        scan.taken.append(match.span())
    for match in _EN_RUN.finditer(scan.text):
        if not scan.free(match.span()):
            continue
        raw = match.group("n").lower()
        count = ORDINALS.get(raw) or int(re.sub(r"\D", "", raw))
        unit = MONTHS_PER[match.group("unit").lower()]
        scan.found.append(Quantity("duration", dur(count * unit), "months", match.group(0)))
        scan.taken.append(match.span())


# a rank: "third place", "3rd spot", "finished second" (3位); not "the third time"
_EN_RANK = re.compile(
    rf"\b(?P<n>\d+(?:st|nd|rd|th)|{'|'.join(ORDINALS)})[-\s]+(?:place|position|spot|seed)\b"
    rf"|\b(?:finish(?:ed|es)?|placed|came|ranked|ranks)\s+(?P<m>\d+(?:st|nd|rd|th)|"
    rf"{'|'.join(ORDINALS)})\b",
    re.IGNORECASE,
)


# "for the third time in a row", "a second term": the count of times (3回連続, 2期目); not "the
# first time" (初めて, no count)
_EN_NTH_TIME = re.compile(
    r"\b(?:the|a|his|her|its|their)\s+(?P<n>(?!1st\b)\d+(?:st|nd|rd|th)|"
    rf"{'|'.join(o for o in ORDINALS if o != 'first')})\s+"
    r"(?:(?:consecutive|straight)\s+)?(?:time|term)\b",
    re.IGNORECASE,
)


def _ranks(scan: _Scan) -> None:
    for match in _EN_NTH_TIME.finditer(scan.text):
        if scan.free(match.span()):
            raw = match.group("n").lower()
            times = ORDINALS.get(raw) or int(re.sub(r"\D", "", raw))
            scan.found.append(Quantity("number", times, "回", match.group(0)))
            scan.taken.append(match.span())
    for match in _EN_RANK.finditer(scan.text):
        if not scan.free(match.span()):
            continue
        raw = (match.group("n") or match.group("m")).lower()
        rank = ORDINALS.get(raw) or int(re.sub(r"\D", "", raw))
        scan.found.append(Quantity("number", rank, "位", match.group(0)))
        scan.taken.append(match.span())


_DAY_RUN = re.compile(
    r"\s*(?:-|–|—|to|through|(?P<and>and))\s*(\d{1,2})\b(?![,.]?\d|\s*(?:%|percent))"
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)  # "between October 11 and 13": a run of days
_DECADE = re.compile(r"\b(?P<y>(?:1[89]|20|21)\d0)['’]?s\b")


def _dates(scan: _Scan) -> None:
    """Dates (Oct. 26, 26 October), months named alone (in March), centuries and years."""
    centuries, spans = en_centuries(scan.text)
    scan.found += centuries
    scan.taken += spans
    for pattern in (_DATE_MD, _DATE_DM):
        for match in pattern.finditer(scan.text):
            if not scan.free(match.span()):
                continue
            month = MONTHS[match.group("m").lower()[:3]]
            scan.found.append(
                Quantity("date", month * 100 + int(match.group("d")), "", match.group(0))
            )
            scan.taken.append(match.span())
            # Oct. 5-7: the last day of a run of days is a date of that month too
            last = _DAY_RUN.match(scan.text, match.end())
            if last and last["and"] and not _BETWEEN.search(scan.text[: match.start()]):
                last = None  # "on June 5 and 16 more": no run without "between"
            if pattern is _DATE_MD and last and 1 <= int(last.group(2)) <= 31:
                day = int(last.group(2))
                scan.found.append(Quantity("date", month * 100 + day, "", f"{match['m']} {day}"))
                scan.taken.append(last.span())
                first = int(match.group("d"))
                if first < day:  # and as many days as the run has (Sept. 12-13: 2日間)
                    days = dur((day - first + 1) * MONTHS_PER["day"])
                    scan.found.append(
                        Quantity("duration", days, "months", f"{match['m']} {first}-{day}")
                    )
    for match in _MONTH_RUN.finditer(scan.text):
        named = match["c"] and _NAME_BEFORE.search(scan.text[: match.start()])
        if scan.free(match.span()) and not named:
            for part in ("a", "b") if match["a"] else ("c", "d"):
                month = MONTHS[match.group(part).lower()[:3]]
                scan.found.append(Quantity("month", month, "", match.group(part)))
            scan.taken.append(match.span())
    for match in MONTH_ALONE.finditer(scan.text):
        if scan.free(match.span()):
            scan.found.append(
                Quantity(
                    "month",
                    MONTHS[next(filter(None, match.group(*_MONTH_GROUPS))).lower()[:3]],
                    "",
                    match.group(0),
                )
            )
    for match in _BC_YEAR.finditer(scan.text):  # 500 BC: 紀元前500年
        # (not "the 2017 BC election": British Columbia's, a year of ours)
        modern = "E" not in match[0] and 1900 <= en_value(match["y"]) <= 2100
        if scan.free(match.span()) and not modern:
            scan.found.append(Quantity("year", -en_value(match["y"]), "", match.group(0)))
            scan.taken.append(match.span())
    for match in _YEAR.finditer(scan.text):
        if scan.free(match.span()):
            year = int(match.group("y") or match.group("old"))
            scan.found.append(Quantity("year", year, "", match.group(0)))
            scan.taken.append(match.span())
    for match in _DECADE.finditer(scan.text):  # the 2030s: 2030年代, read as its first year
        if scan.free(match.span()):
            scan.found.append(Quantity("year", int(match.group("y")), "", match.group(0)))
            scan.taken.append(match.span())


def _numbers(scan: _Scan) -> None:
    """Plain numbers: scaled words (two million), figures (182,000, 182k, 1.5bn) and counts
    in words ("one analyst", "two other cities")."""
    for match in _WORD_SCALE.finditer(scan.text):
        if scan.free(match.span()):
            value = (
                en_value(match.group("n")) * {"hundred": 100, **SCALE}[match.group("scale").lower()]
            )
            scan.found.append(Quantity("number", value, "", match.group(0)))
            scan.taken.append(match.span())
    for match in _PLAIN.finditer(scan.text):
        if not scan.free(match.span()):
            continue
        if match.group("k") and len(match.group("n")) == 1:
            continue  # 4K, 8K: a display's resolution (a 5K run: a distance), not 4,000
        value = en_value(match.group("n")) * SCALE.get((match.group("scale") or "").lower(), 1)
        if match.group("k"):
            value *= 1000  # 182k
        approx = scan.approx_before(match.start())
        scan.found.append(Quantity("number", value, "", match.group(0), approx))
        if _EN_DOTTED_THOUSANDS.match(match.group(0)):  # 1.000 led lights: also a thousand
            dotted = float(match.group(0).replace(".", ""))
            scan.found.append(Quantity("number", dotted, "", match.group(0), approx))
        scan.taken.append(match.span())
    for match in _MULTIPLE.finditer(scan.text):
        word = next(group for group in match.groups() if group).lower()
        if scan.free(match.span()):
            scan.found.append(Quantity("number", float(MULTIPLES[word]), "", match.group(0)))
            scan.taken.append(match.span())
    for match in _VICTIMS.finditer(scan.text):  # "the Idaho quadruple murders": four killed
        if scan.free(match.span()):
            count = {"doubl": 2, "tripl": 3, "quadrupl": 4, "quintupl": 5}[match["n"].lower()]
            scan.found.append(Quantity("number", count, "", match.group(0)))
            scan.taken.append(match.span())
    for match in _COUNT_WORDS.finditer(scan.text):  # "one analyst", "two other cities"
        if match.group(1).lower() == "one" and _PRONOUN_ONE.search(scan.text[: match.start()]):
            continue  # "win this one", "the other one": a pronoun, not a count
        if scan.free(match.span()):
            scan.found.append(Quantity("number", en_value(match.group(1)), "", match.group(0)))
