"""An English sentence made ready to read figures from: what reads as one figure made one
(forty-five, 1-1/2, 40-50%, two dozen) and what is not a figure masked (A350, 9/11, 10:30 p.m.)."""

from __future__ import annotations

import re
import unicodedata

from drafter.lang.quantities.english_words import (
    EN_NUM,
    MONTH_NAMES,
    NUM_WORD,
    ORDINALS,
    SPELLED_PHRASES,
    WORDS,
    en_value,
)
from drafter.lang.quantities.foreign_words import EN_MONTHS
from drafter.lang.quantities.japanese import full_year
from drafter.lang.quantities.quantity import VERSION

_EN_HALF = re.compile(r"\b(\d+)[- ]1[/\u2044]2\b")
# 6 ½ minutes, 2½ years, ¾ of a mile: a whole number and a fraction are one figure (NFKC would
# make "2½" read "21⁄2")
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_EN_VULGAR = re.compile(r"(?:\b(\d+)[ \u00a0-]?)?([½¼¾])")
_EN_RANGE_PCT = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*(%|percent|per cent)"
)
# 350-375 million, $2 to 3 billion: the scale (and currency) of the second end is the first's
# (the ends in words too: "one to two billion dollars per year")
_EN_RANGE_SCALE = re.compile(
    rf"(?<![\w.])([$€£¥₦]?)(\d+(?:\.\d+)?|{NUM_WORD})\s*(?:-|–|to)\s*[$€£¥₦]?"
    rf"(\d+(?:\.\d+)?|{NUM_WORD})\s*"
    # … and so is its currency, written once ("three to five hundred billion dollars")
    r"(million|billion|trillion)\b(\s+(?:dollars|euros|pounds|yen|yuan|rupees)\b)?",
    re.IGNORECASE,
)
_GLUED_CURRENCY = re.compile(
    r"\b(RM|Rs\.?|Rp|KSh|Ksh|Sh|Php|Tk)(?=\d)"
    r"|\b([RP])(?=\d[\d,.]*\s?(?:m|bn|k|million|billion|trillion)\b|\d{1,3}(?:,\d{3})+(?![\d,])"
    # R5000 a month, R14250: four figures or more, no letter after (an R1200 GS is a model)
    r"|\d{4,}(?![\w,-]|\.\d|\s+[A-Z]{2}))"
)
_RACE_TIME = re.compile(
    r"(?<![\d:.,])([1-9]):([0-5]\d):([0-5]\d)(?![\d:])"
    r"(?:\s*(?:Stunden|Std\.|hours?|hrs?|h|heures?|horas?|ore|uur)\b)?",
    re.IGNORECASE,
)
# A350, 787-9, and a video format (1080p, 1440p: a name, as Japanese text reads it too)
_EN_MODEL = re.compile(
    r"\b[A-Z]{1,3}-?\d+[A-Za-z0-9-]*\b|\b\d{3,4}[pi]\b"
    r"|(?<![\d,.])\b\d{1,3}-\d{1,3}[A-Za-z]?\b(?![,.]\d)(?!\s*(?:%|percent))"
)
# $4,000-6,000, £35-40m: a range of money, both ends in the currency (and scale) written once
_EN_MONEY_RANGE = re.compile(
    r"([$€£¥₦])(\d[\d,]*(?:\.\d+)?)\s*(?:-|–|to)\s*(\d[\d,]*(?:\.\d+)?)"
    r"(\s?(?:m|bn|k|million|billion|trillion))?\b",
    re.IGNORECASE,
)


# A range, not a model number or a score: two numbers of as many digits, the second larger
# (220-230 miles, 10-15 days; not 787-9, 4-1, 14-0)
# (0.6-0.7 mm: decimals too; 400-500 Wh/kg, 10-20 GW: a unit of measure in capitals)
_EN_SPAN = re.compile(
    r"(?<![\d.])(\d{1,4}(?:\.\d+)?)[-–](\d{1,4}(?:\.\d+)?)\b"
    r"(?=\s+(?:[a-z]|(?:[kMGT]?W|[kMGT]?Wh|V|kV|mAh|Ah|[kMG]?Hz|[KMGT]B|dB|°[CF]|Nm|PS|HP)\b))"
)


