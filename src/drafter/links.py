"""Links as their consumers see them: the Markdown parser that renders every export (markdown-it,
`js-default`, as in publish/html.py) decides what is a link, and a browser decides where it goes.

A regex for `https?://` misses what the parser and the browser accept: `[x](http:/evil.example)`,
`[x](HTTP:evil.example)`, `[x][1]` with `[1]: http:/evil.example` elsewhere in the document,
backslashes for slashes, tabs and newlines inside the scheme. Every defence that allows or
refuses a link (the output guard, the fact check, the HTML sanitiser) asks this module.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):(.*)$", re.DOTALL)
_STRIP_EDGES = "".join(chr(c) for c in range(0x21))  # C0 controls and space, as browsers do
_INSIDE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL
SPECIAL = ("http", "https")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # The same configuration as the publish renderer (publish/html.py): what it links, we see.
    return MarkdownIt("js-default").disable("image")


def link_target(url: str) -> str:
    """Percent-encode what would break a Markdown link or an HTML attribute."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def browser_href(href: str) -> str:
    """Where a browser on an https page would take `href`, for the schemes that matter: for
    http(s), any run of slashes or backslashes after the scheme is the authority's `//` (as the
    WHATWG URL parser reads `http:/evil.example` or `https:\\\\evil.example`); other strings are
    returned trimmed, with tabs and newlines removed."""
    text = _INSIDE.sub("", href.strip(_STRIP_EDGES))
    match = _SCHEME.match(text)
    if match is None:
        return text
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme in SPECIAL:
        rest = rest.replace("\\", "/").lstrip("/")
        return f"{scheme}://{rest}"
    return f"{scheme}:{rest}"


def is_absolute_web_url(href: str) -> bool:
    """An http(s) URL with a host, as a browser reads it (so `http:/x` counts, `/x` does not)."""
    url = browser_href(href)
    return re.match(r"^https?://[^/?#\s]+", url) is not None


def rendered_links(markdown: str) -> list[str]:
    """Every href the publish renderer would emit for `markdown` (inline links, autolinks,
    reference-style links resolved against definitions anywhere in the text), plus every
    reference definition's URL (used or not: an editor may add the `[x][ref]` later)."""
    env: dict[str, object] = {}
    found = [href for _, href in _pairs(_parser().parse(markdown, env))]
    references = env.get("references")
    if isinstance(references, dict):
        for value in references.values():
            href = value.get("href") if isinstance(value, dict) else None
            if isinstance(href, str) and href not in found:
                found.append(href)
    return found


def _pairs(tokens: list[Token]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    label: list[str] | None = None
    href = ""
    for token in tokens:
        if token.type == "link_open":
            label, href = [], str(token.attrGet("href") or "")
        elif token.type == "link_close" and label is not None:
            found.append(("".join(label).strip(), href))
            label = None
        elif label is not None and token.type in ("text", "code_inline"):
            label.append(token.content)
        if token.children:
            found += _pairs(token.children)
    return found


def link_pairs(markdown: str) -> list[tuple[str, str]]:
    """(label as plain text, href) of every link the publish renderer emits, in order."""
    return _pairs(_parser().parse(markdown, {}))
