"""Which clause of a hedged source sentence a claim restates: a modal hedges only its own
clause, and a claim that renders another clause drops no hedge."""

from __future__ import annotations

import re
from itertools import pairwise

from drafter.lang import align

# clauses a semicolon, or a comma and a conjunction, join: each says its own thing, and a
# modal hedges only its own ("He'll make $13.5 million this year, and he should probably get a
# chance to start"; "Wright is probably a gimme, considering he was an All-Star")
_CLAUSE_JOIN = re.compile(
    r";\s+|,\s+(?=(?:and|but|so|yet|considering|because|although|though|whereas)\s)"
    # "…accounts for 20 percent of 21st Century Fox's profits — and Rupert worried that…"
    r"|\s[—–]\s+(?=(?:and|but|so|yet|while|whereas)\s)"
    # "It wasn't turned on for my demo and appears to not be finished": a second verb, hedged
    r"|\s+and\s+(?=(?:appears?|seems?|may|might|could|probably|reportedly)\s)"
)
_CLAUSE_CHARS = 25  # shorter parts are lists ("Paris; Lyon; Nice"), not clauses
# … and the claim reads that much closer to the other clause: a claim that restates both
# (hedge dropped) reads about as close to each
_CLAUSE_MARGIN = 0.05


def restates_another_clause(claim: str, sentence: str, at: int) -> bool:
    """Whether the claim restates a clause of the sentence other than the one the modal at
    `at` stands in, by its closest meaning: an album review's two songs joined by a semicolon,
    only the second hedged ("suggests"), was demanded of a claim that renders the first."""
    bounds = [0, *(m.end() for m in _CLAUSE_JOIN.finditer(sentence)), len(sentence) + 1]
    parts = [sentence[a:b].strip() for a, b in pairwise(bounds)]
    if len(parts) < 2 or any(len(p) < _CLAUSE_CHARS for p in parts):
        return False
    hedged = next(n for n, end in enumerate(bounds[1:]) if at < end)
    row = align.similarity([claim], parts)[0]
    best = int(row.argmax())
    return best != hedged and float(row[best] - row[hedged]) >= _CLAUSE_MARGIN
