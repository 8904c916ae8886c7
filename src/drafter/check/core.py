"""Layer 1 of `drafter check`: deterministic checks of a Japanese draft against its source.

No model is needed. For each claim: evidence (recorded by the run, else aligned with multilingual
sentence embeddings), then numbers, names, quotes and hedges against that evidence; reactions
against their original comments; links against what was fetched; books against catalog evidence.
"""

from __future__ import annotations

import itertools
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any

import numpy as np

from drafter.check import claims
from drafter.check.claims import Anchor, Finding
from drafter.check.draft_md import DraftSentence, ParsedDraft
from drafter.check.report import CheckReport, ClaimReport, JudgeInfo, SourceRef
from drafter.guard import run_urls, url_key
from drafter.lang import align
from drafter.lang.names import glossary_targets, source_words
from drafter.lang.quantities import (
    Quantity,
    en_quantities,
    ja_quantities,
    same_kind,
    same_value,
)
from drafter.lang.text import normalize
from drafter.links import browser_href, is_absolute_web_url
from drafter.models import Article, CommentThread, GlossaryEntry, SourceSentence

# Alignment thresholds, set on the hand-written reference drafts in evals/cases and the dev
# split of evals/heldout: a lead sentence whose best source match is below UNSUPPORTED_BELOW and
# that shares no number or name with the source is listed to verify.
UNSUPPORTED_BELOW = 0.30
EVIDENCE_MIN = 0.25
EVIDENCE_TOP = 3
SUPPORTED_ABOVE = 0.45
RECORDED_EDIT_MIN = 0.8  # an edited sentence still this close to a recorded one keeps its evidence
NEAR_BEST = 0.0  # aligned sentences this close to the best one count as its evidence too
_PRONOUN = re.compile(
    r"^\W*(?:[^,]{0,60},\s*)?(?:he|she|his|her)\b"
    r"|\b(?:he|she) (?:said|says|added|told|noted|warned|argued|wrote)\b",
    re.IGNORECASE,
)


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
    # the headline's framing phrases (「脱・中国依存」) as the run recorded them: not quotations
    title_framing: list[str] = field(default_factory=list)
    # glossary readings the run marked as guesses: listed for the editor to verify
    guessed_names: list[str] = field(default_factory=list)


def fetched_urls(article: Article, thread: CommentThread | None) -> set[str]:
    return {url_key(u) for u in run_urls(article, thread)}


