"""Source inputs the user did not expect to matter: file size, a one-line paste, the language.

Every case goes through `drafter fetch` (or `drafter run`) as a user would meet it; the texts are
synthetic, written for these tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.files import slugify
from drafter.sources.http import MAX_BYTES
from tests.helpers import FIXTURES
from tests.loopback import Loopback, Route, respond
from tests.scripted_llm import ScriptedLLM

ENGLISH = (
    "The harbour authority of Port Calden said on Tuesday that it would close two of its four "
    "container berths for repairs next month. Work on the quay walls is expected to take about "
    "six weeks, during which the remaining berths will handle all cargo. Local hauliers warned "
    "that waiting times at the gate could double before the holiday season. One operator said "
    "the repairs should have been scheduled for the quiet months of the year. The authority "
    "said it would extend night-time loading hours to keep ships moving."
)
JAPANESE = (
    "カルデン港の港湾局は火曜日、来月から四つあるコンテナ埠頭のうち二つを補修のため閉鎖すると"
    "発表した。港湾局によると、工事は約六週間かかる見込みで、その間は残る二つの埠頭ですべての貨物を"
    "受け入れる。地元の運送会社は、ゲートでの待ち時間が繁忙期の前に倍になりかねないと懸念している。"
    "ある経営者は「工事は閑散期に予定すべきだった」と話した。港湾局は、夜間の荷役時間を延長して"
    "船の流れを保つとしている。"
)
CHINESE = (
    "卡尔登港务局星期二宣布，下个月将关闭四个集装箱泊位中的两个进行维修。港务局表示，工程预计持续"
    "约六周，其间货物将由其余两个泊位处理。当地运输公司担心等待时间会延长。一位公司负责人说，希望"
    "工程能在旺季之前完成。港务局称，将延长夜间装卸时间，以减少对航运的影响。"
)
GERMAN = (
    "Die Hafenbehörde von Port Calden hat am Dienstag angekündigt, dass sie im nächsten Monat zwei "
    "ihrer vier Containerliegeplätze für Reparaturen schließen wird. Die Arbeiten an den Kaimauern "
    "sollen etwa sechs Wochen dauern, und in dieser Zeit werden die übrigen Liegeplätze die ganze "
    "Fracht abfertigen. Örtliche Spediteure warnten, dass sich die Wartezeiten am Tor bis zu den "
    "Feiertagen verdoppeln könnten. Die Behörde will die Ladezeiten in der Nacht verlängern."
)
# Czech shares "a", "na" and "do" with Portuguese, but not its letters ř, ě, ů: no profile
CZECH = (
    "Přístav v Kelmaru zavře dva kotviště do konce roku a na opravy půjde více než miliarda "
    "korun. Ředitel přístavu řekl, že lodě budou čekat déle a že se to dotkne i vývozu do Evropy. "
    "Odboráři se obávají ztráty práce a na úterý svolali schůzi. Dopravci chtějí, aby přístav "
    "prodloužil noční směny, dokud opravy neskončí."
)
PORTUGUESE = (
    "A autoridade portuária de Port Calden anunciou na terça-feira que vai fechar dois dos seus "
    "quatro berços de contêineres para reparos no próximo mês. As obras nos muros do cais devem "
    "durar cerca de seis semanas, e nesse período os berços restantes vão receber toda a carga. "
    "As transportadoras da região disseram que o tempo de espera no portão pode dobrar antes das "
    "festas. A autoridade disse que vai ampliar o horário de carga à noite."
)
KOREAN = (
    "칼덴 항만청은 화요일 다음 달부터 네 개의 컨테이너 부두 가운데 두 곳을 보수를 위해 폐쇄한다고 "
    "발표했다. 항만청에 따르면 공사는 약 6주가 걸릴 예정이며, 그동안 나머지 두 부두에서 화물을 "
    "처리한다. 지역 운송 업체들은 대기 시간이 길어질 것을 우려하고 있다."
)


def fetch(*args: str) -> Any:
    return CliRunner().invoke(app, ["fetch", *args])


def fetch_json(path: Path) -> dict[str, Any]:
    result = fetch(str(path), "--json")
    assert result.exit_code == 0, result.output
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ---- size: a local file gets the cap a fetched page has, checked before it is read ----


@pytest.mark.parametrize(
    ("name", "advice"), [("notes.txt", "cut the file down"), ("page.html", "HTML only")]
)
def test_a_source_file_past_the_fetch_cap_is_refused_with_advice(
    tmp_path: Path, name: str, advice: str
) -> None:
    big = tmp_path / name
    line = (ENGLISH + "\n").encode("utf-8")
    if name.endswith(".html"):
        line = b"<p>" + line + b"</p>"
    big.write_bytes((line * (MAX_BYTES // len(line) + 1))[: MAX_BYTES + 1])

    result = fetch(str(big))

    assert result.exit_code == 3, result.output
    assert "up to 5 MiB" in result.stderr and f"{big} is 5.1 MiB" in result.stderr
    assert advice in result.stderr
    assert "Traceback" not in result.output


# ---- a .txt whose first line is not a headline ----


def test_a_one_line_pasted_article_is_all_body_with_a_derived_title(tmp_path: Path) -> None:
    article = fetch_json(write(tmp_path / "pasted.txt", ENGLISH))

    assert article["text"] == ENGLISH
    assert article["title"] == (
        "The harbour authority of Port Calden said on Tuesday that it would close two of its four "
        "container…"
    )
    assert len(article["title"]) <= 100


@pytest.mark.parametrize(
    ("first_line", "title", "first_line_is_body"),
    [
        ("Port Calden to close two berths for repairs", None, False),
        ("# Port Calden closes two berths.", "Port Calden closes two berths.", False),
        (
            "Port Calden shuts two berths. Hauliers fear delays.",
            "Port Calden shuts two berths.",
            True,
        ),
        ("Will Port Calden's repairs hit the holiday rush?", None, True),
        ("港務局、来月に埠頭を閉鎖へ", None, False),
        ("Port Calden " * 20, "Port Calden " * 7 + "Port Calden…", True),
    ],
)
def test_the_first_line_is_a_title_only_when_it_reads_like_one(
    tmp_path: Path, first_line: str, title: str | None, first_line_is_body: bool
) -> None:
    article = fetch_json(write(tmp_path / "story.txt", f"{first_line}\n\n{ENGLISH}\n"))

    assert article["title"] == (title or first_line.strip())
    body_start = first_line.strip() if first_line_is_body else ENGLISH[:40]
    assert article["text"].startswith(body_start)
    assert article["text"].endswith(ENGLISH)


# ---- language: what drafter expects, and length counted per script ----


SWAHILI = (
    "Mamlaka ya bandari ya Calden imetangaza kufunga gati mbili kwa muda wa wiki tatu ili "
    "kufanya ukarabati mkubwa. Wafanyabiashara wa eneo hilo wamesema kwamba uamuzi huo "
    "utaathiri biashara zao, hasa wakati huu wa msimu wa mavuno. Msemaji wa mamlaka amesema "
    "meli zitaelekezwa kwenye gati nyingine zilizo karibu na kwamba kazi itaanza Jumatatu "
    "ijayo asubuhi. Madereva wa malori wameombwa kufuata maelekezo ya maafisa."
)
BOX_SCORE = (
    " ".join(
        f"{team} d. {other} {a}-{b}. {team}: Okafor {a // 3} points. Lindqvist {b // 4} points. "
        f"Marsh {a // 5} rebounds. {other}: Petrakis {b // 3} points. Duval {a // 6} steals."
        for team, other, a, b in [
            ("Harbor City", "Westbrook", 61, 48),
            ("Calden", "Northgate", 55, 52),
            ("Pine Ridge", "Elmwood", 70, 44),
        ]
    )
    + " Coach Marsh said the team played well in the second half."
)


@pytest.fixture
def site() -> Iterator[str]:
    pages = {
        "/ja": f"<html lang='ja'><head><title>港湾局が埠頭閉鎖</title></head><body><article>"
        f"<p>{JAPANESE[:150]}</p></article></body></html>",
        "/en-tagged-ja": f"<html lang='ja'><head><title>Port Calden closes berths</title></head>"
        f"<body><article><p>{ENGLISH}</p></article></body></html>",
    }

    def page(html: str) -> Route:
        return lambda handler: respond(handler, 200, html.encode("utf-8"))

    routes = {path: page(html) for path, html in pages.items()}
    with Loopback(routes) as server:
        yield server.url


def test_a_japanese_text_file_is_refused_as_not_what_drafter_is_for(tmp_path: Path) -> None:
    source = write(tmp_path / "story.txt", f"港湾局、埠頭二つを閉鎖へ\n\n{JAPANESE}\n{JAPANESE}\n")

    result = fetch(str(source))

    assert result.exit_code == 3, result.output
    assert f"{source} is written in Japanese" in result.stderr
    assert "foreign-language" in result.stderr
    assert "paywall" not in result.stderr


def test_a_short_japanese_page_gets_the_language_message_not_paywall_advice(site: str) -> None:
    result = fetch(f"{site}/ja", "--allow-private-hosts")

    assert result.exit_code == 3, result.output
    assert "is written in Japanese" in result.stderr
    assert "paywall" not in result.stderr and "characters" not in result.stderr


def test_the_language_is_read_from_the_letters_not_the_page_template(site: str) -> None:
    result = fetch(f"{site}/en-tagged-ja", "--allow-private-hosts", "--json")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ENGLISH, "en"),
        (
            ENGLISH + " A sign at the gate read 「関係者以外立入禁止」, which means staff only.",
            "en",
        ),
        (CHINESE, "zh"),
        (KOREAN, "ko"),
        (GERMAN, "de"),
        (PORTUGUESE, "pt"),
        (CZECH, None),  # a language without a profile is not told, not taken for another
        # the front matter's (or a page template's) language does not outvote the words
        (f"---\ntitle: Port news\nlanguage: en\n---\n{GERMAN}", "de"),
        (f"---\ntitle: Port news\nlanguage: de\n---\n{ENGLISH}", "en"),
        # a template's "en" on a story in a language without a profile (round DC: isiZulu and
        # Swahili papers) names none; on an English box score, with few of its common words
        # but some, it still does
        (f"---\ntitle: Habari za bandari\nlanguage: en\n---\n{SWAHILI}", None),
        (f"---\ntitle: Roundup\nlanguage: en\n---\n{BOX_SCORE}", "en"),
    ],
)
def test_the_detected_language_is_recorded(tmp_path: Path, text: str, language: str | None) -> None:
    content = text if text.startswith("---") else f"Port news\n\n{text}"
    assert fetch_json(write(tmp_path / "story.txt", f"{content}\n"))["language"] == language


def test_a_short_chinese_article_is_enough_where_as_many_latin_letters_are_not(
    tmp_path: Path,
) -> None:
    assert 100 <= len(CHINESE) < 300
    article = fetch_json(write(tmp_path / "zh.txt", f"卡尔登港将关闭两个泊位\n\n{CHINESE}\n"))
    assert article["text"] == CHINESE

    too_short = fetch(str(write(tmp_path / "zh-short.txt", f"港口新闻\n\n{CHINESE[:60]}\n")))
    assert too_short.exit_code == 3
    assert "Only 60 characters" in too_short.stderr
    assert "at least 100 in Chinese or Korean script" in too_short.stderr

    latin = fetch(str(write(tmp_path / "en-short.txt", f"Port news\n\n{ENGLISH[:200]}\n")))
    assert latin.exit_code == 3
    assert "Only 200 characters" in latin.stderr and "at least 300 " in latin.stderr
    assert "whole article" in latin.stderr  # a text file's advice, not a web page's


# ---- the run folder's name for a title with no ASCII spelling ----


def test_a_run_from_a_chinese_source_is_named_after_its_file_not_article(
    llm_env: ScriptedLLM, tmp_path: Path
) -> None:
    source = write(tmp_path / "calden-port-berths.txt", f"卡尔登港将关闭两个泊位\n\n{CHINESE}\n")
    out = tmp_path / "drafts"

    CliRunner().invoke(
        app, ["run", str(source), "--comments", str(FIXTURES / "comments.json"), "--out", str(out)]
    )

    (run_dir,) = out.iterdir()
    assert run_dir.name.endswith("-calden-port-berths"), run_dir.name


@pytest.mark.parametrize(
    ("title", "fallbacks", "slug"),
    [
        ("Путин заявил о переговорах", (), "putin-zayavil-o-peregovorakh"),
        ("Ελλάδα: εκλογές 2026", (), "ellada-ekloges-2026"),
        ("Straße der Ökonomie", (), "strasse-der-okonomie"),
        ("Samsung 갤럭시 S25 출시", (), "samsung-s25"),
        (
            "上海港口吞吐量创新高",
            ("https://news.example.cn/2026/0301/c1002-4015.html",),
            "c1002-4015",
        ),
        (
            "上海港口吞吐量创新高",
            ("https://news.example.cn/%E6%96%B0%E9%97%BB/", "port.html"),
            "port",
        ),
    ],
)
def test_titles_in_other_scripts_get_a_readable_ascii_slug(
    title: str, fallbacks: tuple[str, ...], slug: str
) -> None:
    assert slugify(title, fallbacks=fallbacks) == slug


def test_a_title_with_nothing_to_spell_gets_a_hash_not_the_same_word_for_all() -> None:
    first, second = slugify("上海港口吞吐量创新高"), slugify("北京发布新的空气质量数据")
    assert first != second
    for slug in (first, second):
        assert slug.isascii() and slug.isalnum() and len(slug) == 8


# ---- a saved page whose article the site's JavaScript had not filled in yet ----

TEMPLATE_PAGE = (
    "<html><head><title>Page edit in progress</title></head><body><article>"
    "<h1>{{ story.headline }}</h1>"
    "<p>{{ story.status === 'published' ? 'Published' : story.status === 'pending' ? "
    "'Pending review' : 'Draft' }}</p>"
    "<p>{{ story.author.fullName }} - {{ story.updated * 1000 | date : 'dd/MM/yyyy' }}</p>"
    "<p>{{ story.lead | truncate : 240 }}</p><p>{{ story.body | unsafe }}</p>"
    "<p>{{ story.related[0].title }} {{ story.related[1].title }}</p>"
    "<p>Edit in progress. Open the advanced mode.</p></article></body></html>"
)


def test_an_unrendered_page_template_is_refused_with_what_to_do(tmp_path: Path) -> None:
    page = write(tmp_path / "template.html", TEMPLATE_PAGE)
    assert len(TEMPLATE_PAGE) > 300

    result = fetch(str(page))

    assert result.exit_code == 3, result.output
    assert "page template, not an article" in result.stderr
    assert "{{...}}" in result.stderr and "let it load" in result.stderr


def test_an_article_that_shows_template_braces_is_still_an_article(tmp_path: Path) -> None:
    text = f"{ENGLISH} The outage page read {{{{ status }}}} instead of the berth schedule."
    article = fetch_json(write(tmp_path / "story.txt", f"Port news\n\n{text}\n"))

    assert "{{ status }}" in article["text"]


# ---- the article's date: first published, not last updated ----


def _dated_page(head: str) -> str:
    return f"<html><head><title>Port news</title>{head}</head><body><article><p>{ENGLISH}</p></article></body></html>"


def test_a_page_dated_by_its_last_update_gets_the_date_it_was_published(tmp_path: Path) -> None:
    """Spiceworks' 2020 article declares datePublished 2020-07-10 and, in its meta tags, only
    its last update (2025-01-07): the draft would resolve "yesterday" against 2025."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2020-07-10T14:15:42+00:00", '
        '"dateModified": "2025-01-07T09:08:22+00:00"}</script>'
        '<meta property="article:modified_time" content="2025-01-07T09:08:22+00:00" />'
    )
    assert fetch_json(write(tmp_path / "page.html", _dated_page(head)))["date"] == "2020-07-10"
    # the Open Graph tag, attributes either way round
    tag = '<meta content="2019-03-01T08:00:00Z" property="article:published_time" />'
    modified = '<meta property="article:modified_time" content="2024-05-05T08:00:00Z" />'
    page = write(tmp_path / "og.html", _dated_page(tag + modified))
    assert fetch_json(page)["date"] == "2019-03-01"
    # written with `value` for `content`, as BroadwayWorld and Blister do (round BB: the
    # page's 2022 date was given to a 2016 announcement; 6 of 633 saved pages change, each to
    # the date its page declares published)
    for tag in (
        '<meta itemprop="datePublished" value="2016-10-13T15:35:00+00:00">',
        '<meta value="2016-10-13T08:00:15-06:00" name="article:published_time">',
    ):
        updated = '<meta value="2022-08-09T10:00:00Z" name="article:modified_time">'
        page = write(tmp_path / "value.html", _dated_page(updated + tag))
        assert fetch_json(page)["date"] == "2016-10-13", tag


