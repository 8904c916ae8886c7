"""Each check of layer 1, one at a time: a faithful draft passes, and one planted error of each
kind is a must-fix item (or, where nothing proves it wrong, an item to verify). Switching off
any one check (numbers, names, quotations, hedges, reactions, links) fails a test here.

The source and the draft are written for these tests (a made-up port-fee story).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from drafter.check.claims import HEDGE_JA, MODAL_EN, Anchor, hedges
from drafter.check.core import Checker, CheckInputs, check, fetched_urls
from drafter.check.draft_md import parse_draft
from drafter.check.quoted import quoted_spans
from drafter.check.report import CheckReport, ClaimReport
from drafter.models import Article, Comment, CommentThread, GlossaryEntry
from tests.helpers import check_inputs

SOURCE = """Norvanda's transport ministry said on Tuesday it expects to delay a new port fee by six months after talks with shipping firms.

Transport Minister Ilse Dorran said the fee of $45 per container would have raised about $310 million a year.

"We listened to the shipping lines, and we will give them more time," Dorran told reporters in Kelmar.

The Kelmar Shippers Council had warned that up to 40% of monthly exports could be delayed.

Dutch and Danish shipping lines, which carry most of the country's containers, welcomed the delay.

Opposition lawmaker Priya Natarajan said the delay was a mistake.

The cabinet will take a final decision in March."""

URL = "https://www.meridianpost.example/world/norvanda-port-fee"
THREAD_URL = "https://www.reddit.com/r/worldnews/comments/q1w2e3/norvanda_port_fee/"

LEAD = [
    "ノルバンダ運輸省は10月27日、海運各社との協議を受けて、新たな港湾使用料の導入を6か月延期する見通しを示した。",
    "イルゼ・ドラン運輸相によると、1コンテナあたり45ドルの使用料は年間約3億1000万ドルの収入を生むはずだった。",
    "ドラン氏は記者団に「海運会社の声を聞いた。もっと時間を与える」と述べた。",
    "ケルマー荷主協議会は、月間輸出の最大40%が遅れかねないと警告していた。",
    "オランダとデンマークの海運会社は延期を歓迎した。",
    "最終判断は3月の閣議で下される予定だ。",
]


def _markdown(lead: list[str] | None = None, title: str | None = None, reactions: str = "") -> str:
    lead = LEAD if lead is None else lead
    title = title or "ノルバンダ、港湾使用料を6か月延期へ 「海運の声」に配慮"
    reactions = reactions or (
        "<!-- comment id=c1 score=120 -->\n\n6か月の猶予は妥当だと思う。\n\n"
        "<!-- comment id=c2 score=45 -->\n\nコンテナ1個45ドルは高すぎたよ。"
    )
    return (
        f"# {title}\n\nニュース\n\n"
        + "\n\n".join(lead)
        + "\n\n出典:Meridian Post\n\n## 補足説明\n\n### 港の位置づけ\n\n"
        "港湾使用料は、港の設備更新の財源として各国で使われている仕組みです。\n\n"
        "## 海外の反応\n\n"
        f"{reactions}\n\n"
        "## 考察・分析\n\n### 延期の意味\n\n延期は政府が海運業界の声を重く見たことを示しているといえます。\n\n"
        "## 総括\n\n最終判断の行方が注目されます。\n\n"
        f"## 参考リンク\n\n- [Meridian Post]({URL})\n- [Reddit]({THREAD_URL})\n"
    )


def _inputs(markdown: str, **extra: Any) -> CheckInputs:
    article = Article(
        url=URL,
        title="Norvanda delays port fee as shippers object",
        site_name="Meridian Post",
        date="2026-10-28",
        text=SOURCE,
        fetched_at="2026-10-28T10:00:00Z",
    )
    thread = CommentThread(
        url=THREAD_URL,
        platform="Reddit",
        comments=[
            Comment(id="c1", body="Six months of grace seems fair to me.", score=120,
                    permalink="/r/worldnews/comments/q1w2e3/norvanda_port_fee/c1/"),
            Comment(id="c2", body="45 dollars a box was always too much.", score=45,
                    permalink="/r/worldnews/comments/q1w2e3/norvanda_port_fee/c2/"),
            Comment(id="c3", body="Ports everywhere charge fees, this is nothing new.", score=9,
                    permalink="/r/worldnews/comments/q1w2e3/norvanda_port_fee/c3/"),
        ],
    )  # fmt: skip
    fields: dict[str, Any] = {
        "article": article,
        "draft": parse_draft(markdown),
        "draft_label": "draft.md",
        "source_label": URL,
        "thread": thread,
        "fetched_urls": fetched_urls(article, thread),
    }
    fields.update(extra)
    return CheckInputs(**fields)


def _report(markdown: str, **extra: Any) -> CheckReport:
    return check(_inputs(markdown, **extra))


def _claim(report: CheckReport, needle: str) -> ClaimReport:
    found = [c for c in report.claims if needle in c.sentence]
    assert found, f"no claim holds {needle!r}"
    return found[0]


def _with(old: str, new: str) -> str:
    lead = [s.replace(old, new) for s in LEAD]
    assert lead != LEAD, old
    return _markdown(lead)


def _lead_report(source: str, lead: list[str], date: str = "2026-10-28") -> CheckReport:
    """The check of a lead written in the test against a source written in the test."""
    article = Article(url=URL, title="Mothers leave work as care costs rise", site_name="Meridian Post",
                      date=date, text=source, fetched_at=f"{date}T10:00:00Z")  # fmt: skip
    return check(_inputs(_markdown(lead, title="保育費が母親の就労を阻む"), article=article))


def test_a_faithful_draft_has_no_must_fix_item() -> None:
    report = _report(_markdown())
    assert report.ok, [(c.sentence, c.reasons) for c in report.failures]
    # the category line under the title is not a claim; the quotation with 。 is one sentence
    assert not any(c.sentence == "ニュース" for c in report.claims)
    assert len([c for c in report.claims if c.section == "lead"]) == len(LEAD)
    lead = [c for c in report.claims if c.section == "lead"]
    assert all(c.verdict == "supported" for c in lead), [(c.sentence, c.reasons) for c in lead]


@pytest.mark.parametrize(
    ("old", "new", "check_name"),
    [
        ("6か月延期", "9か月延期", "numbers"),  # six months
        ("45ドル", "54ドル", "numbers"),  # digits swapped
        ("最大40%", "最大60%", "numbers"),  # "up to 40%" is not "up to 60%"
    ],
)
def test_each_planted_error_is_a_must_fix_item(old: str, new: str, check_name: str) -> None:
    report = _report(_with(old, new))
    claim = _claim(report, new.strip("「」"))
    assert claim.fails and claim.verdict == "contradicted", claim.reasons
    assert claim.decided_by == check_name, (claim.decided_by, claim.reasons)
    assert not report.ok
    # the reason is for a Japanese editor, and quotes the source
    assert any("原文" in r for r in claim.reasons), claim.reasons


@pytest.mark.parametrize(
    ("old", "new", "check_name"),
    [
        ("「海運会社の声を聞いた。もっと時間を与える」", "「港は二度と開かない」", "quotes"),
        # a faithful but free translation scores well below a close one against its English
        (
            "「海運会社の声を聞いた。もっと時間を与える」",
            "「海運業界の話に耳を傾けた。彼らにはもう少し時間をあげよう」",
            "quotes",
        ),
        ("延期する見通しを示した", "延期した", "hedges"),  # "expects to delay"
    ],
)
def test_an_invented_quotation_or_a_dropped_hedge_is_listed_to_verify(
    old: str, new: str, check_name: str
) -> None:
    """Whether a Japanese rendering is the speaker's words, and whether a claim restates the
    very clause a modal hedges, are readings, not deterministic evidence: listed to verify,
    with the source sentence, never must-fix (round drafts: 13 false must-fix items of the two
    kinds in 211 faithful drafts, against 10 planted errors caught at must-fix in 462)."""
    report = _report(_with(old, new))
    claim = _claim(report, new.strip("「」"))
    assert not claim.fails and claim.verdict == "unsupported", claim.reasons
    assert claim.decided_by == check_name, (claim.decided_by, claim.reasons)
    assert report.ok
    assert any("原文" in r for r in claim.reasons), claim.reasons


def test_a_bare_count_found_in_another_sentence_is_not_a_swapped_figure() -> None:
    """「2得点」 from "a two-goal night" while the claim's closest sentence counts other things
    (four times, three games): a bare count is too common to prove a figure was swapped."""
    source = (
        "Hours before Mara Venn's two-goal night on Tuesday, coach Ilse Dorran said the striker "
        "always finds her form.\n\nHaving scored four times in a three-game run, Venn is full "
        "of confidence now.\n\nKelmar won 4-1 in front of 15,000 fans."
    )
    lead = ["ベンは2得点を挙げ、自信にあふれている。"]
    article = Article(url=URL, title="Venn scores twice", site_name="Meridian Post",
                      date="2026-10-28", text=source, fetched_at="2026-10-28T10:00:00Z")  # fmt: skip
    report = check(
        _inputs(_markdown(lead, title="ケルマーが4-1で勝利 ベンが2得点で自信"), article=article)
    )
    assert not [c for c in report.failures if c.decided_by == "numbers"], [
        (c.sentence, c.reasons) for c in report.failures
    ]


@pytest.mark.parametrize(("age", "fails"), [("33", False), ("50", True), ("34", True)])
def test_an_age_is_held_to_the_age_the_source_gives(age: str, fails: bool) -> None:
    """「スレンプさん（50）」 for "says Slemp, 33," was not even listed: the bare 50 was found in
    "fewer than 50 counties" and a bare figure proves no swap (a plant into round DC's VOA
    draft). A person's age in brackets is an age, held to the age the anchored sentences give."""
    source = (
        "Mara Venn expected to return to work after her son was born in August.\n\n"
        '"I really did not want to quit my job," says Venn, 33, who lives near Kelmar.\n\n'
        "A state survey found fewer than 50 counties where care was affordable."
    )
    lead = [f"ケルマー近郊に住むベンさん（{age}）は「本当は仕事を辞めたくなかった」と話す。"]
    claim = _claim(_lead_report(source, lead), f"（{age}）")
    assert claim.fails is fails, claim.reasons
    # another person's age in the same sentence proves nothing of this one's (a figure one off
    # the sentence's is still a slip, whoever it is given for)
    other = [f"ケルマー近郊に住むドランさん（{age}）は「本当は仕事を辞めたくなかった」と話す。"]
    assert _claim(_lead_report(source, other), f"（{age}）").fails is (age == "34")
    if fails:
        assert claim.decided_by == "numbers" and "33" in claim.reasons[0], claim.reasons


@pytest.mark.parametrize(
    ("highs", "returned", "claim", "fails"),
    [
        ("December 2023", "March", "2023年12月", False),
        ("December 2023", "March", "2023年3月", True),  # March is only "In March, she returned"
        # March 2023 is the date of another sentence, whose year the highs do not share: listed
        ("December 2022", "March 2023", "2023年3月", False),
    ],
)
def test_a_month_dated_by_its_year_is_held_to_the_month_its_sentence_gives(
    highs: str, returned: str, claim: str, fails: bool
) -> None:
    """「2023年3月に過去最高」 for "reaching historic highs in December 2023" was listed, not
    failed (a plant into round DC's VOA draft): its March was found in "In March, she
    returned to work", and a month moved from elsewhere proves nothing. Dated by a year that
    the sentence it rests on dates by another month, it does."""
    source = (
        f"Women's participation in the workforce reached historic highs in {highs}.\n\n"
        f"In {returned}, she returned to work and her husband took leave."
    )
    lead = [f"女性の労働参加率は{claim}に過去最高に達した。"]
    found = _claim(_lead_report(source, lead, "2024-04-28"), "過去最高")
    assert found.fails is fails, found.reasons


@pytest.mark.parametrize(
    ("place", "listed"),
    [
        ("カルデン", False),  # the source's own Calden
        ("リデキス", True),  # sounds like "altogether" (r-d-k-s), spelt nothing like it
        ("ベリバン", True),  # ベリ+バン, "very van": two short words the source never uses
    ],
)
def test_an_invented_place_is_listed_though_it_sounds_like_a_word(place: str, listed: bool) -> None:
    """Invented places planted into round DC's VOA lead went unlisted: リデキス州 matched the
    source's lower-case "altogether" by its consonants, and ベリバン read as the compound
    loanword "very van". A loanword must be spelt like the source's word, not only sound like
    it; short words the source never uses are a name's syllables."""
    source = (
        "Mara Venn worked for the Calden child services department for six years altogether.\n\n"
        "She lives in a suburb and had a knack for working with families."
    )
    lead = [f"{place}州の児童福祉部門で6年間働いていたマラ・ベンさんは、{place}近郊に住む。"]
    claim = _claim(_lead_report(source, lead), "児童福祉部門")
    assert any(place in r for r in claim.reasons) is listed, claim.reasons
    assert not claim.fails


@pytest.mark.parametrize(
    "new",
    ["プリヤ・ナタラジャン運輸相", "マーク・ヘンダーソン運輸相"],  # swapped, invented
)
def test_a_swapped_or_unknown_person_is_listed_with_who_the_source_names(new: str) -> None:
    """Names are never must-fix (a speaker named a few sentences away, or in the byline, looks
    the same to this check), but the editor is told who the source sentence names."""
    report = _report(_with("イルゼ・ドラン運輸相", new))
    claim = _claim(report, new)
    assert not claim.fails and claim.verdict == "unsupported" and claim.decided_by == "names"
    assert any("Ilse Dorran" in r for r in claim.reasons), claim.reasons


def test_a_contradiction_by_a_figure_the_sentence_itself_writes_is_only_listed() -> None:
    """When the claim's own figure is written in the source sentence that seems to contradict
    it (3.2 in "3.2 years", 350 in "350-375 million"), the figure was misread on one side: a
    reader's gap must not fail a faithful draft. A figure the sentence does not write fails."""
    from drafter.check.claims.numbers import _contradiction
    from drafter.lang.quantities import Quantity
    from drafter.models import SourceSentence

    checker = Checker(_inputs(_markdown()))
    sentence = SourceSentence(id="S9", text="It shaved 3.2 years off 350-375 million lives.")
    rival = Quantity("duration", 12.0, "months", "a year")
    assert not _contradiction(
        checker, Quantity("duration", 38.4, "months", "3.2年"), sentence, rival
    ).must
    misread = Quantity("number", 350.0, "", "350")
    assert not _contradiction(
        checker, Quantity("number", 3.5e8, "人", "3億5000万人"), sentence, misread
    ).must
    assert _contradiction(
        checker, Quantity("duration", 48.0, "months", "4年"), sentence, rival
    ).must


@pytest.mark.parametrize(
    ("japanese", "kind", "value"),
    [("1ドル=108円55銭", "money", 108.55), ("1ドル=108円5銭", "money", 108.05),
     ("9.11の時に", None, None), ("9・11テロ以降", None, None), ("2.26事件", None, None),
     ("利回りは3.11%", "percent", 3.11), ("指数は9.11上昇", "number", 9.11)],
)  # fmt: skip
def test_a_rate_in_yen_and_sen_is_one_figure_and_an_event_named_by_its_date_none(
    japanese: str, kind: str | None, value: float | None
) -> None:
    from drafter.lang.quantities import ja_quantities

    found = [(q.kind, q.value) for q in ja_quantities(japanese)]
    assert found == ([(kind, value)] if kind else []), found


@pytest.mark.parametrize(
    ("japanese", "source", "agrees"),
    [("1ドル=108円台半ば", "The yen was at 108.55 per dollar.", True),
     ("1ドル=108円台", "The yen was at 109.10 per dollar.", False),
     ("両指数とも2〜3%台の下げ", "One fell 2.4% and the other 3.1%.", True),
     ("支持率は30%台", "Its approval rating is 41%.", False),
     ("1万円台の商品", "It sells for 15,800 yen.", True)],
)  # fmt: skip
def test_a_band_is_the_figures_up_to_the_next_of_its_place(
    japanese: str, source: str, agrees: bool
) -> None:
    """〜台: 108円台 is 108 to 109 yen, 30%台 30 to 40%, 1万円台 10,000 to 20,000 yen."""
    from drafter.lang.quantities import en_quantities, ja_quantities, same_value

    found = en_quantities(source)
    claimed = ja_quantities(japanese)
    assert claimed and all(any(same_value(c, q) for q in found) == agrees for c in claimed)


def test_a_month_after_a_possessive_is_the_month() -> None:
    """ "Norway's October oil production": 「ノルウェーの10月の原油生産量」 has its month."""
    from drafter.lang.quantities import en_quantities

    assert [(q.kind, q.value) for q in en_quantities("Norway's October output rose.")] == [
        ("month", 10)
    ]
    assert en_quantities("Trump's May visit") == []  # may be the verb: not read


@pytest.mark.parametrize(
    ("text", "month"),
    [("November marked the start of the stranding season.", 11),
     ("October saw a surge in exports.", 10),
     ("March was the wettest on record.", 3),
     ("May was dry.", None),  # may be the modal: not read
     ("Marching bands opened the show.", None)],
)  # fmt: skip
def test_a_month_that_opens_a_sentence_as_its_subject_is_the_month(
    text: str, month: int | None
) -> None:
    """ "November marked the beginning of whale stranding season": 「11月に始まった座礁シーズン」
    has its month (it was listed as not in the source)."""
    from drafter.lang.quantities import en_quantities

    months = [q.value for q in en_quantities(text) if q.kind == "month"]
    assert months == ([month] if month else [])


def test_a_figure_nothing_contradicts_is_listed_to_verify() -> None:
    report = _report(_with("最終判断は3月の閣議", "最終判断は7000人が見守る3月の閣議"))
    claim = _claim(report, "7000人")
    assert not claim.fails and claim.verdict == "unsupported"
    assert "7000人" in claim.reasons[0] and "原文に見当たりません" in claim.reasons[0]
    assert report.ok


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("約3億1000万ドル", "3億ドル超"),  # "about $310 million": more than 300 million
        ("最大40%", "4割近く"),  # up to 40% ~ nearly 40%
        ("10月27日", "27日（火）"),  # no month: not compared
        ("3月の閣議", "来年3月の閣議"),  # a month alone is not a date
    ],
)
def test_approximate_and_partial_figures_are_faithful(old: str, new: str) -> None:
    report = _report(_with(old, new))
    assert report.ok, [(c.sentence, c.reasons) for c in report.failures]


def test_a_weekday_is_the_date_it_stands_for() -> None:
    """ "on Tuesday" in a story dated Wednesday 28 October 2026 is 10月27日; 10月25日 is not."""
    assert _claim(_report(_markdown()), "10月27日").verdict == "supported"
    wrong = _claim(_report(_with("10月27日", "10月25日")), "10月25日")
    assert wrong.verdict in ("contradicted", "unsupported") and wrong.reasons


