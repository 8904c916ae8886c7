"""`drafter export`: Markdown, standalone HTML, WordPress WXR 1.2 and a WordPress draft via the
REST API, from real runs against the scripted LLM, with editor revisions and hostile text."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.config import Settings, archive_path, load_settings
from drafter.errors import ConfigError
from drafter.publish.html import (
    ALLOWED_TAGS,
    FrontMatterError,
    parse_article,
    render_fragment,
    split_front_matter,
    standalone_html,
)
from drafter.publish.wordpress import config_from_settings
from drafter.publish.wxr import cdata, post_slug, term_slug, to_wxr, wp_slug
from drafter.run.archive import Archive
from tests.helpers import draft
from tests.prereqs import missing_data, shared
from tests.scripted_llm import ScriptedLLM
from tests.wordpress_server import FakeWordPress

XSS = shared("xss", "all_unique.txt")
needs_xss = pytest.mark.skipif(not XSS.is_file(), reason=missing_data("xss", "all_unique.txt"))

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
# The page wrapper standalone_html adds around the sanitised fragment.
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "article"}


# ---------------------------------------------------------------- helpers


class Parsed(HTMLParser):
    """Every start tag, attribute, text run and comment of an HTML document."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.texts: list[str] = []
        self.comments: list[str] = []
        self.title = ""
        self._in_title = False
        self.feed(document)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.texts.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


def assert_safe_html(document: str, *, page: bool = False) -> Parsed:
    """Only allow-listed tags; no event handler, style or non-http(s) URL; no comment."""
    parsed = Parsed(document)
    allowed = set(ALLOWED_TAGS) | (PAGE_TAGS if page else set())
    assert set(parsed.tags) <= allowed, set(parsed.tags) - allowed
    for forbidden in ("script", "img", "iframe", "object", "embed", "svg", "form", "base", "link"):
        assert forbidden not in parsed.tags
    for tag, name, value in parsed.attrs:
        assert not name.startswith("on"), (tag, name, value)
        if page and tag == "meta":
            continue
        assert name in ("href", "rel", "start", "lang"), (tag, name, value)
        if name == "href":
            assert value.startswith(("http://", "https://")), value
        elif name == "rel":
            assert value == "noopener noreferrer nofollow"
        elif name == "start":
            assert value.isdigit(), value
    if page:
        assert parsed.tags.count("style") == 1 and parsed.tags.count("meta") == 4
    assert not parsed.comments
    return parsed


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def stderr(result: Any) -> str:
    """stderr with rich's line wrapping undone."""
    return " ".join(str(result.stderr).split())


def export(run_dir: Path, fmt: str, *extra: str) -> Any:
    return invoke("export", str(run_dir), "--format", fmt, *extra)


def revise(run_dir: Path, section: str, text: str) -> None:
    """An editor's revision, in the archive the CLI reads (drafter.config.archive_path)."""
    archive = Archive(archive_path(load_settings()))
    try:
        run_id = archive.find(run_dir) or archive.register(run_dir)
        archive.add_revision(run_id, section, "editor", text)
    finally:
        archive.close()


def payloads(step: int = 1) -> list[str]:
    lines = XSS.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if line.strip()][::step]


