"""The desk's request guards: the Host and Origin checks and the response headers (CSP and the
others) as middleware, the CSRF token as an app-wide dependency, and the error pages a refused
or failed request gets (a stale token is answered with the current one, to this origin only)."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import PlainTextResponse, Response

from drafter.desk import i18n
from drafter.desk.context import the_desk
from drafter.errors import DrafterError

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
TOKEN_HEADER = "X-CSRF-Token"


class StaleTokenError(Exception):
    """A state change without the desk's current CSRF token."""

    def __init__(self, same_site: bool) -> None:
        self.same_site = same_site


def csrf(request: Request, csrf: str | None = Form(None)) -> None:
    """Every state change carries the desk's token: a header from htmx, a field from a
    plain form. Another site's page cannot read it, so it cannot forge the request."""
    if request.method in ("GET", "HEAD"):
        return
    sent = request.headers.get("x-csrf-token") or csrf
    if not sent or not secrets.compare_digest(sent, the_desk(request).token):
        # Origin was checked by the guard; a browser that says the request is cross-site
        # does not get the token back.
        site = request.headers.get("sec-fetch-site", "same-origin")
        raise StaleTokenError(same_site=site in ("same-origin", "none"))


async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    host = request.headers.get("host", "").lower()
    allowed_hosts = the_desk(request).allowed_hosts
    if allowed_hosts and host not in allowed_hosts:
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


async def stale_token(request: Request, exc: StaleTokenError) -> Response:
    desk = the_desk(request)
    headers = {TOKEN_HEADER: desk.token} if exc.same_site else {}
    message = i18n.strings(desk.ui_lang())["csrf_failed"]
    response = desk.page("error.html", status=403, message=message)
    response.headers.update(headers)
    return response


async def not_found(request: Request, exc: HTTPException) -> Response:
    return the_desk(request).page("error.html", status=exc.status_code, message=str(exc.detail))


async def drafter_error(request: Request, exc: DrafterError) -> Response:
    """A known problem (a run with no finished draft, an unreadable folder) is a page that
    says what to do, never a bare 500."""
    desk = the_desk(request)
    return desk.page("error.html", status=409, message=desk.known_message(exc))


def install(app: FastAPI) -> None:
    """The middleware and the error pages; the CSRF dependency is given to FastAPI()."""
    app.middleware("http")(guard)
    app.exception_handler(StaleTokenError)(stale_token)
    app.exception_handler(HTTPException)(not_found)
    app.exception_handler(DrafterError)(drafter_error)