def test_a_date_with_the_wrong_weekday_is_must_fix_by_the_calendar() -> None:
    """2026-10-27 (the story's "Tuesday") is a Tuesday: 10月27日（金） is wrong in any section;
    a year given in the sentence is used, else the one nearest the story's date."""
    assert _report(_with("10月27日", "10月27日（火）")).ok
    wrong = _claim(_report(_with("10月27日", "10月27日（金）")), "10月27日")
    assert wrong.fails and any("火曜日" in r for r in wrong.reasons), wrong.reasons
    named = _claim(_report(_with("10月27日", "10月27日の金曜日")), "10月27日")
    assert named.fails
    # a December story's 1月5日 is next year's: 2027-01-05 is a Tuesday, 2026-01-05 a Monday
    december = _inputs(_markdown()).article.model_copy(update={"date": "2026-12-30"})
    later = _markdown(lead=[*LEAD[:5], "最終判断は1月5日（火）の閣議で下される予定だ。"])
    assert not _claim(_report(later, article=december), "1月5日").fails
    assert _claim(_report(_with("10月27日", "2026年1月5日（火）")), "1月5日").fails
    # an October story's 5月18日 may be the May before it (2026-05-18, a Monday) or the May
    # after it (2027-05-18, a Tuesday, not much further); a weekday that fits neither is wrong
    may = _markdown(lead=[*LEAD[:5], "事件は5月18日（火）の夜に起きる。"])
    assert not _claim(_report(may), "5月18日").fails
    wrong_may = _markdown(lead=[*LEAD[:5], "事件は5月18日（金）の夜に起きた。"])
    assert _claim(_report(wrong_may), "5月18日").fails


def test_a_weekday_alone_that_the_source_never_names_is_must_fix_in_the_lead() -> None:
    """The story's "on Tuesday" kept as a weekday is faithful; 金曜日 is in no sentence while
    the one the claim restates says Tuesday."""
    assert _report(_with("10月27日", "火曜日")).ok
    wrong = _claim(_report(_with("10月27日", "金曜日")), "金曜日")
    assert wrong.fails and any("Tuesday" in r for r in wrong.reasons), wrong.reasons


def test_last_or_next_month_is_the_month_it_names_against_the_story_date() -> None:
    """ "next month" in a story of 28 October 2026 is 11月; 12月 is not in the source."""
    article = _inputs(_markdown()).article
    relative = article.model_copy(update={"text": SOURCE.replace("in March", "next month")})
    right = _claim(_report(_with("3月の閣議", "11月の閣議"), article=relative), "11月")
    assert right.verdict == "supported" and not right.reasons, right.reasons
    wrong = _claim(_report(_with("3月の閣議", "12月の閣議"), article=relative), "12月")
    assert wrong.reasons


def test_a_wrong_weekday_the_source_gives_with_that_date_is_only_listed() -> None:
    article = _inputs(_markdown()).article
    copied = article.model_copy(
        update={"text": SOURCE.replace("on Tuesday", "on Friday, Oct. 27,")}
    )
    claim = _claim(_report(_with("10月27日", "10月27日（金）"), article=copied), "10月27日")
    assert not claim.fails and any("原文も同じ" in r for r in claim.reasons), claim.reasons


def test_loanwords_and_exonyms_are_not_unknown_names() -> None:
    lead = [
        *LEAD[:4],
        "オランダとデンマークの海運会社はコンテナ輸送のボトルネックを懸念していた。",
        *LEAD[5:],
    ]
    report = _report(_markdown(lead))
    claim = _claim(report, "ボトルネック")
    assert not [r for r in claim.reasons if "オランダ" in r or "ボトルネック" in r], claim.reasons


def test_an_invented_name_whose_consonants_match_a_common_word_is_still_listed() -> None:
    """ラナク and "lawmaker" share r-n-k, not their vowels: a made-up name, not the loanword of a word
    of the source (a short sound shape must also sound alike to count as a common word)."""
    report = _report(_with("ドラン氏は記者団に", "ドラン氏はラナクで記者団に"))
    claim = _claim(report, "ラナク")
    assert not claim.fails and claim.verdict == "unsupported"
    assert any("ラナク" in r for r in claim.reasons), claim.reasons


@pytest.mark.parametrize(
    ("place", "listed"),
    [("ゴネネス", True), ("サンフランシスコ", False)],  # made up / known to the dictionary
)
def test_background_lists_a_name_neither_the_source_nor_the_dictionary_knows(
    place: str, listed: bool
) -> None:
    """Background brings places of its own (サンフランシスコ is fine); a name that is neither in
    the source nor a word the dictionary knows is likely misspelt or made up: to verify."""
    sentence = "港湾使用料は、港の設備更新の財源として各国で使われている仕組みです。"
    changed = f"港湾使用料は、{place}など各国で港の設備更新の財源として使われている仕組みです。"
    markdown = _markdown()
    assert sentence in markdown
    report = _report(markdown.replace(sentence, changed))
    claim = _claim(report, place)
    assert not claim.fails
    assert any(place in r for r in claim.reasons) is listed, claim.reasons


@pytest.mark.parametrize(
    "claim", ["延期は確実だ。", "ノルバンダ運輸省は、港湾使用料の導入を6か月延期すると発表した。"]
)
def test_a_dropped_hedge_is_listed_never_must_fix(claim: str) -> None:
    """The same alignment to a hedged sentence ("it expects to delay"), for a short claim and for
    one that restates it: the hedge is listed, with the source's word, and never must-fix."""
    checker = Checker(_inputs(_markdown()))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.6, recorded=False)
    findings = hedges(checker, "lead", claim, anchor)
    assert [(f.check, f.must) for f in findings] == [("hedges", False)]
    assert "expects" in findings[0].reason


def test_the_titles_framing_phrase_is_not_a_quotation() -> None:
    # a catchphrase with no figure or name is the headline's own framing: nothing to report
    plain = _claim(_report(_markdown()), "海運の声")
    assert not plain.reasons and plain.verdict == "supported"
    # one that states something (a figure) paraphrases the source: to verify, never must fix
    title = "ノルバンダ、港湾使用料を6か月延期へ 「年3億ドルの痛手」"
    stated = _claim(_report(_markdown(title=title)), "年3億ドルの痛手")
    assert not stated.fails and any("見出し" in r for r in stated.reasons)
    # recorded by the run as the framing: not read as a quotation at all
    recorded = _claim(
        _report(_markdown(title=title), title_framing=["「年3億ドルの痛手」"]), "年3億ドルの痛手"
    )
    assert not recorded.reasons and recorded.verdict == "supported"


def test_a_guessed_kanji_reading_is_listed_to_verify() -> None:
    lead = [LEAD[0], LEAD[1].replace("イルゼ・ドラン", "土蘭いるぜ"), *LEAD[2:]]
    glossary = [GlossaryEntry(source="Ilse Dorran", target="土蘭いるぜ", verify=True)]
    report = _report(_markdown(lead), glossary=glossary, guessed_names=["土蘭いるぜ"])
    claim = _claim(report, "土蘭いるぜ")
    assert not claim.fails and any("漢字表記は推定" in r for r in claim.reasons)
    # a katakana rendering the run marked as a guess is not called a kanji spelling
    glossary = [GlossaryEntry(source="Ilse Dorran", target="イルゼ・ドラン", verify=True)]
    report = _report(_markdown(), glossary=glossary, guessed_names=["イルゼ・ドラン"])
    reasons = _claim(report, "イルゼ・ドラン運輸相").reasons
    assert any("表記は推定" in r for r in reasons) and not any("漢字" in r for r in reasons)
    # nor one with a place's kanji suffix (イリノイ州ディカルブ)
    lead = [LEAD[0], LEAD[1].replace("イルゼ・ドラン運輸相", "ケルマー州ドラン運輸相"), *LEAD[2:]]
    report = _report(_markdown(lead), guessed_names=["ケルマー州ドラン"])
    reasons = _claim(report, "ケルマー州ドラン").reasons
    assert any("表記は推定" in r for r in reasons) and not any("漢字" in r for r in reasons)
    # nor one with a title or a kind after it (ドラン氏, a magazine's ケルマー誌)
    lead = [LEAD[0], LEAD[1].replace("イルゼ・ドラン運輸相", "ドラン氏"), *LEAD[2:]]
    reasons = _claim(_report(_markdown(lead), guessed_names=["ドラン氏"]), "ドラン氏").reasons
    assert any("表記は推定" in r for r in reasons) and not any("漢字" in r for r in reasons)


# ---- reactions, links ----


def test_a_reaction_with_an_id_the_thread_does_not_have_is_must_fix() -> None:
    swapped = _markdown(reactions="<!-- comment id=c9 score=120 -->\n\n6か月の猶予は妥当だと思う。")
    claim = _claim(_report(swapped), "猶予")
    assert claim.fails and "c9" in claim.reasons[0]


def test_a_reaction_under_another_comments_id_is_must_fix() -> None:
    swapped = _markdown(
        reactions="<!-- comment id=c3 score=9 -->\n\n6か月の猶予は妥当だと思う。\n\n"
        "<!-- comment id=c1 score=120 -->\n\nどこの港も使用料を取ってる。今さらの話だよ。"
    )
    report = _report(swapped)
    assert _claim(report, "猶予").fails and _claim(report, "どこの港").fails


def test_a_reactions_figure_the_comment_states_otherwise_is_must_fix() -> None:
    changed = _markdown(
        reactions="<!-- comment id=c2 score=45 -->\n\nコンテナ1個60ドルは高すぎたよ。"
    )
    claim = _claim(_report(changed), "60ドル")
    assert claim.fails and any("45" in r for r in claim.reasons)


def _reaction_report(body: str, translation: str, **extra: Any) -> CheckReport:
    """The check of one reaction, translated from a comment `body` (id c4)."""
    thread = _inputs(_markdown()).thread.model_copy(deep=True)
    thread.comments.append(Comment(id="c4", body=body, score=30, permalink="/c4/"))
    markdown = _markdown(reactions=f"<!-- comment id=c4 score=30 -->\n\n{translation}")
    return _report(markdown, thread=thread, **extra)


@pytest.mark.parametrize(
    ("body", "translation"),
    [
        # elliptical figures: "or two" is a range, "ten" stands for ten minutes
        ("Loading is usually a minute or two, not ten.", "読み込みは1〜2分で、10分もかからない。"),
        # a range of money written once: $4,000 to $6,000
        ("Business class is $4,000-6,000 round trip.", "ビジネスクラスは往復4,000〜6,000ドルだ。"),
        ("He goes for £35-40m and Kepa cost almost double that.",
         "彼は3500万〜4000万ポンドで、ケパはその2倍近くだ。"),
        # a rank, not a count; "this one" is no count either
        ("Third place with one ballot, they win this one.", "1票差の3位で、今回は勝ちだ。"),
        # an event named by its date: 9.11 is no figure, nor is "9/11" the figures 9 and 11
        ("Some of the troops there now were not even born on 9/11.",
         "今いる兵士には、9.11の時にまだ生まれてもいなかった連中がいる。"),
        # a score's zero, written "59-0" (round AS: 「0」 was a must-fix against "one")
        ("He has exactly one career start and it was 59-0 over Wisconsin.",
         "先発経験は1試合だけど、それがウィスコンシン大に59対0の試合だからな。"),
    ],
)  # fmt: skip
def test_a_reactions_figure_the_comment_writes_is_never_must_fix(
    body: str, translation: str
) -> None:
    """Each was a false must-fix on a faithful recorded draft: the comment writes the figure,
    the check misread the comment's other one."""
    claim = _claim(_reaction_report(body, translation), translation[:6])
    assert not claim.fails, claim.reasons


def test_a_reaction_naming_another_person_of_the_article_than_its_comment_is_must_fix() -> None:
    body = "Natarajan is right, the delay is a mistake."
    swapped = _claim(_reaction_report(body, "ドランの言う通り、延期は間違いだよ。"), "言う通り")
    assert swapped.fails and any("Natarajan" in r and "ドラン" in r for r in swapped.reasons)
    faithful = _claim(
        _reaction_report(body, "ナタラジャンの言う通り、延期は間違いだよ。"), "言う通り"
    )
    assert faithful.verdict == "supported", faithful.reasons


def test_a_reaction_whose_own_name_the_matcher_cannot_read_is_never_must_fix() -> None:
    """ロウズ for "Lowe's" matches no word by sound: a swap beside it may be the matcher's
    miss (the translation also spelt out "company-specific" as ドラン固有): listed only."""
    article = _inputs(_markdown()).article
    with_rival = article.model_copy(update={"text": SOURCE + "\n\nRival Lowe's fell 1.8%."})
    body = "Lowe's dropping in sympathy is the signal. This looks company-specific."
    claim = _claim(
        _reaction_report(
            body, "ロウズの連れ安がシグナル。ドラン固有の話に見える。", article=with_rival
        ),
        "シグナル",
    )
    assert not claim.fails and any("ドラン" in r for r in claim.reasons), claim.reasons


def test_a_number_written_onto_a_name_in_a_reaction_is_not_a_figure() -> None:
    """レッド・デッド・リデンプション2 for the comment's "Red Dead": the 2 is the title's."""
    report = _reaction_report(
        "Red Dead runs at 30 fps, as expected.",
        "レッド・デッド・リデンプション2が30fpsなのは予想どおり。",
    )
    assert not _claim(report, "予想どおり").fails
    # round BE: "Gears of War 4" for the comment's "Gears", beside its "i7 4790k"
    report = _reaction_report(
        "His rig has an i7 4790k and the X was in the same ballpark at 60 fps in Gears.",
        "i7 4790kのPCと比べても、Gears of War 4でXは60fpsで同じくらいだった。",
    )
    assert not _claim(report, "同じくらい").fails


def test_a_reaction_naming_a_country_as_its_foreign_comment_does_passes() -> None:
    """A French source and comment: 「フランス人」 for "les Français" and 「ネパール人」 for
    "népalais" render the comment's own places (it was a must-fix swap: Népal "not in the
    comment", Français "not in the translation"). Another of the article's names is not."""
    article = _inputs(_markdown()).article.model_copy(
        update={
            "language": "fr",
            "text": "Un troisième Français est mort dans le séisme au Népal, a annoncé jeudi "
            "le ministre Laurent Fabius. Un avion a rapatrié 206 Français depuis le Népal.",
        }
    )
    body = "Rapatrier les Français, très bien, mais on parle de 5 500 morts népalais."
    faithful = "フランス人を帰国させるのはいいけど、ネパール人の死者は5500人なんだぞ。"
    passed = _claim(_reaction_report(body, faithful, article=article), "帰国")
    assert passed.verdict == "supported", passed.reasons
    swapped = faithful.replace("フランス人", "ファビウス")
    claim = _claim(_reaction_report(body, swapped, article=article), "帰国")
    assert claim.fails and any("ファビウス" in r for r in claim.reasons), claim.reasons


def test_a_reaction_rendering_an_acronym_a_war_or_a_brit_as_japanese_does_passes() -> None:
    """Three false swaps of a recorded draft's reactions, where the translation had added an
    article's name (the commenter quoting the article, in shorthand): the comment's "PII",
    which the article spells out in lower case, was "left out" though rendered
    「個人を特定する情報」; its "Maji Maji" was not heard in マジマジ; a "Brit" was not
    イギリス. A name of the comment the translation drops is still a swap."""
    article = _inputs(_markdown()).article
    article = article.model_copy(
        update={
            "text": SOURCE + '\n\nIn Britain "personally identifiable information" (PII) is '
            "kept apart. The Maji Maji war began in 1905."
        }
    )

    def reasons(body: str, translation: str) -> list[str]:
        claim = _claim(_reaction_report(body, translation, article=article), "無意味")
        return claim.reasons

    pii = reasons(
        "The no PII line is meaningless.", "ケルマーの「個人を特定する情報なし」は無意味。"
    )
    assert pii == []
    war = reasons("The Maji Maji war line is meaningless.", "ケルマーのマジマジ戦争の話は無意味。")
    assert war == []
    brit = reasons(
        "As a Brit, the Kelmar line is meaningless.", "イギリス人として、あの話は無意味。"
    )
    assert brit == []
    dropped = reasons("The Natarajan line is meaningless.", "ケルマーの話は無意味。")
    assert any("Natarajan" in r for r in dropped), dropped


def test_a_reaction_naming_a_club_the_glossary_also_renders_from_its_handle_passes() -> None:
    """The glossary renders both "West Ham" and the club's handle @WestHam as ウェストハム: a
    comment's "West Ham" is the same name, not one the comment lacks (it was a must-fix swap
    for the comment's other name, which the translation had left out)."""
    article = _inputs(_markdown()).article.model_copy(
        update={"text": SOURCE + "\n\nWest Ham United (@WestHam) praised Moyes on Tuesday."}
    )
    glossary = [
        GlossaryEntry(source="West Ham", target="ウェストハム"),
        GlossaryEntry(source="WestHam", target="ウェストハム"),
    ]
    body = "Lineker praising West Ham says it all, but Moyes still has to prove it."
    report = _reaction_report(
        body,
        "リネカーがウェストハムを褒めるなんて、すべてを物語ってる。",
        article=article,
        glossary=glossary,
    )
    claim = _claim(report, "物語って")
    assert not any("ウェストハム" in r for r in claim.reasons), claim.reasons


def test_a_name_a_german_comment_writes_into_a_compound_is_said() -> None:
    """ "Das bräuchte man europaweit": the comment names Europe in a compound, so a
    translation's 欧州 is the comment's own, not a name from the article put for another."""
    article = _inputs(_markdown()).article.model_copy(
        update={"language": "de", "text": "Die Bahn in Europa wird schneller. Kelmar baut mit."}
    )
    glossary = [GlossaryEntry(source="Europa", target="欧州")]
    body = "Die Schweiz zeigt seit Jahren, wie es geht. Das bräuchte man europaweit."
    report = _reaction_report(
        body,
        "スイスは何年も前から手本を示してる。欧州全体で必要だよ。",
        article=article,
        glossary=glossary,
    )
    claim = _claim(report, "欧州全体")
    assert not any("欧州" in r for r in claim.reasons), claim.reasons


_CZECH = (
    "Ministerstvo dopravy v Norvandě v úterý oznámilo, že o šest měsíců odloží nový přístavní "
    "poplatek. Poplatek 45 dolarů za kontejner měl podle ministryně Ilse Dorranové vynést asi "
    "310 milionů dolarů ročně. „Poslechli jsme rejdaře a dáme jim víc času,“ řekla Dorranová."
)


def test_what_only_a_reading_of_an_unread_language_calls_wrong_is_listed() -> None:
    """A Czech page and thread (a language with no number words, months or common words
    here, on which the cross-lingual matching was never measured): a figure the comment
    writes as a word ("obou Manchesterů": both, 2), a comment's translation that reads
    closer to an English comment than to its Czech original, and a Czech quotation's
    faithful rendering (0.12) were three must-fix items on one recorded draft. Listed to
    verify. In English the same id mix-up is still must-fix."""
    from drafter.check.claims import quotes

    article = _inputs(_markdown()).article.model_copy(update={"text": _CZECH, "language": "cs"})
    both = "Vyřazení obou Manchesterů z poháru a skóre 4:1, to je síla."
    claim = _claim(
        _reaction_report(
            both, "マンチェスターの2クラブを敗退させて4対1、すごいよ。", article=article
        ),
        "すごいよ",
    )
    assert not claim.fails and any("「2」" in r for r in claim.reasons), claim.reasons
    czech = "Přesně tak, bez poplatku se přístav prostě neuživí, to je jasné."
    english_like = "6か月の猶予は妥当だと思う。"  # comment c1's words, marked c4
    mixed = _claim(_reaction_report(czech, english_like, article=article), "猶予")
    assert not mixed.fails and any("c1" in r for r in mixed.reasons), mixed.reasons
    in_english = _claim(
        _reaction_report("The port cannot live without the fee, that much is clear.", english_like),
        "猶予",
    )
    assert in_english.fails and any("c1" in r for r in in_english.reasons)

    checker = Checker(_inputs(_markdown(), article=article))
    anchor = Anchor(ids=["S2"], closest=["S2"], best=0.5, recorded=True)
    quoted = "ドラン氏は「港の将来について来月には新しい計画を示す」と述べた。"
    assert [f.must for f in quotes(checker, "lead", quoted, anchor)] == [False]
    # a page without a language tag is told by its letters: Czech, not English
    untagged = article.model_copy(update={"language": None})
    checker = Checker(_inputs(_markdown(), article=untagged))
    assert [f.must for f in quotes(checker, "lead", quoted, anchor)] == [False]


