"""Layer 2 of `drafter check`: an LLM judge for the claims that decide the draft (title, lead).

Each sentence is split by the model into atomic claims and judged against the article (whole when
short, else the sentences layer 1 aligned to it and those holding its quotations), shown after
the page's title, outlet and author as numbered sentences inside nonce-fenced data blocks.
Temperature 0; optional majority of 3 votes. Answers are cached in SQLite
(drafter.llm.cache.AnswerStore) keyed by model, prompt hash, the rendered messages and the vote,
so a re-check costs nothing. The judge can only add problems: what layer 1 flags stays flagged.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections import Counter
from typing import Any

from drafter.check.report import STRICT_SECTIONS, ClaimReport, JudgeInfo, SourceRef
from drafter.config import Settings, cache_root
from drafter.errors import DrafterError, LLMError, MissingCredentialsError
from drafter.llm.cache import AnswerStore
from drafter.schemas import JudgeDraft

JUDGED_SECTIONS = ("title", "lead")
# Elsewhere a sentence is judged where it restates the source (it has evidence); there only a
# contradiction is reported, and listed to verify: background knowledge is allowed outside the
# lead, so "not in these sentences" says nothing.
RESTATING_SECTIONS = ("background", "analysis", "conclusion")
# An article this short is shown whole: a lead sentence may join facts from far apart, and "this
# sergeant" needs the sentence that named him. Shown 6 aligned sentences and no outlet, a strong
# model called 10 of 95 faithful title and lead sentences "not in the source"; shown the whole
# article after its outlet, none. A longer one: its closest sentences.
WHOLE_ARTICLE_SENTENCES = 80
CONTEXT_SENTENCES = 12
HEADER_ID = "H"
_RANK = {"supported": 0, "not_in_source": 1, "contradicted": 2}


class Judge:
    def __init__(self, settings: Settings, *, votes: int = 1, lang: str = "ja") -> None:
        from drafter.agents import Agent, Prompts, load_spec
        from drafter.llm import ChatModels

        self.spec = load_spec("judge")
        self.models = ChatModels(settings)
        self.config = self.models.config("judge")  # raises MissingCredentialsError
        self.prompts = Prompts(settings.prompts_dir)
        self.votes = votes
        self.lang = lang
        self.cache = AnswerStore(cache_root(settings) / "judge.sqlite")
        self._agent_cls = Agent
        self.calls = 0
        self.cached = 0

    def _agent(self, nonce: str, temperature: float) -> Any:
        spec = self.spec.model_copy(update={"temperature": temperature})
        return self._agent_cls(spec, self.prompts, self.models, nonce, self.lang)

    async def _vote(self, variables: dict[str, Any], ids: set[str], vote: int) -> JudgeDraft:
        # A nonce that is stable for the same source (so answers can be cached, and the prompt's
        # long prefix, system message and source, is the same for every sentence of a draft: a
        # provider's prompt cache serves it) yet unpredictable to whoever wrote the article: an
        # HMAC under this cache's secret.
        material = variables["source"].encode()
        nonce = hmac.new(self.cache.secret, material, hashlib.sha256).hexdigest()[:16]
        temperature = self.spec.temperature if self.votes == 1 else 0.7
        agent = self._agent(nonce, temperature)
        fenced = {
            "section": variables["section"],
            "sentence": agent.fence("draft-sentence", variables["sentence"]),
            "source": agent.fence("source", variables["source"]),
        }
        system, user, prompt_hash = self.prompts.render(
            self.spec.prompt, {"lang": self.lang, "nonce": nonce, **fenced}
        )
        key = hashlib.sha256(
            json.dumps(
                [self.config.model, self.config.base_url, prompt_hash, system, user, vote,
                 temperature],
                ensure_ascii=False,
            ).encode()
        ).hexdigest()  # fmt: skip
        hit = _parse(self.cache.get_text(key))
        if hit is not None:
            self.cached += 1
            return hit

        def check(answer: JudgeDraft) -> list[str]:
            problems = []
            for claim in answer.claims:
                # H: the header (outlet, author, date), which no sentence number names
                unknown = [i for i in claim.evidence if i.strip() not in ids | {HEADER_ID}]
                if unknown:
                    problems.append(f"evidence ids {unknown} are not among the sentences shown")
                if claim.verdict != "not_in_source" and not claim.evidence:
                    problems.append(f"claim {claim.claim!r} needs evidence ids")
            return problems

        answer: JudgeDraft = await agent.ask(fenced, check)
        self.calls += 1
        self.cache.put_text(key, answer.model_dump_json())
        return answer

    async def _judge(self, variables: dict[str, Any], ids: set[str]) -> list[JudgeDraft]:
        return list(
            await asyncio.gather(*(self._vote(variables, ids, v) for v in range(self.votes)))
        )

    def refine(self, checker: Any, claims: list[ClaimReport]) -> JudgeInfo:
        """Judge the title and lead claims, and the claims elsewhere that restate the source;
        add what the judge finds to the report."""
        targets = [c for c in claims if _judged(c)]
        header = _header(checker.inputs.article)
        jobs = []
        for claim in targets:
            ids = self._context_ids(checker, claim)
            source = header + "\n".join(f"[{i}] {checker.by_id[i].text}" for i in ids)
            variables = {"section": claim.section, "sentence": claim.sentence, "source": source}
            jobs.append((claim, variables, set(ids)))

        async def run_all() -> list[list[JudgeDraft]]:
            limit = asyncio.Semaphore(4)

            async def one(variables: dict[str, Any], ids: set[str]) -> list[JudgeDraft]:
                async with limit:
                    return await self._judge(variables, ids)

            return list(await asyncio.gather(*(one(v, i) for _, v, i in jobs)))

        try:
            results = asyncio.run(run_all())
        except LLMError as exc:
            return JudgeInfo(
                status="failed",
                detail=f"{exc.message} (layer-1 results stand)",
                model=self.config.model,
                calls=self.calls,
                cached=self.cached,
            )
        finally:
            self.cache.close()
        for (claim, _, _), votes in zip(jobs, results, strict=True):
            _merge(claim, votes, checker)
        strict = sum(1 for c in targets if c.section in JUDGED_SECTIONS)
        return JudgeInfo(
            status="ran",
            detail=f"{strict} title/lead sentences and {len(targets) - strict} that restate the "
            f"source elsewhere judged, {self.votes} vote(s) each",
            model=self.config.model,
            calls=self.calls,
            cached=self.cached,
        )

    @staticmethod
    def _context_ids(checker: Any, claim: ClaimReport) -> list[str]:
        """The claim's evidence, the sentences holding the source's quotation closest to each
        of its quotations (a judge not shown the words cannot tell a faithful quotation from an
        invented one), then the best aligned sentences, in reading order."""
        if len(checker.sentences) <= WHOLE_ARTICLE_SENTENCES:
            return [s.id for s in checker.sentences]
        ids = [e.id for e in claim.evidence if e.id in checker.by_id]
        for sid in _quoted_in(checker, claim.sentence):
            if sid not in ids:
                ids.append(sid)
        for sid in checker.ranked(claim.sentence):
            if len(ids) >= CONTEXT_SENTENCES:
                break
            if sid not in ids:
                ids.append(sid)
        return sorted(ids, key=lambda i: checker.index[i])


def _header(article: Any) -> str:
    """What the page says about itself: a draft attributes the story to its outlet or writer
    (「ロイター通信によると」), which the article's sentences seldom name."""
    rows = [
        ("Title", article.title),
        ("Outlet", article.site_name),
        ("Author", article.author),
        ("Published", article.date or "unknown"),
    ]
    lines = "".join(f"{name}: {value}\n" for name, value in rows if value)
    return f"[{HEADER_ID}]\n{lines}\n"


