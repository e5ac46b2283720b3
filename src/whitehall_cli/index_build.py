"""Filling the index: scanning the corpus folder, parsing in parallel, writing rows.

`index.py` decides when to build or refresh and answers queries; this module does the work.
Nothing here writes to the corpus folder: files are only listed, stat-ed and read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator

from whitehall_cli import load
from whitehall_cli import store_schema as ss
from whitehall_cli.models import Analysis, Document

log = logging.getLogger("whitehall_cli")

# Fewer changed files than this are parsed in this process (a worker pool costs ~0.1 s).
PARALLEL_MIN_FILES = 300
# Files handed to a worker at a time: large enough to amortise pickling, small for progress.
CHUNK_FILES = 64
# Chunks waiting in flight per worker, so results never pile up in memory.
CHUNKS_IN_FLIGHT = 3
# Words kept in the "did you mean" vocabulary: letters only, three or more.
VOCAB_WORD = re.compile(r"[^\W\d_]{3,}")

Progress = Callable[[int, int], None]


def analyse(doc: Document) -> Analysis:
    """Run the people and quotation stages on one parsed article."""
    from whitehall_cli.entities import find_cast
    from whitehall_cli.quotes import find_quotes

    cast = find_cast(doc)
    return Analysis(doc, cast, tuple(find_quotes(doc, cast)))


# --- scanning ---------------------------------------------------------------------------


# The walker lives in `load`, the first stage: one set of rules for which files are articles.
Seen = load.Seen
scan_folder = load.scan_folder
scan = load.scan


# --- parsing (in worker processes for large builds) -------------------------------------


def parse_one(doc_id: str, path: str, old_hash: str | None) -> tuple:
    """One file to a plain tuple: ("same", id, hash) when the content is unchanged,
    ("problem", id, hash, message) when it cannot be read, else ("ok", id, hash, row...)."""
    from whitehall_cli import parse

    try:
        raw = load.read_bytes(path)  # capped at load.MAX_ARTICLE_BYTES, with a warning
    except load.Unreadable as e:
        return ("problem", doc_id, None, str(e))
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    if digest == old_hash:
        return ("same", doc_id, digest)
    try:
        doc = parse.parse_text(load.decode(raw), doc_id, path)
        analysis = analyse(doc)
    except load.Unreadable as e:
        return ("problem", doc_id, digest, str(e))
    except Exception as e:  # a bug, or input no rule foresaw: skip this file, not the run
        return ("problem", doc_id, digest, f"wh could not read it ({type(e).__name__}: {e})")
    words = vocabulary_words(analysis.cast.words)
    row = ss.document_row(doc, len(analysis.cast.people), len(analysis.quotes))
    return ("ok", doc_id, digest, row, ss.fts_values(doc), ss.analysis_rows(analysis), words)


def vocabulary_words(forms: Iterable[str]) -> list[str]:
    """The distinct lower-case words for the "did you mean" vocabulary, from an article's
    word forms (`Cast.words`): the same as `VOCAB_WORD` over its whole lower-cased text, since
    a run of letters never crosses the gaps and joiners that separate word forms."""
    words: set[str] = set()
    add = words.add
    for form in {f.lower() for f in forms}:
        if form.isalpha():  # the common case: the whole form is one run of letters
            if len(form) > 2:
                add(form)
        else:  # "rees-mogg", "o'brien", "2019s": its runs of three letters or more
            words.update(VOCAB_WORD.findall(form))
    return sorted(words)


def parse_chunk(items: list[tuple[str, str, str | None]]) -> list[tuple]:
    return [parse_one(*item) for item in items]


def parse_all(
    items: list[tuple[str, str, str | None]], progress: Progress | None
) -> Iterator[tuple]:
    """Parse (id, path, old hash) items, in a process pool when there are many; in order."""
    total = len(items)
    if progress:
        progress(0, total)
    if total < PARALLEL_MIN_FILES or (os.cpu_count() or 1) < 2:
        for n, item in enumerate(items, 1):
            yield parse_one(*item)
            if progress and (n % CHUNK_FILES == 0 or n == total):
                progress(n, total)
        return
    from concurrent.futures import ProcessPoolExecutor

    workers = os.cpu_count() or 2
    chunks = (items[i : i + CHUNK_FILES] for i in range(0, total, CHUNK_FILES))
    done = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(parse_chunk, chunk))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT:
                results = pending.popleft().result()
                done += len(results)
                yield from results
                if progress:
                    progress(done, total)
        while pending:
            results = pending.popleft().result()
            done += len(results)
            yield from results
            if progress:
                progress(done, total)


# --- writing ----------------------------------------------------------------------------


class Writer:
    """Inserts and deletes articles in an open index inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, full_build: bool) -> None:
        self.conn = conn
        self.full_build = full_build
        self.next_seq: dict[int, int] = {}
        self.vocab: Counter[str] = Counter()

    def _rowid(self, date: str | None) -> int:
        day = ss.day_number(date)
        seq = self.next_seq.get(day)
        if seq is None:
            if self.full_build:
                seq = 0
            else:
                lo = day << ss.DAY_SHIFT
                top = self.conn.execute(
                    "SELECT max(rowid) FROM documents WHERE rowid BETWEEN ? AND ?",
                    (lo, lo + (1 << ss.DAY_SHIFT) - 1),
                ).fetchone()[0]
                seq = 0 if top is None else top - lo + 1
        self.next_seq[day] = seq + 1
        return (day << ss.DAY_SHIFT) | seq

    def add(self, result: tuple, seen: Seen) -> None:
        """Store one `parse_one` result for the file `seen`."""
        kind, doc_id, digest = result[:3]
        conn = self.conn
        if kind == "problem":
            log.warning("skipping %s: %s", seen.path, result[3])
            conn.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, NULL, ?)",
                (doc_id, seen.path, seen.size, seen.mtime_ns, digest, result[3]),
            )
            return
        if kind == "same":
            conn.execute(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?",
                (seen.size, seen.mtime_ns, doc_id),
            )
            return
        row, fts, tables, words = result[3:]
        rowid = self._rowid(row[4])
        conn.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (rowid, *row))
        conn.execute(
            "INSERT INTO docs_fts (rowid, title, standfirst, body) VALUES (?, ?, ?, ?)",
            (rowid, *fts),
        )
        for table, rows in tables.items():
            if rows:
                marks = ",".join("?" * (len(rows[0]) + 1))
                conn.executemany(
                    f"INSERT INTO {table} VALUES ({marks})", [(rowid, *r) for r in rows]
                )
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, NULL)",
            (doc_id, seen.path, seen.size, seen.mtime_ns, digest, rowid),
        )
        if self.full_build:
            self.vocab.update(words)
        else:
            conn.executemany(
                "INSERT INTO vocabulary VALUES (?, 1) "
                "ON CONFLICT (word) DO UPDATE SET docs = docs + 1",
                [(w,) for w in words],
            )

    def remove(self, doc_id: str) -> None:
        """Forget an article: its rows, its full-text entry and its words."""
        conn = self.conn
        found = conn.execute("SELECT doc FROM files WHERE id = ?", (doc_id,)).fetchone()
        conn.execute("DELETE FROM files WHERE id = ?", (doc_id,))
        if not found or found[0] is None:
            return
        rowid = found[0]
        title, standfirst = conn.execute(
            "SELECT title, standfirst FROM documents WHERE rowid = ?", (rowid,)
        ).fetchone()
        paragraphs = [
            t
            for (t,) in conn.execute(
                "SELECT text FROM paragraphs WHERE doc = ? ORDER BY n", (rowid,)
            )
        ]
        fts = (title or "", standfirst or "", "\n".join(paragraphs))
        conn.execute(
            "INSERT INTO docs_fts (docs_fts, rowid, title, standfirst, body) "
            "VALUES ('delete', ?, ?, ?, ?)",
            (rowid, *fts),
        )
        words = set(VOCAB_WORD.findall(" ".join(fts).lower()))
        conn.executemany(
            "UPDATE vocabulary SET docs = docs - 1 WHERE word = ?", [(w,) for w in words]
        )
        conn.execute("DELETE FROM vocabulary WHERE docs <= 0")
        for table in ss.PER_DOC_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM names WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM documents WHERE rowid = ?", (rowid,))

    def finish(self) -> None:
        """Write what a full build gathered along the way."""
        if self.full_build:
            self.conn.executemany("INSERT INTO vocabulary VALUES (?, ?)", self.vocab.items())