def test_a_figure_of_a_comment_in_hindi_or_tagalog_in_latin_letters_is_listed() -> None:
    """Round AO: a Hinglish comment, "Debut Test mein 3 aur 1, dono baar bekaar shot" (both
    times: 2), was read as the article's English (no profiled language's words reached the
    bar), and its faithful 「2回とも」 was a must-fix against the 1. Hindi and Tagalog in Latin
    letters are now told, and not read: listed. The same figure in English still fails."""
    from drafter.check.reader_names import comment_language

    hinglish = (
        "Rahul ko No.3 pe bhejna kya logic tha yaar? Debut Test mein 3 aur 1, dono baar "
        "bekaar shot. Sydney mein opening kaun khelega, kisi ko nahi pata."
    )
    faithful = "デビュー戦で3点と1点、しかも2回ともひどいショットだった。"
    tagalog = (
        "Grabe talaga ang traffic sa EDSA kanina, tatlong oras ako sa bus. Hindi na ito normal."
    )
    assert (comment_language(hinglish), comment_language(tagalog)) == ("hi", "tl")
    claim = _claim(_reaction_report(hinglish, faithful), "デビュー戦")
    assert not claim.fails and any("「2回」" in r for r in claim.reasons), claim.reasons
    english = "Sending Rahul in at three made no sense: 3 and 1 on debut, a bad shot once."
    wrong = _claim(
        _reaction_report(english, "デビュー戦で3点と1点、2回ともひどいショット。"), "デビュー戦"
    )
    assert wrong.fails, wrong.reasons


def test_a_comment_in_a_language_not_told_reads_like_another_only_as_its_translation() -> None:
    """Round AP: a Welsh comment ("Roedd fy mam yn athrawes…", no language told, no letters
    of one) read 0.07 against its faithful translation and 0.53 against an English comment:
    a must-fix id mix-up. Listed now, unless the translation reads like one of the rival."""
    welsh = "Mae chwe mis yn llawer rhy fyr i'r allforwyr bach yn y porthladd hwn, medden nhw."
    faithful = _claim(
        _reaction_report(welsh, "この港の小さな輸出業者には6か月じゃ短すぎるってさ。"), "輸出業者"
    )
    assert not faithful.fails, faithful.reasons
    # the translation of the rival comment itself (c1's six months of grace) is still named
    rival = _claim(_reaction_report(welsh, "6か月の猶予は妥当だと思う。"), "猶予")
    assert [r for r in rival.reasons if "c1" in r], rival.reasons
    # Krio writes ɔ and ɛ: letters of a language without a profile, as Czech's ř are
    from drafter.sources.language import unprofiled

    assert unprofiled("Plenty pipul na Salone dɔn day bikos of dis Ebola, an na dem nɔs dɛn ya.")


def test_a_comments_opening_adverb_is_no_name() -> None:
    """Round AP: "Meanwhile the comments on the Star's own site…" had "Meanwhile" taken for a
    name the translation left out (the article opens a sentence with it too), beside the
    paper's name the translation gives. A name that opens sentences (Dawson) is still one."""
    article = _inputs(_markdown()).article.model_copy(
        update={"text": SOURCE + "\n\nMeanwhile, exporters said the fee was too high."}
    )
    body = "Meanwhile the comments on the paper's site are full of people wanting a fee cut."
    translation = "なのにノルバンダ港のサイトのコメント欄は値下げしろって連中だらけ。"
    claim = _claim(_reaction_report(body, translation, article=article), "コメント欄")
    assert not [r for r in claim.reasons if "Meanwhile" in r], claim.reasons
    # a name of the article that opens the comment is still one the translation left out
    named = "Natarajan is right, the paper's site is full of people wanting a fee cut."
    swapped = "ドラン氏の言う通り、サイトは値下げしろって連中だらけ。"
    claim = _claim(_reaction_report(named, swapped, article=article), "値下げ")
    assert [r for r in claim.reasons if "Natarajan" in r], claim.reasons


def test_a_comment_the_encoder_cannot_read_is_not_said_to_read_like_another() -> None:
    """Round AN: faithful translations of Greek, Vietnamese and Swedish comments scored
    0.1-0.35 against their originals and 0.3-0.5 against English comments by chance: five
    "reads like comment cN" listings on three drafts. A translation of the rival itself
    (0.5-0.8) is still listed."""
    greek = "Έξι μήνες είναι πολύ λίγο χρόνο για τους μικρούς εξαγωγείς."
    faithful = _claim(
        _reaction_report(greek, "小さな輸出業者にとって6か月は短すぎる。"), "輸出業者"
    )
    assert not [r for r in faithful.reasons if "c1" in r], faithful.reasons
    swapped = _claim(_reaction_report(greek, "6か月の猶予は妥当だと思う。"), "猶予")
    assert [r for r in swapped.reasons if "c1" in r], swapped.reasons


def test_a_figure_of_a_comment_in_a_script_not_read_here_is_listed_not_failed() -> None:
    """A Hindi comment on an English story: "1 लाख लोग" is 100,000 people (a lakh), which a
    reading of its digits alone calls 1 (round AI's NDTV thread, a false must-fix 「10万人」).
    In English the same "1 lakh" is read as 100,000; a wrong figure there still fails."""
    hindi = "इस दोस्ती के लिए port पर 1 लाख लोग इकट्ठा किए थे"
    claim = _claim(
        _reaction_report(hindi, "この友情のために港に10万人も集めたんだよな。"), "10万人"
    )
    assert not claim.fails, claim.reasons
    english = "They gathered 1 lakh people at the port for this friendship."
    right = _claim(
        _reaction_report(english, "この友情のために港に10万人も集めたんだよな。"), "10万人"
    )
    assert right.verdict == "supported", right.reasons
    wrong = _claim(
        _reaction_report(english, "この友情のために港に1万人も集めたんだよな。"), "1万人"
    )
    assert wrong.fails, wrong.reasons


def test_a_city_in_a_reaction_is_the_city_not_the_outlet_it_sounds_like() -> None:
    """「ニューヨークらしい」 for "the most New York sentence": New York, not the page's outlet
    "NYTimes", whose glossary rendering ニューヨーク・タイムズ has ニューヨーク as a part (a
    false must-fix swap: York "left out")."""
    article = _inputs(_markdown()).article.model_copy(
        update={
            "site_name": "NYTimes",
            "text": "Manhole fires in New York rose in winter, the utility said on Monday.",
        }
    )
    body = "A manhole cover flying five stories is the most New York sentence I read this week."
    translation = (
        "マンホールのふたが5階の高さまで飛ぶって、今週読んだ中で一番ニューヨークらしい一文だわ。"
    )
    glossary = [GlossaryEntry(source="NYTimes", target="ニューヨーク・タイムズ")]
    report = _reaction_report(body, translation, article=article, glossary=glossary)
    claim = _claim(report, "ニューヨークらしい")
    assert claim.verdict == "supported", claim.reasons


def test_a_reaction_that_names_whom_its_comment_means_passes() -> None:
    """A translation may spell out what the commenter implied (she → ドラン) or abbreviated
    (KSC → the glossary's ケルマー荷主協議会): no other name of the comment is left out."""
    implied = _reaction_report("She caved to the shipping lines.", "ドランは海運会社に屈したね。")
    assert not _claim(implied, "屈した").reasons
    glossary = [GlossaryEntry(source="Kelmar Shippers Council", target="ケルマー荷主協議会")]
    spelt_out = _reaction_report(
        "The KSC warned about this months ago.",
        "ケルマー荷主協議会は何か月も前から警告してたよ。",
        glossary=glossary,
    )
    assert not _claim(spelt_out, "前から警告").fails


def test_a_reaction_naming_someone_neither_comment_nor_article_has_is_must_fix() -> None:
    """A person no one names, where the comment names someone: must fix. Katakana no
    dictionary knows without a person's title may be the commenter's slang: listed."""
    body = "Natarajan is right, the delay is a mistake."
    invented = _claim(
        _reaction_report(body, "ゴロラト氏の言う通り、延期は間違いだよ。"), "言う通り"
    )
    assert invented.fails and any("ゴロラト" in r and "記事にも" in r for r in invented.reasons)
    unknown = _claim(_reaction_report(body, "ゴロラトの言う通り、延期は間違いだよ。"), "言う通り")
    assert not unknown.fails and any("ゴロラト" in r for r in unknown.reasons)


def test_two_reactions_under_one_comment_id_flag_the_one_that_reads_less_like_it() -> None:
    """A comment is translated once: of two reactions under one id, the one that reads less
    like that comment is under a wrong id, even when nothing else about it gives it away (no
    score in the marker, no figure, not closer to another comment by the margin)."""
    import numpy as np

    from drafter.check.draft_md import DraftSentence
    from drafter.check.reactions import _used_twice

    checker = Checker(_inputs(_markdown()))
    reactions = [
        DraftSentence("reactions", "6か月の猶予は妥当だと思う。", comment_id="c1"),
        DraftSentence("reactions", "どこの港も使用料を取ってる。", comment_id="c1"),
        DraftSentence("reactions", "コンテナ1個45ドルは高すぎたよ。", comment_id="c2"),
    ]
    reports = [
        ClaimReport(section="reactions", sentence=r.text, verdict="supported",
                    decided_by="comments", comment_id=r.comment_id)
        for r in reactions
    ]  # fmt: skip
    sims = np.array([[0.8, 0.2, 0.1], [0.5, 0.2, 0.55], [0.1, 0.9, 0.1]])
    _used_twice(checker, reactions, reports, ["c1", "c2", "c3"], sims)
    assert [r.fails for r in reports] == [False, True, False]
    assert "c1" in reports[1].reasons[0] and reports[1].verdict == "contradicted"


def test_reactions_without_markers_are_must_fix() -> None:
    """Every marker removed: each translation is an unchecked reaction, not nothing."""
    bare = _markdown(
        reactions="この件にはこんなコメントが寄せられている。\n\n6か月の猶予は妥当だと思う。\n\n"
        "コンテナ1個45ドルは高すぎたよ。"
    )
    report = _report(bare)
    reactions = [c for c in report.claims if c.section == "reactions"]
    assert len(reactions) == 2 and all(c.fails for c in reactions)
    assert not report.ok


def test_a_link_the_run_never_fetched_is_must_fix() -> None:
    markdown = _markdown().replace(URL, "https://www.meridianpost.example/world/other-story")
    claim = _claim(_report(markdown), "other-story")
    assert claim.fails and claim.section == "links"


def test_a_scheme_named_in_prose_is_no_link_but_a_host_after_it_is() -> None:
    """Round AW (Fox Small Business): 「URLが「https://」で始まるサイトは…」 names the scheme; it
    was read as a link the run never fetched, a must-fix. A host after the scheme, even behind
    extra slashes a browser drops, or running into Japanese punctuation, is still a link."""
    lead = [*LEAD[:5], "多くの人はURLの「https://」や鍵のマークを見て安全を確かめる。", *LEAD[5:]]
    report = _report(_markdown(lead))
    assert not [c for c in report.claims if c.section == "links" and "https://」" in c.sentence]
    for shown, host in (("https://evil.example」で", "evil.example"),
                        ("https:///evil.example、", "evil.example")):  # fmt: skip
        lead = [*LEAD[:5], f"詳しくは{shown}確かめる。", *LEAD[5:]]
        links = [c for c in _report(_markdown(lead)).claims if c.section == "links"]
        listed = [c for c in links if host in c.sentence]
        assert [c.fails for c in listed] == [True] and "」" not in listed[0].sentence, listed


def test_a_link_the_run_fetched_is_found_however_its_letters_are_encoded() -> None:
    """A thread's address with letters beyond ASCII (r/brasil's a_amazônia_está…) and an
    article's with brackets (Wikipedia's Foo_(bar)) are linked percent-encoded, as the
    references are written: the same addresses, not links the run never fetched (a false
    must-fix on a recorded draft)."""
    from drafter.links import link_target

    thread_url = "https://www.reddit.com/r/brasil/comments/ct4q9z/a_amazônia_está_em_chamas/"
    article_url = "https://en.wikipedia.org/wiki/Norvanda_(port)"
    markdown = _markdown().replace(THREAD_URL, link_target(thread_url))
    markdown = markdown.replace(URL, link_target(article_url))
    assert "amaz%C3%B4nia" in markdown and "%28port%29" in markdown
    inputs = _inputs(markdown)
    inputs.article = inputs.article.model_copy(update={"url": article_url})
    assert inputs.thread is not None
    inputs.thread = inputs.thread.model_copy(update={"url": thread_url})
    inputs.fetched_urls = fetched_urls(inputs.article, inputs.thread)
    links = [c for c in check(inputs).claims if c.section == "links"]
    assert len(links) == 2 and not any(c.fails for c in links), [c.reasons for c in links]


@pytest.mark.parametrize(
    ("source", "hedged"),
    [
        ("Ambassador Ilse Dorran, the most anticipated witness, testified on Tuesday.", False),
        ("He went ahead for fear that the anticipated fiasco would hurt the ministry.", False),
        ("Dorran could hear the minister's voice on the phone.", False),  # ability, not a hedge
        ("Suddenly I could clearly see who followed the account.", False),
        ("By then he could no longer walk to the next room.", False),  # ability lost
        ("You might remember him from the band's early records, Simmons said.", False),
        ("The highest we could manage was 41 dBa.", False),  # ability
        ("Dorran could resign on Tuesday.", True),
        ("The fee is anticipated to raise $310 million.", True),
        ("Shippers seem intent on avoiding a fight with the ministry.", True),  # not "seem to"
        ("Spells come as books, though, and I can't seem to read this one.", False),  # unable
        ("The backlog should ease by Thursday morning.", True),  # expected, not yet so
        ("Freight should have been cleared by then, he said.", False),  # a past duty
        ("New Kelmar Cranes Expected in First Half of 2020", True),  # a headline's "is expected"
        ("A ruling is expected next week.", True),
        ("Fees rose faster than expected in March.", False),
        ("The budget office projects that the fee will cut exports by 0.3 percent.", True),
        ("The projects that the fee funds are in Kelmar.", False),  # the noun
        ("Infrastructure projects that the fee funds are in Kelmar.", False),
        ("The agency projects that exports will fall.", True),
        ("Staff have until March 15 to comply or risk losing access to the apps.", True),
        ("Dockers are at risk of losing their jobs.", True),
        ("The risks were known to the ministry.", False),
    ],
)
def test_what_counts_as_a_hedge_in_the_source(source: str, hedged: bool) -> None:
    assert bool(MODAL_EN.search(source)) is hedged


@pytest.mark.parametrize(
    ("source", "modal"),
    [
        ("The grant is part of the programme, which aims to support new charities.", None),
        ("The programme aims to support new charities.", "aims to"),
        ("The ministry said customers could now pay the fee online.", None),  # can, reported
        ("A firm that plans to expand said it may cut jobs.", "may"),  # the main clause's
        ("Names were withheld until next of kin could be told.", None),  # a time clause
        ("He said if they could have won, the season was saved.", None),  # a condition
        ("Analysts struggle to see how the US could double its exports.", None),  # means
        ("It fell short of what we were told to expect.", None),  # someone's expectation
        ("Not the experience we were told to expect.", None),
        ("Considering a Mac is meant for pros, the port is a letdown.", None),  # given that
        ("The board is considering a sale of the unit.", "considering"),
        # "that" after a verb of saying opens what was said, not a relative clause
        ("Fees rose after sources told Reuters that Kelmar is unlikely to agree.", "unlikely"),
        ("Dorran said that the port may close.", "may"),
        ("The dock that may close is the oldest.", None),
        # a comparison's "than … could have": a measure of what happened, not a hedge
        ("The port reopened faster than even its most hopeful backers could have imagined.", None),
        ("The port could reopen faster than planned.", "could"),
        # every modal of a relative clause, however far into it (round AU's Atlantic review:
        # "flout the order, which they determine could bring a possibly worse replacement")
        ("Dockers defied the order, which they feared might bring a possibly worse chief.", None),
        (
            "Dockers defied the order, which they feared might bring a worse chief, and may strike.",
            "may",
        ),
        ("The union, whose head said that the port may close, met on Monday.", "may"),
        # "made possible by": what enables it, a fact (round AV's Slate series)
        ("The new docks are made possible by a levy on containers.", None),
        ("The levy makes it possible to dredge the harbour.", None),
        ("It is possible that the docks close in March.", "possible"),
    ],
)
def test_a_modal_of_a_relative_clause_or_reported_ability_is_no_hedge(
    source: str, modal: str | None
) -> None:
    from drafter.check.claims.hedges import _main_clause_modal

    found = _main_clause_modal(source)
    assert (found.group(0) if found else None) == modal


@pytest.mark.parametrize(
    "claim",
    [
        "海運会社は、使用料が輸出を増やすことはなさそうだと述べた。",  # 〜そうだ: likely
        "延期は政府が業界の声を重く見た結果といえます。",  # the writer's judgement
        "使用料の収入は年間約3億1000万ドルと推定されている。",  # "is estimated"
        "同社は手数料を受け取る場合があります。",  # "may"
        "輸入業者は価格を据え置くこともあります。",  # "may elect to keep its prices"
        "主治医は食生活の見直しを勧めました。",  # "suggested changes to his diet": a recommendation
        "委員会は両社に協議の再開を促した。",  # "suggested the two resume talks"
        "政府は料金を見直すべきだと述べた。",  # "should"
        "値下げは来年になるとアナリストはみています。",  # "expects", the subject between
        "旧型のクレーンは置き換えられたようです。",  # "it seems"
        "従わない職員はアプリを使えなくなるリスクがある。",  # "or risk losing access"
        "私たちの誰が被害者になってもおかしくなかった。",  # "any one of us could have been"
        "キーボードだけでも買い替えの理由にはおそらく十分だ。",  # "is probably enough"
        "実際の刑はそれより軽くなる場合もあります。",  # "could face up to": may be less
    ],
)
def test_a_claim_with_a_japanese_hedge_or_judgement_keeps_the_hedge(claim: str) -> None:
    assert HEDGE_JA.search(claim)


