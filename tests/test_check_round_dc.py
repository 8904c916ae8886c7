"""Round DC (8 unseen drafts of flairNLP/fundus's pages, drafted after round DB's changes:
Tagesschau (German), Voice of America (AP copy), VnExpress (Vietnamese), Dainik Bhaskar
(Hindi), LBCI (Arabic), Isolezwe (isiZulu), El País and CBC; threads in German, Spanish,
Vietnamese, Hindi, English, Polish and French). No draft had a must-fix item at first check;
these are the general readings that cleared items to verify."""

from __future__ import annotations

import pytest

from drafter.lang.quantities.foreign import source_quantities
from tests.helpers import figures_found as _found


@pytest.mark.parametrize(
    ("japanese", "spanish", "found"),
    [
        # a Mexican reader groups thousands with a comma, as English does
        ("保育園が月2000ドル", "Pagamos 2,000 dólares al mes por la guardería.", True),
        ("月1600ドルも取られない", "No te cobran 1,600 dólares al mes.", True),
        ("2万5000人が集まった", "Se juntaron unas 25,000 personas.", True),
        # Spain's decimal comma is still a decimal comma, and its dot still groups
        ("250万ユーロ", "Costó 2,5 millones de euros.", True),
        ("25億ユーロ", "Costó 2.500 millones de euros.", True),
        ("0.125グラム", "Apenas 0,125 gramos.", True),
        ("2ドル", "Pagamos 2,000 dólares al mes.", False),
    ],
)
def test_a_spanish_comma_before_three_digits_groups_thousands(
    japanese: str, spanish: str, found: bool
) -> None:
    """A Mexican reader's "2,000 dólares al mes" had been read as 2.000 dollars, and its faithful
    「月2000ドル」 was listed as a figure the comment does not have (round DC)."""
    assert _found(japanese, spanish, "es") is found


def test_a_vietnamese_readers_figures_are_read_with_its_decimal_comma_and_scales() -> None:
    """A VnExpress reader's "5,6 ca trên 1 triệu dân" and "100.000 dân" were read as English
    (5 and 6, 1, and 100.0): 「100万人あたり5.6人」 and 「10万人」 were listed (round DC).
    Vietnamese is told by its letters, its figures read with a decimal comma and its scales."""
    from drafter.sources.language import detect_language

    comment = "Nhưng mà tổng thể thì vẫn hiếm nhé, 5,6 ca trên 1 triệu dân mỗi năm thôi."
    assert detect_language(comment) == "vi"
    assert _found("100万人あたり5.6人", comment, "vi")
    assert _found("10万人あたり", "Bài viết ghi 100.000 dân chứ không phải 1 triệu.", "vi")
    assert not _found("10万人あたり6.5人", comment, "vi")
    # an English sentence that names a Vietnamese leader stays English
    assert detect_language("Hanoi's leader Nguyễn Phú Trọng met the delegation on Tuesday.") == "en"


def test_suspected_is_kept_as_a_suspicion() -> None:
    """The source's "people suspected of collaborating with Israel" became 「協力が疑われる
    人物」, and the background sentence was listed as stating the suspicion as fact (round
    DC)."""
    from drafter.check.claims.hedges import keeps_a_hedge

    assert keeps_a_hedge("シンワル氏はイスラエルへの協力が疑われる人物を追い詰めてきた。")
    assert keeps_a_hedge("関与が疑わしい人物として名前が挙がった。")
    assert not keeps_a_hedge("シンワル氏はイスラエルに協力した人物を追い詰めてきた。")


def test_a_hindi_pages_months_and_one_lakh_are_read() -> None:
    """Dainik Bhaskar's "1 सितंबर की रात" and "एक लाख रुपए" (one lakh rupees) were not read: a
    faithful 「9月1日の夜」 and 「10万ルピー」 were listed (round DC). एक alone is still "a"."""
    assert _found("9月1日の夜", "1 सितंबर की रात हुई थी चोरी", "hi")
    assert _found("現金10万ルピー", "बदमाशों ने एक लाख रुपए नगद चुरा लिए।", "hi")
    assert not _found("9月2日の夜", "1 सितंबर की रात हुई थी चोरी", "hi")
    assert [q.value for q in source_quantities("एक आदमी ने कहा", "hi")] == []


def test_an_exact_figure_finer_than_a_round_one_renders_no_bound() -> None:
    """「2360人」 (a changed 1,180 planted into round CZ's Nature lead) passed as "more than
    2,000 staff": any value up to a quarter past a floor rendered it. An exact figure of three
    significant digits or more renders none; round or approximate ones still do."""
    source = "The university had more than 2,000 staff members and 450,000 books at most."
    assert not _found("2360人", source, "en")
    assert _found("2000人", source, "en") and _found("約2000人", source, "en")
    assert _found("2000人超", source, "en") and _found("約45万冊", source, "en")
    assert _found("2500人", "More than 2,000 staff members left.", "en")  # a round figure
