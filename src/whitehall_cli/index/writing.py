"""The write step of a build or refresh: articles' rows into an open index, and out of it,
inside the caller's transaction; and the folders the next freshness check compares with."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable

from whitehall_cli.index import schema
from whitehall_cli.index.parsing import VOCAB_WORD, Parsed, ParseResult, Problem, Unchanged
from whitehall_cli.load.corpus import Seen

log = logging.getLogger("whitehall_cli")


class Writer:
    """Inserts and deletes articles in an open index inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, full_build: bool) -> None:
        self.conn = conn
        self.full_build = full_build
        self.next_seq: dict[int, int] = {}
        self.vocab: Counter[str] = Counter()

    def write_all(self, results: Iterable[ParseResult], seen: dict[str, Seen]) -> int:
        """Store each result (a re-parsed article replaces its old rows); returns how many
        articles were (re)parsed."""
        parsed = 0
        for result in results:
            if not isinstance(result, Unchanged):
                if not self.full_build:
                    self.remove(result.doc_id)
                parsed += 1
            self.add(result, seen[result.doc_id])
        self.finish()
        return parsed

    def _rowid(self, date: str | None) -> int:
        day = schema.day_number(date)
        seq = self.next_seq.get(day)
        if seq is None:
            if self.full_build:
                seq = 0
            else:
                lo = day << schema.DAY_SHIFT
                top = self.conn.execute(
                    "SELECT max(rowid) FROM documents WHERE rowid BETWEEN ? AND ?",
                    (lo, lo + (1 << schema.DAY_SHIFT) - 1),
                ).fetchone()[0]
                seq = 0 if top is None else top - lo + 1
        self.next_seq[day] = seq + 1
        return (day << schema.DAY_SHIFT) | seq

    def add(self, result: ParseResult, seen: Seen) -> None:
        """Store one `parsing.parse_one` result for the file `seen`."""
        conn = self.conn
        if isinstance(result, Problem):
            log.warning("skipping %s: %s", seen.path, result.message)
            conn.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, NULL, ?)",
                (result.doc_id, seen.path, seen.size, seen.mtime_ns, result.digest, result.message),
            )
            return
        if isinstance(result, Unchanged):
            conn.execute(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?",
                (seen.size, seen.mtime_ns, result.doc_id),
            )
            return
        self._add_parsed(result, seen)

    def _add_parsed(self, result: Parsed, seen: Seen) -> None:
        conn = self.conn
        for message in result.warnings:
            log.warning("%s: %s", seen.path, message)
        rowid = self._rowid(result.document[4])
        conn.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (rowid, *result.document)
        )
        conn.execute(
            "INSERT INTO docs_fts (rowid, title, standfirst, body) VALUES (?, ?, ?, ?)",
            (rowid, *result.fts),
        )
        for table, rows in result.tables.items():
            if rows:
                marks = ",".join("?" * (len(rows[0]) + 1))
                conn.executemany(
                    f"INSERT INTO {table} VALUES ({marks})", [(rowid, *r) for r in rows]
                )
        if result.problem:  # indexed all the same, without what a failed stage gives
            log.warning("%s: %s", seen.path, result.problem)
            log.debug("%s: what failed:\n%s", seen.path, result.detail.rstrip())
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                result.doc_id,
                seen.path,
                seen.size,
                seen.mtime_ns,
                result.digest,
                rowid,
                result.problem,
            ),
        )
        if self.full_build:
            self.vocab.update(result.words)
        else:
            conn.executemany(
                "INSERT INTO vocabulary VALUES (?, 1) "
                "ON CONFLICT (word) DO UPDATE SET docs = docs + 1",
                [(w,) for w in result.words],
            )

    def remove_all(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            self.remove(doc_id)

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
        for table in schema.PER_DOC_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM names WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM documents WHERE rowid = ?", (rowid,))

    def finish(self) -> None:
        """Write what a full build gathered along the way."""
        if self.full_build:
            self.conn.executemany("INSERT INTO vocabulary VALUES (?, ?)", self.vocab.items())

    def folders(self, walked: dict[str, int], gone: Iterable[str] = ()) -> None:
        """Record the folders walked (path -> mtime) and forget those gone, with all below."""
        for p in gone:
            self.conn.execute(
                "DELETE FROM folders WHERE path = ? OR substr(path, 1, ?) = ?",
                (p, len(p) + 1, p + os.sep),
            )
        self.conn.executemany("INSERT OR REPLACE INTO folders VALUES (?, ?)", walked.items())
