"""The checks of one sentence of a draft against the source sentences it rests on.

Each check returns findings of two grades. **Must fix** is kept for deterministic evidence that
the sentence is wrong: a number, date, name or quotation that contradicts the source sentence
the claim is anchored to (its recorded evidence, or an alignment strong enough to trust), a
hedge the anchored sentence has and the claim dropped. **Verify** is everything the check cannot
prove: a number or name it cannot find, a weak alignment, a framing phrase. An editor who sees a
must-fix item should find a real error behind it; the verify list is for a careful read.

Reasons are written for the editor, in the draft's language, quoting the source sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.lang.names import (
    NameMention,
    exonym,
    kanji_surnames,
    name_mentions,
    resolve,
    transliteration_match,
)
from drafter.lang.quantities import Quantity, en_quantities, ja_quantities, same_kind, same_value
from drafter.lang.text import normalize

if TYPE_CHECKING:
    from drafter.check.core import Checker
    from drafter.models import SourceSentence

# A claim outside the lead is held to the source only where it is anchored this firmly: its
# best source sentence at least this similar, or sharing a specific figure with it.
ANCHOR_SIM = 0.45
OUTSIDE_LEAD_SIM = 0.55
NAMED_SIM = 0.35  # enough when the claim also names someone the source sentence names
HEDGE_SIM = 0.5  # a dropped hedge is must-fix only against a sentence this surely restated
QUOTE_MIN = 0.45  # a Japanese quotation must match a quoted span of the source at least this well
# Below this a quotation is far from every quoted span: invented, not a loose translation. A
# faithful but idiomatic translation of a quote scores 0.3-0.45 against its English (「どちらにも
# 転びうる。…」 for "You can go either way... work my way out of it": 0.34), so between the two
# bars a quotation is to verify.
QUOTE_INVENTED = 0.2

# Modal words: the source does not state the thing as fact. Attribution ("according to",
# "said") is not a hedge: a claim that names its speaker some other way is still faithful.
MODAL_EN = re.compile(
    r"\b((?-i:may)|might|could(?!\s+(?:not|only|never|hardly|barely)\b|n't)|"
    r"expects?|expected to|expecting|plans? to|planned to|planning to|"
    r"plans? for|aims? to|aiming to|intends? to|intended to|likely|unlikely|set to|"
    r"proposed?|proposal|considering|weighing|hopes? to|hoped to|seeks? to|sought to|"
    r"forecasts? (?:that|to)|forecast to|is forecast|estimated?|projected|potential(?:ly)?|"
    r"possible|possibly|reportedly|"
    r"allegedly|suspected|believed to|poised to|threatens? to|threatened to|warns?|warned|"
    r"predicts?|predicted|anticipates?|anticipated|suggests?|suggested|indicates?|appears? to|"
    r"seems? to|would likely|probably)\b",
    re.IGNORECASE,
)
# Words that only report uncertainty second-hand: dropping them is worth a look, not a must-fix.
_SOFT_MODAL = re.compile(
    r"^(reportedly|allegedly|suspected|believed to|warns?|warned|threatens? to|threatened to|"
    r"estimated?|suggests?|suggested|indicates?|appears? to|seems? to|potential(?:ly)?|"
    r"proposed?|proposal)$",
    re.IGNORECASE,
)
HEDGE_JA = re.compile(
    r"見通し|見込|予定|方針|計画|意向|可能性|かもしれ|恐れ|おそれ|予想|予測|見られ|みられ|検討|"
    r"目指|めざ|狙|構え|だろう|でしょう|模様|公算|懸念|期待|提案|求め|かねな|得る|うる|推計|"
    r"試算|想定|目標|案|つもり|たい|予告|約束|方向|見方|考え|示唆|とされ|という|と伝え|報じ|"
    r"疑い|容疑|とみて|可能|見積|思われ|ようだ|らしい|警告|警鐘|脅|へ(?:$|[\s　。、「])|意欲|望|"
    r"予定|でき|予報|可能"
)
JA_QUOTE = re.compile(r"「([^」]{4,})」|『([^』]{4,})』")
_SPEECH_AFTER = re.compile(
    r"^」?\s*(?:と|との|とも|って)\s*(?:述べ|語|話|言|強調|説明|指摘|主張|明かし|批判|訴え|発表|"
    r"表明|記|書|投稿|答え|反論|警告|呼びかけ|コメント|声明|発言|表現|呼|評|形容|称|断じ)"
)
_PERSON_EN = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


@dataclass
class Finding:
    check: str  # numbers, names, quotes, hedges, alignment
    must: bool
    reason: str


@dataclass
class Anchor:
    """What a claim rests on: its evidence ids, the closest of them and how firmly."""

    ids: list[str]
    closest: list[str]
    best: float
    recorded: bool
    support: list[str] = field(default_factory=list)
    shares_figure: bool = False
    shares_name: bool = False  # a name of the claim is in the anchored source sentences

    def firm(self, section: str) -> bool:
        if self.recorded or self.shares_figure:
            return True
        if section in ("lead", "title"):
            return self.best >= ANCHOR_SIM or (self.shares_name and self.best >= NAMED_SIM)
        return self.best >= OUTSIDE_LEAD_SIM


def _cite(sentence: SourceSentence, limit: int = 90) -> str:
    text = " ".join(sentence.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- numbers


def numbers(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    claim_q = ja_quantities(text)
    if not claim_q:
        return []
    window = [checker.by_id[i] for i in anchor.closest]
    window_q = [(s, q) for s in window for q in checker.source_q[checker.index[s.id]]]
    out: list[Finding] = []
    unmatched: list[Quantity] = []
    moved: list[Quantity] = []
    for quantity in claim_q:
        if any(same_value(quantity, q) for _, q in window_q):
            anchor.shares_figure = anchor.shares_figure or _specific(quantity)
            continue
        where = _find_elsewhere(checker, quantity)
        if where is not None:
            if where not in anchor.ids:
                anchor.ids.append(where)
            moved.append(quantity)
            continue
        unmatched.append(quantity)
    # A value of the anchored sentence that the claim does not state is what a changed
    # figure replaced; values the claim also states (17 nights and 16 of them) are not rivals.
    accounted = [q for q in claim_q if q not in unmatched]

    def rivals_of(
        quantity: Quantity, among: list[Quantity]
    ) -> list[tuple[SourceSentence, Quantity]]:
        return [
            (s, q)
            for s, q in window_q
            if same_kind(quantity, q)
            and not any(same_value(a, q) for a in among)
            and _plausible_slip(quantity, q)
        ]

    for quantity in unmatched:
        rivals = rivals_of(quantity, accounted)
        if rivals and _firm_for_figures(section, quantity, anchor):
            out.append(_contradiction(checker, quantity, *rivals[0]))
        elif _worth_verifying(section, quantity, anchor, bool(rivals)):
            out.append(
                Finding(
                    "numbers",
                    False,
                    checker.say(
                        f"「{quantity.label()}」は原文に見当たりません（出典の確認を）",
                        f"「{quantity.label()}」 is not in the source",
                    ),
                )
            )
    if section in ("lead", "title") and anchor.firm(section):
        # A figure taken from another sentence while the anchored one says something else of
        # the same kind that the claim leaves out: a figure swapped for another of the article.
        others = [q for q in accounted if q not in moved]
        for quantity in moved:
            if quantity.kind == "number" and not quantity.unit:
                continue  # a bare count (2得点, "two-goal") is too common to prove a swap
            rivals = rivals_of(quantity, others + [q for q in moved if q is not quantity])
            if rivals:
                finding = _contradiction(checker, quantity, *rivals[0])
                finding.must = quantity.kind not in ("year", "month")
                out.append(finding)
    if claim_q and not out:
        anchor.support.append("numbers")
    return out


def _contradiction(
    checker: Checker, quantity: Quantity, sentence: SourceSentence, rival: Quantity
) -> Finding:
    return Finding(
        "numbers",
        True,
        checker.say(
            f"「{quantity.label()}」: 原文（{sentence.id}）は「{rival.label()}」"
            f" — “{_cite(sentence)}”",
            f"「{quantity.label()}」: the source ({sentence.id}) says “{rival.label()}” — "
            f"“{_cite(sentence)}”",
        ),
    )


def _worth_verifying(section: str, quantity: Quantity, anchor: Anchor, rivals: bool) -> bool:
    """A figure the source does not have is listed to verify in the lead and title. Elsewhere
    too, except a year or month (background brings dates of its own) unless the sentence
    restates a source sentence that has another. A bare small count (3指数) is not listed."""
    if quantity.kind == "number" and not quantity.unit and quantity.value <= 10:
        return False
    if section in ("lead", "title") or quantity.kind not in ("year", "month"):
        return True
    return rivals and (anchor.recorded or anchor.best >= 0.45)


def _plausible_slip(claim: Quantity, source: Quantity) -> bool:
    """A spelled-out small number ("one of them", "two sides") is a rival only for a figure of
    its size: 16 nights is not a slip for "one"."""
    if source.text.isalpha() and source.value and claim.value:
        ratio = max(claim.value, source.value) / min(claim.value, source.value)
        return ratio <= 5
    return True


def _firm_for_figures(section: str, quantity: Quantity, anchor: Anchor) -> bool:
    """Whether a different figure in the anchored sentence proves this one wrong. In the lead
    and title, a firm anchor does. Elsewhere (background and analysis add context the article
    does not have) only a sentence that restates the source, sharing another specific figure
    with it or recorded as its evidence, and not for a month or year alone."""
    if section in ("lead", "title"):
        return anchor.firm(section)
    if quantity.kind in ("month", "year"):
        return False
    return anchor.recorded or anchor.shares_figure


def _find_elsewhere(checker: Checker, quantity: Quantity) -> str | None:
    """A source sentence holding this very figure (a claim may join two source sentences). A
    figure stated exactly must be there exactly, or as an approximation of the same kind
    (「3億ドル」 for "about $310 million"): 32 people is not "about 30%" somewhere else."""
    loose = quantity.approx or bool(quantity.bound)
    if any(same_value(quantity, q) for q in checker.dated_q):
        return checker.sentences[0].id if checker.sentences else None
    for n, found in enumerate(checker.source_q):
        for q in found:
            if not same_value(quantity, q):
                continue
            if q.value == quantity.value or (
                (loose or q.approx or q.bound) and same_kind(quantity, q)
            ):
                return checker.sentences[n].id
    return None


def _specific(quantity: Quantity) -> bool:
    """A figure specific enough to pin a claim to the source sentence holding it (not a year,
    a month, a small count or a common span such as one year)."""
    if quantity.kind in ("year", "month"):
        return False
    if quantity.kind in ("duration", "number"):
        return quantity.value > 12
    return True


# ---------------------------------------------------------------- names


def names(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    # a speaker is often named a sentence or two away from the words the claim rests on
    # ("…," said Sanjiv Bhasin): names are looked for around the anchored sentences
    window = checker.window(anchor.closest, around=2) if section != "title" else checker.sentences
    near = checker.window(anchor.closest) if section != "title" else checker.sentences
    window_text = normalize(" ".join(s.text for s in window)).casefold()
    out: list[Finding] = []
    accounted: set[str] = set()
    mentions = name_mentions(text, checker.glossary_names, checker.inputs.article.text)
    for mention in mentions:
        resolved = _resolve(checker, mention)
        accounted |= {normalize(f).casefold() for f in resolved.values() if f}
        if not mention.person and _common_word(checker, mention):
            continue  # a loanword the source has in lower case (アンインストール: uninstall)
        known = sum(1 for form in resolved.values() if form) * 2 >= len(resolved)
        if not known and not mention.person and section not in ("lead", "title"):
            continue  # background names places and bodies of its own (サンフランシスコ)
        if not known:
            out.append(
                Finding(
                    # an unknown person in a lead sentence whose source names someone else
                    "names-swap" if mention.person and section == "lead" else "names",
                    False,
                    checker.say(
                        f"「{mention.text}」は原文にも用語集にも見当たりません（表記と人物の確認を）",
                        f"the name 「{mention.text}」 is not in the source or glossary",
                    ),
                )
            )
            continue
        out += _placed(checker, section, mention, resolved, window_text, anchor)
    if section in ("lead", "title"):
        out += _kanji_names(checker, text)
    swapped = [f for f in out if f.check == "names-swap"]
    if swapped and (anchor.firm(section) or section not in ("lead", "title")):
        others = _window_people(near, accounted)
        for finding in swapped:
            finding.check = "names"
            if others:
                # listed to verify, not must-fix: on faithful drafts of real pages a speaker
                # named a few sentences away, or in the byline, looked the same (a swap
                # detector this coarse cost more trust than it caught errors)
                finding.reason += checker.say(
                    f"。原文の該当文の人物は {', '.join(others[:2])}",
                    f"; the source sentence names {', '.join(others[:2])}",
                )
            elif section not in ("lead", "title"):
                out.remove(finding)  # elsewhere a name from another part of the article is fine
    for finding in out:
        finding.check = "names"
    if mentions and not out:
        anchor.support.append("names")
    return out


def _common_word(checker: Checker, mention: NameMention) -> bool:
    """Katakana that transliterates a lower-case word of the source is a common noun."""
    for part in mention.parts:
        if not any(transliteration_match(part, w) >= 0.8 for w in checker.common_words):
            return False
    return bool(mention.parts)


def _resolve(checker: Checker, mention: NameMention) -> dict[str, str | None]:
    if mention.from_glossary:
        return {mention.text: checker.targets.get(mention.text)}
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
    restates = section == "lead" or (section != "title" and anchor.best >= 0.45)
    for part, (tokens, _) in forms.items():
        source_form = resolved[part] or ""
        in_source = any(t in checker.source_norm for t in tokens)
        # one part of the name in the sentence is enough (デバル・パトリック for "Patrick"), and
        # the byline and outlet are named by the draft, not by a sentence (クリス・シリザ氏は…)
        byline = all(w in checker.byline for w in tokens[0].split())
        if placed or byline:
            anchor.shares_name = anchor.shares_name or (placed and in_source)
            continue
        if restates and in_source:
            # The name is in the article, but not in the sentences this claim rests on: a
            # swapped name if the sentence names someone else (decided by the caller). A
            # place or body the article names elsewhere is fine: the claim may join them.
            if mention.person and source_form[:1].isupper() and not _ORG_WORDS.search(source_form):
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


_ORG_WORDS = re.compile(
    r"\b(?:Facility|Team|University|Agency|Group|Company|Inc|Corp|Ministry|Department|"
    r"Council|Party|Bank|Fund|Association|Commission|Court|Office|Institute|Center|Centre|"
    r"Service|Force|Union|Organi[sz]ation|Committee|Board|Authority|Administration|Network|"
    r"Post|Times|News|Street|Road|Square|House|Embassy|Airport|Port|River|Sea|Ocean|Island|"
    r"Islands|Republic|Kingdom|States|Nations|Exchange|Index|Average|Composite|Reserve|"
    r"Treasury|Congress|Senate|Parliament|Assembly|Government|Police|Army|Navy|Guard|"
    r"Airlines?|Airways|Motors|Holdings|Partners|Capital|Energy|Technologies|Systems|Labs?|"
    r"Foundation|Society|Club|League|Cup|Prize|Award|Act|Law|Bill|Plan|Program|Programme|"
    r"Project|Mission|Station|Telescope|Space|Corporation|Corp|Co|Ltd|LLC|Steel|Securities|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)


def _forms(
    checker: Checker, mention: NameMention, part: str, form: str, window_text: str
) -> tuple[list[str], bool]:
    """The spellings a name part may have in the source, and whether the window has one."""
    key = normalize(form).casefold()
    tokens = [key, *_number_forms(key)]  # the full form first
    last = key.split()[-1]
    if last != key and last in checker.short_names:
        tokens.append(last)  # "Marsh" stands for "Elena Marsh" in the source
    if not mention.from_glossary and part not in checker.glossary_names:
        # マーシュ alone, matched through one part of エレナ・マーシュ: any part will do
        tokens += [t for t in key.split() if len(t) >= 3]
    return tokens, any(t in window_text for t in tokens)


def _number_forms(word: str) -> list[str]:
    """Singular and plural of a glossary's English form (Tories ~ Tory, Dutch ~ Dutch)."""
    if word.endswith("ies") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith("s") and len(word) > 4:
        return [word[:-1]]
    return [word + "s"] if len(word) > 3 else []


