"""A page's headline and site name where the extractor's fall short: the masthead taken for the
headline ("POLITICO Politico Logo", "Bloomberg": pages that write og:title with a `value`
attribute instead of `content` leave the extractor only that), a section or the brand after it
("… - National", "… | WIRED"), and a site named by a handle or an address."""

from __future__ import annotations

import html as html_lib
import json
import re
from urllib.parse import urlsplit

from drafter.lang.text import unaccented

# og:title or twitter:title, with `content` or `value`, the attributes either way round
_META_TITLE = re.compile(
    r"<meta\b(?=[^>]*\b(?:property|name)=[\"'](?:og:title|twitter:title)[\"'])"
    r"[^>]*\b(?:content|value)=[\"']([^\"']{8,300})[\"']",
    re.IGNORECASE,
)
# og:site_name or application-name, either attribute
_META_SITE = re.compile(
    r"<meta\b(?=[^>]*\b(?:property|name)=[\"'](?:og:site_name|application-name)[\"'])"
    r"[^>]*\b(?:content|value)=[\"']([^\"']{2,60})[\"']",
    re.IGNORECASE,
)
_TITLE_TAG = re.compile(r"<title[^>]*>([^<]{8,300})</title>", re.IGNORECASE)
# (a brand may hold a hyphen of its own: "… | Börsen-Zeitung", not one set off by spaces)
_BRAND_SUFFIX = re.compile(r"\s+[-|–—:]\s+(?:(?!\s[-|–—:]\s)[^|–—:]){2,40}$")
# a name that is an address ("https://www.hawaiinewsnow.com", "www.x.com"), not a brand
URL_LIKE = re.compile(r"(?i)^(?:https?:)?//|^www\.")


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)


def unescaped(text: str) -> str:
    """A page's title as its reader sees it: a page that escapes its og:title twice or three
    times ("Sean Penn &amp;amp;#039;proposes…") leaves the extractor "&#039;" in the text."""
    for _ in range(3):
        if not _ENTITY.search(text):
            break
        text = html_lib.unescape(text)
    return text


def headline(html: str, title: str, site_name: str | None, url: str | None) -> str:
    """`title`, unless it is the site's name or logo and the page gives a headline."""
    # a saved page that gives neither a site name nor an address: the site is named where
    # its <title> ends ("Headline - HARBORWIRE")
    if not site_name and not url:
        tails = [m.group(0) for t in _TITLE_TAG.findall(html) if (m := _BRAND_SUFFIX.search(t))]
        site_name = " ".join(tails)
    if not _brand_only(title, site_name, url) and not _apart(title, html):
        return _with_its_quotes(title, html)
    for candidate in _declared(html):
        if candidate and not _brand_only(candidate, site_name, url):
            return candidate
    return title


# the headline the reader sees: the page's <h1>, or the headline its JSON-LD gives first
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_LD_HEADLINE = re.compile(r"\"headline\"\s*:\s*\"((?:[^\"\\]|\\.){20,300})\"")
_TAG = re.compile(r"<[^>]+>")
_SHOWN_CHARS = 20  # shorter ones are a kicker or a section's name, not the story's headline
# what sets a search engine's additions off the headline ("Topic: Headline", "Headline -
# Section", "Headline｜日刊ゲンダイDIGITAL")
_SET_OFF_AFTER = re.compile(r"^\s*(?:[-|–—:*/｜：]|--)")
_SET_OFF_BEFORE = re.compile(r"(?:[-|–—:*/｜：]|--)\s*$")
# a label that says what kind of piece it is: the draft should know an opinion is one
_OPINION = re.compile(
    r"(?i)\b(?:opinion|column|editorial|analysis|commentary|comment|op-ed|review|kommentar|"
    r"meinung|gastbeitrag|leitartikel|tribune|éditorial|chronique|opinión|editoriale|commento)\b"
    r"|社説|コラム|論説|オピニオン"
)


