"""The names check: every name of a claim, by glossary, reading or transliteration, against the
source sentences it rests on (a known name elsewhere in the article is listed, not failed)."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from drafter.check.claims.anchor import Anchor, Finding
from drafter.check.claims.name_forms import (
    another_part_named,
    first_name_alone,
    joined,
    number_forms,
)
from drafter.check.claims.window_people import ORG_WORDS, window_people
from drafter.lang.name_tables import EXONYMS, KNOWN_FORMS, US_STATE_FORMS, acronym_named
from drafter.lang.names import (
    NameMention,
    cjk_surname_in,
    common_noun,
    exonym,
    kanji_surnames,
    name_mentions,
    resolve,
    romanize,
    same_sound,
    skeleton,
    spelling_match,
    transliteration_match,
    unfamiliar,
)
from drafter.lang.text import normalize, prefixed_names

if TYPE_CHECKING:
    from drafter.check.core import Checker
    from drafter.models import GlossaryEntry

_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b")


def names(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    # a speaker is often named a sentence or two away from the words the claim rests on
    # ("…," said Sanjiv Bhasin): names are looked for around the anchored sentences
    window = checker.window(anchor.closest, around=2) if section != "title" else checker.sentences
    near = checker.window(anchor.closest) if section != "title" else checker.sentences
    window_text = normalize(" ".join(s.text for s in window))  # casefolded where compared
    out: list[Finding] = []
    accounted: set[str] = set()
    mentions = name_mentions(text, checker.glossary_names, checker.inputs.article.text)
    for mention in mentions:
        resolved = _resolve(checker, mention)
        accounted |= {normalize(f).casefold() for f in resolved.values() if f}
        if not mention.person and _common_word(checker, mention):
            continue  # a loanword the source has in lower case (アンインストール: uninstall)
        known = sum(1 for form in resolved.values() if form) * 2 >= len(resolved)
        # 「フィマノ・アニメーション」: the part that names it matches nothing, the other is a
        # word any name may have (Animation, Design): not a name of the source
        known = known and not (
            not mention.person  # チョク・ハウイップ氏: a person's part may be a word (チョク)
            and any(form is None and unfamiliar(part) for part, form in resolved.items())
            and all(common_noun(part) for part, form in resolved.items() if form)
        )
        if not known and _the_outlet(checker, mention):
            continue  # シカゴ・トリビューン on chicagotribune.com: credited, named by no sentence
        if not known:
            out += _unknown(checker, section, mention, resolved)
            continue
        out += _placed(checker, section, mention, resolved, window_text, anchor)
    if section in ("lead", "title"):
        out += _kanji_names(checker, text)
    swapped = [f for f in out if f.check == "names-swap"]
    if swapped and (anchor.firm(section) or section not in ("lead", "title")):
        people = window_people(near, accounted, checker.inputs.article.text)
        if section not in ("lead", "title") and any(
            _SUBJECT_PRONOUN.search(checker.by_id[i].text) for i in anchor.ids if i in checker.by_id
        ):
            people = []  # "…, he went on": the claim may name whom the pronoun stands for
        _confirm_swaps(checker, section, out, swapped, people)
    for finding in out:
        finding.check = "names"
    if mentions and not out:
        anchor.support.append("names")
    return out


# A sound shape of this many consonants or fewer matches too many words on its own (ゴネネス
# and "guns" are both k-n-s): the word must then be spelt much like the katakana; a longer one
# a little ("altogether" sounds like an invented リデキス, round DC: spelt alike, 0.24)
_SHORT_SHAPE, _COMMON_SPELLING, _LONG_SPELLING = 3, 0.7, 0.45
_COMPOUND_CHARS = 10
_PAIR_SPELLING = 0.6


def _the_outlet(checker: Checker, mention: NameMention) -> bool:
    """Whether the katakana is the outlet the page is from, as its address spells it."""
    joined = "".join(mention.parts)
    return any(len(o) >= 5 and transliteration_match(joined, o) >= 1.0 for o in checker.outlets)


def _unknown(
    checker: Checker, section: str, mention: NameMention, resolved: dict[str, str | None]
) -> list[Finding]:
    """A name that matches nothing in the source or glossary: to verify. Background and
    analysis name places and bodies of their own (サンフランシスコ): there only a person, or a
    name the dictionary does not know either (a misspelt or made-up one), is listed. A thing
    or place once per draft, where it first appears (a fish the dictionary lacks, オヒョウ, was
    listed on 18 sentences of one draft); a person each time, who may be put for another."""
    if mention.text in checker.listed_unknown | checker.outlet_country and not mention.person:
        return []  # (the outlet's country, which its address names: ドイツ for wdr.de)
    checker.listed_unknown.add(mention.text)
    if not mention.person and section not in ("lead", "title"):
        if not any(not form and unfamiliar(part) for part, form in resolved.items()):
            return []
        return [
            Finding(
                "names",
                False,
                checker.say(
                    f"「{mention.text}」は原文にも辞書にも見当たりません（表記と実在の確認を）",
                    f"the name 「{mention.text}」 is neither in the source nor a known word",
                ),
            )
        ]
    return [
        Finding(
            # an unknown person in a lead sentence whose source names someone else
            "names-swap" if mention.person and section == "lead" else "names",
            False,
            checker.say(
                f"「{mention.text}」は原文にも用語集にも見当たりません（表記と人物の確認を）",
                f"the name 「{mention.text}」 is not in the source or glossary",
            ),
        )
    ]


def _confirm_swaps(
    checker: Checker,
    section: str,
    out: list[Finding],
    swapped: list[Finding],
    others: list[str],
) -> None:
    """A person from elsewhere in the article is a swap to verify when the sentence the claim
    rests on names someone the claim does not; else it may join two parts of the article."""
    for finding in swapped:
        finding.check = "names"
        if others:
            # listed to verify, not must-fix: on faithful drafts of real pages a speaker named
            # a few sentences away, or in the byline, looked the same (a swap detector this
            # coarse cost more trust than it caught errors)
            finding.reason += checker.say(
                f"。原文の該当文の人物は {', '.join(others[:2])}",
                f"; the source sentence names {', '.join(others[:2])}",
            )
        elif section not in ("lead", "title"):
            out.remove(finding)  # elsewhere a name from another part of the article is fine


def _common_word(checker: Checker, mention: NameMention) -> bool:
    """Katakana that transliterates a lower-case word of the source is a common noun."""
    return bool(mention.parts) and all(_common_part(checker, part) for part in mention.parts)


def _common_part(checker: Checker, part: str) -> bool:
    """One katakana part against the source's lower-case words, once per check (a name
    recurs in many sentences)."""
    known = checker.common_parts.get(part)
    if known is None:
        short = len(skeleton(romanize(part))) <= _SHORT_SHAPE
        known = any(
            _spelt_like(part, w) >= (_COMMON_SPELLING if short else _LONG_SPELLING)
            # two words only for a long compound (インフォテインメントシステム), or one spelt
            # alike (テディベア, "teddy bears": 0.67): a short name matches some pair of words by
            # chance (ベルダニア, "will return": 0.3)
            and (
                " " not in w
                or len(part) >= _COMPOUND_CHARS
                or _spelt_like(part, w) >= _PAIR_SPELLING
            )
            for w in checker.common_words.matches(part)
        )
        checker.common_parts[part] = known
    return known


def _spelt_like(part: str, words: str) -> float:
    """How alike the katakana and the source's words are spelt, the words in the singular too
    (テディベア for "teddy bears": katakana writes a plural as the singular), and with l as
    katakana writes it, r (マルウェア for "malware", ピラー for "pillar")."""
    singular = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words.split())
    return max(spelling_match(part, w) for w in (words, singular, singular.replace("l", "r")))


def _resolve(checker: Checker, mention: NameMention) -> dict[str, str | None]:
    if mention.from_glossary:
        # of a rendering's source forms, one the source has (a glossary may also give DVB-T
        # as "DVB T", from a list that read a typeset hyphen as a space)
        forms = checker.forms_of.get(normalize(mention.text), [])
        found = next((f for f in forms if normalize(f).casefold() in checker.source_norm), None)
        return {mention.text: found or checker.targets.get(mention.text)}
    return {
        part: resolve(part, checker.targets, checker.words) or exonym(part, checker.source_norm)
        for part in mention.parts
    }


def _placed(
    checker: Checker,
    section: str,
    mention: NameMention,
    resolved: dict[str, str | None],
    window_text: str,
    anchor: Anchor,
) -> list[Finding]:
    """A known name is where the claim's source sentence is (lead), or anywhere in the source
    (elsewhere: background and analysis bring names from all over the article)."""
    out = []
    forms = {
        part: _forms(checker, mention, part, form, window_text)
        for part, form in resolved.items()
        if form is not None  # None: a common word inside a body's name (コメ, エネルギー)
    }
    placed = any(in_window for _, in_window in forms.values())
    # a claim the run tagged as its own knowledge rests on no source sentence: a name of the
    # article in it is not a swap (エプスタイン氏 in a background sentence about his past)
    restates = not anchor.own_knowledge and (
        section == "lead" or (section != "title" and anchor.best >= 0.45)
    )
    for part, (tokens, _) in forms.items():
        in_source = _in_source(checker, tokens, source_form := resolved[part] or "")
        # one part of the name in the sentence is enough (デバル・パトリック for "Patrick"), and
        # the byline and outlet are named by the draft, not by a sentence (クリス・シリザ氏は…)
        if placed or checker.is_outlet(source_form) or set(tokens[0].split()) <= checker.byline:
            anchor.shares_name = anchor.shares_name or (placed and in_source)
            continue
        anchor.named_elsewhere += [tokens[0]] if in_source else []
        if restates and in_source:
            # The name is in the article, but not in the sentences this claim rests on: a
            # swapped name if the sentence names someone else (decided by the caller). A
            # place or body the article names elsewhere is fine: the claim may join them.
            if mention.person and source_form[:1].isupper() and not ORG_WORDS.search(source_form):
                out.append(
                    Finding(
                        "names-swap",
                        False,
                        checker.say(
                            f"「{part}」（{source_form}）はこの文の根拠の原文にありません",
                            f"「{part}」 ({source_form}) is not in the source sentences this "
                            "claim rests on",
                        ),
                    )
                )
        elif not in_source and (mention.person or section in ("lead", "title")):
            out.append(
                Finding(
                    "names",
                    False,
                    checker.say(
                        f"「{part}」（{source_form}）は原文にありません",
                        f"「{part}」 ({source_form}) is not in the source",
                    ),
                )
            )
    return out


def _in_source(checker: Checker, tokens: list[str], form: str) -> bool:
    return any(t in checker.source_norm for t in tokens) or _body_in_words(checker, form)


def _body_in_words(checker: Checker, form: str) -> bool:
    """A body's name put together from the source's words: "Commerce Department" for a source
    that writes "Commerce Secretary Gina Raimondo … Raimondo's department"."""
    words = [w for w in re.findall(r"[a-z]+", normalize(form).casefold()) if len(w) > 3]
    if not ORG_WORDS.search(form) or len(words) < 2:
        return False
    return all(re.search(rf"\b{w}\b", checker.source_norm) for w in words)


# languages that decline a name with an ending on it: Polish "zięć Trumpa" (Trump's
# son-in-law), Czech "Trumpovi", Finnish "Trumpin", Hungarian "Trumpot", Lithuanian "Trumpui"
_DECLINING = frozenset({"pl", "cs", "sk", "sl", "hr", "sr", "bs", "lt", "lv", "fi", "et", "hu"})


def _case_ending(checker: Checker) -> str:
    """What may follow a surname in the source's language: a case ending, or nothing."""
    return r"[^\W\d_]{0,4}" if checker.source_language in _DECLINING else ""