class Checker:
    def __init__(self, inputs: CheckInputs) -> None:
        self.inputs = inputs
        self.sentences: list[SourceSentence] = inputs.article.sentences()
        self.by_id = {s.id: s for s in self.sentences}
        self.index = {s.id: n for n, s in enumerate(self.sentences)}
        self.source_q = [en_quantities(s.text) for s in self.sentences]
        self.dated_q = self._add_weekdays(inputs.article)
        self.all_q = [q for qs in self.source_q for q in qs]
        self.targets = glossary_targets(inputs.glossary)
        self.glossary_names = [unicodedata.normalize("NFKC", e.target) for e in inputs.glossary]
        self.short_names = {
            normalize(e.source).casefold() for e in inputs.glossary if " " not in e.source.strip()
        }
        # the outlet and byline are named by the draft (ロイター通信によると) but not in the text
        about = " ".join(
            filter(None, [inputs.article.site_name, inputs.article.author, inputs.article.title])
        )
        self.words = source_words(f"{inputs.article.text}\n{about}")
        self.common_words = sorted(
            {w for w in re.findall(r"\b[a-z][a-z-]{3,}\b", inputs.article.text)}
        )
        self.source_norm = normalize(f"{inputs.article.text}\n{about}").casefold()
        # words of the byline and outlet: names a draft gives that no sentence holds
        byline = f"{inputs.article.author or ''} {inputs.article.site_name or ''}"
        self.byline = set(normalize(byline.replace(",", " ")).casefold().split())
        self._rows: dict[str, np.ndarray] = {}
        self.lang = inputs.draft.lang
        self.framing = {normalize(f) for f in inputs.title_framing}

    def _add_weekdays(self, article: Article) -> list[Quantity]:
        """Weekdays the source names become the dates they stand for, against the dateline
        ("on Tuesday" in a Nov. 20 story is 11月19日), as the lead agent was told; the
        dateline's year is one the draft may give (今年)."""
        from drafter.lang.weekdays import dateline_of, weekday_dates

        dateline = dateline_of(article.date)
        if dateline is None:
            return []
        for entry in weekday_dates(self.sentences, dateline):
            # the resolved date, and the same weekday a week the other way: tense is read from
            # a few words, and a draft that read it otherwise is not proven wrong
            other = entry.date + timedelta(days=7 if entry.date <= dateline else -7)
            for day in (entry.date, other):
                value = day.month * 100 + day.day
                self.source_q[self.index[entry.sentence_id]].append(
                    Quantity("date", value, "", entry.phrase)
                )
        return [Quantity("year", dateline.year)]

    def say(self, ja: str, en: str) -> str:
        """A reason in the draft's language: editors of a Japanese draft read Japanese."""
        return en if self.lang == "en" else ja

    def quoted_in_thread(self, content: str) -> bool:
        """Whether a quotation renders one of the thread's comments (analysis quotes them)."""
        comments = self.inputs.thread.comments if self.inputs.thread else []
        return _closest(content, [c.body for c in comments])[0] >= claims.QUOTE_MIN

    def says_in_source(self, content: str) -> float:
        """How closely a quotation's words say what some source sentence says."""
        return _closest(content, [s.text for s in self.sentences])[0]

    @cached_property
    def quotes(self) -> list[str]:
        """The source's quoted spans (see `quoted_spans`)."""
        return quoted_spans(self.inputs.article.text)

    def best_quote(self, content: str) -> tuple[float, str]:
        """How closely a Japanese quotation matches any quoted span of the source."""
        score, index = _closest(content, self.quotes)
        return score, self.quotes[index] if index >= 0 else ""

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

    def _anchor(self, claim: DraftSentence, sims: np.ndarray) -> Anchor:
        """The claim's evidence: the sentences the run recorded, or the aligned ones (the top
        few above EVIDENCE_MIN; the closest are those within NEAR_BEST of the best)."""
        best = float(sims.max()) if sims.size else 0.0
        recorded = self._recorded(claim.text)
        if recorded:
            ids = [i for i in recorded if i in self.by_id]
            if ids:
                return Anchor(ids, list(ids), best, recorded=True)
        order = _best_first(sims)[:EVIDENCE_TOP]
        ids = [self.sentences[i].id for i in order if sims[i] >= EVIDENCE_MIN]
        if not ids and sims.size:
            ids = [self.sentences[int(order[0])].id]
        closest = [self.sentences[i].id for i in order if sims[i] >= best - NEAR_BEST]
        return Anchor(ids, closest, best, recorded=False)

    def _recorded(self, text: str) -> list[str] | None:
        """The evidence the run recorded for this sentence, also after an editor changed a few
        characters of it (24か月 for 12か月 must still be checked against S5)."""
        key = normalize(text)
        exact = self.inputs.recorded_evidence.get(key)
        if exact or not self.inputs.recorded_evidence:
            return exact
        best, found = 0.0, None
        for other, ids in self.inputs.recorded_evidence.items():
            if abs(len(other) - len(key)) > max(len(key), len(other)) * 0.3:
                continue
            ratio = SequenceMatcher(None, key, other, autojunk=False).ratio()
            if ratio > best:
                best, found = ratio, ids
        return found if best >= RECORDED_EDIT_MIN else None

    def window(self, ids: list[str], around: int = 0) -> list[SourceSentence]:
        """The evidence sentences and the one before each (where a name often is: "Marsh
        said…. She added…"), reaching back one more when it opens with he/she; `around` more
        on each side."""
        keep: set[int] = set()
        for sid in ids:
            n = self.index[sid]
            back = (2 if _PRONOUN.search(self.sentences[n].text) else 1) + around
            keep.update(range(max(0, n - back), min(len(self.sentences), n + around + 1)))
        return [self.sentences[n] for n in sorted(keep)]

    def _claim(self, claim: DraftSentence, sims: np.ndarray) -> ClaimReport:
        anchor = self._anchor(claim, sims)
        self._pin_by_figures(claim.text, anchor)
        findings: list[Finding] = []
        # names first: a name shared with the source sentence firms the anchor for numbers
        for check_one in (claims.names, claims.numbers, claims.quotes, claims.hedges):
            findings += check_one(self, claim.section, claim.text, anchor)
        if claim.section == "lead":
            findings += self._guessed(claim.text)
        return self._verdict(claim, anchor, findings)

    def _pin_by_figures(self, text: str, anchor: Anchor) -> None:
        """A source sentence holding the claim's own specific figures is its evidence, whatever
        the embeddings ranked first (a number more specific than a year or a small count)."""
        if anchor.recorded:
            return
        specific = [q for q in ja_quantities(text) if claims._specific(q)]
        for n, found in enumerate(self.source_q):
            sid = self.sentences[n].id
            if sid not in anchor.closest and any(
                same_value(q, f) and q.value == f.value for q in specific for f in found
            ):
                anchor.closest.append(sid)
                if sid not in anchor.ids:
                    anchor.ids.append(sid)

    def _guessed(self, text: str) -> list[Finding]:
        return [
            Finding(
                "names",
                False,
                self.say(
                    f"「{name}」の漢字表記は推定です（確認を）",
                    f"the spelling 「{name}」 is a guess: verify it",
                ),
            )
            for name in self.inputs.guessed_names
            if name and name in unicodedata.normalize("NFKC", text)
        ]

    def _verdict(
        self, claim: DraftSentence, anchor: Anchor, findings: list[Finding]
    ) -> ClaimReport:
        must = [f for f in findings if f.must]
        verify = [f for f in findings if not f.must]
        reasons = [f.reason for f in must + verify]
        refs = [SourceRef(id=i, text=self.by_id[i].text) for i in anchor.ids]
        best = anchor.best
        weak = best < UNSUPPORTED_BELOW and not anchor.support and not anchor.recorded
        kind = self.inputs.recorded_kinds.get(normalize(claim.text))
        if anchor.recorded:
            anchor.support.append("evidence")
        if must:
            verdict, decided = "contradicted", must[0].check
        elif verify:
            verdict, decided = "unsupported", verify[0].check
        elif claim.section in ("lead", "title"):
            if weak and claim.section == "lead":
                verdict, decided = "unsupported", "alignment"
                near = self.by_id[anchor.closest[0]] if anchor.closest else None
                cite = f"{near.id}: “{near.text[:70]}”" if near else ""
                reasons.append(
                    self.say(
                        "原文に対応する文が見つかりません"
                        + (f"（最も近い文 {cite}）" if cite else ""),
                        "no source sentence says this" + (f" (closest, {cite})" if cite else ""),
                    )
                )
            else:
                verdict = "supported"
                decided = "+".join(sorted(set(anchor.support))) or "alignment"
        elif kind in ("background", "opinion"):
            verdict, decided = kind, "run"
        elif best >= SUPPORTED_ABOVE:
            verdict, decided = "supported", "alignment"
        else:
            verdict = "background" if claim.section == "background" else "opinion"
            decided = "section"
        if verdict in ("background", "opinion"):
            refs = []
        return ClaimReport(
            section=claim.section,
            sentence=claim.text,
            verdict=verdict,
            evidence=refs,
            decided_by=decided,
            reasons=reasons,
            similarity=round(best, 3),
            fails=bool(must),
        )

    # ------------------------------------------------------------ reactions

    def _reactions(self) -> list[ClaimReport]:
        draft, thread = self.inputs.draft, self.inputs.thread
        out = [
            ClaimReport(
                section="reactions",
                sentence=text,
                verdict="unsupported",
                decided_by="comments",
                reasons=[
                    self.say(
                        "コメントIDの印（<!-- comment id=… -->）がない反応です。"
                        "元のコメントを確かめられません",
                        "a reaction without a <!-- comment id=… --> marker: no original",
                    )
                ],
                fails=True,
            )
            for text in draft.unmarked_reactions
        ]
        if not draft.reactions:
            return out
        comments = {c.id: c for c in thread.comments} if thread else {}
        ids = list(comments)
        bodies = [comments[i].body for i in ids]
        sims = align.similarity([r.text for r in draft.reactions], bodies) if bodies else None
        for n, reaction in enumerate(draft.reactions):
            row = sims[n] if sims is not None else None
            out.append(self._reaction(reaction, comments, ids, row))
        return out

    def _reaction(
        self,
        reaction: DraftSentence,
        comments: dict[str, Any],
        ids: list[str],
        row: np.ndarray | None,
    ) -> ClaimReport:
        must: list[str] = []
        verify: list[str] = []
        original = comments.get(reaction.comment_id or "")
        refs: list[SourceRef] = []
        if self.inputs.thread is None:
            verify.append(
                self.say(
                    "コメントの入力がないため、元のコメントと照合できません",
                    "no comments input was given, so the original cannot be checked",
                )
            )
        elif original is None:
            must.append(
                self.say(
                    f"コメントID {reaction.comment_id!r} はスレッドにありません",
                    f"comment id {reaction.comment_id!r} is not in the thread",
                )
            )
        else:
            refs = [SourceRef(id=original.id, text=original.body)]
            wrong, unsure = self._reaction_against(reaction, original, ids, row)
            must += wrong
            verify += unsure
        reasons = must + verify
        verdict = "contradicted" if must else ("unsupported" if verify else "supported")
        return ClaimReport(
            section="reactions",
            sentence=reaction.text,
            verdict=verdict,
            evidence=refs,
            decided_by="comments",
            reasons=reasons,
            comment_id=reaction.comment_id,
            fails=bool(must),
        )

    def _reaction_against(
        self, reaction: DraftSentence, original: Any, ids: list[str], row: np.ndarray | None
    ) -> tuple[list[str], list[str]]:
        """What a translation gets wrong about its original comment (the score, a number the
        comment states otherwise, or it reads like another comment: a swapped id), and what
        to verify (a number the comment does not state)."""
        out: list[str] = []
        unsure: list[str] = []
        if reaction.score is not None and original.score not in (None, reaction.score):
            out.append(
                self.say(
                    f"スコアがスレッドと違います（下書き {reaction.score}、"
                    f"スレッド {original.score}）",
                    f"score {reaction.score} in the draft, {original.score} in the thread",
                )
            )
        said = en_quantities(original.body)
        claimed = ja_quantities(reaction.text)
        missing = [q for q in claimed if not any(same_value(q, s) for s in said)]
        kept = [q for q in claimed if q not in missing]
        for quantity in missing:
            rivals = [
                s
                for s in said
                if same_kind(quantity, s) and not any(same_value(k, s) for k in kept)
            ]
            if rivals:
                out.append(
                    self.say(
                        f"「{quantity.label()}」: 元のコメントは「{rivals[0].label()}」",
                        f"「{quantity.label()}」: the original comment says “{rivals[0].label()}”",
                    )
                )
            elif not self._in_article(quantity) and not _small_count(quantity):
                # a figure from the article that the commenter refers to, or "2人", is fine
                unsure.append(
                    self.say(
                        f"「{quantity.label()}」は元のコメントにない数字です",
                        f"「{quantity.label()}」 is not in the original comment",
                    )
                )
        if row is not None:
            own = float(row[ids.index(original.id)])
            best_i = int(np.argmax(row))
            if ids[best_i] != original.id and float(row[best_i]) - own >= 0.15:
                other = ids[best_i]
                out.append(
                    self.say(
                        f"訳がコメント {original.id} ではなく {other} の内容に近いです"
                        f"（IDの取り違えの可能性）",
                        f"the translation reads like comment {other}, not {original.id}",
                    )
                )
        return out, unsure

    def _in_article(self, quantity: Quantity) -> bool:
        return any(same_value(quantity, q) for found in self.source_q for q in found)

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
            # a thread's link cannot be traced when no comments input was given: to verify
            unknown = not ok and self.inputs.thread is None and _THREAD_URL.search(target)
            reason = (
                self.say(
                    f"コメントの入力がないため、スレッドのURLを確認できません（{section}）",
                    f"no comments input was given, so the thread's URL cannot be checked "
                    f"(in {section})",
                )
                if unknown
                else self.say(
                    f"この実行で取得していないURLです（{section}）",
                    f"not fetched by this run (in {section})",
                )
            )
            out.append(
                ClaimReport(
                    section="links",
                    sentence=url,
                    verdict="supported" if ok else "unsupported",
                    decided_by="links",
                    reasons=[] if ok else [reason],
                    fails=not ok and not unknown,
                )
            )
        for section, image in self.inputs.draft.images:
            out.append(
                ClaimReport(
                    section="links",
                    sentence=image,
                    verdict="unsupported",
                    decided_by="links",
                    reasons=[
                        self.say(
                            f"画像があります（{section}）。下書きに画像は入れません",
                            f"an image in {section}: drafts carry no images",
                        )
                    ],
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
                    reasons=[]
                    if record
                    else [
                        self.say(
                            "図書館の目録でこの本の記録が確認できていません",
                            "no library-catalog record backs this book",
                        )
                    ],
                    fails=not record,
                )
            )
        return out


