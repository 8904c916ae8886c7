"""Plant realistic single errors in a correct draft, without any help from the checker.

`plant` reads the draft's Markdown (front matter, `# title`, lead, `## 補足説明`, `## 海外の反応`
with its `<!-- comment id=… -->` markers, `## 考察・分析`, `## 総括`, `## 参考リンク`), the English
source text and the thread's comments with its own small parsers, and makes one change per draft:
a figure, date or name the source states, changed the way a model or a tired editor slips; a
quotation that mirrors a quoted source span given another meaning; a hedge the source has,
dropped; a comment id or link that does not exist. Each change makes the sentence false against
the source by this module's own reading. It never asks the checker which change it would flag
(this module must not import `drafter.check`: a test holds it to that), so the detection rate the
harness reports measures the checker, not the two agreeing.

Every section where a kind makes sense gets its own change (kind × section), chosen by `seed`.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

KINDS = ("number", "date", "name_swap", "name_invented", "quote", "hedge", "comment_id", "link")
SECTIONS = ("title", "lead", "background", "reactions", "analysis", "conclusion", "links")
_PROSE = SECTIONS[:6]
WHERE: dict[str, tuple[str, ...]] = {
    **{kind: _PROSE for kind in KINDS[:6]},
    "comment_id": ("reactions",),
    "link": ("links",),
}


class PlantError(ValueError):
    """A hand-planted edit that cannot be applied (its `find` is absent or not unique)."""


@dataclass(frozen=True)
class Planted:
    """One planted error: the whole changed draft, and what the check must flag."""

    kind: str
    section: str
    before: str  # the sentence, comment id or URL as it was
    after: str  # ... and as it is now
    markdown: str  # the whole changed draft
    description: str
    target: str  # what must be flagged: the changed sentence, the new comment id or the new URL
    comment_id: str | None = None  # the reaction the change sits in (its id after the change)
    context: str = ""  # for a comment id: the reaction's text


# ---------------------------------------------------------------- the draft, parsed on its own

_HEADINGS = {
    "補足説明": "background",
    "海外の反応": "reactions",
    "考察・分析": "analysis",
    "総括": "conclusion",
    "参考リンク": "links",
    "関連書籍紹介": "books",
    "関連記事": "related",
}
_MARKER = re.compile(r"<!--\s*comment\s+id=(?P<id>[^\s>]+?)(?:\s[^>]*)?\s*-->")
_URL = re.compile(r"https?://[^\s)<>\]]+")
_OPEN, _CLOSE = "「『（(“", "」』）)”"
_ENDS = "。！？!?"


@dataclass(frozen=True)
class Unit:
    """A sentence, comment-id marker or link of the draft: where it is and what it says."""

    section: str
    start: int
    end: int
    text: str
    comment_id: str | None = None


@dataclass
class ParsedDraft:
    markdown: str
    sentences: list[Unit] = field(default_factory=list)
    markers: list[Unit] = field(default_factory=list)
    links: list[Unit] = field(default_factory=list)
    title_matter: tuple[int, int] | None = None  # the front matter's title value

    def reaction_text(self, comment_id: str | None) -> str:
        return "".join(s.text for s in self.sentences if s.comment_id == comment_id)


def split_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans of one line: split after 。！？ outside 「」『』（）, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    depth = begin = 0
    for index, char in enumerate(line):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in _ENDS and depth == 0:
            if index + 1 < len(line) and line[index + 1] in _ENDS:
                continue  # ！？ runs end together
            spans.append((begin, index + 1))
            begin = index + 1
    spans.append((begin, len(line)))
    trimmed = []
    for start, end in spans:
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def parse(markdown: str) -> ParsedDraft:
    draft = ParsedDraft(markdown)
    section: str | None = None
    comment: str | None = None
    in_matter = markdown.startswith("---")
    offset = 0
    for number, line in enumerate(markdown.splitlines(keepends=True)):
        start, offset = offset, offset + len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if in_matter:
            if number > 0 and stripped == "---":
                in_matter = False
            else:
                _matter_title(draft, body, start)
            continue
        if not stripped:
            continue
        if section is None:
            if body.startswith("# "):
                text = body[2:].strip()
                at = start + body.index(text, 2)
                draft.sentences.append(Unit("title", at, at + len(text), text))
                section = "lead"
            continue
        if body.startswith("## "):
            section = _HEADINGS.get(body[3:].strip(), "other")
            comment = None
            continue
        if body.startswith("#") or section in ("books", "related", "other"):
            continue
        if section == "links":
            for found in _URL.finditer(body):
                url = found.group().rstrip(".,;")
                at = start + found.start()
                draft.links.append(Unit("links", at, at + len(url), url))
            continue
        if section == "reactions":
            marker = _MARKER.search(body)
            if marker:
                comment = marker.group("id")
                at = start + marker.start("id")
                draft.markers.append(Unit("reactions", at, at + len(comment), comment, comment))
                continue
            if comment is None:
                continue  # the intro line before the first comment
        if stripped.startswith(("<!--", "|", "- [", "* [", ">")):
            continue
        if section == "lead" and (
            stripped.startswith(("出典", "関連記事"))
            or (len(stripped) <= 12 and not any(c in stripped for c in _ENDS))
        ):
            continue  # the outlet line, the related block, a category label
        for begin, end in split_sentences(body):
            draft.sentences.append(
                Unit(section, start + begin, start + end, body[begin:end], comment)
            )
    return draft


def _matter_title(draft: ParsedDraft, body: str, start: int) -> None:
    found = re.match(r"title:\s*(?P<v>.+?)\s*$", body)
    if not found:
        return
    value_start, value_end = found.span("v")
    value = found.group("v")
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value_start, value_end = value_start + 1, value_end - 1
    draft.title_matter = (start + value_start, start + value_end)


def _apply(draft: ParsedDraft, unit: Unit, new: str) -> str:
    """The markdown with `unit` replaced by `new` (the front matter's title follows the title)."""
    markdown = draft.markdown
    edits = [(unit.start, unit.end, new)]
    if unit.section == "title" and draft.title_matter:
        start, end = draft.title_matter
        if markdown[start:end] == unit.text:
            edits.append((start, end, new))
    for start, end, text in sorted(edits, reverse=True):
        markdown = markdown[:start] + text + markdown[end:]
    return markdown


# ---------------------------------------------------------------- the English side

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "decade": 10, "double": 2, "twice": 2,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(
    rf"\b(?P<m>{_MONTH_RE})\b\.?(?:\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\b",
    re.IGNORECASE,
)
_EN_NUMBER = re.compile(
    r"(?<![\w.])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<f>\.\d+)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b)|[\s-]*(?P<scale>thousand|million|billion|trillion)\b"
    r"|(?P<short>bn|mn|tn|m|b|k)\b)?",
    re.IGNORECASE,
)
_EN_WORD_NUMBER = re.compile(
    r"\b(?P<w>" + "|".join(_WORD_NUMBERS) + r")(?:-(?P<w2>one|two|three|four|five|six|seven|"
    r"eight|nine))?\b(?:[\s-]+(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s*(?P<pct>percent\b|per cent\b))?",
    re.IGNORECASE,
)
_EN_HEDGE = re.compile(
    r"\b(?:expect\w*|likely|unlikely|may|might|could|would|plan(?:s|ned|ning)?\s+to|intend\w*"
    r"|aim(?:s|ed)?\s+to|estimat\w*|forecast\w*|project(?:s|ed|ions?)\b|possibl\w*|probabl\w*"
    r"|reportedly|believed|appear(?:s|ed)?\s+to|seem\w*|suggest\w*|warn\w*|risk\w*"
    r"|potential\w*|set\s+to|poised|on\s+track|consider\w*|propos\w*|anticipat\w*|predict\w*"
    r"|allegedly|so-called|hopes?\s+to|wants?\s+to|fear\w*|perhaps|maybe|i\s+think|i\s+guess)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(r"\b(?:said|says|announced|told|confirmed)\b[^.;]{0,40}$", re.IGNORECASE)
_EN_QUOTE = re.compile(r"[\"“]([^\"“”]{4,})[\"”]|(?<![A-Za-z])'([^']{4,})'(?![A-Za-z])")
_CAPITAL = re.compile(r"\b[A-Z][A-Za-z'’\-]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
_STOP_CAPS = {
    "the", "a", "an", "and", "but", "or", "in", "on", "at", "for", "of", "to", "from", "by",
    "with", "as", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "their", "his", "her", "our", "my", "your", "mr", "mrs", "ms", "dr", "if",
    "when", "while", "after", "before", "some", "many", "most", "all", "no", "not", "so", "yes",
    "according", "meanwhile", "however", "also", "still", "just", "what", "why", "how", "who",
    "one", "two", "three", "is", "was", "are", "were", "be", "do", "does", "did", "can", "will",
    "would", "should", "could", "may", "might", "said", "says", "ok", "lol", "yeah", "well",
}  # fmt: skip
_EN_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Corp|Ltd|Co|U\.S|U\.K|No|vs|etc)\.$")


@dataclass(frozen=True)
class EnglishSentence:
    text: str
    numbers: frozenset[tuple[float, bool]]
    years: frozenset[int]
    months: frozenset[int]
    days: frozenset[tuple[int, int]]
    weekdays: frozenset[int]
    words: frozenset[str]  # lower-cased words
    capitals: frozenset[str]  # capitalised words that are not function words
    hedged: bool
    quoted: bool


def english_sentences(text: str) -> list[EnglishSentence]:
    pieces: list[str] = []
    for chunk in _EN_SENTENCE.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if pieces and _ABBREV.search(pieces[-1]):
            pieces[-1] += " " + chunk
        else:
            pieces.append(chunk)
    return [_read_english(piece) for piece in pieces]


def _read_english(text: str) -> EnglishSentence:
    years: set[int] = set()
    months: set[int] = set()
    days: set[tuple[int, int]] = set()
    masked = text
    for found in _EN_DATE.finditer(text):
        name = (found.group("m") or found.group("m2") or "").lower()
        day = found.group("d") or found.group("d2")
        if name == "may" and not day:
            continue  # the verb, most of the time
        if name in ("mar", "jan", "jun", "dec") and not day and found.group(0).islower():
            continue
        months.add(_MONTHS[name])
        if day and 1 <= int(day) <= 31:
            days.add((_MONTHS[name], int(day)))
        masked = masked.replace(found.group(0), " " * len(found.group(0)), 1)
    numbers: set[tuple[float, bool]] = set()
    for found in _EN_NUMBER.finditer(masked):
        whole = found.group("n").replace(",", "")
        value = float(whole + (found.group("f") or ""))
        pct = bool(found.group("pct"))
        scale = (found.group("scale") or found.group("short") or "").lower()
        if (
            not pct
            and not scale
            and not found.group("f")
            and len(whole) == 4
            and 1800 <= value <= 2100
        ):
            years.add(int(value))
            continue
        numbers.add((value * _SCALES.get(scale, 1.0), pct))
    for found in _EN_WORD_NUMBER.finditer(masked):
        value = _WORD_NUMBERS[found.group("w").lower()]
        if found.group("w2"):
            value += _WORD_NUMBERS[found.group("w2").lower()]
        scale = (found.group("scale") or "").lower()
        numbers.add((value * _SCALES.get(scale, 1.0), bool(found.group("pct"))))
    lowered = text.lower()
    weekdays = {n for n, day in enumerate(_WEEKDAYS) if day in lowered}
    words = {
        w.lower().strip("'’-").removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text)
    }
    capitals = {
        w.strip("'’-").removesuffix("'s").removesuffix("’s")
        for w in _CAPITAL.findall(text[1:] if text[:1].isupper() else text)
        if w.lower() not in _STOP_CAPS
        and w.lower().rstrip(".") not in _MONTHS
        and w.lower() not in _WEEKDAYS
    }
    return EnglishSentence(
        text=text,
        numbers=frozenset(numbers),
        years=frozenset(years),
        months=frozenset(months),
        days=frozenset(days),
        weekdays=frozenset(weekdays),
        words=frozenset(w for w in words if len(w) >= 3),
        capitals=frozenset(c for c in capitals if len(c) >= 2),
        hedged=any(
            not (h.group().lower() == "would" and _REPORTED.search(text[: h.start()]))
            for h in _EN_HEDGE.finditer(text)
        ),
        quoted=bool(_EN_QUOTE.search(text)),
    )


# ---------------------------------------------------------------- katakana, read out

_ROMAJI = (
    "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to "
    "da ji zu de do na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me "
    "mo ya yu yo ra ri ru re ro wa i e o n vu"
)
_KANA = dict(
    zip(
        "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノ"
        "ハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヰヱヲンヴ",
        _ROMAJI.split(),
        strict=True,
    )
)
_SMALL = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ャ": "ya", "ュ": "yu", "ョ": "yo"}
_KATAKANA_RUN = re.compile(r"[ァ-ヺー]+(?:・[ァ-ヺー]+)*")


def romaji(katakana: str) -> str:
    out: list[str] = []
    double = False
    for char in katakana:
        if char == "ッ":
            double = True
            continue
        if char == "ー":
            if out:
                out[-1] += out[-1][-1]
            continue
        if char in _SMALL and out:
            base = out[-1][:-1] if out[-1][-1:] in "aiueo" else out[-1]
            small = _SMALL[char]
            if small.startswith("y") and base in ("sh", "ch", "j"):
                small = small[1:]
            out[-1] = base + small
            continue
        sound = _KANA.get(char) or _SMALL.get(char, "")
        if double and sound and sound[0] not in "aiueon":
            sound = sound[0] + sound
        double = False
        out.append(sound)
    return "".join(out)


def _squeeze(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


def _common(text: str) -> str:
    for old, new in (("ph", "f"), ("th", "s"), ("sh", "s"), ("ts", "t"), ("ck", "k"), ("c", "k"),
                     ("q", "k"), ("x", "ks"), ("l", "r"), ("v", "b"), ("z", "s"), ("y", "i"),
                     ("w", "u")):  # fmt: skip
        text = text.replace(old, new)
    return _squeeze(text)


@lru_cache(maxsize=4096)
def _kana_forms(katakana: str) -> tuple[str, ...]:
    raw = _common(romaji(katakana))
    # the vowels Japanese adds after a consonant (ス su, ト to, ル ru) are not in the original
    bare = re.sub(r"(?<=[^aiueon])u(?=[^aiueo]|$)", "", raw)
    bare = re.sub(r"(?<=[td])o(?=[^aiueo]|$)", "", bare)
    return tuple(dict.fromkeys((raw, _squeeze(bare))))


@lru_cache(maxsize=16384)
def _english_forms(word: str) -> tuple[str, ...]:
    word = word.lower()
    non_rhotic = re.sub(r"r(?=[^aeiouy]|$)", "", word)
    forms = [_common(word), _common(non_rhotic)]
    forms += [re.sub(r"e$", "", f) for f in forms]
    return tuple(dict.fromkeys(f for f in forms if f))


@lru_cache(maxsize=65536)
def sounds_like(katakana: str, word: str) -> float:
    """How close a katakana word is to an English word read aloud, 0–1 (a rough ear)."""
    best = 0.0
    for kana in _kana_forms(katakana):
        for english in _english_forms(word):
            if kana[:1] != english[:1] and not (kana[:1] in "aiueo" and english[:1] in "aiueo"):
                continue
            best = max(best, fuzz.ratio(kana, english) / 100)
    return best


_NAME_MATCH = 0.72
_TITLES = (
    r"氏|さん|代表|会長|社長|副社長|大統領|副大統領|首相|大臣|長官|議長|委員長|最高経営責任者|CEO"
    r"|教授|博士|記者|選手|監督|知事|市長|議員|報道官|アナリスト|エコノミスト|相|容疑者|被告|夫妻"
    r"|局長|部長|理事長|総裁|書記長|司令官|大使|判事|弁護士|研究員|所長|創業者"
)
_PERSON_AFTER = re.compile(rf"^[\u4e00-\u9fff]{{0,4}}(?:{_TITLES})")
_PERSON_BEFORE = re.compile(rf"(?:{_TITLES})(?:の|である|を務める)?$")
_ORG_PART = re.compile(r"グループ|カンパニー|コーポレーション|ホールディングス|バンク|ユニオン")
_ORG_WORDS = (
    "Airlines|Airline|Airways|Air|Group|Inc|Corp|Corporation|Company|Co|Bank|Union|Association|Council"
    "|Party|Ministry|University|Agency|Institute|Network|Research|Capital|Partners|Holdings"
    "|Technologies|Motors|Systems|Media|News|Times|Post|Foundation|Authority|Fund|Exchange"
    "|Commission|Court|Department|Office|Organization|Organisation|Federation|Club|League"
    "|Ltd|LLC|plc|AG|SA|Services|Energy|Industries|Labs|Studios|Records|Reuters|Press"
)
_PLACE_AFTER = re.compile(
    r"^(?:州|市|国|県|島|港|湾|政府|軍|首相|大統領|沖|近郊|北部|南部|東部|西部|中部|全土|国内|国民|向け|産)"
)
_PLACE_BEFORE = re.compile(r"(?:隣国|首都|都市|州都|地方|地域)の?$")
_ORG_AFTER = re.compile(
    r"^(?:社|銀行|グループ|組合|協会|財団|大学|党|省|庁|委員会|評議会|機構|研究所)"
)


# ---------------------------------------------------------------- Japanese numbers and dates

_JA_NUMBER = re.compile(
    r"(?:\d[\d,，]*(?:\.\d+)?(?:兆|億|万))+(?:\d[\d,，]*)?|\d[\d,，]*(?:\.\d+)?"
)
_JA_PART = re.compile(r"(\d[\d,，]*(?:\.\d+)?)(兆|億|万)?")
_UNITS = {"兆": 1e12, "億": 1e8, "万": 1e4}
_JA_YEAR = re.compile(r"(?<!\d)(\d{4})年(?!間|代)")
_JA_MONTH_DAY = re.compile(r"(?<![\dかヶカケヵ])(\d{1,2})月(\d{1,2})日(?!間)")
_JA_MONTH = re.compile(r"(?<![\dかヶカケヵ])(\d{1,2})月(?![\d間])")
_JA_WEEKDAY = re.compile(r"([月火水木金土日])曜")
_WEEKDAY_KANJI = "月火水木金土日"
_DAYS_AFTER = re.compile(r"間|以内|後|前|ぶり|連続|分|余り|以上|未満|超|近く|足らず|ほど|程度|も")


@dataclass(frozen=True)
class JaNumber:
    start: int
    end: int
    text: str
    value: float
    percent: bool


def ja_numbers(sentence: str) -> list[JaNumber]:
    """The figures of a Japanese sentence, without years, months, days and times of day."""
    found: list[JaNumber] = []
    for match in _JA_NUMBER.finditer(sentence):
        start, end = match.span()
        before, after = sentence[max(0, start - 1) : start], sentence[end : end + 2]
        if re.match(r"[A-Za-zＡ-Ｚａ-ｚ\-‐.]", before) or re.match(
            r"[A-Za-zＡ-Ｚａ-ｚ]|[-‐]\d", after
        ):
            continue  # a model or part number: G7, F-35, 787-9
        value = 0.0
        for digits, unit in _JA_PART.findall(match.group()):
            value += float(unicodedata.normalize("NFKC", digits).replace(",", "")) * _UNITS.get(
                unit, 1.0
            )
        if (
            after.startswith("年")
            and not after.startswith(("年間", "年代"))
            and 1800 <= value <= 2100
        ):
            continue
        if after.startswith("月") or (
            after.startswith("日")
            and (
                sentence[max(0, start - 1) : start] == "月"
                or not _DAYS_AFTER.match(sentence[end + 1 :])
            )
        ):
            continue  # a month or a day of the month (a date), not a count of days
        if after.startswith(("時", "分", "秒")) and not after.startswith(("時間", "分の")):
            continue
        if sentence[max(0, start - 1) : start] in ("第",) or after.startswith(("位", "番", "号")):
            continue
        percent = after.startswith(("%", "％")) or sentence[end:].startswith("パーセント")
        found.append(JaNumber(start, end, match.group(), value, percent))
    return found


def _format_like(value: float, template: str) -> str | None:
    """`value` written the way `template` writes its figure (万/億, commas, decimals)."""
    if value <= 0:
        return None
    if any(unit in template for unit in _UNITS):
        if value < 1e4:
            return _plain(value, 0)
        parts = []
        rest = value
        for unit, size in _UNITS.items():
            if rest >= size:
                count = int(rest // size)
                parts.append(f"{count}{unit}")
                rest -= count * size
        if rest >= 1:
            if rest != int(rest):
                return None
            parts.append(str(int(rest)))
        return "".join(parts)
    decimals = len(template.split(".")[1]) if "." in template else 0
    text = _plain(value, decimals)
    return (
        text.replace(",", "，")
        if "，" in template
        else text
        if "," in template
        else text.replace(",", "")
    )


def _plain(value: float, decimals: int) -> str:
    if decimals:
        return f"{value:,.{decimals}f}"
    return f"{round(value):,}"


def _number_changes(number: JaNumber, rng: random.Random) -> list[tuple[str, str]]:
    """Realistic slips for one figure: digits swapped, doubled, +50%, another round number;
    none within ±10% of the original."""
    old = number.value
    options: list[tuple[str, str]] = []

    def offer(text: str | None, label: str) -> None:
        if not text or text == number.text:
            return
        value = sum(
            float(unicodedata.normalize("NFKC", d).replace(",", "").replace("，", ""))
            * _UNITS.get(u, 1.0)
            for d, u in _JA_PART.findall(text)
        )
        if value <= 0 or abs(value / old - 1) <= 0.10:
            return
        if number.percent and value > 100 >= old:
            return
        options.append((text, label))

    # digits swapped, in the first group with two different neighbours
    groups = list(re.finditer(r"\d+", number.text))
    for group in groups:
        digits = group.group()
        for i in range(len(digits) - 1):
            if digits[i] != digits[i + 1] and not (i == 0 and digits[1] == "0"):
                swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
                offer(number.text[: group.start()] + swapped + number.text[group.end() :],
                      "digits swapped")  # fmt: skip
                break
        else:
            continue
        break
    decimals = len(number.text.split(".")[1]) if "." in number.text else 0
    offer(_format_like(_rounded(old * 2, decimals), number.text), "doubled")
    offer(_format_like(_rounded(old * 1.5, decimals), number.text), "+50%")
    magnitude = 10 ** math.floor(math.log10(old)) if old > 0 else 1
    rounds = [k * magnitude for k in range(1, 10)] + [k * magnitude / 2 for k in (1, 3)]
    rounds = [r for r in rounds if abs(r / old - 1) > 0.10 and r >= 1]
    if rounds:
        offer(_format_like(rng.choice(sorted(rounds)), number.text), "another round number")
    return options


def _rounded(value: float, decimals: int) -> float:
    if decimals:
        return round(value, decimals)
    digits = len(str(int(value)))
    keep = 10 ** max(0, digits - 3)  # three significant figures, as a writer would put it
    return float(round(value / keep) * keep)


# ---------------------------------------------------------------- Japanese hedges

_SAY = r"と(?:述べ|語|話|説明|明らかに|発表|指摘|強調|言|警告|主張|訴え|見|し|答え|伝え)"
_HEDGE = re.compile(
    r"(?P<h>(?:の)?(?:見通し|見込み)を示(?P<shown>した|しました|している|しています)"
    r"|(?:の)?(?:見通し|見込み|予定)(?P<te>で)(?=、)"
    r"|(?:の)?(?:見通し|見込み|予定|方針|意向)(?P<cop>だ|です|である|となっている|となっています)?"
    r"|可能性[がも](?:ある|あります|高い|高いです|大きい|大きいです)"
    r"|(?:の)?可能性"
    r"|おそれが(?:ある|あります)"
    r"|かもしれ(?:ない|ません)"
    r"|だろう|でしょう"
    r"|(?:もの)?とみられ(?P<renyo>)(?=、)"
    r"|(?:もの)?とみられ(?:る|ている|ます|ています)"
    r"|とされ(?:る|ている|ます|ています)"
    r"|と(?:して|し)(?:いる|います)"
    r"|と(?:試算|推計|推定|予測|予想)(?:して|し)(?:いる|います|た|ました)"
    r"|という)"
    rf"(?=(?P<after>[。！？!?]?$|{_SAY}|との|という|、|[ 　]))"
)
_HEDGE_LEFT = re.compile(
    r"見通し|見込み|可能性|おそれ|恐れ|かもしれ|だろう|でしょう|とみられ|とみて|予定|方針|意向"
    r"|としている|としています|とされ|ようだ|ようです|らしい|試算|推計|推定|予測|予想|模様|見方"
    r"|という[。！？]?$"
)
_OPINION = re.compile(
    r"(?:言え|いえ|思わ|思え|思い|考えられ|望まれ)(?:る|ます)?(?:でしょう|だろう)"
)
_U_TO_I = dict(zip("うくぐすつぬぶむる", "いきぎしちにびみり", strict=True))
_A_TO_I = dict(zip("わかがさたなばまら", "いきぎしちにびみり", strict=True))
_E_I_ROW = set("いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ")
_ICHIDAN_KANJI = set("見出寝着居経似煮得射")
_GODAN_BEFORE_RU = set(
    "あかがさざただなはばぱまやらわうくぐすずつづぬふぶぷむゆるおこごそぞとどのほぼぽもよろ"
)


@lru_cache(maxsize=1)
def _tagger() -> Any:
    import fugashi  # type: ignore[import-untyped]

    return fugashi.Tagger()


@lru_cache(maxsize=4096)
def _common_noun(word: str) -> bool:
    """Whether UniDic knows `word` as one ordinary noun (a loanword such as コンテナ)."""
    tokens = list(_tagger()(word))
    return len(tokens) == 1 and not tokens[0].is_unk and tokens[0].feature.pos2 == "普通名詞"


def _is_kanji(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char == "々"


def _polite(predicate: str) -> str | None:
    """The です・ます form of a plain predicate ending, or None when it cannot be told."""
    if predicate.endswith("する"):
        return predicate[:-2] + "します"
    if predicate.endswith("である"):
        return predicate[:-3] + "です"
    if predicate.endswith(("ている", "でいる")):
        return predicate[:-1] + "ます"
    if predicate.endswith("ない"):
        stem = predicate[:-2]
        last = stem[-1:]
        if last in _A_TO_I:
            return stem[:-1] + _A_TO_I[last] + "ません"
        if last in _E_I_ROW or last in _ICHIDAN_KANJI:
            return stem + "ません"
        return None
    last, previous = predicate[-1:], predicate[-2:-1]
    if last == "る":
        if previous in _E_I_ROW or previous in _ICHIDAN_KANJI:
            return predicate[:-1] + "ます"
        if _is_kanji(previous) or previous in _GODAN_BEFORE_RU:
            return predicate[:-1] + "ります"
        return None
    if last in _U_TO_I:
        return predicate[:-1] + _U_TO_I[last] + "ます"
    if last == "い":
        return predicate + "です"
    if last == "だ" and previous != "ん":
        return predicate[:-1] + "です"
    if last in ("た", "だ"):
        return _polite_past(predicate)
    return predicate + "です"  # a noun


_U_VERB_KANJI = set("買言使払失追従伴行思歌会合違向戦笑争扱狙救拾雇負誘迷補覆奪吸洗")
_BI_VERB_KANJI = set("呼遊選飛並結学喜運浮及")


def _polite_past(predicate: str) -> str | None:
    """The polite past of a plain past verb (減った→減りました, 書いた→書きました), or None."""
    stem, before = predicate[:-2], predicate[-2:-1]
    if predicate.endswith("かった"):
        return predicate + "です"  # an adjective: 高かったです
    if predicate.endswith("った"):
        if predicate.endswith("行った"):
            return stem + "きました"
        return stem + ("いました" if stem[-1:] in _U_VERB_KANJI else "りました")
    if predicate.endswith("んだ"):
        return stem + ("びました" if stem[-1:] in _BI_VERB_KANJI else "みました")
    if predicate.endswith("いた"):
        return stem + "きました"
    if predicate.endswith("いだ"):
        return stem + "ぎました"
    if predicate.endswith("した") or (predicate.endswith("た") and before in _E_I_ROW):
        return predicate[:-1] + "ました"
    if predicate.endswith("た") and _is_kanji(before) and before in _ICHIDAN_KANJI:
        return predicate[:-1] + "ました"
    return None


def _is_verbal(predicate: str) -> bool:
    return predicate[-1:] in "うくぐすつぬぶむるいただ"


def _drop_hedge(sentence: str, title: bool) -> str | None:
    """One hedge of `sentence` removed, the sentence rewritten as a flat assertion."""
    for match in _HEDGE.finditer(sentence):
        hedge = match.group("h")
        before = sentence[: match.start()]
        after = sentence[match.end() :]
        if not before or before[-1] in "、。「」 ":
            continue
        polite = any(p in hedge for p in ("です", "ます", "でしょう", "ません"))
        if match.group("shown"):
            said = {
                "した": "た",
                "しました": "ました",
                "している": "ている",
                "しています": "ています",
            }
            tail = "と述べ" + said[match.group("shown")]
            predicate = before if _is_verbal(before) else before + "だ"
            return predicate + tail + after
        if match.group("te") is not None or match.group("renyo") is not None:
            if not _is_verbal(before):
                return before + ("で" if match.group("te") is not None else "") + after
            stem = _polite(before)  # the ます stem is the connective form: 減らせ、 なり、
            return None if stem is None or not stem.endswith("ます") else stem[:-2] + after
        if after.startswith("、") or (after[:1] in " 　" and not title):
            continue
        if re.match(_SAY, after) or after.startswith(("との", "という")):
            predicate = before if _is_verbal(before) else before + "だ"
            return predicate + after
        if title:
            return before + after
        if polite:
            converted = _polite(before)
            return None if converted is None else converted + after
        return (before if _is_verbal(before) else before + "だ") + after
    return None


def dropped_hedge(sentence: str, title: bool = False) -> str | None:
    """`sentence` with every hedge removed (at most three), or None when one is left."""
    changed = sentence
    for _ in range(3):
        if not _HEDGE_LEFT.search(changed):
            break
        rewritten = _drop_hedge(changed, title)
        if rewritten is None:
            return None
        changed = rewritten
    if changed == sentence or _HEDGE_LEFT.search(changed):
        return None
    return changed


# ---------------------------------------------------------------- quotations given another meaning

_FLIPS = (
    ("上がっ", "下がっ"), ("上がる", "下がる"), ("上がり", "下がり"), ("下がっ", "上がっ"),
    ("下がる", "上がる"), ("下がり", "上がり"), ("増えた", "減った"), ("増えて", "減って"),
    ("増える", "減る"), ("減った", "増えた"), ("減って", "増えて"), ("減る", "増える"),
    ("増加", "減少"), ("減少", "増加"), ("上昇", "下落"), ("下落", "上昇"), ("拡大", "縮小"),
    ("縮小", "拡大"), ("改善", "悪化"), ("悪化", "改善"), ("強化", "緩和"), ("緩和", "強化"),
    ("上回", "下回"), ("下回", "上回"), ("高い", "低い"), ("低い", "高い"), ("高く", "低く"),
    ("低く", "高く"), ("多い", "少ない"), ("少ない", "多い"), ("多く", "少なく"),
    ("少なく", "多く"),
    ("大きな", "小さな"), ("小さな", "大きな"), ("大きい", "小さい"), ("小さい", "大きい"),
    ("良い", "悪い"), ("悪い", "良い"), ("いい", "悪い"), ("強い", "弱い"), ("弱い", "強い"),
    ("長い", "短い"), ("短い", "長い"), ("早く", "遅く"), ("遅く", "早く"), ("安い", "高い"),
    ("できない", "できる"), ("できません", "できます"), ("できる", "できない"),
    ("できます", "できません"), ("ていない", "ている"), ("ておらず", "ており"),
    ("ていません", "ています"), ("ている", "ていない"), ("ています", "ていません"),
    ("られない", "られる"), ("せない", "せる"), ("ありません", "あります"),
    ("あります", "ありません"), ("ならない", "なる"), ("なる", "ならない"),
    ("賛成", "反対"), ("反対", "賛成"), ("支持", "拒否"), ("歓迎", "拒否"), ("成功", "失敗"),
    ("失敗", "成功"), ("勝利", "敗北"), ("不要", "必要"), ("必要", "不要"), ("不可能", "可能"),
    ("可能", "不可能"), ("安全", "危険"), ("危険", "安全"), ("最大", "最小"), ("最高", "最低"),
    ("最低", "最高"), ("打撃", "恩恵"), ("恩恵", "打撃"), ("始ま", "終わ"), ("終わ", "始ま"),
    ("助け", "妨げ"), ("望んで", "拒んで"), ("すべて", "一部"), ("全て", "一部"),
    ("一部", "すべて"), ("毎月", "毎年"), ("毎年", "毎月"), ("毎日", "毎週"), ("両側", "片側"),
    ("以上", "以下"), ("以下", "以上"), ("誰も", "誰もが"), ("決して", "必ず"), ("必ず", "決して"),
    ("本当", "嘘"), ("真実", "嘘"), ("好き", "嫌い"), ("嫌い", "好き"), ("勝", "負"),
)  # fmt: skip
_JA_QUOTE = re.compile(r"「([^「」]{4,})」")


def _flip_quote(inner: str, rng: random.Random) -> tuple[str, str] | None:
    """`inner` with one word given another meaning (or one figure changed), and what changed."""
    options: list[tuple[int, str, str]] = []
    taken: set[int] = set()
    for old, new in sorted(_FLIPS, key=lambda pair: -len(pair[0])):
        for found in re.finditer(re.escape(old), inner):
            if found.start() in taken:
                continue
            taken.update(range(found.start(), found.end()))
            options.append((found.start(), old, new))
    if options:
        at, old, new = rng.choice(sorted(options))
        return inner[:at] + new + inner[at + len(old) :], f"「…{old}…」→「…{new}…」"
    numbers = ja_numbers(inner)
    if numbers:
        number = rng.choice(numbers)
        changes = _number_changes(number, rng)
        if changes:
            text, _ = rng.choice(changes)
            return inner[: number.start] + text + inner[number.end :], f"{number.text}→{text}"
    return None


# ---------------------------------------------------------------- the generator


@dataclass(frozen=True)
class _Name:
    text: str  # the katakana run as written
    parts: tuple[str, ...]
    person: bool
    english: frozenset[str]  # the source words it matched
    org: bool = False


@dataclass(frozen=True)
class _Site:
    unit: Unit
    data: object = None


class _Planter:
    def __init__(
        self,
        markdown: str,
        source_text: str,
        comments: Mapping[str, str],
        comment_ids: Sequence[str],
        fetched_urls: Iterable[str],
        glossary: Mapping[str, str],
    ) -> None:
        self.draft = parse(markdown)
        self.source = english_sentences(source_text)
        self.comments = {cid: english_sentences(body) for cid, body in comments.items()}
        self.comment_ids = list(dict.fromkeys(comment_ids))
        self.fetched = {_url_key(u) for u in fetched_urls if u}
        self.glossary = dict(glossary)
        self.capitals = {c for s in self.source for c in s.capitals}
        for sentences in self.comments.values():
            self.capitals |= {c for s in sentences for c in s.capitals}
        self.names = self._names()

    # ---- what the source behind a sentence is

    def reference(self, unit: Unit) -> list[EnglishSentence]:
        """The source a sentence answers to: the comment for a reaction, else the article."""
        if unit.section == "reactions":
            return self.comments.get(unit.comment_id or "", [])
        return self.source

    def _match_words(self, katakana: str, words: Iterable[str]) -> set[str]:
        if len(romaji(katakana)) < 3:
            return set()
        return {w for w in words if len(w) >= 3 and sounds_like(katakana, w) >= _NAME_MATCH}

    def _glossary_source(self, run: str) -> str | None:
        for target, source in self.glossary.items():
            if run == target or run in _KATAKANA_RUN.findall(target):
                return source
        return None

    def _names(self) -> dict[str, _Name]:
        names: dict[str, _Name] = {}
        for unit in self.draft.sentences:
            for found in _KATAKANA_RUN.finditer(unit.text):
                run = found.group()
                if run in names or len(run.replace("ー", "")) < 2:
                    continue
                parts = tuple(run.split("・"))
                glossed = self._glossary_source(run)
                english: set[str] = set()
                if glossed:
                    english = set(_CAPITAL.findall(glossed))
                else:
                    titled = _PERSON_AFTER.match(unit.text[found.end() :])
                    if len(parts) == 1 and _common_noun(run) and not titled:
                        continue  # a loanword (ストライキ, コンテナ), not a name
                    matched = [self._match_words(part, self.capitals) for part in parts]
                    long_parts = [m for p, m in zip(parts, matched, strict=True) if len(p) >= 2]
                    if not long_parts or sum(1 for m in long_parts if m) * 2 < len(long_parts):
                        continue
                    english = set().union(*matched)
                if not english:
                    continue
                names[run] = _Name(run, parts, False, frozenset(english))
        # persons: a title next to the name, or the short form of one; organisations by suffix
        persons: set[str] = set()
        orgs: set[str] = set()
        places: set[str] = set()
        for unit in self.draft.sentences:
            for found in _KATAKANA_RUN.finditer(unit.text):
                run = found.group()
                if run not in names:
                    continue
                after, before = unit.text[found.end() :], unit.text[: found.start()]
                if _PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before):
                    persons.add(run)
                elif _ORG_PART.search(run) or _ORG_AFTER.match(after):
                    orgs.add(run)
                elif _PLACE_AFTER.match(after) or _PLACE_BEFORE.search(before):
                    places.add(run)
        source_text = " ".join(s.text for s in self.source)
        for run, name in names.items():
            if run in persons or run in orgs or run in places:
                continue  # the draft's own words decide first
            if any(
                re.search(
                    rf"\b{re.escape(w)}(?:\s+[A-Z][\w&'-]*)*\s+(?:{_ORG_WORDS})\b", source_text
                )
                or re.fullmatch(_ORG_WORDS, w)
                for w in name.english
            ):
                orgs.add(run)
            elif any(
                re.search(rf"\b(?:in|from|across|near|at|throughout)\s+(?:the\s+)?{re.escape(w)}\b"
                          rf"|\b{re.escape(w)}(?:-based|'s government| government)\b", source_text)
                for w in name.english
            ):  # fmt: skip
                places.add(run)
        surnames = {names[p].parts[-1] for p in persons}
        for run, name in list(names.items()):
            short = len(name.parts) == 1 and run in surnames
            if run in persons or short or (len(name.parts) == 2 and name.parts[-1] in surnames):
                names[run] = _Name(run, name.parts, True, name.english)
            else:  # a company or body unless the text places it (in Kelmar, ケルマー港)
                org = run in orgs or run not in places
                names[run] = _Name(run, name.parts, False, name.english, org=org)
        return names

    def anchors(self, unit: Unit, sentence: EnglishSentence) -> int:
        """How many figures, dates and katakana words a draft sentence shares with a source
        sentence (a rough alignment across the two languages)."""
        text = unit.text
        score = 0
        values = {(round(n.value, 6), n.percent) for n in ja_numbers(text)}
        score += len(values & {(round(v, 6), p) for v, p in sentence.numbers})
        score += len({int(y) for y in _JA_YEAR.findall(text)} & sentence.years)
        score += len({int(m) for m, _ in _JA_MONTH_DAY.findall(text)} & sentence.months)
        score += len({int(m) for m in _JA_MONTH.findall(text)} & sentence.months)
        score += len(
            {_WEEKDAY_KANJI.index(w) for w in _JA_WEEKDAY.findall(text)} & sentence.weekdays
        )
        for run in dict.fromkeys(_KATAKANA_RUN.findall(text)):
            name = self.names.get(run)
            if name is not None:
                lowered = {w.lower() for w in name.english}
                if lowered & sentence.words:
                    score += 1
                    continue
            if any(self._match_words(part, sentence.words) for part in run.split("・")):
                score += 1
        return score

    def aligned(self, unit: Unit) -> list[EnglishSentence]:
        reference = self.reference(unit)
        if not reference:
            return []
        scores = [self.anchors(unit, s) for s in reference]
        best = max(scores)
        return [s for s, score in zip(reference, scores, strict=True) if score == best and best]

    # ---- the kinds

    def number_sites(self, unit: Unit) -> list[object]:
        known = {(round(v, 6), p) for s in self.reference(unit) for v, p in s.numbers}
        return [n for n in ja_numbers(unit.text) if (round(n.value, 6), n.percent) in known]

    def number_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, JaNumber)
        changes = _number_changes(site, rng)
        if not changes:
            return None
        text, label = rng.choice(changes)
        return unit.text[: site.start] + text + unit.text[
            site.end :
        ], f"{site.text}→{text} ({label})"

    def date_sites(self, unit: Unit) -> list[object]:
        reference = self.reference(unit)
        years = {y for s in reference for y in s.years}
        months = {m for s in reference for m in s.months}
        days = {d for s in reference for d in s.days}
        weekdays = {w for s in reference for w in s.weekdays}
        sites: list[object] = []
        taken: set[int] = set()
        for found in _JA_MONTH_DAY.finditer(unit.text):
            month, day = int(found.group(1)), int(found.group(2))
            if (month, day) in days:
                sites.append(("month", found.start(1), found.end(1), month))
                sites.append(("day", found.start(2), found.end(2), day))
            elif month in months:
                sites.append(("month", found.start(1), found.end(1), month))
            taken.update(range(found.start(), found.end()))
        for found in _JA_MONTH.finditer(unit.text):
            if found.start() not in taken and int(found.group(1)) in months:
                sites.append(("month", found.start(1), found.end(1), int(found.group(1))))
        for found in _JA_YEAR.finditer(unit.text):
            if int(found.group(1)) in years:
                sites.append(("year", found.start(1), found.end(1), int(found.group(1))))
        for found in _JA_WEEKDAY.finditer(unit.text):
            if _WEEKDAY_KANJI.index(found.group(1)) in weekdays:
                sites.append(("weekday", found.start(1), found.end(1), found.group(1)))
        return sites

    def date_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, tuple)
        what, start, end, old = site
        step = rng.choice((-3, -2, -1, 1, 2, 3))
        if what == "year":
            new = str(old + step)
        elif what == "month":
            new = str((old - 1 + step) % 12 + 1)
        elif what == "day":
            day = old + step * 2
            new = str(day if 1 <= day <= 28 else old - step * 2)
        else:
            new = _WEEKDAY_KANJI[(_WEEKDAY_KANJI.index(old) + step) % 7]
        text = unit.text[:start] + new + unit.text[end:]
        return text, f"{what} {unit.text[start:end]}→{new}"

    def _grounded(self, unit: Unit, name: _Name) -> list[EnglishSentence]:
        """The source sentences that state what the sentence says about `name`."""
        lowered = {w.lower() for w in name.english}
        holding = [s for s in self.reference(unit) if lowered & s.words]
        if not holding:
            return []
        aligned = [s for s in holding if self.anchors(unit, s) >= 2]
        if aligned:
            return aligned
        return holding if unit.section in ("title", "lead", "reactions") else []

    def name_sites(self, unit: Unit) -> list[object]:
        sites: list[object] = []
        for found in _KATAKANA_RUN.finditer(unit.text):
            name = self.names.get(found.group())
            if name is not None and self._grounded(unit, name):
                sites.append((found.start(), found.end(), name))
        return sites

    def swap_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, tuple)
        start, end, name = site
        grounded = self._grounded(unit, name)
        others = []
        for other in self.names.values():
            if (other.person, other.org) != (name.person, name.org):
                continue
            if set(other.parts) & set(name.parts):
                continue
            lowered = {w.lower() for w in other.english}
            if any(lowered & s.words for s in grounded):
                continue  # the source says the same of that one
            others.append(other)
        if not others:
            return None
        other = rng.choice(sorted(others, key=lambda n: n.text))
        text = other.text
        if name.person and len(name.parts) == 1 and len(other.parts) > 1:
            text = other.parts[-1]
        elif name.person and len(name.parts) > 1 and len(other.parts) == 1:
            full = [
                n.text
                for n in self.names.values()
                if n.parts[-1] == other.text and len(n.parts) > 1
            ]
            text = full[0] if full else other.text
        sentence = unit.text
        rest = sentence[:start] + "\u0000" * (end - start) + sentence[end:]
        if text in rest:  # both in the sentence: exchange them
            at = rest.index(text)
            edits = sorted([(start, end, text), (at, at + len(text), name.text)], reverse=True)
            for begin, finish, new in edits:
                sentence = sentence[:begin] + new + sentence[finish:]
            return sentence, f"{name.text} ⇄ {text}"
        return sentence[:start] + text + sentence[end:], f"{name.text}→{text}"

    def invent_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, tuple)
        start, end, name = site
        draft_text = self.draft.markdown
        for _ in range(40):
            if name.person and len(name.parts) >= 2:
                invented = _invent(rng, 2) + "・" + _invent(rng, 3)
            elif name.person:
                invented = _invent(rng, 3)
            else:
                invented = "・".join((_invent(rng, 3), *name.parts[1:]))
            made = invented.split("・")[: 2 if name.person else 1]
            if any(part in draft_text for part in made):
                continue
            if any(sounds_like(part, w) >= 0.6 for part in made for w in self.capitals):
                continue
            text = unit.text[:start] + invented + unit.text[end:]
            return text, f"{name.text}→{invented} (invented)"
        return None

    def quote_sites(self, unit: Unit) -> list[object]:
        if not any(s.quoted for s in self.reference(unit)):
            return []
        quotes = list(_JA_QUOTE.finditer(unit.text))
        if not quotes:
            return []
        if unit.section == "reactions":
            return [(q.start(1), q.end(1)) for q in quotes]
        aligned = self.aligned(unit)
        reference = self.reference(unit)
        near: set[int] = set()
        for sentence in aligned:
            index = reference.index(sentence)
            near.update(i for i in (index - 1, index, index + 1) if 0 <= i < len(reference))
        if not any(reference[i].quoted for i in near):
            return []
        return [(q.start(1), q.end(1)) for q in quotes]

    def quote_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, tuple)
        start, end = site
        flipped = _flip_quote(unit.text[start:end], rng)
        if flipped is None:
            return None
        inner, label = flipped
        return unit.text[:start] + inner + unit.text[end:], label

    def hedge_sites(self, unit: Unit) -> list[object]:
        if not _HEDGE_LEFT.search(unit.text) or _OPINION.search(unit.text):
            return []  # no hedge, or the writer's own hedged opinion (と言えるでしょう)
        if not any(s.hedged for s in self.aligned(unit)):
            return []
        return [None] if dropped_hedge(unit.text, unit.section == "title") else []

    def hedge_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        changed = dropped_hedge(unit.text, unit.section == "title")
        if changed is None:
            return None
        return changed, "hedge dropped"

    # ---- comment ids and links

    def new_comment_id(self, marker: Unit, rng: random.Random) -> tuple[str, str] | None:
        used = {m.text for m in self.draft.markers}
        others = sorted(
            m.text
            for m in self.draft.markers
            if m.text != marker.text
            and self.draft.reaction_text(m.text) != self.draft.reaction_text(marker.text)
        )
        invented = _invent_id(marker.text, set(self.comment_ids) | used, rng)
        choices = [(invented, "an id not in the thread")] if invented else []
        if others:
            other = rng.choice(others)
            choices.append((other, f"the id of another reaction ({other})"))
        return rng.choice(choices) if choices else None

    def new_url(self, link: Unit, rng: random.Random) -> tuple[str, str] | None:
        options = [u for u in _url_slips(link.text) if _url_key(u) not in self.fetched]
        if not options:
            return None
        url = rng.choice(options)
        return url, "a URL this run never fetched"


