"""The sources file of `drafter batch`: its lines, and where each line's source and comments are.

Syntax (documented in the README):

    # a comment; blank lines are ignored
    https://example.com/world/some-story                      (comments from --comments-dir)
    https://example.com/world/other-story  threads/other.json (SOURCE, whitespace, COMMENTS)
    saved/page one.html<TAB>https://news.ycombinator.com/item?id=1   (a tab when paths have spaces)

COMMENTS is a file or a thread URL; relative paths are relative to the sources file's folder.
Without COMMENTS, the comments file is looked up in --comments-dir by the source's slug (the
URL's last path segment or the file's name, lowercased, non-alphanumerics as "-", e.g.
`some-story.json`), else by line number (`3.json`); any extension.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from drafter.errors import CommentsError, ConfigError, DrafterError, SourceError
from drafter.files import slugify


class BatchLineError(DrafterError):
    """A line of the sources file that cannot be read."""

    exit_code = 2


@dataclass
class Line:
    number: int  # 1-based, in the sources file
    source: str  # as written
    comments: str | None  # as written; None: look in --comments-dir
    key: str  # identifies the line across edits of the file (for --resume)
    problem: DrafterError | None = None


def is_url(text: str) -> bool:
    return urlparse(text).scheme.lower() in ("http", "https")


def read_sources(path: Path) -> list[Line]:
    """The lines of a sources file; a malformed line is returned with its problem, so it is
    reported with its number and the others still run."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"Cannot read the sources file {path}: {exc}",
            hint="Give a UTF-8 text file with one source (URL or saved page) per line.",
        ) from exc
    lines: list[Line] = []
    seen: Counter[str] = Counter()
    for number, raw in enumerate(text.splitlines(), start=1):
        content = re.split(r"(?:^|\s)#", raw, maxsplit=1)[0].strip()
        if not content:
            continue
        fields = content.split("\t") if "\t" in content else content.split()
        fields = [f.strip() for f in fields if f.strip()]
        source, comments = fields[0], fields[1] if len(fields) > 1 else None
        base = f"{source}\t{comments or ''}"
        seen[base] += 1
        key = base if seen[base] == 1 else f"{base}\t#{seen[base]}"
        line = Line(number, source, comments, key)
        if len(fields) > 2:
            line.problem = BatchLineError(
                f"{path}, line {number}: expected SOURCE [COMMENTS], found {len(fields)} fields.",
                hint="Separate SOURCE and COMMENTS with a tab when a path contains spaces.",
            )
        lines.append(line)
    return lines


def resolve(line: Line, base_dir: Path, comments_dir: Path | None) -> tuple[str, str]:
    """The source and comments to draft from: URLs as they are, paths relative to the sources
    file's folder; comments from --comments-dir when the line names none."""
    if line.problem is not None:
        raise line.problem
    source = line.source if is_url(line.source) else str(base_dir / line.source)
    if not is_url(source) and not Path(source).is_file():
        raise SourceError(
            f"Line {line.number}: no such file {source}.",
            hint="Give an http(s) URL or the path of a saved page, relative to the sources "
            "file's folder.",
        )
    if line.comments is not None:
        comments = line.comments if is_url(line.comments) else str(base_dir / line.comments)
        if not is_url(comments) and not Path(comments).is_file():
            raise CommentsError(
                f"Line {line.number}: no such comments file {comments}.",
                hint="Give a comments file (relative to the sources file's folder) or a thread "
                "URL after the source.",
            )
        return source, comments
    return source, str(_comments_from_dir(line, comments_dir))


def source_slug(source: str) -> str:
    """The name a comments file in --comments-dir goes by: the URL's last path segment (or its
    host) or the file's name, without extension, lowercased, non-alphanumerics as '-'."""
    if is_url(source):
        parsed = urlparse(source)
        segments = [s for s in parsed.path.split("/") if s]
        if not segments:
            return slugify(parsed.hostname or "article", limit=80)
        name = segments[-1]
    else:
        name = Path(source).name
    return slugify(re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name), limit=80)


def _comments_from_dir(line: Line, comments_dir: Path | None) -> Path:
    slug = source_slug(line.source)
    expected = f"{slug}.json (or {line.number}.json; any extension)"
    if comments_dir is None:
        raise CommentsError(
            f"Line {line.number} names no comments.",
            hint=f"Add the comments file or thread URL after the source on line {line.number}, "
            f"or pass --comments-dir DIR holding {expected}.",
        )
    for stem in (slug, str(line.number)):
        found = sorted(
            p for p in comments_dir.glob(f"{glob_escape(stem)}.*")
            if p.is_file() and p.stem == stem and not p.name.startswith(".")
        )  # fmt: skip
        if len(found) > 1:
            raise CommentsError(
                f"Line {line.number}: several comments files match in {comments_dir}: "
                + ", ".join(p.name for p in found),
                hint="Keep one, or name the comments file on the line after the source.",
            )
        if found:
            return found[0]
    raise CommentsError(
        f"Line {line.number}: no comments for {line.source} in {comments_dir}.",
        hint=f"Save the thread there as {expected}, or name the comments file or thread URL "
        f"after the source on line {line.number}.",
    )


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)
