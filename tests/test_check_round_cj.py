"""Round CJ (8 unseen drafts of flairNLP/fundus's news pages: Metro, the LA Times, the Nation,
TechCrunch, the Citizen, Fox News, the Ottawa Citizen and the Financial Post; threads in Swedish,
English, German, Traditional Chinese and French): 2 must-fix and 33 items to verify at first
check, 0 and 27 now. Each false item that a general reading clears is a test here, with a
control that the check still sees the error it guards against."""

from __future__ import annotations

from drafter.check.abbreviations import initials
from drafter.check.claims.polarity import flipped
from drafter.lang.quantities import ja_quantities, missing_quantities
from drafter.lang.quantities.foreign import source_quantities
from tests.test_check_round_cg import reaction_on


def test_a_chinese_readers_months_in_numerals() -> None:
    """ "二月問了七個問題沒答…5月10號前要書面回覆": February in numerals, and the 10th by 號, for
    「2月に7つ質問して」 (round CJ: must-fix against the comment's "5月"); 「3月」 still differs."""
    body = (
        "二月問了七個問題沒答，這次再加五個，5月10號前要書面回覆。去年九月發報告之後，十月才去搜。"
    )
    said = source_quantities(body, "zh")
    assert [(q.kind, q.value) for q in said if q.kind in ("month", "date")] == [
        ("month", 2.0),
        ("date", 510.0),
        ("month", 9.0),
        ("month", 10.0),
    ]
    assert (
        missing_quantities(ja_quantities("2月に7つ質問して、5月10日までに回答を求めた"), said) == []
    )
    assert missing_quantities(ja_quantities("3月に7つ質問した"), said)
    assert [q.kind for q in source_quantities("兩個月", "zh")] != ["month"]


def test_two_thirds_and_the_third_time() -> None:
    """ "almost two-thirds of Republicans … want him to be the party's nominee for the third time
    in a row" for 「3分の2近くが…3回連続の党候補指名を望んでいる」: "two-thirds" was read as a
    two, and 「3回」 must-fix against it (round CJ). Now two-thirds is 66.67% and "the third
    time" three times; 「4回連続」 is still no match."""
    source = (
        "Polls now show that almost two-thirds of Republicans want him to be the party's nominee "
        "for the third time in a row."
    )
    said = source_quantities(source, "en")
    assert sorted((q.kind, round(q.value, 2)) for q in said) == [
        ("number", 3.0),
        ("percent", 66.67),
    ]
    claim = "共和党員の3分の2近くがトランプ氏の3回連続の党候補指名を望んでいる。"
    assert missing_quantities(ja_quantities(claim), said) == []
    assert missing_quantities(ja_quantities("共和党員の約67%が4回連続の指名を望む"), said)
    assert [q.value for q in source_quantities("three-quarters of voters", "en")] == [75.0]


def test_a_few_is_some() -> None:
    """ "Last few years were the same pattern" is no "few" against 「雨が多くなる」 (round CJ:
    listed as an opposite); "Few members came" still is."""
    assert (
        flipped("夏がいつもより雨が多くなる", "wetter summers for us. Last few years were the same")
        is None
    )
    assert flipped("会員が多い", "a few members came") is None
    assert flipped("会員が多い", "Few members came") is not None


def test_initials_of_a_name_with_a_suffix_or_a_numeral() -> None:
    """MLK for Martin Luther King Jr., WWII for World War II (round CJ: both listed as names the
    comment lacked)."""
    assert initials("Martin Luther King Jr.") == "MLK"
    assert initials("World War II") == "WWII"
    assert initials("Powder River Basin") == "PRB"


_COLISEUM = (
    "The Coliseum hosted the Olympics in 1932 and 1984. Martin Luther King Jr. spoke there in "
    "1964. Kenny Washington was the first Black player signed after World War II."
)


def _coliseum(body: str, translation: str) -> list[str]:
    names = [("Olympics", "オリンピック"), ("Martin Luther King Jr.", "キング牧師"),
             ("World War II", "第2次世界大戦"), ("Kenny Washington", "ケニー・ワシントン")]  # fmt: skip
    return reaction_on(_COLISEUM, names, body, translation)[1]


def test_a_readers_initials_and_descriptions() -> None:
    """ "Two Olympics, JFK, MLK, the Pope" for 「五輪2回、ケネディ、キング牧師、ローマ教皇」 and "the
    first Black player … after WWII" for 「第2次世界大戦後に…初の黒人選手」 (round CJ: each
    listed as a name swapped); a name the comment does not give is still listed."""
    assert (
        _coliseum(
            "Two Olympics, JFK accepting the nomination, MLK, the Pope. Not bad for a building.",
            "五輪2回、ケネディの指名受諾、キング牧師、ローマ教皇。建物にしちゃ上出来。",
        )
        == []
    )
    assert (
        _coliseum(
            "Small correction, he was the first Black player signed to the NFL after WWII. Still huge.",
            "訂正すると、第2次世界大戦後にNFLと契約した初の黒人選手ってこと。それでも大きい。",
        )
        == []
    )
    assert _coliseum(
        "Two Olympics, JFK accepting the nomination, MLK, the Pope. Not bad for a building.",
        "五輪2回、ケネディの指名受諾、ケニー・ワシントン、ローマ教皇。建物にしちゃ上出来。",
    )


def test_an_afrikaans_j_is_heard_as_y() -> None:
    """ "The Jukskei comes up FAST" for 「ユクスケイ川は一気に増水する」: a Johannesburg river the
    article does not name, heard in the comment (round CJ: listed as in neither)."""
    reasons = _coliseum(
        "Don't drive through the low-water bridges. The Jukskei comes up FAST. Not worth it.",
        "低水位橋を車で渡るなよ。ユクスケイ川は一気に増水するからな。割に合わないって。",
    )
    assert not any("ユクスケイ" in r for r in reasons), reasons
