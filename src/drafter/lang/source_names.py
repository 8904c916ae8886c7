"""The names an English source gives, found by their capitals, for the run's one glossary.

The lead writes the run's glossary, and every later writer copies its renderings. A glossary of
only the names the lead uses leaves the background and analysis to render the rest each on its
own (a name spelt two ways in one draft, and names the check cannot tie to the source). So the
lead is shown the source's names, found here, and renders each that is a name.

A name is a run of capitalised words ("Kristi Noem", "U.S. Forest Service", "Bank of
England"): joined by of/de/van…, possessives stripped, titles (Mr., Gov.) and a leading article
or sentence-opening word (The, However) dropped. A lone capitalised word that only ever opens
a sentence is no name. Months and weekdays are dates, not names. A lone word that ends a
longer name listed (Noem of Kristi Noem) is not listed again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from drafter.lang.weekdays import MONTHS, WEEKDAYS

# a word, or inside a name a number or code (Windows 10, Radeon Pro 5300M, Cinebench R20)
_WORD = re.compile(r"[^\W\d_][\w.'’&-]*|\d[\dA-Za-z.]*")  # Weizsäcker, Zoë
_BODY_WORDS = {"department", "ministry", "office", "court", "council", "committee", "agency",
               "service", "house", "party", "university", "bank", "board"}  # fmt: skip
_UNITS = {"gb", "tb", "mb", "kb", "ghz", "mhz", "hz", "wh", "kwh", "mah", "mm", "cm", "km",
          "kg", "mph", "fps", "dpi", "ppi", "ram", "ssd", "usb", "cpu", "gpu"}  # fmt: skip
# (es: Dar es Salaam)
_JOINERS = {"for", "of", "de", "da", "del", "der", "van", "von", "la", "le", "du", "bin", "al", "y",
            "es"}  # fmt: skip
_TITLES = {"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "prof",
           "st", "pres", "rev", "sir", "lord", "lady", "dame", "president", "governor",
           "senator", "minister", "secretary", "chancellor", "judge", "mayor",
           "chief", "director", "ceo", "chairman", "chairwoman", "king", "queen", "prince",
           "princess", "pope", "officer", "commissioner", "coach", "captain"}  # fmt: skip
# Capitalised only because they open a sentence or a heading, or not names at all.
_OPENERS = {"the", "a", "an", "in", "on", "at", "but", "and", "or", "for", "as", "if", "when",
            "while", "after", "before", "this", "that", "these", "those", "it", "he", "she",
            "they", "we", "i", "you", "his", "her", "their", "our", "its", "my", "your", "there",
            "here", "what", "who", "why", "how", "where", "which", "some", "many", "most", "all",
            "one", "two", "three", "no", "not", "so", "yet", "also", "however", "meanwhile",
            "still", "now", "then", "today", "yesterday", "tomorrow", "last", "next",
            "by", "from", "with", "to", "of", "under", "over", "about", "according", "more",
            "less", "even", "only", "just", "instead", "despite", "although", "though",
            "because", "since", "until", "during", "each", "every", "both", "either", "neither",
            "such", "other", "another", "read", "photo", "image", "video", "click",
            "advertisement", "related", "share", "subscribe", "updated", "posted", "copyright",
            "getty", "images", "ap", "reuters", "afp", "file", "watch", "see", "like", "do",
            "don't", "can", "will", "would", "should", "could", "may", "might", "must", "is",
            "are", "was", "were", "be", "has", "have", "had", "said", "says", "say",
            "please", "within", "among", "across", "without", "against", "through", "amid",
            "inside", "outside", "beyond", "near", "unlike", "first", "earlier", "later",
            "separately", "overall", "currently", "recently", "already", "indeed", "perhaps",
            "former", "late", "acting", "deputy", "vice", "yes", "well", "oh", "ok", "okay",
            "let", "let's",
            # the same openers in the other languages a source is written in ("Selon Google
            # Trends", round CU)
            "selon", "según", "segun", "secondo", "laut", "dans", "avec", "après", "depuis",
            "pendant", "durante", "desde"}  # fmt: skip
_DATES = (
    {m.lower() for m in MONTHS}
    | {d.lower() for d in WEEKDAYS}
    | {m[:3].lower() for m in MONTHS}
    | {"sept"}
)

LIMIT = 40


def source_names(
    sentences: Iterable[str], limit: int = LIMIT, language: str | None = None
) -> list[str]:
    """The names `sentences` give, most mentioned first (ties in reading order), at most
    `limit`. German capitalises every noun: there a lone word the text puts after an article
    or a figure ("am Tag", "36 Stunden") is a noun, and so is the noun a "von" follows
    ("Zugverbindung von Madrid" gives Madrid)."""
    # a name in Latin letters inside Chinese or Japanese text ends where the script changes
    # ("DeepMind称 DNC还可以…" gives DeepMind and DNC)
    # and a typeset hyphen is a hyphen ("DVB‐T2" with U+2010 is DVB-T2, not "DVB T2")
    texts = [_CJK.sub(r" \1 ", text.translate(_HYPHENS)) for text in sentences]
    german = language == "de"
    if german:
        nouns = _german_nouns(texts)
        texts = [_GERMAN_OPENING.sub("", t) for t in texts]  # "Auch FDP-Chef …": no name's
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    mid_sentence: set[str] = set()  # lone words seen capitalised inside a sentence
    openers: list[str] = []
    runs = [r for sentence in texts for r in _runs(sentence)]
    if german:
        runs = [(_after_a_noun(run, nouns), opens) for run, opens in runs]
        runs = [(run, opens) for run, opens in runs if len(run) > 1 or run[0] not in nouns]
    inside = {word for run, opens in runs if not opens for word in run}
    lowered = {w for text in texts for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text)}
    for run, opens in runs:
        if opens:
            run = _without_opener(run, inside, set() if german else lowered)
        if len(run) == 1 and opens:
            openers.append(run[0])
            continue
        if len(run) == 1:
            mid_sentence.add(run[0])
        name = " ".join(run)
        counts[name] += 1
        first.setdefault(name, len(first))
    for word in openers:  # a lone sentence-opening word counts if it is a name elsewhere
        if word in mid_sentence or word in counts:
            counts[word] += 1
    counts = _one_spelling(counts)
    if language in _GENITIVE_S:
        counts = _without_genitives(counts)
    longer = [n for n in counts if " " in n]
    # a lone surname (Noem of Kristi Noem) goes with its name; Apple of Apple TV is a name
    names = [n for n in counts if " " in n or not any(n == m.split()[-1] for m in longer)]
    names.sort(key=lambda n: (-counts[n], first.get(n, 0)))
    return [_as_written(n, texts) for n in names[:limit]]


def _as_written(name: str, texts: list[str]) -> str:
    """The name as the text writes it where a sign joins its words ("Me+Em", "AT&T"): its
    words had been joined by a space, a spelling the source does not have."""
    if any(name in text for text in texts) or " " not in name:
        return name
    joined = r"(?:\s*[+&/]\s*|\s+)".join(re.escape(w) for w in name.split())
    for text in texts:
        found = re.search(joined, text)
        if found:
            return found.group(0)
    return name


def _without_opener(run: list[str], inside: set[str], lowered: set[str]) -> list[str]:
    """A run that opens its sentence, without a first word capitalised only for opening it:
    "Once Trump …", "Cases of Eastern …" (the rest seen capitalised inside sentences), or
    "Residents of Ha Tuke …" where the text also writes "residents" (people in the plural, never
    capitalised inside a sentence; a body's first word is not: "Bank of England" with "the bank
    said"; not in German, which capitalises its nouns: `lowered` is then empty)."""
    rest = run[1:]
    while rest and rest[0] in _JOINERS:
        rest = rest[1:]
    if rest and run[0] not in inside and set(rest) - _JOINERS - {"and"} <= inside:
        return rest
    plural_people = (
        len(run[0]) >= 4  # La Niña, De Villiers Street, Al Saud: a name's particle
        and not run[0].isupper()  # LA CROSSE, a dateline
        and run[0].endswith("s")
        and run[0] not in inside
        and run[0].lower() in lowered
    )
    return rest if plural_people and any(w[:1].isupper() for w in rest) else run  # "Zone 1"


_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2043\ufe63\uff0d", "-"))
_CJK = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff01-\uff60。、])")
# the words a German noun follows: articles, their contractions with a preposition, a figure
_GERMAN_BEFORE_NOUN = re.compile(
    r"(?:\b(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|keine[mnrs]?|kein|im|"
    r"am|zum|zur|vom|beim|ins|ans|pro|jede[mnrs]?|diese[mnrs]?|alle[mn]?|viele[mn]?|mehrere[mn]?|"
    r"ihre[mnrs]?|seine[mnrs]?|unsere[mnrs]?)(?:\s+[a-zäöüß]+)?|\d)\s+([A-ZÄÖÜ][\wäöüß-]*)"
)
# a sentence's first word when it is a German function word ("Auch", "Doch", "Dann")
_GERMAN_OPENING = re.compile(
    r"^(?:Auch|Doch|Dann|Denn|Nun|Jetzt|Noch|Schon|Zudem|Außerdem|Allerdings|Damit|Dabei|"
    r"Deshalb|Trotzdem|So|Wie|Wenn|Als|Seit|Bis|Für|Mit|Nach|Von|Bei|Im|Am|Zum|Zur|Vom|Er|Sie|"
    r"Es|Wir|Ich|Man|Das|Die|Der|Dies|Diese|Dieser|Dieses|Ein|Eine|Einer|Und|Aber|Oder)\s+"
)