def write_results(
    writer: Writer,
    items: list[tuple[str, str, str | None]],
    seen: dict[str, Seen],
    progress: Progress | None,
) -> int:
    """Parse `items` and store each; returns how many articles were (re)parsed."""
    parsed = 0
    for result in parse_all(items, progress):
        if result[0] != "same":
            if not writer.full_build:
                writer.remove(result[1])
            parsed += 1
        writer.add(result, seen[result[1]])
    writer.finish()
    return parsed


def folder_changes(
    conn: sqlite3.Connection, root: str
) -> tuple[dict[str, Seen], dict[str, int], set[str]] | None:
    """The quick freshness check: stat only the folders the index knows.

    None when every folder has its recorded mtime (no file added, removed or renamed, and
    no editor's save-by-rename). Otherwise the files now in the changed folders, the new
    folder mtimes, and the changed or vanished folders themselves.
    """
    changed: set[str] = set()
    for path, mtime in conn.execute("SELECT path, mtime_ns FROM folders"):
        try:
            if os.stat(path).st_mtime_ns != mtime:
                changed.add(path)
        except OSError:
            changed.add(path)
    if not changed:
        return None
    files: dict[str, Seen] = {}
    folders: dict[str, int] = {}
    for path in sorted(changed):
        if os.path.isdir(path):
            scan_folder(root, path, files, folders, walk=False)
            _walk_new_subfolders(conn, root, path, files, folders)
    return files, folders, changed


def _walk_new_subfolders(
    conn: sqlite3.Connection, root: str, path: str, files: dict, folders: dict
) -> None:
    try:
        entries = list(os.scandir(path))
    except OSError:
        return
    for e in entries:
        if e.name.startswith(".") or e.name in load.SKIP_DIRS or not e.is_dir():
            continue
        known = conn.execute("SELECT 1 FROM folders WHERE path = ?", (e.path,)).fetchone()
        if not known:
            scan_folder(root, e.path, files, folders, walk=True)


def stored_files(conn: sqlite3.Connection) -> dict[str, tuple[int, int, str | None]]:
    """id -> (size, mtime_ns, hash) of every file the index knows."""
    return {
        i: (size, mtime, digest)
        for i, size, mtime, digest in conn.execute("SELECT id, size, mtime_ns, hash FROM files")
    }


def plan(
    seen: dict[str, Seen], known: dict[str, tuple[int, int, str | None]], scope: Iterable[str]
) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    """Files to parse (new, or size/mtime changed: the hash decides) and ids to drop.

    `scope` is the set of known ids the scan covered (all of them after a full walk).
    """
    todo: list[tuple[str, str, str | None]] = []
    for doc_id, s in seen.items():
        old = known.get(doc_id)
        if old is None:
            todo.append((doc_id, s.path, None))
        elif (old[0], old[1]) != (s.size, s.mtime_ns):
            todo.append((doc_id, s.path, old[2]))
    gone = [doc_id for doc_id in scope if doc_id not in seen]
    return todo, gone
