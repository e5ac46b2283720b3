"""Saved web pages: read as cleanly as a reader view (trafilatura's main text, the page's own
metadata), with the built-in reader as the fallback and a warning whenever a page gives less
than an article. The five pages are tests/local_web.py's."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from local_web import NAMES, expectation
from startup import modules_after, wh

from whitehall_cli.load import decoding, page_text
from whitehall_cli.load.page_meta import read_page_meta
from whitehall_cli.load.page_text import read_page
from whitehall_cli.parse.article import NO_BODY, parse_text

ROOT = Path(__file__).resolve().parent.parent


def _norm(text: str) -> str:
    return " ".join(text.split())


def _read(path: Path) -> tuple[Any, list[str]]:
    """A page read as the index reads it: its bytes (capped as a page's are), then parsed."""
    warnings: list[str] = []
    doc = parse_text(decoding.decode(decoding.read_bytes(path)), path.stem, str(path), warnings)
    return doc, warnings


@pytest.mark.parametrize("name", NAMES)
def test_page_metadata_is_the_pages_own(web_pages: Path, name: str) -> None:
    doc, warnings = _read(web_pages / f"{name}.html")
    expect = expectation(name)
    assert doc.title == expect["title"]
    assert doc.date == expect["date"]
    assert list(doc.authors) == expect["authors"]
    assert doc.url == expect["url"]
    assert doc.outlet == expect["outlet"]
    if "standfirst" in expect:
        assert doc.standfirst == expect["standfirst"]
    assert warnings == []


@pytest.mark.parametrize("name", NAMES)
def test_page_body_keeps_the_article_and_leaves_the_furniture(web_pages: Path, name: str) -> None:
    doc, _ = _read(web_pages / f"{name}.html")
    expect = expectation(name)
    body = _norm("\n".join(doc.paragraphs))
    for sentence in expect["keep"]:  # type: ignore[attr-defined]
        assert _norm(sentence) in body
    for boilerplate in expect["boilerplate"]:  # type: ignore[attr-defined]
        assert _norm(boilerplate) not in body
    short = [p for p in doc.paragraphs if len(p.split()) <= 4]
    assert len(short) <= 0.1 * len(doc.paragraphs)
    assert doc.title not in doc.paragraphs and doc.standfirst not in doc.paragraphs


def test_the_text_after_a_megabyte_of_script_is_read(web_pages: Path) -> None:
    raw = (web_pages / "bigscript.html").read_bytes()
    assert raw.find(b"The cost of employing") > decoding.MAX_ARTICLE_BYTES
    doc, warnings = _read(web_pages / "bigscript.html")
    assert doc.paragraphs[0].startswith("The cost of employing special advisers") and not warnings


def test_the_size_limit_cuts_the_text_not_the_scripts(web_pages: Path) -> None:
    page = read_page((web_pages / "bigscript.html").read_text(encoding="utf-8"), max_text_chars=600)
    assert 1 <= len(page.paragraphs) < 6
    assert page.warnings == ("article text cut at its first 600 characters",)


def test_one_paragraph_over_the_limit_is_cut_not_lost() -> None:
    text = "The committee heard evidence from officials about the leak. " * 40
    page = read_page(
        f"<html><body><article><p>{text}</p></article></body></html>", max_text_chars=600
    )
    [paragraph] = page.paragraphs
    assert 500 < len(paragraph) <= 600 and text.startswith(paragraph)
    assert page.warnings == ("article text cut at its first 600 characters",)


def test_a_script_over_ten_megabytes_does_not_hide_the_text(web_pages: Path) -> None:
    html = (web_pages / "drupal.html").read_text(encoding="utf-8")
    blob = '<script>window.__STATE__ = "' + "x" * 12_000_000 + '";</script>'
    page = read_page(html.replace("<body", blob + "<body", 1))
    assert len(page.paragraphs) == 6 and page.warnings == ()


def test_list_items_stay_and_menu_lines_go() -> None:
    html = (
        "<html><body><article><h1>Job cuts planned across six departments</h1>"
        "<p>The government has set out where the cuts to civil service posts will fall.</p>"
        "<ul><li>Cutting 12,000 posts across six departments</li><li>Pensions</li></ul>"
        "<p>Home</p><p>Gove said:</p><blockquote><p>\u201cNo.\u201d</p></blockquote>"
        "<p>The union said it would ballot members in every department affected.</p>"
        "</article></body></html>"
    )
    doc = parse_text(html, "x", "a.html")
    assert doc.paragraphs == (
        "The government has set out where the cuts to civil service posts will fall.",
        "Cutting 12,000 posts across six departments",
        "Gove said:",
        "\u201cNo.\u201d",
        "The union said it would ballot members in every department affected.",
    )


# --- failures: one warning, never a silent empty article -------------------------------------


def test_trafilatura_failing_falls_back_to_the_built_in_reader_with_one_warning(
    web_pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    doc, warnings = _read(web_pages / "newspaper.html")
    assert warnings == [
        "read with the built-in reader (trafilatura failed (RuntimeError: parser exploded))"
    ]
    assert doc.title == "Treasury leak inquiry widens to three departments"
    assert doc.authors == ("Priya Raman", "Owen Gallagher") and doc.date == "2024-04-22"
    assert any(p.startswith("An inquiry into the leaking of budget") for p in doc.paragraphs)


def test_a_page_without_text_is_a_warning_not_a_silent_empty_article() -> None:
    warnings: list[str] = []
    html = "<html><head><meta property='og:title' content='Empty'></head><body><nav><a>Hi</a></nav></body></html>"
    doc = parse_text(html, "x", "a.html", warnings)
    assert doc.title == "Empty" and doc.paragraphs == ()
    assert warnings == [
        "read with the built-in reader (trafilatura found no article text)",
        NO_BODY,
    ]


def test_the_index_names_the_file_of_each_warning_on_one_line(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from whitehall_cli.cli import main

    (tmp_path / "good.txt").write_bytes((ROOT / "data" / "000_43e921e2f7b47f56.txt").read_bytes())
    (tmp_path / "empty-page.html").write_text(
        "<html><head><title>Nothing</title></head><body></body></html>", encoding="utf-8"
    )
    with pytest.raises(SystemExit) as done:
        main(["--data", str(tmp_path), "index"])
    assert done.value.code == 0
    err = capfd.readouterr().err.splitlines()
    page = tmp_path / "empty-page.html"
    assert err == [
        f"wh: WARNING: {page}: read with the built-in reader (trafilatura found no article text)",
        f"wh: WARNING: {page}: {NO_BODY}",
    ]


def test_trafilatura_says_nothing_on_the_terminal(capfd: pytest.CaptureFixture[str]) -> None:
    root, handler = logging.getLogger(), logging.StreamHandler()
    level = root.level
    root.addHandler(handler)  # even with the root logger open to everything: no noise
    root.setLevel(logging.DEBUG)
    try:
        read_page("<html><head><title>Empty</title></head><body><nav>Hi</nav></body></html>")
        read_page("not a web page at all")
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    assert capfd.readouterr().err == ""


# --- start-up: nothing pays for trafilatura but a page read -----------------------------------


HEAVY = {"trafilatura", "lxml", "lxml.etree", "whitehall_cli.load.page_text"}


def test_importing_the_readers_imports_no_trafilatura() -> None:
    loaded = modules_after("import whitehall_cli.parse.article, whitehall_cli.load.page_text")
    assert "trafilatura" not in loaded and "lxml" not in loaded


@pytest.mark.parametrize("argv", [["--help"], ["search", "leaks"]])
def test_help_and_search_load_no_html_reader(argv: list[str]) -> None:
    modules_after(wh(["index"]))  # the index built first: a search then only reads it
    loaded = modules_after(wh(argv))
    html = {"whitehall_cli.load.page_meta", "whitehall_cli.load.declared"}
    assert not loaded & (HEAVY | html)
    assert "whitehall_cli.parse.article" not in loaded


# --- what a page says about itself (page_meta, json_ld) ---------------------------------------


def _page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_jsonld_authors_are_people_not_organisations() -> None:
    meta = read_page_meta(_page(_ld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Leak inquiry",
        "datePublished": "2024-04-22T18:04:33Z",
        "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bob Ray"},
                   {"@type": "Organization", "name": "Press Association"}],
        "publisher": {"@type": "Organization", "name": "The Courier"}})))  # fmt: skip
    assert meta.authors == ("Ann Lee", "Bob Ray")
    assert (meta.title, meta.date, meta.outlet) == ("Leak inquiry", "2024-04-22", "The Courier")


