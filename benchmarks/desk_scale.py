"""How the editors' desk holds up with a year of drafts: N run folders (copies of one draft made
against the scripted server, each with its own run id and date) served by `drafter review`
over a fresh archive. Prints the time of the first run list (it registers every folder), of
the next one (nothing changed), of one after 10 runs changed on disk (a CLI re-run), of a later
page of the list, and of one draft view.

    python benchmarks/desk_scale.py [N]        # default 2000
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.catalog_server import CatalogServer  # noqa: E402
from tests.scripted_llm import ScriptedLLM, load_script  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def one_draft(work: Path, env: dict[str, str]) -> Path:
    subprocess.run(
        [
            sys.executable, "-m", "drafter", "run", str(ROOT / "tests/fixtures/article.html"),
            "--comments", str(ROOT / "tests/fixtures/comments.json"),
            "--out", str(work / "first"),
        ],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    return next((work / "first").iterdir())


def copies(model: Path, drafts: Path, count: int) -> list[Path]:
    out = []
    for n in range(count):
        target = drafts / f"2026{n:06d}-{model.name[16:]}"
        shutil.copytree(model, target)
        meta_file = target / "run.json"
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        meta["run_id"] = target.name
        day = 1 + n % 28
        meta["created_at"] = f"2026-{1 + n // 200 % 12:02d}-{day:02d}T{n % 24:02d}:00:00+00:00"
        meta_file.write_text(json.dumps(meta), encoding="utf-8")
        out.append(target)
    return out


def timed(client: httpx.Client, url: str) -> tuple[float, int]:
    started = time.perf_counter()
    answer = client.get(url)
    answer.raise_for_status()
    return time.perf_counter() - started, len(answer.content)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    work = Path(tempfile.mkdtemp(prefix="drafter-desk-scale-"))
    server = ScriptedLLM(load_script(str(ROOT / "tests/fixtures/replies.json"))).start()
    catalogs = CatalogServer()
    env = {
        **os.environ,
        **catalogs.env(),
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": "bench",
        "XDG_CACHE_HOME": str(work / "cache"),
        "XDG_DATA_HOME": str(work / "model-data"),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    try:
        model = one_draft(work, env)
    finally:
        server.stop()
        catalogs.stop()
    drafts = work / "drafts"
    drafts.mkdir()
    folders = copies(model, drafts, count)
    port = free_port()
    env["XDG_DATA_HOME"] = str(work / "data")  # a fresh archive: the desk imports every folder
    desk = subprocess.Popen(
        [sys.executable, "-m", "drafter", "review", "--port", str(port), "--import", str(drafts)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or desk.poll() is not None:
                    raise SystemExit("drafter review did not start") from None
                time.sleep(0.1)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
            first, size = timed(client, "/")
            again, _ = timed(client, "/")
            for folder in folders[:10]:
                meta_file = folder / "run.json"
                meta = json.loads(meta_file.read_text(encoding="utf-8"))
                meta["updated_at"] = "2026-12-31T00:00:00+00:00"
                meta_file.write_text(json.dumps(meta), encoding="utf-8")
            changed, _ = timed(client, "/")
            later, _ = timed(client, "/?page=3")
            view, view_size = timed(client, "/runs/1")
    finally:
        desk.terminate()
        desk.wait(timeout=10)
    print(f"runs                      {count}")
    print(f"first run list            {first:.2f} s  ({size / 1024:.0f} KiB; registers all)")
    print(f"run list again            {again:.2f} s  (nothing changed)")
    print(f"after 10 runs changed     {changed:.2f} s")
    print(f"page 3 of the list        {later:.2f} s")
    print(f"one draft view            {view:.2f} s  ({view_size / 1024:.0f} KiB)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
