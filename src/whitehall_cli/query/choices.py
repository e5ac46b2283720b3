"""The closed choices a user makes of the query stage, as enums: the order of search results
(`Sort`), the tables `export` writes (`Table`), the periods of a timeline (`By`) and the
order of a concordance (`ContextSort`). Kept apart from the code that uses them so
that the command line can offer them without importing the index (`wh --help` stays fast).
"""

from __future__ import annotations

from enum import Enum


class Sort(Enum):
    """Orders of the articles `search` gives."""

    RELEVANCE = "relevance"  # best match first
    DATE = "date"  # newest first
    OLDEST = "oldest"  # oldest first


class Table(Enum):
    """The tables `export` can write, one record per row."""

    DOCS = "docs"
    PEOPLE = "people"
    BODIES = "bodies"
    QUOTES = "quotes"


class By(Enum):
    """The periods `timeline` counts in; without `--by`, the finest that keeps the chart
    short (see `query.periods`)."""

    MONTH = "month"  # "2016-12"
    QUARTER = "quarter"  # "2016-Q4"
    YEAR = "year"  # "2016"


class ContextSort(Enum):
    """Orders of the lines `context` gives."""

    DATE = "date"  # newest article first, then in reading order
    LEFT = "left"  # by the words just before the match, nearest first (AntConc's 1L, 2L ...)
    RIGHT = "right"  # by the words just after the match (1R, 2R ...)
