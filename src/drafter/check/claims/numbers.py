"""The numbers check: every figure of a claim against the source sentences it rests on."""

from __future__ import annotations

import math
import re
from itertools import combinations
from typing import TYPE_CHECKING

from drafter.check.claims.ages import claim_ages, same_holder, source_age
from drafter.check.claims.anchor import Anchor, Finding, cite, not_in_source
from drafter.check.claims.figure_rules import firm_for_figures, worth_verifying
from drafter.check.claims.records import scored
from drafter.check.claims.slips import _time_unit as _time_unit  # re-exported for tests
from drafter.check.claims.slips import nearest_first, plausible_slip
from drafter.lang.quantities import (
    Quantity,
    full_year,
    ja_quantities,
    same_kind,
    same_value,
    written_values,
)
from drafter.lang.quantities.foreign import writes_figure
from drafter.lang.text import normalize
from drafter.models import SourceSentence

if TYPE_CHECKING:
    from drafter.check.core import Checker


Window = list[tuple[SourceSentence, Quantity]]  # the anchored sentences' figures


def numbers(checker: Checker, section: str, text: str, anchor: Anchor) -> list[Finding]:
    clock = _game_clock(checker, text)
    plain = normalize(text)
    pairs = scored(checker, text)  # 27対24 where the source writes 27-24: records.py's
    claim_q = [
        _as_year(checker, q)
        for q in ja_quantities(text)
        if q.text not in clock
        and not counts_back(q, plain)
        and not (q.kind == "number" and q.value in pairs)
        and not _a_names_number(checker, q, plain)
    ]
    if not claim_q:
        return []
    window = [checker.by_id[i] for i in anchor.closest]
    window_q = [(s, q) for s in window for q in checker.source_q[checker.index[s.id]]]
    wrong_ages = _wrong_ages(checker, section, anchor, claim_q, plain, window_q)
    claim_q = [q for q in claim_q if q not in wrong_ages]
    unmatched, moved = _place(checker, claim_q, window_q, anchor, plain)
    # A value of the anchored sentence that the claim does not state is what a changed
    # figure replaced; values the claim also states (17 nights and 16 of them) are not rivals.
    accounted = [q for q in claim_q if q not in unmatched]
    ahead = set(_AHEAD.findall(plain)) if section not in ("lead", "title") else set()
    out = _unmatched(checker, section, anchor, unmatched, accounted, window_q, ahead)
    if section in ("lead", "title") and anchor.firm(section):
        others = [q for q in accounted if q not in moved]
        moved = _not_rested_on(checker, section, moved, anchor)
        out += _swapped(checker, moved, others, window_q)
    if claim_q and not out and not wrong_ages:
        anchor.support.append("numbers")
    return list(wrong_ages.values()) + out


def _wrong_ages(
    checker: Checker, section: str, anchor: Anchor, claim_q: list[Quantity], text: str,
    window_q: Window,
) -> dict[Quantity, Finding]:  # fmt: skip
    """A person's age (「スレンプさん（50）」) that the source gives as nobody's age, where the
    sentences the claim rests on (a firm anchor in the lead and title, the run's record
    elsewhere) give an age the claim does not state ("says Slemp, 33,"): wrong, whatever other
    figure of the source it happens to equal ("fewer than 50 counties", a plant into round
    DC's VOA draft that was not even listed)."""
    ages = claim_ages(text, claim_q)
    firm = anchor.firm(section) if section in ("lead", "title") else anchor.recorded
    if not ages or not firm:
        return {}
    given = [(s, q) for s, q in window_q if source_age(s.text, q)]
    pairs = [(s, q) for s, found in zip(checker.sentences, checker.source_q, strict=True)
             for q in found]  # fmt: skip
    out = {}
    for quantity in (q for q in claim_q if id(q) in ages):
        # 「（50）」 is an age: only an age of the source holds it; 「50歳」 any figure of it may
        if any(same_value(quantity, q) and (source_age(s.text, q) or not ages[id(quantity)])
               for s, q in pairs):  # fmt: skip
            continue
        rivals = [(s, q) for s, q in given if not any(same_value(c, q) for c in claim_q)
                  and same_holder(text, quantity, s.text, q, checker.inputs.glossary)]  # fmt: skip
        if rivals:
            out[quantity] = _contradiction(checker, quantity, *rivals[0])
    return out


