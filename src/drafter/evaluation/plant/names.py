"""Katakana names: read out, matched to the source's words by ear, told apart (person,
organisation, place), and made up."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from .draft import Unit
from .english import CAPITAL, EnglishSentence

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
KATAKANA_RUN = re.compile(r"[ァ-ヺー]+(?:・[ァ-ヺー]+)*")


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


# ---------------------------------------------------------------- names, matched and told apart

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


@lru_cache(maxsize=1)
def _tagger() -> Any:
    import fugashi  # type: ignore[import-untyped]

    return fugashi.Tagger()


@lru_cache(maxsize=4096)
def _common_noun(word: str) -> bool:
    """Whether UniDic knows `word` as one ordinary noun (a loanword such as コンテナ)."""
    tokens = list(_tagger()(word))
    return len(tokens) == 1 and not tokens[0].is_unk and tokens[0].feature.pos2 == "普通名詞"


@dataclass(frozen=True)
class Name:
    text: str  # the katakana run as written
    parts: tuple[str, ...]
    person: bool
    english: frozenset[str]  # the source words it matched
    org: bool = False


# ---------------------------------------------------------------- names made up

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


def invent(rng: random.Random, morae: int) -> str:
    """A made-up katakana name of `morae` morae and a coda (ベルナート, ソミラン, ...)."""
    word: str = rng.choice(_FIRST_MORAE)
    for _ in range(morae - 1):
        word += rng.choice(_INNER_MORAE)
    return word + rng.choice(_CODAS)


def match_words(katakana: str, words: Iterable[str]) -> set[str]:
    """The words of `words` that `katakana` sounds like (none for a run of under three sounds)."""
    if len(romaji(katakana)) < 3:
        return set()
    return {w for w in words if len(w) >= 3 and sounds_like(katakana, w) >= _NAME_MATCH}


def find_names(
    sentences: Sequence[Unit],
    source: Sequence[EnglishSentence],
    capitals: set[str],
    glossary: Mapping[str, str],
) -> dict[str, Name]:
    """The katakana names of the draft's sentences that stand for a name of the source (by the
    glossary, else by ear), each told a person, an organisation or neither."""
    names = _candidates(sentences, capitals, glossary)
    persons, orgs, places = _roles_in_draft(sentences, names)
    _roles_in_source(names, " ".join(s.text for s in source), persons, orgs, places)
    surnames = {names[p].parts[-1] for p in persons}
    for run, name in list(names.items()):
        short = len(name.parts) == 1 and run in surnames
        if run in persons or short or (len(name.parts) == 2 and name.parts[-1] in surnames):
            names[run] = Name(run, name.parts, True, name.english)
        else:  # a company or body unless the text places it (in Kelmar, ケルマー港)
            org = run in orgs or run not in places
            names[run] = Name(run, name.parts, False, name.english, org=org)
    return names


def _glossary_source(glossary: Mapping[str, str], run: str) -> str | None:
    for target, source in glossary.items():
        if run == target or run in KATAKANA_RUN.findall(target):
            return source
    return None


def _candidates(
    sentences: Sequence[Unit], capitals: set[str], glossary: Mapping[str, str]
) -> dict[str, Name]:
    """Every katakana run the glossary or the source's capitalised words account for."""
    names: dict[str, Name] = {}
    for unit in sentences:
        for found in KATAKANA_RUN.finditer(unit.text):
            run = found.group()
            if run in names or len(run.replace("ー", "")) < 2:
                continue
            parts = tuple(run.split("・"))
            glossed = _glossary_source(glossary, run)
            english: set[str] = set()
            if glossed:
                english = set(CAPITAL.findall(glossed))
            else:
                titled = _PERSON_AFTER.match(unit.text[found.end() :])
                if len(parts) == 1 and _common_noun(run) and not titled:
                    continue  # a loanword (ストライキ, コンテナ), not a name
                matched = [match_words(part, capitals) for part in parts]
                long_parts = [m for p, m in zip(parts, matched, strict=True) if len(p) >= 2]
                if not long_parts or sum(1 for m in long_parts if m) * 2 < len(long_parts):
                    continue
                english = set().union(*matched)
            if not english:
                continue
            names[run] = Name(run, parts, False, frozenset(english))
    return names


def _roles_in_draft(
    sentences: Sequence[Unit], names: Mapping[str, Name]
) -> tuple[set[str], set[str], set[str]]:
    """Persons, organisations and places by the draft's own words: a title next to the name,
    an organisation's suffix, a place word."""
    persons: set[str] = set()
    orgs: set[str] = set()
    places: set[str] = set()
    for unit in sentences:
        for found in KATAKANA_RUN.finditer(unit.text):
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
    return persons, orgs, places


def _roles_in_source(
    names: Mapping[str, Name],
    source_text: str,
    persons: set[str],
    orgs: set[str],
    places: set[str],
) -> None:
    """Adds to `orgs` and `places` the names the draft left open that the source's English
    places (Kelmar Airlines, in Kelmar)."""
    for run, name in names.items():
        if run in persons or run in orgs or run in places:
            continue  # the draft's own words decide first
        if any(
            re.search(rf"\b{re.escape(w)}(?:\s+[A-Z][\w&'-]*)*\s+(?:{_ORG_WORDS})\b", source_text)
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
