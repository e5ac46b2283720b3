"""`timeline`: how many articles (and quotations) match, period by period, in one or more
series side by side.

What a series is:
- each WORDS argument is one series, read in `search`'s query language (phrases, `OR`,
  `-word`, `word*`, typos corrected); an argument of several plain words (`"civil service"`
  quoted at the shell) is a phrase; its label is the argument as searched, a corrected typo
  replaced by the word counted instead. An article matches as it does in `search`: its title,
  standfirst or body holds the words (stemmed: leak, leaks, leaked). With `quotes`, a
  quotation counts when it is in a matching article and its own words match the query.
- without WORDS, each `--person` and each `--body` is a series: the articles that name them
  and, with `quotes`, the quotations they speak (a body: it or its people, as `who` counts).
- with WORDS, `--person` and `--body` narrow every series to the articles that name all of
  them, as in `search`. `--source` narrows every series to the articles where that person or
  body (or its people) is quoted and, with `quotes`, to their quotations; given alone, it is
  the one series. `--outlet`, `--since` and `--until` narrow as everywhere (a date bound
  leaves undated articles out, and stretches the span to the bound).

Articles are counted in SQL per day: a document's rowid carries its day number
(`rowid >> DAY_SHIFT`, 0 undated), so a word in 70,000 articles is one FTS5 `GROUP BY`
without reading any text. Quotations of matching articles are matched in a small in-memory
FTS5 table with the same tokenizer, so they match exactly as articles do.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from whitehall_cli.errors import BadQuery
from whitehall_cli.index import schema as ss
from whitehall_cli.index.store import Index
from whitehall_cli.models import Body, Person, Quote, Series
from whitehall_cli.query import periods
from whitehall_cli.query.answers import speaks_for
from whitehall_cli.query.choices import By
from whitehall_cli.query.filters import Filters, date_bound
from whitehall_cli.query.names import name_book, resolve_one
from whitehall_cli.query.search import IN_CHUNK, rowid_filters
from whitehall_cli.query.syntax import (
    Part,
    Query,
    argument_query,
    correct,
    corrected_text,
    parse_query,
)

# Most periods a chart has before a coarser period is chosen (a row each on a terminal).
CHART_PERIODS = 24


@dataclass(frozen=True, slots=True)
class Timeline:
    """Series side by side over one span, cut into the same periods."""

    series: tuple[Series, ...]
    by: By
    quotes: bool  # quotations were counted too
    corrections: tuple[tuple[str, str], ...] = ()  # (typed word, word counted instead)
    hint: str | None = None  # when nothing was found: why, and what would find something

    @property
    def found(self) -> bool:
        """Some series counted something (dated or not)."""
        return any(s.articles or s.quotes for s in self.series)


class _Counts(NamedTuple):
    """One series before it is cut into periods: counts per day number. (A named tuple: a
    frozen dataclass costs a millisecond to make at start-up, and this one never leaves.)"""

    label: str
    articles: Counter[int]
    quotes: Counter[int]


def timeline(
    index: Index,
    words: Sequence[str],
    f: Filters,
    *,
    people: Sequence[str] = (),
    bodies: Sequence[str] = (),
    by: By | None = None,
    quotes: bool = False,
) -> Timeline:
    """Count the series the user asked for (see the module's docstring)."""
    if not words and not people and not bodies and not f.source:
        raise BadQuery("nothing to count: give words, --person, --body or --source")
    since, until = date_bound(f.since), date_bound(f.until, end=True)
    if since and until and since > until:
        raise BadQuery(f"--since {f.since} is after --until {f.until}")
    book = name_book(index) if (people or bodies or f.source) else None
    source = resolve_one(book, f.source) if book and f.source else None
    narrow: set[str] | None = None
    if source is not None:
        narrow = _quoted_in(index, source)
    scope = _Scope(index, f.outlet, since, until, source)
    counted: list[_Counts] = []
    corrections: dict[str, str] = {}
    queries: list[Query] = []
    chosen: list[Person | Body] = []
    if words:
        for names, kind in ((people, "person"), (bodies, "body")):
            for name in names:
                assert book is not None
                narrow = _and(narrow, index.docs_naming(resolve_one(book, name, (kind,)).name))
        for arg in words:
            query, fixed = correct(index.conn, parse_query(argument_query(arg)))
            corrections.update(fixed)
            label = corrected_text(arg.strip(), fixed)  # what was searched, not the typo
            queries.append(query)
            counted.append(scope.words(label, query, narrow, quotes))
    elif book is not None:
        chosen = [resolve_one(book, n, ("person",)) for n in people]
        chosen += [resolve_one(book, n, ("body",)) for n in bodies]
        chosen = chosen or ([source] if source is not None else [])
        for who in chosen:
            docs = _and(narrow, index.docs_naming(who.name))
            counted.append(scope.entity(who, docs, quotes))
    bounds = (since if f.since else None, until if f.until else None)
    span = periods.span_of(*(c for s in counted for c in (s.articles, s.quotes)), within=bounds)
    chosen_by = by or periods.choose(span, CHART_PERIODS)
    series = tuple(periods.series(c.label, c.articles, c.quotes, span, chosen_by) for c in counted)
    found = Timeline(series, chosen_by, quotes, tuple(corrections.items()))
    if found.found:
        return found
    narrowing = [flag for flag, given in _narrowing(f, words, people, bodies) if given]
    named = [  # what each person or body series counts, narrowed by nothing
        _quoted_in(index, who) if who is source else index.docs_naming(who.name) for who in chosen
    ]
    return replace(found, hint=_why_nothing(index, queries, named, narrowing))


def _narrowing(
    f: Filters, words: Sequence[str], people: Sequence[str], bodies: Sequence[str]
) -> list[tuple[str, object]]:
    """The options that narrow every series, with what was given for each."""
    flags: list[tuple[str, object]] = [
        ("--outlet", f.outlet),
        ("--since", f.since),
        ("--until", f.until),
        ("--source", f.source and (words or people or bodies)),  # alone, it is the series
    ]
    return flags + [("--person", words and people), ("--body", words and bodies)]


def _why_nothing(
    index: Index, queries: Sequence[Query], named: Sequence[set[str]], narrowing: list[str]
) -> str | None:
    """Why every series is empty: a word or phrase no article has (`correct` found nothing
    close to it, or it would have been counted instead); else the options that narrowed the
    articles away, with how many match without them; else words never together as asked."""
    conn = index.conn
    parts = [p for q in queries for group in q.groups for p in group]
    missing = [p for p in parts if not _matches_any(conn, p.expr())]
    if missing:
        return "no article has " + " or ".join(repr(_typed(p)) for p in missing)
    if narrowing:
        docs = {d for q in queries for d in _matching(conn, q.article_expr())}
        docs |= {d for some in named for d in some}
        if docs:
            n = len(docs)
            verb = "articles match" if n != 1 else "article matches"
            return f"{n} {verb} without {' and '.join(narrowing)}"
    if queries:
        return "each word is in some article, but none has them as asked"
    return None


def _typed(part: Part) -> str:
    return " ".join(part.tokens) + ("*" if part.prefix else "")


def _matches_any(conn: sqlite3.Connection, expr: str) -> bool:
    row = conn.execute("SELECT 1 FROM docs_fts WHERE docs_fts MATCH ? LIMIT 1", (expr,))
    return row.fetchone() is not None


def _matching(conn: sqlite3.Connection, expr: str) -> set[str]:
    rows = conn.execute(
        "SELECT id FROM documents WHERE rowid IN "
        "(SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?)",
        (expr,),
    )
    return {i for (i,) in rows}


def _and(a: set[str] | None, b: Iterable[str]) -> set[str]:
    return set(b) if a is None else a & set(b)


def _quoted_in(index: Index, source: Person | Body) -> set[str]:
    """The articles in which `source` (or, for a body, its people) is quoted."""
    docs = index.docs_naming(source.name)
    return {q.document for q in index.quotes(sorted(docs)) if speaks_for(q, source)}


class _Scope:
    """What every series shares: the index, the filters, and the source whose quotations
    alone count (when --source is given)."""

    def __init__(
        self,
        index: Index,
        outlet: str | None,
        since: str | None,
        until: str | None,
        source: Person | Body | None,
    ) -> None:
        self.index, self.conn = index, index.conn
        self.outlet, self.since, self.until = outlet, since, until
        self.source = source

    def _where(self, docs: Collection[str] | None, column: str) -> tuple[str, list[object]]:
        return rowid_filters(self.conn, docs, self.outlet, self.since, self.until, column=column)

    def words(self, label: str, query: Query, docs: set[str] | None, quotes: bool) -> _Counts:
        """Articles matching `query` per day (one FTS5 GROUP BY), and their quotations whose
        own words match it."""
        expr = query.article_expr()
        where, args = self._where(docs, "docs_fts.rowid")
        match = f"docs_fts MATCH ?{where}"
        try:
            rows = self.conn.execute(
                f"SELECT docs_fts.rowid >> {ss.DAY_SHIFT}, count(*) FROM docs_fts "
                f"WHERE {match} GROUP BY 1",
                [expr, *args],
            ).fetchall()
        except sqlite3.OperationalError as e:
            raise BadQuery(f"cannot count {label!r}: {e}") from None
        articles = Counter({day: n for day, n in rows})
        said: Counter[int] = Counter()
        if quotes and articles:
            said = self._matching_quotes(expr, match, [expr, *args])
        return _Counts(label, articles, said)

    def _matching_quotes(self, expr: str, match: str, args: list[object]) -> Counter[int]:
        """Quotations of the matching articles whose words match `expr`, per day."""
        conn = self.conn
        rows = conn.execute(
            f"SELECT q.doc, q.n, q.text FROM quotes q WHERE q.doc IN "
            f"(SELECT docs_fts.rowid FROM docs_fts WHERE {match})",
            args,
        ).fetchall()
        if self.source is not None:
            theirs = self._source_quotes()
            rows = [r for r in rows if (r[0], r[1]) in theirs]
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.quote_fts "
            f"USING fts5(text, tokenize = '{ss.FTS_TOKENIZE}')"
        )
        conn.execute("DELETE FROM temp.quote_fts")
        conn.execute("BEGIN")  # one transaction: FTS5 writes one segment, not one per row
        try:
            conn.executemany(
                "INSERT INTO temp.quote_fts (rowid, text) VALUES (?, ?)",
                ((i, text or "") for i, (_, _, text) in enumerate(rows)),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        found = conn.execute("SELECT rowid FROM temp.quote_fts WHERE quote_fts MATCH ?", (expr,))
        return Counter(rows[i][0] >> ss.DAY_SHIFT for (i,) in found)

    def _source_quotes(self) -> set[tuple[int, int]]:
        """(doc rowid, n) of every quotation by the source."""
        assert self.source is not None
        docs = sorted(self.index.docs_naming(self.source.name))
        rowids = self._rowids(docs)
        return {
            (rowids[q.document], int(q.id.rsplit("#", 1)[1]))
            for q in self.index.quotes(docs)
            if speaks_for(q, self.source)
        }

    def entity(self, who: Person | Body, docs: set[str], quotes: bool) -> _Counts:
        """Articles that name `who` per day, and (with `quotes`) the quotations they speak."""
        where, args = self._where(docs, "rowid")
        rows = self.conn.execute(f"SELECT id, rowid FROM documents WHERE 1{where}", args)
        kept = {doc_id: rowid for doc_id, rowid in rows}
        articles = Counter(rowid >> ss.DAY_SHIFT for rowid in kept.values())
        said: Counter[int] = Counter()
        if quotes:
            said = Counter(
                kept[q.document] >> ss.DAY_SHIFT
                for q in self.index.quotes(sorted(kept))
                if speaks_for(q, who) and self._by_source(q)
            )
        return _Counts(who.name, articles, said)

    def _by_source(self, q: Quote) -> bool:
        return self.source is None or speaks_for(q, self.source)

    def _rowids(self, doc_ids: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(doc_ids), IN_CHUNK):
            chunk = doc_ids[i : i + IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            out.update(
                self.conn.execute(f"SELECT id, rowid FROM documents WHERE id IN ({marks})", chunk)
            )
        return out
