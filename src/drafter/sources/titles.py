"""A page's headline when the extractor took the site's logo or name for it ("POLITICO
Politico Logo", "Bloomberg"): pages that write og:title with a `value` attribute instead of
`content` leave the extractor only the masthead."""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urlsplit

# og:title or twitter:title, with `content` or `value`, the attributes either way round
_META_TITLE = re.compile(
    r"<meta\b(?=[^>]*\b(?:property|name)=[\"'](?:og:title|twitter:title)[\"'])"
    r"[^>]*\b(?:content|value)=[\"']([^\"']{8,300})[\"']",
    re.IGNORECASE,
)
_TITLE_TAG = re.compile(r"<title[^>]*>([^<]{8,300})</title>", re.IGNORECASE)
_BRAND_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]{2,40}$")


def headline(html: str, title: str, site_name: str | None, url: str | None) -> str:
    """`title`, unless it is the site's name or logo and the page gives a headline."""
    # a saved page that gives neither a site name nor an address: the site is named where
    # its <title> ends ("Headline - HARBORWIRE")
    if not site_name and not url:
        tails = [m.group(0) for t in _TITLE_TAG.findall(html) if (m := _BRAND_SUFFIX.search(t))]
        site_name = " ".join(tails)
    if not _brand_only(title, site_name, url):
        return title
    for found in [*_META_TITLE.findall(html), *_TITLE_TAG.findall(html)]:
        candidate = _BRAND_SUFFIX.sub("", " ".join(html_lib.unescape(found).split()))
        if candidate and not _brand_only(candidate, site_name, url):
            return candidate
    return title


def _brand_only(title: str, site_name: str | None, url: str | None) -> bool:
    """Whether every word of the title is the site's name or a logo's word."""
    words = re.findall(r"[a-z0-9]+", title.casefold())
    host = (urlsplit(url or "").hostname or "").casefold()
    brand = set(re.findall(r"[a-z0-9]+", f"{site_name or ''} {host}".casefold()))
    brand |= {"logo", "home", "www", "com", "the", "news", "homepage"}
    return bool(words) and len(words) <= 4 and set(words) <= brand
