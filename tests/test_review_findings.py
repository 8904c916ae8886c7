"""Regressions found by reviewing this session's changes the way a user would meet them: each
was a false must-fix (which the publish gate turns into a refused export), a spurious copy of a
file, a broken citation, or a host check a backslash defeated."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from drafter.check.draft_md import parse_draft
from drafter.files import OWNED_MANIFEST, write_owned
from drafter.lang.quantities import en_quantities, ja_quantities, missing_quantities
from drafter.leaks import public_url, redact_text
from drafter.render import is_web_url
from drafter.sections.markdown import marker_id
from drafter.sites import same_site, site_of
from drafter.sources.comments import absolute_permalink

THREAD = "https://www.reddit.com/r/worldnews/comments/v3lor1/veloria_expects_to_delay/"


def test_a_time_of_day_is_not_a_duration_and_minutes_keep_their_precision() -> None:
    assert not missing_quantities(
        ja_quantities("会見は午後3時40分に始まった。"), en_quantities("speaking at 3:40 p.m.")
    )
    assert [q.kind for q in ja_quantities("打率3割2分")] == ["percent", "number"]
    assert missing_quantities(
        ja_quantities("審議は2分で終わった。"), ja_quantities("1分で終わった")
    )
    assert not missing_quantities(ja_quantities("40分の遅れ"), en_quantities("a 40-minute delay"))


def test_a_url_the_run_read_is_read_back_unescaped() -> None:
    """render.py escapes `_` in prose; the check must see the URL the reader sees."""
    draft = parse_draft(
        "# t\n\nリード。\n\n出典:X\n\n## 総括\n\n詳しくは "
        + THREAD.replace("_", "\\_")
        + " を参照。\n"
    )
    assert draft.urls == [("conclusion", THREAD)]


@pytest.mark.parametrize("comment_id", ["thread/c01", "コメント1", "a%b", "x#1"])
def test_an_unusual_comment_id_survives_the_marker(comment_id: str) -> None:
    markdown = (
        f"# t\n\nリード。\n\n出典:X\n\n## 海外の反応\n\n紹介。\n\n"
        f"<!-- comment id={marker_id(comment_id)} score=3 -->\n訳文です。\n"
    )
    (reaction,) = parse_draft(markdown).reactions
    assert reaction.comment_id == comment_id


def test_an_old_run_folder_gets_no_spurious_copies(tmp_path: Path) -> None:
    """A run folder from before .drafter-files.json: its files are drafter's own when they are
    no newer than run.json; an edit made after the run is still kept aside."""
    run = tmp_path / "run"
    run.mkdir()
    (run / "article.md").write_text("drafter's text\n", encoding="utf-8")
    (run / "check.md").write_text("old report\n", encoding="utf-8")
    time.sleep(0.01)
    (run / "run.json").write_text("{}", encoding="utf-8")
    assert write_owned(run / "article.md", "new text\n") is None
    assert write_owned(run / "check.md", "new report\n") is None
    assert not list(run.glob("*.edited-*"))
    # once the manifest exists, an edit is an edit
    (run / "article.md").write_text("the editor's text\n", encoding="utf-8")
    kept = write_owned(run / "article.md", "newer text\n")
    assert kept is not None and kept.read_text(encoding="utf-8") == "the editor's text\n"


def test_an_edit_after_an_old_run_is_still_kept(tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / "run.json").write_text("{}", encoding="utf-8")
    (run / "article.md").write_text("edited by hand\n", encoding="utf-8")
    later = time.time() + 60
    os.utime(run / "article.md", (later, later))
    kept = write_owned(run / "article.md", "drafter again\n")
    assert kept is not None and kept.read_text(encoding="utf-8") == "edited by hand\n"


def test_a_crash_between_the_file_and_the_manifest_is_not_taken_for_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import drafter.files as store

    target = tmp_path / "article.md"
    write_owned(target, "first\n")
    real = store.write_atomic

    def crash_after_the_file(path: Path, text: str) -> None:
        real(path, text)
        if path == target:
            raise KeyboardInterrupt  # killed right after the file, before the manifest

    monkeypatch.setattr(store, "write_atomic", crash_after_the_file)
    with pytest.raises(KeyboardInterrupt):
        write_owned(target, "second\n")
    monkeypatch.setattr(store, "write_atomic", real)
    assert write_owned(target, "third\n") is None  # "second" was drafter's own
    assert not list(tmp_path.glob("*.edited-*"))
    assert (tmp_path / OWNED_MANIFEST).is_file()


def test_ordinary_urls_and_words_are_not_taken_for_keys() -> None:
    slug = "https://news.example/technology/sk-hynix-posts-record-quarterly-profit-2024-07-25/"
    assert public_url(slug) == slug
    herald = "https://herald.example/view.php?ud=20240725&key=politics"
    assert public_url(herald) == herald
    assert redact_text("Shares of sk-hynix-backed firms rose.") == (
        "Shares of sk-hynix-backed firms rose."
    )
    google = "https://books.example/books/v1/volumes?q=x&key=AIzaSyA1234567890abcdefghijklmnopqrs"
    assert "AIza" not in public_url(google)
    assert "sk-proj" not in (redact_text("key sk-proj-ABCDEFGH12345678") or "")


def test_a_backslash_cannot_disguise_a_host() -> None:
    sneaky = "https://evil.example\\www.reddit.com/r/worldnews/comments/v3lor1/x/"
    assert site_of(sneaky) is None
    assert absolute_permalink(sneaky, THREAD) is None
    assert not same_site("https://evil.example\\www.harborwire.example/x/",
                         "https://www.harborwire.example/x/")  # fmt: skip
    assert not is_web_url(sneaky)
    assert is_web_url(THREAD)
