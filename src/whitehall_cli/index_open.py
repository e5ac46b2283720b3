"""Where the index lives, and opening, building or refreshing it (for `index.Index`).

Freshness: with `scan=True` (what `wh index` passes), or for corpora of fewer than
`FULL_SCAN_MAX_FILES` files, every file is stat-ed on open (about 2.6 ms per 1,000 files).
Larger corpora are checked by stat-ing only their folders: adding, removing or renaming a file
(and an editor's save-by-rename) changes its folder's mtime and is picked up; a file rewritten
in place is picked up by the next `wh index`.

Safety: a full build is written to a temporary file and moved into place with `os.replace`,
so a reader never sees half an index and Ctrl-C leaves the old one; a refresh is one
transaction. Writers take a lock file; readers never wait for it. An index that is
unreadable, half-written, or from another schema or another version of wh is rebuilt with
a one-line warning. `index_build` (parsing, writing) is imported only when something must be
written, so a search never pays for it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from whitehall_cli import load
from whitehall_cli import store_schema as ss
from whitehall_cli.errors import StoreError

try:  # the builtin module: importing hashlib would load OpenSSL, ~7 ms of every search
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

log = logging.getLogger("whitehall_cli")


def rebuild_identity(conn: sqlite3.Connection, in_transaction: bool = False) -> None:
    from whitehall_cli.identity import rebuild_identity as run

    run(conn, in_transaction)


CACHE_ENV = "WH_CACHE_DIR"
# Corpora with fewer files than this are stat-ed file by file on every open.
FULL_SCAN_MAX_FILES = 5_000
# How long a process waits for another's write before giving up (milliseconds).
BUSY_TIMEOUT_MS = 60_000
# The counts `meta` keeps (see `_store_counts`).
COUNTS = ("documents", "paragraphs", "quotes", "files", "problems")
# A refresh touching more articles than this counts the whole index again instead of
# adding what changed (a list of ids that long is no cheaper than the count).
COUNT_DELTA_MAX = 1_000
# Modules of the package that do not shape what the index holds (commands, output, the
# store itself: its format is versioned by SCHEMA_VERSION). Every other module and word list
# is part of the pipeline: a change to one means a rebuild.
NOT_PIPELINE = (
    "__init__",
    "index_open",
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
    # switching the body lexicon off or on changes what the index holds too
    parts = [ss.SCHEMA_VERSION, f"WH_NO_LEXICON={os.environ.get('WH_NO_LEXICON', '')}"]
    folders = [
        here,
        here / "lexicon",
        here / "load",
        here / "parse",
        here / "entities",
        here / "quotes",
    ]
    for folder in folders:
        with contextlib.suppress(OSError), os.scandir(folder) as it:
            for e in sorted(it, key=lambda e: e.name):
                stem, _, suffix = e.name.rpartition(".")
                if folder is here and (suffix != "py" or stem in NOT_PIPELINE):
                    continue
                if suffix not in ("py", "tsv", "txt"):
                    continue  # __pycache__ and the like: not code, and their times move
                with contextlib.suppress(OSError):
                    st = e.stat()
                    parts.append(f"{e.name}:{st.st_size}:{st.st_mtime_ns}")
    return blake2b("|".join(parts).encode(), digest_size=8).hexdigest()


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


def open_connection(
    corpus: load.Corpus,
    rebuild: bool,
    progress: Callable[[int, int], None] | None,
    scan: bool | None,
) -> tuple[sqlite3.Connection, Path, int]:
    """A connection to the up-to-date index of `corpus`, its path, and how many articles
    were (re)parsed to get there."""
    path = index_path(corpus)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create the index folder {path.parent}: {e}") from None
    conn = None if rebuild else _open_valid(path)
    if conn is not None:
        return conn, path, _refresh(conn, corpus, path, scan, progress)
    with write_lock(path):
        conn = None if rebuild else _open_valid(path, quiet=True)
        if conn is not None:
            return conn, path, 0
        parsed = _full_build(corpus, path, progress)
        return connect(path), path, parsed


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
    touched = [*gone, *(doc_id for doc_id, _, _ in todo)]
    with write_lock(path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            before = _counts_of(conn, touched) if len(touched) <= COUNT_DELTA_MAX else None
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
                _update_counts(conn, before, touched)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return parsed


def _store_counts(conn: sqlite3.Connection) -> None:
    """Counts kept in `meta` so that no command has to count 100,000 rows."""
    _write_counts(conn, _counts_of(conn, None))


def _counts_of(conn: sqlite3.Connection, ids: list[str] | None) -> dict[str, int]:
    """The `meta` counts over the articles with these ids, or over all of them."""
    where, args = (
        ("", ())
        if ids is None
        else (" WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))
    )
    docs, paragraphs, quotes = conn.execute(
        "SELECT count(*), coalesce(sum(paragraphs), 0), coalesce(sum(quotes), 0) FROM documents"
        + where,
        args,
    ).fetchone()
    files, problems = conn.execute(
        "SELECT count(*), coalesce(sum(doc IS NULL), 0) FROM files" + where, args
    ).fetchone()
    return dict(zip(COUNTS, (docs, paragraphs, quotes, files, problems), strict=True))


def _update_counts(
    conn: sqlite3.Connection, before: dict[str, int] | None, touched: list[str]
) -> None:
    """After a refresh: the stored counts plus what the touched articles' counts became
    (a count over the whole index read every article's row: 0.2 s at 100,000). A large
    refresh, or an index without counts, is counted afresh."""
    stored = dict(
        conn.execute(
            f"SELECT key, value FROM meta WHERE key IN ({','.join('?' * len(COUNTS))})", COUNTS
        ).fetchall()
    )
    if before is None or len(stored) < len(COUNTS):
        _store_counts(conn)
        return
    after = _counts_of(conn, touched)
    _write_counts(conn, {k: int(stored[k]) + after[k] - before[k] for k in COUNTS})


def _write_counts(conn: sqlite3.Connection, counts: dict[str, int]) -> None:
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
