"""False alarms on reactions from rounds BD and BE, each from a faithful recorded draft: a place's
adjective the name does not make, a name cut short as Japanese shortens it, a katakana word
whose sound shape matched an article's name, a Chinese figure set apart from its scale, and a
count of what the comment has just named."""

from __future__ import annotations

import pytest

from drafter.check.report import ClaimReport
from drafter.models import GlossaryEntry
from tests.test_check_claims import _claim, _inputs, _markdown, _reaction_report


def _checked(extra: dict[str, object], body: str, translation: str) -> ClaimReport:
    """The check of one reaction, with the article and glossary `extra` gives."""
    return _claim(_reaction_report(body, translation, **extra), translation[:6])


def _glossary_extra(source: str, names: list[tuple[str, str]]) -> dict[str, object]:
    return {
        "article": _inputs(_markdown()).article.model_copy(update={"text": source}),
        "glossary": [GlossaryEntry(source=a, target=b) for a, b in names],
    }


def test_a_people_or_adjective_the_country_name_does_not_make_is_that_country() -> None:
    """ "Scottish" for 「スコットランド人」: not the -ish of Scotland."""
    source = "Her Scottish mother grew up in Scotland and moved to Durham. " * 3
    extra = _glossary_extra(
        source,
        [("Scotland", "スコットランド"), ("Durham", "ダーラム")],
    )
    body = "Having a Scottish mother explains a lot of this essay."
    faithful = _checked(extra, body, "スコットランド人の母親なら、このエッセイの多くが腑に落ちる。")
    assert not any("取り違え" in r for r in faithful.reasons), faithful.reasons
    swapped = _checked(extra, body, "ダーラム人の母親なら、このエッセイの多くが腑に落ちる。")
    assert any("Scottish" in r for r in swapped.reasons), swapped.reasons


def test_anglican_is_of_britain() -> None:
    """「英国国教会」 for "Anglican": no 英国 put for a name the comment gives."""
    source = "He grew up in Britain, where the Anglican hymns of his school stayed with him. " * 2
    extra = _glossary_extra(source, [("Britain", "英国")])
    body = "That Anglican hymn at the end got me. My school sang it every single week."
    claim = _checked(extra, body, "最後の英国国教会の賛美歌が刺さった。学校で毎週歌ってたやつ。")
    assert not any("取り違え" in r for r in claim.reasons), claim.reasons


def test_a_name_cut_short_as_japanese_shortens_it_is_rendered() -> None:
    """「インスタ」 for Instagram (the glossary's インスタグラム), beside ソウルメイト
    ("soulmates"), which the dictionary reads as ソウル (Seoul) + メイト and whose sound shape
    matched the article's "Germanotta": neither is a swap to fix."""
    source = (
        "Cynthia Germanotta posted a photo on Instagram. “We are soulmates,” Gaga wrote there "
        "in July, asking fans to root for them. "
    ) * 2
    extra = _glossary_extra(
        source,
        [("Cynthia Germanotta", "シンシア・ジャーマノッタ"), ("Instagram", "インスタグラム")],
    )
    body = (
        "Ela mesma falou que era uma pausa. Aquele post do Instagram dizendo que eles são almas "
        "gêmeas e pedindo pra torcer por eles."
    )
    claim = _checked(extra, body, "インスタで、自分たちはソウルメイトだから応援してって書いてた。")
    assert not any("取り違え" in r for r in claim.reasons), claim.reasons
    # the post named by neither: ソウルメイト is at most listed, being spelt nothing like
    # Germanotta
    dropped = _checked(
        extra, body, "あの投稿で、自分たちはソウルメイトだから応援してって書いてた。"
    )
    assert not dropped.fails, dropped.reasons
    # … but katakana no dictionary knows (サルミート, spelt nothing like Germanotta either) is a
    # name put where the comment names the post's platform: must-fix, as invented names are
    invented = _checked(
        extra, body, "サルミートで、自分たちはソウルメイトだから応援してって書いてた。"
    )
    assert invented.fails, invented.reasons
    # a name of the article put for the comment's, spelt like the article's, still is one
    swapped = _checked(
        extra,
        "Aquele post do Instagram dizendo que eles são almas gêmeas e pedindo pra torcer.",
        "ジャーマノッタの投稿で、自分たちはソウルメイトだって書いてた。",
    )
    assert swapped.fails, swapped.reasons


