"""kill -9 at every named point of a run (seed 0; benchmarks/crash_matrix.py runs 3 seeds):
--resume completes with 0 finished LLM calls made again and an article.md byte-identical to
an uninterrupted run's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.catalog_server import CatalogServer
from tests.crash import POINTS, CrashResult, problems, run

_BASELINE: dict[int, CrashResult] = {}


def _baseline(
    seed: int, tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]
) -> CrashResult:
    if seed not in _BASELINE:
        result = run(None, seed, tmp_path_factory.mktemp("baseline"), env)
        assert result.crash_code == 0 and result.markdown, result.stderr
        _BASELINE[seed] = result
    return _BASELINE[seed]


def test_there_are_at_least_20_kill_points() -> None:
    assert len(POINTS) >= 20


@pytest.mark.parametrize("point", POINTS)
def test_kill_9_then_resume(
    point: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, catalogs: CatalogServer
) -> None:
    env = catalogs.env()
    baseline = _baseline(0, tmp_path_factory, env)
    result = run(point, 0, tmp_path, env)
    assert problems(result, baseline) == []
