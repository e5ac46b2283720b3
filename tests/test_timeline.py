"""`wh timeline`: exact counts per period on a corpus with known dates (months with none, an
undated article, several series), the periods, the chart at 60 and 120 columns, the JSON and
CSV shapes, the SVG picture and the exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import dated_corpus
import pytest
from rich.console import Console
from test_cli import run

from whitehall_cli.errors import BadQuery, NotFound
from whitehall_cli.index.store import Index
from whitehall_cli.load.corpus import Corpus
from whitehall_cli.models import PeriodCount, Series
from whitehall_cli.query import periods
from whitehall_cli.query.choices import By
from whitehall_cli.query.filters import Filters
from whitehall_cli.query.syntax import argument_query
from whitehall_cli.query.timeline import Timeline, timeline
from whitehall_cli.render import charts

MONTHS = ["2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2016-06"]


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


def counts(s: Series) -> list[int]:
    return [p.articles for p in s.periods]


def said(s: Series) -> list[int]:
    return [p.quotes for p in s.periods]


def labels(s: Series) -> list[str]:
    return [p.period for p in s.periods]


# --- periods ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("by", "day", "label"),
    [
        (By.MONTH, dt.date(2016, 12, 5), "2016-12"),
        (By.MONTH, dt.date(2017, 1, 31), "2017-01"),
        (By.QUARTER, dt.date(2016, 12, 5), "2016-Q4"),
        (By.QUARTER, dt.date(2016, 1, 1), "2016-Q1"),
        (By.QUARTER, dt.date(2016, 4, 1), "2016-Q2"),
        (By.YEAR, dt.date(2016, 12, 5), "2016"),
    ],
)
def test_period_labels(by: By, day: dt.date, label: str) -> None:
    assert periods.label(periods.key(day, by), by) == label


def test_periods_run_across_the_end_of_a_year() -> None:
    span = (dt.date(2016, 11, 30), dt.date(2017, 2, 1))
    s = periods.series("x", {span[0].toordinal(): 2}, {}, span, By.MONTH)
    assert labels(s) == ["2016-11", "2016-12", "2017-01", "2017-02"]
    assert counts(s) == [2, 0, 0, 0]


@pytest.mark.parametrize(
    ("first", "last", "by"),
    [
        ((2016, 1, 1), (2016, 1, 1), By.MONTH),
        ((2016, 1, 1), (2017, 12, 31), By.MONTH),  # 24 months
        ((2016, 1, 1), (2018, 1, 1), By.QUARTER),  # 25 months
        ((2016, 1, 1), (2021, 12, 31), By.QUARTER),  # 24 quarters
        ((2016, 1, 1), (2022, 1, 1), By.YEAR),
    ],
)
def test_the_period_is_the_finest_that_keeps_24_or_fewer(
    first: tuple[int, int, int], last: tuple[int, int, int], by: By
) -> None:
    assert periods.choose((dt.date(*first), dt.date(*last)), 24) is by


def test_undated_counts_stay_apart_from_the_periods() -> None:
    day = dt.date(2016, 3, 2).toordinal()
    s = periods.series("x", {day: 1, periods.UNDATED: 4}, {periods.UNDATED: 2}, None, By.YEAR)
    assert s.periods == ()  # no span: nothing dated
    s = periods.series(
        "x", {day: 1, periods.UNDATED: 4}, {periods.UNDATED: 2}, periods.span_of({day: 1}), By.YEAR
    )
    assert s.periods == (PeriodCount("2016", 1, 0),)
    assert s.undated == PeriodCount("undated", 4, 2)
    assert (s.articles, s.quotes) == (5, 2)


# --- what is counted --------------------------------------------------------------------


def test_counts_per_month_with_the_empty_months_as_zero(index: Index) -> None:
    t = timeline(index, ["leaks"], Filters())
    (s,) = t.series
    assert t.by is By.MONTH and s.by == "month"
    assert labels(s) == MONTHS
    assert counts(s) == [1, 0, 1, 0, 1, 1]  # May: "leaked" (matched as search matches)
    assert s.undated == PeriodCount("undated", 1, 0)
    assert t.found


def test_several_series_side_by_side_over_the_same_periods(index: Index) -> None:
    t = timeline(index, ["leaks", "impartiality", "civil service"], Filters())
    assert [s.label for s in t.series] == ["leaks", "impartiality", "civil service"]
    assert all(labels(s) == MONTHS for s in t.series)
    assert [counts(s) for s in t.series] == [
        [1, 0, 1, 0, 1, 1],
        [0, 0, 2, 0, 0, 0],
        [0, 0, 1, 0, 0, 1],
    ]
    assert [s.undated.articles for s in t.series] == [1, 0, 0]


def test_words_quoted_together_are_one_phrase(index: Index) -> None:
    assert argument_query("civil service") == '"civil service"'
    assert argument_query("leaks") == "leaks"
    assert argument_query("leak OR leaks") == "leak OR leaks"
    assert argument_query('"civil service" -Johnson') == '"civil service" -Johnson'
    # "civil" and "service" both occur in more articles than the phrase
    (phrase,) = timeline(index, ["civil service"], Filters()).series
    (either,) = timeline(index, ["civil OR service"], Filters()).series
    assert phrase.articles == 2 and either.articles > 2


@pytest.mark.parametrize(
    ("by", "expected", "undated"),
    [
        (By.QUARTER, [("2016-Q1", 2), ("2016-Q2", 2)], 1),
        (By.YEAR, [("2016", 4)], 1),
    ],
)
def test_by_quarter_and_by_year(
    index: Index, by: By, expected: list[tuple[str, int]], undated: int
) -> None:
    (s,) = timeline(index, ["leaks"], Filters(), by=by).series
    assert [(p.period, p.articles) for p in s.periods] == expected
    assert s.undated.articles == undated


def test_quotes_count_quotations_whose_own_words_match(index: Index) -> None:
    (leaks, civil) = timeline(index, ["leaks", "civil service"], Filters(), quotes=True).series
    assert said(leaks) == [0, 0, 0, 0, 0, 1]  # Heywood: "Leaks were never acceptable"
    assert said(civil) == [0, 0, 1, 0, 0, 0]  # Penman: "... the bedrock of the civil service."


def test_each_person_is_a_series_of_their_articles_and_quotations(index: Index) -> None:
    t = timeline(index, [], Filters(), people=["Penman", "Heywood"], quotes=True)
    penman, heywood = t.series
    assert (penman.label, heywood.label) == ("Dave Penman", "Jeremy Heywood")
    assert labels(penman) == MONTHS
    assert counts(penman) == [1, 0, 1, 0, 0, 0] and said(penman) == [1, 0, 1, 0, 0, 0]
    assert counts(heywood) == [1, 0, 0, 0, 0, 1] and said(heywood) == [0, 0, 0, 0, 0, 1]


def test_a_body_series_counts_its_peoples_quotations(index: Index) -> None:
    (fda,) = timeline(index, [], Filters(), bodies=["FDA"], quotes=True).series
    assert fda.label == "FDA"
    assert counts(fda) == [1, 0, 1] and said(fda) == [1, 0, 1]  # its span: January to March


def test_with_words_a_person_narrows_every_series(index: Index) -> None:
    leaks, civil = timeline(index, ["leaks", "civil service"], Filters(), people=["Heywood"]).series
    assert counts(leaks) == [1, 0, 0, 0, 0, 1] and leaks.undated.articles == 0
    assert counts(civil) == [0, 0, 0, 0, 0, 1]


def test_source_narrows_to_articles_quoting_it_and_to_its_quotations(index: Index) -> None:
    (leaks,) = timeline(index, ["leaks"], Filters(source="FDA"), quotes=True).series
    assert (leaks.articles, leaks.quotes) == (1, 0)  # January; Penman's words there are not
    (alone,) = timeline(index, [], Filters(source="Penman"), quotes=True).series
    assert alone.label == "Dave Penman"
    assert counts(alone) == [1, 0, 1] and said(alone) == [1, 0, 1]


def test_since_and_until_stretch_the_span_and_leave_undated_articles_out(index: Index) -> None:
    (s,) = timeline(index, ["leaks"], Filters(since="2016-02", until="2016-08")).series
    assert labels(s) == [f"2016-{m:02d}" for m in range(2, 9)]
    assert counts(s) == [0, 1, 0, 1, 1, 0, 0]
    assert s.undated.articles == 0


def test_outlet_filter(index: Index) -> None:
    (s,) = timeline(index, ["leaks"], Filters(outlet="guardian")).series
    assert (s.articles, labels(s)) == (1, ["2016-03"])


def test_a_typo_is_corrected_said_and_the_series_labelled_as_searched(index: Index) -> None:
    t = timeline(index, ["leeks"], Filters())
    assert t.corrections == (("leeks", "leaks"),)
    assert t.series[0].label == "leaks" and t.series[0].articles == 5


def test_a_corrected_phrase_keeps_its_other_words_in_the_label(index: Index) -> None:
    t = timeline(index, ["civil servise", "Impartialty OR leaks"], Filters())
    assert [s.label for s in t.series] == ["civil service", "impartiality OR leaks"]
    assert [s.articles for s in t.series] == [2, 6]


def test_nothing_found(index: Index) -> None:
    t = timeline(index, ["zzyzx"], Filters())
    assert not t.found and t.series[0].periods == ()
    assert t.hint == "no article has 'zzyzx'"


@pytest.mark.parametrize(
    ("words", "options", "hint"),
    [
        (["zzyzx", "qqqq*"], {}, "no article has 'zzyzx' or 'qqqq*'"),
        (["service civil"], {}, "no article has 'service civil'"),  # the words, not the phrase
        (["leaks -leaks"], {}, "each word is in some article, but none has them as asked"),
        (["leaks"], {"since": "2030"}, "5 articles match without --since"),
        (
            ["leaks"],
            {"outlet": "Nowhere", "until": "2015"},
            "5 articles match without --outlet and --until",
        ),
        (["impartiality"], {"people": ["Heywood"]}, "2 articles match without --person"),
        ([], {"people": ["Penman"], "since": "2030"}, "2 articles match without --since"),
        ([], {"source": "Heywood", "since": "2030"}, "1 article matches without --since"),
    ],
)
def test_when_nothing_is_found_the_hint_says_why(
    index: Index, words: list[str], options: dict[str, object], hint: str
) -> None:
    people = options.pop("people", ())
    t = timeline(index, words, Filters(**options), people=people)  # type: ignore[arg-type]
    assert not t.found and t.hint == hint


def test_something_found_has_no_hint(index: Index) -> None:
    assert timeline(index, ["zzyzx", "leaks"], Filters()).hint is None


def test_nothing_to_count_is_a_usage_error(index: Index) -> None:
    with pytest.raises(BadQuery):
        timeline(index, [], Filters())
    with pytest.raises(BadQuery):
        timeline(index, ["leaks"], Filters(since="2017", until="2016"))


def test_an_unknown_person_is_not_found(index: Index) -> None:
    with pytest.raises(NotFound):
        timeline(index, [], Filters(), people=["Zebedee Quux"])


# --- the chart ------------------------------------------------------------------------


def draw(t: Timeline, width: int, colour: bool = False) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=colour,
        color_system="standard" if colour else None,
        no_color=not colour,  # the tests run with NO_COLOR set; a terminal may not
    )
    for r in charts.timeline_view(t.series, t.quotes):
        console.print(r)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def test_the_chart_at_60_columns_exactly(index: Index) -> None:
    t = timeline(index, ["leaks", "impartiality"], Filters(), by=By.QUARTER)
    assert draw(t, 60).splitlines() == [
        "articles per quarter",
        "         leaks                     impartiality",
        "2016-Q1  ██████████████████████ 2  ██████████████████████ 2",
        "2016-Q2  ██████████████████████ 2  0",
        "undated  ███████████ 1             0",
        "total    5                         2",
    ]


@pytest.mark.parametrize("width", [60, 120])
@pytest.mark.parametrize("colour", [False, True])
def test_the_chart_fits_and_reads_at_60_and_120_columns(
    index: Index, width: int, colour: bool
) -> None:
    t = timeline(index, ["leaks", "impartiality", "civil service"], Filters(), quotes=True)
    out = draw(t, width, colour)
    assert ("\x1b[" in out) is colour
    plain = draw(t, width)
    lines = plain.splitlines()
    assert all(len(line) <= width for line in lines)
    assert lines[0] == "articles (\u2588) and quotations (\u2591) per month"
    rows = [line.split()[0] for line in lines[2:] if line[:1].strip()]
    assert rows == [*MONTHS, "undated", "total"]
    assert lines[-1].split() == ["total", "5", "/", "1", "2", "/", "1", "2", "/", "1"]
    june = next(line for line in lines if line.startswith("2016-06"))
    assert june.split()[-1] == "1" and "\u2588" in june


def test_bars_scale_in_eighths_and_a_count_above_zero_always_shows() -> None:
    assert charts.bar(4, 4, 10) == "\u2588" * 10
    assert charts.bar(1, 4, 10) == "\u2588\u2588\u258c"  # 2.5 cells
    assert charts.bar(1, 1000, 10) == "\u258f"
    assert charts.bar(0, 4, 10) == ""
    assert charts.bar(1, 1000, 10, charts.QUOTE_CELL) == charts.QUOTE_CELL


def test_sparkline_of_a_series() -> None:
    s = Series(
        "x",
        "month",
        (PeriodCount("2016-01", 4), PeriodCount("2016-02", 0), PeriodCount("2016-03", 1)),
        PeriodCount("undated", 2),
    )
    line = charts.sparkline(s)
    assert line is not None
    assert line.plain == "Over time: 2016-01 \u2588 \u2582 2016-03  (articles per month)  2 undated"
    empty = Series("x", "year", (), PeriodCount("undated", 0))
    assert charts.sparkline(empty) is None


@pytest.mark.parametrize(("undated", "said"), [(1, "(1 undated)"), (3, "(3 undated)")])
def test_sparkline_of_undated_appearances_only_says_so(undated: int, said: str) -> None:
    line = charts.sparkline(Series("x", "year", (), PeriodCount("undated", undated)))
    assert line is not None
    assert line.plain == f"Over time: no dated articles {said}"


def test_who_of_someone_only_in_undated_articles(tmp_path: Path) -> None:
    (tmp_path / "letter.txt").write_text(
        "Civil Service World\n\nA letter on standards\n\n"
        "Dave Penman, general secretary of the FDA union, said: \u201cCivil servants "
        "deserve fairness from ministers.\u201d\n",
        encoding="utf-8",
    )
    code, out, err = run("--data", str(tmp_path), "who", "Penman")
    assert code == 0, err
    spark = [line.rstrip() for line in out.splitlines() if line.startswith("Over time:")]
    assert spark == ["Over time: no dated articles (1 undated)"]


# --- the command ------------------------------------------------------------------------


def test_json_is_exactly_the_promised_shape(corpus: Path) -> None:
    code, out, _ = run("--data", str(corpus), "timeline", "leaks", "impartiality", "--json")
    assert code == 0
    data = json.loads(out)
    assert data[0] == {
        "series": "leaks",
        "periods": [
            {"period": p, "articles": n} for p, n in zip(MONTHS, [1, 0, 1, 0, 1, 1], strict=True)
        ],
        "undated": {"articles": 1},
    }
    assert data[1]["series"] == "impartiality"


def test_json_with_quotes_has_quotes_keys(corpus: Path) -> None:
    code, out, _ = run(
        "--data", str(corpus), "timeline", "leaks", "--quotes", "--json", "--by", "year"
    )
    assert code == 0
    assert json.loads(out) == [
        {
            "series": "leaks",
            "periods": [{"period": "2016", "articles": 4, "quotes": 1}],
            "undated": {"articles": 1, "quotes": 0},
        }
    ]


def test_csv_has_one_row_per_series_and_period(corpus: Path) -> None:
    code, out, _ = run(
        "--data",
        str(corpus),
        "timeline",
        "leaks",
        "--person",
        "Heywood",
        "--by",
        "quarter",
        "--csv",
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [
        ["series", "period", "articles"],
        ["leaks", "2016-Q1", "1"],
        ["leaks", "2016-Q2", "1"],
        ["leaks", "undated", "0"],
    ]


def test_people_as_series_from_the_command_line(corpus: Path) -> None:
    code, out, _ = run(
        "--data", str(corpus), "timeline", "--person", "Penman", "--person", "Heywood", "--json"
    )
    assert code == 0
    assert [s["series"] for s in json.loads(out)] == ["Dave Penman", "Jeremy Heywood"]


def test_svg_saves_the_chart(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "leaks.svg"
    code, out, err = run("--data", str(corpus), "timeline", "leaks", "--svg", str(target))
    assert code == 0 and "leaks.svg" in err
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "leaks" in svg and "2016" in svg
    assert "2016-01" in out  # the chart is still printed


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["leaks"], 0, ""),
        (["zzyzx"], 1, "no articles match"),
        (["--person", "Zebedee Quux"], 1, "no one called"),
        ([], 2, "nothing to count"),
        (["leaks", "--by", "week"], 2, "week"),
        (["leaks", "--since", "yesterday"], 2, "date"),
    ],
)
def test_exit_codes(corpus: Path, args: list[str], code: int, said: str) -> None:
    got, out, err = run("--data", str(corpus), "timeline", *args)
    assert got == code, err
    assert said in err and "Traceback" not in err
    if code:
        assert out == ""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["zzzqqq"], "wh: no articles match (no article has 'zzzqqq')"),
        (["leaks", "--since", "2030"], "wh: no articles match (5 articles match without --since)"),
        (["--person", "Nobodyxyz"], "wh: no one called 'Nobodyxyz' (wh people lists everyone)"),
        (["--body", "Nobodyxyz"], "wh: no one called 'Nobodyxyz' (wh bodies lists every body)"),
        (
            ["--person", "Penmanson Smith"],
            "wh: no one called 'Penmanson Smith' (did you mean: Dave Penman?)",
        ),
    ],
)
def test_exit_1_comes_with_a_suggestion(corpus: Path, args: list[str], said: str) -> None:
    got, out, err = run("--data", str(corpus), "timeline", *args)
    assert (got, out) == (1, "")
    assert err.splitlines() == [said]


@pytest.mark.parametrize("form", ["--json", "--csv", None])
def test_a_correction_is_said_on_stderr_and_labels_what_was_searched(
    corpus: Path, form: str | None
) -> None:
    code, out, err = run("--data", str(corpus), "timeline", "leeks", *([form] if form else []))
    assert code == 0 and err == "wh: searching for 'leaks' instead of 'leeks'\n"
    assert "leeks" not in out
    if form == "--json":
        assert json.loads(out)[0]["series"] == "leaks"
    elif form == "--csv":
        assert {row["series"] for row in csv.DictReader(io.StringIO(out))} == {"leaks"}
    else:
        assert out.splitlines()[1].split() == ["leaks"]


# --- who's activity ---------------------------------------------------------------------


def test_who_json_has_articles_and_quotations_per_period(corpus: Path) -> None:
    code, out, _ = run("--data", str(corpus), "who", "Penman", "--json")
    assert code == 0
    assert json.loads(out)["activity"] == {
        "by": "month",
        "periods": [
            {"period": "2016-01", "articles": 1, "quotes": 1},
            {"period": "2016-02", "articles": 0, "quotes": 0},
            {"period": "2016-03", "articles": 1, "quotes": 1},
        ],
        "undated": {"articles": 0, "quotes": 0},
    }


def test_who_shows_a_sparkline_of_appearances(corpus: Path) -> None:
    code, out, _ = run("--data", str(corpus), "who", "Heywood")
    assert code == 0
    spark = [line for line in out.splitlines() if line.startswith("Over time:")]
    expected = "2016-01 \u2588    \u2588 2016-06  (articles per month)"
    assert spark == [f"Over time: {expected}"]


# --- start-up -------------------------------------------------------------------------


def test_help_imports_neither_the_counting_nor_the_drawing() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from whitehall_cli.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('whitehall_cli', 'rich'))))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    loaded = p.stdout.strip().splitlines()[-1]
    heavy_modules = ("query.timeline", "query.context", "query.periods", "render.charts")
    for heavy in (*heavy_modules, "render.concordance", "rich"):
        assert heavy not in loaded, loaded
    assert "whitehall_cli.cli.patterns" in loaded  # the commands themselves are listed
