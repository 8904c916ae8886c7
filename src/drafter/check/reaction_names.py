"""Names in a translated comment against its original: a name of the article that the comment
does not have, in a translation that leaves out a name the comment does have, is a swap
(「ボーイングとエミレーツ」 for "Boeing and Airbus")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.check.abbreviations import ACRONYM, abbreviates, initials, spelled_lowercase
from drafter.check.claims.window_people import NOT_A_NAME, ORG_WORDS
from drafter.check.reader_names import (
    comment_language,
    declined_alike,
    noun_names,
    openers_only,
    runs_with,
    spelt_across,
    translated,
    with_particle,
)
from drafter.lang.name_tables import CELESTIAL, EXONYMS
from drafter.lang.names import (
    NameMention,
    exonym,
    name_mentions,
    resolve,
    romanize,
    source_words,
    spelling_match,
    transliteration_match,
    unfamiliar,
)
from drafter.lang.quantities.foreign import reads
from drafter.lang.text import normalize
from drafter.lang.weekdays import MONTHS, WEEKDAYS
from drafter.sources.language import unprofiled

if TYPE_CHECKING:
    from drafter.check.core import Checker

_KATAKANA = re.compile(r"[ァ-ヴー]{2,}")
_KATAKANA_ONLY = re.compile(r"^[ァ-ヴー・=＝]+$")
# capitalised words that open a sentence or stand for the writer: never a name on their own
_NOT_NAMES = re.compile(
    r"^(?:I|I'm|I've|I'd|I'll|The|This|That|These|Those|They|There|Then|What|When|Where|Why|"
    r"How|Who|Which|And|But|Or|So|If|It|Its|It's|He|She|We|You|My|Our|Your|Not|No|Yes|Just|"
    r"Also|Well|Now|Even|All|Any|Some|One|Edit|Lol|Yeah|Oh|Sure|Good|Great|Maybe|Because|"
    # adverbs a comment opens with ("Meanwhile the comments on the Star's own site…")
    r"Meanwhile|However|Still|Anyway|Honestly|Actually|Basically|Frankly|Apparently|Clearly|"
    r"Obviously|Sadly|Thankfully|Luckily|Unfortunately|Instead|Otherwise|Besides|Plus|Though|"
    r"Although|Regardless|Likewise|Similarly|Overall|Personally|Seriously|Literally|Imagine|"
    r"Remember|Reminder|Meh|Nope|Yep|Wow|Agreed|Exactly|Indeed|Hence|Therefore|Anyhow|"
    # a title a reader in another language capitalises before a name ("o Presidente Xi"): the
    # office, which a translation gives as 主席 or 大統領, not a name
    r"Presidente|Presidenta|Président|Présidente|Präsident|Präsidentin|Prezydent|Prezident|"
    r"Premier|Premierminister|Ministro|Ministra|Ministre|Kanzler|Kanzlerin|Kanclerz|Senador|"
    r"Sénateur|Senatore|Gouverneur|Gobernador|Governador|Governatore|"
    # a people's colour or origin, capitalised as style guides now ask ("the first Black
    # player"): a word of description, not a name
    r"Black|White|Brown|Indigenous|Native)$"
)


_DATES = {*MONTHS, *(m[:3] for m in MONTHS), "Sept", *WEEKDAYS}
# languages whose capitals do not mark names: every German noun has one
_NOUNS_CAPITALISED = frozenset({"de", "lb"})


def _heard_in(part: str, body: str, *, by_sound: bool = False) -> bool:
    """Whether a word of the comment may be what the katakana writes: the same sound shape
    (midcap for ミッドキャップ, in lower case too), or the same first letter (or both a
    vowel) and a close spelling (Norwich for ノリッジ, Kiev for キーウ)."""
    romaji = romanize(part)
    words = set(re.findall(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’-]+", body))  # Açúcar too
    # and a name without the case ending Turkish puts after an apostrophe ("Kadıköy'de")
    words |= {re.sub(r"['’][a-zçğıöşü]{1,5}$", "", word) for word in words}
    # a name of two or three words as the katakana joins them (デス・スター: "Death Star")
    runs = re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2}", body) if "・" in part else []
    if by_sound:  # a name, heard: a capitalised word (not a French reader's "marche" for
        # ナンシー, the same sound shape)
        words = {word for word in words if word[:1].isupper()}
    # a word of three letters or fewer is no hearing of a longer name ("in", "now" for ニネノン)
    if len(re.sub(r"[・ー]", "", part)) > 3:
        words = {word for word in words if len(word) > 3}
    for word in [*words, *runs]:
        if transliteration_match(part, word) >= 0.8:
            return True
        if by_sound:
            continue
        if word.isascii() and _initials_agree(word, romaji) and spelling_match(part, word) >= 0.5:
            return True  # Eichel for アイケル: a vowel opens both (not Français for ファビウス)
    return False


def _initials_agree(word: str, romaji: str) -> bool:
    """The same first sound: a Dutch or Afrikaans j is a y (Jukskei, ユクスケイ)."""
    pair = {_initial(word), _initial(romaji)}
    return len(pair) == 1 or pair == {"j", "y"}


def _initial(word: str) -> str:
    first = word[:1].lower()
    if first == "c" and word[1:2].lower() in ("a", "o", "u", "l", "r"):
        return "k"  # a hard c: Cappucci for カプッチ, Clarke for クラーク
    if first == "p" and word[1:2].lower() in ("f", "h"):
        return "f"  # Pfizer for ファイザー, Phoenix for フェニックス
    return "a" if first in "aeiou" else first


_SHORTENED = 4  # the katakana a name cut short keeps at least (インスタ)
# a reader's cry or laugh, a kana doubled at its end (イタタ for "Autsch", アハハ, ウフフ): no name
_INTERJECTION = re.compile(r"[ァ-ヴ]{1,2}([ァ-ヴ])\1[ッー]?")


def _glossed(checker: Checker, word: str, text: str) -> bool:
    """Whether the glossary's rendering of a name with this word is in the text (Nissan → 日産),
    whole or cut short as Japanese shortens a long katakana name (インスタ for インスタグラム)."""
    runs = [r for r in _KATAKANA.findall(text) if len(r) >= _SHORTENED]
    return any(
        entry.target
        and (
            normalize(entry.target) in text
            or any(normalize(entry.target).startswith(r) for r in runs)
        )
        for entry in checker.inputs.glossary
        if _said(word.casefold(), normalize(entry.source).casefold())
    )


# the places, and the things a comment in another language names with a capital (Terre)
_NAMED = {**EXONYMS, **CELESTIAL}


def _same_place(key: str) -> set[str]:
    """The other words for the place a word names (U.K. → Britain, British, London; Earth →
    Terre)."""
    return {f for forms in _NAMED.values() if key in forms for f in forms}


# the endings that make a place's people or adjective: English, French, Spanish, Portuguese,
# Italian and German
_PEOPLE = (
    r"s|'s|n|ns|an|ans|ian|ians|ese|ish|i|is|ais|aise|aises|ois|oise|oises|ien|iens|ienne|"
    r"iennes|és|ês|esa|eses|esi|er|ern|isch|ische|ischen|ischer"
)
_VOWEL_PEOPLE = r"ian|ians|ien|iens|ienne|iennes|ese|eses|ês|és|an|ans|o|os|a|as"
# a letter of a word written with spaces between words (Latin with accents, Cyrillic, digits):
# Chinese and Korean run their words together (中国人, 미국은)
_LETTER = r"[a-z0-9\u00c0-\u024f\u0400-\u04ff]"


def _said(word: str, text: str) -> bool:
    """Whether `text` (casefolded) has `word` as a word of its own ("ford" is not in "afford"),
    or as its plural, possessive or people (Korea in "Koreans"; Népal in "népalais", Tibet in
    "tibetische")."""
    pattern = rf"(?<!{_LETTER}){re.escape(word)}(?:{_PEOPLE})?(?!{_LETTER})"
    if re.search(pattern, text):
        return True
    # a name that ends in a vowel drops it for its people: Canada, "Canadian"; China, "Chinese"
    stem = word[:-1] if len(word) >= 5 and word[-1] in "aeiouy" else ""
    return (
        bool(stem)
        and re.search(rf"(?<!{_LETTER}){re.escape(stem)}(?:{_VOWEL_PEOPLE})(?!{_LETTER})", text)
        is not None
    )


def _nobodys(mention: NameMention, part: str, body: str) -> bool:
    """A katakana name neither the comment nor the article has: no word a dictionary knows,
    heard in no word of the comment, and no reader's cry (イタタ for "Autsch")."""
    return (
        not mention.from_glossary
        and unfamiliar(part)
        and not _heard_in(part, body)
        and not _INTERJECTION.fullmatch(part)
    )


