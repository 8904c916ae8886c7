"""Read a draft in drafter's Markdown section layout, including one an editor edited by hand.

The layout: optional YAML front matter, `# title`, lead paragraphs, a `出典:`/`Source:`
line, then `##` sections (補足説明, 海外の反応, 考察・分析, 総括, 関連書籍紹介, 参考リンク, or
their English names) with `###` subsections. Reactions are blocks after
`<!-- comment id=… -->` markers. Unknown `##` sections are kept and checked like analysis.
Every URL anywhere in the text is collected.

Text with no headings at all (a title line and paragraphs) is read as title + lead, so every
sentence meets the lead's strict check. Text whose section names are not Markdown headings (a
page copied from a CMS) cannot be told apart into sections: `layout_problem` says so, and
`drafter check` refuses it rather than pass sentences it could not place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from drafter.lang.text import normalize, split_sentences
from drafter.links import link_pairs
from drafter.render import HEADINGS, section_keys, unescape

_SECTION_KEYS = {
    normalize(heading).casefold(): key
    for words in HEADINGS.values()
    for key, heading in words.items()
    if key not in ("source", "thread", "article", "related")
}
# A line that is only one of these words reads as a section heading written without `##`.
_HEADING_WORDS = set(_SECTION_KEYS) | {
    normalize(words["related"]).casefold() for words in HEADINGS.values()
}
_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SENTENCE_END = re.compile(r"[。！？.!?]$")
_RELATED_LINE = re.compile(
    "^(" + "|".join(re.escape(words["related"]) for words in HEADINGS.values()) + r")\s*[:：]"
)
_COMMENT_MARKER = re.compile(r"<!--\s*comment\s+id=(?P<id>[^\s>]+)(?:\s+score=(?P<score>-?\d+))?")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# a URL as a reader sees one: a host after the scheme (「https://」で始まるサイト names the
# scheme, it links nowhere), up to a space, a bracket or Japanese punctuation
_URL = re.compile(r"https?://(?=[/\\]*[^\W_])[^\s)\]>\"'<「」『』（）【】、。！？]+", re.IGNORECASE)
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
    # What the run knows about the sentence, carried from article.json (check/carried.py);
    # None when the draft was read from Markdown: the check then joins the run's record by text.
    evidence: tuple[str, ...] | None = None  # the source sentence ids the run recorded
    kind: str | None = None  # source, background or opinion, as the run tagged the claim


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
    reaction_intro: str = ""  # the one line that introduces the reactions
    source_line: str | None = None
    category: str | None = None  # the label line under the title (ニュース), not a claim
    # "sections" (drafter's layout) or "lead only" (no section heading: all of it is lead)
    layout: str = "sections"
    title_marked: bool = False  # the title is a `# ` heading
    sections: list[str] = field(default_factory=list)  # drafter's `##` sections, in order
    unknown_headings: list[str] = field(default_factory=list)  # `##` names not in HEADINGS
    plain_headings: list[tuple[int, str]] = field(default_factory=list)  # (line, word) sans `##`

    def section(self, name: str) -> list[DraftSentence]:
        return [s for s in self.sentences if s.section == name]


def _strip_markup(text: str) -> str:
    text = _MD_LINK.sub(lambda m: m.group("label"), text)
    text = re.sub(r"(?<!\\)[*_`]+", "", text)
    return unescape(text).strip()


def parse_draft(markdown: str) -> ParsedDraft:
    draft = ParsedDraft()
    body, first_line = read_front_matter(draft, markdown.replace("\r\n", "\n"))
    draft.plain_headings = _plain_headings(body, first_line)
    blocks = _blocks(body)
    draft.title_marked = any(_heading_level(b) == 1 for b in blocks)
    reader = _BlockReader(draft, not draft.title_marked and _is_title_line(blocks))
    # Links as the publish renderer makes them (reference definitions reach across blocks).
    linked = {href for _, href in link_pairs(HTML_COMMENT.sub("", body))}
    for number, block in enumerate(blocks):
        collect_urls(draft, reader.section, block, linked)
        reader.read(number, block)
    # hrefs from reference definitions used in another block than their definition
    draft.urls += [("links", href) for href in sorted(linked)]
    draft.layout = "sections" if draft.sections or draft.unknown_headings else "lead only"
    return draft


def read_front_matter(draft: ParsedDraft, body: str) -> tuple[str, int]:
    """Reads the `---` front matter (and its `lang:`) into `draft`; returns the body after it
    and the number of that body's first line."""
    front = re.match(r"^---\n(.*?)\n---\n", body, re.DOTALL)
    first_line = 1
    if front:
        draft.front_matter = front.group(1)
        lang = re.search(r"^lang:\s*(\w+)", front.group(1), re.MULTILINE)
        if lang:
            draft.lang = lang.group(1)
        first_line += front.group(0).count("\n")
        body = body[front.end() :]
    return body, first_line


