"""`drafter review`: the editors' desk, a FastAPI app rendered on the server (Jinja2, autoescape)
with htmx served from the package (no CDN). It binds to loopback.

Security: every string from the article, the comments and the models is untrusted. Templates
autoescape; Markdown an editor wrote goes through markdown-it (raw HTML off) and nh3; a strict
Content-Security-Policy allows only this origin's own script and styles (no inline script, no
eval, no images from elsewhere); every state-changing request needs the desk's CSRF token, and
one whose Origin names another site is refused; so is a Host header other than the bound
address (DNS rebinding).
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import Depends, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup

from drafter.archive import Archive
from drafter.config import Settings
from drafter.desk import actions
from drafter.desk.drafts import SECTION_AGENTS, CurrentDraft, current
from drafter.errors import DrafterError
from drafter.leaks import redact_value
from drafter.render import HEADINGS, SECTION_KEYS, is_web_url
from drafter.store import RUN_FILE

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECTION_LABELS = {
    "ja": {"title": "タイトル", "lead": "リード", **HEADINGS["ja"]},
    "en": {"title": "Title", "lead": "Lead", **HEADINGS["en"]},
}


@dataclass
class DeskState:
    settings: Settings
    archive: Archive
    token: str
    allowed_hosts: set[str] = field(default_factory=set)
    import_dirs: list[Path] = field(default_factory=list)


PAGE_SIZE = 100  # runs per page of the run list


def attachment(stem: str, suffix: str) -> str:
    """A Content-Disposition for a download `stem.suffix` (RFC 6266): `filename*` carries
    the name in UTF-8, percent-encoded, and `filename` an ASCII stand-in for old clients. A
    folder name is untrusted: no quote, backslash, semicolon or control character of it can
    reach the header as syntax."""
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-") or "draft"
    encoded = quote(f"{stem}.{suffix}", safe="", errors="replace")  # a non-UTF-8 folder name
    return f"attachment; filename=\"{fallback}.{suffix}\"; filename*=UTF-8''{encoded}"


def _run_meta(path: Path) -> dict[str, Any]:
    """run.json of a run folder, or {} when it is missing or unreadable."""
    try:
        meta = json.loads((path / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _stop_reason(error: Any) -> dict[str, str] | None:
    """run.json's error as {agent, message}: only model errors name an agent (a --max-cost
    stop, unverifiable books or an older run.json do not)."""
    if not isinstance(error, dict) or not error.get("message"):
        return None
    return {"agent": str(error.get("agent") or ""), "message": str(error["message"])}


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _flags(report: dict[str, Any] | None) -> dict[str, list[dict[str, Any]]]:
    """Claims the check flagged (must fix) or could not support, by section."""
    by_section: dict[str, list[dict[str, Any]]] = {}
    for claim in (report or {}).get("claims", []):
        if claim.get("fails") or claim.get("verdict") in ("contradicted", "unsupported"):
            by_section.setdefault(str(claim.get("section")), []).append(claim)
    return by_section


def _fragment(markdown: str) -> Markup:
    from drafter.publish.html import render_fragment

    return Markup(render_fragment(markdown))  # markdown-it with raw HTML off, then nh3


def create_app(
    settings: Settings,
    archive: Archive,
    *,
    token: str | None = None,
    allowed_hosts: set[str] | None = None,
    import_dirs: list[Path] | None = None,
) -> FastAPI:
    state = DeskState(
        settings,
        archive,
        token or secrets.token_urlsafe(32),
        set(allowed_hosts or ()),
        list(import_dirs or []),
    )

    def csrf(request: Request, csrf: str | None = Form(None)) -> None:
        """Every state change carries the desk's token: a header from htmx, a field from a
        plain form. Another site's page cannot read it, so it cannot forge the request."""
        if request.method in ("GET", "HEAD"):
            return
        sent = request.headers.get("x-csrf-token") or csrf
        if not sent or not secrets.compare_digest(sent, state.token):
            raise HTTPException(403, "Missing or wrong CSRF token: reload the page.")

    app = FastAPI(
        title="drafter review",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(csrf)],
    )
    app.state.desk = state
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.globals.update(
        csrf=state.token,
        web_url=is_web_url,
        agents=SECTION_AGENTS,
        fragment=_fragment,
        norm=_norm,
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        host = request.headers.get("host", "").lower()
        if state.allowed_hosts and host not in state.allowed_hosts:
            return PlainTextResponse("unknown host", status_code=421)
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("origin")
            if origin is not None and origin.split("://", 1)[-1] != host:
                return PlainTextResponse("cross-origin request refused", status_code=403)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would send Origin: null
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        return response

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        # Every error path ends here: a message, hint or stop reason may quote a model server
        # that echoed the API key (some gateways do), so each is redacted like the CLI's.
        for name_ in ("message", "hint", "error"):
            if isinstance(context.get(name_), str | dict):
                context[name_] = redact_value(context[name_])
        return HTMLResponse(templates.get_template(name).render(**context), status_code=status)

    def run_dir(run: int) -> Path:
        try:
            path = state.archive.run(run).path
        except DrafterError as exc:
            raise HTTPException(404, exc.message) from exc
        if not path.is_dir():
            raise HTTPException(404, f"The run folder {path} no longer exists.")
        return path

    def section_context(draft: CurrentDraft, key: str, path: Path) -> dict[str, Any]:
        report, _ = actions.latest_check(path)
        lang = draft.draft.lang if draft.draft.lang in SECTION_LABELS else "ja"
        return {
            "run": draft.run_id,
            "d": draft.draft,
            "s": next(s for s in draft.sections if s.key == key),
            "labels": SECTION_LABELS[lang],
            "flags": _flags(report).get(key, []),
            "notes": [n for n in state.archive.notes(draft.run_id) if n.section == key],
            "history": state.archive.revisions(draft.run_id, key),
            "error": None,
        }

    def section_response(
        request: Request, run: int, key: str, error: str | None = None
    ) -> Response:
        if not request.headers.get("hx-request"):
            if error:
                return page("error.html", status=400, message=error)
            return RedirectResponse(f"/runs/{run}#sec-{key}", status_code=303)
        path = run_dir(run)
        context = section_context(current(path, state.archive), key, path)
        context["error"] = error
        return page("_section.html", status=200, **context)

    @app.exception_handler(HTTPException)
    async def not_found(request: Request, exc: HTTPException) -> Response:
        return page("error.html", status=exc.status_code, message=str(exc.detail))

    @app.exception_handler(DrafterError)
    async def drafter_error(request: Request, exc: DrafterError) -> Response:
        """A known problem (a run with no finished draft, an unreadable folder) is a page that
        says what to do, never a bare 500."""
        return page("error.html", status=409, message=exc.message + " " + (exc.hint or ""))

    @app.get("/", response_class=HTMLResponse)
    def runs_list(
        page_number: int = Query(1, alias="page", ge=1, le=1_000_000), q: str = ""
    ) -> Response:
        state.archive.sync(state.import_dirs)
        query = q.strip()[:200]
        total = state.archive.count(query)
        pages = max(1, -(-total // PAGE_SIZE))
        page_number = min(page_number, pages)  # past the end (runs removed meanwhile): the last
        found = state.archive.page(
            limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE, query=query
        )
        decisions = state.archive.decisions_of([row.id for row in found])
        rows = [
            {
                "row": row,
                "approved": decisions.get(row.id) == "approved",
                "missing": not row.path.is_dir(),  # moved or deleted; its editor work is kept
            }
            for row in found
        ]
        return page(
            "runs.html",
            rows=rows,
            archive=str(state.archive.path),
            total=total,
            page_number=page_number,
            pages=pages,
            q=query,
        )

    @app.get("/runs/{run}", response_class=HTMLResponse)
    def run_view(run: int) -> Response:
        path = run_dir(run)
        row = state.archive.run(run)
        try:
            draft = current(path, state.archive)
        except DrafterError as exc:
            meta = _run_meta(path)
            steps: dict[str, Any] = meta["steps"] if isinstance(meta.get("steps"), dict) else {}
            return page(
                "unfinished.html",
                status=200,
                row=row,
                message=exc.message,
                hint=exc.hint or "",
                error=_stop_reason(meta.get("error")),
                steps={n: s.get("status", "") for n, s in steps.items() if isinstance(s, dict)},
            )
        report, report_file = actions.latest_check(path)
        sections = [section_context(draft, key, path) for key in SECTION_KEYS]
        return page(
            "run.html",
            lang=draft.draft.lang,
            row=row,
            d=draft.draft,
            sections=sections,
            sentences=draft.draft.article.sentences(),
            report=report,
            report_file=report_file,
            approval=actions.approval_state(state.archive, path, draft),
            run_notes=[n for n in state.archive.notes(run) if n.section == "run"],
        )

    @app.get("/runs/{run}/sections/{key}", response_class=HTMLResponse)
    def section_view(run: int, key: str) -> Response:
        path = run_dir(run)
        if key not in SECTION_KEYS:
            raise HTTPException(404, f"no section {key}")
        return page("_section.html", **section_context(current(path, state.archive), key, path))

    @app.get("/runs/{run}/sections/{key}/edit", response_class=HTMLResponse)
    def section_edit(run: int, key: str) -> Response:
        path = run_dir(run)
        if key not in SECTION_KEYS:
            raise HTTPException(404, f"no section {key}")
        return page("_edit.html", **section_context(current(path, state.archive), key, path))

    @app.post("/runs/{run}/sections/{key}")
    def section_save(request: Request, run: int, key: str, text: str = Form("")) -> Response:
        try:
            actions.save_edit(state.archive, run_dir(run), key, text)
        except DrafterError as exc:
            return section_response(request, run, key, exc.message)
        return section_response(request, run, key)

    @app.post("/runs/{run}/sections/{key}/revert")
    def section_revert(request: Request, run: int, key: str) -> Response:
        try:
            actions.revert(state.archive, run_dir(run), key)
        except DrafterError as exc:
            return section_response(request, run, key, exc.message)
        return section_response(request, run, key)

    @app.post("/runs/{run}/sections/{key}/regenerate")
    def section_regenerate(
        request: Request, run: int, key: str, instruction: str = Form("")
    ) -> Response:
        try:
            actions.regenerate(state.archive, run_dir(run), key, state.settings, instruction)
        except DrafterError as exc:
            message = exc.message + (f" {exc.hint}" if exc.hint else "")
            return section_response(request, run, key, message)
        return section_response(request, run, key)

    @app.post("/runs/{run}/notes")
    def note_add(
        request: Request, run: int, section: str = Form("run"), text: str = Form("")
    ) -> Response:
        error = None
        try:
            actions.add_note(state.archive, run_dir(run), section, text)
        except DrafterError as exc:
            error = exc.message
        if section in SECTION_KEYS:
            return section_response(request, run, section, error)
        return RedirectResponse(f"/runs/{run}#notes", status_code=303)

    @app.post("/runs/{run}/check")
    def run_check(run: int) -> Response:
        actions.recheck(state.archive, run_dir(run))
        return RedirectResponse(f"/runs/{run}#check", status_code=303)

    @app.post("/runs/{run}/published")
    def run_published(run: int, url: str = Form("")) -> Response:
        """Where the draft went live: later drafts link it under 関連記事."""
        run_dir(run)
        url = url.strip()
        if url and not is_web_url(url):
            return page("error.html", status=400, message="Give an http(s) URL, or leave it empty.")
        state.archive.set_published(run, url or None)
        return RedirectResponse(f"/runs/{run}#notes", status_code=303)

    @app.post("/runs/{run}/approve")
    def run_approve(run: int, acknowledge: str | None = Form(None)) -> Response:
        try:
            actions.approve(state.archive, run_dir(run), acknowledged=acknowledge == "yes")
        except actions.MustFixError as exc:
            return must_fix(run, "Approve with must-fix items?", exc.message, exc.items)
        return RedirectResponse(f"/runs/{run}", status_code=303)

    def must_fix(run: int, heading: str, message: str, items: list[str]) -> HTMLResponse:
        return page(
            "must_fix.html", status=409, run=run, heading=heading, message=message, items=items
        )

    def gate(run: int, fmt: str) -> HTMLResponse | None:
        """HTML, WXR and WordPress exports wait for a clean check or an approval."""
        from drafter.publish.gate import blockers

        found = blockers(state.archive, run_dir(run))
        if not found:
            return None
        return must_fix(
            run,
            "Not exported: the fact check has must-fix items",
            f"The {fmt} export is for publishing. Fix these {len(found)} item(s), or approve "
            "the draft acknowledging them; the Markdown export is always available.",
            [b.line() for b in found],
        )

    @app.post("/runs/{run}/reopen")
    def run_reopen(run: int) -> Response:
        actions.reopen(state.archive, run_dir(run))
        return RedirectResponse(f"/runs/{run}", status_code=303)

    @app.get("/runs/{run}/export.{fmt}")
    def export(run: int, fmt: str) -> Response:
        from drafter.publish import html as publish_html

        if fmt in ("html", "wxr") and (refused := gate(run, fmt)) is not None:
            return refused
        draft = current(run_dir(run), state.archive)
        name = draft.run_dir.name
        if fmt == "md":
            body, kind = draft.markdown, "text/markdown; charset=utf-8"
        elif fmt == "html":
            body, kind = publish_html.standalone_html(draft.markdown), "text/html; charset=utf-8"
        elif fmt == "wxr":
            from drafter.publish.wxr import to_wxr

            wxr = to_wxr(
                draft.markdown,
                site_url=state.settings.wp_url or "http://localhost",
                author=state.settings.wp_user or "drafter",
            )
            body, kind = wxr, "application/xml; charset=utf-8"
            fmt = "wxr.xml"
        else:
            raise HTTPException(404, f"unknown export format {fmt}: md, html or wxr")
        return Response(
            body,
            media_type=kind,
            headers={"Content-Disposition": attachment(name, fmt)},
        )

    @app.post("/runs/{run}/export/wp")
    def export_wp(run: int) -> Response:
        from drafter.publish.wordpress import post_draft

        if (refused := gate(run, "WordPress")) is not None:
            return refused
        draft = current(run_dir(run), state.archive)
        try:
            result = post_draft(state.settings, draft.markdown)
        except DrafterError as exc:
            return page("error.html", status=502, message=exc.message + " " + (exc.hint or ""))
        state.archive.add_note(run, "run", f"WordPress draft created: {json.dumps(result)}")
        return RedirectResponse(f"/runs/{run}#notes", status_code=303)

    return app
