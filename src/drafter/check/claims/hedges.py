"""The hedges check: a claim must keep the hedge of the source sentence it restates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.check.claims.anchor import OUTSIDE_LEAD_SIM, Anchor, Finding, cite
from drafter.check.claims.hedge_clauses import restates_another_clause
from drafter.lang.text import in_quotes

if TYPE_CHECKING:
    from drafter.check.core import Checker
    from drafter.models import SourceSentence

# A dropped hedge is listed to verify, never must-fix: whether a claim restates the very clause
# a modal hedges is a reading no rule makes surely (round drafts: 9 false must-fix items in 211
# faithful drafts; planted drops caught at must-fix: 6 of 94 on dev, 4 of 135 on recorded drafts).
HEDGE_SIM = 0.5  # a "should" is listed only against a sentence a claim restates this surely
# ... and only for a claim this long: the embedding of a short sentence (結果は民主党の健闘だった。)
# lands near too many source sentences to say which one it restates
SURE_CHARS = 20
# A claim that is a quotation and a few words around it (「…」と述べた, ロペスは「…」と語った)
QUOTED_ALONE = 15
_QUOTED = re.compile(r"「[^」]*」")
# … and one that only adds who said it and about what (劉氏は人民解放軍について「…」と述べた):
# held to the quotation when the source's modal is outside the words it quotes
_REPORTED = re.compile(
    r"^[^「」、,]{0,30}?「[^」]+」(?:と|とも)(?:述べ|語|話|言|強調|警告|説明|指摘|明か|訴え|主張|答え)"
    r"[^「」、,]{0,10}$"
)

# Modal words: the source does not state the thing as fact. Attribution ("according to",
# "said") is not a hedge: a claim that names its speaker some other way is still faithful.
_A_CHILD = (
    r"(?:(?:a|an|their|her|his|our|my|your)\s+(?:\w+\s+)?(?:baby|child|son|daughter)\b|"
    r"twins\b|triplets\b)"
)
MODAL_EN = re.compile(
    # could of ability or perception (Holmes could hear Trump's voice) is no hedge
    # a speaker's aside to the listener ("you might remember him from …") is no hedge either
    r"\b(?<!you )(?<!You )((?-i:may)|might|"
    # (an adverb between: "I could suddenly see")
    # ("he could no longer walk": ability lost)
    r"could(?!\s+(?:\w+ly\s+)?(?:not|no\s+longer|only|never|hardly|barely|hear|see|feel|smell|"
    # "said customers could now access": can
    r"sense|tell|watch|remember|recall|afford|manage|now)\b|n't)|"
    r"expects?|expected to|on track to|"
    # pregnant: "Kimberly was expecting on a previous episode", "expecting their sixth child",
    # "every expecting parent"
    r"(?<!was )(?<!is )(?<!were )(?<!are )(?<!be )expecting(?!\s+(?:parents?|mothers?|"
    rf"couples?|{_A_CHILD}))|"
    rf"(?:was|is|were|are|be)\s+expecting(?!\s*[.,;!?]|\s+(?:on|in|at|since|again|now)\b|"
    rf"\s+{_A_CHILD})|"
    r"plans? to|planned to|planning to|"
    # "…Keyboard Expected in First Half of 2020", "a ruling is expected next week" (not "than
    # expected", "as expected")
    r"(?:is|are|was|were|be|been|now|widely|also|still)\s+expected|"
    r"(?<!than )(?<!as )expected\s+(?:in|by|on|next|this|later|soon|within)|"
    # "a line intended to reel in tuna": a thing's purpose, not anyone's plan (a plan has a
    # subject or an auxiliary before it: "she intended to", "was intended to")
    r"plans? for|aims? to|aiming to|intends? to|"
    r"(?:\b(?:is|are|was|were|be|been|being|has|had|have|he|she|they|we|I|it|who|which|that|"
    r"originally|initially|always)\s+)intended to|likely|unlikely|"
    # "set to rise" (poised), not "the bit set to 1", "a flag set to true" (a value given)
    r"set to(?!\s+(?:\d|one|zero|true|false|on|off|null|none|yes|no|the\s+value)\b)|"
    # "brought hope to the villages": the noun, given to someone, not a hope to do a thing
    r"proposed?|proposal|considering|weighing|(?:hopes?|hoped) to(?!\s+(?:the|a|an|his|her|"
    r"their|its|our|my|your|many|millions|thousands|people|those|these|this|that)\b)|"
    r"seeks? to|sought to|"
    r"forecasts? (?:that|to)|forecast to|is forecast|(?:is|are|was|were)\s+forecasting|"
    r"estimated?|projected|potential(?:ly)?|"
    # "the CBO projects that…", "the agency projects that…" (not "infrastructure projects
    # that…", the noun: only after a body or a pronoun that makes forecasts)
    r"(?-i:\b[A-Z]{2,}\s+projects?\s+that)|"
    r"\b(?:it|he|she|they|office|agency|bank|government|ministry|analysts?|economists?|"
    r"forecasters?|fund)\s+projects?\s+that|"
    # "…or risk not being able to use the apps", "at risk of losing": a possibility
    r"(?:risks?|risking)\s+(?:not\s+)?\w+ing|at risk of|"
    r"possible|possibly|reportedly|"
    r"allegedly|suspected|believed to|poised to|threatens? to|threatened to|warns?|warned|"
    r"predicts?|predicted|anticipates?|"
    # "the most anticipated witness": awaited, an adjective, not a forecast
    r"(?<!most )(?<!much )(?<!highly )(?<!eagerly )(?<!hotly )(?<!long-)(?<!the )(?<!an )"
    r"anticipated|"
    r"suggests?|suggested|indicates?|appears? to|"
    # "They seem intent on…", "seemed poised": a seeming, whatever follows
    # (not "I can't seem to read it": unable, an idiom)
    r"(?<!n't )(?<!not )seem(?:s|ed)?|seemingly|would likely|probably|"
    # "The weather should ease by Thursday": expected (or owed), not yet so
    r"should(?!\s+(?:not\s+)?(?:have|be\s+(?:noted|said)))|shouldn't)\b",
    re.IGNORECASE,
)
# Words that only report uncertainty second-hand: a claim that gives itself as someone's account
# (…と説明した, …によると) keeps them.
_SOFT_MODAL = re.compile(
    r"^(reportedly|allegedly|suspected|believed to|warns?|warned|threatens? to|threatened to|"
    r"estimated?|suggests?|suggested|indicates?|appears? to|seem(?:s|ed)?|seemingly|"
    r"potential(?:ly)?|proposed?|proposal|should|shouldn't)$",
    re.IGNORECASE,
)
# … and of those, the one too often advice ("people shouldn't panic") to list on a loose
# alignment
_WEAK = re.compile(r"^(?:should|shouldn't)$", re.IGNORECASE)
# The claim gives it as someone's account: enough for a second-hand hedge (reportedly,
# allegedly), not for a forecast or a possibility (may, expects)
_ATTRIBUTED = re.compile(
    r"と(?:説明|主張|述べ|話|語|明か|証言|供述|訴え|報道|報じ|伝え|忠告|指摘|注意)|によると|によれば|"
    # 〜と言われました: "several warned she was already behind", told as what she was told
    r"とし(?:て|た)|と(?:言|い)(?:わ|っ)|"
    # 〜と評されるほど: "it seems impossible for her outfits to miss", as she is described
    r"と評"
)
# "was intended to ensure…", "aims to": a purpose, which a claim keeps as one (目的としていた)
_PURPOSE = re.compile(r"\b(?:intend|aim)", re.IGNORECASE)
# (…を制限するためだと説明: "aim to restrict", the purpose as they give it)
_PURPOSE_JA = re.compile(r"目的|意図|趣旨|ねらい|ため(?:だ|です|に|で|と)")
HEDGE_JA = re.compile(
    r"見通し|見込|予定|方針|計画|意向|可能性|かもしれ|恐れ|おそれ|予想|予測|見られ|みられ|検討|"
    r"目指|めざ|狙|構え|だろう|でしょう|模様|公算|懸念|期待|提案|求め|かね(?:な|ま)|得る|うる|推計|"
    # 勧めた, 促した: "suggested he lose weight" recommends, and so does the claim
    r"勧め|促|"
    # とされ, という, と伝え, 報じ: who told it. Not the same as "may", but a claim so worded
    # asserts nothing, and the modal may hedge another clause of the source sentence ("demanded
    # how Andrew, the Queen's third child, could be so sure" for 「…暴行を加えたとされている」: a
    # held-out test draft failed when they stopped counting); べき, はず: "should"
    r"試算|想定|推定|目標|案|つもり|たい|予告|約束|方向|見方|考え|示唆|とされ|という|と伝え|報じ|"
    r"べき|はず|"
    r"(?:は|も)(?:み|見)てい(?:る|ます)|"  # 〜と MacRumors はみています: expects
    r"疑い|疑われ|疑わし|容疑|とみて|可能|見積|思われ|ようだ|ようで|らしい|警告|警鐘|脅|"
    # 力を失ったように見えた, いかがわしくさえ見える: "seemed"; 起きるとすればそこだ: "could"
    r"ように(?:も)?(?:見え|みえ|思え|思わ|感じ|映)|[くに](?:さえ|も)?(?:見え|みえ)|"
    r"とすれば|とすると|としたら|"
    r"へ(?:$|[\s　。、「])|意欲|望|"
    r"予定|でき|予報|可能|"
    # 〜しそうにない, 〜なりそうだ (likely); といえます, ではないか: the writer's own judgement
    r"[いきしちにひみりぎじびえけせてねへめれげぜべぺさ]そう(?:だ|です|な|に|も)|といえ|と言え|"
    r"ではないか|ではないでしょうか|"
    # 〜場合があります, 〜こともあります: "may" (場合 alone is "if"; 〜こともあり、 is "partly as")
    r"場合[がも]あ|こともあ(?!り[、，,])|"
    # 〜ないことがある: "it may not be received" (not 〜たことがある, "has been")
    r"(?<![たっだ])ことがあ|"
    # おそらく, たぶん: "probably" said outright
    r"おそらく|恐らく|たぶん|多分|"
    # 〜するリスクがある, 〜する危険性: "risk losing", "at risk of"
    r"リスク|危険性|"
    # 〜かどうかは見通せない, 不透明, 分からない: "could still pose a problem" told as doubt
    r"かどうか|見通せ|不透明|わからな|分からな|未定|"
    # ほかに犠牲者がいないか調べる: "in search of any other possible victim", asked, not told
    r"[いあが]ないか(?:を|と)?[、,]?[^。]{0,12}?(?:調|確|探|捜|点検|見極|注視)|"
    # 〜になってもおかしくなかった: "could have been", a possibility
    r"[てで]もおかしくな|"
    # 候補に名前が挙がる, 取り沙汰される: "possible", "potential appointees", a name floated
    r"取り沙汰|名前が挙が|候補に挙が|"
    # 〜とする未確認の報道, 臆測が飛び交う: "reportedly", "suggested", told as talk (not 報道官,
    # a spokesperson, nor 報道陣)
    r"(?:と(?:の|する|いう)|未確認の|一部)報道|臆測|憶測|"
    # 噂の段階, 噂がもとに: "may be planning, according to a rumor"; 〜ことがうかがえる: "as
    # indicated by", told as an inference
    r"噂|うわさ|うかがえ|窺え|"
    # a headline's 「…と報道」 ("reportedly"; not と報道官は) and 「…か」
    # (「支持層向けか 米誌が論評」: a question, which asserts nothing)
    r"と報道(?![官陣機各])|[^\sなだ何誰こつ]か(?=[\s　」]|$)"
)


# words of HEDGE_JA that name a thing and hedge no claim: a plan's name (「ドラゴンフライ」計画の
# 探査機, 新工場計画によって), a crime (脅迫した罪), a direction (方向性), and a can-do before the
# noun it describes (節約できる質量; not できるようになった, "made it possible")
_NOT_A_HEDGE = re.compile(
    r"(?<=[一-龥ァ-ヴー」])計画(?=の|によ)|脅迫(?:した|の)?罪|脅迫罪|方向性|できる(?=[一-龥ァ-ヴー])|"
    # ... a should or an ought that describes a noun (確認を行うべき時間, 届くはずの連絡), a
    # weighing or an assumption that does (出資を検討していたゴールドマン, 想定する年間支出): the
    # noun's, not the claim's (dev split: each had hidden a planted drop of the claim's hedge)
    r"べき(?=[一-龥ァ-ヴー])|はずの|(?:検討|想定)(?:する|している|していた|した)(?=[一-龥ァ-ヴー])|"
    # and a thing seen, not supposed (傾向がみられた, 兆しも見られる; とみられる still hedges)
    r"(?<=[がもは])(?:見|み)られ"
)


def keeps_a_hedge(text: str) -> bool:
    """Whether a Japanese claim words a hedge (見通し, 可能性, かもしれない, …), not counting
    those words where they name a thing."""
    return bool(HEDGE_JA.search(_NOT_A_HEDGE.sub("・", text)))


def hedges(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    """A lead sentence anchored to a source sentence that hedges must keep a hedge. Only the
    closest sentence counts (a neighbour's "reportedly" belongs to another clause)."""
    if not anchor.closest or keeps_a_hedge(text):
        return []
    if _QUOTED.search(text) and len(_QUOTED.sub("", text)) <= QUOTED_ALONE:
        # 「…。この勝利が必要だった」と述べた: a quotation says what its words say (the quotes
        # check holds them to the source); a "could" in a clause it leaves out is not dropped
        return []
    if section not in ("lead", "title") and not (
        anchor.recorded or anchor.best >= OUTSIDE_LEAD_SIM
    ):
        return []  # background and analysis are checked only where they restate the source
    if section == "title" and not anchor.firm(section):
        return []  # a headline read loosely against an analyst's "expects" it does not restate
    candidates = anchor.closest if anchor.recorded else anchor.closest[:1]
    # the claim surely restates the sentence: the run recorded it, or it aligns well and is
    # long enough to place
    sure = anchor.recorded or (anchor.best >= HEDGE_SIM and len(text) >= SURE_CHARS)
    for sentence_id in candidates:
        sentence = checker.by_id[sentence_id]
        # a cleft's hedge only in the lead and title: a background sentence may restate the
        # part the cleft describes ("an Irish government caught between…", 難しい立場に置か
        # れています), which no "could" hedges
        word = _main_clause_modal(sentence.text, cleft=section in ("lead", "title"))
        if word is not None and _WEAK.match(word.group(0)) and not sure:
            continue  # "shouldn't panic": only where the claim surely restates it
        if word is not None and _SOFT_MODAL.match(word.group(0)) and _ATTRIBUTED.search(text):
            continue  # "allegedly" kept as someone's account (…と説明した, …によると)
        if word is not None and _PURPOSE.search(word.group(0)) and _PURPOSE_JA.search(text):
            continue  # "was intended to ensure" kept as 〜を目的としていた
        if (
            word is not None
            and _REPORTED.match(text.strip())
            and not in_quotes(sentence.text, word.start())
        ):
            # 劉氏は人民解放軍について「すでに現地にいる」と述べた for '… could be deployed,
            # warning: "They are already there"': the quotation has no hedge to drop
            continue
        if word is not None and restates_another_clause(text, sentence.text, word.start()):
            continue  # "…to “Fifth Terrace”; … “Imola” suggests a sparser take…": not this one
        if word is not None:
            return [_hedge_finding(checker, sentence, word.group(0))]
    return []


# a modal in a relative clause describes the noun before it ("the Incubation Grants program,
# which aims to support…"), not what the sentence reports
_RELATIVE = re.compile(
    # and a clause that names what someone expected ("short of what we were told to expect")
    r"\b(?:which|who|whose|that)\s+(?:\w+\s+){0,2}$|\bwhat(?:'s|’s)?\s+(?:\w+\s+){0,4}$"
    r"|\b(?:told|led|asked)\s+to\s+$",  # "the experience we were told to expect"
    re.IGNORECASE,
)


# … but a cleft sentence's "that" opens what the sentence reports ("It's her NATO-critical
# stance, and opposition to wider European security moves, that could soon be generating the
# most awkward headlines": it could, the claim 「厄介な事態を招く」 drops the hedge), and so does
# "It is clear that prices may rise"; the "it" opens the sentence or its clause
_CLEFT = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+(?:and|but)\s+)[\"“‘']?(?:It|it)(?:'s|’s|\s+is|\s+was|\s+will\s+be)\s+"
    r"[^;:!?]{1,160}?\bthat\s+(?:\w+\s+){0,2}$"
)


