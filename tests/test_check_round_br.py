"""False alarms from round BR's faithful drafts (8 unseen pages, recorded through `drafter run`),
each with the change a wrong draft makes still caught: an Italian reader's "settimo inning" and
"nel '98" (a must-fix: 「7回」 against the comment's "98"), a spec sheet's "Days Skied: ~12", and
"the same bit set to 1"."""

from __future__ import annotations

import pytest

from drafter.check.claims.hedges import _main_clause_modal
from drafter.lang.quantities import en_quantities, ja_quantities, missing_quantities
from drafter.lang.quantities.foreign import ordinal_values, source_quantities
from tests.test_check_claims import _claim, _reaction_report

_BODY = (
    "Per chi non segue il baseball: al Wrigley durante il settimo inning c'è la tradizione di far "
    "cantare la canzone a un ospite famoso. Dopo la sua morte nel '98 hanno iniziato a chiamare "
    "celebrità a turno."
)


def test_an_ordinal_in_words_and_a_short_year_of_a_comment() -> None:
    """「7回」 (the 7th inning) was held to the comment's "'98", read as 98: must-fix."""
    faithful = "リグレーでは7回に有名人に歌わせる伝統がある。98年に彼が亡くなってから、セレブを順番に呼ぶようになった。"
    claim = _claim(_reaction_report(_BODY, faithful), "リグレーでは")
    assert not claim.fails and not claim.reasons, claim.reasons
    changed = faithful.replace("98年", "89年")
    claim = _claim(_reaction_report(_BODY, changed), "リグレーでは")
    assert claim.fails or claim.reasons, claim.reasons


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("durante il settimo inning", "it", [7]),
        ("pendant la septième manche", "fr", [7]),
        ("im siebten Inning", "de", [7]),
        ("en la séptima entrada", "es", [7]),
        ("no sétimo inning", "pt", [7]),
        ("Achte darauf, dass du pünktlich bist", "de", []),  # achten: to heed
        ("un segundo después", "es", []),  # a second of time, no ordinal read
    ],
)
def test_ordinals_in_words_by_language(text: str, language: str, values: list[int]) -> None:
    assert ordinal_values(text, language) == values


@pytest.mark.parametrize(
    ("text", "language", "year"),
    [("Dopo la sua morte nel '98 hanno", "it", 1998), ("the class of '05 met", "en", 2005)],
)
def test_a_year_written_short_is_that_year(text: str, language: str, year: int) -> None:
    assert [(q.kind, q.value) for q in source_quantities(text, language)] == [("year", year)]


def test_a_short_quotation_of_a_percentage_stays_a_percentage() -> None:
    assert [q.kind for q in en_quantities("he said '98 percent' of them agreed")] == ["percent"]


def test_a_spec_sheets_count_of_days_is_a_span_of_days() -> None:
    """ "Days Skied: ~12" is about twelve days (「約12日間試乗」)."""
    spec = "Test Locations: Crested Butte, CO\nDays Skied: ~12\n[Note: Our review…]"
    assert not missing_quantities(ja_quantities("約12日間試乗した"), en_quantities(spec))
    assert missing_quantities(ja_quantities("約20日間試乗した"), en_quantities(spec))


@pytest.mark.parametrize(
    ("source", "modal"),
    [
        ("None of the values have the same bit set to 1.", None),
        ("The flag is set to true by default.", None),
        ("Prices are set to rise next year.", "set to"),
    ],
)
def test_set_to_a_value_is_no_hedge(source: str, modal: str | None) -> None:
    found = _main_clause_modal(source)
    assert (found.group(0) if found else None) == modal
