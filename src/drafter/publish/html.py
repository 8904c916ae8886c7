"""A draft's Markdown as HTML that is safe to publish: front matter split off, drafter's review
markers (`<!-- … -->`) removed, Markdown rendered by markdown-it-py in its `js-default` preset
(raw HTML off, so `<script>` in the text stays text), then sanitised by nh3 with an allow-list
(no images, no style or event attributes, links http/https only with rel=nofollow).

Pure functions, no I/O: the CLI export and the web desk's draft view use the same ones.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from drafter.errors import RunError

if TYPE_CHECKING:
    import nh3
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


class FrontMatterError(RunError):
    """The draft's YAML front matter is unreadable (not closed, bad YAML, not a mapping)."""


ALLOWED_TAGS = frozenset(
    {
        *(f"h{level}" for level in range(1, 7)),
        "p",
        "ul",
        "ol",
        "li",
        "blockquote",
        "em",
        "strong",
        "code",
        "pre",
        "a",
        "hr",
        "br",
        # markdown-it's js-default preset also renders tables and ~~strikethrough~~; kept so an
        # editor's table does not collapse into loose text (alignment styles are dropped).
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "s",
        "del",
    }
)
"""Everything else is removed (its text kept): no img, no iframe, no form, no style."""
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https"})
LINK_REL = "noopener noreferrer nofollow"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)

_COMMENT = re.compile(r"<!--(?:(?!\n[ \t]*\n).)*?-->", re.DOTALL)  # never across a blank line
_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_H1 = re.compile(r"#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

STYLE = """
body { margin: 0; background: #fff; color: #1a1a1a; }
main { max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
  font-family: system-ui, "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif;
  line-height: 1.85; }
h1 { font-size: 1.6rem; line-height: 1.4; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #ddd; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid #ccc; color: #444; }
code, pre { font-family: ui-monospace, monospace; background: #f4f4f4; }
pre { padding: .75rem; overflow-x: auto; }
a { color: #0645ad; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .25rem .5rem; }
"""


@dataclass(frozen=True)
class Article:
    """A draft taken apart for publishing."""

    meta: dict[str, Any]
    title: str
    """Plain text (Markdown and entities resolved): escape it for whatever it goes into."""
    body: str
    """Markdown after the front matter and the `# title` line."""
    lang: str
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    source_url: str | None = None


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # js-default: CommonMark + tables + strikethrough, html=False, linkify=False, and
    # markdown-it's own link validation (no javascript:, vbscript:, file:, most data:).
    # Images become plain links: nothing is loaded from another origin, nothing vanishes.
    return MarkdownIt("js-default").disable("image")


@cache
def _cleaner() -> nh3.Cleaner:
    import nh3

    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        url_relative="deny",
        link_rel=LINK_REL,
        strip_comments=True,
        attribute_filter=_href_filter,
    )


def _href_filter(tag: str, attribute: str, value: str) -> str | None:
    """An href as the browser will follow it (`http:/evil.example` → `http://evil.example`, which
    is what the fact check compared), or no href when it is not an absolute http(s) URL."""
    if tag != "a" or attribute != "href":
        return value
    from drafter.links import browser_href, is_absolute_web_url

    target = browser_href(value)
    return target if is_absolute_web_url(target) else None


def strip_markers(markdown: str) -> str:
    """Remove HTML comments (drafter's `<!-- comment id=… -->` and `<!-- drafter: … -->`
    review markers): they are for the editors, never for readers. A comment never spans a
    blank line here, so a stray `<!--` in pasted text cannot swallow the paragraphs after it
    (it stays visible as text)."""
    return _COMMENT.sub("", markdown)


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """(front matter, the rest). No front matter gives `{}`; an unclosed block, bad YAML or
    anything but a mapping raises FrontMatterError."""
    import yaml

    text = markdown.removeprefix("\ufeff")
    opening = _OPENING.match(text)
    if opening is None:
        return {}, text
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise FrontMatterError(
            "The draft's front matter is not closed: it opens with '---' but no '---' line "
            "ends it.",
            hint="Add a line with only '---' after the front matter (title, category, tags…).",
        )
    block = text[opening.end() : closing.start()]
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        raise FrontMatterError(
            f"The draft's front matter is not valid YAML: {exc}",
            hint="Fix the block between the two '---' lines (quote values holding ':' or '#').",
        ) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(
            "The draft's front matter must be a YAML mapping (title: …, tags: […]), "
            f"not a {type(meta).__name__}."
        )
    rest = text[closing.end() :].lstrip("\r\n")
    return {str(key): value for key, value in meta.items()}, rest


def _text_of(tokens: list[Token]) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.children:
            parts.append(_text_of(token.children))
    return "".join(parts)


def inline_text(markdown: str) -> str:
    """One line of Markdown as plain text: `**A** &amp; B` → `A & B`."""
    tokens = _markdown().parseInline(strip_markers(_CONTROL.sub("", markdown)))
    return " ".join(_CONTROL.sub("", _text_of(tokens)).split())


def _clean_str(value: Any) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(_CONTROL.sub("", str(value)).split())
        return text or None
    return None


def parse_article(markdown: str) -> Article:
    """Front matter, plain-text title (front matter `title`, else the `# title` line), and the
    body without its `# title` line."""
    meta, rest = split_front_matter(markdown)
    h1_title: str | None = None
    lines = rest.splitlines(keepends=True)
    if lines:
        heading = _H1.fullmatch(lines[0].rstrip("\r\n"))
        if heading is not None:
            h1_title = heading.group(1)
            rest = "".join(lines[1:]).lstrip("\r\n")
    raw_title = _clean_str(meta.get("title")) or h1_title or ""
    raw_tags = meta.get("tags")
    tags: list[str] = []
    for tag in raw_tags if isinstance(raw_tags, list) else [raw_tags]:
        text = _clean_str(tag)
        if text and text not in tags:
            tags.append(text)
    lang = _clean_str(meta.get("lang")) or "ja"
    return Article(
        meta=meta,
        title=inline_text(raw_title),
        body=rest,
        lang=lang if _LANG.fullmatch(lang) else "und",
        category=_clean_str(meta.get("category")),
        tags=tags,
        source_url=_clean_str(meta.get("source_url")),
    )


def render_fragment(markdown_body: str) -> str:
    """Markdown → sanitised HTML fragment (no front matter handling: pass the body)."""
    rendered = _markdown().render(strip_markers(markdown_body))
    return _cleaner().clean(rendered)


def excerpt(markdown_body: str, limit: int = 160) -> str:
    """The first paragraph as plain text, cut at `limit` characters (with …)."""
    tokens = _markdown().parse(strip_markers(markdown_body))
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and index + 1 < len(tokens):
            text = " ".join(_text_of([tokens[index + 1]]).split())
            if text:
                return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return ""


def standalone_html(markdown: str) -> str:
    """A complete HTML5 page for the draft, with a Content-Security-Policy that allows no
    script, no remote image and no other load at all (inline CSS only)."""
    article = parse_article(markdown)
    title = html.escape(article.title or "draft")
    body = f"<h1>{title}</h1>\n{render_fragment(article.body)}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(article.lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f"<style>{STYLE}</style>\n"
        "</head>\n"
        "<body>\n<main>\n<article>\n"
        f"{body}"
        "</article>\n</main>\n</body>\n</html>\n"
    )