def _forms(
    checker: Checker, mention: NameMention, part: str, form: str, window_text: str
) -> tuple[list[str], bool]:
    """The spellings a name part may have in the source, and whether the window has one."""
    window_raw, window_text = window_text, window_text.casefold()
    key = normalize(form).casefold()
    tokens = [key, *number_forms(key), *joined(key)]  # the full form first
    tokens += US_STATE_FORMS.get(key, ())[1:]  # California as "Calif." or "R-CA"
    # the source's other spellings of the name (Zelensky in a quote, Zelenskiy in AP's prose)
    tokens += [normalize(w).casefold() for w in same_sound(form, checker.words) if w != form]
    last = key.split()[-1]
    # "Marsh" stands for "Elena Marsh" in the source, as a word of its own ("afford" is no Ford)
    alone = last != key and last in checker.short_names
    surname = bool(
        alone
        and (
            re.search(rf"(?<![a-z]){re.escape(last)}{_case_ending(checker)}(?![a-z])", window_text)
            or last in {n.casefold() for n in prefixed_names(window_raw)}  # "uSokhela"
        )
    )
    if alone:
        tokens.append(last)
    if not mention.from_glossary and part not in checker.glossary_names:
        # マーシュ alone, matched through one part of エレナ・マーシュ: any part will do
        tokens += [t for t in key.split() if len(t) >= 3]
    return tokens, (
        surname
        or any(t in window_text for t in tokens if not (alone and t == last))
        or (mention.person and first_name_alone(normalize(form), window_raw))
        or (mention.person and another_part_named(checker.inputs.glossary, form, window_raw))
        or acronym_named(normalize(part), window_raw)  # 国連 as "UN-Botschafter"
    )