_FIRST_MORAE = (
    *"アイエオカキケコサシセソタテトナニノハヒヘホマミメモラリレロバベボダデドガゴパペポ",
    "ヴァ",
    "ヴィ",
    "フィ",
)
_INNER_MORAE = tuple(
    "アイオカキクケコサシスタチテトナニネノハマミムメラリルレロバビベボダデドガギゴ"
)
_CODAS = ("ン", "ル", "ス", "ー", "ト", "ク", "ド", "")


def _invent(rng: random.Random, morae: int) -> str:
    """A made-up katakana name of `morae` morae and a coda (ベルナート, ソミラン, ...)."""
    word: str = rng.choice(_FIRST_MORAE)
    for _ in range(morae - 1):
        word += rng.choice(_INNER_MORAE)
    return word + rng.choice(_CODAS)


def _invent_id(old: str, taken: set[str], rng: random.Random) -> str | None:
    """An id shaped like `old` (c07 → c4x style digits, or letters and digits) nobody uses."""
    found = re.fullmatch(r"(?P<p>\D*)(?P<n>\d+)", old)
    for _ in range(200):
        if found:
            width = len(found.group("n"))
            candidate = found.group("p") + str(rng.randrange(10 ** (width - 1) if width > 1 else 1,
                                                              10**width)).zfill(width)  # fmt: skip
        else:
            alphabet = (
                "abcdefghijklmnopqrstuvwxyz0123456789"
                if old.lower() == old
                else ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            )
            candidate = "".join(rng.choice(alphabet) for _ in old)
        if candidate not in taken and candidate != old:
            return candidate
    return None


