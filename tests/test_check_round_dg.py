"""Round DG (8 unseen drafts of flairNLP/fundus's German pages, drafted with the code of this
session's end: the Rheinische Post, the Frankfurter Rundschau, rbb24, WinFuture, Merkur, Vogue
Germany, t-online and the Mitteldeutsche Zeitung; threads in English, Polish, German, Turkish,
French, Dutch and Persian). One must-fix item at first check, a misread range; the general
readings that cleared it and an item to verify."""

from __future__ import annotations

from tests.helpers import figures_found as _found


def test_a_range_whose_ends_each_have_their_scale() -> None:
    """「学費は年1万2000〜1万8000ユーロ」 was read as 1万2000万 (the 2000〜1万 of the middle taken
    for "2000 to 10,000", the scale given to both), and a reader's "12k-18k" made it
    must-fix (the Rheinische Post's school fees). Each end keeps its own scale, and the unit
    written once is both ends'."""
    from drafter.lang.quantities import ja_quantities

    found = [(q.kind, q.value) for q in ja_quantities("学費は年1万2000〜1万8000ユーロ")]
    assert found == [("money", 12000.0), ("money", 18000.0)]
    assert [q.value for q in ja_quantities("1万2000〜1万8000人")] == [12000.0, 18000.0]
    # a scale written once still applies to both ends
    assert [q.value for q in ja_quantities("12〜18万円")] == [120000.0, 180000.0]
    assert _found(
        "年間約1万2000〜1万8000ユーロの学費",
        "Die Eltern zahlen 12.000 bis 18.000 Euro Schulgeld im Jahr.",
        "de",
    )


def test_a_french_age_after_a() -> None:
    """A French reader's "découverte à 14 ans" (「14歳でスカウト」, Vogue) is an age; "à 14 ans de
    prison" is a sentence's length."""
    assert _found("14歳でスカウトされた", "Découverte à 14 ans dans un aéroport.", "fr")
    assert not _found("14歳", "Il a été condamné à 14 ans de prison.", "fr")
    assert _found("禁錮14年", "Il a été condamné à 14 ans de prison.", "fr")
