"""The whole flow, top to bottom.

    inputs (article, comments) → lead → background ┐
                                      → reactions ─┴→ analysis → conclusion
                                      → books, headline
    → article.md / article.json

Dependencies come from each agent spec's `reads:`; independent agents run concurrently, so the
critical path is lead → background → analysis → conclusion. Every finished step is written to
the run folder at once; a resumed run skips finished steps.

In the order a run goes through them:

- `inputs`: `prepare` (agent specs, a model for every role), `start_run` (fetch and read the
  article and the thread, create the run folder), and for a resume `open_for_resume` and
  `forget_steps` (--redo);
- `finish`: `execute` (run the steps, then render article.md/article.json with 関連記事 and
  record the run in the archive), `mark_interrupted` (the fact check of the finished draft is
  app/checking.py's `check_draft`);
- `runner`: the asyncio DAG of steps, each written to the run folder as it finishes;
- `preload`: work moved into the run's network and model waits (the model client's imports, the
  encoder and tagger loads, the check's texts).
"""

from __future__ import annotations

from drafter.pipeline.finish import SIGN_OFF, article_date, execute, mark_interrupted
from drafter.pipeline.inputs import (
    RunRequest,
    forget_steps,
    open_for_resume,
    prepare,
    start_run,
)
from drafter.pipeline.preload import _Preload as _Preload
from drafter.pipeline.runner import OFF_PATH_DELAY, UpstreamFailed
from drafter.pipeline.runner import _off_longest_path as _off_longest_path
from drafter.pipeline.runner import _Runner as _Runner

__all__ = [
    "OFF_PATH_DELAY",
    "SIGN_OFF",
    "RunRequest",
    "UpstreamFailed",
    "article_date",
    "execute",
    "forget_steps",
    "mark_interrupted",
    "open_for_resume",
    "prepare",
    "start_run",
]
