"""The words of English figures: numbers, scales, currencies, months, units of time,
multiples and ordinals (read by drafter.lang.quantities.english)."""

import re
from collections.abc import Callable

WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "half": 0.5,
    "dozen": 12, "single": 1, "couple": 2, "few": 3,
}  # fmt: skip
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
         "mln": 1e6, "m": 1e6, "b": 1e9, "k": 1e3, "tn": 1e12}  # fmt: skip
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₦": "NGN",
                  "R$": "BRL", "RP": "IDR", "RM": "MYR", "SH": "SHILLING", "KSH": "SHILLING",
                  "TSH": "SHILLING", "USH": "SHILLING"}  # fmt: skip
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                  "yen": "JPY", "pound": "GBP", "pounds": "GBP", "yuan": "CNY",
                  "won": "KRW", "rupees": "INR", "francs": "CHF", "naira": "NGN",
                  "reais": "BRL", "rubles": "RUB", "roubles": "RUB", "rupiah": "IDR",
                  # East Africa's shillings are one here: a translation writes シリング for each
                  "shilling": "SHILLING", "shillings": "SHILLING", "ringgit": "MYR",
                  "rand": "ZAR", "baht": "THB", "peso": "PESO", "pesos": "PESO", "lira": "TRY",
                  "liras": "TRY", "dirham": "AED", "dirhams": "AED", "riyal": "RIYAL",
                  "riyals": "RIYAL", "shekel": "ILS", "shekels": "ILS", "zloty": "PLN",
                  "zlotys": "PLN"}  # fmt: skip
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTHS_PER = {"decade": 120.0, "century": 1200.0, "centurie": 1200.0,
              "year": 12.0, "month": 1.0, "week": 12 / 52, "day": 12 / 365, "quarter": 3.0,
              "hour": 12 / 365 / 24, "minute": 12 / 365 / 24 / 60,
              "second": 12 / 365 / 24 / 3600,
              # abbreviated: "a 30 min activity", "2 hrs"
              "yr": 12.0, "wk": 12 / 52, "hr": 12 / 365 / 24, "min": 12 / 365 / 24 / 60,
              "sec": 12 / 365 / 24 / 3600}  # fmt: skip
MULTIPLES = {"doubl": 2, "tripl": 3, "quadrupl": 4, "twice": 2, "two": 2, "three": 3, "four": 4,
             "five": 5, "ten": 10}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "twentieth": 20, "thirtieth": 30, "fiftieth": 50,
}  # fmt: skip


def _times(factor: float) -> Callable[[re.Match[str]], str]:
    return lambda m: f"{factor} {m.group(1)}"


# Phrases that spell a figure another way, rewritten before figures are read (in this order)
def _object_age(match: re.Match[str]) -> str:
    years = float(match.group(1).replace(",", ""))
    return f"{match.group(1)} years back" if years >= 150 else match.group(0)


