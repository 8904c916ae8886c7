"""Where the tests' outside prerequisites are, and the one message each gives when it is absent.

- The shared real-world data (`../shared/data` beside the checkout, or `DRAFTER_SHARED_DATA`).
- Chromium for the desk's browser tests (`DRAFTER_CHROMIUM`, else `chromium` on PATH, else
  Debian's `/usr/bin/chromium`), driven by Playwright (`pip install -e ".[test]"`).

A missing prerequisite skips its tests with a reason saying what to install; under
`DRAFTER_STRICT_TESTS=1` (what `.ci/run` sets) conftest turns every skip into a failure, so a CI
that lacks a prerequisite cannot pass by skipping."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("DRAFTER_SHARED_DATA") or ROOT.parent / "shared" / "data")


def _chromium() -> str:
    configured = os.environ.get("DRAFTER_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium"


CHROMIUM = _chromium()


def shared(*parts: str) -> Path:
    return SHARED_DATA.joinpath(*parts)


def missing_data(*parts: str) -> str:
    return (
        f"{shared(*parts)} is absent: the shared test data must sit at ../shared/data beside the "
        "checkout, or set DRAFTER_SHARED_DATA to its folder (README: Running the tests)"
    )


def needs_data(*parts: str) -> pytest.MarkDecorator:
    """Skip (fail under DRAFTER_STRICT_TESTS=1) unless shared/data/<parts> exists."""
    return pytest.mark.skipif(not shared(*parts).exists(), reason=missing_data(*parts))