def _a_names_number(checker: Checker, quantity: Quantity, text: str) -> bool:
    """「リファイナリー29」 for "Refinery29", 「Remember 80/90」: digits written onto a name, in
    the claim as in the source (or its outlet), are the name's (メンバー5人 is a count)."""
    if quantity.kind != "number" or quantity.unit or not quantity.text.isdigit():
        return False
    digits = re.escape(quantity.text)
    if re.search(rf"[ァ-ヺー]{digits}(?![\d.,])", text):
        return bool(re.search(rf"[a-z]{digits}\b", checker.source_norm))
    if re.search(rf"(?<![\d.,]){digits}[ァ-ヺ]", text):  # 20ミヌーテン: the outlet "20 Minuten"
        named = f"{checker.source_norm} {' '.join(checker.outlets)}"
        return bool(re.search(rf"(?<![\d.,]){digits} ?[^\W\d_]", named))
    runs = re.finditer(rf"[A-Za-z][\w&.'’/-]*(?: [\w&.'’/-]+)*?[ /-]?{digits}(?![\d.,])", text)
    return any(run[0].casefold() in checker.source_norm for run in runs)


def _place(
    checker: Checker, claim_q: list[Quantity], window_q: Window, anchor: Anchor, text: str
) -> tuple[list[Quantity], list[Quantity]]:
    """Each figure of the claim in the anchored sentences (it may firm the anchor), else in
    another source sentence (moved: that sentence joins the evidence), else unmatched."""
    unmatched: list[Quantity] = []
    moved: list[Quantity] = []
    for quantity in claim_q:
        holding = [s.id for s, q in window_q if same_value(quantity, q)]
        if holding:
            if specific(quantity):
                anchor.shares_figure = True
                anchor.figure_ids += [i for i in holding if i not in anchor.figure_ids]
            continue
        if quantity.kind == "date" and any(same_value(quantity, q) for q in checker.dated_q):
            continue  # the page's own date (「7月30日付のブログによると」): no figure moved
        if _a_total_of(quantity, window_q, text) or _counts_its_list(quantity, text):
            continue  # 「3人」 for "two Republicans … and one Democrat": the claim adds them up
        if _a_ratio_of(quantity, claim_q):
            continue  # 「2.78ドルという安値は9.80ドルの3割に届かない」: the claim works it out
        where = _find_elsewhere(checker, quantity)
        if where is not None:
            if where not in anchor.ids:
                anchor.ids.append(where)
            moved.append(quantity)
            continue
        unmatched.append(quantity)
    return unmatched, moved


# 「この2紙」, 「その3人」: a count of what the draft has just named, not a figure of the source
_BACK = re.compile(r"(?:この|その|これらの?|それらの?|上記の|前述の)\s*$")


def counts_back(quantity: Quantity, text: str) -> bool:
    """Whether each place the claim gives this count, a demonstrative points back to what the
    draft has just named (「この2紙との協力に加えて」 after a sentence naming two papers)."""
    if quantity.kind != "number" or quantity.value > 12:
        return False
    starts = [m.start() for m in re.finditer(re.escape(quantity.text), text)]
    return bool(starts) and all(_BACK.search(text[:at]) for at in starts)


# a total the claim announces: 「…氏、…氏の3人」, 「計5社」, 「合わせて12億ドル」 (not 「パリゼの
# 7ゴール」, nor a figure in a list: a changed 50 among "25 points, 11 rebounds and 14
# assists" is no sum)
_TOTAL_BEFORE = re.compile(r"(?:(?:氏|さん|ら)の|計|合計|合わせて|総勢|総額)\s*$")
# 「…両委員と、C委員の3人」: the people just named by their titles, counted (a count of people
# only: 「…選手の36得点」 is one player's points, not a sum)
_PEOPLE_BEFORE = re.compile(r"(?:委員|議員|判事|選手|教授|記者|長官|大臣)の\s*$")


