"""The recount step of a build or refresh: the counts `meta` keeps, so that no command has to
count 100,000 rows (`wh index`, the overview, `document_count`)."""

from __future__ import annotations

import json
import sqlite3

# The counts `meta` keeps.
COUNTS = ("documents", "paragraphs", "quotes", "files", "problems")
# A refresh touching more articles than this counts the whole index again instead of
# adding what changed (a list of ids that long is no cheaper than the count).
DELTA_MAX = 1_000


def store(conn: sqlite3.Connection) -> None:
    """Count the whole index and keep the counts."""
    _write(conn, counts_of(conn, None))


def before_change(conn: sqlite3.Connection, touched: list[str]) -> dict[str, int] | None:
    """What the articles a refresh is about to touch count for now (None when they are too
    many to be worth it: the refresh then recounts everything)."""
    return counts_of(conn, touched) if len(touched) <= DELTA_MAX else None


def counts_of(conn: sqlite3.Connection, ids: list[str] | None) -> dict[str, int]:
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


def update(conn: sqlite3.Connection, before: dict[str, int] | None, touched: list[str]) -> None:
    """After a refresh: the stored counts plus what the touched articles' counts became
    (a count over the whole index reads every article's row: 0.2 s at 100,000). A large
    refresh, or an index without counts, is counted afresh."""
    stored = dict(
        conn.execute(
            f"SELECT key, value FROM meta WHERE key IN ({','.join('?' * len(COUNTS))})", COUNTS
        ).fetchall()
    )
    if before is None or len(stored) < len(COUNTS):
        store(conn)
        return
    after = counts_of(conn, touched)
    _write(conn, {k: int(stored[k]) + after[k] - before[k] for k in COUNTS})


def _write(conn: sqlite3.Connection, counts: dict[str, int]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in counts.items()]
    )
