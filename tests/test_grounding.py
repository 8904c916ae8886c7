from __future__ import annotations

from drafter.models import Article, Evidence
from drafter.stages.grounding import SourceIndex, glossary_problems

ARTICLE = Article(
    title="Port deal",
    text="The port of Velmar signed a deal on Monday. It is worth $1.2 billion, officials said.\n"
    "Critics called it \u201crushed\u201d. Minister Ana Duarte defended it.",
    fetched_at="2026-01-01T00:00:00+00:00",
)


def test_ids_quotes_and_packed_id_lists_resolve() -> None:
    index = SourceIndex(ARTICLE)
    evidence, problems = index.resolve_all(["S1", "[S2]", "S3, S4", 'called it "rushed"'])
    assert problems == []
    assert [e.sentence_id for e in evidence] == ["S1", "S2", "S3", "S4", "S3"]
    assert evidence[1].text == "It is worth $1.2 billion, officials said."
    assert Evidence(sentence_id="S3", text='called it "rushed"') in evidence


def test_invented_evidence_is_reported() -> None:
    index = SourceIndex(ARTICLE)
    _, problems = index.resolve_all(["S9", "The deal was cancelled."])
    assert problems[0].startswith("evidence 'S9' is not a sentence id of the source (S1–S4)")
    assert "neither a sentence id nor a verbatim quote" in problems[1]


def test_glossary_names_must_come_from_the_source() -> None:
    assert (
        glossary_problems([("Ana Duarte", "アナ・ドゥアルテ"), ("Velmar", "ベルマール")], ARTICLE)
        == []
    )
    assert glossary_problems([("Elon Musk", "イーロン・マスク")], ARTICLE) == [
        "glossary name 'Elon Musk' does not occur in the source"
    ]


def test_the_outlet_the_lead_names_may_be_in_its_glossary() -> None:
    """「スラッシュギアによると」: the outlet is in the page's metadata, not its text."""
    page = ARTICLE.model_copy(update={"site_name": "SlashGear", "author": "Chris Davies"})
    assert glossary_problems([("SlashGear", "スラッシュギア")], page) == []
    assert glossary_problems([("SlashGear", "スラッシュギア")], ARTICLE) == [
        "glossary name 'SlashGear' does not occur in the source"
    ]
