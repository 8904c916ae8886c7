"""Names in a Japanese draft, mapped back to the English source.

Foreign names are written in katakana. A katakana name is known when it is a target of the run's
glossary, or when its romanisation matches a capitalised word of the source (so a draft without
a glossary, such as an editor's own, is still checked). Only katakana in a name position (a full
name with ・, or followed by a title such as 氏, 大統領, 社) counts as a name: loanwords such as
リチウム are not names and are left alone.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from drafter.lang.name_tables import CJK_SURNAMES, COLLOQUIAL_KATAKANA, EXONYMS
from drafter.lang.sounds import (
    romanize,
    same_sound,
    skeleton,
    spelling_match,
    transliteration_match,
)

__all__ = [
    "romanize",
    "same_sound",
    "skeleton",
    "spelling_match",
    "transliteration_match",
]

_KATAKANA_RUN = re.compile(r"[ァ-ヺー・＝=]+")
# Titles that follow a person's name (an organisation's suffix such as 港 or 社 also follows
# common loanwords: コンテナ港, メディア社, so those count only through UniDic below).
TITLES = (
    "氏|さん|大統領|首相|副首相|大臣|長官|議員|知事|市長|総裁|総督|国王|外相|蔵相|財務相|"
    "外務相|国防相|報道官|議長|委員長|党首|社長|会長|最高経営責任者|CEO|教授|博士"
)
# a title, or an office ending like one (運輸相, 国務長官, 駐EU大使, 前知事)
_NAME_AFTER = re.compile(
    rf"^(?:{TITLES})(?!場|会|民|内|外|立)"
    r"|^(?:前|元|現|次期)?[一-龥A-Za-z]{0,6}(?:相|長官|大臣|局長|大使|報道官|代表|理事長|知事|議員)"
    # (not a body or a thing: ビジネス代表団, 大使館, 代表部, 代表作, 代表的, 代表選)
    r"(?![場互手当談続違応撲性団館部室権選作的格])"
)


# an office rather than a personal title (代表, 局長): a common noun may hold it
_OFFICE_ONLY = re.compile(r"^(?:代表|局長|理事長)")
# a minister named by the field after it: a kanji compound, then 相 or 大臣
_MINISTRY = re.compile(r"^[一-龥]{2,6}(?:相|大臣)")


@dataclass
class NameMention:
    text: str  # as written in the draft (a full name keeps its ・)
    parts: list[str]
    from_glossary: bool = False
    person: bool = False  # followed by a person's title (氏, 大統領, …): surely a person


_TAGGER: Any = None
_TAGGER_LOCK = threading.Lock()


def tagger() -> Any:
    """The UniDic tagger, created once per process (a run preloads it in a thread)."""
    global _TAGGER
    with _TAGGER_LOCK:
        if _TAGGER is None:
            import fugashi  # type: ignore[import-untyped]

            _TAGGER = fugashi.Tagger()
        return _TAGGER


Token = tuple[int, int, bool, str, bool]


def _tokens(text: str) -> list[Token]:
    """UniDic tokens (fugashi + unidic-lite) as (start, end, is a proper noun or unknown,
    English gloss, is a verb or adjective); separators such as ・ are left out."""
    out = []
    position = 0
    for word in tagger()(text):
        start = text.find(word.surface, position)
        if start < 0:
            continue
        position = start + len(word.surface)
        if word.surface.strip("・=＝&＆ "):
            lemma = str(word.feature.lemma or "")
            gloss = lemma.split("-", 1)[1] if "-" in lemma else ""
            gloss = re.split(r"[（(]", gloss)[0].strip()  # ロック-rock（音楽）: rock
            proper = bool(word.is_unk or word.feature.pos2 == "固有名詞")
            inflected = not word.is_unk and word.feature.pos1 in ("動詞", "形容詞")
            out.append((start, position, proper, gloss if gloss.isascii() else "", inflected))
    return out


def unfamiliar(part: str) -> bool:
    """Katakana the dictionary cannot read as known words: an unknown word, or pieces of two
    characters or less (ゴロ+ラト). Known places and brands outside the source (サンフランシスコ,
    ディズニー+プラス) read as whole words; a misspelt or invented name rarely does."""
    if colloquial(part):
        return False
    words = [w for w in tagger()(part) if w.surface.strip("・=＝ ")]
    if any(w.is_unk for w in words):
        return True
    return len(words) > 1 and any(len(w.surface) <= 2 for w in words)


def colloquial(run: str) -> bool:
    """An everyday clipped word the dictionary lacks (スマホ), alone or opening a compound with
    a common noun (スマホゲーム, スマホアプリ: UniDic reads each as one unknown word)."""
    if run in COLLOQUIAL_KATAKANA:
        return True
    return any(
        run.startswith(word) and (common_noun(rest) or rest in COLLOQUIAL_KATAKANA)
        for word in COLLOQUIAL_KATAKANA
        if len(rest := run[len(word) :]) >= 2
    )


def common_noun(part: str) -> bool:
    """Whether the dictionary reads the katakana as one common noun (アニメーション, デザイン)."""
    words = [w for w in tagger()(part) if w.surface.strip("・=＝ ")]
    return len(words) == 1 and not words[0].is_unk and words[0].feature.pos2 == "普通名詞"


_PLACE_OFFICE = re.compile(r"^(?:州|市|都|県|府)?(?:知事|市長|議員)")  # a place's office


def _a_place(run: str) -> bool:
    """Whether the dictionary reads the katakana as place names only (ニューヨーク)."""
    words = [w for w in tagger()(run) if w.surface.strip("・=＝ ")]
    return bool(words) and all(w.feature.pos3 == "地名" for w in words)


def _looks_like_name(start: int, end: int, tokens: list[Token], source: str, text: str) -> bool:
    """A katakana run is a loanword when UniDic reads it as one common noun (リチウム), or as
    common nouns whose English glosses are all words of the source (サプライ+チェーン for
    "supply chain"). A proper noun, an unknown word, a 1–2 character fragment, a token crossing
    the run's edge (タン+バリ, オレ+ン) or a compound the source does not have (プリム+ソール)
    means a name."""
    if colloquial(text[start:end]):
        return False  # スマホ, コスパ, スマホゲーム: everyday words the dictionary lacks
    inside = [t for t in tokens if t[0] < end and start < t[1]]
    if len(inside) == 1 and not inside[0][2] and _kanji_prefixed(inside[0], start, end, text):
        return False  # 野ウサギ, 子ウサギ: one common noun with a kanji prefix
    if inside and inside[0][0] == start and inside[0][1] > end:
        tail = text[end : inside[0][1]]
        if inside[0][4] or (not inside[0][2] and re.fullmatch(r"[\u4e00-\u9fff]+", tail)):
            return False  # イカれた, バズった: a verb in katakana, inflected; フッ素: a noun
    for token_start, token_end, proper, gloss, _ in inside:
        if proper or token_start < start or token_end > end:
            return True
        if len(inside) > 1 and token_end - token_start <= 2 and not gloss:
            return True  # a fragment with no meaning of its own (タン+バリ)
    if len(inside) > 1:
        # common nouns with English glosses: a compound loanword (レア+アース, ギガ+ワット,
        # ボトル+ネック) unless none of its words is in the source and it is not one known
        # compound either
        glosses = [t[3].lower().split("(")[0].strip() for t in inside]
        said = [bool(w) and _in_source(w, source) for w in glosses]
        if all(glosses):
            # ベリ+バン ("very van", an invented place in round DC's plants): short words that
            # the source never uses are a name's syllables, not a compound loanword
            short = all(t[1] - t[0] <= 2 for t in inside)
            return short and not any(said)
        if not all(said):
            return True
    return False


def _in_source(word: str, source: str) -> bool:
    return bool(re.search(rf"\b{re.escape(word)}(?:s|es|d|ed|ing|r)?\b", source))


def _kanji_prefixed(token: Token, start: int, end: int, text: str) -> bool:
    """Whether the token is the katakana run with only kanji before it (野ウサギ)."""
    token_start, token_end = token[0], token[1]
    head = text[token_start:start]
    return token_end == end and bool(head) and all("一" <= c <= "鿿" for c in head)


def in_a_count(text: str, start: int, rendering: str) -> bool:
    """Whether a one-character glossary rendering at `start` is part of a date or a count
    (Luna → 月 in 「5月17日」), where it names nothing."""
    return len(rendering) == 1 and text[max(0, start - 1) : start].isdigit()


def rendered_in(rendering: str, text: str) -> bool:
    """Whether `text` writes a glossary rendering as a name (not inside a date or a count)."""
    return any(
        not in_a_count(text, m.start(), rendering) for m in re.finditer(re.escape(rendering), text)
    )


def name_mentions(
    sentence: str, glossary_names: list[str] | None = None, source: str = ""
) -> list[NameMention]:
    """Names in a Japanese sentence: glossary targets wherever they occur, and katakana that
    looks like a name (joined with ・, followed by a person's title, or not a common loanword
    to UniDic: リチウム and コンテナ are not names)."""
    text = unicodedata.normalize("NFKC", sentence)
    found: list[NameMention] = []
    covered: list[tuple[int, int]] = []
    for name in sorted(glossary_names or [], key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            span = (start, start + len(name))
            if not in_a_count(text, start, name) and not any(
                a < span[1] and span[0] < b for a, b in covered
            ):
                covered.append(span)
                parts = [p for p in re.split(r"[・=＝]", name) if p] or [name]
                person = bool(_NAME_AFTER.match(text[span[1] : span[1] + 12]))
                found.append(NameMention(name, parts, from_glossary=True, person=person))
            start = text.find(name, start + 1)
    tokens = _tokens(text)
    for match in _KATAKANA_RUN.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in covered):
            continue
        run = match.group(0).strip("・=＝")
        start = match.start() + match.group(0).index(run) if run else match.start()
        end = start + len(run)
        parts = [p for p in re.split(r"[・=＝]", run) if len(p.strip("ー")) >= 2]
        if not parts:
            continue
        after = text[end : end + 12]
        lowered = source.lower()
        # ニューヨーク市長, カリフォルニア州知事: an office of a place the dictionary knows
        person = bool(_NAME_AFTER.match(after)) and not (
            _PLACE_OFFICE.match(after) and _a_place(run)
        )
        if person and (_OFFICE_ONLY.match(after) or _MINISTRY.match(after)) and common_noun(run):
            # チーム代表, ユーザー代表: an office of a common noun, no name; デジタル転換相 (the
            # minister of digital transformation, round CY) a ministry named by a loanword
            person = False
        if person or _looks_like_name(start, end, tokens, lowered, text):
            found.append(NameMention(run, parts, person=person))
    return found


def kanji_surnames(sentence: str) -> list[tuple[str, str]]:
    """Japanese surnames in kanji (岸田 → キシダ), read by UniDic: (surname, reading). Given
    names are left out, their readings are too often wrong (文雄 is read ブンユウ)."""
    out = []
    before = ""
    for word in tagger()(unicodedata.normalize("NFKC", sentence)):
        feature = word.feature
        after_figure = re.search(r"[\d%]$|(?:円|ドル|ユーロ|ポイント)$", before)
        before = word.surface
        if len(word.surface) == 1 and after_figure:
            continue  # 1%高, 100円安: a market's move, not 高さん
        if (
            feature.pos2 == "固有名詞"
            and feature.pos3 == "人名"
            and feature.pos4 == "姓"
            and not _KATAKANA_RUN.fullmatch(word.surface)
            and feature.kana
        ):
            out.append((word.surface, str(feature.kana)))
    return out


def cjk_surname_in(surname: str, source_words_lower: set[str]) -> bool:
    """Whether a Chinese or Korean surname in kanji has one of its romanisations in the
    source (劉 ~ Liu): a kanji name the Japanese reading cannot match."""
    return any(r in source_words_lower for r in CJK_SURNAMES.get(surname, ()))


def source_words(source_text: str) -> list[str]:
    """Capitalised words of the source, each once, in the order they first occur: what a
    katakana name may transliterate (the order breaks ties in `resolve`). A possessive is
    stripped: フォーブス is Forbes, whether the source wrote Forbes or Forbes'."""
    words = (re.sub(r"(?:['’]s|['’])$", "", w) for w in re.findall(r"\b[A-Z][\w'’]+", source_text))
    single = list(dict.fromkeys(w for w in words if len(w) >= 3))
    # two capitalised words in a row, which katakana often writes as one word (Fort Worth →
    # フォートワース), after the single words so a single word wins a tie
    pairs = re.findall(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)(?:['’]s?)?\b", source_text)
    # and three (New South Wales → ニューサウスウェールズ), read where each run starts
    threes = re.findall(r"\b(?=([A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+)\b)", source_text)
    runs = [f"{a} {b}" for a, b in pairs] + threes
    # a name with a plus (Disney+ → ディズニープラス, Apple TV+)
    runs += [f"{w} plus" for w in re.findall(r"\b([A-Z][\w ]{1,20}?)\+", source_text)]
    return single + list(dict.fromkeys(r for r in runs if r not in single))


_FUNCTION_WORDS = {
    "アンド",
    "オブ",
    "ザ",
    "フォー",
    "ドット",
    "コム",
    "デ",
    "ラ",
    "ル",
    "ディ",
    "ダ",
    "ドゥ",
}


def exonym(part: str, source_lower: str) -> str | None:
    """The source's word for a country written as Japanese writes it (オランダ → Dutch)."""
    for word in EXONYMS.get(part, ()):
        start = r"(?<![a-z])" if word[:1].isalpha() else ""  # ", nj" follows a town's name
        # a German genitive, people's noun or adjective: "Österreichs", "Norwegerin",
        # "auf paraguayischer Seite"
        end = r"(?:s|es|er|ern|erin|erinnen|isch\w*)?" if len(word) >= 5 else ""
        if re.search(rf"{start}{re.escape(word)}{end}(?![a-z])", source_lower):
            return word
    return None


class Glossed(Protocol):
    """A glossary entry (drafter.models.GlossaryEntry): a name and how the draft writes it."""

    @property
    def source(self) -> str: ...

    @property
    def target(self) -> str: ...


def glossary_targets(glossary: Sequence[Glossed]) -> dict[str, str]:
    """Each katakana part of each glossary target → the source form."""
    targets: dict[str, str] = {}
    for entry in glossary:
        target = unicodedata.normalize("NFKC", entry.target)
        targets[target] = entry.source
        for part in re.split(r"[・=＝\s]", target):
            if len(part) >= 2:
                targets.setdefault(part, entry.source)
    return targets


def resolve(part: str, targets: dict[str, str], words: Sequence[str]) -> str | None:
    """The source form a katakana name part stands for, or None when it matches nothing.

    Sound shapes are coarse, so several words often match equally (ヴォス: Voss, Weather,
    Buyers). The tie goes to the spelling closest to the romanised katakana, then to the word
    met first in `words` (source order): decided by content, so every run reports the same word.
    """
    if part in targets:
        return targets[part]
    if part in _FUNCTION_WORDS:
        return None  # アンド, オブ: the "and" of a company's name matches no one
    if part in EXONYMS:
        found = exonym(part, " ".join(words).lower())
        if found:
            return next((w for w in words if w.lower() == found), found)
    romaji = romanize(part)
    best, best_key = None, (0.0, 0.0)
    short = len(skeleton(romaji)) <= 2
    for word in words:
        score = transliteration_match(part, word)
        if score < 0.8:
            continue
        spelling = spelling_match(part, word)
        if short and spelling < 0.5:
            continue  # two consonants match too much: ニューヨーク is not Mike
        key = (score, spelling)
        if key > best_key:
            best, best_key = word, key
    return best
