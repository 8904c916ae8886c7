"""The calendar check: a date given with its weekday (11月19日（火）, 11月16日の土曜日) must fall
on that weekday, in the year the sentence names or else the one nearest the article's date.

No source sentence is needed: the calendar decides. A pair the source itself states the same
way is listed to verify instead (a draft that copies its source's slip is faithful to it)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from drafter.check.claims.anchor import Anchor, Finding
from drafter.lang.text import normalize
from drafter.lang.weekdays import JA_WEEKDAYS, MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from drafter.check.core import Checker

# 11月19日(火), 11月19日(火曜日), 11月19日の火曜日, 11月19日火曜 (NFKC: （ is ( )
_DATED = re.compile(
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*"
    r"(?:\(\s*(?P<p>[月火水木金土日])(?:曜日?)?\s*\)|の?(?P<w>[月火水木金土日])曜)"
)


def calendar(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    return _dated(checker, text) + _named_weekdays(checker, section, text, anchor)


def _dated(checker: Checker, text: str) -> list[Finding]:
    dateline = checker.dateline
    out: list[Finding] = []
    for found in _DATED.finditer(normalize(text)):
        month, day = int(found.group("m")), int(found.group("d"))
        named = found.group("p") or found.group("w")
        if found.group("y"):
            year: int | None = int(found.group("y"))
        else:
            years = _near_years(dateline, month, day)
            if any(_weekday_of(y, month, day) == named for y in years):
                continue  # 5月18日（土） in a November story: May of that year or the next
            year = years[0] if years else None
        if year is None:
            continue
        try:
            actual = date(year, month, day)
        except ValueError:
            continue  # 2月30日 is no date at all: not this check's to report
        weekday = JA_WEEKDAYS[actual.weekday()]
        if weekday == named:
            continue
        copied = _source_says(checker, month, day, JA_WEEKDAYS.index(named))
        out.append(
            Finding(
                "calendar",
                not copied,
                checker.say(
                    f"{year}年{month}月{day}日は{weekday}曜日です（文中は「{named}」）"
                    + ("。原文も同じ組み合わせです" if copied else ""),
                    f"{actual.isoformat()} is a {WEEKDAYS[actual.weekday()]}, not a "
                    f"{WEEKDAYS[JA_WEEKDAYS.index(named)]}"
                    + (" (so says the source)" if copied else ""),
                ),
            )
        )
    return out


_WEEKDAY_JA = re.compile(r"([月火水木金土日])曜")
_WEEKDAY_EN = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b")


def _named_weekdays(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    """A weekday named without a date (木曜日に延期) that the source never names, where the
    source sentence the claim rests on names another: must fix in the lead, which restates
    the source; listed elsewhere."""
    plain = normalize(text)
    dated = [m.span() for m in _DATED.finditer(plain)]
    said = {w.lower() for s in checker.sentences for w in _WEEKDAY_EN.findall(s.text)}
    near = [checker.by_id[i] for i in anchor.closest[:1]]
    out: list[Finding] = []
    for found in _WEEKDAY_JA.finditer(plain):
        if any(a <= found.start() < b for a, b in dated):
            continue  # 11月19日（火曜日）: the calendar's
        if re.search(r"(?:第[\d一二三四五]|毎週|毎)$", plain[: found.start()]):
            continue  # 11月の第4木曜日, 毎週金曜: a rule of the calendar, not a day
        english = WEEKDAYS[JA_WEEKDAYS.index(found.group(1))]
        if english.lower() in said:
            continue
        others = sorted({w for s in near for w in _WEEKDAY_EN.findall(s.text)} - {english})
        if not others:
            continue
        out.append(
            Finding(
                "calendar",
                section == "lead" and anchor.firm(section),
                checker.say(
                    f"「{found.group(1)}曜」は原文にありません。原文（{near[0].id}）は{others[0]}",
                    f"{english} is not in the source; its sentence ({near[0].id}) says {others[0]}",
                ),
                source_id=near[0].id,
            )
        )
    return out


def _near_years(dateline: date | None, month: int, day: int) -> list[int]:
    """The years month/day may be in, nearest the article's date first (a December story's
    1月5日 is next year's): the nearest, and another within two months of as near (a November
    story's 5月18日 may be the May before or after it); none without a date to go by."""
    if dateline is None:
        return []
    gaps: list[tuple[int, int]] = []
    for year in (dateline.year - 1, dateline.year, dateline.year + 1):
        try:
            gaps.append((abs((date(year, month, day) - dateline).days), year))
        except ValueError:
            continue
    gaps.sort()
    return [year for gap, year in gaps if gap <= gaps[0][0] + 60] if gaps else []


def _weekday_of(year: int, month: int, day: int) -> str | None:
    try:
        return JA_WEEKDAYS[date(year, month, day).weekday()]
    except ValueError:
        return None


def _source_says(checker: Checker, month: int, day: int, weekday: int) -> bool:
    """Whether a source sentence gives this day of the month with this weekday ("Saturday,
    Nov. 16" or "Saturday, November 16")."""
    name = MONTHS[month - 1]
    pattern = re.compile(
        rf"\b{WEEKDAYS[weekday]},?\s+(?:{name}|{name[:3]}\.?)\s+{day}\b", re.IGNORECASE
    )
    return any(pattern.search(s.text) for s in checker.sentences)
