"""The corpus folder and its article files: which folder (--data, $WH_DATA, the bundled
articles), which files in it are articles, and their ids.

Nothing here writes to the corpus folder. Folders and files that cannot be listed are
skipped with a one-line warning through `logging`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from whitehall_cli.errors import CorpusNotFound

log = logging.getLogger("whitehall_cli")

# File endings read as Markdown and as HTML (web pages), turned into plain text first.
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
# File endings read as articles.
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
# Environment variable naming the corpus folder when --data is not given.
DATA_ENV = "WH_DATA"
# Folders never walked (version control, caches, virtual environments).
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules"})


@dataclass(frozen=True, slots=True)
class Corpus:
    """The folder of articles in use."""

    root: Path
    bundled: bool = False


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One article file in the corpus, with what is needed to notice a change."""

    id: str  # path relative to the corpus root, without extension, "/"-separated
    path: Path
    size: int
    mtime_ns: int


def bundled_root() -> Path:
    """The five bundled articles: inside the installed package, or data/ in a checkout."""
    package = Path(__file__).resolve().parent.parent  # whitehall_cli/
    packaged = package / "corpus"
    if packaged.is_dir():
        return packaged
    return package.parent.parent / "data"


def resolve_corpus(data: str | os.PathLike[str] | None) -> Corpus:
    """--data, then $WH_DATA, then the bundled corpus. A folder given that is the bundled
    articles' own (or inside it), by whatever path or link, is the bundled corpus too."""
    chosen = data if data not in (None, "") else os.environ.get(DATA_ENV) or None
    if chosen is None:
        root = bundled_root()
        if not root.is_dir():
            raise CorpusNotFound(f"the bundled corpus is missing from {root}")
        return Corpus(root=root, bundled=True)
    root = Path(chosen).expanduser()
    if not root.exists():
        raise CorpusNotFound(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusNotFound(f"corpus is not a folder: {root}")
    root = root.resolve()
    bundled = bundled_root().resolve()
    return Corpus(root=root, bundled=root == bundled or bundled in root.parents)


def doc_id_for(root: Path, path: Path) -> str:
    """The stable id of an article: its path under the root, without extension."""
    rel = path.relative_to(root)
    return rel.with_suffix("").as_posix()


def list_files(corpus: Corpus) -> list[SourceFile]:
    """Every article file under the corpus root, sorted by id; warns on what it skips."""
    files, _ = scan(str(corpus.root))
    return [SourceFile(i, Path(f.path), f.size, f.mtime_ns) for i, f in sorted(files.items())]


class Seen(NamedTuple):
    """A file found by a scan (a named tuple: 100,000 are made per scan, cheaply)."""

    path: str
    size: int
    mtime_ns: int


def scan_folder(
    root: str, folder: str, files: dict[str, Seen], folders: dict[str, int], walk: bool
) -> None:
    """Add `folder`'s article files (and, with `walk`, its sub-folders') to the maps.

    Known endings only; hidden files and skipped folders left out; the first (by name) of
    two files with one id wins; a folder link loop is walked once, with a warning.
    """
    stack = [folder]
    visited: set[tuple[int, int]] = set()
    while stack:
        current = stack.pop()
        try:
            st = os.stat(current)
            with os.scandir(current) as it:
                entries = list(it)  # unsorted: sorting 100k entries costs ~0.1 s
        except OSError as e:
            log.warning("skipping %s: %s", current, e.strerror or e)
            continue
        if (st.st_dev, st.st_ino) in visited:
            log.warning("skipping %s: a folder link loops back", current)
            continue
        visited.add((st.st_dev, st.st_ino))
        folders[current] = st.st_mtime_ns
        subfolders = []
        suffixes = TEXT_SUFFIXES
        prefix = root + os.sep
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if walk and name not in SKIP_DIRS:
                    subfolders.append(entry.path)
                continue
            if not name.lower().endswith(suffixes):
                continue
            path = entry.path
            if path.startswith(prefix) and os.sep == "/":  # the common case, inline
                rel = path[len(prefix) :]
                stem, dot, _ = rel.rpartition(".")
                doc_id = stem if dot and stem and stem[-1] != "/" else rel
            else:
                doc_id = _doc_id(root, path)
            other = files.get(doc_id)
            if other is not None:  # a.md beside a.txt: the first by name wins, as in load
                kept, skipped = sorted((other.path, path))
                log.warning("skipping %s: another file already has the id %s", skipped, doc_id)
                if kept == other.path:
                    continue
            try:
                est = entry.stat()
            except OSError as e:
                log.warning("skipping %s: %s", entry.path, e.strerror or e)
                continue
            files[doc_id] = Seen(path, est.st_size, est.st_mtime_ns)
        stack.extend(reversed(subfolders))


def scan(root: str) -> tuple[dict[str, Seen], dict[str, int]]:
    """Every article file under `root` (id -> Seen) and every folder walked (path -> mtime)."""
    files: dict[str, Seen] = {}
    folders: dict[str, int] = {}
    scan_folder(root, root, files, folders, walk=True)
    return files, folders


def _doc_id(root: str, path: str) -> str:
    """doc_id_for without its cost (os.path.relpath is ~3 us a call: 0.3 s at 100k):
    scan paths are always `root` + separator + relative path."""
    rel = path[len(root) + 1 :] if path.startswith(root + os.sep) else os.path.relpath(path, root)
    if os.sep != "/":
        rel = rel.replace(os.sep, "/")
    stem, dot, suffix = rel.rpartition(".")
    return stem if dot and "/" not in suffix and stem and not stem.endswith("/") else rel
