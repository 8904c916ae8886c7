"""The reactions check: each translated comment against its original in the thread (the id
it is marked with, the score, the numbers it states, and whether it reads like another one)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from math import log10
from typing import TYPE_CHECKING, Any

import numpy as np

from drafter.check.claims.numbers import counts_back
from drafter.check.claims.polarity import flipped
from drafter.check.draft_md import DraftSentence
from drafter.check.reaction_names import reads_comment, swapped_names
from drafter.check.reaction_quotes import quote_negation_reasons
from drafter.check.reaction_weekdays import weekday_reasons
from drafter.check.reader_names import comment_language, kin, one_language, told
from drafter.check.report import ClaimReport, SourceRef
from drafter.lang import align
from drafter.lang.quantities import (
    Quantity,
    ja_quantities,
    not_a_single,
    same_kind,
    same_value,
    writes_number,
    written_values,
)
from drafter.lang.quantities.foreign import (
    cardinal_values,
    ordinal_values,
    source_quantities,
    west_slavic_values,
)
from drafter.lang.text import normalize
from drafter.sources.language import unprofiled

if TYPE_CHECKING:
    from drafter.check.core import Checker


def reactions(checker: Checker) -> list[ClaimReport]:
    draft, thread = checker.inputs.draft, checker.inputs.thread
    out = [
        ClaimReport(
            section="reactions",
            sentence=text,
            verdict="unsupported",
            decided_by="comments",
            reasons=[
                checker.say(
                    "コメントIDの印（<!-- comment id=… -->）がない反応です。"
                    "元のコメントを確かめられません",
                    "a reaction without a <!-- comment id=… --> marker: no original",
                )
            ],
            fails=True,
        )
        for text in draft.unmarked_reactions
    ]
    if not draft.reactions:
        return out
    comments = {c.id: c for c in thread.comments} if thread else {}
    ids = list(comments)
    bodies = [comments[i].body for i in ids]
    sims = align.similarity([r.text for r in draft.reactions], bodies) if bodies else None
    for n, reaction in enumerate(draft.reactions):
        row = sims[n] if sims is not None else None
        out.append(_reaction(checker, reaction, comments, ids, row))
    if sims is not None:
        _used_twice(checker, draft.reactions, out[-len(draft.reactions) :], ids, sims)
    return out


def _used_twice(
    checker: Checker,
    reactions: list[DraftSentence],
    reports: list[ClaimReport],
    ids: list[str],
    sims: np.ndarray,
) -> None:
    """A comment is translated once: of the reactions marked with the same id, those that
    read less like that comment than the closest one are under a wrong id (must fix)."""
    by_id: dict[str, list[int]] = {}
    for n, reaction in enumerate(reactions):
        if reaction.comment_id in ids:
            by_id.setdefault(reaction.comment_id or "", []).append(n)
    for cid, marked in by_id.items():
        if len(marked) < 2:
            continue
        column = ids.index(cid)
        keeper = max(marked, key=lambda n: float(sims[n][column]))
        for n in marked:
            if n == keeper or reports[n].fails:
                continue
            reports[n].reasons.insert(
                0,
                checker.say(
                    f"コメントID {cid} は別の反応（「{reactions[keeper].text[:20]}…」）にも"
                    "付いていて、そちらのほうが元のコメントに近い訳です（IDの取り違えの可能性）",
                    f"comment id {cid} also marks another reaction, which reads more like it",
                ),
            )
            reports[n].verdict, reports[n].fails = "contradicted", True


def _reaction(
    checker: Checker,
    reaction: DraftSentence,
    comments: dict[str, Any],
    ids: list[str],
    row: np.ndarray | None,
) -> ClaimReport:
    must: list[str] = []
    verify: list[str] = []
    original = comments.get(reaction.comment_id or "")
    refs: list[SourceRef] = []
    if checker.inputs.thread is None:
        verify.append(
            checker.say(
                "コメントの入力がないため、元のコメントと照合できません",
                "no comments input was given, so the original cannot be checked",
            )
        )
    elif original is None:
        must.append(
            checker.say(
                f"コメントID {reaction.comment_id!r} はスレッドにありません",
                f"comment id {reaction.comment_id!r} is not in the thread",
            )
        )
    else:
        refs = [SourceRef(id=original.id, text=original.body)]
        wrong, unsure = _reaction_against(checker, reaction, original, comments, row)
        must += wrong
        verify += unsure
    reasons = must + verify
    verdict = "contradicted" if must else ("unsupported" if verify else "supported")
    return ClaimReport(
        section="reactions",
        sentence=reaction.text,
        verdict=verdict,
        evidence=refs,
        decided_by="comments",
        reasons=reasons,
        comment_id=reaction.comment_id,
        fails=bool(must),
    )


# A comment in a language the encoder does not read (Greek, Vietnamese, Swedish) scores 0.1-0.35
# against its faithful translation, and others' comments 0.3-0.5 by chance (round AN: five
# listings on three drafts); a translation of the rival itself scores 0.5-0.8 against it
RIVAL_READ = 0.55


def _reaction_against(
    checker: Checker,
    reaction: DraftSentence,
    original: Any,
    comments: dict[str, Any],
    row: np.ndarray | None,
) -> tuple[list[str], list[str]]:
    """What a translation gets wrong about its original comment (the score, a number the
    comment states otherwise, or it reads like another comment: a swapped id), and what
    to verify (a number the comment does not state)."""
    ids = list(comments)
    out: list[str] = []
    unsure: list[str] = []
    if reaction.score is not None and original.score not in (None, reaction.score):
        out.append(
            checker.say(
                f"スコアがスレッドと違います（下書き {reaction.score}、スレッド {original.score}）",
                f"score {reaction.score} in the draft, {original.score} in the thread",
            )
        )
    _figure_reasons(checker, reaction, original, out, unsure)
    _name_reasons(checker, reaction, original, out, unsure)
    for must, reason in weekday_reasons(checker, reaction.text, original.body):
        (out if must else unsure).append(reason)
    _sense_reasons(checker, reaction, original, unsure)
    unsure += quote_negation_reasons(checker, reaction.text, original.body)
    if row is not None:
        own = float(row[ids.index(original.id)])
        best_i = int(np.argmax(row))
        rival = float(row[best_i])
        # a Greek, Vietnamese or Swedish comment: the encoder does not read it
        unread = unprofiled(original.body) and rival < RIVAL_READ
        # … nor a reply in a language not told that reads like the comment it answers
        # (Swahili "Ni kweli kabisa…", agreeing with its parent on the batteries stolen: 0.11
        # to its own translation, 0.54 to the parent's English)
        echo = kin(original, comments[ids[best_i]]) and not told(original.body)
        unread = unread or (echo and rival < RIVAL_READ)
        if ids[best_i] != original.id and rival - own >= 0.15 and not unread:
            other = ids[best_i]
            # a comment in another language than its rival is not compared on one scale (a
            # faithful Japanese rendering of a Czech comment reads closer to an English one),
            # nor one whose language is not told, unless the translation reads like a
            # translation of the rival (Welsh "Roedd fy mam yn athrawes…": 0.07 to its own
            # translation, 0.53 to an English comment on the same exam)
            sure = one_language(original.body, comments[other].body) and (
                told(original.body) or rival >= RIVAL_READ
            )
            (out if sure else unsure).append(
                checker.say(
                    f"訳がコメント {original.id} ではなく {other} の内容に近いです"
                    f"（IDの取り違えの可能性）",
                    f"the translation reads like comment {other}, not {original.id}",
                )
            )
    return out, unsure


def _sense_reasons(
    checker: Checker, reaction: DraftSentence, original: Any, unsure: list[str]
) -> None:
    """A word of the translation whose opposite the English comment says, and not it
    (「人生最低の決断」 for "best decision of her life"): to verify, since a casual rendering
    may turn a phrase around more freely than a quotation ("not bad" → 「いいじゃん」)."""
    if comment_language(original.body) not in (None, "en") or unprofiled(original.body):
        return
    flip = flipped(reaction.text, original.body)
    if flip is not None:
        unsure.append(
            checker.say(
                f"「{flip.said}」: 元のコメントは逆の「{flip.opposite}」",
                f"「{flip.said}」 ({flip.meant}): the original comment says “{flip.opposite}”",
            )
        )


def _figure_reasons(
    checker: Checker, reaction: DraftSentence, original: Any, out: list[str], unsure: list[str]
) -> None:
    """A figure of the translation that its comment states otherwise (must fix), or does not
    state, or states and also writes another way (to verify)."""
    # a comment is read in its own language (a German reader's "19,99 Euro"); one too short to
    # tell is read both ways, as English and as the article's language
    body = _THAI_LAUGH.sub(" ", original.body) if _THAI.search(original.body) else original.body
    language = comment_language(body)
    said = _comment_figures(checker, body, language)
    # ("at least three" after "a million": three million, a reading that matches, no rival)
    heard = said + _at_its_scale(said)
    claimed = ja_quantities(reaction.text)
    missing = [q for q in claimed if not any(same_value(q, s) for s in heard)]
    kept = [q for q in claimed if q not in missing]
    for quantity in missing:
        if _no_figure_to_state(quantity, reaction.text, original.body):
            continue
        rivals = [
            s for s in said if same_kind(quantity, s) and not any(same_value(k, s) for k in kept)
        ]
        if rivals and _writes(body, language, quantity):
            # the comment writes this figure too ("a minute or two, not ten"; "$4,000-6,000"):
            # one side was misread, the translation made nothing up
            unsure.append(
                checker.say(
                    f"「{quantity.label()}」: 元のコメントは「{rivals[0].label()}」"
                    "（コメントにこの数字も書かれています。読み取りの誤りかもしれません）",
                    f"「{quantity.label()}」: the original comment says “{rivals[0].label()}” "
                    "(it also writes this figure: perhaps misread)",
                )
            )
        elif rivals:
            # not in a language the check does not read ("obou Manchesterů": both, 2), nor
            # against a "one" in words ("merge them into one portal": 「2つをくっつけて」)
            sure = reads_comment(checker, original.body) and not all(map(_one_in_words, rivals))
            (out if sure else unsure).append(
                checker.say(
                    f"「{quantity.label()}」: 元のコメントは「{rivals[0].label()}」",
                    f"「{quantity.label()}」: the original comment says “{rivals[0].label()}”",
                )
            )
        elif (
            not _in_article(checker, quantity)
            and not _small_count(quantity)
            # the comment writes the number, in digits or words, the translation its unit
            # ("the last 100" → 「これまでの100年」, "cramps after three" → 「3時間で」)
            and not _writes(body, language, quantity)
        ):
            # a figure from the article that the commenter refers to, or "2人", is fine
            unsure.append(
                checker.say(
                    f"「{quantity.label()}」は元のコメントにない数字です",
                    f"「{quantity.label()}」 is not in the original comment",
                )
            )


def _comment_figures(checker: Checker, body: str, language: str | None) -> list[Quantity]:
    """The figures a comment states, read in its language; one too short to tell, as English
    and as the article's language; one in a language the check does not read (Czech "Ten
    chlap": that guy, no ten), its digits only."""
    said = source_quantities(body, language)
    if language is None and unprofiled(body):
        return [q for q in said if any(c.isdigit() for c in q.text)]
    if language is None:
        # ... and as the thread's own language (a Dutch reader's "Vier jaar erbij" under a
        # German story: 「4年」 had been a figure the comment lacks, round CO)
        for other in {checker.source_language, _thread_language(checker)} - {None, "en"}:
            said += source_quantities(body, other)
    return said