def test_a_page_whose_masthead_was_taken_for_its_headline_gets_its_headline(
    tmp_path: Path,
) -> None:
    """Politico and Bloomberg write og:title with `value=` instead of `content=`: the extractor
    took the logo ("POLITICO Politico Logo") or the site ("Bloomberg") for the headline, which
    the headline agent then reads as the source's own."""
    page = (
        "<html><head><title>Port Calden to close two berths for repairs - HARBORWIRE</title>"
        '<meta value="Port Calden to close two berths for repairs" name="og:title">'
        '<meta value="HARBORWIRE" name="og:site_name"></head><body>'
        '<header><h1 class="logo">HARBORWIRE Harborwire Logo</h1></header>'
        f"<article><p>{ENGLISH}</p></article></body></html>"
    )
    article = fetch_json(write(tmp_path / "harborwire.html", page))
    assert article["title"] == "Port Calden to close two berths for repairs"
    # a page whose headline is read as such keeps it
    plain = _dated_page("")
    assert fetch_json(write(tmp_path / "plain.html", plain))["title"] == "Port news"


def test_the_site_is_named_by_its_brand_not_its_address(tmp_path: Path) -> None:
    """A page that declares no site name got its host as the outlet (money.cnn.com,
    gothamist.com): the 出典 line printed a bare address while the lead named the brand. The
    brand a <title> ends with, or og:site_name written with `value=`, names the site when its
    letters are the address's; a section name in og:site_name (Reuters' "U.S.") does not, and
    neither does a Twitter handle ("Reuters_Co_Uk")."""

    def page(head: str) -> str:
        return f"<html><head>{head}</head><body><article><p>{ENGLISH}</p></article></body></html>"

    cases = [
        (
            "<title>Berths close for repairs - Harborwire</title>",
            "https://harborwire.example/a",
            "Harborwire",
        ),
        (
            '<title>Berths close</title><meta value="HarborwireMoney" name="og:site_name">',
            "https://money.harborwire.example/b",
            "HarborwireMoney",
        ),
        (
            '<title>Berths close | Calden Times</title><meta value="U.S." name="og:site_name">',
            "https://www.calden-times.example/c",
            "Calden Times",
        ),
        (
            "<title>Berths close - Sports Weekly</title>",
            "https://www.sw.example/d",
            "Sports Weekly",
        ),
        # the extractor's name is the page's Twitter handle ("Reuters_Co_Uk", "ReutersIndia")
        (
            '<title>Berths close | Harborwire</title><meta name="twitter:site" content="@harborwire_uk">',
            "https://uk.harborwire.example/f",
            "Harborwire",
        ),
        (
            '<title>Berths close | Harborwire</title><meta name="twitter:site" content="@HarborwireAsia">',
            "https://asia.harborwire.example/g",
            "Harborwire",
        ),
        # a number is no name ("2015" on The Onion's page): the host
        (
            '<title>Berths close</title><meta property="og:site_name" content="2015">',
            "https://harborwire.example/h",
            "harborwire.example",
        ),
        # nothing that names the address: the host, as before
        (
            "<title>Berths close - Opinion</title>",
            "https://harborwire.example/e",
            "harborwire.example",
        ),
    ]
    for number, (head, url, expected) in enumerate(cases):
        canonical = f'<link rel="canonical" href="{url}">'
        saved = write(tmp_path / f"page{number}.html", page(head + canonical))
        assert fetch_json(saved)["site_name"] == expected, head


