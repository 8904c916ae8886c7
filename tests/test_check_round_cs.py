"""Round CS (8 unseen drafts of flairNLP/fundus's pages, drafted after round CR's changes: The
West Australian, CBC, Malay Mail, Daily Maverick, TimesLIVE, the i, AP and The Washington Post;
threads in English, Arabic and Malay): 0 must-fix and 27 to verify at first check. The
readings here cleared items to verify, or a wrong date the lead was offered, each with its
control."""

from __future__ import annotations

from datetime import date

from drafter.lang.weekdays import weekday_dates
from drafter.models import SourceSentence


def _dates(text: str, dateline: date) -> list[date]:
    return [e.date for e in weekday_dates([SourceSentence(id="S1", text=text)], dateline, "en")]


def test_a_forecasts_weekday_is_the_coming_one() -> None:
    """The Washington Post, a Friday weather story: "could be affected by violent storms Friday
    and/or Saturday", "a Level 3 out of 5 risk of severe weather … on Saturday" and "More
    storms are expected Sunday" were offered the past weekend (20日, 21日) in the lead's date
    table (round CS: the helper worked out 27日 by hand). What was, stays past."""
    friday = date(2024, 4, 26)
    saturday, sunday = date(2024, 4, 27), date(2024, 4, 28)
    assert _dates("Dallas could be affected by violent storms on Saturday.", friday) == [saturday]
    assert _dates(
        "The center has outlined a Level 3 out of 5 risk of severe weather on Saturday.", friday
    ) == [saturday]
    assert _dates("More storms are expected Sunday, but the timing remains uncertain.", friday) == [
        sunday
    ]
    assert _dates("More storms were expected Sunday, but none came.", date(2024, 4, 29)) == [sunday]
    assert _dates("The fire risk rose sharply on Saturday.", friday) == [date(2024, 4, 20)]
    assert _dates("He could not attend on Saturday after the injury.", friday) == [
        date(2024, 4, 20)
    ]


def test_an_arabic_or_hindi_readers_figures_in_words() -> None:
    """An Arabic reader's "أكثر من ٣٩ ألف شهيد" (more than 39 thousand martyrs) rendered
    「3万9000人を超えてる」 and "ثلاثين سنة" (thirty years) 「約30年」, a Hindi reader's "दस साल
    से" (for ten years) 「10年連続」: each was listed as a figure the comment lacks (rounds CR and
    CS: the digits were read, the thousand, the words and the years were not). A changed
    figure is still missing."""
    from drafter.lang.quantities import ja_quantities, missing_quantities
    from drafter.lang.quantities.foreign import source_quantities

    def found(japanese: str, comment: str) -> bool:
        return missing_quantities(ja_quantities(japanese), source_quantities(comment, None)) == []

    arabic = "أكثر من ٣٩ ألف شهيد والوسطاء لسه يتكلمون"
    assert found("殉教者は3万9000人を超えてる。", arabic)
    assert not found("殉教者は4万9000人だ。", arabic)
    assert found("約30年も刑務所にいた。", "قضى تقريبًا ثلاثين سنة في السجون")
    assert not found("約20年も刑務所にいた。", "قضى تقريبًا ثلاثين سنة في السجون")
    assert found("10年連続で1位なのに。", "दस साल से लगातार नंबर वन है")
    assert not found("5年連続で1位なのに。", "दस साल से लगातार नंबर वन है")


def test_joburg_is_johannesburg() -> None:
    """A South African reader's "Implementation is where Joburg goes to die" rendered 「ヨハネス
    ブルグがいつも死ぬのは実行の段階」 had ヨハネスブルグ listed as a name the comment lacks, its
    "Joburg" left out (round CS). Another city of the article is still listed."""
    from tests.helpers import reaction_reasons

    source = "Johannesburg removed traders from De Villiers Street. Durban took another path."
    body = "Writing policy is the easy part. Implementation is where Joburg goes to die."

    glossary = {"Johannesburg": "ヨハネスブルグ", "Durban": "ダーバン"}

    def reasons(translation: str) -> list[str]:
        return reaction_reasons(source, body, glossary, translation)

    said = reasons("政策を書くのは簡単なとこなんだよ。ヨハネスブルグがいつも死ぬのは実行の段階。")
    assert not any("ヨハネスブルグ" in r for r in said), said
    other = reasons("政策を書くのは簡単なとこなんだよ。ダーバンがいつも死ぬのは実行の段階。")
    assert any("ダーバン" in r for r in other), other