def _a_total_of(quantity: Quantity, window_q: Window, text: str) -> bool:
    """Whether an exact count or sum the claim gives as a total is the total of two or three
    figures of one anchored sentence, of its kind (counts with counts, money in one
    currency)."""
    if quantity.kind not in ("number", "money") or quantity.approx or quantity.bound:
        return False
    at = text.find(quantity.text)
    people = quantity.unit in ("人", "名") and _PEOPLE_BEFORE.search(text[:at])
    if at < 0 or not (_TOTAL_BEFORE.search(text[:at]) or people):
        return False
    by_sentence: dict[str, list[float]] = {}
    for sentence, q in window_q:
        if same_kind(quantity, q) and not q.approx and not q.bound:
            by_sentence.setdefault(sentence.id, []).append(q.value)
    return any(
        math.isclose(sum(group), quantity.value, rel_tol=1e-9)
        for values in by_sentence.values()
        for size in (2, 3)
        for group in combinations(values[:8], size)
    )


def _a_ratio_of(quantity: Quantity, claim_q: list[Quantity]) -> bool:
    """Whether a percentage is what two figures of the claim, of one kind, make: one as a share
    of the other, or the change from one to the other (within a tenth of it, or 2 points)."""
    if quantity.kind != "percent":
        return False
    figures = [q for q in claim_q if q.kind in ("money", "number") and q.value]
    for a, b in combinations(figures, 2):
        if not same_kind(a, b):
            continue
        low, high = sorted((a.value, b.value))
        made = (low / high * 100, high / low * 100, (high - low) / high * 100,
                (high - low) / low * 100)  # fmt: skip
        if any(abs(m - quantity.value) <= max(0.1 * quantity.value, 2) for m in made):
            return True
    return False


# the things a count counts, as a list names each one: 「ネバダ州、…、オハイオ州を加えた8州」
_LISTED_UNITS = ("州", "県", "社", "校", "大学", "球団", "チーム", "都市")
_LIST_CLOSED = re.compile(r"(?:の|を加えた|を含む|を含めた|を合わせた|と合わせた|、計|計)\s*$")


def _counts_its_list(quantity: Quantity, text: str) -> bool:
    """Whether a count totals the list the claim gives just before it, one item named for
    each: 「ネバダ州、アリゾナ州、フロリダ州に、アラバマ州、…、オハイオ州を加えた8州」 counts the
    eight states it names (the source said "those states, along with five others"). The
    names are the names check's; the figure adds nothing of its own."""
    if quantity.kind != "number" or quantity.approx or quantity.bound:
        return False
    for found in re.finditer(re.escape(quantity.text), text):
        after = text[found.end() : found.end() + 3]
        unit = next((u for u in _LISTED_UNITS if after.startswith(u)), None)
        before = re.split(r"[。！？]", text[: found.start()])[-1]
        if unit and _LIST_CLOSED.search(before) and before.count(unit) == quantity.value >= 2:
            return True
    return False


_CLOCK_JA = re.compile(r"(\d{1,2})分(\d{1,2})秒")


def _game_clock(checker: Checker, text: str) -> set[str]:
    """「7分14秒」 where the source writes "7:14" (a game clock, which the English side reads as
    no figure): the claim's tokens to leave out, as the source's are."""
    out: set[str] = set()
    for match in _CLOCK_JA.finditer(normalize(text)):
        if f"{int(match[1])}:{int(match[2]):02d}" in checker.inputs.article.text:
            out |= {f"{match[1]}分", f"{match[2]}秒"}
    return out


def _as_year(checker: Checker, quantity: Quantity) -> Quantity:
    """「23年は増益」: a two-digit 年 the source states as its year (2023), and nowhere as a span
    of 23 years, is that year."""
    if quantity.kind != "duration" or not re.fullmatch(r"\d{2}年", quantity.text):
        return quantity
    year = Quantity("year", full_year(quantity.text[:2]), "", quantity.text, quantity.approx)
    if _find_elsewhere(checker, quantity) is None and _find_elsewhere(checker, year) is not None:
        return year
    return quantity