@dataclass
class Swap:
    part: str  # the translation's name
    form: str  # the article's word for it; "" for a name neither the article nor comment has
    other: str  # the comment's name it may stand for
    must: bool  # a katakana name put for another of the article, or an unknown person


def swapped_names(checker: Checker, text: str, body: str) -> list[Swap]:
    """Each name the translation gives that the article has and the comment does not, when
    the comment names something that the translation does not render.

    Must-fix only when the translation's name is katakana and the comment's name is the
    article's too: one name of the article put for another (エミレーツ for Airbus), or when a
    person no one names (ゴロラト氏) stands where the comment names someone. A name the glossary
    renders in kanji (上院, 人民解放軍), a name of the comment only, or katakana no dictionary
    knows without a person's title (slang such as スマホ or テンプレ is unknown to UniDic) is
    listed to verify: a faithful translation spells out what the commenter abbreviated or
    implied, and speaks the commenter's slang."""
    said = normalize(body).casefold()
    comment_words = source_words(body)
    words = comment_words + [w for w in checker.words if w not in comment_words]
    mentions = name_mentions(text, checker.glossary_names, f"{checker.inputs.article.text}\n{body}")
    rendered: set[str] = set()
    # (part, form, named as a person, read as the form surely: the glossary's, or spelt alike)
    foreign: list[tuple[str, str, bool, bool]] = []
    # a katakana name matched to nothing may be the comment's name rendered in a way the
    # matcher misses (ロウズ for "Lowe's"): then a swap is listed, never must-fix
    unresolved = 0
    for mention in mentions:
        for part in [mention.text] if mention.from_glossary else mention.parts:
            form = (
                checker.targets.get(part)
                if mention.from_glossary
                # a country or city first: ニューヨーク is "New York", whatever else it sounds
                # like (the outlet "NYTimes")
                else exonym(part, f"{said} {checker.source_norm}")
                or resolve(part, checker.targets, words)
            )
            if not form:
                unresolved += 1
                if _nobodys(mention, part, body):
                    # a name neither the comment nor the article has
                    foreign.append((part, "", mention.person, False))
                continue
            tokens = _spellings(checker, form, part if mention.from_glossary else None)
            rendered.update(tokens)
            if not _said_or_unknown(checker, tokens, said, mention.from_glossary, part, body):
                foreign.append((part, form, mention.person, _surely(mention, part, form)))
    if not foreign:
        return []
    article_words = {w.casefold() for w in checker.words}
    comment_words = _not_openers(checker, body, comment_words)
    others = _unrendered(checker, text, body, comment_words, rendered, article_words)
    if not any(_known_name(checker, o, article_words) or _same_place(o.casefold()) for o in others):
        # 「共和党」 for a Spanish reader's "Partido Republicano": no swap, unless the comment
        # names someone of the glossary or a known place instead ("Sud" of "Caroline du Sud"
        # is the place the translation names; "Tillerson" or "Florida" is no translation)
        foreign = [f for f in foreign if not (f[1] and translated(checker, body, f[1], f[2]))]
    if not others or not foreign:
        return []
    proof = _capitals_prove(checker, body)
    return [
        Swap(part, form, others[0], proof and _KATAKANA_ONLY.match(part) is not None
             and (sure and _known_name(checker, others[0], article_words) and not unresolved
                  if form else person and unresolved == 1))
        for part, form, person, sure in foreign
    ]  # fmt: skip


