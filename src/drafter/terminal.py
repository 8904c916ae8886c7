"""Text bound for a terminal. Titles, comments, page text and model output are untrusted: an
escape sequence in them could recolour or clear the screen, retitle the window, rewrite the
clipboard (OSC 52) or hide a line behind a carriage return. Everything the CLI prints from them
passes through `printable` (plain text) or `printable_json` (JSON)."""

from __future__ import annotations

import re

# ESC- and 8-bit C1-introduced sequences, whole: CSI (ESC [ / 0x9b) up to its final byte; OSC,
# DCS, SOS, PM and APC strings (ESC ] P X ^ _ / 0x9d 0x90 0x98 0x9e 0x9f) up to BEL or ST (or
# the end of the text, when unterminated); any other two-character ESC sequence.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x7e]?"
)
# Whatever control character is left: C0 but tab and newline, DEL, C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNESCAPED = re.compile(r"[\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` without terminal escape sequences or control characters (tab and newline kept)."""
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def printable_json(text: str) -> str:
    """JSON text with DEL and C1 characters written as \\u escapes (JSON already escapes C0):
    the same data for a JSON reader, no control byte for a terminal. They can only occur inside
    strings, where the escape is equivalent."""
    return _JSON_UNESCAPED.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
