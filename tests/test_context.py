"""`wh context`: the KWIC lines of a corpus with known text, their three orders, exact forms
and `--stem`, phrases and prefixes, the context width, filters, the layout at 60 and 120
columns with and without colour, JSON and CSV, and the exit codes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import dated_corpus
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from test_cli import run

from whitehall_cli.errors import BadQuery
from whitehall_cli.index.store import Index
from whitehall_cli.load.corpus import Corpus
from whitehall_cli.query.choices import ContextSort
from whitehall_cli.query.context import KwicLine, concordance, fold, marked_spans
from whitehall_cli.query.filters import Filters
from whitehall_cli.render.concordance import concordance_view

# The five places "leaks" is written (dated_corpus's table): (article, paragraph, the word
# just before, the word just after).
L_JUN = ("jun", 0, "", "were")  # “Leaks were never acceptable,”
L_MAR = ("mar_one", 0, "recent", "and")
L_JAN0 = ("jan", 0, "the", "from")
L_JAN1 = ("jan", 1, "corrosive", "damage")
L_UNDATED = ("undated", 0, "of", "by")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dated_corpus.write(tmp_path_factory.mktemp("dated"))


@pytest.fixture(scope="module")
def index(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    with pytest.MonkeyPatch.context() as m:
        m.setenv("WH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        ix = Index.open(Corpus(root=corpus))
    yield ix
    ix.close()


def places(lines: tuple[KwicLine, ...]) -> list[tuple[str, int, str, str]]:
    """Each line as (article, paragraph, word before, word after)."""

    def last_word(text: str) -> str:
        words = [w.strip('\u201c\u201d",.') for w in text.split()]
        return words[-1] if words and not text.endswith("\u201c") else ""

    def first_word(text: str) -> str:
        words = [w.strip('\u201c\u201d",.') for w in text.split()]
        return words[0] if words else ""

    return [(x.document, x.paragraph, last_word(x.left), first_word(x.right)) for x in lines]


def kwic(index: Index, text: str, **kw: object) -> tuple[KwicLine, ...]:
    f = Filters(**{k: v for k, v in kw.items() if k in Filters.__dataclass_fields__})  # type: ignore[arg-type]
    rest = {k: v for k, v in kw.items() if k not in Filters.__dataclass_fields__}
    return concordance(index, text, f, **rest).lines  # type: ignore[arg-type]


# --- the lines and their orders ---------------------------------------------------------


def test_by_date_newest_article_first_then_reading_order(index: Index) -> None:
    assert places(kwic(index, "leaks")) == [L_JUN, L_MAR, L_JAN0, L_JAN1, L_UNDATED]


def test_sort_left_by_the_words_before_the_match(index: Index) -> None:
    lines = kwic(index, "leaks", sort=ContextSort.LEFT)
    assert places(lines) == [L_JUN, L_JAN1, L_UNDATED, L_MAR, L_JAN0]  # "", corrosive, of, ...


def test_sort_right_by_the_words_after_the_match(index: Index) -> None:
    lines = kwic(index, "leaks", sort=ContextSort.RIGHT)
    assert places(lines) == [L_MAR, L_UNDATED, L_JAN1, L_JAN0, L_JUN]  # and, by, damage, ...


def test_the_match_is_the_text_as_written_at_its_offsets(index: Index) -> None:
    for line in kwic(index, "leaks"):
        paragraph = index.document(line.document).paragraphs[line.paragraph]
        assert paragraph[line.start : line.end] == line.match
        assert paragraph[: line.start].endswith(line.left)
        assert paragraph[line.end :].startswith(line.right)
    assert [x.match for x in kwic(index, "leaks")] == ["Leaks", "leaks", "leaks", "leaks", "leaks"]


def test_width_is_the_context_on_each_side(index: Index) -> None:
    (line,) = kwic(index, "leaks", outlet="Guardian", width=10)
    assert (line.left, line.match, line.right) == ("er recent ", "leaks", " and brief")


# --- what matches -----------------------------------------------------------------------


def test_exact_forms_by_default(index: Index) -> None:
    assert [(x.document, x.match) for x in kwic(index, "leak")] == [("jan", "leak")]
    assert [(x.document, x.match) for x in kwic(index, "leaked")] == [
        ("may", "leaked"),
        ("jan", "leaked"),
    ]


def test_stem_matches_every_form_search_matches(index: Index) -> None:
    lines = kwic(index, "leaks", stem=True)
    assert [(x.document, x.paragraph, x.match) for x in lines] == [
        ("jun", 0, "Leaks"),
        ("may", 0, "leaked"),
        ("mar_one", 0, "leaks"),
        ("jan", 0, "leaks"),
        ("jan", 1, "leaks"),
        ("jan", 2, "leak"),
        ("jan", 2, "leaked"),
        ("undated", 0, "leaks"),
    ]


def test_a_prefix_matches_every_word_it_starts(index: Index) -> None:
    matches = sorted(x.match.lower() for x in kwic(index, "leak*"))
    assert matches == ["leak", "leaked", "leaked", "leaks", "leaks", "leaks", "leaks", "leaks"]


def test_a_phrase_is_matched_whole(index: Index) -> None:
    lines = kwic(index, '"civil service"')
    assert [(x.document, x.match) for x in lines] == [
        ("jun", "civil service"),
        ("mar_two", "civil service"),
    ]
    stemmed = kwic(index, '"civil service"', stem=True)
    assert [(x.document, x.start, x.end) for x in stemmed] == [
        (x.document, x.start, x.end) for x in lines
    ]


def test_words_quoted_together_at_the_shell_are_a_phrase(corpus: Path) -> None:
    code, out, _ = run("--data", str(corpus), "context", "civil service", "--json")
    assert code == 0
    assert [(x["document"], x["match"]) for x in json.loads(out)] == [
        ("jun", "civil service"),
        ("mar_two", "civil service"),
    ]
    code, out, _ = run("--data", str(corpus), "context", "civil", "service", "--json")
    assert {x["match"].lower() for x in json.loads(out)} == {"civil", "service"}


def test_the_query_language_decides_the_articles(index: Index) -> None:
    """As in search: every wanted word's occurrences in the articles the query matches."""
    assert {x.document for x in kwic(index, "leaks -Heywood")} == {"mar_one", "undated"}
    both = kwic(index, "leaks impartiality")  # only mar_one has both
    assert sorted(x.match for x in both) == ["impartiality", "leaks"]