def test_a_chinese_figure_set_apart_from_its_scale_is_one_figure() -> None:
    """ "31 万注册、3 万日活": 310,000 sign-ups and 30,000 daily users (日活, no span of days)."""
    body = (
        "31 万注册、3 万日活，日活/注册接近 10%，对一个新的社交应用来说其实还行吧？"
        "不过跟大平台比就差远了，新鲜感过了可能就没人用了。"
    )
    claim = _claim(
        _reaction_report(body, "登録31万、DAU 3万で、比率が10%近いなら悪くないんじゃない？"),
        "登録31万",
    )
    assert not claim.fails, claim.reasons
    changed = _claim(
        _reaction_report(body, "登録41万、DAU 3万で、比率が10%近いなら悪くないんじゃない？"),
        "登録41万",
    )
    assert changed.fails, changed.reasons


@pytest.mark.parametrize(
    ("body", "translation"),
    [
        # 十个, 三个: counts in Chinese numerals before the counter (round BD)
        ("美国很多人觉得这种食物就是没味道的替代品，确实有不少人讨厌。你去超市门口问十个人有三个会翻白眼。",
         "スーパーの前で10人に聞いたら3人は呆れた顔をするよ。"),
        # 四站, 两站: stops; 一百次: a hundred times (round BF)
        ("伦敦地铁那个例子挺有意思：从那里出发，中央线坐一站，环线坐四站，再换线坐两站。"
         "这种标题我这两年看了不下一百次了，每次都说是新台阶。",
         "環状線で4駅、乗り換えて2駅。こういう見出しはこの2年で100回は見た。"),
        # 「この2つは別物」 for "those aren't the same thing" (round BE): the two just named
        ("It says it's based on unemployment but then describes an employment ratio. Those "
         "aren't the same thing: the second one counts people who stopped looking.",
         "失業率と言いながら就業率の話をしている。この2つは別物だ。"),
        # 「2〜3月」 for "Feb-March" (round BG): two months, not the figure 2
        ("We make a big chunk of it, India is one of the largest makers. But the API for a lot "
         "of our drugs comes from China and that supply was messed up in Feb-March.",
         "インドは最大級の生産国だけど、多くの薬の原薬は中国から来てて、その供給が2〜3月に"
         "混乱したんだ。"),
    ],
)  # fmt: skip
def test_counts_the_comment_writes_its_own_way_are_its_own(body: str, translation: str) -> None:
    claim = _claim(_reaction_report(body, translation), translation[:6])
    assert not claim.reasons, claim.reasons


def test_an_abbreviation_is_the_same_with_or_without_its_points() -> None:
    """Round BH: the glossary's "L.A" (ロサンゼルス) against a comment's "LA": the
    translation that leaves the comment's "Chazelle" implied swapped no name."""
    source = "Chazelle said the most iconic L.A. thing is the freeway. He grew up near L.A. " * 2
    extra = _glossary_extra(
        source, [("L.A", "ロサンゼルス"), ("Damien Chazelle", "デイミアン・チャゼル")]
    )
    body = (
        "Chazelle's answer for most iconic LA thing being freeway gridlock is the most LA answer."
    )
    faithful = _checked(
        extra,
        body,
        "ロサンゼルスの象徴を聞かれて高速の渋滞って答えるの、いかにもロサンゼルスっぽい。",
    )
    assert not faithful.fails, faithful.reasons
    assert not any("ロサンゼルス" in r for r in faithful.reasons), faithful.reasons


def test_a_name_the_comment_gives_by_its_initials_is_the_comments() -> None:
    """Round BI: 「パウダーリバー盆地」 for a comment's "PRB" was listed as a name swapped for
    the comment's "MMBtu"; the initials are the name. A name it does not abbreviate still is."""
    source = (
        "Coal from the Powder River Basin in Wyoming is cheap. Appalachia mines cost more. " * 2
    )
    extra = _glossary_extra(
        source, [("Powder River Basin", "パウダーリバー盆地"), ("Appalachia", "アパラチア")]
    )
    body = "Per ton, sure, but PRB coal has lower heat content, so per MMBtu the gap is smaller."
    faithful = _checked(
        extra, body, "トン当たりならね。パウダーリバー盆地の石炭は熱量が低いから差は小さいよ。"
    )
    assert not faithful.reasons, faithful.reasons
    swapped = _checked(
        extra, body, "トン当たりならね。アパラチアの石炭は熱量が低いから差は小さいよ。"
    )
    assert swapped.reasons, swapped.reasons


