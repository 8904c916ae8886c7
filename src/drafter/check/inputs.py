"""What `drafter check` compares: a run folder's artifacts, or any draft with its source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

from pydantic import TypeAdapter, ValidationError

from drafter.check.core import CheckInputs, fetched_urls
from drafter.check.draft_md import ParsedDraft, expected_headings, layout_problem, parse_draft
from drafter.errors import DrafterError, SourceError
from drafter.guard import url_key
from drafter.lang.text import normalize
from drafter.models import Article, CommentThread, GlossaryEntry, SubsectionsSection
from drafter.render import Draft
from drafter.run.folder import RunFolder
from drafter.sections import in_draft_order
from drafter.sources.http import Fetcher


class CheckUsageError(DrafterError):
    exit_code = 2


def _read_draft(path: Path) -> ParsedDraft:
    """The draft, parsed; refused when its sentences cannot be placed in sections, since a
    check that files them nowhere would pass what it never held to the lead's standard."""
    try:
        draft = parse_draft(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CheckUsageError(f"Draft not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckUsageError(f"Cannot read the draft {path}: {exc}") from exc
    problem = layout_problem(draft)
    if problem:
        raise CheckUsageError(
            f"Cannot check {path}: {problem}.",
            hint=f"drafter check reads drafter's Markdown layout: {expected_headings()}. "
            "A text with no heading at all is checked as a title line and lead paragraphs.",
        )
    return draft


def from_run(run_dir: Path, draft_path: Path | None = None) -> CheckInputs:
    """A run folder: its article.md (or another draft) against what the run fetched."""
    folder = RunFolder.open(run_dir)
    article = folder.read_model("inputs/article.json", Article)
    thread = folder.read_model("inputs/comments.json", CommentThread)
    markdown_path = draft_path or folder.path / "article.md"
    draft = _read_draft(markdown_path)
    inputs = CheckInputs(
        article=article,
        draft=draft,
        draft_label=str(markdown_path),
        source_label=article.url or article.source_path or "the run's article",
        thread=thread,
        fetched_urls=fetched_urls(article, thread),
    )
    artifacts = folder.path / "article.json"
    if artifacts.is_file():
        try:
            recorded = Draft.model_validate_json(artifacts.read_text(encoding="utf-8"))
        except (OSError, ValidationError):
            recorded = None  # an edited or older article.json: check the Markdown alone
        if recorded is not None:
            _add_recorded(inputs, recorded)
    return inputs


def _add_recorded(inputs: CheckInputs, recorded: Draft) -> None:
    inputs.glossary = list(recorded.lead.glossary)
    inputs.guessed_names = [e.target for e in recorded.lead.glossary if e.verify]
    framing = recorded.headline.framing
    if framing is not None and framing.text:
        # the headline's catchphrase, as the run built the title: not a quotation to find
        inputs.title_framing = [framing.text]
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
