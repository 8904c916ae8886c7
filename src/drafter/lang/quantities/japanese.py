"""Quantities in a Japanese sentence: 18万2000トン, 15億ドル, 約3割, 10月26日, 1年半, 50人以上.
Kanji numerals count only with a counter after them; names (A350, 第1段階) are not figures."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from drafter.lang.quantities.centuries import ja_centuries
from drafter.lang.quantities.quantity import VERSION, Quantity, dur

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9}  # fmt: skip
_KANJI_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 1e4, "億": 1e8, "兆": 1e12}
_KANJI_NUM = "〇零一二三四五六七八九十百千"
# digits with 千 or 百 after them count too: 5千万ドル, 3千5百人, 2千人 (a thousand times 5)
# and a decimal that opens with its point, as batting averages are written (打率.209)
_NUM_PART = (
    rf"(?:\d[\d,]*(?:\.\d+)?千(?:\d+百?)?|\d[\d,]*(?:\.\d+)?百|\d[\d,]*(?:\.\d+)?"
    rf"|(?<![0-9A-Za-z.．])\.\d+|[{_KANJI_NUM}]+)"
)
_JA_NUMBER = re.compile(rf"{_NUM_PART}(?:[万億兆](?:{_NUM_PART}[万億兆]?)*)?")
_JA_CURRENCY = {
    "米ドル": "USD", "ドル": "USD", "ユーロ": "EUR", "円": "JPY", "ポンド": "GBP",
    "人民元": "CNY", "元": "CNY", "ウォン": "KRW", "ルピー": "INR", "フラン": "CHF",
    "ナイラ": "NGN", "レアル": "BRL", "ルーブル": "RUB", "ルピア": "IDR",
    "シリング": "SHILLING", "リンギット": "MYR", "ランド": "ZAR", "バーツ": "THB", "ペソ": "PESO",
    "リラ": "TRY", "ディルハム": "AED", "リヤル": "RIYAL", "シェケル": "ILS", "ズロチ": "PLN",
}  # fmt: skip
_JA_COUNTERS = (
    "トン|人|件|社|カ国|か国|ヵ国|ヶ国|国|台|隻|機|基|棟|戸|世帯|店|校|回|倍|本|枚|個|頭|羽|ドル|円|"
    "ユーロ|ポンド|元|ウォン|ルピー|フラン|バレル|キロ|メートル|キロメートル|ヘクタール|リットル|"
    "ギガワット|メガワット|キロワット|ワット|時間|年|月|日|週|歳|位|票|議席|ポイント|%|割|"
    "カ月|か月|ヵ月|ヶ月|ケ月|箇月|駅|"
    # 2つ以上, 3種類, 5か所: counters that bound a count as any other (「2つ以上」 is a floor);
    # つ after digits only (「理由の一つ」 is no figure, 四つ子 are quadruplets)
    "(?<=[0-9])つ(?!子)|種類|か所|カ所|ヵ所|ヶ所|箇所|通り|品目|項目"
)
_APPROX_JA = re.compile(
    r"(約|およそ|ほぼ|前後|程度|近く|超|以上|以下|未満|余り|あまり|ほど|強|弱|くらい|ぐらい|足らず|"
    r"少なくとも|最大|最低|規模|ちょっと|ちょい)"  # 100億円規模: on the scale of
)
_JA_MIN_BEFORE = re.compile(r"(少なくとも|最低)\s*$")
_JA_MAX_BEFORE = re.compile(r"(最大)\s*$")
# 450人を超え, 3割を上回る: a bound written as a verb
_JA_MIN_AFTER = re.compile(r"^\s*(以上|超|余り|あまり|を超え|を超す|を上回)")
_JA_MAX_AFTER = re.compile(r"^\s*(以下|未満|を下回|に満た)")
# 1000人強: a little over; 4割弱, 2日足らず: a little under (not "any figure past it": 「89万
# 8000ドル弱」 had agreed with the source's $449,000, half of it). 余り stays a floor: 「1割余り」
# is the source's 14%. 「100年ちょっと」, 「1時間ちょい」: a reader's "a little over"
_JA_OVER_AFTER = re.compile(r"^\s*(強|ちょっと|ちょい)")
_JA_UNDER_AFTER = re.compile(r"^\s*(弱|足らず)")
_JA_TOKEN = re.compile(
    rf"(?P<num>{_JA_NUMBER.pattern})\s*"
    rf"(?P<unit>%ポイント|パーセントポイント|%|パーセント|割|米ドル|ドル|ユーロ|円|ポンド|人民元|元|ウォン|ルピー|ナイラ|レアル|ルーブル|ルピア|"
    rf"シリング|リンギット|ランド|バーツ|ペソ|リラ|ディルハム|リヤル|シェケル|ズロチ|"
    rf"フラン|カ月|か月|ヵ月|ヶ月|ケ月|箇月|週間|日間|時間|年間|周年|分間|分(?!の[0-9０-９一二三四五六七八九十])|秒間|秒|年|月|日|"
    rf"{_JA_COUNTERS})?"
)
# 23年3月: a year written with two digits, as news does
_JA_DATE = re.compile(
    r"(?:(?P<y>\d{4}|(?<![\d.])\d{2})年\s*)?(?P<m>\d{1,2})月\s*(?:(?P<d>\d{1,2})日)?(?!間)"
)
_QUARTER = re.compile(r"(?<!\d)(?:1[〜～~-]3|4[〜～~-]6|7[〜～~-]9|10[〜～~-]12)月期")
# 6/23, 2020/6/9: a date as a list or a table writes it. Without a year, only where a date
# stands (before a space, a bracket, a dash or a comma, or at the end): 1/3の is a fraction
_JA_SLASH_DATE = re.compile(
    r"(?<![\d/.])(?:(?P<y>\d{4})/)?(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/.])"
    r"(?(y)|(?=[\s（(〜～\-–、,]|$))"
)
_ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}  # 令和5年 is 2023
_JA_ERA_YEAR = re.compile(r"(令和|平成|昭和)\s*(元|\d{1,2})年")
# 23年度, 23年末, 25年までに, 23年以降: the two-digit year of a period or a bound, not a
# span of 23 years (which is 23年間, 23年ぶり, 23年以内)
_JA_YEAR_OF = ("度", "末", "初", "春", "夏", "秋", "冬", "上半期", "下半期", "前半", "後半", "半ば",
               "第", "通期", "まで", "以降", "から", "時点", "当時", "中")  # fmt: skip


def _western_year(match: re.Match[str]) -> str:
    era, number = match.group(1), match.group(2)
    return f"{_ERA_START[era] + (1 if number == '元' else int(number))}年"


def full_year(digits: str) -> int:
    """The year a Japanese news text means by 23年 (2023) or 98年 (1998)."""
    value = int(digits)
    if len(digits) != 2:
        return value
    return value + (2000 if value < 50 else 1900)


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
    if part[0].isdigit() or part[0] == ".":
        total = 0.0
        for digits, small in re.findall(r"([\d,.]+)([千百]?)", part):
            try:
                total += float(digits.replace(",", "")) * (_KANJI_SMALL[small] if small else 1)
            except ValueError:
                return None
        return total
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
    # (not the 2000 of 1万2000〜1万8000, which has its own scale: 1万2000 is no 2000万)
    r"(?<![\d.,万億兆])(\d[\d,.]*)\s*[〜~～\-－–]\s*(\d[\d,.]*)\s*"
    r"(%|パーセント|か月|カ月|ヶ月|年|週間|日間|時間|分|秒|万|億|兆|ドル|円|ユーロ|トン|人|キロ|歳|"
    # 2〜3月 (February to March), 5〜6日: a span of months or days of the month, not the
    # figure 2 (1〜3月期 is the first quarter, read as such)
    r"月(?!期)|日(?!間))"
)
# … and a range each of whose ends has its own scale, the unit written once: 1万2000〜1万8000ユーロ
_JA_SCALED_RANGE = re.compile(
    r"(?<![\d.,])(\d[\d,.]*[万億兆][\d,.]*)\s*[〜~～\-－–]\s*(\d[\d,.]*[万億兆][\d,.]*)\s*"
    r"(%|ドル|円|ユーロ|ポンド|トン|人|キロ|件|台|世帯|票)"
)
_JA_NEIGHBOURS = re.compile(
    r"(?<![\d.,])(\d)、(\d)(?![\d.,])(人|年|か月|カ月|ヶ月|日|週間|回|件|社|つ)"
)
_JA_FRACTION = re.compile(r"[\d一二三四五六七八九十]+分の[\d一二三四五六七八九十]+")


# 1年半, 6分半: and a half (2020年半ば is mid-2020)
_JA_HALF = re.compile(r"(\d+)(年|時間|か月|カ月|ヶ月|ヵ月|週間|分|秒)半(?!ば)")
# 19/20年版, 2021/22年シーズン: a season as the source writes it
_JA_SEASON = re.compile(r"(?<![\d/])(\d{2}|\d{4})/(\d{2})年(?=版|シーズン|モデル|季)")
# what dates an older year (1796年以来, 1492年に): not 1500年の歴史 nor 1500年にわたり, spans
_OLD_YEAR = re.compile(r"以来|以降|以前|頃|ごろ|当時|に(?!わた|及)")
# A number that is part of a name, not a figure: A350, 787-9, G7, F-35, S&P500種指数,
# ダウ工業株30種平均; an ordinal: 第1段階, 修正第1条, 1年目, 3番目.
# a unit in Latin letters makes a figure, not a model number: 1mm, 512GB, 41dBa, 2.3GHz
_LATIN_UNIT = (
    r"(?:mm|cm|km|kg|mg|g|m|GB|TB|MB|KB|GHz|MHz|Hz|W|Wh|kWh|mAh|V|dB[aA]?|fps|ml|mL|L|nm|mph|"
    r"ppm)(?![A-Za-z])"
)
# (and a provision, article and paragraph: 49条3項 is France's "49.3", 第5条2項 "Article 5(2)")
_JA_NOT_FIGURE_BEFORE = re.compile(r"(?:[A-Za-z&][-‐]?|第|\d[-‐―－–—]|\d条第?)$")
_JA_NOT_FIGURE_AFTER = re.compile(
    # 45―17: a score, as the source writes 45-17
    r"^(?:[-‐―－–—][A-Za-z0-9]|(?!" + _LATIN_UNIT + r")[A-Za-z]|種(?:平均|指数|株価)|番目|"
    r"条第?\d+項|"
    r"目(?!標|指|安|立)|"
    r"(?:[一-龥]{1,2}|つ)目(?!標|指|安|立)|世紀)"  # 4作目, 3つ目, 17世紀: ordinals too
)
# A season's record (14勝0敗1分, 10勝5敗): the source writes it 14-0-1, which is not a figure
# either (check/claims/records.py compares the two); a single 5勝 (five wins) is still a count.
# Wins, losses (and draws) in that order.
JA_RECORD = re.compile(r"(\d+)勝(\d+)敗(?:(\d+)(?:分け?|引き分け)?)?")
# 11打数1安打: a batting line (at-bats, hits), as the source writes 1-for-11 (records.py too)
JA_AT_BATS = re.compile(r"(\d{1,3})打数(\d{1,3})安打")


_ALL_OF = re.compile(r"中|を通じ|を通し")  # 一年中, 一年を通じて: all year long
# 277マイル（約446km）, 16フィート（約4.9m）, 5億ドル（約750億円）: the writer's conversion of
# the figure before it
_CONVERSION = re.compile(
    # (and of a range: 19〜37マイル（約30〜60キロ）)
    r"(?<=[^\d\s])\(約\s*[\d.,]+(?:[万億兆][\d.,]*)*(?:\s*[〜~～\-–]\s*[\d.,]+(?:[万億兆][\d.,]*)*)?"
    r"\s*(?:[A-Za-z/]+|リットル|メートル|"
    r"キロ(?:メートル|グラム)?|センチ|ミリ|マイル|フィート|インチ|ポンド|度|円|ドル|ユーロ)"
    r"\s*(?:強|弱|前後)?\)"
)


# 9.11, 3・11, 2.26事件: an event named by its date, no figure (利回り3.11% is one)
_JA_EVENT_DATE = re.compile(
    r"(?<![\d.,])(?:(?:9|3)[.・]11(?=\s*(?:[のでがはをにと、。」』）)]|テロ|事件|以[降前来後]|後|前|から|"
    r"直後|当時|$))|(?:1[0-2]|[1-9])[.・](?:[12]\d|3[01]|[1-9])(?=\s*(?:テロ|事件|事変|同時多発)))"
)
_JA_ALWAYS = re.compile(r"24時間365日")
_JA_BAND_RANGE = re.compile(r"(\d[\d,.]*)(%|円|ドル|ユーロ|人)〜(?=\d[\d,.]*\2台)")
# 108円55銭: a rate in yen and sen, 108.55 yen
_JA_SEN = re.compile(r"(\d+)円(\d{1,2})銭")


_INDIAN = {"ラク": 1e5, "ラーク": 1e5, "クロール": 1e7, "カロール": 1e7}
_JA_INDIAN = re.compile(r"(\d+(?:\.\d+)?)\s*(ラーク|ラク|クロール|カロール)")


def _prepared(sentence: str) -> str:
    """The sentence with what is no figure taken out and ranges spelt out."""
    text = unicodedata.normalize("NFKC", sentence)
    text = _JA_EVENT_DATE.sub("", text)
    text = VERSION.sub("", text)  # 1.8.4, 192.168.1.1: a version or an address, no figure
    text = _JA_ALWAYS.sub("", text)  # 24時間365日: "24/7", all the time, no figure
    text = _JA_SEN.sub(lambda m: f"{m[1]}.{int(m[2]):02d}円", text)
    # 24ラク, 2クロール: India's lakh (100,000) and crore (10,000,000), as the source's are read
    text = _JA_INDIAN.sub(lambda m: f"{float(m[1]) * _INDIAN[m[2]] / 1e4:g}万", text)
    text = _JA_FRACTION.sub("", text)  # 3分の1: fractions are not compared
    text = _CONVERSION.sub("", text)
    text = _JA_ERA_YEAR.sub(_western_year, text)
    # 70年代 ("the 70s"): a decade, not 70 years (2030年代 stays the year 2030, as "2030s")
    text = re.sub(r"(?<!\d)(?:\d{1,2}\s*[〜~～\-－–]\s*)?\d{1,2}年代", "", text)  # (80〜90年代)
    text = re.sub(r"(?<!\d)\d{1,2}代(?!目)", "", text)  # 10代 ("teens"), 30代: an age group
    text = re.sub(r"(?<!\d)\d{4}年問題", "", text)  # 2000年問題 (Y2K): a problem's name
    # 19/20年版, 2021/22年シーズン: a season, as the source writes it ("19/20"), not 20 years
    text = _JA_SEASON.sub(
        lambda m: f"{m[1]}/{m[2]}" if (int(m[1]) + 1) % 100 == int(m[2]) else m[0], text
    )
    text = JA_RECORD.sub("", text)
    text = JA_AT_BATS.sub("", text)
    # OPS.633, 出塁率 OBP.301: a rate that opens with its point after the stat's letters
    text = re.sub(r"(?<![A-Za-z])(OPS|OBP|SLG|AVG|wOBA|BABIP)\.(?=\d)", r"\1 .", text)
    text = _JA_HALF.sub(lambda m: f"{m.group(1)}.5{m.group(2)}", text)  # 1年半 = 1.5年
    text = _JA_RANGE.sub(lambda m: f"{m.group(1)}{m.group(3)}〜{m.group(2)}{m.group(3)}", text)
    text = _JA_SCALED_RANGE.sub(r"\1\3〜\2\3", text)
    text = _JA_BAND_RANGE.sub(r"\1\2台〜", text)  # 2%〜3%台: 2%台 to 3%台
    # 2、3年 ("two or three years"): the unit is the first number's too
    text = _JA_NEIGHBOURS.sub(
        lambda m: (
            f"{m.group(1)}{m.group(3)}〜{m.group(2)}{m.group(3)}"
            if int(m.group(2)) == int(m.group(1)) + 1
            else m.group(0)
        ),
        text,
    )
    return text


# the end of a span of days in the same month: 6月5日〜16日 (as 6月5〜16日 is spelt out), 6月5日から
# 16日まで; not 16日間, 10日後, 3日にわたって or 5日連続 (a length), nor an end before the start
_JA_DAY_RANGE_END = re.compile(
    # (and a second day of the month: 6月5日と16日, 6月5日、16日)
    r"\s*(?:[〜~～\-－–]|から|と|および|、|や)\s*(3[01]|[12]\d|[1-9])日"
    r"(?!間|後|前|以内|目|ぶり|連続|にわた|ごと|おき|あたり|分)"
)
_JA_BC = re.compile(r"紀元前\s*(\d{1,4})\s*年(?!間|代)")


def _ja_dates(text: str) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """The dates and months of the text (6月23日, 10月, 6/23, 2020/6/9), and where they are."""
    found, spans = ja_centuries(text)
    for match in _JA_DATE.finditer(text):
        month = int(match.group("m"))
        if not 1 <= month <= 12:
            continue
        quarter = _QUARTER.search(text, max(0, match.start() - 3), match.end() + 1)
        if quarter and quarter.end() == match.end() + 1 and not match.group("d"):
            spans.append(quarter.span())  # 1〜3月期: the first quarter, not the month of March
            continue
        if match.group("d"):
            found.append(Quantity("date", month * 100 + int(match.group("d")), "", match.group(0)))
            end_day = _JA_DAY_RANGE_END.match(text, match.end())  # 6月5〜16日: to June 16
            if end_day and int(end_day[1]) > int(match.group("d")):  # (6月30日から2日: July's)
                label = f"{end_day[1]}日"  # the day as written, not 「と10日」
                found.append(Quantity("date", month * 100 + int(end_day[1]), "", label))
                spans.append(end_day.span())
        else:
            found.append(Quantity("month", month, "", match.group(0)))
        if match.group("y"):
            found.append(Quantity("year", full_year(match.group("y")), "", match.group("y") + "年"))
        spans.append(match.span())
    for match in _JA_BC.finditer(text):  # 紀元前500年: the year 500 BC, not 500 years
        found.append(Quantity("year", -int(match[1]), "", match[0]))
        spans.append(match.span())
    for match in _JA_SLASH_DATE.finditer(text):
        found.append(Quantity("date", int(match["m"]) * 100 + int(match["d"]), "", match[0]))
        if match["y"]:
            found.append(Quantity("year", int(match["y"]), "", match["y"]))
        spans.append(match.span())
    return found, spans


def ja_quantities(sentence: str) -> list[Quantity]:
    text = _prepared(sentence)
    found, spans = _ja_dates(text)
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
        if not unit and re.match(r"[ァ-ヺー]+・", text[match.end() :]):
            continue  # 80デイ・オブセッション: a number inside a name (5000レアル is money)
        if unit == "年" and text[match.end() : match.end() + 1] in ("生", "物", "債"):
            continue  # 1年生: a school year ("freshman"); 10年物, 10年債: a bond's name
        if raw in ("一", "1") and unit in ("年", "日") and _ALL_OF.match(text[match.end() :]):
            continue  # 一年中, 一日中, 一年を通じて: "all year", "all day", no span to compare
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
        after = text[match.end() : match.end() + 4]
        if after.startswith("単位"):
            continue  # 100万ユーロ単位, 1000人単位: an order of magnitude ("in the millions")
        approx = bool(_APPROX_JA.search(before[-3:]) or _APPROX_JA.match(after))
        if unit and unit != "台" and after.startswith("台"):
            bound = "band"  # 108円台, 30%台: from the figure up to the next one of its place
        elif _JA_OVER_AFTER.match(after):
            bound = "over"
        elif _JA_UNDER_AFTER.match(after):
            bound = "under"
        elif _JA_MIN_BEFORE.search(before) or _JA_MIN_AFTER.match(after):
            bound = "min"
        elif _JA_MAX_BEFORE.search(before) or _JA_MAX_AFTER.match(after):
            bound = "max"
        else:
            bound = "about" if approx else ""
        written = match.group(0).strip()
        if unit == "年" and text[match.end() : match.end() + 1] == "代":
            written += "代"  # 2020年代: the decade, read as its first year, as "the 2020s" is
        quantity = _ja_kind(value, unit, written, approx, text, match.end())
        if quantity is not None and not (
            quantity.kind in ("number", "money") and quantity.value == 1
        ):
            # 1ワットあたり, 1回, 1株: "one" is a unit of measure here, not a figure
            found.append(replace(quantity, bound=bound))
    return found


# 20歳若い, 10〜20歳若く, 5歳年上: a difference of ages, years as any span of time is
_AGE_GAP = re.compile(
    r"(?:\s*[〜~～\-－–]\s*\d[\d,.]*歳)?\s*(?:ほど|くらい|ぐらい|も)?\s*"
    r"(?:若|年上|年下|上の|下の|年長|年少|離れ)"
)


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
        follows = text[end : end + 3]
        if unit == "年" and re.fullmatch(r"\d{2}年", token) and follows.startswith(_JA_YEAR_OF):
            return Quantity("year", full_year(token[:2]), "", token, approx)
        if (
            unit == "年"
            and 1800 <= value <= 2200
            and not follows.startswith(("間", "以上", "ぶり"))
            # 2000年前から: two thousand years ago (2000年前後 is about the year 2000)
            and not re.match(r"前(?!後|半)", follows)
        ):
            return Quantity("year", value, "", token, approx)
        if unit == "年" and re.fullmatch(r"1[0-7]\d\d年", token) and _OLD_YEAR.match(follows):
            return Quantity("year", value, "", token, approx)  # 1796年以来: the year
        return Quantity("duration", dur(value * 12), "months", token, approx)  # 3.2年: 38.4
    if unit == "周年":  # 創立30周年: thirty years ("30-jähriges Bestehen", "30th anniversary")
        return Quantity("duration", dur(value * 12), "months", token, approx)
    if unit in ("カ月", "か月", "ヵ月", "ヶ月", "ケ月", "箇月"):
        return Quantity("duration", value, "months", token, approx)
    if unit == "歳" and _AGE_GAP.match(text, end):  # 20歳若い: "20 years younger", a span
        return Quantity("duration", dur(value * 12), "months", token, approx)
    if unit in ("週間", "週"):  # 17週 as "17 weeks" (第3週, an ordinal, is no figure)
        return Quantity("duration", dur(value * 12 / 52), "months", token, approx)
    if unit == "日間":
        return Quantity("duration", dur(value * 12 / 365), "months", token, approx)
    if unit == "時間":
        return Quantity("duration", dur(value * 12 / 365 / 24), "months", token, approx)
    if unit in ("分", "分間"):  # 40分 = 40 minutes (3分の1, a fraction, is not matched)
        start = end - len(token)
        before = text[max(0, start - 1) : start]
        if before == "時":
            return None  # 3時40分 is a time of day, as "3:40 p.m." is on the English side
        if not token[:1].isdigit() or before in ("割", "度"):
            # 十分 (enough), 半分 (half); 3時40分 is a time of day, 3割2分 a rate, 35度40分 an
            # angle: the number alone, as the English side reads "3:40" or ".320"
            return None if not token[:1].isdigit() else Quantity("number", value, "", token, approx)
        return Quantity("duration", dur(value * 12 / 365 / 24 / 60), "months", token, approx)
    if unit in ("秒", "秒間"):  # 2分55秒: seconds, a duration like the minutes before them
        return Quantity("duration", dur(value * 12 / 365 / 24 / 3600), "months", token, approx)
    if unit == "日" and value > 31:  # no day of a month: 9999日 can only be a number of days
        return Quantity("duration", dur(value * 12 / 365), "months", token, approx)
    if unit in ("月", "日"):
        return None  # parts of dates are read by _JA_DATE; a bare 14日 is too ambiguous
    return Quantity("number", value, unit, token, approx)
