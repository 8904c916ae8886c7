"""関連記事: earlier drafts from the archive, found by multilingual embeddings, linked under the
lead only where the archive knows the published URL, and accepted by the fact check."""

from __future__ import annotations

import json
import time
from pathlib import Path

from drafter.config import archive_path, load_settings
from drafter.run.archive import Archive
from drafter.run.related import embed, find, fingerprint_text
from tests.helpers import FIXTURES, run_cli
from tests.scripted_llm import ScriptedLLM


def _run(tmp_path: Path, article: Path) -> Path:
    result = run_cli(
        str(article), "--comments", str(FIXTURES / "comments.json"), "--out", str(tmp_path / "d")
    )
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip().splitlines()[-1]).parent


def _follow_up(tmp_path: Path) -> Path:
    """The fixture story under another URL: a follow-up on the same subject."""
    follow_up = tmp_path / "follow-up.html"
    follow_up.write_text(
        (FIXTURES / "article.html")
        .read_text(encoding="utf-8")
        .replace("veloria-lithium-licences-2026-03-14", "veloria-lithium-follow-up-2026-03-20"),
        encoding="utf-8",
    )
    return follow_up


def test_a_later_draft_on_the_same_story_links_the_published_earlier_one(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    first = _run(tmp_path, FIXTURES / "article.html")
    assert "関連記事" not in (first / "article.md").read_text(encoding="utf-8")
    archive = Archive(archive_path(load_settings({})))
    run = archive.find(first)
    assert run is not None
    archive.set_published(run, "https://blog.example.jp/2026/03/veloria-lithium/")

    # A re-draft of the same source is not "related" to itself.
    again = _run(tmp_path, FIXTURES / "article.html")
    assert "関連記事" not in (again / "article.md").read_text(encoding="utf-8")

    # A follow-up story (another URL) on the same subject lists the earlier draft.
    later = _run(tmp_path, _follow_up(tmp_path))
    markdown = (later / "article.md").read_text(encoding="utf-8")
    title = archive.run(run).title
    assert title
    block = markdown[markdown.index("関連記事:") :].split("\n\n")[0]
    assert f"[{title}](https://blog.example.jp/2026/03/veloria-lithium/)" in block
    assert markdown.index("出典:") < markdown.index("関連記事:") < markdown.index("## 補足説明")
    related = json.loads((later / "article.json").read_text(encoding="utf-8"))["related"]
    # Two earlier drafts of one story make one entry: the published one.
    assert [r["run_id"] for r in related] == [first.name]
    # The link was built by code from the archive: the check accepts it, and does not read
    # the listed titles as claims of the lead.
    report = json.loads((later / "check.json").read_text(encoding="utf-8"))
    link = [c for c in report["claims"] if "blog.example.jp" in c["sentence"]]
    assert [(c["section"], c["verdict"], c["fails"]) for c in link] == [
        ("links", "supported", False)
    ]
    assert not [c for c in report["claims"] if title in c["sentence"] and c["fails"]]
    archive.close()


def _folder(root: Path, name: str, title: str, url: str) -> Path:
    folder = root / name
    (folder / "steps").mkdir(parents=True)
    meta = {"run_id": name, "status": "completed", "source": {"url": url}, "created_at": name}
    (folder / "run.json").write_text(json.dumps(meta), encoding="utf-8")
    headline = {"output": {"title": title}}
    (folder / "steps" / "headline.json").write_text(json.dumps(headline), encoding="utf-8")
    return folder


def test_only_drafts_on_the_same_subject_are_related(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive.sqlite")
    texts = {
        "lithium": (
            "ベロリア、リチウム輸出許可制を延期",
            ["ベロリア政府はリチウムの輸出許可制の導入を1年延期する見通しを示した。",
             "電池メーカーは供給の先行きに懸念を示している。"],
        ),
        "football": (
            "欧州サッカー、移籍市場が過熱",
            ["夏の移籍市場で大型契約が相次いでいる。", "各クラブは財務規則への対応を迫られている。"],
        ),
        "rates": (
            "中央銀行、政策金利を据え置き",
            ["中央銀行は政策金利を据え置くと発表した。", "インフレ率は目標を上回っている。"],
        ),
    }  # fmt: skip
    for name, (title, lead) in texts.items():
        run = archive.register(_folder(tmp_path, name, title, f"https://news.example/{name}"))
        archive.set_embedding(run, embed(fingerprint_text(title, lead)))
    query = embed(
        fingerprint_text(
            "リチウム輸出規制、電池業界に波紋",
            ["ベロリアのリチウム輸出許可制をめぐり、電池業界が対応を急いでいる。"],
        )
    )
    found = find(archive, query, exclude=tmp_path / "new", source_url="https://news.example/new")
    assert found == []  # never published: its title is not public, so not listed at all
    for name in texts:
        archive.set_published(archive.find(tmp_path / name) or 0, f"https://blog.example/{name}")
    found = find(archive, query, exclude=tmp_path / "new", source_url="https://news.example/new")
    assert [(r.run_id, r.url) for r in found] == [("lithium", "https://blog.example/lithium")]
    # Drafts created after the one being written are never cited (a resumed run).
    assert find(archive, query, exclude=tmp_path / "new", source_url=None, before="lithiu") == []
    archive.close()


def test_a_resumed_run_never_lists_a_draft_written_after_it(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    first = _run(tmp_path, FIXTURES / "article.html")
    time.sleep(1.1)  # created_at has whole seconds; the follow-up must be strictly later
    later = _run(tmp_path, _follow_up(tmp_path))
    archive = Archive(archive_path(load_settings({})))
    archive.set_published(archive.find(later) or 0, "https://blog.example.jp/2026/03/follow-up/")
    archive.close()

    again = run_cli("--resume", str(first), "--redo", "headline")
    assert again.exit_code == 0, again.output
    assert json.loads((first / "article.json").read_text(encoding="utf-8"))["related"] == []
    assert "follow-up" not in (first / "article.md").read_text(encoding="utf-8")
