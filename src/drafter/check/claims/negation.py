"""A quotation negated where the speaker's words are not: 「成功してほしいと思っていない」 for
"I want him to succeed", 「…にならない」 for "will be". The encoder reads a sentence and its
negation as near the same, so the quotations check matched them; this reads the negation itself.

Japanese builds much on a negative that says no "not" (must: なければならない; may: かもしれない;
only: しかない; surely: に違いない; not only: だけでなく; a question: ではないか; 少ない,
絶え間ない), which are taken out first, and English says "not" in many words (never, fail,
unable, lack, hardly, un-…), any of which leaves the quotation unread. Listed to verify, never
must-fix: a faithful rendering may still turn a phrase around (「長続きしない」 for
"short-lived").

The other way round, a "not" dropped (「災害だと認識できる」 for "you can't tell it's a
disaster"), is read on a plain "not" alone (not, n't, never, cannot), against a Japanese that
says no "not" in any of its forms: ない and ず, and 不・非・未・無, なし, ゼロ, しか, やめる, 拒む
(「不十分」 for "not enough", 「しか」 for "nothing but")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.check.claims.anchor import Finding

if TYPE_CHECKING:
    from drafter.check.core import Checker

_NOT_NEGATION_JA = re.compile(
    r"(?:な|無)ければ(?:なら|いけ|だめ|ダメ)?(?:ない|ず|ません)?|なくては(?:なら|いけ)?(?:ない|ません)?|"
    r"なきゃ(?:いけない|ならない)?|なくちゃ(?:いけない|ならない)?|ないと(?:いけ|だめ|ダメ)(?:ない|ません)|"
    r"ねばなら(?:ない|ず)|ざるを[得え](?:ない|ず|ません)|やむを[得え](?:ない|ず)|"
    r"かも(?:しれ|知れ)(?:ない|ず|ません)|かね(?:ない|ません)|に(?:違い|ちがい)(?:ない|ありません)|"
    r"間違いない|まちがいない|(?:し|ほ)か(?:ない|ありません)|に(?:過ぎ|すぎ)(?:ない|ません)|"
    r"(?:ほか|他)(?:なら|にな)(?:ない|ません)|欠かせ(?:ない|ません)|"
    r"(?:仕方|しかた|しょう)が?(?:ない|ありません)|だけ(?:で|では)なく|のみならず|ばかりでなく|"
    # 「豊かにするのではなく、貧しくする」: "poorer rather than richer", a contrast
    r"(?:の|ん)?(?:では|じゃ)なく[、,]?|"
    r"(?:の|ん)?(?:では|じゃ)ない(?:か|でしょうか|だろうか)|ないでしょうか|ないだろうか|"
    r"(?:少|危|汚|幼|切|儚)な(?:い|く|かっ)|すくな(?:い|く)|あぶな(?:い|く)|"
    r"(?:絶え間|途切れ|際限|限り|容赦|遠慮|申し訳|もったい|つまら|くだら|情け|だらし|みっとも|"
    r"とんでも|さりげ|やるせ|あっけ|ぎこち|頼り|物足り|間も|ほど|問題|疑い|違い)(?:の|が|も)?な(?:い|く)|"
    r"損な(?:う|い|わ|っ)|亡くな|無くな|なくな(?:る|っ|り)|なくし|"
    r"(?:かか|関)わらず|思わず|相変わらず|とりあえず|必ず|まず|わずか|絶えず|残らず|すかさず"
)
# a negation, not the な of a word that describes (ようないじめ, 大きな家)
_NEGATED_JA = re.compile(
    r"(?<!よう)(?<!そう)(?<!みたい)(?<![的大小])ない|なかっ|(?<![的大小])なく|ません|ず(?:に|、|。|$)"
)
_NEGATED_EN = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|neither|nor|without|cannot|hardly|barely|scarcely|"
    r"rarely|seldom|few|little|fail(?:s|ed|ing|ure)?|refus(?:e|es|ed|ing|al)|unable|"
    r"lack(?:s|ed|ing)?|impossible|unlikely|den(?:y|ied|ies|ying)|stop(?:s|ped|ping)?|"
    r"avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|ban(?:s|ned|ning)?|reject(?:s|ed|ing)?|absent|"
    r"missing|miss(?:es|ed)?|zero|nowhere|anymore|yet|instead|rather|too|only|least|free|"
    r"against|ignor(?:e|es|ed|ing)|forg(?:et|ets|ot|otten|etting)|lost|lose|loses|losing|hard|"
    r"un[a-z]{3,}|in(?:capable|complete|correct|sufficient|adequate|valid|visible|accurate|"
    r"ability)\w*|dis[a-z]{4,}|non[a-z-]*|neglect(?:s|ed|ing)?|skip(?:s|ped|ping)?|"
    r"quit(?:s|ting)?|end(?:s|ed|ing)?|cease(?:s|d)?|halt(?:s|ed|ing)?|short|weak\w*|out\s+of|"
    r"away|gone|less|\w+less|"
    # not decided yet, in idiom: 「まだ判断はつかない」 for "the jury's still out"
    r"still\s+out|to\s+be\s+seen|up\s+in\s+the\s+air|on\s+the\s+fence|open\s+question)\b|"
    r"n['’]t\b",
    re.IGNORECASE,
)


# a plain "not" (not "not only", "no matter", "whether or not": no "not" in Japanese either)
_PLAIN_NOT_EN = re.compile(r"\b(?:not|never|cannot)\b|n['’]t\b", re.IGNORECASE)
_NOT_A_NOT_EN = re.compile(
    r"\b(?:not|n['’]t)\s+(?:gonna|going\s+to)\s+lie\b|\bno\s+(?:doubt|wonder|matter)\b|"
    r"\b(?:not|n['’]t)\s+(?:only|just|merely|simply|to\s+mention|least|until|yet|that|"
    r"necessarily)\b|\b(?:or|if|whether)\s+not\b|\bnever\s+mind\b|"
    r"\b(?:could|can)(?:n['’]t|not)\s+(?:agree|wait|help|stop|believe)\b|\bnothing\s+but\b",
    re.IGNORECASE,
)
# a plain "not" in the other languages a source or a comment is read in (German, French,
# Spanish, Italian, Dutch, Portuguese, Polish), and what says it without a "not" in Japanese either
# ("nicht nur": not only; "sin embargo": however; "kein Wunder": no wonder)
PLAIN_NOT = {
    "de": r"nicht|kein(?:e|en|em|er|es)?|nie|niemals|nichts|niemand|weder",
    "fr": r"pas|jamais|aucun(?:e|s|es)?|rien",
    "es": r"no|nunca|jamás|nadie|nada|ningun[oa]?s?|ningún|tampoco",
    "it": r"non|mai|nessun[oa]?|niente|nulla",
    "nl": r"niet|geen|nooit|niets|niemand|nergens",
    "pt": r"não|nunca|jamais|nenhum(?:a|s|as)?|ninguém|nada",
    "pl": r"nie|nigdy|nic|nikt|żadn(?:y|a|e|ych|ego|ej)",
}
_NOT_A_NOT = {
    "de": r"nicht\s+(?:nur|zuletzt|mehr\s+als|wahr|einmal)|oder\s+nicht|kein\s+Wunder|"
    r"nichts\s+(?:als|anderes)|nie\s+zuvor",
    "fr": r"(?:non|pas)\s+seulement|ne\s+\w+\s+pas\s+(?:seulement|que)|ou\s+pas|rien\s+que",
    "es": r"no\s+(?:solo|sólo|solamente|obstante)|sin\s+embargo|o\s+no|nada\s+más",
    "it": r"non\s+solo|o\s+no|nient'altro|non\s+appena",
    "nl": r"niet\s+alleen|of\s+niet|niets\s+anders",
    "pt": r"não\s+(?:só|apenas|somente)|ou\s+não|nada\s+mais",
    "pl": r"nie\s+tylko|czy\s+nie|nic\s+dziwnego|lub\s+nie|nie\s+ma\s+co",
}


# any "not" of Japanese, the idioms built on one included (せざるを得ない for "can't help")
_ANY_NOT_JA = re.compile(
    r"な(?:い|く|かっ|し|け|きゃ|くちゃ)|無し|ません|ぬ|ねえ|ねー|[不非未無否拒禁]|"
    r"[うくぐすつぬぶむる]な(?=$|[」』。！!？?、\s])|"  # 許すな: don't let it
    r"ゼロ|しか|ず(?:に|、|。|$|と)|やめ|止め|辞め|反対|嫌|いや|ダメ|だめ|駄目|ノー|まさか|とんでも|どころか"
)


_CLAUSES = re.compile(r"\s*[,;:—–]\s*|\s+-\s+")

# words of a span a quotation renders whole: of a longer one it may render the part before the
# "not" ("Getting enough of the nutrients … is especially important …, and parents … should
# know that many … do not have the same nutrients")
_RENDERED_WHOLE = 15

# words a span needs for its lack of a "not" to tell: "its promise" is the part of "failed to
# live up to its promise" that a source put in quotation marks
SPAN_WORDS = 4


def negated_only_in(japanese: str, english: str) -> bool:
    """Whether the Japanese says "not" where the English says no "not" in any of its words."""
    if len(english.split()) < SPAN_WORDS:
        return False
    return bool(_NEGATED_JA.search(_NOT_NEGATION_JA.sub("・", japanese))) and not (
        _NEGATED_EN.search(english)
    )


def negation_dropped(japanese: str, said: str, language: str | None = "en") -> bool:
    """Whether the source's words say a plain "not" (in English or one of PLAIN_NOT's
    languages) where the Japanese says "not" in none of its forms: the quotation turned
    positive."""
    if not SPAN_WORDS <= len(said.split()) <= _RENDERED_WHOLE or _ANY_NOT_JA.search(japanese):
        return False
    if language not in (None, "en", *PLAIN_NOT):
        return False
    # a quotation may render one clause of several: the "not" must be in each of them
    # (「その薬については極端な誤情報がある」 for "There is extreme misinformation about the
    # drug, and it does not work")
    return all(_says_not(clause, language) for clause in _CLAUSES.split(said) if clause)


def _says_not(said: str, language: str | None) -> bool:
    if language in (None, "en"):
        return bool(_PLAIN_NOT_EN.search(_NOT_A_NOT_EN.sub(" ", said)))
    words = re.sub(rf"(?<!\w)(?:{_NOT_A_NOT[language]})(?!\w)", " ", said, flags=re.IGNORECASE)
    return bool(re.search(rf"(?<!\w)(?:{PLAIN_NOT[language]})(?!\w)", words, re.IGNORECASE))


# a Japanese rendering runs to a third to a half of its source's characters: one under a fifth
# of them renders another part of the speech (「極端な誤情報がある」 matched to a 150-character
# quotation of another speaker, which says "nicht")
_SHORTEST_SHARE = 0.2


# what a claim says of a quotation it denies: 「汗をかいていた」と語っていることに対し…反論した
# quotes the claim the speaker's "I didn't sweat" denies
_DENIED_AFTER = re.compile(r"反論|反ばく|反駁|否定|否認|打ち消|退け|一蹴|異を唱え|と(?:は)?違")


def negation_findings(checker: Checker, content: str, span: str, after: str = "") -> list[Finding]:
    """A quotation whose words it matched say no "not" where it does (English sources), or a
    plain "not" where it says none (unless the claim goes on to deny what it quotes): listed
    to verify."""
    language = checker.source_language
    if len(content) < _SHORTEST_SHARE * len(span):
        return []  # a few words held to a long speech: matched to the wrong one (round DE)
    if language in (None, "en") and negated_only_in(content, span):
        reason = checker.say(
            f"引用は否定の形ですが、原文の発言に否定の語がありません — “{span[:70]}”",
            f"the quotation says “not”, the source's words do not — “{span[:70]}”",
        )
        return [Finding("quotes", False, reason)]
    if negation_dropped(content, span, language) and not _DENIED_AFTER.search(after[:40]):
        reason = checker.say(
            f"引用に否定の語がありませんが、原文の発言は否定です — “{span[:70]}”",
            f"the quotation says no “not”, the source's words do — “{span[:70]}”",
        )
        return [Finding("quotes", False, reason)]
    return []
