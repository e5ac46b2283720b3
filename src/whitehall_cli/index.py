"""Stage 5: the on-disk index of a corpus folder, and typed answers from it.

`Index.open(corpus)` builds the index on first use and refreshes it after that: added,
changed (size or mtime, then content hash) and removed files are re-parsed, nothing else.
The schema is documented in `store_schema`; filling it is `index_build`'s job.

Freshness: with `scan=True` (what `wh index` passes), or for corpora of fewer than
`FULL_SCAN_MAX_FILES` files, every file is stat-ed on open (about 2.6 ms per 1,000 files).
Larger corpora are checked by stat-ing only their folders: adding, removing or renaming a file
(and an editor's save-by-rename) changes its folder's mtime and is picked up; a file rewritten
in place is picked up by the next `wh index`.

Safety: a full build is written to a temporary file and moved into place with `os.replace`,
so a reader never sees half an index and Ctrl-C leaves the old one; a refresh is one
transaction. Writers take a lock file; readers never wait for it. An index that is
unreadable, half-written, or from another schema or another version of wh is rebuilt with
a one-line warning.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from whitehall_cli import load
from whitehall_cli import store_schema as ss
from whitehall_cli.errors import AmbiguousDoc, NotFound, StoreError
from whitehall_cli.models import Analysis, Body, Document, Person, Quote

try:  # the builtin module: importing hashlib would load OpenSSL, ~7 ms of every search
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

log = logging.getLogger("whitehall_cli")


def analyse(doc: Document) -> Analysis:
    """Run the people and quotation stages on one parsed article."""
    from whitehall_cli.index_build import analyse as run

    return run(doc)


def rebuild_identity(conn: sqlite3.Connection, in_transaction: bool = False) -> None:
    from whitehall_cli.identity import rebuild_identity as run

    run(conn, in_transaction)


# Environment variable naming the folder for index files (tests point it at a temp dir).
CACHE_ENV = "WH_CACHE_DIR"
# Corpora with fewer files than this are stat-ed file by file on every open.
FULL_SCAN_MAX_FILES = 5_000
# How long a process waits for another's write before giving up (milliseconds).
BUSY_TIMEOUT_MS = 60_000
# Modules of the package that do not shape what the index holds (commands, output, the
# store itself: its format is versioned by SCHEMA_VERSION). Every other module and word list
# is part of the pipeline: a change to one means a rebuild.
NOT_PIPELINE = (
    "__init__",
    "__main__",
    "cli",
    "commands",
    "render",
    "query",
    "search",
    "search_query",
    "index",
    "index_build",
    "store_schema",
    "identity",
)


def cache_dir() -> Path:
    """$WH_CACHE_DIR, else $XDG_CACHE_HOME/whitehall-cli, else ~/.cache/whitehall-cli."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "whitehall-cli"