def _german_nouns(texts: list[str]) -> set[str]:
    """The capitalised words a German text puts after an article or a figure somewhere, but
    not one with a capital inside (der ICE, die S-Bahn, dem UN-Klimagipfel: a brand, a name)."""
    found = {m.group(1).strip("-") for text in texts for m in _GERMAN_BEFORE_NOUN.finditer(text)}
    return {word for word in found if not any(c.isupper() for c in word[1:])}


def _after_a_noun(run: list[str], nouns: set[str]) -> list[str]:
    """ "Zugverbindung von Madrid" is Madrid, "Informationen der Süddeutschen Zeitung" the
    paper: the name a common noun's "von", "der" or "des" leads to."""
    joins = [n for n, word in enumerate(run) if word in ("von", "der", "des")]
    if joins and run[0] in nouns:
        return run[joins[0] + 1 :] or run
    return run


def _one_spelling(counts: Counter[str]) -> Counter[str]:
    """A name in dateline capitals (SIOUX FALLS) and as written (Sioux Falls) is one name,
    listed as written."""
    merged: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for name, count in counts.items():
        key = name.casefold()
        if key not in spelling or spelling[key].isupper():
            spelling[key] = name
        merged[key] += count
    return Counter({spelling[key]: count for key, count in merged.items()})