def collect_urls(draft: ParsedDraft, section: str, block: str, linked: set[str]) -> None:
    """The block's images and the URLs a reader sees in it, under `section` (hrefs found in it
    are taken out of `linked`, the document's links not yet placed)."""
    for image in _MD_IMAGE.findall(block):
        draft.images.append((section, image))
    shown = HTML_COMMENT.sub("", block)  # comments are never shown
    for url in _URL.findall(unescape(shown)):  # as the reader sees it: `\_` is `_`
        draft.urls.append((section, url.rstrip(".,;:。、")))
    for _label, href in link_pairs(shown):
        linked.discard(href)
        if href not in {u for _, u in draft.urls}:
            draft.urls.append((section, href))


def file_section(draft: ParsedDraft, heading: str) -> str:
    """The section a `##` heading opens, listed in `draft.sections` (or `unknown_headings`):
    drafter's key for it, or `other:<heading>` (checked like analysis)."""
    key = _SECTION_KEYS.get(normalize(heading).casefold())
    if key is None:
        draft.unknown_headings.append(heading)
        return f"other:{heading}"
    draft.sections.append(key)
    return key


class _BlockReader:
    """The blocks of a draft's body, in order, into `draft`: which section each is in, and the
    title, headings, links, books, reactions and sentences they hold."""

    def __init__(self, draft: ParsedDraft, title_line: bool) -> None:
        self.draft = draft
        self.title_line = title_line
        # Without a `# title` there is no preamble: what comes before the first section is the
        # lead.
        self.section = "preamble" if draft.title_marked else "lead"
        self.subsection: str | None = None
        self.paragraph = 0
        self.pending_comment: tuple[str, int | None] | None = None
        self.book: DraftBook | None = None

    def read(self, number: int, block: str) -> None:
        draft = self.draft
        if self.title_line and number == 0:
            draft.title = _strip_markup(block)
            self.section = "lead"
            return
        if (
            self.section == "lead"
            and draft.title
            and not draft.category
            and not self.paragraph
            and _is_category_line(block)
        ):
            draft.category = _strip_markup(block)
            return
        heading = _ATX_HEADING.match(block)
        if heading:
            self._heading(len(heading.group(1)), unescape(heading.group(2)).strip())
        else:
            self._content(block)

    def _heading(self, level: int, name: str) -> None:
        draft = self.draft
        if level == 1 and not draft.title:
            draft.title = name
            self.section = "lead"
        elif level <= 2:
            self.section = file_section(draft, name)
            self.subsection, self.paragraph, self.book = None, 0, None
        else:
            self.subsection = name
            if self.section == "books":
                self.book = DraftBook(name, "", False)
                draft.books.append(self.book)

    def _content(self, block: str) -> None:
        draft, section = self.draft, self.section
        if section == "lead" and _SOURCE_LINE.match(block):
            draft.source_line = block
            self.section = "after-lead"
        elif section == "after-lead" and _RELATED_LINE.match(block):
            # titles of earlier drafts, listed by code: not claims
            draft.related += [href for _, href in link_pairs(block)]
        elif section == "links":
            draft.links += link_pairs(block)
        elif section == "books":
            if self.book is not None:
                if "drafter: verified" in block:
                    self.book.verified_marker = True
                self.book.text = (self.book.text + "\n" + HTML_COMMENT.sub("", block)).strip()
        elif section == "reactions":
            self.pending_comment = _reaction(draft, block, self.pending_comment)
        else:
            self._text(block)

    def _text(self, block: str) -> None:
        text = _strip_markup(HTML_COMMENT.sub("", block))
        if not text:
            return
        self.paragraph += 1
        # text after 出典 is lead text too
        where = "lead" if self.section == "after-lead" else self.section
        for sentence in split_sentences(text):
            self.draft.sentences.append(
                DraftSentence(where, sentence, self.paragraph, self.subsection)
            )


