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

This module builds the app; the routes live by concern: `pages` (run list, run page, preview),
`sections` (edit, revert, undo, restore, diff, regenerate), `review` (flags, notes, re-check,
approval), `exports` (downloads, WordPress); `guards` holds the guards above and `context` the
`Desk` every route receives (settings, archive, token, templates, language and time zone).
"""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from drafter.config import Settings
from drafter.desk import exports, guards, pages, review, sections
from drafter.desk.context import HERE, Desk
from drafter.desk.exports import attachment
from drafter.desk.guards import CSP, TOKEN_HEADER, StaleTokenError
from drafter.run.archive import Archive

__all__ = [
    "CSP",
    "PAGE_SIZE",
    "TOKEN_HEADER",
    "DeskState",
    "StaleTokenError",
    "attachment",
    "create_app",
]

PAGE_SIZE = 100  # runs per page of the run list (read at each request)
DeskState = Desk  # the name app.state.desk had before the routes were split


def create_app(
    settings: Settings,
    archive: Archive,
    *,
    token: str | None = None,
    allowed_hosts: set[str] | None = None,
    import_dirs: list[Path] | None = None,
) -> FastAPI:
    desk = Desk.build(
        settings,
        archive,
        token or secrets.token_urlsafe(32),
        set(allowed_hosts or ()),
        list(import_dirs or []),
    )
    app = FastAPI(
        title="drafter review",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(guards.csrf)],
    )
    app.state.desk = desk
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    guards.install(app)
    for module in (pages, sections, review, exports):
        app.include_router(module.router)
    return app
