"""Round CM (8 unseen drafts of flairNLP/fundus's pages: the Guardian, Reuters, Nature, Le Monde,
the Corriere della Sera, Anadolu Agency (in Turkish), the Independent and Rest of World; threads
in Spanish, English, German, French, Italian, Turkish and Arabic): 4 must-fix and 25 to verify
at first check, each must-fix item tested here with its control."""

from __future__ import annotations

from drafter.check.core import check
from drafter.lang.text import normalize
from tests.helpers import check_inputs

# Anadolu's page has no lang attribute; Turkish groups a figure by its words ("11 bin 37" is
# 11,037) and writes a decimal comma ("yüzde 5,7")
_TURKISH = (
    "Ulaştırma ve Altyapı Bakanı Abdulkadir Uraloğlu, Türkiye'de şubat ayı sonu itibarıyla "
    "11 bin 37 elektrikli araç şarj istasyonu bulunduğunu ve il bazında en fazla şarj "
    "istasyonunun 2 bin 784 ile İstanbul'da yer aldığını bildirdi. Bu yılın şubat ayında "
    "satılan elektrikli araç sayısının da 10 bin 324'e ulaştığı bilgisini paylaşan Uraloğlu, "
    "geçen yılın aynı ayında 4 bin 713 satış gerçekleştiğini söyledi."
)


def _lead(source: str, *sentences: tuple[str, str]) -> list[tuple[str, bool, list[str]]]:
    """The lead's claims, each (sentence, the source sentence id the run recorded for it)."""
    markdown = "# 見出し\n\n## リード\n\n" + "".join(s for s, _ in sentences) + "\n"
    inputs = check_inputs(source, markdown)
    inputs.recorded_evidence = {normalize(s): [sid] for s, sid in sentences}
    report = check(inputs)
    return [(c.sentence, c.fails, c.reasons) for c in report.claims if c.section == "lead"]


def test_figures_of_a_page_in_a_language_not_read_are_never_must_fix() -> None:
    """Anadolu's Turkish page (no lang attribute): "11 bin 37" for 「1万1037カ所」 was read as
    English, 11 and 37, and three faithful lead sentences failed against "784" and "713"
    (round CM). Turkish is read now (below); a page in a language still not read, as a Czech
    one that spaces its thousands ("11 037"), lists its figures to verify, never must-fix."""
    czech = (
        "Ministr dopravy Martin Kupka uvedl, že v Česku je ke konci února 11 037 nabíjecích "
        "stanic pro elektromobily, nejvíce z nich, 2 784, stojí v Praze. Za únor se podle něj "
        "prodalo 10 324 elektromobilů, zatímco loni ve stejném měsíci to bylo 4 713."
    )
    claims = _lead(
        czech,
        ("クプカ運輸相は、2月末時点で国内の充電ステーションが1万1037カ所に上ると明らかにした。", "S1"),
        ("2月のEV販売台数は1万324台と、前年同月の4713台から増えた。", "S2"),
    )  # fmt: skip
    assert len(claims) == 2
    assert [fails for _, fails, _ in claims] == [False, False], claims


def test_a_turkish_page_is_read_in_turkish() -> None:
    """The same Turkish page, read as Turkish: "11 bin 37" is 11,037, "10 bin 324'e" 10,324
    (the case ending after the apostrophe dropped), "yüzde 5,7'den" 5.7%, "şubat" February; a
    faithful lead has no figure to verify, and a changed one is must-fix again."""
    from drafter.sources.language import detect_language

    assert detect_language(_TURKISH) == "tr"
    faithful = [
        ("ウラルオール運輸・インフラ相は、2月末時点で国内の充電ステーションが1万1037カ所に上ると"
         "明らかにした。", "S1"),
        ("県別ではイスタンブールが2784カ所で最も多いという。", "S1"),
        ("2月のEV販売台数は1万324台と、前年同月の4713台から増えた。", "S2"),
    ]  # fmt: skip
    claims = _lead(_TURKISH, *faithful)
    assert not any(fails for _, fails, _ in claims), claims
    figures = [r for _, _, reasons in claims for r in reasons if "カ所" in r or "台" in r]
    assert figures == [], figures
    changed = [(faithful[0][0].replace("1万1037", "1万2037"), "S1"), *faithful[1:]]
    assert _lead(_TURKISH, *changed)[0][1], "a changed figure of a Turkish page is must-fix"


