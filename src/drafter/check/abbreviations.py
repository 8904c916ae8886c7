"""Abbreviations: whether a short form (PLA, PolyU, NIU, PRB) is made of the starts of the words
of a name, and where an article spells an acronym out as a thing (PII)."""

from __future__ import annotations

import re


def spelled_lowercase(acronym: str, text: str) -> bool:
    """Whether the article spells the acronym out in lower-case words before it, as a thing
    and not a name: “personally identifiable information” (PII)."""
    pattern = rf"((?:[a-z][a-z-]*\s+){{1,6}}[a-z][a-z-]*)[\"”’']?\s*\(\s*{re.escape(acronym)}\s*\)"
    return any(abbreviates(acronym, m.group(1)) for m in re.finditer(pattern, text))


_GENERIC_LAST = ("university", "college", "club", "company", "corporation")


ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_SMALL = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "von", "der", "und", "jr.",
          "jr", "sr.", "sr"}  # fmt: skip


def initials(form: str) -> str:
    """The capitals a name of three words or more makes (Powder River Basin: PRB; Martin
    Luther King Jr.: MLK; World War II: WWII, its numeral whole), or ""."""
    words = [w for w in re.split(r"[\s-]+", form) if w and w.casefold() not in _SMALL]
    letters = [
        w.upper() if n == len(words) - 1 and re.fullmatch(r"(?i)[ivx]+|\d+", w) else w[0]
        for n, w in enumerate(words)
    ]
    return "".join(letters).upper() if len(words) >= 3 else ""


def abbreviates(short: str, form: str) -> bool:
    """Whether `short` is made of the starts of successive words of `form`, in order (PLA:
    People's Liberation Army; PolyU: Polytechnic University); words may be skipped (of, the),
    and a last generic word the form leaves out may close it (NIU: Northern Illinois)."""
    letters = short.casefold().replace(".", "")
    words = [w for w in re.split(r"[^a-z0-9]+", form.casefold()) if w]
    if len(words) >= 2:
        words += [w for w in _GENERIC_LAST if w not in words]
    if len(letters) < 2 or len(words) < 2:
        return False

    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(words):
            return False
        word = words[j]
        for k in range(min(len(word), len(letters) - i), 0, -1):
            if word[:k] == letters[i : i + k] and match(i + k, j + 1):
                return True
        return match(i, j + 1)

    return match(0, 0)
