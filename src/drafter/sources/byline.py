"""The page's authors as the draft's credit line names them."""

from __future__ import annotations

import html as html_lib
import re

# <meta name="dc.creator" content="You, Xiaoying"/>: a library catalogue's "Last, First"
_CATALOGUED = re.compile(
    r"<meta\b(?=[^>]*\bname=[\"'](?:dc\.creator|citation_author)[\"'])[^>]*?\bcontent=[\"']"
    r"([^\"',]+),\s*([^\"',]+)[\"']",
    re.IGNORECASE,
)


def authors(found: str | None, page: str) -> str | None:
    """The extractor's authors, unless it split "Last, First" names at their commas (Nature's
    five authors came out as "You; Xiaoying; Lenharo; Mariana; …", ten names): then each name
    in the order it is spoken ("Xiaoying You; Mariana Lenharo; …")."""
    names = [
        (html_lib.unescape(last).strip(), html_lib.unescape(first).strip())
        for last, first in _CATALOGUED.findall(page)
    ]
    if not found or not names:
        return found or None
    pieces = [p.strip() for p in found.split(";")]
    split = [part for last, first in names for part in (last, first)]
    if pieces[: len(split)] != split:
        return found
    return "; ".join([f"{first} {last}" for last, first in names] + pieces[len(split) :])
