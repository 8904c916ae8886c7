"""Round DD (8 unseen drafts of flairNLP/fundus's pages, drafted after round DC's changes:
Nettavisen (Norwegian), the Salzburger Nachrichten, Nine News, Der Spiegel, HabariLeo
(Swahili), the Berliner Morgenpost, the Mallorca Magazin and ZDF; threads in Swedish, Italian,
Korean, Turkish, English, Russian, Spanish and Ukrainian). No draft had a must-fix item at
first check; these are the general readings that cleared items to verify, and the one
must-fix item a reading of this round first caused (a half-time score)."""

from __future__ import annotations

from tests.helpers import figures_found as _found


def test_a_german_ordinal_before_what_it_counts_ends_no_sentence() -> None:
    """The Berliner Morgenpost's "blieb die 25. Minute: Rückraumshooter Lasse Andersson…" was cut
    after "25.", and 「25分には」 was listed as a figure the source lacks."""
    from drafter.lang.text import split_sentences

    text = "Einziger Schreck des Abends blieb die 25. Minute: Andersson kam schlecht auf. Er blieb."
    assert split_sentences(text)[0].endswith("kam schlecht auf.")
    assert split_sentences("Zum 3. Mal siegte Berlin. Danach war Schluss.")[0] == (
        "Zum 3. Mal siegte Berlin."
    )
    # a sentence that ends in a figure still ends
    assert len(split_sentences("Im Jahr 2020 waren es noch 25. Die Zahl sank.")) == 2


def test_a_match_minute_in_words_or_as_a_spielminute() -> None:
    """ "zum 6:0 in der siebten Spielminute" for 「7分に6対0」 (round DD)."""
    assert _found("7分", "Gidsel traf zum 6:0 in der siebten Spielminute ins leere Tor.", "de")
    assert _found("25分", "In der 25. Spielminute verletzte er sich.", "de")
    assert not _found("8分", "Gidsel traf zum 6:0 in der siebten Spielminute.", "de")


def test_a_score_with_a_colon_and_its_half_time_score_are_scores() -> None:
    """ "38:22 (22:12) gewannen die Berliner" for 「38対22（前半22対12）で大勝」: the scores were
    listed as figures the source lacks. Read as scores, the half-time score is one too (read as
    a clock and left out, it became must-fix against 38-22); a clock is none."""
    from drafter.check.claims.records import en_pairs

    assert en_pairs("38:22 (22:12) gewannen die Berliner.", True) == ((38, 22), (22, 12))
    assert en_pairs("Anpfiff war um 20:30 Uhr.", True) == ()
    # English writes its scores with a hyphen: a colon is a clock ("with 4:25 left", a
    # held-out test draft's 「21対7」 became must-fix against it)
    assert en_pairs("Garrett was ejected with 4:25 left in the game.") == ()
    assert en_pairs("Cleveland led 21-7 with 4:25 left.") == ((21, 7),)
