"""A source that is not in English: its sentences, figures, dates and quotations read the way its
language writes them, so a faithful Japanese draft of a German, Portuguese, Russian or Korean
story is not failed for 「19.99ユーロ」 ("19,99 Euro") and a changed figure still is.

The sources here are written for these tests (a made-up port story in several languages).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.check.core import check
from drafter.check.quoted import quoted_spans
from drafter.cli import app
from drafter.lang.quantities import ja_quantities, same_value
from drafter.lang.quantities.foreign import source_quantities
from drafter.lang.text import split_sentences
from drafter.models import Comment, CommentThread
from tests.helpers import check_inputs

# ---- the pieces: figures as each language writes them ----


@pytest.mark.parametrize(
    ("language", "source", "japanese"),
    [
        ("de", "Der Umbau kostet 1,5 Milliarden Euro.", "15億ユーロ"),
        ("de", "Ein Stellplatz kostet 19,99 Euro pro Tag.", "19.99ユーロ"),
        ("de", "Mehr als 40.000 Container wurden umgeschlagen.", "4万個"),
        ("de", "Das sind 12,5 Prozent mehr.", "12.5%"),
        ("de", "Die Arbeiten dauern etwa 18 Monate.", "約18か月"),
        ("de", "Die Messe findet am 12. September 2018 statt.", "9月12日"),
        ("de", "Die Messe läuft vom 20. bis 22. Oktober.", "10月22日"),
        ("de", "Die Messe läuft vom 20. bis 22. Oktober.", "3日間"),
        ("de", "Die Behörde plant das seit Ende April.", "4月"),
        ("de", "Das Projekt kostete über eine Milliarde Euro.", "10億ユーロ"),
        ("de", "Vor zehn Jahren begann der Bau.", "10年"),
        ("de", "Der Bau dauerte ein Jahr.", "1年"),
        ("pt", "O prejuízo foi de R$ 2.500,00.", "2500レアル"),
        ("pt", "O fato ocorreu em 05/10/2018.", "10月5日"),
        ("pt", "Dois dos cinco carros foram arrombados.", "5台"),
        ("pt", "O evento será em 5 de outubro de 2018.", "2018年10月5日"),
        ("it", "Il cofanetto costa 19,99 euro.", "19.99ユーロ"),
        ("it", "La serie è nata negli anni '80.", "1980年代"),
        ("ru", "Ей исполнилось 53 года.", "53歳"),
        ("ru", "Ущерб составил 1,5 млн рублей.", "150万ルーブル"),
        ("ru", "В порту работают 40 000 человек.", "4万人"),
        ("ru", "Выставка открылась 12 сентября 2018 года.", "9月12日"),
        ("ko", "3억 원을 받았다.", "3億ウォン"),
        # Korean spacing parts a figure at each scale (round AP: 1억 5,700만 달러 read as
        # 5,700万ドル against a faithful 1億5700万ドル)
        ("ko", "예산이 1억 5,700만 달러 늘었다.", "1億5700万ドル"),
        ("ko", "관중 3만 5천 명이 모였다.", "3万5000人"),
        ("ko", "10만 명 이상이 봤다.", "10万人以上"),
        ("ko", "2018년 8월 25일 공개했다.", "8月25日"),
        ("ko", "두 달 전 쯤 만났다.", "2か月"),
        ("ko", "일주일만에 헤어졌다.", "1週間"),
        ("zh", "损失达1.5亿美元。", "1億5000万ドル"),
        ("zh", "约3000名工人参加。", "約3000人"),
        ("zh", "约3成的工人参加。", "約3割"),
        ("pt", "Ficaram quase dois meses e meio sem corrida.", "2か月半"),
        ("de", "Die Pause dauert zweieinhalb Monate.", "2か月半"),
        ("pt", "Uma criança de 6 anos lê devagar.", "6歳"),
        ("ru", "В течение двух первых недель нельзя есть хлеб.", "2週間"),
        ("es", "Durante los dos primeros meses no hubo clases.", "2か月"),
        ("de", "Die Bahn plant einen 30-Minuten-Takt.", "30分間隔"),  # a compound's figure
        ("de", "Auf Nebenstrecken fährt einer im Zwei-Stunden-Rhythmus.", "2時間に1本"),
        ("de", "Er kommt in sechseinhalb Stunden nach Paris.", "6時間半"),
        # a word that opens with a month's letters is no month: 4社, not 3月4日
        ("de", "Der Brief ging an die vier Marktführer im Tonträgergeschäft.", "4社"),
        ("en", "The letter went to the 4 Marketing heads of the labels.", "4人"),
        ("fr", "Les réformes menées depuis quinze ans ont échoué.", "15年"),
        ("de", "Der Grill braucht zwischen drei und fünf Minuten.", "3〜5分"),
        ("fr", "Le grill chauffe de 3 à 5 minutes.", "3〜5分"),
        ("de", "Den Knopf gut fünf Sekunden gedrückt halten.", "5秒"),
        ("de", "Die Kosten sind um das drei- bis Fünffache gestiegen.", "3倍から5倍"),
        ("de", "Die Preise haben sich verdoppelt.", "2倍"),
        ("fr", "Les prix ont triplé en un an.", "3倍"),
        ("fr", "Berlin prévoyait encore le double en janvier.", "2倍"),
        ("fr", "Une dizaine de petits pays s'y opposent.", "約10カ国"),
        ("es", "Una decena de países se oponen.", "約10カ国"),
    ],
)
def test_a_sources_figures_are_read_in_its_language(
    language: str, source: str, japanese: str
) -> None:
    assert _reads(source, language, japanese)


@pytest.mark.parametrize(
    ("language", "source", "japanese"),
    [
        ("de", "Ein Stellplatz kostet 19,99 Euro pro Tag.", "1999ユーロ"),
        ("de", "Der Umbau kostet 1,5 Milliarden Euro.", "150億ユーロ"),
        ("pt", "O prejuízo foi de R$ 2.500,00.", "2.5レアル"),
        ("ko", "3억 원을 받았다.", "3ウォン"),
        ("de", "Der Brief ging an die vier Marktführer im Tonträgergeschäft.", "3月4日"),
    ],
)
def test_a_figure_read_the_english_way_is_not_the_sources(
    language: str, source: str, japanese: str
) -> None:
    assert not _reads(source, language, japanese)


def _reads(source: str, language: str, japanese: str) -> bool:
    """Whether every figure of `japanese` is one the source sentence states."""
    found = source_quantities(source, language)
    claimed = ja_quantities(japanese)
    assert claimed, japanese
    return all(any(same_value(c, q) for q in found) for c in claimed)


def test_a_single_unit_is_named_as_english_names_it() -> None:
    """The check quotes a foreign figure's English form in its reasons: "1 year", not "1 years"."""
    texts = [q.text for q in source_quantities("Seit 1 Jahr und 1,1 Jahren, vor 11 Tagen.", "de")]
    assert texts == ["1 year", "1.1 years", "11 days"], texts


