"""Which language a source is written in, told offline from the scripts of its letters.

The scripts decide: kana marks Japanese (which drafter does not draft from), kanji without kana
Chinese, hangul Korean. A declared language (front matter, the page's `lang`, trafilatura's
guess) only names the language within the script the letters show and never overrides them:
site templates often carry a wrong `lang`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

SAMPLE_CHARS = 100_000
MIN_LETTERS = 20  # fewer letters say nothing reliable about the language
# A kanji, kana or hangul character carries about as much as three Latin letters (translated
# news runs 2.5-3 times longer in English than in Chinese, Japanese or Korean).
DENSE_WEIGHT = 3
DENSE_LANGUAGES = frozenset({"ja", "zh", "ko"})
KANA_SHARE = 0.1  # Japanese prose is a third or more kana; Chinese has none

_SCRIPT_BY_NAME = {  # first word of a letter's Unicode name
    "LATIN": "latin",
    "CJK": "han",
    "IDEOGRAPHIC": "han",  # 々 〆
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "HANGUL": "hangul",
    "CYRILLIC": "cyrillic",
    "GREEK": "greek",
    "ARABIC": "arabic",
    "HEBREW": "hebrew",
    "THAI": "thai",
    "DEVANAGARI": "devanagari",
}
_GROUP = {"han": "cjk", "kana": "cjk"}
_DENSE_GROUPS = ("cjk", "hangul")
_LANGUAGE_OF_GROUP = {"hangul": "ko", "greek": "el", "hebrew": "he", "thai": "th"}
_GROUP_OF_LANGUAGE = {
    **dict.fromkeys(("ja", "zh"), "cjk"),
    "ko": "hangul",
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "kk", "ky", "mn", "tg"), "cyrillic"),
    "el": "greek",
    **dict.fromkeys(("ar", "fa", "ur", "ps"), "arabic"),
    **dict.fromkeys(("he", "yi"), "hebrew"),
    "th": "thai",
    **dict.fromkeys(("hi", "mr", "ne"), "devanagari"),
}
# fmt: off
_ENGLISH_WORDS = frozenset({
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from",
    "with", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its",
    "this", "that", "these", "those", "he", "she", "they", "we", "said", "says", "will",
    "would", "not", "which", "who", "after", "than", "more", "about",
})
# fmt: on


@lru_cache(maxsize=8192)
def _script(char: str) -> str:
    words = [w for w in re.split(r"[ -]", unicodedata.name(char, "")) if w]
    words = [w for w in words if w not in ("HALFWIDTH", "FULLWIDTH")]
    return _SCRIPT_BY_NAME.get(words[0], "other") if words else "other"


def script_counts(text: str) -> Counter[str]:
    """Letters of `text` (its first SAMPLE_CHARS characters) per script."""
    return Counter(_script(char) for char in text[:SAMPLE_CHARS] if char.isalpha())


def _dominant_group(counts: Counter[str]) -> str:
    groups: Counter[str] = Counter()
    for script, count in counts.items():
        group = _GROUP.get(script, script)
        groups[group] += count * (DENSE_WEIGHT if group in _DENSE_GROUPS else 1)
    return groups.most_common(1)[0][0]


def language_code(declared: str | None) -> str | None:
    """`en-US`, `EN`, `zh_Hant` → `en`, `en`, `zh`; None for anything that is not a code."""
    match = re.match(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", declared or "")
    return match.group(1).lower() if match else None


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of the language `text` is written in, or None when it cannot be told."""
    counts = script_counts(text)
    code = language_code(declared)
    if sum(counts.values()) < MIN_LETTERS:
        return code
    group = _dominant_group(counts)
    if group == "cjk":
        japanese = counts["kana"] >= KANA_SHARE * (counts["kana"] + counts["han"])
        return "ja" if japanese else "zh"
    if code and _GROUP_OF_LANGUAGE.get(code, "latin") == group:
        return code
    if group == "latin":
        return "en" if _looks_english(text) else None
    return _LANGUAGE_OF_GROUP.get(group)


def _looks_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text[:SAMPLE_CHARS].lower())
    common = sum(1 for word in words if word in _ENGLISH_WORDS)
    return len(words) >= 10 and common >= 0.12 * len(words)
