"""Opening the index of a corpus, building it, or bringing it up to date with its folder.

`open_connection` is the way in. A usable index is refreshed (`refresh`); a missing, damaged,
unfinished, or outdated one (another schema, another version of the pipeline) is built afresh
(`build`), with a one-line warning when one was there. Both read top-down as the same steps,
each a call into the module that owns it: scan the folder and plan what to parse and drop
(`changes`), parse (`parsing`), write (`writing`), then recount (`counts`) and, after a full
build, work out who is who across the corpus (`identity`; after a refresh, lazily).

Freshness: with `scan=True` (what `wh index` passes), or for corpora of fewer than
`FULL_SCAN_MAX_FILES` files, every file is stat-ed on open; larger corpora are checked by
stat-ing only their folders (see `changes`).

Safety: a full build is written to a temporary file and moved into place with `os.replace`,
so a reader never sees half an index and Ctrl-C leaves the old one; a refresh is one
transaction. Writers take a lock file; readers never wait for it. Parsing and writing are
imported only when something must be written, so a search never pays for them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from whitehall_cli.errors import StoreError
from whitehall_cli.index import changes, counts, schema
from whitehall_cli.index.location import connect, index_path, pipeline_fingerprint, write_lock
from whitehall_cli.load.corpus import Corpus

log = logging.getLogger("whitehall_cli")

# Corpora with fewer files than this are stat-ed file by file on every open.
FULL_SCAN_MAX_FILES = 5_000

Progress = Callable[[int, int], None]


def open_connection(
    corpus: Corpus, rebuild: bool, progress: Progress | None, scan: bool | None
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
        return conn, path, refresh(conn, corpus, path, scan, progress)
    with write_lock(path):
        conn = None if rebuild else _open_valid(path, quiet=True)
        if conn is not None:
            return conn, path, 0
        parsed = build(corpus, path, progress)
        return connect(path), path, parsed


def refresh(
    conn: sqlite3.Connection,
    corpus: Corpus,
    path: Path,
    scan: bool | None,
    progress: Progress | None,
) -> int:
    """Bring an open, valid index up to date with its folder; returns the articles re-parsed."""
    root = str(Path(corpus.root).resolve())
    if scan is None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'files'").fetchone()
        scan = row is None or int(row[0]) < FULL_SCAN_MAX_FILES
    # 1. scan: every file, or only the folders whose mtime moved
    found = (
        changes.scan_every_file(conn, root) if scan else changes.scan_changed_folders(conn, root)
    )
    if found is None:
        return 0
    # 2. plan: new and changed files to parse, vanished ones to drop
    plan = changes.plan(found, changes.stored_files(conn))
    if not plan.todo and not plan.gone and not found.folders_changed:
        return 0
    from whitehall_cli.index import identity, parsing, writing  # only imported when writing

    with write_lock(path), _transaction(conn):
        before = counts.before_change(conn, plan.touched)
        writer = writing.Writer(conn, full_build=False)
        writer.remove_all(plan.gone)
        # 3. parse and 4. write: each result is stored as the parsers hand it over
        parsed = writer.write_all(parsing.parse_all(plan.todo, progress), found.files)
        writer.folders(found.folders, found.gone_folders)
        # 5. recount; who is who across the corpus is worked out when next asked
        if plan.gone or parsed:
            identity.mark_stale(conn)
            counts.update(conn, before, plan.touched)
    return parsed


def build(corpus: Corpus, path: Path, progress: Progress | None) -> int:
    """Build a complete index in a temporary file and move it into place; returns the
    articles parsed."""
    from whitehall_cli.index import identity, parsing, writing  # only imported when writing

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
            conn.executescript(schema.SCHEMA)
            conn.execute("BEGIN")
            # 1. scan and 2. plan: in a new index every file is new
            found = changes.scan_every_file(conn, root)
            plan = changes.plan(found, {})
            writer = writing.Writer(conn, full_build=True)
            # 3. parse and 4. write
            parsed = writer.write_all(parsing.parse_all(plan.todo, progress), found.files)
            writer.folders(found.folders)
            # 5. who is who across the corpus, and the counts
            identity.rebuild_identity(conn, in_transaction=True)
            meta = {
                "schema_version": schema.SCHEMA_VERSION,
                "pipeline": fingerprint,
                "corpus": root,
                "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "complete": "1",
            }
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
            counts.store(conn)
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
        if meta.get("schema_version") != schema.SCHEMA_VERSION:
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


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed whole, or rolled back whole (also on Ctrl-C)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
