"""The style check (drafter.check.style): each kind of finding on a Japanese draft written for
these tests, style never failing the check, and its place in check.md, check.json and the
terminal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from drafter.check import style
from drafter.check.draft_md import parse_draft
from drafter.check.report import CheckReport
from drafter.cli import app

CASES = Path(__file__).resolve().parents[1] / "evals" / "cases"

LEAD = (
    "ロイター通信によると、北海沿岸の架空の国フェルデンの港湾局は5月2日、"
    "新しい浚渫計画を承認したと発表した。\n\n"
    "計画の総額は4億ユーロで、工事は2年かかる見通しだ。港湾局のイナ・ベルク局長は"
    "「大型船の寄港が増える」と語った。\n\n出典:Reuters"
)


def _draft(*sections: tuple[str, str], lead: str = LEAD) -> str:
    body = "\n\n".join(f"## {heading}\n\n{text}" for heading, text in sections)
    return f"---\nlang: ja\n---\n\n# フェルデン、港の浚渫計画を承認\n\n{lead}\n\n{body}\n"


def _kinds(markdown: str) -> list[str]:
    return [f.kind for f in style.style_findings(parse_draft(markdown))]


def _only(markdown: str, kind: str) -> list[style.StyleFinding]:
    return [f for f in style.style_findings(parse_draft(markdown)) if f.kind == kind]


def test_endings_fold_politeness_and_keep_the_frame() -> None:
    same = [
        ("転換点だと言えるでしょう。", "転換点と言えるだろう。"),
        ("価格は上がるとみられます。", "価格は下がるとみられる。"),
        ("遅れる可能性があります。", "中止になる可能性もある。"),
        ("交渉は続いています。", "交渉は続いている。"),
        ("局長は計画を発表しました。", "知事は計画を発表した。"),
    ]
    for polite, plain in same:
        assert style.ending(polite).key == style.ending(plain).key, (polite, plain)
        assert style.ending(polite).register == "polite"
        assert style.ending(plain).register == "plain"
    # Tense alone is not an ending of its own: 〜述べた and 〜発表した differ
    assert style.ending("局長は述べた。").key != style.ending("局長は発表した。").key
    assert style.ending("港の将来を左右するのか。").register is None  # a rhetorical question
    assert style.ending("来年の春の見通し。").register is None  # a noun ending
    # A question mark and then final particles (かよ？): each particle is read once (this
    # looped forever when the question mark had already been seen)
    assert style.ending("また延期かよ？").register is None
    assert style.ending("本当に延期するんですかね？").register == "polite"


def test_the_same_ending_on_more_than_a_quarter_of_a_section() -> None:
    tic = (
        "浚渫が終われば、港の競争力は高まると言えるでしょう。周辺の物流会社にも追い風と言えるでしょう。\n\n"
        "一方で、工事中は入港の制限が続きます。漁業者の反発も予想されます。"
        "費用の膨張は珍しくないため、予算の管理が重要だと言えるでしょう。"
        "局長の発言は、その点を意識したものでした。"
    )
    found = _only(_draft(("考察・分析", tic)), "repeated_ending")
    assert len(found) == 1
    assert found[0].section == "analysis" and len(found[0].sentences) == 3
    assert "「〜と言えるでしょう」" in found[0].detail and "6文中3文" in found[0].detail
    varied = (
        "浚渫が終われば、港の競争力は高まると言えるでしょう。周辺の物流会社にも追い風になりそうです。\n\n"
        "一方で、工事中は入港の制限が続きます。漁業者の反発も予想されます。"
        "費用の膨張は珍しくないため、予算の管理が重要です。"
        "局長の発言は、その点を意識したものでした。"
    )
    assert not _only(_draft(("考察・分析", varied)), "repeated_ending")


def test_the_same_claim_in_two_sections() -> None:
    background = (
        "フェルデンの港は国内の輸出入の約半分を扱っており、水深の浅さが長年の課題でした。"
        "このため大型のコンテナ船は沖合で荷物を積み替えています。"
    )
    analysis = (
        "大型のコンテナ船は沖合で荷物を積み替えています。"
        "浚渫の完成後は、この積み替えの手間が省けるかどうかが焦点になります。"
    )
    found = _only(_draft(("補足説明", background), ("考察・分析", analysis)), "repeated_claim")
    assert len(found) == 1
    claim = found[0]
    assert claim.section == "analysis" and claim.other_section == "background"
    assert claim.sentences[1] == "このため大型のコンテナ船は沖合で荷物を積み替えています。"
    assert claim.similarity is not None and claim.similarity >= style.REPEAT_MIN
    assert "「補足説明」" in claim.detail
    other = "漁業者の団体は、工事による濁りが漁場に及ぼす影響を心配しています。" + analysis[25:]
    assert not _only(_draft(("補足説明", background), ("考察・分析", other)), "repeated_claim")


def test_one_sentence_paragraphs_outside_the_lead_and_the_sign_off() -> None:
    background = (
        "港の水深は現在12メートルです。\n\n"
        "計画では、これを16メートルまで掘り下げます。大型船の入港が可能になります。"
    )
    conclusion = (
        "浚渫は港の将来を左右する事業です。費用と環境への配慮の両立が問われます。\n\n"
        "最後までお読みいただき、ありがとうございました。"
    )
    # the lead prompt asks for paragraphs of 1–3 sentences: a one-sentence third paragraph
    lead = LEAD + "\n\n港湾局は来月、入札を始める予定だ。"
    found = _only(
        _draft(("補足説明", background), ("総括", conclusion), lead=lead), "one_sentence_paragraph"
    )
    assert [(f.section, f.sentences) for f in found] == [
        ("background", ["港の水深は現在12メートルです。"])
    ]


def test_sentences_about_the_article() -> None:
    background = (
        "記事によると、港湾局は工事の入札を夏に始める予定です。"
        "浚渫の費用は記事では明らかにされていません。港は国内最大です。\n\n"
        "関連記事の多い話題ですが、港の水深は12メートルです。この記事の見出しは控えめです。"
    )
    conclusion = (
        "港の行方に注目です。今後も見守ります。\n\nそれではまた、次の記事でお会いしましょう。"
    )
    found = _only(_draft(("補足説明", background), ("総括", conclusion)), "about_the_article")
    assert [f.sentences[0] for f in found] == [
        "記事によると、港湾局は工事の入札を夏に始める予定です。",
        "浚渫の費用は記事では明らかにされていません。",
        "この記事の見出しは控えめです。",
    ]


def test_register_slips_against_the_sections_majority() -> None:
    background = (
        "港の水深は12メートルです。大型船は沖合で荷物を積み替えています。"
        "積み替えには1隻あたり2日かかります。この費用は荷主が負担している。"
        "港湾局はこの状況を変えたいと考えています。"
    )
    reactions = "\n\n".join(
        f"<!-- comment id=c{n} score=10 -->\n{text}"
        for n, text in enumerate(
            [
                "また掘るのか。前回の工事も遅れてたよな。",
                "4億ユーロで済むわけないだろ。",
                "地元の漁師としては心配です。",
                "工事の間は釣りもできないな。",
                "大型船が来れば町は潤うんだし、いいんじゃない？",
            ]
        )
    )
    markdown = _draft(
        ("補足説明", background),
        ("海外の反応", "掲示板のコメントをいくつか翻訳しました。\n\n" + reactions),
    )
    found = _only(markdown, "register_slip")
    assert [(f.section, f.sentences) for f in found] == [
        ("background", ["この費用は荷主が負担している。"]),
        ("reactions", ["地元の漁師としては心配です。"]),
    ]
    assert "です・ます体" in found[0].detail and "だ・である体です" in found[0].detail
    mixed = "港は大きい。港は古いです。工事は長い。費用は高いです。"
    (half,) = _only(_draft(("補足説明", mixed)), "register_slip")
    assert half.sentences == [] and "混在" in half.detail


def test_long_lead_sentences() -> None:
    long_sentence = (
        "ロイター通信によると、北海沿岸の架空の国フェルデンの港湾局は5月2日、国内最大の港である"
        "ノルトハーフェン港の航路を現在の12メートルから16メートルまで掘り下げ、超大型のコンテナ船が"
        "沖合で荷物を積み替えずに直接入港できるようにする総額4億ユーロの浚渫計画を承認したと発表した。"
    )
    assert len(long_sentence) > style.LEAD_SENTENCE_MAX
    found = _only(_draft(lead=long_sentence + "\n\n出典:Reuters"), "long_lead_sentence")
    assert len(found) == 1 and f"{len(long_sentence)}字" in found[0].detail
    assert "long_lead_sentence" not in _kinds(_draft())


def test_style_never_fails_the_check_and_shows_in_every_report(tmp_path: Path) -> None:
    case = tmp_path / "port-strike"
    shutil.copytree(CASES / "port-strike", case)
    draft = case / "draft.md"
    args = ["check", "--draft", str(draft), "--source", str(case / "source.md"), "--no-judge"]
    args += ["--comments", str(case / "comments.json")]
    before = CliRunner().invoke(app, [*args, "--json"])
    clean = json.loads(before.stdout)
    text = draft.read_text(encoding="utf-8").replace(
        "## 海外の反応",
        "記事によると、ケルマー港は昨年310万個のコンテナを取り扱いました。\n\n## 海外の反応",
    )
    draft.write_text(text, encoding="utf-8")
    after = CliRunner().invoke(app, [*args, "--json"])
    report = json.loads(after.stdout)
    assert after.exit_code == before.exit_code == 0
    kinds = {f["kind"] for f in report["style"]}
    assert {"about_the_article", "one_sentence_paragraph"} <= kinds
    assert report["style"] != clean["style"]
    assert sum(c["fails"] for c in report["claims"]) == sum(c["fails"] for c in clean["claims"])
    markdown = (case / "draft.check.md").read_text(encoding="utf-8")
    assert "## 文章のスタイル" in markdown
    assert markdown.index("## 文章のスタイル") < markdown.index("## All claims")
    assert "about_the_article 1" in markdown and "ケルマー港は昨年310万個" in markdown
    stored = json.loads((case / "draft.check.json").read_text(encoding="utf-8"))
    assert stored["style"] == report["style"]
    terminal = CliRunner().invoke(app, args)
    assert terminal.exit_code == 0
    assert "style: " in terminal.stdout and "about_the_article 1" in terminal.stdout


def test_a_check_json_without_style_still_loads() -> None:
    old = {
        "draft": "d.md",
        "source": "s.md",
        "lang": "ja",
        "claims": [],
        "judge": {"status": "off", "detail": "not requested"},
    }
    assert CheckReport.model_validate_json(json.dumps(old)).style == []


def test_reference_drafts_stay_quiet() -> None:
    """The suite's faithful drafts, written to be published with light edits: measured at
    1.0 repeated endings, 0.33 repeated claims, 1.33 one-sentence paragraphs, 0.5 sentences
    about the article, 0.17 register slips and no long lead sentence per draft. The bound
    leaves room for a small change of wording in the rules, not for a rule that fires on
    every section (one ending per section alone would give 4 per draft)."""
    totals: dict[str, int] = dict.fromkeys(style.counts([]), 0)
    drafts = sorted(CASES.glob("*/draft.md"))
    for path in drafts:
        counts = style.counts(style.style_findings(parse_draft(path.read_text(encoding="utf-8"))))
        print(path.parent.name, counts)
        assert sum(counts.values()) <= 6, (path.parent.name, counts)
        assert counts["repeated_claim"] <= 1 and counts["long_lead_sentence"] == 0
        totals = {kind: totals[kind] + n for kind, n in counts.items()}
    print("per draft", {kind: round(n / len(drafts), 2) for kind, n in totals.items()})
    assert len(drafts) >= 6 and sum(totals.values()) / len(drafts) <= 4.0


def test_an_english_draft_gets_english_advice() -> None:
    lead = " ".join(["The port authority of Ferden approved a dredging plan"] + ["today"] * 40)
    markdown = (
        "---\nlang: en\n---\n\n# Ferden approves a dredging plan\n\n"
        f"{lead}.\n\nSource: Reuters\n\n## Background\n\n"
        "According to the article, the work starts in the summer. The port is old.\n\n"
        "The channel is twelve metres deep.\n\n## Analysis\n\n"
        "Dredging will let larger ships call. It will also cost more than planned.\n"
    )
    found = style.style_findings(parse_draft(markdown))
    assert sorted(f.kind for f in found) == [
        "about_the_article",
        "long_lead_sentence",
        "one_sentence_paragraph",
    ]
    assert all(f.detail.isascii() for f in found)
