"""Work done in the run's waits instead of on its critical path: the model client's imports
while an input is fetched, the encoder and tagger loads and the check's texts while the agents
wait on the model."""

from __future__ import annotations

import queue
import threading
from typing import Any

from pydantic import BaseModel

from drafter.models import Article, CommentThread


def _import_llm_stack() -> None:
    """The model client's imports (langchain_openai and the OpenAI SDK: about 0.8 s of CPU),
    done in a thread while the main thread waits on the network for the article or the
    thread, so the first model request does not wait for them. Not for local files: there
    is no wait to fill, and two threads importing at once only contend for the GIL."""
    try:
        import langchain_openai  # noqa: F401
        import openai  # noqa: F401
    except Exception:  # noqa: BLE001 - the real import reports it
        pass


class _Preload:
    """Loads the sentence encoder (関連記事, the fact check) and the UniDic tagger in a thread
    while the agents wait on the model: about a second of CPU that would otherwise come after
    the last answer, on the critical path. It starts once a step has asked the model (not when
    every answer comes from the cache: then there is no wait to fill), so it does not compete
    with the first step's own imports. Then it encodes, in the same waits, the texts the check
    of the finished draft will compare (the source's sentences, the comments, each section's
    sentences as its step finishes): the encoder caches each text, so the check after the last
    answer only looks them up. Nothing joins it: the encoder's own lock makes a user wait for a
    load in progress. A failure is left to the real use to report."""

    def __init__(self) -> None:
        self.base: dict[str, Any] = {}
        self.texts: queue.SimpleQueue[list[str] | None] = queue.SimpleQueue()  # None: stop
        self.thread = threading.Thread(target=self._load, name="drafter-preload", daemon=True)

    def _load(self) -> None:
        try:
            from drafter.lang import align, names

            align.load()
            names.tagger()
            article, thread = self.base.get("article"), self.base.get("comments")
            if isinstance(article, Article):
                from drafter.check.quoted import quoted_spans

                align.embed([s.text for s in article.sentences()])
                align.embed(quoted_spans(article.text))
            if isinstance(thread, CommentThread):
                align.embed([c.body for c in thread.comments])
            while (texts := self.texts.get()) is not None:
                align.embed(texts)
        except Exception:  # noqa: BLE001 - reported where the models are used
            pass

    def start(self) -> None:
        """Called from the run's steps, which share one event loop thread: no race."""
        if self.thread.ident is None:
            self.thread.start()

    def warm(self, output: BaseModel) -> None:
        """Queue a finished section's sentences, split as the check will split them."""
        from drafter.lang.text import split_sentences

        texts = []
        for text in _strings(output.model_dump()):
            texts += split_sentences(text)
            if "\n" in text:  # a reaction: one block, one sentence a line (render._lines)
                texts.append(
                    "  \n".join(line.strip() for line in text.splitlines() if line.strip())
                )
        if texts:
            self.texts.put(texts)


def _strings(value: Any) -> list[str]:
    """Every prose string in an artifact (ids, URLs and short labels left out)."""
    if isinstance(value, str):
        return [value] if len(value) >= 8 and "://" not in value else []
    if isinstance(value, dict):
        return [t for item in value.values() for t in _strings(item)]
    if isinstance(value, list):
        return [t for item in value for t in _strings(item)]
    return []