_THREAD_URL = re.compile(
    r"^https?://(?:[\w-]+\.)?(?:reddit\.com/r/[^/]+/comments/|redd\.it/|"
    r"news\.ycombinator\.com/item)",
    re.IGNORECASE,
)


def _closest(text: str, others: list[str]) -> tuple[float, int]:
    """(best similarity, its index) of `text` among `others`; (0.0, -1) when there are none."""
    if not text or not others:
        return 0.0, -1
    row = align.similarity([text], others)[0]
    best = int(np.argmax(row))
    return float(row[best]), best


def _small_count(quantity: Quantity) -> bool:
    """2人, 3回: a count too small to be a figure the translation could have invented."""
    return quantity.kind == "number" and quantity.value <= 3


def quoted_spans(text: str) -> list[str]:
    """What the source puts in quotation marks, each span and each two spans in a row (a
    speaker's words broken by "he said" are one quotation in Japanese). Curly quotes are read
    by direction; straight ones only in a paragraph where they pair up, so a stray mark never
    turns the text between two quotations into one."""
    found: list[tuple[int, int, str]] = []
    raw = unicodedata.normalize("NFKC", text).replace("‘‘", "“").replace("’’", "”")
    raw = raw.replace("``", "“").replace("''", "”").replace("«", "“").replace("»", "”")
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
    offset = 0
    for paragraph in raw.split("\n"):
        if paragraph.count('"') % 2 == 0:
            for match in re.finditer(r'"([^"]{8,}?)"', paragraph):
                found.append((offset + match.start(), offset + match.end(), match.group(1)))
        offset += len(paragraph) + 1
    found.sort()
    spans = [normalize(span) for *_, span in found]
    for (_, end, first), (start, _, second) in itertools.pairwise(found):
        if start - end <= 120:
            spans.append(normalize(f"{first} {second}"))
    return spans


def _best_first(scores: np.ndarray) -> list[int]:
    """Indices, highest score first. Equal scores keep source order (a stable sort; numpy's
    default quicksort leaves their order to its internals)."""
    return [int(i) for i in np.argsort(-scores, kind="stable")]


def check(inputs: CheckInputs, judge: Any = None) -> CheckReport:
    """Layer 1 on every claim, then the judge (a drafter.check.judge.Judge) when given one.
    `judge` may also be a JudgeInfo saying why there is no judge."""
    from drafter.check.style import style_findings

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
        style=style_findings(inputs.draft),  # advice only: never changes ok or fails
    )
