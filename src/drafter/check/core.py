"""Layer 1 of `drafter check`: deterministic checks of a Japanese draft against its source.

No model is needed. For each claim: evidence (recorded by the run, else aligned with multilingual
sentence embeddings), then numbers, names, quotes and hedges against that evidence; reactions
against their original comments; links against what was fetched; books against catalog evidence.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from drafter.check import align
from drafter.check.draft_md import DraftSentence, ParsedDraft
from drafter.check.names import glossary_targets, name_mentions, resolve, source_words
from drafter.check.quantities import (
    Quantity,
    en_quantities,
    has_kind,
    ja_quantities,
    missing_quantities,
    same_value,
)
from drafter.check.report import STRICT_SECTIONS, CheckReport, ClaimReport, JudgeInfo, SourceRef
from drafter.guard import run_urls, url_key
from drafter.links import browser_href, is_absolute_web_url
from drafter.models import Article, CommentThread, GlossaryEntry, SourceSentence
from drafter.text import normalize

# Alignment thresholds, set on the hand-written reference drafts in evals/cases (see
# benchmarks/check_calibration.py): a lead sentence whose best source match is below
# UNSUPPORTED_BELOW and that shares no number or name with the source is "unsupported".
UNSUPPORTED_BELOW = 0.30
EVIDENCE_MIN = 0.25
EVIDENCE_TOP = 3
SUPPORTED_ABOVE = 0.45
NEAR_BEST = 0.0  # aligned sentences this close to the best one count as its evidence too
QUOTE_MIN = 0.45  # a Japanese quotation must match a quoted span of the source at least this well

_MODALITY_EN = re.compile(
    r"\b(expects?|expected|expecting|may|might|could|plans?|planned|planning|aims?|aimed|"
    r"intends?|intended|likely|unlikely|set to|proposed?|proposal|considering|weighing|"
    r"hopes?|hoped|seeks?|sought|forecasts?|forecast|estimated?|projected|potential(?:ly)?|"
    r"possible|possibly|according to|reportedly|allegedly)\b",
    re.IGNORECASE,
)
_HEDGE_JA = re.compile(
    r"見通し|見込|予定|方針|計画|意向|可能性|かもしれ|恐れ|おそれ|予想|予測|見られ|みられ|検討|目指|"
    r"狙|構え|だろう|でしょう|模様|公算|懸念|期待|提案|求め|警告|かねな|得る|うる|によると|によれば|"
    r"としている|とした|と述べ|と語|と話|と説明|と指摘|と発表|と明らかに|と強調|と表明|示した|示唆|"
    r"考え|見方|推計|試算|想定|目標|案|もし|場合|よう求|方向|へ$|たい|つもり|予告|約束|表明"
)
_PRONOUN = re.compile(
    r"^\W*(?:[^,]{0,60},\s*)?(?:he|she|his|her)\b"
    r"|\b(?:he|she) (?:said|says|added|told|noted|warned|argued|wrote)\b",
    re.IGNORECASE,
)
_JA_QUOTE = re.compile(r"「([^」]{4,})」|『([^』]{4,})』")


@dataclass
class CheckInputs:
    article: Article
    draft: ParsedDraft
    draft_label: str
    source_label: str
    thread: CommentThread | None = None
    glossary: list[GlossaryEntry] = field(default_factory=list)
    recorded_evidence: dict[str, list[str]] = field(default_factory=dict)
    recorded_kinds: dict[str, str] = field(default_factory=dict)
    fetched_urls: set[str] = field(default_factory=set)
    verified_books: dict[str, str] = field(default_factory=dict)  # normalised title → record


def fetched_urls(article: Article, thread: CommentThread | None) -> set[str]:
    return {url_key(u) for u in run_urls(article, thread)}


class Checker:
    def __init__(self, inputs: CheckInputs) -> None:
        self.inputs = inputs
        self.sentences: list[SourceSentence] = inputs.article.sentences()
        self.by_id = {s.id: s for s in self.sentences}
        self.index = {s.id: n for n, s in enumerate(self.sentences)}
        self.source_q = [en_quantities(s.text) for s in self.sentences]
        self.all_q = [q for qs in self.source_q for q in qs]
        self.targets = glossary_targets(inputs.glossary)
        self.glossary_names = [unicodedata.normalize("NFKC", e.target) for e in inputs.glossary]
        self.short_names = {
            normalize(e.source).casefold() for e in inputs.glossary if " " not in e.source.strip()
        }
        self.words = source_words(inputs.article.text)
        self.source_norm = normalize(inputs.article.text).casefold()
        self._quotes: list[str] | None = None
        self._rows: dict[str, np.ndarray] = {}

    def ranked(self, sentence: str) -> list[str]:
        """Source sentence ids, best aligned to `sentence` first."""
        row = self._rows.get(sentence)
        if row is None:
            row = align.similarity([sentence], [s.text for s in self.sentences])[0]
        return [self.sentences[i].id for i in _best_first(row)]

    # ------------------------------------------------------------ claims

    def run(self) -> list[ClaimReport]:
        draft = self.inputs.draft
        claims_in = [DraftSentence("title", draft.title)] if draft.title else []
        claims_in += draft.sentences
        texts = [c.text for c in claims_in]
        sims = align.similarity(texts, [s.text for s in self.sentences])
        self._rows = {text: sims[n] for n, text in enumerate(texts)}
        reports = [self._claim(c, sims[n]) for n, c in enumerate(claims_in)]
        reports += self._reactions()
        reports += self._links()
        reports += self._books()
        return reports

    def _evidence_ids(
        self, claim: DraftSentence, sims: np.ndarray
    ) -> tuple[list[str], list[str], float]:
        """(evidence ids, the closest of them, best similarity). The closest are the recorded
        evidence, or the aligned sentences within NEAR_BEST of the best match."""
        best = float(sims.max()) if sims.size else 0.0
        recorded = self.inputs.recorded_evidence.get(normalize(claim.text))
        if recorded:
            ids = [i for i in recorded if i in self.by_id]
            return ids, list(ids), best
        order = _best_first(sims)[:EVIDENCE_TOP]
        ids = [self.sentences[i].id for i in order if sims[i] >= EVIDENCE_MIN]
        if not ids and sims.size:
            ids = [self.sentences[int(order[0])].id]
        closest = [self.sentences[i].id for i in order if sims[i] >= best - NEAR_BEST]
        return ids, closest, best

    def _window(self, ids: list[str]) -> list[SourceSentence]:
        """The evidence sentences and the one before each (where a name often is: "Marsh
        said…. She added…"), reaching back one more when it opens with he/she."""
        keep: set[int] = set()
        for sid in ids:
            n = self.index[sid]
            back = 2 if _PRONOUN.search(self.sentences[n].text) else 1
            keep.update(range(max(0, n - back), n + 1))
        return [self.sentences[n] for n in sorted(keep)]

    def _claim(self, claim: DraftSentence, sims: np.ndarray) -> ClaimReport:
        strict = claim.section in STRICT_SECTIONS
        ids, closest, best = self._evidence_ids(claim, sims)
        evidence = [self.by_id[i] for i in ids]
        contradictions: list[tuple[str, str]] = []
        gaps: list[tuple[str, str]] = []
        support: list[str] = []

        claim_q = ja_quantities(claim.text)
        if claim.section == "title" or not evidence:
            evidence_q = self.all_q
        else:
            evidence_q = [q for s in evidence for q in self.source_q[self.index[s.id]]]
        for quantity in missing_quantities(claim_q, evidence_q):
            elsewhere = self._find_quantity(quantity)
            if elsewhere is not None:
                if elsewhere not in ids:
                    ids.append(elsewhere)
                support.append("numbers")
                continue
            if has_kind(evidence_q, quantity.kind):
                said = ", ".join(q.label() for q in evidence_q if _comparable(quantity, q))
                contradictions.append(
                    ("numbers", f"「{quantity.label()}」 does not match the source ({said})")
                )
            else:
                gaps.append(("numbers", f"「{quantity.label()}」 is not in the source"))
        if claim_q and not any(r[0] == "numbers" for r in contradictions + gaps):
            support.append("numbers")
        # A sentence holding the claim's own specific numbers is its evidence, whatever the
        # embeddings ranked first (a number more specific than a year or a small count).
        specific = [q for q in claim_q if _specific(q)]
        for n, found in enumerate(self.source_q):
            sid = self.sentences[n].id
            if sid not in closest and any(same_value(q, f) for q in specific for f in found):
                closest.append(sid)

        window = self._window(closest) if claim.section != "title" else self.sentences
        window_text = normalize(" ".join(s.text for s in window)).casefold()
        for mention in name_mentions(claim.text, self.glossary_names, self.inputs.article.text):
            if mention.from_glossary:
                resolved = {mention.text: self.targets.get(mention.text)}
            else:
                resolved = {part: resolve(part, self.targets, self.words) for part in mention.parts}
            known = sum(1 for form in resolved.values() if form)
            if known * 2 < len(resolved):  # most of the name matches nothing in the source
                gaps.append(
                    ("names", f"the name 「{mention.text}」 is not in the source or glossary")
                )
                continue
            for part, source_form in resolved.items():
                if source_form is None:
                    continue  # a common word inside an organisation's name (コメ, エネルギー)
                key = normalize(source_form).casefold()
                tokens = [key]
                last = key.split()[-1]
                if last != key and last in self.short_names:
                    tokens.append(last)  # "Marsh" stands for "Elena Marsh" in the source
                if not mention.from_glossary and part not in self.glossary_names:
                    # マーシュ alone, matched through one part of エレナ・マーシュ: any part will do
                    tokens += [t for t in key.split() if len(t) >= 3]
                near = claim.section == "lead"  # elsewhere a name may come from anywhere
                if near and not any(t in window_text for t in tokens):
                    if any(t in self.source_norm for t in tokens):
                        gaps.append(
                            (
                                "names",
                                f"「{part}」 ({source_form}) is not in the source sentences "
                                "this claim rests on",
                            )
                        )
                    else:
                        gaps.append(("names", f"「{part}」 ({source_form}) is not in the source"))
                elif any(t in self.source_norm for t in tokens):
                    support.append("names")
                else:
                    gaps.append(("names", f"「{part}」 ({source_form}) is not in the source"))

        if claim.section in ("lead", "title"):
            for quoted in _JA_QUOTE.finditer(claim.text):
                content = quoted.group(1) or quoted.group(2)
                score, span = self._best_quote(content)
                if score < QUOTE_MIN:
                    where = f" (closest: “{span[:60]}”, {score:.2f})" if span else ""
                    contradictions.append(
                        ("quotes", f"the quotation 「{content[:40]}」 is not in the source{where}")
                    )

        if claim.section == "lead" and evidence:
            hedged = [self.by_id[i] for i in closest if _MODALITY_EN.search(self.by_id[i].text)]
            if hedged and not _HEDGE_JA.search(claim.text):
                word = _MODALITY_EN.search(hedged[0].text)
                contradictions.append(
                    (
                        "hedges",
                        f"the source hedges ({word.group(0) if word else 'modal'!s}) "
                        "but this sentence states it as fact",
                    )
                )

        recorded = normalize(claim.text) in self.inputs.recorded_evidence
        if recorded:
            support.append("evidence")
        weak = best < UNSUPPORTED_BELOW and not support
        kind = self.inputs.recorded_kinds.get(normalize(claim.text))
        refs = [SourceRef(id=i, text=self.by_id[i].text) for i in ids]
        reasons = [r for _, r in contradictions + gaps]
        if contradictions:
            verdict, decided = "contradicted", contradictions[0][0]
        elif gaps:
            verdict, decided = "unsupported", gaps[0][0]
        elif claim.section in ("lead", "title"):
            if weak and claim.section == "lead":
                verdict, decided = "unsupported", "alignment"
                reasons.append(f"no source sentence says this (best match {best:.2f})")
            else:
                verdict = "supported"
                decided = (
                    "evidence" if recorded else ("+".join(sorted(set(support))) or "alignment")
                )
        else:
            if kind in ("background", "opinion"):
                verdict, decided = kind, "run"
            elif best >= SUPPORTED_ABOVE:
                verdict, decided = "supported", "alignment"
            else:
                verdict = "background" if claim.section == "background" else "opinion"
                decided = "section"
            if verdict in ("background", "opinion"):
                refs = []
        if claim.section not in ("lead", "title") and verdict == "contradicted":
            verdict = "unsupported"  # listed for the editor; outside the lead it never fails
        return ClaimReport(
            section=claim.section,
            sentence=claim.text,
            verdict=verdict,
            evidence=refs,
            decided_by=decided,
            reasons=reasons,
            similarity=round(best, 3),
            fails=strict and verdict in ("contradicted", "unsupported"),
        )

    def _best_quote(self, content: str) -> tuple[float, str]:
        """How closely a Japanese quotation matches any quoted span of the source."""
        if self._quotes is None:
            spans = re.findall(r'"([^"]{8,})"', normalize(self.inputs.article.text))
            self._quotes = spans
        if not self._quotes:
            return 0.0, ""
        row = align.similarity([content], self._quotes)[0]
        best = int(np.argmax(row))
        return float(row[best]), self._quotes[best]

    def _find_quantity(self, quantity: Quantity) -> str | None:
        for n, found in enumerate(self.source_q):
            if any(same_value(quantity, q) for q in found):
                return self.sentences[n].id
        return None

    # ------------------------------------------------------------ reactions

    def _reactions(self) -> list[ClaimReport]:
        draft, thread = self.inputs.draft, self.inputs.thread
        out: list[ClaimReport] = []
        for text in draft.unmarked_reactions:
            out.append(
                ClaimReport(
                    section="reactions",
                    sentence=text,
                    verdict="unsupported",
                    decided_by="comments",
                    reasons=["a reaction without a <!-- comment id=… --> marker: no original"],
                    fails=True,
                )
            )
        if not draft.reactions:
            return out
        comments = {c.id: c for c in thread.comments} if thread else {}
        bodies = [c.body for c in comments.values()]
        ids = list(comments)
        sims = align.similarity([r.text for r in draft.reactions], bodies) if bodies else None
        for n, reaction in enumerate(draft.reactions):
            reasons: list[str] = []
            contradicted = False
            original = comments.get(reaction.comment_id or "")
            refs: list[SourceRef] = []
            if thread is None:
                reasons.append("no comments input was given, so the original cannot be checked")
            elif original is None:
                reasons.append(f"comment id {reaction.comment_id!r} is not in the thread")
            else:
                refs = [SourceRef(id=original.id, text=original.body)]
                if reaction.score is not None and original.score not in (None, reaction.score):
                    reasons.append(
                        f"score {reaction.score} in the draft, {original.score} in the thread"
                    )
                missing = missing_quantities(
                    ja_quantities(reaction.text), en_quantities(original.body)
                )
                if missing:
                    contradicted = True
                    reasons.append(
                        "numbers not in the original comment: "
                        + ", ".join(q.label() for q in missing)
                    )
                if sims is not None:
                    row = sims[n]
                    own = float(row[ids.index(original.id)])
                    best_i = int(np.argmax(row))
                    if ids[best_i] != original.id and float(row[best_i]) - own >= 0.15:
                        contradicted = True
                        reasons.append(
                            f"the translation reads like comment {ids[best_i]} "
                            f"({float(row[best_i]):.2f}), not {original.id} ({own:.2f})"
                        )
            verdict = (
                "contradicted" if contradicted else ("unsupported" if reasons else "supported")
            )
            out.append(
                ClaimReport(
                    section="reactions",
                    sentence=reaction.text,
                    verdict=verdict,
                    evidence=refs,
                    decided_by="comments",
                    reasons=reasons,
                    comment_id=reaction.comment_id,
                    fails=bool(reasons),
                )
            )
        return out

    # ------------------------------------------------------------ links and books

    def _links(self) -> list[ClaimReport]:
        out = []
        seen: set[str] = set()
        for section, url in self.inputs.draft.urls:
            target = browser_href(url)  # where a reader's browser goes: `http:/x` is x
            key = url_key(target)
            if key in seen:
                continue
            seen.add(key)
            ok = is_absolute_web_url(target) and key in self.inputs.fetched_urls
            out.append(
                ClaimReport(
                    section="links",
                    sentence=url,
                    verdict="supported" if ok else "unsupported",
                    decided_by="links",
                    reasons=[] if ok else [f"not fetched by this run (in {section})"],
                    fails=not ok,
                )
            )
        for section, image in self.inputs.draft.images:
            out.append(
                ClaimReport(
                    section="links",
                    sentence=image,
                    verdict="unsupported",
                    decided_by="links",
                    reasons=[f"an image in {section}: drafts carry no images"],
                    fails=True,
                )
            )
        return out

    def _books(self) -> list[ClaimReport]:
        out = []
        for book in self.inputs.draft.books:
            record = self.inputs.verified_books.get(normalize(book.heading).casefold())
            out.append(
                ClaimReport(
                    section="books",
                    sentence=book.heading,
                    verdict="supported" if record else "unsupported",
                    decided_by="books",
                    evidence=[SourceRef(id="catalog", text=record)] if record else [],
                    reasons=[] if record else ["no library-catalog record backs this book"],
                    fails=not record,
                )
            )
        return out


def _best_first(scores: np.ndarray) -> list[int]:
    """Indices, highest score first. Equal scores keep source order (a stable sort; numpy's
    default quicksort leaves their order to its internals)."""
    return [int(i) for i in np.argsort(-scores, kind="stable")]


def _specific(quantity: Quantity) -> bool:
    """A value specific enough to pin a claim to the source sentence that holds it (not a
    year, a small count or a common span such as one year)."""
    if quantity.kind in ("year", "month"):
        return False
    if quantity.kind == "duration":
        return quantity.value > 12
    if quantity.kind == "number":
        return quantity.value > 12
    return True


def _comparable(claim: Quantity, source: Quantity) -> bool:
    return source.kind == claim.kind or (claim.kind == "month" and source.kind == "date")


def check(inputs: CheckInputs, judge: Any = None) -> CheckReport:
    """Layer 1 on every claim, then the judge (a drafter.check.judge.Judge) when given one.
    `judge` may also be a JudgeInfo saying why there is no judge."""
    load = align.load()
    started = time.perf_counter()
    checker = Checker(inputs)
    claims = checker.run()
    layer1 = time.perf_counter() - started
    info = JudgeInfo(status="off", detail="not requested")
    judge_seconds = 0.0
    if isinstance(judge, JudgeInfo):
        info = judge
    elif judge is not None:
        started = time.perf_counter()
        info = judge.refine(checker, claims)
        judge_seconds = time.perf_counter() - started
    return CheckReport(
        draft=inputs.draft_label,
        source=inputs.source_label,
        lang=inputs.draft.lang,
        claims=claims,
        layout=inputs.draft.layout,
        judge=info,
        model_load_seconds=round(load, 3),
        check_seconds=round(layer1, 3),
        judge_seconds=round(judge_seconds, 3),
    )
