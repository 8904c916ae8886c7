"""What `drafter comments`, `fetch`, `runs` and `check` print comes from comment files, pages
and models: no terminal escape sequence (OSC 52 clipboard writes included) or control character
of theirs may reach the terminal, while Japanese and ordinary text arrive intact."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.terminal import printable, printable_json

CASES = Path(__file__).resolve().parents[1] / "evals" / "cases"
CLIPBOARD = "\x1b]52;c;ZXZpbCBjb21tYW5k\x07"  # OSC 52: "evil command" into the clipboard
ESCAPES = [
    CLIPBOARD,
    "\x1b]52;c;ZXZpbCBjb21tYW5k\x1b\\",  # the same, ended by ST
    "\x1b]0;window title\x07",
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b[31;1m",
    "\x9b2J",  # 8-bit CSI
    "\x9d52;c;ZXZpbCBjb21tYW5k\x9c",  # 8-bit OSC 52
    "\x1bP+q544e\x1b\\",  # DCS
    "\r",
    "\x07\x08\x7f",
]
# Anything a terminal acts on: C0 but newline and tab, DEL, C1.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile(text: str) -> str:
    """`text` ("…。" sentences) with every escape spliced in after its first character."""
    return text[0] + "".join(ESCAPES) + text[1:]


def assert_safe(output: str, *intact: str) -> None:
    assert CONTROL.findall(output) == [], output[:300]
    assert "ZXZpbCBjb21tYW5k" not in output  # the whole sequence went, not only its ESC
    assert "window title" not in output
    assert_intact(output, *intact)


def assert_json_safe(output: str) -> Any:
    """JSON keeps the data (escaped as \\u…), with no control character in the text itself."""
    assert CONTROL.findall(output) == [], output[:300]
    return json.loads(output)


def assert_intact(output: str, *intact: str) -> None:
    for text in intact:
        assert text in output


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("escape", ESCAPES)
def test_printable_removes_each_sequence_whole(escape: str) -> None:
    assert printable(f"港の{escape}ストライキ。\tOK\n") == "港のストライキ。\tOK\n"
    data = {"body": f"港の{escape}ストライキ。"}
    shown = printable_json(json.dumps(data, ensure_ascii=False))
    assert CONTROL.findall(shown) == [] and json.loads(shown) == data


def test_comments_prints_no_escape(tmp_path: Path) -> None:
    thread: dict[str, Any] = {
        "url": "https://news.ycombinator.com/item?id=1",
        "platform": "Hacker News",
        "title": hostile("港湾ストライキのスレッド"),
        "comments": [
            {"id": "c1", "body": hostile("日本語のコメントです。") + " Ordinary English too."},
            {"id": "c2", "author": hostile("someone"), "body": hostile("二つ目の反応です。")},
        ],
    }
    path = tmp_path / "thread.json"
    path.write_text(json.dumps(thread, ensure_ascii=False), encoding="utf-8")
    text = invoke("comments", str(path))
    assert text.exit_code == 0, text.output
    assert_safe(text.stdout + text.stderr, "日本語のコメントです。 Ordinary English too.")
    assert "港湾ストライキのスレッド" in text.stdout and "二つ目の反応です。" in text.stdout
    as_json = invoke("comments", str(path), "--json")
    assert as_json.exit_code == 0 and as_json.stderr == ""
    bodies = [c["body"] for c in assert_json_safe(as_json.stdout)["comments"]]
    assert bodies[0] == thread["comments"][0]["body"]  # JSON still carries the data as it is


def test_fetch_prints_no_escape(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    sentences = (
        "Dock workers at Kelmar extended their strike by two weeks. The union wants a 14% raise. "
        "Their banner read 「港を止めるな」. "
    )
    source.write_text(
        hostile("Kelmar port strike extended") + "\n\n" + hostile(sentences) + "\n" + sentences * 8,
        encoding="utf-8",
    )
    result = invoke("fetch", str(source))
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout + result.stderr, sentences.strip())
    as_json = invoke("fetch", str(source), "--json")
    assert as_json.exit_code == 0 and as_json.stderr == ""
    assert sentences.strip() in assert_json_safe(as_json.stdout)["text"]


def test_runs_prints_no_escape_and_survives_odd_numbers(tmp_path: Path) -> None:
    folder = tmp_path / "drafts" / ("2026-run" + CLIPBOARD)
    folder.mkdir(parents=True)
    meta: dict[str, Any] = {
        "run_id": folder.name,
        "status": hostile("completed"),
        "source": {"title": hostile("港湾ストライキの記事")},
        "cost_usd": "free",  # anyone's run.json: not a number
        "usage_total": {"total_tokens": "many"},
    }
    (folder / "run.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    result = invoke("runs", "--out", str(tmp_path / "drafts"))
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout + result.stderr, "港湾ストライキの記事")
    as_json = invoke("runs", "--out", str(tmp_path / "drafts"), "--json")
    assert as_json.exit_code == 0 and as_json.stderr == ""
    assert assert_json_safe(as_json.stdout)[0]["title"] == meta["source"]["title"]


@pytest.mark.skipif(not CASES.is_dir(), reason="evals/cases is not in this checkout")
def test_check_prints_no_escape(tmp_path: Path) -> None:
    case = tmp_path / "port-strike"
    shutil.copytree(CASES / "port-strike", case)
    draft = case / "draft.md"
    text = draft.read_text(encoding="utf-8")
    # a figure the source sentence states otherwise (38 ships): a must-fix item to print
    invented = "ノルバンダ港湾局によると、日曜日の時点で98隻のコンテナ船が沖合で待機していた。"
    lead_start = text.index("ノルバンダ最大のコンテナ港")
    text = text[:lead_start] + hostile(invented) + text[lead_start:]
    draft.write_text(text, encoding="utf-8")
    args = ["check", "--draft", str(draft), "--source", str(case / "source.md"), "--no-judge"]
    table = invoke(*args)
    assert table.exit_code == 1, table.output
    assert_safe(table.stdout + table.stderr, "must fix")
    assert "98隻" in table.stdout
    as_json = invoke(*args, "--json")
    claims = assert_json_safe(as_json.stdout)["claims"]
    assert any("98隻" in c["sentence"] for c in claims)
