"""One section of a draft on the desk: its view and editor, save, revert to the model's text,
undo, restore a revision, the diff between two revisions, and regenerating it with an
instruction. A change answers htmx with the section and the bar and queue out of band."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from drafter.app import review as actions
from drafter.app.drafts import CurrentDraft, current
from drafter.desk import diff as diffs
from drafter.desk import i18n
from drafter.desk.context import Desk, DeskDep, form_who
from drafter.desk.fragments import section_context, section_response
from drafter.errors import DrafterError
from drafter.run.records import Revision

router = APIRouter()


@router.get("/runs/{run}/sections/{key}", response_class=HTMLResponse)
def section_view(desk: DeskDep, request: Request, run: int, key: str) -> Response:
    desk.known_section(key)
    return section_response(desk, request, run, key)


@router.get("/runs/{run}/sections/{key}/edit", response_class=HTMLResponse)
def section_edit(desk: DeskDep, run: int, key: str) -> Response:
    path = desk.run_dir(run)
    desk.known_section(key)
    draft = current(path, desk.archive)
    review = actions.review_queue(desk.archive, path, draft)
    return desk.page(
        "_edit.html",
        lang=desk.ui_lang(draft.draft.lang),
        **section_context(desk, draft, key, review),
    )


def _section_action(
    desk: Desk, request: Request, run: int, key: str, action: Callable[[Path], object]
) -> Response:
    desk.known_section(key)
    try:
        done = action(desk.run_dir(run))
    except DrafterError as exc:
        return section_response(desk, request, run, key, desk.message_of(exc, desk.ui_lang()))
    # every section action returns the draft as it now is: no need to read it again
    draft = done if isinstance(done, CurrentDraft) else None
    return section_response(desk, request, run, key, draft=draft)


@router.post("/runs/{run}/sections/{key}")
def section_save(
    desk: DeskDep,
    request: Request,
    run: int,
    key: str,
    text: str = Form(""),
    who: str = Form(""),
) -> Response:
    return _section_action(
        desk,
        request,
        run,
        key,
        lambda path: actions.save_edit(desk.archive, path, key, text, who=form_who(who)),
    )


@router.post("/runs/{run}/sections/{key}/revert")
def section_revert(
    desk: DeskDep, request: Request, run: int, key: str, who: str = Form("")
) -> Response:
    return _section_action(
        desk,
        request,
        run,
        key,
        lambda path: actions.revert(desk.archive, path, key, who=form_who(who)),
    )


@router.post("/runs/{run}/sections/{key}/undo")
def section_undo(
    desk: DeskDep, request: Request, run: int, key: str, who: str = Form("")
) -> Response:
    return _section_action(
        desk,
        request,
        run,
        key,
        lambda path: actions.undo(desk.archive, path, key, who=form_who(who)),
    )


@router.post("/runs/{run}/sections/{key}/restore/{rev}")
def section_restore(
    desk: DeskDep, request: Request, run: int, key: str, rev: str, who: str = Form("")
) -> Response:
    return _section_action(
        desk,
        request,
        run,
        key,
        lambda path: actions.restore(desk.archive, path, key, rev, who=form_who(who)),
    )


def _revision_name(desk: Desk, lang: str, history: list[Revision], rev: str) -> str:
    """A revision as the diff's heading names it: the model's, the current, or whose and when."""
    t = i18n.strings(lang)
    if rev in ("model", "current"):
        return str(t["origins"][rev])
    found = next(h for h in history if str(h.id) == rev)
    return f"{t.label('origins', found.origin)} {i18n.when(found.created_at, desk.zone)}"


@router.get("/runs/{run}/sections/{key}/diff", response_class=HTMLResponse)
def section_diff(
    desk: DeskDep, request: Request, run: int, key: str, a: str = "model", b: str = "current"
) -> Response:
    path = desk.run_dir(run)
    desk.known_section(key)
    draft = current(path, desk.archive)
    lang = desk.ui_lang(draft.draft.lang)
    history = desk.archive.revisions(draft.run_id, key)
    try:
        old = actions.revision_text(draft, key, history, a)
        new = actions.revision_text(draft, key, history, b)
    except DrafterError as exc:
        raise HTTPException(404, desk.message_of(exc, lang)) from exc
    shown, changed = diffs.render(old, new)
    return desk.page(
        "_diff.html" if request.headers.get("hx-request") else "diff_page.html",
        lang=lang,
        run=run,
        key=key,
        a=_revision_name(desk, lang, history, a),
        b=_revision_name(desk, lang, history, b),
        diff=shown,
        changed=changed,
        full=not request.headers.get("hx-request"),
    )


@router.post("/runs/{run}/sections/{key}/regenerate")
def section_regenerate(
    desk: DeskDep,
    request: Request,
    run: int,
    key: str,
    instruction: str = Form(""),
    who: str = Form(""),
) -> Response:
    desk.known_section(key)
    lang = desk.ui_lang()
    try:
        actions.regenerate(
            desk.archive, desk.run_dir(run), key, desk.settings, instruction, who=form_who(who)
        )
    except DrafterError as exc:
        message = i18n.strings(lang)["regen_failed"].format(message=desk.message_of(exc, lang))
        return section_response(desk, request, run, key, message)
    except Exception as exc:  # noqa: BLE001 - shown in the section; the step was put back
        message = i18n.strings(lang)["regen_failed"].format(message=f"{type(exc).__name__}")
        return section_response(desk, request, run, key, message)
    return section_response(desk, request, run, key)
