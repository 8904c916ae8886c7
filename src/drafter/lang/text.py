"""Japanese-safe text helpers: NFKC before comparing, split on 。！？, count characters."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "–": "-",
        "—": "-",
        "―": "-",
        "‐": "-",
        "‑": "-",
    }
)
_WS = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The form two texts are compared in: NFKC, one kind of quote and dash, folded whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _WS.sub(" ", text).strip()


def unaccented(text: str) -> str:
    """Case-folded, with accents off the letters ("Seznam Zprávy" → "seznam zpravy")."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )


def in_quotes(text: str, at: int) -> bool:
    """Whether position `at` of a sentence is inside quotation marks: English “…” and "…",
    French and Spanish «…», German „…“ (where “ closes)."""
    before = text[:at]
    if before.count("«") > before.count("»"):
        return True
    if "„" in before:
        return before.count("„") > before.count("“")
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


# a name with a lower-case prefix of its own (Zulu and Xhosa: "uSokhela", "saseMbali",
# "eMgungundlovu"; "iPhone"): the name is the capitalised part
_PREFIXED_NAME = re.compile(r"(?<![^\W\d_])[a-z]{1,4}([A-Z][a-z]{2,})")


def prefixed_names(text: str) -> list[str]:
    """The names a text writes after a lower-case prefix of the same word ("uSokhela": Sokhela)."""
    return _PREFIXED_NAME.findall(text)


def normalize_loose(text: str) -> str:
    """`normalize`, case-folded and with the spaces around punctuation dropped, for containment."""
    text = normalize(text).casefold()
    return re.sub(r"\s*([.,;:!?\"'()\-])\s*", r"\1", text)


def contains_quote(source: str, quote: str) -> bool:
    """True when `quote` occurs in `source` once both are normalised (empty quotes never match)."""
    needle = normalize_loose(quote).strip(" .\"'")
    return bool(needle) and needle in normalize_loose(source)


# Abbreviations whose dot does not end an English sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "gen",
    "gov",
    "sen",
    "sens",
    "rep",
    "reps",
    "govs",
    "messrs",
    "rev",
    "hon",
    "supt",
    "det",
    "bros",
    "lt",
    "col",
    "sgt",
    "capt",
    "cmdr",
    "cdr",
    "adm",
    "maj",
    "brig",
    "cpl",
    "pvt",
    "pfc",
    "atty",
    "asst",
    "pres",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "no",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "e.g",
    "i.e",
    "approx",
    "dept",
    "est",
    "mt",
}
# a sentence end and a space before the next; or no space where a page lost it after a
# lower-case word or a figure ("…on Wednesday.The stabbing…", "…0.27%.Australia's…",
# "…for longer.MSCI's…", "…yet.\"The flow…")
# after the stop, the marks that close a quotation: German closes „…“ and ‚…‘, and »…« too
_EN_BOUNDARY = re.compile(
    r"(?<=[.!?])([\"'”’)\]»“‘«]*)(?:\s+(?=[\"'“‘(\[«„]?(?P<next>\w))"
    r"|(?:(?<=[a-z]{2}[.!?])|(?<=[%\d][.!?]))(?=[\"“]?[A-Z][A-Za-z'’]))"
)
_JA_BOUNDARY = re.compile(r"[。！？]")


def _ends_with_abbreviation(chunk: str) -> bool:
    # a closing quote ends a sentence; so does a figure's unit ("in 4K.", "at 1080p."), which
    # is no initial
    match = re.search(r"(?<![\w])([A-Za-z][A-Za-z.]*)\.$", chunk)
    if not match:
        return False
    word = match.group(1).lower()
    # initials (P.J. Fleck, J.R.R.) do not end a sentence either
    initials = re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)
    return word in _ABBREVIATIONS or len(word) == 1 or bool(initials)


# "am 12. September", "vom 20. bis 22. Oktober": the dot of a German (or Nordic) ordinal day
# before a month does not end a sentence (nor "die 25. Minute", below)
# (and a day in brackets after its weekday: "am Freitag (24. Mai)", the Freie Presse, round DJ)
_ORDINAL_DAY = re.compile(
    r"(?:(?:\b(?i:am|vom|zum|zur|im|beim|bis|den|dem|die|das|ab|seit|und|der|des|zwischen|per)"
    r"|,)\s+|\(\s*)\d{1,2}\.$"
)
_MONTH_AFTER_DAY = re.compile(
    r"(?:(?:bis|und|-|–)\s*\d{1,2}\.\s*)?(?:januar|jänner|februar|märz|marts|mars|april|mai|"
    r"maj|juni|juli|august|september|oktober|november|dezember|december|desember)\b",
    re.IGNORECASE,
)


