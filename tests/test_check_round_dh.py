"""Round DH (8 unseen drafts of flairNLP/fundus's German pages, drafted with this session's final
code: the Braunschweiger Zeitung, der Freitag, Focus, netzpolitik.org, the Ruhr Nachrichten,
Klasse gegen Klasse, Golem and Die Welt; threads in English, Tagalog, German, Dutch, Spanish
and Korean). One must-fix item at first check: a reader's own name for what the glossary
renders by the article's word."""

from __future__ import annotations


def test_a_comment_in_another_language_names_the_thing_in_its_own_words() -> None:
    """「ミニサイズのデス・スターII」 for an English reader's "the mini Death Star II", where the
    German article (Focus, on Lego's Star Wars day) writes "Todesstern" and the glossary renders
    it デス・スター, was must-fix as a name the comment lacks (against its "Gift"). The
    katakana is the comment's own two words, heard; and only across languages, where a reader
    names a thing otherwise than the article."""
    from drafter.models import Article, GlossaryEntry
    from tests.test_check_claims import _inputs, _markdown

    source = (
        "Zum Star-Wars-Tag bietet Lego einen kleinen Todesstern als Geschenk an.\n\n"
        "Die sogenannten GWPs (Gift with Purchase) sind oftmals limitiert."
    )
    article = Article(url="https://www.focus.de/x", title="Lego feiert Star-Wars-Tag",
                      site_name="FOCUS online", date="2023-04-28", text=source, language="de",
                      fetched_at="2023-04-28T10:00:00Z")  # fmt: skip
    body = (
        "Gift with purchase items go fast every year. If you want the mini Death Star II "
        "(€150 tier) don't wait for the 4th."
    )
    inputs = _inputs(_markdown(), article=article,
                     glossary=[GlossaryEntry(source="Todesstern", target="デス・スター")])  # fmt: skip
    from drafter.check.core import Checker
    from drafter.check.reaction_names import _heard_in, _said_or_unknown

    checker = Checker(inputs)
    said = body.casefold()
    # the katakana is the comment's two words, heard as one name
    assert _heard_in("デス・スター", body)
    # the glossary's rendering of the German article's word is the English comment's own name
    assert _said_or_unknown(checker, ["todesstern"], said, True, "デス・スター", body)
    # a name the comment does not say in any form stays a name it lacks
    assert not _said_or_unknown(checker, ["todesstern"], "gift items go fast", True, "デス・スター",
                                "Gift items go fast")  # fmt: skip
