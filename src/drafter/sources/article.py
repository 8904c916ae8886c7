"""Fetch a news page (or read a saved one) and extract its text and metadata with trafilatura."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from drafter.errors import (
    ExtractionError,
    SourceError,
    SourceLanguageError,
    SourceTooLargeError,
)
from drafter.lang.text import split_sentences
from drafter.models import Article
from drafter.sources.boilerplate import without_subscription_notice
from drafter.sources.byline import authors
from drafter.sources.dates import normalised_date, publication_date
from drafter.sources.decoding import decode_page
from drafter.sources.embedded import with_embedded_story
from drafter.sources.flow import extracted
from drafter.sources.http import MAX_BYTES, SAVE_HINT, Fetcher
from drafter.sources.language import DENSE_LANGUAGES, DENSE_WEIGHT, detect_language
from drafter.sources.standfirst import with_standfirst
from drafter.sources.titles import (
    URL_LIKE,
    a_handle,
    handle_of,
    headline,
    outlet_name,
    shown_headline,
    site_brand,
    unescaped,
    without_brand,
)

MIN_TEXT_CHARS = 300  # in Latin-script text; a third of that in Chinese or Korean
TITLE_MAX_CHARS = 200
DERIVED_TITLE_CHARS = 100
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
_SAVE_HINT = SAVE_HINT


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def load_article(
    source: str,
    *,
    timeout: float = 30.0,
    allow_private_hosts: bool = False,
    fetcher: Fetcher | None = None,
) -> Article:
    """The article behind `source`: an http(s) URL, or a local .html/.htm/.txt/.md file."""
    if re.match(r"^https?://", source, re.IGNORECASE):
        fetcher = fetcher or Fetcher(timeout=timeout, allow_private_hosts=allow_private_hosts)
        page = fetcher.get(source)
        from drafter.leaks import public_url  # recorded in article.json: no key= nor user:pass@

        article = extract_article(page.text(), url=page.final_url, fetched_url=public_url(source))
        article.fetched_at = page.fetched_at
        article.from_cache = page.from_cache
        return _accepted(article, source)
    path = Path(source)
    if not path.exists():
        raise SourceError(
            f"Source not found: {source}",
            hint="Pass an http(s) URL or the path of a saved .html, .txt or .md file.",
        )
    return read_article_file(path)


def extract_article(
    html: str, *, url: str | None, fetched_url: str | None = None, source_path: str | None = None
) -> Article:
    """Main text and metadata of a page, as found: the text may be short or empty.

    Whether drafter can draft from it is `_accepted`'s call, so extraction can be measured alone.
    """

    document = extracted(html, url)
    text = with_standfirst(_clean_text(str(document.get("text") or "")), html)
    if len(text) < MIN_TEXT_CHARS and (page := with_embedded_story(html)):
        # an app's page whose story is in its script data only (sources/embedded.py)
        found = extracted(page, url)
        story = _clean_text(str(found.get("text") or ""))
        if len(story) > len(text):
            document, text = found, story
    canonical = _canonical_url(html) or document.get("url") or url
    site_name = _site_name(_declared_site(document.get("sitename"), html, canonical), canonical)
    title = headline(html, unescaped((document.get("title") or "").strip()), site_name, canonical)
    title = shown_headline(without_brand(title, site_name, canonical), html, site_name)
    if site_name == title:  # the headline taken for the site's name: the site is its host
        site_name = _host_name(canonical)
    declared = document.get("language") or _html_lang(html)
    return Article(
        url=canonical,
        fetched_url=fetched_url,
        source_path=source_path,
        title=title or _derived_title(text, Path(source_path).stem if source_path else "page"),
        site_name=site_name,
        author=authors(document.get("author"), html, site_name),
        date=publication_date(html, normalised_date(document.get("date")), canonical, text),
        language=detect_language(f"{title}\n{text}", declared),
        text=text,
        fetched_at=now_iso(),
    )


_EXTRACT_HINT = (
    "The page may be behind a paywall, need JavaScript, or be a consent/bot page. "
    "Open it in your browser, save it, and pass the file (or paste the text into a .txt file)."
)


_TEXT_HINT = (
    "Put the whole article in the file: its headline on the first line (optional), then its text."
)
_JAPANESE_HINT = (
    "Pass the foreign-language report the story comes from (for a Japanese story with foreign "
    "reactions, an English-language article about it), not a Japanese page."
)


# An unrendered client-side template's slot: {{ item.title }} (Angular, Vue), {% block %}.
_TEMPLATE_SLOT = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_TEMPLATE_HINT = (
    "Open the article in your browser, let it load, then save the page (or paste its text "
    "into a .txt file) and pass that file."
)


def _accepted(article: Article, origin: str, *, short_hint: str = _EXTRACT_HINT) -> Article:
    """`article`, when drafter can draft from it; else the reason it cannot, with what to do.

    The language comes first: a short Japanese page would otherwise get paywall advice.
    """
    if article.language == "ja":
        raise SourceLanguageError(
            f"{origin} is written in Japanese. drafter drafts Japanese articles from "
            "foreign-language news, so it needs the original report, not a Japanese one.",
            hint=_JAPANESE_HINT,
        )
    if not article.text.strip():
        raise ExtractionError(f"No article text could be extracted from {origin}.", hint=short_hint)
    dense = article.language in DENSE_LANGUAGES
    minimum = MIN_TEXT_CHARS // DENSE_WEIGHT if dense else MIN_TEXT_CHARS
    rendered = _TEMPLATE_SLOT.sub("", article.text)
    if len(article.text) >= minimum > len(rendered.strip()):
        raise ExtractionError(
            f"{origin} is a page template, not an article: most of its text is unfilled "
            "placeholders such as {{...}} that the site's JavaScript would fill in.",
            hint=_TEMPLATE_HINT,
        )
    if len(article.text) < minimum:
        script = " in Chinese or Korean script" if dense else ""
        raise ExtractionError(
            f"Only {len(article.text)} characters of article text were found in {origin} "
            f"(at least {minimum}{script} are needed to write a grounded draft).",
            hint=short_hint,
        )
    return article


def _canonical_url(html: str) -> str | None:
    for pattern in (
        r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)[\"']",
        r"<link[^>]+href=[\"']([^\"']+)[\"'][^>]*rel=[\"']canonical[\"']",
        r"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)[\"']",
    ):
        match = re.search(pattern, html, re.IGNORECASE)
        if match and re.match(r"^https?://", match.group(1)):
            return match.group(1)
    return None


def _declared_site(found: Any, html: str, canonical: str | None) -> Any:
    """The extractor's site name, unless it is only an address (it gives the host when the page
    declares no name: "money.cnn.com", which the 出典 line printed while the lead said CNN);
    then the page's own brand when it has one."""
    name = outlet_name(str(found or "").strip(), html, canonical)
    found = name or found
    if not re.search(r"[^\W\d_]", name):
        found = name = ""  # "2015" (The Onion's page): a year or a number names no site
    if name and re.search(
        rf"<meta\b[^>]*name=[\"']copyright[\"'][^>]*content=[\"']{re.escape(name)}", html
    ):
        return site_brand(html, canonical)  # Público's owner "Display Connectors, SL": no outlet
    # (or a profile's: "https://twitter.com/anadoluajansi" from twitter:site, Anadolu Agency)
    address = re.fullmatch(
        r"(?i)(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?", name
    )
    if name and not address and not a_handle(name, html) and " " in name:
        return found
    brand = site_brand(html, canonical)
    if not brand or (name and not address and not handle_of(name, brand)):
        return found
    return brand


