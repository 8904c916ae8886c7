"""How a reader writing in another language than the article's names the article's things:
the language a comment is in, a name it writes in its own words ("Estado Islámico" for Islamic
State, "Caroline du Sud"), and which capitals of a German comment may be names at all (every
noun has one)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from drafter.check.claims.names import a_place
from drafter.check.claims.window_people import ORG_WORDS
from drafter.lang.text import normalize, unaccented
from drafter.sources.language import detect_language, unprofiled

if TYPE_CHECKING:
    from drafter.check.core import Checker
    from drafter.models import Comment

# a comment's language, told once for the figures and the names of its translation
comment_language = lru_cache(maxsize=4096)(detect_language)

_TITLE_WORDS = {"the", "a", "an", "of", "and", "is", "are", "in", "on", "to", "for", "with", "at"}


def translated(checker: Checker, body: str, form: str, person: bool) -> bool:
    """Whether a comment in another language than the article's may name the article's place,
    body or event in its own words ("Caroline du Sud", "le Bureau ovale", "Acción de Gracias"),
    which no table here holds: then the name is no swap. A person's name is not translated."""
    language = comment_language(body)
    if language == (checker.source_language or "en") or (language is None and not unprofiled(body)):
        return False  # (a Czech or Polish comment is told by its letters, not its words)
    words = form.split()
    # a person's name: two or three capitalised words, none a small word or a possessive (not
    # "The Notebook", "Life Is Beautiful", "Schindler's List": works a Portuguese reader names
    # by their Brazilian titles)
    a_person = (
        2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(w.casefold() in _TITLE_WORDS or re.search(r"['’]s$", w) for w in words)
    )
    if a_place(normalize(form).casefold()):
        return True  # "South Carolina": two capitalised words, a place all the same
    if not person and _cognate_in(body, form):
        return True  # "Estado Islámico", "Primavera Árabe": a name's words in the reader's tongue
    return not (person or (a_person and not ORG_WORDS.search(form)))


def _cognate_in(body: str, form: str) -> bool:
    """Whether the comment writes a word of the name as its own language makes it: the same
    stem with another ending (Islamic, islámico; Arab, árabe; Tunisia, Tunisie), which a
    person's name does not take in these languages (a plural or possessive s is no cognate)."""
    said = set(re.findall(r"[^\W\d_]{4,}", unaccented(body)))
    for word in re.findall(r"[^\W\d_]{4,}", unaccented(form)):
        stem = word[: max(4, len(word) - 2)]
        for other in said:
            if other == word or not other.startswith(stem) or abs(len(other) - len(word)) > 3:
                continue
            if other in (f"{word}s", f"{word}es") or word in (f"{other}s", f"{other}es"):
                continue
            return True
    return False


# the last word of a person-shaped name that is a building's or a place's, not a surname
_PLACE_WORDS = frozenset(
    [
        "museum",
        "gallery",
        "library",
        "theatre",
        "theater",
        "hotel",
        "hospital",
        "school",
        "college",
        "stadium",
        "park",
        "zoo",
        "church",
        "cathedral",
        "bridge",
        "tower",
        "hall",
        "palace",
        "castle",
        "market",
    ]
)


def noun_names(checker: Checker, body: str) -> set[str]:
    """The words a German comment's capital may be a name by: the glossary's one-word names,
    every word of a name the comment writes whole, and a person's surname ("Obama" of "Barack
    Obama"); not any word of a longer name, which may be a noun ("Art" of "Art Deco", "Museum"
    of "Neon Museum": "eine Art Flaschenpost", "zwischen Schrottplatz und Museum")."""
    said = normalize(body).casefold()
    out: set[str] = set()
    for entry in checker.inputs.glossary:
        words = re.findall(r"[^\W\d_][\w'’]*", normalize(entry.source))
        if len(words) == 1 or normalize(entry.source).casefold() in said:
            out |= {w.casefold() for w in words}
        elif (
            len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and not ORG_WORDS.search(entry.source)
            and words[-1].casefold() not in _PLACE_WORDS
        ):
            out.add(words[-1].casefold())
    return out


