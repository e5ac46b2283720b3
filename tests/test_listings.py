"""The `docs` table at the widths terminals have, on a corpus named as `wh add` names files
(`2024-04-22-treasury-leak-inquiry-widens-to-three-departments`, up to ~70 characters):
dates and counts never cut, the title and the outlet kept in words, a long id wrapped whole."""

from __future__ import annotations

import re
from pathlib import Path

import dated_corpus
import pytest
from test_cli import run

# The dates of dated_corpus's articles, as the table shows them.
DATES = {
    "jan": "2016-01-15",
    "mar_one": "2016-03-02",
    "mar_two": "2016-03-20",
    "may": "2016-05-05",
    "jun": "2016-06-10",
    "undated": "",
}


@pytest.fixture(scope="module")
def long_ids(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dated_corpus.write(tmp_path_factory.mktemp("added"), long_ids=True)


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\u2502")[1:-1]]


def table(out: str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a drawn table, each row's cells joined across the lines
    it wraps onto (a new row starts where an id starts)."""
    lines = out.splitlines()
    head = [c.strip() for c in re.split("[\u2503]", lines[1])[1:-1]]
    rows: list[list[str]] = []
    for line in lines[3:-1]:
        parts = cells(line)
        if parts[0].startswith("2016-01-01-"):
            rows.append(parts)
        else:
            rows[-1] = [
                a + (" " if a and b and k else "") + b
                for k, (a, b) in enumerate(zip(rows[-1], parts, strict=True))
            ]
    return head, rows


@pytest.mark.parametrize("width", [60, 80, 100, 120, 200])
def test_a_long_id_wraps_whole_and_nothing_else_is_cut(long_ids: Path, width: int) -> None:
    code, out, err = run("--data", str(long_ids), "docs", "--no-pager", env={"COLUMNS": str(width)})
    assert code == 0, err
    assert all(len(line) <= width for line in out.splitlines())
    head, rows = table(out)
    wide = width >= 90
    assert head == (
        ["id", "date", "outlet", "title", "people", "quotes"]
        if wide
        else ["id", "date", "title", "ppl", "qts"]
    )
    assert len(rows) == len(DATES)
    for row in rows:
        name = row[0].removeprefix("2016-01-01-").removesuffix(f"-{dated_corpus.LONG_SLUG}")
        assert row[0] == dated_corpus.long_id(name)  # the whole id, in order
        outlet, _, title, _ = dated_corpus.ARTICLES[name]
        assert row[1] == DATES[name]  # whole
        assert row[-3] == title
        if wide:
            assert row[2] == outlet  # in words, never two letters a line
        assert row[-2].isdigit() and row[-1].isdigit()
