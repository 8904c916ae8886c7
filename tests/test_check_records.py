"""Win-loss records and scores (「4勝7敗」, 「3対1」) against the source's "4-7" and "3-1"."""

from __future__ import annotations

import pytest

from drafter.check.claims import Anchor, records
from drafter.check.claims.records import en_pairs, ja_records
from drafter.check.core import Checker, check
from drafter.lang.quantities import ja_quantities
from tests.helpers import check_inputs

SOURCE = """The Harbour City Gulls beat the Ridgeway Foxes 27-24 on Sunday to improve to 4-7 this season.

Quarterback Tomas Ekdahl threw for 312 yards in the win, the Gulls' second in a row.

The Foxes, who fell to 6-5, had won five straight before the loss.

Coach Ilse Marr said the team was finally playing with confidence."""

LEAD = [
    "ハーバーシティ・ガルズは日曜日、リッジウェイ・フォクシーズを27対24で破り、今季の成績を4勝7敗とした。",
    "クォーターバックのトーマス・エクダールは312ヤードを投げ、チームは2連勝となった。",
    "敗れたフォクシーズは6勝5敗となった。",
]


def _markdown(lead: list[str]) -> str:
    return "# ガルズ、フォクシーズに競り勝つ\n\nニュース\n\n" + "\n\n".join(lead) + "\n"


def _must(lead: list[str]) -> list[str]:
    report = check(check_inputs(SOURCE, _markdown(lead)))
    return [reason for claim in report.claims if claim.fails for reason in claim.reasons]


def test_a_faithful_record_and_score_are_not_flagged() -> None:
    assert _must(LEAD) == []


@pytest.mark.parametrize(
    ("old", "new", "rival"),
    [
        ("4勝7敗", "7勝4敗", "4-7"),  # wins and losses swapped
        ("4勝7敗", "5勝7敗", "4-7"),
        ("27対24", "28対24", "27-24"),
        ("6勝5敗", "6勝6敗", "6-5"),
    ],
)
def test_a_changed_record_or_score_is_must_fix_with_the_sources(
    old: str, new: str, rival: str
) -> None:
    lead = [s.replace(old, new) for s in LEAD]
    reasons = _must(lead)
    assert len(reasons) == 1 and f"「{new}」" in reasons[0] and f"「{rival}」" in reasons[0]


def test_a_score_is_the_same_whichever_side_the_sentence_starts_from() -> None:
    """「24対27で敗れた」 is the source's "beat … 27-24" told from the loser's side."""
    lead = [*LEAD, "フォクシーズはガルズに24対27で敗れた。"]
    assert _must(lead) == []


def _findings(
    source: str, claim: str, best: float = 0.6, *, pairs: bool = False
) -> list[tuple[bool, str]]:
    if pairs:  # a page that writes scores as pairs elsewhere
        source += " Last year they won 20-17 at home."
    checker = Checker(check_inputs(source, f"# t\n\n{claim}"))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=best, recorded=False)
    return [(f.must, f.reason) for f in records(checker, "lead", claim, anchor)]


def test_a_record_the_source_gives_in_words_stands_and_one_it_has_nowhere_is_listed() -> None:
    """Nothing in the anchored sentence writes a record to contradict it: in words, the record
    is the source's; not there at all, it is listed to verify, as a figure is."""
    source = "The Gulls have four wins and seven losses this season."
    assert _findings(source, "ガルズは今季4勝7敗だ。") == []
    assert [must for must, _ in _findings(source, "ガルズは今季5勝7敗だ。")] == [False]
    assert [must for must, _ in _findings(source, "ガルズは21対7で勝った。", pairs=True)] == [False]


def test_a_ratio_on_a_page_that_writes_no_score_is_a_figure() -> None:
    """「1対1の裏付け」 ("backed one-to-one") on a page that writes no score: its figures are
    the numbers check's, which catches 「2対1」 (records.py held it and said nothing). An
    English colon is no score ("1:1" here, a game clock's "with 4:25 left")."""
    source = "The exchange said every token was backed 1:1 by dollars held in reserve."
    report = check(check_inputs(source, "# t\n\nトークンは1対1でドルに裏付けられているという。"))
    assert not any(c.fails for c in report.claims)
    report = check(check_inputs(source, "# t\n\nトークンは2対1でドルに裏付けられているという。"))
    assert any("「2」" in r for c in report.claims for r in c.reasons)


def test_a_weak_anchor_lists_the_contradiction_to_verify() -> None:
    source = "The Gulls improved to 4-7 this season."
    assert [must for must, _ in _findings(source, "ガルズは5勝7敗となった。")] == [True]
    assert [must for must, _ in _findings(source, "ガルズは5勝7敗となった。", 0.2)] == [False]


def test_a_batting_line_is_the_sources_hits_for_at_bats() -> None:
    """「11打数1安打」 is "1-11" (or "1-for-11"): hits first in English, at-bats first in
    Japanese. Read as figures, the 11 was listed against the sentence's "Game 4"."""
    source = "Through Tuesday's Game 4, he is 1-11 at the plate, with eight strikeouts."
    assert _findings(source, "第4戦までで11打数1安打、8三振だ。") == []
    assert [must for must, _ in _findings(source, "第4戦までで11打数2安打、8三振だ。")] == [True]
    assert ja_quantities("第4戦までで11打数1安打、8三振だ。")[-1].value == 8


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("improved to 4-7 this season", [(4, 7)]),
        ("The Jets (10-5-1) host Miami.", [(10, 5, 1)]),
        ("a 3–1 win", [(3, 1)]),
        ("the Senate voted 52 to 48", [(52, 48)]),
        ("he went 1-for-11 in the series", [(1, 11)]),
        ("It takes 10-15 days.", []),  # a range of days
        ("from 3 to 4 percent", []),
        ("up 3-4% on the year", []),
        ("the 2016-17 season", []),
        ("a Boeing 787-9 jet", []),
        ("the 9-5 p.m. shift", []),
        ("scored 4-7.5 points", []),
    ],
)
def test_the_sources_records_are_pairs_of_small_numbers_and_not_ranges(
    text: str, pairs: list[tuple[int, ...]]
) -> None:
    assert list(en_pairs(text)) == pairs


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("直近15試合は14勝0敗1だった", [("14勝0敗1", (14, 0, 1), True)]),
        ("45―17で快勝した", [("45-17", (45, 17), False)]),
        ("2対2の引き分け", [("2対2", (2, 2), False)]),
        ("3-4月に実施する", []),  # months, not a score
        ("5勝を挙げた", []),  # a count of wins is a figure for the numbers check
    ],
)
def test_the_claims_records_and_scores(
    text: str, found: list[tuple[str, tuple[int, ...], bool]]
) -> None:
    assert ja_records(text) == found