# a relative clause opened earlier in the same stretch of the sentence (up to a comma, a
# semicolon, a dash or a bracket): each modal inside it describes the noun, as its first does
_IN_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.IGNORECASE)
_CLAUSE_SO_FAR = re.compile(r"[,;:()–—]|\.(?=\s)")


# … but "that" after a verb of saying or knowing opens what was said, where a modal is the
# speaker's ("sources told Reuters that Russia is unlikely to agree…")
_SAID_THAT = re.compile(
    r"\b(?:said|says|say|told\s+[\w'’.]+(?:\s+[\w'’.]+)?|tells?\s+[\w'’.]+|believes?|believed|"
    r"thinks?|thought|noted|added|argued|claimed|reported|announced|stated|insisted|"
    r"acknowledged|admitted|fears?|feared|concluded|found|shows?|showed|showing|signall?ed|"
    r"cautioned|predicted|estimated|projected|conceded|acknowledging)\s+that\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# "could" in a clause of time, purpose or condition is a past "can" ("until next of kin could
# be told", "if we could have won this game"), and so in an indirect question of means
# ("figuring out how the US could increase purchases")
_TIME_CLAUSE = re.compile(
    r"\b(?:until|till|before|after|once|when|so that|if|how)\s+(?:[\w'’-]+\s+){0,4}$"
    # "accepted the donations so they could look their best": a purpose (so that they could)
    r"|\bso\s+(?:they|he|she|we|I|you)\s+$",
    re.IGNORECASE,
)


# any modal inside an indirect question reports the question, not the thing ("unveiled details of
# how it will seek to…", "asked whether the bank may…"): the claim renders it どう…のか, …かどうか
_QUESTION = re.compile(r"\b(?:how|whether)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
# … and inside a seeming ("Just when it looked as if the rookie might be losing his luster, he
# muted critics"): how things looked, not what the sentence reports
_AS_IF = re.compile(r"\bas\s+(?:if|though)\s+(?:[\w'’.-]+\s+){0,5}$", re.IGNORECASE)


_ARTICLE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_POTENTIAL_NOUN = re.compile(r"\s+(?:of|for)\b|\s*(?:[,.;:)!?]|$)", re.IGNORECASE)
# … and "no (imminent) plans to buy": none, stated as fact
_OWNED = re.compile(
    r"\b(?:its|their|his|her|our|my|your|the|a|new|earlier)\s+$|\bno\s+(?:(?!doubt|longer)\w+\s+)?$",
    re.IGNORECASE,
)


# "is considering", "were still considering": someone weighs a plan
_WEIGHED = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|'s|'re|still|now|also|seriously|actively)\s+$",
    re.IGNORECASE,
)


