"""Library catalogs: NDL Search (Japanese books), Google Books and Open Library (the rest).

Every request goes through drafter's fetch stack (address guard, deadline, size cap), is cached
on disk (catalog records are stable), is retried on 429/5xx with Retry-After honoured, and waits
`interval` seconds after the previous request to the same catalog (polite rate limit). Base URLs
are configurable for mirrors, institutional proxies and tests.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from drafter.books import isbn as isbn_tools
from drafter.errors import FetchError, SourceError
from drafter.leaks import public_url
from drafter.sources.http import JSON_TYPES, Fetcher

XML_TYPES = ("application/rss+xml", "application/xml", "text/xml", "application/atom+xml")
_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcndl": "http://ndl.go.jp/dcndl/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
}


class CatalogError(SourceError):
    """A catalog could not be reached or sent something unreadable."""


@dataclass
class CatalogRecord:
    catalog: str
    title: str
    authors: list[str]
    publisher: str | None = None
    date: str | None = None
    year: int | None = None
    isbn13: str | None = None
    language: str | None = None
    url: str | None = None
    description: str | None = None  # the catalog's own summary of the book, when it has one

    def label(self) -> str:
        parts = [self.title, " / ".join(self.authors), self.publisher or "", str(self.year or "")]
        return ", ".join(p for p in parts if p)


def year_of(text: str | None) -> int | None:
    """The first plausible year in a catalog date (2024.3, [2022.9], 2022-05-10) or an ISO date."""
    match = re.search(r"(1[5-9]\d\d|20\d\d)", text or "")
    return int(match.group(1)) if match else None


# Last request time per catalog endpoint, shared by every Catalog in the process.
_PACE: dict[str, tuple[threading.Lock, list[float]]] = {}
_PACE_LOCK = threading.Lock()


@dataclass
class Catalog:
    """Shared plumbing: polite pacing, retries, cache, errors."""

    name: str
    base_url: str
    fetcher: Fetcher
    interval: float = 1.0
    retries: int = 2

    def _get(self, params: dict[str, Any], content_types: tuple[str, ...]) -> str:
        url = f"{self.base_url}?{urlencode(params)}"
        try:
            page = self.fetcher.get(
                url,
                accept=",".join(content_types),
                content_types=content_types,
                what=f"{self.name} answer",
                retries=self.retries,
                pace=self._pace,
            )
        except FetchError as exc:
            # The request URL may carry the catalog's key (Google Books): never recorded.
            said = exc.message.replace(url, public_url(url))
            raise CatalogError(f"{self.name} could not be reached: {said}") from exc
        return page.text()

    def _pace(self) -> None:
        """Wait until `interval` seconds have passed since this catalog's last request, from
        any run in the process (a batch drafts several articles at once)."""
        with _PACE_LOCK:
            lock, last = _PACE.setdefault(self.base_url, (threading.Lock(), [0.0]))
        with lock:
            pause = last[0] + self.interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            last[0] = time.monotonic()

    def search(self, title: str, author: str) -> list[CatalogRecord]:
        raise NotImplementedError

    def keywords(self, words: list[str], limit: int = 10) -> list[CatalogRecord]:
        raise NotImplementedError


class NdlSearch(Catalog):
    """国立国会図書館サーチ OpenSearch (RSS 2.0 with dc/dcterms/dcndl elements), no key."""

    def search(self, title: str, author: str) -> list[CatalogRecord]:
        params = {"title": title, "cnt": 20}
        surname = author.replace("\u3000", " ").split()[0] if author.strip() else ""
        found = self._parse(self._get({**params, "creator": surname}, XML_TYPES)) if surname else []
        return found or self._parse(self._get(params, XML_TYPES))

    def keywords(self, words: list[str], limit: int = 10) -> list[CatalogRecord]:
        return self._parse(self._get({"any": " ".join(words), "cnt": limit}, XML_TYPES))

    def _parse(self, xml: str) -> list[CatalogRecord]:
        from defusedxml import ElementTree  # type: ignore[import-untyped]
        from defusedxml.common import DefusedXmlException  # type: ignore[import-untyped]

        try:
            root = ElementTree.fromstring(xml.encode("utf-8"))
        except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
            raise CatalogError(f"{self.name} sent a malformed answer ({exc}).") from exc
        records = []
        for item in root.iter("item"):
            categories = [c.text or "" for c in item.findall("category")]
            if categories and "図書" not in categories:
                continue  # articles, maps, audio…
            title = item.findtext("dc:title", namespaces=_NS) or item.findtext("title") or ""
            creators = [c.text.strip() for c in item.findall("dc:creator", _NS) if c.text]
            isbns = [
                isbn_tools.normalize(i.text)
                for i in item.findall("dc:identifier", _NS)
                if i.text and "ISBN" in (i.get(f"{{{_NS['xsi']}}}type") or "")
            ]
            issued = item.findtext("dcterms:issued", namespaces=_NS) or item.findtext(
                "dc:date", namespaces=_NS
            )
            if not title.strip():
                continue
            records.append(
                CatalogRecord(
                    catalog=self.name,
                    title=title.strip(),
                    authors=creators or [a.strip() for a in [item.findtext("author") or ""] if a],
                    publisher=(item.findtext("dc:publisher", namespaces=_NS) or "").strip() or None,
                    date=issued,
                    year=year_of(issued),
                    isbn13=next((i for i in isbns if i), None),
                    language=(item.findtext("dc:language", namespaces=_NS) or "jpn").strip(),
                    url=(item.findtext("link") or item.findtext("guid") or "").strip() or None,
                )
            )
        return records


@dataclass
class GoogleBooks(Catalog):
    """Google Books API v1 volumes search; the key (optional) comes from the environment."""

    api_key: str | None = None

    def search(self, title: str, author: str) -> list[CatalogRecord]:
        query = f'intitle:"{title}"' + (f' inauthor:"{author}"' if author.strip() else "")
        return self._query(query, 10)

    def keywords(self, words: list[str], limit: int = 10) -> list[CatalogRecord]:
        return self._query(" ".join(words), limit)

    def _query(self, query: str, limit: int) -> list[CatalogRecord]:
        params: dict[str, Any] = {"q": query, "maxResults": limit, "printType": "books"}
        if self.api_key:
            params["key"] = self.api_key
        data = _json(self._get(params, JSON_TYPES), self.name)
        records = []
        for item in data.get("items") or []:
            info = item.get("volumeInfo") if isinstance(item, dict) else None
            if not isinstance(info, dict) or not info.get("title"):
                continue
            ids = {
                str(i.get("type")): str(i.get("identifier"))
                for i in info.get("industryIdentifiers") or []
                if isinstance(i, dict)
            }
            isbn13 = isbn_tools.normalize(ids.get("ISBN_13")) or isbn_tools.normalize(
                ids.get("ISBN_10")
            )
            title = str(info["title"])
            if info.get("subtitle"):
                title = f"{title}: {info['subtitle']}"
            records.append(
                CatalogRecord(
                    catalog=self.name,
                    title=title,
                    authors=[str(a) for a in info.get("authors") or []],
                    publisher=info.get("publisher"),
                    date=info.get("publishedDate"),
                    year=year_of(info.get("publishedDate")),
                    isbn13=isbn13,
                    language=info.get("language"),
                    url=info.get("infoLink") or info.get("canonicalVolumeLink"),
                    description=str(info.get("description") or "") or None,
                )
            )
        return records


class OpenLibrary(Catalog):
    """Open Library search.json."""

    FIELDS = (
        "key,title,subtitle,author_name,publisher,first_publish_year,publish_date,isbn,language"
    )

    def search(self, title: str, author: str) -> list[CatalogRecord]:
        params = {"title": title, "limit": 10, "fields": self.FIELDS}
        if author.strip():
            params["author"] = author
        return self._records(params)

    def keywords(self, words: list[str], limit: int = 10) -> list[CatalogRecord]:
        return self._records({"q": " ".join(words), "limit": limit, "fields": self.FIELDS})

    def _records(self, params: dict[str, Any]) -> list[CatalogRecord]:
        data = _json(self._get(params, JSON_TYPES), self.name)
        records = []
        for doc in data.get("docs") or []:
            if not isinstance(doc, dict) or not doc.get("title"):
                continue
            isbns = [isbn_tools.normalize(str(i)) for i in doc.get("isbn") or []]
            title = str(doc["title"])
            if doc.get("subtitle"):
                title = f"{title}: {doc['subtitle']}"
            year = doc.get("first_publish_year")
            key = doc.get("key")
            records.append(
                CatalogRecord(
                    catalog=self.name,
                    title=title,
                    authors=[str(a) for a in doc.get("author_name") or []],
                    publisher=(doc.get("publisher") or [None])[0],
                    date=str(year) if year else None,
                    year=int(year) if isinstance(year, int) else year_of(str(year or "")),
                    isbn13=next((i for i in isbns if i), None),
                    language=(doc.get("language") or [None])[0],
                    url=f"https://openlibrary.org{key}" if key else None,
                )
            )
        return records


def _json(text: str, name: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{name} sent malformed JSON ({exc.msg}).") from exc
    if not isinstance(data, dict):
        raise CatalogError(f"{name} sent an unexpected answer (not a JSON object).")
    return data