def test_an_english_source_reads_as_before() -> None:
    for language in (None, "en"):
        found = source_quantities("It cost $1,500 and 2.5 million euros on Oct. 5.", language)
        assert {q.value for q in found} >= {1500.0, 2_500_000.0, 1005}


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("그건 잘못된 일이다. 그래서 반응은 비난이었다. 하지만 그는 무감했다.", 3),
        ("Она стала известна. Затем она подалась в кино. Она снималась.", 3),
        ("Il est parti. À Paris il pleut. Écoutez bien.", 3),
        # a German ordinal day before its month ends no sentence
        ("Die Behörde hat am 12. September 2018 informiert. Die Messe läuft vom 20. bis 22. "
         "Oktober.", 2),
        # and English splits as before (an abbreviation, initials, a score)
        ("Mr. Smith met U.S. officials. The vote was 52-48. Dec. 5 is next.", 3),
    ],
)  # fmt: skip
def test_sentences_of_every_alphabet_are_split(text: str, sentences: int) -> None:
    assert len(split_sentences(text)) == sentences, split_sentences(text)


def test_german_quotation_marks_open_low_and_close_high() -> None:
    spans = quoted_spans("Er sagte: „Wir schaffen das bestimmt bis Mai.“ Dann ging er.")
    assert spans == ["Wir schaffen das bestimmt bis Mai."]


def test_german_guillemets_open_with_the_one_pointing_in() -> None:
    # German writes »…«, French «…»: the first of a paragraph tells which
    assert quoted_spans("Das Motto hängt an der Wand: »Sagen, was ist.« Dann ging er.") == [
        "Sagen, was ist."
    ]
    spans = quoted_spans("Il a dit : « Nous avons gagné la partie » et puis il est parti.")
    assert spans == ["Nous avons gagné la partie"]


