"""The draft as the editors' desk sees it: the model's sections from the run folder, with the
editor's revisions from the archive laid over them. Exports and re-checks use the same text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import RunError
from drafter.render import Draft, compose_markdown, render_sections, section_keys
from drafter.run.archive import Archive, open_archive
from drafter.sections import in_draft_order


def section_agents() -> dict[str, str]:
    """Which agent writes each section of the draft (参考リンク is built by code and has none)."""
    return {s.key: s.name for s in in_draft_order()}


class NoDraftError(RunError):
    """The run folder has no finished draft (article.json) yet."""


def load_draft(run_dir: Path) -> Draft:
    path = run_dir / "article.json"
    if not path.is_file():
        raise NoDraftError(
            f"{run_dir} has no finished draft (article.json) yet.",
            hint=f"Finish it first: drafter run --resume {run_dir}",
        )
    try:
        return Draft.model_validate_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise RunError(f"Cannot read {path}: {exc}") from exc


@dataclass
class Section:
    key: str
    text: str  # what will be published: the editor's text if there is one, else the model's
    model_text: str
    edited: bool


@dataclass
class CurrentDraft:
    run_id: int
    run_dir: Path
    draft: Draft
    sections: list[Section]

    @property
    def markdown(self) -> str:
        return compose_markdown(self.draft, {s.key: s.text for s in self.sections})


def current(run_dir: Path, archive: Archive) -> CurrentDraft:
    draft = load_draft(run_dir)
    run_id = archive.find(run_dir)
    if run_id is None:
        run_id = archive.register(run_dir)
    edits = archive.editor_texts(run_id)
    model = render_sections(draft)
    sections = [
        Section(key, edits.get(key, model[key]), model[key], key in edits) for key in section_keys()
    ]
    return CurrentDraft(run_id, run_dir.resolve(), draft, sections)


def current_markdown(run_dir: Path, settings: Any) -> str:
    """The Markdown to publish: the model's draft with every editor revision applied."""
    archive = open_archive(settings)
    try:
        return current(run_dir, archive).markdown
    finally:
        archive.close()