def shown_headline(title: str, html: str, site_name: str | None) -> str:
    """The headline the page shows, where the extractor's title adds what the page's <title>
    adds for search engines after it, set off by a dash, a bar or a colon: a section ("…
    schools - National", "… | Bhopal News - The Times of India"), a date ("… | DW |
    28.04.2023"). Before it, only the site's name goes ("LinkNaija | …: Nollywood Actress…"):
    a topic or a kicker there ("Nach Gaetz-Rückzug: …") tells the story's context and stays. A label
    that says the piece is an opinion ("Opinion | …", "… | Editorial") is kept: the draft must
    not present one as news."""
    folded = " ".join(title.split())
    shown = [" ".join(unescaped(_TAG.sub("", h)).split()) for h in _H1.findall(html)]
    if folded in shown:
        return title  # the page shows the title as it is (a shorter headline is a teaser's)
    if not shown:
        shown = [" ".join(unescaped(_json_text(h)).split()) for h in _LD_HEADLINE.findall(html)[:1]]
    for candidate in shown:
        at = folded.find(candidate)
        if len(candidate) < _SHOWN_CHARS or len(candidate) >= len(folded) or at < 0:
            continue
        before, after = folded[:at], folded[at + len(candidate) :]
        if (before and not _SET_OFF_BEFORE.search(before)) or (
            after and not _SET_OFF_AFTER.match(after)
        ):
            continue  # "…787 jets, will restart plans…": the headline goes on
        if _OPINION.search(before + after):
            continue
        if before and not (site_name and site_name.casefold() in before.casefold()):
            return before + candidate  # the topic before it stays, the section after it goes
        return candidate
    return title


def _json_text(text: str) -> str:
    try:
        return str(json.loads(f'"{text}"'))
    except ValueError:
        return text


def _declared(html: str) -> list[str]:
    """The headlines the page declares (og:title and the like, then <title>), unescaped, on one
    line, without the site's name after them."""
    return [
        _BRAND_SUFFIX.sub("", " ".join(html_lib.unescape(found).split()))
        for found in [*_META_TITLE.findall(html), *_TITLE_TAG.findall(html)]
    ]


_QUOTES_ONLY = re.compile(r"[‘’“”\"'«»]")
_QUOTE_MARKS = re.compile(rf"{_QUOTES_ONLY.pattern}|\s")


def _with_its_quotes(title: str, html: str) -> str:
    """The page's own headline where the extractor's is it with its quotation marks dropped
    ("‘Fantastic Beasts’: A Nice Place to Visit" had come out "Fantastic Beasts : A Nice …")."""
    bare = _QUOTE_MARKS.sub("", title)
    for candidate in _declared(html):
        if _QUOTE_MARKS.sub("", candidate) == bare and len(_QUOTES_ONLY.findall(candidate)) > len(
            _QUOTES_ONLY.findall(title)
        ):
            return candidate  # only marks the extractor dropped, never its own kind swapped
    return title


def _apart(title: str, html: str) -> bool:
    """Whether the page declares a headline (og:title, twitter:title) and neither it nor any
    <title> shares a word with the extractor's title: a sidebar's heading taken for the story's
    ("Follow us on Twitter" above Politico's newsletter, "Latest in Gear" on Engadget)."""
    meta = _META_TITLE.findall(html)
    words = _words(title)
    if not meta or not words:
        return False
    return not any(words & _words(found) for found in [*meta, *_TITLE_TAG.findall(html)])


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]{3,}", html_lib.unescape(text).casefold()))


def without_brand(title: str, site_name: str | None, url: str | None) -> str:
    """The headline without the site's name after it ("How Butterflies Get Their Shine |
    WIRED", "… - Telegraph"): the headline agent and the 出典 line want the story's title."""
    if site_name:  # "…커졌다-정치ㅣ한국일보": a section and the site after a bar, unspaced
        bare = re.sub(rf"(?:-[^\s-]{{1,8}})?\s*[ㅣ｜|]\s*{re.escape(site_name)}$", "", title)
        if bare != title and len(bare) >= 8:
            return bare
    split = _brand_tail(title)
    if split is None:
        return title
    rest, name = split
    site = (site_name or "").casefold()
    if len(rest) >= 8 and (name.casefold() == site or _names_host(name, _host_labels(url))):
        return rest
    return title


def site_brand(html: str, url: str | None) -> str | None:
    """The site's own name when the extractor found none: og:site_name written with `value=`,
    or the brand a <title> ends with ("… - Gothamist", "… | Reuters"), either one only when its
    letters are the address's ("CNNMoney" on money.cnn.com, "Sports Illustrated" on si.com; not
    Reuters' "U.S."). Else None: the caller falls back to the host."""
    labels = _host_labels(url)
    found = [" ".join(html_lib.unescape(name).split()) for name in _META_SITE.findall(html)]
    for title in _TITLE_TAG.findall(html):
        split = _brand_tail(" ".join(html_lib.unescape(title).split()))
        if split is not None:
            found.append(split[1])
    for name in found:
        if name and not URL_LIKE.match(name) and _names_host(name, labels):
            return name
    return None