# ---- drafter check, as a user runs it ----

GERMAN = """---
title: Hafen Port Calden baut Containerterminal um
url: https://hafen.example.de/nachrichten/umbau
site_name: Hafenblatt
date: 2018-07-30
---
Die Hafenbehörde von Port Calden hat mitgeteilt, dass der Umbau des Containerterminals 1,5 Milliarden Euro kosten wird. Nach Angaben der Behörde sollen die Arbeiten etwa 18 Monate dauern.

Im vergangenen Jahr wurden im Hafen mehr als 40.000 Container umgeschlagen, 12,5 Prozent mehr als im Vorjahr. Ein Stellplatz für einen Lastwagen kostet künftig 19,99 Euro pro Tag.

„Wir investieren in die Zukunft des ganzen Hafens“, sagte der Hafenchef. Auf der Fachmesse am 12. bis 13. September in Köln will die Behörde das Projekt vorstellen. Eine Anbindung an das Schienennetz scheint aber trotz aller Pläne der Behörde und der Bahn noch in weiter Ferne zu liegen, vor allem weil die Finanzierung der neuen Gleise weiterhin ungeklärt ist.
"""

DRAFT = """---
title: ポートカルデン港がコンテナターミナルを改修へ
category: ニュース
source_url: https://hafen.example.de/nachrichten/umbau
source_date: '2018-07-30'
lang: ja
---

# ポートカルデン港がコンテナターミナルを改修へ

ハーフェンブラットの2018年7月30日付の記事によると、ポートカルデン港湾局はコンテナターミナルの改修に15億ユーロかかると明らかにした。同局によると、工事には約18か月かかる見通しだ。

昨年、同港で取り扱ったコンテナは4万個を超え、前年より12.5%増えた。トラック1台分の駐車スペースは今後、1日19.99ユーロとなる。

同局は9月12日から13日までの2日間、ケルンで開かれる見本市で計画を紹介する予定だ。同局は一方で、鉄道網との接続は「まだはるか先のように見える」と指摘した。

出典:Hafenblatt

## 参考リンク

- [hafen.example.de](https://hafen.example.de/nachrichten/umbau)
"""


def test_a_quotation_that_gives_the_sources_words_in_brackets_is_found(tmp_path: Path) -> None:
    """「あるがままを語れ（Sagen, was ist）」 renders the motto and gives it as the source writes
    it; the rendering alone scores 0.33 against »Sagen, was ist.«, and was listed as a
    quotation the source does not have."""
    source = GERMAN.replace(
        "„Wir investieren", "An der Wand hängt sein Motto: »Sagen, was ist.« „Wir investieren"
    )
    quoted = "同局は「あるがままを語れ（Sagen, was ist）」という創設者の言葉を掲げている。"
    draft = DRAFT.replace("同局は一方で、", f"{quoted}同局は一方で、")
    _, report = _check_files(tmp_path, source, draft)
    (claim,) = [c for c in report["claims"] if "Sagen" in c["sentence"]]
    assert not any("引用" in r for r in claim["reasons"]), claim["reasons"]
    # words the source does not have, in brackets, are no proof
    made_up = draft.replace("Sagen, was ist", "Schreiben, was sein soll")
    _, report = _check_files(tmp_path, source, made_up)
    (claim,) = [c for c in report["claims"] if "Schreiben" in c["sentence"]]
    assert any("引用" in r for r in claim["reasons"]), claim["reasons"]


def test_an_unmatched_quotation_across_languages_is_listed_not_failed(tmp_path: Path) -> None:
    """「ステーキ天国にいる」 for "Wir sind im Steak-Himmel!" scores 0.26 across the languages, as
    low as words put in someone's mouth: both are listed to verify, and neither fails the check
    (how close a rendering is to the German is the encoder's guess, not evidence)."""
    source = GERMAN.replace(
        "„Wir investieren",
        "Ohne zu viel schwärmen zu wollen: Wir sind im Container-Himmel! „Wir investieren",
    )
    line = "港湾局は新しい埠頭について「コンテナ天国にいる」と表現した。"
    draft = DRAFT.replace("同局は一方で、", f"{line}同局は一方で、")
    made_up = draft.replace("コンテナ天国にいる", "職員は全員解雇されるだろう")
    for text, words in ((draft, "コンテナ天国"), (made_up, "全員解雇")):
        code, report = _check_files(tmp_path, source, text)
        (claim,) = [c for c in report["claims"] if words in c["sentence"]]
        assert not claim["fails"] and code == 0, claim["reasons"]
        assert claim["verdict"] == "unsupported" and claim["decided_by"] == "quotes"


