"""A WordPress eXtended RSS (WXR) 1.2 import file holding one post, always a draft.

Written for the official importer (WordPress/wordpress-importer): its parsers
(`parsers/class-wxr-parser-simplexml.php`, `-xml.php`, `-regex.php`) and `class-wp-import.php`
read exactly these things, so this module writes them the same way WordPress's own exporter
does:

- `/rss/channel/wp:wxr_version` must match `^\\d+\\.\\d+$` (else "This does not appear to be a
  WXR file"); the importer supports up to 1.2. A DOCTYPE makes the SimpleXML parser refuse the
  file, so there is none.
- The XML-extension parser matches literal qualified names (`wp:post_id`, `content:encoded`,
  `dc:creator`, …) and the fallback regex parser literal text, so the prefixes are exactly
  `wp`, `content`, `excerpt`, `dc`, `wfw`, one element per line, and
  `<category domain="…" nicename="…">` with the attributes in that order.
- Per item it reads title, dc:creator, content:encoded, excerpt:encoded, wp:post_id,
  wp:post_date, wp:post_date_gmt, wp:comment_status, wp:ping_status, wp:post_name, wp:status,
  wp:post_parent, wp:menu_order, wp:post_type, wp:post_password, wp:is_sticky, and every
  `<category>` that has a `nicename` attribute as a term (domain = taxonomy; `post_tag` for
  tags). A missing term is created with `wp_insert_term(name, taxonomy, {slug: nicename})`,
  so the nicename is the slug WordPress itself would make (`sanitize_title_with_dashes`:
  lower-case, non-ASCII percent-encoded as UTF-8 octets, at most 200 characters).
- CDATA is split at `]]>` the way WordPress's `wxr_cdata()` does (`]]]]><![CDATA[>`).
"""

from __future__ import annotations

import hashlib
import html
import re
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from drafter.publish.html import Article, parse_article, render_fragment
from drafter.publish.html import excerpt as first_paragraph

WXR_VERSION = "1.2"
NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
FLOATING_DATE = "0000-00-00 00:00:00"
"""post_date_gmt of a draft that has never been scheduled: WordPress sets the date when the
draft is published (what its own exporter writes for such drafts)."""

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SAFE_SLUG = re.compile(r"(?:[a-z0-9_]|%[0-9a-f]{2})(?:[a-z0-9_-]|%[0-9a-f]{2})*")


def xml_chars(text: str) -> str:
    """Drop what XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/F)."""
    return _NOT_XML.sub("", text)


