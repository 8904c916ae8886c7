"""Where the numbers check holds a figure the source does not state: contradicted by a rival
(a firm anchor), listed to verify, or left as the writer's own."""

from __future__ import annotations

import re

from drafter.check.claims.anchor import Anchor
from drafter.lang.quantities import Quantity


def worth_verifying(section: str, quantity: Quantity, anchor: Anchor, rivals: bool) -> bool:
    """A figure the source does not have is listed to verify in the lead and title. Elsewhere
    too, except a year or month (background brings dates of its own) unless the sentence
    restates a source sentence that has another. A bare small count (3指数) is not listed, nor
    outside the lead a count of five or fewer (2人, 4社)."""
    if quantity.kind == "number" and not quantity.unit and quantity.value <= 10:
        return False
    if quantity.kind == "century":
        # 「21世紀最大の」 for "of this century": listed only against another the lead or title
        # rests on (「21世紀の課題」 in an analysis is the writer's own)
        return rivals and section in ("lead", "title")
    if section not in ("lead", "title") and quantity.kind == "number" and quantity.value <= 5:
        return False  # 2人の説明, …の4人は: background and analysis count what they just named
    if section not in ("lead", "title") and _ONE_UNIT.match(quantity.text):
        return False  # 「試練の1年」, 「この1年」: a year, said in the writer's own words
    if section in ("lead", "title") or quantity.kind not in ("year", "month"):
        return True
    return rivals and (anchor.recorded or anchor.best >= 0.45)


_ONE_UNIT = re.compile(r"^1(?:年|日|週間?|[かカヶケ]月|時間)$")


def firm_for_figures(section: str, quantity: Quantity, anchor: Anchor) -> bool:
    """Whether a different figure in the anchored sentence proves this one wrong. In the lead
    and title, a firm anchor does. Elsewhere (background and analysis add context the article
    does not have) only a sentence that restates the source, sharing another specific figure
    with it or recorded as its evidence, and not for a month or year alone."""
    if section in ("lead", "title"):
        return anchor.firm(section)
    if quantity.kind in ("month", "year", "century"):
        return False
    return anchor.recorded or anchor.shares_figure
