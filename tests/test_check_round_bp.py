"""False alarms from round BP's faithful drafts (8 unseen pages, recorded through `drafter run`),
each with the change a wrong draft makes still caught: a score beside a numbered week, a modal
inside "as if", a comment's figure at the scale it wrote once, English number words that make
one figure, a decade written '80s, a range joined by "or" in another language, a name's number
and a problem's name, and two Japanese hedges."""

from __future__ import annotations

import pytest

from drafter.check.claims.anchor import Anchor
from drafter.check.claims.hedges import HEDGE_JA, _main_clause_modal
from drafter.check.claims.numbers import numbers
from drafter.check.claims.records import en_pairs
from drafter.check.core import Checker, check
from drafter.lang.quantities import en_quantities, ja_quantities, missing_quantities
from drafter.lang.quantities.foreign import source_quantities
from tests.helpers import check_inputs
from tests.test_check_claims import _claim, _reaction_report


def test_a_score_before_a_numbered_week_is_a_score() -> None:
    """ "a 26–20 Week 15 win": "Week 15" names the week, it is no unit of the pair (the pair was
    dropped and the passing line "32-for-36" taken for the game's score: a false must-fix)."""
    text = "He went 32-for-36 in a 26–20 Week 15 win over the Buccaneers."
    assert list(en_pairs(text)) == [(32, 36), (26, 20)]
    assert list(en_pairs("It takes 10-15 weeks to heal.")) == []  # a range of weeks still


@pytest.mark.parametrize(
    ("source", "modal"),
    [
        (
            "Just when it looked as if the rookie might be losing his luster, he muted critics "
            "with a 26-20 win.",
            None,
        ),
        ("It felt as though the deal could collapse, but it held.", None),
        ("The rookie might lose his starting job, it looked as if.", "might"),
    ],
)
def test_a_modal_inside_as_if_is_how_things_looked(source: str, modal: str | None) -> None:
    found = _main_clause_modal(source)
    assert (found.group(0) if found else None) == modal


@pytest.mark.parametrize(
    "claim",
    [
        "傍受された通信が10年後に解読されれば、危険な事態を招きかねません。",  # "could"
        "人そのものを褒めても受け入れられないことがあります。",  # "it may not be received"
    ],
)
def test_japanese_hedges_of_possibility(claim: str) -> None:
    assert HEDGE_JA.search(claim)


def test_having_done_something_is_no_hedge() -> None:
    assert not HEDGE_JA.search("同氏は以前にもこの球場を訪れたことがある。")


def _reaction_reasons(body: str, translation: str) -> tuple[bool, list[str]]:
    claim = _claim(_reaction_report(body, translation), translation[:6])
    return claim.fails, claim.reasons


def test_a_bare_number_after_a_figure_in_millions_is_at_that_scale() -> None:
    """ "under a million … at least three": three million (「300万」), not 3."""
    body = "She'd have hated that it's under a million. Zsa Zsa would have wanted at least three."
    fails, reasons = _reaction_reasons(
        body, "100万ドルを切ってるなんて。最低でも300万は欲しがったはず。"
    )
    assert not fails and not [r for r in reasons if "300万" in r], reasons
    fails, reasons = _reaction_reasons(
        body, "100万ドルを切ってるなんて。最低でも500万は欲しがったはず。"
    )
    assert fails, reasons


def test_a_number_read_at_a_scale_is_no_rival_to_another_figure() -> None:
    """The reading at the scale only matches: "5 qubits … 60 million" makes 5 million no rival
    that turns the translation's 「1000」 (the article's figure) into a must-fix."""
    body = "60 million a year is nothing. The public state of the art is IBM with 5 qubits."
    fails, reasons = _reaction_reasons(
        body,
        "年6000万なんて微々たるもんだ。公開されてる最先端はIBMの5量子ビットで、1000には程遠い。",
    )
    assert not fails, reasons


