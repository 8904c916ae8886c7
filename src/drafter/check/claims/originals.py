"""The original words a quotation gives in brackets after its rendering: 「あるがままを語れ
（Sagen, was ist）」, 「チャットした（Chatted）」. Given as the source has them, they are the
source's words, whatever the rendering."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.lang.text import contains_quote

if TYPE_CHECKING:
    from drafter.check.core import Checker

# the original words a quotation gives in brackets after its rendering
_ORIGINAL = re.compile(r"[（(]([^）)]*[^\W\d_][^）)]*)[）)]")


def gives_the_original(checker: Checker, content: str) -> bool:
    """Whether the quotation gives, in brackets, words the source has as they are: a motto
    rendered and then quoted in German scores 0.33 against »Sagen, was ist.«"""
    text = checker.inputs.article.text
    return any(
        re.search(r"[A-Za-z]", original) is not None
        and (
            (len(original) >= 8 and contains_quote(text, original))
            # a word the source itself puts in quotation marks: 「チャットした（Chatted）」 for
            # 'some people saying they "Chatted" instead of "Googled"'
            or (len(original) >= 3 and _quoted_word(text, original))
        )
        for original in (m.group(1).strip() for m in _ORIGINAL.finditer(content))
    )


def _quoted_word(text: str, word: str) -> bool:
    """Whether `text` puts `word` (a word or two) alone in quotation marks."""
    return bool(
        re.search(rf"[\"“”‘„«»'](?:{re.escape(word)})[.,!?]?[\"“”’‘«»']", text, re.IGNORECASE)
    )
