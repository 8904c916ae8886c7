"""Numbers, money, percentages, dates and durations in Japanese and English, normalised so a
Japanese sentence can be compared with its English evidence.

`18万2000トン` and `182,000 tonnes` both become 182000; `15億ドル` and `$1.5 billion` both become
1.5e9 USD; `10月26日` and `Oct. 26` both become the date 10-26; `1年` and `one year` and
`12 months` all become 12 months. Kanji numerals (二〇二五, 千三百億, 十二) count only when a
unit or counter follows, so words like 一方 or 統一 are never read as numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

Kind = str  # "number" | "percent" | "money" | "date" | "month" | "year" | "duration"


@dataclass(frozen=True)
class Quantity:
    kind: Kind
    value: float
    unit: str = ""
    text: str = ""
    approx: bool = False
    # how the text bounds the value: "min" (50人以上, more than 50), "max" (50人未満, up to
    # 50), "about" (約50人, nearly 50) or "" (as stated)
    bound: str = ""

    def label(self) -> str:
        return self.text or f"{self.value:g}{self.unit}"


# ---------------------------------------------------------------- Japanese

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9}  # fmt: skip
_KANJI_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 1e4, "億": 1e8, "兆": 1e12}
_KANJI_NUM = "〇零一二三四五六七八九十百千"
_NUM_PART = rf"(?:\d[\d,]*(?:\.\d+)?|[{_KANJI_NUM}]+)"
_JA_NUMBER = re.compile(rf"{_NUM_PART}(?:[万億兆](?:{_NUM_PART}[万億兆]?)*)?")
_JA_CURRENCY = {
    "米ドル": "USD", "ドル": "USD", "ユーロ": "EUR", "円": "JPY", "ポンド": "GBP",
    "人民元": "CNY", "元": "CNY", "ウォン": "KRW", "ルピー": "INR", "フラン": "CHF",
}  # fmt: skip
_JA_COUNTERS = (
    "トン|人|件|社|カ国|か国|ヵ国|ヶ国|国|台|隻|機|基|棟|戸|世帯|店|校|回|倍|本|枚|個|頭|羽|ドル|円|"
    "ユーロ|ポンド|元|ウォン|ルピー|フラン|バレル|キロ|メートル|キロメートル|ヘクタール|リットル|"
    "ギガワット|メガワット|キロワット|ワット|時間|年|月|日|週|歳|位|票|議席|ポイント|%|割|"
    "カ月|か月|ヵ月|ヶ月|ケ月|箇月"
)
_APPROX_JA = re.compile(
    r"(約|およそ|ほぼ|前後|程度|近く|超|以上|以下|未満|余り|あまり|ほど|強|弱|くらい|ぐらい|足らず|"
    r"少なくとも|最大|最低)"
)
_JA_MIN_BEFORE = re.compile(r"(少なくとも|最低)\s*$")
_JA_MAX_BEFORE = re.compile(r"(最大)\s*$")
_JA_MIN_AFTER = re.compile(r"^\s*(以上|超|余り|あまり|強)")
_JA_MAX_AFTER = re.compile(r"^\s*(以下|未満|弱|足らず)")
_JA_TOKEN = re.compile(
    rf"(?P<num>{_JA_NUMBER.pattern})\s*"
    rf"(?P<unit>%ポイント|パーセントポイント|%|パーセント|割|米ドル|ドル|ユーロ|円|ポンド|人民元|元|ウォン|ルピー|"
    rf"フラン|カ月|か月|ヵ月|ヶ月|ケ月|箇月|週間|日間|時間|年間|分間|分(?!の[0-9０-９一二三四五六七八九十])|年|月|日|"
    rf"{_JA_COUNTERS})?"
)
_JA_DATE = re.compile(r"(?:(?P<y>\d{4})年)?\s*(?P<m>\d{1,2})月\s*(?:(?P<d>\d{1,2})日)?(?!間)")


def _dur(months: float) -> float:
    """A duration in months to six significant digits, the same on both sides: minutes are
    about 2e-5 months, so rounding to decimal places would make 1分 and 2分 equal."""
    return float(f"{months:.6g}")


def _kanji_to_int(text: str) -> float | None:
    if all(ch in _KANJI_DIGITS for ch in text):  # positional: 二〇二五
        return float("".join(str(_KANJI_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[ch] if current else _KANJI_DIGITS[ch]
        elif ch in _KANJI_SMALL:
            total += (current or 1) * _KANJI_SMALL[ch]
            current = 0
        else:
            return None
    return float(total + current)


def _plain(part: str) -> float | None:
    if part[0].isdigit():
        try:
            return float(part.replace(",", ""))
        except ValueError:
            return None
    return _kanji_to_int(part)


def parse_ja_number(text: str) -> float | None:
    """`18万2000` → 182000, `1.3兆` → 1.3e12, `千三百億` → 1.3e11, `二〇二五` → 2025."""
    total = 0.0
    pending = 0.0
    for part, big in re.findall(rf"({_NUM_PART})([万億兆]?)", text):
        value = _plain(part)
        if value is None:
            return None
        if big:
            total += value * _BIG[big]
        else:
            pending += value
    return total + pending


def _is_kanji(text: str) -> bool:
    return not any(ch.isdigit() for ch in text)


_JA_RANGE = re.compile(
    r"(\d[\d,.]*)\s*[〜~～\-－–]\s*(\d[\d,.]*)\s*"
    r"(%|パーセント|か月|カ月|ヶ月|年|週間|日間|時間|万|億|兆|ドル|円|ユーロ|トン|人)"
)
_JA_FRACTION = re.compile(r"[\d一二三四五六七八九十]+分の[\d一二三四五六七八九十]+")


_JA_HALF = re.compile(r"(\d+)(年|時間|か月|カ月|ヶ月|ヵ月|週間)半")
# A number that is part of a name, not a figure: A350, 787-9, G7, F-35, S&P500種指数,
# ダウ工業株30種平均; an ordinal: 第1段階, 修正第1条, 1年目, 3番目.
_JA_NOT_FIGURE_BEFORE = re.compile(r"(?:[A-Za-z&][-‐]?|第|\d[-‐])$")
_JA_NOT_FIGURE_AFTER = re.compile(
    r"^(?:[-‐][A-Za-z0-9]|[A-Za-z]|種(?:平均|指数|株価)|番目|目(?!標|指|安|立))"
)


def ja_quantities(sentence: str) -> list[Quantity]:
    text = unicodedata.normalize("NFKC", sentence)
    text = _JA_FRACTION.sub("", text)  # 3分の1: fractions are not compared
    text = _JA_HALF.sub(lambda m: f"{m.group(1)}.5{m.group(2)}", text)  # 1年半 = 1.5年
    text = _JA_RANGE.sub(lambda m: f"{m.group(1)}{m.group(3)}〜{m.group(2)}{m.group(3)}", text)
    found: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    for match in _JA_DATE.finditer(text):
        month = int(match.group("m"))
        if not 1 <= month <= 12:
            continue
        if match.group("d"):
            found.append(Quantity("date", month * 100 + int(match.group("d")), "", match.group(0)))
        else:
            found.append(Quantity("month", month, "", match.group(0)))
        if match.group("y"):
            found.append(Quantity("year", int(match.group("y")), "", match.group("y") + "年"))
        spans.append(match.span())
    for match in _JA_TOKEN.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        raw, unit = match.group("num"), match.group("unit") or ""
        if _JA_NOT_FIGURE_BEFORE.search(text[: match.start()]) or _JA_NOT_FIGURE_AFTER.match(
            text[match.end() :]
        ):
            continue
        if not unit and text[match.end() : match.end() + 1] == "時":
            continue  # 午前0時, 4時半: a time of day, not a figure
        if _is_kanji(raw.rstrip("万億兆")) and not unit:
            continue  # 一方, 統一: a kanji numeral counts only with a counter after it
        if _is_kanji(raw) and len(raw) == 1 and raw in "万億兆":
            continue
        value = parse_ja_number(raw)
        if value is None:
            continue
        before = text[max(0, match.start() - 5) : match.start()]
        if before.endswith(("数", "何", "幾")):
            continue  # 数十人, 数百万ドル: a vague amount, not a figure to compare
        after = text[match.end() : match.end() + 3]
        approx = bool(_APPROX_JA.search(before[-3:]) or _APPROX_JA.match(after))
        if _JA_MIN_BEFORE.search(before) or _JA_MIN_AFTER.match(after):
            bound = "min"
        elif _JA_MAX_BEFORE.search(before) or _JA_MAX_AFTER.match(after):
            bound = "max"
        else:
            bound = "about" if approx else ""
        quantity = _ja_kind(value, unit, match.group(0).strip(), approx, text, match.end())
        if quantity is not None and not (
            quantity.kind in ("number", "money") and quantity.value == 1
        ):
            # 1ワットあたり, 1回, 1株: "one" is a unit of measure here, not a figure
            found.append(replace(quantity, bound=bound))
    return found


def _ja_kind(
    value: float, unit: str, token: str, approx: bool, text: str, end: int
) -> Quantity | None:
    if unit in ("%", "パーセント"):
        return Quantity("percent", value, "%", token, approx)
    if unit in ("%ポイント", "パーセントポイント", "ポイント"):
        return Quantity("points", value, "pt", token, approx)
    if unit == "割":
        return Quantity("percent", value * 10, "%", token, approx)
    if unit in _JA_CURRENCY:
        return Quantity("money", value, _JA_CURRENCY[unit], token, approx)
    if unit in ("年", "年間"):
        follows = text[end : end + 2]
        if (
            unit == "年"
            and 1800 <= value <= 2200
            and not follows.startswith(("間", "以上", "ぶり"))
        ):
            return Quantity("year", value, "", token, approx)
        return Quantity("duration", value * 12, "months", token, approx)
    if unit in ("カ月", "か月", "ヵ月", "ヶ月", "ケ月", "箇月"):
        return Quantity("duration", value, "months", token, approx)
    if unit == "週間":
        return Quantity("duration", _dur(value * 12 / 52), "months", token, approx)
    if unit == "日間":
        return Quantity("duration", _dur(value * 12 / 365), "months", token, approx)
    if unit == "時間":
        return Quantity("duration", _dur(value * 12 / 365 / 24), "months", token, approx)
    if unit in ("分", "分間"):  # 40分 = 40 minutes (3分の1, a fraction, is not matched)
        start = end - len(token)
        before = text[max(0, start - 1) : start]
        if before == "時":
            return None  # 3時40分 is a time of day, as "3:40 p.m." is on the English side
        if not token[:1].isdigit() or before in ("割", "度"):
            # 十分 (enough), 半分 (half); 3時40分 is a time of day, 3割2分 a rate, 35度40分 an
            # angle: the number alone, as the English side reads "3:40" or ".320"
            return None if not token[:1].isdigit() else Quantity("number", value, "", token, approx)
        return Quantity("duration", _dur(value * 12 / 365 / 24 / 60), "months", token, approx)
    if unit == "日" and value > 31:  # no day of a month: 9999日 can only be a number of days
        return Quantity("duration", _dur(value * 12 / 365), "months", token, approx)
    if unit in ("月", "日"):
        return None  # parts of dates are read by _JA_DATE; a bare 14日 is too ambiguous
    return Quantity("number", value, unit, token, approx)


# ---------------------------------------------------------------- English

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "half": 0.5,
    "dozen": 12, "single": 1, "couple": 2, "few": 3,
}  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
          "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12}  # fmt: skip
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                   "yen": "JPY", "pound": "GBP", "pounds": "GBP", "yuan": "CNY",
                   "won": "KRW", "rupees": "INR", "francs": "CHF"}  # fmt: skip
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_EN_NUM = r"\d[\d,]*(?:\.\d+)?"
_NUM_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
_DURATION = re.compile(
    rf"\b(?:(?P<n0>{_EN_NUM}|{_NUM_WORD})\s*(?:to|or|-|–)\s*)?"
    rf"(?P<n>{_EN_NUM}|{_NUM_WORD})(?:[\s-]+(?:and[\s-]+a[\s-]+half))?(?:\s+of)?"
    r"(?:\s+(?:full|whole|entire|additional|more|further|extra|straight|calendar|consecutive))?"
    r"[\s-]+(?P<unit>years?|months?|weeks?|days?|quarters?|hours?|minutes?|decades?|"
    r"centur(?:y|ies))\b",
    re.IGNORECASE,
)
_MONTHS_PER = {"decade": 120.0, "century": 1200.0, "centurie": 1200.0,
               "year": 12.0, "month": 1.0, "week": 12 / 52, "day": 12 / 365, "quarter": 3.0,
               "hour": 12 / 365 / 24, "minute": 12 / 365 / 24 / 60}  # fmt: skip
_COUNT_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|dozen|couple)\b",
    re.IGNORECASE,
)
_DATE_MD = re.compile(rf"\b(?P<m>{_MONTH_NAMES})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b")
_DATE_DM = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_NAMES})")
_MONTH_ALONE = re.compile(
    r"(?:\b(?:in|since|until|by|from|of|last|next|this|early|late|between|and|to|through|"
    r"before|after|during|or)\s+|\bmid-)"
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
_YEAR = re.compile(r"\b(?P<y>(?:18|19|20|21)\d\d)\b(?!%|[.,]\d)")
_MONEY = re.compile(
    rf"(?P<sign>US\$|[$€£¥])\s?(?P<n>{_EN_NUM})\s*(?P<scale>thousand|million|billion|trillion|"
    r"bn|mln|tn|m|k)?\b"
    rf"|(?P<n2>{_EN_NUM})\s*(?P<scale2>thousand|million|billion|trillion)?\s+"
    r"(?P<cur>dollars?|euros?|yen|pounds?|yuan|won|rupees|francs)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"(?P<n>{_EN_NUM}|{_NUM_WORD})\s*(?:%|\s+per\s?cent\b|\s+percent\b)"
    r"(?P<pts>\s+points?|\s*-?\s*percentage\s+points?)?"
    rf"|(?P<n2>{_EN_NUM})\s+percentage\s+points?",
    re.IGNORECASE,
)
_PLAIN = re.compile(
    rf"(?<![\w.$€£¥])(?P<n>{_EN_NUM})"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mln)\b|(?P<k>[kK])\b)?",
    re.IGNORECASE,
)
_WORD_SCALE = re.compile(
    rf"\b(?P<n>{_NUM_WORD})\s+(?P<scale>hundred|thousand|million|billion|trillion)\b",
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


def _en_value(raw: str) -> float:
    raw = raw.lower()
    if raw in _WORDS:
        return float(_WORDS[raw])
    return float(raw.replace(",", ""))


_EN_HALF = re.compile(r"\b(\d+)[- ]1/2\b")
_EN_RANGE_PCT = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*(%|percent|per cent)"
)
_EN_MODEL = re.compile(
    r"\b[A-Z]{1,3}-?\d+[A-Za-z0-9-]*\b|\b\d{1,3}-\d{1,3}[A-Za-z]?\b(?!\s*(?:%|percent))"
)


_EN_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b",
    re.IGNORECASE,
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_EN_COMPOUND = re.compile(rf"\b({_TENS})[- ]({_UNITS})\b", re.IGNORECASE)


def en_quantities(sentence: str) -> list[Quantity]:
    text = unicodedata.normalize("NFKC", sentence)
    # Forty-five: one number, not forty and five
    text = _EN_COMPOUND.sub(
        lambda m: str(_WORDS[m.group(1).lower()] + _WORDS[m.group(2).lower()]), text
    )
    text = _EN_HALF.sub(lambda m: f"{m.group(1)}.5", text)  # a near 1-1/2 year trade war
    # 40-50%: both ends are percentages
    text = _EN_RANGE_PCT.sub(
        lambda m: f"{m.group(1)}{m.group(3)} to {m.group(2)}{m.group(3)}", text
    )
    # model numbers and codes (A350, 787-9, F-35, G7) are names, and 10:30 p.m. a time of
    # day: not figures
    text = _EN_MODEL.sub(lambda m: "#" * len(m.group(0)), text)
    text = _EN_TIME.sub(lambda m: "#" * len(m.group(0)), text)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return not any(a < span[1] and span[0] < b for a, b in taken)

    def approx_before(start: int) -> bool:
        return bool(_APPROX_EN.search(text[max(0, start - 20) : start]))

    for match in _MONEY.finditer(text):
        if match.group("sign"):
            value = _en_value(match.group("n"))
            scale = (match.group("scale") or "").lower()
            currency = _CURRENCY_SIGNS.get(match.group("sign").upper(), "USD")
        else:
            value = _en_value(match.group("n2"))
            scale = (match.group("scale2") or "").lower()
            currency = _CURRENCY_WORDS[match.group("cur").lower()]
        value *= _SCALE.get(scale, 1)
        found.append(
            Quantity("money", value, currency, match.group(0), approx_before(match.start()))
        )
        taken.append(match.span())
    for match in _PERCENT.finditer(text):
        if not free(match.span()):
            continue
        raw = match.group("n") or match.group("n2")
        kind = "points" if (match.group("pts") or match.group("n2")) else "percent"
        found.append(
            Quantity(kind, _en_value(raw), "%", match.group(0), approx_before(match.start()))
        )
        taken.append(match.span())
    for match in _DURATION.finditer(text):
        if not free(match.span()):
            continue
        value = _en_value(match.group("n"))
        if "half" in match.group(0).lower() and value >= 1:
            value += 0.5
        unit = _MONTHS_PER[match.group("unit").lower().rstrip("s")]
        approx = approx_before(match.start())
        for number in filter(None, (match.group("n0"), None)):
            found.append(
                Quantity("duration", _dur(_en_value(number) * unit), "months", number, approx)
            )
        found.append(Quantity("duration", _dur(value * unit), "months", match.group(0), approx))
        taken.append(match.span())
    for pattern in (_DATE_MD, _DATE_DM):
        for match in pattern.finditer(text):
            if not free(match.span()):
                continue
            month = _MONTHS[match.group("m").lower()[:3]]
            found.append(Quantity("date", month * 100 + int(match.group("d")), "", match.group(0)))
            taken.append(match.span())
    for match in _MONTH_ALONE.finditer(text):
        if free(match.span()):
            found.append(
                Quantity("month", _MONTHS[match.group("m").lower()[:3]], "", match.group(0))
            )
    for match in _YEAR.finditer(text):
        if free(match.span()):
            found.append(Quantity("year", int(match.group("y")), "", match.group(0)))
            taken.append(match.span())
    for match in _WORD_SCALE.finditer(text):
        if free(match.span()):
            value = (
                _en_value(match.group("n"))
                * {"hundred": 100, **_SCALE}[match.group("scale").lower()]
            )
            found.append(Quantity("number", value, "", match.group(0)))
            taken.append(match.span())
    for match in _PLAIN.finditer(text):
        if not free(match.span()):
            continue
        value = _en_value(match.group("n")) * _SCALE.get((match.group("scale") or "").lower(), 1)
        if match.group("k"):
            value *= 1000  # 182k
        found.append(Quantity("number", value, "", match.group(0), approx_before(match.start())))
        taken.append(match.span())
    for match in _COUNT_WORDS.finditer(text):  # "one analyst", "two other cities"
        if free(match.span()):
            found.append(Quantity("number", _en_value(match.group(1)), "", match.group(0)))
    bounded = []
    for quantity in found:
        start = text.find(quantity.text) if quantity.text else -1
        bound = _en_bound(text, start, quantity.text) if start >= 0 else ""
        approx = quantity.approx or bool(bound)
        bounded.append(replace(quantity, bound=bound, approx=approx))
    return bounded


# ---------------------------------------------------------------- comparison

_COMPATIBLE = {
    "number": {"number", "money", "duration", "year", "percent"},
    "money": {"money", "number"},
    "percent": {"percent"},
    "points": {"points", "percent", "number"},
    "duration": {"duration"},
    "year": {"year", "number"},
    "date": {"date"},
    "month": {"month", "date"},
}


def same_value(claim: Quantity, source: Quantity) -> bool:
    """Whether a claim's quantity can be the source's: compatible kinds, and the values agree
    as the words bound them (「50人以上」 agrees with 57, 「約60」 with "nearly 60", 「10年」 with
    "a decade"). A value stated exactly must be equal."""
    if source.kind not in _COMPATIBLE.get(claim.kind, {claim.kind}):
        return False
    if claim.kind == "money" and source.kind == "money" and claim.unit != source.unit:
        return False
    if claim.kind == "month" and source.kind == "date":
        return int(source.value) // 100 == int(claim.value)
    if claim.kind == "number" and source.kind == "duration":
        return False
    if source.value == claim.value:
        return True
    if claim.kind in ("date", "month", "year") or source.kind in ("date", "month", "year"):
        return False  # a date is never "about" another
    if claim.bound and claim.bound == source.bound:
        # 「最大60%」 is not "up to 40%": two bounds of one kind compare as values
        return abs(source.value - claim.value) <= 0.1 * max(abs(source.value), 1e-9)
    low, high = interval(claim)
    s_low, s_high = interval(source)
    return low <= s_high and s_low <= high


def interval(quantity: Quantity) -> tuple[float, float]:
    """The values a quantity's words allow: exact, a floor (以上, more than: up to twice it),
    a ceiling (未満, up to: down to half) or about (±10%)."""
    value = abs(quantity.value)
    if quantity.bound == "min":
        return value, value * 2
    if quantity.bound == "max":
        return value / 2, value
    if quantity.bound == "about":
        return value * 0.9, value * 1.1
    if quantity.approx:
        return value * 0.9, value * 1.1
    return value, value


def same_kind(claim: Quantity, source: Quantity) -> bool:
    """Two quantities that say the same sort of thing, so a different value contradicts: like
    with like (a month alone is not a date; a count is not a sum of money; index points are
    not a percentage)."""
    if claim.kind != source.kind:
        return False
    return claim.kind != "money" or claim.unit == source.unit


def missing_quantities(claim: list[Quantity], source: list[Quantity]) -> list[Quantity]:
    """The quantities of a claim that no source quantity matches."""
    return [q for q in claim if not any(same_value(q, s) for s in source)]
