"""A run's recorded evidence, renumbered to the source's sentences as this version splits them.

A run records each piece of evidence with its sentence's id and text. A later version of
drafter may split the source otherwise (a sentence end an earlier one missed: "punição. Que",
"in 4K. Everyone"), and every id after that point shifts: checked by number, a faithful run
would rest on the wrong sentences. So each recorded sentence is found again by its text: the
sentence it still is, the run of sentences it now splits into, or the sentence it is now part
of. Evidence whose text is nowhere in the source is kept as recorded.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.models import SourceSentence
from drafter.render import Draft


def renumbered(recorded: Draft, sentences: list[SourceSentence]) -> Draft:
    """The recorded draft with every evidence id pointing at the current split's sentences."""
    flat = [_flat(s.text) for s in sentences]
    by_id = {s.id: n for n, s in enumerate(sentences)}
    data = recorded.model_dump(mode="json")
    if not _walk(data, sentences, flat, by_id):
        return recorded
    return Draft.model_validate(data)


def _walk(
    node: Any, sentences: list[SourceSentence], flat: list[str], by_id: dict[str, int]
) -> bool:
    """Renumber the evidence lists under `node` in place; whether any id changed."""
    changed = False
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "evidence" and isinstance(value, list):
                found = [new for old in value for new in _found(old, sentences, flat, by_id)]
                changed |= found != value
                node[key] = found
            else:
                changed |= _walk(value, sentences, flat, by_id)
    elif isinstance(node, list):
        for item in node:
            changed |= _walk(item, sentences, flat, by_id)
    return changed


def _found(
    old: Any, sentences: list[SourceSentence], flat: list[str], by_id: dict[str, int]
) -> list[Any]:
    if not isinstance(old, dict) or not isinstance(old.get("text"), str):
        return [old]
    target = _flat(old["text"])
    at = by_id.get(str(old.get("sentence_id")))
    if not target or (at is not None and flat[at] == target):
        return [old]
    # the run of sentences it splits into, nearest the recorded number first
    starts = sorted(range(len(flat)), key=lambda i: abs(i - at) if at is not None else i)
    for start in starts:
        if not target.startswith(flat[start]):
            continue
        end, joined = start, ""
        while end < len(flat) and len(joined) < len(target):
            joined += flat[end]
            end += 1
        if joined == target:
            return [{"sentence_id": s.id, "text": s.text} for s in sentences[start:end]]
    for n in starts:  # the sentence it is now part of
        if target in flat[n]:
            return [{"sentence_id": sentences[n].id, "text": sentences[n].text}]
    return [old]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)