def _check_files(tmp_path: Path, source: str, draft: str, *args: str) -> Any:
    (tmp_path / "source.md").write_text(source, encoding="utf-8")
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "check",
            "--draft",
            str(tmp_path / "draft.md"),
            "--source",
            str(tmp_path / "source.md"),
            "--no-judge",
            "--json",
            *args,
        ],
    )
    return result.exit_code, json.loads(result.stdout)


def test_a_faithful_draft_of_a_german_story_passes_with_its_figures_found(tmp_path: Path) -> None:
    code, report = _check_files(tmp_path, GERMAN, DRAFT)
    listed = {r for c in report["claims"] for r in c["reasons"]}
    assert code == 0, listed
    assert not [c for c in report["claims"] if c["fails"]]
    # every figure is found where the source states it, none is listed as missing
    assert not [r for r in listed if "出典の確認を" in r], listed


@pytest.mark.parametrize(
    ("faithful", "changed"),
    [("1日19.99ユーロ", "1日29.99ユーロ"), ("12.5%増えた", "21.5%増えた")],
)
def test_a_changed_figure_of_a_german_story_must_be_fixed(
    tmp_path: Path, faithful: str, changed: str
) -> None:
    code, report = _check_files(tmp_path, GERMAN, DRAFT.replace(faithful, changed))
    failing = [c for c in report["claims"] if c["fails"]]
    assert code == 1 and any(changed in c["sentence"] for c in failing), failing


KOREAN = """---
title: 칼덴 항만 새 부두
url: https://news.example.kr/article/1
date: 2018-08-25
---
칼덴 항만청은 2018년 8월 25일 새 부두 건설에 3억 달러를 투입한다고 밝혔다. 항만청에 따르면 공사는 약 1년이 걸릴 예정이다. 지난해 이 항만을 이용한 사람은 10만 명 이상이었다. 항만청장은 “부두가 완성되면 물류가 크게 달라질 것”이라고 말했다.
"""

KOREAN_DRAFT = """---
title: カルデン港が新埠頭を建設へ
category: ニュース
source_url: https://news.example.kr/article/1
source_date: '2018-08-25'
lang: ja
---

# カルデン港が新埠頭を建設へ

カルデン港湾庁は2018年8月25日、新しい埠頭の建設に3億ドルを投じると明らかにした。同庁によると、工事には約1年かかる見通しだ。昨年、同港の利用者は10万人以上だった。

出典:news.example.kr

## 参考リンク

- [news.example.kr](https://news.example.kr/article/1)
"""


def test_a_faithful_draft_of_a_korean_story_passes_and_a_changed_figure_fails(
    tmp_path: Path,
) -> None:
    code, report = _check_files(tmp_path, KOREAN, KOREAN_DRAFT)
    listed = {r for c in report["claims"] for r in c["reasons"]}
    # every figure is found (the names are another matter: Hangul is not matched by sound)
    assert code == 0 and not [r for r in listed if "出典の確認を" in r], listed

    code, report = _check_files(tmp_path, KOREAN, KOREAN_DRAFT.replace("3億ドル", "30億ドル"))
    assert code == 1
    assert any("30億ドル" in c["sentence"] for c in report["claims"] if c["fails"])


def _german_thread(source: str, draft: str, body: str) -> Any:
    """What the check compares for a German article and a one-comment thread (c1, `body`)."""
    inputs = check_inputs(source, draft)
    inputs.article.language = "de"
    inputs.thread = CommentThread(
        url="https://www.reddit.com/r/de/comments/x1/hafen/",
        title="t",
        comments=[Comment(id="c1", body=body, score=5)],
    )
    return inputs


def _reactions(inputs: Any) -> list[Any]:
    return [c for c in check(inputs).claims if c.section == "reactions"]


def test_a_short_comment_on_a_german_story_is_read_the_german_way_too() -> None:
    inputs = _german_thread(
        "Ein Stellplatz für einen Lastwagen kostet im Hafen künftig 19,99 Euro pro Tag, teilte "
        "die Behörde mit.",
        "# t\n\n駐車料金は1日19.99ユーロになる。\n\n## 海外の反応\n\n"
        "<!-- comment id=c1 score=5 -->\nたったの19.99ユーロ？！\n",
        "Nur 19,99 Euro?!",
    )
    reactions = _reactions(inputs)
    assert reactions and not any(c.fails for c in reactions), [c.reasons for c in reactions]


