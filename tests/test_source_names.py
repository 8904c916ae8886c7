"""The names an English source gives (drafter.lang.source_names), shown to the lead so that the
run's one glossary covers the names every later section may use."""

from __future__ import annotations

from drafter.lang.source_names import source_names


def test_runs_of_capitalised_words_are_names_titles_and_openers_dropped() -> None:
    sentences = [
        "Gov. Kristi Noem said on Monday the state would spend $449,000.",
        "The Department of Social Services runs the campaign, Noem said.",
        "However, critics in Minnesota's capital mocked it.",
        "Officials declined to comment.",
    ]
    names = source_names(sentences)
    assert "Kristi Noem" in names and "Department of Social Services" in names
    assert "Minnesota" in names  # a possessive stripped
    # a lone surname of a listed name, a month or weekday, a title, a sentence opener: no
    for word in ("Noem", "Monday", "Gov", "The", "However", "Officials"):
        assert word not in names, word


def test_a_word_that_only_opens_sentences_is_no_name_unless_seen_inside_one() -> None:
    names = source_names(["Shares fell.", "Boeing rose.", "Analysts said Boeing would gain."])
    assert names == ["Boeing"]


def test_most_mentioned_first_and_capped() -> None:
    once = ["Ann Lee", "Bo Kim", "Cy Young", "Di Ross", "Ed Wood"]
    sentences = [f"Reporters met {name} and Gamma Delta in Rome." for name in once]
    assert source_names(sentences, limit=3) == ["Gamma Delta", "Rome", "Ann Lee"]


def test_link_and_handle_letters_and_contractions_are_not_names() -> None:
    names = source_names(["I’m told pic.twitter.com/XPxUJuyIAC shows it, said Ann Lee."])
    assert names == ["Ann Lee"]
