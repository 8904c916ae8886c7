"""Loopback stand-ins for NDL Search, Google Books and Open Library, answering in each API's
real format (fixtures in tests/fixtures/catalogs, written from the APIs' documentation)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

FIXTURES = Path(__file__).parent / "fixtures" / "catalogs"

# (path prefix, words in the query, fixture file): first match wins.
ROUTES: list[tuple[str, str, str]] = [
    ("/ndl/", "資源と地政学", "ndl_hit.xml"),
    ("/ndl/", "資源外交", "ndl_hit.xml"),
    ("/ndl/", "リチウム経済入門", "ndl_editor.xml"),
    ("/ndl/", "海峡の経済学", "ndl_katakana_author.xml"),
    ("/ndl/", "壊れた", "ndl_malformed.xml"),
    ("/ndl/", "", "ndl_empty.xml"),
    ("/google/", "Lithium Wars", "google_hit.json"),
    ("/google/", "", "google_empty.json"),
    ("/openlibrary/", "Ports and Power", "openlibrary_hit.json"),
    ("/openlibrary/", "", "openlibrary_empty.json"),
]
NDL_ITEM = """    <item>
      <title>{title}</title>
      <link>https://ndlsearch.ndl.go.jp/books/R100000002-I{n:09d}</link>
      <category>図書</category>
      <dc:title>{title}</dc:title>
      <dc:creator>{creator}</dc:creator>
      <dc:publisher>{publisher}</dc:publisher>
      <dcterms:issued>{year}</dcterms:issued>
      <dc:identifier xsi:type="dcndl:ISBN">{isbn}</dc:identifier>
      <dc:description>索引あり</dc:description>
    </item>
"""


def isbn13(twelve: str) -> str:
    """A checksum-valid ISBN-13 from its first 12 digits."""
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(twelve))
    return twelve + str((10 - total % 10) % 10)


def ndl_rss(books: list[tuple[str, str, int]]) -> bytes:
    """An NDL Search OpenSearch answer holding these (title, creator, year) books, each with a
    publisher and a valid ISBN, in the order given."""
    items = "".join(
        NDL_ITEM.format(
            n=n,
            title=escape(title),
            creator=escape(creator),
            publisher="試験書房",
            year=year,
            isbn=isbn13(f"978490981{n:03d}"),
        )
        for n, (title, creator, year) in enumerate(books, 100)
    )
    head = (FIXTURES / "ndl_empty.xml").read_text(encoding="utf-8").split("</channel>")[0]
    return f"{head}{items}  </channel>\n</rss>\n".encode()


Override = Callable[[str, dict[str, list[str]], int], tuple[int, dict[str, str], bytes] | None]


class CatalogServer:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.queries: list[tuple[str, dict[str, list[str]]]] = []
        self.override: Override | None = None
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlparse(self.path)
                query = parse_qs(parts.query)
                prefix = "/" + parts.path.strip("/").split("/")[0] + "/"
                with owner._lock:
                    owner.hits[prefix] += 1
                    count = owner.hits[prefix]
                    owner.queries.append((prefix, query))
                if owner.override is not None:
                    answer = owner.override(prefix, query, count)
                    if answer is not None:
                        status, headers, body = answer
                        self._send(status, body, headers)
                        return
                text = " ".join(v for values in query.values() for v in values)
                for route, words, name in ROUTES:
                    if prefix == route and words in text:
                        kind = (
                            "application/rss+xml" if name.endswith(".xml") else "application/json"
                        )
                        self._send(200, (FIXTURES / name).read_bytes(), {"content-type": kind})
                        return
                self._send(404, b"no route", {"content-type": "text/plain"})

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def env(self) -> dict[str, str]:
        return {
            "DRAFTER_NDL_BASE": f"{self.url}/ndl/api/opensearch",
            "DRAFTER_GOOGLE_BOOKS_BASE": f"{self.url}/google/books/v1/volumes",
            "DRAFTER_OPENLIBRARY_BASE": f"{self.url}/openlibrary/search.json",
            "DRAFTER_CATALOG_INTERVAL": "0",
        }

    def reset(self) -> None:
        self.hits.clear()
        self.queries.clear()
        self.override = None

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