# languages that write a name's genitive with a bare -s: "Eriksens manager", "Merkels Rede"
_GENITIVE_S = frozenset({"de", "da", "no", "nb", "nn", "sv", "nl", "is"})


def _without_genitives(counts: Counter[str]) -> Counter[str]:
    """A name and its genitive (Eriksen, Eriksens; Damli, Damlis: Nettavisen's names list held
    both, round DD) are one name, listed as the name."""
    known = set(counts) | {n.split()[-1] for n in counts if " " in n}  # Damlis: Tone Damli's
    merged: Counter[str] = Counter()
    for name, count in counts.items():
        base = name[:-1] if name.endswith("s") and name[:-1] in known else name
        merged[base] += count
    return merged


def _word_of(token: str) -> str:
    """The word a token gives, an initial as the source writes it ("Albert E. Dotson")."""
    word = token.strip(".'’-&")
    return f"{word}." if len(word) == 1 and word.isupper() and token.endswith(".") else word


def _abbreviated(before: str, word: str) -> bool:
    """Whether the full stop before `word` closes a title ("Gov.", "Dr.") or a middle initial
    ("Albert E. Dotson Jr."; not "Plan B. The …"): no full stop of a sentence."""
    last = before.rstrip(".").split(" ")[-1]
    initial = len(last) == 1 and last.isupper() and word.rstrip(".").lower() not in _OPENERS
    return last.lower() in _TITLES or initial


def _gap_before(sentence: str, previous_end: int, start: int, word: str) -> str:
    """What lies between a word and the last, with the full stop the last one ended in, unless
    that stop closes "Gov." or an initial ("E.")."""
    if (
        previous_end
        and sentence[previous_end - 1] == "."
        and not _abbreviated(sentence[:previous_end], word)
    ):
        previous_end -= 1
    return sentence[previous_end:start]


def _runs(sentence: str) -> list[tuple[list[str], bool]]:
    """The runs of capitalised words in a sentence, each with whether it opens the sentence."""
    out: list[tuple[list[str], bool]] = []
    run: list[str] = []
    opens = False
    pending: list[str] = []  # joiners waiting for the next capitalised word
    at_start = True
    titled = False  # the word before opened no run: it was a title
    previous_end = 0
    for match in _WORD.finditer(sentence):
        word = _word_of(match.group())
        gap = _gap_before(sentence, previous_end, match.start(), word)
        previous_end = match.end()
        if run and re.search(r"[,;:!?()\"“”—–\n]|[.-]\s", gap):  # punctuation ends a run
            out.append((run, opens))
            run, pending = [], []
        if re.search(r"[:;—–\n]|[.-]\s", gap):
            at_start = True  # "S.D. – People across …": a word after a dash opens a clause
        if not word:
            continue
        bare = re.sub(r"['’]s$", "", word)
        lower = bare.lower()
        digit_name = bool(re.fullmatch(r"\d+[A-Z][A-Za-z]*", bare))  # "2B Mindset", "3M"
        if bare[:1].isdigit() and not digit_name:
            if run and not pending and re.fullmatch(r"\d+[A-Za-z]{0,2}", bare):
                run.append(bare)  # "VEGA 20", "Radeon Pro 5300M"
            elif run:
                out.append((run, opens))
                run, pending = [], []
            at_start = False
            continue
        if _junk(bare) or lower in _UNITS:  # a contraction (I'm), a handle (XPxUJuyIAC), GB
            lower, bare = "", ""
        if (bare[:1].isupper() or digit_name) and lower not in _DATES:
            if not run and (
                lower in _OPENERS or lower in _TITLES or (titled and bare == "General")
            ):
                at_start = False
                titled = lower in _TITLES  # "Secretary General Mark Rutte": the title goes on
                continue
            titled = False
            if not run:
                opens = at_start
            run += [*pending, bare]
            pending = []
            if bare != word:  # a possessive ends the name: "Boeing's Airbus deal"
                out.append((run, opens))
                run = []
        elif run and (lower in _JOINERS or lower == "and") and not pending:
            pending = [lower]
        else:
            if run:
                out.append((run, opens))
            run, pending = [], []
        at_start = False
    if run:
        out.append((run, opens))
    return _trimmed([part for found in out for part in _split_at_and(*found)])


