"""Full-text search: ranked articles, then their best matching paragraphs.

Query language (what a user types; anything else is taken as plain words):
`leak inquiry` both words (stemmed: leak, leaks, leaked), `"civil service"` a phrase,
`leak OR leaks` either, `-ministers` / `NOT ministers` excludes, `leak*` a prefix.
Punctuation is never syntax: `civil-service`, `don't`, `a:b`, `(`, `NEAR`, `AND` are searched
as the words they contain, so no input can cause an SQL error. `raw=True` passes FTS5 syntax
through for experts.

Ranking is in two steps so that a word in most of 100,000 articles still answers in
milliseconds. (1) Articles: FTS5's BM25 over title, standfirst and body, the title weighted
most (`FIELD_WEIGHTS`). When more than `RANK_CANDIDATES` articles match, BM25 is computed for
the most recent `RANK_CANDIDATES` of them only (document rowids run in date order): a word
that common carries almost no BM25 weight anyway, and recency is the better tie-break for
news. (2) Paragraphs: the best articles' paragraphs go into a small in-memory FTS5 table,
ranked again with BM25 and highlighted there, so the on-disk index holds each article once.

A query word that is in no article is replaced by the closest word of the corpus
vocabulary (at most `max_edits` edits, the commonest on a tie) and reported in
`SearchResult.corrections`; with nothing close it is searched as typed.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass

from whitehall_cli.errors import BadQuery
from whitehall_cli.index import schema as ss
from whitehall_cli.index.store import Index
from whitehall_cli.models import Hit
from whitehall_cli.query.choices import Sort
from whitehall_cli.query.syntax import Part, Query, correct, parse_query, raw_terms

# BM25 weights of the full-text columns: title, standfirst, body.
FIELD_WEIGHTS = (5.0, 2.0, 1.0)
# Above this many matching articles, only the most recent this many are BM25-ranked.
RANK_CANDIDATES = 5_000
# Matching paragraphs shown per article (the best ones, in reading order).
HITS_PER_ARTICLE = 3
# Snippet length in characters, and how much comes before the first match.
SNIPPET_CHARS = 300
SNIPPET_BEFORE = 80
# Marks around a match in FTS5's highlight() output (control characters never in text).
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
# Slots in the paragraph table for the title and standfirst; paragraph n is n + 2.
TITLE_SLOT, STANDFIRST_SLOT = 0, 1
SLOTS_PER_ARTICLE = 1 << 20
# Rowids per `IN (...)` list (SQLite caps the number of bound values).
IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Hits grouped by article, best article first."""

    hits: tuple[Hit, ...]
    corrections: tuple[tuple[str, str], ...]  # (typed word, word searched instead)
    terms: tuple[str, ...]  # words to highlight
    total: int = 0  # articles that match, before `limit`


def search(
    index: Index,
    query: str,
    *,
    doc_ids: Collection[str] | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    sort: Sort | str = Sort.RELEVANCE,
    raw: bool = False,
) -> SearchResult:
    """Search the index; `limit` counts articles. Raises BadQuery for unusable input."""
    try:
        order = Sort(sort)
    except ValueError:
        choices = ", ".join(s.value for s in Sort)
        raise BadQuery(f"unknown sort {sort!r}: use one of {choices}") from None
    if limit < 1:
        raise BadQuery("--limit must be at least 1")
    conn = index.conn
    corrections: tuple[tuple[str, str], ...] = ()
    if raw:
        if not query.strip():
            raise BadQuery("empty search: give a word to look for")
        article_expr = query
        terms = raw_terms(query)
        paragraph_expr = " OR ".join(f'"{t}"' for t in terms)
    else:
        parsed = parse_query(query)
        parsed, corrections = correct(conn, parsed)
        article_expr, paragraph_expr = parsed.article_expr(), parsed.paragraph_expr()
        terms = parsed.terms()
    where, args = rowid_filters(conn, doc_ids, outlet, since, until)
    try:
        ranked, total = _rank_articles(conn, article_expr, where, args, limit, order)
        hits = _paragraph_hits(conn, ranked, paragraph_expr)
    except sqlite3.OperationalError as e:
        raise BadQuery(f"cannot search for {query!r}: {e}") from None
    return SearchResult(tuple(hits), corrections, terms, total)


