"""The one export switch: the draft (as it reads now, editor's edits included) in md, html or
wxr, or posted to WordPress as a draft (wp). `drafter export` writes the text to a file and the
desk offers it as a download; both ask here. Each face keeps its own gate on purpose (the CLI
refuses with an error and --force, the desk answers with a page listing the must-fix items)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.config import Settings
    from drafter.publish.wordpress import PostedDraft

DEFAULT_FILES = {"md": "article.export.md", "html": "article.html", "wxr": "article.wxr.xml"}
"""Default export names in the run folder: never article.md, which is the draft itself."""


@dataclass(frozen=True)
class Export:
    """A draft in one file format: its text, its media type, the suffix of a download and the
    file it is written to in the run folder by default."""

    text: str
    media_type: str
    suffix: str
    default_file: str


def export(markdown: str, fmt: str, settings: Settings) -> Export | None:
    """The draft in the file format `fmt` (md, html, wxr); None for any other name."""
    if fmt == "md":
        return Export(markdown, "text/markdown; charset=utf-8", "md", DEFAULT_FILES["md"])
    if fmt == "html":
        from drafter.publish.html import standalone_html

        return Export(
            standalone_html(markdown), "text/html; charset=utf-8", "html", DEFAULT_FILES["html"]
        )
    if fmt == "wxr":
        from drafter.publish.wxr import to_wxr

        text = to_wxr(
            markdown,
            site_url=settings.wp_url or "http://localhost",
            author=settings.wp_user or "drafter",
        )
        return Export(text, "application/xml; charset=utf-8", "wxr.xml", DEFAULT_FILES["wxr"])
    return None


def post_to_wordpress(markdown: str, settings: Settings) -> PostedDraft:
    """The `wp` format: the draft posted to the configured WordPress as a draft (never
    published); the post's id, status and edit URL."""
    from drafter.publish.wordpress import post_draft

    return post_draft(settings, markdown)