# the modal of a comparison's "than" clause measures the main claim, it does not hedge it
_COMPARED = re.compile(r"\bthan\b[^,.;:]*$", re.IGNORECASE)


# "the most effective way possible", "the best possible", "as soon as possible", "whenever
# possible": as far as can be, no doubt about what is said
_AS_MUCH_AS = re.compile(
    r"(?:\b(?:most|least|best|worst|greatest|largest|biggest|highest|lowest|fastest|earliest|"
    r"latest|smallest|strongest|widest|cheapest|shortest|longest|quickest|broadest|fullest|"
    r"hardest|simplest|toughest|harshest|closest|deepest|finest|safest|\w+iest)\b[^.,;:]{0,40}|"
    r"\bas\s+\w+(?:\s+\w+)?\s+as\s+|"
    r"\b(?:every|all|whenever|wherever|if|where)\s+)$",
    re.IGNORECASE,
)


# "made possible by", "makes it possible to", "to make the deliveries possible": what enables a
# thing, stated as fact; "as those numbers make it seem": how a thing is made to look
_MADE = re.compile(
    r"\b(?:made|make|makes|making|render(?:s|ed)?)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE
)


# "more likely to dehumanize", "twice as likely to": a comparison of chances, stated as fact
# (a translation says 〜しやすい, no hedge); "most likely" alone is the writer's hedge
# "more likely to", "twice as likely", "the least likely", "the most likely culprit": a ranking
# of chances, stated; "will most likely reopen" still hedges
_MORE_LIKELY = re.compile(r"\b(?:more|less|as|times|least|the\s+most)\s+$", re.IGNORECASE)
# ... but "pushed back to at least late 2020, and more likely 2021" weighs two outcomes: a
# "more likely" with no "to" or "than" after it hedges
_COMPARES = re.compile(r"^\s+(?:to|than|that|if|when|among|in|for)\b", re.IGNORECASE)