# … nor before what a German ordinal counts: "in der 25. Minute" (the Berliner Morgenpost's
# match report was cut into "In der 25." and "Minute: …", round DD), "zum 3. Mal", and in the
# genitive: "Mitte des 16. Jahrhunderts" (Der Spiegel's Gulf of Mexico story, cut in two)
_COUNTED_AFTER = re.compile(
    r"(?:Spiel)?(?:Minute|Sekunde|Mal|Platz|Runde|Spieltag|Stock|Etage|Klasse|Jahrhundert|"
    r"Jahrestag|Geburtstag|Stelle|Auflage|Woche|Tag|Lauf|Durchgang|Satz|Halbzeit|Amtszeit|"
    r"Legislaturperiode|Kilometer|Weltkrieg)(?:n|s|es)?\b"
)


# words abbreviated before a number: a match minute, an article, a number, a page, a figure
_BEFORE_A_NUMBER = re.compile(
    r"(?<![\w])(?i:min|mins|no|nos|nr|núm|num|pág|pag|art|arts|pp?|fig|figs|vol|tel|ca|approx|"
    r"ch|cap|sec|op)\.$"
)


def _starts_sentence(char: str) -> bool:
    """A capital in any alphabet (À, Ö, Д), a digit, or a letter of a script without case
    (Korean, Arabic, Thai): what a sentence after ". " begins with. A lower-case letter
    continues the sentence ("approx. two", "z.B. die")."""
    return char.isdigit() or char.isupper() or (char.isalpha() and not char.islower())