def test_the_headline_loses_the_sites_name_after_it(tmp_path: Path) -> None:
    """ "How Butterflies Get Their Shine | WIRED", "… - Telegraph": the site's name after the
    headline reached the headline agent and the 出典 line as part of the story's title. A
    headline whose last part is no name of the site keeps it."""

    def page(title: str, url: str) -> str:
        return (
            f'<html><head><title>{title}</title><meta property="og:title" content="{title}">'
            f'<link rel="canonical" href="{url}"></head>'
            f"<body><article><p>{ENGLISH}</p></article></body></html>"
        )

    cases = [
        ("Port Calden to close two berths | HARBORWIRE", "https://www.harborwire.example/a",
         "Port Calden to close two berths"),
        ("Port Calden to close two berths - Calden Times", "https://calden-times.example/b",
         "Port Calden to close two berths"),
        ("Why the port closed - Analysis", "https://harborwire.example/c",
         "Why the port closed - Analysis"),
        # a brand with an accent the address folds ("Seznam Zprávy" on seznamzpravy.cz, round CP)
        ("Hlavní aktér prodává vilu - Seznam Zprávy", "https://www.seznamzpravy.example/e",
         "Hlavní aktér prodává vilu"),
        # a brand with a hyphen of its own (Börsen-Zeitung's headline kept it, round CO)
        ("Port Calden nominiert neuen Chef | Hafen-Zeitung", "https://www.hafen-zeitung.example/d",
         "Port Calden nominiert neuen Chef"),
    ]  # fmt: skip
    for number, (title, url, expected) in enumerate(cases):
        saved = write(tmp_path / f"t{number}.html", page(title, url))
        assert fetch_json(saved)["title"] == expected, title


