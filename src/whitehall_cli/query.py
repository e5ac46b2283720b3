"""Stage 6: questions asked of the index: filters, fuzzy names, listings and profiles.

Names given by users (`who`, `--person`, `--body`, `--source`) resolve the same way
everywhere: an exact form or alias first, then an acronym, a surname, and finally the
closest spelling (rapidfuzz) above `FUZZY_THRESHOLD`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from whitehall_cli.errors import BadQuery, CorpusNotFound, NotFound
from whitehall_cli.index.store import Index
from whitehall_cli.load.corpus import resolve_corpus
from whitehall_cli.models import Body, BodyRef, DocLink, DocRow, Document, Person, PersonRef, Quote
from whitehall_cli.parse.dates import find_date

if TYPE_CHECKING:
    from whitehall_cli.search import SearchResult

# Honorifics dropped before names are compared.
HONORIFICS = re.compile(
    r"^(?:sir|dame|lord|lady|baroness|baron|dr|mr|mrs|ms|miss|professor|prof|the rt hon|rt hon)\.?\s+",
    re.I,
)
# Lowest rapidfuzz score (0-100) at which a misspelt name still resolves.
FUZZY_THRESHOLD = 80
# Candidates this close to the best score are offered together as a choice.
AMBIGUITY_MARGIN = 3
# Lowest score at which a name is offered as a suggestion after a miss.
SUGGEST_THRESHOLD = 55
# Articles `search` gives unless --limit says otherwise.
DEFAULT_SEARCH_LIMIT = 20
# Small words left out of acronyms ("Institute for Government" -> IFG).
ACRONYM_SKIP = frozenset({"of", "for", "the", "and", "on", "in", "&", "to"})


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by the commands; None means "not set"."""

    person: str | None = None
    body: str | None = None
    source: str | None = None
    about: str | None = None
    doc: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """Several people or bodies answer to one name: the user picks."""

    query: str
    candidates: tuple[tuple[str, str], ...]  # (name, "person" | "body")


def open_index(
    data: str | None,
    *,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
    scan: bool | None = None,
) -> Index:
    """The index of the corpus chosen by --data, $WH_DATA or the bundled default."""
    corpus = resolve_corpus(data)
    index = Index.open(corpus, rebuild=rebuild, progress=progress, scan=scan)
    if index.document_count() == 0:
        raise CorpusNotFound(f"no readable articles in {corpus.root}")
    return index


# --- names ------------------------------------------------------------------------------


def name_key(name: str) -> str:
    """A name as compared: case-folded, no honorific, no "the", no possessive."""
    s = re.sub(r"[\u2019']s$", "", name.strip())
    s = HONORIFICS.sub("", s)
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    return " ".join(s.replace("(", "").replace(")", "").split()).casefold()


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).casefold() if len(words) >= 2 else ""