def test_a_source_sentence_split_in_two_keeps_its_hedge_in_either_half() -> None:
    """「…導入を延期する。…6か月延期される見通しだ。」 for one "expects to delay … by six
    months": the hedge is there, in the second half; the first half dropped nothing."""
    split = [
        "ノルバンダ運輸省は10月27日、海運各社との協議を受けて、新たな港湾使用料の導入を延期する。",
        "新たな港湾使用料の導入は6か月延期される見通しだ。",
    ]
    report = _report(_markdown([*split, *LEAD[1:]]))
    first = _claim(report, "導入を延期する。")
    assert not [r for r in first.reasons if "expects" in r], first.reasons
    alone = _report(_markdown([split[0], *LEAD[1:]]))
    assert any("expects" in r for r in _claim(alone, "導入を延期する。").reasons)


def test_a_term_named_in_brackets_is_not_a_quotation() -> None:
    """「第1段階」と呼ばれる合意: a name given to something, not someone's words."""
    lead = [*LEAD[:5], "両国は「第1段階」と呼ばれる合意を目指している。", *LEAD[5:]]
    claim = _claim(_report(_markdown(lead)), "第1段階")
    assert not [r for r in claim.reasons if "引用" in r], claim.reasons


def test_a_quotation_inside_a_quotation_and_mixed_quote_marks_are_quoted_spans() -> None:
    text = (
        '"And I asked, on whose authority?” said Hill. "And he said, the President."\n'
        "Holmes said, “Trump asked, ‘So he’s going to do the investigation?’ and was told "
        "‘He’s going to do it.’”"
    )
    spans = quoted_spans(text)
    # each sentence of a quotation that runs over two sentences
    assert "All on board were killed," in quoted_spans(
        "“The helicopter went down. All on board were killed,” Mujahid said."
    )
    # and each part of one broken by a dash: a draft may quote the part after it alone
    assert "think of a storm rather than a drizzle." in quoted_spans(
        "“In some people the lungs overreact — think of a storm rather than a drizzle.” he said."
    )
    for inner in (
        "And he said, the President.",
        "So he's going to do the investigation?",
        "He's going to do it.",
    ):
        assert inner in spans, spans


def test_a_name_spelt_two_ways_in_the_source_is_found_in_either_spelling() -> None:
    from drafter.lang.names import same_sound

    assert same_sound("Zelensky", ["Zelenskiy", "Trump", "Zelensky"]) == ["Zelenskiy", "Zelensky"]
    assert same_sound("Lee", ["Lay", "Lee"]) == []  # too short a shape to say


def test_a_link_to_an_article_read_from_a_file_without_its_address_is_to_verify() -> None:
    """The source was a saved page with no canonical URL: its link under 参考リンク cannot be
    traced, so it is listed to verify, not failed; a second unknown link still fails."""
    markdown = _markdown()
    inputs = _inputs(markdown)
    inputs.article = inputs.article.model_copy(update={"url": None})
    inputs.fetched_urls = fetched_urls(inputs.article, inputs.thread)
    links = [c for c in check(inputs).claims if c.section == "links"]
    article_link = next(c for c in links if c.sentence == URL)
    assert not article_link.fails and article_link.verdict == "unsupported"
    extra = markdown.replace(
        f"- [Reddit]({THREAD_URL})", f"- [Reddit]({THREAD_URL})\n- [x](https://other.example/y)"
    )
    inputs.draft = parse_draft(extra)
    failing = [c.sentence for c in check(inputs).claims if c.section == "links" and c.fails]
    assert failing == ["https://other.example/y"]


def _background(sentence: str) -> str:
    old = "港湾使用料は、港の設備更新の財源として各国で使われている仕組みです。"
    markdown = _markdown()
    assert old in markdown
    return markdown.replace(old, sentence)


def test_a_claim_the_run_recorded_evidence_for_is_supported_by_it_outside_the_lead() -> None:
    """A background claim the run tagged as the source's, with its evidence: held to those
    sentences, and with nothing wrong it is supported by them (it read as unchecked
    background before)."""
    sentence = "海運会社は、延期の判断を歓迎しました。"
    report = _report(
        _background(sentence),
        recorded_evidence={sentence: ["S5"]},
        recorded_kinds={sentence: "source"},
    )
    claim = _claim(report, "延期の判断を歓迎")
    assert (claim.verdict, claim.decided_by) == ("supported", "evidence")
    assert [e.id for e in claim.evidence] == ["S5"]


def test_a_claim_the_run_tagged_as_background_is_never_must_fix() -> None:
    """Tagged background, it rests on no source sentence by the run's account: a figure that
    differs from the sentence it happens to align with is listed to verify, not failed (the
    15.4-inch model's screen against the 13-inch's 13.3 in the sentence it aligned with)."""
    sentence = "港湾使用料は1コンテナあたり45ドルで、年間約4億ドルの収入を生むはずでした。"
    tagged = _claim(
        _report(_background(sentence), recorded_kinds={sentence: "background"}), "4億ドル"
    )
    assert not tagged.fails
    untagged = _claim(
        _report(
            _background(sentence),
            recorded_evidence={sentence: ["S2"]},
            recorded_kinds={sentence: "source"},
        ),
        "4億ドル",
    )
    assert untagged.fails, untagged.reasons


def test_a_claim_the_run_tagged_as_background_lists_no_figure_the_source_lacks() -> None:
    """「17世紀に造られた」「1万2000隻」 in a claim tagged background: the model's own knowledge,
    not a figure missing from the source; untagged, the same sentence is listed to verify."""
    sentence = "この港には年間1万2000隻の船が寄港しています。"
    tagged = _claim(
        _report(_background(sentence), recorded_kinds={sentence: "background"}), "1万2000隻"
    )
    assert not tagged.reasons and tagged.verdict == "background"
    untagged = _claim(_report(_background(sentence)), "1万2000隻")
    assert any("1万2000" in r for r in untagged.reasons), untagged.reasons


def test_outside_the_lead_a_count_of_what_was_just_named_is_not_listed() -> None:
    """「2人の説明」 in the analysis counts two people it just named, not a figure to find."""
    report = _report(_background("ドラン氏とナタラジャン氏の2人の説明は食い違っています。"))
    claim = _claim(report, "2人の説明")
    assert not [r for r in claim.reasons if "2人" in r], claim.reasons


def test_a_quotation_keeps_what_its_words_say_of_a_hedged_sentence() -> None:
    """「…もっと時間を与える」と述べた quotes the plain half of a sentence whose other half
    hedges: the quotes check holds its words; no hedge was dropped."""
    checker = Checker(_inputs(_markdown()))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.6, recorded=False)
    claim = "ドラン氏は「延期する。時間を与える」と述べた。"
    assert hedges(checker, "lead", claim, anchor) == []
    assert [
        f.check for f in hedges(checker, "lead", "運輸省は使用料の導入を延期する。", anchor)
    ] == ["hedges"]


def test_a_title_of_a_work_in_double_brackets_is_not_a_quotation() -> None:
    """『スター・ウォーズ エピソード3／シスの復讐』 in a background sentence names a film; with
    no word of speech after it, 『』 is a title, not someone's words."""
    from drafter.check.claims import quotes

    checker = Checker(_inputs(_markdown()))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.5, recorded=True)
    film = "港の歴史は、映画『ケルマーの港と荷主たちの長い夏の物語』でも描かれました。"
    assert quotes(checker, "background", film, anchor) == []
    said = "ドラン氏は『ケルマーの港と荷主たちの長い夏の物語だった』と語りました。"
    assert [f.check for f in quotes(checker, "background", said, anchor)] == ["quotes"]


def test_a_product_name_in_brackets_is_not_a_quotation() -> None:
    """「ケルマー・ポートパス」 names a thing (no word of speech in it): not a quotation."""
    title = "ノルバンダ、新料金「ケルマー・ポートパス」を延期へ"
    claim = _claim(_report(_markdown(title=title)), "ポートパス")
    assert not [r for r in claim.reasons if "引用" in r], claim.reasons


def test_a_claim_the_run_tagged_as_background_names_article_people_freely() -> None:
    """A background claim of the model's own knowledge that names someone of the article
    (ナタラジャン氏) rests on no source sentence: no "not in the sentences it rests on"."""
    sentence = "野党のプリヤ・ナタラジャン議員は、以前から港湾政策を批判してきた人物です。"
    tagged = _claim(
        _report(_background(sentence), recorded_kinds={sentence: "background"}), "ナタラジャン"
    )
    assert not [r for r in tagged.reasons if "根拠" in r], tagged.reasons


def test_two_lower_case_words_written_as_one_katakana_word_are_not_a_name() -> None:
    """インフォテインメントシステム is "infotainment system" (two words of the source, unknown
    to the dictionary as one), not a made-up name."""
    source = "The car has a new infotainment system. It goes on sale in May."
    markdown = (
        "# t\n\n車は5月に発売される。\n\n## 補足説明\n\n### 装備\n\n"
        "車内にはインフォテインメントシステムが備わっています。\n"
    )
    report = check(check_inputs(source, markdown))
    claim = _claim(report, "インフォテインメント")
    assert not claim.reasons, claim.reasons
    # a second word of three letters: "defensive end" is ディフェンシブエンド
    source = "Browns defensive end Myles Garrett was suspended. He swung a helmet."
    markdown = "# t\n\nブラウンズのディフェンシブエンド、ギャレット選手が出場停止となった。\n"
    claim = _claim(check(check_inputs(source, markdown)), "ディフェンシブエンド")
    assert not [r for r in claim.reasons if "ディフェンシブ" in r], claim.reasons


def test_a_figure_of_a_long_quotation_is_found_in_any_of_its_sentences() -> None:
    """The closest quoted span may be one sentence of a longer quotation (here "The other 40
    staff will move…"); the 300 of its other sentence is not contradicted by that one."""
    source = (
        "“We will cut 300 jobs at the port in Kelmar this year. The other 40 staff will "
        "move to the head office,” the minister told reporters on Tuesday."
    )
    markdown = "# t\n\n大臣は「ほかの40人は本社に移り、300人を削減する」と述べた。\n"
    report = check(check_inputs(source, markdown))
    claim = _claim(report, "300人")
    assert not claim.fails, claim.reasons


def test_a_quotation_of_a_plain_source_sentence_is_not_listed() -> None:
    """An aggregator quotes outlets' verdicts as plain sentences with a credit line after them
    (no quotation marks): a quotation rendering one gives the source's words, not listed."""
    source = (
        "Critics were harsh. “It is a mess,” one reviewer wrote. "
        "There's no reason anyone should buy into Stadia right now. [PC World]"
    )
    markdown = "# t\n\nPCワールドは「今スタディアに手を出すべき理由は誰にもない」と評した。\n"
    claim = _claim(check(check_inputs(source, markdown)), "スタディア")
    assert not claim.fails and not any("引用" in r for r in claim.reasons), claim.reasons


def test_a_quotation_of_a_few_words_of_a_long_one_is_to_verify_not_invented() -> None:
    """「懸念しているのは間違いない」 renders the first words of a long quotation ("We are
    undoubtedly concerned over …"): its embedding lands far from the whole span (it was a false
    must-fix on a fresh draft). An unmatched quotation is listed to verify, never must-fix:
    words put in the same speaker's mouth, or another's, are listed too."""
    source = (
        "Residents of Dunmore were told to boil their water on Monday.\n\n"
        "“We are undoubtedly worried over the age and upkeep of these pipes and are working "
        "with partner agencies to establish where the leaks began and how they were "
        "reported,” said chief Marta Kessler from the Dunmore fire brigade.\n\n"
        "Mayor Tom Reyes said the town would pay for the repairs.\n\n"
        "The water board will report on Friday."
    )
    loose = (
        "ケスラー消防署長は、古い配管の状態について「懸念しているのは間違いない」と述べ、"
        "水道局と協力して漏水箇所の特定を進めているという。"
    )
    made_up = loose.replace("懸念しているのは間違いない", "水道は二度と使えない")
    invented = (
        "レイエス市長は、町が修理費を負担するとしたうえで「費用は誰にも負わせない」と述べた。"
    )
    report = check(check_inputs(source, f"# t\n\n{loose}\n\n{invented}\n"))
    for claim in (_claim(report, "懸念している"), _claim(report, "負わせない")):
        assert not claim.fails and claim.decided_by == "quotes", claim.reasons
    listed = _claim(check(check_inputs(source, f"# t\n\n{made_up}\n")), "二度と")
    assert not listed.fails and listed.decided_by == "quotes", listed.reasons


def test_a_quotation_of_a_few_of_the_writers_own_words_is_to_verify_not_invented() -> None:
    """A column's own unquoted words, quoted in the draft (「愚かか、よこしまかのどちらかだ」 for
    "…they conclude the agencies are stupid or wicked…"): a short rendering embeds far from
    the long sentence, near its run of words. It was a false must-fix on a recorded draft of
    an opinion column."""
    source = (
        "Reports linking the groups to foreign terrorists kept coming for weeks. “This is a "
        "secret report,” one editor wrote. For years the authors have watched the spy agencies "
        "plant stories in friendly papers and they conclude the agencies are stupid or wicked "
        "and trust neither. Either way they cannot be trusted, the authors argue."
    )
    claim = (
        "両氏は情報機関について「愚かか、よこしまかのどちらかだ」と述べ、"
        "いずれにしても信頼できないと批判した。"
    )
    found = _claim(check(check_inputs(source, f"# t\n\n{claim}\n")), "愚かか")
    assert not found.fails and found.decided_by == "quotes", found.reasons


def test_a_small_count_is_no_slip_for_a_figure_many_times_its_size() -> None:
    """「2枚のアルバム」 counts the two albums the background just named; the source sentence it
    rests on says "30-date" of the tour. A count of five or fewer and a figure more than five
    times it are not one figure misread (a slip keeps its size: 30 → 25 is still caught)."""
    from drafter.check.claims.numbers import numbers

    sentence = (
        "The band announced the 30-date tour after a show that played the albums "
        "Harbor Street and The Captain in full."
    )
    article = _inputs(_markdown()).article.model_copy(update={"text": SOURCE + "\n\n" + sentence})
    checker = Checker(_inputs(_markdown(), article=article))
    last = checker.sentences[-1]
    assert last.text == sentence
    anchor = Anchor(ids=[last.id], closest=[last.id], best=0.6, recorded=True)
    counted = numbers(
        checker,
        "background",
        "公演では「Harbor Street」と「The Captain」の2枚のアルバムが全曲演奏されました。",
        anchor,
    )
    assert not [f for f in counted if f.must], [f.reason for f in counted]
    anchor = Anchor(ids=[last.id], closest=[last.id], best=0.6, recorded=True)
    slipped = numbers(checker, "background", "バンドは25公演のツアーを発表しました。", anchor)
    assert [f.must for f in slipped] == [True], [f.reason for f in slipped]


# four sentences between Dorran's and Natarajan's: his name is far from hers
_FAR = SOURCE.replace(
    "Opposition lawmaker",
    "Ports handle most trade. Fees fund the docks. Ships wait days. Traders pay more.\n\n"
    "Opposition lawmaker",
)


def _recorded_on(starts: str, source: str, glossary: list[GlossaryEntry]) -> tuple[Checker, Anchor]:
    """A checker of `source` and the anchor of a claim the run recorded as resting on the
    sentence that starts so."""
    article = _inputs(_markdown()).article.model_copy(update={"text": source})
    checker = Checker(_inputs(_markdown(), article=article, glossary=glossary))
    (sentence,) = [s for s in checker.sentences if s.text.startswith(starts)]
    return checker, Anchor(ids=[sentence.id], closest=[sentence.id], best=0.6, recorded=True)


def _far_apart(first: str, last: str) -> str:
    """A source whose first and last paragraphs are far enough apart that a name of the last
    is no neighbour of the first (the swap check looks two sentences around)."""
    filler = "Ships wait days. Traders pay more. Fees fund the docks. Ports handle most trade."
    return f"{first}\n\n{filler}\n\n{last}"


def _swaps_listed(
    source: str, names: list[tuple[str, str]], starts: str
) -> Callable[[str, str], list[bool]]:
    """The swap check's findings (True for each, all listed to verify), by section and claim,
    for a claim the run recorded as resting on the sentence of `source` that starts so, with a
    glossary of (source, target)."""
    from drafter.check.claims import swapped_names

    glossary = [GlossaryEntry(source=name, target=target) for name, target in names]
    checker, anchor = _recorded_on(starts, source, glossary)

    def listed(section: str, claim: str) -> list[bool]:
        found = swapped_names(checker, section, claim, anchor)
        assert not any(f.must for f in found)  # a swap is never must-fix
        return [True for _ in found]

    return listed


def _swap_findings(claim: str, rests_on: str, source: str = _FAR) -> list[str]:
    """The swaps listed for `claim` (never must-fix)."""
    found = _swaps(claim, rests_on, source)
    assert not any(must for must, _ in found)
    return [reason for _, reason in found]


def _swaps(
    claim: str, rests_on: str, source: str = _FAR, *, best: float = 0.6, recorded: bool = True
) -> list[tuple[bool, str]]:
    """The swap check's (must, reason) for `claim` resting on the sentence that starts so."""
    from drafter.check.claims import swapped_names

    glossary = [
        GlossaryEntry(source="Ilse Dorran", target="イルゼ・ドラン"),
        GlossaryEntry(source="Priya Natarajan", target="プリヤ・ナタラジャン"),
        GlossaryEntry(source="Kelmar Shippers Council", target="ケルマー荷主協議会"),
        GlossaryEntry(source="Meridian Post", target="メリディアン・ポスト"),
        GlossaryEntry(source="cabinet", target="内閣"),
    ]
    article = _inputs(_markdown()).article.model_copy(update={"text": source})
    checker = Checker(_inputs(_markdown(), article=article, glossary=glossary))
    (sentence,) = [s for s in checker.sentences if s.text.startswith(rests_on)]
    anchor = Anchor(ids=[sentence.id], closest=[sentence.id], best=best, recorded=recorded)
    return [(f.must, f.reason) for f in swapped_names(checker, "lead", claim, anchor)]


def test_a_name_from_far_off_where_the_recorded_sentence_names_another_is_a_swap() -> None:
    """The claim rests, by the run's record, on Natarajan's sentence, yet names Dorran (from a
    sentence four away) and not her: a name swapped for another of the article."""
    natarajan = "Opposition lawmaker Priya Natarajan"
    swapped = "野党のドラン議員は、延期は誤りだと述べた。"
    assert _swap_findings(swapped, natarajan)
    faithful = "野党のナタラジャン議員は、延期は誤りだと述べた。"
    assert _swap_findings(faithful, natarajan) == []
    # a claim that refers back (同氏) and the outlet it credits may name anyone
    assert _swap_findings("同氏とドラン運輸相の見方は、延期をめぐって割れている。", natarajan) == []
    credited = "メリディアン・ポストによると、延期は誤りだという。"
    assert _swap_findings(credited, natarajan) == []
    # a recorded sentence that says "she": the claim may name whom it stands for
    source = _FAR.replace(
        "Opposition lawmaker Priya Natarajan said the delay was a mistake.",
        "Opposition lawmaker Priya Natarajan said she thinks the delay was a mistake.",
    )
    assert _swap_findings(swapped, natarajan, source) == []