def read_like_importer(document: str) -> dict[str, Any]:
    """What the official importer reads from a WXR file, field by field.

    Mirrors WordPress/wordpress-importer `src/parsers/class-wxr-parser-simplexml.php`
    (WXR_Parser_SimpleXML::parse, checked at commit 29844c3c): a DOCTYPE is refused;
    `/rss/channel/wp:wxr_version` must match ^\\d+\\.\\d+$; base_site_url / base_blog_url;
    wp:author children; per `channel/item`: title, guid, dc:creator, content:encoded,
    excerpt:encoded, the wp:* post fields, and each `<category>` with a `nicename` attribute as a
    term {name, slug: nicename, domain}. `src/class-wp-import.php` then supports versions up to
    1.2 (`$max_wxr_version`), skips 'auto-draft' posts, keeps `status` as post_status and
    creates a missing term with wp_insert_term(name, domain, {slug: nicename}).
    """
    assert "<!DOCTYPE" not in document.upper()
    root = SafeET.fromstring(document.encode("utf-8"))
    assert root.tag == "rss" and root.get("version") == "2.0"
    version = (root.findtext("channel/wp:wxr_version", namespaces=NS) or "").strip()
    assert re.fullmatch(r"\d+\.\d+", version), version
    authors = [
        {child.tag.split("}")[1]: child.text or "" for child in author}
        for author in root.findall("channel/wp:author", NS)
    ]
    posts = []
    for item in root.findall("channel/item"):
        post: dict[str, Any] = {
            "post_title": item.findtext("title") or "",
            "guid": item.findtext("guid") or "",
            "post_author": item.findtext("dc:creator", "", NS),
            "post_content": item.findtext("content:encoded", "", NS),
            "post_excerpt": item.findtext("excerpt:encoded", "", NS),
        }
        for name in (
            "post_id", "post_date", "post_date_gmt", "comment_status", "ping_status",
            "post_name", "status", "post_parent", "menu_order", "post_type", "post_password",
            "is_sticky",
        ):  # fmt: skip
            post[name] = item.findtext(f"wp:{name}", "", NS)
        post["terms"] = [
            {"name": c.text or "", "slug": c.get("nicename"), "domain": c.get("domain")}
            for c in item.findall("category")
            if c.get("nicename") is not None
        ]
        posts.append(post)
    return {
        "version": version,
        "base_url": root.findtext("channel/wp:base_site_url", "", NS),
        "base_blog_url": root.findtext("channel/wp:base_blog_url", "", NS),
        "authors": authors,
        "posts": posts,
    }


def assert_other_parsers_can_read(document: str, terms: int) -> None:
    """The XML-extension parser (`class-wxr-parser-xml.php`) matches literal qualified names,
    and the fallback regex parser (`class-wxr-parser-regex.php`) reads line by line: the version
    on one line, `<item>`…`</item>` on lines of their own, and terms by
    `<category domain="…" nicename="…">…</category>`."""
    for prefix, uri in NS.items():
        assert f'xmlns:{prefix}="{uri}"' in document
    for name in ("<wp:post_id>", "<content:encoded>", "<excerpt:encoded>", "<dc:creator>",
                 "<wp:status>", "<wp:post_type>", "<wp:post_date>"):  # fmt: skip
        assert name in document
    lines = document.splitlines()
    assert any(re.search(r"<wp:wxr_version>(\d+\.\d+)</wp:wxr_version>", line) for line in lines)
    assert lines.count("<item>") == 1 and lines.count("</item>") == 1
    found = re.findall(
        r'<category domain="([^"]+?)" nicename="([^"]+?)">(.+?)</category>', document, re.I | re.S
    )
    assert len(found) == terms
    assert document.index("<wp:post_date>") < document.index("<wp:post_date_gmt>")


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def run_dir(llm_env: ScriptedLLM, tmp_path: Path) -> Path:
    result = draft(tmp_path)
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip().splitlines()[-1]).parent