def cdata(text: str) -> str:
    """A CDATA section that no `]]>` inside `text` can end early."""
    return "<![CDATA[" + xml_chars(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(text: str) -> str:
    return escape(xml_chars(text))


def wp_slug(name: str, limit: int = 200) -> str:
    """The slug WordPress makes of a term or post name (`sanitize_title_with_dashes`, 'save'
    context): `ベロリア 経済` → `%e3%83%99…-%e7%b5%8c%e6%b8%88`, `U.S. Trade` → `u-s-trade`."""
    text = re.sub(r"<[^>]*>", "", name)
    text = re.sub(r"%(?![0-9A-Fa-f]{2})", "", text).lower()
    out: list[str] = []
    length = 0
    for char in text:
        piece = char if ord(char) < 128 else "".join(f"%{b:02x}" for b in char.encode("utf-8"))
        if length + len(piece) > limit:
            break
        out.append(piece)
        length += len(piece)
    text = "".join(out)
    for octets in ("%c2%a0", "%e2%80%93", "%e2%80%94", "/"):  # nbsp, en/em dash, slash
        text = text.replace(octets, "-")
    text = re.sub(r"&.+?;", "", text).replace(".", "-")
    text = re.sub(r"[^%a-z0-9 _-]", "", text)
    text = re.sub(r"\s+", "-", text)
    return re.sub(r"-+", "-", text).strip("-")


def term_slug(name: str) -> str:
    """A URL-safe, never empty slug for a category or tag."""
    slug = wp_slug(name)
    if _SAFE_SLUG.fullmatch(slug):
        return slug
    return "term-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def post_slug(source_url: str | None) -> str:
    """A permalink slug from the source story's URL (`…/veloria-lithium-licences/` →
    `veloria-lithium-licences`); empty (WordPress decides on publishing) when the URL's last
    segment has no ASCII letters, as a Japanese title would make a 200-character slug."""
    if not source_url:
        return ""
    segments = [s for s in urlsplit(source_url).path.split("/") if s]
    if not segments:
        return ""
    last = re.sub(r"\.(?:s?html?|php|aspx?)$", "", segments[-1], flags=re.IGNORECASE)
    slug = wp_slug(last, limit=120)
    if "%" in slug or not re.search(r"[a-z]", slug) or not _SAFE_SLUG.fullmatch(slug):
        return ""
    return slug


def login_name(author: str) -> str:
    """What WordPress's `sanitize_user(…, strict=true)` keeps of a login."""
    login = re.sub(r"[^A-Za-z0-9 _.@-]", "", author).strip()
    return login or "drafter"


def html_title(title: str) -> str:
    """A plain-text title as WordPress stores titles: HTML, so `<` cannot become markup in a
    theme that prints the_title() unescaped (WordPress's own title filter does the same)."""
    return html.escape(title, quote=False)


def to_wxr(
    markdown: str,
    *,
    site_url: str = "http://localhost",
    author: str = "drafter",
    post_date: datetime | None = None,
    post_id: int = 0,
) -> str:
    """The WXR 1.2 document for one draft post. `post_id` 0 lets WordPress choose the new
    post's id (the importer passes it as `import_id`, which WordPress uses when it is free)."""
    article = parse_article(markdown)
    site = xml_chars(site_url.rstrip("/")) or "http://localhost"
    login = login_name(author)
    when = (post_date or datetime.now()).strftime("%Y-%m-%d %H:%M:%S")
    lines = [
        *_channel_head(article, site, login),
        *_item(article, login, when, post_id),
        "</channel>",
        "</rss>",
    ]
    return "\n".join(lines) + "\n"


def _channel_head(article: Article, site: str, login: str) -> list[str]:
    """The document's start: the channel (the site) and its one author."""
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- WordPress eXtended RSS (WXR) 1.2 written by drafter: one post, status draft."
        " Import it with Tools > Import > WordPress. -->",
        f'<rss version="2.0" {namespaces}>',
        "<channel>",
        f"<title>{_text('drafter: ' + (article.title or 'draft'))}</title>",
        f"<link>{_text(site)}</link>",
        "<description>drafter export</description>",
        f"<pubDate>{format_datetime(datetime.now(UTC))}</pubDate>",
        f"<language>{_text(article.lang)}</language>",
        f"<wp:wxr_version>{WXR_VERSION}</wp:wxr_version>",
        f"<wp:base_site_url>{_text(site)}</wp:base_site_url>",
        f"<wp:base_blog_url>{_text(site)}</wp:base_blog_url>",
        "<wp:author>"
        "<wp:author_id>1</wp:author_id>"
        f"<wp:author_login>{cdata(login)}</wp:author_login>"
        "<wp:author_email></wp:author_email>"
        f"<wp:author_display_name>{cdata(login)}</wp:author_display_name>"
        "<wp:author_first_name></wp:author_first_name>"
        "<wp:author_last_name></wp:author_last_name>"
        "</wp:author>",
        "<generator>drafter</generator>",
    ]


def _item(article: Article, login: str, when: str, post_id: int) -> list[str]:
    """The draft post, with its category and tags."""
    title = html_title(article.title or "draft")
    content = render_fragment(article.body)
    summary = html.escape(first_paragraph(article.body), quote=False)
    return [
        "<item>",
        f"<title>{cdata(title)}</title>",
        f"<dc:creator>{cdata(login)}</dc:creator>",
        "<description></description>",
        f"<content:encoded>{cdata(content)}</content:encoded>",
        f"<excerpt:encoded>{cdata(summary)}</excerpt:encoded>",
        f"<wp:post_id>{int(post_id)}</wp:post_id>",
        # post_date before post_date_gmt: the regex parser's `<wp:post_date.*?>` takes the first.
        f"<wp:post_date>{cdata(when)}</wp:post_date>",
        f"<wp:post_date_gmt>{cdata(FLOATING_DATE)}</wp:post_date_gmt>",
        # Empty: wp_insert_post() then applies the site's default comment and ping settings.
        "<wp:comment_status></wp:comment_status>",
        "<wp:ping_status></wp:ping_status>",
        f"<wp:post_name>{cdata(post_slug(article.source_url))}</wp:post_name>",
        "<wp:status>draft</wp:status>",
        "<wp:post_parent>0</wp:post_parent>",
        "<wp:menu_order>0</wp:menu_order>",
        "<wp:post_type>post</wp:post_type>",
        "<wp:post_password></wp:post_password>",
        "<wp:is_sticky>0</wp:is_sticky>",
        *_terms(article),
        "</item>",
    ]


def _terms(article: Article) -> list[str]:
    terms: list[str] = []
    if article.category:
        terms.append(
            f'<category domain="category" nicename="{term_slug(article.category)}">'
            f"{cdata(article.category)}</category>"
        )
    for tag in article.tags:
        terms.append(
            f'<category domain="post_tag" nicename="{term_slug(tag)}">{cdata(tag)}</category>'
        )
    return terms