def test_a_country_or_a_common_noun_is_no_swap() -> None:
    """Three false must-fix swaps of recorded drafts: 「米国の」 (the run's glossary renders
    "American" so) where the sentence names the Navy; a common noun the glossary keeps
    consistent (接続事業者, "fournisseurs d'accès"). A body put for another is still a swap,
    listed to verify in any section."""
    source = (
        "The Kelmar Shippers Council warned that exports could be delayed.\n\n"
        "Ships wait days. Traders pay more. Fees fund the docks. Ports handle most trade.\n\n"
        "American buyers, the fournisseurs d'accès and the Norvanda Rail Board will pay more."
    )
    names = [
        ("Kelmar Shippers Council", "ケルマー荷主協議会"),
        ("American", "米国の"),
        ("fournisseurs d'accès", "接続事業者"),
        ("Norvanda Rail Board", "ノルバンダ鉄道委員会"),
    ]
    listed = _swaps_listed(source, names, "The Kelmar")
    assert listed("background", "米国の業界団体は、輸出が遅れる恐れがあると警告した。") == []
    assert listed("lead", "接続事業者は、輸出が遅れる恐れがあると警告した。") == []
    rail = "ノルバンダ鉄道委員会は、輸出が遅れる恐れがあると警告した。"
    assert listed("analysis", rail) == [True]
    assert listed("lead", rail) == [True]


def test_a_name_the_sentence_writes_with_an_ending_or_spelled_out_is_no_swap() -> None:
    """Four false must-fix swaps of recorded drafts, where the claim's name is in the sentence
    it rests on, written another way: "ICEs" for the glossary's ICE, "a Norvandan campaigner"
    for Norvanda, the Kelmar Dockers Union for its acronym KDU, and "the Oscars" where the
    glossary renders Oscar and Oscars the same. Nor is "casual labour" the party Labour that
    the claim would leave out. A name from far off stays a swap."""
    source = (
        "Labour, the KDU and the Tollan Board disagreed. Ilse Dorran said so. Prices rose.\n\n"
        "Ships wait days. Traders pay more. Fees fund the docks.\n\n"
        "The Kelmar Dockers Union says ICEs and a Norvandan campaigner at the Oscars rely on "
        "casual labour, unlike Priya Natarajan."
    )
    names = [
        ("KDU", "KDU"),
        ("ICE", "ICE"),
        ("Norvanda", "ノルバンダ"),
        ("Oscars", "アカデミー賞"),
        ("Oscar", "アカデミー賞"),
        ("Labour", "労働党"),
        ("Tollan Board", "トラン委員会"),
        ("Priya Natarajan", "プリヤ・ナタラジャン"),
        ("Ilse Dorran", "イルゼ・ドラン"),
    ]
    listed = _swaps_listed(source, names, "The Kelmar")

    def swaps(claim: str) -> list[bool]:
        return listed("lead", claim)

    assert swaps("KDUは、非正規労働に頼っていると主張する。") == []
    assert swaps("ICEは非正規労働に頼っている。") == []
    assert swaps("ノルバンダの活動家は非正規労働に頼っている。") == []
    assert swaps("アカデミー賞の候補作も非正規労働に頼っている。") == []
    # "labour" in lower case is no name the claim leaves out: nothing to swap it for
    assert swaps("アカデミー賞の候補とトラン委員会は非正規労働に頼っている。") == []
    # a person from far off put for the sentence's own person is still a swap
    assert swaps("KDUとイルゼ・ドラン氏は非正規労働に頼っている。") == [True]


def test_a_quotation_of_the_sources_own_unquoted_words_is_not_listed() -> None:
    """Japanese news quotes a writer's own phrase too: 「席をアップグレードしなさい！」 for the
    columnist's "Upgrade your seat!", which the page does not put in quotation marks. Words
    no sentence of the claim's source says are still listed."""
    from drafter.check.claims import quotes

    source = SOURCE + "\n\nThe advice to shippers was simple. Upgrade your seat!"
    article = _inputs(_markdown()).article.model_copy(update={"text": source})
    checker = Checker(_inputs(_markdown(), article=article))
    last = checker.sentences[-1]
    anchor = Anchor(ids=[last.id], closest=[last.id], best=0.5, recorded=True)
    own = "助言は「席をアップグレードしなさい！」と呼びかけた。"
    assert quotes(checker, "lead", own, anchor) == []
    invented = "助言は「来年には新しい空港を三つ建てる」と述べた。"
    assert [f.check for f in quotes(checker, "lead", invented, anchor)] == ["quotes"]


def test_a_quotation_of_the_first_clause_of_a_long_one_is_found() -> None:
    """Round AN: 「カールは最初から私とともにいた」 renders the first clause of "Carl was with
    me from the beginning and with his being one of the world's great businessmen, that was
    something I truly appreciated" (0.64 against the clause, 0.41 against the whole span, so it
    was listed as not in the source). Words the speaker did not say are still listed."""
    source = (
        "The transition team announced on Dec. 21 that investor Carl Icahn will serve as an "
        "adviser. “Carl was with me from the beginning and with his being one of the world’s "
        "great businessmen, that was something I truly appreciated,” the president-elect said. "
        "Icahn said he would not be a federal employee."
    )
    said = "次期大統領は声明で「カールは最初から私とともにいた」と述べ、その支持に謝意を示した。"
    report = check(check_inputs(source, f"# t\n\n{said}\n"))
    assert not [r for r in _claim(report, "最初から").reasons if "引用" in r]
    not_said = said.replace("カールは最初から私とともにいた", "カールには財務長官を任せたい")
    report = check(check_inputs(source, f"# t\n\n{not_said}\n"))
    assert [r for r in _claim(report, "財務長官").reasons if "引用" in r]


def test_a_bodys_name_in_brackets_with_its_acronym_is_not_a_quotation() -> None:
    """「気候変動に関する政府間パネル（IPCC）」 is a body's name set off in brackets, as
    Japanese news writes long names, not someone's words (a background sentence had it listed
    as a quotation no one said). Words in brackets that close on no acronym are still read."""
    from drafter.check.claims import quotes

    checker = Checker(_inputs(_markdown()))
    last = checker.sentences[-1]
    anchor = Anchor(ids=[last.id], closest=[last.id], best=0.5, recorded=True)
    named = "報告書は「ケルマーの港湾に関する政府間委員会（KPIC）」がまとめた。"
    assert quotes(checker, "lead", named, anchor) == []
    invented = "報告書は「来年には新しい空港を三つ建てる（Kelmar）」と述べた。"
    assert [f.check for f in quotes(checker, "lead", invented, anchor)] == ["quotes"]


def test_a_translated_fragment_is_listed_and_an_interview_answer_is_found() -> None:
    """「大変うれしく思う」 renders a few words of a long quotation ("…and we are delighted with
    this expanded collaboration", adds Bosc): listed to verify, not failed. An interviewee's
    answer, printed without quotation marks, is found run by run: not listed."""
    from drafter.check.claims import quotes

    source = SOURCE + (
        "\n\n“The port is an important addition to our network, and we are delighted with this "
        "expanded collaboration with Kelmar”, adds Olivier Bosc, head of Kelmar Lines."
        "\n\nA: This idea of a port just for ferries is a new take and one that we think will "
        "change the industry and shipping forever."
    )
    article = _inputs(_markdown()).article.model_copy(update={"text": source})
    checker = Checker(_inputs(_markdown(), article=article))
    bosc, answer = checker.sentences[-2], checker.sentences[-1]
    anchor = Anchor(ids=[bosc.id], closest=[bosc.id], best=0.6, recorded=True)
    fragment = (
        "ケルマー・ラインズを率いるオリビエ・ボスク氏は、港は同社のネットワークへの重要な追加だ"
        "として、ケルマーとの協力拡大を「大変うれしく思う」と述べた。"
    )
    listed = quotes(checker, "lead", fragment, anchor)
    assert [(f.check, f.must) for f in listed] == [("quotes", False)]
    anchor = Anchor(ids=[answer.id], closest=[answer.id], best=0.6, recorded=True)
    qa = "同氏は、フェリー専用の港について「業界と海運を永遠に変えると考えている」と述べた。"
    assert quotes(checker, "lead", qa, anchor) == []


def test_one_of_the_unit_a_comment_names_without_a_number_is_not_listed() -> None:
    """「厳しい1年」 for "a rough year": the comment names the year, without a figure."""
    translation = "初めて家を買う人には厳しい1年になる。"
    no_year = SOURCE.replace("about $310 million a year", "about $310 million")
    article = _inputs(_markdown()).article.model_copy(update={"text": no_year})
    body = "First-time buyers there will have a rough year."
    report = _reaction_report(body, translation, article=article)
    claim = _claim(report, "厳しい1年")
    assert not [r for r in claim.reasons if "1年" in r], claim.reasons


def _resting_on(
    said: str, elsewhere: tuple[str, str], glossary: list[GlossaryEntry]
) -> tuple[Checker, Anchor]:
    """A checker on _FAR with Natarajan's sentence replaced by `said` (the sentence a claim
    rests on, by the run's record) and one sentence far from it replaced by another, and the
    recorded anchor on `said`."""
    source = _FAR.replace(
        "Opposition lawmaker Priya Natarajan said the delay was a mistake.", said
    ).replace(*elsewhere)
    return _recorded_on(said, source, glossary)


def test_a_name_too_short_to_place_is_no_swap_nor_a_sentences_person() -> None:
    """ "El Al" has no word long enough to tell where the article names it: a claim that
    names the airline beside the sentence it rests on is no swap, and "El Al" or "Tel Aviv" in
    a source sentence is no person the claim left out."""
    from drafter.check.claims import swapped_names

    checker, anchor = _resting_on(
        "A connection on Kelmar Air via Dorra can be quicker than the nonstop.",
        ("Ships wait days.", "El Al runs a nonstop flight from Tel Aviv."),
        [
            GlossaryEntry(source="El Al", target="エル・アル航空"),
            GlossaryEntry(source="Kelmar Air", target="ケルマー航空"),
        ],
    )
    claim = "ドラ経由の乗り継ぎは、エル・アル航空の直行便より速い場合がある。"
    assert swapped_names(checker, "lead", claim, anchor) == []
    from drafter.check.claims.window_people import window_people

    (flight,) = [s for s in checker.sentences if s.text.startswith("El Al")]
    assert window_people([flight], set()) == []


def test_a_figure_found_beside_a_name_the_claim_gives_is_no_swap() -> None:
    """The embeddings may put a claim on the wrong sentence: 「ミーチャム氏が中心となり、約1年に
    わたって」 is "after a year of … led by Beth Meacham", not the aligned sentence's "a couple
    of months". A figure from a sentence that names someone of the claim the aligned one does
    not is no swap; the same claim without the name still is."""
    source = (
        "Relations soured, and a couple of months later the family cut all contact.\n\n"
        "Readers kept asking about the books. Shops sold old copies. Prices rose. Fans wrote "
        "letters.\n\n"
        "After five months of careful talks led by editor Beth Meacham, the family agreed."
    )

    def graded(claim: str) -> list[bool]:
        return _figure_grades(source, claim, names_first=True)

    assert graded("交渉は編集者のベス・ミーチャム氏が中心となり、5か月にわたって進められた。") == []
    assert graded("交渉は5か月にわたって進められた。") == [True]


def test_a_month_before_a_year_is_read_and_a_comment_line_is_quoted() -> None:
    """ "till as late as December 2022" is December (no preposition of the list before it);
    the analysis quotes one line of a two-line comment: 「小さな町はいつも…」."""
    from drafter.lang.quantities import en_quantities

    assert [q.value for q in en_quantities("as late as December 2022") if q.kind == "month"] == [12]
    assert [q.kind for q in en_quantities("as May said")] == []
    body = (
        "Small towns always get the 'trust us, it's fine' treatment. Would this have been "
        "handled the same way in a big city?"
    )
    thread = CommentThread(
        url=THREAD_URL, platform="Reddit", comments=[Comment(id="c9", body=body)]
    )
    checker = Checker(_inputs(_markdown(), thread=thread))
    assert checker.quoted_in_thread("小さな町はいつも『大丈夫だから』で済まされる")


def test_a_number_the_comment_writes_bare_is_not_listed_for_its_unit() -> None:
    """ "the next 50 years look like the last 100" → 「これまでの100年」: the comment writes the
    number, the translation supplies the unit it means."""
    body = "Nobody promises the next 50 years look like the last 100."
    translation = "この先50年がこれまでの100年と同じになるなんて、誰も約束してくれない。"
    report = _reaction_report(body, translation)
    claim = _claim(report, "100年")
    assert not [r for r in claim.reasons if "100年" in r], claim.reasons
    # in words too: "cramps after three" → 「3時間で」
    report = _reaction_report("I get leg cramps after three.", "自分なんか3時間で足がつるのに。")
    claim = _claim(report, "3時間")
    assert not [r for r in claim.reasons if "3時間" in r], claim.reasons


def test_a_figure_twenty_times_another_is_no_slip_for_it() -> None:
    """「12歳の少女」 (from another sentence) against the aligned sentence's "lost around 4,000
    reais": no slip keeps a figure's size that badly. A changed figure near the source's still is."""
    source = (
        "The gunman, 27, fled after he lost around 4,000 reais at a bar on Tuesday.\n\n"
        "Police said seven people died. Officers searched all night. Roads were closed. "
        "Shops stayed shut. Schools reopened.\n\nA 12-year-old girl was among the dead."
    )

    def graded(claim: str) -> list[bool]:
        return _figure_grades(source, claim)

    assert graded("12歳の少女を含む7人が死亡し、実行犯の男（27）が逃走した。") == []
    assert graded("男（27）はバーで約5000レアルを失った後に逃走した。") == [True]


def test_a_quotation_with_its_topic_keeps_only_the_hedge_of_its_own_words() -> None:
    """劉氏は人民解放軍について「すでに香港駐留部隊として現地にいる」と述べた renders the words
    quoted after "warning:"; the "could" of the clause before them is no hedge it dropped (a
    recorded run's faithful lead). A hedge inside the quoted words still counts."""
    source = (
        "Lin said the army could be deployed in the capital, warning: "
        "\u201cThey are already there in the harbour garrison.\u201d"
    )
    claim = "リン氏は首都防衛を担う陸軍について「すでに港の駐屯地にいる」と述べた。"
    assert _hedges_listed(source, claim) == []
    inside = 'Lin said: "The army could be deployed in the capital tomorrow."'
    quoted = "リン氏は首都防衛を担う陸軍について「明日首都に展開される」と述べた。"
    assert _hedges_listed(inside, quoted) == [True]
    told = "リン氏は陸軍が首都に展開されると述べ、「すでに港にいる」と語った。"
    assert _hedges_listed(source, told) == [True]  # the claim restates the hedged clause too


def test_a_rendering_inside_a_longer_one_is_the_longer_names() -> None:
    """A glossary with "US Food and Drug Administration → 米食品医薬品局" and "FDA →
    米食品医薬品局（FDA）": a claim writing the second names the FDA, which its sentence has."""
    from drafter.check.claims import swapped_names

    checker, anchor = _resting_on(
        "The FDA granted the Kelmar Pharma Group vaccine a breakthrough designation.",
        ("Ports handle most trade.", "The US Food and Drug Administration reviews vaccines."),
        [
            GlossaryEntry(source="US Food and Drug Administration", target="米食品医薬品局"),
            GlossaryEntry(source="FDA", target="米食品医薬品局（FDA）"),
            GlossaryEntry(source="Kelmar Pharma Group", target="ケルマー製薬"),
        ],
    )
    claim = "米食品医薬品局（FDA）はワクチンを画期的治療薬に指定した。"
    assert swapped_names(checker, "lead", claim, anchor) == []


def test_a_body_its_sentence_names_by_initials_and_the_half_of_a_quote_after_but() -> None:
    """「世界保健機関（WHO）の…事務局長は『…』と警告した」 rests on a sentence that says "WHO": the
    body is named there, no swap for the sentence's other name. The quotation renders the half of
    the quote after ", but", a span of its own."""
    from drafter.check.claims import quotes, swapped_names

    said = (
        'WHO chief Ilse Dorran warned: "Kelmar fever has spread in wild birds for 25 years, but '
        'the recent spillover to mammals needs to be monitored closely."'
    )
    checker, anchor = _resting_on(
        said,
        ("Ports handle most trade.", "The World Health Organization tracks outbreaks."),
        [
            GlossaryEntry(source="World Health Organization", target="世界保健機関"),
            GlossaryEntry(source="Kelmar fever", target="ケルマー熱"),
            GlossaryEntry(source="Ilse Dorran", target="イルゼ・ドラン"),
        ],
    )
    claim = (
        "世界保健機関（WHO）のイルゼ・ドラン事務局長は、「最近の哺乳類への感染拡大は注意深く"
        "監視する必要がある」と警告した。"
    )
    assert swapped_names(checker, "lead", claim, anchor) == []
    assert quotes(checker, "lead", claim, anchor) == []
    score, span = checker.best_quote("最近の哺乳類への感染拡大は注意深く監視する必要がある")
    assert span.startswith("the recent spillover"), (score, span)


def _figure_grades(source: str, claim: str, *, names_first: bool = False) -> list[bool]:
    """The numbers check's grades (must-fix or not) for a lead claim aligned with S1; the
    names check first where a name the claim gives decides which sentence it rests on."""
    from drafter.check.claims import names, numbers

    checker = Checker(check_inputs(source, f"# t\n\n{claim}"))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.6, recorded=False)
    if names_first:
        names(checker, "lead", claim, anchor)
    return [f.must for f in numbers(checker, "lead", claim, anchor)]


def _hedges_listed(source: str, claim: str) -> list[bool]:
    """The hedges the check lists (True for each, never must-fix) for a lead claim whose
    recorded evidence is S1."""
    from drafter.check.claims import hedges

    checker = Checker(check_inputs(source, f"# t\n\n{claim}"))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.6, recorded=True)
    found = hedges(checker, "lead", claim, anchor)
    assert not any(f.must for f in found)
    return [True for _ in found]


def test_a_decade_in_japanese_is_no_slip_for_a_year() -> None:
    """「2020年代初め」 renders "the early 2020s": the aligned sentence's "by 2025" is no rival."""
    from drafter.check.claims.numbers import plausible_slip
    from drafter.lang.quantities import en_quantities, ja_quantities

    (decade,) = ja_quantities("拡大路線は2020年代初めに再開へ")
    (year,) = en_quantities("It plans to grow the fleet by 2025.")
    assert decade.value == 2020 and not plausible_slip(decade, year)
    assert plausible_slip(ja_quantities("2020年に再開")[0], year)


def test_a_duration_in_another_unit_is_no_slip_and_a_name_keeps_its_number() -> None:
    """「2〜3時間おき」 (from "every 2–3 hours" elsewhere) against the aligned "Drink 20–30
    minutes before": a slip keeps its unit; 「80デイ・オブセッション」 is a name, not 80; "a
    potential investor" names who, it hedges nothing."""
    from drafter.check.claims.hedges import _main_clause_modal
    from drafter.lang.quantities import ja_quantities

    source = (
        "Drink 20–30 minutes before your workout.\n\n"
        "Rest well. Sleep early. Stretch daily. Walk often. Drink water.\n\n"
        "Eat every 2–3 hours."
    )
    assert _figure_grades(source, "運動の20〜30分前に飲み、2〜3時間おきに食べる。") == []
    assert _figure_grades(source, "運動の40〜50分前に飲む。") == [True, True]
    assert ja_quantities("80デイ・オブセッションと同じプラン") == []
    assert _main_clause_modal("a pitch to Goldman Sachs, a potential investor.") is None
    assert _main_clause_modal("The potential buyers may walk away.") is not None


