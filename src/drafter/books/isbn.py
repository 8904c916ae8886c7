"""ISBN-10/13: clean, validate the check digit, convert."""

from __future__ import annotations

import re


def clean(raw: str) -> str:
    return re.sub(r"[^0-9Xx]", "", raw).upper()


def valid13(isbn: str) -> bool:
    if not re.fullmatch(r"97[89]\d{10}", isbn):
        return False
    total = sum(int(d) * (1 if n % 2 == 0 else 3) for n, d in enumerate(isbn[:12]))
    return (10 - total % 10) % 10 == int(isbn[12])


def valid10(isbn: str) -> bool:
    if not re.fullmatch(r"\d{9}[\dX]", isbn):
        return False
    total = sum((10 - n) * (10 if d == "X" else int(d)) for n, d in enumerate(isbn))
    return total % 11 == 0


def to13(isbn10: str) -> str:
    core = "978" + isbn10[:9]
    total = sum(int(d) * (1 if n % 2 == 0 else 3) for n, d in enumerate(core))
    return core + str((10 - total % 10) % 10)


def to10(isbn13: str) -> str | None:
    if not isbn13.startswith("978"):
        return None  # 979 ISBNs have no ISBN-10
    core = isbn13[3:12]
    total = sum((10 - n) * int(d) for n, d in enumerate(core))
    check = (11 - total % 11) % 11
    return core + ("X" if check == 10 else str(check))


def normalize(raw: str | None) -> str | None:
    """A valid ISBN-13 for `raw` (ISBN-10 or -13, any hyphens), or None when it is not valid."""
    if not raw:
        return None
    digits = clean(raw)
    if len(digits) == 13 and valid13(digits):
        return digits
    if len(digits) == 10 and valid10(digits):
        return to13(digits)
    return None
