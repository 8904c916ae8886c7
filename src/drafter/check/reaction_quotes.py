"""A quotation in a translated comment turned around: a reader who quotes the article (or
someone) in marks, "nearly one in three Americans will be Latino", rendered
「…ラテン系にならない」, or "you can't tell it's a disaster" rendered 「災害だと認識できる」.
The encoder reads a sentence and its negation as near the same, so the comment's other
checks pass; this reads the negation (claims/negation.py): either way in English comments, a
plain "not" dropped in the other languages negation.py reads. A quotation
of the translation is held to the comment's quotation in the same place: the only one of
each, or as many in both, in order. Listed to verify, never must-fix."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from drafter.check.claims.negation import PLAIN_NOT, negated_only_in, negation_dropped
from drafter.check.reader_names import comment_language
from drafter.sources.language import unprofiled

if TYPE_CHECKING:
    from drafter.check.core import Checker

_LEAD_IN = 25  # characters before a comment's quotation that may negate it
_JA_QUOTE = re.compile(r"「([^「」]{6,})」")
# a span the English negation list may read: one of English's commonest words in it (not
# one German writes too: an, in, was, will)
_ENGLISH = re.compile(
    r"\b(?:the|a|is|are|were|be|to|of|and|it|that|this|would|can|not|no|you|"
    r"we|they|he|she|i|my|your|have|has|do|does|for|with|on|at|just|all)\b",
    re.IGNORECASE,
)
_EN_QUOTE = re.compile(r"[\"“„«»]([^\"“”„«»\n]{8,}?)[\"”“«»]")  # German „…“ and »…« too


def quote_negation_reasons(checker: Checker, translation: str, body: str) -> list[str]:
    """Reasons to verify each quotation of the translation negated where the comment's
    quotation is not, or the other way round."""
    language = comment_language(body)
    if language not in (None, "en", *PLAIN_NOT) or unprofiled(body):
        return []
    said = _JA_QUOTE.findall(unicodedata.normalize("NFKC", translation))
    found = list(_EN_QUOTE.finditer(body))
    meant = [m.group(1) for m in found]
    # with the words before it: Beijing won't "sit on our hands" (「見てはいない」)
    led = [f"{body[max(0, m.start() - _LEAD_IN) : m.start()]} {m.group(1)}" for m in found]
    if not said or len(said) != len(meant):
        return []
    out: list[str] = []
    for japanese, english, context in zip(said, meant, led, strict=True):
        if language in (None, "en") and not _ENGLISH.search(english):
            continue  # German words quoted in an English comment ("…, die kaum gegeben sind")
        if language in (None, "en") and negated_only_in(japanese, context):
            out.append(
                checker.say(
                    f"引用「{japanese[:30]}」は否定の形ですが、元のコメントの引用に否定の語が"
                    f"ありません — “{english[:70]}”",
                    f"the quotation 「{japanese[:30]}」 says “not”, the comment's does not — "
                    f"“{english[:70]}”",
                )
            )
        elif negation_dropped(japanese, english, language):
            out.append(
                checker.say(
                    f"引用「{japanese[:30]}」に否定の語がありませんが、元のコメントの引用は"
                    f"否定です — “{english[:70]}”",
                    f"the quotation 「{japanese[:30]}」 says no “not”, the comment's does — "
                    f"“{english[:70]}”",
                )
            )
    return out
