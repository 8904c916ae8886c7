"""Imported run folders are untrusted: what their run.json says and what their folder is called
must not break the desk's run list or its download headers."""

from __future__ import annotations

import json
import shutil
from email.message import Message
from email.utils import collapse_rfc2231_value
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from drafter.config import archive_path, load_settings
from drafter.desk.app import create_app
from drafter.run.archive import Archive
from tests.helpers import draft
from tests.scripted_llm import ScriptedLLM

HOST = "127.0.0.1:8765"


@pytest.fixture
def run_dir(llm_env: ScriptedLLM, tmp_path: Path) -> Path:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip().splitlines()[-1]).parent


def _copy(run_dir: Path, target: Path, **meta_changes: object) -> Path:
    shutil.copytree(run_dir, target)
    meta = json.loads((target / "run.json").read_text(encoding="utf-8"))
    meta.update(run_id=target.name, **meta_changes)
    (target / "run.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return target


def test_a_run_with_a_cost_that_is_not_a_number_does_not_break_the_list(
    run_dir: Path, tmp_path: Path
) -> None:
    imported = tmp_path / "imported"
    imported.mkdir()
    odd = {"text": "12 dollars", "list": [1], "bool": True, "nan": float("nan"), "huge": 10**400}
    for name, cost in odd.items():
        _copy(run_dir, imported / f"cost-{name}", cost_usd=cost)
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    app = create_app(
        settings, archive, token="t" * 20, allowed_hosts={HOST}, import_dirs=[imported]
    )
    with TestClient(app, base_url=f"http://{HOST}") as client:
        listing = client.get("/")
        assert listing.status_code == 200, listing.text[-300:]
        assert listing.text.count('<tr data-run="') == 1 + len(odd)  # every run is listed
        assert "12 dollars" not in listing.text
        for row in archive.runs():
            assert client.get(f"/runs/{row.id}").status_code == 200
            assert row.cost_usd is None or isinstance(row.cost_usd, float)
    archive.close()


@pytest.mark.parametrize(
    "folder",
    [
        '2026-run"; filename="evil.exe',  # parameter injection through the quoted string
        "2026-日本の記事",  # not Latin-1: the header could not even be encoded
        "run\\name; size=1",
        "ü-run",
    ],
)
def test_the_download_name_survives_any_folder_name(
    run_dir: Path, tmp_path: Path, folder: str
) -> None:
    imported = tmp_path / "imported"
    imported.mkdir()
    target = _copy(run_dir, imported / folder)
    settings = load_settings({})
    archive = Archive(archive_path(settings))
    app = create_app(
        settings, archive, token="t" * 20, allowed_hosts={HOST}, import_dirs=[imported]
    )
    with TestClient(app, base_url=f"http://{HOST}") as client:
        client.get("/")
        run = archive.find(target)
        assert run is not None
        response = client.get(f"/runs/{run}/export.md")
        assert response.status_code == 200
        header = response.headers["content-disposition"]
    archive.close()
    # Parsed as a mail/HTTP client does: RFC 2231 `filename*` (which RFC 6266 has win) decoded
    # by the standard library, and a plain `filename` fallback that is ASCII.
    parsed = Message()
    parsed["Content-Disposition"] = header
    assert parsed.get_content_disposition() == "attachment"
    params = (parsed.get_params(header="content-disposition") or [])[1:]
    assert [name for name, _ in params] == ["filename", "filename"]  # nothing smuggled beside
    extended = [value for _, value in params if isinstance(value, tuple)]
    plain = [value for _, value in params if isinstance(value, str)]
    assert len(extended) == 1 and collapse_rfc2231_value(extended[0]) == f"{folder}.md"
    assert len(plain) == 1 and plain[0].isascii() and plain[0].endswith(".md")
    assert not set('"\\;') & set(plain[0])
    header.encode("latin-1")  # what the HTTP layer must be able to send
