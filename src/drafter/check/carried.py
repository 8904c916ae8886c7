"""The draft of a finished run as the check reads it, built from what the run stored
(article.json, `drafter.render.Draft`) instead of parsed back out of article.md.

Each sentence carries what the run knows about it: the source sentence ids it recorded as
evidence (the lead's, and the tagged claims' of every section of subsections) and the claim's
kind; each reaction its comment id and score from the reactions artifact. Sentences are split
with the same `split_sentences` over the same paragraph text the reader sees (model text,
unescaped as published), so the check holds the same sentences to the same rules; a sentence the
split joins with or cuts from its neighbour carries the evidence of every stored sentence it
overlaps.

The URLs (and images) are read from the Markdown blocks drafter itself rendered from the same
data, block by block (`render.render_blocks`): only the rendered text says which URLs a reader
sees (percent-encoded link targets, a URL a model wrote into a sentence), and 参考リンク,
関連記事 and the books' links are Markdown that code builds.

Used only when article.md is exactly what drafter renders from article.json (`from_run`): a
draft an editor changed is parsed from its Markdown (draft_md.py) and joined to the run's
record by text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from drafter.check.core import RECORDED_EDIT_MIN
from drafter.check.draft_md import (
    HTML_COMMENT,
    DraftBook,
    DraftSentence,
    ParsedDraft,
    collect_urls,
    file_section,
    read_front_matter,
)
from drafter.lang.text import split_sentences
from drafter.links import link_pairs
from drafter.models import (
    BooksSection,
    ConclusionSection,
    Evidence,
    Headline,
    LeadSection,
    ReactionsSection,
    SubsectionsSection,
)
from drafter.render import HEADINGS, Draft, compose_markdown, render_blocks
from drafter.sections import in_draft_order
from drafter.sections.base import Section
from drafter.sections.markdown import esc, unescape


def shown(text: str) -> str:
    """Model text as the published draft shows it (escaped by render, read back)."""
    return unescape(esc(text)).strip()


@dataclass(frozen=True)
class _Unit:
    """One stored sentence or claim: its text as shown, and what the run recorded for it."""

    text: str
    evidence: tuple[str, ...] = ()
    kind: str | None = None


def carried_draft(draft: Draft, markdown: str) -> ParsedDraft | None:
    """The stored draft as the check reads it, when `markdown` is exactly what drafter renders
    from it; None when it is not (someone changed article.md or article.json since) or when a
    section's artifact is of a type this module has no reading for (the Markdown is parsed
    then)."""
    blocks = render_blocks(draft)
    rendered = compose_markdown(draft, {key: "\n\n".join(b) for key, b in blocks.items()})
    if rendered != markdown:
        return None
    return _Carrier(draft, blocks).build(rendered)


class _Carrier:
    """Walks the registered sections in draft order: the sentences from their artifacts, the
    URLs from their rendered blocks, filed under the section the parser would file them."""

    def __init__(self, draft: Draft, blocks: dict[str, list[str]]) -> None:
        self.draft = draft
        self.blocks = blocks
        self.out = ParsedDraft(lang=draft.lang, title_marked=True)
        self.where = "preamble"  # the section the next block is in (as draft_md names them)
        self.paragraph = 0

    def build(self, markdown: str) -> ParsedDraft | None:
        out, draft = self.out, self.draft
        read_front_matter(out, markdown)
        title = " ".join("\n\n".join(self.blocks["title"]).split()) or esc(draft.headline.title)
        self._urls([f"# {title}"])
        self.where = "lead"
        for section in in_draft_order():
            if not self._section(section):
                return None
        self._urls(self.blocks["links"][:1], heading=HEADINGS[draft.lang]["links"])
        for block in self.blocks["links"][1:]:
            self._urls([block])
            out.links += link_pairs(block)
        out.layout = "sections"
        return out

    def _section(self, section: Section[Any]) -> bool:
        """Files one section; False for an artifact with no reading here."""
        artifact = self.draft.artifact(section.name)
        if isinstance(artifact, Headline):  # shown as the `# title` (its URLs read above)
            self.out.title = shown(artifact.title)
            self.out.category = artifact.category
            return True
        own = section.render_blocks(artifact, self.draft.lang)
        heading = section.heading(self.draft.lang)
        if own and heading and own[0] == f"## {heading}":
            self._urls(own[:1], heading=heading)
            self._urls(own[1:])
        else:
            self._urls(own)
        if isinstance(artifact, LeadSection):
            for paragraph in artifact.paragraphs:
                self._paragraph([_Unit(shown(s.text), _ids(s.evidence)) for s in paragraph])
        elif isinstance(artifact, SubsectionsSection):
            self._subsections(artifact)
        elif isinstance(artifact, ConclusionSection):
            for text in [*artifact.paragraphs, artifact.sign_off]:
                self._paragraph([_Unit(shown(text))])
        elif isinstance(artifact, ReactionsSection):
            self._reactions(artifact)
        elif isinstance(artifact, BooksSection):
            self._books(section, artifact)
        else:
            return False
        self._after(section, own)
        return True

    def _after(self, section: Section[Any], own: list[str]) -> None:
        """Blocks code adds after a section's own: the 出典 line, then 関連記事, after the
        lead (render.py)."""
        extra = self.blocks.get(section.key, [])[len(own) :]
        if not extra:
            return
        self._urls(extra[:1])
        self.out.source_line = extra[0]
        self.where = "after-lead"
        for block in extra[1:]:
            self._urls([block])
            self.out.related += [href for _, href in link_pairs(block)]

    def _subsections(self, artifact: SubsectionsSection) -> None:
        for subsection in artifact.subsections:
            name = shown(subsection.heading)
            for paragraph in subsection.paragraphs:
                units = [
                    _Unit(
                        shown(claim.text),
                        _ids(claim.evidence) if claim.kind == "source" else (),
                        claim.kind,
                    )
                    for claim in paragraph
                ]
                self._paragraph(units, name)

    def _reactions(self, artifact: ReactionsSection) -> None:
        self.out.reaction_intro = shown(artifact.intro)
        for reaction in artifact.reactions:
            # as sections.markdown.lines shows it: one line of the comment a line
            lines = [shown(line) for line in reaction.translation.splitlines() if line.strip()]
            text = "  \n".join(lines) or shown(reaction.translation)
            if text:
                self.out.reactions.append(
                    DraftSentence(
                        "reactions", text, comment_id=reaction.comment_id, score=reaction.score
                    )
                )

    def _books(self, section: Section[Any], artifact: BooksSection) -> None:
        """Each book the draft shows (the verified ones), its text as rendered under it."""
        for book in (b for b in artifact.books if b.verified):
            alone = section.render_blocks(
                artifact.model_copy(update={"books": [book]}), self.draft.lang
            )
            text = ""
            for block in alone[2:]:  # under its `### title`, without the verified note
                text = (text + "\n" + HTML_COMMENT.sub("", block)).strip()
            self.out.books.append(DraftBook(shown(book.title), text, verified_marker=True))

    def _paragraph(self, units: Sequence[_Unit], subsection: str | None = None) -> None:
        """One paragraph as the reader sees it, split into sentences."""
        joiner = "" if self.out.lang == "ja" else " "
        spans: list[tuple[int, int, _Unit]] = []
        text = ""
        for unit in (u for u in units if u.text):
            if text:
                text += joiner
            spans.append((len(text), len(text) + len(unit.text), unit))
            text += unit.text
        if not text:
            return
        self.paragraph += 1
        cursor = 0
        for sentence in split_sentences(text):
            start = text.find(sentence, cursor)
            stored = _stored(spans, start, start + len(sentence)) if start >= 0 else None
            cursor = max(cursor, start + len(sentence))
            self.out.sentences.append(
                DraftSentence(
                    self.where,
                    sentence,
                    self.paragraph,
                    subsection,
                    evidence=stored.evidence if stored else (),
                    kind=stored.kind if stored and stored.text == sentence else None,
                )
            )

    def _urls(self, blocks: Iterable[str], heading: str | None = None) -> None:
        """The URLs of rendered blocks, under the current section; a `## heading` block (given
        as `heading`) then opens its section."""
        for block in blocks:
            for part in (p.strip() for p in block.split("\n\n")):
                if part:
                    collect_urls(self.out, self.where, part, set())
        if heading is not None:
            self.where = file_section(self.out, heading)
            self.paragraph = 0


def _ids(evidence: Iterable[Evidence]) -> tuple[str, ...]:
    return tuple(e.sentence_id for e in evidence)


def _stored(spans: list[tuple[int, int, _Unit]], start: int, end: int) -> _Unit | None:
    """The stored sentence the split sentence text[start:end] is, or nearly is (it shares
    RECORDED_EDIT_MIN of their length, as an edited sentence keeps its record): a model sentence
    the split cuts in two, or runs into its neighbour (one without 。), carries its evidence
    only where it is most of both; a fragment of it carries none and is aligned instead."""
    best, found = 0.0, None
    for a, b, unit in spans:
        shared = min(b, end) - max(a, start)
        if shared > 0:
            ratio = 2 * shared / ((b - a) + (end - start))
            if ratio > best:
                best, found = ratio, unit
    return found if best >= RECORDED_EDIT_MIN else None
