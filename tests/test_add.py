"""`wh add URL|FILE...`: fetching (against a local server on 127.0.0.1, tests/local_web.py),
saving as Markdown with front matter that reads back as written, never overwriting, and the
command as users meet it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st
from local_web import NAMES, TEST_CAP, expectation
from test_cli import run

from whitehall_cli import __version__
from whitehall_cli.errors import FetchError, ReadOnlyCorpus
from whitehall_cli.load import corpus, fetch, save
from whitehall_cli.load.corpus import Corpus, bundled_root, resolve_corpus
from whitehall_cli.load.declared import read_front_matter, write_front_matter
from whitehall_cli.load.fetch import (
    BadURL,
    FetchTimeout,
    HTTPStatusError,
    NotHTML,
    TooLarge,
    TooManyRedirects,
    Unreachable,
)
from whitehall_cli.load.listing import listing_reason
from whitehall_cli.models import Document
from whitehall_cli.parse.article import parse_text

WH = Path(sys.executable).with_name("wh")


def get(url: str, timeout: float = 5.0) -> fetch.Fetched:
    return fetch.fetch(url, timeout=timeout, max_bytes=TEST_CAP)


def refused_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
        return f"http://127.0.0.1:{sock.getsockname()[1]}/story"


# --- fetching -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_pages_are_fetched_whole(web: str, web_pages: Path, name: str) -> None:
    page = get(f"{web}/pages/{name}.html")
    assert page.text == (web_pages / f"{name}.html").read_text(encoding="utf-8")
    assert (page.charset, page.content_type) == ("utf-8", "text/html")


def test_redirects_are_followed_and_the_final_address_reported(web: str) -> None:
    assert get(f"{web}/redirect").url == f"{web}/pages/newspaper.html"
    assert get(f"{web}/hop/5").url == f"{web}/pages/drupal.html"


def test_redirects_are_capped_and_loops_caught(web: str) -> None:
    with pytest.raises(TooManyRedirects, match="more than 5 redirects"):
        get(f"{web}/hop/6")
    with pytest.raises(TooManyRedirects, match="loop"):
        get(f"{web}/loop")


def test_a_redirect_to_another_scheme_is_refused(web: str) -> None:
    with pytest.raises(BadURL, match="ftp://"):
        get(f"{web}/to-ftp")


def test_a_404_is_one_line_naming_the_address(web: str) -> None:
    with pytest.raises(HTTPStatusError) as e:
        get(f"{web}/nowhere")
    assert str(e.value) == f"{web}/nowhere: HTTP 404 Not Found"


def test_what_is_not_a_web_page_is_refused(web: str) -> None:
    with pytest.raises(NotHTML, match=r"not a web page \(application/pdf\)"):
        get(f"{web}/pdf")


def test_the_size_cap_holds_declared_or_not(web: str) -> None:
    with pytest.raises(TooLarge, match="over the 3,000,000 cap"):
        get(f"{web}/big")
    with pytest.raises(TooLarge, match="byte cap"):
        get(f"{web}/big-undeclared")


def test_a_slow_server_times_out(web: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchTimeout, match="no answer within 0.3 s"):
        get(f"{web}/slow", timeout=0.3)
    assert time.monotonic() - start < 1.2


def test_the_charset_comes_from_the_header_or_the_page(web: str) -> None:
    assert "Caf\u00e9 \u2013 \u00a3140 \u201cquoted\u201d" in get(f"{web}/cp1252").text
    page = get(f"{web}/meta-charset")
    assert "Caf\u00e9" in page.text and page.charset == "cp1252"


def test_a_gzipped_page_is_unpacked(web: str, web_pages: Path) -> None:
    assert get(f"{web}/gzip").text == (web_pages / "govuk.html").read_text(encoding="utf-8")


def test_the_user_agent_names_wh_and_its_version(web: str) -> None:
    assert f"wh/{__version__} (whitehall-cli" in get(f"{web}/ua").text


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)", "http://"]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(BadURL, match="not an http or https address"):
        fetch.fetch(url)


def test_a_refused_connection_is_unreachable() -> None:
    with pytest.raises(Unreachable) as e:
        fetch.fetch(refused_url(), timeout=2)
    assert "\n" not in str(e.value) and "cannot connect" in str(e.value)


# --- saving -------------------------------------------------------------------------------


def _doc(**changes: object) -> Document:
    fields: dict[str, object] = {
        "id": "", "path": "", "title": "Leak inquiry: what \u201cwe\u201d know",
        "standfirst": "Three departments are now part of it.", "date": "2024-04-22",
        "outlet": "The Daily Ledger", "authors": ("Priya Raman", "Owen Gallagher"),
        "url": "https://x.example/a",
        "paragraphs": (
            "The inquiry into the budget leak now covers three government departments.",
            "Officials have been told to keep every message until it is over.",
        ),
    }  # fmt: skip
    fields.update(changes)
    return Document(**fields)  # type: ignore[arg-type]


def test_slugs_are_ascii_short_and_cut_at_a_word() -> None:
    assert save.slugify("Ministers\u2019 code: what\u2019s changed? \u00c9t\u00e9 review") == (
        "ministers-code-whats-changed-ete-review"
    )
    long = save.slugify("word " * 40)
    assert len(long) <= save.SLUG_CHARS and long.startswith("word-word") and long[-1] != "-"
    assert save.slugify("\u2014\u2014") == "article" and save.slugify(None) == "article"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Treasury leak inquiry widens to three departments",
            "treasury-leak-inquiry-widens-to-three",
        ),
        (  # a dangling "of" (or "the", "to", "who" ...) goes with the cut
            "Ministers will be told to keep all of the messages for the inquiry",
            "ministers-will-be-told-to-keep-all",
        ),
        (
            "New protections for civil servants who report wrongdoing",
            "new-protections-for-civil-servants",
        ),
        ("Supercalifragilisticexpialidocious" * 3, "supercalifragilisticexpialidocioussuperc"),
        ("Union ballots members over pay offer", "union-ballots-members-over-pay-offer"),
    ],
)
def test_slugs_are_at_most_40_characters_cut_at_a_word(title: str, slug: str) -> None:
    assert save.slugify(title) == slug and len(slug) <= 40


def test_titles_alike_in_their_first_40_characters_get_names_of_their_own(
    tmp_path: Path,
) -> None:
    first = _doc(title="Treasury leak inquiry widens to three departments")
    second = _doc(title="Treasury leak inquiry widens to three more departments in May")
    one, _ = save.write_article(tmp_path, first, first.url)
    two, created = save.write_article(tmp_path, second, second.url)
    assert created and one.name == "2024-04-22-treasury-leak-inquiry-widens-to-three.md"
    assert two.name == "2024-04-22-treasury-leak-inquiry-widens-to-three-2.md"


@pytest.mark.parametrize(
    "title",
    ["Plain title", "Leak: what we know", "- starts with a dash", "#hashtag", 'He said "no"',
     "Ends with a colon:", "it's [odd], {really}", "trailing # hash", "   spaced   out  ",
     "No", "null", "2024", "1.5", "12,000 jobs", "0x1F", "12:30", "2024-04-22"],
)  # fmt: skip
def test_front_matter_reads_back_as_written(title: str) -> None:
    fields: dict[str, str | list[str] | None] = {
        "title": title, "date": "2024-04-22", "authors": ["Ann Lee", "Zo\u00eb O'Neill"],
        "url": "https://x.example/a?b=1#c", "outlet": "The Ledger: Politics",
    }  # fmt: skip
    front, start = read_front_matter(write_front_matter(fields).split("\n"))
    assert front == {**fields, "title": " ".join(title.split())}
    assert start == 7


_VALUE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).map(
    lambda t: " ".join(t.split())
)


@settings(max_examples=300)
@given(_VALUE, _VALUE, st.lists(_VALUE.filter(bool), max_size=3))
def test_any_front_matter_reads_back_as_written(
    title: str, outlet: str, authors: list[str]
) -> None:
    fields: dict[str, str | list[str] | None] = {
        "title": title,
        "outlet": outlet,
        "authors": authors,
    }
    front, _ = read_front_matter(write_front_matter(fields).split("\n"))
    assert front == {k: v for k, v in fields.items() if v}


def test_an_article_is_saved_as_markdown_named_by_date_and_title(tmp_path: Path) -> None:
    path, created = save.write_article(tmp_path, _doc(), "https://x.example/a")
    assert created and path.name == "2024-04-22-leak-inquiry-what-we-know.md"
    text = path.read_text(encoding="utf-8")
    assert text.endswith(
        "---\n\nThe inquiry into the budget leak now covers three government"
        " departments.\n\nOfficials have been told to keep every message until it is over.\n"
    )
    assert read_front_matter(text.split("\n"))[0]["authors"] == ["Priya Raman", "Owen Gallagher"]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    assert save.write_article(tmp_path, _doc(date=None), None)[0].name.startswith("undated-")


def test_a_saved_article_reads_back_as_the_same_document(tmp_path: Path) -> None:
    doc = _doc()
    path, _ = save.write_article(tmp_path, doc, doc.url)
    again = parse_text(path.read_text(encoding="utf-8"), "", str(path))
    for field in ("title", "standfirst", "date", "outlet", "authors", "url", "paragraphs"):
        assert getattr(again, field) == getattr(doc, field), field


def test_nothing_is_ever_overwritten(tmp_path: Path) -> None:
    first, _ = save.write_article(tmp_path, _doc(), "https://x.example/1")
    before = first.read_bytes()
    second, created = save.write_article(tmp_path, _doc(), "https://x.example/2")
    assert created and second.name == "2024-04-22-leak-inquiry-what-we-know-2.md"
    same, created = save.write_article(tmp_path, _doc(), "https://x.example/1")
    assert not created and same == first and first.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 2


def test_addresses_compare_without_scheme_slash_or_fragment() -> None:
    key = save.url_key("https://X.example/a/b/")
    assert (
        key == save.url_key("http://x.example/a/b#top") == save.url_key("https://x.example:443/a/b")
    )
    assert key != save.url_key("https://x.example/a/b?page=2")


def test_the_bundled_articles_are_read_only() -> None:
    with pytest.raises(ReadOnlyCorpus, match="--data DIR or \\$WH_DATA"):
        save.writable_folder(Corpus(bundled_root(), bundled=True))


# --- what is not an article -----------------------------------------------------------------

FILES = ("budget-2024.pdf", "annex-a.xlsx", "notes.txt", "images/", "README.md", "page.html")


@pytest.mark.parametrize(
    ("title", "paragraphs"),
    [
        ("Index of /reports", ["Name Last modified Size Description", "Parent Directory -"]),
        ("Index of /files/", ["../", *FILES]),
        ("Directory listing for /", [" ".join(FILES)]),  # what http.server's list reads as
        ("Downloads", list(FILES)),
        ("Downloads", ["Every file of the 2024 spending review is here.", *FILES * 8]),
        ("Latest news", ["Treasury leak inquiry widens", "Union ballots members over pay"]),
    ],
)
def test_what_reads_as_a_list_of_links(title: str, paragraphs: list[str]) -> None:
    assert listing_reason(title, paragraphs) is not None


@pytest.mark.parametrize(
    ("title", "paragraphs"),
    [
        ("Minister resigns", ["The minister resigned. He said he was sorry."]),
        ("Index of civil service morale falls", ["The index fell for a third year, to 61."]),
        (
            "Spending review: the documents",
            [
                "The Treasury published the review's documents on Tuesday. Departments have"
                " until June to answer, and the figures will be revised in the autumn.",
                *FILES,
            ],
        ),
        ("Q&A", ["What changes?", "Very little, officials say.", "Who is covered?", "All staff."]),
    ],
)
def test_short_articles_are_not_lists_of_links(title: str, paragraphs: list[str]) -> None:
    assert listing_reason(title, paragraphs) is None


ARTICLES = sorted([*DATA.glob("*.txt"), *(Path(__file__).parent / "corpus").glob("*.txt")])


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_real_article_reads_as_a_list_of_links(path: Path) -> None:
    doc = parse_text(path.read_text(encoding="utf-8"), "", str(path))
    assert listing_reason(doc.title, doc.paragraphs) is None


# --- adding: fetch, read, save ------------------------------------------------------------


def add(source: str, folder: Path, known: dict[str, Path] | None = None) -> save.Added:
    return save.add_source(source, folder, parse_text, {} if known is None else known, timeout=5)


@pytest.mark.parametrize("name", NAMES)
def test_an_added_page_reads_back_as_the_page_did(
    web: str, web_pages: Path, tmp_path: Path, name: str
) -> None:
    added = add(f"{web}/pages/{name}.html", tmp_path)
    assert added.created and added.warnings == ()
    page = parse_text((web_pages / f"{name}.html").read_text(encoding="utf-8"), "", "p.html")
    saved = parse_text(Path(added.path).read_text(encoding="utf-8"), "", added.path)
    for field in ("title", "standfirst", "date", "outlet", "authors", "url", "paragraphs"):
        assert getattr(saved, field) == getattr(page, field), field
    expect = expectation(name)
    assert list(saved.authors) == expect["authors"] and saved.url == expect["url"]


def test_the_same_address_again_changes_nothing(web: str, tmp_path: Path) -> None:
    known: dict[str, Path] = {}
    first = add(f"{web}/pages/newspaper.html", tmp_path, known)
    assert first.created
    assert Path(first.path).name == "2024-04-22-treasury-leak-inquiry-widens-to-three.md"
    again = add(f"{web}/redirect", tmp_path, known)  # another address, the same canonical one
    assert not again.created and again.path == first.path
    assert not add(f"{web}/pages/newspaper.html", tmp_path, known).created
    assert len(list(tmp_path.iterdir())) == 1


def test_a_known_address_is_not_even_fetched(tmp_path: Path) -> None:
    url = refused_url()  # nothing listens there: a fetch would fail
    known = save.address_book([(url, tmp_path / "already.md")])
    added = add(url, tmp_path, known)
    assert not added.created and added.path == str(tmp_path / "already.md")


def test_a_saved_page_file_is_added_the_same_way(web_pages: Path, tmp_path: Path) -> None:
    added = add(str(web_pages / "govuk.html"), tmp_path)
    assert added.created and added.url == expectation("govuk")["url"]
    assert Path(added.path).name == "2024-03-12-new-protections-for-civil-servants.md"


def test_a_page_without_article_text_is_not_added(web: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="no article text found"):
        add(f"{web}/empty", tmp_path)
    with pytest.raises(FetchError, match="no such file, nor an http or https address"):
        add("www.example.org/story", tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/files/", "titled 'Directory listing for /files/'"),
        ("/latest", "0 of its 7 words are in sentences"),
    ],
)
def test_a_list_of_links_is_not_added(web: str, tmp_path: Path, path: str, why: str) -> None:
    with pytest.raises(FetchError) as e:
        add(f"{web}{path}", tmp_path)
    assert str(e.value) == (
        f"{web}{path}: a list of links or file names ({why}), not an article, so it was not added"
    )
    assert list(tmp_path.iterdir()) == []


def test_wh_add_refuses_a_folder_listing_in_one_line(web: str, tmp_path: Path) -> None:
    code, out, err = run("--data", str(tmp_path), "add", f"{web}/files/")
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"wh: error: {web}/files/: a list of links or file names")
    assert list(tmp_path.iterdir()) == []


# --- the command --------------------------------------------------------------------------


def test_wh_add_then_again_then_a_bad_address(web: str, tmp_path: Path) -> None:
    code, out, err = run("--data", str(tmp_path), "add", f"{web}/pages/newspaper.html")
    saved = tmp_path / "2024-04-22-treasury-leak-inquiry-widens-to-three.md"
    assert (code, err) == (0, "") and out.startswith(f"added {saved}")
    code, out, err = run("--data", str(tmp_path), "add", f"{web}/pages/newspaper.html")
    assert (code, err) == (0, "") and out.startswith(f"already in the corpus: {saved}")
    bad = refused_url()
    code, out, err = run("--data", str(tmp_path), "add", bad)
    assert code == 2 and out == ""
    assert err.splitlines() == [f"wh: error: {bad}: cannot connect (Connection refused)"]
    code, out, err = run("--data", str(tmp_path), "add", "ftp://example.org/x")
    assert code == 2 and err == "wh: error: ftp://example.org/x: not an http or https address\n"
    assert [p.name for p in tmp_path.iterdir()] == [saved.name]


def test_wh_add_indexes_what_it_added(web: str, tmp_path: Path) -> None:
    code, out, _ = run(
        "--data", str(tmp_path), "add", f"{web}/pages/govuk.html", f"{web}/nowhere", "--json"
    )
    assert code == 2  # one of the two failed, the other was added
    added, _failed = json.loads(out)
    assert added["added"] is True and added["path"].endswith(".md")
    code, out, _ = run("--data", str(tmp_path), "docs", "--json")
    [doc] = json.loads(out)
    assert doc["title"] == "New protections for civil servants who report wrongdoing"
    assert doc["outlet"] == "GOV.UK" and doc["date"] == "2024-03-12"


def test_wh_add_json_says_what_became_of_each_source_failures_too(web: str, tmp_path: Path) -> None:
    page, missing, bad = f"{web}/pages/govuk.html", f"{web}/nowhere", refused_url()
    code, out, err = run("--data", str(tmp_path), "add", page, missing, page, bad, "--json")
    assert code == 2  # some could not be added; the others still were
    records = json.loads(out)
    assert [r["source"] for r in records] == [page, missing, page, bad]
    assert [r["added"] for r in records] == [True, False, False, False]
    assert [r["error"] for r in records[:3]] == [None, f"{missing}: HTTP 404 Not Found", None]
    assert records[3]["error"].startswith(f"{bad}: cannot connect")
    assert records[1]["path"] is None and records[2]["path"] == records[0]["path"]
    assert all(set(r) == set(records[0]) for r in records)  # one shape, whatever became of it
    assert err.splitlines() == [
        f"wh: error: {records[1]['error']}",
        f"wh: error: {records[3]['error']}",
    ]


def test_wh_add_exits_0_only_when_every_source_is_in_the_corpus(web: str, tmp_path: Path) -> None:
    page = f"{web}/pages/govuk.html"
    assert run("--data", str(tmp_path), "add", page)[0] == 0
    assert run("--data", str(tmp_path), "add", page, page)[0] == 0  # already there: fine
    code, out, _ = run("--data", str(tmp_path), "add", f"{web}/nowhere", "--json")
    assert code == 2 and [r["added"] for r in json.loads(out)] == [False]


def test_wh_add_refuses_the_bundled_articles(web: str) -> None:
    before = sorted(p.name for p in bundled_root().iterdir())
    code, out, err = run("add", f"{web}/pages/govuk.html")
    assert code == 2 and out == ""
    assert err.startswith("wh: error: the bundled articles are read-only") and "--data" in err
    assert sorted(p.name for p in bundled_root().iterdir()) == before


@pytest.fixture
def bundled_untouched() -> Iterator[Path]:
    """The bundled articles' folder; fails a test that leaves a file in it (and removes it)."""
    root = bundled_root()
    before = set(root.iterdir())
    yield root
    after = set(root.iterdir())
    for path in after - before:
        path.unlink()
    assert after == before, f"written into the bundled articles: {sorted(after - before)}"