def _site_name(declared: Any, canonical: str | None) -> str | None:
    """The page's site name, or its host when it declares none or declares a URL
    (og:site_name "https://www.hawaiinewsnow.com": the draft's 出典 line showed an address
    the check then took for a link never fetched)."""
    name = str(declared or "").strip()
    if not name:
        return _host_name(canonical)
    if URL_LIKE.match(name):
        address = name if "//" in name else f"//{name}"
        host, own = _host_name(address), _host_name(canonical)
        # another site's address (a social profile) names the page's account there, not the
        # site: the 出典 line had said twitter.com for an aa.com.tr story
        return own if own and host and not _same_site(host, own) else host or own
    return name


def _same_site(host: str, other: str) -> bool:
    return host == other or host.endswith(f".{other}") or other.endswith(f".{host}")


def _host_name(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _html_lang(html: str) -> str | None:
    match = re.search(r"<html\b[^>]*?\blang=[\"']?([A-Za-z_-]+)", html[:5000], re.IGNORECASE)
    return match.group(1) if match else None


def _derived_title(text: str, fallback: str) -> str:
    """The first sentence, clipped: for text whose first line is not a headline."""
    sentences = split_sentences(text)
    return _clip(sentences[0], DERIVED_TITLE_CHARS) if sentences else fallback


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # at a word boundary where there are words
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—、，") + "…"


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A line that ends like a sentence (.!? or 。！？, before closing quotes or brackets) is body text.
_SENTENCE_END = re.compile(r"[.!?。！？．][\"'”’」』）)\]]*$")


def _looks_like_title(line: str) -> bool:
    """A headline is short, one sentence, with no sentence end: a first line that is not is
    body text (a pasted article is often a single long line)."""
    return (
        len(line) <= TITLE_MAX_CHARS
        and any(char.isalpha() for char in line)
        and not _SENTENCE_END.search(line)
        and len(split_sentences(line)) == 1
    )


def _clean_text(text: str) -> str:
    # a video page's "embed this" code, shown as text: <iframe width='670' frameborder='0' …>
    text = _EMBED_CODE.sub(" ", text)
    lines = [
        re.sub(r"[ \t]{2,}", " ", line.strip()) for line in text.replace("\r\n", "\n").split("\n")
    ]
    lines = [line for line in lines if line and not _AD_LABEL.fullmatch(line)]
    while lines and _PAGINATION.fullmatch(lines[-1]):
        lines.pop()  # "- 1", "- 2", "- Single Page": the page's links to its other pages
    return "\n".join(without_subscription_notice(lines))


_EMBED_CODE = re.compile(
    r"<(iframe|embed|object|script|video)\b[^>]*>(?:.*?</\1\s*>)?", re.IGNORECASE | re.DOTALL
)
# an advertisement's label between paragraphs (Politico's "Advertisement" became sentence S6)
_AD_LABEL = re.compile(
    r"advertisement|advertisements|anzeige|werbung|publicité|publicidad|pubblicità|"
    r"reklame|annonse|annons|advertentie|광고|広告",
    re.IGNORECASE,
)
_PAGINATION = re.compile(
    r"(?:[-•*]\s*)?(?:\d{1,3}|single page|view all|next(?: page)?|previous(?: page)?|prev|"
    r"page \d{1,3}(?: of \d{1,3})?|[«»‹›<>]+)",
    re.IGNORECASE,
)


def read_article_file(path: Path) -> Article:
    """A saved page (.html/.htm) or plain text (.txt/.md, optional YAML front matter)."""
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES + TEXT_SUFFIXES:
        raise SourceError(
            f"Unsupported source file type {suffix or '(none)'}: {path}",
            hint="Pass a .html, .htm, .txt or .md file.",
        )
    raw = _read_capped(path)
    if suffix in HTML_SUFFIXES:
        # in the encoding the page declares, or its bytes show (a saved page has no header)
        content = decode_page(raw)
        page = extract_article(content, url=None, source_path=str(path))
        return _accepted(page, str(path))
    content = raw.decode("utf-8-sig", errors="replace")
    return _accepted(_article_from_text(content, path), str(path), short_hint=_TEXT_HINT)


def _read_capped(path: Path) -> bytes:
    """The file's bytes, refused unread when it is past the cap fetched pages have."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            mib = math.ceil(size * 10 / (1024 * 1024)) / 10  # up: never "5.0 MiB" past 5 MiB
            raise _too_large(path, f"{mib:.1f} MiB")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # it may have grown since, or be a device
    except OSError as exc:
        raise SourceError(f"Cannot read {path}: {exc}") from exc
    if len(raw) > MAX_BYTES:
        raise _too_large(path, "larger than that")
    return raw


def _too_large(path: Path, size: str) -> SourceTooLargeError:
    if path.suffix.lower() in HTML_SUFFIXES:
        hint = (
            "Save the page as 'Webpage, HTML only' (not complete or single-file with images "
            "inside), or paste the article's headline and text into a .txt file."
        )
    else:
        hint = "A news article is a few dozen KB: cut the file down to its headline and text."
    return SourceTooLargeError(
        f"drafter reads source files up to {MAX_BYTES // (1024 * 1024)} MiB, as it does "
        f"fetched pages; {path} is {size}.",
        hint=hint,
    )


def _article_from_text(content: str, path: Path) -> Article:
    meta, body = _split_front_matter(content, path)
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    title = str(meta.get("title") or "").strip()
    if not title and lines:
        heading = _MARKDOWN_HEADING.match(lines[0])
        first = lines[0][heading.end() :] if heading else lines[0]
        if heading or (len(lines) > 1 and _looks_like_title(first)):
            title, lines = _clip(first, TITLE_MAX_CHARS), lines[1:]
    text = _clean_text("\n".join(line.lstrip("# ") for line in lines))
    title = title or _derived_title(text, path.stem)
    url = meta.get("url") or meta.get("canonical_url")
    declared = str(meta["language"]) if meta.get("language") else None
    return Article(
        url=str(url) if url else None,
        source_path=str(path),
        title=title,
        site_name=str(meta.get("site_name") or meta.get("site") or "") or _host_name(url),
        author=str(meta["author"]) if meta.get("author") else None,
        date=normalised_date(meta.get("date")),
        language=detect_language(f"{title}\n{text}", declared),
        text=text,
        fetched_at=now_iso(),
    )


_FRONT_MATTER_HINT = (
    "Front matter is a few plain 'key: value' lines (title, url, date, author, site_name, "
    "language) between two '---' lines."
)


def _split_front_matter(content: str, path: Path) -> tuple[dict[str, Any], str]:
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n", content, re.DOTALL)
    if not match:
        return {}, content
    if len(match.group(1)) > FRONT_MATTER_MAX_CHARS:
        raise SourceError(
            f"The front matter of {path} is {len(match.group(1)):,} characters long; drafter "
            f"reads front matter up to {FRONT_MATTER_MAX_CHARS:,}.",
            hint=_FRONT_MATTER_HINT,
        )
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader)
    except yaml.YAMLError as exc:
        raise SourceError(
            f"Bad front matter in {path}: {_yaml_problem(exc)}", hint=_FRONT_MATTER_HINT
        ) from exc
    meta = meta or {}
    if not isinstance(meta, dict):
        raise SourceError(f"Front matter in {path} must be a mapping of key: value lines.")
    return meta, content[match.end() :]


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """What is wrong and where, on one line (PyYAML's own text quotes the line under it)."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        # The front matter starts on the file's second line, after the opening ---.
        where = f" (line {mark.line + 2}, column {mark.column + 1})" if mark else ""
        return f"{exc.problem}{where}"
    return " ".join(str(exc).split())


FRONT_MATTER_MAX_CHARS = 16_000
FRONT_MATTER_MAX_DEPTH = 8


class _FrontMatterLoader(yaml.SafeLoader):
    """yaml.SafeLoader without anchors and aliases, and with a depth limit.

    An alias copies a whole node by reference, so a few hundred bytes of nested aliases (a
    "billion laughs") expand to gigabytes once constructed; front matter never needs one.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None,
                None,
                "YAML anchors and aliases (&name, *name) are not allowed here",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > FRONT_MATTER_MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"nested more than {FRONT_MATTER_MAX_DEPTH} levels deep",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1