# the last words of a body whose name joins two words with "and" (the Food and Drug
# Administration, the University and College Union, Fauna and Flora International)
_BODY_ENDS = _BODY_WORDS | {"administration", "union", "international", "foundation", "institute",
                            "commission", "association", "society", "organization", "organisation",
                            "authority", "bureau", "center", "centre", "corporation", "company",
                            "group", "fund", "trust", "college", "museum", "network", "alliance",
                            "federation", "forum", "laboratory", "school", "hospital"}  # fmt: skip


def _split_at_and(run: list[str], opens: bool) -> list[tuple[list[str], bool]]:
    """A run joined by "and" is one body's name when it ends in a body's word; otherwise
    two names ("Britain and France")."""
    if "and" not in run or run[-1].lower() in _BODY_ENDS:
        return [(run, opens)]
    at = run.index("and")
    return [(run[:at], opens), *_split_at_and(run[at + 1 :], False)]


def _trimmed(out: list[tuple[list[str], bool]]) -> list[tuple[list[str], bool]]:
    """Runs without their titles, and no shouted headline or button (GET THE FOX NEWS APP)."""
    kept = []
    for words, opening in out:
        start = len(words)
        while words and (words[0].lower() in _TITLES or words[0].lower() in _OPENERS):
            words = words[1:]  # "Acting Gov. Smith": Smith
        if opening and len(words) == 2 and words[1] == "I":
            words, start = words[:1], 1  # "Sometimes I go for days…": an opener and the pronoun
        elif len(words) >= 2 and words[-1] == "I" and words[-2].isupper():
            words = words[:-1]  # "in the US I learnt", "at ICU I saw": the pronoun (World War I)
        if (
            len(words) >= 2
            and _AMOUNT.fullmatch(words[0])
            and all(_GROUP.fullmatch(w) for w in words[1:])
        ):
            continue  # "a mere M50 000", "R1 200": money in a currency's letter, not a name
        while words and words[-1].lower() in _TITLES and words[-2:-1] != ["of"]:
            words = words[:-1]  # "South Dakota Gov. Kristi Noem" is cut at the full stop
        # (and a "General" inside the run: "Army Staff General Asim Munir", round CU)
        titled = [
            n
            for n, w in enumerate(words[:-1])
            if w.lower() in _TITLES or (w == "General" and n >= 1 and len(words) - n > 2)
        ]
        if titled and not _BODY_WORDS & {w.lower() for w in words[titled[-1] + 1 :]}:
            words = words[titled[-1] + 1 :]  # "German President Richard von Weizsäcker"
            if words[:1] == ["General"] and len(words) > 2:
                words = words[1:]  # "Secretary General Mark Rutte": the title goes on
        while words and words[0] in _JOINERS:  # (a capital one opens a name: La Niña)
            words = words[1:]  # "(Vice President) of Content for Ziff Davis": no name opens so
        letters = [w for w in words if w[:1].isalpha()]
        shouting = len(letters) >= 3 and all(w.isupper() for w in letters)  # a headline
        # … or two shouted words longer than an acronym ("NEEDED THEM", "UNUSUAL ENVELOPE")
        shouting = shouting or (
            len(letters) == 2 and all(w.isupper() and len(w) >= 5 for w in letters)
        )
        if any(len(w) >= 2 for w in words) and not shouting:
            kept.append((words, opening and len(words) == start))
    return kept


_AMOUNT = re.compile(r"[A-Z]{1,3}\$?\d[\d.,]*")
_GROUP = re.compile(r"\d{3}")


def _junk(word: str) -> bool:
    """A contraction (I'm), a handle's or link's letters (XPxUJuyIAC), a URL's slug
    (Cat-found-in-New-Mexico)."""
    transitions = len(re.findall(r"[a-z][A-Z]", word))
    slug = word.count("-") >= 3 or "/" in word
    return transitions >= 2 or slug or bool(re.search(r"['’](?!s$)", word))