def _url_key(url: str) -> str:
    url = url.strip().lower()
    url = re.sub(r"^https?://", "", url)
    url = re.sub(r"^www\.", "", url)
    url = url.split("#")[0]
    return url.rstrip("/")


def _url_slips(url: str) -> list[str]:
    """URLs a model might write for the same page: an id or date in the path off by a little,
    words of the slug dropped or swapped, another path segment."""
    found = re.match(r"(?P<head>https?://[^/]+)(?P<path>/[^?#]*)?(?P<tail>.*)$", url)
    if not found:
        return []
    head, path, tail = found.group("head"), found.group("path") or "/", found.group("tail")
    slips: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        digits = list(re.finditer(r"\d{2,}", segment))
        if digits:
            last = digits[-1]
            value = last.group()
            bumped = value[:-1] + str((int(value[-1]) + 3) % 10)
            swapped = value[:-2] + value[-1] + value[-2] if value[-1] != value[-2] else bumped
            for new in dict.fromkeys((bumped, swapped)):
                changed = segment[: last.start()] + new + segment[last.end() :]
                slips.append(
                    head + "/".join([*segments[:index], changed, *segments[index + 1 :]]) + tail
                )
        elif re.fullmatch(r"(?=.*\d)(?=.*[a-z])[a-z0-9]{5,10}", segment):
            rotated = segment[1:] + segment[0]
            slips.append(
                head + "/".join([*segments[:index], rotated, *segments[index + 1 :]]) + tail
            )
    slugs = [i for i, s in enumerate(segments) if s.count("-") >= 2]
    if slugs:
        index = slugs[-1]
        words = segments[index].split("-")
        dropped = (
            "-".join(words[:-1]) if not words[-1].isdigit() else "-".join(words[:-2] + words[-1:])
        )
        reordered = "-".join([words[1], words[0], *words[2:]])
        for new in (dropped, reordered):
            slips.append(head + "/".join([*segments[:index], new, *segments[index + 1 :]]) + tail)
    if not slips:
        stem = path.rstrip("/")
        slips.append(head + (stem or "") + "/news" + ("/" if path.endswith("/") else "") + tail)
    return [s for s in dict.fromkeys(slips) if s != url]


