"""Read a draft in drafter's Markdown section layout, including one an editor edited by hand.

The layout: optional YAML front matter, `# title`, lead paragraphs, a `出典:`/`Source:`
line, then `##` sections (補足説明, 海外の反応, 考察・分析, 総括, 関連書籍紹介, 参考リンク, or
their English names) with `###` subsections. Reactions are blocks after
`<!-- comment id=… -->` markers. Unknown `##` sections are kept and checked like analysis.
Every URL anywhere in the text is collected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.render import HEADINGS
from drafter.text import split_sentences

_SECTION_KEYS = {
    heading: key
    for words in HEADINGS.values()
    for key, heading in words.items()
    if key not in ("source", "thread", "article", "related")
}
_RELATED_LINE = re.compile(
    "^(" + "|".join(re.escape(words["related"]) for words in HEADINGS.values()) + r")\s*[:：]"
)
_COMMENT_MARKER = re.compile(r"<!--\s*comment\s+id=(?P<id>[^\s>]+)(?:\s+score=(?P<score>-?\d+))?")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_URL = re.compile(r"https?://[^\s)\]>\"'<]+", re.IGNORECASE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[(?P<label>[^\]]*)\]\((?P<url>[^)\s]+)\)")
_SOURCE_LINE = re.compile(r"^(出典|Source)\s*[:：]")


@dataclass
class DraftSentence:
    section: str  # lead, background, analysis, conclusion, reactions, books, title, …
    text: str
    paragraph: int = 0
    subsection: str | None = None
    comment_id: str | None = None
    score: int | None = None


@dataclass
class DraftBook:
    heading: str
    text: str
    verified_marker: bool


@dataclass
class ParsedDraft:
    title: str = ""
    lang: str = "ja"
    front_matter: str = ""
    sentences: list[DraftSentence] = field(default_factory=list)
    reactions: list[DraftSentence] = field(default_factory=list)
    books: list[DraftBook] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url) in 参考リンク
    related: list[str] = field(default_factory=list)  # URLs under 関連記事
    urls: list[tuple[str, str]] = field(default_factory=list)  # (section, url) anywhere
    images: list[tuple[str, str]] = field(default_factory=list)
    unmarked_reactions: list[str] = field(default_factory=list)
    source_line: str | None = None

    def section(self, name: str) -> list[DraftSentence]:
        return [s for s in self.sentences if s.section == name]


def _strip_markup(text: str) -> str:
    text = _MD_LINK.sub(lambda m: m.group("label"), text)
    text = re.sub(r"[*_`]+", "", text)
    return text.strip()


def parse_draft(markdown: str) -> ParsedDraft:
    draft = ParsedDraft()
    body = markdown.replace("\r\n", "\n")
    front = re.match(r"^---\n(.*?)\n---\n", body, re.DOTALL)
    if front:
        draft.front_matter = front.group(1)
        lang = re.search(r"^lang:\s*(\w+)", front.group(1), re.MULTILINE)
        if lang:
            draft.lang = lang.group(1)
        body = body[front.end() :]

    section, subsection, paragraph = "preamble", None, 0
    pending_comment: tuple[str, int | None] | None = None
    book: DraftBook | None = None
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if not block:
            continue
        for image in _MD_IMAGE.findall(block):
            draft.images.append((section, image))
        for url in _URL.findall(_HTML_COMMENT.sub("", block)):  # comments are never shown
            draft.urls.append((section, url.rstrip(".,;:。、")))
        if block.startswith("# ") and not draft.title:
            draft.title = block[2:].strip()
            section = "lead"
            continue
        if block.startswith("## "):
            name = block[3:].strip()
            section = _SECTION_KEYS.get(name, f"other:{name}")
            subsection, paragraph, book = None, 0, None
            continue
        if block.startswith("### "):
            subsection = block[4:].strip()
            if section == "books":
                book = DraftBook(subsection, "", False)
                draft.books.append(book)
            continue
        if section == "lead" and _SOURCE_LINE.match(block):
            draft.source_line = block
            section = "after-lead"
            continue
        if section == "after-lead" and _RELATED_LINE.match(block):
            draft.related += [m.group("url") for m in _MD_LINK.finditer(block)]
            continue  # titles of earlier drafts, listed by code: not claims
        if section == "links":
            draft.links += [(m.group("label"), m.group("url")) for m in _MD_LINK.finditer(block)]
            continue
        if section == "books":
            if book is not None:
                if "drafter: verified" in block:
                    book.verified_marker = True
                book.text = (book.text + "\n" + _HTML_COMMENT.sub("", block)).strip()
            continue
        if section == "reactions":
            marker = _COMMENT_MARKER.search(block)
            if marker:
                score = marker.group("score")
                pending_comment = (marker.group("id"), int(score) if score else None)
                block = _HTML_COMMENT.sub("", block).strip()
                if not block:
                    continue
            text = _strip_markup(_HTML_COMMENT.sub("", block))
            if pending_comment is None:
                if draft.reactions or not _looks_like_intro(text):
                    draft.unmarked_reactions.append(text)
                continue
            comment_id, score = pending_comment
            draft.reactions.append(
                DraftSentence("reactions", text, comment_id=comment_id, score=score)
            )
            pending_comment = None
            continue
        text = _strip_markup(_HTML_COMMENT.sub("", block))
        if not text:
            continue
        paragraph += 1
        for sentence in split_sentences(text):
            draft.sentences.append(DraftSentence(section, sentence, paragraph, subsection))
    return draft


def _looks_like_intro(text: str) -> bool:
    """The one line before the first reaction that introduces them."""
    return len(text) < 160