def _window_people(window: list[SourceSentence], accounted: set[str]) -> list[str]:
    """Two-word capitalised names of people in the anchored source sentences that the claim
    does not mention: who the sentence is really about when the claim names someone else.
    Organisations, places and dates are left out (a claim names only some of them)."""
    people: list[str] = []
    for sentence in window:
        for match in _PERSON_EN.finditer(sentence.text):
            name = f"{match.group(1)} {match.group(2)}"
            if _ORG_WORDS.search(name):
                continue
            lowered = name.casefold()
            if any(p in accounted or lowered in a for p in lowered.split() for a in accounted):
                continue
            if match.start() == 0 and match.group(1) in ("The", "A", "An", "In", "On", "But"):
                continue
            if name not in people:
                people.append(name)
    return people


def _kanji_names(checker: Checker, text: str) -> list[Finding]:
    """Japanese surnames written in kanji (岸田) must match a name of the source by reading."""
    out = []
    for surname, reading in kanji_surnames(text):
        if surname in checker.targets or any(surname in g for g in checker.glossary_names):
            continue
        if resolve(reading, checker.targets, checker.words):
            continue
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


# ---------------------------------------------------------------- quotations


def quotes(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    out: list[Finding] = []
    for match in JA_QUOTE.finditer(text):
        content = match.group(1) or match.group(2)
        if section == "title":
            if any(normalize(content) in framing for framing in checker.framing):
                continue  # the headline's framing phrase, recorded as such by the run
            if not ja_quantities(content) and not name_mentions(
                content, checker.glossary_names, checker.inputs.article.text
            ):
                continue  # a catchphrase with no figure or name (「脱・中国依存」): framing
            score, _span = checker.best_quote(content)
            if score < QUOTE_MIN:
                out.append(
                    Finding(
                        "quotes",
                        False,
                        checker.say(
                            f"見出しの「{content[:40]}」は原文の引用ではありません"
                            "（言い換えなら原文の内容と合うか確認を）",
                            f"the title's 「{content[:40]}」 is not a quotation of the source "
                            "(a paraphrase: verify it)",
                        ),
                    )
                )
            continue
        found = _quotation(checker, text, match, content)
        if section != "lead":
            for finding in found:  # outside the lead a quotation may come from anywhere
                finding.must = finding.must and finding.reason.startswith("引用内の")
        out += found
    return out


def _quotation(checker: Checker, text: str, match: re.Match[str], content: str) -> list[Finding]:
    spoken = bool(_SPEECH_AFTER.match(text[match.end() - 1 :]))
    if not spoken and len(content) < 20:
        return []  # 「ウィキリークス」, 「第4次…計画」: a name or a term, not someone's words
    score, span = checker.best_quote(content)
    if score < QUOTE_MIN and checker.quoted_in_thread(content):
        return []  # a commenter's words, quoted in the analysis
    if score < QUOTE_MIN:
        # Japanese news puts reported speech in 「」 too ("said the port would close" →
        # 「港を閉鎖する」と述べた): a quotation that says what a source sentence says is to verify
        reported = checker.says_in_source(content) >= QUOTE_MIN
        must = (
            spoken
            and bool(checker.quotes)
            and len(content) >= 8
            and score < QUOTE_INVENTED
            and not reported
        )
        where = f" “{span[:70]}”" if span else ""
        return [
            Finding(
                "quotes",
                must,
                checker.say(
                    f"引用「{content[:40]}」に当たる発言が原文にありません"
                    + (f"（最も近い引用:{where}）" if where else ""),
                    f"the quotation 「{content[:40]}」 is not in the source"
                    + (f" (closest:{where})" if where else ""),
                ),
            )
        ]
    out = []
    span_q = en_quantities(span)
    for quantity in ja_quantities(content):
        if not any(same_value(quantity, q) for q in span_q):
            rivals = [q for q in span_q if same_kind(quantity, q)]
            if rivals:
                out.append(
                    Finding(
                        "quotes",
                        True,
                        checker.say(
                            f"引用内の「{quantity.label()}」: 原文の発言は「{rivals[0].label()}」"
                            f" — “{span[:70]}”",
                            f"「{quantity.label()}」 in the quotation: the source's words say "
                            f"“{rivals[0].label()}” — “{span[:70]}”",
                        ),
                    )
                )
    return out


# ---------------------------------------------------------------- hedges


def hedges(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    """A lead sentence anchored to a source sentence that hedges must keep a hedge. Only the
    closest sentence counts (a neighbour's "reportedly" belongs to another clause)."""
    if not anchor.closest or HEDGE_JA.search(text):
        return []
    if section not in ("lead", "title") and not (
        anchor.recorded or anchor.best >= OUTSIDE_LEAD_SIM
    ):
        return []  # background and analysis are checked only where they restate the source
    candidates = anchor.closest if anchor.recorded else anchor.closest[:1]
    for sentence_id in candidates:
        sentence = checker.by_id[sentence_id]
        word = MODAL_EN.search(sentence.text)
        if word is not None:
            finding = _hedge_finding(checker, section, sentence, word.group(0), anchor)
            finding.must = finding.must and section == "lead"
            return [finding]
    return []


def _hedge_finding(
    checker: Checker, section: str, sentence: SourceSentence, word: str, anchor: Anchor
) -> Finding:
    # must fix only where the claim surely restates that very sentence
    sure = anchor.recorded or anchor.best >= HEDGE_SIM
    must = sure and not _SOFT_MODAL.match(word)
    return Finding(
        "hedges",
        must,
        checker.say(
            f"原文（{sentence.id}）は「{word}」と断定を避けていますが、この文は事実として"
            f"書いています — “{_cite(sentence)}”",
            f"the source ({sentence.id}) hedges (“{word}”) but this sentence states it as "
            f"fact — “{_cite(sentence)}”",
        ),
    )
