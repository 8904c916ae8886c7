"""`drafter eval`'s suites: the suite file, its case folders (a source of their own, or a page of
the shared data) and their hand-planted errors (planted.json); the formats are in harness.py."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.check.inputs import CheckUsageError
from drafter.evaluation.plant import KINDS, SECTIONS, Planted, PlantError, from_edit

_SHIPPED = "offline.yaml"
SPLITS = ("dev", "test", "all")


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    false_alarm_rate_max: float = 0.05
    false_must_fix_per_draft_max: float | None = None
    detection_min: dict[str, float] = Field(default_factory=dict)


class Suite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    cases: str = "cases"
    seeds: list[int] = Field(default_factory=lambda: [0])
    perturbations: list[str] = Field(default_factory=lambda: list(KINDS))
    thresholds: Thresholds = Field(default_factory=Thresholds)


class CaseInfo(BaseModel):
    """case.json: where the source page is, and which split the case belongs to."""

    model_config = ConfigDict(extra="ignore")

    extraction_id: str | None = Field(default=None, pattern=r"^[0-9a-f]{8,64}$")
    # or a SummEdits news document (<shared data>/summedits/summedits_news.json), named by the
    # first hex digits of the sha256 of its text
    summedits_doc: str | None = Field(default=None, pattern=r"^[0-9a-f]{12,64}$")
    split: Literal["dev", "test"] | None = None
    style: str = ""


class PlantedEntry(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: str
    section: str
    find: str = Field(min_length=1)
    replace: str
    why: str = ""


@dataclass
class Case:
    path: Path
    info: CaseInfo
    source: str  # a file path (a gunzipped shared-data page for extraction cases)
    # the address a shared-data page was saved from: fetched, as a run that fetched it would
    # record, though the page's own canonical link may differ (a Reuters slug)
    page_url: str | None = None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def split(self) -> str | None:
        return self.info.split


def load_suite(path: Path) -> Suite:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        suite = Suite.model_validate(data)
    except FileNotFoundError as exc:
        raise CheckUsageError(
            f"Eval suite not found: {path}",
            hint=f"`drafter eval` with no path runs the suite shipped with drafter ({_SHIPPED}).",
        ) from exc
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise CheckUsageError(f"Invalid eval suite {path}: {exc}") from exc
    unknown = set(suite.perturbations) - set(KINDS)
    if unknown:
        raise CheckUsageError(
            f"{path}: unknown perturbations {sorted(unknown)}; known: {', '.join(KINDS)}"
        )
    return suite


def default_suite() -> Path:
    """The offline suite shipped with drafter: in the wheel, or the checkout's evals/."""
    from drafter.agents import bundled_dir

    return bundled_dir("evals") / _SHIPPED


def shared_data_dir(suite_path: Path, explicit: Path | None = None) -> Path | None:
    """The shared real-world data: --shared-data, else DRAFTER_SHARED_DATA, else a
    `shared/data` folder beside the suite's checkout (../shared/data next to the project)."""
    if explicit is not None:
        return explicit
    configured = os.environ.get("DRAFTER_SHARED_DATA")
    if configured:
        return Path(configured)
    for folder in (suite_path.parent, *suite_path.parent.parents):
        candidate = folder / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def _read_case_info(case: Path) -> CaseInfo:
    path = case / "case.json"
    if not path.is_file():
        return CaseInfo()
    try:
        return CaseInfo.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise CheckUsageError(f"{case.name}: invalid case.json ({exc})".replace("\n", " ")) from exc


def _source_file(case: Path) -> Path | None:
    for name in ("source.md", "source.txt", "source.html", "source.htm"):
        if (case / name).is_file():
            return case / name
    return None


def load_cases(
    suite_path: Path, suite: Suite, split: str, shared: Path | None, scratch: Path
) -> list[Case]:
    root = (suite_path.parent / suite.cases).resolve()
    folders = (
        sorted(p for p in root.iterdir() if (p / "draft.md").is_file()) if root.is_dir() else []
    )
    if not folders:
        raise CheckUsageError(f"No cases (folders with a draft.md) under {root}")
    cases: list[Case] = []
    for folder in folders:
        info = _read_case_info(folder)
        if split != "all" and info.split != split:
            continue
        source = _source_file(folder)
        if source is not None:
            cases.append(Case(folder, info, str(source)))
            continue
        if info.summedits_doc is not None:
            page = _summedits_doc(folder, info.summedits_doc, shared, scratch)
            cases.append(Case(folder, info, str(page)))
            continue
        if info.extraction_id is None:
            raise CheckUsageError(
                f"{folder} has no source.md, source.txt or source.html, and no case.json "
                "naming an extraction_id or a summedits_doc"
            )
        page = _extracted_page(folder, info, shared, scratch)
        cases.append(Case(folder, info, str(page), _page_url(shared, info.extraction_id)))
    if not cases:
        raise CheckUsageError(f"No cases of the split {split!r} under {root}")
    return cases


