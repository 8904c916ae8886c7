"""What `drafter check` compares: a run folder's artifacts, or any draft with its source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

from pydantic import TypeAdapter, ValidationError

from drafter.check.carried import carried_draft
from drafter.check.core import CheckInputs, fetched_urls
from drafter.check.draft_md import ParsedDraft, expected_headings, layout_problem, parse_draft
from drafter.check.renumber import renumbered
from drafter.errors import DrafterError, SourceError
from drafter.guard import url_key
from drafter.lang.text import normalize
from drafter.models import Article, CommentThread, GlossaryEntry, SubsectionsSection
from drafter.render import Draft
from drafter.run.folder import ARTICLE_JSON, ARTICLE_MD, RunFolder
from drafter.sections import in_draft_order
from drafter.sources.http import Fetcher


class CheckUsageError(DrafterError):
    exit_code = 2


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CheckUsageError(f"Draft not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckUsageError(f"Cannot read the draft {path}: {exc}") from exc


def _checkable(draft: ParsedDraft, path: Path) -> ParsedDraft:
    """The draft, refused when its sentences cannot be placed in sections, since a check that
    files them nowhere would pass what it never held to the lead's standard."""
    problem = layout_problem(draft)
    if problem:
        raise CheckUsageError(
            f"Cannot check {path}: {problem}.",
            hint=f"drafter check reads drafter's Markdown layout: {expected_headings()}. "
            "A text with no heading at all is checked as a title line and lead paragraphs.",
        )
    return draft


def _read_draft(path: Path) -> ParsedDraft:
    """The draft, parsed from its Markdown."""
    return _checkable(parse_draft(_read_text(path)), path)


def from_run(run_dir: Path, draft_path: Path | None = None) -> CheckInputs:
    """A run folder: its article.md (or another draft) against what the run fetched.

    When the text is exactly what drafter rendered from the run's article.json, the check reads
    the stored draft itself (check/carried.py: each sentence with the evidence the run recorded
    for it) and parses no Markdown; a text an editor changed is parsed, and the run's record is
    joined to its sentences by their text."""
    folder = RunFolder.open(run_dir)
    article = folder.read_model("inputs/article.json", Article)
    thread = folder.read_model("inputs/comments.json", CommentThread)
    markdown_path = draft_path or folder.path / ARTICLE_MD
    text = _read_text(markdown_path)
    recorded = _stored_draft(folder.path / ARTICLE_JSON)
    if recorded is not None:  # ids as this version numbers the source's sentences
        recorded = renumbered(recorded, article.sentences())
    carried = _carried(recorded, text) if recorded is not None else None
    inputs = CheckInputs(
        article=article,
        draft=_checkable(carried or parse_draft(text), markdown_path),
        draft_label=str(markdown_path),
        source_label=article.url or article.source_path or "the run's article",
        thread=thread,
        fetched_urls=fetched_urls(article, thread),
    )
    if recorded is not None:
        _add_recorded(inputs, recorded, join_by_text=carried is None)
    return inputs


def _stored_draft(path: Path) -> Draft | None:
    """The run's article.json; None when there is none, or it is edited or older (the Markdown
    is then checked alone)."""
    if not path.is_file():
        return None
    try:
        return Draft.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError):
        return None


def _carried(recorded: Draft, text: str) -> ParsedDraft | None:
    """The stored draft as the check reads it, when `text` is what drafter rendered from it."""
    try:
        return carried_draft(recorded, text)
    except (KeyError, ValueError, TypeError):  # a section without a valid artifact in it
        return None


def _add_recorded(inputs: CheckInputs, recorded: Draft, *, join_by_text: bool) -> None:
    """What the run recorded beyond the text: the glossary, the headline's framing, the links
    and books it built; and, for a draft read from Markdown (`join_by_text`), each sentence's
    evidence and claim kind by its text (a draft read from article.json carries them)."""
    inputs.glossary = list(recorded.lead.glossary)
    inputs.guessed_names = [e.target for e in recorded.lead.glossary if e.verify]
    framing = recorded.headline.framing
    if framing is not None and framing.text:
        # the headline's catchphrase, as the run built the title: not a quotation to find
        inputs.title_framing = [framing.text]
    if join_by_text:
        _join_by_text(inputs, recorded)
    # 関連記事 links come from the archive (where earlier drafts were published), built by code.
    inputs.fetched_urls |= {url_key(r.url) for r in recorded.related if r.url}
    for book in recorded.books.books:
        if book.verified:
            record = book.verification or f"{book.title} / {book.author} / ISBN {book.isbn}"
            inputs.verified_books[normalize(book.title).casefold()] = record
            # Store links built by code from the catalog's ISBN (book_links) are not invented.
            inputs.fetched_urls |= {url_key(link.url) for link in book.links}
            if book.catalog_url:
                inputs.fetched_urls.add(url_key(book.catalog_url))


def _join_by_text(inputs: CheckInputs, recorded: Draft) -> None:
    """The run's evidence and claim kinds by each sentence's normalised text, for a draft read
    back from Markdown (an editor's edit keeps the evidence of the sentence it edits)."""
    for lead_paragraph in recorded.lead.paragraphs:
        for sentence in lead_paragraph:
            ids = [e.sentence_id for e in sentence.evidence]
            inputs.recorded_evidence[normalize(sentence.text)] = ids
    # Every section of tagged claims (補足説明, 考察・分析, and any registered like them).
    for name in (s.name for s in in_draft_order() if s.artifact is SubsectionsSection):
        section = cast(SubsectionsSection, recorded.artifact(name))
        for subsection in section.subsections:
            for paragraph in subsection.paragraphs:
                for claim in paragraph:
                    inputs.recorded_kinds[normalize(claim.text)] = claim.kind
                    if claim.kind == "source" and claim.evidence:
                        inputs.recorded_evidence[normalize(claim.text)] = [
                            e.sentence_id for e in claim.evidence
                        ]


def from_files(
    draft_path: Path,
    source: str,
    *,
    comments: str | None = None,
    glossary_path: Path | None = None,
    fetcher: Fetcher | None = None,
) -> CheckInputs:
    """Any draft in the section layout (an editor's edit, say) against a source and comments."""
    from drafter.sources.article import load_article
    from drafter.sources.comments import load_comments

    draft = _read_draft(draft_path)
    article = load_article(source, fetcher=fetcher)
    thread = load_comments(comments, fetcher=fetcher) if comments else None
    inputs = CheckInputs(
        article=article,
        draft=draft,
        draft_label=str(draft_path),
        source_label=source,
        thread=thread,
        fetched_urls=fetched_urls(article, thread),
    )
    if glossary_path is not None:
        inputs.glossary = read_glossary(glossary_path)
    return inputs


def read_glossary(path: Path) -> list[GlossaryEntry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return TypeAdapter(list[GlossaryEntry]).validate_python(data)
    except FileNotFoundError as exc:
        raise CheckUsageError(f"Glossary not found: {path}") from exc
    except (OSError, ValueError, ValidationError) as exc:
        raise SourceError(
            f"{path} is not a glossary: expected a JSON list of "
            '{"source": "English name", "target": "表記"} objects ({exc}).'
        ) from exc
