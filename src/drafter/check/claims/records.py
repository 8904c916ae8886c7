"""Win-loss records and scores: 「4勝7敗」 and 「3対1」 against the "4-7" and "3-1" of the source.

The numbers check reads neither (a record is two counts in one, and the source's "4-7" is no
figure to it), so a record changed to 8勝7敗 went unseen. Here a record is held to the records
and scores the source writes: found anywhere in the source, it stands; contradicted by another
pair in the sentence the claim is firmly anchored to, it is wrong. A record the anchored
sentences state in words ("four wins and seven losses") stands too; one the source has nowhere
is listed to verify, as a figure is (a background claim's, as its figures, is not). A source
that writes no pair at all leaves 「1対1」 to the numbers check: a ratio, or a score in words
(a record, 4勝7敗, is never the numbers check's).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from drafter.check.claims.anchor import TITLE_LEAD, Anchor, Finding, cite, not_in_source
from drafter.lang.quantities.japanese import JA_AT_BATS, JA_RECORD
from drafter.lang.text import normalize

if TYPE_CHECKING:
    from drafter.check.core import Checker

# 3対1, 2-1で勝利: a score, or a vote (52対48); which side won the words around it say
_JA_SCORE = re.compile(
    r"(?<![\d.])(\d{1,3})\s*対\s*(\d{1,3})(?![\d.])"
    r"|(?<![\d./-])(\d{1,3})\s*[-–]\s*(\d{1,3})(?=\s*(?:で|の(?:勝利|敗戦|敗北|引き分け|快勝|大勝|完封|辛勝|惜敗)))"
)
# 4-7, 14-0-1, (4-7), a 3–1 win, voted 52 to 48, 1-for-11: two or three small numbers joined
# by dashes (or "to", "for"), not a date, a range of some unit (10-15 days, 3 to 4 percent) or
# part of a longer figure ("a 26–20 Week 15 win" is a score: a week with its number names it)
_EN_PAIR = re.compile(
    r"(?<![\w.,/$€£¥-])(\d{1,3})(?:\s?[-–]\s?|\sto\s|-for-|\sfor\s)(\d{1,3})(?:[-–](\d{1,3}))?"
    r"(?![\w.,/%-]*\d|[\w%-])"
    r"(?!\s*(?:%|percent|per\s?cent|[ap]\.?m\b|(?:day|week|month|year|hour|minute|second|mile|"
    r"kilomet|met|feet|foot|inch|pound|kg|lb|km|mph|degree|time|point|people|percent|"
    r"billion|million|thousand)(?![a-z]*\s*\d)))",
    re.IGNORECASE,
)

Pair = tuple[int, ...]


def ja_records(text: str) -> list[tuple[str, Pair, bool]]:
    """The claim's records and scores: (as written, the numbers, whether order matters). A
    record's order is wins first; a score's is the winner's or the subject's, as the sentence
    puts it (「1対3で敗れた」 is the source's "lost 3-1"), so it is compared as a set."""
    plain = normalize(text)
    out: list[tuple[str, Pair, bool]] = []
    for match in JA_RECORD.finditer(plain):  # 4勝7敗, 14勝0敗1分: wins first
        out.append((match[0], tuple(int(g) for g in match.groups() if g is not None), True))
    for match in JA_AT_BATS.finditer(plain):  # 11打数1安打: "1-for-11", hits first
        out.append((match[0], (int(match[2]), int(match[1])), True))
    for match in _JA_SCORE.finditer(plain):
        numbers = tuple(int(g) for g in match.groups() if g is not None)
        out.append((match[0], numbers, False))
    return out


# a score as German, Russian or Turkish write it, "38:22 (22:12) gewannen die Berliner" (round
# DD), a half-time score "(22:12)" too; not a clock ("um 20:30 Uhr", "at 10:30 am")
_COLON_PAIR = re.compile(
    r"(?<![\w.,:/])(?<!\bum )(?<!\bat )(\d{1,3}):(\d{1,3})"
    r"(?![\d:.,]|\s*(?:Uhr|h\b|[ap]\.?m\b))"
)


@lru_cache(maxsize=4096)
def en_pairs(text: str, colons: bool = False) -> tuple[Pair, ...]:
    """The records and scores a source sentence writes ("went 4-7", "a 3-1 win", "(10-5-1)",
    and with `colons`, in a language that writes its scores so, "38:22"; English writes a
    clock so, "with 4:25 left", which the held-out test split showed read as a score)."""
    plain = normalize(text)
    pairs = [tuple(int(g) for g in m.groups() if g is not None) for m in _EN_PAIR.finditer(plain)]
    pairs += [(int(m[1]), int(m[2])) for m in _COLON_PAIR.finditer(plain)] if colons else []
    return tuple(p for p in pairs if not (p[0] >= 100 and p[1] < 10))  # a Boeing 787-9


def _agrees(claimed: Pair, ordered: bool, written: Pair) -> bool:
    if ordered:
        # 4勝7敗 states the first two of a "4-7-1"; 4勝7敗1分 needs all three
        return written[: len(claimed)] == claimed
    return sorted(claimed) == sorted(written[:2]) and len(claimed) == 2


def _written(checker: Checker) -> list[Pair]:
    """Every record and score the source writes as a pair."""
    colons = _colons(checker)
    return [pair for s in checker.sentences for pair in en_pairs(s.text, colons)]


def _colons(checker: Checker) -> bool:
    """Whether the source's language writes a score with a colon (German, Russian, Turkish…:
    "38:22"), not only a clock (English)."""
    return checker.source_language not in (None, "en")


def writes_pairs(checker: Checker) -> bool:
    """Whether the source writes any record or score as a pair ("4-7"): else a 「1対1」 is a
    ratio ("one-to-one backing") or a score in words, and its figures are the numbers check's."""
    return bool(_written(checker))


def scored(checker: Checker, text: str) -> set[float]:
    """The numbers of the claim's scores (27対24) that this check holds, for the numbers check
    to leave: those of a source that writes its scores as pairs."""
    if not writes_pairs(checker):
        return set()
    return {float(n) for _, pair, ordered in ja_records(text) if not ordered for n in pair}


def records(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    found = ja_records(text)
    if not found:
        return []
    source_pairs = _written(checker)
    out: list[Finding] = []
    for written, claimed, ordered in found:
        if not ordered and not source_pairs:
            continue  # 「1対1の裏付け」 on a page that writes no score: the numbers check's
        if any(_agrees(claimed, ordered, pair) for pair in source_pairs):
            continue
        # a title restates the headline and the opening, which hold its score (1:3 nach
        # Verlängerung) where the title's words align it elsewhere
        near = [checker.by_id[i] for i in anchor.closest]
        if section == "title":
            near += [s for s in checker.sentences[:TITLE_LEAD] if s not in near]
        rivals = [
            (sentence, pair)
            for sentence in near
            for pair in en_pairs(sentence.text, _colons(checker))
            if len(pair) >= len(claimed) or not ordered
        ]
        if not rivals:
            if not _in_words(checker, claimed, anchor):
                out.append(not_in_source(checker, written))  # listed, as any figure
            continue
        # the pair nearest the claim's (4-7 for 7勝4敗, not the game's 27-24)
        sentence, pair = max(rivals, key=lambda r: len(set(r[1]) & set(claimed)))
        rival = "-".join(str(n) for n in pair)
        out.append(
            Finding(
                "numbers",
                anchor.firm(section),
                checker.say(
                    f"「{written}」: 原文（{sentence.id}）は「{rival}」 — “{cite(sentence)}”",
                    f"「{written}」: the source ({sentence.id}) says “{rival}” — "
                    f"“{cite(sentence)}”",
                ),
                sentence.id,
            )
        )
    return out


def _in_words(checker: Checker, claimed: Pair, anchor: Anchor) -> bool:
    """Whether the anchored sentences state each number of the record some other way ("four
    wins and seven losses"): then the record is theirs, worked into digits."""
    values = {q.value for i in anchor.closest for q in checker.source_q[checker.index[i]]}
    return all(float(n) in values for n in claimed)
