"""The story's opening paragraph where the extractor dropped it: many outlets set the lead
(standfirst) apart from the body, in its own element, and the extractor takes it for a header
(ORF's "Der designierte US-Präsident Donald Trump hat … Pam Bondi als Justizministerin
nominiert.", the only sentence that named Bondi and Gaetz in full, never reached the prompts).

It is put back only when the page shows it as a paragraph of its own (a <p> whose whole text
is the page's description) and the extracted text does not already hold it."""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

_DESCRIPTION = re.compile(
    r"<meta\b(?=[^>]*\b(?:property|name)=[\"'](?:og:description|description)[\"'])[^>]*?"
    r"\bcontent=\"([^\"]+)\"",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
MIN_CHARS = 80  # a sentence or two, not a tagline
_END = re.compile(r"[.!?。！？»”\"]\s*$")


def _plain(fragment: str) -> str:
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return " ".join(unicodedata.normalize("NFKC", text).split())


def with_standfirst(text: str, page: str) -> str:
    """`text` with the page's own lead paragraph first, where the extractor left it out."""
    descriptions = {_plain(d) for d in _DESCRIPTION.findall(page)}
    descriptions = {d for d in descriptions if len(d) >= MIN_CHARS and _END.search(d)}
    if not descriptions:
        return text
    body = page[page.lower().find("<body") :]
    shown = {_plain(p) for p in _PARAGRAPH.findall(body)}
    flat = " ".join(unicodedata.normalize("NFKC", text).split())
    for lead in sorted(descriptions & shown, key=len, reverse=True):
        if lead[:60] not in flat:
            return f"{lead}\n{text}" if text else lead
    return text
