"""A tiny loopback HTTP server whose routes are functions, for fetch and API tests."""

from __future__ import annotations

import mimetypes
import threading
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

Route = Callable[[BaseHTTPRequestHandler], None]


def respond(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("content-type", content_type)
    handler.send_header("content-length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def static(root: Path) -> Route:
    """A GET fallback serving the files under `root` as a plain web server does: a folder is
    its index.html, anything else a 404 page."""
    top = root.resolve()

    def serve(handler: BaseHTTPRequestHandler) -> None:
        target = (top / unquote(urlsplit(handler.path).path).lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(top) or not target.is_file():
            handler.send_error(404, "File not found")
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        respond(handler, 200, target.read_bytes(), kind)

    return serve


class Loopback:
    """Serves `routes` (path → function) on 127.0.0.1, `fallback` for any other GET and `post`
    for every POST (none: 501, as a plain web server answers); counts the requests per path."""

    def __init__(
        self,
        routes: dict[str, Route],
        host: str = "127.0.0.1",
        fallback: Route | None = None,
        post: Route | None = None,
    ) -> None:
        self.routes = routes
        self.hits: Counter[str] = Counter()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                owner.hits[self.path] += 1
                route = owner.routes.get(self.path, fallback)
                if route is None:
                    respond(self, 404, b"not here")
                else:
                    route(self)

            def do_POST(self) -> None:
                owner.hits[self.path] += 1
                if post is None:
                    self.send_error(501, f"Unsupported method ({self.command!r})")
                else:
                    post(self)

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://{host}:{self.port}"

    def __enter__(self) -> Loopback:
        # A short poll: shutdown() waits for the loop to look, 0.5 s per server by default.
        serve = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        serve.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
