"""Untrusted text written into the draft's Markdown (`sections.markdown.esc`) renders as exactly
that text, as a CommonMark parser and then a browser read it, and stays readable in the file."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from drafter.sections.markdown import esc, unescape
from tests.prereqs import missing_data, shared

XSS = shared("xss", "all_unique.txt")


class _Read(HTMLParser):
    """What a browser makes of the rendered line: its tags and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def _shown(text: str) -> _Read:
    read = _Read()
    read.feed(MarkdownIt("commonmark").renderInline(esc(text)))
    read.close()
    return read


AMPERSANDS = [
    "S&P500は2%下落", "AT&T と R&D", "Q&A: 5 & 6", "&copy 2020", "&copy;", "&#106;avascript:",
    "&amp; は &amp;amp; と書く", "a&lt;b&gt;c", "&AElig &notit; &not", "x &#x41; y", "<b>&</b>",
]  # fmt: skip


@pytest.mark.parametrize("text", AMPERSANDS)
def test_an_ampersand_renders_as_itself_and_reads_plain_when_it_opens_no_reference(
    text: str,
) -> None:
    read = _shown(text)
    assert read.tags == [] and read.text == text
    assert unescape(esc(text)) == text
    if "S&P" in text or "AT&T" in text:
        # the helper of round AT saw "S&amp;P500" in article.md: the file reads as the text
        assert text.split()[0] in esc(text)


def test_every_xss_payload_renders_as_its_own_text_and_no_tag() -> None:
    if not XSS.is_file():
        pytest.skip(missing_data("xss", "all_unique.txt"))
    lines = [line for line in XSS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for line in lines:
        read = _shown(line)
        assert read.tags == [], line
        assert read.text == " ".join(line.split()), line
