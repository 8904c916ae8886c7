"""Plant realistic single errors in a correct draft, without any help from the checker.

`plant` reads the draft's Markdown (front matter, `# title`, lead, `## 補足説明`, `## 海外の反応`
with its `<!-- comment id=… -->` markers, `## 考察・分析`, `## 総括`, `## 参考リンク`), the English
source text and the thread's comments with its own small parsers, and makes one change per draft:
a figure, date or name the source states, changed the way a model or a tired editor slips; a
quotation that mirrors a quoted source span given another meaning; a hedge the source has,
dropped; a comment id or link that does not exist. Each change makes the sentence false against
the source by this package's own reading. It never asks the checker which change it would flag
(this package must not import `drafter.check`: a test holds it to that), so the detection rate the
harness reports measures the checker, not the two agreeing.

Every section where a kind makes sense gets its own change (kind × section), chosen by `seed`.

The modules, by concern: `draft` (the draft's Markdown parsed into sentences, comment-id markers
and links), `english` (the source's sentences and what they state), `numbers` (Japanese figures
and dates), `names` (katakana names, matched to the source by ear), `hedges`, `quotes`, `links`
(comment ids and URLs), `planter` (where each kind can go and the change it makes) and `driver`
(`plant` and `from_edit`). They import one another relatively and nothing else of drafter's.
"""

from __future__ import annotations

from .draft import (
    KINDS,
    SECTIONS,
    WHERE,
    ParsedDraft,
    Planted,
    PlantError,
    Unit,
    parse,
    split_sentences,
)
from .driver import from_edit, plant
from .english import EnglishSentence, english_sentences
from .hedges import dropped_hedge
from .names import romaji, sounds_like
from .numbers import JaNumber, ja_numbers

__all__ = [
    "KINDS",
    "SECTIONS",
    "WHERE",
    "EnglishSentence",
    "JaNumber",
    "ParsedDraft",
    "PlantError",
    "Planted",
    "Unit",
    "dropped_hedge",
    "english_sentences",
    "from_edit",
    "ja_numbers",
    "parse",
    "plant",
    "romaji",
    "sounds_like",
    "split_sentences",
]