def test_a_title_escaped_twice_reads_as_its_reader_sees_it(tmp_path: Path) -> None:
    """OK! Magazine escapes its og:title three times ("&amp;amp;#039;"): the headline reached
    the run as "Sean Penn &#039;proposes…" (round AX). A title that writes a plain & keeps it."""
    for escaped, expected in (
        (
            "Port Calden &amp;amp;#039;to close&amp;amp;#039; berths",
            "Port Calden 'to close' berths",
        ),
        ("Port Calden &amp;quot;closes&amp;quot; berths", 'Port Calden "closes" berths'),
        ("Calden Port &amp; Docks to close berths", "Calden Port & Docks to close berths"),
    ):
        page = (
            f'<html><head><meta property="og:title" content="{escaped}"><title>{escaped}</title>'
            f"</head><body><article><p>{ENGLISH}</p></article></body></html>"
        )
        assert fetch_json(write(tmp_path / "t.html", page))["title"] == expected, escaped


def test_a_video_pages_embed_code_is_not_article_text(tmp_path: Path) -> None:
    """Global News printed its "embed this video" code as text: <iframe width='670'
    frameborder='0' …> became source figures (670, 437, a 0 that contradicted 「4人」)."""
    code = (
        "&lt;iframe width='670' height='437' frameborder='0' src='https://video.example/1'&gt;"
        "Your browser does not support frames.&lt;/iframe&gt;"
    )
    page = f"<html><body><article><p>{ENGLISH}</p><p>{code}</p></article></body></html>"
    text = fetch_json(write(tmp_path / "video.html", page))["text"]
    assert "iframe" not in text and "670" not in text and "frameborder" not in text
    assert text.startswith(ENGLISH.strip()[:40])