def article_json(run_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((run_dir / "article.json").read_text(encoding="utf-8"))
    return data


# ---------------------------------------------------------------- pure functions


def test_front_matter_absent_malformed_and_present() -> None:
    assert split_front_matter("# Title\n\nBody\n") == ({}, "# Title\n\nBody\n")
    meta, body = split_front_matter("---\ntitle: T\ntags: [a, b]\n---\n\n# T\n\nBody\n")
    assert meta == {"title": "T", "tags": ["a", "b"]} and body == "# T\n\nBody\n"
    assert split_front_matter("---\n---\nBody")[0] == {}
    for bad in (
        "---\ntitle: T\n# never closed\n",
        "---\ntitle: [unclosed\n---\n",
        "---\n- a\n---\n",
    ):
        with pytest.raises(FrontMatterError) as caught:
            split_front_matter(bad)
        assert "front matter" in caught.value.message and caught.value.exit_code == 5


def test_fragment_allow_list_links_and_review_markers() -> None:
    body = (
        "Lead with <script>alert(1)</script> and [ok](https://example.com/a?b=1&c=2).\n\n"
        "<!-- comment id=k1x score=120 -->\nA translated comment.\n\n"
        "[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [tab](java&#x09;script:alert(1)) "
        "[data](data:text/html;base64,PHNjcmlwdD4=) [rel](/admin) [proto](//evil.example/x) "
        "![pic](https://evil.example/track.png) <javascript:alert(1)> <https://example.org/>\n\n"
        "> quote *em* **strong** `code`\n\n- one\n- two\n\n***\n"
    )
    fragment = render_fragment(body)
    parsed = assert_safe_html(fragment)
    assert "comment id" not in fragment and "k1x" not in parsed.text
    assert "A translated comment." in parsed.text
    assert "<script>alert(1)</script>" in parsed.text  # shown as text, never run
    hrefs = [v for t, n, v in parsed.attrs if n == "href"]
    assert hrefs == [
        "https://example.com/a?b=1&c=2",
        "https://evil.example/track.png",  # the image is a plain link: nothing is loaded
        "https://example.org/",
    ]
    rels = [v for t, n, v in parsed.attrs if t == "a" and n == "rel"]
    assert rels and set(rels) == {"noopener noreferrer nofollow"}
    assert {"blockquote", "em", "strong", "code", "ul", "li", "hr"} <= set(parsed.tags)
    # A stray "<!--" in pasted text does not swallow the paragraphs after it.
    kept = Parsed(render_fragment("a <!-- b\n\nc -->\n\nd")).text
    assert "c" in kept and "d" in kept


@needs_xss
def test_every_xss_payload_stays_inert_in_html_and_wxr() -> None:
    attacks = payloads()
    body = "\n\n".join(attacks)
    title = attacks[len(attacks) // 2]
    markdown = (
        "---\n"
        + json.dumps(
            {"title": title, "category": attacks[1], "tags": attacks[2:6], "lang": "ja"},
            ensure_ascii=False,
        )
        + "\n---\n\n# heading\n\n"
        + body
        + "\n\n"
        + "\n".join(f"- [{i}]({a})" for i, a in enumerate(attacks[::50]))
        + "\n"
    )
    page = standalone_html(markdown)
    parsed = assert_safe_html(page, page=True)
    csp = [v for t, n, v in parsed.attrs if t == "meta" and n == "content" and "default-src" in v]
    assert csp and csp[0].startswith("default-src 'none'; style-src 'unsafe-inline'")
    assert parsed.title == parse_article(markdown).title == " ".join(title.split())
    assert len(parsed.text) > len(body) // 2  # the attacks are there, as text

    document = to_wxr(markdown)
    imported = read_like_importer(document)
    (post,) = imported["posts"]
    assert post["status"] == "draft"
    assert html.unescape(post["post_title"]) == parse_article(markdown).title
    assert_safe_html(post["post_content"])
    assert post["post_content"] == render_fragment(parse_article(markdown).body)
    assert "<" not in post["post_title"] and "<" not in post["post_excerpt"]
    for term in post["terms"]:
        assert re.fullmatch(r"(?:[a-z0-9_-]|%[0-9a-f]{2})+", term["slug"]), term


def test_wxr_cdata_split_and_xml_illegal_characters() -> None:
    assert cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"
    markdown = (
        '---\ntitle: "x ]]> \\x01 y"\ncategory: "c]]>d"\ntags: ["t]]>u", "\\x0b"]\n---\n\n# x\n\n'
        "body ]]> end \x0c\n"
    )
    imported = read_like_importer(to_wxr(markdown))
    (post,) = imported["posts"]
    assert html.unescape(post["post_title"]) == "x ]]> y"
    assert [t["name"] for t in post["terms"]] == ["c]]>d", "t]]>u"]
    assert "body ]]&gt; end" in post["post_content"]


def test_slugs_are_what_wordpress_makes() -> None:
    # sanitize_title_with_dashes: lower-case, UTF-8 octets percent-encoded in lower-case hex.
    assert wp_slug("日本") == "%e6%97%a5%e6%9c%ac"
    assert wp_slug("U.S. Trade – Wars") == "u-s-trade-wars"
    assert wp_slug("AT&T's  <b>deal</b>") == "atts-deal"
    assert len(wp_slug("あ" * 100)) <= 200 and wp_slug("あ" * 100).endswith("%82")
    assert term_slug("!!!").startswith("term-") and term_slug("リチウム").startswith("%e3%83%aa")
    assert post_slug("https://news.example/world/lithium-licences-2026-03-14/") == (
        "lithium-licences-2026-03-14"
    )
    assert post_slug("https://news.example/a/story.html") == "story"
    assert post_slug("https://news.example/a/123456") == ""
    assert post_slug(None) == ""


def test_wordpress_settings_are_named_when_missing_and_http_only_locally() -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_settings(Settings(), env={})
    message = caught.value.message
    assert "DRAFTER_WP_URL" in message and "DRAFTER_WP_USER" in message
    assert "DRAFTER_WP_APP_PASSWORD" in message
    with pytest.raises(ConfigError, match="https"):
        config_from_settings(
            Settings(wp_url="http://blog.example.com", wp_user="u"),
            env={"DRAFTER_WP_APP_PASSWORD": "pw"},
        )
    for local in (
        "http://127.0.0.1:8080",
        "http://192.168.1.20/blog",
        "http://wp.local",
        "http://[::1]",
    ):
        config = config_from_settings(
            Settings(wp_url=local, wp_user="u", wp_password_env="MY_PW"), env={"MY_PW": " pw "}
        )
        assert config.password == "pw" and "pw" not in repr(config)


def test_cli_help_stays_light() -> None:
    code = (
        "import sys; from drafter.cli import app; print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('markdown_it', 'nh3') or m.startswith('drafter.publish')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- from a real run, via the CLI


def test_export_md_html_wxr_from_a_run(run_dir: Path) -> None:
    artifacts = article_json(run_dir)
    lead = artifacts["lead"]["paragraphs"][0][0]["text"]
    reaction = artifacts["reactions"]["reactions"][0]["translation"]

    result = export(run_dir, "md")
    assert result.exit_code == 0, result.output
    md_path = Path(result.stdout.strip())
    assert md_path == run_dir / "article.export.md"  # never the draft itself
    markdown = md_path.read_text(encoding="utf-8")
    meta, _ = split_front_matter(markdown)
    assert meta["title"] and meta["tags"] and lead in markdown

    result = export(run_dir, "html")
    assert result.exit_code == 0, result.output
    page = (run_dir / "article.html").read_text(encoding="utf-8")
    assert Path(result.stdout.strip()) == run_dir / "article.html"
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ja">' in page
    parsed = assert_safe_html(page, page=True)
    assert lead in parsed.text and " ".join(reaction.split()) in parsed.text
    assert "comment id=" not in parsed.text and "drafter:" not in parsed.text
    assert "出典" in parsed.text and "参考リンク" in parsed.text

    out = run_dir.parent / "elsewhere" / "post.xml"
    result = export(run_dir, "wxr", "--out", str(out))
    assert result.exit_code == 0, result.output
    document = out.read_text(encoding="utf-8")
    imported = read_like_importer(document)
    assert imported["version"] == "1.2" and imported["base_url"] == "http://localhost"
    assert imported["authors"][0]["author_login"] == "drafter"
    (post,) = imported["posts"]
    assert post["status"] == "draft" and post["post_type"] == "post"
    assert post["post_author"] == "drafter" and post["post_parent"] == "0"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", post["post_date"])
    assert post["post_date_gmt"] == "0000-00-00 00:00:00"  # a draft's date floats until published
    assert post["post_name"] == "veloria-lithium-licences-2026-03-14"
    article = parse_article(markdown)
    assert html.unescape(post["post_title"]) == article.title
    assert post["post_content"] == render_fragment(article.body)
    content = assert_safe_html(post["post_content"])
    assert lead in content.text and "<h1>" not in post["post_content"]
    assert html.unescape(post["post_excerpt"]).startswith(lead[:20])
    terms = {(t["domain"], t["name"]): t["slug"] for t in post["terms"]}
    assert terms.keys() == {("category", meta["category"])} | {
        ("post_tag", t) for t in meta["tags"]
    }
    for (_, name), slug in terms.items():
        assert slug == term_slug(name)
        assert re.fullmatch(r"(?:[a-z0-9_-]|%[0-9a-f]{2})+", slug)
    assert_other_parsers_can_read(document, terms=len(terms))

    result = export(run_dir, "md", "--out", "-")
    assert result.exit_code == 0 and result.stdout == markdown


def test_editor_revisions_are_what_gets_exported(run_dir: Path) -> None:
    """(--force: these revisions are not in the source, which the publish gate would refuse;
    what is tested here is the rendering.)"""
    revise(run_dir, "lead", "編集者が書き直したリード文です。\n\n出典:Harbor Wire")
    revise(run_dir, "title", "編集者の見出し & 追記")
    model_lead = article_json(run_dir)["lead"]["paragraphs"][0][0]["text"]

    assert export(run_dir, "md").exit_code == 0
    markdown = (run_dir / "article.export.md").read_text(encoding="utf-8")
    assert "編集者が書き直したリード文です。" in markdown and model_lead not in markdown
    assert split_front_matter(markdown)[0]["title"] == "編集者の見出し & 追記"

    assert export(run_dir, "html", "--force").exit_code == 0
    page = Parsed((run_dir / "article.html").read_text(encoding="utf-8"))
    assert "編集者が書き直したリード文です。" in page.text and model_lead not in page.text
    assert page.title == "編集者の見出し & 追記"

    assert export(run_dir, "wxr", "--force").exit_code == 0
    (post,) = read_like_importer((run_dir / "article.wxr.xml").read_text(encoding="utf-8"))["posts"]
    assert html.unescape(post["post_title"]) == "編集者の見出し & 追記"
    assert post["post_title"] == "編集者の見出し &amp; 追記"
    assert post["post_excerpt"] == "編集者が書き直したリード文です。"


@needs_xss
def test_hostile_revisions_and_model_text_export_inert(run_dir: Path) -> None:
    """(--force: these revisions are not in the source, which the publish gate would refuse;
    what is tested here is the rendering.)"""
    attacks = payloads(step=37)
    title = next(a for a in attacks if "<script" in a.lower())
    revise(run_dir, "title", title)
    revise(run_dir, "lead", "\n\n".join(attacks[1:80]) + "\n\n出典:Harbor Wire")
    reactions = "## 海外の反応\n\n" + "\n\n".join(
        f"<!-- comment id=k{i} score=1 -->\n{attack}" for i, attack in enumerate(attacks[80:160])
    )
    revise(run_dir, "reactions", reactions)
    revise(run_dir, "conclusion", "## 総括\n\n" + "\n".join(f"- [x]({a})" for a in attacks[160:]))

    assert export(run_dir, "html", "--force").exit_code == 0
    page = assert_safe_html((run_dir / "article.html").read_text(encoding="utf-8"), page=True)
    assert "comment id=" not in page.text
    assert page.title == " ".join(title.split()) and page.tags.count("p") >= 60
    assert sum("alert" in text for text in page.texts) >= 40  # shown as text, never run

    assert export(run_dir, "wxr", "--force").exit_code == 0
    (post,) = read_like_importer((run_dir / "article.wxr.xml").read_text(encoding="utf-8"))["posts"]
    assert_safe_html(post["post_content"])
    assert "<" not in post["post_title"] and post["status"] == "draft"
    assert html.unescape(post["post_title"]) == " ".join(title.split())


def test_export_of_a_run_without_a_draft_fails_clearly(tmp_path: Path) -> None:
    empty = tmp_path / "drafts" / "20261125-101500-unfinished"
    empty.mkdir(parents=True)
    result = invoke("export", str(empty), "--format", "html")
    assert result.exit_code == 5
    assert "no finished draft (article.json)" in stderr(result)
    assert "drafter run --resume" in stderr(result)
    assert not (empty / "article.html").exists()
    bad = invoke("export", str(empty), "--format", "pdf")
    assert bad.exit_code == 2


# ---------------------------------------------------------------- WordPress REST API


def use_site(
    monkeypatch: pytest.MonkeyPatch, site: FakeWordPress, password: str | None = None
) -> None:
    for name, value in site.env(password).items():
        monkeypatch.setenv(name, value)


def test_wp_posts_a_draft_with_tags_and_category(
    run_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    markdown = (run_dir / "article.md").read_text(encoding="utf-8")
    meta, _ = split_front_matter(markdown)
    existing = meta["tags"][0]
    with FakeWordPress(tags={7: existing}) as site:
        use_site(monkeypatch, site)
        result = export(run_dir, "wp")
    assert result.exit_code == 0, result.output
    assert not site.violations
    (post,) = site.posts.values()
    lines = result.stdout.strip().splitlines()
    assert lines[0] == f"post {post['id']} created as a draft (not published)"
    assert lines[-1] == f"{site.url}/wp-admin/post.php?post={post['id']}&action=edit"

    # Every API request carried the right Basic credentials; the password was never printed.
    api = site.api_requests()
    assert api and all(r.user == site.user for r in api)
    assert site.password not in result.output and site.password not in stderr(result)
    assert [r.route for r in api][:2] == ["/", "/wp/v2/users/me"]
    assert all(r.path.startswith("/wp-json/") for r in api)

    # The tag that existed was looked up, the others created; the category created.
    created_tags = [r.body["name"] for r in api if r.method == "POST" and r.route == "/wp/v2/tags"]
    assert created_tags == meta["tags"][1:]
    created_categories = [
        r.body["name"] for r in api if r.method == "POST" and r.route == "/wp/v2/categories"
    ]
    assert created_categories == [meta["category"]]
    assert sorted(site.tags[i] for i in post["tags"]) == sorted(meta["tags"])
    assert 7 in post["tags"]
    assert [site.categories[i] for i in post["categories"]] == [meta["category"]]

    # The post: a draft, sanitised content, HTML-safe title, the source's slug.
    (sent,) = [r.body for r in api if r.route == "/wp/v2/posts"]
    assert sent["status"] == "draft"
    article = parse_article(markdown)
    assert sent["content"] == render_fragment(article.body)
    assert html.unescape(sent["title"]) == article.title
    assert sent["excerpt"] and sent["slug"] == "veloria-lithium-licences-2026-03-14"
    assert_safe_html(sent["content"])


def test_wp_wrong_application_password_is_a_clear_401(
    run_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = "zzzz yyyy xxxx wwww vvvv uuuu"
    with FakeWordPress() as site:
        use_site(monkeypatch, site, password=wrong)
        result = export(run_dir, "wp")
    assert result.exit_code == 1
    assert "HTTP 401" in stderr(result) and "incorrect_password" in stderr(result)
    assert "Application Password" in stderr(result) and "DRAFTER_WP_APP_PASSWORD" in stderr(result)
    printed = " ".join((result.output + result.stderr).split())
    assert wrong not in printed and wrong.replace(" ", "") not in printed
    assert not site.posts and not any(r.method == "POST" for r in site.requests)


def test_wp_without_pretty_permalinks_falls_back_to_rest_route(
    run_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeWordPress(plain_permalinks=True) as site:
        use_site(monkeypatch, site)
        result = export(run_dir, "wp")
    assert result.exit_code == 0, result.output
    first, *rest = site.requests
    assert first.path == "/wp-json/" and first.route is None  # the 404 page
    assert rest and all(r.path.startswith("/?rest_route=") for r in rest)
    assert [r.route for r in rest][:2] == ["/", "/wp/v2/users/me"]
    (post,) = site.posts.values()
    assert post["status"] == "draft" and not site.violations


def test_wp_failures_say_what_to_do(run_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing configured: every missing setting is named; exit 2 like any configuration error.
    result = export(run_dir, "wp")
    assert result.exit_code == 2
    for name in ("DRAFTER_WP_URL", "DRAFTER_WP_USER", "DRAFTER_WP_APP_PASSWORD"):
        assert name in stderr(result)

    # The web server drops the Authorization header: WordPress sees an anonymous visitor.
    with FakeWordPress(drop_auth=True) as site:
        use_site(monkeypatch, site)
        result = export(run_dir, "wp")
    assert result.exit_code == 1 and "rest_not_logged_in" in stderr(result)
    assert "Authorization" in stderr(result) and not site.posts

    # An Author may post but not create tags: 403 names the role needed, before any post.
    with FakeWordPress(can_create_terms=False) as site:
        use_site(monkeypatch, site)
        result = export(run_dir, "wp")
    assert result.exit_code == 1 and "HTTP 403" in stderr(result) and "Editor" in stderr(result)
    assert not site.posts

    # PHP notices before the JSON: not JSON, said so.
    with FakeWordPress(broken_posts=True) as site:
        use_site(monkeypatch, site)
        result = export(run_dir, "wp")
    assert result.exit_code == 1 and "not JSON" in stderr(result)

    # Nothing listening.
    with FakeWordPress() as site:
        use_site(monkeypatch, site)
    result = export(run_dir, "wp")
    assert result.exit_code == 1 and "Could not reach WordPress" in stderr(result)
