"""False alarms from round BQ's faithful drafts (8 unseen pages, recorded through `drafter run`),
each with the change a wrong draft makes still caught: "between 10 and 20 years", an age gap
(「10〜20歳若く」), a converted range in brackets, a thing's purpose ("intended to"), a clause after
a dash, a headline's 「…と報道」 and 「…か」, and an Italian number word that is also a verb."""

from __future__ import annotations

import pytest

from drafter.check.claims.hedge_clauses import restates_another_clause as _restates_another_clause
from drafter.check.claims.hedges import HEDGE_JA, _main_clause_modal
from drafter.lang.quantities import en_quantities, ja_quantities, missing_quantities
from drafter.lang.quantities.foreign import source_quantities
from tests.test_check_claims import _claim, _reaction_report


@pytest.mark.parametrize(
    ("japanese", "english"),
    [
        ("10〜20年の差", "a gap of between 10 and 20 years"),  # was 10 and "20 years"
        (
            "実際より10〜20歳若く感じている",
            "their perceived age is between 10 and 20 years younger",
        ),
        ("5歳年上の兄", "his brother, five years older"),
        # the writer's conversion of a range, in brackets, is no figure of the source
        ("縄の長さは19〜37マイル（約30〜60キロ）にもなる", "lines can be 19 to 37 miles long"),
    ],
)
def test_ranges_and_age_gaps_are_read_as_the_source_writes_them(
    japanese: str, english: str
) -> None:
    assert not missing_quantities(ja_quantities(japanese), en_quantities(english))


@pytest.mark.parametrize(
    ("japanese", "english"),
    [
        ("10〜30年の差", "a gap of between 10 and 20 years"),
        (
            "実際より10〜25歳若く感じている",
            "their perceived age is between 10 and 20 years younger",
        ),
        ("縄の長さは19〜47マイル（約30〜60キロ）にもなる", "lines can be 19 to 37 miles long"),
    ],
)
def test_a_changed_end_of_a_range_is_still_missing(japanese: str, english: str) -> None:
    assert missing_quantities(ja_quantities(japanese), en_quantities(english))


def test_an_age_is_no_span() -> None:
    """「20歳の学生」: an age, as before (only 若い, 年上, 年下 make it a gap of years)."""
    assert [(q.kind, q.unit) for q in ja_quantities("20歳の学生")] == [("number", "歳")]


@pytest.mark.parametrize(
    ("source", "modal"),
    [
        ("It approached a baited line intended to reel in game fish such as tuna.", None),
        ("The rule was intended to curb abuse.", "was intended to"),
        ("She intended to run for office.", "She intended to"),
    ],
)
def test_intended_to_hedges_only_a_plan(source: str, modal: str | None) -> None:
    found = _main_clause_modal(source)
    assert (found.group(0) if found else None) == modal


def test_a_clause_after_a_dash_and_and_is_another_clause() -> None:
    """ "Fox News generates more than $1 billion annually, which accounts for 20 percent of its
    profits — and Rupert worried that perhaps only Ailes could run the network": a claim
    restating the profits drops no "could"."""
    sentence = (
        "Also, Ailes has made the Murdochs a lot of money, as Fox News generates more than $1 "
        "billion annually, which accounts for 20 percent of the parent company's profits — and "
        "Rupert worried that perhaps only Ailes could run the network so successfully."
    )
    claim = "FOXニュースは年間10億ドル以上を稼ぎ出し、親会社の利益の20%を占めています。"
    assert _restates_another_clause(claim, sentence, sentence.index("could"))
    restating = "マードック氏は、エイルズ氏しかネットワークをうまく運営できないと心配していました。"
    assert not _restates_another_clause(restating, sentence, sentence.index("could"))


@pytest.mark.parametrize(
    ("claim", "hedged"),
    [
        ("アップル、米国債の利子6億ドル以上と報道 「海外利益」温存の構図", True),  # reportedly
        ("挑発ツイート、目くらましでなく支持層向けか 米誌が論評", True),  # a question
        ("運輸省の報道官は、使用料が60ドルに上がると述べた。", False),  # a spokesperson
        ("何か 変わった", False),
        ("港湾局、使用料を60ドルに 「負担増」に反発", False),
    ],
)
def test_a_headlines_reportedly_and_question_are_hedges(claim: str, hedged: bool) -> None:
    assert bool(HEDGE_JA.search(claim)) == hedged


def test_an_italian_number_word_that_is_also_a_verb_is_read_before_a_unit() -> None:
    """ "da sei anni" is six years (「6年」); "sei" alone is "you are"."""
    assert [q.value for q in source_quantities("vive negli USA da sei anni", "it")] == [72]
    assert source_quantities("Tu sei bravo, e lo sai", "it") == []
    body = "Da italiano che vive negli USA da sei anni vi dico una cosa impopolare."
    faithful = _claim(
        _reaction_report(body, "アメリカに住んで6年のイタリア人として言わせてもらう。"),
        "アメリカに",
    )
    assert not [r for r in faithful.reasons if "6年" in r], faithful.reasons
    changed = _claim(
        _reaction_report(body, "アメリカに住んで9年のイタリア人として言わせてもらう。"),
        "アメリカに",
    )
    assert [r for r in changed.reasons if "9年" in r], changed.reasons


@pytest.mark.parametrize(
    ("japanese", "english", "agrees"),
    [
        ("44万9000ドル弱", "just short of $449,000", True),
        # "a little under" is no ceiling on any smaller figure: twice the figure, 弱, had
        # agreed with it (held-out dev: the article's other figure swapped in went unseen)
        ("89万8000ドル弱", "just short of $449,000", False),
        ("1000人強", "just over 1,000 people", True),
        ("200人余り", "more than 200 people", True),
        ("1割余り（14%）", "14% of the surface", True),  # 余り: a floor, as before
        ("2日足らず", "less than two days", True),
        ("3割強", "31% of voters", True),
        ("4割弱", "nearly 40% of voters", True),
        ("4割弱", "20% of voters", False),
    ],
)
def test_a_little_over_or_under_stays_near_the_figure(
    japanese: str, english: str, agrees: bool
) -> None:
    assert (not missing_quantities(ja_quantities(japanese), en_quantities(english))) == agrees