def test_a_capitalised_german_noun_is_no_name_a_translation_left_out() -> None:
    """A translation that adds the place a German comment only implies ("die Kölner Messe" →
    ケルンの見本市会場) is listed at most: "Besucher" is a noun, capitalised as every German
    noun is, not a name the translation swapped for ケルン."""
    body = (
        "Über 40.000 Besucher, sagt die Messe. Wer schon mal durch die Hallen gelaufen ist, "
        "weiß: man sieht höchstens ein Zehntel davon."
    )
    inputs = _german_thread(
        "Mehr als 40.000 Besucher kommen zur Messe in Köln. Die Besucher sehen 1.000 Aussteller.",
        "# t\n\nケルンの見本市に4万人超が訪れる。\n\n## 海外の反応\n\n<!-- comment id=c1 score=5 -->\n"
        "4万人超の来場者だって。ケルンの見本市会場を歩いたことがある人なら分かるけど、"
        "見て回れるのはせいぜい10分の1だ。\n",
        body,
    )
    reactions = _reactions(inputs)
    assert reactions and not any(c.fails for c in reactions), [c.reasons for c in reactions]


def test_a_german_comments_nouns_are_no_names_unless_the_glossary_names_them() -> None:
    """Round AM: a German comment's "Blütenpflanze" (also in the article) and "Titanwurz" were
    taken for names the translation left out, beside the glossary's 死体花 ("corpse flower"),
    which the comment writes in German (Leichenblume): a capital proves no name in German. A
    word of a glossary name ("Rafflesia") still is one."""
    from drafter.models import GlossaryEntry

    body = (
        "Ja, phylogenetisch ganz klar Blütenpflanze. Leichenblume ist keine Übertreibung. "
        "Bist du sicher, dass das keine Titanwurz war?"
    )
    inputs = _german_thread(
        "Die Rafflesia wird im Englischen »corpse flower« genannt, als »Leichenblume«. Sie ist "
        "eine Blütenpflanze ohne Blätter, die von Tetrastigma lebt.",
        "# t\n\nラフレシアは「死体花」とも呼ばれる。\n\n## 海外の反応\n\n<!-- comment id=c1 score=5 -->\n"
        "系統的には完全に被子植物だよ。「死体花」ってのは大げさじゃない。"
        "ショクダイオオコンニャクと間違えてない？\n",
        body,
    )
    inputs.glossary = [
        GlossaryEntry(source="Rafflesia", target="ラフレシア"),
        GlossaryEntry(source="corpse flower", target="死体花"),
        GlossaryEntry(source="Tetrastigma", target="テトラスティグマ属"),
    ]
    reactions = _reactions(inputs)
    assert reactions and not [r for c in reactions for r in c.reasons if "取り違え" in r], [
        c.reasons for c in reactions
    ]
    # the glossary's own name, left out for another of the article, is still listed
    inputs.thread.comments[0].body = body + " Wächst sie nur auf Tetrastigma?"
    reactions = _reactions(inputs)
    assert [r for c in reactions for r in c.reasons if "Tetrastigma" in r], [
        c.reasons for c in reactions
    ]


def test_the_pages_own_date_is_no_date_moved_from_another_sentence(tmp_path: Path) -> None:
    """「7月30日付のブログによると」 dates the post by the page's own date: no swap for the
    aligned sentence's fair dates. And the two days of "Sept. 12-13" are 2日間."""
    source = (
        "---\ntitle: Agency to exhibit at DMEXCO\nurl: https://blog.example.com/dmexco\n"
        "date: 2018-07-30\n---\nThe agency will exhibit at the DMEXCO fair in Cologne on "
        "Sept. 12-13, it said. More than 40,000 visitors are expected at the fair this year, "
        "and about 1,000 exhibitors will show their work there. The agency said its team would "
        "present its new analytics tools to clients at its stand, and that two of its partners "
        "would join it for talks on data protection and customer experience.\n"
    )
    draft = DRAFT.split("# ")[0] + (
        "# 広告会社がDMEXCOに出展へ\n\n同社の7月30日付のブログによると、同社は9月12日から13日"
        "までの2日間、ケルンで開かれる見本市DMEXCOに出展する。今年は4万人を超える来場者が見込まれ、"
        "約1000の出展者が集まる。\n\n出典:blog.example.com\n"
    )
    code, report = _check_files(tmp_path, source, draft)
    listed = {r for c in report["claims"] for r in c["reasons"]}
    assert code == 0 and not [r for r in listed if "出典の確認を" in r or "原文（" in r], listed