def _brand_tail(title: str) -> tuple[str, str] | None:
    """(the headline, the name after it) of "Headline | Brand", or None without such a tail."""
    tail = _BRAND_SUFFIX.search(title)
    if tail is None:
        return None
    return title[: tail.start()].strip(), re.sub(r"^\s*[-|–—:]\s*", "", tail.group(0)).strip()


def _host_labels(url: str | None) -> list[str]:
    labels = (urlsplit(url or "").hostname or "").casefold().split(".")[:-1]
    kept = [label for label in labels if len(label) >= 2 and label not in _NOT_A_BRAND]
    return [re.sub(r"[^a-z0-9]", "", label) for label in kept]


_NOT_A_BRAND = frozenset({"www", "com", "co", "org", "net", "go", "ac", "gov", "edu", "m", "amp"})


def _names_host(name: str, labels: list[str]) -> bool:
    """Whether a brand's letters are the address's: a label inside them (NPR.org, The Motley
    Fool on fool.com), or its letters in order from the first (Quartz on qz.com, Sports
    Illustrated's initials on si.com)."""
    folded = unaccented(name)  # "Seznam Zprávy" on seznamzpravy.cz
    letters = re.sub(r"[^a-z0-9]", "", folded)
    initials = "".join(word[0] for word in re.findall(r"[a-z0-9]+", folded))
    for label in labels:
        if (len(label) >= 3 and label in letters) or label in (letters, initials):
            return True
        if letters[:1] == label[:1] and _in_order(label, letters):
            return True
    return False


def _in_order(short: str, long: str) -> bool:
    rest = iter(long)
    return all(letter in rest for letter in short)


def _brand_only(title: str, site_name: str | None, url: str | None) -> bool:
    """Whether every word of the title is the site's name or a logo's word."""
    words = re.findall(r"[a-z0-9]+", title.casefold())
    host = (urlsplit(url or "").hostname or "").casefold()
    brand = set(re.findall(r"[a-z0-9]+", f"{site_name or ''} {host}".casefold()))
    brand |= {"logo", "home", "www", "com", "the", "news", "homepage"}
    return bool(words) and len(words) <= 4 and set(words) <= brand


def a_handle(name: str, html: str) -> bool:
    """Whether the extractor's site name is the page's Twitter handle (@reuters_co_uk)."""
    handles = re.findall(r"(?i)twitter:site[\"'][^>]*?content=[\"']@?([\w]+)", html)
    handles += re.findall(r"(?i)content=[\"']@?([\w]+)[\"'][^>]*twitter:site", html)
    return " " not in name and name.casefold() in {h.casefold() for h in handles}


def handle_of(handle: str, brand: str) -> bool:
    """Whether a handle is an account of the brand, not its name: "Reuters_Co_Uk" or
    "ReutersIndia" for Reuters, "Ottawacitizen" for Ottawa Citizen (a handle that is the name
    as written, "Engadget", "9To5Mac", stays)."""
    squashed = re.sub(r"\W", "", brand).casefold()
    if handle.casefold() == squashed and " " not in handle and " " in brand.strip():
        return True  # the address's label run together ("Ottawacitizen"): the brand spaces it
    return "_" in handle or (handle.casefold().startswith(squashed) and len(squashed) < len(handle))


# a company's legal form after its name: the publisher ("Ediciones EL PAÍS S.L."), not the outlet
_LEGAL_FORM = re.compile(
    r"(?i)[\s,]+(?:s\.?\s?l\.?|s\.?\s?a\.?|ltd\.?|limited|inc\.?|gmbh|ag|llc|plc|pty\.?(?:\s+ltd\.?)?|"
    r"corp\.?|b\.?v\.?|n\.?v\.?|s\.?p\.?a\.?|s\.?r\.?l\.?|srl|oy|ab|as|a/s)$"
)


def outlet_name(name: str, html: str, url: str | None) -> str:
    """The outlet a site name gives: the part of a tagline that names the address ("Breaking
    Australian and World News Headlines - 9News" on 9news.com.au), or for a publisher's
    company ("Ediciones EL PAÍS S.L.") the page's own brand (og:site_name "El País")."""
    labels = _host_labels(url)
    parts = [p.strip() for p in re.split(r"\s+[-|–—]\s+", name) if p.strip()]
    if len(parts) > 1:
        named = [p for p in parts if _names_host(p, labels)]
        if len(named) == 1:
            return named[0]
    if _LEGAL_FORM.search(name):
        brand = site_brand(html, url)
        if brand and not _LEGAL_FORM.search(brand):
            return brand
    return name
