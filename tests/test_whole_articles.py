"""No article is ever lost: every stage runs on any article-shaped text without raising, and
when one fails all the same the article is indexed with its text and metadata, and the
failure is one warning naming it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from whitehall_cli import pipeline
from whitehall_cli.cli import main
from whitehall_cli.index.store import Index
from whitehall_cli.load.corpus import Corpus
from whitehall_cli.models import Document
from whitehall_cli.parse.article import parse_text
from whitehall_cli.pipeline import analyse

# The smallest article that used to be lost (issue 13): a headline, a date and one short
# paragraph, which the parser reads as the standfirst, so the body has no paragraph at all.
ONE_PARAGRAPH = 'Union rejects pay offer\n\n12 May 2023\n\nJane Okafor said: "We will fight it."\n'


def test_quotes_of_an_article_with_no_body_paragraph() -> None:
    analysis = analyse(parse_text(ONE_PARAGRAPH, "a"))
    assert not analysis.document.paragraphs
    assert [(q.text, q.speaker) for q in analysis.quotes] == [("We will fight it.", "Jane Okafor")]


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
    def failing(text: str, doc_id: str, path: str = "") -> Document:
        if doc_id == "strike":
            raise ValueError("a rule tripped")
        return real(text, doc_id, path)

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
