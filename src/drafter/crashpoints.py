"""Named points where the crash-safety tests kill the process (SIGKILL, like `kill -9`).

Set DRAFTER_CRASH_AT to one point name to die there; unset (always, outside those tests) it
does nothing. Points: `call:<agent>` (before the HTTP request), `answer:<agent>` (the answer
is journaled, the step not yet saved), `write:<relative path>` (mid-write: the temp file is
complete, the rename not done), `saved:<agent>` (the step file is in place), `render`.
"""

from __future__ import annotations

import os
import signal


def reached(point: str) -> None:
    target = os.environ.get("DRAFTER_CRASH_AT")
    if target and target == point:
        os.kill(os.getpid(), signal.SIGKILL)
