"""`drafter review` as a user starts it: a real process serving the desk on loopback over the
archive `drafter run` filled, refusing foreign Host headers and form posts without the page's
CSRF token, and saying clearly when its port is taken."""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers import draft
from tests.scripted_llm import ScriptedLLM


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_review(port: int, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "drafter", "review", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def wait_up(port: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"drafter review exited: {process.communicate()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("drafter review did not start listening within 30 s")


@pytest.fixture
def served(llm_env: ScriptedLLM, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    run_dir = Path(result.stdout.strip().splitlines()[-1]).parent
    port = free_port()
    process = start_review(port, "--import", str(run_dir.parent))
    try:
        wait_up(port, process)
        yield port, run_dir
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_review_serves_the_runs_and_guards_its_forms(served: tuple[int, Path]) -> None:
    port, run_dir = served
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=10) as client:
        runs = client.get("/")
        assert runs.status_code == 200
        assert "script-src 'self';" in runs.headers["content-security-policy"]
        links = re.findall(r'href="(/runs/\d+)"', runs.text)
        assert links, "the run drafter run registered is listed"
        page = client.get(links[0])
        assert page.status_code == 200
        title = (run_dir / "article.md").read_text(encoding="utf-8").split("title:", 1)[1]
        assert title.splitlines()[0].strip().strip('"')[:10] in html.unescape(page.text)
        token = re.search(r'"X-CSRF-Token": "([^"]+)"', html.unescape(page.text))
        assert token, "the page carries the CSRF token for its forms"
        note = {"section": "run", "text": "出典の日付を確認"}
        origin = {"Origin": base}
        refused = client.post(f"{links[0]}/notes", data=note, headers=origin)
        assert refused.status_code == 403
        accepted = client.post(
            f"{links[0]}/notes", data=note, headers={**origin, "X-CSRF-Token": token.group(1)}
        )
        assert accepted.status_code == 303
        assert "出典の日付を確認" in client.get(links[0]).text
        # DNS rebinding: a page on another name that resolves to 127.0.0.1 is refused.
        assert client.get("/", headers={"Host": f"evil.example:{port}"}).status_code == 421


def test_review_says_when_its_port_is_taken(llm_env: ScriptedLLM) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = start_review(port)
        try:
            _out, err = process.communicate(timeout=60)
        finally:
            process.kill()
    assert process.returncode != 0
    assert str(port) in err and "--port" in err, err


def test_review_on_every_address_needs_the_names_editors_use(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    port = free_port()
    refused = start_review(port, "--host", "0.0.0.0")
    _out, err = refused.communicate(timeout=60)
    assert refused.returncode == 2 and "--allowed-host" in err, err

    named = start_review(port, "--host", "LOCALHOST", "--allowed-host", "Desk.Newsroom.example")
    try:
        wait_up(port, named)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            assert client.get("/", headers={"Host": f"desk.newsroom.example:{port}"}).is_success
            assert client.get("/", headers={"Host": f"localhost:{port}"}).is_success
            assert client.get("/", headers={"Host": f"other.example:{port}"}).status_code == 421
            # Through a proxy, or on port 80, the Host header has no port.
            assert client.get("/", headers={"Host": "desk.newsroom.example"}).is_success
    finally:
        named.terminate()
        named.wait(timeout=10)