def test_an_article_and_its_paragraph_are_no_figures() -> None:
    """A French reader's "Le 49.3, les manifs…" (the constitution's article 49, paragraph 3)
    rendered 「49条3項にデモ」: the 49 and the 3 were each a figure the comment lacks, must-fix
    (round CM). A provision's numbers name it (as 第5条 does); a changed count beside them is
    still read."""
    from tests.test_check_round_cg import reaction_on

    text = "Sophie Binet warned Emmanuel Macron about the gravity of the situation in the country."
    body = (
        "« Il ne peut pas avoir raison seul face à tout le monde. » Franchement, ça résume assez "
        "bien les six derniers mois. Le 49.3, les manifs, et à la fin on nous explique que c'est "
        "nous qui n'avons pas compris."
    )
    translation = (
        "「皆を相手に一人だけが正しいなんてありえない」\n正直、この半年をかなりうまくまとめてるよな。\n"
        "49条3項にデモ、で最後には「分かってないのはお前らの方だ」って説明されるんだから。"
    )
    fails, reasons = reaction_on(text, [], body, translation)
    assert not fails, reasons
    assert not any("49" in r for r in reasons), reasons
    fails, reasons = reaction_on(text, [], body, translation.replace("この半年", "この8か月"))
    assert any("8か月" in r for r in reasons), reasons


def test_a_quarter_million_is_a_figure() -> None:
    """ "the city will accommodate a quarter million people" is 250,000 (「25万人」), not a
    quarter of a year and a million (round CM: listed as a figure the source lacks); so is "a
    quarter of a billion", and "three quarters of a million"; 「30万人」 still is no match."""
    from drafter.lang.quantities import ja_quantities, missing_quantities
    from drafter.lang.quantities.foreign import source_quantities

    said = source_quantities(
        "By 2040, Omani planners say, the city will accommodate a quarter million people.", "en"
    )
    assert missing_quantities(ja_quantities("2040年までに25万人を受け入れる。"), said) == []
    assert missing_quantities(ja_quantities("2040年までに30万人を受け入れる。"), said)
    assert [q.value for q in source_quantities("a quarter of a billion dollars", "en")] == [2.5e8]
    assert [q.value for q in source_quantities("three quarters of a million", "en")] == [7.5e5]


def test_about_ten_years_in_romance_words() -> None:
    """ "una decina di anni fa" is about ten years ago (「10年ほど前」), as "une dizaine
    d'années" and "una decena de años" are: the "of" between kept the years unread (round CM)."""
    from drafter.lang.quantities import ja_quantities, missing_quantities
    from drafter.lang.quantities.foreign import source_quantities

    for language, text in (
        (
            "it",
            "Lombardi ha conosciuto Meloni una decina di anni fa, prima che diventasse premier.",
        ),
        ("fr", "Il l'a rencontrée il y a une dizaine d'années."),
        ("es", "La conoció hace una decena de años."),
    ):
        said = source_quantities(text, language)
        assert missing_quantities(ja_quantities("10年ほど前に知り合った。"), said) == [], text
        assert missing_quantities(ja_quantities("20年ほど前に知り合った。"), said), text


def test_a_french_speech_tag_inside_the_marks_is_not_quoted() -> None:
    """« Là-dessus, notre désaccord est total, souligne-t-elle. La CGT… »: the tag is set inside
    the guillemets, and was held as the speaker's words (the editor was shown it as the
    closest quotation, round CM); « Non, dit-il, … » and « …, a-t-il ajouté. » too."""
    from drafter.check.quoted import quoted_spans

    spans = quoted_spans(
        "« Là-dessus, notre désaccord est total, souligne-t-elle. La CGT a des solutions. »"
    )
    assert "Là-dessus, notre désaccord est total." in spans, spans
    assert not any("souligne" in s for s in spans), spans
    assert quoted_spans("« Non, dit-il, nous ne céderons pas », a-t-il ajouté.") == [
        "Non, nous ne céderons pas"
    ]
    # a hyphenated word that is no tag stays: « Peut-être, mais pas maintenant »
    assert quoted_spans("« Peut-être, mais pas maintenant », dit-elle.") == [
        "Peut-être, mais pas maintenant"
    ]


