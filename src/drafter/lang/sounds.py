"""How a katakana word sounds against an English spelling: romanisation, a rough consonant
skeleton, and the spellings an English word may have when Japanese hears it (Reuters →
ロイター, Singh → シン, Cambodia → カンボジア). Used by drafter.lang.names to tell which word of
the source a katakana name transliterates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from math import ceil

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


_SKELETON: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"tts", "ts"), (r"ph", "f"), (r"th", "s"), (r"x", "ks"), (r"sh|ch|tsu|ts|j|zh", "s"),
        (r"ck|c|q|g|k", "k"),
        (r"l|r", "r"), (r"v|b|w", "b"), (r"f|h", "h"), (r"z|s", "s"), (r"d|t", "t"),
        (r"m|n", "n"), (r"y", ""), (r"[aeiou]", ""),
    )
)  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """A rough sound shape shared by a name and its katakana: consonants folded, vowels dropped."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(c for c in text if c.isascii() and c.isalpha())
    for pattern, repl in _SKELETON:  # compiled once: a long source asks this ~50,000 times
        text = pattern.sub(repl, text)
    return _DOUBLED.sub(r"\1", text)


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
            score = _ratio_at_least(a, b, 0.85 if min(len(a), len(b)) <= 6 else 0.8)
        best = max(best, score)
    return best


def _ratio_at_least(a: str, b: str, bar: float) -> float:
    """SequenceMatcher's ratio of a and b when it reaches `bar`, else 0.0; its cheap upper
    bounds rule most pairs out first (a long source's words are compared with each name)."""
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < bar or matcher.quick_ratio() < bar:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= bar else 0.0


@lru_cache(maxsize=4096)
def _katakana_shape(katakana: str) -> str:
    return skeleton(romanize(katakana))


# How Japanese hears an English spelling: each rule adds, to every spelling found so far, the
# spelling with the pattern replaced (the spelling as written stays), in this order.
_HEARD: tuple[tuple[str, str], ...] = (
    # English r before a consonant or at the end is often a long vowel in katakana (Harbor →
    # ハーバー) but not always (Energy → エネルギー), and a lone h is often silent (Johnson →
    # ジョンソン); th may be t (Thomas → トーマス)
    (r"r(?![aeiouy])", ""), (r"(?<=.)(?<![sctpgw])h", ""), (r"th", "t"),
    # ch before r or l is k (Christina → クリスティーナ, Chloe → クロエ; elsewhere it is too
    # often ch: March is not マーク); g before e or i is j (Assange → アサンジ); gh is g (Ghani)
    (r"ch(?=[rl])", "k"), (r"g(?=[ei])", "j"), (r"gh", "g"),
    # tch is one sound (McClatchy → マクラッチー), and a final -tes is ts (Emirates → エミレーツ)
    (r"tch", "ch"), (r"(?<=..)tes$", "ts"),
    # w closing a vowel is a long vowel (Kershaw → カーショー, Bowman → ボーマン)
    (r"(?<=[aeiou])w(?![aeiou])", ""),
    # wh is heard hw, w or h (White → ホワイト, Whitty → ウィッティ, Whitney → ホイットニー); a
    # final gh is silent (Singh → シン, Leigh → リー); French oi is wa (Poilievre → ポワリエーヴル,
    # François → フランソワ); an r closing -ares/-ears is a long vowel (Meares → ミアーズ)
    (r"wh", "hw"), (r"wh", "w"), (r"wh", "h"), (r"(?<=...)gh$", ""), (r"oi", "wa"),
    (r"(?<=[aeiou])r(?=e?s?$)", ""),
    # dge is ッジ (Rockledge → ロックレッジ); c before e, i, y is s (City → シティ); older loanwords
    # hear ti as チ (Platinum → プラチナム); tw is ツ (Twitter → ツイッター); t and s across two
    # syllables are ト+ソ, not ツ (Watson → ワトソン)
    (r"dge", "je"), (r"c(?=[eiy])", "s"), (r"t(?=i)", "ch"), (r"tw", "ts"),
    (r"ts(?=[aeiou])", "tos"),
    # a k before n at the start is silent (Knievel → ニーヴル); di before a vowel is ジ (Cambodia
    # → カンボジア); a word's final ng is ン in Asian names (Prey Veng → プレイベン, Hong Kong →
    # ホンコン, Hang Seng → ハンセン); an l before m, k or b after a or o is silent (Palm Bay →
    # パームベイ, Folkestone → フォークストン, DeKalb → ディカーブ)
    (r"^k(?=n)", ""), (r"d(?=i[aeiou])", "j"), (r"(?<=\w\w)ng\b", "n"),
    # igh is a long i (Wright, Knight → ライト, ナイト), and a w before r at the start silent
    (r"igh(?=t|$)", "i"), (r"^w(?=r)", ""),
    (r"(?<=[ao])l(?=[mkb])", ""),
    # Russian names: a final v is フ and kh is ハ (Rublev → ルブレフ, Khachanov → ハチャノフ);
    # Spanish ones: j, and g before e or i, are ハ行 (José → ホセ, Caja Mágica → カハ・マヒカ);
    # w before a vowel but a is ウ (Wood → ウッド, Wolf → ウルフ, winger → ウインガー, West →
    # ウエスト)
    (r"(?<=...)v$", "f"), (r"kh", "h"), (r"j|g(?=[ei])", "h"), (r"^w(?=[eiou])", ""),
    # and ll between vowels is ジャ行 or ヤ行 (Villa → ビジャ, Sevilla → セビージャ, Castillo →
    # カスティーヨ)
    (r"(?<=[aeiou])ll(?=[aeiou])", "j"), (r"(?<=[aeiou])ll(?=[aeiou])", "y"),
    # a plural or possessive s that katakana leaves off (Reuters → ロイター)
    (r"(?<=....)s$", ""),
)  # fmt: skip
_HEARD_RULES = tuple((re.compile(pattern), heard) for pattern, heard in _HEARD)
# an adjective or demonym names its place: Ecuadorean → エクアドル, Lebanese → レバノン
_DEMONYM = re.compile(r"(?:ean|ian|an|ese|ish|i)$")


