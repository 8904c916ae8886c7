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
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Protocol

from drafter.lang.name_tables import CJK_SURNAMES, COLLOQUIAL_KATAKANA, EXONYMS

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
    r"(?![場互手当談続違応撲性])"
)

_ROMAJI = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku",
    "ケ": "ke", "コ": "ko", "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so", "ザ": "za", "ジ": "ji",
    "ズ": "zu", "ゼ": "ze", "ゾ": "zo", "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te",
    "ト": "to", "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do", "ナ": "na",
    "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no", "ハ": "ha", "ヒ": "hi", "フ": "fu",
    "ヘ": "he", "ホ": "ho", "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po", "マ": "ma", "ミ": "mi",
    "ム": "mu", "メ": "me", "モ": "mo", "ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ラ": "ra",
    "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro", "ワ": "wa", "ヲ": "o", "ン": "n",
    "ヴ": "vu", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ャ": "ya", "ュ": "yu",
    "ョ": "yo", "ヮ": "wa", "ヵ": "ka", "ヶ": "ke",
}  # fmt: skip


def romanize(katakana: str) -> str:
    out: list[str] = []
    for char in katakana:
        if char == "ッ":
            out.append("")  # doubles the next consonant; the skeleton drops doubles anyway
        elif char == "ー":
            continue
        elif char in "ァィゥェォ" and out and out[-1] == "u":
            out[-1] = "w" + _ROMAJI[char]  # ウィ → wi
        elif char in "ァィゥェォ" and out and out[-1][-1:] in ("a", "i", "u", "e", "o"):
            out[-1] = out[-1][:-1] + _ROMAJI[char]  # ディ → di, フォ → fo, ティ → ti
        elif char in "ャュョ" and out:
            previous = out.pop()
            stem = previous[:-1] if previous.endswith("i") and len(previous) > 1 else previous
            # ショ → sho, チャ → cha, ジュ → ju; キョ → kyo
            out.append(
                stem + (_ROMAJI[char][-1] if stem.endswith(("sh", "ch", "j")) else _ROMAJI[char])
            )
        else:
            out.append(_ROMAJI.get(char, ""))
    return "".join(out)