def test_a_rate_in_a_quotation_is_no_slip_for_an_age() -> None:
    """「1分間に60語」 renders "60 palavras por minuto": its 1 minute is no slip for the "6 anos"
    the quotation also says (no figure 20 times another is a slip for it)."""
    inputs = check_inputs(
        "O professor disse que a pressa não ajuda as crianças pequenas. “Uma criança de 6 anos "
        "deve ler 60 palavras por minuto, mas cada uma tem o seu ritmo”, afirmou o professor.",
        "# t\n\n教授は「6歳の子どもは1分間に60語を読むべきだが、それぞれにペースがある」と述べた。",
    )
    inputs.article.language = "pt"
    lead = [c for c in check(inputs).claims if c.section == "lead"]
    assert lead and not any(c.fails for c in lead), [c.reasons for c in lead]


def test_a_small_count_against_another_in_a_foreign_sentence_is_listed_not_failed() -> None:
    """「2つの段階」 for a Russian "двухфазная" (two-phase, a numeral inside a word): the
    aligned sentence's "3 ложки" proves nothing, where an English source's reading would."""
    inputs = check_inputs(
        "Эта диета является двухфазной. В первой фазе можно съедать не больше 20 грамм "
        "углеводов в день, это всего 3 ложки сахара.",
        "# t\n\nこのダイエットは2つの段階からなり、第1段階では炭水化物を1日20グラム以下に抑える。",
    )
    inputs.article.language = "ru"
    lead = [c for c in check(inputs).claims if c.section == "lead"]
    assert lead and not any(c.fails for c in lead), [c.reasons for c in lead]


def test_a_foreign_weekday_is_the_date_it_stands_for(tmp_path: Path) -> None:
    """ "am Dienstag" in a German story of Monday 30 July 2018 is 7月24日, as "on Tuesday" is in
    English: the draft's date is found, and a wrong day still listed."""
    source = GERMAN.replace(
        "„Wir investieren",
        "Die Behörde hat das Projekt am Dienstag in Köln vorgestellt. „Wir investieren",
    )
    extra = "同局は7月24日、ケルンで計画を発表した。"
    code, report = _check_files(tmp_path, source, DRAFT.replace("出典:", f"{extra}\n\n出典:"))
    claim = next(c for c in report["claims"] if c["sentence"] == extra)
    assert code == 0 and not claim["reasons"], claim
    wrong = extra.replace("24日", "26日")
    code, report = _check_files(tmp_path, source, DRAFT.replace("出典:", f"{wrong}\n\n出典:"))
    claim = next(c for c in report["claims"] if c["sentence"] == wrong)
    assert any("26日" in r for r in claim["reasons"]), claim


def test_the_lead_is_offered_both_readings_of_a_foreign_weekday() -> None:
    """Its tense words are not read: "am Freitag soll er öffnen" may be the coming Friday."""
    from types import SimpleNamespace

    from drafter.lang.weekdays import dateline_of, weekday_dates, weekday_table

    dateline = dateline_of("2019-11-20")
    sentence = SimpleNamespace(id="S1", text="Am Freitag soll der Hafen wieder öffnen.")
    table = weekday_table(weekday_dates([sentence], dateline, "de"), dateline, "ja")
    assert "15日（金）" in table and "22日（金）" in table, table
    assert weekday_dates([sentence], dateline, "en") == []


