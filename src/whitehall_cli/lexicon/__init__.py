"""The curated lexicon of bodies and works, read once from `bodies.tsv` in this package.

Set `WH_NO_LEXICON=1` to run recognition without it (the general rules still apply), so that
scores can be reported with the lexicon emptied.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Environment variable that switches the curated lexicon off.
NO_LEXICON_ENV = "WH_NO_LEXICON"
# Values of that variable that mean "off".
FALSE_VALUES = ("", "0", "false", "no", "off")


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon row: a canonical name, its kind ("work" for codes) and its other forms."""

    name: str
    kind: str
    forms: tuple[str, ...]  # every matching form, the canonical name first


def lexicon_disabled() -> bool:
    """True when WH_NO_LEXICON asks for recognition without the curated lexicon."""
    return os.environ.get(NO_LEXICON_ENV, "").strip().lower() not in FALSE_VALUES


def parse_rows(text: str) -> tuple[LexEntry, ...]:
    """Rows of a lexicon file: `name<TAB>kind<TAB>form|form`; `#` starts a comment line."""
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        name, kind = cells[0].strip(), cells[1].strip() if len(cells) > 1 else "other"
        others = [f.strip() for f in cells[2].split("|")] if len(cells) > 2 else []
        forms = tuple(dict.fromkeys([name, *(f for f in others if f)]))
        entries.append(LexEntry(name=name, kind=kind or "other", forms=forms))
    return tuple(entries)


@lru_cache(maxsize=2)
def load_entries(enabled: bool = True) -> tuple[LexEntry, ...]:
    """The lexicon rows, or none when `enabled` is false."""
    if not enabled:
        return ()
    text = resources.files(__package__).joinpath("bodies.tsv").read_text(encoding="utf-8")
    return parse_rows(text)
