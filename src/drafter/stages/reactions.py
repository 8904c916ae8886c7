"""海外の反応: the model picks comments by id and translates them; code attaches the originals."""

from __future__ import annotations

from drafter.agents import Agent
from drafter.errors import CommentsError
from drafter.lang.text import split_sentences
from drafter.models import Comment, CommentThread, Reaction, ReactionsSection
from drafter.schemas import ReactionsDraft
from drafter.sources.comments import absolute_permalink
from drafter.sources.selection import REMOVED_BODIES, clip, preselect
from drafter.stages import StepInputs
from drafter.stages.grounding import glossary_lines, language_issues, story_in_short

MIN_REACTIONS, MAX_REACTIONS = 8, 15
OFFERED = 40


def offered_comments(thread: CommentThread, limit: int = OFFERED) -> list[Comment]:
    """The comments offered to the model, after pre-selection (see sources.selection)."""
    selection = preselect(thread.comments, limit=limit)
    if not selection.comments:
        dropped = ", ".join(f"{n} {why}" for why, n in selection.dropped.items())
        raise CommentsError(
            f"None of the {len(thread.comments)} comments can be used as a reaction ({dropped}).",
            hint="Pass a thread with substantive reader comments.",
        )
    return selection.comments


PARENT_CHARS = 120  # what a reply answers, when that comment is not offered itself


def _comment_block(comments: list[Comment], thread: list[Comment]) -> str:
    """Each comment after its id, marked when it is a reply, with the comment it answers when
    that one is offered too (a reply listed by its score, apart from its parent, was read
    without it: helpers re-threaded the list by guesswork). A reply to a comment not offered
    (too short, or not chosen: "Source?") gets the start of that comment as its context, not as
    a comment to choose (round DB: a reply answering a held-back comment was left out as
    unreadable). Pre-selection already lists them by score, most upvoted first, so the
    scores themselves are not sent."""
    offered = {c.id for c in comments}
    others = {c.id: c for c in thread if c.id not in offered}
    blocks = []
    for comment in comments:
        reply = " reply" if comment.parent_id else ""
        parent = others.get(comment.parent_id or "")
        if comment.parent_id in offered:
            reply = f" reply to {comment.parent_id}"
        elif parent is not None and parent.body.strip() not in REMOVED_BODIES:
            said = clip(" ".join(parent.body.split()), PARENT_CHARS)
            reply = f" reply to a comment not listed, which said: «{said}»"
        blocks.append(f"[id={comment.id}]{reply}\n{clip(comment.body)}")
    return "\n\n".join(blocks)


def intro_line(thread: CommentThread, lang: str, shown: int | None = None) -> str:
    """The section's opening line. When fewer than MIN_REACTIONS comments could be used, it
    says how many the thread had and how many are shown (counted by code), so a short section
    reads as a small thread, not as a careless selection."""
    platform = thread.platform
    total = len(thread.comments)
    few = shown is not None and shown < MIN_REACTIONS
    if lang == "en":
        where = f"the {platform} thread" if platform else "the reader thread"
        if few:
            where = where[0].upper() + where[1:]
            return f"{where} on this story had {total} comments; {shown} of them, translated."
        return f"Here is a selection of comments from {where} on this story."
    where = f"{platform}のスレッド" if platform else "このニュースをめぐるスレッド"
    if few:
        return (
            f"{where}に寄せられたコメントは{total}件でした。そのうち{shown}件を翻訳して紹介します。"
        )
    return f"{where}に投稿された読者のコメントを、いくつか選んで翻訳しました。"


def sentence_lines(translation: str, lang: str) -> str:
    """A translated comment one sentence a line, as the seed prints it (Japanese); the model's
    own line breaks otherwise."""
    lines = [line.strip() for line in translation.strip().splitlines() if line.strip()]
    if lang != "ja":
        return "\n".join(lines)
    return "\n".join(sentence for line in lines for sentence in split_sentences(line))


async def write_reactions(agent: Agent, inputs: StepInputs) -> ReactionsSection:
    thread, lead = inputs.comments(), inputs.lead()
    offered = offered_comments(thread)
    by_id = {c.id: c for c in offered}
    minimum = min(MIN_REACTIONS, len(offered))

    def check(draft: ReactionsDraft) -> list[str]:
        problems: list[str] = []
        ids = [r.comment_id.strip() for r in draft.reactions]
        problems += [
            f"comment id {i!r} is not one of the comments given" for i in ids if i not in by_id
        ]
        if len(set(ids)) != len(ids):
            problems.append("the same comment id is used more than once")
        if not minimum <= len(ids) <= MAX_REACTIONS:
            problems.append(f"pick between {minimum} and {MAX_REACTIONS} comments, not {len(ids)}")
        problems += language_issues(
            [(f"translation of {r.comment_id}", r.translation) for r in draft.reactions],
            inputs.context.lang,
        )
        return problems

    # The story in short (the lead's first paragraph), never the article: the translator needs
    # the topic, and the renderings of the names the story and the comments mention.
    story, comments = story_in_short(lead), _comment_block(offered, thread.comments)
    draft: ReactionsDraft = await agent.ask(
        {
            "story": agent.fence("draft-lead", story),
            "glossary": agent.fence("glossary", glossary_lines(lead.glossary, story, comments)),
            "comments": agent.fence("comments", comments),
            "min_reactions": minimum,
            "max_reactions": MAX_REACTIONS,
        },
        check,
    )
    reactions = []
    for item in draft.reactions:
        original = by_id[item.comment_id.strip()]
        reactions.append(
            Reaction(
                comment_id=original.id,
                translation=sentence_lines(item.translation, inputs.context.lang),
                original=original.body,
                score=original.score,
                permalink=absolute_permalink(original.permalink, thread.url),
            )
        )
    intro = intro_line(thread, inputs.context.lang, len(reactions))
    return ReactionsSection(intro=intro, reactions=reactions)