def _quoted_in(checker: Any, sentence: str) -> list[str]:
    """Ids of the source sentences that hold the quoted span closest to each 「」 quotation of
    `sentence` (a quotation broken over two sentences gives both)."""
    from drafter.check.claims import JA_QUOTE, QUOTE_INVENTED
    from drafter.lang.text import normalize

    out: list[str] = []
    for match in JA_QUOTE.finditer(sentence):
        score, span = checker.best_quote(match.group(1) or match.group(2))
        if score < QUOTE_INVENTED or not span:
            continue
        words = normalize(span).split()
        for piece in (" ".join(words[:6]), " ".join(words[-6:])):
            out += [
                s.id
                for s in checker.sentences
                if piece and piece in normalize(s.text) and s.id not in out
            ]
    return out


def _parse(text: str | None) -> JudgeDraft | None:
    if text is None:
        return None
    try:
        return JudgeDraft.model_validate_json(text)
    except ValueError:
        return None  # a damaged entry is asked again


def _judged(claim: ClaimReport) -> bool:
    if claim.section in JUDGED_SECTIONS:
        return True
    return claim.section in RESTATING_SECTIONS and bool(claim.evidence)


def _merge(claim: ClaimReport, votes: list[JudgeDraft], checker: Any) -> None:
    # a vote with no claim found no fact to check in the sentence: nothing against it
    verdicts = [
        max((c.verdict for c in v.claims), key=lambda x: _RANK[x], default="supported")
        for v in votes
    ]
    tally = Counter(verdicts)
    # A split vote (one each of three) goes to the gravest verdict, not to whichever came first.
    winner = max(tally, key=lambda verdict: (tally[verdict], _RANK[verdict]))
    if claim.section not in JUDGED_SECTIONS and winner == "not_in_source":
        winner = "supported"  # background knowledge is allowed outside the lead
    if winner == "supported":
        if not claim.fails:
            claim.decided_by = f"{claim.decided_by}+judge"
        return
    decisive = [c for v in votes for c in v.claims if c.verdict == winner]
    reasons = [f"judge: {c.claim} — {c.reason}" for c in decisive[:3]]
    claim.reasons += reasons
    if claim.fails:
        return  # layer 1 already flagged it; the judge's reasons are added
    claim.verdict = "contradicted" if winner == "contradicted" else "unsupported"
    claim.decided_by = "judge"
    # Must fix: a contradiction the judge found in a sentence it names. "Not in the sentences
    # shown" is to verify, as layer 1's unsupported is: a faithful lead sentence may join what
    # the judge did not connect, or name the outlet
    claim.fails = claim.section in STRICT_SECTIONS and winner == "contradicted"
    evidence = {i.strip() for c in decisive for i in c.evidence if i.strip() in checker.by_id}
    if evidence:
        claim.evidence = [SourceRef(id=i, text=checker.by_id[i].text) for i in sorted(
            evidence, key=lambda i: checker.index[i])]  # fmt: skip


def make_judge(settings: Settings, *, enabled: bool, votes: int, lang: str) -> Judge | JudgeInfo:
    """A Judge, or the reason there is none (the report says so)."""
    if not enabled:
        return JudgeInfo(status="off", detail="disabled with --no-judge")
    try:
        return Judge(settings, votes=votes, lang=lang)
    except MissingCredentialsError:
        return JudgeInfo(
            status="off",
            detail="no model configured for the judge role (set OPENAI_API_KEY or "
            "OPENAI_BASE_URL); layer-1 checks only",
        )
    except DrafterError as exc:
        return JudgeInfo(status="failed", detail=exc.message)
