"""Markdown and JSON of the finished draft. 出典 and 参考リンク are built here, from what was
fetched, never by a model. Model text is HTML-escaped so it can never become markup."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote

import yaml
from pydantic import BaseModel, Field

from drafter.models import (
    Article,
    BooksSection,
    CommentThread,
    ConclusionSection,
    Framing,
    Headline,
    LeadSection,
    ReactionsSection,
    ReferenceLink,
    SubsectionsSection,
)
from drafter.related import RelatedDraft
from drafter.sites import same_site, site_of

HEADINGS = {
    "ja": {
        "source": "出典",
        "background": "補足説明",
        "reactions": "海外の反応",
        "analysis": "考察・分析",
        "conclusion": "総括",
        "books": "関連書籍紹介",
        "links": "参考リンク",
        "thread": "コメントスレッド",
        "article": "元記事",
        "related": "関連記事",
    },
    "en": {
        "source": "Source",
        "background": "Background",
        "reactions": "Reactions from abroad",
        "analysis": "Analysis",
        "conclusion": "Conclusion",
        "books": "Related books",
        "links": "References",
        "thread": "Comment thread",
        "article": "Original article",
        "related": "Related",
    },
}


class Draft(BaseModel):
    """Every artifact of a finished run: what article.json holds."""

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


CATEGORY = {"ja": "ニュース", "en": "News"}  # when config sets no `category`
TITLE_JOIN = {"ja": " ", "en": ": "}


def assemble_title(fact: str, framing: str | None, lang: str) -> tuple[str, Framing | None]:
    """The title from the headline agent's two parts: the news fact, then the framing phrase
    (「資源同盟」の行方), with where the framing sits in the title, so the check can tell the
    headline's catchphrase from a claim of the source."""
    fact = " ".join(fact.split())
    phrase = " ".join((framing or "").split())
    if not phrase:
        return fact, None
    joiner = TITLE_JOIN.get(lang, " ") if fact else ""
    title = f"{fact}{joiner}{phrase}"
    start = len(fact) + len(joiner)
    return title, Framing(text=phrase, start=start, end=start + len(phrase))


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


def is_web_url(url: str | None) -> bool:
    """An http(s) URL whose host a browser reads as written (the desk puts these into hrefs):
    no backslash, whitespace or control character anywhere, which browsers would fold into `/`
    or drop and so lead elsewhere."""
    if not url or re.search(r"[\\\s\x00-\x1f\x7f]", url):
        return False
    return re.match(r"^https?://[^/?#@]+(?:[/?#]|$)", url, re.IGNORECASE) is not None


