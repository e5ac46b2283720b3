"""No article is ever lost: every stage runs on any article-shaped text without raising, and
when one fails all the same the article is indexed with its text and metadata, and the
failure is one warning naming it."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from whitehall_cli import pipeline
from whitehall_cli.cli import main
from whitehall_cli.index import parsing, schema
from whitehall_cli.index.changes import ToParse
from whitehall_cli.index.store import Index
from whitehall_cli.index.writing import Writer
from whitehall_cli.load.corpus import Corpus, Seen
from whitehall_cli.load.decoding import decode
from whitehall_cli.models import Document
from whitehall_cli.parse.article import parse_text
from whitehall_cli.pipeline import analyse

# The smallest article that used to be lost (issue 13): a headline, a date and one short
# paragraph, which the parser reads as the standfirst, so the body has no paragraph at all.
ONE_PARAGRAPH = 'Union rejects pay offer\n\n12 May 2023\n\nJane Okafor said: "We will fight it."\n'


def test_the_one_paragraph_under_a_headline_and_date_is_the_body() -> None:
    analysis = analyse(parse_text(ONE_PARAGRAPH, "a"))
    assert analysis.document.paragraphs == ('Jane Okafor said: "We will fight it."',)
    assert [(q.text, q.speaker) for q in analysis.quotes] == [("We will fight it.", "Jane Okafor")]


def test_quotes_of_an_article_with_no_body_paragraph() -> None:
    doc = Document(
        "a", "", "Union rejects pay offer", 'Jane Okafor said: "We will fight it."',
        "2023-05-12", None, (), None, (),
    )  # fmt: skip
    assert [(q.text, q.speaker, q.location) for q in analyse(doc).quotes] == [
        ("We will fight it.", "Jane Okafor", "standfirst")
    ]


def test_quotes_of_an_article_with_one_body_paragraph() -> None:
    text = (
        'Union rejects pay offer\n\nThe union said it would strike. "We will fight it," it said.\n'
    )
    doc = parse_text(text, "a")
    assert len(doc.paragraphs) + (doc.standfirst is not None) == 1
    assert [q.text for q in analyse(doc).quotes] == ["We will fight it,"]


def test_a_title_modifier_as_the_last_word_of_a_text_is_not_a_name() -> None:
    # "Assistant" may open a title ("Assistant Director ..."): at the very end of a text
    # there is no next word to look at
    for text in (
        "Headline here\n\nThe memo was signed by the Director Assistant",
        "Headline here\n\nThe post goes to the new Deputy Principal",
    ):
        assert analyse(parse_text(text, "x")).cast.people == ()


# --- a stage that fails loses only its own part ------------------------------------------
STRIKE = (
    "Passport staff to strike\n\n"
    "Civil Service World\n\n"
    "12 May 2023\n\n"
    "Passport office staff will walk out for five weeks from April over pay, the union said.\n\n"
    'PCS general secretary Harriet Ndlovu said: "Nobody takes this decision lightly."\n'
)
OTHER = "Jobs cut at the Cabinet Office\n\nThe Cabinet Office will cut 500 jobs by next spring, officials said.\n"


def run(*args: str) -> tuple[int, str, str]:
    """`wh ARGS` through main(), as users run it (exit status, stdout, stderr)."""
    with CliRunner().isolation() as (out, err, _):
        try:
            main(list(args))
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 0
        else:
            code = 0
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue().decode(), err.getvalue().decode()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "strike.txt").write_text(STRIKE, encoding="utf-8")
    (root / "other.txt").write_text(OTHER, encoding="utf-8")
    return root


def fail_on_strike(real: Callable[..., Any]) -> Callable[..., Any]:
    def failing(doc: Document, *rest: Any) -> Any:
        if doc.id == "strike":
            raise ValueError("a rule tripped")
        return real(doc, *rest)

    return failing


def warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if "WARNING" in line]


def assert_still_indexed(root: Path) -> dict[str, Any]:
    """The article is listed, found by a word of its body, and shown with its paragraphs."""
    code, out, _ = run("--data", str(root), "docs", "--json")
    assert code == 0 and sorted(d["id"] for d in json.loads(out)) == ["other", "strike"]
    code, out, _ = run("--data", str(root), "search", "walk", "--json")
    assert code == 0 and [h["document"] for h in json.loads(out)] == ["strike"]
    code, out, _ = run("--data", str(root), "show", "strike", "--json")
    assert code == 0
    shown: dict[str, Any] = json.loads(out)
    assert shown["title"] == "Passport staff to strike" and shown["date"] == "2023-05-12"
    assert len(shown["paragraphs"]) == 2
    return shown


def test_an_article_the_quotes_stage_fails_on_keeps_its_text_and_people(
    articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "find_quotes", fail_on_strike(pipeline.find_quotes))
    code, _, err = run("--data", str(articles), "index")
    assert code == 0
    [warning] = warnings(err)
    assert "strike.txt" in warning and "without its quotations" in warning
    assert "ValueError: a rule tripped" in warning and "Traceback" not in err
    shown = assert_still_indexed(articles)
    assert shown["quotes"] == [] and [p["name"] for p in shown["people"]] == ["Harriet Ndlovu"]


def test_an_article_the_entities_stage_fails_on_keeps_its_text_and_quotations(
    articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "find_cast", fail_on_strike(pipeline.find_cast))
    code, _, err = run("--data", str(articles), "index")
    assert code == 0
    [warning] = warnings(err)
    assert "strike.txt" in warning and "without its people and bodies" in warning
    shown = assert_still_indexed(articles)
    assert shown["people"] == [] and shown["bodies"] == []
    assert [q["text"] for q in shown["quotes"]] == ["Nobody takes this decision lightly."]
    # its words still feed "did you mean"
    code, _, err = run("--data", str(articles), "search", "pasport")
    assert code == 0 and "'passport'" in err


def test_an_article_whose_page_cannot_be_read_is_kept_as_plain_text(
    articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from whitehall_cli.parse import article

    monkeypatch.setattr(article, "parse_text", fail_on_strike_text(article.parse_text))
    code, _, err = run("--data", str(articles), "index")
    assert code == 0
    [warning] = warnings(err)
    assert "strike.txt" in warning and "without its headline, date and byline" in warning
    code, out, _ = run("--data", str(articles), "show", "strike", "--json")
    shown = json.loads(out)
    assert shown["title"] is None and shown["paragraphs"][0] == "Passport staff to strike"
    assert [q["speaker"] for q in shown["quotes"]] == ["Harriet Ndlovu"]


def fail_on_strike_text(real: Callable[..., Document]) -> Callable[..., Document]:
    def failing(
        text: str, doc_id: str, path: str = "", warnings: list[str] | None = None
    ) -> Document:
        if doc_id == "strike":
            raise ValueError("a rule tripped")
        return real(text, doc_id, path, warnings)

    return failing


def test_index_verbose_shows_what_failed(articles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "find_quotes", fail_on_strike(pipeline.find_quotes))
    for args in (["index", "-v"], ["-v", "index", "--rebuild"]):
        code, _, err = run("--data", str(articles), *args)
        assert code == 0
        assert "Traceback (most recent call last)" in err and "a rule tripped" in err
        assert "strike.txt" in err


def test_the_stage_failure_is_kept_in_the_files_table(
    articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "find_quotes", fail_on_strike(pipeline.find_quotes))
    with Index.open(Corpus(root=articles)) as ix:
        assert ix.stats().documents == 2 and ix.stats().problems == 0
        rows = dict(ix.conn.execute("SELECT id, problem FROM files"))
    assert rows["other"] is None and "ValueError: a rule tripped" in rows["strike"]


# --- every annotated article, cut at every paragraph boundary ----------------------------
TESTS = Path(__file__).resolve().parent
# Real articles (not ours to copy) in ../shared/polnear beside the project, read only when
# they are there (a git worktree of the project under ../wt/ sits one folder deeper).
POLNEAR = next(
    (
        folder / "shared" / "polnear" / "docs"
        for folder in (TESTS.parent.parent, TESTS.parent.parent.parent)
        if (folder / "shared" / "polnear" / "docs").is_dir()
    ),
    TESTS.parent.parent / "shared" / "polnear" / "docs",
)
ANNOTATED = {
    "seeds": TESTS.parent / "data",
    "corpus": TESTS / "corpus",
    "fresh": TESTS / "fresh",
    "encodings": TESTS / "corpus_encodings",
}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def cut_at_every_paragraph(folder: Path) -> list[tuple[str, str]]:
    """(id, text) of each article's first paragraph, first two, ... up to the whole."""
    pieces = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        blocks = PARAGRAPH_BREAK.split(decode(path.read_bytes()).strip())
        for k in range(1, len(blocks) + 1):
            pieces.append((f"{path.stem}-{k:03d}{path.suffix}", "\n\n".join(blocks[:k]) + "\n"))
    return pieces


