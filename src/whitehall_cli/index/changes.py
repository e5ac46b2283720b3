"""The scan and plan steps of a refresh: what changed in the corpus folder since the index was
written, and so which files to parse and which articles to drop.

Freshness: a full scan stats every file (about 2.6 ms per 1,000 files). The quick check stats
only the folders the index knows: adding, removing or renaming a file (and an editor's
save-by-rename) changes its folder's mtime, so only the files of those folders are looked at;
a file rewritten in place is picked up by the next full scan (`wh index`). A file whose size
and mtime are as stored is not read again; one whose bytes hash as stored is not re-parsed.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

from whitehall_cli.load.corpus import SKIP_DIRS, Seen, scan, scan_folder


class ToParse(NamedTuple):
    """A file to parse: its id, its path, and the hash of the bytes the index holds for it
    (None for a new file)."""

    doc_id: str
    path: str
    old_hash: str | None


@dataclass(frozen=True, slots=True)
class Scan:
    """What a scan found: the article files now there (in the part of the folder it looked
    at), the folders walked with their mtimes, the ids of the stored files it covered (None:
    all of them), the folders that vanished, and whether any folder's mtime moved."""

    files: dict[str, Seen]
    folders: dict[str, int]
    scope: list[str] | None
    gone_folders: set[str]
    folders_changed: bool


@dataclass(frozen=True, slots=True)
class Plan:
    """Files to parse (new, or size or mtime changed: the hash decides) and ids to drop."""

    todo: list[ToParse]
    gone: list[str]

    @property
    def touched(self) -> list[str]:
        """Ids of every article the plan adds, re-parses or drops."""
        return [*self.gone, *(item.doc_id for item in self.todo)]


def stored_files(conn: sqlite3.Connection) -> dict[str, tuple[int, int, str | None]]:
    """id -> (size, mtime_ns, hash) of every file the index knows."""
    return {
        i: (size, mtime, digest)
        for i, size, mtime, digest in conn.execute("SELECT id, size, mtime_ns, hash FROM files")
    }


def scan_every_file(conn: sqlite3.Connection, root: str) -> Scan:
    """Walk the whole folder: every file stat-ed."""
    files, folders = scan(root)
    gone_folders = {p for (p,) in conn.execute("SELECT path FROM folders")} - folders.keys()
    moved = any(
        conn.execute("SELECT mtime_ns FROM folders WHERE path = ?", (p,)).fetchone() != (m,)
        for p, m in folders.items()
    )
    return Scan(files, folders, None, gone_folders, bool(gone_folders) or moved)


def scan_changed_folders(conn: sqlite3.Connection, root: str) -> Scan | None:
    """The quick check: stat only the folders the index knows, and walk those whose mtime
    moved (and any new folder inside them). None when none moved or vanished."""
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
    paths = dict(conn.execute("SELECT id, path FROM files"))
    scope = [i for i, p in paths.items() if _under(p, changed)]
    return Scan(files, folders, scope, {p for p in changed if p not in folders}, True)


def _walk_new_subfolders(
    conn: sqlite3.Connection, root: str, path: str, files: dict[str, Seen], folders: dict[str, int]
) -> None:
    try:
        entries = list(os.scandir(path))
    except OSError:
        return
    for e in entries:
        if e.name.startswith(".") or e.name in SKIP_DIRS or not e.is_dir():
            continue
        known = conn.execute("SELECT 1 FROM folders WHERE path = ?", (e.path,)).fetchone()
        if not known:
            scan_folder(root, e.path, files, folders, walk=True)


def _under(path: str, folders: set[str]) -> bool:
    """A file directly in one of `folders`, or anywhere under one that vanished."""
    parent = os.path.dirname(path)
    if parent in folders:
        return True
    return any(path.startswith(f + os.sep) and not os.path.isdir(f) for f in folders)


def plan(found: Scan, known: dict[str, tuple[int, int, str | None]]) -> Plan:
    """Files to parse (new, or size/mtime changed: the hash decides) and ids to drop (known
    ids in the scan's scope that it did not find)."""
    todo: list[ToParse] = []
    for doc_id, s in found.files.items():
        old = known.get(doc_id)
        if old is None:
            todo.append(ToParse(doc_id, s.path, None))
        elif (old[0], old[1]) != (s.size, s.mtime_ns):
            todo.append(ToParse(doc_id, s.path, old[2]))
    scope = known.keys() if found.scope is None else found.scope
    return Plan(todo, [doc_id for doc_id in scope if doc_id not in found.files])
