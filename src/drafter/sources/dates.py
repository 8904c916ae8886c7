"""The date a page or a front matter gives, as YYYY-MM-DD: the one a draft reads the article's
weekdays and "last year" against."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit


def _declared_date(key: str, meta: str) -> re.Pattern[str]:
    """A page's declared date under `key` in JSON-LD, or in a <meta> named `meta` (or `key`)
    with its date before or after the name."""
    names = rf"(?:property|name|itemprop)=[\"'](?:{meta}|{key})[\"']"
    value = r"\b(?:content|value)=[\"']([^\"']{8,40})[\"']"
    return re.compile(
        rf"\"{key}\"\s*:\s*\"([^\"]{{8,40}})\""
        rf"|<meta[^>]+{names}[^>]*{value}|<meta[^>]+{value}[^>]*{names}",
        re.IGNORECASE,
    )


# the date a page declares it was first published: schema.org's datePublished (JSON-LD or
# microdata) or Open Graph's article:published_time, whichever comes first
# in JSON-LD, or a <meta> with `content` or, as some sites write it, `value` (BroadwayWorld's
# itemprop="datePublished" value="2016-10-13…"; its copyright date had been taken instead)
_PUBLISHED = _declared_date("datePublished", "article:published_time")


def publication_date(
    html: str, extracted: str | None, url: str | None = None, text: str = ""
) -> str | None:
    """The extractor's date, unless the page declares a publication date more than a day
    away from it (a time zone apart is the same day told two ways), or its address dates it
    to another month (politico.com/story/2016/10/… read as 2016-04-10: the day and month of
    "10/04/16" taken the European way; its <time datetime> says 2016-10-04). A page rewritten
    since (its `text` tells of years after the first publication) is dated by its update."""
    found = _publication_date(html, extracted, url)
    return _rewritten(html, found, text) if found else found


def _publication_date(html: str, extracted: str | None, url: str | None) -> str | None:
    declared = _declared_published(html)
    if declared is None and extracted is not None:
        extracted = _not_the_update(html, extracted)
        if _a_year_taken_for_a_day(html, extracted):
            extracted = None
    if declared is None or extracted is None:
        return _as_the_address_dates(html, declared or extracted, url)
    apart = abs(date.fromisoformat(declared) - date.fromisoformat(extracted)).days
    return declared if apart > 1 else extracted


_MODIFIED = _declared_date("dateModified", "article:modified_time")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _rewritten(html: str, found: str, text: str) -> str:
    """The page's update date where the page was rewritten since `found`, its first
    publication: the BBC's "What is Nato and which countries are in it?" declares 2012-05-10
    and an update of 2026-04-24 (the date it shows), and its text tells of 2024 and 2026 (the
    lead was told the story was true as of 2012). Two years or more apart, and the text names
    a year after the first publication's next; a correction years later leaves the text's
    years as they were."""
    match = _MODIFIED.search(html)
    modified = normalised_date(next(g for g in match.groups() if g)) if match else None
    if not modified or int(modified[:4]) < int(found[:4]) + 2:
        return found
    later = [
        int(y) for y in _YEAR.findall(text) if int(found[:4]) + 1 < int(y) <= int(modified[:4])
    ]
    return modified if later else found


def _a_year_taken_for_a_day(html: str, found: str) -> bool:
    """Whether a 1 January the page writes nowhere is a year alone read as a date: the
    extractor dated Engadget's April 2020 story 2020-01-01 and Refinery29's December 2016 one
    2022-01-01, from their copyright lines, and every prompt told the model the story was true
    as of that day (no background about the pandemic it reports)."""
    if not found.endswith("-01-01"):
        return False
    year = found[:4]
    text = " ".join(_TAG.sub(" ", html).split())
    written = (
        rf"{year}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{year}|"
        rf"\bJan(?:uary|\.)?\s+1(?:st)?,?\s+{year}|\b1(?:st)?\s+Jan(?:uary|\.)?,?\s+{year}|"
        rf"{year}年\s*1月\s*1日"
    )
    return re.search(written, f"{html}\n{text}", re.IGNORECASE) is None


_URL_MONTH = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])(?=[/-])")
_TIME_DATETIME = re.compile(r"<time\b[^>]*\bdatetime=[\"']([^\"']{8,40})[\"']", re.IGNORECASE)


_UPDATE_LABEL = re.compile(
    r"(?:updated|modified|last edited|revised|aktualisiert|geändert|mis à jour|modifié|"
    r"actualizado|atualizado|aggiornato|bijgewerkt)\W{0,3}$",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")


def _not_the_update(html: str, found: str) -> str:
    """`found`, unless it is the date of a <time> the page labels as its update ("Updated:
    Mar 6, 2018 · Original: Dec 21, 2016", Opposing Views): then the earlier <time> beside it,
    the date it was first published."""
    times = [(m.start(), normalised_date(m.group(1))) for m in _TIME_DATETIME.finditer(html)]
    for start, timed in times:
        if timed != found:
            continue
        before = " ".join(_TAG.sub(" ", html[max(0, start - 600) : start]).split())
        if not _UPDATE_LABEL.search(before):
            continue
        beside = [d for at, d in times if d and d < found and abs(at - start) < 2000]
        if beside:
            return min(beside)
    return found


def _as_the_address_dates(html: str, found: str | None, url: str | None) -> str | None:
    """`found`, or when the page's address dates it to another month, the page's own <time>
    of that month, else `found` with its day and month swapped if that is the month."""
    month = _URL_MONTH.search(urlsplit(url or "").path)
    if found is None or month is None:
        return found
    wanted = f"{month[1]}-{month[2]}"  # YYYY-MM, as an ISO date opens
    if found.startswith(wanted):
        return found
    for value in _TIME_DATETIME.findall(html):
        timed = normalised_date(value)
        if timed and timed.startswith(wanted):
            return timed
    day = date.fromisoformat(found)
    swapped = f"{day.year}-{day.day:02d}"
    return f"{swapped}-{day.month:02d}" if day.day <= 12 and swapped == wanted else found


def _declared_published(html: str) -> str | None:
    """The publication date the page declares, when it declares one. The extractor's date
    may be the last update (Spiceworks' 2020 article dated by its dateModified, 2025-01-07),
    against which the draft would resolve the article's weekdays and 'last year'."""
    for match in _PUBLISHED.finditer(html):
        if _REVIEWED.search(html[max(0, match.start() - 300) : match.start()]):
            continue  # the date of a claim a fact check reviews, not of the fact check
        found = normalised_date(next(g for g in match.groups() if g))
        if found:
            return found
    return None


# AFP's fact check declares the claim it reviews first ("itemReviewed": {"@type": "Claim",
# "datePublished": "2026-05-07"}), then itself (2026-05-13): the prompts were dated by the claim
_REVIEWED = re.compile(r"\"itemReviewed\"\s*:\s*\{[^{}]*$|\"@type\"\s*:\s*\"Claim\"[^{}]*$")


_MONTH_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%B %d %Y", "%b %d %Y",
    "%d %B %Y", "%d %b %Y", "%d %B, %Y", "%d %b, %Y", "%d %b. %Y",
)  # fmt: skip
_NUMERIC_DATE = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
_JAPANESE_DATE = re.compile(r"(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)


def normalised_date(value: Any) -> str | None:
    """`value` as YYYY-MM-DD when it is a date (a YAML date, ISO 8601, 2024/05/01, 2024年5月1日,
    "May 1, 2024", "1 May 2024", an RFC 2822 date); else None.

    The date reaches prompts (system messages included), so only a real date may pass: anything
    else in a front-matter `date` is dropped, the run going on with the date it read the page.
    """
    if isinstance(value, datetime):
        return _in_range(value.date())
    if isinstance(value, date):
        return _in_range(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # an unquoted 20240501
    if not isinstance(value, str):
        return None
    text = " ".join(unicodedata.normalize("NFKC", value).split())
    if not text or len(text) > 64:
        return None
    found = _NUMERIC_DATE.fullmatch(text) or _JAPANESE_DATE.fullmatch(text)
    if found:
        year, month, day = (int(part) for part in found.groups())
        try:
            return _in_range(date(year, month, day))
        except ValueError:
            return None
    try:
        return _in_range(datetime.fromisoformat(text.replace("Z", "+00:00")).date())
    except ValueError:
        pass
    bare = _WEEKDAY.sub("", text)
    for pattern in _MONTH_FORMATS:
        try:
            return _in_range(datetime.strptime(bare, pattern).date())
        except ValueError:
            continue
    from email.utils import parsedate_to_datetime

    try:
        return _in_range(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _in_range(day: date) -> str | None:
    return day.isoformat() if 1900 <= day.year <= 2100 else None
