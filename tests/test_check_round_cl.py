"""Round CL (8 unseen drafts of flairNLP/fundus's pages, drafted after round CK's changes: the New
Yorker, the Express, TechRadar, the Namibian, the Lesotho Times, TimesLive, the Times of India and
Metro; threads in English, Portuguese, Korean, Swedish, Hinglish and Italian): 2 must-fix and 29
to verify at first check, both must-fix items one misreading, tested here with its control."""

from __future__ import annotations

from drafter.lang.quantities import ja_quantities, missing_quantities
from drafter.lang.quantities.foreign import source_quantities


def test_a_range_in_words_at_one_scale() -> None:
    """ "would cost one to two billion dollars per year" is 1 to 2 billion (「年10億～20億ドル」):
    the "one" was a bare 1, and 「10億」 must-fix against "thirteen billion" nearby (round CL,
    twice in one draft). 「年1億～20億ドル」 is still no match."""
    source = (
        "Covering Arctic sea ice would cost one to two billion dollars per year; Johnson "
        "estimated that coating glaciers would cost anywhere from one to thirteen billion dollars "
        "per year."
    )
    said = source_quantities(source, "en")
    claim = "費用は年10億～20億ドル、氷河では年10億～130億ドルと見積もられています。"
    assert missing_quantities(ja_quantities(claim), said) == []
    assert missing_quantities(ja_quantities("費用は年1億～20億ドルです。"), said)
    assert sorted(q.value for q in source_quantities("two to three million people", "en")) == [
        2e6,
        3e6,
    ]
