"""Chinese numerals in words as digits, before a unit, a counter or a bound ("一百多公里": a
hundred-odd kilometres, 「100キロちょっと」), so the Japanese reader finds the figure. Only a
numeral with a ten, hundred or thousand in it: a lone 一 or 三 is in too many words (一起,
三明治)."""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_ALL = "零〇一二两兩三四五六七八九十百千"
_NUMERAL = re.compile(
    rf"(?<![{_ALL}])([{_ALL}]*[十百千][{_ALL}]*)"
    r"(?=多|余|餘|个|個|公里|公尺|公斤|人|名|年|天|日|次|万|萬|亿|億|倍|元|美元|岁|歲|家|座|架|艘|辆|輛|"
    r"分钟|分鐘|小时|小時|周|週|个月|個月|%)"
)


_TENTHS = re.compile(
    r"(?<![\d零〇一二两兩三四五六七八九十百千])(?:([一二两兩三四五六七八九]|\d)成"
    r"(?![功为為本员員立绩績熟果长長就交年人效分型品都])|打([一二两兩三四五六七八九]|\d)折)"
)


def _value(numeral: str) -> int:
    total, digit = 0, None
    for char in numeral:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
    return total + (digit or 0)


def _number(written: str) -> str:
    return written if written[0].isdigit() else str(_value(written))


def chinese_numerals(text: str) -> str:
    """The text with its numerals in words written in digits, its percentages (百分之五十,
    百分之50) and months in numerals (二月, 十二月: February, not two months: 两个月) as Japanese
    writes them, and its 公里/公尺 as キロ/メートル."""
    text = re.sub(rf"百分之(\d+(?:\.\d+)?|[{_ALL}]+)", lambda m: f"{_number(m[1])}%", text)
    text = re.sub(
        r"(?<![一二三四五六七八九十〇零百千万两兩个個])(十[一二]?|[一二三四五六七八九])月",
        lambda m: f"{_value(m[1])}月",
        text,
    )
    # tenths: "拿回个八成" (eight tenths, 「8割」), "打两折" (two tenths of the price,
    # 「2割の値段」); not 八成功, 三成本 (words of their own)
    text = _TENTHS.sub(lambda m: f"{int(_number(m[1] or m[2])) * 10}%", text)
    text = _NUMERAL.sub(lambda m: str(_value(m[1])), text)
    return text.replace("公里", "キロ").replace("公尺", "メートル")
