"""Secrets and canaries in text: what the output guard refuses and `redact` removes.

Text is folded before it is searched, one character at a time (NFKC, every dash-like character
to "-", invisible characters dropped), so a fullwidth `ｓｋ－…`, a canary written with a non-ASCII
hyphen or split by a zero-width space is found like the plain spelling, and the span found maps
back to the original characters (redaction removes exactly them).

Found: the run's canaries (with their prefix, or as bare hex), OpenAI `sk-…`, AWS access key ids,
GitHub, Google, Slack and JWT-shaped tokens, generic high-entropy tokens (32+ characters mixing
upper case, lower case and digits, outside URLs), and the value of every configured key variable
(`api_key_env` of every role, `google_books_key_env`, `wp_password_env`, whatever its name).
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

CANARY_PREFIX = "DRAFTER-CANARY-"
_CANARIES: set[str] = set()
# Variables whose values are secrets whatever their names: the defaults, and every name a
# loaded configuration points at (remember_settings).
_KEY_NAMES: set[str] = {
    "OPENAI_API_KEY",
    "DRAFTER_API_KEY",
    "GOOGLE_BOOKS_API_KEY",
    "DRAFTER_WP_APP_PASSWORD",
}
_KEY_VALUES: set[str] = set()  # key values in use that may come from no environment variable
_SECRET_SUFFIXES = ("API_KEY", "_SECRET", "_TOKEN", "_PASSWORD")
MIN_SECRET = 8  # a shorter value is no key worth the false positives

_NOT_KEY = r"(?<![A-Za-z0-9])"
_KEYS = re.compile(
    "|".join(
        [
            # OpenAI and look-alikes: `sk-`, at most two short prefixes (proj-, live-), then a
            # long random run; not a hyphenated slug like sk-hynix-posts-record-profit-2024
            _NOT_KEY + r"sk-(?:[A-Za-z0-9]{1,10}-){0,2}(?=[A-Za-z0-9_]*[0-9A-Z]|[A-Za-z0-9_]{16})"
            r"[A-Za-z0-9_]{12,}[A-Za-z0-9_\-]*",
            _NOT_KEY + r"(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[0-9A-Z]{16}"
            r"(?![A-Za-z0-9])",  # AWS access key ids
            _NOT_KEY + r"gh[pousr]_[A-Za-z0-9]{30,}",  # GitHub tokens
            _NOT_KEY + r"github_pat_[A-Za-z0-9_]{20,}",  # GitHub fine-grained tokens
            _NOT_KEY + r"AIza[0-9A-Za-z_\-]{30,}",  # Google API keys
            _NOT_KEY + r"xox[abposer]-[A-Za-z0-9\-]{10,}",  # Slack tokens
            _NOT_KEY + r"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}",  # JWT
        ]
    )
)
_CANARY = re.compile(r"drafter[\s_\-]*canary(?:[\s_\-]*[0-9a-f]{4,})?", re.IGNORECASE)
_TOKEN = re.compile(r"(?<![A-Za-z0-9+/=_\-.%])[A-Za-z0-9+_\-]{32,}={0,2}(?![A-Za-z0-9+/=_\-])")
_URLISH = re.compile(r"(?:[a-z][a-z0-9+.\-]*:/*|www\.)[^\s<>\"'）)\]」]+", re.IGNORECASE)
MIN_ENTROPY = 4.0  # bits per character; random base62 of 32+ characters has about 4.5-5.5
_INVISIBLE = {"\u00ad", "\u034f", "\u061c", "\u180e", "\ufeff"} | {
    chr(c) for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070))
}
_DASHES = {"\u2212", "\u02d7", "\u2043", "\u2796", "\ufe63", "\uff0d"}


def remember_canary(canary: str) -> None:
    _CANARIES.add(canary)


def remember_key_variables(names: Iterable[str | None]) -> None:
    """Redact the values of these environment variables from now on, whatever their names."""
    _KEY_NAMES.update(name for name in names if name)


def remember_secret(value: str | None) -> None:
    """Redact this value from now on (a key in use, wherever it came from)."""
    if value and len(value.strip()) >= MIN_SECRET:
        _KEY_VALUES.add(value)


def remember_settings(settings: Any) -> None:
    """Every key variable a configuration names: api_key_env (and each role's), the Google
    Books key and the WordPress Application Password."""
    roles = getattr(settings, "roles", None) or {}
    remember_key_variables(
        [
            getattr(settings, "api_key_env", None),
            getattr(settings, "google_books_key_env", None),
            getattr(settings, "wp_password_env", None),
            *(getattr(role, "api_key_env", None) for role in roles.values()),
        ]
    )


def _fold_char(char: str) -> str:
    if char in _INVISIBLE:
        return ""
    if char in _DASHES or unicodedata.category(char) == "Pd":
        return "-"
    return unicodedata.normalize("NFKC", char)


def _fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original one."""
    if text.isascii():
        return text, list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        folded = char if char.isascii() else _fold_char(char)
        out.append(folded)
        where.extend([index] * len(folded))
    return "".join(out), where


def entropy(token: str) -> float:
    counts = Counter(token)
    return -sum(n / len(token) * math.log2(n / len(token)) for n in counts.values())


_WORDY = re.compile(r"[a-z]{4,}|[A-Z][a-z]{3,}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
MAX_WORDY = 0.5  # share of characters in word-like runs: camelCase names and slugs have more


def _high_entropy(token: str) -> bool:
    """A random-looking token: 32+ characters mixing upper case, lower case and digits, high
    entropy, few word-like runs (identifiers and slugs have many), not a UUID."""
    core = token.rstrip("=")
    return (
        len(core) >= 32
        and any(c.isupper() for c in core)
        and any(c.islower() for c in core)
        and any(c.isdigit() for c in core)
        and entropy(core) >= MIN_ENTROPY
        and sum(len(m) for m in _WORDY.findall(core)) / len(core) < MAX_WORDY
        and not _UUID.search(core)
    )


def _configured_values() -> set[str]:
    values = set(_KEY_VALUES)
    for name, value in os.environ.items():
        if (
            value
            and len(value.strip()) >= MIN_SECRET
            and (name in _KEY_NAMES or name.endswith(_SECRET_SUFFIXES))
        ):
            values.add(value)
            # WordPress shows Application Passwords in groups of four and accepts them either way
            compact = value.replace(" ", "")
            if compact != value and len(compact) >= MIN_SECRET:
                values.add(compact)
    return values


def secret_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "canary" | "key") of everything secret in `text`, in its own indices."""
    folded, where = _fold(text)
    spans: list[tuple[int, int, str]] = []
    lowered = folded.lower()
    for canary in list(_CANARIES):  # a copy: other threads (a batch) add theirs meanwhile
        for needle in (canary.lower(), canary[len(CANARY_PREFIX) :].lower()):
            start = lowered.find(needle)
            while start >= 0:
                spans.append((start, start + len(needle), "canary"))
                start = lowered.find(needle, start + 1)
    spans += [(m.start(), m.end(), "canary") for m in _CANARY.finditer(folded)]
    for value in _configured_values():
        for needle in {value, "".join(_fold_char(c) for c in value)}:
            start = folded.find(needle)
            while start >= 0:
                spans.append((start, start + len(needle), "key"))
                start = folded.find(needle, start + 1)
    spans += [(m.start(), m.end(), "key") for m in _KEYS.finditer(folded)]
    urls = [m.span() for m in _URLISH.finditer(folded)]
    for m in _TOKEN.finditer(folded):
        if _high_entropy(m.group()) and not any(a <= m.start() < b for a, b in urls):
            spans.append((m.start(), m.end(), "key"))
    if not spans:
        return []
    mapped = sorted((where[a], where[b - 1] + 1, kind) for a, b, kind in spans if b > a)
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in mapped:
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            worst = "canary" if "canary" in (kind, last[2]) else kind
            merged[-1] = (last[0], max(last[1], end), worst)
        else:
            merged.append((start, end, kind))
    return merged


def redact_text(text: str) -> str:
    spans = secret_spans(text)
    for start, end, kind in reversed(spans):
        text = text[:start] + f"[redacted {kind}]" + text[end:]
    return text


def redact_value(value: Any) -> Any:
    """A JSON-like value with every string in it (keys included) redacted."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list | tuple):
        return [redact_value(item) for item in value]
    if isinstance(value, dict):
        return {redact_value(k): redact_value(v) for k, v in value.items()}
    return value


# Query parameters that carry credentials (compared lower-case, without - and _).
_CREDENTIAL_PARAMS = {
    "key",
    "apikey",
    "accesskey",
    "accesstoken",
    "authtoken",
    "token",
    "auth",
    "authorization",
    "password",
    "passwd",
    "pwd",
    "secret",
    "clientsecret",
    "sig",
    "signature",
    "session",
    "sessionid",
    "xamzcredential",
    "xamzsignature",
    "xamzsecuritytoken",
    "xgoogcredential",
    "xgoogsignature",
}


def public_url(url: str) -> str:
    """`url` as it may be recorded or cached: no user:password@, no credential parameters
    (key=, api_key=, token=, …; their values become REDACTED), nothing else secret-looking."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact_text(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if "@" not in parts.netloc and not any(_credential(n, v) for n, v in pairs):
        return redact_text(url)  # nothing to strip: the URL as it was written
    netloc = parts.netloc.rpartition("@")[2]
    query = urlencode([(n, "REDACTED" if _credential(n, v) else v) for n, v in pairs])
    return redact_text(urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment)))


def _credential(name: str, value: str) -> bool:
    """A credential parameter: `api_key=`, `token=` and the like always; a bare `key=` only
    when it holds something secret-looking (`key=AIza…`), since `key=politics` is a section
    name on some news sites and part of the address."""
    plain = re.sub(r"[-_]", "", name.lower())
    if plain not in _CREDENTIAL_PARAMS:
        return False
    if plain != "key":  # api_key=, token=, signature=…: whatever they hold
        return True
    letters = any(c.isalpha() for c in value)
    digits = any(c.isdigit() for c in value)
    return len(value) >= 16 or (len(value) >= 8 and letters and digits)
