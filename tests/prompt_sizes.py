"""What the agents are sent, taken apart from the requests the scripted server recorded.

Used by tests/test_prompt_economy.py and benchmarks/prompt_economy.py. A request's user message
holds fenced blocks (`<kind-NONCE>` … `</kind-NONCE>`, see drafter.agents.fence); each block is
counted by what it carries: the run's inputs (article, comments), upstream sections written by
earlier agents (and the glossary), or other material. What is outside the blocks is instructions.

Also here: a full-length scenario for the scripted server (a long real news page and a large real
Reddit thread from ../shared/data, read at run time, never copied), with replies the size of a
real draft's sections.
"""

from __future__ import annotations

import copy
import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.catalog_server import FIXTURES as CATALOG_FIXTURES
from tests.catalog_server import CatalogServer
from tests.prereqs import SHARED_DATA as SHARED_DATA_DIR
from tests.scripted_llm import Reply, Script, schema_name

SHARED_DATA = SHARED_DATA_DIR
# A long news page (The New York Times on the US–China trade war, 9.6k characters of text).
LONG_PAGE = "702d1da63b8e064cb70617620e45c2d116b4912c9bc9d518dcf5ce54bb8057ed"
LONG_THREAD = "comments_3hahrw.json"  # 476 comments, nested, with "more" stubs

INPUT_KINDS = ("source", "source-title", "comments")
_FENCE = re.compile(r"<([a-z][a-z-]*)-([0-9a-f]{16})>\n(.*?)\n</\1-\2>", re.DOTALL)


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(kind, content) of every nonce-fenced block in `text`."""
    return [(m.group(1), m.group(3)) for m in _FENCE.finditer(text)]


def outside_fences(text: str) -> str:
    """`text` without its fenced blocks: the instructions around them."""
    return _FENCE.sub("", text)


def message_text(request: dict[str, Any], role: str) -> str:
    return "\n".join(str(m["content"]) for m in request["messages"] if m["role"] == role)


@dataclass
class Sizes:
    """Characters of one agent's requests, by what they carry."""

    calls: int = 0
    system: int = 0
    user: int = 0
    input_data: int = 0  # inside source / source-title / comments fences
    upstream: int = 0  # inside draft-* and glossary fences: earlier agents' output
    other_data: int = 0  # catalog records, a re-asked previous answer
    schema: int = 0  # the response_format / tool definition, sent beside the messages
    texts: dict[str, list[str]] = field(default_factory=dict)  # part -> texts, for tokenizing

    @property
    def total(self) -> int:
        return self.system + self.user

    def as_dict(self) -> dict[str, int]:
        return {
            "calls": self.calls,
            "system": self.system,
            "user": self.user,
            "of_which_input_data": self.input_data,
            "of_which_upstream_sections": self.upstream,
            "of_which_other_data": self.other_data,
            "instructions": self.total - self.input_data - self.upstream - self.other_data,
            "total_messages": self.total,
            "schema_beside_messages": self.schema,
        }


def part_of(kind: str) -> str:
    if kind in INPUT_KINDS:
        return "input_data"
    if kind.startswith("draft-") or kind == "glossary":
        return "upstream"
    return "other_data"


def sizes_by_agent(requests: list[dict[str, Any]]) -> dict[str, Sizes]:
    out: dict[str, Sizes] = {}
    for request in requests:
        sizes = out.setdefault(schema_name(request), Sizes())
        system, user = message_text(request, "system"), message_text(request, "user")
        sizes.calls += 1
        sizes.system += len(system)
        sizes.user += len(user)
        sizes.texts.setdefault("system", []).append(system)
        sizes.texts.setdefault("user", []).append(user)
        for kind, content in fenced_blocks(user):
            part = part_of(kind)
            setattr(sizes, part, getattr(sizes, part) + len(content))
            sizes.texts.setdefault(part, []).append(content)
        spec = request.get("response_format") or request.get("tools") or {}
        sizes.schema += len(json.dumps(spec, ensure_ascii=False))
        sizes.texts.setdefault("schema", []).append(json.dumps(spec, ensure_ascii=False))
    return out


# -- the full-length scenario -------------------------------------------------------------------


def long_inputs(folder: Path) -> tuple[Path, Path] | None:
    """The long page (un-gzipped into `folder`) and the large thread; None without shared data."""
    page = SHARED_DATA / "extraction" / "html" / f"{LONG_PAGE}.html.gz"
    thread = SHARED_DATA / "reddit" / "threads" / LONG_THREAD
    if not page.is_file() or not thread.is_file():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    html = folder / "long-article.html"
    html.write_bytes(gzip.decompress(page.read_bytes()))
    return html, thread


