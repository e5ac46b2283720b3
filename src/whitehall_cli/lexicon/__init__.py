"""The grammar's word lists, as data: one file per kind, each with a header saying what it is
for and where its entries came from. Each is read once, when the module that uses it is
first imported.

- `bodies.tsv`: the curated lexicon of UK public bodies, parties, unions, think tanks and
  outlets, with their other forms (`entities.body_lexicon`; `WH_NO_LEXICON=1` turns it off).
- `given_names.tsv`: given names, with the sex each usually gives (`entities` and `quotes`).
- `org_heads.tsv`: head words of organisation names, with the kind of body each names.
- `role_heads.tsv`: head words of job titles; those marked "yes" also make a definite role
  phrase ("the cabinet secretary") that `quotes` reads as a person.
- `speech_verbs.txt`: verbs that report speech, every form (`quotes`).
- `verbs_after_names.txt`: words after a name that show it is a person's (`entities`).

In every file, lines starting with `#` are comments and blank lines are skipped; a `.tsv`
file's cells are separated by tabs.
"""

from __future__ import annotations

from importlib import resources


def read_text(name: str) -> str:
    """The whole text of one data file of this folder."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def lines(name: str) -> tuple[str, ...]:
    """The entries of a data file: its lines, stripped, less blank lines and comments."""
    entries = (line.strip() for line in read_text(name).splitlines())
    return tuple(e for e in entries if e and not e.startswith("#"))


def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a tab-separated data file, each split into its stripped cells."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines(name))