def _thread_language(checker: Checker) -> str | None:
    """The language most of the thread's comments are told to be written in, if any."""
    thread = checker.inputs.thread
    if thread is None:
        return None
    told = Counter(comment_language(c.body) for c in thread.comments) - Counter({None: 10**9})
    return told.most_common(1)[0][0] if told else None


def _one_in_words(quantity: Quantity) -> bool:
    """A one the comment writes as a word ("one", "uno", "ein"), not in digits."""
    return quantity.value == 1 and not any(c.isdigit() for c in quantity.text)


# a Thai reader's laugh: 5 is "ha" (ห้า), so "555" or "5555+" is "hahaha", no figure
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_THAI_LAUGH = re.compile(r"(?<![\d.,])5{3,}\+*(?![\d.,])")


def _name_reasons(
    checker: Checker, reaction: DraftSentence, original: Any, out: list[str], unsure: list[str]
) -> None:
    """A name of the translation that its comment does not have (check/reaction_names.py)."""
    for swap in swapped_names(checker, reaction.text, original.body):
        named = f"「{swap.part}」（{swap.form}）" if swap.form else f"「{swap.part}」"
        where = "元のコメントになく" if swap.form else "元のコメントにも記事にもなく"
        (out if swap.must else unsure).append(
            checker.say(
                f"{named}は{where}、コメントの「{swap.other}」が訳にありません"
                "（名前の取り違えの可能性）",
                f"{named} is not in the original comment{'' if swap.form else ' or the article'}"
                f", and the comment's “{swap.other}” is not in the translation",
            )
        )


