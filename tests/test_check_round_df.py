"""Round DF (8 unseen drafts of flairNLP/fundus's German pages, drafted after round DE's
changes: Die Welt, the Hessenschau, t-online, Business Insider Deutschland, Euronews, GameStar,
the WDR and the taz; threads in English, Arabic, Spanish, Chinese, Russian, Korean, German and
French). No draft had a must-fix item at first check (28 to verify); these are the general
readings that cleared items to verify."""

from __future__ import annotations

from tests.helpers import figures_found as _found


def test_a_german_compound_names_its_acronym_in_capitals() -> None:
    """ "der russische UN-Botschafter" for 「国連大使」 and "US-Militäreinsatz" for 「米軍の作戦」
    (Euronews): the glossary's "Vereinte Nationen" is not in the sentence, its acronym is, and
    four of the draft's sentences were listed as naming what their source lacks."""
    from drafter.lang.name_tables import acronym_named

    assert acronym_named("国連", "sagte der russische UN-Botschafter Wassili Nebensja.")
    assert acronym_named("米国", "Kritik am US-Militäreinsatz in Venezuela")
    assert acronym_named("米国", "Die USA haben reagiert.")
    # "un", "us" in lower case are words (French "un ambassadeur", English "told us")
    assert not acronym_named("国連", "a déclaré un ambassadeur")
    assert not acronym_named("米国", "he told us about it")


def test_the_outlets_country_is_named_by_its_address() -> None:
    """「ドイツのノルトライン・ヴェストファーレン州」 on wdr.de, whose story never writes
    "Deutschland": the outlet's country-code domain names the country, as a Japanese headline
    adds 独 or ドイツ for a German paper's story."""
    from drafter.lang.name_tables import outlet_countries

    assert outlet_countries("https://www1.wdr.de/nachrichten/feuerwehr-pension-100.html") == {
        "ドイツ"
    }
    assert outlet_countries("https://www.9news.com.au/national/x") == {"オーストラリア"}
    assert "英国" in outlet_countries("https://www.bbc.co.uk/news/x")
    assert outlet_countries("https://www.politico.eu/article/x") == set()
    assert outlet_countries(None) == set()


def test_the_outlets_country_in_a_lead_is_not_listed() -> None:
    from drafter.check.core import check
    from drafter.models import Article
    from tests.test_check_claims import _claim, _inputs, _markdown

    source = (
        "Die Landesregierung will das Pensionsalter der Feuerwehrleute anheben.\n\n"
        "Bisher gehen sie mit 60 Jahren in Pension."
    )
    lead = [
        "ドイツのノルトライン・ヴェストファーレン州政府は、消防士の退職年齢を引き上げる方針だ。"
    ]
    for url, listed in (("https://www1.wdr.de/nachrichten/x", False),
                        ("https://www.example.com/x", True)):  # fmt: skip
        article = Article(url=url, title="Feuerwehrleute sollen später in Pension",
                          site_name="WDR", date="2024-04-22", text=source, language="de",
                          fetched_at="2024-04-22T10:00:00Z")  # fmt: skip
        report = check(_inputs(_markdown(lead, title="消防士の定年を延長へ"), article=article))
        reasons = _claim(report, "ドイツの").reasons
        assert any("ドイツ" in r for r in reasons) is listed, (url, reasons)


def test_german_compounds_that_carry_a_figure() -> None:
    """ "unterhalb der Fünfprozenthürde" (「5%の壁」, Die Welt), "mit 48 Wochenstunden" (「週48
    時間」, WDR), "im erwerbsfähigen Alter zwischen 15 und 65 Jahren" (「15〜65歳」, Hessenschau)."""
    assert _found(
        "5%の壁を下回る", "FDP sehen die Demoskopen unterhalb der Fünfprozenthürde.", "de"
    )
    assert _found("5%", "Sie scheiterte an der 5-Prozent-Hürde.", "de")
    assert _found("週48時間", "Sie arbeiten mit 48 Wochenstunden ohnehin mehr.", "de")
    aged = "Rund 65.500 Menschen sind im erwerbsfähigen Alter zwischen 15 und 65 Jahren."
    assert _found("15〜65歳の約6万5500人", aged, "de")
    assert _found("83歳で死去", "Er starb im Alter von 83 Jahren.", "de")
    assert not _found("84歳", "Er starb im Alter von 83 Jahren.", "de")
    assert not _found("6%の壁", "FDP sehen die Demoskopen unterhalb der Fünfprozenthürde.", "de")


def test_chinese_tenths() -> None:
    """A Chinese reader's "能拿回个八成" (「8割」) and "打两折" (at two tenths of the price,
    「2割の値段」) were listed as figures the comment lacks (Business Insider's Evergrande)."""
    assert _found("8割くらい取り戻せる", "清盘完债主应该能拿回个八成吧？", "zh")
    assert _found("2割の値段でも", "打两折都不一定有人接", "zh")
    assert not _found("3割", "清盘完债主应该能拿回个八成吧？", "zh")
    # not words of their own: 八成功 (eight succeeded), 三成本 (three costs)
    from drafter.lang.quantities.chinese import chinese_numerals

    assert chinese_numerals("他们八成功了，三成本") == "他们八成功了，三成本"
