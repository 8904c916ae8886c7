"""Whether two URLs belong to one site. A comments file's permalinks and a page's canonical URL
are claims made by the input: they are believed only on the site the run actually read."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Host prefixes that name the same site (Reddit's old./new./np., mobile m., www.).
_ALIASES = ("www.", "old.", "new.", "np.", "m.")


def site_of(url: str | None) -> str | None:
    """The host of an http(s) URL without its alias prefix; None for anything else (another
    scheme, no host, user info that could disguise the host)."""
    if not url:
        return None
    from drafter.links import browser_href

    try:
        parts = urlsplit(browser_href(url))  # as a browser reads it: `\` is `/`
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or "@" in parts.netloc:
        return None
    if "\\" in url or not re.fullmatch(r"[a-z0-9.\-]+|\[[0-9a-f:.]+\]|[0-9a-f:.]+", host):
        return None  # a backslash, %-escape or odd character: not a host we can vouch for
    host = host.rstrip(".").lower()
    for alias in _ALIASES:
        if host.startswith(alias) and host.count(".") > 1:
            return host[len(alias) :]
    return host


def same_site(url: str | None, other: str | None) -> bool:
    """Both are http(s) URLs on one host, or one host is a subdomain of the other's."""
    first, second = site_of(url), site_of(other)
    if first is None or second is None:
        return False
    return first == second or first.endswith("." + second) or second.endswith("." + first)