def test_the_links_to_a_pages_other_pages_are_not_article_text(tmp_path: Path) -> None:
    """The Atlantic's essay ended with its page links ("- 1", "- 2", "- 3", "- Single Page"),
    which became four numbered source sentences and a "name" (round AS). A last line that
    says something stays."""
    links = "<ul><li>1</li><li>2</li><li>3</li><li>Single Page</li></ul>"
    page = f"<html><body><article><p>{ENGLISH}</p>{links}</article></body></html>"
    text = fetch_json(write(tmp_path / "paged.html", page))["text"]
    assert text.rstrip().endswith(ENGLISH.strip()[-20:]), text[-80:]
    closing = f"<html><body><article><p>{ENGLISH}</p><p>Page 2 follows the vote.</p></article></body></html>"
    assert fetch_json(write(tmp_path / "closing.html", closing))["text"].endswith(
        "follows the vote."
    )


def test_a_date_the_page_labels_as_its_update_gives_way_to_the_original() -> None:
    """Opposing Views prints "Updated: Mar 6, 2018 · Original: Dec 21, 2016", each in a <time>:
    the extractor took the update, and every prompt told the model the 2016 story was
    true as of 2018. A lone <time>, or one not labelled as an update, stays."""
    from drafter.sources.dates import publication_date

    header = (
        '<div class="date">Updated:</div><div><time datetime="2018-03-06T19:49:32-05:00">'
        'Mar 6, 2018</time></div><div class="date">Original:</div><div>'
        '<time datetime="2016-12-21T18:49:10-05:00">Dec 21, 2016</time></div>'
    )
    assert publication_date(f"<html><body>{header}</body></html>", "2018-03-06") == "2016-12-21"
    plain = header.replace("Updated:", "Posted:")
    assert publication_date(f"<html><body>{plain}</body></html>", "2018-03-06") == "2018-03-06"


