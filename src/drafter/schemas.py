"""The output schema of each agent: exactly what the model is asked to return.

Code checks and enriches these into the artifacts of `drafter.models` (evidence ids become
verbatim quotes, comment ids get their originals attached).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

EVIDENCE_HELP = 'ids of the numbered source sentences that state this, e.g. ["S3"] or ["S3", "S4"]'


class _Schema(BaseModel):
    model_config = ConfigDict(extra="ignore")


class LeadSentenceOut(_Schema):
    text: str = Field(description="one sentence of the lead, in the output language")
    evidence: list[str] = Field(min_length=1, max_length=4, description=EVIDENCE_HELP)


class LeadParagraphOut(_Schema):
    sentences: list[LeadSentenceOut] = Field(min_length=1, max_length=4)


GLOSSARY_SCOPE = "people, organisations, places, and laws or programmes the source names"


class GlossaryEntryOut(_Schema):
    source: str = Field(description="a name as written in the source, e.g. 'Scott Bessent'")
    target: str = Field(description="its rendering in the output language, used everywhere")
    verify: bool = Field(
        default=False,
        description="true when the rendering is a guess: kanji you are not certain of, a "
        "reading you are unsure of, or a Japanese, Chinese or Korean name kept in katakana",
    )


class LeadDraft(_Schema):
    """Lead: three short paragraphs, every sentence grounded in source sentences."""

    paragraphs: list[LeadParagraphOut] = Field(min_length=3, max_length=3)
    glossary: list[GlossaryEntryOut] = Field(
        max_length=60,
        description="every name the lead uses and the source's other names: " + GLOSSARY_SCOPE,
    )


class ClaimOut(_Schema):
    text: str = Field(description="one sentence")
    kind: Literal["source", "background", "opinion"] = Field(
        description="source: stated in the article (give evidence); background: general "
        "knowledge as of the article's date; opinion: interpretation or judgement"
    )
    evidence: list[str] = Field(
        default_factory=list, max_length=4, description=EVIDENCE_HELP + "; required for source"
    )


class ParagraphOut(_Schema):
    claims: list[ClaimOut] = Field(min_length=1, max_length=6)


class SubsectionOut(_Schema):
    heading: str = Field(description="a short phrase naming the theme, 「」 welcome")
    paragraphs: list[ParagraphOut] = Field(min_length=1, max_length=4)


class BackgroundDraft(_Schema):
    """補足説明: background the reader needs, every claim tagged by where it comes from."""

    subsections: list[SubsectionOut] = Field(min_length=3, max_length=4)


class AnalysisDraft(_Schema):
    """考察・分析: both sides weighed, opinions marked as opinions."""

    subsections: list[SubsectionOut] = Field(min_length=2, max_length=3)


class ReactionOut(_Schema):
    comment_id: str = Field(description="the id of the chosen comment, exactly as given")
    translation: str = Field(description="the comment in casual output-language prose")


class ReactionsDraft(_Schema):
    """海外の反応: chosen comments, each translated."""

    reactions: list[ReactionOut] = Field(min_length=1, max_length=15)


class ConclusionDraft(_Schema):
    """総括: pulls the threads together and ends on an open question."""

    paragraphs: list[str] = Field(min_length=2, max_length=3)


class BookOut(_Schema):
    title: str = Field(description="title exactly as printed")
    author: str = Field(description="author(s), editor or supervisor as printed")
    publisher: str | None = None
    year: int | None = Field(default=None, ge=1800, le=2100)
    language: str | None = Field(default=None, description="ISO 639-1 code of the edition")
    isbn: str | None = Field(default=None, description="ISBN if you know it; else null")
    reason: str = Field(description="why it helps a reader of this article (one sentence)")
    description: str = Field(description="2–4 sentences introducing the book to the reader")


class BooksDraft(_Schema):
    """関連書籍紹介: books the model is confident exist, best first (a catalog checks them in
    this order and keeps the first ones it confirms, as many as the prompt says; the rest are
    spares)."""

    books: list[BookOut] = Field(min_length=1, max_length=8)
    search_keywords: list[str] = Field(
        default_factory=list,
        max_length=4,
        description="2–4 short subject keywords, in the language the draft is written in "
        "(not the source's), for a library catalog search if your books cannot be found",
    )


class HeadlineDraft(_Schema):
    """Title in two parts, the news fact and an optional framing phrase, and tags. Code joins
    the parts; the category comes from config."""

    fact: str = Field(description="the news fact as the lead states it, its hedge kept")
    framing: str | None = Field(
        default=None,
        description="optional short framing phrase naming what the story is about, its key "
        "words in 「」 (e.g. 「港湾協定」の行方); null for none",
    )
    tags: list[str] = Field(min_length=3, max_length=6)

    @model_validator(mode="before")
    @classmethod
    def _one_part_title(cls, data: Any) -> Any:
        """An answer in the earlier form (one `title`, a model-made `category`), e.g. from a
        recorded cassette: the whole title is the fact, and the category is dropped."""
        if isinstance(data, dict) and "fact" not in data and isinstance(data.get("title"), str):
            return {**data, "fact": data["title"]}
        return data


class AtomicClaimOut(_Schema):
    claim: str = Field(
        description="one checkable fact from the sentence, in the sentence's language"
    )
    verdict: Literal["supported", "contradicted", "not_in_source"]
    evidence: list[str] = Field(
        default_factory=list, description="ids of the source sentences that decide it, e.g. S3"
    )
    reason: str = Field(description="one short sentence: why")


class JudgeDraft(_Schema):
    """The fact-check judge's verdict on one draft sentence, split into atomic claims."""

    # none for a sentence that states no fact (a question to the reader, a sign-off): a model
    # made to find one invents it, and "not in the source" follows
    claims: list[AtomicClaimOut] = Field(min_length=0, max_length=8)


SCHEMAS: dict[str, type[BaseModel]] = {
    cls.__name__: cls
    for cls in (
        JudgeDraft,
        LeadDraft,
        BackgroundDraft,
        AnalysisDraft,
        ReactionsDraft,
        ConclusionDraft,
        BooksDraft,
        HeadlineDraft,
    )
}
