"""A loopback stand-in for a WordPress site's REST API, for `drafter export --format wp`.

It answers the way WordPress does (JSON errors with `code`/`message`/`data.status`, term
names HTML-escaped, `term_exists` with the existing id), checks HTTP Basic auth against an
Application Password (spaces optional, as WordPress accepts), records every request, and
refuses any post whose status is not "draft" (drafter must never publish).

Modes: `plain_permalinks` (no /wp-json/: 404 page; the API only at /?rest_route=),
`drop_auth` (the web server strips the Authorization header, as Apache + CGI does),
`can_create_terms=False` (an Author: may post, may not create tags),
`broken_posts` (a PHP notice printed before the JSON of POST /wp/v2/posts).
"""

from __future__ import annotations

import base64
import html
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.loopback import Loopback


@dataclass
class Recorded:
    method: str
    path: str
    route: str | None
    query: dict[str, str]
    body: Any
    authorization: str | None
    user: str | None  # the authenticated user, None when anonymous


@dataclass
class FakeWordPress:
    user: str = "editor"
    password: str = "abcd EFGH ijkl MNOP qrst UVWX"
    plain_permalinks: bool = False
    drop_auth: bool = False
    can_create_terms: bool = True
    broken_posts: bool = False
    tags: dict[int, str] = field(default_factory=dict)
    categories: dict[int, str] = field(default_factory=lambda: {1: "Uncategorized"})
    posts: dict[int, dict[str, Any]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._next_id = 100
        self._lock = threading.Lock()
        self.site = Loopback(
            {},
            fallback=lambda handler: self._handle(handler, "GET"),
            post=lambda handler: self._handle(handler, "POST"),
        )
        self.url = self.site.url

    def __enter__(self) -> FakeWordPress:
        self.site.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.site.__exit__(*exc)

    def env(self, password: str | None = None) -> dict[str, str]:
        return {
            "DRAFTER_WP_URL": self.url,
            "DRAFTER_WP_USER": self.user,
            "DRAFTER_WP_APP_PASSWORD": self.password if password is None else password,
        }

    def api_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.route is not None]

    # ---- the site ----

    def _send(
        self,
        handler: BaseHTTPRequestHandler,
        status: int,
        payload: Any,
        *,
        raw: bytes | None = None,
        content_type: str = "application/json; charset=UTF-8",
    ) -> None:
        body = raw if raw is not None else json.dumps(payload).encode("utf-8")
        handler.send_response(status)
        handler.send_header("content-type", content_type)
        handler.send_header("content-length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def _error(
        self, handler: BaseHTTPRequestHandler, status: int, code: str, message: str, **data: Any
    ) -> None:
        self._send(
            handler, status, {"code": code, "message": message, "data": {"status": status, **data}}
        )

    def _authenticate(self, header: str | None) -> tuple[str | None, str | None]:
        """(user, error code): WordPress checks a Basic header before anything else."""
        if not header or self.drop_auth:
            return None, None
        if not header.startswith("Basic "):
            return None, "rest_not_logged_in"
        try:
            user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
        except ValueError:
            return None, "incorrect_password"
        if user != self.user:
            return None, "invalid_username"
        if password.replace(" ", "") != self.password.replace(" ", ""):
            return None, "incorrect_password"
        return user, None

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        route: str | None = None
        if parts.path.startswith("/wp-json") and not self.plain_permalinks:
            route = parts.path[len("/wp-json") :] or "/"
        elif parts.path in ("", "/") and "rest_route" in query:
            route = query.pop("rest_route") or "/"
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length) if length else b""
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
        header = handler.headers.get("authorization")
        user, auth_error = self._authenticate(header)
        with self._lock:
            self.requests.append(Recorded(method, handler.path, route, query, body, header, user))
        if route is None:
            page = b"<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>"
            self._send(handler, 404, None, raw=page, content_type="text/html; charset=UTF-8")
            return
        if auth_error == "incorrect_password":
            self._error(
                handler,
                401,
                auth_error,
                "The provided password is an invalid application password.",
            )
            return
        if auth_error is not None:
            self._error(
                handler, 401, auth_error, "Unknown username. Check again or try your email address."
            )
            return
        with self._lock:
            self._route(handler, method, route, query, body, user)

    def _route(
        self,
        handler: BaseHTTPRequestHandler,
        method: str,
        route: str,
        query: dict[str, str],
        body: Any,
        user: str | None,
    ) -> None:
        if method == "GET" and route == "/":
            self._send(
                handler,
                200,
                {"name": "Test blog", "namespaces": ["oembed/1.0", "wp/v2"], "routes": {}},
            )
        elif method == "GET" and route == "/wp/v2/users/me":
            if user is None:
                self._error(handler, 401, "rest_not_logged_in", "You are not currently logged in.")
            else:
                self._send(handler, 200, {"id": 1, "name": user, "slug": user})
        elif route in ("/wp/v2/tags", "/wp/v2/categories"):
            store = self.tags if route.endswith("tags") else self.categories
            if method == "GET":
                needle = query.get("search", "").casefold()
                found = [
                    {"id": i, "name": html.escape(n, quote=False)}
                    for i, n in store.items()
                    if needle in n.casefold()
                ]
                self._send(handler, 200, found)
                return
            if user is None or not self.can_create_terms:
                self._error(
                    handler,
                    401 if user is None else 403,
                    "rest_cannot_create",
                    "Sorry, you are not allowed to create terms in this taxonomy.",
                )
                return
            name = body.get("name") if isinstance(body, dict) else None
            if not isinstance(name, str) or not name.strip():
                self._error(
                    handler, 400, "rest_missing_callback_param", "Missing parameter(s): name"
                )
                return
            for term_id, existing in store.items():
                if existing == name:
                    self._error(
                        handler,
                        400,
                        "term_exists",
                        "A term with the name provided already exists.",
                        term_id=term_id,
                    )
                    return
            self._next_id += 1
            store[self._next_id] = name
            self._send(handler, 201, {"id": self._next_id, "name": html.escape(name, quote=False)})
        elif method == "POST" and route == "/wp/v2/posts":
            if user is None:
                self._error(
                    handler,
                    401,
                    "rest_cannot_create",
                    "Sorry, you are not allowed to create posts as this user.",
                )
                return
            if not isinstance(body, dict) or body.get("status") != "draft":
                self.violations.append(f"post without status=draft: {body!r}"[:300])
                self._error(handler, 400, "drafts_only", "This stand-in accepts drafts only.")
                return
            for key, store in (("tags", self.tags), ("categories", self.categories)):
                unknown = [i for i in body.get(key, []) if i not in store]
                if unknown:
                    self.violations.append(f"unknown {key}: {unknown}")
                    self._error(handler, 400, "rest_invalid_param", f"Invalid parameter(s): {key}")
                    return
            self._next_id += 1
            post = {**body, "id": self._next_id, "link": f"{self.url}/?p={self._next_id}"}
            self.posts[self._next_id] = post
            if self.broken_posts:
                notice = b"<br />\n<b>Notice</b>: Undefined index in plugin.php<br />\n"
                self._send(handler, 201, None, raw=notice + json.dumps(post).encode())
                return
            self._send(handler, 201, post)
        else:
            self._error(
                handler,
                404,
                "rest_no_route",
                "No route was found matching the URL and request method.",
            )
