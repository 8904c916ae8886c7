"""The desk's pages to read: the run list (paged, searchable, with each run's review state), a
run's page (or what stopped it when it has no draft) and the publish preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from drafter.app import review as actions
from drafter.app.drafts import CurrentDraft, NoDraftError, current
from drafter.desk import i18n
from drafter.desk.context import Desk, DeskDep
from drafter.desk.fragments import bar_context, section_context
from drafter.errors import DrafterError
from drafter.files import RUN_FILE
from drafter.render import section_keys
from drafter.run.archive import RunRow, digest
from drafter.run.meta import ErrorInfo, RunMeta

router = APIRouter()


def _page_size() -> int:
    # Read from desk.app at each request (a test lengthens the pages): a lazy import, as app
    # imports this module.
    from drafter.desk import app

    return app.PAGE_SIZE


def _run_meta(path: Path) -> RunMeta:
    """run.json of a run folder; an empty one when it is missing or unreadable."""
    return RunMeta.read(path / RUN_FILE) or RunMeta()


def _stop_reason(error: ErrorInfo | None) -> dict[str, str] | None:
    """run.json's error as {agent, message}: only model errors name an agent (a --max-cost
    stop, unverifiable books or an older run.json do not)."""
    if error is None or not error.message:
        return None
    return {"agent": error.agent or "", "message": error.message}


def _open_counts(
    desk: Desk, row: RunRow, draft: CurrentDraft | None = None
) -> tuple[int, int] | None:
    """(must fix, to verify) as the run's page counts them, when the editor has answered
    flags or edited the text since the check; None: the check's own counts stand."""
    if row.check_failing is None or not row.path.is_dir():
        return None
    if not desk.archive.flag_reviews(row.id) and not desk.archive.revisions(row.id):
        return None
    try:
        review = actions.review_queue(desk.archive, row.path, draft)
    except DrafterError:
        return None
    return review.must_fix, review.verify


def _list_rows(desk: Desk, found: list[RunRow]) -> list[dict[str, Any]]:
    """Each run of a page of the list with its review state and open counts."""
    decisions = desk.archive.decisions_with_digest([row.id for row in found])
    rows = []
    for row in found:
        missing = not row.path.is_dir()  # moved or deleted; its editor work is kept
        decision = decisions.get(row.id)
        review = "not approved"
        draft: CurrentDraft | None = None  # read once, for the digest and the open counts
        if decision is not None and decision.action == "approved":
            review = "approved"
            if not missing:
                try:
                    draft = current(row.path, desk.archive)
                except DrafterError:
                    draft = None
                if digest(draft.markdown if draft else "") != decision.digest:
                    review = "changed since approval"
        open_counts = _open_counts(desk, row, draft)
        rows.append({"row": row, "review": review, "missing": missing, "open": open_counts})
    return rows


@router.get("/", response_class=HTMLResponse)
def runs_list(
    desk: DeskDep, page_number: int = Query(1, alias="page", ge=1, le=1_000_000), q: str = ""
) -> Response:
    desk.archive.sync(desk.import_dirs)
    query = q.strip()[:200]
    total = desk.archive.count(query)
    size = _page_size()
    pages = max(1, -(-total // size))
    page_number = min(page_number, pages)  # past the end (runs removed meanwhile): the last
    found = desk.archive.page(limit=size, offset=(page_number - 1) * size, query=query)
    return desk.page(
        "runs.html",
        rows=_list_rows(desk, found),
        archive=str(desk.archive.path),
        total=total,
        page_number=page_number,
        pages=pages,
        q=query,
    )


def _unfinished(desk: Desk, row: RunRow, path: Path, exc: DrafterError) -> Response:
    """A run without a finished draft: what it did, and what stopped it."""
    meta = _run_meta(path)
    return desk.page(
        "unfinished.html",
        status=200,
        lang=desk.ui_lang(row.lang),
        row=row,
        message=i18n.strings(desk.ui_lang(row.lang))["no_draft"]
        if isinstance(exc, NoDraftError)
        else exc.message,
        hint=exc.hint or "",
        error=_stop_reason(meta.error),
        steps={n: s.status or "" for n, s in meta.steps.items()},
    )


@router.get("/runs/{run}", response_class=HTMLResponse)
def run_view(
    desk: DeskDep,
    run: int,
    fixed: int | None = Query(None, ge=0, le=100_000),
    new: int | None = Query(None, ge=0, le=100_000),
) -> Response:
    path = desk.run_dir(run)
    row = desk.archive.run(run)
    try:
        draft = current(path, desk.archive)
    except DrafterError as exc:
        return _unfinished(desk, row, path, exc)
    review = actions.review_queue(desk.archive, path, draft)
    sections = [section_context(desk, draft, key, review) for key in section_keys()]
    return desk.page(
        "run.html",
        lang=desk.ui_lang(draft.draft.lang),
        d=draft.draft,
        run=run,
        sections=sections,
        sentences=draft.draft.article.sentences(),
        run_notes=[n for n in desk.archive.notes(run) if n.section == "run"],
        delta=(fixed, new) if fixed is not None and new is not None else None,
        **bar_context(desk, run, path, draft, review),
    )


@router.get("/runs/{run}/preview", response_class=HTMLResponse)
def preview(desk: DeskDep, run: int) -> Response:
    path = desk.run_dir(run)
    draft = current(path, desk.archive)
    return desk.page("preview.html", lang=desk.ui_lang(draft.draft.lang), run=run, d=draft.draft)


@router.get("/runs/{run}/preview.html", response_class=HTMLResponse)
def preview_page(desk: DeskDep, run: int) -> Response:
    """The HTML export as it will be published, framed by the desk's preview page only."""
    from drafter.publish import html as publish_html

    draft = current(desk.run_dir(run), desk.archive)
    return HTMLResponse(
        publish_html.standalone_html(draft.markdown),
        headers={
            "Content-Security-Policy": publish_html.CONTENT_SECURITY_POLICY
            + "; frame-ancestors 'self'",
            "X-Frame-Options": "SAMEORIGIN",
        },
    )
