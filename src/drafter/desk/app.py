"""`drafter review`: the editors' desk, a FastAPI app rendered on the server (Jinja2, autoescape)
with htmx and one small script (desk.js) served from the package (no CDN). It binds to loopback.

Security: every string from the article, the comments and the models is untrusted. Templates
autoescape; Markdown an editor wrote goes through markdown-it (raw HTML off) and nh3; a strict
Content-Security-Policy allows only this origin's own script and styles (no inline script, no
eval, no images from elsewhere); every state-changing request needs the desk's CSRF token, and
one whose Origin names another site is refused; so is a Host header other than the bound
address (DNS rebinding). A request from this origin with a stale token (the desk restarted) is
answered 403 with the current token in a header, which only same-origin script can read, so the
page can retry once without losing the editor's text.

Every visible string comes from desk/i18n.py in the desk's language (`desk_lang`, default the
run's `lang`); times are shown in `timezone` (default Asia/Tokyo for lang = ja, else UTC).
"""

from __future__ import annotations

import json
import re
import secrets
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

from drafter.app import review as actions
from drafter.app.drafts import CurrentDraft, NoDraftError, current, section_agents
from drafter.app.flags import Flag, Queue
from drafter.config import Settings
from drafter.desk import diff as diffs
from drafter.desk import i18n
from drafter.errors import DrafterError
from drafter.files import RUN_FILE
from drafter.leaks import redact_value
from drafter.render import HEADINGS, is_web_url, section_keys, section_labels
from drafter.run.archive import Archive, RunRow, digest, sentence_key

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
TOKEN_HEADER = "X-CSRF-Token"


@dataclass
class DeskState:
    settings: Settings
    archive: Archive
    token: str
    allowed_hosts: set[str] = field(default_factory=set)
    import_dirs: list[Path] = field(default_factory=list)


PAGE_SIZE = 100  # runs per page of the run list


class StaleTokenError(Exception):
    """A state change without the desk's current CSRF token."""

    def __init__(self, same_site: bool) -> None:
        self.same_site = same_site


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


def _fragment(markdown: str) -> Markup:
    from drafter.publish.html import render_fragment

    return Markup(render_fragment(markdown))  # markdown-it with raw HTML off, then nh3


