"""The forms real news articles use, as general rules of English news writing: short
headlines, job titles written before a name, later mentions by surname, honorific or title,
bodies joined by "and", and no body made of a question's or a heading's first words.
Each rule is tried on sentences written here, not taken from any set that is measured."""

from __future__ import annotations

import pytest

from whitehall_cli.models import Analysis
from whitehall_cli.parse.article import parse_text
from whitehall_cli.pipeline import analyse

BODY = "Civil servants at the Home Office will walk out next month, the union said on Friday."


def read(text: str) -> Analysis:
    return analyse(parse_text(text, "x"))


# --- headlines of two words --------------------------------------------------------------
@pytest.mark.parametrize(
    "header",
    [
        "Strike called\n\n12 May 2023",
        "Minister quits",
        "Civil Service World\n\nStrike called\n\nBy Jane Smith\n\n12 May 2023",
        "Talks fail\n\nBy Jane Smith",
    ],
)
def test_a_two_word_headline_is_the_title(header: str) -> None:
    title = header.split("\n\n")[1 if header.startswith("Civil") else 0]
    assert parse_text(f"{header}\n\n{BODY}\n", "x").title == title


@pytest.mark.parametrize(
    "header",
    [
        "Home\n\nUK news",
        "Main menu\n\nSkip navigation",
        "Politics live",
        "Related Topics",  # capitalised words only: a menu, a name or a masthead
        "Jane Smith\n\nPolitical reporter",
    ],
)
def test_a_section_label_or_a_menu_is_not_a_title(header: str) -> None:
    assert parse_text(f"{header}\n\n{BODY}\n", "x").title is None


def test_a_longer_headline_still_wins_over_a_short_line_above_it() -> None:
    doc = parse_text(f"Pay row\n\nUnion rejects the latest pay offer\n\n{BODY}\n", "x")
    assert doc.title == "Union rejects the latest pay offer"