def _link_target(url: str) -> str:
    """Percent-encode what would break a Markdown link or an HTML attribute."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


_INLINE = re.compile(r"([\\`*_\[\]~|])")
_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _esc(text: str) -> str:
    """Untrusted text (model prose, page and thread titles, catalog fields) as Markdown that
    renders as exactly that text: one line, `<>&` as entities (no HTML, no `<!--` marker, no
    autolink), and every character that could open a link, an image, emphasis, code or a
    table cell backslash-escaped, so no field can become a link to anywhere."""
    return _INLINE.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(markdown: str) -> str:
    """What `_esc` wrote, as the reader sees it: backslash escapes and entities resolved."""
    return html.unescape(_ESCAPED.sub(r"\1", markdown))


def _block(text: str) -> str:
    """A paragraph of untrusted text that cannot start another block: a model sentence
    `## 参考リンク` would otherwise end the lead and open a section the check reads leniently."""
    if _BLOCK_START.match(text):
        return "\\" + text
    return _ORDERED.sub(r"\1\\\2", text, count=1)


def _join(sentences: list[str], lang: str) -> str:
    """Japanese sentences run on without spaces; English ones take one."""
    return _block(("" if lang == "ja" else " ").join(_esc(s) for s in sentences))


def _lines(text: str) -> str:
    """A reaction as the seed prints it, one sentence a line: each line escaped like a
    paragraph of its own, joined by hard line breaks (two spaces, then a newline) inside one
    block, so it stays one comment to the check and shows its line breaks when published."""
    lines = [_block(_esc(line)) for line in text.splitlines() if line.strip()]
    return "  \n".join(lines) or _block(_esc(text))


def _subsections(section: SubsectionsSection, lang: str) -> list[str]:
    out: list[str] = []
    for subsection in section.subsections:
        out.append(f"### {_esc(subsection.heading)}")
        out += [_join([c.text for c in paragraph], lang) for paragraph in subsection.paragraphs]
    return out


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


def _marker_id(comment_id: str) -> str:
    """A comment id as one token inside `<!-- comment id=… -->`: ids are validated as single-line
    tokens when read (models.Comment); anything else is percent-encoded here, so no id can end
    the marker or start a block."""
    return quote(comment_id, safe="!$&'()*+,;=:@._~")


def _isbn(isbn: str) -> str:
    return f"ISBN {isbn}"  # 13 digits as catalogued: hyphenation needs the range tables


def _books(books: BooksSection, lang: str) -> list[str]:
    """Only catalog-verified books reach the text: an unverified candidate (no catalog could be
    reached) stays in article.json and on the desk, "to verify", and never in what an export
    publishes."""
    out: list[str] = []
    for book in (b for b in books.books if b.verified):
        out.append(f"### {_esc(book.title)}")
        year = (f"{book.year}年" if lang == "ja" else str(book.year)) if book.year else None
        details = [p for p in (book.publisher, year) if p]
        byline = (
            f"{_esc(book.author)}（{_esc('、'.join(details))}）"
            if lang == "ja" and details
            else (
                f"{_esc(book.author)} ({_esc(', '.join(details))})"
                if details
                else _esc(book.author)
            )
        )
        if book.isbn:
            byline += f" {_isbn(book.isbn)}"
        out.append(_block(byline))
        note = html.escape(book.verification, quote=False).replace("--", "‐‐")
        out.append(f"<!-- drafter: verified {note} -->")
        out.append(_block(_esc(book.description)))
        if book.links:
            out.append(
                " / ".join(f"[{_esc(link.label)}]({_link_target(link.url)})" for link in book.links)
            )
    return out


SECTION_KEYS = (
    "title",
    "lead",
    "background",
    "reactions",
    "analysis",
    "conclusion",
    "books",
    "links",
)


def render_sections(draft: Draft) -> dict[str, str]:
    """The draft's Markdown, section by section (the units an editor revises). `title` is the
    bare title; every other value is a run of Markdown blocks, `""` when the section is empty."""
    words = HEADINGS[draft.lang]
    sep = ":" if draft.lang == "ja" else ": "
    lead = [_join([s.text for s in paragraph], draft.lang) for paragraph in draft.lead.paragraphs]
    lead.append(f"{words['source']}{sep}{_esc(draft.article.site_name or draft.article.title)}")
    if draft.related:
        lead.append(
            f"{words['related']}{sep}\n"
            + "\n".join(
                f"- [{_esc(r.title)}]({_link_target(r.url or '')})" if is_web_url(r.url)
                else f"- {_esc(r.title)}"
                for r in draft.related
            )
        )  # fmt: skip
    reactions = [f"## {words['reactions']}", _block(_esc(draft.reactions.intro))]
    for reaction in draft.reactions.reactions:
        score = f" score={reaction.score}" if reaction.score is not None else ""
        reactions.append(
            f"<!-- comment id={_marker_id(reaction.comment_id)}{score} -->\n"
            f"{_lines(reaction.translation)}"
        )
    conclusion = [f"## {words['conclusion']}"]
    closing = [*draft.conclusion.paragraphs, draft.conclusion.sign_off]
    conclusion += [_block(_esc(p)) for p in closing]
    shown = _books(draft.books, draft.lang)
    books = [f"## {words['books']}", *shown] if shown else []
    links = "\n".join(
        f"- [{_esc(link.label)}]({_link_target(link.url)})" for link in draft.references
    )
    blocks = {
        "title": [_esc(draft.headline.title)],
        "lead": lead,
        "background": [f"## {words['background']}", *_subsections(draft.background, draft.lang)],
        "reactions": reactions,
        "analysis": [f"## {words['analysis']}", *_subsections(draft.analysis, draft.lang)],
        "conclusion": conclusion,
        "books": books,
        "links": [
            f"## {words['links']}",
            links or "- (no URL: the source was a local file without a canonical URL)",
        ],
    }
    return {key: "\n\n".join(blocks[key]) for key in SECTION_KEYS}


def compose_markdown(draft: Draft, sections: dict[str, str]) -> str:
    """Front matter, `# title` and the sections in order; `sections` may hold an editor's text
    for any of them (the title's revision also goes into the front matter)."""
    title = " ".join(sections["title"].split()) or _esc(draft.headline.title)
    # the front matter holds plain text (static-site tools read it as is); `# ` the Markdown
    blocks = [_front_matter(draft, unescape(title)), f"# {title}"]
    blocks += [sections[key].strip() for key in SECTION_KEYS[1:] if sections[key].strip()]
    return "\n\n".join(blocks) + "\n"


def render_markdown(draft: Draft) -> str:
    return compose_markdown(draft, render_sections(draft))