# three uses that hedge nothing: "as its name suggests" (it says so), "don't expect your whole
# library to be enhanced" (it won't be), "And should anyone forget that…" (if anyone forgets):
# the words before the modal, and after it
_NOT_HEDGING = {
    "suggests": (re.compile(r"\bas\s+(?:its|the|his|her|their)\s+(?:name|title)\s+$", re.I),
                 re.compile(r"")),
    "expect": (re.compile(r"\b(?:don't|don’t|do\s+not|never)\s+$", re.I), re.compile(r"")),
    "should": (re.compile(r"(?:^|[.;:!?]\s+|\b(?:and|but|or)\s+)$", re.I),
               re.compile(r"^\s+(?:anyone|anybody|someone|you|we|they|he|she|it|there|the|a|an|"
                          r"this|that|these|those)\b", re.I)),
    # "It may have been a straight-sets win but … there was plenty of drama": granted, then
    # the claim (a concession, which the sentence does not doubt)
    "may": (re.compile(r""),
            re.compile(r"^\s+(?:well\s+)?have\s+been\s+(?:a|an)\b[^.;:!?]{0,80}?,?\s+but\b", re.I)),
}  # fmt: skip


def _not_hedging(text: str, word: re.Match[str]) -> bool:
    tests = _NOT_HEDGING.get(word.group(0).lower())
    if tests is None:
        return False
    before, after = text[max(0, word.start() - 40) : word.start()], text[word.end() :]
    return bool(tests[0].search(before) and tests[1].search(after))


