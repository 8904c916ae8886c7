"""Round DA (8 unseen drafts of flairNLP/fundus's pages, drafted after round CZ's changes:
MBN (Korean), NTV (Turkish), Expressen (Swedish), 20 Minuten, the Mallorca Zeitung, the
Tageblatt, Die Presse (German) and Dagbladet (Norwegian); threads in Korean, Turkish, Swedish,
Italian, Spanish, French and English)."""

from __future__ import annotations

from datetime import date

from drafter.lang.weekdays import weekday_dates
from drafter.models import SourceSentence


def test_a_nordic_weekday_in_its_definite_or_genitive_form() -> None:
    """Dagbladet's "lørdagens angrep" (Saturday's attack) gave the lead prompt no date: only the
    bare "lørdag" was read, and the helper worked the 3rd out by hand (round DA). The definite
    and genitive forms, and "i lørdags", are the day too, in Danish, Norwegian and Swedish."""
    said = [
        SourceSentence(id="S1", text="Han sa mandag at lørdagens angrep var et signal."),
        SourceSentence(id="S2", text="I lördags kom beskedet från regeringen."),
    ]
    norwegian = [
        (w.sentence_id, w.phrase, w.date) for w in weekday_dates(said, date(2026, 1, 6), "nb")
    ]
    assert ("S1", "Saturday", date(2026, 1, 3)) in norwegian
    swedish = [(w.sentence_id, w.date) for w in weekday_dates(said, date(2026, 1, 6), "sv")]
    assert ("S2", date(2026, 1, 3)) in swedish
    assert (
        weekday_dates(
            [SourceSentence(id="S1", text="Lørdagsavisen kom ut.")], date(2026, 1, 6), "nb"
        )
        == []
    )