_EN_DIMENSIONS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)(?![\w.])")
_EN_DAY_RUN = re.compile(rf"\b({MONTH_NAMES})\s+(\d{{1,2}})[-–](\d{{1,2}})\b(?![-–]\d)")
# "on July 9 and 10": two days of one month (7月9日と10日), where no noun follows the second
# ("July 9 and 10 people" counts people)
_EN_DAY_PAIR = re.compile(
    rf"\b({MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(and|or|&)\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:in|at|on|when|as|and|before|after|to|of|this|that|last|next)\b)"
)


def _both_ends(low: str, high: str, unit: str) -> str:
    space = "" if unit == "%" else " "
    return f"{low}{space}{unit} to {high}{space}{unit}"


def _span(match: re.Match[str]) -> str:
    low, high = match.group(1), match.group(2)
    if len(low.split(".")[0]) == len(high.split(".")[0]) and float(high) > float(low):
        return f"{low} to {high}"
    return match.group(0)


_EN_TIME = re.compile(
    # (not a ratio's first figures: "den Faktor 1:100" is one to a hundred, not 1:10 and a 0)
    r"\b\d{1,2}:\d{2}(?!\d)(?:\s*[ap]\.?\s?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b"
    # British times with a point: "8.21pm", "08.21 GMT", and a live blog's "08.21" opening an
    # entry (a leading zero writes no figure)
    r"|\b(?:[01]?\d|2[0-3])\.[0-5]\d\s*(?:[ap]\.?m\b\.?|GMT|BST|UTC)"
    r"|(?<![\d.,])0\d\.[0-5]\d(?![\d.,]?\d)",
    re.IGNORECASE,
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# forty-five, forty five; not "eighty two-metre spiders" (80 of them, each two metres long)
_EN_COMPOUND = re.compile(
    rf"\b({_TENS})(?:-({_UNITS})|\s({_UNITS})(?![-‐][A-Za-z]))\b", re.IGNORECASE
)


_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_BELOW_100 = rf"\d{{1,2}}(?![\d,.]\d)|{_TEENS}|{_TENS}|{_UNITS}"
# seven hundred and sixty-eight, a hundred and fifty, twelve hundred: one figure (768, 150,
# 1200), not 700 and 68 (and "two hundred years" 200, "a hundred billion" 100 billion); then
# "two thousand and 12", "one thousand 200": 2012, 1200
_EN_HUNDREDS = re.compile(
    rf"\b(a|{_UNITS}|{_TEENS})[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?({_BELOW_100})\b)?(?![\s-]*hundred)",
    re.IGNORECASE,
)
_EN_THOUSANDS = re.compile(
    rf"\b(a|{_UNITS}|{_TEENS}|{_TENS}|\d{{1,3}}(?![\d,.]\d))[\s-]+thousand[\s-]+(?:and[\s-]+)?"
    rf"(\d{{1,3}}(?![\d,.]\d)|{_TEENS}|{_TENS}|{_UNITS})\b"
    r"(?![\s-]*(?:thousand|million|billion|trillion)\b)",
    re.IGNORECASE,
)


# a spec sheet's "Days Skied: ~12", "Hours played: 40": that many days, hours (「約12日間」)
_SPEC_SPAN = re.compile(
    r"\b(days|hours|weeks|months|years|minutes)\b([^:\n.]{0,25}):\s*(~\s?)?(\d+(?:\.\d+)?)"
    r"(?![\d.,])(?!\s*(?:days|hours|weeks|months|years|minutes)\b)",
    re.IGNORECASE,
)


def _spec_lines(text: str) -> str:
    return _SPEC_SPAN.sub(
        lambda m: f"{m[1]}{m[2]}: {'about ' if m[3] else ''}{m[4]} {m[1].lower()}", text
    )


def _short_year(match: re.Match[str]) -> str:
    return f"{'19' if int(match[1]) >= 30 else '20'}{match[1]}"


def _decade(match: re.Match[str]) -> str:
    return f"{'20' if match[1] in ('00', '10') else '19'}{match[1]}s"


def _word_value(word: str) -> int:
    return int(word) if word.isdigit() else int(WORDS[word.lower()])


def _whole_figures(text: str) -> str:
    """Number words that make one figure, written as that figure."""
    text = _EN_HUNDREDS.sub(
        lambda m: str(_word_value(m[1]) * 100 + (_word_value(m[2]) if m[2] else 0)), text
    )
    return _EN_THOUSANDS.sub(lambda m: str(_word_value(m[1]) * 1000 + _word_value(m[2])), text)


_EN_LOST_POUND = re.compile(r"(?<![A-Za-z])PS(?=\d[\d,]|\d(?:\.\d+)?\s*(?:million|billion|bn|m)\b)")


# 9/11 (the attacks), 24/7 (all the time): names, not the figures 9 and 11
_EN_NAMED_SLASH = re.compile(r"(?<![\d/.,])(?:9/11|24/7)(?![\d/])")


_INDIAN_SCALE = {"lakh": 1e5, "crore": 1e7}


# 12/15/15, 12/15/2015: a date as American text writes it, month first, with its year
_DAY_MONTH_SHORT_YEAR = re.compile(
    r"\b([0-3]?\d) (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? ([0-2]\d)(?=[)\],;.]|$)"
)
_US_DATE = re.compile(
    r"(?<![\d/.])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/((?:19|20)\d\d|\d\d)(?![\d/])"
)


def _us_date(match: re.Match[str]) -> str:
    return f"{EN_MONTHS[int(match[1]) - 1]} {int(match[2])}, {full_year(match[3])}"


# 2018-04-05, 2018.04.05, 2018/04/05: a date year first, as East Asian and ISO text write it
# ("2018.04.05 ~ OPEN RUN" was a year, a 4 and a 5)
_YEAR_FIRST_DATE = re.compile(
    r"(?<![\d/.,-])((?:19|20)\d\d)([-./])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?![\d/.,-]\d)"
)


def _year_first_date(match: re.Match[str]) -> str:
    return f"{EN_MONTHS[int(match[3]) - 1]} {int(match[4])}, {match[1]}"


_BIRTHS = {"triplets": 3, "quadruplets": 4, "quintuplets": 5, "sextuplets": 6}


def _spelled_out(text: str) -> str:
    """Counts the words give whole: "two dozen" is 24 (half a dozen 6), "1.5 lakh" 150,000
    and "2 crore" 20,000,000 (Indian English), "a week or month" a month as well, and
    "between 3 and 5 minutes" a range, as "3 to 5 minutes" writes it."""
    text = re.sub(r"\b(?:half\s+a\s+|a\s+half[\s-])dozen\b", "6", text, flags=re.I)
    # children of one birth: "the birth of quadruplets" is four babies (a rendering says 4人)
    text = re.sub(
        r"\b(?<!\d )(?<!sets of )(triplets|quadruplets|quintuplets|sextuplets)\b",
        lambda m: f"{_BIRTHS[m[1].lower()]} {m[1]}",
        text,
        flags=re.I,
    )
    # "for a couple hundred years": about 200 years (not a couple, and 100 years); "a couple
    # years back": two or three (「2、3年前」), as a couple of units is often meant
    text = _COUPLE_HUNDRED.sub(
        lambda m: f"about {WORDS[m[1].lower()] * (100 if m[2].lower() == 'hundred' else 1000):,}",
        text,
    )
    text = _COUPLE_OF_UNITS.sub(r"2 to 3 \1", text)
    # nearly double the target: twice it, near enough
    text = re.sub(r"\b(nearly|almost|about|roughly|around|more than|over) double\b", r"\1 twice",
                  text, flags=re.I)  # fmt: skip
    text = re.sub(
        rf"\b(?!an?\b)({EN_NUM}|{NUM_WORD})\s+dozen\b",
        lambda m: _whole(en_value(m[1]) * 12),
        text,
        flags=re.I,
    )
    text = _FRACTION.sub(_fraction, text)  # two-thirds of Republicans: 66.67 percent, not two
    text = _DEVANAGARI_ONE.sub("1 ", text)  # एक लाख: one lakh (एक alone is also "a")
    text = _DEVANAGARI_SCALE_WORD.sub(lambda m: _DEVANAGARI_SCALE[m[0]], text)  # 3.6 लाख
    text = _DEVANAGARI_MONTH_WORD.sub(lambda m: _DEVANAGARI_MONTHS[m[0]], text)  # 1 सितंबर
    text = _DEVANAGARI_COUNT_WORD.sub(lambda m: _DEVANAGARI_COUNT[m[0]], text)  # पाँच जेट: 5
    text = _ARABIC_WORD.sub(lambda m: _ARABIC[m[0]], text)  # ٣٩ ألف: 39 thousand
    text = _SHILLINGS.sub(_shillings, text)  # East Africa's "4m/-": 4 million shillings
    text = _ANNIVERSARY.sub(_anniversary, text)  # "its 30th anniversary": 30 years (30周年)
    text = _UNIT_AFTER.sub(lambda m: f"{m[1]} {_UNITS_UNREAD[m[2]]}", text)  # दस साल: 10 years
    text = re.sub(
        rf"\b({EN_NUM})\s+(lakh|crore)s?\b",
        lambda m: _in_millions(en_value(m[1]) * _INDIAN_SCALE[m[2].lower()]),
        text,
        flags=re.I,
    )
    text = re.sub(r"\b(an?|one) (hour|day|week|month|year) or (?=(?:day|week|month|year)\b)",
                  r"\1 \2 or a ", text, flags=re.I)  # fmt: skip
    return re.sub(
        rf"\bbetween ({EN_NUM}|{NUM_WORD}) and (?=\d|(?:{NUM_WORD})\b)",  # (10 and 20 too)
        r"\1 to ",
        text,
        flags=re.I,
    )


def _in_millions(value: float) -> str:
    """A lakh figure as the check's reasons show it: 2.4 million, 150000."""
    return f"{value / 1e6:g} million" if value >= 1e6 else _whole(value)


# "eight of its 28 million people", "huit des 28 millions d'habitants": the part is in millions
# too (as French, Spanish, Italian and Portuguese are read once their numbers are English)
_SHARE_OF_SCALE = re.compile(
    rf"\b(\d+(?:\.\d+)?|{NUM_WORD})\s+"
    r"(?:(?:out\s+)?of|des|de\s+l[oa]s|dei|degli|delle|dos|das)\s+"
    r"(?:the\s+|its\s+|their\s+)?(\d+(?:\.\d+)?)\s+(million|billion)\b",
    re.IGNORECASE,
)


def _share_of_scale(match: re.Match[str]) -> str:
    part, whole, scale = match.group(1), match.group(2), match.group(3)
    part = str(WORDS.get(part.lower(), part))
    if not 1 < float(part) < float(whole):  # "one of the 50 million": one of them
        return match.group(0)
    return f"{part} {scale} of {whole} {scale}"


# (with a space, "two quarters" may be half a year: only a hyphen makes quarters a share)
_FRACTION = re.compile(
    r"\b(one|two|three|four)(?:-(third|thirds|quarter|quarters|fifth|fifths)|"
    r" (third|thirds|fifth|fifths))\b",
    re.IGNORECASE,
)
_PARTS = {"third": 3, "quarter": 4, "fifth": 5}


def _fraction(match: re.Match[str]) -> str:
    share = WORDS[match[1].lower()] / _PARTS[(match[2] or match[3]).lower().rstrip("s")]
    return f"{100 * share:.4g} percent"


_COUPLE_HUNDRED = re.compile(r"\b(?:a\s+)?(couple|few)(?:\s+of)?\s+(hundred|thousand)\b", re.I)
_COUPLE_OF_UNITS = re.compile(
    r"\ba\s+couple\s+(?:of\s+)?(years|months|weeks|days|hours|minutes)\b", re.I
)
# a Hindi reader's "3.6 लाख": India's lakh and crore in Devanagari
_DEVANAGARI_SCALE = {"लाख": "lakh", "करोड़": "crore", "करोड": "crore"}
_DEVANAGARI_SCALE_WORD = re.compile("|".join(sorted(_DEVANAGARI_SCALE, key=len, reverse=True)))
_DEVANAGARI_ONE = re.compile(r"(?<![\u0900-\u097f])एक\s+(?=लाख|करोड)")
# … and the months of a Hindi page's dates (Dainik Bhaskar's "1 सितंबर की रात", round DC)
_DEVANAGARI_MONTHS = dict(zip(
    ("जनवरी", "फरवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
     "सितम्बर", "अक्टूबर", "नवंबर", "नवम्बर", "दिसंबर", "दिसम्बर"),
    ("January", "February", "February", "March", "April", "May", "June", "July", "August",
     "September", "September", "October", "November", "November", "December", "December"),
    strict=True,
))  # fmt: skip
_DEVANAGARI_MONTH_WORD = re.compile(
    r"(?<![\u0900-\u097f])(?:"
    + "|".join(sorted(_DEVANAGARI_MONTHS, key=len, reverse=True))
    + r")(?![\u0900-\u097f])"
)
# … and the counts a Hindi reader writes as words ("पाँच जेट गिराए, जिनमें तीन राफ़ेल": five
# jets, three of them Rafales), whole words only (a vowel sign is no word character to \b)
_DEVANAGARI_COUNT = {"दो": "2", "तीन": "3", "चार": "4", "पाँच": "5", "पांच": "5", "छह": "6",
                     "सात": "7", "आठ": "8", "नौ": "9", "दस": "10", "बीस": "20", "सौ": "100",
                     "हज़ार": "1000", "हजार": "1000"}  # fmt: skip
# "the 30th anniversary", "the seventh anniversary of the riots": so many years (30周年)
_ANNIVERSARY = re.compile(
    rf"\b(?:(\d+)(?:st|nd|rd|th)|({'|'.join(ORDINALS)}))(?=\s+(?:anniversary|jubilee)\b)",
    re.IGNORECASE,
)


def _anniversary(match: re.Match[str]) -> str:
    return f"{match[1] or ORDINALS[match[2].lower()]} years'"


# East Africa writes its shillings "4m/-", "10,000/-"
_SHILLINGS = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s?(m|bn|b|k)?\s*/-", re.IGNORECASE)
_SHILLING_SCALE = {"m": " million", "bn": " billion", "b": " billion", "k": " thousand"}


def _shillings(match: re.Match[str]) -> str:
    return f"{match[1]}{_SHILLING_SCALE.get((match[2] or '').lower(), '')} shillings"


# … and an Arabic reader's ("٣٩ ألف شهيد": 39 thousand martyrs; "ثلاثين سنة": thirty years;
# the digits are digits already), whole words only
_ARABIC = {"ألف": "thousand", "آلاف": "thousand", "مليون": "million", "ملايين": "million",
           "مليار": "billion", "اثنين": "2", "اثنان": "2", "ثلاث": "3", "ثلاثة": "3",
           "أربع": "4", "أربعة": "4", "خمس": "5", "خمسة": "5", "ست": "6", "ستة": "6",
           "سبع": "7", "سبعة": "7", "ثماني": "8", "ثمانية": "8", "تسع": "9", "تسعة": "9",
           "عشر": "10", "عشرة": "10", "عشرين": "20", "عشرون": "20", "ثلاثين": "30",
           "ثلاثون": "30", "أربعين": "40", "خمسين": "50", "مئة": "100", "مائة": "100"}  # fmt: skip
_ARABIC_WORD = re.compile(
    r"(?<![\u0600-\u06ff])(?:"
    + "|".join(sorted(_ARABIC, key=len, reverse=True))
    + r")(?![\u0600-\u06ff])"
)
# the units of time those readers write after a figure (10 साल, 30 سنة)
_UNITS_UNREAD = {"साल": "years", "वर्ष": "years", "महीने": "months", "महीना": "months",
                 "हफ़्ते": "weeks", "हफ्ते": "weeks", "दिन": "days", "घंटे": "hours",
                 "سنة": "years", "سنوات": "years", "عام": "years", "أعوام": "years",
                 "شهر": "months", "شهور": "months", "أشهر": "months", "أسبوع": "weeks",
                 "أسابيع": "weeks", "يوم": "days", "أيام": "days", "ساعة": "hours",
                 "ساعات": "hours"}  # fmt: skip
_UNIT_AFTER = re.compile(
    r"(\d)\s+("
    + "|".join(sorted(_UNITS_UNREAD, key=len, reverse=True))
    + r")(?![\u0600-\u06ff\u0900-\u097f])"
)
_DEVANAGARI_COUNT_WORD = re.compile(
    r"(?<![\u0900-\u097f])(?:"
    + "|".join(sorted(_DEVANAGARI_COUNT, key=len, reverse=True))
    + r")(?![\u0900-\u097f])"
)


def _whole(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


_MIL = re.compile(r"((?:US\$|RM|Rs\.?|Rp\.?|[$€£¥₦])\s?\d+(?:[.,]\d+)?)\s*mil\b")
_WHOLLY_OWNED = re.compile(r"\b(?:wholly|fully|entirely)[\s-]owned\b", re.IGNORECASE)


def _shorthand(text: str) -> str:
    """A reader's "RM6 mil", "$2 mil": a million, as readers write it of money (not "20 mil",
    a thickness); "wholly owned by the govt": all of it (「政府が100%所有」)."""
    return _WHOLLY_OWNED.sub("100 percent owned", _MIL.sub(r"\1 million", text))


def prepared(sentence: str) -> str:
    """The sentence with what reads as one figure made one (forty-five, 1-1/2, 40-50%) and
    what is not a figure masked."""
    text = _EN_VULGAR.sub(lambda m: _whole(int(m[1] or 0) + _VULGAR[m[2]]), sentence)
    text = unicodedata.normalize("NFKC", text)
    # RM6.162 million (ringgit), Rs500, Rp2.5 billion, KSh300, R2.5 billion and R5000 (rand),
    # P1.2 million (peso): a currency written against its figure, which stays the figure, not a
    # model code
    text = _GLUED_CURRENCY.sub(lambda m: f"{m[1] or m[2]} ", text)
    # PS640, PS1.5million: the pound sign as some news text (SummEdits) lost it (a PS5 is a
    # games console)
    text = _EN_LOST_POUND.sub("£", text)
    # a race's time, 2:04:23 (Stunden): 2 hours, 4 minutes and 23 seconds (「2時間4分23秒」
    # had been against 23 hours, the Hamburger Abendblatt's marathon, round DJ)
    text = _RACE_TIME.sub(r"\1 hours \2 minutes \3 seconds", text)
    text = _shorthand(text)
    text = VERSION.sub("", text)  # version 1.8.3, 10.0.0.1: no figure (not 1.8)
    # a weeklong trial, a yearlong probe: one week, one year
    text = re.sub(r"(?<![\w-])(hour|day|week|month|year)-?long\b", r"one-\1-long", text, flags=re.I)
    # Forty-five: one number, not forty and five
    text = _EN_COMPOUND.sub(
        lambda m: str(WORDS[m.group(1).lower()] + WORDS[(m.group(2) or m.group(3)).lower()]),
        text,
    )
    text = _whole_figures(text)
    text = _spec_lines(text)
    # the class of '98, "nel '98": the year 1998 (not '98 percent)
    text = re.sub(r"(?<![\w'’])['’]([3-9]\d|[01]\d)\b(?!s\b|['’]|\s*(?:%|per))", _short_year, text)
    # the early '80s: the 1980s (「1980年代」); '00s and '10s are this century's ('20s is
    # either, left unread)
    text = re.sub(r"(?<![\w'’])['’]([13-9]0|00)s\b", _decade, text)
    text = _EN_HALF.sub(lambda m: f"{m.group(1)}.5", text)  # a near 1-1/2 year trade war
    text = _US_DATE.sub(_us_date, text)
    text = _YEAR_FIRST_DATE.sub(_year_first_date, text)
    # "posted this morning, 14 Oct. 15": a day, a month and a two-digit year (2015), not the
    # 15th of October
    text = _DAY_MONTH_SHORT_YEAR.sub(lambda m: f"{m[1]} {m[2]} 20{m[3]}", text)
    text = _spelled_out(text)
    text = _SHARE_OF_SCALE.sub(_share_of_scale, text)  # eight of its 28 million: 8 million
    # 40-50%, 40 to 80 percent: both ends are percentages ("40 percent", not "40percent")
    text = _EN_RANGE_PCT.sub(lambda m: _both_ends(m.group(1), m.group(2), m.group(3)), text)
    text = _EN_RANGE_SCALE.sub(
        lambda m: f"{m[1]}{m[2]} {m[4]}{m[5] or ''} to {m[1]}{m[3]} {m[4]}{m[5] or ''}", text
    )  # 350-375 million: both ends are millions
    text = _EN_MONEY_RANGE.sub(
        lambda m: f"{m[1]}{m[2]}{m[4] or ''} to {m[1]}{m[3]}{m[4] or ''}", text
    )
    # model numbers and codes (A350, 787-9, F-35, G7) are names, and 10:30 p.m. a time of
    # day: not figures
    text = _EN_SPAN.sub(_span, text)  # 220-230 miles: a range, not a model number
    text = _EN_DAY_RUN.sub(r"\1 \2 to \3", text)  # Sept. 12-13, at a clause's end: no score
    text = _EN_DAY_PAIR.sub(r"\1 \2 \3 \1 \4", text)  # July 9 and 10: July 9 and July 10
    text = _EN_DIMENSIONS.sub(r"\1 by \2", text)  # 3440x1440, 6 x 4: two figures
    # N500m, N1.2bn: the naira as the Nigerian press writes it (not a model number)
    text = re.sub(r"\bN(?=\d[\d,.]*\s?(?:m|bn|k|million|billion|trillion)\b)", "₦", text)
    for pattern, replacement in SPELLED_PHRASES:  # a quarter century, half a billion, …
        text = pattern.sub(replacement, text)
    text = _EN_MODEL.sub(lambda m: "#" * len(m.group(0)), text)
    text = _EN_NAMED_SLASH.sub(lambda m: "#" * len(m.group(0)), text)
    return _EN_TIME.sub(lambda m: "#" * len(m.group(0)), text)
