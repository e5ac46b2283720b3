"""Where the index of a corpus lives, how it is connected to and locked, and the fingerprint
of the code that fills it.

The index is one SQLite file per corpus folder, in `$WH_CACHE_DIR`, else
`$XDG_CACHE_HOME/whitehall-cli/`, else `~/.cache/whitehall-cli/`, named from a hash of the
folder's absolute path. Writers take a lock file beside it; readers never wait for it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from whitehall_cli.index.schema import SCHEMA_VERSION
from whitehall_cli.load.corpus import Corpus

try:  # the builtin module: importing hashlib would load OpenSSL, ~7 ms of every search
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

CACHE_ENV = "WH_CACHE_DIR"
# How long a process waits for another's write before giving up (milliseconds).
BUSY_TIMEOUT_MS = 60_000
# The parts of the package that shape what the index holds: the extraction stages, their word
# lists, the records and errors they share, and the function that runs them. A change to any
# file in them means a rebuild. The rest (the store itself, whose format is versioned by
# `schema.SCHEMA_VERSION`, questions, output and the command line) does not.
PIPELINE = (
    "load",
    "parse",
    "entities",
    "quotes",
    "lexicon",
    "pipeline.py",
    "models.py",
    "errors.py",
)
# Files inside those folders that count: code and word lists (not caches, whose times move).
PIPELINE_SUFFIXES = (".py", ".tsv", ".txt")


def cache_dir() -> Path:
    """$WH_CACHE_DIR, else $XDG_CACHE_HOME/whitehall-cli, else ~/.cache/whitehall-cli."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "whitehall-cli"


def index_path(corpus: Corpus) -> Path:
    """The index file of a corpus: named from a hash of its absolute path."""
    root = str(Path(corpus.root).resolve())
    digest = blake2b(root.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()
    return cache_dir() / f"index-{digest}.sqlite"


def pipeline_fingerprint() -> str:
    """Size and mtime of the code and word lists that shape the index (~0.3 ms), with the
    store's schema version and whether the body lexicon is switched off."""
    package = Path(__file__).resolve().parent.parent
    parts = [SCHEMA_VERSION, f"WH_NO_LEXICON={os.environ.get('WH_NO_LEXICON', '')}"]
    for part in PIPELINE:
        path = package / part
        if part.endswith(".py"):
            with contextlib.suppress(OSError):
                st = path.stat()
                parts.append(f"{part}:{st.st_size}:{st.st_mtime_ns}")
            continue
        with contextlib.suppress(OSError), os.scandir(path) as it:
            for e in sorted(it, key=lambda e: e.name):
                if not e.name.endswith(PIPELINE_SUFFIXES):
                    continue
                with contextlib.suppress(OSError):
                    st = e.stat()
                    parts.append(f"{part}/{e.name}:{st.st_size}:{st.st_mtime_ns}")
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
