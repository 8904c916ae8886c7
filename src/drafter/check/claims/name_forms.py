"""The other ways a source writes a name: its words joined ("Rolls-Royce"), its plural or
singular ("Tories", "Tory"), and a person by the first name alone ("her mother, Fiona")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.lang.text import normalize
from drafter.models import GlossaryEntry


def first_name_alone(form: str, window: str) -> bool:
    """Whether the window calls the person by the first name alone ("her mother, Fiona, said"
    for 「母親のフィオナ・パリーさん」): the first word of a full name, not followed by another
    capitalised word (a "Fiona Bruce" is someone else)."""
    words = form.split()
    if len(words) < 2 or len(words[0]) < 3 or not words[0][:1].isupper():
        return False
    first = re.escape(words[0])
    return re.search(rf"(?<![\w-]){first}(?![\w-])(?!\s+[A-Z])", window) is not None


def joined(key: str) -> list[str]:
    """The name with its words joined as a source may join them ("Rolls Royce" and
    "Rolls-Royce"; "67P Churyumov-Gerasimenko" and "67P/Churyumov-Gerasimenko")."""
    spaced = re.sub(r"(?<=\w)[-/](?=\w)", " ", key)
    forms = [spaced, *(form.replace(" ", joint) for form in (key, spaced) for joint in "-/")]
    return [f for f in dict.fromkeys(forms) if f != key]


def number_forms(word: str) -> list[str]:
    """Singular and plural of a glossary's English form (Tories ~ Tory, Dutch ~ Dutch)."""
    if word.endswith("ies") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith("s") and len(word) > 4:
        return [word[:-1]]
    return [word + "s"] if len(word) > 3 else []


def another_part_named(glossary: Sequence[GlossaryEntry], form: str, window: str) -> bool:
    """Whether the window calls the person by another part of the full name the glossary
    gives (Peete and Lesaoana of "Peete Lesaoana Peete": "Principal Chief Lesaoana promised to
    respond" for 「ペーテ氏は回答すると約束しながら」). Only a part no other full name of the
    glossary has (a "John" of two Johns names neither)."""
    words = set(normalize(form).split())
    if not words:
        return False
    names = [normalize(e.source).split() for e in glossary]
    full = [set(n) for n in names if len(n) >= 2]
    for name in full:
        if not words < name:
            continue
        for other in name - words:
            unique = sum(1 for n in full if other in n) == 1
            if (
                unique
                and len(other) >= 3
                and other[:1].isupper()
                and re.search(rf"(?<![\w-]){re.escape(other)}(?![\w-])", window)
            ):
                return True
    return False
