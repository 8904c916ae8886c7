"""The check's sentence vectors kept in the cache folder: a re-check in a new process encodes
only what changed, and gives the same report."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from drafter import vectors
from drafter.cli import app
from drafter.lang import align

SOURCE = (
    "Harbor officials in Valmora said on Monday that the port would close for 12 days "
    'after a storm damaged two cranes. "We expect the repairs to cost about $40 million," '
    "port director Elena Marsh said. Shipping firms warned that delays could spread to "
    "other ports in the region, and some cargo was diverted to Kessel, 80 kilometres north. "
    "The port handled 1.2 million containers last year, officials said."
)
DRAFT = """# ヴァルモラ港、12日間閉鎖へ

## 要約

ヴァルモラの港湾当局は月曜日、嵐でクレーン2基が損傷したため港を12日間閉鎖すると発表した。エレナ・マーシュ港湾局長は「修理費は約4000万ドルになる見込みだ」と述べた。海運各社は、遅れが周辺の港にも広がる可能性があると警告した。
"""


@pytest.fixture
def encodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the encoder is asked to encode (the process's memory of vectors is emptied
    first and restored after, so only the store can spare an encoding)."""
    seen: list[str] = []
    encode = align._encode

    def counting(model: Any, text: str) -> np.ndarray:
        seen.append(text)
        return encode(model, text)

    monkeypatch.setattr(align, "_encode", counting)
    monkeypatch.setattr(align, "_VECTORS", {})
    monkeypatch.setattr(align, "_STORE", None)
    monkeypatch.setattr(vectors, "_ATTACHED", None)
    return seen


def test_stored_vectors_are_looked_up_not_encoded(tmp_path: Path, encodes: list[str]) -> None:
    store = vectors.SentenceVectors(tmp_path / "embeddings.sqlite")
    align.keep_in(store)
    texts = [f"The port closed for {n} days ({uuid.uuid4()})." for n in range(3)]
    first = align.embed(texts)
    assert len(encodes) == 3
    align._VECTORS.clear()  # a new process: only the store remembers
    again = align.embed([*texts, "A text never seen before."])
    assert len(encodes) == 4  # only the new text
    assert np.array_equal(first, again[:3])  # the very vectors, bit for bit
    store.close()


def _check(tmp_path: Path, draft: str) -> tuple[int, dict[str, Any]]:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["check", "--draft", str(tmp_path / "draft.md"), "--source", str(tmp_path / "source.txt"),
         "--no-judge", "--json"],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    for timing in ("check_seconds", "model_load_seconds", "judge_seconds"):
        report.pop(timing, None)
    return result.exit_code, report


def test_a_recheck_encodes_only_the_changed_sentence(tmp_path: Path, encodes: list[str]) -> None:
    code, report = _check(tmp_path, DRAFT)
    assert encodes and (tmp_path / "cache" / "drafter" / "embeddings.sqlite").is_file()
    encodes.clear()
    align._VECTORS.clear()  # as a new process would start
    assert _check(tmp_path, DRAFT) == (code, report)
    assert encodes == []
    changed = "海運各社は、遅れが周辺の港に広がるおそれがあると警告した。"
    _check(
        tmp_path,
        DRAFT.replace("海運各社は、遅れが周辺の港にも広がる可能性があると警告した。", changed),
    )
    assert encodes == [changed]


def test_an_unusable_cache_folder_only_costs_the_encoding(
    tmp_path: Path, encodes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    code, report = _check(tmp_path, DRAFT)
    assert code == 0 and report["claims"] and encodes
