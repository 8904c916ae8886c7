"""A weekday a translated comment names that its original does not, where the original names
another: 「結果は月曜日」 for "Results Saturday." A casual rendering changes words, never the
day; a translation that adds a day to a comment that names none is left alone (「週末」 for
"this weekend" is no weekday either)."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from drafter.check.reaction_names import reads_comment
from drafter.check.reader_names import comment_language
from drafter.lang.tense_words import weekday_words
from drafter.lang.text import normalize
from drafter.lang.weekdays import JA_WEEKDAYS, WEEKDAYS

if TYPE_CHECKING:
    from drafter.check.core import Checker

# 土曜, 土曜日 (not a date's 11月16日（土）: the calendar check's), nor 毎週金曜 (a rule of the
# week, which the comment words as "every Friday" the same way)
_JA_DAY = re.compile(r"(?<!毎週)(?<!毎)([月火水木金土日])曜")


def weekday_reasons(checker: Checker, translation: str, body: str) -> list[tuple[bool, str]]:
    """(must fix, reason) for each weekday of the translation the comment does not name while
    it names another: must fix where the check reads the comment's language."""
    said = _days_named(body, {comment_language(body), checker.source_language})
    if not said:
        return []
    out: list[tuple[bool, str]] = []
    for found in _JA_DAY.finditer(normalize(translation)):
        day, named = JA_WEEKDAYS.index(found.group(1)), found.group(1)
        if day in said:
            continue
        other, english = min(said), WEEKDAYS[min(said)]
        out.append(
            (
                reads_comment(checker, body),
                checker.say(
                    f"「{named}曜」: 元のコメントは「{english}」（{JA_WEEKDAYS[other]}曜）",
                    f"「{named}曜」 ({WEEKDAYS[day]}): the original comment says “{english}”",
                ),
            )
        )
    return out


def _days_named(body: str, languages: set[str | None]) -> set[int]:
    """The weekdays (0: Monday) a comment names in English or in these languages, each word
    of the tables taken as the day wherever it stands: a German reader's "Wer Montag früh…" is
    Monday (the source's weekday reading takes "Wer Montag" for a name, as in "Alisa Sonntag";
    a comment is held to its days, so a day read too often only spares a translation)."""
    text = unicodedata.normalize("NFKC", body)
    said = {n for n, day in enumerate(WEEKDAYS) if re.search(rf"\b{day}s?\b", text, re.I)}
    for language in languages - {None, "en"}:
        said |= {
            n for n, found in enumerate(weekday_words(language)) if found and found.search(text)
        }
    return said