def test_a_date_the_pages_address_puts_in_another_month_is_read_again() -> None:
    """Politico's page of 4 October 2016 (politico.com/story/2016/10/…) was dated 2016-04-10:
    its "10/04/16" read day first. The page's own <time> of the address's month wins; without
    one, the day and month are swapped when that gives the address's month."""
    from drafter.sources.dates import publication_date

    url = "https://www.politico.example/story/2016/10/who-will-win-the-vp-debate-229079"
    timed = '<html><body><time datetime="2016-10-04 05:07:09">10/04/16</time></body></html>'
    assert publication_date(timed, "2016-04-10", url) == "2016-10-04"
    assert publication_date("<html></html>", "2016-04-10", url) == "2016-10-04"
    # a date the address agrees with, or an address with no date, is left as read
    assert publication_date("<html></html>", "2016-10-20", url) == "2016-10-20"
    assert publication_date(timed, "2016-04-10", "https://x.example/story/vp") == "2016-04-10"


def test_a_sidebar_heading_taken_for_the_headline_gives_way_to_the_declared_one(
    tmp_path: Path,
) -> None:
    """Politico's newsletter page has one <h1>, its Twitter box's "Follow us on Twitter", and
    Engadget's "Latest in Gear": the extractor took it for the headline, which shares no word
    with the og:title the page declares. A headline that shares a word with it is kept."""
    page = (
        "<html><head><title>Port Calden to close two berths for repairs - HARBORWIRE</title>"
        '<meta value="Port Calden to close two berths for repairs" name="og:title"></head><body>'
        f"<article><p>{ENGLISH}</p></article>"
        '<aside><h1 class="box">Follow us on Twitter</h1><p>@harborwire</p></aside></body></html>'
    )
    article = fetch_json(write(tmp_path / "harborwire.html", page))
    assert article["title"] == "Port Calden to close two berths for repairs"
    kept = page.replace("Follow us on Twitter", "Calden berths: what closes when")
    assert (
        fetch_json(write(tmp_path / "kept.html", kept))["title"]
        == "Calden berths: what closes when"
    )