@pytest.mark.parametrize("how", ["repo data/", "trailing slash", "WH_DATA", "a link to it"])
def test_wh_add_refuses_the_bundled_articles_by_any_path(
    web: str, tmp_path: Path, bundled_untouched: Path, how: str
) -> None:
    if bundled_untouched.resolve() != DATA.resolve():
        pytest.skip("not an editable install: data/ is not the bundled articles")
    link = tmp_path / "articles"
    link.symlink_to(DATA, target_is_directory=True)
    data, env = {
        "repo data/": (str(DATA), None),
        "trailing slash": (f"{DATA}{os.sep}.{os.sep}", None),
        "WH_DATA": (None, {"WH_DATA": str(DATA)}),
        "a link to it": (str(link), None),
    }[how]
    args = ["--data", data] if data else []
    code, out, err = run(*args, "add", f"{web}/pages/govuk.html", env=env)
    assert code == 2 and out == ""
    assert err.startswith("wh: error: the bundled articles are read-only") and "--data" in err
    assert len(err.splitlines()) == 1


def test_the_installed_packages_articles_are_the_bundled_ones_by_any_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "site-packages" / "whitehall_cli" / "corpus"
    packaged.mkdir(parents=True)
    (tmp_path / "link").symlink_to(packaged.parent, target_is_directory=True)
    monkeypatch.setattr(corpus, "bundled_root", lambda: packaged)
    for folder in (packaged, tmp_path / "link" / "corpus", packaged / ".." / "corpus"):
        with pytest.raises(ReadOnlyCorpus):
            save.writable_folder(resolve_corpus(folder))
    (tmp_path / "mine").mkdir()
    assert save.writable_folder(resolve_corpus(tmp_path / "mine")) == tmp_path / "mine"


def test_installed_wh_add_against_the_local_server(web: str, tmp_path: Path) -> None:
    env = {"WH_DATA": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / ".cache"), "NO_COLOR": "1"}
    p = subprocess.run(
        [str(WH), "add", f"{web}/pages/wordpress.html"], capture_output=True, text=True, env=env
    )
    assert p.returncode == 0, p.stderr
    assert (
        p.stdout.startswith("added ")
        and "/2024-05-14-what-the-new-adviser-on-ministers.md " in p.stdout
    )