def _kanji_names(checker: Checker, text: str) -> list[Finding]:
    """Japanese surnames written in kanji (岸田) must match a name of the source by reading."""
    out = []
    for surname, reading in kanji_surnames(text):
        if surname in checker.targets or any(surname in g for g in checker.glossary_names):
            continue
        if resolve(reading, checker.targets, checker.words):
            continue
        if cjk_surname_in(surname, checker.lowered_words):
            continue  # 劉 for Liu: a Chinese or Korean name, read otherwise in Japanese
        out.append(
            Finding(
                "names",
                False,
                checker.say(
                    f"漢字の人名「{surname}」（{reading}）が原文の名前と対応しません（漢字表記の確認を）",
                    f"the kanji name 「{surname}」 ({reading}) matches no name in the source",
                ),
            )
        )
    return out


def short_names(glossary: list[GlossaryEntry]) -> set[str]:
    """The names a source may give as one word for a glossary's name: a one-word entry, and a
    family name only one person's name of the glossary ends with ("Lederman" stands for "Rachel
    Lederman" in the source's later sentences; not "Trump" of two Trumps, nor a body's last
    word such as "Reserve")."""
    alone = {normalize(e.source).casefold() for e in glossary if " " not in e.source.strip()}
    ends = Counter(w[-1] for w in (normalize(e.source).casefold().split() for e in glossary) if w)
    people = {
        normalize(e.source).casefold().split()[-1]
        for e in glossary
        if 2 <= len(e.source.split()) <= 3
        and all(w[:1].isupper() for w in e.source.split())
        and not ORG_WORDS.search(e.source)
        and not a_place(normalize(e.source).casefold())  # North Carolina, Hong Kong
    }
    return alone | {w for w in people if ends[w] == 1 and len(w) >= 3}


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def a_place(name: str) -> bool:
    """A place the tables know, or a name ending in a suffix no one is called by (Jr.)."""
    return (
        name in US_STATE_FORMS
        or name in KNOWN_FORMS
        or any(name in forms for forms in EXONYMS.values())
        or name.split()[-1] in _SUFFIXES
    )
