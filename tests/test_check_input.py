"""`drafter check` never passes what it did not check: a draft whose sections it cannot tell
apart is refused, text without headings is held to the lead's standard, and every report says
how many sentences it checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from drafter.check.draft_md import parse_draft
from drafter.cli import app
from drafter.lang.text import split_sentences
from drafter.render import HEADINGS

SOURCE = """# Velmora opens ferry line to Ostrand island

VELMORA, March 3 (Meridian Wire) - The city of Velmora opened a ferry line to the island of \
Ostrand on Monday, cutting the crossing to 40 minutes. The port authority said 12 boats will \
run every day.

Mayor Ines Caldor said the line cost 85 million dollars. The authority expects ridership to \
reach 9,000 passengers a day by next year.

Fishermen on Ostrand have complained that the new boats crowd the island's small harbour.
"""
GLOSSARY = [
    {"source": "Velmora", "target": "ヴェルモラ"},
    {"source": "Ostrand", "target": "オストランド"},
    {"source": "Ines Caldor", "target": "イネス・カルドル"},
]
TITLE = "ヴェルモラ市、オストランド島へのフェリー航路を開設"
LEAD = [
    "ヴェルモラ市は月曜日、オストランド島へのフェリー航路を開設し、島への移動を便利にした。"
    "港湾局によると、毎日12隻が運航する。",
    "イネス・カルドル市長は、航路の建設費が8500万ドルだったと述べた。"
    "港湾局は、来年までに1日の利用者が9000人に達する見通しを示している。",
]
WRONG = ("毎日12隻", "毎日15隻")  # one number the source does not hold
BACKGROUND = "オストランド島の漁業者は、新しい船が小さな港を混雑させていると不満を訴えています。"
JA = HEADINGS["ja"]


def _check(tmp_path: Path, markdown: str, *extra: str) -> Any:
    (tmp_path / "source.md").write_text(SOURCE, encoding="utf-8")
    glossary = tmp_path / "glossary.json"
    glossary.write_text(json.dumps(GLOSSARY, ensure_ascii=False), encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(markdown, encoding="utf-8")
    args = ["--draft", str(draft), "--source", str(tmp_path / "source.md")]
    return CliRunner().invoke(
        app, ["check", *args, "--glossary", str(glossary), "--no-judge", *extra]
    )


def _report(tmp_path: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((tmp_path / "draft.check.json").read_text("utf-8"))
    return report


def _failing(tmp_path: Path) -> list[tuple[str, str]]:
    return [(c["section"], c["sentence"]) for c in _report(tmp_path)["claims"] if c["fails"]]


def _wrong_sentence() -> str:
    return next(s for p in LEAD for s in split_sentences(p) if WRONG[0] in s).replace(*WRONG)


def test_section_names_written_as_plain_lines_are_refused_with_the_headings_named(
    tmp_path: Path,
) -> None:
    """An article pasted from a blog: its section names are lines of text, not headings."""
    blocks = [TITLE, "ニュース", *LEAD, "出典:Meridian Wire", JA["background"], BACKGROUND]
    blocks += [JA["reactions"], "そんなにうまくいくかね。", JA["conclusion"], "次の記事で。"]
    markdown = "\n\n".join(blocks) + "\n"
    result = _check(tmp_path, markdown)
    assert result.exit_code == 2, result.stdout
    said = " ".join(result.stderr.split())
    for key in ("background", "reactions", "conclusion", "analysis", "books", "links"):
        assert f"## {JA[key]}" in said  # every heading the check expects
    line = markdown.split("\n").index(JA["reactions"]) + 1
    assert f"{JA['reactions']} on line {line}" in said  # and where the draft has it unmarked
    assert not (tmp_path / "draft.check.json").exists()


def test_a_title_and_paragraphs_without_headings_are_checked_as_lead(tmp_path: Path) -> None:
    expected = 1 + sum(len(split_sentences(p)) for p in LEAD)
    clean = _check(tmp_path, "\n\n".join([TITLE, *LEAD]) + "\n")
    assert clean.exit_code == 0, clean.stdout
    assert f"{expected} sentences checked" in clean.stdout
    report = _report(tmp_path)
    assert report["layout"] == "lead only"
    assert report["sentences_by_section"] == {"title": 1, "lead": expected - 1}

    wrong = _check(tmp_path, "\n\n".join([TITLE, *LEAD]).replace(*WRONG) + "\n")
    assert wrong.exit_code == 1, wrong.stdout
    assert ("lead", _wrong_sentence()) in _failing(tmp_path)


def test_text_before_the_first_section_or_after_the_source_line_is_lead(tmp_path: Path) -> None:
    no_title_heading = [TITLE, *LEAD, "出典:Meridian Wire", f"## {JA['background']}", BACKGROUND]
    result = _check(tmp_path, "\n\n".join(no_title_heading).replace(*WRONG) + "\n")
    assert result.exit_code == 1, result.stdout
    assert ("lead", _wrong_sentence()) in _failing(tmp_path)

    before_source = [f"# {TITLE}", LEAD[0].replace(*WRONG), "出典:Meridian Wire", LEAD[1]]
    after_source = [f"# {TITLE}", LEAD[0], "出典:Meridian Wire", LEAD[1].replace("9000", "9500")]
    for blocks in (before_source, after_source):
        result = _check(tmp_path, "\n\n".join([*blocks, f"## {JA['background']}", BACKGROUND]))
        assert result.exit_code == 1, result.stdout
        assert {section for section, _ in _failing(tmp_path)} == {"lead"}


def test_a_draft_whose_sections_hold_no_sentence_is_not_ok(tmp_path: Path) -> None:
    markdown = f"# {TITLE}\n\n## {JA['background']}\n\n## {JA['conclusion']}\n"
    result = _check(tmp_path, markdown)
    assert result.exit_code == 2, result.stdout
    assert "no sentence to check" in " ".join(result.stderr.split())


def test_headings_none_of_which_is_a_section_are_refused(tmp_path: Path) -> None:
    markdown = "\n\n".join(["## Intro", *LEAD, "## What next", BACKGROUND]) + "\n"
    result = _check(tmp_path, markdown)
    assert result.exit_code == 2, result.stdout
    said = " ".join(result.stderr.split())
    assert "Intro" in said and "What next" in said and f"## {JA['background']}" in said


def test_every_report_counts_the_sentences_it_checked(tmp_path: Path) -> None:
    blocks = [f"# {TITLE}", *LEAD, "出典:Meridian Wire", f"## {JA['background']}", BACKGROUND]
    markdown = "\n\n".join(blocks) + "\n"
    draft = parse_draft(markdown)
    expected = 1 + len(draft.sentences)
    assert {s.section for s in draft.sentences} == {"lead", "background"}

    result = _check(tmp_path, markdown)
    assert result.exit_code == 0, result.stdout
    assert f"OK: {expected} sentences checked" in result.stdout
    report = _report(tmp_path)
    assert report["sentences_checked"] == expected and report["layout"] == "sections"
    assert f"{expected} sentences checked" in (tmp_path / "draft.check.md").read_text("utf-8")
    as_json = json.loads(_check(tmp_path, markdown, "--json").stdout)
    assert as_json["sentences_checked"] == expected


def test_a_heading_directly_followed_by_its_paragraph_opens_the_section() -> None:
    """CommonMark needs no blank line between a heading and its first paragraph."""
    markdown = f"# {TITLE}\n{LEAD[0]}\n\n## {JA['background']}\n{BACKGROUND}\n"
    draft = parse_draft(markdown)
    assert draft.title == TITLE
    assert [s.text for s in draft.section("background")] == [BACKGROUND]
    assert len(draft.section("lead")) == len(split_sentences(LEAD[0]))
