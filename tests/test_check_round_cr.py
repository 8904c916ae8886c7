"""Round CR (8 unseen drafts of flairNLP/fundus's pages, drafted after round CQ's changes: Nine,
the Ottawa Citizen, TechRadar, The Citizen, The Times of India, the Lesotho Times, TechCrunch and
Global News; threads in English, French, German, Spanish and Hindi): 0 must-fix and 23 to verify
at first check. The readings here cleared items to verify, each with its control."""

from __future__ import annotations

from drafter.check.core import check
from drafter.models import GlossaryEntry
from tests.test_check_round_cg import _hedge_findings


def test_hope_given_to_someone_is_no_hedge() -> None:
    """ "World Vision Lesotho previously brought hope to the villages by erecting a borehole"
    for 「…が井戸を設けていました」 was asked for its hedge ("hope to", round CR): the noun,
    given to the villages. "The charity hopes to build a borehole" still hedges."""
    given = (
        "World Vision Lesotho previously brought hope to the villages by erecting a borehole "
        "to provide clean water."
    )
    claim = "ワールド・ビジョン・レソトは以前、村々に清潔な水のための井戸を設けました。"
    assert _hedge_findings(given, claim) == []
    hoped = "World Vision Lesotho hopes to erect a borehole to provide clean water to the villages."
    assert _hedge_findings(hoped, claim)


def test_a_mosotho_is_from_lesotho() -> None:
    """ "The lease was originally given to a Mosotho guy from Maseru in 2014" rendered 「もとは
    2014年にマセルのレソト人に与えられて」 had 「レソト」 listed as a name the comment lacks and
    its "Mosotho" as left out (round CR): southern Africa's peoples are named by a prefix
    (Mosotho, Basotho; Motswana, Batswana) that no ear matches to the country. Another country
    of the article, which the comment does not name, is still listed."""
    from tests.helpers import reaction_reasons

    source = (
        "Residents of five villages in Lesotho say blasting has cracked their homes. The "
        "company also runs a quarry across the border in Botswana."
    )
    body = (
        "Not to defend anyone here, but the lease was originally given to a Mosotho guy in "
        "2014 who subleased it and then sold it to the company."
    )

    glossary = {"Lesotho": "レソト", "Botswana": "ボツワナ"}

    def reasons(translation: str) -> list[str]:
        return reaction_reasons(source, body, glossary, translation)

    said = reasons(
        "誰かをかばうつもりはないけど、リースはもともと2014年にレソト人に与えられて、"
        "そいつが又貸ししたあとで会社に売ったんだ。"
    )
    assert not any("レソト" in r for r in said), said
    other = reasons(
        "誰かをかばうつもりはないけど、リースはもともと2014年にボツワナ人に与えられて、"
        "そいつが又貸ししたあとで会社に売ったんだ。"
    )
    assert any("ボツワナ" in r for r in other), other


def test_a_person_called_by_another_part_of_the_full_name_is_the_same_person() -> None:
    """ "Principal Chief Lesaoana promised to respond but did not do so" for 「大首長のペーテ氏は
    回答すると約束しながら応じず」: the glossary gives "Peete Lesaoana Peete", and Peete and
    Lesaoana each; ペーテ was listed as a name the sentence lacks, the sentence naming
    "Principal Chief" (round CR). Someone else of the article put there is still listed."""
    from drafter.lang.text import normalize
    from tests.helpers import check_inputs

    source = (
        "Former councillor Seabata Moeketsi said the lease was renewed without consultation. "
        "The mine has operated for four years. Trucks leave the site every hour. "
        "Villagers say their chief, Peete Lesaoana Peete, takes bribes from the mine. "
        "Dust covers the fields near the road. The borehole runs dry within days. "
        "He added that he reported the grievances to the Berea District Administrator. "
        "Principal Chief Lesaoana promised to respond but did not do so."
    )
    glossary = [
        GlossaryEntry(source=s, target=t)
        for s, t in (("Peete Lesaoana Peete", "ペーテ・レサオアナ・ペーテ"), ("Peete", "ペーテ"),
                     ("Lesaoana", "レサオアナ"), ("Seabata Moeketsi", "セアバタ・モエケツィ"),
                     ("Moeketsi", "モエケツィ"))
    ]  # fmt: skip

    def reasons(claim: str) -> list[str]:
        inputs = check_inputs(source, f"# t\n\nニュース\n\n{claim}\n")
        inputs.glossary = glossary
        inputs.recorded_evidence = {normalize(claim): ["S8"]}
        return [r for c in check(inputs).claims if c.section == "lead" for r in c.reasons]

    same = reasons("大首長のペーテ氏は回答すると約束したが、その後も応じなかった。")
    assert not any("ペーテ" in r for r in same), same
    other = reasons("元議員のモエケツィ氏は回答すると約束したが、その後も応じなかった。")
    assert any("モエケツィ" in r for r in other), other


def test_a_plan_told_in_the_past_perfect_is_about_a_day_come() -> None:
    """Global News, a Sunday story: "Russia had vowed to strike back for an attack Friday" gave
    29日（金） in the lead's date table, a week after the dateline, where S14's "on Friday" gave
    22日 (round CR). A plan told from before the dateline ("had vowed to", "had planned to") is
    about a day already come; "has vowed to strike back on Friday" is still the coming one."""
    from datetime import date

    from drafter.lang.weekdays import weekday_dates
    from drafter.models import SourceSentence

    sunday = date(2026, 5, 24)
    told = [SourceSentence(id="S11", text="Russia had vowed to strike back for an attack Friday")]
    assert [e.date for e in weekday_dates(told, sunday, "en")] == [date(2026, 5, 22)]
    coming = [SourceSentence(id="S11", text="Russia has vowed to strike back on Friday.")]
    assert [e.date for e in weekday_dates(coming, sunday, "en")] == [date(2026, 5, 29)]
