"""Typed records that flow through the pipeline.

load -> parse produce `Document`; entities produce `Cast` (people, bodies, works and their
`Mention`s); quotes produce `Quote`; the index stores an `Analysis` per document and answers
with corpus-wide `Person`, `Body` and `Hit` records, and counts over time (`Series` of
`PeriodCount`s, which `who` shows too). Every record is frozen: a stage never
edits what an earlier stage made. JSON comes from `render.to_json`, one place for all of them.
"""

from __future__ import annotations

from typing import NamedTuple

# Where a span of text sits in an article.
LOCATIONS = ("title", "standfirst", "body")
# What kind of thing speaks a quotation (None when nobody is named).
SPEAKER_KINDS = ("person", "body", "document")
# Kinds of body, as the gold schema names them.
BODY_KINDS = (
    "union",
    "department",
    "think tank",
    "party",
    "parliament",
    "regulator",
    "court",
    "outlet",
    "company",
    "other",
)


class Document(NamedTuple):
    """One article, clean: metadata plus the body as a tuple of paragraphs."""

    id: str  # path relative to the corpus folder, without extension, "/"-separated
    path: str  # absolute path of the source file
    title: str | None
    standfirst: str | None
    date: str | None  # ISO YYYY-MM-DD
    outlet: str | None
    authors: tuple[str, ...]
    url: str | None
    paragraphs: tuple[str, ...]

    def text_at(self, location: str, paragraph: int | None) -> str:
        """The text of the title, the standfirst or one body paragraph."""
        if location == "title":
            return self.title or ""
        if location == "standfirst":
            return self.standfirst or ""
        if paragraph is None or not 0 <= paragraph < len(self.paragraphs):
            return ""
        return self.paragraphs[paragraph]


class DocRow(NamedTuple):
    """A `docs` listing row: an article (paragraphs left out) with its counts."""

    document: Document
    people_count: int
    quote_count: int


class Mention(NamedTuple):
    """One occurrence of a person, body or work in one article."""

    entity: str  # canonical name of what is mentioned
    kind: str  # "person", "body" or "document"
    form: str  # the surface form as written ("Heywood's" gives "Heywood")
    location: str  # "title", "standfirst" or "body"
    paragraph: int | None  # index into Document.paragraphs, None outside the body
    start: int  # character offsets of `form` in that text
    end: int


class PersonRef(NamedTuple):
    """A person as one article presents them."""

    name: str  # canonical: full name without honorific
    aliases: tuple[str, ...]  # every other form seen in this article
    roles: tuple[str, ...]
    bodies: tuple[str, ...]  # canonical body names


class BodyRef(NamedTuple):
    """An organisation as one article presents it."""

    name: str  # canonical full name
    aliases: tuple[str, ...]  # acronyms and other forms
    kind: str  # one of BODY_KINDS


class WorkRef(NamedTuple):
    """A code, report or letter that the article names and that may speak."""

    name: str
    aliases: tuple[str, ...]
    author: str | None = None  # canonical person or body that wrote it, when the text says


class Cast(NamedTuple):
    """Everyone and everything one article names."""

    people: tuple[PersonRef, ...] = ()
    bodies: tuple[BodyRef, ...] = ()
    works: tuple[WorkRef, ...] = ()
    mentions: tuple[Mention, ...] = ()
    # every word form of the article's title, standfirst and paragraphs, as the entity stage
    # tokenised them (later stages reuse them instead of tokenising the text again)
    words: frozenset[str] = frozenset()


class Quote(NamedTuple):
    """One direct quotation (one paragraph's worth of it)."""

    id: str  # "<document id>#<n>"
    text: str  # the words inside the quotation marks
    speaker: str | None  # canonical person, body or work name
    speaker_kind: str | None  # one of SPEAKER_KINDS, None with no speaker
    role: str | None  # the speaker's role as the article gives it
    bodies: tuple[str, ...]  # bodies the speaker speaks for here
    document: str  # Document.id
    date: str | None
    location: str  # one of LOCATIONS
    paragraph: int | None
    partial: bool  # a fragment inside a sentence
    start: int = 0  # offsets of `text` in its paragraph (or title / standfirst)
    end: int = 0
    speaker_canonical: str | None = None  # the speaker's corpus-wide name (for grouping)


class StageFailure(NamedTuple):
    """An extraction stage that failed on one article, which is kept without what it gives."""

    stage: str  # "entities" or "quotes"
    error: str  # one line: "ValueError: zip() argument 2 is longer than argument 1"
    detail: str  # the traceback, for `wh -v`


class Analysis(NamedTuple):
    """What the pipeline knows about one article."""

    document: Document
    cast: Cast
    quotes: tuple[Quote, ...]
    failures: tuple[StageFailure, ...] = ()  # stages that failed: their part is left empty


class DocLink(NamedTuple):
    """An article in which a person or body appears."""

    id: str
    title: str | None
    date: str | None


class PeriodCount(NamedTuple):
    """How many articles (and quotations) fall in one period of a timeline."""

    period: str  # "2016-12" (month), "2016-Q4" (quarter), "2016" (year) or "undated"
    articles: int
    quotes: int = 0


class Series(NamedTuple):
    """One series of a timeline: a count for every period of the span, oldest first (an
    empty period is a zero, never left out), and the undated matches apart."""

    label: str  # what was counted: the words as searched (typos corrected), or a name
    by: str  # "month", "quarter" or "year"
    periods: tuple[PeriodCount, ...]
    undated: PeriodCount  # period "undated"

    @property
    def articles(self) -> int:
        return sum(p.articles for p in self.periods) + self.undated.articles

    @property
    def quotes(self) -> int:
        return sum(p.quotes for p in self.periods) + self.undated.quotes


class Person(NamedTuple):
    """A person across the whole corpus."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    bodies: tuple[str, ...]
    documents: tuple[str, ...]
    quote_count: int = 0
    quotes: tuple[Quote, ...] = ()  # filled for `who`
    appearances: tuple[DocLink, ...] = ()  # filled for `who`
    alongside: tuple[str, ...] = ()  # people named in the same articles, for `who`
    activity: Series | None = None  # articles and quotations per period, for `who`


class Body(NamedTuple):
    """An organisation across the whole corpus."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    documents: tuple[str, ...]
    people: tuple[str, ...]
    quote_count: int = 0
    quotes: tuple[Quote, ...] = ()  # filled for `who`
    appearances: tuple[DocLink, ...] = ()  # filled for `who`
    activity: Series | None = None  # articles and quotations per period, for `who`


class Hit(NamedTuple):
    """One matching paragraph from `search`."""

    document: str
    title: str | None
    date: str | None
    paragraph: int | None  # None for a match in the title or standfirst
    snippet: str
    score: float
    spans: tuple[tuple[int, int], ...] = ()  # matched spans in `snippet`


class Added(NamedTuple):
    """One page or file given to `wh add`, and what became of it."""

    source: str  # the address or file as given
    path: str  # the article file in the corpus: written now, or the one already there
    created: bool  # False: the article was already in the corpus, and nothing was written
    title: str | None
    url: str | None
    warnings: tuple[str, ...] = ()  # how reading it fell short (the fallback reader ...)


class NotAdded(NamedTuple):
    """One page or file given to `wh add` that could not be added, and why."""

    source: str  # the address or file as given
    error: str  # the one-line reason, starting with the address or file
