"""Sentence vectors kept in the cache folder (`embeddings.sqlite`): the fact check's and
関連記事's, one store for both, so a re-check of a draft, in a new process or on the desk,
encodes only the sentences that changed, and a re-run's 関連記事 loads no encoder.

A stored vector is the one this machine computed for the text, so a score stays a function of
its two texts alone (see drafter.lang.align). An unusable store only costs the encoding."""

from __future__ import annotations

import base64
import contextlib
import sqlite3
import threading
from pathlib import Path

import numpy as np

from drafter.lang import align
from drafter.lang.align import vector_key
from drafter.llm.cache import AnswerStore

STORE_NAME = "embeddings.sqlite"
_ATTACHED: tuple[Path, SentenceVectors] | None = None
_LOCK = threading.Lock()


class SentenceVectors:
    def __init__(self, path: Path) -> None:
        self._store = AnswerStore(path, durable=False)

    def load(self, texts: list[str]) -> dict[str, np.ndarray]:
        keys = {vector_key(text): text for text in texts}
        try:
            found = self._store.get_many(list(keys))
        except sqlite3.Error:
            return {}
        out: dict[str, np.ndarray] = {}
        for key, entry in found.items():
            vector = np.frombuffer(base64.b64decode(entry), dtype=np.float32)
            if vector.shape == (512,):  # anything else is not a vector of this encoder
                out[keys[key]] = vector
        return out

    def close(self) -> None:
        self._store.close()

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        entries = {
            vector_key(text): base64.b64encode(vector.astype(np.float32).tobytes()).decode()
            for text, vector in vectors.items()
        }
        with contextlib.suppress(sqlite3.Error):  # not kept: encoded again next time
            self._store.put_many(entries)


def keep_vectors(cache_root: Path) -> None:
    """Keep this process's sentence vectors under `cache_root` (once per process and folder)."""
    global _ATTACHED
    path = cache_root / STORE_NAME
    with _LOCK:
        if _ATTACHED is not None and _ATTACHED[0] == path:
            return
        try:
            store = SentenceVectors(path)
        except (OSError, sqlite3.Error):
            return  # an unwritable cache folder: vectors stay in this process only
        # the store kept before is not closed here: a thread may still be using it (closing a
        # connection under a running statement crashes the process); it closes when the last
        # reference goes
        align.keep_in(store)
        _ATTACHED = (path, store)