class NameBook:
    """Every person and body of the corpus under every form a user may type."""

    def __init__(self, people: Sequence[Person], bodies: Sequence[Body]) -> None:
        self.people = {p.name: p for p in people}
        self.bodies = {b.name: b for b in bodies}
        self.forms: dict[str, set[tuple[str, str]]] = {}
        self.surnames: dict[str, set[tuple[str, str]]] = {}
        for p in people:
            for form in (p.name, *p.aliases):
                self._add(self.forms, name_key(form), (p.name, "person"))
            self._add(self.surnames, name_key(p.name).split(" ")[-1], (p.name, "person"))
        for b in bodies:
            for form in (b.name, *b.aliases):
                self._add(self.forms, name_key(form), (b.name, "body"))
            self._add(self.forms, acronym(b.name), (b.name, "body"))

    @staticmethod
    def _add(table: dict[str, set[tuple[str, str]]], key: str, value: tuple[str, str]) -> None:
        if key:
            table.setdefault(key, set()).add(value)

    def record(self, name: str, kind: str) -> Person | Body:
        return self.people[name] if kind == "person" else self.bodies[name]

    def lookup(
        self, query: str, kinds: Iterable[str] = ("person", "body")
    ) -> Person | Body | Choice:
        """The one person or body `query` names, a Choice, or NotFound with suggestions."""
        kinds = tuple(kinds)
        key = name_key(query)
        if not key:
            raise BadQuery("a name is needed")
        for table in (self.forms, self.surnames):
            found = sorted(k for k in table.get(key, ()) if k[1] in kinds)
            if len(found) == 1:
                return self.record(*found[0])
            if found:
                return Choice(query, tuple(found))
        return self._fuzzy(query, key, kinds)

    def _fuzzy(self, query: str, key: str, kinds: tuple[str, ...]) -> Person | Body | Choice:
        from rapidfuzz import fuzz, process

        choices = {
            form: owners
            for table in (self.forms, self.surnames)
            for form, owners in table.items()
            if any(k in kinds for _, k in owners)
        }
        scored = process.extract(key, list(choices), scorer=fuzz.ratio, limit=20)
        best: dict[tuple[str, str], float] = {}
        for form, score, _ in scored:
            for owner in choices[form]:
                if owner[1] in kinds:
                    best[owner] = max(best.get(owner, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
            suggestions = [name for (name, _), s in ranked[:5] if s >= SUGGEST_THRESHOLD]
            raise NotFound(f"no one called {query!r}", suggestions)
        top = [owner for owner, s in ranked if s >= ranked[0][1] - AMBIGUITY_MARGIN]
        if len(top) == 1:
            return self.record(*top[0])
        return Choice(query, tuple(top))


def name_book(index: Index) -> NameBook:
    return NameBook(index.people(), index.bodies())


def resolve_one(
    book: NameBook, query: str, kinds: Iterable[str] = ("person", "body")
) -> Person | Body:
    """For filters: one entity, or a usage error that lists the choices."""
    found = book.lookup(query, kinds)
    if isinstance(found, Choice):
        names = ", ".join(n for n, _ in found.candidates)
        raise BadQuery(f"{query!r} matches several: {names}; give more of the name")
    return found


# --- filters ----------------------------------------------------------------------------


def date_bound(value: str | None, *, end: bool = False) -> str | None:
    """--since/--until as an ISO date: YYYY-MM-DD, YYYY-MM, YYYY or "8 March 2023"."""
    if value is None:
        return None
    v = value.strip()
    if m := re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", v):
        year, month, day = m.group(1), m.group(2), m.group(3)
        if day:
            found = find_date(f"{year}-{int(month):02d}-{int(day):02d}")
            if found:
                return found[0]
        elif month and 1 <= int(month) <= 12:
            return f"{year}-{int(month):02d}-{'31' if end else '01'}"
        elif not month:
            return f"{year}-{'12-31' if end else '01-01'}"
    elif found := find_date(v):
        return found[0]
    raise BadQuery(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")


def doc_ids_for(index: Index, book: NameBook | None, f: Filters) -> set[str] | None:
    """Articles allowed by --person, --body, --doc, --outlet, --since and --until."""
    allowed: set[str] | None = None

    def narrow(ids: Iterable[str]) -> None:
        nonlocal allowed
        ids = set(ids)
        allowed = ids if allowed is None else allowed & ids

    if f.person or f.body:
        book = book or name_book(index)
        if f.person:
            narrow(index.docs_naming(resolve_one(book, f.person, ("person",)).name))
        if f.body:
            narrow(index.docs_naming(resolve_one(book, f.body, ("body",)).name))
    if f.doc:
        narrow([index.resolve_doc(f.doc)])
    if f.outlet or f.since or f.until:
        since, until = date_bound(f.since), date_bound(f.until, end=True)
        outlet = f.outlet.casefold() if f.outlet else None
        narrow(
            d.id
            for d in index.documents()
            if (outlet is None or outlet in (d.outlet or "").casefold())
            and (since is None or (d.date is not None and d.date >= since))
            and (until is None or (d.date is not None and d.date <= until))
        )
    return allowed


def _limit(items: list, limit: int | None) -> list:
    if limit is not None and limit < 0:
        raise BadQuery("--limit must be 0 or more")
    return items if limit is None else items[:limit]


# --- listings ---------------------------------------------------------------------------


def list_docs(index: Index, f: Filters) -> list[DocRow]:
    """Every article the filters allow, with its counts of people and quotations."""
    allowed = doc_ids_for(index, None, f)
    people: Counter[str] = Counter()
    for p in index.people():
        people.update(p.documents)
    quotes = Counter(q.document for q in index.quotes())
    docs = [d for d in index.documents() if allowed is None or d.id in allowed]
    return _limit([DocRow(d, people[d.id], quotes[d.id]) for d in docs], f.limit)


def list_people(index: Index, f: Filters) -> list[Person]:
    allowed = doc_ids_for(index, None, replace(f, person=None))
    people = [p for p in index.people() if allowed is None or set(p.documents) & allowed]
    if f.person:
        chosen = resolve_one(name_book(index), f.person, ("person",))
        people = [p for p in people if p.name == chosen.name]
    people.sort(key=lambda p: (-len(p.documents), -p.quote_count, p.name))
    return _limit(people, f.limit)


def list_bodies(index: Index, f: Filters) -> list[Body]:
    allowed = doc_ids_for(index, None, replace(f, body=None))
    bodies = [b for b in index.bodies() if allowed is None or set(b.documents) & allowed]
    if f.body:
        chosen = resolve_one(name_book(index), f.body, ("body",))
        bodies = [b for b in bodies if b.name == chosen.name]
    bodies.sort(key=lambda b: (-len(b.documents), b.name))
    return _limit(bodies, f.limit)


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
    return _limit(quotes, f.limit)


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
    """`who`: the full profile of the one person or body `name` resolves to."""
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
    if isinstance(found, Body):
        return replace(found, quotes=quotes, appearances=appearances)
    alongside = Counter(
        p.name for p in index.people() if p.name != found.name and set(p.documents) & set(docs)
    )
    return replace(
        found,
        quotes=quotes,
        appearances=appearances,
        alongside=tuple(n for n, _ in alongside.most_common(10)),
    )


# --- search -----------------------------------------------------------------------------


def run_search(
    index: Index, text: str, f: Filters, *, sort: str = "relevance", raw: bool = False
) -> SearchResult:
    """Full-text search, narrowed by --person/--body (articles naming them) and the rest."""
    from whitehall_cli.search import search

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


def stream(index: Index, what: str) -> Iterator[Any]:
    """Every record of one table, one at a time (for `export`)."""
    if what == "docs":
        for doc, people, quotes in index.iter_documents():
            yield DocRow(doc, people, quotes)
    elif what == "quotes":
        yield from index.iter_quotes()
    elif what == "people":
        yield from index.people()
    elif what == "bodies":
        yield from index.bodies()
    else:
        raise BadQuery(f"cannot export {what!r}")
