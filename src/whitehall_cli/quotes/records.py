"""The records the quotations stage passes around: a phrase that can speak (`Cand`), a speech
verb (`Verb`), who speaks a quotation (`Attribution`, `NOBODY`), and what the article has
established so far as it is read (`ReadingState`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Attribution(NamedTuple):
    """Who speaks a quotation: canonical name, kind, role and the bodies spoken for. (A named
    tuple, like `Cand`: an article makes many, and a frozen dataclass costs more to build.)"""

    speaker: str | None
    kind: str | None
    role: str | None = None
    bodies: tuple[str, ...] = ()


# An explicit "nobody": the text gives the words to no one we can name ("MPs said").
NOBODY = Attribution(None, None)


class Cand(NamedTuple):
    """A phrase that can be the subject of a speech verb: a name, pronoun, role or noun."""

    start: int
    end: int
    what: str  # "mention", "pronoun", "it", "role", "doc", "bodynoun", "spokes"
    key: str  # entity name, doc noun, body kind ...
    mention_kind: str = ""  # for mentions: person, body or document


class Verb(NamedTuple):
    """A speech verb (or phrase) in a text."""

    start: int
    end: int
    word: str  # lower case
    noun: bool  # after a determiner: "a tweet", "the statement"


def source_of(c: Cand) -> str:
    return c.mention_kind if c.what == "mention" else c.what


@dataclass
class ReadingState:
    """What the article has established so far, for pronouns and "the report"."""

    focus: Attribution | None = None  # the person last in focus
    recent: list[Attribution] = field(default_factory=list)  # people in focus, latest last
    thing: Attribution | None = None  # what "it" stands for
    last_quote: Attribution | None = None
    last_quote_para: int = -9
    reporting: Attribution | None = None  # the last speaker of any kind, with or without quotes
    reporting_para: int = -9
    intro: Attribution | None = None  # who a paragraph ending in a colon introduces
    intro_para: int = -9
    doc_person: dict[str, str] = field(default_factory=dict)  # doc kind -> author person
    doc_body: dict[str, str] = field(default_factory=dict)  # doc kind -> publishing body
    doc_work: dict[str, str] = field(default_factory=dict)  # doc kind -> the work it names
