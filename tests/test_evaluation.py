"""The eval's error generator and harness (issue 15): errors are planted without the checker's
help, in every section, each one a real change of one sentence; hand-planted errors, splits and
held-out sources read from the shared data are handled by `drafter eval`."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.check.report import ClaimReport
from drafter.cli import app
from drafter.evaluation import plant as plant_module
from drafter.evaluation.harness import hit, new_reason, run_suite, was_flagged
from drafter.evaluation.plant import (
    KINDS,
    SECTIONS,
    WHERE,
    Planted,
    PlantError,
    dropped_hedge,
    from_edit,
    ja_numbers,
    plant,
)
from tests.prereqs import needs_data, shared

ROOT = Path(__file__).resolve().parents[1]
PAGE = "374ac9a59a85196cdacc1679fb8993521a7b7d9d6533720f102300be1c7face4"

SOURCE = """\
The Marlow Bay Ferry Company said on Tuesday it will raise fares by 12% on March 1, its first \
increase since 2019. Chief executive Helena Corvin said the company "cannot keep running the boats \
at a loss".

Transport Minister Darius Pell said the government expects to approve the plan within 30 days. \
"We will protect the islanders who need the ferry every day," Pell said.

The company carried 2.4 million passengers last year. It may cut 6 of its 14 routes if fuel costs \
keep rising, Corvin said.
"""
SOURCE_MD = (
    "---\ntitle: Marlow Bay ferry fares to rise 12% in March\n"
    "url: https://www.harborwire.example/business/marlow-bay-ferry-fares/\n"
    "site_name: Harbor Wire\ndate: '2027-01-14'\n---\n\n" + SOURCE
)
THREAD_URL = "https://www.reddit.com/r/ferries/comments/q8w2zt/marlow_bay_ferry_fares/"
COMMENTS = {
    "url": THREAD_URL,
    "platform": "Reddit",
    "comments": [
        {"id": "m1", "body": "Pell will probably sign off within 30 days, he always does.",
         "score": 40},
        {"id": "m2", "body": '12% on March 1 is brutal. Corvin said "cannot keep running at a loss"'
         " like that makes it fine.", "score": 31},
        {"id": "m3", "body": "They raised fares in 2019 too and the boats got worse.", "score": 12},
    ],
}  # fmt: skip
TITLE = (
    "コービン氏「赤字のまま船を動かし続けることはできない」　"
    "ペル運輸相は3月の運賃12%値上げを30日以内に承認する見通し"
)
DRAFT = f"""---
title: {TITLE}
category: ニュース
lang: ja
---

# {TITLE}

マーロウ・ベイ・フェリー社は火曜日、3月1日から運賃を12%引き上げると発表した。値上げは2019年以来となる。\
ヘレナ・コービン最高経営責任者は「赤字のまま船を動かし続けることはできない」と述べた。

ダリウス・ペル運輸相は、政府が30日以内に計画を承認する見通しだと述べた。

出典:Harbor Wire

## 補足説明

### 島の足

マーロウ・ベイ・フェリー社は昨年240万人の乗客を運び、2019年以来の値上げを3月に実施します。\
コービン氏は「赤字のまま船を動かし続けることはできない」と説明しています。\
燃料費が上がり続ければ、同社は14路線のうち6路線を削減する可能性があります。\
ダリウス・ペル運輸相は、政府が30日以内に計画を承認する見通しだと説明しています。

## 海外の反応

Redditのスレッドから翻訳しました。

<!-- comment id=m1 score=40 -->
ペルなら30日以内に承認するだろう。いつもそうだし。

<!-- comment id=m2 score=31 -->
3月1日から12%はきつい。コービンは「赤字では続けられない」って言うけど、それで済む話じゃない。

<!-- comment id=m3 score=12 -->
2019年にも値上げしたのに船はボロくなった。

## 考察・分析

### 値上げの重み

コービン氏は「赤字のまま船を動かし続けることはできない」と語り、2019年以来の12%の値上げに踏み切りました。\
ペル運輸相は30日以内に承認する見通しだと述べています。\
燃料費次第では、マーロウ・ベイ・フェリー社が14路線のうち6路線を削減する可能性もあります。

