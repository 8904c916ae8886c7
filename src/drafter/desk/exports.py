"""Exports from the desk: Markdown, standalone HTML and WordPress WXR downloads, and a draft
posted to WordPress. HTML, WXR and WordPress wait for a clean check or an approval (the gate)."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from drafter.app.drafts import current
from drafter.desk import i18n
from drafter.desk.context import Desk, DeskDep
from drafter.desk.fragments import must_fix
from drafter.errors import DrafterError

router = APIRouter()


def attachment(stem: str, suffix: str) -> str:
    """A Content-Disposition for a download `stem.suffix` (RFC 6266): `filename*` carries
    the name in UTF-8, percent-encoded, and `filename` an ASCII stand-in for old clients. A
    folder name is untrusted: no quote, backslash, semicolon or control character of it can
    reach the header as syntax."""
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-") or "draft"
    encoded = quote(f"{stem}.{suffix}", safe="", errors="replace")  # a non-UTF-8 folder name
    return f"attachment; filename=\"{fallback}.{suffix}\"; filename*=UTF-8''{encoded}"


def gate(desk: Desk, run: int, fmt: str) -> HTMLResponse | None:
    """HTML, WXR and WordPress exports wait for a clean check or an approval."""
    from drafter.app.gate import review

    found, dismissed = review(desk.archive, desk.run_dir(run))
    if not found:
        return None
    t = i18n.strings(desk.ui_lang())
    return must_fix(
        desk,
        run,
        t.must_fix_export,
        t.must_fix_export_msg.format(fmt=fmt, n=len(found)),
        [b.line() for b in found],
        [b.acknowledged_line() for b in dismissed],
    )


@router.get("/runs/{run}/export.{fmt}")
def export(desk: DeskDep, run: int, fmt: str) -> Response:
    from drafter.app.exporting import export as export_as

    if fmt in ("html", "wxr") and (refused := gate(desk, run, fmt.upper())) is not None:
        return refused
    draft = current(desk.run_dir(run), desk.archive)
    exported = export_as(draft.markdown, fmt, desk.settings)  # app/exporting.py
    if exported is None:
        raise HTTPException(404, i18n.strings(desk.ui_lang())["unknown_format"].format(fmt=fmt))
    return Response(
        exported.text,
        media_type=exported.media_type,
        headers={"Content-Disposition": attachment(draft.run_dir.name, exported.suffix)},
    )


@router.post("/runs/{run}/export/wp")
def export_wp(desk: DeskDep, run: int) -> Response:
    from drafter.app.exporting import post_to_wordpress

    if not desk.settings.wp_url:
        raise HTTPException(404, i18n.strings(desk.ui_lang())["wp_not_configured"])
    if (refused := gate(desk, run, "WordPress")) is not None:
        return refused
    draft = current(desk.run_dir(run), desk.archive)
    try:
        result = post_to_wordpress(draft.markdown, desk.settings)
    except DrafterError as exc:
        message = exc.message + " " + (exc.hint or "")
        return desk.page("error.html", status=502, message=message)
    desk.archive.add_note(run, "run", f"WordPress draft created: {json.dumps(result)}")
    return RedirectResponse(f"/runs/{run}#notes", status_code=303)
