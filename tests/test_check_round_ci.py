"""Round CI (8 unseen drafts of flairNLP/fundus's news pages: the Evening Standard, the Globe and
Mail, the Times of India, Daily Maverick, the i, CNBC, the Intercept and the BBC; threads in German,
French, English, Afrikaans, Spanish, Arabic and Italian): 0 must-fix and 15 items to verify at
first check, 12 now. And the quotation check's first reading of sense: a word of a quotation
turned into its opposite (「最低の決断」 for "the best decision"), which the encoder cannot tell
from the speaker's words (planted quotation changes on 24 recorded round drafts: 0 of 35 flagged
at any level before)."""

from __future__ import annotations

from drafter.check.claims import Anchor, hedges
from drafter.check.claims.polarity import flipped
from drafter.check.claims.quotes import quotes
from drafter.check.core import Checker
from drafter.check.quoted import quoted_spans
from tests.helpers import check_inputs
from tests.test_check_round_bt import _reaction

# ---------------------------------------------------------------- quotations


def test_a_quotation_running_on_past_its_paragraph() -> None:
    """ "The sexy sells," added Baker. "The upside sells. — the second runs on into the next
    paragraph, as typesetting leaves it; three straight marks in the paragraph had read as
    none (round CI). A stray inch mark still pairs nothing."""
    text = (
        '"The sexy sells," added Baker, a member of the council. "The upside sells.\n'
        '"But folks don\'t talk about the downside," he added.\n'
        'He is 5\'10" tall and said "hello there friends" today.'
    )
    spans = quoted_spans(text)
    assert "The sexy sells," in spans
    assert "The upside sells." in spans
    assert "The sexy sells, The upside sells. But folks don't talk about the downside," in spans
    assert not any("hello" in s for s in spans)


def _quote_findings(
    source: str, claim: str, section: str = "lead", rests_on: str = "S1"
) -> list[tuple[bool, str]]:
    checker = Checker(check_inputs(source, f"# t\n\n{claim}"))
    anchor = Anchor(ids=[rests_on], closest=[rests_on], best=0.7, recorded=True)
    return [(f.must, f.reason) for f in quotes(checker, section, claim, anchor)]


_BAKER = (
    '"The sexy sells," added Baker, a member of the council. "The upside sells.\n'
    '"But folks don\'t talk about the downside," he added.\n'
    "Crypto prices fell sharply last year."
)


def test_a_speaker_quoted_across_three_sentences() -> None:
    """「魅力的なものが売れる。値上がりの話が売れる。でも、みんな下落の話はしない」 renders three
    quotations in a row (round CI: listed as no one's words, 0.33 to the closest alone)."""
    claim = "同氏は「魅力的なものが売れる。値上がりの話が売れる。でも、みんな下落の話はしない」と語っています。"
    assert _quote_findings(_BAKER, claim, "background") == []
    invented = "同氏は「暗号資産は必ず値上がりする。今すぐ全財産を投じるべきだ。迷う理由はない」と語っています。"
    assert _quote_findings(_BAKER, invented, "background")


_JAYNE = (
    'Jayne said the surgery was "the best decision of my life." '
    'Al Saud said: "Choosing him from the stance of Palestine is a good choice." '
    'Another said "it is not the best time to talk."'
)


def test_a_word_of_a_quotation_turned_into_its_opposite() -> None:
    """「人生で最低の決断だった」 for "the best decision of my life": must fix; the faithful
    「最高の決断」 passes; a negation on either side leaves the pair unread."""
    claim = "ジェインさんは手術について「人生で最低の決断だった」と述べた。"
    found = _quote_findings(_JAYNE, claim)
    assert [must for must, _ in found] == [True], found
    assert "best" in found[0][1]
    assert (
        _quote_findings(_JAYNE, "ジェインさんは手術について「人生で最高の決断だった」と述べた。")
        == []
    )
    # a negation leaves the pair unread (no must-fix), and the quotation negated where her
    # words are not is listed to verify (claims/negation.py, round DE)
    negated = _quote_findings(
        _JAYNE, "ジェインさんは手術について「人生で最低の決断ではなかった」と述べた。"
    )
    assert [must for must, _ in negated] == [False], negated
    assert "否定" in negated[0][1]


def test_a_short_phrase_in_brackets_keeps_its_sense() -> None:
    """「悪い選択」だと評価 for "is a good choice" in the quotation the claim rests on: no one's
    words by the quotes check's own reading (short, no verb of speech after it), yet a sense
    turned over (round CI's planted change, unflagged)."""
    claim = "アル・サウド氏は、パレスチナの立場からは「悪い選択」だと評価しました。"
    found = _quote_findings(_JAYNE, claim, "background", "S2")
    assert [must for must, _ in found] == [True], found
    kept = "アル・サウド氏は、パレスチナの立場からは「良い選択」だと評価しました。"
    assert _quote_findings(_JAYNE, kept, "background", "S2") == []