## 総括

3月1日から12%の値上げが始まり、ペル運輸相は30日以内に承認する見通しです。\
2019年以来の値上げについて、コービン氏が「赤字のまま船を動かし続けることはできない」と語ったとおり、\
島の暮らしへの影響は避けられません。

## 参考リンク

- [Harbor Wire: Marlow Bay ferry fares to rise 12% in March](https://www.harborwire.example/business/marlow-bay-ferry-fares/)
- [Marlow Bay ferry fares]({THREAD_URL})
"""


def _plant(markdown: str = DRAFT, seed: int = 0, source: str = SOURCE) -> list[Planted]:
    bodies = {c["id"]: c["body"] for c in COMMENTS["comments"]}
    return plant(
        markdown,
        source_text=source,
        comment_ids=list(bodies),
        comments=bodies,
        fetched_urls=[
            THREAD_URL,
            "https://www.harborwire.example/business/marlow-bay-ferry-fares/",
        ],
        seed=seed,
    )


# ---------------------------------------------------------------- the generator


def test_the_generator_never_imports_the_checker() -> None:
    """Neither in its source nor at run time: what it plants cannot depend on the checker."""
    package = Path(plant_module.__file__).parent  # every module of the generator's package
    imported: list[str] = []
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                # a relative import stays inside the package (one dot), never climbs out of it
                assert node.level <= 1, (path.name, node.module)
                imported.append(("." * node.level) + (node.module or ""))
    assert imported and not [n for n in imported if n.startswith("drafter")], imported
    code = (
        "import sys, drafter.evaluation.plant as p\n"
        "p.plant(sys.argv[1], source_text=sys.argv[2], seed=0)\n"
        "print([m for m in sys.modules if m.startswith('drafter.check')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, DRAFT, SOURCE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("seed", [0, 1])
def test_every_kind_is_planted_in_every_section_where_it_makes_sense(seed: int) -> None:
    planted = _plant(seed=seed)
    made = {(p.kind, p.section) for p in planted}
    assert made == {(kind, section) for kind, sections in WHERE.items() for section in sections}
    assert len(planted) == len(made)  # one change per kind and section


def test_an_eval_case_gets_changes_in_every_section_and_of_every_kind() -> None:
    case = ROOT / "evals" / "cases" / "port-strike"
    source = (case / "source.md").read_text(encoding="utf-8").split("---", 2)[2]
    thread = json.loads((case / "comments.json").read_text(encoding="utf-8"))
    bodies = {c["id"]: c["body"] for c in thread["comments"]}
    planted = plant(
        (case / "draft.md").read_text(encoding="utf-8"),
        source_text=source,
        comment_ids=list(bodies),
        comments=bodies,
        fetched_urls=[thread["url"]],
        seed=0,
    )
    assert {p.section for p in planted} == set(SECTIONS)
    assert {p.kind for p in planted} == set(KINDS)


def _changed_region(old: str, new: str) -> tuple[str, str]:
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]


def _body(markdown: str) -> str:
    return markdown.split("\n---\n", 1)[1]


def test_each_planted_change_rewrites_its_own_sentence_and_nothing_else() -> None:
    for item in _plant() + _plant(seed=1):
        assert item.before != item.after and item.before in DRAFT and item.after in item.markdown
        # one region changed, inside the sentence (the front matter title follows the title)
        old, new = _changed_region(_body(DRAFT), _body(item.markdown))
        assert old in item.before and new in item.after, item.description
        assert _body(DRAFT).count(item.before) - _body(item.markdown).count(item.before) >= 1
        if item.section == "title":
            assert f"title: {item.after}\n" in item.markdown
        else:
            assert DRAFT.split("\n---\n", 1)[0] == item.markdown.split("\n---\n", 1)[0]
        if item.kind == "number":
            before = {n.value for n in ja_numbers(item.before)}
            after = {n.value for n in ja_numbers(item.after)}
            (old_value,), (new_value,) = before - after, after - before
            assert abs(new_value / old_value - 1) > 0.10, item.description
        if item.kind == "hedge":
            assert not re.search("見通し|可能性|だろう|でしょう|とみられ|予定|方針", item.after)
        if item.kind == "comment_id":
            assert item.target != item.before and f"id={item.target} " in item.markdown
        if item.kind == "link":
            assert item.target not in DRAFT and item.target in item.markdown


def test_planting_is_deterministic_per_seed() -> None:
    assert _plant(seed=3) == _plant(seed=3)
    assert [p.markdown for p in _plant(seed=0)] != [p.markdown for p in _plant(seed=1)]


def test_figures_and_hedges_are_changed_only_where_the_source_states_them() -> None:
    """57人 is not in the source, and the source states the route cuts flatly here: neither the
    figure nor the hedge of that sentence may be planted."""
    source = SOURCE.replace("It may cut 6 of its 14 routes", "It will cut 6 of its 14 routes")
    markdown = DRAFT.replace("2019年以来となる。", "2019年以来となり、57人が反対した。")
    planted = _plant(markdown, source=source)
    assert not [p for p in planted if p.kind == "number" and "57" in p.before]
    assert not [p for p in planted if p.kind == "hedge" and "路線" in p.before]
    assert [p for p in _plant() if p.kind == "hedge" and "路線" in p.before]  # hedged source


def test_a_zero_is_not_planted_and_does_not_stop_the_planter() -> None:
    """「0件」 once raised ZeroDivisionError out of `drafter eval` (and the runs benchmark)."""
    import random

    from drafter.evaluation.plant.numbers import ja_numbers, number_changes

    (zero,) = ja_numbers("不正は0件だった。")
    assert number_changes(zero, random.Random(0)) == []
    (six,) = ja_numbers("6路線を削減する。")
    assert number_changes(six, random.Random(0))


def test_a_dropped_hedge_is_rewritten_as_a_grammatical_assertion() -> None:
    assert (
        dropped_hedge("政府は計画を承認する見通しだと述べた。") == "政府は計画を承認すると述べた。"
    )
    assert dropped_hedge("同社は6路線を削減する可能性があります。") == "同社は6路線を削減します。"
    assert dropped_hedge("売上は減少したとみられる。") == "売上は減少した。"
    assert dropped_hedge("組合は行動を拡大する可能性があるとしている。") == "組合は行動を拡大する。"
    assert dropped_hedge("承認を得る見通しを示しました。") == "承認を得ると述べました。"
    assert dropped_hedge("売り出しとなる見込みで、記録になる。") == "売り出しとなり、記録になる。"
    assert dropped_hedge("失望につながったとみられます。") == "失望につながりました。"
    assert dropped_hedge("別の事例である可能性もあるでしょう。") == "別の事例です。"
    assert dropped_hedge("値上げは3月に始まる。") is None


def test_a_hand_planted_edit_names_the_changed_sentence() -> None:
    item = from_edit(DRAFT, "240万人", "420万人", kind="number", section="background")
    assert item.after.startswith("マーロウ・ベイ・フェリー社は昨年420万人") and item.after.endswith(
        "。"
    )
    assert item.before.startswith("マーロウ・ベイ・フェリー社は昨年240万人")
    item = from_edit(DRAFT, "id=m2", "id=m9", kind="comment_id", section="reactions")
    assert (item.before, item.target) == ("m2", "m9")
    with pytest.raises(PlantError, match="occurs 0 times"):
        from_edit(DRAFT, "存在しない文", "x", kind="number", section="lead")
    with pytest.raises(PlantError, match="occurs 2 times"):
        from_edit(DRAFT, "ダリウス・ペル運輸相は、政府が", "x", kind="name_swap", section="lead")


def test_a_claim_is_the_planted_one_only_when_it_holds_the_change() -> None:
    item = from_edit(DRAFT, "値上げは2019年以来となる。", "値上げは2016年以来となる。",
                     kind="date", section="lead")  # fmt: skip

    def claim(sentence: str) -> ClaimReport:
        return ClaimReport(section="lead", sentence=sentence, verdict="contradicted",
                           decided_by="numbers", fails=True)  # fmt: skip

    assert hit(item, claim("値上げは2016年以来となる。"))
    assert hit(item, claim("値上げは2016年以来"))  # a piece of it that holds the change
    assert not hit(item, claim("値上げは"))  # a piece without it
    assert not hit(item, claim("値上げは2019年以来となる。"))
    # the clean draft's own flag on the sentence the change replaced is not a detection
    assert was_flagged(item, claim("値上げは2019年以来となる。"))
    assert not was_flagged(item, claim("ダリウス・ペル運輸相は、政府が30日以内に計画を承認する"))


def test_a_sentence_already_listed_counts_when_a_new_reason_names_the_change() -> None:
    """A "to verify" flag on a sentence the clean draft already listed is a detection only when
    it adds a reason quoting what the change wrote, not for the old reason alone."""
    old = "ダリウス・ペル運輸相は、政府が30日以内に計画を承認する見通しだと述べた。"
    new = old.replace("ペル", "ゴネネス")
    assert DRAFT.count(old) == 1
    item = from_edit(DRAFT, old, new, kind="name_invented", section="lead")

    def claim(sentence: str, *reasons: str) -> ClaimReport:
        return ClaimReport(section="lead", sentence=sentence, verdict="unsupported",
                           decided_by="names", reasons=list(reasons), fails=False)  # fmt: skip

    clean = [claim(item.before, "「30日」は原文に見当たりません")]
    assert not new_reason(item, claim(item.after, "「30日」は原文に見当たりません"), clean)
    named = claim(
        item.after, "「30日」は原文に見当たりません", "「ダリウス・ゴネネス」は原文にない"
    )
    assert new_reason(item, named, clean)
    assert not new_reason(item, claim(item.after, "「ペル」は原文にありません"), clean)


# ---------------------------------------------------------------- the harness


def _case(root: Path, name: str, *, split: str | None = None, planted: object = None) -> Path:
    case = root / "cases" / name
    case.mkdir(parents=True)
    (case / "draft.md").write_text(DRAFT, encoding="utf-8")
    (case / "source.md").write_text(SOURCE_MD, encoding="utf-8")
    (case / "comments.json").write_text(json.dumps(COMMENTS), encoding="utf-8")
    if split:
        (case / "case.json").write_text(json.dumps({"split": split}), encoding="utf-8")
    if planted is not None:
        (case / "planted.json").write_text(json.dumps(planted, ensure_ascii=False), "utf-8")
    return case


def _suite(root: Path, kinds: str = "[number, comment_id]") -> Path:
    suite = root / "suite.yaml"
    suite.write_text(
        f"name: t\ncases: cases\nseeds: [0]\nperturbations: {kinds}\n"
        "thresholds: {false_alarm_rate_max: 1.0}\n",
        encoding="utf-8",
    )
    return suite


def test_hand_planted_errors_are_checked_and_reported_as_their_own_group(tmp_path: Path) -> None:
    planted = [
        {"kind": "number", "section": "lead", "find": "運賃を12%", "replace": "運賃を21%",
         "why": "the source says 12%"},
        {"kind": "comment_id", "section": "reactions", "find": "id=m3", "replace": "id=m7",
         "why": "no comment m7"},
    ]  # fmt: skip
    _case(tmp_path, "ferry", planted=planted)
    result = run_suite(_suite(tmp_path))
    hand = result["hand_planted"]
    assert hand["total"] == 2 and set(hand["by_kind"]) == {"number", "comment_id"}
    assert [p["group"] for p in result["hand_planted_cases"]] == ["hand-planted"] * 2
    assert result["perturbations"] == len(result["perturbed_cases"]) > 0
    assert {p["group"] for p in result["perturbed_cases"]} == {"generated"}
    assert set(result["detection_by_section"]) == set(SECTIONS)
    assert all(isinstance(p["flagged_in_clean"], bool) for p in result["perturbed_cases"])
    clean = result["clean"]
    assert {"must_fix_items", "must_fix_per_draft", "verify_items", "verify_per_draft"} <= set(
        clean
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "number", "section": "lead", "find": "ダリウス・ペル運輸相は、政府が",
          "replace": "x"}, "occurs 2 times"),
        ({"kind": "number", "section": "lead", "find": "ない文", "replace": "x"}, "occurs 0 times"),
        ({"kind": "typo", "section": "lead", "find": "12%", "replace": "x"}, "unknown"),
    ],
)  # fmt: skip
def test_a_bad_planted_entry_is_a_one_line_error_naming_case_and_entry(
    tmp_path: Path, entry: dict[str, str], message: str
) -> None:
    good = {"kind": "number", "section": "lead", "find": "運賃を12%", "replace": "運賃を21%"}
    _case(tmp_path, "ferry", planted=[good, entry])
    result = CliRunner().invoke(app, ["eval", str(_suite(tmp_path))])
    assert result.exit_code == 2, result.output
    assert "ferry: planted.json entry 2" in result.stderr and message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_split_picks_the_cases_of_one_split_and_reports_each(tmp_path: Path) -> None:
    _case(tmp_path, "ferry-dev", split="dev")
    _case(tmp_path, "ferry-test", split="test")
    suite = _suite(tmp_path, "[number]")
    runner = CliRunner()
    for split, expected in (("dev", ["ferry-dev"]), ("test", ["ferry-test"])):
        out = tmp_path / split
        result = runner.invoke(app, ["eval", str(suite), "--split", split, "--out", str(out)])
        assert result.exit_code == 0, result.output
        data = json.loads((out / "eval.json").read_text(encoding="utf-8"))
        assert [c["case"] for c in data["clean_cases"]] == expected
        assert set(data["splits"]) == {split}
    result = runner.invoke(app, ["eval", str(suite), "--split", "all", "--json"])
    data = json.loads(result.stdout)
    assert set(data["splits"]) == {"dev", "test"}
    assert data["splits"]["dev"]["clean"]["total"] == data["splits"]["test"]["clean"]["total"] == 1
    assert "dev split:" in runner.invoke(app, ["eval", str(suite)]).stdout
    bad = runner.invoke(app, ["eval", str(suite), "--split", "train"])
    assert bad.exit_code == 2 and "Unknown split 'train'" in bad.stderr


def _extraction_case(root: Path) -> Path:
    case = root / "cases" / "emirates"
    case.mkdir(parents=True)
    (case / "case.json").write_text(
        json.dumps({"extraction_id": PAGE, "split": "dev"}), encoding="utf-8"
    )
    (case / "draft.md").write_text(
        "# エミレーツ航空、ボーイング787を30機発注\n\n"
        "エミレーツ航空は、ボーイングの787-9型機30機を購入する契約をまとめた。\n",
        encoding="utf-8",
    )
    return case


def test_a_case_on_the_shared_data_without_it_is_a_clear_error(tmp_path: Path) -> None:
    _extraction_case(tmp_path)
    missing = tmp_path / "no-shared-data"
    result = CliRunner().invoke(app, ["eval", str(_suite(tmp_path)), "--shared-data", str(missing)])
    assert result.exit_code == 2, result.output
    error = result.stderr.strip().splitlines()
    assert error[0].startswith("error: Case emirates reads its source from the shared data")
    assert f"{missing}/extraction/html/{PAGE}.html.gz" in result.stderr.replace("\n", "")


def _eval_on_shared_data(root: Path, kinds: str) -> tuple[Any, dict[str, Any]]:
    """`drafter eval` of the suite under `root` on the shared data: the result and eval.json."""
    out = root / "out"
    result = CliRunner().invoke(
        app, ["eval", str(_suite(root, kinds)), "--shared-data", str(shared()), "--out", str(out)]
    )
    eval_json = out / "eval.json"
    data = json.loads(eval_json.read_text(encoding="utf-8")) if eval_json.is_file() else {}
    return result, data


@needs_data("extraction", "html", f"{PAGE}.html.gz")
def test_a_case_on_the_shared_data_is_checked_against_the_saved_page(tmp_path: Path) -> None:
    _extraction_case(tmp_path)
    result, data = _eval_on_shared_data(tmp_path, "[number]")
    assert result.exit_code == 0, result.output
    assert [c["case"] for c in data["clean_cases"]] == ["emirates"]
    # the draft's 30 and 787-9 are the page's: the page was read, and a changed 30 was planted
    assert data["detection"]["number"]["total"] >= 1


REUTERS_PAGE = "57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca"


@needs_data("extraction", "html", f"{REUTERS_PAGE}.html.gz")
def test_a_shared_data_page_was_fetched_from_the_address_it_was_saved_from(
    tmp_path: Path,
) -> None:
    """The Reuters page's own canonical link drops the slug of the address it was saved from; a
    draft that links that address links what a run would have fetched: no invented link."""
    case = tmp_path / "cases" / "reuters"
    case.mkdir(parents=True)
    (case / "case.json").write_text(json.dumps({"extraction_id": REUTERS_PAGE}), encoding="utf-8")
    saved_from = json.loads((shared() / "extraction" / "ground-truth.json").read_text())[
        REUTERS_PAGE
    ]["url"]
    (case / "draft.md").write_text(
        "# アジア株は軟調\n\nアジア株は軟調だった。\n\n出典:Reuters\n\n## 参考リンク\n\n"
        f"- [Reuters]({saved_from})\n",
        encoding="utf-8",
    )
    result, data = _eval_on_shared_data(tmp_path, "[link]")
    (clean,) = data["clean_cases"]
    assert not [i for i in clean["failing"] if "http" in i["sentence"]], clean["failing"]
    assert data["detection"]["link"]["total"] >= 1, result.output


def test_a_planted_comment_id_is_found_on_a_reaction_of_several_sentences() -> None:
    """The check joins a reaction's sentences with a space and the planter without one: the
    changed reaction is the hit either way (a matching bug undercounted id detection)."""
    from drafter.check.report import ClaimReport
    from drafter.evaluation.matching import hit
    from drafter.evaluation.plant import Planted

    markdown = (
        "<!-- comment id=c2 -->\n\n一文目だ。二文目だよ。\n\n<!-- comment id=c2 -->\n\n別の話。"
    )
    planted = Planted(
        "comment_id", "reactions", "c1", "c2", markdown, "id changed", "c2",
        comment_id="c2", context="一文目だ。二文目だよ。",
    )  # fmt: skip
    changed = ClaimReport(
        section="reactions", sentence="一文目だ。 二文目だよ。", verdict="contradicted",
        decided_by="comments", comment_id="c2", fails=True,
    )  # fmt: skip
    other = changed.model_copy(update={"sentence": "別の話。"})
    assert hit(planted, changed) and not hit(planted, other)


def test_a_case_on_a_summedits_document_reads_it_from_the_shared_data(tmp_path: Path) -> None:
    """case.json may name a SummEdits news document by the first hex digits of its text's
    sha256: the text is read from <shared data>/summedits at run time, never copied. The test
    writes a shared-data folder of its own (synthetic text); an unknown digest is a clear error."""
    import hashlib

    doc = "Norvanda's port said on Tuesday it will add 30 cranes by March. " + " ".join(
        f"Berth {n} handled {n * 100} containers last week, the port said." for n in range(2, 12)
    )
    shared_dir = tmp_path / "shared"
    (shared_dir / "summedits").mkdir(parents=True)
    (shared_dir / "summedits" / "summedits_news.json").write_text(
        json.dumps([{"doc": doc, "summary": "x", "label": 1}] * 2), encoding="utf-8"
    )
    case = tmp_path / "cases" / "cranes"
    case.mkdir(parents=True)
    digest = hashlib.sha256(doc.encode()).hexdigest()[:16]
    (case / "case.json").write_text(json.dumps({"summedits_doc": digest, "split": "dev"}))
    (case / "draft.md").write_text(
        "# ノルバンダ港、クレーン30基を追加へ\n\nノルバンダ港は火曜日、3月までにクレーン30基を追加すると"
        "発表した。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    suite = str(_suite(tmp_path, "[number]"))
    args = ["eval", suite, "--shared-data", str(shared_dir), "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads((out / "eval.json").read_text(encoding="utf-8"))
    assert [c["case"] for c in data["clean_cases"]] == ["cranes"]
    assert data["clean_cases"][0]["must_fix"] == 0  # the draft's 30 is the document's
    assert data["detection"]["number"]["total"] >= 1
    (case / "case.json").write_text(json.dumps({"summedits_doc": "0" * 16, "split": "dev"}))
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "no SummEdits document 0000000000000000" in result.stderr
