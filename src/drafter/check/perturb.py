"""Labelled bad drafts made from good ones, to measure what `drafter check` catches.

Each perturbation changes one thing a careless model (or editor) gets wrong: a number, a date,
a name (swapped for another one of the story, or invented), a dropped hedge, an invented
quotation, a reaction tied to the wrong comment, a link the run never fetched. It records what
it changed so the eval can tell whether the check flagged that very sentence, comment or link.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from drafter.check.draft_md import parse_draft
from drafter.check.quantities import Quantity, ja_quantities, missing_quantities
from drafter.models import GlossaryEntry
from drafter.text import normalize

KINDS = (
    "number",
    "date",
    "name_swap",
    "name_invented",
    "hedge",
    "quote",
    "comment_id",
    "link",
)
INVENTED_NAMES = (
    "ドミトル・ヴァシュケン",
    "オズワルド・プリムソール",
    "ザビーナ・クロイツェル",
    "イゴール・タンバリ",
)
INVENTED_QUOTES = (
    "今回の決定は長年の失策を覆い隠すためのものにすぎない",
    "私たちは来年の春までにこの問題を完全に解決してみせる",
    "市場の混乱はすべて外国の投機筋が仕掛けたものだ",
    "この合意は歴史的な勝利であり、反対している人は一人もいない",
)
FOREIGN_LINKS = (
    "https://www.globalreport.example/analysis/what-it-means/",
    "https://news.otherdesk.example/2026/10/background-explainer",
)
_HEDGE_REWRITES: tuple[tuple[str, str], ...] = (
    (r"する見通し(?:を示しました|だと述べました|です|だと明らかにしました)", "しました"),
    (r"する見通し(?:を示した|だと述べた|だ|である|を明らかにした)", "した"),
    (r"見通しです", "ます"),
    (r"見通しだ", ""),
    (
        r"する(?:予定|方針|計画|意向|考え)(?:です|だと述べました|を示しました|としています)",
        "しました",
    ),
    (r"する(?:予定|方針|計画|意向|考え)(?:だ|である|だと述べた|を示した|としている)", "した"),
    (r"可能性があると(?:述べました|しています|指摘しました)", "ことになりました"),
    (r"可能性があると(?:述べた|している|指摘した)", "ことになった"),
    (r"可能性が(?:高い|ある)", "ことになった"),
    (r"かもしれない", ""),
    (r"見込みです", "ます"),
    (r"見込みだ", ""),
    (r"と(?:述べ|語り|説明し|明らかにし|指摘し)(?:ました|た)", "。"),
    (r"としています", "です"),
    (r"としている", "だ"),
    (r"[^、。]{1,30}(?:によると|によれば)、", ""),
)


@dataclass
class Perturbation:
    kind: str
    description: str
    markdown: str
    section: str  # where the change is: lead, reactions, links
    target: str  # the changed sentence, comment id or URL


def _lead_sentences(markdown: str) -> list[str]:
    return [s.text for s in parse_draft(markdown).section("lead")]


def _replace_once(markdown: str, old: str, new: str) -> str | None:
    if old == new or old not in markdown:
        return None
    return markdown.replace(old, new, 1)


def _changed(value: float, rng: random.Random) -> float:
    if value == int(value) and value < 10:
        return value + rng.choice([2, 3, 4])
    factor = rng.choice([1.3, 1.5, 0.6, 1.25])
    new = value * factor
    return round(new) if value == int(value) else round(new, 1)


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def number(markdown: str, source_q: list[Quantity], rng: random.Random) -> list[Perturbation]:
    out = []
    for sentence in _lead_sentences(markdown):
        quantities = [
            q
            for q in ja_quantities(sentence)
            if q.kind in ("number", "money", "percent", "duration", "points")
            and re.search(r"\d", q.text)
        ]
        if not quantities:
            continue
        target = rng.choice(quantities)
        digits = re.search(r"\d[\d,]*(?:\.\d+)?", target.text)
        if digits is None:
            continue
        old_value = float(digits.group(0).replace(",", ""))
        new_token = target.text.replace(digits.group(0), _fmt(_changed(old_value, rng)), 1)
        changed = sentence.replace(target.text, new_token, 1)
        if not missing_quantities(ja_quantities(changed), source_q):
            continue  # the new value happens to be in the source: not a wrong number
        new_md = _replace_once(markdown, sentence, changed)
        if new_md:
            out.append(
                Perturbation("number", f"{target.text} → {new_token}", new_md, "lead", changed)
            )
    return out


def date(markdown: str, source_q: list[Quantity], rng: random.Random) -> list[Perturbation]:
    out = []
    for sentence in _lead_sentences(markdown):
        text = unicodedata.normalize("NFKC", sentence)
        match = re.search(r"(\d{1,2})月(\d{1,2})日", text) or re.search(r"(\d{1,2})月", text)
        year = re.search(r"(20\d\d)年", text)
        if match:
            if match.re.groups == 2:
                day = (int(match.group(2)) + rng.choice([3, 5, 9])) % 28 + 1
                new = f"{match.group(1)}月{day}日"
            else:
                new = f"{int(match.group(1)) % 12 + 1}月"
            changed = text.replace(match.group(0), new, 1)
        elif year:
            changed = text.replace(year.group(0), f"{int(year.group(1)) + 1}年", 1)
        else:
            continue
        if not missing_quantities(ja_quantities(changed), source_q):
            continue
        new_md = _replace_once(markdown, sentence, changed)
        if new_md:
            out.append(Perturbation("date", "date shifted", new_md, "lead", changed))
    return out


def _entities(glossary: list[GlossaryEntry]) -> list[list[GlossaryEntry]]:
    """Glossary entries grouped by the entity they name (a full name and its surname)."""
    groups: list[list[GlossaryEntry]] = []
    for entry in sorted(glossary, key=lambda e: -len(e.source)):
        tokens = set(entry.source.lower().split())
        for group in groups:
            if any(tokens & set(g.source.lower().split()) for g in group):
                group.append(entry)
                break
        else:
            groups.append([entry])
    return groups


def _same_shape(a: str, b: str) -> bool:
    """Like for like: a full name for a full name, a katakana name for a katakana name, an
    organisation written with kanji for another one."""
    kanji = re.compile(r"[\u4e00-\u9fff]")
    return a.count("・") == b.count("・") and bool(kanji.search(a)) == bool(kanji.search(b))


def name_swap(
    markdown: str, glossary: list[GlossaryEntry], rng: random.Random
) -> list[Perturbation]:
    out = []
    groups = _entities(glossary)
    for sentence in _lead_sentences(markdown):
        present = [
            (group, entry) for group in groups for entry in group if entry.target in sentence
        ]
        if not present:
            continue
        group, entry = max(present, key=lambda pair: len(pair[1].target))
        others = [
            e
            for g in groups
            if g is not group
            for e in g
            if _same_shape(e.target, entry.target)
            and e.target not in sentence
            and e.target not in entry.target
            and entry.target not in e.target
        ]
        if not others:
            continue
        other = rng.choice(others)
        changed = sentence.replace(entry.target, other.target)
        new_md = _replace_once(markdown, sentence, changed)
        if new_md:
            out.append(
                Perturbation(
                    "name_swap", f"{entry.target} → {other.target}", new_md, "lead", changed
                )
            )
    return out


def name_invented(
    markdown: str, glossary: list[GlossaryEntry], rng: random.Random
) -> list[Perturbation]:
    out = []
    for sentence in _lead_sentences(markdown):
        present = sorted(
            (e for e in glossary if e.target in sentence), key=lambda e: -len(e.target)
        )
        if not present:
            continue
        entry = present[0]
        invented = rng.choice(INVENTED_NAMES)
        if "・" not in entry.target:
            invented = invented.split("・")[1]
        changed = sentence.replace(entry.target, invented)
        new_md = _replace_once(markdown, sentence, changed)
        if new_md:
            out.append(
                Perturbation(
                    "name_invented", f"{entry.target} → {invented}", new_md, "lead", changed
                )
            )
    return out


def hedge(markdown: str, rng: random.Random) -> list[Perturbation]:
    from drafter.check.core import _HEDGE_JA

    out = []
    for sentence in _lead_sentences(markdown):
        if not _HEDGE_JA.search(sentence) or "「" in sentence:
            continue  # a quotation's と述べた is attribution, not a hedge on a claim
        changed = sentence
        for pattern, repl in _HEDGE_REWRITES:
            changed = re.sub(pattern, repl, changed)
        changed = re.sub(r"。+", "。", changed).replace("、。", "。")
        if changed == sentence or _HEDGE_JA.search(changed):
            continue  # could not turn it into a plain statement of fact
        new_md = _replace_once(markdown, sentence, changed)
        if new_md:
            out.append(Perturbation("hedge", "hedge dropped", new_md, "lead", changed))
    return out


def quote(markdown: str, glossary: list[GlossaryEntry], rng: random.Random) -> list[Perturbation]:
    people = [e.target for e in glossary if "・" not in e.target] or ["関係者"]
    sentences = _lead_sentences(markdown)
    out = []
    for anchor in rng.sample(sentences, min(2, len(sentences))):
        fake = rng.choice(INVENTED_QUOTES)
        polite = anchor.rstrip("。").endswith(("ます", "ました", "です", "でした"))
        verb = "と述べました。" if polite else "と述べた。"
        added = f"{rng.choice(people)}氏は「{fake}」{verb}"
        new_md = _replace_once(markdown, anchor, anchor + added)
        if new_md:
            out.append(Perturbation("quote", "invented quotation", new_md, "lead", added))
    return out


def comment_id(markdown: str, known_ids: list[str], rng: random.Random) -> list[Perturbation]:
    markers = list(re.finditer(r"<!-- comment id=(\S+?)( score=-?\d+)? -->", markdown))
    out = []
    if markers:
        victim = rng.choice(markers)
        unknown = next(f"c{n}" for n in range(90, 200) if f"c{n}" not in known_ids)
        new_md = markdown.replace(victim.group(0), f"<!-- comment id={unknown} -->", 1)
        out.append(
            Perturbation(
                "comment_id", f"{victim.group(1)} → {unknown}", new_md, "reactions", unknown
            )
        )
    if len(markers) >= 2:
        first, second = rng.sample(markers, 2)
        swapped = (
            markdown[: first.start()]
            + "\0A\0"
            + markdown[first.end() : second.start()]
            + "\0B\0"
            + markdown[second.end() :]
            if first.start() < second.start()
            else None
        )
        if swapped is None:
            first, second = second, first
            swapped = (
                markdown[: first.start()]
                + "\0A\0"
                + markdown[first.end() : second.start()]
                + "\0B\0"
                + markdown[second.end() :]
            )
        swapped = swapped.replace("\0A\0", second.group(0)).replace("\0B\0", first.group(0))
        out.append(
            Perturbation(
                "comment_id",
                f"{first.group(1)} ⇄ {second.group(1)}",
                swapped,
                "reactions",
                second.group(1),
            )
        )
    return out


def link(markdown: str, rng: random.Random) -> list[Perturbation]:
    out = []
    url = FOREIGN_LINKS[0]
    heading = re.search(r"^## (参考リンク|References)\s*$", markdown, re.MULTILINE)
    if heading:
        insert = markdown.index("\n", heading.end()) + 1
        added = f"\n- [関連する解説記事]({url})\n"
        out.append(
            Perturbation(
                "link",
                "unfetched link in 参考リンク",
                markdown[:insert] + added + markdown[insert:],
                "links",
                url,
            )
        )
    url = FOREIGN_LINKS[1]
    paragraphs = [p for p in re.split(r"\n\s*\n", markdown) if p.strip().endswith("。")]
    if paragraphs:
        anchor = rng.choice(paragraphs[len(paragraphs) // 2 :])
        new_md = _replace_once(markdown, anchor, anchor + f"（[詳しい解説]({url})）")
        if new_md:
            out.append(Perturbation("link", "unfetched inline link", new_md, "links", url))
    return out


def perturbations(
    markdown: str,
    *,
    glossary: list[GlossaryEntry],
    source_q: list[Quantity],
    comment_ids: list[str],
    seed: int = 0,
    kinds: tuple[str, ...] = KINDS,
) -> list[Perturbation]:
    rng = random.Random(seed)
    makers = {
        "number": lambda: number(markdown, source_q, rng),
        "date": lambda: date(markdown, source_q, rng),
        "name_swap": lambda: name_swap(markdown, glossary, rng),
        "name_invented": lambda: name_invented(markdown, glossary, rng),
        "hedge": lambda: hedge(markdown, rng),
        "quote": lambda: quote(markdown, glossary, rng),
        "comment_id": lambda: comment_id(markdown, comment_ids, rng),
        "link": lambda: link(markdown, rng),
    }
    out: list[Perturbation] = []
    for kind in kinds:
        out += makers[kind]()
    return out


def detected(perturbation: Perturbation, failing: list[tuple[str, str, str | None]]) -> bool:
    """Whether a failing claim (section, sentence, comment id) is the perturbed one."""
    target = normalize(perturbation.target)
    for section, sentence, comment in failing:
        if perturbation.section == "reactions":
            if comment == perturbation.target:
                return True
        elif perturbation.section == "links":
            if perturbation.target in sentence:
                return True
        elif section == perturbation.section and (
            normalize(sentence) in target or target in normalize(sentence)
        ):
            return True
    return False