def test_a_duration_spelt_out_keeps_its_unit_when_compared() -> None:
    """ "three weeks" is in weeks (its letters hold "hr", which is no hour): 「4週間」 against it is
    a plausible slip, 「3時間」 is not."""
    from drafter.check.claims.numbers import _time_unit, plausible_slip
    from drafter.lang.quantities import en_quantities, ja_quantities

    weeks = en_quantities("for three weeks")[0]
    assert [_time_unit(q) for q in en_quantities("three weeks, three months, 2 hrs")] == [
        "week",
        "month",
        "hour",
    ]
    assert plausible_slip(ja_quantities("4週間")[0], weeks)
    assert not plausible_slip(ja_quantities("3時間")[0], weeks)


def test_a_closing_thought_is_held_to_the_sentence_it_shares_a_figure_with() -> None:
    """Outside the lead, a claim restates the source sentence it shares a figure with: 「次の10年」
    in a closing thought that names the tour's 30 dates is no slip for the "50 years" of the
    sentence before, and a span ahead of the writer (次の10年, 今後5年) is theirs. The same figure
    in the sentence it shares one with is still a contradiction."""
    from drafter.check.claims import numbers

    source = (
        "The band celebrates 50 years since its formation with a new record.\n\n"
        "The 30-date run starts in June.\n\n"
        "The 30-city tour is the first in 25 years."
    )

    def grades(claim: str, closest: list[str]) -> list[bool]:
        checker = Checker(check_inputs(source, f"# t\n\n## 総括\n\n{claim}"))
        anchor = Anchor(ids=closest, closest=closest, best=0.5, recorded=False)
        return [f.must for f in numbers(checker, "conclusion", claim, anchor)]

    assert grades("30公演のツアーが、結成40年を祝う節目となる。", ["S1", "S2"]) == [False]
    assert grades("30都市のツアーが、バンドの次の20年につながるのか。", ["S3"]) == [False]
    assert grades("30都市のツアーは約20年ぶりとなる。", ["S3"]) == [True]


@pytest.mark.parametrize(
    ("english", "months"),
    [
        ("for the first time in nearly a quarter century", 300.0),  # 25 years, not a quarter
        ("a quarter-century ago", 300.0),
        ("half a century of music", 600.0),  # not a century
        ("for half a decade", 60.0),
        ("two quarters of growth", 6.0),
    ],
)
def test_a_fraction_of_a_span_is_that_fraction(english: str, months: float) -> None:
    from drafter.lang.quantities import en_quantities

    assert [q.value for q in en_quantities(english) if q.kind == "duration"] == [months]


def test_a_quarter_of_something_is_no_span_and_a_slashed_date_is_a_date() -> None:
    """ "a quarter of the staff" is a share, not three months; 「6/23 バージニアビーチ」 in a list of
    tour dates is June 23 (it was read as 6 and 23 against the sentence's "four-time"), while
    「1/3の票」 stays no date."""
    from drafter.lang.quantities import en_quantities, ja_quantities

    assert en_quantities("a quarter of the staff left") == []
    listed = ja_quantities("- 6/23 バージニアビーチ（同）、6/24 ブリストー、2020/7/2 トロント")
    assert [(q.kind, q.value) for q in listed] == [
        ("date", 623),
        ("date", 624),
        ("date", 702),
        ("year", 2020),
    ]
    assert all(q.kind != "date" for q in ja_quantities("全体の1/3の票を得た"))
    assert (
        _figure_grades("The tour starts June 23 in Virginia Beach.", "6/23 バージニアビーチ") == []
    )


def _dated_checker(source: str, claim: str, **article: str) -> Checker:
    inputs = check_inputs(source, f"# t\n\n{claim}")
    inputs.article = inputs.article.model_copy(update=article)
    return Checker(inputs)


def test_a_weekday_read_two_ways_is_stated_when_one_reading_is() -> None:
    """ "on Saturday" in a Monday story is the 16th (or, read the other way, the 23rd): a claim
    that gives the 16th states it, so its 「11月18日付」 (the story's own date) is no swap for
    the unstated 23rd."""
    from drafter.check.claims import numbers

    source = "The president made an unscheduled trip to the hospital on Saturday, aides said."
    claim = "11月18日付の記事によると、大統領は11月16日（土曜日）に予定外に病院を訪れた。"
    checker = _dated_checker(source, claim, date="2019-11-18")
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.6, recorded=False)
    assert [f.reason for f in numbers(checker, "lead", claim, anchor)] == []
    wrong = "11月18日付の記事によると、大統領は11月19日に予定外に病院を訪れた。"
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.6, recorded=False)
    assert any(f.must for f in numbers(checker, "lead", wrong, anchor))


def test_a_byline_after_a_semicolon_is_the_writers_name() -> None:
    """ "Analysis by Dana Holt; Harbour Gazette Editor": the draft's ダナ・ホルト氏 is the byline,
    not a swap for the person the sentence names (the semicolon stuck to the surname)."""
    from drafter.check.claims import names

    source = "Aides said the visit was routine, according to spokesman Hogan Gidley."
    claim = "ハーバー・ガゼットのダナ・ホルト氏は、訪問は定例だったとする説明に疑問を呈した。"
    checker = _dated_checker(
        source, claim, author="Analysis by Dana Holt; Harbour Gazette Editor-at-large"
    )
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.6, recorded=False)
    assert [f.reason for f in names(checker, "lead", claim, anchor) if "ホルト" in f.reason] == []


def test_a_name_that_is_the_last_part_of_another_is_its_own_name() -> None:
    """「ドレイ」 is the company Dray, which the recorded sentence names, not the family name of
    "South Vell Union-Dray" (a paper named four sentences away): a recorded run's faithful
    background sentence was failed as a swap for it."""
    from drafter.check.claims import swapped_names

    source = (
        "Dray sold the South Vell Union-Dray last year.\n\n"
        "Ports handle most trade. Fees fund the docks. Ships wait days. Traders pay more.\n\n"
        "In March, the firm bid $5 per share for Dray, the owner of the Kelmar Times."
    )
    glossary = [
        GlossaryEntry(source="Dray", target="ドレイ"),
        GlossaryEntry(source="South Vell Union-Dray", target="サウスベル・ユニオン・ドレイ"),
        GlossaryEntry(source="Kelmar Times", target="ケルマー・タイムズ"),
    ]
    checker, anchor = _recorded_on("In March", source, glossary)
    claim = "同業は3月、ドレイに1株5ドルでの買収を提案した。"
    assert [f.reason for f in swapped_names(checker, "background", claim, anchor)] == []
    moved = "同業は3月、サウスベル・ユニオン・ドレイに1株5ドルでの買収を提案した。"
    assert swapped_names(checker, "background", moved, anchor)


def test_a_cause_is_no_hedge() -> None:
    # 〜こともあり、 is "partly as", not "may" (〜こともあります)
    assert not HEDGE_JA.search(
        "前知事が再選を逃したこともあり、州は教員との対立を避けると明言した。"
    )


def test_a_dropped_should_is_listed_only_where_the_claim_surely_restates_it() -> None:
    """A "should" is often advice ("people shouldn't panic"): on a loose alignment it is not
    listed; where the claim surely restates the sentence, its expectation was dropped."""
    source = "The backlog should ease by Thursday morning, the port authority said."
    article = _inputs(_markdown()).article.model_copy(update={"text": source})
    checker = Checker(_inputs(_markdown(), article=article))
    (sentence,) = checker.sentences
    claim = "木曜日の朝までに、港に積み上がっていた滞貨はすっかり解消した。"
    loose = Anchor(ids=[sentence.id], closest=[sentence.id], best=0.3, recorded=False)
    assert hedges(checker, "lead", claim, loose) == []
    sure = Anchor(ids=[sentence.id], closest=[sentence.id], best=0.7, recorded=False)
    (finding,) = hedges(checker, "lead", claim, sure)
    assert "should" in finding.reason and not finding.must  # a soft modal: listed


def test_a_person_put_for_another_on_a_firm_alignment_is_listed_without_a_record() -> None:
    """A draft without the run's record (an editor's, or one written elsewhere): where the
    claim surely aligns with Natarajan's sentence yet names Dorran from four sentences away,
    the swap is listed, never must-fix; on a loose alignment it is not listed."""
    natarajan = "Opposition lawmaker Priya Natarajan"
    swapped = "野党のドラン議員は、延期は誤りだと述べました。"
    ((must, reason),) = _swaps(swapped, natarajan, best=0.7, recorded=False)
    assert not must and "ドラン" in reason and "ナタラジャン" in reason
    assert _swaps(swapped, natarajan, best=0.4, recorded=False) == []  # may rest elsewhere
    faithful = "野党のナタラジャン議員は、延期は誤りだと述べました。"
    assert _swaps(faithful, natarajan, best=0.7, recorded=False) == []
    # a body put for another (the Shippers Council, seven sentences off, for the cabinet) is a
    # swap by the run's record; without it the aligned sentence may be a neighbour: not listed
    cabinet = "The cabinet will take"
    body = "ケルマー荷主協議会は、3月に最終判断を下す。"
    assert [must for must, _ in _swaps(body, cabinet, best=0.7)] == [False]  # listed
    assert _swaps(body, cabinet, best=0.7, recorded=False) == []


def test_as_far_as_possible_is_no_hedge() -> None:
    """ "deployed Pence in the most effective way possible" (Politico's poll) hedges nothing:
    a false must-fix on round AK's draft, 「最も効果的に起用してきた」."""
    from drafter.check.claims.hedges import _main_clause_modal

    for text in (
        "Asked whether the campaign has deployed him in the most effective way possible, 52% agreed.",
        "The port will reopen as soon as possible.",
        "Crews use the best possible routes whenever possible.",
    ):
        assert _main_clause_modal(text) is None, text
    for text in ("It is possible that the port reopens.", "Amid interest in possible deals."):
        assert _main_clause_modal(text) is not None, text


def test_a_name_that_says_a_dont_expect_and_an_inverted_if_are_no_hedges() -> None:
    """Round BE: "Uber, as its name suggests, is hierarchical", "don't expect your entire 360
    library to get enhanced" (it won't be) and "And should anyone forget that …" (if anyone
    forgets) were each listed as a dropped hedge on a faithful draft."""
    from drafter.check.claims.hedges import _main_clause_modal

    for text in (
        "But Uber, as its name suggests, is hierarchical in structure.",
        "Basically, don't expect your entire 360 library to get enhanced.",
        "And should anyone forget that potholes matter, the mayor fills 250,000 a year.",
        "Should the talks fail, the port closes.",
    ):
        assert _main_clause_modal(text) is None, text
    for text in (
        "The data suggests the fee will rise.",
        "Analysts expect the fee to rise.",
        "The fee should rise next year, and it should stay there.",
    ):
        assert _main_clause_modal(text) is not None, text


def test_doubt_told_in_japanese_keeps_the_hedge_and_a_forecast_after_a_dash_is_its_own() -> None:
    """Round AP (CNN): "winds could still pose a problem" as 「飛ばせるかどうかは見通せない」
    keeps the doubt; "grounded if … gusts exceed 34 mph -- both slightly above what's
    predicted" hedges the forecast after the dash, not the rule the claim states. Both were
    must-fix."""
    from drafter.check.claims.hedges import HEDGE_JA, _main_clause_modal

    for kept in (
        "バルーンを飛ばせるかどうかは見通せない状況だ。",
        "開催は不透明だ。",
        "日程は未定だ。",
    ):
        assert HEDGE_JA.search(kept), kept
    rule = (
        "They are to be grounded if sustained winds reach 23 mph or gusts exceed 34 mph -- "
        "both slightly above what's predicted."
    )
    assert _main_clause_modal(rule) is None
    assert _main_clause_modal("Gusts are predicted to exceed 34 mph.") is not None


def test_more_likely_to_is_a_comparison_not_a_hedge() -> None:
    """Round AN: "users … more likely to dehumanize their targets" compares chances and states
    it; the follower count in the same sentence was listed as a dropped "likely" twice.
    "most likely", "likely to", "unlikely" alone still hedge."""
    from drafter.check.claims.hedges import _main_clause_modal

    for text in (
        "Those users are more likely to dehumanize their targets.",
        "Smokers are twice as likely to fall ill and far less likely to recover.",
        # round BA: a ranking of who could have done it, stated (with "perhaps" its own hedge)
        "Of all the people, the former anchor Gretchen Carlson was perhaps the least likely.",
        "The storm was the most likely cause of the outage.",
    ):
        assert _main_clause_modal(text) is None, text
    for text in (
        "The port will most likely reopen in May.",
        "The strike is likely to end soon.",
        "A deal is unlikely before March.",
    ):
        assert _main_clause_modal(text) is not None, text


@pytest.mark.parametrize(
    ("text", "hedged"),
    [("The news came a month after he announced that Kimberly was expecting on the show.", False),
     ("It was every expecting parent's worst nightmare.", False),
     ("They are expecting their sixth child.", False),
     ("Analysts are expecting lower rates next year.", True),
     ("The firm is expecting 5% growth.", True)],
)  # fmt: skip
def test_expecting_a_child_is_no_hedge(text: str, hedged: bool) -> None:
    """「妻が流産した」 drops no hedge of "Kimberly was expecting": she was pregnant."""
    assert bool(MODAL_EN.search(text)) == hedged


@pytest.mark.parametrize(
    ("url", "site_name", "outlet", "target"),
    [
        ("https://www.nytimes.com/2017/01/13/world/sudan.html", "NYTimes",
         "The New York Times", "ニューヨーク・タイムズ"),
        ("http://www.heise.de/mac-and-i/meldung/1.html", "Mac & i", "heise online", "ハイセ"),
        ("http://www.businessinsider.com/mario-2016-11", "MSN", "Business Insider",
         "ビジネス・インサイダー"),
        # the outlet without its article (theatlantic.com, "The Atlantic")
        ("https://www.theatlantic.com/technology/archive/2016/09/a/", "theatlantic.com",
         "The Atlantic", "アトランティック"),
        # not in the glossary at all: the address spells it (chicagotribune.com)
        ("http://www.chicagotribune.com/news/a.html", None, "Chicago Tribune Co",
         "シカゴ・トリビューン"),
    ],
)  # fmt: skip
def test_the_outlet_a_lead_credits_is_the_pages_own(
    url: str, site_name: str | None, outlet: str, target: str
) -> None:
    """「ニューヨーク・タイムズによると」 on nytimes.com, whose page calls itself "NYTimes": the
    outlet the lead prompt asks the draft to credit, not a name missing from the source. An
    outlet the page is not from is still listed."""
    from drafter.check.core import CheckInputs
    from drafter.check.draft_md import parse_draft
    from drafter.models import Article, GlossaryEntry

    source = "Officials said on Thursday that the sanctions would be lifted within six months."
    article = Article(url=url, site_name=site_name, title="t", text=source,
                      fetched_at="2026-01-01T00:00:00Z")  # fmt: skip
    glossary = [GlossaryEntry(source=outlet, target=target),
                GlossaryEntry(source="The Guardian", target="ガーディアン")]  # fmt: skip
    if outlet.endswith(" Co"):
        glossary = glossary[1:]

    def reasons(credit: str) -> list[str]:
        markdown = f"# t\n\n{credit}によると、当局者は制裁を6か月以内に解除すると述べた。\n"
        inputs = CheckInputs(article=article, draft=parse_draft(markdown), glossary=glossary,
                             draft_label="d", source_label="s")  # fmt: skip
        return _claim(check(inputs), "制裁").reasons

    assert not [r for r in reasons(target) if target in r]
    assert [r for r in reasons("ガーディアン") if "ガーディアン" in r]


def test_a_name_no_one_knows_is_listed_once_per_draft() -> None:
    """A fish the dictionary lacks (オヒョウ for "halibut") was listed on 18 sentences of one
    recorded draft: an editor verifies a name once, where it first appears. A person no one
    knows is listed on each sentence: each may be someone put for another."""
    source = (
        "Whole Foods cut the price of fresh halibut for Prime members. "
        "Halibut usually sells for $24 a pound."
    )
    markdown = (
        "# t\n\nホールフーズはプライム会員向けにゾロピクの値段を下げた。\n\n"
        "ゾロピクは通常1ポンド24ドルで売られている。\n\n"
        "## 補足説明\n\n### 魚\n\nゾロピクは北太平洋に住む大型の魚です。\n"
    )
    report = check(check_inputs(source, markdown))
    listed = [c.sentence for c in report.claims for r in c.reasons if "ゾロピク" in r]
    assert listed == ["ホールフーズはプライム会員向けにゾロピクの値段を下げた。"], listed
    person = markdown.replace("ゾロピク", "ゾロピク氏の店の魚")
    report = check(check_inputs(source, person))
    assert len({c.sentence for c in report.claims for r in c.reasons if "ゾロピク" in r}) == 3


def test_megapixels_are_millions_of_pixels() -> None:
    """ "23 megapixels" is 「2300万画素」."""
    from drafter.lang.quantities import en_quantities, ja_quantities, same_value

    found = en_quantities("The headset packs 23 megapixels into two panels; the camera is 12MP.")
    assert [q.value for q in found if q.value > 1e6] == [23e6, 12e6]
    (claimed,) = [q for q in ja_quantities("計2300万画素") if q.value > 100]
    assert any(same_value(claimed, q) for q in found)


def test_a_rendering_with_two_source_forms_is_found_by_the_one_the_source_has() -> None:
    # the glossary gives the council twice, once as a name list misread it; the rendering is
    # the source's name all the same, whichever entry comes last
    glossary = [
        GlossaryEntry(source="Kelmar Shippers Council", target="ケルマー荷主協議会"),
        GlossaryEntry(source="Kelmar Shipper Counsel", target="ケルマー荷主協議会"),
    ]
    claim = _claim(_report(_markdown(), glossary=glossary), "ケルマー荷主協議会")
    assert not any("原文にありません" in r for r in claim.reasons), claim.reasons
    # a form the source does not have is still reported when it is the only one
    invented = [GlossaryEntry(source="Kelmar Freight Guild", target="ケルマー荷主協議会")]
    claim = _claim(_report(_markdown(), glossary=invented), "ケルマー荷主協議会")
    assert any("（Kelmar Freight Guild）は原文にありません" in r for r in claim.reasons)


def test_a_kanji_rendering_inside_a_longer_word_is_no_name_moved() -> None:
    """地球 (the glossary's Earth) inside 地球物理学者 (geophysicist) names no planet: round AG's
    Quanta draft had it as a body put for the Lorenz Center of the sentence it rests on."""
    source = (
        "The geophysicist Daniel Rothman of the Lorenz Center found the name.\n\n"
        "Ships wait days. Traders pay more. Fees fund the docks. Ports handle most trade.\n\n"
        "Life on Earth began in the sea."
    )
    names = [("Daniel Rothman", "ダニエル・ロスマン"), ("Lorenz", "ローレンツ"), ("Earth", "地球")]
    listed = _swaps_listed(source, names, "The geophysicist")
    assert listed("lead", "地球物理学者のダニエル・ロスマン氏がその名前を見つけた。") == []
    # Earth named as such, where the sentence names the Lorenz Center, is still a body moved
    assert listed("lead", "地球のダニエル・ロスマン氏がその名前を見つけた。") == [True]


