"""`drafter eval` after `pip install`: the offline suite ships with drafter and runs from any
folder, and a run says on stderr which case it is at and how long each took."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.evaluation.harness import default_suite, load_suite
from tests.helpers import drafter_command

ROOT = Path(__file__).resolve().parents[1]

SOURCE = """# Velmora opens ferry line to Ostrand island

VELMORA, March 3 (Meridian Wire) - The city of Velmora opened a ferry line to the island of \
Ostrand on Monday. The port authority said 12 boats will run every day.

Mayor Ines Caldor said the line cost 85 million dollars. The authority expects ridership to \
reach 9,000 passengers a day by next year.

Fishermen on Ostrand have complained that the new boats crowd the island's small harbour, and \
some residents worry that weekend visitors will push up prices in the island's few shops.
"""
DRAFT = """# ヴェルモラ市、オストランド島へのフェリー航路を開設

ヴェルモラ市は月曜日、オストランド島へのフェリー航路を開設した。港湾局によると、毎日12隻が運航する。

イネス・カルドル市長は、航路の建設費が8500万ドルだったと述べた。

出典:Meridian Wire

## 補足説明

### 島の暮らし

新しい航路は、島の住民にとって本土への通勤を身近なものにしそうです。
"""
GLOSSARY = [
    {"source": "Velmora", "target": "ヴェルモラ"},
    {"source": "Ostrand", "target": "オストランド"},
    {"source": "Ines Caldor", "target": "イネス・カルドル"},
]


def _tiny_suite(tmp_path: Path, cases: tuple[str, ...]) -> Path:
    for name in cases:
        case = tmp_path / "cases" / name
        case.mkdir(parents=True)
        (case / "source.md").write_text(SOURCE, encoding="utf-8")
        (case / "draft.md").write_text(DRAFT, encoding="utf-8")
        (case / "glossary.json").write_text(
            json.dumps(GLOSSARY, ensure_ascii=False), encoding="utf-8"
        )
    suite = tmp_path / "tiny.yaml"
    suite.write_text(
        "name: tiny\ncases: cases\nseeds: [0]\nperturbations: [number]\n", encoding="utf-8"
    )
    return suite


def test_the_bundled_suite_is_found_from_any_folder(tmp_path: Path) -> None:
    """The tests run in tmp_path (conftest): nothing here is relative to the checkout."""
    assert Path.cwd() == tmp_path
    suite_path = default_suite()
    assert suite_path.is_absolute() and tmp_path not in suite_path.parents
    suite = load_suite(suite_path)
    cases = sorted(p for p in (suite_path.parent / suite.cases).iterdir() if p.is_dir())
    assert cases and all((case / "draft.md").is_file() for case in cases)


def test_eval_without_a_suite_runs_the_bundled_one(tmp_path: Path) -> None:
    """Started from a folder with no evals/, it names the bundled suite before it starts on the
    first case (the whole suite is too slow for a unit test: it is stopped there)."""
    process = subprocess.Popen(
        [*drafter_command(), "eval"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
    finally:
        process.kill()
        process.wait()
    assert first.startswith(f"suite offline ({default_suite()})"), first


def test_progress_names_each_case_with_its_number_and_time(tmp_path: Path) -> None:
    suite = _tiny_suite(tmp_path, ("ferry-a", "ferry-b"))
    result = CliRunner().invoke(app, ["eval", str(suite), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stdout + result.stderr
    progress = re.findall(
        r"^\[(\d)/(\d)\] (\S+): clean draft passed, (\d+)/(\d+) perturbations detected, "
        r"\d+\.\d s$",
        result.stderr,
        re.MULTILINE,
    )
    assert [(n, total, name) for n, total, name, *_ in progress] == [
        ("1", "2", "ferry-a"),
        ("2", "2", "ferry-b"),
    ]
    data = json.loads((tmp_path / "out" / "eval.json").read_text(encoding="utf-8"))
    assert int(progress[0][4]) == data["detection"]["number"]["total"] // 2 > 0
    assert f"suite tiny: {suite.resolve()}" in result.stdout
    assert data["suite_path"] == str(suite.resolve())


@pytest.mark.slow
def test_the_wheel_ships_the_eval_suite(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("drafter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    evals = ROOT / "evals"
    offline = [evals / "offline.yaml", *(evals / "cases").rglob("*.*")]
    shipped = {f"drafter/_bundled/evals/{p.relative_to(evals)}" for p in offline}
    assert "drafter/_bundled/evals/offline.yaml" in shipped and shipped <= names
    # the held-out suite reads the shared data at run time: not shipped
    assert not [n for n in names if n.startswith("drafter/_bundled/evals/heldout")]