@lru_cache(maxsize=16384)
def _english_shapes(word: str) -> frozenset[str]:
    """The sound shapes an English word may have in katakana (cached: a check compares each
    katakana word with every word of the source)."""
    # ç is an s (Açúcar → アスーカル, Besançon → ブザンソン), not the c it decomposes to
    variants = {word.lower().replace("ç", "s")}
    for pattern, heard in _HEARD_RULES:
        variants |= {pattern.sub(heard, v) for v in variants}
    variants |= {_DEMONYM.sub("", v) for v in variants if len(v) > 6}
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


class ShapeIndex:
    """Words by their sound shapes, to find those a katakana word may transliterate without
    comparing it with every word (a check asks this of each name part against every lower-case
    word of a long source). `matches` gives what `transliteration_match(k, w) >= 0.8` keeps."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = list(words)
        self.exact: dict[str, list[str]] = {}
        self.by_length: dict[int, list[tuple[str, str]]] = {}
        for word in self.words:
            for shape in _english_shapes(word):
                if shape:
                    self.exact.setdefault(shape, []).append(word)
                    self.by_length.setdefault(len(shape), []).append((shape, word))

    def matches(self, katakana: str) -> list[str]:
        a = _katakana_shape(katakana)
        if not a:
            return []
        found = dict.fromkeys(self.exact.get(a, []))
        if len(a) > 4:
            # a ratio of 0.8 or more needs lengths within two thirds and one and a half
            for length in range(max(5, ceil(len(a) * 2 / 3)), int(len(a) * 1.5) + 1):
                bar = 0.85 if min(len(a), length) <= 6 else 0.8
                for shape, word in self.by_length.get(length, []):
                    if word not in found and _ratio_at_least(a, shape, bar):
                        found[word] = None
        return list(found)
