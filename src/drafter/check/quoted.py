"""What a source puts in quotation marks, in the marks of any language: the spans a Japanese
「」 quotation of the draft is held to (drafter.check.claims.quotes)."""

from __future__ import annotations

import itertools
import re
import unicodedata

from drafter.lang.text import normalize, split_sentences

# ‘…’ or '…' opened after a space or the span's start and closed before a non-letter (the
# apostrophe of He’s is not a closing mark)
_INNER_QUOTE = re.compile(
    r"(?:^|(?<=\s))[‘']([^‘’']*?(?:[’'][a-z][^‘’']*?)*.{7,}?)[’'](?![A-Za-z])"
)


# a French speech tag set inside the marks (« Là-dessus, notre désaccord est total, souligne-t-
# elle. La CGT… »; « Non, dit-il, … »; « …, a-t-il ajouté. »): not the speaker's words, which a
# Japanese quotation renders without it (round CM: the quotation was unfound at 0.5)
_INCISE = re.compile(
    r",\s*(?:a-t-(?:il|elle|on)\s+\w+|\w+-t-(?:il|elle|on)|\w+-(?:il|elle|ils|elles))"
    r"(?:\s+[^.,;!?«»“”]{0,40}?)?(?=[.,;!?]|$)"
)
_CLAUSE_BREAK = re.compile(r"\s*[—–;]\s*|\s+--?\s+|,\s+but\s+")  # "…25 years, but the…"


def _straight(paragraph: str) -> list[tuple[int, int, str]]:
    """The spans straight marks enclose in one paragraph: where they pair up, or where the last
    one opens a quotation that runs on into the next paragraph, as typesetting leaves it ("The
    sexy sells," added Baker. "The upside sells.), at the paragraph's start or after a space."""
    count = paragraph.count('"')
    last = paragraph.rfind('"')
    runs_on = count % 2 == 1 and (last == 0 or paragraph[last - 1].isspace())
    if count % 2 and not runs_on:
        return []  # a stray mark (an inch, a typo): no pairs to trust
    head = paragraph[:last] if runs_on else paragraph
    out = [(m.start(), m.end(), m.group(1)) for m in re.finditer(r'"([^"]{8,}?)"', head)]
    if runs_on and len(paragraph[last + 1 :].strip()) >= 8:
        out.append((last, len(paragraph), paragraph[last + 1 :].strip()))
    return out


def quoted_spans(text: str) -> list[str]:
    """What the source puts in quotation marks, each span and each two spans in a row (a
    speaker's words broken by "he said" are one quotation in Japanese). Curly quotes are read
    by direction; straight ones only in a paragraph where they pair up, so a stray mark never
    turns the text between two quotations into one."""
    found: list[tuple[int, int, str]] = []
    raw = unicodedata.normalize("NFKC", text).replace("‘‘", "“").replace("’’", "”")
    raw = raw.replace("``", "“").replace("''", "”")
    raw = "\n".join(_guillemets(line) for line in raw.split("\n"))
    # German „…“ (and Polish, Czech, Dutch „…”): the low mark opens, the high one closes
    raw = re.sub(r"„([^“”„\n]*)[“”]", "“\\1”", raw)
    # a straight mark in a paragraph that also has curly ones ("And he said, the President."
    # after “…”): read by position, opening after a space or the paragraph's start
    raw = "\n".join(
        re.sub(r'(^|[\s(\[—–-])"', "\\1“", line).replace('"', "”")
        if "“" in line or "”" in line
        else line
        for line in raw.split("\n")
    )
    opened = -1
    for match in re.finditer(r"[“”\n]", raw):
        mark, at = match.group(0), match.start()
        if opened >= 0:
            # a closing mark, or a paragraph that ends (or a new quotation that opens) while a
            # quotation runs on: typesetting leaves a quotation open across paragraphs
            span = raw[opened + 1 : at]
            if len(span.strip()) >= 8:
                found.append((opened, at, span.strip()))
            opened = -1
        if mark == "“":
            opened = at
    if opened >= 0 and len(raw[opened + 1 :].strip()) >= 8:
        # a quotation that runs on past the text's end: a sentence whose speaker's words go on
        # into the next one (« La parution du décret … constitue une avancée majeure. Les …)
        found.append((opened, len(raw), raw[opened + 1 :].strip()))
    offset = 0
    for paragraph in raw.split("\n"):
        found += [(offset + a, offset + b, span) for a, b, span in _straight(paragraph)]
        offset += len(paragraph) + 1
    found.sort()
    found = [(a, b, _INCISE.sub("", span)) for a, b, span in found]
    spans = _with_pairs(found)
    # each sentence of a quotation that runs over several ("… I'm glad it happened in a win"):
    # a draft often quotes one of them
    # and each part of one broken by a dash or a semicolon ("… the lungs — think Donald
    # Trump rather than Barack Obama"): a draft may quote the part after it alone
    for _, _, span in found:
        pieces = [
            part for piece in split_sentences(span) for part in [piece, *_CLAUSE_BREAK.split(piece)]
        ]
        if len(set(pieces)) > 1:
            spans += [normalize(p) for p in dict.fromkeys(pieces) if len(p) >= 8 and p != span]
    # a quotation inside a quotation (Holmes said Sondland told Trump ‘He’s going to do it’)
    for _, _, span in found:
        inner = [(m.start(), m.end(), m.group(1)) for m in _INNER_QUOTE.finditer(span)]
        spans += _with_pairs(inner)
    return spans


def _guillemets(line: str) -> str:
    """«…» (French, Italian) opens with «; German and Danish »…« open with »: a paragraph's
    first guillemet tells which (»Sagen, was ist.« had read as the text between quotations)."""
    first = re.search(r"[«»]", line)
    if first is None:
        return line
    opening, closing = ("»", "«") if first.group(0) == "»" else ("«", "»")
    return line.replace(opening, "“").replace(closing, "”")


def _with_pairs(found: list[tuple[int, int, str]]) -> list[str]:
    """Each span, and each two or three spans in a row not far apart (a speaker quoted across
    three sentences, "The sexy sells," … "The upside sells." … "But folks don't talk about the
    downside," is one 「…。…。…」 in Japanese: 0.33 to its closest part, 0.51 to the three)."""
    spans = [normalize(span) for *_, span in found]
    for (_, end, first), (start, _, second) in itertools.pairwise(found):
        if start - end <= 120:
            spans.append(normalize(f"{first} {second}"))
    for (_, end1, first), (start2, end2, second), (start3, _, third) in zip(
        found, found[1:], found[2:], strict=False
    ):
        if start2 - end1 <= 120 and start3 - end2 <= 120:
            spans.append(normalize(f"{first} {second} {third}"))
    return spans