def _spellings(checker: Checker, form: str, rendering: str | None) -> list[str]:
    """The ways a comment may write the article's name `form` (casefolded, the form first)."""
    key = normalize(form).casefold()
    parts = re.split(r"[\s\-‐]+", key)  # Bautista-Agut is also "Bautista"
    tokens = [key, *(t for t in parts if len(t) >= 3), *_same_place(key)]
    # and every other form the glossary renders the same (@WestHam's "West Ham")
    others = checker.forms_of.get(normalize(rendering), []) if rendering else []
    tokens += [normalize(o).casefold() for o in others]
    # an abbreviation's letters with or without their points (the article's "L.A.", the
    # comment's "LA"; "U.S." and "US")
    return tokens + [t.replace(".", "") for t in tokens if re.fullmatch(r"(?:\w\.)+\w?\.?", t)]


def _surely(mention: NameMention, part: str, form: str) -> bool:
    """Whether a name of the translation is surely the article's word it was read as: the
    glossary's, or katakana spelt alike, or no word a dictionary knows (a name, if not this)."""
    return mention.from_glossary or spelling_match(part, form) >= _SPELT_ALIKE or unfamiliar(part)


# a katakana word's sound shape matches many words (ソウルメイト, "soulmate", split by the
# dictionary into ソウル "Seoul" and メイト, sounds like Germanotta): a swap is must-fix only
# where the spellings agree too (ジャーマノッタ: 0.67, ソウルメイト: 0.2; トランプ/Trump: 0.5),
# or the katakana is no word the dictionary knows (an invented name, モミベク for Omar)
_SPELT_ALIKE = 0.4


