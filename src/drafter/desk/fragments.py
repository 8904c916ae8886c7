"""The pieces several desk pages share: one section's template context, the top bar's, and the
htmx answers to a change (the section or the queue, with the bar and whatever else changed with
it swapped in out of band); without htmx, a redirect back to the run's page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from drafter.app import review as actions
from drafter.app.drafts import CurrentDraft, current
from drafter.app.flags import Flag, Queue
from drafter.desk.context import Desk
from drafter.render import HEADINGS, section_keys, section_labels
from drafter.run.archive import sentence_key


def _marks(flags: list[Flag]) -> dict[str, list[Flag]]:
    """A section's flags by normalised sentence, for marking sentences in the draft."""
    found: dict[str, list[Flag]] = {}
    for flag in flags:
        found.setdefault(sentence_key(flag.sentence), []).append(flag)
    return found


def draft_lang(draft: CurrentDraft) -> str:
    return draft.draft.lang if draft.draft.lang in HEADINGS else "ja"


def section_context(desk: Desk, draft: CurrentDraft, key: str, review: Queue) -> dict[str, Any]:
    flags = review.of_section(key)
    history = desk.archive.revisions(draft.run_id, key)
    return {
        "run": draft.run_id,
        "d": draft.draft,
        "s": next(s for s in draft.sections if s.key == key),
        "labels": section_labels(draft_lang(draft)),
        "flags": flags,
        "marks": _marks(flags),
        "notes": [n for n in desk.archive.notes(draft.run_id) if n.section == key],
        "history": history,
        "can_undo": bool(history),
        "error": None,
        "oob": False,
    }


def bar_context(
    desk: Desk, run: int, path: Path, draft: CurrentDraft, review: Queue
) -> dict[str, Any]:
    report, report_file = actions.latest_check(path)
    claims = (report or {}).get("claims")
    return {
        "row": desk.archive.run(run),
        "report": report,
        "report_file": report_file,
        "claim_count": len(claims) if isinstance(claims, list) else 0,
        "queue": review,
        "approval": actions.approval_state(desk.archive, path, draft),
        "decision": desk.archive.decision(run),
        "labels_all": section_labels(desk.ui_lang(draft.draft.lang)),
    }


def _not_htmx(desk: Desk, url: str, error: str | None) -> Response:
    """A plain browser request: the error page, or back to the run page's anchor."""
    if error:
        return desk.page("error.html", status=400, message=error)
    return RedirectResponse(url, status_code=303)


def _fresh(
    desk: Desk, run: int, draft: CurrentDraft | None
) -> tuple[CurrentDraft, Queue, str, dict[str, Any]]:
    """The draft as it is now (as an action just returned it, else read), its review queue,
    the page language and the top bar's context."""
    path = desk.run_dir(run)
    draft = draft or current(path, desk.archive)
    review = actions.review_queue(desk.archive, path, draft)
    return (
        draft,
        review,
        desk.ui_lang(draft.draft.lang),
        bar_context(desk, run, path, draft, review),
    )


def section_response(
    desk: Desk,
    request: Request,
    run: int,
    key: str,
    error: str | None = None,
    draft: CurrentDraft | None = None,
) -> Response:
    if not request.headers.get("hx-request"):
        return _not_htmx(desk, f"/runs/{run}#sec-{key}", error)
    draft, review, lang, extra = _fresh(desk, run, draft)
    context = section_context(desk, draft, key, review)
    context["error"] = error
    body = desk.render("_section.html", lang, **context)
    # The top bar and the queue change with the text: swapped in out of band.
    body += desk.render("_bar.html", lang, oob=True, **extra)
    body += desk.render("_queue.html", lang, oob=True, run=run, **extra)
    return HTMLResponse(body)


def queue_response(
    desk: Desk, request: Request, run: int, section: str | None, error: str | None
) -> Response:
    if not request.headers.get("hx-request"):
        return _not_htmx(desk, f"/runs/{run}#queue", error)
    draft, review, lang, extra = _fresh(desk, run, None)
    body = desk.render("_queue.html", lang, oob=False, run=run, queue_error=error, **extra)
    body += desk.render("_bar.html", lang, oob=True, **extra)
    if section in section_keys():  # its sentences' marks change
        context = section_context(desk, draft, section, review)
        context["oob"] = True
        body += desk.render("_section.html", lang, **context)
    return HTMLResponse(body)


def must_fix(
    desk: Desk,
    run: int,
    heading: str,
    message: str,
    items: list[str],
    dismissed: list[str],
    error: str | None = None,
) -> HTMLResponse:
    return desk.page(
        "must_fix.html",
        status=409,
        run=run,
        heading=heading,
        message=message,
        items=items,
        dismissed=dismissed,
        error=error,
    )
