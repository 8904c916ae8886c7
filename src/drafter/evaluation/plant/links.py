"""Comment ids and URLs a model might write instead of the real ones."""

from __future__ import annotations

import random
import re


def invent_id(old: str, taken: set[str], rng: random.Random) -> str | None:
    """An id shaped like `old` (c07 → c4x style digits, or letters and digits) nobody uses."""
    found = re.fullmatch(r"(?P<p>\D*)(?P<n>\d+)", old)
    for _ in range(200):
        if found:
            width = len(found.group("n"))
            candidate = found.group("p") + str(rng.randrange(10 ** (width - 1) if width > 1 else 1,
                                                              10**width)).zfill(width)  # fmt: skip
        else:
            alphabet = (
                "abcdefghijklmnopqrstuvwxyz0123456789"
                if old.lower() == old
                else ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            )
            candidate = "".join(rng.choice(alphabet) for _ in old)
        if candidate not in taken and candidate != old:
            return candidate
    return None


def url_key(url: str) -> str:
    url = url.strip().lower()
    url = re.sub(r"^https?://", "", url)
    url = re.sub(r"^www\.", "", url)
    url = url.split("#")[0]
    return url.rstrip("/")


def url_slips(url: str) -> list[str]:
    """URLs a model might write for the same page: an id or date in the path off by a little,
    words of the slug dropped or swapped, another path segment."""
    found = re.match(r"(?P<head>https?://[^/]+)(?P<path>/[^?#]*)?(?P<tail>.*)$", url)
    if not found:
        return []
    head, path, tail = found.group("head"), found.group("path") or "/", found.group("tail")
    slips: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        digits = list(re.finditer(r"\d{2,}", segment))
        if digits:
            last = digits[-1]
            value = last.group()
            bumped = value[:-1] + str((int(value[-1]) + 3) % 10)
            swapped = value[:-2] + value[-1] + value[-2] if value[-1] != value[-2] else bumped
            for new in dict.fromkeys((bumped, swapped)):
                changed = segment[: last.start()] + new + segment[last.end() :]
                slips.append(
                    head + "/".join([*segments[:index], changed, *segments[index + 1 :]]) + tail
                )
        elif re.fullmatch(r"(?=.*\d)(?=.*[a-z])[a-z0-9]{5,10}", segment):
            rotated = segment[1:] + segment[0]
            slips.append(
                head + "/".join([*segments[:index], rotated, *segments[index + 1 :]]) + tail
            )
    slugs = [i for i, s in enumerate(segments) if s.count("-") >= 2]
    if slugs:
        index = slugs[-1]
        words = segments[index].split("-")
        dropped = (
            "-".join(words[:-1]) if not words[-1].isdigit() else "-".join(words[:-2] + words[-1:])
        )
        reordered = "-".join([words[1], words[0], *words[2:]])
        for new in (dropped, reordered):
            slips.append(head + "/".join([*segments[:index], new, *segments[index + 1 :]]) + tail)
    if not slips:
        stem = path.rstrip("/")
        slips.append(head + (stem or "") + "/news" + ("/" if path.endswith("/") else "") + tail)
    return [s for s in dict.fromkeys(slips) if s != url]