@pytest.mark.parametrize(
    ("japanese", "english"),
    [
        ("768ビットの鍵", "a key that is seven hundred and sixty-eight bits long"),
        ("150人が集まった", "a hundred and fifty people gathered"),
        ("全長1200マイルの光ファイバー", "a twelve-hundred-mile fibre-optic backbone"),
        ("1200マイル", "one thousand two hundred miles"),
        # the scale and the currency written once, for both ends
        ("3000億〜5000億ドルの対策", "three hundred to five hundred billion dollars in action"),
        ("1980年代初めのバンド", "the early '80s band, Marine Girls"),
    ],
)
def test_english_number_words_that_make_one_figure(japanese: str, english: str) -> None:
    assert not missing_quantities(ja_quantities(japanese), en_quantities(english))


@pytest.mark.parametrize(
    ("japanese", "english"),
    [
        ("700ビットの鍵", "a key that is seven hundred and sixty-eight bits long"),
        ("100人が集まった", "a hundred and fifty people gathered"),  # was read as 100 and 50
        ("50人が集まった", "a hundred and fifty people gathered"),
        ("1990年代初めのバンド", "the early '80s band, Marine Girls"),
    ],
)
def test_a_part_of_one_figure_in_words_is_no_figure_of_it(japanese: str, english: str) -> None:
    assert missing_quantities(ja_quantities(japanese), en_quantities(english))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("en dos o tres años Berlanti", "es"),
        ("in zwei oder drei Jahren", "de"),
        ("dans deux ou trois ans", "fr"),
        ("em dois ou três anos", "pt"),
        ("fra due o tre anni", "it"),
    ],
)
def test_two_or_three_years_in_other_languages_is_both_in_years(text: str, language: str) -> None:
    said = source_quantities(text, language)
    assert not missing_quantities(ja_quantities("2〜3年後には"), said), said
    assert missing_quantities(ja_quantities("4〜5年後には"), said)


def test_a_problems_name_is_no_year() -> None:
    assert ja_quantities("この2000年問題になぞらえた") == []
    assert [q.value for q in ja_quantities("2000年に問題が起きた")] == [2000]


def _numbers(source: str, claim: str, site: str | None = None) -> list[str]:
    inputs = check_inputs(source, f"# t\n\n{claim}")
    if site:
        inputs.article = inputs.article.model_copy(update={"site_name": site})
    checker = Checker(inputs)
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.6, recorded=False)
    return [f.reason for f in numbers(checker, "lead", claim, anchor)]


def test_digits_written_onto_a_name_are_the_names() -> None:
    """「リファイナリー29」 for the outlet refinery29.com: no figure to find; a count after
    katakana with its counter (「メンバー5人」) still is one."""
    source = "The site asked six graphic artists to design holiday tees this year."
    claim = "リファイナリー29によると、6人のアーティストがTシャツをデザインした。"
    assert _numbers(source, claim, site="refinery29.com") == []
    assert _numbers(source, claim) != []  # no such name in the source: the 29 is listed
    counted = "リファイナリー29によると、メンバー5人がTシャツをデザインした。"
    assert any("5人" in r for r in _numbers(source, counted, site="refinery29.com"))


def test_round_bp_score_draft_passes_and_a_changed_score_fails() -> None:
    """The whole check on the SI draft's sentence: the score is the source's, the "might" is
    the pundits'."""
    source = (
        "Just when it looked as if rookie QB Dak Prescott might be losing his luster, with "
        "pundits pounding the drums for a change, the 23-year-old muted critics with a "
        "32-for-36, zero-pick masterpiece in a 26–20 Week 15 win over the Buccaneers."
    )
    lead = (
        "プレスコットは第15週のバッカニアーズ戦で36回中32回のパスを成功させ、26対20の勝利に導いた。"
    )
    report = check(check_inputs(source, f"# t\n\nニュース\n\n{lead}\n"))
    assert not [c for c in report.claims if c.fails or c.reasons], report.claims
    changed = check(
        check_inputs(source, f"# t\n\nニュース\n\n{lead.replace('26対20', '27対20')}\n")
    )
    assert [c for c in changed.claims if c.fails]