def test_a_name_the_glossary_gives_in_the_plural_is_near_in_the_singular() -> None:
    """The glossary renders "Creative-Commons-Lizenzen" (the page's plural); the sentence the
    claim rests on says "Creative-Commons-Lizenz": the same name, not one moved from afar."""
    source = (
        "Der Verband VSGE schickt die Abmahnungen. Er stellt Bilder unter einer "
        "Creative-Commons-Lizenz bei Flickr ins Netz.\n\n"
        "Ships wait days. Traders pay more. Fees fund the docks. Ports handle most trade.\n\n"
        "Die Creative-Commons-Lizenzen sind streng."
    )
    names = [
        ("VSGE", "VSGE"),
        ("Creative-Commons-Lizenzen", "クリエイティブ・コモンズ・ライセンス"),
        ("Flickr", "フリッカー"),
    ]
    listed = _swaps_listed(source, names, "Der Verband")
    claim = "写真はフリッカーでクリエイティブ・コモンズ・ライセンスの下で公開されている。"
    assert listed("background", claim) == []


def test_a_place_the_sentence_gives_as_its_adjective_is_near() -> None:
    """ "des Hamburger Importeurs" names Hamburg: 「ハンブルクの輸入業者」 resting on that
    sentence moved no name (round AH's Abendblatt draft, a false must-fix against the
    sentence's Vietnam)."""
    source = (
        "Die Prokuristin des Hamburger Importeurs lobt die Früchte aus Vietnam.\n\n"
        "Ships wait days. Traders pay more. Fees fund the docks. Ports handle most trade.\n\n"
        "Hamburg ist eine Hafenstadt."
    )
    names = [("Hamburg", "ハンブルク"), ("Vietnam", "ベトナム")]
    listed = _swaps_listed(source, names, "Die Prokuristin")
    assert listed("lead", "ハンブルクの輸入業者の担当者は果物の品質を評価した。") == []


def test_a_count_that_totals_the_sentences_counts_is_stated() -> None:
    """「…の計3人で運営される」 for "led by two Republicans … and one Democrat": the claim adds
    the sentence's counts up (round AL's Recode draft, 「…氏の3人」, a false must-fix against
    "two"). A count that is no total of them, or not given as one, is still contradicted."""
    from drafter.check.claims import numbers

    source = (
        "The commission will be led by two Republicans, Ann Lee and Bo Kim, and one Democrat, "
        "Cy Young, until new members are picked.\n\nShips wait days. Traders pay more."
    )
    checker, anchor = _recorded_on("The commission", source, [])
    total = numbers(checker, "lead", "委員会は共和党2人と民主党1人の計3人で運営される。", anchor)
    assert not total, [f.reason for f in total]
    # the people named and their title (round BJ: 「…両委員と、民主党のC委員の3人」)
    checker, anchor = _recorded_on("The commission", source, [])
    named = "委員会は共和党のリー、キム両委員と、民主党のヤング委員の3人で運営される。"
    assert not numbers(checker, "lead", named, anchor)
    # … a count of people only: one player's points are no sum of her line
    line = "Mara Venn had 25 points, 11 rebounds and 14 assists in the win.\n\nFans cheered."
    checker, anchor = _recorded_on("Mara Venn", line, [])
    points = numbers(checker, "lead", "マラ・ベン選手の36得点で勝った。", anchor)
    assert [f.must for f in points] == [True], [f.reason for f in points]
    checker, anchor = _recorded_on("The commission", source, [])
    wrong = numbers(checker, "lead", "委員会は4人で運営される。", anchor)
    assert [f.must for f in wrong] == [True], [f.reason for f in wrong]
    # a figure the claim does not give as a total is held to the sentence's own: a changed
    # count that happens to equal a sum is still a changed count
    checker, anchor = _recorded_on("The commission", source, [])
    listed = numbers(checker, "lead", "委員会は共和党の3人が率いる。", anchor)
    assert [f.must for f in listed] == [True], [f.reason for f in listed]


def test_a_count_of_the_list_the_claim_names_is_stated() -> None:
    """「ネバダ州、…、オハイオ州を加えた8州」 counts the eight states the claim names (round AO's
    Bloomberg draft; the source said "those states, along with five others": a false must-fix
    against "five"). A count that is not the length of its list is still contradicted."""
    from drafter.check.claims import numbers

    source = (
        "Those states, along with five others -- Alabama, Illinois, Michigan, New Jersey and "
        "Ohio -- remain more than 50,000 jobs below their peaks.\n\nShips wait days. Traders pay."
    )
    listed = (
        "ネバダ州、アリゾナ州、フロリダ州に、アラバマ州、イリノイ州、ミシガン州、ニュージャージー州、"
        "オハイオ州を加えた{n}州は、なお5万人以上下回る。"
    )
    checker, anchor = _recorded_on("Those states", source, [])
    counted = numbers(checker, "lead", listed.format(n=8), anchor)
    assert not counted, [f.reason for f in counted]
    checker, anchor = _recorded_on("Those states", source, [])
    miscounted = numbers(checker, "lead", listed.format(n=9), anchor)
    assert [f.must for f in miscounted] == [True], [f.reason for f in miscounted]


def test_an_adjectives_rendering_and_a_peoples_land_are_no_swap() -> None:
    """Round AR (Talking Points Memo): 「…クルド労働者党(PKK)のシリアにおける関連組織」 renders
    "a Syrian affiliate of the PKK" (the glossary has Syrian → シリアの), and its クルド人 (Kurds)
    is named by "Kurdistan" there: a must-fix swap in the background."""
    source = (
        "The governing party there is the Democratic Union Party (PYD), a Syrian affiliate of "
        "the Kurdistan Workers' Party (PKK), which Ankara fights, said commander Sahin Cilo."
        "\n\nShips wait days. Traders pay more. Fees fund the docks.\n\n"
        "Ilse Dorran met the Kurds in Erbil last year."
    )
    names = [("Syrian", "シリアの"), ("Syria", "シリア"), ("Kurds", "クルド人"),
             ("PKK", "クルド労働者党(PKK)"), ("PYD", "民主統一党(PYD)"), ("Ankara", "トルコ政府"),
             ("Sahin Cilo", "シャヒン・ジロ"), ("Ilse Dorran", "イルゼ・ドラン")]  # fmt: skip
    listed = _swaps_listed(source, names, "The governing party")
    claim = (
        "与党は民主統一党(PYD)で、トルコ政府と戦ってきたクルド人の政党、クルド労働者党(PKK)の"
        "シリアにおける関連組織です。"
    )
    assert listed("background", claim) == []
    # a person put for another is still one
    swapped = "イルゼ・ドラン司令官によると、与党は民主統一党(PYD)で、シリアにおける関連組織です。"
    assert listed("background", swapped) == [True]


def test_the_last_word_of_a_bodys_name_is_no_surname() -> None:
    """ア・リーグ (the American League) is not named by the リーグ of 「米大リーグ」: only a
    person's last part stands for the whole name (round AL's SB Nation draft)."""
    source = (
        "Chris Sale, a Chick-O-Stix fan, was traded to Boston.\n\n"
        "Ships wait days. Traders pay more. Fees fund the docks. Ports handle most trade.\n\n"
        "He won the American League strikeout title."
    )
    names = [("American League", "ア・リーグ"), ("Chick-O-Stix", "チック・オー・スティックス"),
             ("Chris Sale", "クリス・セール")]  # fmt: skip
    listed = _swaps_listed(source, names, "Chris Sale")
    assert listed("lead", "米大リーグのレッドソックスはクリス・セール投手を獲得した。") == []


def test_a_place_that_locates_a_name_the_claim_keeps_is_no_swap() -> None:
    """Round AT (The Daily Beast): 「ブルックリンのベッドフォード・スタイベサント地区で」 says where
    the sentence's "Bed-Stuy" is, from a quotation far down the page: a must-fix swap against
    the sentence's NYPD, which the claim calls 警官. The same pattern here with invented names."""
    source = _far_apart(
        "Tension with the Harlow Guard rose for weeks before two guards died in Eastmere on "
        "Saturday.",
        "A resident said the shooting in Dunmore, Eastmere, shocked him.",
    )
    names = [("Harlow Guard", "ハーロウ警備隊"), ("Eastmere", "イーストミア地区"),
             ("Dunmore", "ダンモア郡")]  # fmt: skip
    listed = _swaps_listed(source, names, "Tension with")
    for located in (
        "土曜日にはダンモア郡のイーストミア地区で警備員2人が死亡していた。",
        "土曜日にはイーストミア地区（ダンモア郡）で警備員2人が死亡していた。",
    ):
        assert listed("lead", located) == [], located
    # the place put instead of the sentence's own, or beside another word, is still a swap
    assert listed("lead", "土曜日にはダンモア郡で警備員2人が死亡していた。") == [True]
    assert listed("lead", "ダンモア郡の警備員2人がイーストミア地区で死亡した。") == [True]


def test_a_thai_readers_555_is_a_laugh_not_a_figure() -> None:
    """Thai readers laugh in fives (ห้า, "ha"): "555" was read as a figure and listed against
    the 8 of 「8〜10フィート」 in round AT's Pantip thread. A comment without Thai letters
    that writes 555 still has the figure 555."""
    thai = "ตัวยาว 6-9 ฟุต ยังเป็นเด็กอยู่อีกเหรอ 555"
    laughing = _claim(_reaction_report(thai, "6〜9フィートでまだ子どもなの？（笑）"), "フィート")
    assert laughing.verdict == "supported", laughing.reasons
    english = "Only 555 feet long and still a kid?"
    figure = _claim(_reaction_report(english, "6〜9フィートでまだ子ども？"), "フィート")
    assert any("555" in reason for reason in figure.reasons), figure.reasons


def test_a_figure_whose_comma_groups_no_thousands_is_no_value_to_contradict() -> None:
    """Round AV (The Dallas Morning News): "making more than $100,00" (a typo) was read as
    $10,000, and the faithful 「年収10万ドル」 was a must-fix. A comma that groups no thousands
    ("$100,00", "12,5 percent") gives no value for sure: the claim's figure is listed."""
    from drafter.lang.quantities.english import en_quantities

    assert [q.text for q in en_quantities("Fees of $100,00 and 12,5 percent rose.")] == []
    assert [q.value for q in en_quantities("Fees of $100,000 rose 12.5 percent.")] == [
        100000.0,
        12.5,
    ]
    source = SOURCE.replace("the fee of $45 per container", "the fee of $45,00 per container")
    article = _inputs(_markdown()).article.model_copy(update={"text": source})
    # the writer read the typo as $45,000, where a reading of its digits gives $4,500
    lead = _with("45ドル", "4万5000ドル")
    claim = _claim(_report(lead, article=article), "4万5000ドル")
    assert not claim.fails and claim.verdict == "unsupported", claim.reasons
    # written with its thousands grouped, a changed figure is still must-fix
    assert _claim(_report(_with("45ドル", "54ドル")), "54ドル").fails


def test_a_name_credited_for_its_data_and_a_people_named_by_its_land_are_no_swap() -> None:
    """Round AV (cleveland.com): 「グーグルの集計では、…英国ではインド料理が…」 credits the
    data's owner, named far off, and gives "Brits" (英国人 in the glossary) as 英国では: a
    must-fix swap against the sentence's Brits."""
    source = _far_apart(
        "Spice-loving Norvandans searched Kelmar food more than Kelmar itself.",
        "Zephyr ranks the searches every December.",
    )
    names = [("Norvandans", "ノルバンダ人"), ("Kelmar", "ケルマー"), ("Zephyr", "ゼファー")]
    listed = _swaps_listed(source, names, "Spice-loving")
    credited = "ゼファーの集計では、ノルバンダ人はケルマー料理をケルマー本国より多く検索した。"
    assert listed("background", credited) == []
    by_land = "ノルバンダでは、ゼファーでケルマー料理がケルマー本国より多く検索された。"
    assert listed("background", by_land) == []
    # the body put where the sentence names its people is still a swap
    assert listed("background", "ゼファーがケルマー料理をケルマー本国より多く検索した。") == [True]


def _last_lead_claim(source_sentence: str) -> Callable[[str, str], ClaimReport]:
    """The check of a lead whose last sentence (resting on the source's last, replaced by
    `source_sentence`) is a given one: (sentence, needle) -> the claim holding the needle."""
    source = SOURCE.replace("The cabinet will take a final decision in March.", source_sentence)
    article = _inputs(_markdown()).article.model_copy(update={"text": source})
    old = "最終判断は3月の閣議で下される予定だ。"

    def claim(sentence: str, needle: str) -> ClaimReport:
        lead = [s.replace(old, sentence) for s in LEAD]
        return _claim(_report(_markdown(lead), article=article), needle)

    return claim


def _right_passes_wrong_fails(source_sentence: str, template: str, right: str, wrong: str) -> None:
    """The lead's last sentence, `template` with the right figure, passes against the source
    sentence; with the wrong one it is must-fix."""
    claim = _last_lead_claim(source_sentence)
    kept = claim(template.format(right), right)
    assert not kept.fails, kept.reasons
    assert claim(template.format(wrong), wrong).fails


def test_a_count_of_what_the_draft_just_named_is_no_figure_of_the_source() -> None:
    """Round AW (Medium): 「プロジェクトはこの2紙との協力に加えて、もう1校の参加を募っています」
    counts the two papers the sentence before names; the source's "add 1 more school" made its
    2 a must-fix. Without the demonstrative the count is the claim's own, and still fails."""
    claim = _last_lead_claim("The cabinet will add 1 more port to the fee scheme in March.")
    back = claim("内閣はこの2港に加え、3月にもう1港を使用料の対象に加える予定だ。", "この2港")
    assert not back.fails, back.reasons
    assert claim("内閣は3月に2港を使用料の対象に加える予定だ。", "2港").fails


def test_a_quotation_that_runs_past_its_sentence_and_its_head_and_tail_are_read() -> None:
    """Round AX (PSL, in French): 「政令の公布は大きな前進だ」 renders « La parution du décret
    portant création de l'établissement … constitue une avancée majeure. Les statuts … »,
    whose speaker's words run on into the next sentence. The sentence the draft cites was read
    as quoting nothing (its « is closed a sentence later), and the draft's words are the
    quotation's subject and predicate without the middle (0.15 against the whole, 0.56 against
    head and tail): a must-fix "invented quotation"."""
    sentence = (
        "Au nom du port, la ministre Ilse Dorran déclare : « La publication du règlement "
        "portant création de l'établissement des quais de Kelmar constitue une avancée majeure."
    )
    (span,) = quoted_spans(sentence)
    assert span.startswith("La publication du règlement") and span.endswith("majeure.")
    assert quoted_spans("Elle a dit « oui » hier.") == []  # too short to be words


def test_a_share_the_claim_works_out_from_its_own_figures_is_no_slip() -> None:
    """Round AY (24/7 Wall St.): 「2.78ドルという安値は52週高値9.80ドルの3割に届かない」 works
    out a share (28%) from the sentence's two prices; the sentence's "about 6%" made it a
    must-fix. A share the figures do not make still fails."""
    _right_passes_wrong_fails(
        "Kelmar Lines fell about 6% on Monday to a low of $2.78, against a 52-week high of $9.80.",
        "ケルマー・ラインズ株の安値2.78ドルは、52週高値9.80ドルの{}に届かない。",
        "3割",
        "5割",
    )


def test_a_word_that_only_opens_sentences_and_quotations_is_no_name() -> None:
    """Round AY (Condé Nast Traveler): a French comment quoting the article, « Rug shopping in
    the souk is invigorating… », had "Rug" taken for a name the translation left out, and the
    translation's モロッコ人 (for "Marocains") for one put in its place: a must-fix. A name
    the comment writes inside a sentence is still one."""
    source = (
        "Rug shopping in the Kelmar souk is tiring. Ilse Dorran runs the oldest stall.\n\n"
        "Moroccan traders fix the prices. Rug dealers open at nine."
    )
    names = [("Moroccan", "モロッコ人"), ("Ilse Dorran", "イルゼ・ドラン"), ("Kelmar", "ケルマー")]
    extra = {
        "article": _inputs(_markdown()).article.model_copy(update={"text": source}),
        "glossary": [GlossaryEntry(source=a, target=b) for a, b in names],
    }
    quoted = "« Rug shopping in the Kelmar souk is tiring » c'est vrai. Même nous les Marocains."
    translation = (
        "「ケルマーのスークでのじゅうたん選びは疲れる」って本当。モロッコ人の俺たちでもね。"
    )
    claim = _claim(_reaction_report(quoted, translation, **extra), "モロッコ人")
    assert not claim.fails and not any("Rug" in r for r in claim.reasons), claim.reasons
    # (not "les Marocains" here: the comment's own Moroccans are モロッコ人, since the French
    # forms of the country are known, round BT)
    named = "On a vu Ilse Dorran au souk de Kelmar, c'est vrai. Même nous, on y était."
    swapped = "ケルマーのスークでモロッコ人を見たって本当。俺たちでもね。"
    listed = _claim(_reaction_report(named, swapped, **extra), "モロッコ人").reasons
    assert any("Ilse" in r for r in listed), listed
    # a name the glossary gives is one even where it only opens sentences, there and here
    alone = source.replace("Ilse Dorran runs", "Dorran runs")
    extra["article"] = extra["article"].model_copy(update={"text": alone})
    extra["glossary"] = [*extra["glossary"], GlossaryEntry(source="Dorran", target="ドラン")]
    opening = "Dorran a raison. Même nous les Marocains."
    listed = _claim(_reaction_report(opening, swapped, **extra), "モロッコ人").reasons
    assert any("Dorran" in r for r in listed), listed


def test_a_swap_in_a_reaction_is_must_fix_only_between_names_the_run_knows() -> None:
    """Round BA (Prospect): a reader's "Bell picks the most swivel-eyed quotes" had "Bell", the
    essay's author and a capitalised word of the article but no name of the glossary, taken
    for the name a translation (筆者, "the author") left out: a must-fix. A glossary name, or a
    word of one (Dorran of "Ilse Dorran"), put in another's place is still one."""
    source = (
        "The historian Bell argues the idea is old. Ilse Dorran runs the Kelmar Shippers "
        "Council.\n\nPriya Natarajan disagrees."
    )
    names = [
        ("Ilse Dorran", "イルゼ・ドラン"),
        ("Kelmar Shippers Council", "ケルマー荷主協議会"),
        ("Priya Natarajan", "プリヤ・ナタラジャン"),
    ]
    extra = {
        "article": _inputs(_markdown()).article.model_copy(update={"text": source}),
        "glossary": [GlossaryEntry(source=a, target=b) for a, b in names],
    }
    translation = "ナタラジャンはいつも一番極端な発言を拾ってくるよな。"

    def claim(body: str) -> ClaimReport:
        return _claim(_reaction_report(body, translation, **extra), "極端な発言")

    author = claim("Honestly, Bell always picks the most extreme quotes he can find.")
    assert not author.fails and any("Bell" in r for r in author.reasons), author.reasons
    for known in ("Dorran", "Ilse Dorran"):
        swapped = claim(f"Honestly, {known} always picks the most extreme quotes she can find.")
        assert swapped.fails, swapped.reasons


