"""A title names whom its lead names: the headline is written from the lead (and the source's
own headline), so a name of the article that the title gives and neither of them does was put
there from elsewhere — most often for another (「ハマス、ハニヤ氏を政治局トップに任命」 where the
lead names Sinwar). Listed to verify: a title may name what the lead says in other words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.check.claims.anchor import Anchor, Finding
from drafter.lang.names import NameMention, exonym, name_mentions, resolve
from drafter.lang.text import normalize

if TYPE_CHECKING:
    from drafter.check.core import Checker

_KATAKANA = re.compile(r"^[ァ-ヺー・=＝]+$")
# a part this long is the lead's name cut short or written on (アフガン, アフガニスタン)
_STEM = 3


def title_names(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    if section != "title":
        return []
    lead = normalize(
        " ".join(s.text for s in checker.inputs.draft.sentences if s.section == "lead")
    )
    if not lead:
        return []  # a draft without a lead: nothing to hold the title to
    headline = normalize(checker.inputs.article.title).casefold()
    out = []
    for mention in name_mentions(text, checker.glossary_names, checker.inputs.article.text):
        if not _the_articles(checker, mention) or not _KATAKANA.match(mention.text):
            continue
        if any(_in_lead(part, lead) for part in mention.parts if len(part) >= 2):
            continue
        forms = checker.forms_of.get(normalize(mention.text), []) + [
            form
            for part in mention.parts
            if (form := resolve(part, checker.targets, checker.words) or "")
        ]
        if any(normalize(f).casefold() in headline for f in forms if f):
            continue  # the source's own headline names it
        out.append(
            Finding(
                "names-swap",
                False,
                checker.say(
                    f"見出しの「{mention.text}」はリードにも原文の見出しにもありません"
                    "（別の名前との取り違えの確認を）",
                    f"the title's 「{mention.text}」 is named neither in the lead nor in the "
                    "source's headline (a name put for another?)",
                ),
            )
        )
    return out


def _the_articles(checker: Checker, mention: NameMention) -> bool:
    """A name of the article: the glossary renders it, or each part is a word of the source
    (ベルン for "Bern"); an invented one is the names check's."""
    if mention.from_glossary:
        return normalize(mention.text) in checker.forms_of
    return all(
        resolve(part, checker.targets, checker.words) or exonym(part, checker.source_norm)
        for part in mention.parts
    )


def _in_lead(part: str, lead: str) -> bool:
    if part in lead:
        return True
    if len(part) < _STEM + 1:
        return False
    stem = part[: max(_STEM, len(part) - 1)]
    return re.search(rf"{re.escape(stem)}", lead) is not None