def _extracted_page(folder: Path, info: CaseInfo, shared: Path | None, scratch: Path) -> Path:
    page = f"extraction/html/{info.extraction_id}.html.gz"
    packed = shared / page if shared is not None else None
    if packed is None or not packed.is_file():
        where = str(packed) if packed is not None else f"../shared/data/{page}"
        raise CheckUsageError(
            f"Case {folder.name} reads its source from the shared data, and {where} is absent: "
            "pass --shared-data DIR or set DRAFTER_SHARED_DATA to the shared data folder."
        )
    target = scratch / f"{info.extraction_id}.html"
    try:
        target.write_bytes(gzip.decompress(packed.read_bytes()))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise CheckUsageError(f"Case {folder.name}: cannot read {packed} ({exc})") from exc
    return target


def _page_url(shared: Path | None, page_id: str) -> str | None:
    urls = _saved_from(shared / "extraction" / "ground-truth.json") if shared else {}
    return urls.get(page_id)


@lru_cache(maxsize=2)
def _saved_from(path: Path) -> dict[str, str]:
    """The extraction benchmark's page ids and the addresses they were saved from."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v["url"] for k, v in data.items() if isinstance(v, dict) and v.get("url")}


def _summedits_doc(folder: Path, digest: str, shared: Path | None, scratch: Path) -> Path:
    """The SummEdits news document whose text's sha256 starts with `digest`, as a text file."""
    data = shared / "summedits" / "summedits_news.json" if shared is not None else None
    if data is None or not data.is_file():
        raise CheckUsageError(
            f"Case {folder.name} reads its source from the shared data's SummEdits documents, "
            "which are absent: pass --shared-data DIR or set DRAFTER_SHARED_DATA."
        )
    target = scratch / f"summedits-{digest}.txt"
    if not target.is_file():
        for doc in _summedits_docs(data):
            if hashlib.sha256(doc.encode("utf-8")).hexdigest().startswith(digest):
                target.write_text(doc, encoding="utf-8")
                break
        else:
            raise CheckUsageError(f"Case {folder.name}: no SummEdits document {digest}")
    return target


@lru_cache(maxsize=2)
def _summedits_docs(data: Path) -> tuple[str, ...]:
    try:
        items = json.loads(data.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CheckUsageError(f"cannot read {data} ({exc})") from exc
    return tuple(dict.fromkeys(str(item.get("doc", "")) for item in items))


def hand_planted(case: Case, markdown: str) -> list[Planted]:
    path = case.path / "planted.json"
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CheckUsageError(f"{case.name}: planted.json is not valid JSON ({exc})") from exc
    if not isinstance(data, list):
        raise CheckUsageError(f"{case.name}: planted.json must be a JSON list of edits")
    items = []
    for number, raw in enumerate(data, start=1):
        where = f"{case.name}: planted.json entry {number}"
        try:
            entry = PlantedEntry.model_validate(raw)
        except ValidationError as exc:
            problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise CheckUsageError(f"{where} is invalid: {problem}") from exc
        if entry.kind not in KINDS or entry.section not in SECTIONS:
            raise CheckUsageError(
                f"{where}: kind {entry.kind!r} / section {entry.section!r} unknown "
                f"(kinds: {', '.join(KINDS)}; sections: {', '.join(SECTIONS)})"
            )
        try:
            items.append(
                from_edit(
                    markdown,
                    entry.find,
                    entry.replace,
                    kind=entry.kind,
                    section=entry.section,
                    description=f"{entry.section}: {entry.why or entry.replace}",
                )
            )
        except PlantError as exc:
            raise CheckUsageError(f"{where} ({entry.find[:40]!r}): {exc}") from exc
    return items
