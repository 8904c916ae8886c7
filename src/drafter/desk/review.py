"""The review of a run on the desk: dismissing and reopening the check's flags, notes, the
re-check, where the draft was published, approval (acknowledging what is left to fix) and
reopening it."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from drafter.app import review as actions
from drafter.app.drafts import current
from drafter.desk import i18n
from drafter.desk.context import DeskDep, form_who
from drafter.desk.fragments import must_fix, queue_response, section_response
from drafter.errors import DrafterError
from drafter.render import is_web_url, section_keys

router = APIRouter()


@router.post("/runs/{run}/flags/dismiss")
def flag_dismiss(
    desk: DeskDep,
    request: Request,
    run: int,
    section: str = Form(""),
    sentence: str = Form(""),
    kind: str = Form(""),
    reason: str = Form(""),
    who: str = Form(""),
) -> Response:
    error = None
    try:
        actions.dismiss(
            desk.archive, desk.run_dir(run), section, sentence, kind, reason, who=form_who(who)
        )
    except DrafterError as exc:
        error = desk.message_of(exc, desk.ui_lang())
    return queue_response(desk, request, run, section, error)


@router.post("/runs/{run}/flags/{review}/reopen")
def flag_reopen(desk: DeskDep, request: Request, run: int, review: int) -> Response:
    desk.run_dir(run)
    found = next((r for r in desk.archive.flag_reviews(run) if r.id == review), None)
    desk.archive.unreview_flag(run, review)
    return queue_response(desk, request, run, found.section if found else None, None)


@router.post("/runs/{run}/notes")
def note_add(
    desk: DeskDep, request: Request, run: int, section: str = Form("run"), text: str = Form("")
) -> Response:
    error = None
    try:
        actions.add_note(desk.archive, desk.run_dir(run), section, text)
    except DrafterError as exc:
        error = desk.message_of(exc, desk.ui_lang())
    if section in section_keys():
        return section_response(desk, request, run, section, error)
    if error:
        return desk.page("error.html", status=400, message=error)
    return RedirectResponse(f"/runs/{run}#notes", status_code=303)


@router.post("/runs/{run}/check")
def run_check(desk: DeskDep, run: int) -> Response:
    summary = actions.recheck(desk.archive, desk.run_dir(run))
    return RedirectResponse(
        f"/runs/{run}?fixed={summary['fixed']}&new={summary['new']}#check", status_code=303
    )


@router.post("/runs/{run}/published")
def run_published(desk: DeskDep, run: int, url: str = Form("")) -> Response:
    """Where the draft went live: later drafts link it under 関連記事."""
    desk.run_dir(run)
    url = url.strip()
    if url and not is_web_url(url):
        message = i18n.strings(desk.ui_lang())["url_needed"]
        return desk.page("error.html", status=400, message=message)
    desk.archive.set_published(run, url or None)
    return RedirectResponse(f"/runs/{run}#notes", status_code=303)


@router.post("/runs/{run}/approve")
def run_approve(
    desk: DeskDep,
    run: int,
    acknowledge: str | None = Form(None),
    who: str = Form(""),
    reason: str = Form(""),
) -> Response:
    lang = desk.ui_lang()
    t = i18n.strings(lang)
    ok = acknowledge == "yes" and bool(reason.strip())
    try:
        actions.approve(
            desk.archive, desk.run_dir(run), acknowledged=ok, who=form_who(who), reason=reason
        )
    except actions.MustFixError as exc:
        return must_fix(
            desk,
            run,
            t.must_fix_approve,
            t.must_fix_approve_msg.format(n=len(exc.items)),
            exc.items,
            exc.dismissed,
            error=t["errors"]["approve_reason"] if acknowledge == "yes" else None,
        )
    return RedirectResponse(f"/runs/{run}", status_code=303)


@router.post("/runs/{run}/reopen")
def run_reopen(desk: DeskDep, run: int, who: str = Form("")) -> Response:
    path = desk.run_dir(run)
    desk.archive.decide(current(path, desk.archive).run_id, "reopened", None, who=form_who(who))
    return RedirectResponse(f"/runs/{run}", status_code=303)
