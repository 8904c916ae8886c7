"""The draft, parsed on its own: sections, sentences, comment-id markers and links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KINDS = ("number", "date", "name_swap", "name_invented", "quote", "hedge", "comment_id", "link")
SECTIONS = ("title", "lead", "background", "reactions", "analysis", "conclusion", "links")
_PROSE = SECTIONS[:6]
WHERE: dict[str, tuple[str, ...]] = {
    **{kind: _PROSE for kind in KINDS[:6]},
    "comment_id": ("reactions",),
    "link": ("links",),
}


class PlantError(ValueError):
    """A hand-planted edit that cannot be applied (its `find` is absent or not unique)."""


@dataclass(frozen=True)
class Planted:
    """One planted error: the whole changed draft, and what the check must flag."""

    kind: str
    section: str
    before: str  # the sentence, comment id or URL as it was
    after: str  # ... and as it is now
    markdown: str  # the whole changed draft
    description: str
    target: str  # what must be flagged: the changed sentence, the new comment id or the new URL
    comment_id: str | None = None  # the reaction the change sits in (its id after the change)
    context: str = ""  # for a comment id: the reaction's text


# ---------------------------------------------------------------- the draft, parsed on its own

_HEADINGS = {
    "補足説明": "background",
    "海外の反応": "reactions",
    "考察・分析": "analysis",
    "総括": "conclusion",
    "参考リンク": "links",
    "関連書籍紹介": "books",
    "関連記事": "related",
}
_MARKER = re.compile(r"<!--\s*comment\s+id=(?P<id>[^\s>]+?)(?:\s[^>]*)?\s*-->")
_URL = re.compile(r"https?://[^\s)<>\]]+")
_OPEN, _CLOSE = "「『（(“", "」』）)”"
_ENDS = "。！？!?"


@dataclass(frozen=True)
class Unit:
    """A sentence, comment-id marker or link of the draft: where it is and what it says."""

    section: str
    start: int
    end: int
    text: str
    comment_id: str | None = None


@dataclass
class ParsedDraft:
    markdown: str
    sentences: list[Unit] = field(default_factory=list)
    markers: list[Unit] = field(default_factory=list)
    links: list[Unit] = field(default_factory=list)
    title_matter: tuple[int, int] | None = None  # the front matter's title value

    def reaction_text(self, comment_id: str | None) -> str:
        return "".join(s.text for s in self.sentences if s.comment_id == comment_id)


def split_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans of one line: split after 。！？ outside 「」『』（）, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    depth = begin = 0
    for index, char in enumerate(line):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in _ENDS and depth == 0:
            if index + 1 < len(line) and line[index + 1] in _ENDS:
                continue  # ！？ runs end together
            spans.append((begin, index + 1))
            begin = index + 1
    spans.append((begin, len(line)))
    trimmed = []
    for start, end in spans:
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def parse(markdown: str) -> ParsedDraft:
    draft = ParsedDraft(markdown)
    section: str | None = None
    comment: str | None = None
    in_matter = markdown.startswith("---")
    offset = 0
    for number, line in enumerate(markdown.splitlines(keepends=True)):
        start, offset = offset, offset + len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if in_matter:
            if number > 0 and stripped == "---":
                in_matter = False
            else:
                _matter_title(draft, body, start)
            continue
        if not stripped:
            continue
        if section is None:
            if body.startswith("# "):
                text = body[2:].strip()
                at = start + body.index(text, 2)
                draft.sentences.append(Unit("title", at, at + len(text), text))
                section = "lead"
            continue
        if body.startswith("## "):
            section = _HEADINGS.get(body[3:].strip(), "other")
            comment = None
            continue
        if body.startswith("#") or section in ("books", "related", "other"):
            continue
        if section == "links":
            for found in _URL.finditer(body):
                url = found.group().rstrip(".,;")
                at = start + found.start()
                draft.links.append(Unit("links", at, at + len(url), url))
            continue
        if section == "reactions":
            marker = _MARKER.search(body)
            if marker:
                comment = marker.group("id")
                at = start + marker.start("id")
                draft.markers.append(Unit("reactions", at, at + len(comment), comment, comment))
                continue
            if comment is None:
                continue  # the intro line before the first comment
        if stripped.startswith(("<!--", "|", "- [", "* [", ">")):
            continue
        if section == "lead" and (
            stripped.startswith(("出典", "関連記事"))
            or (len(stripped) <= 12 and not any(c in stripped for c in _ENDS))
        ):
            continue  # the outlet line, the related block, a category label
        for begin, end in split_sentences(body):
            draft.sentences.append(
                Unit(section, start + begin, start + end, body[begin:end], comment)
            )
    return draft


def _matter_title(draft: ParsedDraft, body: str, start: int) -> None:
    found = re.match(r"title:\s*(?P<v>.+?)\s*$", body)
    if not found:
        return
    value_start, value_end = found.span("v")
    value = found.group("v")
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value_start, value_end = value_start + 1, value_end - 1
    draft.title_matter = (start + value_start, start + value_end)


def apply_change(draft: ParsedDraft, unit: Unit, new: str) -> str:
    """The markdown with `unit` replaced by `new` (the front matter's title follows the title)."""
    markdown = draft.markdown
    edits = [(unit.start, unit.end, new)]
    if unit.section == "title" and draft.title_matter:
        start, end = draft.title_matter
        if markdown[start:end] == unit.text:
            edits.append((start, end, new))
    for start, end, text in sorted(edits, reverse=True):
        markdown = markdown[:start] + text + markdown[end:]
    return markdown
