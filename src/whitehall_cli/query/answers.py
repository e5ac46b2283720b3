"""The questions the commands ask of the index, each one function: the listings (`docs`,
`people`, `bodies`, `quotes`), one article (`show`), one name (`profile`), a search, and a
whole table for `export`. Filters and names resolve as `filters` and `names` say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from whitehall_cli.errors import BadQuery, CorpusNotFound
from whitehall_cli.index.store import Index
from whitehall_cli.load.corpus import resolve_corpus
from whitehall_cli.models import Body, BodyRef, DocLink, DocRow, Document, Person, PersonRef, Quote
from whitehall_cli.query import periods
from whitehall_cli.query.choices import Sort, Table
from whitehall_cli.query.filters import Filters, date_bound, doc_ids_for, limited
from whitehall_cli.query.names import Choice, name_book, resolve_one

if TYPE_CHECKING:
    from whitehall_cli.query.search import SearchResult

# Articles `search` gives unless --limit says otherwise.
DEFAULT_SEARCH_LIMIT = 20
# Most periods in `who`'s sparkline before a coarser period is chosen (one column each).
SPARKLINE_PERIODS = 40


def open_index(
    data: str | None,
    *,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
    scan: bool | None = None,
    allow_empty: bool = False,
) -> Index:
    """The index of the corpus chosen by --data, $WH_DATA or the bundled default;
    CorpusNotFound when it holds no readable article, unless `allow_empty`."""
    corpus = resolve_corpus(data)
    index = Index.open(corpus, rebuild=rebuild, progress=progress, scan=scan)
    if index.document_count() == 0 and not allow_empty:
        raise CorpusNotFound(f"no readable articles in {corpus.root}")
    return index


# --- listings ---------------------------------------------------------------------------


def list_docs(index: Index, f: Filters) -> list[DocRow]:
    """Every article the filters allow, with its counts of people and quotations."""
    allowed = doc_ids_for(index, None, f)
    people: Counter[str] = Counter()
    for p in index.people():
        people.update(p.documents)
    quotes = Counter(q.document for q in index.quotes())
    docs = [d for d in index.documents() if allowed is None or d.id in allowed]
    return limited([DocRow(d, people[d.id], quotes[d.id]) for d in docs], f.limit)


def list_people(index: Index, f: Filters) -> list[Person]:
    allowed = doc_ids_for(index, None, replace(f, person=None))
    people = [p for p in index.people() if allowed is None or set(p.documents) & allowed]
    if f.person:
        chosen = resolve_one(name_book(index), f.person, ("person",))
        people = [p for p in people if p.name == chosen.name]
    people.sort(key=lambda p: (-len(p.documents), -p.quote_count, p.name))
    return limited(people, f.limit)


def list_bodies(index: Index, f: Filters) -> list[Body]:
    allowed = doc_ids_for(index, None, replace(f, body=None))
    bodies = [b for b in index.bodies() if allowed is None or set(b.documents) & allowed]
    if f.body:
        chosen = resolve_one(name_book(index), f.body, ("body",))
        bodies = [b for b in bodies if b.name == chosen.name]
    bodies.sort(key=lambda b: (-len(b.documents), b.name))
    return limited(bodies, f.limit)


def list_quotes(index: Index, f: Filters) -> list[Quote]:
    """Quotations; --person is the speaker, --source the speaker or any body it speaks for."""
    book = name_book(index) if (f.person or f.source or f.body) else None
    allowed = doc_ids_for(index, book, replace(f, person=None, body=None))
    quotes = index.quotes(sorted(allowed) if allowed is not None else None)
    if f.person and book:
        who = resolve_one(book, f.person, ("person",))
        quotes = [q for q in quotes if speaks_for(q, who)]
    for name in (f.source, f.body):
        if name and book:
            quotes = [q for q in quotes if speaks_for(q, resolve_one(book, name))]
    if f.about:
        words = [w.casefold() for w in re.findall(r"\w+", f.about)]
        quotes = [q for q in quotes if all(_has_word(q.text, w) for w in words)]
    return limited(quotes, f.limit)


def speaks_for(q: Quote, who: Person | Body) -> bool:
    """`who` said it: the speaker, or (for a body) the body the speaker speaks for."""
    speaker = q.speaker_canonical or q.speaker
    if isinstance(who, Person):
        return speaker == who.name
    return speaker == who.name or who.name in q.bodies


def _has_word(text: str, word: str) -> bool:
    """`word` starts a word of `text` (so "leak" finds "leaks" and "leaked")."""
    return re.search(r"\b" + re.escape(word), text.casefold()) is not None


# --- one article, one name --------------------------------------------------------------


def show(index: Index, ref: str) -> tuple[Document, list[Person], list[Body], list[Quote]]:
    """One article with its people, bodies and quotations."""
    analysis = index.analysis(index.resolve_doc(ref))
    doc, cast = analysis.document, analysis.cast
    said = Counter(q.speaker for q in analysis.quotes if q.speaker)  # the article's names
    people = [_person_in(doc.id, p, said[p.name]) for p in cast.people]
    bodies = [
        _body_in(doc.id, b, [p.name for p in cast.people if b.name in p.bodies])
        for b in cast.bodies
    ]
    return doc, people, bodies, list(analysis.quotes)


def _person_in(doc_id: str, p: PersonRef, quotes: int) -> Person:
    return Person(p.name, p.aliases, p.roles, p.bodies, (doc_id,), quotes)


def _body_in(doc_id: str, b: BodyRef, people: list[str]) -> Body:
    return Body(b.name, b.aliases, b.kind, (doc_id,), tuple(people))


def profile(index: Index, name: str) -> Person | Body | Choice:
    """`who`: the full profile of the one person or body `name` resolves to, with their
    articles and quotations per period (`activity`)."""
    found = name_book(index).lookup(name)
    if isinstance(found, Choice):
        return found
    docs = {d.id: d for d in index.documents() if d.id in set(found.documents)}
    appearances = tuple(
        sorted(
            (DocLink(d.id, d.title, d.date) for d in docs.values()),
            key=lambda a: (a.date or "", a.id),
        )
    )
    quotes = tuple(q for q in index.quotes(sorted(docs)) if speaks_for(q, found))
    activity = periods.activity(
        found.name, (a.date for a in appearances), (q.date for q in quotes), SPARKLINE_PERIODS
    )
    if isinstance(found, Body):
        return found._replace(quotes=quotes, appearances=appearances, activity=activity)
    alongside = Counter(
        p.name for p in index.people() if p.name != found.name and set(p.documents) & set(docs)
    )
    return found._replace(
        quotes=quotes,
        appearances=appearances,
        alongside=tuple(n for n, _ in alongside.most_common(10)),
        activity=activity,
    )


# --- search -----------------------------------------------------------------------------


def run_search(
    index: Index, text: str, f: Filters, *, sort: Sort | str = "relevance", raw: bool = False
) -> SearchResult:
    """Full-text search, narrowed by --person/--body (articles naming them) and the rest."""
    from whitehall_cli.query.search import search  # sqlite's FTS work: only for a search

    allowed = doc_ids_for(index, None, replace(f, outlet=None, since=None, until=None))
    return search(
        index,
        text,
        doc_ids=allowed,
        outlet=f.outlet,
        since=date_bound(f.since),
        until=date_bound(f.until, end=True),
        limit=f.limit if f.limit is not None else DEFAULT_SEARCH_LIMIT,
        sort=sort,
        raw=raw,
    )


# --- export -----------------------------------------------------------------------------


def stream(index: Index, what: Table | str) -> Iterator[Any]:
    """Every record of one table, one at a time (for `export`)."""
    try:
        table = Table(what)
    except ValueError:
        raise BadQuery(f"cannot export {what!r}") from None
    if table is Table.DOCS:
        for doc, people, quotes in index.iter_documents():
            yield DocRow(doc, people, quotes)
    elif table is Table.QUOTES:
        yield from index.iter_quotes()
    elif table is Table.PEOPLE:
        yield from index.people()
    else:
        yield from index.bodies()