def test_the_pairs_of_opposites() -> None:
    """Each side read by its own words: a pole that both texts say, or a negation on either,
    is no contradiction."""
    assert flipped("交渉は実現不可能だ", "exceedingly hard, but doable") is not None
    assert flipped("勝利への道は極めて困難だが、実現可能だ", "exceedingly hard, but doable") is None
    assert (
        flipped("大敗北をお祝いしたい", "on their massive Birthright Citizenship WIN!") is not None
    )
    assert flipped("何が安全なのか", "What is dangerous about a tweet") is not None
    assert flipped("何が危険なのか", "What is dangerous about a tweet") is None
    assert flipped("容認できない", "unacceptable") is None  # negated: unread
    assert flipped("最高裁の判断は誤りだ", "the court was right") is not None
    assert flipped("最高裁の判断だ", "the worst ruling") is None  # 最高裁: the court, no "best"
    assert flipped("安全ではない", "it is dangerous") is None
    assert flipped("良い選択", "a good choice, not a bad one") is None


# ---------------------------------------------------------------- figures and hedges


def test_an_arabic_readers_day_of_the_month() -> None:
    """ "قبل 7 أكتوبر" (before October 7): the day in digits, the month in a language the check
    does not read, for 「10月7日」 (round CI: listed as no figure of the comment); another day
    is still listed."""
    body = "صح، وحتى في يونيو 2023 كتب إنه راح يكمل عقده للآخر. يعني الندم كان موجود قبل 7 أكتوبر بكثير."
    _, reasons = _reaction(
        body,
        "2023年6月の時点でも契約は最後まで勤めるって書いてた。後悔は10月7日よりずっと前からあった。",
    )
    assert not any("10月7日" in r for r in reasons), reasons
    _, reasons = _reaction(
        body,
        "2023年6月の時点でも契約は最後まで勤めるって書いてた。後悔は10月8日よりずっと前からあった。",
    )
    assert any("10月8日" in r for r in reasons), reasons


def test_an_aim_kept_as_the_reason_given() -> None:
    """ "Countries … have employed national firewalls for years, which they say aim to …" for
    「…制限するためだと説明しています」: the purpose as they give it (round CI)."""
    source = (
        "National firewalls in China and Russia aim to identify and restrict sources of propaganda."
    )
    checker = Checker(check_inputs(source, "# t\n\nx"))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.8, recorded=True)
    kept = "中国やロシアの国家規模のファイアウォールは、プロパガンダの発信源を制限するためだと説明されています。"
    assert hedges(checker, "lead", kept, anchor) == []
    told = (
        "中国やロシアの国家規模のファイアウォールは、プロパガンダの発信源を特定し制限しています。"
    )
    assert hedges(checker, "lead", told, anchor)


def test_a_reaction_turned_into_its_opposite_is_listed() -> None:
    """ "the best decision of her life" rendered 「人生最低の決断」: listed for the editor (a
    casual rendering may turn a phrase around, so never must-fix); "from start to finish" and
    "at least" (少なくとも) are no opposites of anything."""
    body = "Honestly calling it the best decision of her life after two years is a bit early."
    fails, reasons = _reaction(body, "2年で「人生最高の決断」って言うのはちょっと早い気がする。")
    assert reasons == [], reasons
    fails, reasons = _reaction(body, "2年で「人生最低の決断」って言うのはちょっと早い気がする。")
    assert not fails and any("best" in r for r in reasons), reasons
    fails, reasons = _reaction(
        "Only 63 days? That's a whole campaign from start to finish in most countries.",
        "たった63日？ほとんどの国なら選挙戦が丸ごと終わるぞ。",
    )
    assert reasons == [], reasons


def test_opposites_are_read_only_within_one_thought() -> None:
    """Two faithful held-out dev drafts failed once polarity.py came in: a quotation of three
    sentences (「…4年連続で下落し…上抜けたところだ」) against a speech whose last sentence
    says "a very nice higher high", and a phrase of reported speech (「可能性は低い」) on a
    loose alignment with a neighbour's quotation ("…cannot provide that much to incentivize
    stocks any higher"). A quotation of several sentences, a span of a whole speech, a phrase
    on a loose anchor, and "cannot" (a negation) leave the pair unread."""
    source = (
        '"It was down for four straight years, down well over 60%, and the rally has only just '
        "recently broken above that multiyear trend line. If it can break above $13.60, that "
        'will follow that upward break with a very nice higher high," Maley said.'
    )
    claim = "マリー氏は「4年連続で下落し、下落率は60%を大きく上回った。最近になってようやくトレンドラインを上抜けた」と指摘した。"
    assert _quote_findings(source, claim) == []
    neighbour = (
        '"Central banks cannot provide that much to incentivize stocks any higher," Perez said.'
    )
    phrase = "ただ、「追加減産に同意する可能性は低い」というのは関係筋の見立てにすぎません。"
    checker = Checker(check_inputs(neighbour, f"# t\n\n{phrase}"))
    loose = Anchor(ids=["S1"], closest=["S1"], best=0.3, recorded=False)
    assert quotes(checker, "analysis", phrase, loose) == []
    assert flipped("株価は低い", "cannot push stocks any higher") is None
