"""Real-browser plumbing for the desk tests: the desk served by uvicorn on a loopback port in a
thread, and Debian's Chromium driven by Playwright with every request to another origin
blocked and counted."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.prereqs import CHROMIUM

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[test]'"
    if shutil.which(CHROMIUM) is None:
        return (
            f"Chromium not found at {CHROMIUM}: install it (Debian/Ubuntu: apt-get install chromium) "
            "or set DRAFTER_CHROMIUM to its path; never `playwright install`"
        )
    return None


@contextmanager
def serve(app: Any, port: int = 0) -> Iterator[str]:
    """The ASGI app on 127.0.0.1:<port> (a free one by default); yields its base URL. Serving
    another app on the same port afterwards is a desk restart as the browser sees it."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()


@dataclass
class Watch:
    """What a page did that it must not: dialogs, sentinel calls, requests elsewhere."""

    origin: str
    dialogs: list[str] = field(default_factory=list)
    sentinel: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    csp_reports: list[str] = field(default_factory=list)


def watch(context: Any, page: Any, origin: str) -> Watch:
    seen = Watch(origin)

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(origin + "/") or url == origin:
            route.continue_()
        else:
            seen.foreign.append(url)
            route.abort()

    def dialog(d: Any) -> None:
        seen.dialogs.append(d.message)
        d.dismiss()

    def console(message: Any) -> None:
        if "Content Security Policy" in message.text:
            seen.csp_reports.append(message.text)

    context.route("**/*", route)
    page.on("dialog", dialog)
    page.on("console", console)
    page.expose_function("__xss_sentinel", lambda *args: seen.sentinel.append(repr(args)))
    return seen


# Mistakes planted in a finished run's model text (every file the text is read from), as a
# model could have made them: the checker flags them for real.
PLANTED = {
    "1年延期する見通し": "3年延期する見通し",  # lead: contradicts "by one year"
    "約23億ドル相当": "約45億ドル相当",  # background: contradicts "$2.3 billion"
}


def plant_flags(run_dir: Any) -> None:
    """Put PLANTED into the run's draft (article.json, article.md and the steps they are
    rendered from), so a re-check or a regeneration sees the same text."""
    from pathlib import Path

    folder = Path(run_dir)
    for name in ("article.json", "article.md", "steps/lead.json", "steps/background.json"):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        for old, new in PLANTED.items():
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


@dataclass
class Recorder:
    """Console errors, uncaught page errors and 4xx/5xx answers a page met."""

    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> Recorder:
        page.on(
            "console",
            lambda m: self.console.append(m.text) if m.type in ("error", "warning") else None,
        )
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on(
            "response",
            lambda r: (
                self.bad.append(f"{r.status} {r.request.method} {r.url}")
                if r.status >= 400
                else None
            ),
        )
        return self


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never `playwright install`), for one module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def finished_run(tmp_path: Path) -> Path:
    """A drafted run folder. The run gets a thread of its own: Playwright's sync API keeps an
    event loop on this one."""
    from tests.helpers import draft

    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(draft, tmp_path).result()
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip().splitlines()[-1]).parent
