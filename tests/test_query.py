"""Name resolution as `who` and the filters use it: forms, surnames, acronyms, typos."""

from __future__ import annotations

from pathlib import Path

import pytest

from whitehall_cli.errors import BadQuery, NotFound
from whitehall_cli.models import Body, Person
from whitehall_cli.query.filters import date_bound
from whitehall_cli.query.names import Choice, NameBook, name_key

PEOPLE = [
    Person("Jeremy Heywood", ("Sir Jeremy Heywood", "Heywood"), ("cabinet secretary",), (), ("a",)),
    Person("Dave Penman", (), ("general secretary",), ("FDA",), ("a",)),
    Person("Julian Hart", ("Hart",), (), (), ("b",)),
    Person("Miriam Hart", ("Professor Miriam Hart",), (), (), ("b",)),
]
BODIES = [
    Body("Institute for Government", ("IfG",), "think tank", ("c",), ()),
    Body("FDA", (), "union", ("a",), ("Dave Penman",)),
    Body("Public and Commercial Services Union", ("PCS",), "union", ("d",), ()),
]
BOOK = NameBook(PEOPLE, BODIES)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Jeremy Heywood", "Jeremy Heywood"),
        ("Sir Jeremy Heywood", "Jeremy Heywood"),
        ("heywood", "Jeremy Heywood"),
        ("Heywood's", "Jeremy Heywood"),
        ("Heywod", "Jeremy Heywood"),
        ("Penmann", "Dave Penman"),
        ("Penman", "Dave Penman"),
        ("ifg", "Institute for Government"),
        ("the Institute for Government", "Institute for Government"),
        ("Institute for Goverment", "Institute for Government"),
        ("FDA", "FDA"),
        ("pcs", "Public and Commercial Services Union"),
    ],
)
def test_names_resolve_by_form_surname_acronym_or_typo(query: str, name: str) -> None:
    found = BOOK.lookup(query)
    assert not isinstance(found, Choice) and found.name == name


def test_a_bare_surname_seen_as_one_persons_alias_resolves_to_them() -> None:
    found = BOOK.lookup("Hart", kinds=("person",))
    assert not isinstance(found, Choice) and found.name == "Julian Hart"


def test_two_people_with_one_surname_and_no_alias_offer_a_choice() -> None:
    book = NameBook([Person("Ann Lee", (), (), (), ()), Person("Bob Lee", (), (), (), ())], [])
    found = book.lookup("Lee")
    assert isinstance(found, Choice)
    assert {n for n, _ in found.candidates} == {"Ann Lee", "Bob Lee"}


def test_nothing_close_is_not_found_with_suggestions() -> None:
    with pytest.raises(NotFound) as e:
        BOOK.lookup("Hayward")
    assert "Jeremy Heywood" in e.value.suggestions


@pytest.mark.parametrize(
    ("kinds", "hint"),
    [
        (("person",), "wh people lists everyone"),
        (("body",), "wh bodies lists every body"),
        (("person", "body"), "wh people and wh bodies list every name"),
    ],
)
def test_nothing_remotely_close_has_no_suggestions_but_says_where_names_are(
    kinds: tuple[str, ...], hint: str
) -> None:
    with pytest.raises(NotFound) as e:
        BOOK.lookup("Zzyzx Qwerty", kinds)
    assert e.value.suggestions == []  # a far-off name would only mislead
    assert e.value.hint == hint


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["who", "Zzyzx Qwerty"],
            "wh: no one called 'Zzyzx Qwerty' (wh people and wh bodies list every name)",
        ),
        (["who", "Jeremy Hunt"], "wh: no one called 'Jeremy Hunt' (did you mean: Jeremy Heywood?)"),
        (
            ["quotes", "--source", "Zzyzx"],
            "wh: no one called 'Zzyzx' (wh people and wh bodies list every name)",
        ),
    ],
)
def test_an_unknown_name_is_one_line_with_names_or_where_to_find_them(
    args: list[str], line: str
) -> None:
    from test_cli import run

    code, out, err = run(*args)
    assert (code, out, err.splitlines()) == (1, "", [line])


def test_kinds_restrict_the_lookup() -> None:
    with pytest.raises(NotFound):
        BOOK.lookup("ifg", kinds=("person",))


def test_empty_name_is_a_bad_query() -> None:
    with pytest.raises(BadQuery):
        BOOK.lookup("   ")


def test_name_key_drops_honorific_article_and_possessive() -> None:
    assert name_key("Sir Jeremy Heywood\u2019s") == "jeremy heywood"
    assert name_key("The Treasury") == "treasury"


@pytest.mark.parametrize(
    ("value", "end", "iso"),
    [
        ("2021-03-04", False, "2021-03-04"),
        ("2021-03", False, "2021-03-01"),
        ("2021-03", True, "2021-03-31"),
        ("2016-04", True, "2016-04-30"),
        ("2016-02", True, "2016-02-29"),
        ("2021-02", True, "2021-02-28"),
        ("2021", True, "2021-12-31"),
        ("8 March 2023", False, "2023-03-08"),
    ],
)
def test_date_bounds(value: str, end: bool, iso: str) -> None:
    assert date_bound(value, end=end) == iso


@pytest.mark.parametrize("value", ["yesterday", "2021-13", "2021-02-30", "21"])
def test_bad_dates_are_bad_queries(value: str) -> None:
    with pytest.raises(BadQuery):
        date_bound(value)


def test_until_a_month_without_a_31st_searches(tmp_path: Path) -> None:
    """`--until 2016-04` is the end of April, the 30th: search once took it for the 31st and
    failed with "no such date"."""
    from whitehall_cli.index.store import Index
    from whitehall_cli.load.corpus import Corpus
    from whitehall_cli.query.answers import run_search
    from whitehall_cli.query.filters import Filters

    body = "Leaks are never acceptable, the union said in a statement on Monday."
    (tmp_path / "april.txt").write_text(f"Leaks row\n\n30 April 2016\n\n{body}\n", encoding="utf-8")
    (tmp_path / "may.txt").write_text(f"Leaks row\n\n1 May 2016\n\n{body}\n", encoding="utf-8")
    with Index.open(Corpus(root=tmp_path)) as ix:
        found = run_search(ix, "leaks", Filters(until="2016-04"))
        assert {h.document for h in found.hits} == {"april"}
