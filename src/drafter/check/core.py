"""Layer 1 of `drafter check`: deterministic checks of a Japanese draft against its source.

No model is needed. For each claim: evidence (recorded by the run, else aligned with multilingual
sentence embeddings), then numbers, names, quotes and hedges against that evidence; reactions
against their original comments; links against what was fetched; books against catalog evidence.

This module is the frame (`Checker`: the source read once, each claim's evidence and anchor) and
`check`; the per-sentence checks are in `claims/`, the verdict in `verdict.py`, the reactions in
`reactions.py`, links and books in `references.py`.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from drafter.check import claims
from drafter.check.abbreviations import abbreviates
from drafter.check.claims import Anchor, Finding
from drafter.check.claims.names import short_names
from drafter.check.claims.numbers import specific
from drafter.check.draft_md import DraftSentence, ParsedDraft
from drafter.check.quoted import quoted_spans
from drafter.check.reactions import reactions
from drafter.check.references import books, links
from drafter.check.report import CheckReport, ClaimReport, JudgeInfo
from drafter.check.verdict import claim_verdict
from drafter.guard import run_urls, url_key
from drafter.lang import align
from drafter.lang.name_tables import outlet_countries
from drafter.lang.names import glossary_targets, source_words
from drafter.lang.quantities import Quantity, ja_quantities, same_value
from drafter.lang.quantities.foreign import reads, source_quantities
from drafter.lang.sounds import ShapeIndex
from drafter.lang.text import normalize, split_sentences
from drafter.models import Article, CommentThread, GlossaryEntry, SourceSentence
from drafter.sources.language import detect_language, unprofiled

# Evidence thresholds, set on the hand-written reference drafts in evals/cases and the dev split
# of evals/heldout (the verdict's own, UNSUPPORTED_BELOW and SUPPORTED_ABOVE, are in verdict.py).
EVIDENCE_MIN = 0.25
EVIDENCE_TOP = 3
RECORDED_EDIT_MIN = 0.8  # an edited sentence still this close to a recorded one keeps its evidence
NEAR_BEST = 0.0  # aligned sentences this close to the best one count as its evidence too
# short words that end no compound a katakana word writes ("with the", "said she")
_FUNCTION_WORDS = {"the", "and", "for", "was", "are", "has", "had", "but", "not", "its", "his",
                   "her", "she", "you", "who", "all", "any", "can", "our", "out", "one", "two",
                   "new", "now", "may", "how", "why", "did", "got", "him", "own", "off", "too",
                   "yet", "per", "via", "than"}  # fmt: skip
_KANJI = re.compile(r"[一-龥]")
_PLACE_KANJI = re.compile(r"[州市町村郡県省区都府]")  # イリノイ州ディカルブ is a katakana name
# a title or kind after a katakana name is no kanji spelling (ヴィラネク氏, ヴァルチャー誌)
_KIND_AFTER = re.compile(
    r"(?:氏|さん|様|夫人|博士|教授|社長|会長|首相|大統領|議員|選手|監督|社|誌|紙|局|党)$"
)
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
    # The run's evidence and claim kinds by normalised sentence text, for a draft read from
    # Markdown (an editor's): a draft read from the run's article.json carries them on each
    # DraftSentence instead, and these stay empty.
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
        # the source's figures read by its language (1,5 Millionen is 1.5 million)
        # (told again where the run could not tell it: a run drafted before Turkish was read)
        self.source_language = inputs.article.language or detect_language(
            f"{inputs.article.title}\n{inputs.article.text}"
        )
        # whether the check reads the source's language (an untagged Czech page is not told)
        self.reads_source = reads(self.source_language) and not (
            self.source_language is None and unprofiled(inputs.article.text)
        )
        self.source_q = [source_quantities(s.text, self.source_language) for s in self.sentences]
        self.dated_q = self._add_weekdays(inputs.article)
        # the headline's own figures ("One hundred years at the Coliseum"): source, unnumbered
        self.title_q = source_quantities(inputs.article.title, self.source_language)
        self.targets = glossary_targets(inputs.glossary)
        self.glossary_names = [unicodedata.normalize("NFKC", e.target) for e in inputs.glossary]
        # every source form a rendering stands for (ウェストハム: West Ham and @WestHam; アカデ
        # ミー賞: Oscar and Oscars): one name, however the glossary spelt it
        self.forms_of: dict[str, list[str]] = {}
        for entry in inputs.glossary:
            self.forms_of.setdefault(normalize(entry.target), []).append(entry.source)
        self.short_names = short_names(inputs.glossary)
        # the outlet and byline are named by the draft (ロイター通信によると) but not in the text
        title = inputs.article.title
        about = " ".join(filter(None, [inputs.article.site_name, inputs.article.author, title]))
        self.words = source_words(f"{inputs.article.text}\n{about}")
        self.lowered_words = {w.casefold() for w in re.findall(r"[A-Za-z]+", inputs.article.text)}
        lower = re.findall(r"\b[a-z][a-z-]{3,}\b", inputs.article.text)
        # and two in a row, which katakana writes as one word (infotainment system →
        # インフォテインメントシステム, defensive end → ディフェンシブエンド)
        found = re.findall(r"\b(?=([a-z][a-z-]{3,} [a-z][a-z-]{2,})\b)", inputs.article.text)
        pairs = [pair for pair in found if pair.rsplit(" ", 1)[1] not in _FUNCTION_WORDS]
        self.common_words = ShapeIndex(sorted({*lower, *pairs}))
        self.common_parts: dict[str, bool] = {}  # katakana part → whether a common word
        self.source_norm = normalize(f"{inputs.article.text}\n{about}").casefold()
        # words of the byline and outlet: names a draft gives that no sentence holds ("Analysis
        # by Chris Cillizza; CNN Editor-at-large": cillizza, not "cillizza;")
        byline = f"{inputs.article.author or ''} {inputs.article.site_name or ''}"
        self.byline = set(re.findall(r"[\w'’.-]+", normalize(byline).casefold()))
        self.outlets = _outlets(inputs.article)
        self.listed_unknown: set[str] = set()  # names listed as unknown, once per draft
        self.outlet_country = outlet_countries(inputs.article.url or inputs.article.fetched_url)
        self._rows: dict[str, np.ndarray] = {}
        self.lang = inputs.draft.lang
        self.framing = {normalize(f) for f in inputs.title_framing}

    def is_outlet(self, name: str) -> bool:
        """Whether a name is the outlet the page is from, as the draft credits it ("The New
        York Times" on nytimes.com, "heise online" on heise.de, "Business Insider" syndicated
        on MSN from businessinsider.com)."""
        words = [w for w in re.findall(r"[a-z0-9]+", normalize(name).casefold())
                 if w not in ("the", "online", "com")]  # fmt: skip
        squashed = "".join(words)
        return bool(words) and any(
            squashed == outlet or (len(words) >= 2 and abbreviates(outlet, " ".join(words)))
            for outlet in self.outlets
        )

    def _add_weekdays(self, article: Article) -> list[Quantity]:
        """Weekdays the source names become the dates they stand for, against the dateline
        ("on Tuesday" in a Nov. 20 story is 11月19日), as the lead agent was told; the
        dateline's year is one the draft may give (今年)."""
        from drafter.lang.relative_dates import relative_months
        from drafter.lang.weekdays import dateline_of, weekday_dates

        dateline = dateline_of(article.date)
        self.dateline: date | None = dateline  # the article's date, for the calendar check
        if dateline is None:
            return []
        for n, sentence in enumerate(self.sentences):
            # "last month" in a November story is October; "last year" the year before
            for phrase, kind, value in relative_months(sentence.text, dateline):
                self.source_q[n].append(Quantity(kind, value, "", phrase))
        for entry in weekday_dates(self.sentences, dateline, self.source_language):
            # the resolved date, and the same weekday a week the other way: tense is read from
            # a few words, and a draft that read it otherwise is not proven wrong
            other = entry.date + timedelta(days=7 if entry.date <= dateline else -7)
            for day in (entry.date, other):
                value = day.month * 100 + day.day
                self.source_q[self.index[entry.sentence_id]].append(
                    Quantity("date", value, "", entry.phrase)
                )
        same_day = Quantity("date", dateline.month * 100 + dateline.day)  # 「6月21日に掲載した」
        return [Quantity("year", dateline.year), same_day, Quantity("month", dateline.month)]

    def say(self, ja: str, en: str) -> str:
        """A reason in the draft's language: editors of a Japanese draft read Japanese."""
        return en if self.lang == "en" else ja

    def quoted_in_thread(self, content: str) -> bool:
        """Whether a quotation renders one of the thread's comments, or one sentence of one
        (analysis quotes a line of a longer comment)."""
        return _closest(content, self.thread_lines)[0] >= claims.QUOTE_MIN

    @cached_property
    def thread_lines(self) -> list[str]:
        bodies = [c.body for c in (self.inputs.thread.comments if self.inputs.thread else [])]
        lines = [p for b in bodies if len(ps := split_sentences(b)) > 1 for p in ps]
        return bodies + [line for line in lines if len(line) >= 30]  # not "Agreed." alone

    def says_in_source(self, content: str) -> float:
        """How closely a quotation's words say what some source sentence says."""
        return _closest(content, [s.text for s in self.sentences])[0]

    @cached_property
    def quotes(self) -> list[str]:
        """The source's quoted spans (see `quoted_spans`)."""
        return quoted_spans(self.inputs.article.text)

    @cached_property
    def quoting(self) -> set[str]:
        """The ids of the source sentences that put someone's words in quotation marks."""
        texts = {s.id: normalize(s.text) for s in self.sentences}  # each normalised once
        return {sid for sid, text in texts.items() if any(q in text for q in self.quotes)}

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
        judged = [self._claim(c, sims[n]) for n, c in enumerate(claims_in)]
        _kept_by_a_sibling(judged)
        reports = [claim_verdict(self, *one) for one in judged]
        reports += reactions(self)
        reports += links(self)
        reports += books(self)
        return reports

    def _anchor(self, claim: DraftSentence, sims: np.ndarray) -> Anchor:
        """The claim's evidence: the sentences the run recorded (carried on the sentence, else
        joined by its text), or the aligned ones (the top few above EVIDENCE_MIN; the closest
        are those within NEAR_BEST of the best)."""
        best = float(sims.max()) if sims.size else 0.0
        recorded = self._recorded(claim)
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

    def _recorded(self, claim: DraftSentence) -> list[str] | None:
        """The evidence the run recorded for this sentence: what it carries (a draft read from
        the run's article.json), else the record of the same text, also after an editor changed
        a few characters of it (24か月 for 12か月 must still be checked against S5)."""
        if claim.evidence is not None:
            return list(claim.evidence)
        key = normalize(claim.text)
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
        """The evidence sentences and the one before each (where a name often is: "Marsh said….
        She added…"), reaching back one more when it opens with he/she; `around` more each side."""
        keep: set[int] = set()
        for sid in ids:
            n = self.index[sid]
            back = (2 if _PRONOUN.search(self.sentences[n].text) else 1) + around
            keep.update(range(max(0, n - back), min(len(self.sentences), n + around + 1)))
        return [self.sentences[n] for n in sorted(keep)]

    def _claim(
        self, claim: DraftSentence, sims: np.ndarray
    ) -> tuple[DraftSentence, Anchor, list[Finding]]:
        anchor = self._anchor(claim, sims)
        anchor.own_knowledge = self.kind_of(claim) in ("background", "opinion")
        self._pin_by_figures(claim.text, anchor)
        findings: list[Finding] = []
        # names first: a name shared with the source sentence firms the anchor for numbers
        for check_one in (
            claims.names,
            claims.swapped_names,
            claims.title_names,
            claims.numbers,
            claims.records,
            claims.quotes,
            claims.hedges,
            claims.calendar,
        ):
            findings += check_one(self, claim.section, claim.text, anchor)
        if anchor.own_knowledge:
            # the run tagged it background or opinion: a figure or hedge the source lacks is
            # what such a claim brings (17世紀に造られた運河); a contradiction is listed, to
            # verify: the sentence rests on no source sentence by the run's account, so the one
            # it aligned with may be about something else (the 15.4-inch model vs the 13-inch)
            findings = [f for f in findings if f.must or f.check not in ("numbers", "hedges")]
            for finding in findings:
                # the calendar needs no source: a wrong weekday is wrong in any sentence
                finding.must = finding.must and finding.check == "calendar"
        if not self.reads_source:
            # a source in a language the check does not read (an untagged Turkish page): its
            # figures as the English reader takes them ("11 bin 37" is 11 and 37, "yüzde 5,7"
            # 5 and 7) are no evidence of a wrong one; listed, never must-fix
            for finding in findings:
                finding.must = finding.must and finding.check not in ("numbers", "hedges")
        if claim.section == "lead":
            findings += self._guessed(claim.text)
        return claim, anchor, findings

    def kind_of(self, claim: DraftSentence) -> str | None:
        """The kind the run tagged the claim with (source, background, opinion): carried on
        it, else joined by its text; None for an editor's own sentence."""
        return claim.kind or self.inputs.recorded_kinds.get(normalize(claim.text))

    def _pin_by_figures(self, text: str, anchor: Anchor) -> None:
        """A source sentence holding the claim's own specific figures is its evidence, whatever
        the embeddings ranked first (a number more specific than a year or a small count)."""
        if anchor.recorded:
            return
        figures = [q for q in ja_quantities(text) if specific(q)]
        for n, found in enumerate(self.source_q):
            sid = self.sentences[n].id
            if sid not in anchor.closest and any(
                same_value(q, f) and q.value == f.value for q in figures for f in found
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
                    f"「{name}」の{'漢字' if _spelt_in_kanji(name) else ''}"
                    "表記は推定です（確認を）",
                    f"the spelling 「{name}」 is a guess: verify it",
                ),
            )
            for name in self.inputs.guessed_names
            if name and name in unicodedata.normalize("NFKC", text)
        ]