@pytest.mark.parametrize(
    ("part", "source", "form"),
    [
        ("フランス", "le gouvernement français a annoncé", "français"),
        ("ドイツ", "die bundesregierung in deutschland", "deutschland"),
        ("ロシア", "санкции против россии продлены", "россии"),  # genitive
        ("ロシア", "российского министерства", "российского"),  # an adjective, declined
        ("中国", "экспорт в китай вырос", "китай"),
        ("アメリカ", "os estados unidos anunciaram", "estados unidos"),
        ("アメリカ", "미국은 관세를 올렸다", "미국"),  # Korean runs its particle on
        ("ウクライナ", "допомога україні", "україні"),  # Ukrainian dative
        ("チェコ", "v tschechien und polen", "tschechien"),
    ],
)  # fmt: skip
def test_a_country_is_found_as_a_source_in_another_language_names_it(
    part: str, source: str, form: str
) -> None:
    """A draft's フランス for "français", ロシア for "России": the source's word for the
    country, not an unknown name (round W's Russian drafts listed ロシア and チェコ)."""
    from drafter.lang.names import exonym

    assert exonym(part, source) == form


def test_a_countrys_foreign_forms_do_not_make_an_english_word_a_country() -> None:
    from drafter.lang.names import exonym

    assert exonym("アメリカ", "as far as the port is concerned") is None
    assert exonym("ロシア", "a russet apple") is None


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [(None, "Her mother said in a statement yesterday that the pills were lethal.", 20),
     ("en", "The inquest resumes tomorrow in Shrewsbury.", 22),
     ("en", "The vote is set for tomorrow.", 22),
     ("en", "It began the day before yesterday.", None),
     ("fr", "Le ministre est arrivé hier à Roissy.", 20),
     ("de", "Wir sind hier, sagte er gestern.", 20),  # German "hier" is "here"
     ("de", "Wir sind hier.", None),
     # a name, not a day: a stand-in model was told to date "The World of Tomorrow"
     ("en", "The fair's theme was The World of Tomorrow.", None),
     ("en", "Her album “Tomorrow” sold well.", None),
     # a foreign weekday the source dates itself ("mardi 5 mai"): not resolved again
     ("fr", "Le texte a été adopté mardi 5 mai par les députés.", None),
     ("de", "Am Dienstag, 5. Mai, stimmte der Bundestag ab.", None),
     ("de", "Am Dienstag stimmte der Bundestag ab.", 21)],  # the dateline's own Tuesday
)  # fmt: skip
def test_yesterday_and_tomorrow_are_the_days_beside_the_dateline(
    language: str | None, text: str, day: int | None
) -> None:
    """A British paper's "in a statement yesterday", on a page of 21 April 2015, is 20 April:
    the draft's 「4月20日（月）に出した声明」 was listed as a date not in the source."""
    from datetime import date

    from drafter.lang.weekdays import weekday_dates
    from drafter.models import SourceSentence

    found = weekday_dates([SourceSentence(id="S1", text=text)], date(2015, 4, 21), language)
    assert [e.date.day for e in found] == ([day] if day else [])


NORWEGIAN = """---
title: Port Calden bygger om containerterminalen
url: https://havn.example.no/nyheter/ombygging
site_name: Havnebladet
date: 2018-07-30
---
Havnevesenet i Port Calden opplyser at ombyggingen av containerterminalen vil koste 1,5 milliarder kroner. Arbeidet skal etter planen ta rundt 18 måneder, ifølge havnevesenet.

«Vi investerer i fremtiden til hele havnen», sa havnesjefen. Tilknytningen til jernbanenettet ser likevel ut til å ligge langt fram i tid, fordi finansieringen av de nye sporene fortsatt er uavklart.
"""


def test_a_quotation_in_a_language_the_encoder_does_not_read_says_so(tmp_path: Path) -> None:
    """A Norwegian or isiZulu speaker's words, rendered faithfully, score as low against the
    source as words put in someone's mouth (rounds DB, DC): the encoder was not trained on those
    languages. The quotation is listed with a reason that says it could not be matched, not that
    the source lacks it; in German, which the encoder reads, the reason is unchanged."""
    line = "港湾局の責任者は「職員は全員解雇されるだろう」と述べた。"
    draft = DRAFT.replace("同局は一方で、", f"{line}同局は一方で、")
    norwegian = draft.replace(
        "hafen.example.de/nachrichten/umbau", "havn.example.no/nyheter/ombygging"
    )
    for source, text, reason in (
        (NORWEGIAN, norwegian, "原文の言語では照合できません"),
        (GERMAN, draft, "に当たる発言が原文にありません"),
    ):
        _, report = _check_files(tmp_path, source, text)
        (claim,) = [c for c in report["claims"] if "全員解雇" in c["sentence"]]
        assert not claim["fails"] and claim["decided_by"] == "quotes", claim["reasons"]
        assert any(reason in r for r in claim["reasons"]), claim["reasons"]
