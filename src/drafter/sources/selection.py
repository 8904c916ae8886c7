"""Pre-selection of reader comments before any model sees them.

Drops what can never be a reaction (deleted/removed, bots, empty, link-only, duplicates), then
keeps a budgeted candidate set: at most `limit` comments and `char_budget` characters, chosen by
score while spreading over the thread's branches, so a 5,000-comment thread costs no more tokens
than a 200-comment one and one long argument cannot fill the whole section.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict, deque
from dataclasses import dataclass, field

from drafter.models import Comment

REMOVED_BODIES = {"[deleted]", "[removed]", "[deleted by user]", "[removed by reddit]", ""}
BOT_AUTHORS = {"automoderator", "autotldr", "remindmebot", "tweetposter", "sneakpeekbot"}
_BOT_SIGNATURE = re.compile(r"^\W*(?:i am a bot|i'm a bot|beep boop)\b|\bi am a bot\b", re.I)
# Neither bracket class runs past the next opening bracket: linear time on "[[[[…" or "](](…".
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MIN_CHARS = 15
MAX_COMMENT_CHARS = 1200


@dataclass
class Selection:
    """What pre-selection kept, and how many comments each filter dropped."""

    comments: list[Comment]
    dropped: dict[str, int] = field(default_factory=dict)


def is_bot(comment: Comment) -> bool:
    author = (comment.author or "").strip().lower()
    if author in BOT_AUTHORS:
        return True
    if len(author) > 3 and (author.endswith("bot") or author.endswith(("_bot", "-bot"))):
        return True
    return bool(_BOT_SIGNATURE.search(comment.body[:400]))


def substance(body: str) -> str:
    """The body without links and Markdown link targets, whitespace collapsed."""
    text = _MARKDOWN_LINK.sub(lambda m: m.group(1) if not _URL.fullmatch(m.group(1)) else "", body)
    text = _URL.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def dedup_key(body: str) -> str:
    text = unicodedata.normalize("NFKC", body).casefold()
    return re.sub(r"[\W_]+", "", text)


def _reject_reason(comment: Comment) -> str | None:
    body = comment.body.strip()
    if body in REMOVED_BODIES:
        return "deleted"
    if is_bot(comment):
        return "bot"
    text = substance(body)
    if not text:
        return "link-only" if body else "empty"
    if len(text) < MIN_CHARS:
        return "too short"
    return None


def preselect(comments: list[Comment], *, limit: int = 40, char_budget: int = 24_000) -> Selection:
    """Up to `limit` candidates within `char_budget` characters, by score across branches.

    Linear in the thread (after sorting): a 100,000-comment reply chain is one pass.
    """
    dropped: dict[str, int] = defaultdict(int)
    kept: list[Comment] = []
    best_by_text: dict[str, int] = {}  # dedup key -> index in `kept`
    for comment in comments:
        reason = _reject_reason(comment)
        if reason:
            dropped[reason] += 1
            continue
        key = dedup_key(comment.body)
        twin = best_by_text.get(key)
        if twin is not None:
            dropped["duplicate"] += 1
            if _score(comment) > _score(kept[twin]):
                kept[twin] = comment
            continue
        best_by_text[key] = len(kept)
        kept.append(comment)

    roots = {c.id: root for c, (root, _) in zip(comments, ancestry(comments), strict=True)}
    branches: dict[str, list[Comment]] = defaultdict(list)
    for comment in kept:
        branches[roots[comment.id]].append(comment)
    queues = [
        deque(group)
        for group in sorted(
            (sorted(group, key=_rank) for group in branches.values()),
            key=lambda group: _rank(group[0]),
        )
    ]
    chosen: list[Comment] = []
    used = 0
    while queues and len(chosen) < limit:
        next_round: list[deque[Comment]] = []
        for queue in queues:  # one per branch per round, best branches first
            if len(chosen) >= limit:
                break
            comment = queue.popleft()
            cost = min(len(comment.body), MAX_COMMENT_CHARS)
            if used + cost <= char_budget:
                chosen.append(comment)
                used += cost
            else:
                dropped["over budget"] += 1
            if queue:
                next_round.append(queue)
        queues = next_round
    dropped["not selected"] += len(kept) - len(chosen) - dropped["over budget"]
    chosen.sort(key=_rank)
    return Selection(chosen, {k: v for k, v in dropped.items() if v})


def clip(body: str, limit: int = MAX_COMMENT_CHARS) -> str:
    body = body.strip()
    return body if len(body) <= limit else body[:limit].rstrip() + " …"


def _score(comment: Comment) -> int:
    return comment.score if comment.score is not None else 0


def _rank(comment: Comment) -> tuple[int, int]:
    return (-_score(comment), comment.depth)


def ancestry(comments: list[Comment]) -> list[tuple[str, int]]:
    """(root id, depth) of each comment, following `parent_id` within `comments`, in linear time.

    Each chain is walked once and remembered, so a 100,000-comment reply chain costs 100,000
    steps, not 100,000²/2. A parent outside the list ends a chain (that comment is a root, at
    depth 0); the comments of a parent cycle all get the cycle's first comment as their root and
    the cycle's length less one as their depth, and comments hanging off a cycle count on from it.
    """
    by_id = {c.id: c for c in comments}
    known: dict[str, tuple[str, int]] = {}
    for start in comments:
        path: list[str] = []
        on_path: dict[str, int] = {}
        current: str | None = start.id
        while current is not None and current not in known:
            if current in on_path:  # a cycle: its members are path[on_path[current]:]
                cycle = path[on_path[current] :]
                for member in cycle:
                    known[member] = (cycle[0], len(cycle) - 1)
                del path[on_path[current] :]
                break
            on_path[current] = len(path)
            path.append(current)
            parent = by_id[current].parent_id
            current = parent if parent in by_id else None
        for member in reversed(path):
            parent = by_id[member].parent_id
            if parent is not None and parent in known:
                root, depth = known[parent]
                known[member] = (root, depth + 1)
            else:
                known[member] = (member, 0)
    return [known[c.id] for c in comments]