def _split_english(paragraph: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _EN_BOUNDARY.finditer(paragraph):
        end = match.start() + len(match.group(1))
        chunk = paragraph[start:end]
        following = match.group("next")
        if following and not _starts_sentence(following):
            continue
        if _ends_with_abbreviation(chunk):
            continue
        if following and following.isdigit() and _BEFORE_A_NUMBER.search(chunk):
            continue  # "(1-1, min. 16)", "art. 5", "no. 3": the number the word stands before
        if _ORDINAL_DAY.search(chunk) and (
            _MONTH_AFTER_DAY.match(paragraph, match.end())
            or _COUNTED_AFTER.match(paragraph, match.end())
        ):
            continue
        sentences.append(chunk.strip())
        start = match.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


def _split_japanese(paragraph: str) -> list[str]:
    """Split after 。！？ outside quotation marks and brackets: 「…。…」 is one sentence with a
    quotation in it, not two fragments. A closing bracket right after the mark stays with its
    sentence. An unbalanced bracket (a typo) stops protecting at the paragraph's end, so the
    text is then split as if it were not there."""
    sentences: list[str] = []
    start, depth, opened = 0, 0, 0
    n = len(paragraph)
    for i, char in enumerate(paragraph):
        if char in _OPENERS:
            opened = i if depth == 0 else opened
            depth += 1
        elif char in _CLOSERS and depth:
            depth -= 1
            # 「やめる。」彼は言った。 is two sentences; 「やめる。」と言った。 is one, and so is
            # 「文句ある？」でいいだろ。 (a particle goes on with the sentence), and so is
            # 「確保した！」「無事だ」と伝えた。 (quotations in a row), and 「いいね！」の数 (a name
            # with its mark, followed by a particle: の, へ, より, まで, だ, ほど, くらい), and
            # 「いいね！」ボタン (a short name with its mark, followed by a katakana noun)
            if (
                depth == 0
                and i > 0
                and paragraph[i - 1] in "。！？"
                and i + 1 < n
                and paragraph[i + 1] not in "とっな、。」』）)でがはをにもやか「『のへよまだほくぐ"
                and not _NAME_WITH_MARK.match(paragraph, opened, i + 2)
            ):
                sentences.append(paragraph[start : i + 1])
                start = i + 1
                continue
        if char in "。！？" and depth == 0:
            end = i + 1
            while end < n and paragraph[end] in "」』）)。！？":
                end += 1
            sentences.append(paragraph[start:end])
            start = end
    rest = paragraph[start:]
    if rest.strip() and depth:  # an unclosed bracket: split the rest plainly
        parts = re.split(r"(?<=[。！？])(?![」』）)。！？])|(?<=[。！？][」』）)])", rest)
        sentences.extend(parts)
    elif rest.strip():
        sentences.append(rest)
    # a boundary found inside a run of marks leaves empty pieces; drop them
    return [p.strip() for p in sentences if p.strip()]


_NAME_WITH_MARK = re.compile(r"「[^「」。]{1,10}[！？]」[ァ-ヴ]")
_OPENERS = "「『（(【"
_CLOSERS = "」』）)】"


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, paragraph by paragraph; Japanese and Chinese split on 。！？, other
    languages on .!? before a capital, a digit or a letter of a script without case.

    The dot of "U.S." or "Mr." does not end a sentence.
    """
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = _WS.sub(" ", paragraph).strip()
        if not paragraph:
            continue
        if _JA_BOUNDARY.search(paragraph) and is_japanese(paragraph, threshold=0.2):
            sentences.extend(_split_japanese(paragraph))
        else:
            sentences.extend(_split_english(paragraph))
    return sentences


def _is_japanese_char(char: str) -> bool:
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF
        or 0xFF66 <= code <= 0xFF9F  # half-width katakana
        or char in "々〆ヵヶー"
    )


def japanese_ratio(text: str) -> float:
    """Share of Japanese characters among the letters of `text` (0.0 when it has no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _is_japanese_char(c)) / len(letters)


def is_japanese(text: str, *, threshold: float = 0.5) -> bool:
    return japanese_ratio(text) >= threshold


def language_problem(text: str, lang: str) -> str | None:
    """Why `text` is not in `lang` ("ja" or "en"), or None when it is.

    Names in Latin letters are fine inside Japanese prose, so the Japanese bar is a share, not all.
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return None
    ratio = japanese_ratio(text)
    if lang == "ja" and ratio < 0.25 and _japanese_unit_ratio(text) < 0.5:
        # a heading of two names in Latin letters (「ARKitとTrueDepthカメラ」) is Japanese:
        # each Latin word counts once, as its name, not letter by letter
        return "is not written in Japanese"
    if lang == "en" and ratio > 0.2:
        return "is not written in English"
    return None


def _japanese_unit_ratio(text: str) -> float:
    """The share of Japanese characters among a text's units, where each run of other
    letters (a word in Latin letters) is one unit."""
    japanese = sum(1 for c in text if _is_japanese_char(c))
    others = len(
        re.findall(r"[^\W\d_]+", "".join(" " if _is_japanese_char(c) else c for c in text))
    )
    return japanese / (japanese + others) if japanese + others else 0.0


def char_count(text: str) -> int:
    """Length in characters (what Japanese editors count), ignoring whitespace."""
    return sum(1 for c in text if not c.isspace())


# Letters NFKD does not take apart into ASCII: Cyrillic, Greek and a few Latin ones.
_TRANSLITERATION = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіґўјђћ", "abvgdeziyklmnoprstufyeigujdc", strict=True)),
        **{"ё": "yo", "ж": "zh", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya"},
        **{"ї": "yi", "є": "ye", "љ": "lj", "њ": "nj", "џ": "dz", "х": "kh", "ц": "ts"},
        **{"ъ": "", "ь": ""},
        **dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstyfo", strict=True)),
        **{"θ": "th", "χ": "ch", "ψ": "ps"},
        **{"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ð": "d"},
    }
)


def ascii_letters(char: str) -> str:
    """A letter spelt in ASCII (ж → zh, é → e, ł → l), or "" where it has no spelling."""
    spelled = unicodedata.normalize("NFKD", char.translate(_TRANSLITERATION))
    return spelled.translate(_TRANSLITERATION).encode("ascii", "ignore").decode()


def ascii_spelling(text: str) -> str:
    """The text in lower case, each letter spelt in ASCII where it can be (Гидсел → gidsel)."""
    return "".join(ascii_letters(c) or ("" if c in "ъь" else c) for c in text.lower())
