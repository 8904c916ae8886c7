"""Differences between two versions of a section, for the editor: sentence by sentence
(a Japanese paragraph is one long line, so a line diff would mark all of it), with the changed
part of a replaced sentence marked character by character. Built on the server with difflib;
every piece of text is escaped."""

from __future__ import annotations

import difflib
import html
import re

from markupsafe import Markup

_PIECE = re.compile(r"[^。！？!?\n]*[。！？!?]+[」』）)]*|[^。！？!?\n]+|\n")


def pieces(text: str) -> list[str]:
    """`text` as sentences (ending in 。！？!? and any closing bracket) and line breaks."""
    return _PIECE.findall(text.replace("\r\n", "\n"))


def _chars(old: str, new: str) -> str:
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape(old[a1:a2]))
            continue
        if a2 > a1:
            out.append(f"<del>{html.escape(old[a1:a2])}</del>")
        if b2 > b1:
            out.append(f"<ins>{html.escape(new[b1:b2])}</ins>")
    return "".join(out)


def render(old: str, new: str) -> tuple[Markup, int]:
    """The two texts as one, deletions in <del>, insertions in <ins>; and how many pieces
    changed (0: the same text)."""
    a, b = pieces(old), pieces(new)
    out: list[str] = []
    changed = 0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[a1:a2])))
            continue
        changed += max(a2 - a1, b2 - b1)
        old_text, new_text = "".join(a[a1:a2]), "".join(b[b1:b2])
        if op == "replace" and difflib.SequenceMatcher(None, old_text, new_text).ratio() >= 0.6:
            out.append(_chars(old_text, new_text))  # a sentence reworded: mark what changed
            continue
        if a2 > a1:
            out.append(f"<del>{html.escape(''.join(a[a1:a2]))}</del>")
        if b2 > b1:
            out.append(f"<ins>{html.escape(''.join(b[b1:b2]))}</ins>")
    return Markup("".join(out)), changed  # every piece above is escaped
