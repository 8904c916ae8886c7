"""The links and books checks: every URL of a draft must be one this run fetched (no images),
and every book one a library catalog backs."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.check.report import ClaimReport, SourceRef
from drafter.guard import url_key
from drafter.lang.text import normalize
from drafter.links import browser_href, is_absolute_web_url

if TYPE_CHECKING:
    from drafter.check.core import Checker

_THREAD_URL = re.compile(
    r"^https?://(?:[\w-]+\.)?(?:reddit\.com/r/[^/]+/comments/|redd\.it/|"
    r"news\.ycombinator\.com/item)",
    re.IGNORECASE,
)


def links(checker: Checker) -> list[ClaimReport]:
    out = []
    seen: set[str] = set()
    # a source read from a saved file without its address: the first unknown web link under
    # 参考リンク is taken for the article's own (to verify), not for an invented one
    article_unknown = not checker.inputs.article.url
    for section, url in checker.inputs.draft.urls:
        target = browser_href(url)  # where a reader's browser goes: `http:/x` is x
        key = url_key(target)
        if key in seen:
            continue
        seen.add(key)
        ok = is_absolute_web_url(target) and key in checker.inputs.fetched_urls
        reason = None if ok else _untraced(checker, section, target, article_unknown)
        if reason is not None and reason[2]:
            article_unknown = False  # one link is the article's; a second one is not
        out.append(
            ClaimReport(
                section="links",
                sentence=url,
                verdict="supported" if ok else "unsupported",
                decided_by="links",
                reasons=[reason[0]] if reason else [],
                fails=reason is not None and not reason[1],
            )
        )
    for section, image in checker.inputs.draft.images:
        out.append(
            ClaimReport(
                section="links",
                sentence=image,
                verdict="unsupported",
                decided_by="links",
                reasons=[
                    checker.say(
                        f"画像があります（{section}）。下書きに画像は入れません",
                        f"an image in {section}: drafts carry no images",
                    )
                ],
                fails=True,
            )
        )
    return out


def _untraced(
    checker: Checker, section: str, target: str, article_unknown: bool
) -> tuple[str, bool, bool]:
    """Why a link this run did not fetch is listed: (reason, only to verify, taken for the
    article's own link). A thread's link without a comments input, or the article's own link
    when the source was a saved file without its address, cannot be traced: to verify.
    Anything else was never fetched: must fix."""
    if checker.inputs.thread is None and _THREAD_URL.search(target):
        return (
            checker.say(
                f"コメントの入力がないため、スレッドのURLを確認できません（{section}）",
                f"no comments input was given, so the thread's URL cannot be checked "
                f"(in {section})",
            ),
            True,
            False,
        )
    if (
        article_unknown
        and section == "links"
        and is_absolute_web_url(target)
        and not _THREAD_URL.search(target)
    ):
        return (
            checker.say(
                "原文はURLのない保存ファイルなので、記事のURLか確認できません（links）",
                "the source is a saved file without its address, so this cannot be "
                "checked as the article's URL (in links)",
            ),
            True,
            True,
        )
    return (
        checker.say(
            f"この実行で取得していないURLです（{section}）",
            f"not fetched by this run (in {section})",
        ),
        False,
        False,
    )


def books(checker: Checker) -> list[ClaimReport]:
    out = []
    for book in checker.inputs.draft.books:
        record = checker.inputs.verified_books.get(normalize(book.heading).casefold())
        out.append(
            ClaimReport(
                section="books",
                sentence=book.heading,
                verdict="supported" if record else "unsupported",
                decided_by="books",
                evidence=[SourceRef(id="catalog", text=record)] if record else [],
                reasons=[]
                if record
                else [
                    checker.say(
                        "図書館の目録でこの本の記録が確認できていません",
                        "no library-catalog record backs this book",
                    )
                ],
                fails=not record,
            )
        )
    return out