def test_quotation_marks_the_extractor_drops_from_a_headline_are_given_back(
    tmp_path: Path,
) -> None:
    """The New Republic's "‘Fantastic Beasts’: A Nice Place to Visit" came out of the extractor
    as "Fantastic Beasts : A Nice Place to Visit", read from the headline's microdata, which
    sets the film's name in italics instead. Straight quotes for curly ones are not swapped
    back and forth: only marks it dropped return."""
    page = (
        "<html><head><title>&#x2018;Harbor Lights&#x2019;: A Film Worth Seeing | The Wire"
        "</title></head><body><article><h1 class='headline' itemprop='headline'><span>"
        "<i>Harbor Lights</i>: A Film Worth Seeing</span></h1>"
        f"<p>{ENGLISH}</p></article></body></html>"
    )
    article = fetch_json(write(tmp_path / "review.html", page))
    assert article["title"] == "‘Harbor Lights’: A Film Worth Seeing"


def test_a_year_alone_read_as_new_years_day_is_no_date() -> None:
    """Engadget's April 2020 story and Refinery29's of December 2016 were dated 2020-01-01 and
    2022-01-01, their copyright years read as days, and every prompt told the model what was
    true as of then. A 1 January the page writes, or declares, stays."""
    from drafter.sources.dates import publication_date

    footer = "<html><body><p>Lyft extends free rides.</p><footer>© 2020 Verizon Media</footer>"
    assert publication_date(footer + "</body></html>", "2020-01-01") is None
    written = footer + "<p>Posted January 1, 2020</p></body></html>"
    assert publication_date(written, "2020-01-01") == "2020-01-01"
    declared = footer + '<script>{"datePublished": "2020-01-01T10:00:00Z"}</script></body></html>'
    assert publication_date(declared, "2020-01-01") == "2020-01-01"
    assert publication_date(footer + "</body></html>", "2020-04-15") == "2020-04-15"