_NAME = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)+)\b")
_OFFERED_ID = re.compile(r"^\[id=([^\]]+)\]", re.MULTILINE)


def full_length_script(replies: dict[str, Any]) -> Script:
    """Replies the size of a real draft's sections, valid for any article and thread.

    The lead's glossary takes its names from the article it is shown; the reactions pick 12 of
    the comments offered; background and analysis are doubled to real-draft length (4 and 3
    subsections of about 1,500 characters of text).
    """

    def lead(body: dict[str, Any], _: int) -> Reply:
        answer = copy.deepcopy(replies["LeadDraft"])
        names = list(dict.fromkeys(_NAME.findall(message_text(body, "user"))))[:8]
        answer["glossary"] = [
            {"source": name, "target": f"カタカナ表記{n}"} for n, name in enumerate(names, 1)
        ]
        # A real lead names everyone in its glossary: so does this one.
        targets = "、".join(g["target"] for g in answer["glossary"])
        answer["paragraphs"][1]["sentences"].append(
            {"text": f"記事は{targets}にも触れている。", "evidence": ["S1"]}
        )
        return Reply(content=answer)

    def reactions(body: dict[str, Any], _: int) -> Reply:
        ids = _OFFERED_ID.findall(message_text(body, "user"))[:12]
        texts = [r["translation"] for r in replies["ReactionsDraft"]["reactions"]]
        picked = [
            {"comment_id": cid, "translation": texts[n % len(texts)]} for n, cid in enumerate(ids)
        ]
        return Reply(content={"reactions": picked})

    def doubled(draft: dict[str, Any], subsections: int) -> dict[str, Any]:
        subs = copy.deepcopy(draft["subsections"])
        while len(subs) < subsections:
            extra = copy.deepcopy(subs[len(subs) % len(draft["subsections"])])
            extra["heading"] += "（続き）"
            subs.append(extra)
        for sub in subs:
            for paragraph in sub["paragraphs"]:
                paragraph["claims"] = paragraph["claims"] * 2
        return {"subsections": subs[:subsections]}

    conclusion = copy.deepcopy(replies["ConclusionDraft"])
    conclusion["paragraphs"] = [*conclusion["paragraphs"], conclusion["paragraphs"][0]]
    script: Script = {name: [Reply(content=content)] for name, content in replies.items()}
    script["LeadDraft"] = lead
    script["ReactionsDraft"] = reactions
    script["BackgroundDraft"] = [Reply(content=doubled(replies["BackgroundDraft"], 4))]
    script["AnalysisDraft"] = [Reply(content=doubled(replies["AnalysisDraft"], 3))]
    script["ConclusionDraft"] = [Reply(content=conclusion)]
    return script


def older_editions(catalogs: CatalogServer) -> None:
    """Let the loopback NDL Search hold the scripted books in editions older than the long
    (2019) article, so that, as when a model suggests books that exist, the first round of
    suggestions is confirmed. Its own fixtures are dated 2020–2024: every suggestion would be
    rejected as published after the article, and the books agent asked twice more."""
    years = {"2020": "2012", "2021": "2013", "2023": "2015", "2024": "2016"}
    files = {"資源と地政学": "ndl_hit.xml", "リチウム経済入門": "ndl_editor.xml"}

    def override(
        prefix: str, query: dict[str, list[str]], _: int
    ) -> tuple[int, dict[str, str], bytes] | None:
        text = " ".join(v for values in query.values() for v in values)
        for words, name in files.items():
            if prefix == "/ndl/" and words in text:
                body = (CATALOG_FIXTURES / name).read_text(encoding="utf-8")
                for new, old in years.items():
                    body = body.replace(new, old)
                return 200, {"content-type": "application/rss+xml"}, body.encode("utf-8")
        return None

    catalogs.override = override


def thread_bodies(run_dir: Path) -> list[str]:
    """Every comment body of the thread the user gave (before pre-selection)."""
    from drafter.models import CommentThread

    thread = CommentThread.model_validate_json(
        (run_dir / "inputs/comments.json").read_text(encoding="utf-8")
    )
    return [c.body for c in thread.comments]


def offered_input_text(run_dir: Path) -> tuple[str, list[str], int]:
    """(article text, the comment bodies offered to the model, all comments' characters)."""
    from drafter.models import CommentThread
    from drafter.sources.selection import clip
    from drafter.stages.reactions import offered_comments

    article = json.loads((run_dir / "inputs/article.json").read_text(encoding="utf-8"))
    thread = CommentThread.model_validate_json(
        (run_dir / "inputs/comments.json").read_text(encoding="utf-8")
    )
    offered = [clip(c.body) for c in offered_comments(thread)]
    return str(article["text"]), offered, sum(len(c.body) for c in thread.comments)