_CHANGES: dict[str, tuple[str, str]] = {
    "number": ("number_sites", "number_change"),
    "date": ("date_sites", "date_change"),
    "name_swap": ("name_sites", "swap_change"),
    "name_invented": ("name_sites", "invent_change"),
    "quote": ("quote_sites", "quote_change"),
    "hedge": ("hedge_sites", "hedge_change"),
}


def plant(
    markdown: str,
    *,
    source_text: str,
    comment_ids: Sequence[str] = (),
    fetched_urls: Iterable[str] = (),
    seed: int = 0,
    kinds: Sequence[str] = KINDS,
    comments: Mapping[str, str] | None = None,
    glossary: Mapping[str, str] | None = None,
) -> list[Planted]:
    """One planted error per kind and section of the draft (where the kind can be planted there),
    each in its own copy of the draft, chosen by `seed`.

    `source_text` is the article as drafter read it (English); `comments` maps the thread's comment
    ids to their text (reactions are checked against it); `comment_ids` lists every id of the
    thread; `fetched_urls` the URLs the run fetched; `glossary` maps the draft's katakana renderings
    to the source's names, when the run had one."""
    planter = _Planter(
        markdown, source_text, comments or {}, comment_ids, fetched_urls, glossary or {}
    )
    draft = planter.draft
    fingerprint = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16]
    results: list[Planted] = []
    for kind in kinds:
        if kind not in WHERE:
            raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
        for section in WHERE[kind]:
            rng = random.Random(f"{seed}/{kind}/{section}/{fingerprint}")
            made = _plant_one(planter, kind, section, rng)
            if made is not None:
                results.append(made)
    assert all(p.markdown != draft.markdown for p in results)
    return results


