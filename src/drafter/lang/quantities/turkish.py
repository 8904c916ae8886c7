"""Turkish figures as the English reader knows them: "11 bin 37" is 11037 and "2 milyon 300
bin" 2300000 (Turkish names each scale, as Korean spaces them), "yüzde 5,7'den" and "%5,7" are
5,7 percent (the decimal comma is read after), and the case ending after an apostrophe
("10 bin 324'e", "Şubat'ta") is no part of the figure or the month; "13.37" is a time."""

from __future__ import annotations

import re

_SCALES = {"milyar": 10**9, "milyon": 10**6, "bin": 10**3}
_PART = r"\d+\s+(?:milyar|milyon|bin)"
# two or more parts in a row, the last perhaps a bare remainder: "11 bin 37", "208 bin 6"
_COMPOUND = re.compile(
    rf"(?<![\d.,])({_PART}(?:\s+{_PART})*)(?:\s+(\d{{1,3}}))?(?![\d.,])", re.IGNORECASE
)
_SUFFIX = re.compile(r"(?<=[\d%])['’][a-zçğıöşü]+", re.IGNORECASE)
_MONTH_SUFFIX = re.compile(
    r"\b(ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık)"
    r"['’][a-zçğıöşü]+",
    re.IGNORECASE,
)


def turkish_figures(text: str) -> str:
    """The text with its figures joined and its case endings dropped."""
    text = _SUFFIX.sub("", text)
    text = _MONTH_SUFFIX.sub(r"\1", text)
    # a time with a point ("13.37'de çıktı": at 13:37), which a decimal comma never writes
    text = re.sub(r"(?<![\d.,])([01]?\d|2[0-3])\.([0-5]\d)(?![\d.,]?\d)", r"\1:\2", text)
    # a half: "yarım saatlik çalışma" (half an hour's work), "2 buçuk yıl" (two and a half)
    text = re.sub(r"(?i)\byarım\s+saat\w*", "30 minutes", text)
    text = re.sub(r"(?i)(?<![\d,])(\d+)\s+buçuk\b", r"\1,5", text)
    text = re.sub(r"(?i)\byüzde\s+(\d+(?:,\d+)?)", r"\1 percent", text)
    text = re.sub(r"%\s?(\d+(?:,\d+)?)", r"\1 percent", text)
    text = _COMPOUND.sub(_joined, text)
    # "bin 315 dakika": a thousand with no number before it is one thousand (1315 minutes,
    # round DB); "bin kişi" alone is left to the scale words
    text = re.sub(
        r"(?i)(?<![\w.,])(?<!milyon )(?<!milyar )bin\s+(\d{1,3})(?![\d.,]?\d)",
        lambda m: str(1000 + int(m[1])),
        text,
    )
    return text


def _joined(match: re.Match[str]) -> str:
    parts = re.findall(r"(\d+)\s+(milyar|milyon|bin)", match[1], re.IGNORECASE)
    if len(parts) == 1 and not match[2]:
        return match.group(0)  # "11 bin": read as 11 thousand
    value = sum(int(n) * _SCALES[scale.lower()] for n, scale in parts) + int(match[2] or 0)
    return str(value)