def test_a_name_with_its_particle_is_heard_as_katakana_joins_them() -> None:
    """Round BK: 「デブラシオ」 for a comment's "de Blasio" (no name of the article) was listed
    as a name put where the comment names "Blasio"."""
    source = (
        "The mayor's office did not say where the city's shelters are. Schlegelmilch agreed. " * 2
    )
    extra = _glossary_extra(source, [("Schlegelmilch", "シュレーゲルミルク")])
    body = "If de Blasio held a presser tomorrow about nuclear prep, the whole city would panic."
    claim = _checked(
        extra,
        body,
        "もしデブラシオが明日、核への備えについて会見を開いたら、街中がパニックになる。",
    )
    assert not claim.reasons, claim.reasons


def test_a_country_a_comment_shortens_or_names_by_its_people_is_that_country() -> None:
    """Round BL (a thread on the Anglosphere): 「カナダ、オーストラリア、ニュージーランド」 for
    "Canada, Aus, NZ" and 「カナダの北極圏」 for "the Canadian Arctic" were listed as names put
    for the comment's "Aus" and "Arctic". A country the comment does not name is still listed."""
    source = (
        "Canada, Australia, New Zealand and Britain share a queen. The Arctic is vast. "
        "Poland joined the EU in 2004. "
    ) * 2
    names = [("Canada", "カナダ"), ("Australia", "オーストラリア"),
             ("New Zealand", "ニュージーランド"), ("Britain", "英国"), ("Arctic", "北極圏"),
             ("Poland", "ポーランド")]  # fmt: skip
    extra = _glossary_extra(source, names)
    body = "Free movement between Canada, Aus, NZ and the UK polls well in all four countries."
    short = _checked(
        extra, body, "カナダ、オーストラリア、ニュージーランド、英国の間の自由移動は支持されてる。"
    )
    assert not short.reasons, short.reasons
    arctic = "Sure, by land area, if you count the Canadian Arctic and the Australian outback."
    people = _checked(extra, arctic, "面積ならね、カナダの北極圏とオーストラリアの奥地を数えれば。")
    assert not people.reasons, people.reasons
    swapped = _checked(
        extra, arctic, "面積ならね、ポーランドの北極圏とオーストラリアの奥地を数えれば。"
    )
    assert any("Canadian" in r for r in swapped.reasons), swapped.reasons


def test_the_earth_and_the_sun_of_a_french_comment_are_its_own() -> None:
    """Round BL (Rosetta, a French thread): 「地球」 and 「太陽」 for the comment's "Terre" and
    "Soleil" were listed as names put for them."""
    source = "Rosetta left Earth in 2004 and flew past Mars. The Sun powers its panels. " * 2
    names = [("Earth", "地球"), ("Sun", "太陽"), ("Mars", "火星"), ("Rosetta", "ロゼッタ")]
    extra = _glossary_extra(source, names)
    body = "Des milliards pour photographier un caillou sale. La Terre a d'autres priorités."
    earth = _checked(extra, body, "汚れた石の写真に何十億も。地球にはもっと優先することがある。")
    assert not earth.reasons, earth.reasons
    sun = "La comète s'éloigne du Soleil, donc les panneaux ne suffiront plus."
    claim = _checked(extra, sun, "彗星が太陽から遠ざかるから、パネルじゃ足りなくなる。")
    assert not claim.reasons, claim.reasons


def test_a_german_readers_comment_is_read_in_german() -> None:
    """Round BL: 「3カ月後に」 for "Wenn drei Monate später…" was listed as a figure the comment
    lacks: the comment, in a reader's German ("Ich schon, ständig."), was too informal for the
    words the language is told by, and "drei" went unread. A changed figure is still listed."""
    source = "Hanlon keeps an FYI folder for emails he may need later. " * 3
    extra = _glossary_extra(source, [("Hanlon", "ハンロン")])
    body = (
        "Ich schon, ständig. Wenn drei Monate später jemand behauptet, man hätte etwas nie "
        "gesagt, ist der FYI-Ordner Gold wert."
    )
    kept = _checked(
        extra, body, "オレはしょっちゅう使ってる。3カ月後に文句言われたら、FYIフォルダーが役立つ。"
    )
    assert not kept.reasons, kept.reasons
    changed = _checked(
        extra, body, "オレはしょっちゅう使ってる。5カ月後に文句言われたら、FYIフォルダーが役立つ。"
    )
    assert changed.reasons, changed.reasons
    from drafter.sources.language import detect_language

    assert detect_language(body) == "de"
    # initials are no French elisions (j', c'): an English comment stays English
    initials = "J. K. Rowling and J. J. Abrams should make a movie together, I think, right now."
    assert detect_language(initials) == "en"


