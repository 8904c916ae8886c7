"""Round CQ (8 unseen drafts of flairNLP/fundus's pages, drafted after round CP's changes: Der
Standard and the NZZ (in German), NRK (Norwegian), Aftonbladet (Swedish), Rzeczpospolita
(Polish), Público (es), Ukrainska Pravda (ru) and Media Indonesia (id)): 1 must-fix and 43 to
verify at first check, tested here with its control."""

from __future__ import annotations

from drafter.lang.quantities import ja_quantities, missing_quantities
from drafter.lang.quantities.foreign import source_quantities


def _found(japanese: str, source: str, language: str) -> bool:
    return missing_quantities(ja_quantities(japanese), source_quantities(source, language)) == []


def test_german_thousands_spaced_or_with_an_apostrophe() -> None:
    """The NZZ writes "etwa 14 000 Terroristen" (a Swiss page may write "14'000"): read as 14 and
    000, a faithful 「約1万4000人」 was must-fix against "000" (round CQ). Spaced thousands are
    one figure, and a grouped figure is no year ("2 000 Soldaten" is 2,000 soldiers)."""
    source = "Die Truppen hätten «etwa 14 000 Terroristen eliminiert und festgenommen»."
    assert _found("「約1万4000人のテロリストを排除し、拘束した」", source, "de")
    assert not _found("「約2万4000人のテロリストを排除し、拘束した」", source, "de")
    assert [q.value for q in source_quantities("Es kostet 14'000 Franken.", "de")] == [14000]
    kinds = [q.kind for q in source_quantities("Es kamen 2 000 Soldaten.", "de")]
    assert kinds == ["number"], kinds