def _in_a_name(quantity: Quantity, text: str) -> bool:
    """A bare number written onto a name (レッド・デッド・リデンプション2, ウィンドウズ10, Gears
    of War 4): part of the name, not a figure the comment must state."""
    if quantity.unit or quantity.kind != "number":
        return False
    for found in re.finditer(re.escape(quantity.text), text):
        at, end = found.start(), found.end()
        before, after = text[max(0, at - 2) : at], text[end : end + 1]
        # リデンプション2が: a name's number; リバウンド10アシスト: a count between two words;
        # "Gears of War 4" (a title in Latin letters, its number after a space)
        if re.search(r"[ァ-ヴーA-Za-z]$|[A-Za-z] $", before) and not re.match(
            r"[ァ-ヴー0-9]", after
        ):
            return True
    return False


_UNIT_WORDS = {"年": "year", "日": "day", "週": "week", "か月": "month", "カ月": "month",
               "ヶ月": "month", "時間": "hour", "分": "minute"}  # fmt: skip


def _no_figure_to_state(quantity: Quantity, text: str, comment: str) -> bool:
    """Whether a figure of the translation is none the comment must state."""
    return (
        counts_back(quantity, normalize(text))  # 「この2つは別物」: the two just named
        or _in_a_name(quantity, text)  # リデンプション2: the name's number
        or _one_of_a_unit(quantity, comment)  # 「厳しい1年」 for "a rough year"
        # 「100%同意」 for "stimme … vollkommen zu": "wholly", no figure
        or (quantity.kind == "percent" and quantity.value == 100 and bool(_WHOLLY.search(text)))
        # 「1秒も迷わなかった」 for "keine Sekunde überlegt": not a single one, no figure
        or not_a_single(quantity, text)
    )