def _known_name(checker: Checker, word: str, article_words: set[str]) -> bool:
    """Whether the comment's word is a name the run knows: a word of a glossary name (Wright of
    "Steven Wright"). Any capitalised word of the article is not proof enough ("Meanwhile",
    "Rug", the byline's "Bell" were taken for names a translation left out); a draft without a
    glossary falls back on the article's capitalised words."""
    known = _glossary_words(checker) if checker.inputs.glossary else article_words
    return word.casefold() in known


# bodies other languages abbreviate by their own words, not reversed (OTAN, FMI are found so)
_FOREIGN_ACRONYMS = {
    "un": {"onu", "osn", "onz", "oon", "vn", "pbb", "uno"},
    "eu": {"ue", "eu"},
    "imf": {"mmf", "iwf"},
    "who": {"oms", "vgo", "who"},
    "wto": {"omc", "wto"},
}
_COMPOUNDING = frozenset({"de", "nl"})  # languages that write a name into a compound word


def _said_or_unknown(
    checker: Checker, tokens: list[str], said: str, from_glossary: bool, part: str, body: str
) -> bool:
    """Whether a name the translation gives, read as the article's (tokens: its spellings),
    is the comment's own, or no name of the article either: then it is no swap."""
    key = tokens[0]
    if any(_said(t, said) for t in tokens) or not _said(key, checker.source_norm):
        return True
    if initials(key) in ACRONYM.findall(body):
        return True  # "PRB" for the Powder River Basin the translation spells out
    if len(key) >= 3 and any(a.casefold()[::-1] == key for a in ACRONYM.findall(body)):
        return True  # "FMI", "OTAN": the IMF and NATO in a Spanish or French comment
    written = {a.casefold() for a in re.findall(r"\b[A-Z]{2,6}\b", body)}
    if any(_FOREIGN_ACRONYMS.get(t, set()) & written for t in tokens):
        return True  # "OSN", "ONZ", "PBB": the UN in a Czech, Polish or Indonesian comment
    if (comment_language(said) or checker.source_language) in _COMPOUNDING and any(
        re.search(rf"(?<!{_LETTER}){re.escape(t)}", said) for t in tokens if len(t) >= 4
    ):
        return True  # the first part of a compound: Europa in "europaweit"
    if (unprofiled(body) or not checker.reads_source) and any(
        declined_alike(t, said) for t in tokens
    ):
        return True  # the article's "Moyesem" is a Czech reader's "Moyes"
    if comment_language(body) != checker.source_language and spelt_across(key, body):
        return True  # the German article's Nordamerika is an English reader's North America
    # the comment's own word, matched to the article's by mistake; or, from a comment in
    # another language than the article, its own name for what the glossary renders by the
    # article's word (an English reader's "Death Star", the German article's Todesstern)
    if from_glossary:  # (by its sound alone, in a comment told to be in another language)
        return comment_language(body) not in (None, checker.source_language) and _heard_in(
            part, body, by_sound=True
        )
    return _heard_in(part, body)