def index_in_process(pieces: list[tuple[str, str]], root: Path) -> tuple[list[str], int]:
    """Index the texts as a build does (each one a file, parsed by the index's own parse step,
    in its worker pool when there are many, stored by its writer) into an index in memory;
    the problems met and how many articles the index holds."""
    root.mkdir(parents=True, exist_ok=True)
    todo = []
    seen = {}
    for name, text in pieces:
        path = root / name
        path.write_text(text, encoding="utf-8")
        doc_id = path.stem
        todo.append(ToParse(doc_id, str(path), None))
        seen[doc_id] = Seen(str(path), len(text), 0)
    conn = sqlite3.connect(":memory:")
    conn.executescript(schema.SCHEMA)
    problems = []
    results = []
    for result in parsing.parse_all(todo, None):
        if isinstance(result, parsing.Problem):
            problems.append(f"{result.doc_id}: {result.message}")
        elif isinstance(result, parsing.Parsed) and result.problem:
            problems.append(f"{result.doc_id}: {result.problem}\n{result.detail}")
        results.append(result)
    Writer(conn, full_build=True).write_all(results, seen)
    indexed = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    return problems, indexed


@pytest.mark.parametrize("name", sorted(ANNOTATED))
def test_every_annotated_article_cut_short_is_indexed_whole(name: str, tmp_path: Path) -> None:
    pieces = cut_at_every_paragraph(ANNOTATED[name])
    problems, indexed = index_in_process(pieces, tmp_path / name)
    assert problems == []
    assert indexed == len(pieces) > 0


