"""Lead: three short paragraphs, every sentence tied to verbatim source sentences."""

from __future__ import annotations

from drafter.agents import Agent
from drafter.lang.source_names import source_names
from drafter.lang.weekdays import dateline_of, weekday_dates, weekday_table
from drafter.models import Article, GlossaryEntry, GroundedSentence, LeadSection
from drafter.schemas import LeadDraft
from drafter.sources.language import writes_capitals
from drafter.stages import StepInputs
from drafter.stages.grounding import SourceIndex, glossary_problems, language_issues


def weekday_block(agent: Agent, index: SourceIndex, article: Article, lang: str) -> str:
    """The source's weekdays resolved to dates, fenced as data (it quotes the source's words);
    "" when the source names none or the article's date is unknown."""
    dateline = dateline_of(article.date)
    found = weekday_dates(index.sentences, dateline, article.language)
    table = weekday_table(found, dateline, lang)
    return agent.fence("weekday-dates", table) if table else ""


async def write_lead(agent: Agent, inputs: StepInputs) -> LeadSection:
    article = inputs.article()
    index = SourceIndex(article)

    def check(draft: LeadDraft) -> list[str]:
        problems: list[str] = []
        for p_no, paragraph in enumerate(draft.paragraphs, start=1):
            for s_no, sentence in enumerate(paragraph.sentences, start=1):
                _, bad = index.resolve_all(sentence.evidence)
                problems += [f"paragraph {p_no} sentence {s_no}: {b}" for b in bad]
                problems += language_issues(
                    [(f"paragraph {p_no} sentence {s_no}", sentence.text)], inputs.context.lang
                )
        problems += glossary_problems([(g.source, g.target) for g in draft.glossary], article)
        return problems

    draft: LeadDraft = await agent.ask(
        {
            # The outlet's name comes from the page's metadata: untrusted, so fenced too.
            # the byline tells wire copy ("Associated Press" on the Guardian's page) from the
            # outlet's own reporting: the lead credits the agency
            "article_title": agent.fence(
                "source-title",
                "\n".join(
                    filter(None, [inputs.context.source_name, article.author, article.title])
                ),
            ),
            "outlet": bool(inputs.context.source_name),
            "byline": bool(article.author),
            "source_sentences": agent.fence("source", index.numbered()),
            "sentence_count": len(index.sentences),
            "article_date": inputs.context.article_date,
            "weekday_dates": weekday_block(agent, index, article, inputs.context.lang),
            # the run's one glossary covers the names later sections use, not only the lead's
            # Korean or Chinese has no capitals: the list would hold only "SNS" (round DA)
            "caseless": not writes_capitals(article.language),
            "source_names": agent.fence(
                "source-names",
                "\n".join(
                    source_names((s.text for s in index.sentences), language=article.language)
                ),
            ),
        },
        check,
    )
    return LeadSection(
        paragraphs=[
            [
                GroundedSentence(text=s.text.strip(), evidence=index.resolve_all(s.evidence)[0])
                for s in paragraph.sentences
            ]
            for paragraph in draft.paragraphs
        ],
        glossary=[
            GlossaryEntry(source=g.source.strip(), target=g.target.strip(), verify=g.verify)
            for g in draft.glossary
        ],
    )