def _main_clause_modal(text: str, *, cleft: bool = True) -> re.Match[str] | None:
    for word in MODAL_EN.finditer(text):
        before = text[max(0, word.start() - 40) : word.start()]
        relative = _RELATIVE.search(before) and not _SAID_THAT.search(before)
        in_cleft = cleft and _CLEFT.search(text[: word.start()])
        if (relative and not in_cleft) or _QUESTION.search(before):
            continue
        if _AS_IF.search(before):
            continue
        if _IN_RELATIVE.search(_CLAUSE_SO_FAR.split(text[: word.start()])[-1]) and not (
            _SAID_THAT.search(before)
        ):
            continue  # "…, which they determine could bring a possibly worse…": still in it
        if word.group(0).lower() == "could" and _TIME_CLAUSE.search(before):
            continue
        if word.group(0).lower() in ("could", "might") and _COMPARED.search(
            text[max(0, word.start() - 80) : word.start()]
        ):
            continue  # "faster than even its supporters could have imagined": a measure
        if word.group(0).lower() == "considering" and not _WEIGHED.search(before):
            continue  # "Considering a Mac is meant for…": given that, not a plan weighed
        if word.group(0).lower().startswith("plan") and _OWNED.search(before):
            continue  # "its plans to fight inflation": a noun, what was planned is reported
        if word.group(0).lower() == "potential" and (
            _ARTICLE.search(before) or _POTENTIAL_NOUN.match(text[word.end() :])
        ):
            # "Goldman Sachs, a potential investor": names who, hedges no claim; "the real
            # potential of digital videos": the noun, no hedge
            continue
        if word.group(0).lower() == "possible" and _AS_MUCH_AS.search(before):
            continue  # "the most effective way possible", "as soon as possible": a degree
        if word.group(0).lower() in ("possible", "seem") and _MADE.search(before):
            continue  # "are made possible by systems": enabled, a fact
        if (
            word.group(0).lower() in ("likely", "unlikely")
            and _MORE_LIKELY.search(before)
            and (
                not re.search(r"\b(?:more|less)\s+$", before, re.I)
                or _COMPARES.match(text[word.end() :])
            )
        ):
            continue  # "more likely to dehumanize their targets": a comparison, not a hedge
        if _not_hedging(text, word):
            continue
        return word
    return None


def _hedge_finding(checker: Checker, sentence: SourceSentence, word: str) -> Finding:
    return Finding(
        "hedges",
        False,
        checker.say(
            f"原文（{sentence.id}）は「{word}」と断定を避けていますが、この文は事実として"
            f"書いています — “{cite(sentence)}”",
            f"the source ({sentence.id}) hedges (“{word}”) but this sentence states it as "
            f"fact — “{cite(sentence)}”",
        ),
        source_id=sentence.id,
    )
