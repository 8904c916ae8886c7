"""The page's authors as the draft's credit line names them."""

from __future__ import annotations

import html as html_lib
import re

from drafter.lang.text import normalize

# <meta name="dc.creator" content="You, Xiaoying"/>: a library catalogue's "Last, First"
_CATALOGUED = re.compile(
    r"<meta\b(?=[^>]*\bname=[\"'](?:dc\.creator|citation_author)[\"'])[^>]*?\bcontent=[\"']"
    r"([^\"',]+),\s*([^\"',]+)[\"']",
    re.IGNORECASE,
)


def authors(found: str | None, page: str, site_name: str | None = None) -> str | None:
    """The extractor's authors, less what is no writer (`_writers`), and with "Last, First"
    names whole where it split them at their commas (Nature's five authors came out as "You;
    Xiaoying; Lenharo; Mariana; …", ten names): each name in the order it is spoken."""
    return _writers(_catalogued(found, page), page, site_name)


def _catalogued(found: str | None, page: str) -> str | None:
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


# "The Washington Times https://www.washingtontimes.com" came out as "The Washington Times
# https; Www Washingtontimes Com": a web address, read as words
_ADDRESS_TAIL = re.compile(r"\s+https?\b.*$", re.IGNORECASE)
_ADDRESS = re.compile(r"^(?:https?\b|www\b)|\.(?:com|org|net)\b|\s(?:com|org|net)$", re.IGNORECASE)
# <meta property="article:author" content="aligharib">: a login, not the writer's name
_LOGIN = re.compile(r"<meta\b[^>]*\bcontent=[\"']([a-z0-9_.-]+)[\"']", re.IGNORECASE)
_PUBLISHER_META = re.compile(
    r"<meta\b(?=[^>]*\b(?:name|property)=[\"'](?:publisher|og:site_name|application-name|"
    r"article:publisher)[\"'])[^>]*?\bcontent=[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"<meta\b(?=[^>]*\bname=[\"']copyright[\"'])[^>]*?\bcontent=[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
# a wire credited beside its own writers is the credit a republished story needs (a local
# paper's copyright line may name the wire): never dropped but on the wire's own site
_WIRES = frozenset(
    {
        "associated press", "ap", "reuters", "afp", "agence france-presse", "dpa", "bloomberg",
        "pa media", "press association", "ansa", "efe", "kyodo", "kyodo news", "xinhua",
        "yonhap", "apa", "sda", "keystone-sda", "ritzau", "ntb", "tt", "anp", "belga",
    }
)  # fmt: skip


def _writers(found: str | None, page: str, site_name: str | None) -> str | None:
    """The pieces of a byline that name writers: not a web address, not the site or its
    publisher, not a site's login beside a writer's name ("aligharib" beside "Nikita Mazurov").
    A name the copyright line holds (The New Yorker's <meta name="author" content="Condé
    Nast">) is dropped only beside another name: a blogger's copyright line names the writer."""
    if not found:
        return None
    pieces = [_ADDRESS_TAIL.sub("", p).strip() for p in found.split(";")]
    owners = _folded([*_PUBLISHER_META.findall(page), site_name])
    lowered = page.casefold()
    kept = [p for p in pieces if p and not _site(p, lowered) and _fold(p) not in owners]
    copyright_ = " ".join(_folded(_COPYRIGHT.findall(page)))
    named = [p for p in kept if _fold(p) in _WIRES or not (copyright_ and _fold(p) in copyright_)]
    # "hessenschau.de, Frankfurt, Germany": a byline that names the site names no writer, and
    # the rest is the site's address
    kept = named if named or len(kept) < len([p for p in pieces if p]) else kept
    logins = {m.casefold() for m in _LOGIN.findall(page) if m == m.lower()}
    if any(" " in p for p in kept):
        kept = [p for p in kept if " " in p or p.casefold() not in logins]
    if len(kept) > 1 and not all(_described(p) for p in kept):
        kept = [p for p in kept if not _described(p)]
    return "; ".join(dict.fromkeys(kept)) or None


def _described(piece: str) -> bool:
    """A writer's description, not a name: five words or more, three of them lower-case words
    of four letters or more ("Mykolo Romerio universiteto … fakulteto profesorius", LRT's
    credit for an opinion piece beside its writer's name; not "Ursula von der Leyen")."""
    words = piece.split()
    return len(words) >= 5 and sum(1 for w in words if len(w) >= 4 and w.islower()) >= 3


def _site(piece: str, lowered_page: str) -> bool:
    """A web address read as words: "Www Washingtontimes Com", "Hessenschau De" where the page
    names hessenschau.de."""
    if _ADDRESS.search(piece):
        return True
    words = piece.casefold().split()
    return len(words) >= 2 and len(words[-1]) <= 3 and ".".join(words) in lowered_page


def _folded(names: list[str | None]) -> list[str]:
    """Names folded for comparison, HTML entities read, a leading "The" dropped."""
    return [f for f in (_fold(html_lib.unescape(n)) for n in names if n) if f]


def _fold(text: str) -> str:
    return normalize(text).casefold().removeprefix("the ")