def _plant_one(planter: _Planter, kind: str, section: str, rng: random.Random) -> Planted | None:
    draft = planter.draft
    if kind == "comment_id":
        markers = list(draft.markers)
        rng.shuffle(markers)
        for marker in markers:
            made = planter.new_comment_id(marker, rng)
            if made:
                new, label = made
                return Planted(
                    kind, section, marker.text, new, _apply(draft, marker, new),
                    f"reaction {marker.text}: id changed to {label}", new, comment_id=new,
                    context=draft.reaction_text(marker.text),
                )  # fmt: skip
        return None
    if kind == "link":
        links = list(draft.links)
        rng.shuffle(links)
        for link in links:
            made = planter.new_url(link, rng)
            if made:
                url, label = made
                return Planted(kind, section, link.text, url, _apply(draft, link, url),
                               f"{link.text} → {url} ({label})", url)  # fmt: skip
        return None
    find_sites, change = _CHANGES[kind]
    sites: list[tuple[Unit, object]] = []
    for unit in draft.sentences:
        if unit.section == section:
            sites += [(unit, site) for site in getattr(planter, find_sites)(unit)]
    rng.shuffle(sites)
    maker: Callable[[Unit, object, random.Random], tuple[str, str] | None] = getattr(
        planter, change
    )
    for unit, site in sites:
        made = maker(unit, site, rng)
        if made is None or made[0] == unit.text:
            continue
        text, label = made
        return Planted(
            kind, section, unit.text, text, _apply(draft, unit, text), f"{section}: {label}",
            text, comment_id=unit.comment_id,
        )  # fmt: skip
    return None


