"""Working records of the entities stage: what the finders report (`Span`, a body or work;
`NameHit`, a full name), one text with what has been found in it (`Seg`), and the people,
bodies and works gathered over the article before they become frozen refs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whitehall_cli.entities.tokens import Tok


@dataclass(frozen=True, slots=True)
class Span:
    """One body or work found in one text: words i..j-1, canonical name, kind, form."""

    i: int
    j: int
    start: int
    end: int
    form: str
    name: str
    kind: str  # a body kind, or "work"
    rank: int = 0  # 0 lexicon, 1 head word, 2 context; lower wins a tie


@dataclass(frozen=True, slots=True)
class NameHit:
    """A full name in one text: words i..j-1 of the name, the form as written, evidence."""

    i: int  # first word of the form (the honorific, if any)
    j: int
    start: int
    end: int
    form: str
    name: str  # canonical: the name without honorifics or possessive
    strong: bool  # a given name, honorific or context says this is a person
    definite: bool = False  # "the" right before, no given name: "the Fast Stream" is no person


@dataclass
class Seg:
    """One text of the article with its words and what has been found in it."""

    location: str
    paragraph: int | None
    text: str
    toks: list[Tok]
    title_case: bool
    spans: list[Span] = field(default_factory=list)
    names: list[NameHit] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    words: frozenset[str] = frozenset()  # every word of the text, for cheap pre-checks
    caps: list[int] = field(default_factory=list)  # indices of capitalised words


@dataclass
class PersonAcc:
    """A person being gathered: every form, role and body seen so far."""

    name: str
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    strong: bool = False
    count: int = 0
    definite: bool = False  # once written after "the" ("the Fast Stream"): a thing, not a person
    sex: str = ""  # "f" or "m" when the text says (a family word, a pronoun, an honorific)
    given_key: bool = False  # named by given name alone ("his wife Janet" -> "Janet")


@dataclass
class ThingAcc:
    """A body or work being gathered: its kind, forms and (for works) author."""

    name: str
    kind: str
    forms: list[str] = field(default_factory=list)
    author: str | None = None
    phrase: str = ""  # a work named by a phrase and its author ("internal note" of HMRC)


def add_once(lst: list[str], item: str) -> None:
    """Append `item` unless it is empty or already there."""
    if item and item not in lst:
        lst.append(item)


# Descriptive words after a body's name that are not part of it ("the FDA union").
DESCRIPTOR_TAIL = re.compile(r"\s(?:union|think tank|party|department|committee|group)$", re.I)


def as_written(name: str, written: list[str]) -> str:
    """A body's name as this article writes it. An article that only ever uses an acronym
    ("PCS", "HMRC") is named by it, as its readers know it; otherwise (and for parties,
    whose full names are the custom) the full name stands.
    The lexicon's full name stays an alias, so the body still joins its other articles."""
    key = name.casefold().removeprefix("the ")
    forms = [DESCRIPTOR_TAIL.sub("", f).removeprefix("the ").removeprefix("The ") for f in written]
    if not forms or any(f.casefold() == key for f in forms):
        return name
    if all(" " not in f and sum(c.isupper() for c in f) >= 2 for f in forms):
        return max(forms, key=len)
    return name