def skeleton(word: str) -> str:
    """A rough sound shape shared by a name and its katakana: consonants folded, vowels dropped."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(c for c in text if c.isascii() and c.isalpha())
    for pattern, repl in (
        (r"tts", "ts"), (r"ph", "f"), (r"th", "s"), (r"x", "ks"), (r"sh|ch|tsu|ts|j|zh", "s"),
        (r"ck|c|q|g|k", "k"),
        (r"l|r", "r"), (r"v|b|w", "b"), (r"f|h", "h"), (r"z|s", "s"), (r"d|t", "t"),
        (r"m|n", "n"), (r"y", ""),
    ):  # fmt: skip
        text = re.sub(pattern, repl, text)
    text = re.sub(r"[aeiou]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def transliteration_match(katakana: str, word: str) -> float:
    """1.0 for the same sound shape; short shapes must be equal, longer ones nearly so."""
    a = _katakana_shape(katakana)
    best = 0.0
    for b in _english_shapes(word):
        if not a or not b:
            continue
        if min(len(a), len(b)) <= 4:
            score = 1.0 if a == b else 0.0
        else:
            score = SequenceMatcher(None, a, b).ratio()
            score = score if score >= (0.85 if min(len(a), len(b)) <= 6 else 0.8) else 0.0
        best = max(best, score)
    return best


@lru_cache(maxsize=4096)
def _katakana_shape(katakana: str) -> str:
    return skeleton(romanize(katakana))


@lru_cache(maxsize=16384)
def _english_shapes(word: str) -> frozenset[str]:
    """The sound shapes an English word may have in katakana (cached: a check compares each
    katakana word with every word of the source)."""
    lowered = word.lower()
    # English r before a consonant or at the end is often a long vowel in katakana
    # (Harbor → ハーバー) but not always (Energy → エネルギー), and a lone h is often silent
    # (Johnson → ジョンソン): try each spelling.
    variants = {lowered, re.sub(r"r(?![aeiouy])", "", lowered)}
    variants |= {re.sub(r"(?<=.)(?<![sctpgw])h", "", v) for v in variants}
    variants |= {v.replace("th", "t") for v in variants if "th" in v}  # Thomas → トーマス
    # ch before r or l is k (Christina → クリスティーナ, Chloe → クロエ); elsewhere it is too
    # often ch (March is not マーク)
    variants |= {re.sub(r"ch(?=[rl])", "k", v) for v in variants if "ch" in v}
    variants |= {re.sub(r"g(?=[ei])", "j", v) for v in variants if "g" in v}  # Assange → アサンジ
    variants |= {v.replace("gh", "g") for v in variants if "gh" in v}  # Ghani → ガニ
    # tch is one sound (McClatchy → マクラッチー, Fletcher → フレッチャー), and a final -tes
    # is ts (Emirates → エミレーツ, Gates → ゲイツ)
    variants |= {v.replace("tch", "ch") for v in variants if "tch" in v}
    variants |= {v[:-3] + "ts" for v in variants if len(v) > 4 and v.endswith("tes")}
    # w closing a vowel is a long vowel (Kershaw → カーショー, Bowman → ボーマン)
    variants |= {re.sub(r"(?<=[aeiou])w(?![aeiou])", "", v) for v in variants if "w" in v}
    # wh is heard hw, w or h (White → ホワイト, Whitty → ウィッティ, Whitney → ホイットニー); a
    # final gh is silent (Singh → シン, Leigh → リー); French oi is wa (Poilievre →
    # ポワリエーヴル, François → フランソワ); an r closing -ares/-ears is a long vowel (Meares →
    # ミアーズ, Moore → ムーア)
    variants |= {v.replace("wh", w) for v in variants if "wh" in v for w in ("hw", "w", "h")}
    variants |= {v[:-2] for v in variants if len(v) > 4 and v.endswith("gh")}
    variants |= {v.replace("oi", "wa") for v in variants if "oi" in v}
    variants |= {re.sub(r"(?<=[aeiou])r(?=e?s?$)", "", v) for v in variants if "r" in v}
    # dge is ッジ (Rockledge → ロックレッジ, Cambridge → ケンブリッジ); an l before m or k after
    # a or o is silent (Palm Bay → パームベイ, Folkestone → フォークストン)
    variants |= {v.replace("dge", "je") for v in variants if "dge" in v}
    variants |= {re.sub(r"(?<=[ao])l(?=[mk])", "", v) for v in variants if "l" in v}
    # a plural or possessive s that katakana leaves off (Reuters → ロイター)
    variants |= {v[:-1] for v in variants if len(v) > 4 and v.endswith("s")}
    # an adjective or demonym names its place: Ecuadorean → エクアドル, Lebanese → レバノン
    variants |= {
        re.sub(r"(?:ean|ian|an|ese|ish|i)$", "", v)
        for v in variants
        if len(v) > 6 and re.search(r"(?:ean|ian|an|ese|ish|i)$", v)
    }
    return frozenset(skeleton(v) for v in variants)


def same_sound(word: str, words: Sequence[str]) -> list[str]:
    """The words that share `word`'s sound shape (Zelensky, Zelenskiy): one name spelt two
    ways in the same source."""
    shapes = {shape for shape in _english_shapes(word) if len(shape) >= 3}  # Lee ~ Lay: no
    return [w for w in words if w[:1].lower() == word[:1].lower() and shapes & _english_shapes(w)]


def spelling_match(katakana: str, word: str) -> float:
    """How close the romanised katakana is to the word as spelt or as heard (0–1): what tells
    apart words whose few consonants agree (ベベケー and "back" share b-k, not their vowels)."""
    romaji = romanize(katakana)
    lowered = word.lower()
    spellings = {lowered, _as_heard(word), re.sub(r"ow$", "au", lowered)}  # Dow → ダウ
    if len(lowered) > 4 and lowered.endswith("s"):
        spellings.add(_as_heard(word[:-1]))  # Reuters → ロイター
    return max(SequenceMatcher(None, romaji, w).ratio() for w in spellings)


@lru_cache(maxsize=16384)
def _as_heard(word: str) -> str:
    """English spelling respelled the way katakana hears it, roughly (Cook → kuk, Casey →
    kasi, Mayer → maya): only to tell apart two short names with the same consonants."""
    text = word.lower()
    for pattern, repl in (
        (r"oo", "u"), (r"ee|ea|ie", "i"), (r"ey$|y$", "i"), (r"ay|ai|ei", "ei"),
        (r"(?:er|or|ar|ur|ir)$", "a"), (r"ck", "k"), (r"c(?=[eiy])", "s"), (r"c", "k"),
        (r"ph", "f"), (r"x", "ks"), (r"(?<=[^aeiou])e$", ""),
    ):  # fmt: skip
        text = re.sub(pattern, repl, text)
    return text


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


def _tokens(text: str) -> list[tuple[int, int, bool, str]]:
    """UniDic tokens (fugashi + unidic-lite) as (start, end, is a proper noun or unknown);
    separators such as ・ are left out."""
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
            out.append((start, position, proper, gloss if gloss.isascii() else ""))
    return out


def unfamiliar(part: str) -> bool:
    """Katakana the dictionary cannot read as known words: an unknown word, or pieces of two
    characters or less (ゴロ+ラト). Known places and brands outside the source (サンフランシスコ,
    ディズニー+プラス) read as whole words; a misspelt or invented name rarely does."""
    if part in COLLOQUIAL_KATAKANA:
        return False
    words = [w for w in tagger()(part) if w.surface.strip("・=＝ ")]
    if any(w.is_unk for w in words):
        return True
    return len(words) > 1 and any(len(w.surface) <= 2 for w in words)


_PLACE_OFFICE = re.compile(r"^(?:州|市|都|県|府)?(?:知事|市長|議員)")  # a place's office


def _a_place(run: str) -> bool:
    """Whether the dictionary reads the katakana as place names only (ニューヨーク)."""
    words = [w for w in tagger()(run) if w.surface.strip("・=＝ ")]
    return bool(words) and all(w.feature.pos3 == "地名" for w in words)


def _looks_like_name(
    start: int, end: int, tokens: list[tuple[int, int, bool, str]], source: str, text: str
) -> bool:
    """A katakana run is a loanword when UniDic reads it as one common noun (リチウム), or as
    common nouns whose English glosses are all words of the source (サプライ+チェーン for
    "supply chain"). A proper noun, an unknown word, a 1–2 character fragment, a token crossing
    the run's edge (タン+バリ, オレ+ン) or a compound the source does not have (プリム+ソール)
    means a name."""
    if text[start:end] in COLLOQUIAL_KATAKANA:
        return False  # スマホ, コスパ: everyday words the dictionary lacks
    inside = [t for t in tokens if t[0] < end and start < t[1]]
    if len(inside) == 1 and not inside[0][2] and _kanji_prefixed(inside[0], start, end, text):
        return False  # 野ウサギ, 子ウサギ: one common noun with a kanji prefix
    for token_start, token_end, proper, gloss in inside:
        if proper or token_start < start or token_end > end:
            return True
        if len(inside) > 1 and token_end - token_start <= 2 and not gloss:
            return True  # a fragment with no meaning of its own (タン+バリ)
    if len(inside) > 1:
        # common nouns with English glosses: a compound loanword (レア+アース, ギガ+ワット,
        # ボトル+ネック) unless none of its words is in the source and it is not one known
        # compound either
        glosses = [g.lower().split("(")[0].strip() for *_, g in inside]
        if all(glosses):
            return False
        for word in glosses:
            if not word or not re.search(rf"\b{re.escape(word)}(?:s|es|d|ed|ing|r)?\b", source):
                return True
    return False


def _kanji_prefixed(token: tuple[int, int, bool, str], start: int, end: int, text: str) -> bool:
    """Whether the token is the katakana run with only kanji before it (野ウサギ)."""
    token_start, token_end = token[0], token[1]
    head = text[token_start:start]
    return token_end == end and bool(head) and all("一" <= c <= "鿿" for c in head)


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
            if not any(a < span[1] and span[0] < b for a, b in covered):
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
        if person or _looks_like_name(start, end, tokens, lowered, text):
            found.append(NameMention(run, parts, person=person))
    return found


def kanji_surnames(sentence: str) -> list[tuple[str, str]]:
    """Japanese surnames in kanji (岸田 → キシダ), read by UniDic: (surname, reading). Given
    names are left out, their readings are too often wrong (文雄 is read ブンユウ)."""
    out = []
    for word in tagger()(unicodedata.normalize("NFKC", sentence)):
        feature = word.feature
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
        if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", source_lower):
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
