"""The closed choices a user makes of the query stage, as enums: the order of search results
(`Sort`) and the tables `export` writes (`Table`). Kept apart from the code that uses them so
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