def _spelt_in_kanji(name: str) -> bool:
    return bool(_KANJI.search(_PLACE_KANJI.sub("", _KIND_AFTER.sub("", name))))


def _kept_by_a_sibling(judged: list[tuple[DraftSentence, Anchor, list[Finding]]]) -> None:
    """A source sentence split over several sentences of a section keeps its hedge when one of
    them carries it (「…証言する。…その証言は予測のつかないものになるとみられている。」 for one
    "is likely to be unpredictable when he faces questions"): the others dropped nothing."""
    hedged: set[tuple[str, str]] = set()
    for claim, anchor, _ in judged:
        if claims.keeps_a_hedge(claim.text):
            hedged |= {(claim.section, sid) for sid in anchor.closest}
    for claim, _, findings in judged:
        findings[:] = [
            f
            for f in findings
            if not (f.check == "hedges" and (claim.section, f.source_id or "") in hedged)
        ]


def _closest(text: str, others: list[str]) -> tuple[float, int]:
    """(best similarity, its index) of `text` among `others`; (0.0, -1) when there are none."""
    if not text or not others:
        return 0.0, -1
    row = align.similarity([text], others)[0]
    best = int(np.argmax(row))
    return float(row[best]), best


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


def _outlets(article: Article) -> set[str]:
    """The outlet's names, squashed: its site name, and the page's and canonical address's
    host without www. and the domain's ending (nytimes, businessinsider, heise, money.cnn →
    cnn)."""
    out = {"".join(re.findall(r"[a-z0-9]+", normalize(article.site_name or "").casefold()))}
    for url in (article.url, article.fetched_url):
        host = urlsplit(url or "").hostname or ""
        labels = [p for p in host.casefold().split(".") if p not in ("www", "www1", "m", "amp")]
        out.update(labels[:-1] if len(labels) >= 2 else labels)
    # theatlantic, theguardian: the outlet is also named without its article (アトランティック)
    out |= {o.removeprefix("the") for o in out if o.startswith("the") and len(o) > 6}
    return {o for o in out if len(o) >= 3}
