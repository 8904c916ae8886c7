"""What drafter reads and what it writes: the typed artifacts stored in a run folder."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drafter.lang.text import split_sentences

_BAD_ID = re.compile(r"[\s<>\x00-\x1f\x7f-\x9f\u2028\u2029]")


@lru_cache(maxsize=8)
def _split_source(text: str) -> tuple[str, ...]:
    return tuple(split_sentences(text))


class SourceSentence(BaseModel):
    id: str = Field(description="S1, S2, … in reading order")
    text: str


class Article(BaseModel):
    """The extracted news item. `text` is what every grounding check compares against."""

    model_config = ConfigDict(extra="ignore")

    url: str | None = Field(default=None, description="canonical URL, or the URL fetched")
    fetched_url: str | None = None
    source_path: str | None = Field(default=None, description="local file the editor passed")
    title: str
    site_name: str | None = None
    author: str | None = None
    date: str | None = Field(default=None, description="publication date, ISO 8601 when known")
    language: str | None = None
    text: str
    fetched_at: str
    from_cache: bool = Field(default=False, exclude=True, description="read from the fetch cache")

    def sentences(self) -> list[SourceSentence]:
        """S1, S2, …: the numbered sentences every stage and the check cite. The split is
        cached by text: a run numbers the same text in each grounded stage, the preload and
        its check."""
        return [
            SourceSentence(id=f"S{number}", text=sentence)
            for number, sentence in enumerate(_split_source(self.text), start=1)
        ]


class Comment(BaseModel):
    """One reader comment, as given in the comments input. Documented in the README."""

    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)

    id: str = Field(min_length=1, max_length=128)
    body: str
    author: str | None = None
    score: int | None = None
    parent_id: str | None = None
    depth: int = Field(default=0, ge=0, description="0 for a reply to the post itself")
    permalink: str | None = None
    created_utc: float | None = None
    source: str | None = Field(default=None, description="Reddit, Hacker News, or the file")

    @field_validator("id")
    @classmethod
    def _single_token(cls, value: str) -> str:
        """An id is written into the draft's `<!-- comment id=… -->` marker and read back by
        the check: it must be one token (no spaces or line breaks, no `<`, `>` or `--`), or
        a hostile file could end the marker and open a section of its own."""
        value = value.strip()
        if not value or _BAD_ID.search(value) or "--" in value:
            raise ValueError(
                "an id must be a single token: letters, digits and punctuation other than "
                "< > and --, without spaces or line breaks"
            )
        return value


class CommentThread(BaseModel):
    url: str | None = None
    platform: str | None = Field(default=None, description="Reddit, Hacker News, …")
    title: str | None = None
    source_path: str | None = None
    comments: list[Comment]


# ---- artifacts written by the agents' steps (after code has checked and enriched them) ----

ClaimKind = Literal["source", "background", "opinion"]


class Evidence(BaseModel):
    sentence_id: str
    text: str = Field(description="verbatim source text")


class GroundedSentence(BaseModel):
    text: str
    evidence: list[Evidence]


class GlossaryEntry(BaseModel):
    """One name of the run's glossary: people, organisations, places, laws and programmes."""

    source: str
    target: str
    verify: bool = Field(
        default=False,
        description="the rendering is a guess (kanji or a reading the writer is not sure of, "
        "or a Japanese, Chinese or Korean name left in katakana): the editor checks it",
    )


class LeadSection(BaseModel):
    paragraphs: list[list[GroundedSentence]]
    glossary: list[GlossaryEntry]


class Claim(BaseModel):
    text: str
    kind: ClaimKind
    evidence: list[Evidence] = Field(default_factory=list)


class Subsection(BaseModel):
    heading: str
    paragraphs: list[list[Claim]]


class SubsectionsSection(BaseModel):
    """補足説明 and 考察・分析 share this shape."""

    subsections: list[Subsection]


class Reaction(BaseModel):
    comment_id: str
    translation: str
    original: str = Field(description="from the input, never from the model")
    score: int | None = None
    permalink: str | None = None


class ReactionsSection(BaseModel):
    intro: str
    reactions: list[Reaction]


class ConclusionSection(BaseModel):
    paragraphs: list[str]
    sign_off: str


class BookLink(BaseModel):
    label: str
    url: str


class Book(BaseModel):
    title: str
    author: str
    publisher: str | None = None
    year: int | None = None
    published: str | None = Field(default=None, description="publication date as catalogued")
    language: str | None = None
    isbn: str | None = Field(default=None, description="ISBN-13 from the catalog, checksum valid")
    reason: str
    description: str
    verified: bool = False
    verification: str = "unverified: not yet checked against a library catalog"
    catalog: str | None = Field(default=None, description="the catalog that holds the record")
    catalog_url: str | None = None
    links: list[BookLink] = Field(default_factory=list, description="from book_links templates")


class BooksSection(BaseModel):
    books: list[Book]
    wanted: int | None = Field(default=None, description="how many verified books were asked for")
    rejected: list[dict[str, Any]] = Field(
        default_factory=list, description="candidates no catalog confirmed, with what was tried"
    )
    note: str | None = Field(default=None, description="why fewer books than wanted, if so")


class Framing(BaseModel):
    """The framing phrase of a title (「資源同盟」の行方): the headline's catchphrase, not a
    claim of the source. `start`/`end` index it in `Headline.title` (characters, end
    exclusive), so a check can tell it from the news fact and skip it as a quotation."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Headline(BaseModel):
    title: str = Field(description="the whole title: `fact`, then `framing.text` if any")
    category: str = Field(description="from config (`category`), never from the model")
    tags: list[str]
    fact: str | None = Field(default=None, description="the news fact part of the title")
    framing: Framing | None = Field(default=None, description="None: no framing phrase")


class ReferenceLink(BaseModel):
    label: str
    url: str