def _marks(flags: list[Flag]) -> dict[str, list[Flag]]:
    """A section's flags by normalised sentence, for marking sentences in the draft."""
    found: dict[str, list[Flag]] = {}
    for flag in flags:
        found.setdefault(sentence_key(flag.sentence), []).append(flag)
    return found


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
            # Origin was checked by the guard; a browser that says the request is cross-site
            # does not get the token back.
            site = request.headers.get("sec-fetch-site", "same-origin")
            raise StaleTokenError(same_site=site in ("same-origin", "none"))

    def ui_lang(draft_lang: str | None = None) -> str:
        lang = settings.desk_lang or draft_lang or settings.lang
        return lang if lang in i18n.TABLES else "ja"

    zone = i18n.zone_name(settings.timezone, settings.lang)

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
        web_url=is_web_url,
        agents=section_agents(),
        fragment=_fragment,
        norm=sentence_key,
        wp_configured=bool(settings.wp_url),
    )
    templates.filters["when"] = lambda value: i18n.when(value, zone)
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
        # The publish preview sets its own (stricter, framable by this origin only).
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would send Origin: null
        response.headers["Cache-Control"] = "no-store"
        return response

    def render(name: str, lang: str, **context: Any) -> str:
        # Every error path ends here: a message, hint or stop reason may quote a model server
        # that echoed the API key (some gateways do), so each is redacted like the CLI's.
        for name_ in ("message", "hint", "error"):
            if isinstance(context.get(name_), str | dict):
                context[name_] = redact_value(context[name_])
        context.setdefault("lang", lang)
        return templates.get_template(name).render(
            t=i18n.strings(lang), ui=lang, csrf=state.token, zone=zone, **context
        )

    def page(name: str, status: int = 200, lang: str | None = None, **context: Any) -> HTMLResponse:
        return HTMLResponse(render(name, lang or ui_lang(), **context), status_code=status)

    def message_of(exc: DrafterError, lang: str) -> str:
        """An error in the desk's language when the desk knows it, else as raised."""
        key = getattr(exc, "key", "")
        table = i18n.strings(lang)["errors"]
        if key and key in table:
            params = {k.rstrip("_"): v for k, v in getattr(exc, "params", {}).items()}
            try:
                return str(table[key]).format(**params)
            except (KeyError, IndexError):
                pass
        return exc.message + (f" {exc.hint}" if exc.hint else "")

    def run_dir(run: int) -> Path:
        try:
            path = state.archive.run(run).path
        except DrafterError as exc:
            raise HTTPException(
                404, i18n.strings(ui_lang())["not_found_run"].format(run=run)
            ) from (exc)
        if not path.is_dir():
            raise HTTPException(404, i18n.strings(ui_lang())["no_folder"].format(path=path))
        return path

    def draft_lang(draft: CurrentDraft) -> str:
        return draft.draft.lang if draft.draft.lang in HEADINGS else "ja"

    def section_context(draft: CurrentDraft, key: str, review: Queue) -> dict[str, Any]:
        flags = review.of_section(key)
        history = state.archive.revisions(draft.run_id, key)
        return {
            "run": draft.run_id,
            "d": draft.draft,
            "s": next(s for s in draft.sections if s.key == key),
            "labels": section_labels(draft_lang(draft)),
            "flags": flags,
            "marks": _marks(flags),
            "notes": [n for n in state.archive.notes(draft.run_id) if n.section == key],
            "history": history,
            "can_undo": bool(history),
            "error": None,
            "oob": False,
        }

    def bar_context(run: int, path: Path, draft: CurrentDraft, review: Queue) -> dict[str, Any]:
        report, report_file = actions.latest_check(path)
        claims = (report or {}).get("claims")
        return {
            "row": state.archive.run(run),
            "report": report,
            "report_file": report_file,
            "claim_count": len(claims) if isinstance(claims, list) else 0,
            "queue": review,
            "approval": actions.approval_state(state.archive, path, draft),
            "decision": state.archive.decision(run),
            "labels_all": section_labels(ui_lang(draft.draft.lang)),
        }

    def section_response(
        request: Request, run: int, key: str, error: str | None = None
    ) -> Response:
        if not request.headers.get("hx-request"):
            if error:
                return page("error.html", status=400, message=error)
            return RedirectResponse(f"/runs/{run}#sec-{key}", status_code=303)
        path = run_dir(run)
        draft = current(path, state.archive)
        review = actions.review_queue(state.archive, path, draft)
        lang = ui_lang(draft.draft.lang)
        context = section_context(draft, key, review)
        context["error"] = error
        body = render("_section.html", lang, **context)
        # The top bar and the queue change with the text: swapped in out of band.
        extra = bar_context(run, path, draft, review)
        body += render("_bar.html", lang, oob=True, **extra)
        body += render("_queue.html", lang, oob=True, run=run, **extra)
        return HTMLResponse(body)

    def form_who(value: str | None) -> str | None:
        return (value or "").strip() or None

    @app.exception_handler(StaleTokenError)
    async def stale_token(request: Request, exc: StaleTokenError) -> Response:
        headers = {TOKEN_HEADER: state.token} if exc.same_site else {}
        response = page("error.html", status=403, message=i18n.strings(ui_lang())["csrf_failed"])
        response.headers.update(headers)
        return response

    @app.exception_handler(HTTPException)
    async def not_found(request: Request, exc: HTTPException) -> Response:
        return page("error.html", status=exc.status_code, message=str(exc.detail))

    @app.exception_handler(DrafterError)
    async def drafter_error(request: Request, exc: DrafterError) -> Response:
        """A known problem (a run with no finished draft, an unreadable folder) is a page that
        says what to do, never a bare 500."""
        return page("error.html", status=409, message=known_message(exc))

    def known_message(exc: DrafterError) -> str:
        """A problem the desk knows, in the desk's language; the command to run as it is."""
        if isinstance(exc, NoDraftError):
            return str(i18n.strings(ui_lang())["no_draft"]) + " " + (exc.hint or "")
        return exc.message + " " + (exc.hint or "")

    def open_counts(row: RunRow) -> tuple[int, int] | None:
        """(must fix, to verify) as the run's page counts them, when the editor has answered
        flags or edited the text since the check; None: the check's own counts stand."""
        if row.check_failing is None or not row.path.is_dir():
            return None
        if not state.archive.flag_reviews(row.id) and not state.archive.revisions(row.id):
            return None
        try:
            review = actions.review_queue(state.archive, row.path)
        except DrafterError:
            return None
        return review.must_fix, review.verify

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
        decisions = state.archive.decisions_with_digest([row.id for row in found])
        rows = []
        for row in found:
            missing = not row.path.is_dir()  # moved or deleted; its editor work is kept
            decision = decisions.get(row.id)
            review = "not approved"
            if decision is not None and decision.action == "approved":
                review = "approved"
                if not missing:
                    try:
                        shown = current(row.path, state.archive).markdown
                    except DrafterError:
                        shown = ""
                    if digest(shown) != decision.digest:
                        review = "changed since approval"
            rows.append(
                {"row": row, "review": review, "missing": missing, "open": open_counts(row)}
            )
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
    def run_view(
        run: int,
        fixed: int | None = Query(None, ge=0, le=100_000),
        new: int | None = Query(None, ge=0, le=100_000),
    ) -> Response:
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
                lang=ui_lang(row.lang),
                row=row,
                message=i18n.strings(ui_lang(row.lang))["no_draft"]
                if isinstance(exc, NoDraftError)
                else exc.message,
                hint=exc.hint or "",
                error=_stop_reason(meta.get("error")),
                steps={n: s.get("status", "") for n, s in steps.items() if isinstance(s, dict)},
            )
        review = actions.review_queue(state.archive, path, draft)
        sections = [section_context(draft, key, review) for key in section_keys()]
        return page(
            "run.html",
            lang=ui_lang(draft.draft.lang),
            d=draft.draft,
            run=run,
            sections=sections,
            sentences=draft.draft.article.sentences(),
            run_notes=[n for n in state.archive.notes(run) if n.section == "run"],
            delta=(fixed, new) if fixed is not None and new is not None else None,
            **bar_context(run, path, draft, review),
        )

    def known_section(key: str) -> None:
        if key not in section_keys():
            raise HTTPException(404, i18n.strings(ui_lang())["not_found_section"].format(key=key))

    @app.get("/runs/{run}/sections/{key}", response_class=HTMLResponse)
    def section_view(request: Request, run: int, key: str) -> Response:
        known_section(key)
        return (
            section_response(request, run, key)
            if request.headers.get("hx-request")
            else RedirectResponse(f"/runs/{run}#sec-{key}", status_code=303)
        )

    @app.get("/runs/{run}/sections/{key}/edit", response_class=HTMLResponse)
    def section_edit(run: int, key: str) -> Response:
        path = run_dir(run)
        known_section(key)
        draft = current(path, state.archive)
        review = actions.review_queue(state.archive, path, draft)
        return page(
            "_edit.html", lang=ui_lang(draft.draft.lang), **section_context(draft, key, review)
        )

    def section_action(
        request: Request, run: int, key: str, action: Callable[[Path], object]
    ) -> Response:
        known_section(key)
        try:
            action(run_dir(run))
        except DrafterError as exc:
            return section_response(request, run, key, message_of(exc, ui_lang()))
        return section_response(request, run, key)

    @app.post("/runs/{run}/sections/{key}")
    def section_save(
        request: Request, run: int, key: str, text: str = Form(""), who: str = Form("")
    ) -> Response:
        return section_action(
            request,
            run,
            key,
            lambda path: actions.save_edit(state.archive, path, key, text, who=form_who(who)),
        )

    @app.post("/runs/{run}/sections/{key}/revert")
    def section_revert(request: Request, run: int, key: str, who: str = Form("")) -> Response:
        return section_action(
            request,
            run,
            key,
            lambda path: actions.revert(state.archive, path, key, who=form_who(who)),
        )

    @app.post("/runs/{run}/sections/{key}/undo")
    def section_undo(request: Request, run: int, key: str, who: str = Form("")) -> Response:
        return section_action(
            request,
            run,
            key,
            lambda path: actions.undo(state.archive, path, key, who=form_who(who)),
        )

    @app.post("/runs/{run}/sections/{key}/restore/{rev}")
    def section_restore(
        request: Request, run: int, key: str, rev: str, who: str = Form("")
    ) -> Response:
        return section_action(
            request,
            run,
            key,
            lambda path: actions.restore(state.archive, path, key, rev, who=form_who(who)),
        )

    @app.get("/runs/{run}/sections/{key}/diff", response_class=HTMLResponse)
    def section_diff(
        request: Request, run: int, key: str, a: str = "model", b: str = "current"
    ) -> Response:
        path = run_dir(run)
        known_section(key)
        draft = current(path, state.archive)
        lang = ui_lang(draft.draft.lang)
        history = state.archive.revisions(draft.run_id, key)
        try:
            old = actions.revision_text(draft, key, history, a)
            new = actions.revision_text(draft, key, history, b)
        except DrafterError as exc:
            raise HTTPException(404, message_of(exc, lang)) from exc
        shown, changed = diffs.render(old, new)

        def name(rev: str) -> str:
            t = i18n.strings(lang)
            if rev in ("model", "current"):
                return str(t["origins"][rev])
            found = next(h for h in history if str(h.id) == rev)
            return f"{t.label('origins', found.origin)} {i18n.when(found.created_at, zone)}"

        return page(
            "_diff.html" if request.headers.get("hx-request") else "diff_page.html",
            lang=lang,
            run=run,
            key=key,
            a=name(a),
            b=name(b),
            diff=shown,
            changed=changed,
            full=not request.headers.get("hx-request"),
        )

    @app.post("/runs/{run}/sections/{key}/regenerate")
    def section_regenerate(
        request: Request, run: int, key: str, instruction: str = Form(""), who: str = Form("")
    ) -> Response:
        known_section(key)
        lang = ui_lang()
        try:
            actions.regenerate(
                state.archive, run_dir(run), key, state.settings, instruction, who=form_who(who)
            )
        except DrafterError as exc:
            message = i18n.strings(lang)["regen_failed"].format(message=message_of(exc, lang))
            return section_response(request, run, key, message)
        except Exception as exc:  # noqa: BLE001 - shown in the section; the step was put back
            message = i18n.strings(lang)["regen_failed"].format(message=f"{type(exc).__name__}")
            return section_response(request, run, key, message)
        return section_response(request, run, key)

    def queue_response(
        request: Request, run: int, section: str | None, error: str | None
    ) -> Response:
        if not request.headers.get("hx-request"):
            if error:
                return page("error.html", status=400, message=error)
            return RedirectResponse(f"/runs/{run}#queue", status_code=303)
        path = run_dir(run)
        draft = current(path, state.archive)
        review = actions.review_queue(state.archive, path, draft)
        lang = ui_lang(draft.draft.lang)
        extra = bar_context(run, path, draft, review)
        body = render("_queue.html", lang, oob=False, run=run, queue_error=error, **extra)
        body += render("_bar.html", lang, oob=True, **extra)
        if section in section_keys():  # its sentences' marks change
            context = section_context(draft, section, review)
            context["oob"] = True
            body += render("_section.html", lang, **context)
        return HTMLResponse(body)

    @app.post("/runs/{run}/flags/dismiss")
    def flag_dismiss(
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
                state.archive, run_dir(run), section, sentence, kind, reason, who=form_who(who)
            )
        except DrafterError as exc:
            error = message_of(exc, ui_lang())
        return queue_response(request, run, section, error)

    @app.post("/runs/{run}/flags/{review}/reopen")
    def flag_reopen(request: Request, run: int, review: int) -> Response:
        run_dir(run)
        found = next((r for r in state.archive.flag_reviews(run) if r.id == review), None)
        state.archive.unreview_flag(run, review)
        return queue_response(request, run, found.section if found else None, None)

    @app.post("/runs/{run}/notes")
    def note_add(
        request: Request, run: int, section: str = Form("run"), text: str = Form("")
    ) -> Response:
        error = None
        try:
            actions.add_note(state.archive, run_dir(run), section, text)
        except DrafterError as exc:
            error = message_of(exc, ui_lang())
        if section in section_keys():
            return section_response(request, run, section, error)
        if error:
            return page("error.html", status=400, message=error)
        return RedirectResponse(f"/runs/{run}#notes", status_code=303)

    @app.post("/runs/{run}/check")
    def run_check(run: int) -> Response:
        summary = actions.recheck(state.archive, run_dir(run))
        return RedirectResponse(
            f"/runs/{run}?fixed={summary['fixed']}&new={summary['new']}#check", status_code=303
        )

    @app.post("/runs/{run}/published")
    def run_published(run: int, url: str = Form("")) -> Response:
        """Where the draft went live: later drafts link it under 関連記事."""
        run_dir(run)
        url = url.strip()
        if url and not is_web_url(url):
            return page("error.html", status=400, message=i18n.strings(ui_lang())["url_needed"])
        state.archive.set_published(run, url or None)
        return RedirectResponse(f"/runs/{run}#notes", status_code=303)

    @app.post("/runs/{run}/approve")
    def run_approve(
        run: int,
        acknowledge: str | None = Form(None),
        who: str = Form(""),
        reason: str = Form(""),
    ) -> Response:
        lang = ui_lang()
        t = i18n.strings(lang)
        ok = acknowledge == "yes" and bool(reason.strip())
        try:
            actions.approve(
                state.archive, run_dir(run), acknowledged=ok, who=form_who(who), reason=reason
            )
        except actions.MustFixError as exc:
            return must_fix(
                run,
                t.must_fix_approve,
                t.must_fix_approve_msg.format(n=len(exc.items)),
                exc.items,
                exc.dismissed,
                error=t["errors"]["approve_reason"] if acknowledge == "yes" else None,
            )
        return RedirectResponse(f"/runs/{run}", status_code=303)

    def must_fix(
        run: int,
        heading: str,
        message: str,
        items: list[str],
        dismissed: list[str],
        error: str | None = None,
    ) -> HTMLResponse:
        return page(
            "must_fix.html",
            status=409,
            run=run,
            heading=heading,
            message=message,
            items=items,
            dismissed=dismissed,
            error=error,
        )

    def gate(run: int, fmt: str) -> HTMLResponse | None:
        """HTML, WXR and WordPress exports wait for a clean check or an approval."""
        from drafter.app.gate import review

        found, dismissed = review(state.archive, run_dir(run))
        if not found:
            return None
        t = i18n.strings(ui_lang())
        return must_fix(
            run,
            t.must_fix_export,
            t.must_fix_export_msg.format(fmt=fmt, n=len(found)),
            [b.line() for b in found],
            [b.acknowledged_line() for b in dismissed],
        )

    @app.post("/runs/{run}/reopen")
    def run_reopen(run: int, who: str = Form("")) -> Response:
        path = run_dir(run)
        state.archive.decide(
            current(path, state.archive).run_id, "reopened", None, who=form_who(who)
        )
        return RedirectResponse(f"/runs/{run}", status_code=303)

    @app.get("/runs/{run}/preview", response_class=HTMLResponse)
    def preview(run: int) -> Response:
        path = run_dir(run)
        draft = current(path, state.archive)
        return page("preview.html", lang=ui_lang(draft.draft.lang), run=run, d=draft.draft)

    @app.get("/runs/{run}/preview.html", response_class=HTMLResponse)
    def preview_page(run: int) -> Response:
        """The HTML export as it will be published, framed by the desk's preview page only."""
        from drafter.publish import html as publish_html

        draft = current(run_dir(run), state.archive)
        return HTMLResponse(
            publish_html.standalone_html(draft.markdown),
            headers={
                "Content-Security-Policy": publish_html.CONTENT_SECURITY_POLICY
                + "; frame-ancestors 'self'",
                "X-Frame-Options": "SAMEORIGIN",
            },
        )

    @app.get("/runs/{run}/export.{fmt}")
    def export(run: int, fmt: str) -> Response:
        from drafter.publish import html as publish_html

        if fmt in ("html", "wxr") and (refused := gate(run, fmt.upper())) is not None:
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
            raise HTTPException(404, i18n.strings(ui_lang())["unknown_format"].format(fmt=fmt))
        return Response(
            body,
            media_type=kind,
            headers={"Content-Disposition": attachment(name, fmt)},
        )

    @app.post("/runs/{run}/export/wp")
    def export_wp(run: int) -> Response:
        from drafter.publish.wordpress import post_draft

        if not settings.wp_url:
            raise HTTPException(404, i18n.strings(ui_lang())["wp_not_configured"])
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
