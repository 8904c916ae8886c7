"""False must-fix items from round BS's faithful drafts (8 unseen pages, recorded through
`drafter run`), each with the change a wrong draft makes still caught: 「2層構造」 for "bi-level"
held to the sentence's "only three of its kind", and a Portuguese reader's "Sessenta e cinco
dólares" read as 5 dollars; and an Italian "anni ’80 e ’90" (two decades, not the year 1990)."""

from __future__ import annotations

import pytest

from drafter.check.claims.anchor import Anchor
from drafter.check.claims.numbers import numbers
from drafter.check.core import Checker
from drafter.lang.quantities import ja_quantities, missing_quantities
from drafter.lang.quantities.foreign import source_quantities
from tests.helpers import check_inputs
from tests.test_check_claims import _claim, _reaction_report


def _findings(source: str, claim: str) -> list[tuple[bool, str]]:
    checker = Checker(check_inputs(source, f"# t\n\n{claim}"))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.7, recorded=False)
    return [(f.must, f.reason) for f in numbers(checker, "lead", claim, anchor)]


_LOFT = (
    "Inside you'll find a 1,300 square foot bi-level ground unit with loft (only three of its "
    "kind!) that offers a refined industrial aesthetic."
)


def test_a_bi_level_unit_is_of_two_levels() -> None:
    """「2層構造」 for "bi-level" was held to the sentence's "only three of its kind" as a
    must-fix: "bi-level" writes the two now; a changed count still meets the three."""
    assert _findings(_LOFT, "住まいは1,300平方フィートの2層構造の1階住戸だ。") == []
    changed = _findings(_LOFT, "住まいは1,300平方フィートの4層構造の1階住戸だ。")
    assert any(must for must, _ in changed), changed


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Sessenta e cinco dólares em folha seca", "pt", 65),
        ("Sesenta y cinco dólares por una caja", "es", 65),
        ("soixante-cinq euros la boîte", "fr", 65),
        ("vingt et un ans plus tard", "fr", 21),
        ("fünfundsechzig Euro für Tee", "de", 65),
        ("sessantacinque euro per il tè", "it", 65),
        ("ventuno anni dopo", "it", 21),
        ("ottanta euro di tè", "it", 80),  # a number, not the 1980s ("anni Ottanta" is)
    ],
)
def test_compound_numerals_in_words(text: str, language: str, value: int) -> None:
    """The whole numeral: 65 (or 21 years, 252 months), not its units' 5 or 1."""
    said = {q.value for q in source_quantities(text, language)}
    assert said == {value} or said == {value * 12}, said


def test_an_italian_decade_is_named_after_anni() -> None:
    assert [(q.kind, q.value) for q in source_quantities("negli anni Ottanta", "it")] == [
        ("year", 1980)
    ]


def test_a_portuguese_readers_sixty_five_dollars() -> None:
    body = "Sessenta e cinco dólares em folha seca com aromatizante. Isso dá uns R$ 330."
    faithful = _claim(
        _reaction_report(body, "香料つきの乾いた葉っぱに65ドル。だいたい330レアルだぞ。"),
        "香料つき",
    )
    assert not faithful.fails and not faithful.reasons, faithful.reasons
    changed = _claim(
        _reaction_report(body, "香料つきの乾いた葉っぱに75ドル。だいたい330レアルだぞ。"),
        "香料つき",
    )
    assert changed.fails, changed.reasons
    assert not missing_quantities(ja_quantities("65ドル"), source_quantities(body, "pt"))


def test_two_decades_joined_are_two_decades() -> None:
    """ "degli anni ’80" (a curly apostrophe) had been the number 80, and once short years were
    read, "anni ’80 e ’90" the 1980s and the year 1990, a rival to a draft's 1986."""
    said = source_quantities("gli anni ’80 e ’90 sono tornati", "it")
    assert [(q.kind, q.value, q.text) for q in said] == [
        ("year", 1980, "1980s"),
        ("year", 1990, "1990s"),
    ]


def test_a_run_of_decades_in_japanese_is_no_figure() -> None:
    """「80〜90年代」: two decades, as 「70年代」 is one; the 80 had been read as a number."""
    assert ja_quantities("イタリアの80〜90年代ノスタルジー情報サイト") == []
    assert [q.value for q in ja_quantities("80〜90人が集まった")] == [80, 90]


def test_a_number_inside_a_latin_name_the_source_writes_is_the_names() -> None:
    """「Remember 80/90」, the outlet's name: its 80 and 90 are no figures (once the source's
    "anni ’80" was read as a decade, the 90 met the sentence's 17 as a must-fix)."""
    source = "Sono 17 le occasioni da non perdere, dalla Polaroid ai set LEGO."
    claim = "情報サイト「Remember 80/90」は、今週のお買い得品を紹介した。"
    inputs = check_inputs(source, f"# t\n\n{claim}")
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.7, recorded=False)
    unnamed = [f.must for f in numbers(Checker(inputs), "lead", claim, anchor)]
    inputs.article = inputs.article.model_copy(update={"site_name": "Remember 80/90"})
    assert numbers(Checker(inputs), "lead", claim, anchor) == []
    assert True in unnamed, unnamed  # the same figures with no such name: 90 against 17
