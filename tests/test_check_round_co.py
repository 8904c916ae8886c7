"""Round CO (8 unseen drafts of flairNLP/fundus's pages, drafted after round CN's changes: the
Intercept, the i, Les Echos, la Repubblica, Durban Local, the WAZ, the Börsen-Zeitung and the
Japan News; threads in English, French, Italian, Afrikaans, German, Dutch and Korean): 0 must-fix
and 25 to verify at first check. The readings here cleared items to verify, each with its
control."""

from __future__ import annotations

from drafter.check.core import check
from drafter.models import Comment
from tests.helpers import figures_found as _found


def test_german_spans_as_adjectives_and_italian_thousands() -> None:
    """ "eine weitere vierjährige Amtszeit" is a four-year term (「4年の任期」), "Dreijährige
    Ausbildung" a three-year one, "da duemila anni" two thousand years: each was a figure the
    source lacked (round CO); a wrong span still is."""
    german = (
        "Der Aufsichtsrat hat Alexander Wynaendts für eine weitere vierjährige Amtszeit nominiert."
    )
    assert _found("監査役会は同氏を新たな4年の任期に指名した。", german, "de")
    assert not _found("監査役会は同氏を新たな5年の任期に指名した。", german, "de")
    assert _found("3年制の職業訓練。", "Dreijährige Ausbildung, Berufsschule ist Twitter.", "de")
    assert _found("24時間のストライキ。", "Es gab einen 24-stündigen Streik.", "de")
    italian = "A Roma, al Ghetto, gli ebrei ci vivono da duemila anni."
    assert _found("ゲットーには2000年前から人が暮らしてる。", italian, "it")
    assert not _found("ゲットーには1000年前から人が暮らしてる。", italian, "it")


def test_a_short_comment_is_read_in_the_threads_language() -> None:
    """A Dutch reader: "Vier jaar erbij dus tot 2029. Dan zit hij er in totaal acht jaar."
    rendered 「4年追加ってことは2029年までか。そうなると通算8年務めることになるな。」 had 「4年」
    and 「8年」 listed as figures the comment lacks (round CO): a comment too short to tell
    alone is read in the language of the thread's other comments too. A changed figure is
    still listed."""
    from tests.test_check_claims import _claim, _inputs, _markdown

    bodies = [
        "Ik vind het eigenlijk wel logisch dat ze het uitstellen, want de rederijen klagen al jaren.",
        "Wat een gedoe. Ik zou niet weten waarom ze dat niet meteen hebben gedaan.",
        "Dus de havens betalen uiteindelijk toch zelf, net als altijd bij dit soort plannen.",
    ]
    thread = _inputs(_markdown()).thread.model_copy(deep=True)
    thread.comments = [
        Comment(id=f"c{n}", body=b, score=50 - n, permalink=f"/c{n}/")
        for n, b in enumerate(bodies, start=1)
    ]
    thread.comments.append(
        Comment(id="c4", body="Vier jaar erbij dus tot 2029. Dan zit hij er in totaal acht jaar.",
                score=30, permalink="/c4/")
    )  # fmt: skip

    def reasons(translation: str) -> list[str]:
        markdown = _markdown(reactions=f"<!-- comment id=c4 score=30 -->\n\n{translation}")
        return _claim(check(_inputs(markdown, thread=thread)), translation[:6]).reasons

    faithful = reasons("4年追加ってことは2029年までか。そうなると通算8年務めることになるな。")
    assert not any("4年" in r or "8年" in r for r in faithful), faithful
    changed = reasons("5年追加ってことは2029年までか。そうなると通算8年務めることになるな。")
    assert any("5年" in r for r in changed), changed


