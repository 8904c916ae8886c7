"""Round DB (8 unseen drafts of flairNLP/fundus's pages, drafted after round DA's changes:
Het Nieuwsblad (Dutch), NTV (Turkish), Morgunblaðið (Icelandic), the Kleine Zeitung, the
Luxemburger Wort, the Wochenblatt (Paraguay), Israel Nachrichten and the Tages-Anzeiger
(German); threads in Dutch, English, German, French, Spanish and Italian)."""

from __future__ import annotations


def test_a_newsletters_promotion_after_the_story_is_no_part_of_it() -> None:
    """The Luxemburger Wort's story ended "Newsletter: Sport inside / Jeden Montag die
    Topstorys der Woche aus der Sportredaktion": numbered as source sentences S24–S26, its
    Monday went into the weekday table (round DB). A trailing newsletter promotion is dropped
    like a subscription notice; an article's own "jeden Montag" stays."""
    from drafter.sources.boilerplate import without_subscription_notice

    story = ["Die Schweiz verlor nach Verlängerung.", "Embolo sah Rot, sagte der Trainer."]
    promo = ["Newsletter: Sport inside", "Jeden Montag die Topstorys der Woche aus der Redaktion"]
    assert without_subscription_notice(story + promo) == story
    market = [*story, "Der Markt öffnet jeden Montag um acht Uhr."]
    assert without_subscription_notice(market) == market


def test_a_german_weekday_with_its_time_of_day() -> None:
    """The Kleine Zeitung's "am Samstagabend" and the Mallorca Zeitung's "Mittwochmorgen" gave
    the lead no date (round DA, DB): only a bare weekday was read. A German weekday with its
    time of day written on is the day; a weekday inside another noun is not."""
    from datetime import date

    from drafter.lang.weekdays import weekday_dates
    from drafter.models import SourceSentence

    def days(text: str) -> list[date]:
        said = [SourceSentence(id="S1", text=text)]
        return [w.date for w in weekday_dates(said, date(2025, 6, 30), "de")]

    assert days("Am Samstagabend kam es zu einem Unwetter.") == [date(2025, 6, 28)]
    assert days("Am Mittwochmorgen rückte die Polizei an.") == [date(2025, 6, 25)]
    assert days("Die Samstagsausgabe erscheint wie immer.") == []