def test_bodies_a_comment_names_in_its_own_language_or_case_are_its_own() -> None:
    """Round BM: 「ホワイトハウス」 for an Italian comment's "Casa Bianca" beside 「FOX」 for its
    "Fox", 「米議会」 for a Spanish comment's "Congreso" (the glossary's Capitol Hill), and
    「社会保障番号」 for "SSNs" were listed as names put for another; so would 「IMF」 be for the
    Spanish comment's "FMI"."""
    source = (
        "Conway joins the White House staff. Fox hosts praised her. Capitol Hill was quiet. "
        "Social Security numbers leaked. The IMF met in October. "
    ) * 2
    names = [("White House", "ホワイトハウス"), ("Fox", "FOX"), ("Capitol Hill", "米議会"),
             ("Social Security", "社会保障"), ("IMF", "IMF")]  # fmt: skip
    extra = _glossary_extra(source, names)
    italian = "Scommetto che entro un anno va a fare la commentatrice su Fox. Alla Casa Bianca durano poco."
    claim = _checked(
        extra,
        italian,
        "1年以内にFOXのコメンテーターになってるよ。ホワイトハウスの役職は長続きしない。",
    )
    assert not claim.reasons, claim.reasons
    spanish = "La Fed responde al Congreso de EEUU, no al FMI. Pedirle eso es pedir peras al olmo."
    claim = _checked(
        extra, spanish, "FRBが責任を負う相手は米議会であって、IMFじゃない。ないものねだりだ。"
    )
    assert not claim.reasons, claim.reasons
    leaked = "A big bank breach, whether it was attendee names or SSNs, gets the same headline."
    claim = _checked(
        extra,
        leaked,
        "中身が参加者名だろうが社会保障番号だろうが、見出しは同じ「大手銀行で流出」。",
    )
    assert not claim.reasons, claim.reasons


def test_a_comment_in_another_language_may_translate_a_place_or_body_not_a_person() -> None:
    """Round BN: 「共和党」 for a Spanish reader's "Partido Republicano", 「サウスカロライナ」
    for a French reader's "Caroline du Sud" and 「大統領執務室」 for "le Bureau ovale" were
    listed as names put for "Partido", "Sud" and "Bureau": a comment in another language than
    the article's names a place or body in its own words. A person's name it does not
    translate: 「ヘイリー」 put where it names Tillerson is still listed."""
    source = (
        "Nikki Haley, a former governor of South Carolina, met Rex Tillerson in the Oval Office. "
        "Republican leaders praised her. "
    ) * 2
    names = [("Nikki Haley", "ニッキー・ヘイリー"), ("Rex Tillerson", "レックス・ティラーソン"),
             ("South Carolina", "サウスカロライナ"), ("Oval Office", "大統領執務室"),
             ("Republican", "共和党")]  # fmt: skip
    extra = _glossary_extra(source, names)
    french = (
        "Sept vols gratuits offerts par trois patrons de Caroline du Sud, c'est peu. "
        "Et l'annonce dans le Bureau ovale était une surprise pour tout le monde."
    )
    claim = _checked(
        extra,
        french,
        "サウスカロライナの経営者3人からの無料フライト7回なんて小物だよ。大統領執務室での発表は誰にとっても驚きだった。",
    )
    assert not claim.reasons, claim.reasons
    spanish = "Eso fue la excusa del Partido Republicano para apoyarlo sin culpa, y no cambió nada."
    claim = _checked(
        extra,
        spanish,
        "あれは共和党が後ろめたさなしに彼を支持するための言い訳で、何も変わらなかった。",
    )
    assert not claim.reasons, claim.reasons
    person = "Tillerson se va y nadie sabía nada, y eso que todo se filtra en esta Casa Blanca."
    swapped = _checked(
        extra,
        person,
        "ヘイリーが辞めるのに誰も知らなかった。このホワイトハウスは何でも漏れるのに。",
    )
    assert any("Tillerson" in r for r in swapped.reasons), swapped.reasons