# the case endings Czech and Polish put on a name (Moyes → Moyesem, Moyesovi; Kane → Kanea;
# Iran → "o Iranie", Pentagon → "memo Pentagonu")
_CASE_ENDINGS = frozenset(
    {"a", "e", "u", "y", "i", "em", "om", "ou", "ovi", "owi", "ův", "ům", "ech", "ego", "emu",
     "ie", "ę", "ą"}
)  # fmt: skip


def declined_alike(form: str, text: str) -> bool:
    """Whether `text` (casefolded) writes the name `form` (casefolded) with another case ending:
    the article's "Moyesem" and a reader's "Moyes" are one man, in a language that declines
    names; an English plural's stem takes the case endings too (Falklands, "Falklandy")."""
    forms = {form, form[:-1]} if form.endswith("s") and len(form) >= 6 else {form}
    for word in re.findall(r"[^\W\d_]+", text):
        for name in forms:
            short, long = sorted((word, name), key=len)
            if len(short) >= 4 and long.startswith(short) and long[len(short) :] in _CASE_ENDINGS:
                return True
    return False


def spelt_across(form: str, body: str) -> bool:
    """Whether a comment writes a name as its own language spells it, in one to three words:
    an English reader's "North America", "Latin Americans", "English" for the German article's
    Nordamerika, Lateinamerika, Englisch, Kuba, Karibik (round DA), close letter for letter
    and starting alike, the letters that spell one sound alike (c and k, z and s, ph and f)."""
    target = _spelling(re.sub(r"\W", "", unaccented(form).casefold()))
    if len(target) < 4:
        return False
    words = [_spelling(w) for w in re.findall(r"[^\W\d_]+", unaccented(body).casefold())]
    for size in (1, 2, 3):
        for start in range(len(words) - size + 1):
            joined = "".join(words[start : start + size])
            if (
                joined[:1] == target[:1]
                and abs(len(joined) - len(target)) <= 3
                and SequenceMatcher(None, target, joined).ratio() >= 0.75
            ):
                return True
    return False


def _spelling(word: str) -> str:
    return word.replace("ph", "f").replace("c", "k").replace("z", "s")


def openers_only(body: str) -> set[str]:
    """The text's capitalised words seen only where a sentence, a line or a quotation opens."""
    opening = set(re.findall(r"(?:^|[.!?…]\s+|[«“„\"]\s*)([A-Z][\w'’]*)", body, re.MULTILINE))
    inside = set(re.findall(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_], ))[A-Z][\w'’]*", body))
    return opening - inside


_CAPITALISED = re.compile(r"[A-Z][\w'’]*(?:[\s-]+[A-Z][\w'’]*)+")


def runs_with(word: str, body: str) -> list[str]:
    """The runs of capitalised words of the comment that hold the word ("Maji Maji" and "The
    Maji Maji" for Maji)."""
    out = []
    for run in _CAPITALISED.findall(body):
        words = run.split()
        out += [
            " ".join(words[i:j])
            for i in range(len(words))
            for j in range(i + 2, len(words) + 1)
            if word in words[i:j]
        ]
    return out


_PARTICLE = r"(?:de|di|da|del|della|dos|du|van|von|le|la|al|el|ten|ter)"


def with_particle(word: str, body: str) -> list[str]:
    """The name with the lower-case particle the comment writes before it, as katakana joins
    them (デブラシオ for "de Blasio", ファンダイク for "van Dijk")."""
    return [f"{m[1]}{word}" for m in re.finditer(rf"\b({_PARTICLE})\s+{re.escape(word)}\b", body)]


def kin(comment: Comment, other: Comment) -> bool:
    """Whether one comment answers the other."""
    return other.id == comment.parent_id or comment.id == other.parent_id


def told(body: str) -> bool:
    """Whether a comment's language is told, or the comment is too short to tell (a short
    English line shares too few common words to be told, yet the encoder reads it)."""
    return comment_language(body) is not None or len(re.findall(r"[^\W\d_]+", body)) < 10


def one_language(body: str, other: str) -> bool:
    """Whether two comments may be in one language: not when one is written in the letters of
    a language without a profile (Czech ř, ů) and the other is not, nor when each is told and
    they differ (a comment too short to tell may be in either)."""
    if unprofiled(body) != unprofiled(other):
        return False
    language, rival = comment_language(body), comment_language(other)
    return language is None or rival is None or language == rival