def _unrendered(
    checker: Checker,
    text: str,
    body: str,
    comment_words: list[str],
    rendered: set[str],
    article_words: set[str],
) -> list[str]:
    """The comment's names that the article also has and the translation does not render, by
    name, sound or exonym."""
    common = set(checker.common_words.words)
    plain = normalize(text)
    runs = _KATAKANA.findall(plain)
    # capitalised inside a sentence of the comment: a name, even one the article lacks (Camry)
    inside = set(re.findall(r"(?<=[a-z,;] )[A-Z][\w'’]+", body))
    named = noun_names(checker, body) if _nouns_capitalised(checker, body) else None
    out = []
    for word in comment_words:
        lowered = word.casefold()
        if " " in word or _NOT_NAMES.match(word) or NOT_A_NAME.match(word) or word in _DATES:
            continue  # "Democratic", "New": a word of a name, not one; a month is no name
        if named is not None and lowered not in named:
            continue  # German "Blütenpflanze", "Titanwurz": a noun, unless the glossary names it
        single = word[:-1] if re.fullmatch(r"[A-Z]{2,}s", word) else word  # "SSNs": one SSN
        if single.isupper() and single not in checker.words:
            continue  # "a LOT": shouting, not an acronym of the article
        if word.isupper() and spelled_lowercase(word, checker.inputs.article.text):
            continue  # PII, "personally identifiable information": a thing, translated
        if lowered in common or re.search(rf"(?<![A-Za-z]){re.escape(lowered)}(?![A-Za-z])", body):
            continue  # "Best" opening a sentence: a word either text also has in lower case
        if any(abbreviates(word, form) for form in rendered):
            continue  # PLA for 人民解放軍 (People's Liberation Army), PolyU
        if _short_for(checker, lowered, rendered):
            continue  # "Aus" for オーストラリア (Australia), "Fed" for the Federal Reserve
        if not (lowered in article_words or word in inside) or _glossed(checker, word, plain):
            continue
        if lowered in rendered or any(lowered in r.split() for r in rendered):
            continue
        if unprofiled(body) and any(declined_alike(r, lowered) for r in rendered):
            continue  # a Czech reader's "s Merzem" for the translation's メルツ (Merz)
        # the word alone, or the capitalised run it is part of (マジマジ for "Maji Maji")
        heard = [word, *runs_with(word, body), *with_particle(word, body)]
        if any(transliteration_match(run, form) >= 0.8 for run in runs for form in heard):
            continue
        if lowered in plain.casefold() or any(
            ja in plain and any(lowered == f or lowered in f.split() for f in forms)
            for ja, forms in _NAMED.items()
        ):
            continue  # "York" of "New York" for ニューヨーク; "Fox" written FOX
        out.append(word)
    return out


_BODY_WORDS = re.compile(ORG_WORDS.pattern, re.IGNORECASE)  # "federal reserve", casefolded


def _short_for(checker: Checker, lowered: str, rendered: set[str]) -> bool:
    """Whether a comment's word is a place's or a body's name cut short ("Aus" for Australia,
    "Fed" for the Federal Reserve), not a name of its own ("Sam" is no Samsung, "John" no
    Johnson): three letters or more, the start of a rendered place or body, no word of a
    glossary name."""
    if len(lowered) < 3 or lowered in _glossary_words(checker):
        return False
    return any(
        w.startswith(lowered) and w != lowered and (_same_place(r) or _BODY_WORDS.search(r))
        for r in rendered
        for w in r.split()
    )


def _nouns_capitalised(checker: Checker, body: str) -> bool:
    """Whether the comment is in a language that writes every noun with a capital."""
    return (comment_language(body) or checker.source_language) in _NOUNS_CAPITALISED


def _glossary_words(checker: Checker) -> set[str]:
    """The words of the glossary's source names, casefolded: where a German comment's capital
    may be a name."""
    return {
        word.casefold()
        for entry in checker.inputs.glossary
        for word in re.findall(r"[^\W\d_][\w'’]*", normalize(entry.source))
    }


def _capitals_prove(checker: Checker, body: str) -> bool:
    """Whether a capital in the comment proves a name: not in German, which writes every noun
    with one ("Besucher"), nor in a language the check does not read."""
    return not _nouns_capitalised(checker, body) and reads_comment(checker, body)


def reads_comment(checker: Checker, body: str) -> bool:
    """Whether the check reads the comment's language: the one it is told to be in, or, for a
    comment too short to tell, the article's (not when its letters are a language's without a
    profile here: Czech ř, ů)."""
    language = comment_language(body)
    if language is not None:
        return reads(language)
    return not unprofiled(body) and checker.reads_source


def _not_openers(checker: Checker, body: str, words: list[str]) -> list[str]:
    """The comment's words less those that only open its sentences: in a language the check
    does not read, any such word ("Ale", but, opening a Czech sentence); else one that opens a
    sentence or a quotation wherever the article writes it too (« Rug shopping in the souk… »,
    quoted from the article), unless the glossary names it."""
    openers = openers_only(body)
    if not reads_comment(checker, body):
        return [w for w in words if w not in openers]
    # not a name the glossary gives ("Rudolph" may open every sentence that names him)
    article = openers_only(checker.inputs.article.text)
    named = _glossary_words(checker)
    return [w for w in words if not (w in openers and w in article) or w.casefold() in named]
