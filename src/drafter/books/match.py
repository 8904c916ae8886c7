"""Does a catalog record describe the book the model proposed?

Titles and authors are compared after NFKC, case folding and punctuation removal, with rapidfuzz.

Titles: the score is the best of the whole titles and the main titles (before a subtitle
separator such as `:`, `―`, `—`, ` - `, `〜`), so 『資源と地政学の基礎 : 新版』 matches
『資源と地政学の基礎』 (100) while 『資源と地政学の基本』 does not (89: one character in ten
differs, which for a short Japanese title is another book). TITLE_MIN = 92 keeps such near
misses out and still accepts punctuation, article and spacing variants ("The Lithium Wars" ~
"Lithium Wars, The").

Authors: roles (著, 編, 監修, 訳, 共著, ほか, ed., eds., trans.) and spacing are dropped; a
proposed author matches when any catalog creator matches it: token-sort ratio ≥ AUTHOR_MIN (90:
"Keller, Maria" ~ "Maria Keller" = 100; "Maria Kellner" ~ "Maria Keller" = 96; "Mark Keller" ~
"Maria Keller" = 87, rejected), an initial for a given name ("M. Keller" ~ "Maria Keller"), or,
across scripts, the katakana transliteration (ジョン・スミス ~ John Smith). An editor or
supervisor counts as an author (編, 監修).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

TITLE_MIN = 92.0
AUTHOR_MIN = 90.0
TOPIC_MIN = 0.15
# Claims a book description may not make unless a source gives them (the model's, or a catalog's).
PUFFERY = re.compile(
    r"受賞|賞を|ベストセラー|万部|部突破|話題作|award|prize|best-?sell|million copies|acclaimed",
    re.IGNORECASE,
)
_SUBTITLE = re.compile(r"\s*(?::|：|―|—|－|〜|～|\s-\s|\s–\s|\(|（|\[|［).*$")
_ROLES = re.compile(
    r"(?:\[?(?:著|編著|編|監修|監訳|訳|翻訳|共著|共編|原著|作|文|絵|ほか|他|述)\]?|"
    r"\b(?:ed|eds|edited by|trans|translated by|author|editor)\b\.?)",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def _base(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


_ARTICLE = re.compile(r"^(?:the|a|an)\s+|,\s*(?:the|a|an)$")


def title_key(title: str) -> str:
    return _PUNCT.sub("", _ARTICLE.sub("", _base(title).strip()))


def main_title(title: str) -> str:
    return title_key(_SUBTITLE.sub("", _ARTICLE.sub("", _base(title)))) or title_key(title)


def title_score(proposed: str, catalog: str) -> float:
    whole = fuzz.ratio(title_key(proposed), title_key(catalog))
    main = fuzz.ratio(main_title(proposed), main_title(catalog))
    return float(max(whole, main))


def author_names(raw: str) -> list[str]:
    """Names in an author field: split on 、 ; , / and ・ between names; roles removed."""
    text = _ROLES.sub(" ", unicodedata.normalize("NFKC", raw))
    parts = re.split(r"[;、/／&]|\band\b|,(?=\s*[^,]+\s\S)", text)
    names = []
    for part in parts:
        name = " ".join(part.split()).strip(" ,.")
        if name:
            names.append(name)
    return names


def _latin_key(name: str) -> str:
    if "," in name:  # "Keller, Maria" → "Maria Keller"
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    return " ".join(sorted(_base(name).replace(".", " ").split()))


def _initials(a: str, b: str) -> float:
    """95 for "M. Keller" ~ "Maria Keller": same surname, and one side gives only initials."""
    left, right = _latin_key(a).split(), _latin_key(b).split()
    if len(left) < 2 or len(right) < 2:
        return 0.0
    a_last, b_last = _base(a).replace(",", " ").split(), _base(b).replace(",", " ").split()
    surname_a = a_last[0] if "," in a else a_last[-1]
    surname_b = b_last[0] if "," in b else b_last[-1]
    if fuzz.ratio(surname_a, surname_b) < 95:
        return 0.0
    given_a = [w for w in a_last if w != surname_a]
    given_b = [w for w in b_last if w != surname_b]
    short = [w for w in given_a + given_b if len(w.strip(".")) == 1]
    if not short or not given_a or not given_b:
        return 0.0
    return 95.0 if given_a[0][0] == given_b[0][0] else 0.0


def _is_katakana(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("\u30a0" <= c <= "\u30ff" for c in letters)


def author_score(proposed: str, catalog_authors: list[str]) -> float:
    from drafter.lang.names import transliteration_match

    best = 0.0
    for wanted in author_names(proposed):
        for found in catalog_authors:
            for have in author_names(found) or [found]:
                score = float(fuzz.token_sort_ratio(_latin_key(wanted), _latin_key(have)))
                compact = float(
                    fuzz.ratio(_PUNCT.sub("", _base(wanted)), _PUNCT.sub("", _base(have)))
                )
                score = max(score, compact, _initials(wanted, have))
                kana, latin = (wanted, have) if _is_katakana(wanted) else (have, wanted)
                if _is_katakana(kana) and not _is_katakana(latin):
                    parts = [p for p in re.split(r"[・=＝\s]", kana) if p]
                    words = latin.replace(",", " ").split()
                    hits = sum(
                        1 for p in parts if any(transliteration_match(p, w) >= 0.8 for w in words)
                    )
                    if parts and hits == len(parts):
                        score = max(score, 100.0)
                best = max(best, score)
    return best


@dataclass
class Match:
    title: float
    author: float

    @property
    def ok(self) -> bool:
        return self.title >= TITLE_MIN and self.author >= AUTHOR_MIN


def match(proposed_title: str, proposed_author: str, title: str, authors: list[str]) -> Match:
    return Match(title_score(proposed_title, title), author_score(proposed_author, authors))


def topic_scores(story: str, keywords: list[str], titles: list[str]) -> list[float]:
    """How close each catalog title is to the article: the mean cosine similarity (the
    multilingual sentence encoder of the fact check) to the story in short and to the topic
    keywords. A title alone is a weak match for a long sentence (『資源と地政学の基礎』 scores
    0.00 against a story on lithium export licences, a bread-baking book 0.07); the keywords
    separate them (0.50 against 0.07). TOPIC_MIN (0.15) leaves out hits on nothing near the
    article: on the fixtures, topical titles score 0.23–0.47 and unrelated ones −0.02–0.10."""
    from drafter.lang.align import similarity

    if not titles:
        return []
    rows = similarity([story, " ".join(keywords)], titles)
    return [float(rows[0][i] + rows[1][i]) / 2 for i in range(len(titles))]