def from_edit(markdown: str, find: str, replace: str, *, kind: str, section: str,
              description: str = "") -> Planted:  # fmt: skip
    """A hand-planted error: `find` (which must occur exactly once) replaced by `replace`."""
    count = markdown.count(find) if find else 0
    if count != 1:
        raise PlantError(f"`find` occurs {count} times in draft.md (it must occur exactly once)")
    at = markdown.index(find)
    changed = markdown[:at] + replace + markdown[at + len(find) :]
    old, new = parse(markdown), parse(changed)
    region = (at, at + max(len(replace), 1))
    if kind == "comment_id":
        for marker in new.markers:
            if marker.start < region[1] and region[0] < marker.end + 1:
                before = next((m.text for m in old.markers if m.start == marker.start), "")
                return Planted(kind, section, before, marker.text, changed, description,
                               marker.text, comment_id=marker.text,
                               context=new.reaction_text(marker.text))  # fmt: skip
    if kind == "link":
        for link in new.links:
            if link.start < region[1] and region[0] < link.end:
                before = next((u.text for u in old.links if u.start == link.start), find)
                return Planted(kind, section, before, link.text, changed, description, link.text)
    for unit in new.sentences:
        if unit.start < region[1] and region[0] < unit.end:
            previous = [u for u in old.sentences if u.start < at + len(find) and at < u.end]
            before = previous[0].text if previous else find
            return Planted(kind, section, before, unit.text, changed, description, unit.text,
                           comment_id=unit.comment_id)  # fmt: skip
    return Planted(kind, section, find, replace, changed, description, replace)
