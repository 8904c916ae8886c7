"""The checks of one sentence of a draft against the source sentences it rests on.

Each check returns findings of two grades. **Must fix** is kept for deterministic evidence that
the sentence is wrong: a number, date, name or quotation that contradicts the source sentence
the claim is anchored to (its recorded evidence, or an alignment strong enough to trust), a
hedge the anchored sentence has and the claim dropped. **Verify** is everything the check cannot
prove: a number or name it cannot find, a weak alignment, a framing phrase. An editor who sees a
must-fix item should find a real error behind it; the verify list is for a careful read.

Reasons are written for the editor, in the draft's language, quoting the source sentence.
"""

from drafter.check.claims.anchor import (
    ANCHOR_SIM,
    NAMED_SIM,
    OUTSIDE_LEAD_SIM,
    Anchor,
    Finding,
)
from drafter.check.claims.calendar import calendar
from drafter.check.claims.hedges import HEDGE_JA, HEDGE_SIM, MODAL_EN, hedges, keeps_a_hedge
from drafter.check.claims.names import names
from drafter.check.claims.numbers import numbers
from drafter.check.claims.quotes import JA_QUOTE, QUOTE_INVENTED, QUOTE_MIN, quotes
from drafter.check.claims.records import records
from drafter.check.claims.swaps import swapped_names
from drafter.check.claims.title_names import title_names

__all__ = [
    "ANCHOR_SIM",
    "HEDGE_JA",
    "HEDGE_SIM",
    "JA_QUOTE",
    "MODAL_EN",
    "NAMED_SIM",
    "OUTSIDE_LEAD_SIM",
    "QUOTE_INVENTED",
    "QUOTE_MIN",
    "Anchor",
    "Finding",
    "calendar",
    "hedges",
    "keeps_a_hedge",
    "names",
    "numbers",
    "quotes",
    "records",
    "swapped_names",
    "title_names",
]