def test_jsonld_graph_with_id_references() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://x.example/a/", "url": "https://x.example/a/"},
        {"@type": ["Article", "BlogPosting"], "@id": "https://x.example/a/#article",
         "headline": "Ministers&#8217; code", "author": {"@id": "#p1"},
         "publisher": {"@id": "#org"}, "datePublished": "2023-11-20",
         "mainEntityOfPage": {"@id": "https://x.example/a/"}},
        {"@type": "Organization", "@id": "#org", "name": "Policy Notes"},
        {"@type": "Person", "@id": "#p1", "name": "Cara Dunne"}]}  # fmt: skip
    meta = read_page_meta(_page(_ld(graph)))
    assert meta.title == "Ministers\u2019 code"
    assert meta.authors == ("Cara Dunne",) and meta.outlet == "Policy Notes"
    assert meta.date == "2023-11-20" and meta.url == "https://x.example/a/"


def test_jsonld_string_author_in_a_list_of_nodes() -> None:
    meta = read_page_meta(_page(_ld([{"@type": "BreadcrumbList"}, {
        "@type": "ReportageNewsArticle", "headline": "Strike", "author": "By Dee Mann and Eli Roe"}])))  # fmt: skip
    assert meta.authors == ("Dee Mann", "Eli Roe") and meta.title == "Strike"


