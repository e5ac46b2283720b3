"""An open index of a corpus folder, and typed answers from it.

`Index.open(corpus)` builds the index on first use and refreshes it after that: added,
changed (size or mtime, then content hash) and removed files are re-parsed, nothing else
(`refresh`). Where the index lives is `location`'s business; the schema is documented in
`schema` (and the README's "The index").
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from whitehall_cli.errors import AmbiguousDoc, NotFound
from whitehall_cli.index import schema
from whitehall_cli.index.location import write_lock
from whitehall_cli.index.refresh import open_connection
from whitehall_cli.index.schema import Row
from whitehall_cli.load.corpus import TEXT_SUFFIXES, Corpus, doc_id_for
from whitehall_cli.models import Analysis, Body, Document, Person, Quote


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What `wh index` reports."""

    path: str
    corpus: str
    documents: int
    paragraphs: int
    people: int
    bodies: int
    quotes: int
    problems: int  # files that could not be read
    size_bytes: int
    parsed: int  # articles (re)parsed by this open
    seconds: float  # time this open spent building or refreshing


class Index:
    """An open index. Use as a context manager; every accessor returns typed records."""

    def __init__(self, conn: sqlite3.Connection, corpus: Corpus, path: Path) -> None:
        self.conn = conn
        self.corpus = corpus
        self.path = path
        self.parsed = 0
        self.seconds = 0.0

    # --- opening ----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        corpus: Corpus,
        *,
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
        scan: bool | None = None,
    ) -> Index:
        """Open the index of `corpus`, building or refreshing it first as needed.

        `scan=True` stats every file (slow at 100k files); None decides by corpus size.
        """
        started = time.perf_counter()
        conn, path, parsed = open_connection(corpus, rebuild, progress, scan)
        index = cls(conn, corpus, path)
        index.parsed = parsed
        index.seconds = time.perf_counter() - started
        return index

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- articles ---------------------------------------------------------------------

    def documents(self) -> list[Document]:
        """Every article, by id, without paragraphs (`document(id)` gives them)."""
        rows = self.conn.execute(f"SELECT {schema.DOCUMENT_COLUMNS} FROM documents ORDER BY id")
        return [schema.document_from_row(r) for r in rows]

    def iter_documents(self) -> Iterator[tuple[Document, int, int]]:
        """(article without paragraphs, people count, quotation count), one at a time, by id."""
        rows = self.conn.execute(
            f"SELECT {schema.DOCUMENT_COLUMNS}, people, quotes FROM documents ORDER BY id"
        )
        for row in rows:
            yield schema.document_from_row(row[:-2]), row[-2], row[-1]

    def urls(self) -> list[tuple[str, Path]]:
        """The address of every article that has one, with its file."""
        rows = self.conn.execute("SELECT url, path FROM documents WHERE url IS NOT NULL")
        return [(url, Path(path)) for url, path in rows]

    def document_count(self) -> int:
        """How many articles the index holds (cheap: kept in `meta`)."""
        return self._meta_count("documents")

    def _meta_count(self, key: str) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def document(self, doc_id: str) -> Document:
        """One article with its paragraphs."""
        row = self.conn.execute(
            f"SELECT {schema.DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with the id {doc_id!r}", self._close_ids(doc_id))
        paragraphs = tuple(
            t
            for (t,) in self.conn.execute(
                "SELECT text FROM paragraphs WHERE doc = ? ORDER BY n", (row[0],)
            )
        )
        return schema.document_from_row(row, paragraphs)

    def resolve_doc(self, ref: str) -> str:
        """An article id from an id, a unique id prefix, or a file path."""
        ref = ref.strip()
        if not ref:
            raise NotFound("no article given")
        by_path = self._id_for_path(ref)
        if by_path:
            return by_path
        candidates = [ref.replace(os.sep, "/")]
        stem, suffix = os.path.splitext(candidates[0])
        if suffix.lower() in TEXT_SUFFIXES:
            candidates.append(stem)
        for c in candidates:
            if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (c,)).fetchone():
                return c
        for c in candidates:
            ids = [
                i
                for (i,) in self.conn.execute(
                    "SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id",
                    (c, c + "\U0010ffff"),
                )
            ]
            if len(ids) == 1:
                return str(ids[0])
            if ids:
                raise AmbiguousDoc(ref, ids)
        raise NotFound(f"no article matches {ref!r}", self._close_ids(ref))

    def _id_for_path(self, ref: str) -> str | None:
        try:
            path = Path(ref).expanduser()
            if not path.is_file():
                return None
            full = str(path.resolve())
        except OSError:
            return None
        row = self.conn.execute("SELECT id FROM files WHERE path = ?", (full,)).fetchone()
        if row:
            return str(row[0])
        try:
            return doc_id_for(Path(self.corpus.root).resolve(), Path(full))
        except ValueError:
            return None

    def _close_ids(self, ref: str, limit: int = 5) -> list[str]:
        from rapidfuzz import fuzz, process

        ids = [i for (i,) in self.conn.execute("SELECT id FROM documents")]
        found = process.extract(ref, ids, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
        return [i for i, _, _ in found]

    def analysis(self, doc_id: str, *, corpus_names: bool = True) -> Analysis:
        """One article as the pipeline saw it: document, cast, quotations.

        With `corpus_names`, quotations' bodies and `speaker_canonical` carry corpus-wide
        names (as `people()`/`bodies()` do); `speaker` is always the name the article gives.
        """
        doc = self.document(doc_id)
        rowid = self._rowid(doc_id)
        c = self.conn

        def rows(sql: str) -> list[Row]:
            return c.execute(sql, (rowid,)).fetchall()

        cast = schema.cast_from_rows(
            rows("SELECT name, aliases, roles, bodies FROM person_refs WHERE doc = ?"),
            rows("SELECT name, aliases, kind FROM body_refs WHERE doc = ?"),
            rows("SELECT name, aliases, author FROM work_refs WHERE doc = ?"),
            rows(
                'SELECT entity, kind, form, location, paragraph, start, "end" '
                "FROM mentions WHERE doc = ?"
            ),
        )
        names = self._body_names() if corpus_names else None
        quotes = self._iter_quotes("WHERE q.doc = ?", (rowid,), names)
        return Analysis(doc, cast, tuple(quotes))

    def _rowid(self, doc_id: str) -> int:
        row = self.conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with the id {doc_id!r}", self._close_ids(doc_id))
        return int(row[0])

    # --- people, bodies, quotations ---------------------------------------------------

    def _identity(self) -> None:
        """Recompute the corpus-wide people and bodies if a refresh made them stale."""
        fresh = self.conn.execute("SELECT value FROM meta WHERE key = 'identity_fresh'")
        if fresh.fetchone() == ("1",):
            return
        from whitehall_cli.index.identity import rebuild_identity  # only when it is stale

        with write_lock(self.path):
            rebuild_identity(self.conn)

    def people(self) -> list[Person]:
        """Every person in the corpus, merged across articles, by name."""
        self._identity()
        rows = self.conn.execute(
            "SELECT name, aliases, roles, bodies, documents, quote_count FROM people ORDER BY name"
        )
        return [
            Person(
                name, schema.loads(al), schema.loads(ro), schema.loads(bo), schema.loads(docs), qc
            )
            for name, al, ro, bo, docs, qc in rows
        ]

    def bodies(self) -> list[Body]:
        """Every body (organisation) in the corpus, merged across articles, by name."""
        self._identity()
        rows = self.conn.execute(
            "SELECT name, aliases, kind, documents, people, quote_count FROM bodies ORDER BY name"
        )
        return [
            Body(name, schema.loads(al), kind, schema.loads(docs), schema.loads(pe), qc)
            for name, al, kind, docs, pe, qc in rows
        ]

    def quotes(self, doc_ids: Collection[str] | None = None) -> list[Quote]:
        """Quotations (of the given articles, or all), oldest article first, bodies and
        `speaker_canonical` under their corpus-wide names."""
        if doc_ids is None:
            return list(self.iter_quotes())
        rowids = sorted(self._rowid(doc_id) for doc_id in set(doc_ids))
        body_names = self._body_names()
        out: list[Quote] = []
        for i in range(0, len(rowids), 500):
            chunk = rowids[i : i + 500]
            where = f"WHERE q.doc IN ({','.join('?' * len(chunk))})"
            out += self._iter_quotes(where, tuple(chunk), body_names)
        return out

    def iter_quotes(self) -> Iterator[Quote]:
        """Every quotation, one at a time (for `export`), as `quotes()` gives them."""
        return self._iter_quotes("", (), self._body_names())

    def _iter_quotes(
        self, where: str, args: Row, body_names: dict[tuple[str, str], str] | None
    ) -> Iterator[Quote]:
        """Quotations; with `body_names` (from `_body_names`) under corpus-wide names."""
        canonical = (
            "(SELECT canonical FROM names n WHERE n.doc = q.doc AND n.name = q.speaker "
            "AND n.kind = q.speaker_kind)"
            if body_names is not None
            else "NULL"
        )
        sql = (
            f"SELECT {schema.QUOTE_COLUMNS}, {canonical} FROM quotes q "
            f"JOIN documents d ON d.rowid = q.doc {where} ORDER BY q.doc, q.n"
        )
        for row in self.conn.execute(sql, args):
            q = schema.quote_from_row(row)
            # the speaker keeps the name the article gives (what a reader of it would look
            # for); the corpus-wide name rides beside it for grouping and filters
            corpus_name = (row[-1] if body_names is not None else None) or q.speaker
            bodies = q.bodies
            if body_names is not None:
                bodies = tuple(dict.fromkeys(body_names.get((q.document, b), b) for b in q.bodies))
            yield _with_names(q, corpus_name, bodies)

    def _body_names(self) -> dict[tuple[str, str], str]:
        self._identity()
        rows = self.conn.execute(
            "SELECT d.id, n.name, n.canonical FROM names n JOIN documents d ON d.rowid = n.doc "
            "WHERE n.kind = 'body'"
        )
        return {(doc_id, name): canonical for doc_id, name, canonical in rows}

    def docs_naming(self, canonical_name: str) -> set[str]:
        """Ids of the articles that mention a person or body (by corpus-wide name)."""
        self._identity()
        rows = self.conn.execute(
            "SELECT DISTINCT d.id FROM names n JOIN documents d ON d.rowid = n.doc "
            "WHERE n.canonical = ?",
            (canonical_name,),
        )
        return {i for (i,) in rows}

    def stats(self) -> IndexStats:
        """Counts for `wh index`."""
        self._identity()

        def count(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        try:
            size = self.path.stat().st_size
        except OSError:
            size = 0
        return IndexStats(
            path=str(self.path),
            corpus=str(self.corpus.root),
            documents=self._meta_count("documents"),
            paragraphs=self._meta_count("paragraphs"),
            people=count("SELECT count(*) FROM people"),
            bodies=count("SELECT count(*) FROM bodies"),
            quotes=self._meta_count("quotes"),
            problems=self._meta_count("problems"),
            size_bytes=size,
            parsed=self.parsed,
            seconds=round(self.seconds, 3),
        )


def _with_names(q: Quote, canonical: str | None, bodies: tuple[str, ...]) -> Quote:

    return q._replace(speaker_canonical=canonical, bodies=bodies)
