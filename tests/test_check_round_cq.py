"""Round CQ (8 unseen drafts of flairNLP/fundus's pages, drafted after round CP's changes: Der
Standard and the NZZ (in German), NRK (Norwegian), Aftonbladet (Swedish), Rzeczpospolita
(Polish), Público (es), Ukrainska Pravda (ru) and Media Indonesia (id)): 1 must-fix and 43 to
verify at first check, tested here with its control."""

from __future__ import annotations

from drafter.lang.quantities.foreign import source_quantities
from tests.helpers import figures_found as _found


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


def test_a_run_of_days_decades_and_ukrainian_figures() -> None:
    """ "desde el 2 hasta el 15 de mayo" is May 2 to 15 (「5月2日から15日まで」), "lebih dari
    tiga dekade" more than 30 years, a Ukrainian reader's "157 мільйонів гривень" 157 million
    and "сім разів" seven times (round CQ: each a figure the source or comment lacked)."""
    spanish = "La fiesta ha tenido lugar desde el 2 hasta el 15 de mayo ininterrumpidamente."
    assert _found("祭りは5月2日から15日まで開かれた。", spanish, "es")
    assert not _found("祭りは5月3日から15日まで開かれた。", spanish, "es")
    indonesian = "Selama lebih dari tiga dekade, IGI Jakarta telah menyalurkan ribuan beasiswa."
    assert _found("30年以上にわたって奨学金を支給してきた。", indonesian, "id")
    ukrainian = "157 мільйонів гривень за три роки. Качур не з'явився на іспит сім разів."
    assert _found("3年で1億5700万フリブナ。7回も試験に来なかった。", ukrainian, "uk")
    assert not _found("3年で1億7500万フリブナ。", ukrainian, "uk")
