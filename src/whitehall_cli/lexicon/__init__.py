"""The grammar's word lists, as data: one file per kind, each with a header that says what
it is for and where its entries came from. Read once, by the module that uses them.

- `bodies.tsv`: the curated lexicon of UK public bodies, parties, unions, think tanks and
  outlets (`entities.body_lexicon`).

Lines starting with `#` are comments; blank lines are skipped.
"""

from __future__ import annotations

from importlib import resources


def read_text(name: str) -> str:
    """The whole text of one data file of this folder."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