def _rivals(quantity: Quantity, among: list[Quantity], window_q: Window) -> Window:
    """The anchored sentences' figures of the same kind that no figure in `among` states. A
    phrase read two ways ("on Saturday": the 16th, or the 23rd) is stated when one reading is."""
    stated = {(s.id, q.text) for s, q in window_q if any(same_value(a, q) for a in among)}
    return [
        (s, q)
        for s, q in window_q
        if same_kind(quantity, q)
        and not any(same_value(a, q) for a in among)
        and (s.id, q.text) not in stated
        and plausible_slip(quantity, q)
    ]


def _unmatched(
    checker: Checker,
    section: str,
    anchor: Anchor,
    unmatched: list[Quantity],
    accounted: list[Quantity],
    window_q: Window,
    ahead: set[str],
) -> list[Finding]:
    """A figure the source does not state: contradicted by a rival of a firm anchor, else
    listed to verify where it is worth it. A span the writer looks ahead over (`ahead`) is
    theirs: listed, never contradicted."""
    out: list[Finding] = []
    # outside the lead a claim restates the sentence it shares a figure with: only that
    # sentence's figures prove it wrong (「次の10年」 in a closing thought that names the tour's 30
    # dates is no slip for the "50 years" of the sentence before); a neighbour's still gets
    # the figure listed
    held = section in ("lead", "title") or anchor.recorded
    for quantity in unmatched:
        rivals = _rivals(quantity, accounted, window_q)
        proving = [r for r in rivals if held or r[0].id in anchor.figure_ids]
        if proving and firm_for_figures(section, quantity, anchor) and quantity.text not in ahead:
            out.append(_contradiction(checker, quantity, *proving[0]))
        elif worth_verifying(section, quantity, anchor, bool(rivals)):
            out.append(not_in_source(checker, quantity.label()))
    return out


# 次の10年, 今後5年, 向こう3年間, この先10年: a span ahead of the writer, in a closing thought
_AHEAD = re.compile(
    r"(?:次の|今後|向こう|これから(?:の)?|この先|将来の)\s*(\d+(?:年|か月|カ月|ヶ月|ケ月|週|日)間?)"
)


def _not_rested_on(
    checker: Checker, section: str, moved: list[Quantity], anchor: Anchor
) -> list[Quantity]:
    """The moved figures, less those a claim rests on elsewhere: in a sentence naming someone
    of the claim the aligned ones do not (「ベス・ミーチャム氏が中心となり、約1年」 is "after a
    year of … spearheaded by Beth Meacham", wherever the embeddings put it), or in a title,
    the source's headline (「女性6人を監禁し2人を殺害」 on "Man kept six women…", its closest
    sentence "police find … three women still chained"): no swap."""
    if section == "title":
        moved = [q for q in moved if not any(same_value(q, t) for t in checker.title_q)]
    if not anchor.named_elsewhere:
        return moved
    kept = []
    for quantity in moved:
        where = _find_elsewhere(checker, quantity)
        text = normalize(checker.by_id[where].text).casefold() if where else ""
        if not any(re.search(rf"\b{re.escape(n)}\b", text) for n in anchor.named_elsewhere):
            kept.append(quantity)
    return kept


