"""Corpus-wide identity: one person or body across every article that names them.

Each article's cast names people and bodies in its own way ("Heywood", "Sir Jeremy
Heywood"; "FDA", "the FDA union"). `entities.merge_people` / `merge_bodies` decide which
per-article names are the same one across the corpus; this module stores that decision in
the `names` table and fills the corpus-wide `people` and `bodies` tables from it. It runs
after a full build, and lazily after a refresh (the first command that needs people).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from whitehall_cli.entities.merge import merge_bodies, merge_people
from whitehall_cli.index import schema
from whitehall_cli.models import BodyRef, PersonRef


def _ranked(counts: Counter[str], drop: str = "") -> str:
    """A JSON list, most frequent first, then alphabetical; without `drop`."""
    return schema.dumps(
        [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if k != drop]
    )


def mark_stale(conn: sqlite3.Connection) -> None:
    """After a refresh changed articles: the corpus-wide tables are recomputed when next
    asked for (`Index` does it)."""
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('identity_fresh', '0')")


def rebuild_identity(conn: sqlite3.Connection, in_transaction: bool = False) -> None:
    """Recompute `names`, `people` and `bodies`; commits unless `in_transaction`."""
    if not in_transaction:
        conn.execute("BEGIN IMMEDIATE")
    try:
        _rebuild(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('identity_fresh', '1')")
        if not in_transaction:
            conn.execute("COMMIT")
    except BaseException:
        if not in_transaction:
            conn.execute("ROLLBACK")
        raise


def _rebuild(conn: sqlite3.Connection) -> None:
    ids = dict(conn.execute("SELECT rowid, id FROM documents"))
    person_rows = conn.execute(
        "SELECT doc, name, aliases, roles, bodies FROM person_refs"
    ).fetchall()
    body_rows = conn.execute("SELECT doc, name, aliases, kind FROM body_refs").fetchall()
    people_in = [
        (ids[d], PersonRef(n, schema.loads(a), schema.loads(r), schema.loads(b)))
        for d, n, a, r, b in person_rows
    ]
    bodies_in = [(ids[d], BodyRef(n, schema.loads(a), k)) for d, n, a, k in body_rows]
    pmap = merge_people(people_in)
    bmap = merge_bodies(bodies_in)

    names: list[tuple[int, str, str, str]] = []
    body_aliases: defaultdict[str, Counter[str]] = defaultdict(Counter)
    body_kinds: defaultdict[str, Counter[str]] = defaultdict(Counter)
    body_docs: defaultdict[str, set[str]] = defaultdict(set)
    body_people: defaultdict[str, set[str]] = defaultdict(set)
    body_quotes: Counter[str] = Counter()
    for (d, name, *_), (doc_id, ref) in zip(body_rows, bodies_in, strict=True):
        canon = bmap.get((doc_id, name), name)
        names.append((d, "body", name, canon))
        body_aliases[canon].update((name, *ref.aliases))
        body_kinds[canon][ref.kind] += 1
        body_docs[canon].add(doc_id)

    person_aliases: defaultdict[str, Counter[str]] = defaultdict(Counter)
    person_roles: defaultdict[str, Counter[str]] = defaultdict(Counter)
    person_bodies: defaultdict[str, Counter[str]] = defaultdict(Counter)
    person_docs: defaultdict[str, set[str]] = defaultdict(set)
    person_quotes: Counter[str] = Counter()
    for (d, name, *_), (doc_id, person) in zip(person_rows, people_in, strict=True):
        canon = pmap.get((doc_id, name), name)
        names.append((d, "person", name, canon))
        person_aliases[canon].update((name, *person.aliases))
        person_roles[canon].update(person.roles)
        bodies = [bmap.get((doc_id, b), b) for b in person.bodies]
        person_bodies[canon].update(bodies)
        person_docs[canon].add(doc_id)
        for b in bodies:
            body_people[b].add(canon)

    for d, speaker, kind, bodies in conn.execute(
        "SELECT doc, speaker, speaker_kind, bodies FROM quotes"
    ):
        doc_id = ids[d]
        spoken_for = {bmap.get((doc_id, b), b) for b in schema.loads(bodies)}
        if kind == "person" and speaker:
            person_quotes[pmap.get((doc_id, speaker), speaker)] += 1
        elif kind == "body" and speaker:
            spoken_for.add(bmap.get((doc_id, speaker), speaker))
        for b in spoken_for:
            body_quotes[b] += 1

    for table in ("names", "people", "bodies"):
        conn.execute(f"DELETE FROM {table}")
    for index in schema.NAMES_INDEXES:  # refilled without them, then indexed in one pass each
        conn.execute(f"DROP INDEX IF EXISTS {index}")
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
    for create in schema.NAMES_INDEXES.values():
        conn.execute(create)
    conn.executemany(
        "INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                canon,
                _ranked(person_aliases[canon], drop=canon),
                _ranked(person_roles[canon]),
                _ranked(person_bodies[canon]),
                schema.dumps(sorted(docs)),
                person_quotes[canon],
            )
            for canon, docs in person_docs.items()
        ],
    )
    conn.executemany(
        "INSERT INTO bodies VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                canon,
                _ranked(body_aliases[canon], drop=canon),
                body_kinds[canon].most_common(1)[0][0],
                schema.dumps(sorted(docs)),
                schema.dumps(sorted(body_people[canon])),
                body_quotes[canon],
            )
            for canon, docs in body_docs.items()
        ],
    )