def test_whether_there_are_more_victims_is_asked_not_told() -> None:
    """ "continue … combing the debris in search of any other possible victim" rendered 「ほかに
    犠牲者がいないか、がれきを調べる」: an indirect question keeps the doubt (round CM: listed as
    a dropped hedge); 「残る犠牲者を調べる」 states that there are some."""
    from drafter.check.claims.hedges import keeps_a_hedge

    assert keeps_a_hedge("警察と消防がほかに犠牲者がいないか、がれきを調べる作業を続けると述べた。")
    assert keeps_a_hedge("異常がないかを確認した。")
    assert not keeps_a_hedge("警察と消防ががれきの中に残る犠牲者を調べる作業を続けると述べた。")


def test_a_turkish_readers_names_and_figures() -> None:
    """A Turkish reader's "Kadıköy'de" (in Kadıköy) is カドゥキョイ once its case ending is
    off; "11 bin istasyon" is 11,000 stations, "üçüncü Antalya" third (round CM: each listed
    as a name or a figure the comment lacks). Another district is still listed."""
    from tests.test_check_round_cg import reaction_on

    body = (
        "İstanbul'da 2784 istasyon varmış, ben Kadıköy'de oturuyorum ve sitede tek bir priz bile "
        "yok. Bu istasyonlar nerede kardeşim, hepsi AVM otoparkında mı?"
    )
    said = "イスタンブールには2784カ所もあるらしいけど、カドゥキョイに住んでる俺の団地にはコンセント1個すらないぞ。"
    _, reasons = reaction_on(_TURKISH, [("İstanbul", "イスタンブール")], body, said)
    assert not any("カドゥキョイ" in r for r in reasons), reasons
    _, reasons = reaction_on(
        _TURKISH,
        [("İstanbul", "イスタンブール")],
        body,
        said.replace("カドゥキョイ", "ベシクタシュ"),
    )
    assert any("ベシクタシュ" in r for r in reasons), reasons
    body = (
        "Yok, üçüncü Antalya (732). İzmir 504 ile beşinci, Bursa'nın bile gerisinde. Turizm "
        "bölgesi olunca oteller kurmuş herhalde, 11 bin istasyonun çoğu da şehirlerde."
    )
    said = "いや、3位はアンタルヤ（732カ所）だよ。イズミルは504カ所で5位、ブルサより下だ。1万1000カ所の大半は都市部だろうね。"
    _, reasons = reaction_on(_TURKISH, [], body, said)
    assert not any("5位" in r or "1万1000" in r for r in reasons), reasons


def test_turkish_capitals_and_times() -> None:
    """A Turkish headline in capitals ("GALATASARAY İKİ GOL ATTI"): İ lowers to i and a
    combining dot, which no table held, and reading the page stopped with an error (found on
    round CP's pages). "13.37'de" is a time, as a decimal comma never writes it."""
    from drafter.lang.quantities.foreign import cardinal_values, ordinal_values, source_quantities

    assert [q.value for q in source_quantities("GALATASARAY İKİ GOL ATTI", "tr")] == [2.0]
    assert cardinal_values("İKİ gol", "tr") == [2.0]
    assert ordinal_values("ÜÇÜNCÜ sırada", "tr") == [3.0]
    timed = "Yangının 13.37'de çıktığı ve ekiplerin 13.43'te müdahaleye başladığı belirtildi."
    assert source_quantities(timed, "tr") == []
    assert [q.value for q in source_quantities("Enflasyon yüzde 71,60 oldu.", "tr")] == [71.6]