def test_broken_jsonld_is_repaired_or_passed_over() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
            '<meta property="og:title" content="From Open Graph">'
            '<meta name="author" content="Fay Gold">'
            '<meta property="article:published_time" content="2022-05-02T09:00:00+01:00">')  # fmt: skip
    meta = read_page_meta(_page(head))
    assert (meta.title, meta.authors, meta.date) == ("From Open Graph", ("Fay Gold",), "2022-05-02")
    head = ('<script type="application/ld+json"><!--\n{"@type": "NewsArticle", "headline": "Fixed",'
            ' "author": {"name": "Gus Hale"},}\n--></script>')  # fmt: skip
    assert read_page_meta(_page(head)).authors == ("Gus Hale",)


def test_no_names_from_related_cards_comments_or_sidebars() -> None:
    body = """
      <article class="story"><h1>Headline here</h1><p class="byline">By Ann Lee | 5 January 2024</p>
        <time datetime="2024-01-05T10:00:00Z">5 January</time><p>Text of the story.</p></article>
      <section class="related-stories"><div class="card"><h3>Other story</h3>
        <span class="byline">By Bob Ray</span><time datetime="2023-12-01">1 Dec</time></div></section>
      <div id="comments"><div class="comment-author vcard"><b class="fn">Cy Twelve</b></div></div>"""
    meta = read_page_meta(_page(body=body))
    assert meta.authors == ("Ann Lee",) and meta.date == "2024-01-05"
    assert meta.title == "Headline here"


def test_bylines_only_in_cards_and_asides_give_no_author() -> None:
    body = """<article><h1>Story</h1><p>Text.</p></article>
      <ul class="onward"><li><a href="/x">Other</a><div class="card__byline">Bob Ray</div></li></ul>
      <aside><p class="author">By Dan Kerr</p></aside>"""
    assert read_page_meta(_page(body=body)).authors == ()


