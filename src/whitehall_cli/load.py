"""Stage 1: find the corpus, list its article files and decode them to text.

Nothing here writes to the corpus folder. Files that cannot be read (empty, binary,
permission denied, vanished) are skipped with a one-line warning through `logging`.
"""

from __future__ import annotations

import codecs
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

from whitehall_cli.errors import CorpusNotFound

log = logging.getLogger("whitehall_cli")

# File endings read as articles. Markdown and HTML are turned into plain text first.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
# Environment variable naming the corpus folder when --data is not given.
DATA_ENV = "WH_DATA"
# Bytes sniffed to decide that a file is binary.
SNIFF_BYTES = 8192
# Bytes of one file that are read. Real articles are a few kilobytes; anything longer is
# read up to its last line break before this point, with a warning, so that one huge file
# cannot take the memory or the time of the whole run.
MAX_ARTICLE_BYTES = 1_000_000
# Bytes asked for by each read after the first (which the file's size sizes).
_READ_CHUNK = 65_536
# Folders never walked (version control, caches, virtual environments).
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules"})


class Unreadable(Exception):
    """One file that cannot be read as an article; the message says why."""


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
    here = Path(__file__).resolve().parent
    packaged = here / "corpus"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def resolve_corpus(data: str | os.PathLike[str] | None) -> Corpus:
    """--data, then $WH_DATA, then the bundled corpus."""
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
    return Corpus(root=root.resolve())


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


def read_bytes(path: Path | str) -> bytes:
    """The bytes of one file, at most MAX_ARTICLE_BYTES of them (cut at a line break, with
    a warning); raise Unreadable when it cannot be read."""
    try:
        with open(path, "rb", buffering=0) as fh:  # unbuffered: _read_upto sizes the reads
            raw = _read_upto(fh, MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise Unreadable("it vanished while being read") from None
    except IsADirectoryError:
        raise Unreadable("it is a folder") from None
    except OSError as e:
        raise Unreadable(e.strerror or str(e)) from None
    if len(raw) > MAX_ARTICLE_BYTES:
        cut = raw.rfind(b"\n", 0, MAX_ARTICLE_BYTES)
        raw = raw[: cut if cut > 0 else MAX_ARTICLE_BYTES]
        log.warning(
            "%s is over %d MB: only its first %d MB are read",
            path,
            MAX_ARTICLE_BYTES // 1_000_000,
            MAX_ARTICLE_BYTES // 1_000_000,
        )
    return raw


def _read_upto(fh: BinaryIO, limit: int) -> bytes:
    """The file's bytes up to `limit` or its end, as a buffered read(limit) gives them, but
    without first allocating `limit` bytes (a megabyte per article): the file's size sizes
    the first read, and reads go on to the end of the file (a pipe's come in pieces)."""
    want = min(os.fstat(fh.fileno()).st_size + 1, limit)  # one more byte: that read meets EOF
    chunks: list[bytes] = []
    got = 0
    while got < limit:
        chunk = fh.read(min(want, limit - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        want = _READ_CHUNK
    return b"".join(chunks)


def read_text(path: Path | str) -> str:
    """Decode one file; raise Unreadable for empty, binary or unreadable files."""
    return decode(read_bytes(path))


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1.

    Newlines become "\\n". Raises Unreadable for empty or binary input.
    """
    if not raw.strip():
        raise Unreadable("it is empty")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Unreadable("it is not valid UTF-16") from None
    else:
        if raw.find(b"\x00", 0, SNIFF_BYTES) != -1:
            raise Unreadable("it looks binary")
        try:  # "utf-8-sig" by hand: that codec's Python-level wrapper costs more than decoding
            text = raw[3:].decode() if raw.startswith(codecs.BOM_UTF8) else raw.decode()
        except UnicodeDecodeError:
            text = _decode_single_byte(raw)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    if _looks_binary(text):
        raise Unreadable("it looks binary")
    return text


def _decode_single_byte(raw: bytes) -> str:
    """Windows-1252 (curly quotes, £, the dash) where it applies, else Latin-1."""
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


# Control characters that mark binary data (all of U+0000-U+001F and U+007F but tab, line
# feed and carriage return), as bytes: in UTF-8 each stands for itself and no other
# character encodes to any of them, so counting them in the encoded text counts them in it.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _looks_binary(text: str) -> bool:
    """Mostly control characters in the first few thousand characters."""
    head = text[:SNIFF_BYTES]
    # counted by deleting them from the UTF-8 bytes: a C loop over the bytes, 3x faster
    # than a regex engine's findall over the characters
    encoded = head.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(head) // 20)
