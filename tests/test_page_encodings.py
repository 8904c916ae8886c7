"""Pages in legacy encodings read as their readers see them: a saved page has no HTTP header, so
its <meta> charset (or its bytes) decides; a served page's header wins over its <meta>."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.sources.article import read_article_file
from drafter.sources.decoding import decode_page
from tests.loopback import Loopback, respond

# invented text, long enough to be drafted from
GERMAN = (
    "Die Milchbauern in Kelmar prüfen neue Sensoren für den Kuhstall. Größere Betriebe "
    "melden, dass die Geräte Krankheiten früher erkennen als das geschulte Auge. Die "
    "Genossenschaft will im Frühjahr über Zuschüsse für kleinere Höfe entscheiden. Kritiker "
    "fürchten höhere Kosten und mehr Abhängigkeit von den Herstellern der Technik. "
) * 3
TITLE = "Sensoren im Kuhstall: Bauern prüfen Neuheiten"


def _page(meta: str) -> str:
    return (
        f"<html><head>{meta}<title>{TITLE}</title></head>"
        f"<body><article><h1>{TITLE}</h1><p>{GERMAN}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    "meta",
    [
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" />',
        '<meta charset="windows-1252">',
        "",  # no declaration: not UTF-8, read as Windows-1252 as a browser does
    ],
)
def test_a_saved_page_in_latin_1_keeps_its_umlauts(tmp_path: Path, meta: str) -> None:
    """Round AY (landwirt.com, ISO-8859-1): every ä and ü of the saved page read as U+FFFD."""
    saved = tmp_path / "kuhstall.html"
    saved.write_bytes(_page(meta).encode("iso-8859-1"))
    article = read_article_file(saved)
    assert "\ufffd" not in article.text and "prüfen neue Sensoren" in article.text
    assert "Größere" in article.text


def test_a_saved_utf8_page_is_utf8_whatever_its_meta_says(tmp_path: Path) -> None:
    """A page re-saved as UTF-8 keeps its old <meta charset=iso-8859-1>: its bytes decide."""
    saved = tmp_path / "resaved.html"
    saved.write_bytes(_page('<meta charset="iso-8859-1">').encode("utf-8"))
    assert "prüfen neue Sensoren" in read_article_file(saved).text


def test_the_decoder_takes_a_bom_then_the_header_then_the_bytes() -> None:
    latin = "Größe".encode("iso-8859-1")
    assert decode_page(latin) == "Größe"  # not UTF-8: Windows-1252
    assert decode_page("Größe".encode()) == "Größe"
    assert decode_page(b"\xef\xbb\xbf" + "Größe".encode()) == "Größe"
    assert decode_page("Größe".encode("utf-16")) == "Größe"
    # the server's header wins, even over bytes that would decode as UTF-8
    assert decode_page("Größe".encode(), "iso-8859-1") == "GrÃ¶ÃŸe"  # as Windows-1252
    meta = b'<meta charset="koi8-r">' + "Привет".encode("koi8-r")
    assert decode_page(meta).endswith("Привет")
    assert decode_page(b'<meta charset="rot13">' + latin).endswith("Größe")  # no text codec


def _served(content_type: str) -> Any:
    body = _page('<meta charset="iso-8859-1">').encode("iso-8859-1")

    def route(handler: BaseHTTPRequestHandler) -> None:
        respond(handler, 200, body, content_type=content_type)

    return route


@pytest.fixture
def server() -> Iterator[Loopback]:
    routes = {"/plain": _served("text/html"), "/latin": _served("text/html; charset=latin-1")}
    with Loopback(routes) as site:
        yield site


@pytest.mark.parametrize("path", ["/plain", "/latin"])
def test_a_served_latin_1_page_keeps_its_umlauts(server: Loopback, path: str) -> None:
    """A server that names no charset leaves it to the page's <meta>; httpx would say UTF-8."""
    result = CliRunner().invoke(
        app, ["fetch", f"{server.url}{path}", "--allow-private-hosts", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert "prüfen neue Sensoren" in result.stdout and "\\ufffd" not in result.stdout