# 100% as a word of degree: 100%同意, 100%賛成, 100%そう (wholly agree, wholly so)
_WHOLLY = re.compile(
    r"100\s*(?:%|パーセント)\s*(?:同意|賛成|同感|その通り|そう|正しい|確信|本気|無理|ない)"
)


def _one_of_a_unit(quantity: Quantity, comment: str) -> bool:
    """1年, 1日, 1時間 where the comment names the unit without a number ("a rough year")."""
    if quantity.kind != "duration" or not re.match(r"^1(?!\d)", quantity.text):
        return False
    unit = next((w for k, w in _UNIT_WORDS.items() if k in quantity.text), None)
    return unit is not None and re.search(rf"\b{unit}s?\b", comment, re.IGNORECASE) is not None


def _writes(body: str, language: str | None, quantity: Quantity) -> bool:
    """Whether the comment writes the quantity's number, in digits or words, or in words of its
    language ("ne riaprono dieci" for 「10個」; "il settimo inning" for 「7回」)."""
    if quantity.kind == "date" and language is None and unprofiled(body):
        # "قبل 7 أكتوبر": the day in digits, the month in words the check does not read
        day = int(quantity.value) % 100
        return re.search(rf"(?<![\d.,:/]){day}(?![\d.,:/])", body) is not None
    values = written_values(quantity)
    spelled = ordinal_values(body, language) + cardinal_values(body, language)
    if language == "pl" or (language is None and unprofiled(body)):
        spelled += west_slavic_values(body)  # "před dvěma lety" for 「2年前」
    return writes_number(body, values) or any(v in spelled for v in values)


def _at_its_scale(said: list[Quantity]) -> list[Quantity]:
    """A bare number a comment writes besides a figure in millions or more, read at that scale
    too: "She'd have hated that it's under a million. Zsa Zsa would have wanted at least three"
    (three million, 「300万」; round BP)."""
    big = [q for q in said if q.kind in ("number", "money") and q.value >= 1e6]
    bare = [q for q in said if q.kind == "number" and not q.unit and 0 < q.value < 1000]
    return [
        replace(q, kind=b.kind, unit=b.unit, value=q.value * 10 ** (3 * int(log10(b.value) // 3)))
        for b in big
        for q in bare
    ]


def _in_article(checker: Checker, quantity: Quantity) -> bool:
    return any(same_value(quantity, q) for found in checker.source_q for q in found)


_ONE = re.compile(r"(?:1|一)(?![\d.,万億千百十])")


def _small_count(quantity: Quantity) -> bool:
    """2人, 3回: a count too small to be a figure the translation could have invented; and
    one of a unit of time (「長い一週間」 for "a long week")."""
    one_unit = quantity.kind == "duration" and bool(_ONE.match(quantity.text))
    return (quantity.kind == "number" and quantity.value <= 3) or one_unit