def test_the_children_of_one_birth_are_counted() -> None:
    """Round AZ (Global News): 「4人が一度に生まれる四つ子」 for "the birth of quadruplets" was
    a must-fix against the page's other figures. Quadruplets are four; a wrong count fails."""
    from drafter.lang.quantities.english import en_quantities

    assert [q.value for q in en_quantities("hours before the birth of quadruplets")] == [4.0]
    assert [q.value for q in en_quantities("She had triplets in 2019.")][-1] == 3.0
    _right_passes_wrong_fails(
        "Ilse Dorran, 32, gave birth to quadruplets at Kelmar General, 12 weeks early.",
        "ドラン氏（32）は予定より12週早く、ケルマー総合病院で{}の四つ子を出産した。",
        "4人",
        "5人",
    )


def test_no_plans_to_is_no_hedge() -> None:
    """Round BG: "While they have no imminent plans to buy, they have been looking at
    properties" was listed as a dropped "plans to" on a faithful draft."""
    from drafter.check.claims.hedges import _main_clause_modal

    for text in (
        "While they have no imminent plans to buy, they have been looking at homes.",
        "The ministry has no plans to raise the fee.",
    ):
        assert _main_clause_modal(text) is None, text
    assert _main_clause_modal("The ministry plans to raise the fee.") is not None
    assert _main_clause_modal("He no doubt plans to raise the fee.") is not None


def test_a_run_of_months_is_two_months_in_either_language() -> None:
    """Round BG: 「その供給が2〜3月に混乱した」 for "messed up in Feb-March" was a must-fix
    「2」 against the comment's "one"; each side names February and March."""
    from drafter.lang.quantities import en_quantities, ja_quantities

    def months(found: list[Any]) -> list[tuple[str, float]]:
        return [(q.kind, q.value) for q in found]

    assert months(ja_quantities("その供給が2〜3月に混乱した")) == [("month", 2), ("month", 3)]
    assert months(ja_quantities("1〜3月期の決算")) == []  # the first quarter, as before
    for text in ("supply was messed up in Feb-March.", "in Feb–Mar", "In May and June sales fell"):
        assert len(months(en_quantities(text))) == 2, text
    # names, not months: "Jan and May met", "Theresa May to June Sarpong"
    assert ("month", 1) not in months(en_quantities("Jan and May met in Oslo."))
    assert ("month", 5) not in months(en_quantities("Theresa May to June Sarpong spoke."))
    assert ("month", 5) not in months(en_quantities("The guitarist Brian May and June toured."))


def test_a_short_quotation_rendered_loosely_in_the_sentence_it_rests_on_is_the_quotation() -> None:
    """Round BH: 「高速道路の渋滞」 for the director's “Freeway gridlock.” (0.30 to the encoder)
    was listed as a quotation not in the source, though the lead sentence restates the very
    sentence that quotes it. A quotation longer than such words can say is still listed."""
    said = "Asked what worries her most about the port, Dorran answered at once: “Gridlock on the quays.”"
    article = _inputs(_markdown()).article.model_copy(update={"text": f"{SOURCE}\n\n{said}"})
    loose = "港で最も心配なことを問われたドラン氏は、即座に「岸壁の大渋滞」と答えた。"
    claim = _claim(_report(_markdown([*LEAD, loose]), article=article), "岸壁の大渋滞")
    assert not [r for r in claim.reasons if "引用" in r], claim.reasons
    # … but not one that drops the speaker's "not" (the encoder barely reads it)
    refused = f"{said}\n\nAsked whether she would step down, Dorran said: “I will not resign.”"
    quits = _inputs(_markdown()).article.model_copy(update={"text": f"{SOURCE}\n\n{refused}"})
    flipped = "辞任するかを問われたドラン氏は「辞任する」と答えた。"
    claim = _claim(_report(_markdown([*LEAD, flipped]), article=quits), "「辞任する」")
    assert [r for r in claim.reasons if "引用" in r], claim.reasons
    long = "港で最も心配なことを問われたドラン氏は、即座に「岸壁ではトラックが毎日何時間も動けない」と答えた。"
    claim = _claim(_report(_markdown([*LEAD, long]), article=article), "何時間も動けない")
    assert [r for r in claim.reasons if "引用" in r], claim.reasons


def test_a_year_before_the_common_era_is_that_year_in_either_language() -> None:
    """Round BI: 「紀元前500年ごろ」 for "around 500 BC" was listed as a figure not in the
    source (read as 500 years); each side now reads the year 500 BC, and a changed one differs."""
    from drafter.lang.quantities import en_quantities, ja_quantities, same_value

    source = en_quantities("Our oldest finds are from around 500 BC, but the site is older.")
    assert [(q.kind, q.value) for q in source] == [("year", -500)]
    assert same_value(ja_quantities("紀元前500年ごろの出土品")[0], source[0])
    assert not same_value(ja_quantities("紀元前600年ごろの出土品")[0], source[0])
    assert [(q.kind, q.value) for q in ja_quantities("紀元前197年の戦い")] == [("year", -197)]

    # British Columbia's election of a year of ours is no year before the common era, nor its
    # utility's customers; and a year of five figures is read whole
    def read(text: str) -> list[tuple[str, float]]:
        return [(q.kind, q.value) for q in en_quantities(text)]

    assert read("Before the 2017 BC election") == [("year", 2017)]
    assert read("She first ran in the 2017 B.C. election.") == [("year", 2017)]
    assert read("About 1,500 BC Hydro customers lost power.") == [("number", 1500)]
    assert read("Settled around 10,000 BC, it grew.") == [("year", -10000)]


def test_a_family_name_alone_stands_for_the_one_glossary_name_it_ends() -> None:
    """Round BI: 「レイチェル・レダーマン氏は…と述べた」 for '“…,” Lederman said about the suit',
    the full name three sentences back, was listed as a name not in the sentence it rests on."""
    text = (
        "Ilse Dorran, the transport minister, opened the talks on Monday.\n\n"
        "Shipping firms said the fee would raise costs.\n\nExporters agreed.\n\n"
        "The ports authority declined to comment.\n\n"
        "“We will give the shipping lines more time,” Dorran said about the delay."
    )
    article = _inputs(_markdown()).article.model_copy(update={"text": text})
    glossary = [GlossaryEntry(source="Ilse Dorran", target="イルゼ・ドラン")]
    lead = ["イルゼ・ドラン運輸相は延期について「海運会社にもっと時間を与える」と述べた。"]
    claim = _claim(_report(_markdown(lead), article=article, glossary=glossary), "イルゼ・ドラン")
    assert not [r for r in claim.reasons if "Ilse Dorran" in r], claim.reasons
    # as a word of its own: "cannot afford" is no "Ford"
    afford = text.replace("Dorran", "Ford").replace(
        "“We will give the shipping lines more time,” Ford said about the delay",
        "“The shipping lines cannot afford more delay,” the union said about the fee",
    )
    ford = _inputs(_markdown()).article.model_copy(update={"text": afford})
    lead = ["イルゼ・フォード運輸相は「海運会社にはこれ以上の遅れを許す余裕はない」と述べた。"]
    glossary = [GlossaryEntry(source="Ilse Ford", target="イルゼ・フォード")]
    claim = _claim(_report(_markdown(lead), article=ford, glossary=glossary), "イルゼ・フォード")
    assert [r for r in claim.reasons if "Ilse Ford" in r], claim.reasons
    # a person's family name only, and one no other person of the glossary shares
    from drafter.check.claims.names import short_names

    names = [("Ilse Dorran", "イルゼ・ドラン"), ("Federal Reserve", "連邦準備制度"),
             ("Ann Lee", "アン・リー"), ("Bo Lee", "ボー・リー"), ("Kelmar", "ケルマー")]  # fmt: skip
    glossary = [GlossaryEntry(source=a, target=b) for a, b in names]
    assert short_names(glossary) == {"dorran", "kelmar"}
    places = [("North Carolina", "ノースカロライナ"), ("Hong Kong", "香港"),
              ("Robert Downey Jr.", "ロバート・ダウニー・ジュニア")]  # fmt: skip
    assert short_names([GlossaryEntry(source=a, target=b) for a, b in places]) == set()


def test_the_end_of_a_span_of_days_is_a_date_too() -> None:
    """「6月5〜16日」 was read as June 5 alone: the span's end day went unchecked, so a changed
    end (「6月5〜26日」 for "June 5-16") passed. The end day is now a date of that month; a
    length (16日間) or a count of days after (10日後) is not."""
    from drafter.lang.quantities import ja_quantities

    def dates(text: str) -> list[float]:
        return [q.value for q in ja_quantities(text) if q.kind == "date"]

    assert dates("会議は6月5〜16日に開かれた") == [605, 616]
    assert dates("6月5日から16日まで開かれた") == [605, 616]
    assert dates("6月5日から16日間開かれた") == [605]
    assert dates("6月5日から10日後に再開した") == [605]
    # two days of one month, named together (a gap of session 25)
    assert dates("会合は6月5日と16日に開かれた") == [605, 616]
    assert dates("6月5日と16日間の日程") == [605]
    assert dates("6月16日と5日に") == [616]  # not ascending: not read as a day of June
    # and the source's "between October 11 and 13" (round BG's 「10月11日から13日」) is a run of
    # days too, where "on June 5 and 16 more" is not
    from drafter.lang.quantities import en_quantities

    def en_dates(text: str) -> list[float]:
        return [q.value for q in en_quantities(text) if q.kind == "date"]

    assert en_dates("The visit is expected between October 11 and 13.") == [1011, 1013]
    assert en_dates("Five died on June 5 and 16 more later.") == [605]
    article = _inputs(_markdown()).article
    spanned = article.model_copy(update={"text": SOURCE.replace("in March", "from March 5 to 16")})
    right = _claim(_report(_with("3月の閣議", "3月5〜16日の閣議"), article=spanned), "3月5")
    assert right.verdict == "supported" and not right.reasons, right.reasons
    wrong = _claim(_report(_with("3月の閣議", "3月5〜26日の閣議"), article=spanned), "3月5")
    assert wrong.fails and "March 16" in wrong.reasons[0], wrong.reasons


def test_a_name_whose_words_the_source_joins_is_in_the_source() -> None:
    """Round BL (Wired on Rosetta): the glossary's "67P Churyumov-Gerasimenko" was reported as
    not in the source, which writes "67P/Churyumov-Gerasimenko"; "Rolls Royce" for the
    source's "Rolls-Royce" likewise. A name the source lacks is still reported."""
    text = SOURCE.replace(
        "Dutch and Danish shipping lines",
        "Rolls-Royce, whose probe reached comet 67P/Churyumov-Gerasimenko, and shipping lines",
    )
    article = _inputs(_markdown()).article.model_copy(update={"text": text})
    lead = [*LEAD[:4], "ロールス・ロイスと海運各社は延期を歓迎した。", LEAD[5]]
    for source, target in [
        ("67P Churyumov-Gerasimenko", "チュリュモフ・ゲラシメンコ彗星"),
        ("Rolls Royce", "ロールス・ロイス"),
    ]:
        glossary = [GlossaryEntry(source=source, target=target)]
        named = [*lead[:4], f"{target}に到達した探査機の{lead[4]}", lead[5]]
        claim = _claim(_report(_markdown(named), article=article, glossary=glossary), target)
        assert not [r for r in claim.reasons if source in r], claim.reasons
    glossary = [GlossaryEntry(source="Rolls Ryce", target="ロールス・ロイス")]
    claim = _claim(_report(_markdown(lead), article=article, glossary=glossary), "ロールス")
    assert [r for r in claim.reasons if "Rolls Ryce" in r], claim.reasons


def test_a_short_quotation_of_the_first_words_of_a_long_one_is_that_quotation() -> None:
    """Round BM: 「うれしく思う」 for “I am pleased that she will be part of my senior team…”
    (0.04 to the whole quotation, 0.68 to "am pleased that"), next to the sentence the claim
    rests on, was listed as a quotation not in the source. Words a few source words only match
    as loosely are still listed (「腹立たしい」 reads 0.56 to "am pleased that")."""
    text = SOURCE.replace(
        "Opposition lawmaker Priya Natarajan said the delay was a mistake.",
        "“She is a tireless and tenacious advocate of our ports,” the minister said in a "
        "statement. “I am pleased that she will be part of my senior team at the ministry.”"
        "\n\nOn Dec. 1, the deputy tweeted: “The ministry welcome mat is out.”\n\n"
        "Opposition lawmaker Priya Natarajan said the delay was a mistake.",
    )
    article = _inputs(_markdown()).article.model_copy(update={"text": text})

    def quote_reasons(words: str) -> list[str]:
        said = f"ドラン運輸相は声明で、同氏が省の上級チームに加わることを「{words}」と述べた。"
        claim = _claim(_report(_markdown([*LEAD[:5], said, LEAD[5]]), article=article), words)
        return [r for r in claim.reasons if "引用" in r]

    assert quote_reasons("うれしく思う") == []
    assert quote_reasons("腹立たしい") and quote_reasons("残念に思う")


def test_a_body_that_speaks_as_we_may_be_named_for_it() -> None:
    """Round BN (a German party's page): 「緑の党は…賃金平等法を設けるべきだとしている」 for
    "Deshalb setzen wir auf ein wirkungsvolles Gesetz für Entgeltgleichheit statt dem
    zahnlosen Entgelttransparenzgesetz" was listed as the party put for the law the sentence
    names: "wir" is the party. A sentence without a pronoun still lists the swap."""
    source = (
        "Die Grünen fordern gleiche Löhne.\n\nDer Bundestag hat das Gesetz beschlossen.\n\n"
        "Viele Betriebe zahlen weniger.\n\nFrauen verdienen im Schnitt weniger.\n\n"
        "Das betrifft Millionen.\n\n"
        "Deshalb setzen wir auf ein wirkungsvolles Gesetz für Entgeltgleichheit statt dem "
        "zahnlosen Entgelttransparenzgesetz.\n\nDas Gesetz gilt seit 2017."
    )
    names = [("Grünen", "緑の党"), ("Entgelttransparenzgesetz", "賃金透明化法"),
             ("Bundestag", "連邦議会")]  # fmt: skip
    claim = "緑の党は、実効性のある賃金平等法を設けるべきだとしている。"
    assert _swaps_listed(source, names, "Deshalb")("background", claim) == []
    flat = source.replace("Deshalb setzen wir auf", "Deshalb setzt der Bundestag auf")
    assert _swaps_listed(flat, names, "Deshalb")("background", claim) == [True]


def test_a_hundred_billion_and_a_floated_name_are_read() -> None:
    """Round BN: a comment's "over a hundred billion over ten years" was read as 100, so
    「1000億ドル超」 was listed as a figure it lacks; 「候補には…の名前が挙がっています」 and
    「取り沙汰されています」 for "possible" and "potential appointees" were listed as dropped
    hedges: a name floated is no name chosen. 「テディベア」 for the source's "teddy bears" is
    a common word, not an unknown name."""
    from drafter.check.claims.hedges import HEDGE_JA
    from drafter.lang.quantities import en_quantities

    read = [(q.kind, q.value) for q in en_quantities("It's over a hundred billion a year.")]
    assert ("number", 1e11) in read
    assert [(q.kind, q.value) for q in en_quantities("a hundred dollars")] == [("money", 100)]
    assert HEDGE_JA.search("国務長官の候補には、ロムニー氏の名前が挙がっています。")
    assert HEDGE_JA.search("ジュリアーニ氏らも候補に取り沙汰されています。")
    bears = SOURCE.replace("welcomed the delay", "welcomed the delay with teddy bears")
    article = _inputs(_markdown()).article.model_copy(update={"text": bears})
    title = "ノルバンダ、港湾使用料を6か月延期へ 「テディベア」で歓迎"
    claim = _claim(_report(_markdown(title=title), article=article), "テディベア")
    assert not [r for r in claim.reasons if "テディベア" in r], claim.reasons


def test_review_of_the_claim_mends_each_error_still_listed() -> None:
    """A reviewer's inputs against this session's claim mends: 「辞任する」 for "I will not
    resign, whatever the polls say" (a run of its words without the "not"); a swap beside "US
    shippers" (no "us"); 報道官 (a spokesperson) is no hedge kept; an invented quotation that
    ends in 計画 but is given as someone's words (「…」と、X議員は); 「6月5日から3日にわたって」
    names no June 3."""
    from drafter.check.claims.hedges import HEDGE_JA
    from drafter.lang.quantities import ja_quantities

    text = SOURCE.replace(
        "Opposition lawmaker Priya Natarajan said the delay was a mistake.",
        "“I will not resign, whatever the polls say,” Dorran said in March.\n\n"
        "Opposition lawmaker Priya Natarajan said the delay was a mistake.",
    )
    article = _inputs(_markdown()).article.model_copy(update={"text": text})
    said = "ドラン運輸相は3月、「辞任する」と述べた。"
    claim = _claim(_report(_markdown([*LEAD[:5], said, LEAD[5]]), article=article), "辞任する")
    assert [r for r in claim.reasons if "引用" in r], claim.reasons
    assert not HEDGE_JA.search("運輸省の報道官は、使用料が60ドルに上がると述べた。")
    invented = "「国民をだますために作られた史上最悪の詐欺的な延期計画」と、野党のナタラジャン議員は延期を批判した。"
    claim = _claim(_report(_markdown([*LEAD[:5], invented])), "詐欺的")
    assert [r for r in claim.reasons if "引用" in r], claim.reasons
    assert [q.value for q in ja_quantities("6月5日から3日にわたって開く") if q.kind == "date"] == [
        605
    ]
    assert [q.value for q in ja_quantities("6月30日から2日まで開く") if q.kind == "date"] == [630]
    source = (
        "Ships wait days. Traders pay more. Fees fund the docks. Ports handle most trade.\n\n"
        "Opposition lawmaker Priya Natarajan said the delay was a mistake for US shippers."
    )
    names = [("Priya Natarajan", "プリヤ・ナタラジャン"), ("Ilse Dorran", "イルゼ・ドラン")]
    source = "Transport Minister Ilse Dorran spoke first.\n\n" + source
    listed = _swaps_listed(source, names, "Opposition")
    assert listed("lead", "野党のイルゼ・ドラン議員は、延期は誤りだと述べた。") == [True]


@pytest.mark.parametrize(
    ("claim", "kept"),
    [
        # a hedge word that names a thing hedges nothing: the planted drop of 「可能性がある」
        # from these went unseen, the noun standing in for the hedge
        ("新工場計画によって、今後数年で米国の製造能力が伸びます。", False),
        ("当局者を脅迫した罪で、最大で禁錮10年の刑を科される。", False),
        ("消耗品も同程度減らせ、節約できる質量は数トンに相当する。", False),
        ("パラマウントは方向性を決めかねている。", False),
        # … and where it is the claim's own hedge, it stays one
        ("同社は新工場を建設する計画だ。", True),
        ("最大で禁錮10年の刑を科される可能性がある。", True),
        ("車内でもMacBook Proをフルに使いながら充電できるようになった。", True),  # "possible"
    ],
)
def test_a_hedge_word_that_names_a_thing_is_no_hedge(claim: str, kept: bool) -> None:
    from drafter.check.claims import keeps_a_hedge

    assert keeps_a_hedge(claim) == kept