def test_round_bo_idioms_and_titles_of_a_reply_are_no_figures_or_swaps() -> None:
    """Round BO: 「初めて100%同意するわ」 for "stimme ich ihm zum ersten Mal vollkommen zu" and
    「24時間365日の献身」 for the source's "24/7 dedication" were listed as figures the comment
    lacks, 「0〜500のスケール」 against
    "a 0-500 scale" as no figure there; a Portuguese reader's film titles, rendered by their
    Japanese titles (『きみに読む物語』 for "O Diário de uma Paixão", The Notebook), as names
    put for "Diário". A changed figure is still listed."""
    source = (
        "Trump thanked Giuliani for his 24/7 dedication. Coins worth $10 million were found. "
        "The list ends with Schindler's List and The Notebook. Scores use a 0-500 scale. "
    ) * 2
    names = [("Schindler's List", "シンドラーのリスト"), ("The Notebook", "きみに読む物語"),
             ("Giuliani", "ジュリアーニ")]  # fmt: skip
    extra = _glossary_extra(source, names)
    german = "Ehrlich gesagt, bei diesem Satz stimme ich ihm zum ersten Mal vollkommen zu."
    assert not _checked(extra, german, "正直、この一文だけは初めて100%同意するわ。").reasons
    english = "Lol, his 24/7 dedication. Ten million in coins, and test scores on a 0-500 scale."
    faithful = "彼の「24時間365日の献身」だってさ。テストは0〜500のスケール。"
    assert not _checked(extra, english, faithful).reasons
    changed = faithful.replace("0〜500", "0〜800")
    assert _checked(extra, english, changed).reasons
    # (a place the tables know left unrendered keeps the swap listed: "Faltou Central do
    # Brasil" beside it would, as "Florida" for カリフォルニア must)
    portuguese = (
        "A lista final é preguiçosa: A Lista de Schindler e O Diário de uma Paixão, sério? "
        "Tinha filme muito mais triste."
    )
    titles = "最後のリストは手抜きだな。『シンドラーのリスト』と『きみに読む物語』って本気？もっと泣ける映画があった。"
    assert not _checked(extra, portuguese, titles).reasons


def test_a_laws_name_and_a_report_told_as_talk_are_no_quotation_or_dropped_hedge() -> None:
    """Round BO: 「どの子も置き去りにしない法（NCLB法）」, a law's name in 「」, was checked as
    someone's words; 「…とする未確認の報道もあり、…臆測が飛び交っています」 for "suggested"
    as a dropped hedge."""
    from drafter.check.claims.hedges import HEDGE_JA
    from tests.test_check_claims import LEAD, _report

    def quoted(sentence: str) -> list[str]:
        claim = _claim(_report(_markdown([*LEAD[:5], sentence])), sentence[:8])
        return [r for r in claim.reasons if "引用" in r]

    law = "同国では2015年、「どの子も置き去りにしない国家物流法（NCLB法）」に代わる新法が成立した。"
    assert quoted(law) == []
    # the same words given as someone's are a quotation, held to the source
    said = "「どの子も置き去りにしない国家物流法（NCLB法）」と、野党のナタラジャン議員は批判した。"
    assert quoted(said)
    assert HEDGE_JA.search("起用されないと告げられたとする未確認の報道もあります。")
    assert HEDGE_JA.search("さまざまな臆測が飛び交っています。")


_REVIEW_NAMES = [("Sam Altman", "サム・アルトマン"), ("Samsung", "サムスン"), ("Texas", "テキサス"),
                 ("California", "カリフォルニア"), ("NRC", "原子力規制委員会"),
                 ("RNC", "共和党全国委員会"), ("Nikki Haley", "ニッキー・ヘイリー")]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "translation"),
    [
        # "Sam" is no Samsung cut short
        ("So Sam is leaving and nobody knew anything, typical.",
         "サムスンが撤退するのに誰も知らなかった。いつものことだ。"),
        # "Florida" is no translated place
        ("En Florida tenemos el mismo problema con los seguros, igualito.",
         "カリフォルニアでも保険で同じ問題を抱えてる、まったく同じ。"),
        # "RNC" is no NRC written backwards
        ("The RNC has been silent about this for weeks now.",
         "原子力規制委員会はこの件で何週間も黙ってる。"),
        # 「100人」 for the comment's "300" is no "wholly" beside 100%同意
        ("Totally agree with this. He fired 300 workers last year.",
         "100%同意。彼は去年100人を解雇した。"),
    ],
)  # fmt: skip
def test_review_of_the_reaction_mends_each_error_still_listed(body: str, translation: str) -> None:
    """A reviewer's inputs against session 25's reaction mends, each a real error still to be
    listed."""
    source = (
        "Sam Altman met Samsung in Texas and California. The NRC and the RNC were silent. "
        "Nikki Haley spoke. "
    ) * 2
    claim = _checked(_glossary_extra(source, _REVIEW_NAMES), body, translation)
    assert claim.reasons, claim.reasons
