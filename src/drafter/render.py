"""Markdown and JSON of the finished draft. 出典 and 参考リンク are built here, from what was
fetched, never by a model. Model text is HTML-escaped so it can never become markup."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from drafter.links import link_target
from drafter.models import (
    Article,
    BooksSection,
    CommentThread,
    ConclusionSection,
    Headline,
    LeadSection,
    ReactionsSection,
    ReferenceLink,
    SubsectionsSection,
)
from drafter.run.related import RelatedDraft
from drafter.sections import get as section_of
from drafter.sections import in_draft_order, labels
from drafter.sections.markdown import esc
from drafter.sections.markdown import is_web_url as is_web_url
from drafter.sections.markdown import unescape as unescape
from drafter.sites import same_site, site_of

_WORDS = {
    "ja": {
        "source": "出典",
        "links": "参考リンク",
        "thread": "コメントスレッド",
        "article": "元記事",
        "related": "関連記事",
    },
    "en": {
        "source": "Source",
        "links": "References",
        "thread": "Comment thread",
        "article": "Original article",
        "related": "Related",
    },
}
"""The words of the parts code builds (出典, 参考リンク, 関連記事) and of their labels."""

HEADINGS = {
    lang: {
        **{s.key: s.heading(lang) for s in in_draft_order() if s.heading(lang)},
        **words,
    }
    for lang, words in _WORDS.items()
}
"""Every `##` heading and code-built word of the draft per language: the sections' own
(drafter.sections, as registered when this module was imported) and 出典/参考リンク/関連記事."""


class Draft(BaseModel):
    """Every artifact of a finished run: what article.json holds. The built-in sections have
    typed fields (the desk's templates and the check read them); a section registered beyond
    them is kept under its name as a plain object, read through `artifact`."""

    model_config = ConfigDict(extra="allow")

    lang: str
    headline: Headline
    article: Article
    thread: CommentThread
    lead: LeadSection
    background: SubsectionsSection
    reactions: ReactionsSection
    analysis: SubsectionsSection
    conclusion: ConclusionSection
    books: BooksSection
    references: list[ReferenceLink]
    related: list[RelatedDraft] = Field(
        default_factory=list, description="earlier drafts from the archive (関連記事)"
    )

    def artifact(self, name: str) -> BaseModel:
        """The stored artifact of section `name`, as its section's type."""
        section = section_of(name)
        value = getattr(self, name, None)
        if value is None and self.model_extra:
            value = self.model_extra.get(name)
        if value is None:
            raise KeyError(f"article.json has no {name!r} section")
        artifact: BaseModel = section.coerce(value)
        return artifact


CATEGORY = {"ja": "ニュース", "en": "News"}  # when config sets no `category`


def reference_links(article: Article, thread: CommentThread, lang: str) -> list[ReferenceLink]:
    """The URLs the run actually read: the article, then the comment thread."""
    words = HEADINGS[lang]
    links = []
    label = f"{article.site_name or words['article']}: {article.title}"
    if (
        article.url
        and is_web_url(article.fetched_url)
        and not same_site(article.url, article.fetched_url)
    ):
        # The page names a canonical URL on another site: cite what was read, and say so.
        elsewhere = site_of(article.url) or article.url
        note = (
            f"（ページが示す正規URLは別サイト: {elsewhere}）"
            if lang == "ja"
            else f" (the page names a canonical URL on another site: {elsewhere})"
        )
        links.append(ReferenceLink(label=label + note, url=article.fetched_url or ""))
    elif is_web_url(article.url):
        links.append(ReferenceLink(label=label, url=article.url or ""))
    if is_web_url(thread.url):
        label = thread.title or f"{thread.platform or ''} {words['thread']}".strip()
        links.append(ReferenceLink(label=label, url=thread.url))
    return links


def _front_matter(draft: Draft, title: str) -> str:
    meta: dict[str, Any] = {
        "title": title,
        "category": draft.headline.category,
        "tags": draft.headline.tags,
        "source_url": draft.article.url,
        "source_date": draft.article.date,
        "lang": draft.lang,
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---"


def section_keys() -> tuple[str, ...]:
    """The draft's units in order (what an editor revises): each registered section's key,
    then 参考リンク, built by code."""
    return (*(s.key for s in in_draft_order()), "links")


def section_labels(lang: str) -> dict[str, str]:
    """The desk's name for each section (drafter.sections), then for the parts code builds."""
    return {**labels(lang), **HEADINGS[lang]}


def render_sections(draft: Draft) -> dict[str, str]:
    """The draft's Markdown, section by section (the units an editor revises). `title` is the
    bare title; every other value is a run of Markdown blocks, `""` when the section is empty."""
    return {key: "\n\n".join(blocks) for key, blocks in render_blocks(draft).items()}


def render_blocks(draft: Draft) -> dict[str, list[str]]:
    """`render_sections` before its blocks are joined: each unit's Markdown blocks, in order
    (the check reads the URLs of a draft drafter rendered from these, block by block)."""
    words = HEADINGS[draft.lang]
    blocks: dict[str, list[str]] = {}
    for section in in_draft_order():
        blocks[section.key] = section.render_blocks(draft.artifact(section.name), draft.lang)
    blocks["lead"] = [*blocks.get("lead", []), *_under_the_lead(draft, words)]
    links = "\n".join(
        f"- [{esc(link.label)}]({link_target(link.url)})" for link in draft.references
    )
    blocks["links"] = [
        f"## {words['links']}",
        links or "- (no URL: the source was a local file without a canonical URL)",
    ]
    return {key: blocks[key] for key in section_keys()}


def _under_the_lead(draft: Draft, words: dict[str, str]) -> list[str]:
    """The 出典 line and 関連記事 after the lead's paragraphs: built by code from what was
    fetched and from the archive, never by a model."""
    sep = ":" if draft.lang == "ja" else ": "
    out = [f"{words['source']}{sep}{esc(draft.article.site_name or draft.article.title)}"]
    if draft.related:
        out.append(
            f"{words['related']}{sep}\n"
            + "\n".join(
                f"- [{esc(r.title)}]({link_target(r.url or '')})" if is_web_url(r.url)
                else f"- {esc(r.title)}"
                for r in draft.related
            )
        )  # fmt: skip
    return out


def compose_markdown(draft: Draft, sections: dict[str, str]) -> str:
    """Front matter, `# title` and the sections in order; `sections` may hold an editor's text
    for any of them (the title's revision also goes into the front matter)."""
    title = " ".join(sections["title"].split()) or esc(draft.headline.title)
    # the front matter holds plain text (static-site tools read it as is); `# ` the Markdown
    blocks = [_front_matter(draft, unescape(title)), f"# {title}"]
    texts = [sections.get(key, "").strip() for key in section_keys()[1:]]
    blocks += [text for text in texts if text]
    return "\n\n".join(blocks) + "\n"


def render_markdown(draft: Draft) -> str:
    return compose_markdown(draft, render_sections(draft))