@pytest.mark.polnear
@pytest.mark.skipif(not POLNEAR.is_dir(), reason="../shared/polnear is not here")
def test_every_polnear_article_cut_short_is_indexed_whole(tmp_path: Path) -> None:
    # ~13,500 pieces of 693 real articles: about a minute on two cores (`-m "not polnear"`
    # leaves it out)
    pieces = cut_at_every_paragraph(POLNEAR)
    problems, indexed = index_in_process(pieces, tmp_path / "polnear")
    assert problems[:5] == []
    assert indexed == len(pieces) > 0


# --- article-shaped text from hypothesis -------------------------------------------------
GIVEN = st.sampled_from(["Jane", "Tom", "Harriet", "Priya", "Kwame", "Siobhan", "Zoë", "Owen"])
SURNAME = st.sampled_from(
    ["Okafor", "Reddy", "Ndlovu", "O'Brien", "Rees-Mogg", "van der Berg", "May", "Case"]
)
TITLE = st.sampled_from(
    [
        "",
        "General Secretary ",
        "Assistant General Secretary ",
        "Permanent Secretary ",
        "Home Secretary ",
        "Chief Executive ",
        "Labour MP ",
        "Shadow Chancellor ",
        "PCS general secretary ",
        "the cabinet secretary, ",
        "Sir ",
        "Dame ",
        "Dr ",
        "Lord ",
    ]
)
BODY = st.sampled_from(
    [
        "the Cabinet Office",
        "The Department for Work and Pensions and Care Quality Commission",
        "the Equality and Human Rights Commission",
        "the FDA union",
        "PCS",
        "HM Revenue and Customs (HMRC)",
        "the Institute for Government",
        "the Home Office and HM Passport Office",
    ]
)
WORD = st.sampled_from(
    "the we will fight it pay offer strike minister quits said told MPs Whitehall leak "
    "inquiry and but not It's members' don't £500m 10% — … ( ) ; ? ! , . : he she added".split()
)
# Quotation marks in every style: straight, curly, single (also beside apostrophes).
MARKS = st.sampled_from([('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("'", "'")])
# Any character a text file may hold (a NUL makes it binary, and so not an article).
TEXT_CHARS = st.characters(blacklist_categories=("Cs", "Cc"))
DATE_LINE = st.sampled_from(
    [
        "12 May 2023",
        "2023-05-12",
        "Tuesday 14 March 2023",
        "13/07/2023 14:05",
        "Published 3 April 2024 • 6:00am",
        "March 21, 2024",
    ]
)


@st.composite
def names(draw: st.DrawFn) -> str:
    """A person as articles write them: a title or honorific, a full name, or a surname."""
    full = f"{draw(GIVEN)} {draw(SURNAME)}"
    return draw(
        st.sampled_from(
            [
                f"{draw(TITLE)}{full}",
                full,
                draw(SURNAME),
                f"Mr {draw(SURNAME)}",
                f"{full}, general secretary of {draw(BODY)},",
            ]
        )
    )


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence of news prose: reported speech with quotations in every layout."""
    words = " ".join(draw(st.lists(WORD, min_size=0, max_size=12)))
    more = " ".join(draw(st.lists(WORD, min_size=0, max_size=8)))
    o, c = draw(MARKS)
    who, body = draw(names()), draw(BODY)
    return draw(
        st.sampled_from(
            [
                f"{who} said {body} would {words}.",
                f"{who} said: {o}{words}{c}",
                f"{o}{words},{c} {who} said.",
                f"{o}{words},{c} said {who}. {o}{more}{c}",
                f"{o}{words},{c} {who} told {body}, {o}{more}.{c}",  # interrupted
                f"{who} said: {o}{words}",  # unclosed: runs on into the next paragraph
                f"{body} called it {o}{words}{c} and {more}.",  # a partial quotation
                f"{who} added that {o}{words}{c} was {o}{more}",
                f"{body} will cut 500 jobs, {who} said.",
                f"{words}?",
                draw(st.text(TEXT_CHARS, max_size=60)),  # any text at all
            ]
        )
    )


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    """A headline, maybe a date line, and zero to three paragraphs."""
    headline = draw(
        st.sampled_from(
            [
                " ".join(draw(st.lists(WORD, min_size=1, max_size=3))).capitalize(),
                "Strike called",
                "Minister quits",
                "Is the Cabinet Office inquiry fit for purpose?",
                f"{draw(names())} says {draw(BODY)} must act",
            ]
        )
    )
    lines = [headline]
    if draw(st.booleans()):
        lines.append(draw(DATE_LINE))
    for _ in range(draw(st.integers(0, 3))):
        lines.append(" ".join(draw(st.lists(sentences(), min_size=1, max_size=3))))
    return "\n\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(article_texts(), min_size=1, max_size=4))
def test_any_article_shaped_text_is_indexed_whole(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pieces = [(f"a{n}.txt", text) for n, text in enumerate(texts)]
        problems, indexed = index_in_process(pieces, Path(tmp))
    assert problems == []
    assert indexed == len(texts)