def test_filters_narrow_the_articles(index: Index) -> None:
    assert {x.document for x in kwic(index, "leaks", since="2016-03")} == {"jun", "mar_one"}
    assert {x.document for x in kwic(index, "leaks", until="2016-04")} == {"mar_one", "jan"}
    assert {x.document for x in kwic(index, "leaks", person="Heywood")} == {"jun", "jan"}


def test_limit_and_more(index: Index) -> None:
    found = concordance(index, "leaks", Filters(limit=2))
    assert places(found.lines) == [L_JUN, L_MAR] and found.more
    everything = concordance(index, "leaks", Filters(limit=5), sort=ContextSort.LEFT)
    assert not everything.more and everything.total == 5


def test_no_exact_form_but_other_forms_says_so(index: Index) -> None:
    found = concordance(index, "leaking", Filters())
    assert found.lines == () and found.other_forms


@pytest.mark.parametrize("bad", [{"limit": 0}, {"width": 0}])
def test_bad_limit_or_width(index: Index, bad: dict[str, int]) -> None:
    with pytest.raises(BadQuery):
        kwic(index, "leaks", **bad)


@given(st.text())
def test_folding_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_folding_drops_case_and_accents() -> None:
    assert fold("Café ÉLYSÉE") == "cafe elysee"


def test_marked_spans() -> None:
    assert marked_spans("a \x02bc\x03 d \x02e\x03") == [(2, 4), (7, 8)]


# --- the view -------------------------------------------------------------------------


def draw(lines: tuple[KwicLine, ...], width: int, colour: bool = False) -> list[str]:
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=colour,
        color_system="standard" if colour else None,
        no_color=not colour,  # the tests run with NO_COLOR set; a terminal may not
    )
    for r in concordance_view(lines):
        console.print(r)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    assert ("\x1b[" in out) is colour
    return out.splitlines()