def index_path(corpus: load.Corpus) -> Path:
    """The index file of a corpus: named from a hash of its absolute path."""
    root = str(Path(corpus.root).resolve())
    digest = blake2b(root.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()
    return cache_dir() / f"index-{digest}.sqlite"


def pipeline_fingerprint() -> str:
    """Size and mtime of the code and word lists that shape the index (~0.3 ms)."""
    here = Path(__file__).resolve().parent
    parts = [ss.SCHEMA_VERSION]
    folders = [here, here / "lexicon"]
    for folder in folders:
        with contextlib.suppress(OSError), os.scandir(folder) as it:
            for e in sorted(it, key=lambda e: e.name):
                stem, _, suffix = e.name.rpartition(".")
                if folder is here and (suffix != "py" or stem in NOT_PIPELINE):
                    continue
                with contextlib.suppress(OSError):
                    st = e.stat()
                    parts.append(f"{e.name}:{st.st_size}:{st.st_mtime_ns}")
    return blake2b("|".join(parts).encode(), digest_size=8).hexdigest()


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


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


@contextlib.contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """One writer per index at a time, across processes (POSIX lock file)."""
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as fh:
        try:
            import fcntl
        except ImportError:  # Windows: atomic replace and transactions still keep it whole
            yield
            return
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class Index:
    """An open index. Use as a context manager; every accessor returns typed records."""

    def __init__(self, conn: sqlite3.Connection, corpus: load.Corpus, path: Path) -> None:
        self.conn = conn
        self.corpus = corpus
        self.path = path
        self.parsed = 0
        self.seconds = 0.0

    # --- opening ----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        corpus: load.Corpus,
        *,
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
        scan: bool | None = None,
    ) -> Index:
        """Open the index of `corpus`, building or refreshing it first as needed.

        `scan=True` stats every file (slow at 100k files); None decides by corpus size.
        """
        path = index_path(corpus)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create the index folder {path.parent}: {e}") from None
        started = time.perf_counter()
        conn = None if rebuild else _open_valid(path)
        parsed = 0
        if conn is None:
            with write_lock(path):
                conn = None if rebuild else _open_valid(path, quiet=True)
                if conn is None:
                    parsed = _full_build(corpus, path, progress)
                    conn = connect(path)
        else:
            parsed = _refresh(conn, corpus, path, scan, progress)
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
        rows = self.conn.execute(f"SELECT {ss.DOCUMENT_COLUMNS} FROM documents ORDER BY id")
        return [ss.document_from_row(r) for r in rows]

    def iter_documents(self) -> Iterator[tuple[Document, int, int]]:
        """(article without paragraphs, people count, quotation count), one at a time, by id."""
        rows = self.conn.execute(
            f"SELECT {ss.DOCUMENT_COLUMNS}, people, quotes FROM documents ORDER BY id"
        )
        for row in rows:
            yield ss.document_from_row(row[:-2]), row[-2], row[-1]

    def document_count(self) -> int:
        """How many articles the index holds (cheap: kept in `meta`)."""
        return self._meta_count("documents")

    def _meta_count(self, key: str) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def document(self, doc_id: str) -> Document:
        """One article with its paragraphs."""
        row = self.conn.execute(
            f"SELECT {ss.DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with the id {doc_id!r}", self._close_ids(doc_id))
        paragraphs = tuple(
            t
            for (t,) in self.conn.execute(
                "SELECT text FROM paragraphs WHERE doc = ? ORDER BY n", (row[0],)
            )
        )
        return ss.document_from_row(row, paragraphs)

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
        if suffix.lower() in load.TEXT_SUFFIXES:
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
                return ids[0]
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
            return row[0]
        try:
            return load.doc_id_for(Path(self.corpus.root).resolve(), Path(full))
        except ValueError:
            return None

    def _close_ids(self, ref: str, limit: int = 5) -> list[str]:
        from rapidfuzz import fuzz, process

        ids = [i for (i,) in self.conn.execute("SELECT id FROM documents")]
        found = process.extract(ref, ids, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
        return [i for i, _, _ in found]

    def analysis(self, doc_id: str, *, corpus_names: bool = True) -> Analysis:
        """One article as the pipeline saw it: document, cast, quotations.

        With `corpus_names`, quotation speakers and bodies carry their corpus-wide names
        (as `people()`/`bodies()` do); without, the names the article itself gives.
        """
        doc = self.document(doc_id)
        rowid = self._rowid(doc_id)
        c = self.conn

        def rows(sql: str) -> list[tuple]:
            return c.execute(sql, (rowid,)).fetchall()

        cast = ss.cast_from_rows(
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
        with write_lock(self.path):
            rebuild_identity(self.conn)

    def people(self) -> list[Person]:
        """Every person in the corpus, merged across articles, by name."""
        self._identity()
        rows = self.conn.execute(
            "SELECT name, aliases, roles, bodies, documents, quote_count FROM people ORDER BY name"
        )
        return [
            Person(name, ss.loads(al), ss.loads(ro), ss.loads(bo), ss.loads(docs), qc)
            for name, al, ro, bo, docs, qc in rows
        ]

    def bodies(self) -> list[Body]:
        """Every body (organisation) in the corpus, merged across articles, by name."""
        self._identity()
        rows = self.conn.execute(
            "SELECT name, aliases, kind, documents, people, quote_count FROM bodies ORDER BY name"
        )
        return [
            Body(name, ss.loads(al), kind, ss.loads(docs), ss.loads(pe), qc)
            for name, al, kind, docs, pe, qc in rows
        ]

    def quotes(self, doc_ids: Collection[str] | None = None) -> list[Quote]:
        """Quotations (of the given articles, or all), oldest article first, speakers and
        bodies under their corpus-wide names."""
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
        self, where: str, args: tuple, body_names: dict[tuple[str, str], str] | None
    ) -> Iterator[Quote]:
        """Quotations; with `body_names` (from `_body_names`) under corpus-wide names."""
        canonical = (
            "(SELECT canonical FROM names n WHERE n.doc = q.doc AND n.name = q.speaker "
            "AND n.kind = q.speaker_kind)"
            if body_names is not None
            else "NULL"
        )
        sql = (
            f"SELECT {ss.QUOTE_COLUMNS}, {canonical} FROM quotes q "
            f"JOIN documents d ON d.rowid = q.doc {where} ORDER BY q.doc, q.n"
        )
        for row in self.conn.execute(sql, args):
            q = ss.quote_from_row(row)
            if body_names is not None:
                speaker = row[-1] or q.speaker
                bodies = tuple(dict.fromkeys(body_names.get((q.document, b), b) for b in q.bodies))
                q = _replace_quote(q, speaker, bodies)
            yield q

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


def _replace_quote(q: Quote, speaker: str | None, bodies: tuple[str, ...]) -> Quote:
    from dataclasses import replace

    if speaker == q.speaker and bodies == q.bodies:
        return q
    return replace(q, speaker=speaker, bodies=bodies)


# --- opening, building, refreshing ------------------------------------------------------


def _open_valid(path: Path, quiet: bool = False) -> sqlite3.Connection | None:
    """A connection to a complete index of this schema and pipeline, else None (warning
    when an index is there but unusable)."""
    if not path.exists():
        return None
    reason = None
    conn = None
    try:
        conn = connect(path)
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("schema_version") != ss.SCHEMA_VERSION:
            reason = "it is from another version of wh"
        elif meta.get("pipeline") != pipeline_fingerprint():
            reason = "the article parser has changed since it was built"
        elif meta.get("complete") != "1":
            reason = "it was not finished"
    except sqlite3.DatabaseError as e:
        reason = f"it is unreadable ({e})"
    if reason is None:
        return conn
    if conn is not None:
        conn.close()
    if not quiet:
        log.warning("rebuilding the index %s: %s", path, reason)
    return None


def _full_build(
    corpus: load.Corpus, path: Path, progress: Callable[[int, int], None] | None
) -> int:
    """Build a complete index in a temporary file and move it into place."""
    from whitehall_cli import index_build as ib  # only imported when writing

    root = str(Path(corpus.root).resolve())
    fingerprint = pipeline_fingerprint()  # of the code that parses, taken before it runs
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    for stale in path.parent.glob(f"{path.name}.tmp-*"):  # a killed build's: we hold the lock
        with contextlib.suppress(OSError):
            stale.unlink()
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(ss.SCHEMA)
            conn.execute("BEGIN")
            seen, folders = ib.scan(root)
            writer = ib.Writer(conn, full_build=True)
            items: list[tuple[str, str, str | None]] = [
                (doc_id, s.path, None) for doc_id, s in seen.items()
            ]
            parsed = ib.write_results(writer, items, seen, progress)
            conn.executemany("INSERT INTO folders VALUES (?, ?)", folders.items())
            rebuild_identity(conn, in_transaction=True)
            meta = {
                "schema_version": ss.SCHEMA_VERSION,
                "pipeline": fingerprint,
                "corpus": root,
                "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "complete": "1",
            }
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
            _store_counts(conn)
            conn.execute("COMMIT")
            conn.execute("INSERT INTO docs_fts (docs_fts) VALUES ('optimize')")
        finally:
            conn.close()
        with contextlib.suppress(FileNotFoundError):  # a crashed writer's journal: stale now
            path.with_name(path.name + "-journal").unlink()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return parsed


def _refresh(
    conn: sqlite3.Connection,
    corpus: load.Corpus,
    path: Path,
    scan: bool | None,
    progress: Callable[[int, int], None] | None,
) -> int:
    """Bring an open, valid index up to date with the folder; returns articles re-parsed."""
    root = str(Path(corpus.root).resolve())
    if scan is None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'files'").fetchone()
        scan = row is None or int(row[0]) < FULL_SCAN_MAX_FILES
    if not scan and not _folders_changed(conn):
        return 0
    from whitehall_cli import index_build as ib  # only imported when writing

    if scan:
        seen, folders = ib.scan(root)
        known = ib.stored_files(conn)
        todo, gone = ib.plan(seen, known, known.keys())
        gone_folders = {p for (p,) in conn.execute("SELECT path FROM folders")} - folders.keys()
        folders_changed = gone_folders or any(
            conn.execute("SELECT mtime_ns FROM folders WHERE path = ?", (p,)).fetchone() != (m,)
            for p, m in folders.items()
        )
    else:
        quick = ib.folder_changes(conn, root)
        if quick is None:
            return 0
        seen, folders, changed = quick
        known = ib.stored_files(conn)
        paths = dict(conn.execute("SELECT id, path FROM files"))
        scope = [i for i in known if _under(paths[i], changed)]
        todo, gone = ib.plan(seen, known, scope)
        gone_folders = {p for p in changed if p not in folders}
        folders_changed = True
    if not todo and not gone and not folders_changed:
        return 0
    with write_lock(path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            writer = ib.Writer(conn, full_build=False)
            for doc_id in gone:
                writer.remove(doc_id)
            parsed = ib.write_results(writer, todo, seen, progress)
            for p in gone_folders:
                conn.execute(
                    "DELETE FROM folders WHERE path = ? OR substr(path, 1, ?) = ?",
                    (p, len(p) + 1, p + os.sep),
                )
            conn.executemany("INSERT OR REPLACE INTO folders VALUES (?, ?)", folders.items())
            if gone or parsed:
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('identity_fresh', '0')")
                _store_counts(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return parsed


def _store_counts(conn: sqlite3.Connection) -> None:
    """Counts kept in `meta` so that no command has to count 100,000 rows."""
    docs, paragraphs, quotes = conn.execute(
        "SELECT count(*), coalesce(sum(paragraphs), 0), coalesce(sum(quotes), 0) FROM documents"
    ).fetchone()
    files, problems = conn.execute(
        "SELECT count(*), coalesce(sum(doc IS NULL), 0) FROM files"
    ).fetchone()
    counts = {
        "documents": docs,
        "paragraphs": paragraphs,
        "quotes": quotes,
        "files": files,
        "problems": problems,
    }
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in counts.items()]
    )


def _folders_changed(conn: sqlite3.Connection) -> bool:
    """The quick freshness check: has any folder the index knows a new mtime (or gone)?"""
    for path, mtime in conn.execute("SELECT path, mtime_ns FROM folders"):
        try:
            if os.stat(path).st_mtime_ns != mtime:
                return True
        except OSError:
            return True
    return False


def _under(path: str, folders: set[str]) -> bool:
    """A file directly in one of `folders`, or anywhere under one that vanished."""
    parent = os.path.dirname(path)
    if parent in folders:
        return True
    return any(path.startswith(f + os.sep) and not os.path.isdir(f) for f in folders)
