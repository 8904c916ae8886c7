"""A page's text as a browser lays it out, before extraction: a line break in the HTML source
is a space (none between two CJK characters), except where the page keeps its own lines."""

from __future__ import annotations

import re
from typing import Any

# where a browser keeps the page's own line breaks (and whose text is kept as written)
_PREFORMATTED = ("pre", "textarea", "listing", "plaintext", "xmp", "script", "style")
_SOURCE_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")
_WIDE = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# between two Chinese or Japanese characters a wrap is nothing at all (no spaces between words)
_WIDE_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f\v]*\n\s*(?=[{_WIDE}])")


def _unwrapped(text: str) -> str:
    return _SOURCE_BREAK.sub(" ", _WIDE_BREAK.sub("", text))


def extracted(html: str, url: str | None) -> dict[str, Any]:
    """trafilatura's reading of the page as a browser lays it out: text and metadata."""
    import trafilatura

    found = trafilatura.bare_extraction(
        flowed(html), url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if isinstance(found, dict):
        return found
    return found.as_dict() if found is not None else {}


def flowed(html: str) -> Any:
    """The page as a browser lays out its text: a line break in the HTML source is a space, not
    a new line (The New Republic wraps each paragraph at 100 columns, and the sentences split
    at every wrap). The page itself if it does not parse, for trafilatura to report."""
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        return html
    # the elements themselves, not their id(): lxml makes a new proxy (and id) once one is freed
    kept = {el for pre in tree.iter(*_PREFORMATTED) for el in pre.iter()}
    _unlinked_prose(tree)
    _next_stories(tree)
    _shown_separators(tree)
    for el in tree.iter():
        if el not in kept and isinstance(el.tag, str) and el.text and "\n" in el.text:
            el.text = _unwrapped(el.text)
        if el.tail and "\n" in el.tail and el.getparent() not in kept:
            el.tail = _unwrapped(el.tail)
    return tree


# a paragraph that says this much outside its links is prose: Politico links whole clauses
# ("after she <a>compared Germany's current plans … in the 1930s</a>. But she's stood firm in her
# opposition to <a>the EU's ReArm Europe plans …</a>"), and the extractor dropped two such
# paragraphs as link lists (round CZ). A "Read more: <a>…</a>" line says too little to stay.
_PROSE_OUTSIDE_LINKS = 60
_SENTENCE_END = re.compile(r"[.!?。！？…\"”’»)]\s*$")


def _unlinked_prose(tree: Any) -> None:
    """The links of prose paragraphs unwrapped into their text, so no paragraph is taken for a
    list of links for the share of its words that link elsewhere."""
    for paragraph in list(tree.iter("p")):
        links = list(paragraph.iter("a"))
        if not links:
            continue
        whole = " ".join("".join(paragraph.itertext()).split())
        linked = sum(len(" ".join("".join(a.itertext()).split())) for a in links)
        if len(whole) - linked >= _PROSE_OUTSIDE_LINKS and _SENTENCE_END.search(whole):
            for link in links:
                link.drop_tag()


# a story long enough to stand alone: paragraphs of this many characters in all
_STORY_CHARS = 600


def _next_stories(tree: Any) -> None:
    """Stories a page loads after its own (Dagbladet's <article id="second-article">, the next
    story of an endless scroll: its Solskjær story was read on as sentences S23–S99 of a story
    on North Korea, round DA): an <article> with a headline of its own and a story's length of
    paragraphs, after the first such one and outside it, is dropped."""
    stories = [a for a in tree.iter("article") if _headed(a) and _story_chars(a) >= _STORY_CHARS]
    if len(stories) < 2:
        return
    first = stories[0]
    for later in stories[1:]:
        if first in later.iterancestors() or later in first.iterancestors():
            continue  # one inside the other: the page's own story
        parent = later.getparent()
        if parent is not None:
            parent.remove(later)


def _headed(element: Any) -> bool:
    return any(True for _ in element.iter("h1", "h2"))


def _story_chars(element: Any) -> int:
    return sum(len("".join(p.itertext()).strip()) for p in element.iter("p"))


_SEPARATOR = re.compile(r"\s*[-–—|·•:/]\s*")


def _shown_separators(tree: Any) -> None:
    """A dash the page hides from screen readers between a kicker and its headline
    (Tages-Anzeiger's <span aria-hidden="true"> – </span>) is still a dash on the screen: the
    extractor dropped it and glued "SVP-Sonderparteitag zur Migration" to "Chiesa ruft…"
    (round DB)."""
    for element in tree.iter():
        if (
            isinstance(element.tag, str)
            and element.get("aria-hidden") == "true"
            and _SEPARATOR.fullmatch("".join(element.itertext()) or "x")
        ):
            del element.attrib["aria-hidden"]