SPELLED_PHRASES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # a 0-500 scale, a 1-10 scale: both ends, no score
    (re.compile(r"(?i)\b(\d+)\s*[-–]\s*(\d+)(?=[\s-]+(?:point\s+)?scale\b)"), r"\1 to \2"),
    # a quarter century: 25 years, not a quarter (three months) and a century
    (re.compile(r"(?i)\b(?:a|one)[\s-]+quarter(?:[\s-]+of[\s-]+a)?[\s-]+century\b"), "25 years"),
    # half a century, half a decade, half an hour: half the span (not the half of "a two and a
    # half year block", which is 2.5 years)
    (
        re.compile(
            r"(?i)(?<!and a )(?<!and-a-)\bhalf[\s-]+(?:an?[\s-]+)?"
            r"(century|decade|year|month|week|day|hour)\b"
        ),
        _times(0.5),
    ),
    # half a percentage point, a quarter of a point: 0.5, 0.25 (「0.5ポイント以上」)
    (
        re.compile(r"(?i)\b(half|a quarter)(?: of)? an? (percentage points?|points?|percent)\b"),
        lambda m: f"{0.5 if m[1].lower() == 'half' else 0.25} {m[2]}",
    ),
    # a quarter-point hike, "Quarter point to a range of…", a half-point cut: of a rate
    (
        re.compile(r"(?i)\b(?:an?\s+)?(half|quarter)[\s-]+(percentage[\s-]+)?point\b"),
        lambda m: f"{0.5 if m[1].lower() == 'half' else 0.25} percentage point",
    ),
    # his year-plus of comments: more than a year (「1年以上」); call 9-1-1: the number 911
    (re.compile(r"(?i)\b(?:a\s+)?(year|month|week|decade)-plus\b"), r"more than a \1"),
    (re.compile(r"\b(9-1-1|3-1-1|1-1-2|9-9-9)\b"), lambda m: m[1].replace("-", "")),
    # a duo, the trio, a quartet: two, three, four people (「3人編成」; not "Trio", a name)
    (
        re.compile(r"\b(duo|trio|quartet|quintet)\b"),
        lambda m: {"duo": "two", "trio": "three", "quartet": "four", "quintet": "five"}[m[1]],
    ),
    # a fortnight: two weeks (「2週間後」); 24/7: round the clock, 24 hours on 7 days (「24時間」);
    # dual panels, a dual-core chip: two
    (re.compile(r"(?i)\b(?:a|one) fortnight\b|\bfortnight\b"), "two weeks"),
    (re.compile(r"(?<![\d/])24\s*/\s*7(?![\d/])"), "24 hours, 7 days"),
    (re.compile(r"(?i)\bdual(?=[\s-]+[a-z])"), "two"),
    # half a billion: 500 million, not a billion
    (re.compile(r"(?i)\bhalf an? (million|billion|trillion)\b"), _times(0.5)),
    # a quarter million, three quarters of a billion: 250,000 and 750 million, not a quarter
    # (three months) and a million (round CM: 「25万人」 for "a quarter million people")
    (
        re.compile(
            r"(?i)\b(?:a|one)[\s-]+quarter(?:[\s-]+of[\s-]+an?)?[\s-]+(million|billion|trillion)\b"
        ),
        _times(0.25),
    ),
    (
        re.compile(
            r"(?i)\bthree[\s-]+quarters(?:[\s-]+of[\s-]+an?)?[\s-]+(million|billion|trillion)\b"
        ),
        _times(0.75),
    ),
    # 23 megapixels: 23 million pixels (「2300万画素」)
    (re.compile(r"(?i)\b(\d+(?:\.\d+)?)[\s-]*(?:megapixels?|MP)\b"), r"\1 million pixels"),
    # over the past year, in the past decade, in the last year: one year, ten years ("last
    # year" without "the" is the year before, a date)
    (re.compile(r"(?i)\b(past|previous|(?<=the )last) (year|month|week|decade)\b"), r"\1 1 \2"),
    # another decade, another year; the decade, this decade, the next decade: one of each
    # (「さらに10年」, 「この10年」; "next year" alone stays a date)
    (re.compile(r"(?i)\b(another) (year|month|week|decade|century)\b"), r"\1 1 \2"),
    (
        re.compile(r"(?i)\b(the|this|that|the next|the coming) (decade|century)\b(?!['’]s)"),
        r"\1 1 \2",
    ),
    # "a 50,000-year-old tool", "approximately 50,000 years old": no one's age but a span back
    # in time (「約5万年前」); a person's age stays an age
    (re.compile(r"(?i)\b(\d[\d,]*)[\s-]+years?[\s-]+old\b"), _object_age),
    # a biennial forum: held every 2 years (「2年に1度」)
    (
        re.compile(r"(?i)\b(bi|tri)ennial(ly)?\b"),
        lambda m: "every 2 years" if m[1].lower() == "bi" else "every 3 years",
    ),
    # a bi-level unit, a tri-level home: of two, three levels (「2層構造」; the Apartment
    # Therapy draft's 2 had been held to the sentence's "only three of its kind")
    (
        re.compile(r"(?i)\b(bi|tri)-?(level|layer)(s?)\b"),
        lambda m: f"{'two' if m[1].lower() == 'bi' else 'three'}-{m[2]}{m[3]}",
    ),
    # a year or two: one to two years
    (
        re.compile(r"(?i)\b(?:a|an|one) (year|month|week|day|hour|minute|second) or two\b"),
        r"1 to 2 \1s",
    ),
)

# the months by their whole names; and without May, which may be the verb
FULL_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_NOT_MAY = FULL_MONTHS.replace("|May", "")

# a month named alone, where it is a month and not the verb "may" or a name (April)
MONTH_ALONE = re.compile(
    r"(?:\b(?i:in|since|until|till|by|from|of|last|next|this|early|late|between|and|to|through|"
    r"before|after|during|or|the|every|each|beyond|past|into|throughout|over|than|versus|"
    r"against)\s+"
    # "since about April", "until around May": the preposition's month, roughly
    r"(?:(?i:about|around|roughly|approximately)\s+)?|\b(?i:mid|late|early)-)"
    rf"(?P<m>{FULL_MONTHS})\b"
    # or a month's own event: "October's Money 20/20 conference"
    rf"|\b(?P<m2>{_NOT_MAY})(?=['’]s\b)"
    # or before a year, whatever comes first ("as late as December 2022", "May 2021")
    rf"|\b(?P<m3>{FULL_MONTHS})(?=,?\s+(?:18|19|20|21)\d\d\b)"
    # or after a possessive: "Norway's October oil production" (May may be the verb)
    rf"|(?<=['’]s\s)(?P<m4>{_NOT_MAY})\b"
    # or as the subject of a verb: "November marked the beginning of the season"
    rf"|\b(?P<m5>{_NOT_MAY})(?=\s+(?:was|is|will|has|had|marked|marks|saw|sees|brought|"
    r"brings|began|begins|ended|ends|opened|opens|closed|closes)\b)"
)

MONTH_NAMES = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# never a trailing comma: "in 2008, won the" is no money; a decimal may open with its point
# (".07%", "batting .212"), not after a word or another point ("v.2", "...5")
EN_NUM = r"(?:\d(?:[\d,]*\d)?(?:\.\d+)?|(?<![\w.])\.\d+)"
NUM_WORD = "|".join(sorted(WORDS, key=len, reverse=True))


def en_value(raw: str) -> float:
    raw = raw.lower()
    if raw in WORDS:
        return float(WORDS[raw])
    return float(raw.replace(",", ""))
