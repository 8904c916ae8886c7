"""The Markdown every section's block is written in: untrusted text (model prose, page and
thread titles, catalog fields) escaped so that it renders as exactly that text and can never
become markup, a link or another section. render.py composes the draft from these blocks."""

from __future__ import annotations

import html
import html.entities
import re
from urllib.parse import quote

from drafter.models import SubsectionsSection


def is_web_url(url: str | None) -> bool:
    """An http(s) URL whose host a browser reads as written (the desk puts these into hrefs):
    no backslash, whitespace or control character anywhere, which browsers would fold into `/`
    or drop and so lead elsewhere."""
    if not url or re.search(r"[\\\s\x00-\x1f\x7f]", url):
        return False
    return re.match(r"^https?://[^/?#@]+(?:[/?#]|$)", url, re.IGNORECASE) is not None


_INLINE = re.compile(r"([\\`*_\[\]~|])")
_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def esc(text: str) -> str:
    """Untrusted text as Markdown that renders as exactly that text: one line, `<>` as
    entities (no HTML, no `<!--` marker, no autolink), `&` too where it could open a character
    reference (`&copy;`, `&#106;`, or HTML's `&copy` without the semicolon), and every character
    that could open a link, an image, emphasis, code or a table cell backslash-escaped, so no
    field can become a link to anywhere. A plain `&` stays one: the file reads "S&P500", not
    "S&amp;P500"."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    return _INLINE.sub(r"\\\1", _PLAIN_AMP.sub("&", escaped))


# HTML's references that may go without the semicolon (&amp, &copy, &AElig): a `&` before
# one of these, before `#`, or before a name and `;` is kept as `&amp;`
_LEGACY = sorted((n for n in html.entities.html5 if not n.endswith(";")), key=len, reverse=True)
_PLAIN_AMP = re.compile(r"&amp;(?!#|[A-Za-z0-9]+;|" + "|".join(re.escape(n) for n in _LEGACY) + ")")


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(markdown: str) -> str:
    """What `esc` wrote, as the reader sees it: backslash escapes and entities resolved."""
    return html.unescape(_ESCAPED.sub(r"\1", markdown))


def block(text: str) -> str:
    """A paragraph of untrusted text that cannot start another block: a model sentence
    `## 参考リンク` would otherwise end the lead and open a section the check reads leniently."""
    if _BLOCK_START.match(text):
        return "\\" + text
    return _ORDERED.sub(r"\1\\\2", text, count=1)


def join(sentences: list[str], lang: str) -> str:
    """Japanese sentences run on without spaces; English ones take one."""
    return block(("" if lang == "ja" else " ").join(esc(s) for s in sentences))


def lines(text: str) -> str:
    """A reaction as the seed prints it, one sentence a line: each line escaped like a
    paragraph of its own, joined by hard line breaks (two spaces, then a newline) inside one
    block, so it stays one comment to the check and shows its line breaks when published."""
    out = [block(esc(line)) for line in text.splitlines() if line.strip()]
    return "  \n".join(out) or block(esc(text))


def subsections(section: SubsectionsSection, lang: str) -> list[str]:
    """`### heading` and its paragraphs of claims, for each subsection."""
    out: list[str] = []
    for subsection in section.subsections:
        out.append(f"### {esc(subsection.heading)}")
        out += [join([c.text for c in paragraph], lang) for paragraph in subsection.paragraphs]
    return out


def marker_id(comment_id: str) -> str:
    """A comment id as one token inside `<!-- comment id=… -->`: ids are validated as single-line
    tokens when read (models.Comment); anything else is percent-encoded here, so no id can end
    the marker or start a block."""
    return quote(comment_id, safe="!$&'()*+,;=:@._~")
