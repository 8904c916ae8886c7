"""Round CP (8 unseen drafts of flairNLP/fundus's pages, drafted after round CO's changes and
Turkish reading: Habertürk (in Turkish), elDiario (es), Kommersant (ru), Mexico News Daily, the
Taipei Times, the Portugal News, ORF (de) and Seznam Zprávy (cs); threads in Turkish, Spanish,
Russian, Chinese, Portuguese, German and Czech): 0 must-fix and 36 to verify at first check.
The readings here cleared items to verify, each with its control."""

from __future__ import annotations

from drafter.lang.quantities.foreign import source_quantities
from tests.helpers import figures_found as _found


def test_chinese_numerals_in_words() -> None:
    """A Taiwanese reader's "離蘭嶼其實才一百多公里" is a hundred-odd kilometres (「100キロ
    ちょっと」 was a figure the comment lacks, round CP); "三十公尺", "两千五百人", "百分之五十"
    too. A lone 一 stays a word (一起), and a wrong figure is still no match."""
    comment = "呂宋北邊那些小島離蘭嶼其實才一百多公里而已"
    assert _found("蘭嶼から100キロちょっとしか離れてない", comment, "zh")
    assert not _found("蘭嶼から200キロちょっとしか離れてない", comment, "zh")
    values = [q.value for q in source_quantities("才三十公尺，两千五百人一起去，百分之五十", "zh")]
    assert values == [30, 2500, 50], values


def test_a_turkish_half() -> None:
    """ "yaklaşık yarım saatlik çalışmasıyla söndürüldü": put out in about half an hour (「約30分」
    was a figure the source lacks, round CP); "2 buçuk yıl" is two and a half years."""
    source = "Yangın, ekiplerinin yaklaşık yarım saatlik çalışmasıyla söndürüldü."
    assert _found("火災は消防隊の約30分の作業で消し止められた。", source, "tr")
    assert not _found("火災は消防隊の約1時間の作業で消し止められた。", source, "tr")
    assert _found("2年半続いた。", "Kuraklık 2 buçuk yıl sürdü.", "tr")


def test_a_one_character_rendering_in_a_date_names_nothing() -> None:
    """elDiario's glossary rendered "Luna" (a quoted moon) as 月: every 「5月17日」 then named
    it, and the draft's dates were listed as names their sentences lack (round CP). The moon
    itself is still a mention."""
    from drafter.lang.names import name_mentions

    dated = name_mentions("イスラエル軍は5月17日に始まった攻勢を強めた。", ["月", "イスラエル軍"])
    assert [m.text for m in dated] == ["イスラエル軍"]
    assert [m.text for m in name_mentions("月の裏側を探査した。", ["月"])] == ["月"]
    # ... and in the check of the names a sentence rests on (swaps.py): a date is no "月"
    from drafter.check.claims.swaps import _rendered
    from drafter.models import GlossaryEntry

    moon = GlossaryEntry(source="Moon", target="月")
    assert not _rendered(moon, "攻勢は5月17日に始まった。")
    assert _rendered(moon, "月の裏側を探査した。")
