"""Months and years the source names against its dateline ("last month", "next year"), for
the check to read as the month or year they stand for."""

from __future__ import annotations

import re
from datetime import date

_RELATIVE = re.compile(r"\b(last|this|next)\s+(month|year)\b", re.IGNORECASE)


def relative_months(text: str, dateline: date) -> list[tuple[str, str, int]]:
    """ "last month", "next year" as the month or year they name against the dateline:
    (phrase, "month" or "year", the month 1–12 or the year)."""
    out = []
    for match in _RELATIVE.finditer(text):
        step = {"last": -1, "this": 0, "next": 1}[match.group(1).lower()]
        if match.group(2).lower() == "year":
            out.append((match.group(0), "year", dateline.year + step))
        else:
            out.append((match.group(0), "month", (dateline.month - 1 + step) % 12 + 1))
    return out