def test_a_layout_class_on_the_page_is_not_a_sidebar() -> None:
    body = (
        '<div class="site-wrap has-sidebar with-comments"><div class="post">'
        '<p class="byline">By Ann Lee</p><time datetime="2024-02-07">7 Feb</time></div></div>'
    )
    page = (
        f'<!DOCTYPE html><html><head></head><body class="single has-sidebar">{body}</body></html>'
    )
    meta = read_page_meta(page)
    assert meta.authors == ("Ann Lee",) and meta.date == "2024-02-07"


def test_microdata_author_and_date() -> None:
    body = """<div itemscope itemtype="https://schema.org/NewsArticle">
      <meta itemprop="datePublished" content="2024-07-03T00:30:00+01:00">
      <h1 itemprop="headline">Pay bill</h1>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person">
        <span itemprop="name">Grace Adeyemi</span></span></div>"""
    meta = read_page_meta(_page(body=body))
    assert (meta.title, meta.date, meta.authors) == ("Pay bill", "2024-07-03", ("Grace Adeyemi",))


def test_author_addresses_and_handles_are_not_names() -> None:
    head = ('<meta property="article:author" content="https://x.example/profile/ann">'
            '<meta name="author" content="@newsdesk">')  # fmt: skip
    assert read_page_meta(_page(head)).authors == ()


def test_a_written_date_is_handed_to_the_parser_as_written() -> None:
    head = '<meta name="date" content="Mon 22 Apr 2024 19.04 BST">'
    assert read_page_meta(_page(head)).date == "Mon 22 Apr 2024 19.04 BST"
    html = _page(
        head,
        "<article><p>"
        + "The inquiry has been widened to three departments. " * 9
        + "</p></article>",
    )
    assert parse_text(html, "x", "a.html").date == "2024-04-22"


def test_the_title_loses_the_outlets_name() -> None:
    head = ('<title>Ballot opens | News | Union of Staff</title>'
            '<meta property="og:site_name" content="Union of Staff">')  # fmt: skip
    assert read_page_meta(_page(head)).title == "Ballot opens | News"


def test_a_malformed_marked_section_does_not_stop_the_metadata() -> None:
    html = _page('<meta property="og:title" content="Still read">', "<![ broken <p>x</p>")
    assert read_page_meta(html).title == "Still read"


def test_a_name_trafilatura_offers_is_kept_only_when_the_article_shows_it() -> None:
    from whitehall_cli.load.page_meta import PageMeta

    shown = PageMeta(article_text="By Ann Lee. Text of the story.")
    assert page_text._vetted("Ann Lee; Bob Ray", shown) == ["Ann Lee"]
    assert page_text._vetted("Ann Lee", PageMeta()) == []


MORE = ROOT / "tests" / "pages" / "more"


@pytest.mark.parametrize("page", sorted(MORE.glob("*.html")), ids=lambda p: p.stem)
def test_pages_shaped_like_real_sites_read_like_a_reader_view(page: Path) -> None:
    doc, warnings = _read(page)
    expect = json.loads(page.with_name(f"{page.stem}.expect.json").read_text(encoding="utf-8"))
    read = (doc.title, doc.date, list(doc.authors), doc.url, doc.outlet)
    assert read == (
        expect["title"],
        expect["date"],
        expect["authors"],
        expect["url"],
        expect["outlet"],
    )
    body = _norm("\n".join(doc.paragraphs))
    assert [s for s in expect["keep"] if _norm(s) not in body] == []
    assert [s for s in expect["boilerplate"] if _norm(s) in body] == []
    assert sum(len(p.split()) <= 4 for p in doc.paragraphs) <= 0.1 * len(doc.paragraphs)
    assert warnings == []
