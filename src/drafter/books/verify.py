"""Check each proposed book against the catalogs; only catalog-backed books reach the draft.

The catalog, not the model, supplies the canonical title, authors, publisher, date and the
ISBN-13 (check digit validated). A candidate that no catalog matches is recorded with every
lookup that was tried and why it failed. Books published after the article are not eligible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.books.catalogs import Catalog, CatalogError, CatalogRecord
from drafter.books.match import Match, match

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@dataclass
class Lookup:
    catalog: str
    result: str

    def as_dict(self) -> dict[str, str]:
        return {"catalog": self.catalog, "result": self.result}


@dataclass
class Verdict:
    record: CatalogRecord | None
    score: Match | None
    lookups: list[Lookup] = field(default_factory=list)
    unreachable: bool = False  # every catalog failed: the book could not be checked at all

    @property
    def why(self) -> str:
        if self.record is not None:
            return "verified"
        if self.unreachable:
            return "no catalog could be reached"
        return "; ".join(f"{x.catalog}: {x.result}" for x in self.lookups) or "not looked up"


def catalogs_for(title: str, language: str | None, catalogs: dict[str, Catalog]) -> list[Catalog]:
    """NDL first for Japanese books, Google Books and Open Library first for the rest."""
    japanese = (language or "").lower().startswith(("ja", "jpn")) or bool(_JAPANESE.search(title))
    order = ("ndl", "google", "openlibrary") if japanese else ("google", "openlibrary", "ndl")
    return [catalogs[name] for name in order if name in catalogs]


def verify(
    title: str,
    author: str,
    *,
    language: str | None,
    catalogs: dict[str, Catalog],
    before_year: int | None,
) -> Verdict:
    lookups: list[Lookup] = []
    failures = 0
    tried = catalogs_for(title, language, catalogs)
    for catalog in tried:
        try:
            records = catalog.search(title, author)
        except CatalogError as exc:
            failures += 1
            lookups.append(Lookup(catalog.name, f"error: {exc.message}"))
            continue
        best = _best(title, author, records, before_year)
        if best is not None:
            record, score = best
            lookups.append(Lookup(catalog.name, f"matched {record.label()} ({_scores(score)})"))
            return Verdict(record, score, lookups)
        lookups.append(Lookup(catalog.name, _miss(title, author, records, before_year)))
    return Verdict(None, None, lookups, unreachable=bool(tried) and failures == len(tried))


def _scores(score: Match) -> str:
    return f"title {score.title:.0f}, author {score.author:.0f}"


def _best(
    title: str, author: str, records: list[CatalogRecord], before_year: int | None
) -> tuple[CatalogRecord, Match] | None:
    ranked: list[tuple[float, int, CatalogRecord, Match]] = []
    for record in records:
        score = match(title, author, record.title, record.authors)
        if not score.ok:
            continue
        if before_year is not None and record.year is not None and record.year > before_year:
            continue  # published after the article
        ranked.append((score.title + score.author, record.year or 0, record, score))
    if not ranked:
        return None
    ranked.sort(key=lambda r: (r[0], r[1], bool(r[2].isbn13)), reverse=True)
    return ranked[0][2], ranked[0][3]


def _miss(title: str, author: str, records: list[CatalogRecord], before_year: int | None) -> str:
    if not records:
        return "no hit"
    scored = sorted(
        ((match(title, author, r.title, r.authors), r) for r in records),
        key=lambda pair: pair[0].title + pair[0].author,
        reverse=True,
    )
    score, record = scored[0]
    if score.ok and before_year is not None and (record.year or 0) > before_year:
        return f"only an edition published after the article ({record.year})"
    return f"{len(records)} hit(s), closest: {record.label()} ({_scores(score)})"


def record_summary(record: CatalogRecord, score: Match | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "catalog": record.catalog,
        "url": record.url,
        "title": record.title,
        "authors": record.authors,
        "publisher": record.publisher,
        "date": record.date,
        "isbn13": record.isbn13,
    }
    if score is not None:
        data["match"] = {"title": round(score.title, 1), "author": round(score.author, 1)}
    return data
