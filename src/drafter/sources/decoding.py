"""A page's bytes as text, in the encoding the page is written in: a byte-order mark, else the
charset the server declared, else UTF-8 when the bytes are UTF-8, else the charset the page
declares in a <meta> tag (a saved page in ISO-8859-1 had every ä read as U+FFFD), else
Windows-1252, which browsers take for an undeclared Western page."""

from __future__ import annotations

import codecs
import re

# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">,
# looked for in the first bytes, as a browser's prescan does
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_PRESCAN = 4096
# the WHATWG Encoding Standard reads Latin-1 and ASCII as windows-1252, a superset of each
# (by the names `codecs` gives them: latin-1, l1, cp819 are all iso8859-1)
_AS_1252 = {"iso8859-1", "ascii"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


def text_encoding(name: str | None) -> str | None:
    """`name` when it is a codec that decodes bytes to text; None for unknown names and for
    codecs such as rot13 or base64 that a page may declare but `bytes.decode` refuses."""
    if not name:
        return None
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def decode_page(raw: bytes, declared: str | None = None) -> str:
    """The page's text. `declared` is the charset of the server's Content-Type, if it gave one;
    a saved file has none. Bytes that do not fit the chosen encoding become U+FFFD."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name, errors="replace")
    chosen = _whatwg(text_encoding(declared))
    if chosen is None:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        found = _META_CHARSET.search(raw[:_PRESCAN])
        meta = text_encoding(found.group(1).decode("ascii")) if found else None
        # a page that says UTF-8 but is not: its bytes are some legacy encoding after all
        chosen = _whatwg(meta) if meta not in (None, "utf-8", "utf-16") else None
    return raw.decode(chosen or "cp1252", errors="replace")


def _whatwg(name: str | None) -> str | None:
    """A codec name from `text_encoding`, as a browser decodes it."""
    return "cp1252" if name in _AS_1252 else name