def _swapped(
    checker: Checker, moved: list[Quantity], others: list[Quantity], window_q: Window
) -> list[Finding]:
    """A figure taken from another sentence while the anchored one says something else of
    the same kind that the claim leaves out: a figure swapped for another of the article."""
    out: list[Finding] = []
    for quantity in moved:
        if quantity.kind == "number" and quantity.value <= 5:
            continue  # a small count (2得点, 3本, "two-goal") is too common to prove
            # a swap: "three touchdowns" elsewhere is no proof 「3本」 left its sentence
        rivals = _rivals(quantity, others + [q for q in moved if q is not quantity], window_q)
        bare = quantity.kind == "number" and not quantity.unit  # 「12得点」: 得点 is no unit
        if bare:  # named by the figure it may stand for: 12 for "21 golle", not "93 puan"
            rivals = nearest_first(quantity, rivals)
        if rivals:
            finding = _contradiction(checker, quantity, *rivals[0])
            finding.must = finding.must and not bare  # listed: found elsewhere as often as swapped
            dated = quantity.kind == "month" and _month_of_its_year(checker, quantity, rivals[0])
            finding.must = finding.must and (
                quantity.kind not in ("year", "month", "century") or dated
            )
            out.append(finding)
    return out


def _month_of_its_year(
    checker: Checker, quantity: Quantity, rival: tuple[SourceSentence, Quantity]
) -> bool:
    """Whether a month the claim dates by its year (「2023年3月に過去最高」) is put where the
    sentence it rests on dates the same year by another month ("highs in December 2023"):
    found only as a month alone elsewhere ("In March, she returned"), it was swapped in."""
    year = re.match(r"(\d{4})年", quantity.text)
    if not year:
        return False
    found = checker.source_q[checker.index[rival[0].id]]
    return any(q.kind == "year" and q.value == int(year[1]) for q in found)


def _contradiction(
    checker: Checker, quantity: Quantity, sentence: SourceSentence, rival: Quantity
) -> Finding:
    # The claim's own figure written in that very sentence (3.2 in "3.2 years", 350 in
    # "350–375 million"): the sentences agree and the figure was misread, on one side or the
    # other; listed, not must-fix
    must = not _written_in(quantity, sentence.text, checker.source_language)
    if checker.source_language not in (None, "en") and _small(quantity):
        # a small count in another language may be written in ways not read here (a Russian
        # "двухфазная", two-phase): the aligned sentence's other count proves nothing
        must = False
    return Finding(
        "numbers",
        must,
        checker.say(
            f"「{quantity.label()}」: 原文（{sentence.id}）は「{rival.label()}」"
            f" — “{cite(sentence)}”",
            f"「{quantity.label()}」: the source ({sentence.id}) says “{rival.label()}” — "
            f"“{cite(sentence)}”",
        )
        + (
            ""
            if must
            else checker.say(
                "（同じ文にこの数字も書かれています。読み取りの誤りかもしれません）",
                " (the sentence also writes this figure: perhaps misread)",
            )
        ),
    )


def _small(quantity: Quantity) -> bool:
    return quantity.kind == "number" and quantity.value <= 5


def _written_in(quantity: Quantity, text: str, language: str | None) -> bool:
    """Whether `text` writes the quantity's number, at any scale of thousands (350 for
    3億5000万: "350 million"), as a figure of its own. In digits only: a source sentence's
    words ("five years ago") say too little about which figure was meant."""
    return writes_figure(text, written_values(quantity), language)


def _find_elsewhere(checker: Checker, quantity: Quantity) -> str | None:
    """A source sentence holding this very figure (a claim may join two source sentences). A
    figure stated exactly must be there exactly, or as an approximation of the same kind
    (「3億ドル」 for "about $310 million"): 32 people is not "about 30%" somewhere else."""
    loose = quantity.approx or bool(quantity.bound)
    if any(same_value(quantity, q) for q in [*checker.dated_q, *checker.title_q]):
        return checker.sentences[0].id if checker.sentences else None  # the page's date, title
    for n, found in enumerate(checker.source_q):
        for q in found:
            if not same_value(quantity, q):
                continue
            if q.value == quantity.value or (
                (loose or q.approx or q.bound) and same_kind(quantity, q)
            ):
                return checker.sentences[n].id
    return None


def specific(quantity: Quantity) -> bool:
    """A figure specific enough to pin a claim to the source sentence holding it (not a year,
    a month, a small count or a common span such as one year)."""
    if quantity.kind in ("year", "month", "century"):
        return False
    if quantity.kind in ("duration", "number"):
        return quantity.value > 12
    return True
