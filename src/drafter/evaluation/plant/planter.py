"""The planter: where in a draft each kind of error can go, and the change it makes there."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence

from .draft import Unit, parse
from .english import EnglishSentence, english_sentences
from .hedges import HEDGE_LEFT, OPINION, dropped_hedge
from .links import invent_id, url_key, url_slips
from .names import KATAKANA_RUN, Name, find_names, invent, match_words, sounds_like
from .numbers import (
    JA_MONTH,
    JA_MONTH_DAY,
    JA_WEEKDAY,
    JA_YEAR,
    WEEKDAY_KANJI,
    JaNumber,
    ja_numbers,
    number_changes,
)
from .quotes import JA_QUOTE, flip_quote


class Planter:
    """A draft read against its source: the sites of each kind of error and the changes there."""

    def __init__(
        self,
        markdown: str,
        source_text: str,
        comments: Mapping[str, str],
        comment_ids: Sequence[str],
        fetched_urls: Iterable[str],
        glossary: Mapping[str, str],
    ) -> None:
        self.draft = parse(markdown)
        self.source = english_sentences(source_text)
        self.comments = {cid: english_sentences(body) for cid, body in comments.items()}
        self.comment_ids = list(dict.fromkeys(comment_ids))
        self.fetched = {url_key(u) for u in fetched_urls if u}
        self.glossary = dict(glossary)
        self.capitals = {c for s in self.source for c in s.capitals}
        for sentences in self.comments.values():
            self.capitals |= {c for s in sentences for c in s.capitals}
        self.names = find_names(self.draft.sentences, self.source, self.capitals, self.glossary)

    # ---- what the source behind a sentence is

    def reference(self, unit: Unit) -> list[EnglishSentence]:
        """The source a sentence answers to: the comment for a reaction, else the article."""
        if unit.section == "reactions":
            return self.comments.get(unit.comment_id or "", [])
        return self.source

    def anchors(self, unit: Unit, sentence: EnglishSentence) -> int:
        """How many figures, dates and katakana words a draft sentence shares with a source
        sentence (a rough alignment across the two languages)."""
        text = unit.text
        score = 0
        values = {(round(n.value, 6), n.percent) for n in ja_numbers(text)}
        score += len(values & {(round(v, 6), p) for v, p in sentence.numbers})
        score += len({int(y) for y in JA_YEAR.findall(text)} & sentence.years)
        score += len({int(m) for m, _ in JA_MONTH_DAY.findall(text)} & sentence.months)
        score += len({int(m) for m in JA_MONTH.findall(text)} & sentence.months)
        score += len({WEEKDAY_KANJI.index(w) for w in JA_WEEKDAY.findall(text)} & sentence.weekdays)
        for run in dict.fromkeys(KATAKANA_RUN.findall(text)):
            name = self.names.get(run)
            if name is not None:
                lowered = {w.lower() for w in name.english}
                if lowered & sentence.words:
                    score += 1
                    continue
            if any(match_words(part, sentence.words) for part in run.split("・")):
                score += 1
        return score

    def aligned(self, unit: Unit) -> list[EnglishSentence]:
        reference = self.reference(unit)
        if not reference:
            return []
        scores = [self.anchors(unit, s) for s in reference]
        best = max(scores)
        return [s for s, score in zip(reference, scores, strict=True) if score == best and best]

    # ---- the kinds

    def number_sites(self, unit: Unit) -> list[object]:
        known = {(round(v, 6), p) for s in self.reference(unit) for v, p in s.numbers}
        return [n for n in ja_numbers(unit.text) if (round(n.value, 6), n.percent) in known]

    def number_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, JaNumber)
        changes = number_changes(site, rng)
        if not changes:
            return None
        text, label = rng.choice(changes)
        return unit.text[: site.start] + text + unit.text[
            site.end :
        ], f"{site.text}→{text} ({label})"

    def date_sites(self, unit: Unit) -> list[object]:
        reference = self.reference(unit)
        years = {y for s in reference for y in s.years}
        months = {m for s in reference for m in s.months}
        days = {d for s in reference for d in s.days}
        weekdays = {w for s in reference for w in s.weekdays}
        sites: list[object] = []
        taken: set[int] = set()
        for found in JA_MONTH_DAY.finditer(unit.text):
            month, day = int(found.group(1)), int(found.group(2))
            if (month, day) in days:
                sites.append(("month", found.start(1), found.end(1), month))
                sites.append(("day", found.start(2), found.end(2), day))
            elif month in months:
                sites.append(("month", found.start(1), found.end(1), month))
            taken.update(range(found.start(), found.end()))
        for found in JA_MONTH.finditer(unit.text):
            if found.start() not in taken and int(found.group(1)) in months:
                sites.append(("month", found.start(1), found.end(1), int(found.group(1))))
        for found in JA_YEAR.finditer(unit.text):
            if int(found.group(1)) in years:
                sites.append(("year", found.start(1), found.end(1), int(found.group(1))))
        for found in JA_WEEKDAY.finditer(unit.text):
            if WEEKDAY_KANJI.index(found.group(1)) in weekdays:
                sites.append(("weekday", found.start(1), found.end(1), found.group(1)))
        return sites

    def date_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, tuple)
        what, start, end, old = site
        step = rng.choice((-3, -2, -1, 1, 2, 3))
        if what == "year":
            new = str(old + step)
        elif what == "month":
            new = str((old - 1 + step) % 12 + 1)
        elif what == "day":
            day = old + step * 2
            new = str(day if 1 <= day <= 28 else old - step * 2)
        else:
            new = WEEKDAY_KANJI[(WEEKDAY_KANJI.index(old) + step) % 7]
        text = unit.text[:start] + new + unit.text[end:]
        return text, f"{what} {unit.text[start:end]}→{new}"

    def _grounded(self, unit: Unit, name: Name) -> list[EnglishSentence]:
        """The source sentences that state what the sentence says about `name`."""
        lowered = {w.lower() for w in name.english}
        holding = [s for s in self.reference(unit) if lowered & s.words]
        if not holding:
            return []
        aligned = [s for s in holding if self.anchors(unit, s) >= 2]
        if aligned:
            return aligned
        return holding if unit.section in ("title", "lead", "reactions") else []

    def name_sites(self, unit: Unit) -> list[object]:
        sites: list[object] = []
        for found in KATAKANA_RUN.finditer(unit.text):
            name = self.names.get(found.group())
            if name is not None and self._grounded(unit, name):
                sites.append((found.start(), found.end(), name))
        return sites

    def swap_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, tuple)
        start, end, name = site
        grounded = self._grounded(unit, name)
        others = []
        for other in self.names.values():
            if (other.person, other.org) != (name.person, name.org):
                continue
            if set(other.parts) & set(name.parts):
                continue
            lowered = {w.lower() for w in other.english}
            if any(lowered & s.words for s in grounded):
                continue  # the source says the same of that one
            others.append(other)
        if not others:
            return None
        other = rng.choice(sorted(others, key=lambda n: n.text))
        text = other.text
        if name.person and len(name.parts) == 1 and len(other.parts) > 1:
            text = other.parts[-1]
        elif name.person and len(name.parts) > 1 and len(other.parts) == 1:
            full = [
                n.text
                for n in self.names.values()
                if n.parts[-1] == other.text and len(n.parts) > 1
            ]
            text = full[0] if full else other.text
        sentence = unit.text
        rest = sentence[:start] + "\u0000" * (end - start) + sentence[end:]
        if text in rest:  # both in the sentence: exchange them
            at = rest.index(text)
            edits = sorted([(start, end, text), (at, at + len(text), name.text)], reverse=True)
            for begin, finish, new in edits:
                sentence = sentence[:begin] + new + sentence[finish:]
            return sentence, f"{name.text} ⇄ {text}"
        return sentence[:start] + text + sentence[end:], f"{name.text}→{text}"

    def invent_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, tuple)
        start, end, name = site
        draft_text = self.draft.markdown
        for _ in range(40):
            if name.person and len(name.parts) >= 2:
                invented = invent(rng, 2) + "・" + invent(rng, 3)
            elif name.person:
                invented = invent(rng, 3)
            else:
                invented = "・".join((invent(rng, 3), *name.parts[1:]))
            made = invented.split("・")[: 2 if name.person else 1]
            if any(part in draft_text for part in made):
                continue
            if any(sounds_like(part, w) >= 0.6 for part in made for w in self.capitals):
                continue
            text = unit.text[:start] + invented + unit.text[end:]
            return text, f"{name.text}→{invented} (invented)"
        return None

    def quote_sites(self, unit: Unit) -> list[object]:
        if not any(s.quoted for s in self.reference(unit)):
            return []
        quotes = list(JA_QUOTE.finditer(unit.text))
        if not quotes:
            return []
        if unit.section == "reactions":
            return [(q.start(1), q.end(1)) for q in quotes]
        aligned = self.aligned(unit)
        reference = self.reference(unit)
        near: set[int] = set()
        for sentence in aligned:
            index = reference.index(sentence)
            near.update(i for i in (index - 1, index, index + 1) if 0 <= i < len(reference))
        if not any(reference[i].quoted for i in near):
            return []
        return [(q.start(1), q.end(1)) for q in quotes]

    def quote_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        assert isinstance(site, tuple)
        start, end = site
        flipped = flip_quote(unit.text[start:end], rng)
        if flipped is None:
            return None
        inner, label = flipped
        return unit.text[:start] + inner + unit.text[end:], label

    def hedge_sites(self, unit: Unit) -> list[object]:
        if not HEDGE_LEFT.search(unit.text) or OPINION.search(unit.text):
            return []  # no hedge, or the writer's own hedged opinion (と言えるでしょう)
        if not any(s.hedged for s in self.aligned(unit)):
            return []
        return [None] if dropped_hedge(unit.text, unit.section == "title") else []

    def hedge_change(self, unit: Unit, site: object, rng: random.Random) -> tuple[str, str] | None:
        changed = dropped_hedge(unit.text, unit.section == "title")
        if changed is None:
            return None
        return changed, "hedge dropped"

    # ---- comment ids and links

    def new_comment_id(self, marker: Unit, rng: random.Random) -> tuple[str, str] | None:
        used = {m.text for m in self.draft.markers}
        others = sorted(
            m.text
            for m in self.draft.markers
            if m.text != marker.text
            and self.draft.reaction_text(m.text) != self.draft.reaction_text(marker.text)
        )
        invented = invent_id(marker.text, set(self.comment_ids) | used, rng)
        choices = [(invented, "an id not in the thread")] if invented else []
        if others:
            other = rng.choice(others)
            choices.append((other, f"the id of another reaction ({other})"))
        return rng.choice(choices) if choices else None

    def new_url(self, link: Unit, rng: random.Random) -> tuple[str, str] | None:
        options = [u for u in url_slips(link.text) if url_key(u) not in self.fetched]
        if not options:
            return None
        url = rng.choice(options)
        return url, "a URL this run never fetched"