@pytest.mark.parametrize("colour", [False, True])
def test_at_120_columns_date_context_and_reference(index: Index, colour: bool) -> None:
    lines = kwic(index, "leaks")
    shown = draw(lines, 120, colour)
    assert len(shown) == 5
    if colour:
        assert "\x1b[1;30;43mLeaks\x1b[0m" in shown[0]  # the match highlighted
        return
    assert all(len(s) <= 120 for s in shown)
    assert shown[0].startswith("2016-06-10  ") and shown[0].endswith("jun \u00b60")
    assert shown[-1].startswith("            ") and shown[-1].endswith("undated \u00b60")
    column = {s.index(x.match, len(s) // 4) for s, x in zip(shown, lines, strict=True)}
    assert len(column) == 1  # every match starts in the same column


@pytest.mark.parametrize("colour", [False, True])
def test_at_60_columns_date_and_id_head_the_lines_of_their_article(
    index: Index, colour: bool
) -> None:
    lines = kwic(index, "leaks", stem=True)
    shown = draw(lines, 60, colour)
    if colour:
        assert "\x1b[1;30;43mleaked\x1b[0m" in "".join(shown)
        return
    assert all(len(s) <= 60 for s in shown)
    assert shown[:6] == [
        "2016-06-10  jun",
        "\u00b60" + " " * 26 + "\u201cLeaks were never acceptable,\u201d S",
        "2016-05-05  may",
        "\u00b60" + " " * 25 + "A leaked memo about spending plan",
        "2016-03-02  mar_one",
        "\u00b60  were warned after recent leaks and briefings against off",
    ]
    jan = shown[shown.index("2016-01-15  jan") + 1 :][:4]  # one heading, four lines
    assert [s[:2] for s in jan] == ["\u00b60", "\u00b61", "\u00b62", "\u00b62"]
    assert shown[-2:] == [
        "undated",
        "\u00b60  mage done by a series of leaks by ministers and their ad",
    ]
    starts = {s.index(x.match, 4) for s, x in zip(contexts(shown), lines, strict=True)}
    assert len(starts) == 1  # every match starts in the same column


def contexts(shown: list[str]) -> list[str]:
    """The lines of a concordance under headings that hold a context (they start with ¶)."""
    return [s for s in shown if s.startswith("\u00b6")]


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same articles under ids as long as `wh add` makes (~70 characters)."""
    return dated_corpus.write(tmp_path_factory.mktemp("added"), long_ids=True)


@pytest.fixture(scope="module")
def long_index(long_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    with pytest.MonkeyPatch.context() as m:
        m.setenv("WH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        ix = Index.open(Corpus(root=long_corpus))
    yield ix
    ix.close()


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120])
def test_long_ids_are_never_cut_nor_dates_dropped(long_index: Index, width: int) -> None:
    lines = kwic(long_index, "leaks", stem=True)
    shown = draw(lines, width)
    assert all(len(s) <= width for s in shown)
    heads = "\n".join(s for s in shown if not s.startswith("\u00b6")).replace("\n", "")
    for doc, date in dict.fromkeys((x.document, x.date) for x in lines):
        assert (f"{date}  {doc}" if date else doc) in heads  # whole, if run onto a new line
    assert len(contexts(shown)) == len(lines)  # still one line per occurrence
    starts = {s.index(x.match, 4) for s, x in zip(contexts(shown), lines, strict=True)}
    assert len(starts) == 1


@pytest.mark.parametrize("width", [160, 200])
def test_long_ids_on_a_wide_screen_share_each_line(long_index: Index, width: int) -> None:
    lines = kwic(long_index, "leaks", stem=True)
    shown = draw(lines, width)
    assert len(shown) == len(lines)
    for s, x in zip(shown, lines, strict=True):
        assert s.startswith(x.date or " " * 10) and s.endswith(
            f"  {x.document} \u00b6{x.paragraph}"
        )
        assert len(s) <= width


def test_the_context_gives_way_on_both_sides_before_the_reference(index: Index) -> None:
    lines = kwic(index, "leaks")
    widths = {}
    for width in (120, 100, 80, 70):
        shown = draw(lines, width)
        assert [s.split()[-2:] for s in shown] == [
            [x.document, f"\u00b6{x.paragraph}"] for x in lines
        ]
        assert [s[:10].strip() for s in shown] == [x.date or "" for x in lines]
        column = shown[2].index("leaks")
        widths[width] = (column - 12, len(shown[2].rstrip()) - len("jan \u00b60") - column)
    lefts, rights = zip(*widths.values(), strict=True)
    assert list(lefts) == sorted(lefts, reverse=True) and lefts[-1] > 10  # both sides shrink
    assert list(rights) == sorted(rights, reverse=True) and rights[-1] > 10


# --- the command ------------------------------------------------------------------------


def test_json_lines(corpus: Path) -> None:
    code, out, _ = run("--data", str(corpus), "context", "leaks", "--json", "--width", "12")
    assert code == 0
    first = json.loads(out)[0]
    assert first == {
        "document": "jun",
        "date": "2016-06-10",
        "paragraph": 0,
        "offsets": [1, 6],
        "left": "\u201c",
        "match": "Leaks",
        "right": " were never ",
    }


def test_piped_with_no_width_set_every_line_is_whole(
    long_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)  # stdout is no terminal here
    code, out, _ = run("--data", str(long_corpus), "context", "leaks", "--stem")
    _, js, _ = run("--data", str(long_corpus), "context", "leaks", "--stem", "--json")
    found = json.loads(js)
    assert code == 0 and len(out.splitlines()) == len(found)
    for line, x in zip(out.splitlines(), found, strict=True):
        assert line.startswith(x["date"] or " " * 10)
        assert x["left"] + x["match"] + x["right"] in line  # the whole context, as asked
        assert line.endswith(f"  {x['document']} \u00b6{x['paragraph']}")
    assert max(len(line) for line in out.splitlines()) > 150


def test_piped_with_columns_set_that_width_is_kept(long_corpus: Path) -> None:
    code, out, _ = run("--data", str(long_corpus), "context", "leaks", env={"COLUMNS": "60"})
    assert code == 0
    assert all(len(line) <= 60 for line in out.splitlines())
    assert out.startswith("2016-06-10  " + dated_corpus.long_id("jun")[:48] + "\n")


def test_csv_lines(corpus: Path) -> None:
    code, out, _ = run("--data", str(corpus), "context", "leaks", "--csv", "--sort", "right")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["document", "date", "paragraph", "start", "end", "left", "match", "right"]
    assert [r[0] for r in rows[1:]] == ["mar_one", "undated", "jan", "jan", "jun"]
    assert rows[2][1] == ""  # undated


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["leaks"], 0, ""),
        (["leaks", "--limit", "2"], 0, "the first 2 lines"),
        (["zzyzx"], 1, "no matches"),
        (["leaking"], 1, "--stem"),
        ([], 2, "Missing argument"),
        (["leaks", "--sort", "up"], 2, "up"),
        (["leaks", "--limit", "0"], 2, "--limit"),
        (["leaks", "--width", "0"], 2, "--width"),
    ],
)
def test_exit_codes(corpus: Path, args: list[str], code: int, said: str) -> None:
    got, out, err = run("--data", str(corpus), "context", *args)
    assert got == code, err
    assert said in err and "Traceback" not in err


def test_case_and_accents_aside_in_either_direction(tmp_path: Path) -> None:
    (tmp_path / "cafe.txt").write_text(
        "Civil Service World\n\nA row at the café\n\n12 May 2021\n\n"
        "Officials met at the Café Rouge on Monday to talk about the leaked memo.\n\n"
        "The CAFE owner said nothing to reporters who asked about the meeting.\n",
        encoding="utf-8",
    )
    with Index.open(Corpus(root=tmp_path)) as ix:
        typed_plain = [x.match for x in kwic(ix, "cafe")]
        typed_accent = [x.match for x in kwic(ix, "café")]
    assert typed_plain == typed_accent == ["Café", "CAFE"]
