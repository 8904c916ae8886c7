"""A quotation negated where the speaker's words are not: 「成功してほしいと思っていない」 for
"I want him to succeed", 「…にならない」 for "will be". The encoder reads a sentence and its
negation as near the same, so the quotations check matched them; this reads the negation itself.

Japanese builds much on a negative that says no "not" (must: なければならない; may: かもしれない;
only: しかない; surely: に違いない; not only: だけでなく; a question: ではないか; 少ない,
絶え間ない), which are taken out first, and English says "not" in many words (never, fail,
unable, lack, hardly, un-…), any of which leaves the quotation unread. Listed to verify, never
must-fix: a faithful rendering may still turn a phrase around (「長続きしない」 for
"short-lived")."""

from __future__ import annotations

import re

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
    r"away|gone|less|\w+less)\b|n['’]t\b",
    re.IGNORECASE,
)


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
