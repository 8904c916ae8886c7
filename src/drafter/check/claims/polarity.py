"""A word turned into its opposite: 「最低の決断」 where the speaker said "the best decision",
「勝利」 where the comment says "defeat", 「不可能」 where the source says "doable".

Each pair below names one quality and its opposite, in Japanese and in English. A Japanese text
says one pole when it has a word of it and none of the other; the English says the opposite when
it has a word of the opposite and none of the first. Only where neither side is negated: "not
the best" may be 「最善ではない」 or 「よくない」, and no word list tells which, so any negation
leaves the pair unread. This reads English only (a quotation's source span, an English comment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pole:
    ja: re.Pattern[str]
    en: re.Pattern[str]
    label: str  # the English words, for the editor


def _pole(ja: str, en: str, label: str) -> Pole:
    return Pole(re.compile(ja), re.compile(rf"\b(?:{en})\b", re.IGNORECASE), label)


# (a word's prefix or suffix that makes another word of it is kept out by the patterns:
# 最高裁 is the Supreme Court, 可能性 may be "may", 不可能 is its own pole)
PAIRS: tuple[tuple[Pole, Pole], ...] = (
    (
        _pole(r"最高(?!裁|経営|責任|指導|幹部|値|額|気温|位|峰|齢|速|潮)|最良|最善", "best|finest",
              "best"),
        _pole(r"最低(?!賃金|限|気温|値|額)|最悪", "worst", "worst"),
    ),
    (
        _pole(r"良い|良く|良かっ", "good|better", "good"),
        _pole(r"悪い|悪く|悪かっ", "bad|worse", "bad"),
    ),
    (
        _pole(r"勝利|勝っ|勝ち|勝つ|勝て", "win|wins|won|winning|victory|victories|triumph",
              "win"),
        _pole(r"敗北|負け|負けた|敗れ|敗戦", "lose|loses|lost|losing|defeat|defeated",
              "defeat"),
    ),
    (
        # (not "how many", nor "a few", "the last few years": some, not few)
        _pole(r"多い|多く|多かっ", r"(?<!how\s)many|plenty|numerous", "many"),
        _pole(r"少ない|少なく(?!とも)|少なかっ",
              r"(?<!a\s)(?<!last\s)(?<!past\s)(?<!next\s)(?<!first\s)few|fewer|scarce", "few"),
    ),
    (
        _pole(r"安全", "safe|safer|safety|secure", "safe"),
        _pole(r"危険|危な", "danger|dangerous|unsafe|risky|perilous", "dangerous"),
    ),
    (
        _pole(r"(?<!不)可能(?!性)", "possible|doable|achievable|feasible|viable", "possible"),
        _pole(r"不可能|無理", "impossible|unachievable|infeasible|unfeasible", "impossible"),
    ),
    (
        _pole(r"(?<![不])必要(?!ない|なし|はない|もない)", "necessary|essential|needed|required",
              "necessary"),
        _pole(r"不要|不必要|必要(?:ない|なし|はない|もない)", "unnecessary|needless",
              "unnecessary"),
    ),
    (
        _pole(r"始ま|始め|開始", "begin|begins|began|begun|start|starts|started", "begin"),
        _pole(r"終わ|終了|終え|終結", "end|ends|ended|finish|finishes|finished", "end"),
    ),
    (
        _pole(r"成功", "success|successful|succeed|succeeded", "success"),
        _pole(r"失敗", "fail|fails|failed|failure", "failure"),
    ),
    (
        _pole(r"正し", r"correct|right(?!\s+(?:now|away|after|before|here|there))", "right"),
        _pole(r"間違|誤り|誤っ", "wrong|mistake|mistakes|mistaken|incorrect", "wrong"),
    ),
    (
        _pole(r"容易|簡単|易し|たやす", "easy|easily|simple", "easy"),
        _pole(r"困難|難し", "difficult|hard|tough", "difficult"),
    ),
    (
        _pole(r"強い|強く|強ま", "strong|stronger|strongest", "strong"),
        _pole(r"弱い|弱く|弱ま", "weak|weaker|weakest", "weak"),
    ),
    (
        _pole(r"高い|高く|高ま|上昇|増加|増え", "high|higher|rise|rises|rising|rose|increase|"
              r"increased|grow|grew", "higher"),
        _pole(r"低い|低く|低下|下落|減少|減っ", "low|lower|fall|falls|falling|fell|decline|"
              r"declined|decrease|decreased|drop|dropped", "lower"),
    ),
    (
        _pole(r"合法", "legal|lawful", "legal"),
        _pole(r"違法|不法", "illegal|unlawful", "illegal"),
    ),
    (
        _pole(r"賛成", "agree|agrees|agreed|favou?r", "for"),
        _pole(r"反対", "disagree|disagrees|oppose|opposes|opposed|against", "against"),
    ),
    (
        _pole(r"受け入れ|容認", "accept|accepts|accepted|acceptable", "accept"),
        _pole(r"拒否|拒絶|拒ん|拒む", "reject|rejects|rejected|refuse|refused|unacceptable",
              "reject"),
    ),
)  # fmt: skip

# what negates a clause: the words of the poles are taken out first (少ない, 不可能, 必要ない
# are poles, not negations)
_NEGATED_JA = re.compile(r"ない|なく|なかっ|ません|ず(?:に|、|。|$)|ぬ|ではな|じゃな")
_NEGATED_EN = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|neither|nor|without|hardly|barely|cannot)\b"
    r"|n['’]t\b",
    re.IGNORECASE,
)
_ALL_JA = re.compile("|".join(p.ja.pattern for pair in PAIRS for p in pair))


@dataclass(frozen=True)
class Flip:
    said: str  # the Japanese word
    opposite: str  # the English word of the other pole
    meant: str  # what the Japanese says, in English


def flipped(japanese: str, english: str, wider: str = "") -> Flip | None:
    """The first word of `japanese` whose opposite `english` says instead, or None. A word of
    the same pole in `wider` (the rest of a speaker's quotation) clears it too."""
    if _NEGATED_EN.search(english) or _NEGATED_JA.search(_ALL_JA.sub("・", japanese)):
        return None
    for first, second in PAIRS:
        for said, other in ((first, second), (second, first)):
            word = said.ja.search(japanese)
            if word is None or other.ja.search(japanese):
                continue
            opposite = other.en.search(english)
            if opposite is not None and not said.en.search(f"{english} {wider}"):
                return Flip(word.group(0), opposite.group(0), said.label)
    return None