def test_a_frenchman_is_french() -> None:
    """ "a three-set victory over fiery Frenchman Corentin Moutet" for 「フランスのコランタン・
    ムテを…下し」: フランス was listed as a name the source lacks (round CO). A country the
    sentence does not name is still listed."""
    from drafter.check.core import check
    from drafter.lang.text import normalize
    from tests.helpers import check_inputs

    source = (
        "Murray won his 200th grand slam match with a victory over fiery Frenchman Corentin Moutet."
    )

    def reasons(claim: str) -> list[str]:
        inputs = check_inputs(source, f"# t\n\n## リード\n\n{claim}\n")
        inputs.recorded_evidence = {normalize(claim): ["S1"]}
        return [r for c in check(inputs).claims if c.section == "lead" for r in c.reasons]

    said = reasons("マリーはフランスのコランタン・ムテを下し、グランドスラム通算200勝目を挙げた。")
    assert not any("フランス" in r for r in said), said
    swapped = reasons(
        "マリーはスペインのコランタン・ムテを下し、グランドスラム通算200勝目を挙げた。"
    )
    assert any("スペイン" in r for r in swapped), swapped


def test_a_concession_is_no_hedge() -> None:
    """ "It may have been a straight-sets win but, typically with Murray, there was plenty of
    drama": granted, not doubted (round CO: 「騒動が起きました」 was asked for its hedge). "The
    fire may have been started by a cigarette, but…" still hedges the cause."""
    from tests.test_check_round_cg import _hedge_findings

    granted = (
        "It may have been a straight-sets win but, typically with Murray, there was plenty of "
        "drama in the match."
    )
    assert _hedge_findings(granted, "マリーとムテの試合では、判定をめぐる騒動が起きました。") == []
    doubted = "The fire may have been started by a cigarette, but investigators are still checking."
    assert _hedge_findings(doubted, "火災はたばこが原因で起きた。")


def test_last_monday_a_day_back_may_be_the_week_before() -> None:
    """Mexico News Daily, a Tuesday story: "Monday" and "Last Monday" both became 10日（月） in
    the lead's date table, though the event of "Last Monday" (the tariff pause) was the week
    before; the helper drafting it left the date out rather than write a wrong one (round CP).
    A "last" weekday a day or two back now offers the one a week before; five days back it
    does not."""
    from datetime import date

    from drafter.lang.weekdays import weekday_dates, weekday_table
    from drafter.models import SourceSentence

    tuesday = date(2025, 2, 11)
    sentences = [
        SourceSentence(id="S1", text="Mexico said on Monday it would fight the steel tariffs."),
        SourceSentence(id="S2", text="Last Monday, Trump paused the 25% tariff for a month."),
        SourceSentence(id="S3", text="Last Thursday, the president spoke to reporters."),
    ]
    lines = weekday_table(weekday_dates(sentences, tuesday, "en"), tuesday, "ja").splitlines()
    assert lines[0] == "- [S1] on Monday → 10日（月） (2025-02-10)", lines
    assert lines[1].startswith("- [S2] Last Monday → 10日（月） (2025-02-10); or 3日（月）"), lines
    assert lines[2] == "- [S3] Last Thursday → 6日（木） (2025-02-06)", lines


def test_a_weekday_next_week_is_in_the_next_calendar_week() -> None:
    """Taipei Times, a Wednesday story: "until Wednesday next week" became the dateline itself,
    16日（水）, in the lead's date table (round CP: the helper counted 23日 by hand). "<day> next
    week" and "<day> last week" are that day of the next or last calendar week."""
    from datetime import date

    from drafter.lang.weekdays import weekday_dates
    from drafter.models import SourceSentence

    wednesday, monday = date(2024, 10, 16), date(2024, 10, 14)
    said = [SourceSentence(id="S5", text="The drills will run until Wednesday next week.")]
    assert [e.date for e in weekday_dates(said, wednesday, "en")] == [date(2024, 10, 23)]
    assert [e.date for e in weekday_dates(said, monday, "en")] == [date(2024, 10, 23)]
    before = [SourceSentence(id="S6", text="Talks had begun on Friday last week.")]
    assert [e.date for e in weekday_dates(before, wednesday, "en")] == [date(2024, 10, 11)]
    plain = [SourceSentence(id="S7", text="The drills will end on Wednesday.")]
    assert [e.date for e in weekday_dates(plain, wednesday, "en")] == [date(2024, 10, 16)]