def _reaction(
    draft: ParsedDraft, block: str, pending: tuple[str, int | None] | None
) -> tuple[str, int | None] | None:
    """One block of 海外の反応: a comment marker, a translation, or both. Returns the marker
    still waiting for its translation."""
    marker = _COMMENT_MARKER.search(block)
    if marker:
        score = marker.group("score")
        # render.py percent-encodes anything unusual in an id; decoding gives the id back
        pending = (unquote(marker.group("id")), int(score) if score else None)
        block = HTML_COMMENT.sub("", block).strip()
        if not block:
            return pending
    text = _strip_markup(HTML_COMMENT.sub("", block))
    if pending is None:
        first = not draft.reactions and not draft.unmarked_reactions and not draft.reaction_intro
        if first and _looks_like_intro(text):
            draft.reaction_intro = text
        elif draft.reactions and text:
            # a second paragraph of the same translation: checked against the same original
            last = draft.reactions[-1]
            last.text = f"{last.text}\n{text}"
        elif text:
            draft.unmarked_reactions.append(text)
        return None
    comment_id, score_value = pending
    draft.reactions.append(
        DraftSentence("reactions", text, comment_id=comment_id, score=score_value)
    )
    return None


def _blocks(body: str) -> list[str]:
    """Blank-line separated blocks, each ATX heading a block of its own (CommonMark lets a
    paragraph follow its heading on the next line)."""
    body = re.sub(r"^(#{1,6}[ \t].*)$", r"\n\1\n", body, flags=re.MULTILINE)
    return [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]


def _heading_level(block: str) -> int:
    heading = _ATX_HEADING.match(block)
    return len(heading.group(1)) if heading else 0


def _is_title_line(blocks: list[str]) -> bool:
    """A first block that is one short line without a sentence end, with text after it."""
    if len(blocks) < 2 or _heading_level(blocks[0]) or "\n" in blocks[0]:
        return False
    text = _strip_markup(blocks[0])
    if not text or len(text) > 120 or _SENTENCE_END.search(text) or _SOURCE_LINE.match(text):
        return False
    return normalize(text).casefold() not in _HEADING_WORDS


def _is_category_line(block: str) -> bool:
    """The label under a title (ニュース, 経済, World): one short line, no sentence end, no
    number. It comes from config, not from the source, so it is not a claim to check."""
    text = _strip_markup(block)
    return (
        "\n" not in block
        and 0 < len(text) <= 15
        and not _SENTENCE_END.search(text)
        and not any(ch.isdigit() for ch in text)
        and not _SOURCE_LINE.match(text)
        and normalize(text).casefold() not in _HEADING_WORDS
    )


def _plain_headings(body: str, first_line: int) -> list[tuple[int, str]]:
    """Lines that hold nothing but a section name (補足説明, Analysis, …) without `##`."""
    found = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        word = _strip_markup(line)
        if not line.lstrip().startswith("#") and normalize(word).casefold() in _HEADING_WORDS:
            found.append((number, word))
    return found


def expected_headings() -> str:
    """drafter's section headings, as `drafter check` expects them, for error messages."""
    ja, en = HEADINGS["ja"], HEADINGS["en"]
    keys = [key for key in section_keys() if key in ja]  # the `##` sections, in the draft's order
    return (
        f"`# title`, the lead, `{ja['source']}:…`, then "
        + ", ".join(f"`## {ja[k]}`" for k in keys)
        + " (in English: "
        + ", ".join(en[k] for k in keys)
        + ")"
    )


def layout_problem(draft: ParsedDraft) -> str | None:
    """Why this draft cannot be checked as written, or None. A draft is refused rather than
    checked wrongly: sentences filed under no known section would pass a check that never
    held them to the lead's standard."""
    if not draft.sections and draft.plain_headings:
        where = ", ".join(f"{word} on line {n}" for n, word in draft.plain_headings[:6])
        return (
            "its section names are plain lines, not Markdown headings "
            f"({where}), so its lead cannot be told from its other sections"
        )
    if not draft.sections and not draft.title_marked and draft.unknown_headings:
        names = ", ".join(draft.unknown_headings[:6])
        return f"none of its headings ({names}) is one of drafter's sections"
    if not (draft.sentences or draft.reactions or draft.unmarked_reactions):
        return "it holds no sentence to check (only a title, headings, links or books)"
    return None


_INTRO_WORDS = re.compile(
    r"コメント|反応|スレッド|寄せられ|投稿|海外|読者|ユーザー|掲示板|声|"
    r"comment|reaction|thread|reader|repl",
    re.IGNORECASE,
)


def _looks_like_intro(text: str) -> bool:
    """The line that opens 海外の反応 and introduces the reactions ("…には次のような
    コメントが寄せられた"): the section's first block, short, and about the comments. Any other
    block without a comment marker is a reaction whose original cannot be checked."""
    return len(text) < 160 and bool(_INTRO_WORDS.search(text))