# --- filters ------------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def _day_bounds(text: str, end: bool) -> int:
    """The first (or, with `end`, last) day number a YYYY[-MM[-DD]] date covers."""
    import datetime as dt

    m = _DATE.match(text.strip())
    if not m:
        raise BadQuery(f"cannot read the date {text!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            return dt.date(year, int(month), int(day)).toordinal()
        if month:
            first = dt.date(year, int(month), 1)
            if not end:
                return first.toordinal()
            nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return nxt.toordinal() - 1
        return dt.date(year, 12, 31).toordinal() if end else dt.date(year, 1, 1).toordinal()
    except ValueError:
        raise BadQuery(f"no such date: {text!r}") from None


def rowid_filters(
    conn: sqlite3.Connection,
    doc_ids: Collection[str] | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    *,
    column: str = "docs_fts.rowid",
) -> tuple[str, list[object]]:
    """Extra WHERE conditions on a document rowid `column` (dates are rowid ranges: rowids
    run in date order), and their arguments."""
    where = ""
    args: list[object] = []
    if since:
        where += f" AND {column} >= ?"
        args.append(_day_bounds(since, end=False) << ss.DAY_SHIFT)
    if until:
        where += f" AND {column} < ?"
        args.append((_day_bounds(until, end=True) + 1) << ss.DAY_SHIFT)
        if not since:  # an undated article is not "dated on or before" anything
            where += f" AND {column} >= ?"
            args.append(1 << ss.DAY_SHIFT)
    if since and until and _day_bounds(since, end=False) > _day_bounds(until, end=True):
        raise BadQuery(f"--since {since} is after --until {until}")
    allowed: set[int] | None = None
    if doc_ids is not None:
        allowed = _rowids_for(conn, doc_ids)
    if outlet:
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", outlet.strip().lower()) + "%"
        rows = conn.execute(
            "SELECT rowid FROM documents WHERE lower(outlet) LIKE ? ESCAPE '\\'", (pattern,)
        )
        by_outlet = {r for (r,) in rows}
        allowed = by_outlet if allowed is None else allowed & by_outlet
    if allowed is not None:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS allowed (rowid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.allowed")
        conn.executemany("INSERT INTO temp.allowed VALUES (?)", [(r,) for r in allowed])
        where += f" AND {column} IN (SELECT rowid FROM temp.allowed)"
    return where, args


def _rowids_for(conn: sqlite3.Connection, doc_ids: Collection[str]) -> set[int]:
    ids = list(doc_ids)
    out: set[int] = set()
    for i in range(0, len(ids), IN_CHUNK):
        chunk = ids[i : i + IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        out |= {
            r for (r,) in conn.execute(f"SELECT rowid FROM documents WHERE id IN ({marks})", chunk)
        }
    return out


# --- step 1: articles ---------------------------------------------------------------------


def _rank_articles(
    conn: sqlite3.Connection, expr: str, where: str, args: list[object], limit: int, sort: Sort
) -> tuple[list[tuple[int, float]], int]:
    """(rowid, score) of the best `limit` articles (higher score is better), and how many
    articles match in all."""
    match = "docs_fts MATCH ?" + where
    params = [expr, *args]
    total = conn.execute(f"SELECT count(*) FROM docs_fts WHERE {match}", params).fetchone()[0]
    if not total:
        return [], 0
    weights = ", ".join(str(w) for w in FIELD_WEIGHTS)
    score = f"bm25(docs_fts, {weights})"
    if sort is Sort.RELEVANCE:
        if total > RANK_CANDIDATES:
            threshold = conn.execute(
                f"SELECT rowid FROM docs_fts WHERE {match} ORDER BY rowid DESC "
                f"LIMIT 1 OFFSET {RANK_CANDIDATES - 1}",
                params,
            ).fetchone()[0]
            match += " AND docs_fts.rowid >= ?"
            params.append(threshold)
        order = "s"
    else:
        order = "docs_fts.rowid DESC" if sort is Sort.DATE else "docs_fts.rowid"
    rows = conn.execute(
        f"SELECT docs_fts.rowid, {score} AS s FROM docs_fts WHERE {match} ORDER BY {order} LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [(rowid, float(f"{-s:.6g}")) for rowid, s in rows], total


# --- step 2: paragraphs -------------------------------------------------------------------


def _paragraph_hits(
    conn: sqlite3.Connection, ranked: list[tuple[int, float]], expr: str
) -> list[Hit]:
    if not ranked:
        return []
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.para_fts "
        f"USING fts5(text, tokenize = '{ss.FTS_TOKENIZE}')"
    )
    conn.execute("DELETE FROM temp.para_fts")
    rank_of = {rowid: rank for rank, (rowid, _) in enumerate(ranked)}
    docs: dict[int, tuple[str, str | None, str | None]] = {}
    rows: list[tuple[int, str]] = []
    wanted = list(rank_of)
    for i in range(0, len(wanted), IN_CHUNK):
        chunk = wanted[i : i + IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        for rowid, doc_id, title, standfirst, date in conn.execute(
            f"SELECT rowid, id, title, standfirst, date FROM documents WHERE rowid IN ({marks})",
            chunk,
        ):
            base = rank_of[rowid] * SLOTS_PER_ARTICLE
            docs[rank_of[rowid]] = (doc_id, title, date)
            rows.append((base + TITLE_SLOT, title or ""))
            rows.append((base + STANDFIRST_SLOT, standfirst or ""))
        for rowid, n, text in conn.execute(
            f"SELECT doc, n, text FROM paragraphs WHERE doc IN ({marks})", chunk
        ):
            rows.append((rank_of[rowid] * SLOTS_PER_ARTICLE + 2 + n, text))
    conn.execute("BEGIN")  # one transaction: FTS5 writes one segment, not one per row
    try:
        conn.executemany("INSERT INTO temp.para_fts (rowid, text) VALUES (?, ?)", rows)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    found: dict[int, list[tuple[float, int, str]]] = {rank: [] for rank in docs}
    matches = (
        conn.execute(
            "SELECT rowid, bm25(para_fts), highlight(para_fts, 0, ?, ?) FROM temp.para_fts "
            "WHERE para_fts MATCH ?",
            (MARK_OPEN, MARK_CLOSE, expr),
        )
        if expr
        else ()
    )
    for slot, s, marked in matches:
        found[slot // SLOTS_PER_ARTICLE].append((s, slot % SLOTS_PER_ARTICLE, marked))
    hits: list[Hit] = []
    for rank, (doc_id, title, date) in sorted(docs.items()):
        score = ranked[rank][1]
        best = sorted(found[rank])[:HITS_PER_ARTICLE]  # bm25: lower is better
        if not best:  # matched across paragraphs only (a raw NEAR, say): show the title
            best = [(0.0, TITLE_SLOT, title or "")]
        for _, slot, marked in sorted(best, key=lambda b: b[1]):
            snippet, spans = make_snippet(marked)
            paragraph = slot - 2 if slot >= 2 else None
            hits.append(Hit(doc_id, title, date, paragraph, snippet, score, spans))
    return hits


def make_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Text with MARK_OPEN/MARK_CLOSE around matches -> (snippet, spans in the snippet):
    the whole text when short, else a window that starts a little before the first match."""
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in re.split(f"({MARK_OPEN}|{MARK_CLOSE})", marked):
        if piece == MARK_OPEN:
            start = pos
        elif piece == MARK_CLOSE:
            spans.append((start, pos))
        else:
            text_parts.append(piece)
            pos += len(piece)
    text = "".join(text_parts)
    if len(text) <= SNIPPET_CHARS:
        return text, tuple(spans)
    first = spans[0][0] if spans else 0
    start = max(0, first - SNIPPET_BEFORE)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    prefix = "\u2026" if start > 0 else ""
    suffix = "\u2026" if end < len(text) else ""
    shift = len(prefix) - start
    kept = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return prefix + text[start:end] + suffix, kept


__all__ = ["SearchResult", "search", "make_snippet", "Part", "Query", "parse_query"]
