"""Checks shared by the stages: evidence resolution, glossary, output language."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from drafter.lang.text import ascii_spelling, contains_quote, language_problem, normalize_loose
from drafter.models import Article, Evidence, GlossaryEntry, LeadSection, SourceSentence

_SENTENCE_ID = re.compile(r"^\[?\s*S?\s*(\d+)\s*\]?$", re.IGNORECASE)
_ID_LIST = re.compile(r"^(?:\[?\s*S\s*\d+\s*\]?[\s,、;]*)+$", re.IGNORECASE)


class SourceIndex:
    """The numbered source sentences, and lookups of ids and verbatim quotes in them."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.sentences = article.sentences()
        self._by_id = {s.id: s for s in self.sentences}

    def numbered(self) -> str:
        return "\n".join(f"[{s.id}] {s.text}" for s in self.sentences)

    def resolve(self, ref: str) -> Evidence | str:
        """Evidence for `ref` (a sentence id or a verbatim quote), or why it is invalid."""
        ref = ref.strip()
        match = _SENTENCE_ID.match(ref)
        if match:
            sentence_id = f"S{int(match.group(1))}"
            found = self._by_id.get(sentence_id)
            if found is None:
                last = len(self.sentences)
                return f"evidence {ref!r} is not a sentence id of the source (S1–S{last})"
            return Evidence(sentence_id=found.id, text=found.text)
        if contains_quote(self.text, ref):
            return Evidence(sentence_id=self._containing(ref), text=ref)
        return f"evidence {ref[:80]!r} is neither a sentence id nor a verbatim quote of the source"

    def resolve_all(self, refs: list[str]) -> tuple[list[Evidence], list[str]]:
        evidence: list[Evidence] = []
        problems: list[str] = []
        for ref in _split_id_lists(refs):
            resolved = self.resolve(ref)
            if isinstance(resolved, str):
                problems.append(resolved)
            elif resolved not in evidence:
                evidence.append(resolved)
        return evidence, problems

    def _containing(self, quote: str) -> str:
        needle = normalize_loose(quote)
        for sentence in self.sentences:
            if needle in normalize_loose(sentence.text):
                return sentence.id
        return ""

    def sentence(self, sentence_id: str) -> SourceSentence | None:
        return self._by_id.get(sentence_id)


def _split_id_lists(refs: list[str]) -> list[str]:
    """Models sometimes pack several ids into one string ("S3, S4"); unpack them."""
    unpacked: list[str] = []
    for ref in refs:
        if _ID_LIST.match(ref.strip()):
            unpacked += re.findall(r"S\s*\d+", ref, re.IGNORECASE)
        else:
            unpacked.append(ref)
    return unpacked


def language_issues(fields: list[tuple[str, str]], lang: str) -> list[str]:
    """One message per (label, text) pair whose text is not in `lang`."""
    issues = []
    for label, text in fields:
        problem = language_problem(text, lang)
        if problem:
            issues.append(f"{label} {problem} ({text[:60]!r}); write it in {lang_name(lang)}")
    return issues


def lang_name(lang: str) -> str:
    return {"ja": "Japanese", "en": "English"}.get(lang, lang)


def glossary_lines(glossary: list[GlossaryEntry], *material: str) -> str:
    """The glossary as lines; given the `material` an agent writes from, only the entries it
    can need (see `glossary_for`)."""
    entries = glossary_for(glossary, *material) if material else glossary
    return "\n".join(f"- {entry.source} → {entry.target}" for entry in entries) or "(none)"


_NOT_A_SURNAME = {"The", "And", "For", "New", "Inc", "Ltd", "Corp", "Co", "Bank", "News"}


def glossary_for(glossary: list[GlossaryEntry], *material: str) -> list[GlossaryEntry]:
    """The entries whose name occurs in `material`: rendered (the whole rendering, or one part
    of a katakana name, e.g. マーシュ), or as written in the source (the whole name, or one of
    its capitalised words, e.g. Marsh, in any case). A writer that adds no names of its own needs
    no more; an extra entry costs a line, a missing one a name rendered twice differently."""
    text = "\n".join(material)
    loose = normalize_loose(text)
    spelt = _spelt_words(text)
    kept = []
    for entry in glossary:
        parts = [entry.target, *re.split(r"[・=＝\s]+", entry.target), entry.source]
        # a capitalised word of three letters or more: a commenter writes "Kuo" for Ming-Chi Kuo
        words = [
            w for w in re.findall(r"\b[A-Z][\w'’-]{2,}", entry.source) if w not in _NOT_A_SURNAME
        ]
        if (
            any(len(p) >= 2 and normalize_loose(p) in loose for p in parts)
            or any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in words)
            or any(_spelt_alike(w, spelt) for w in words if len(w) >= 4)
        ):
            kept.append(entry)
    return kept


def _spelt_words(text: str) -> set[str]:
    """The words of `text` written in Cyrillic or Greek, spelt in ASCII: a Russian reader's
    "Гидсел" for the article's Gidsel (round DD: the reactions prompt's glossary left out the
    six players the Russian comments named, and the translator had to guess)."""
    foreign = re.findall(r"[\u0370-\u03ff\u0400-\u04ff]{3,}", text)
    return {ascii_spelling(word) for word in foreign}


def _spelt_alike(name: str, spelt: set[str]) -> bool:
    """Whether a name is one of those words, near enough (Krickau, "Крикау": krikau)."""
    key = ascii_spelling(name)
    return any(
        (word[:2] == key[:2] and fuzz.ratio(word, key) >= 85)
        or (len(word) > len(key) and word.startswith(key[: max(4, len(key) - 1)]))  # Гидсела
        for word in spelt
    )


def glossary_problems(glossary: list[tuple[str, str]], article: Article) -> list[str]:
    """A glossary name must come from the source: its full form or one of its words. The
    page's outlet and byline count: the lead is asked to name the outlet (「〇〇によると」), and
    a glossary of every name it uses then holds it, though the text may never say it (a
    re-ask on every such page before)."""
    about = " ".join(filter(None, (article.title, article.site_name, article.author)))
    source = normalize_loose(article.text + " " + about)
    problems = []
    for name, target in glossary:
        words = [w for w in re.findall(r"\w+", normalize_loose(name)) if len(w) >= 3]
        if not name.strip() or not target.strip():
            problems.append(f"glossary entry {name!r} → {target!r} is empty")
        elif normalize_loose(name) not in source and not any(w in source for w in words):
            problems.append(f"glossary name {name!r} does not occur in the source")
    return problems


def lead_text(lead: LeadSection) -> str:
    return "\n\n".join(" ".join(s.text for s in paragraph) for paragraph in lead.paragraphs)


def story_in_short(lead: LeadSection) -> str:
    """The lead's first paragraph: who said or did what, when and where."""
    return " ".join(s.text for s in lead.paragraphs[0]) if lead.paragraphs else ""
