"""The parse step of a build or refresh: each file to the rows the index stores for it, in
worker processes when there are many.

A worker hands back one small frozen record per file: `Parsed` (its rows for every table,
and what went wrong in reading it that did not stop it: the writer reports those, one line
each), `Unchanged` (the same bytes as the index already holds) or `Problem` (it cannot be
read as text: the message says why). An article that a stage fails on is still `Parsed`,
without what that stage gives (no people, or no quotations; its text as plain paragraphs
when even the page's layout could not be read), and its `problem` says so. Nothing here
writes to the corpus folder or to the index: files are only read.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from whitehall_cli.index import schema
from whitehall_cli.index.changes import ToParse
from whitehall_cli.index.schema import Row
from whitehall_cli.load import decoding
from whitehall_cli.models import Document, StageFailure

if TYPE_CHECKING:
    from concurrent.futures import Future

# Fewer changed files than this are parsed in this process (a worker pool costs ~0.1 s).
PARALLEL_MIN_FILES = 300
# Files handed to a worker at a time: large enough to amortise pickling, small for progress.
CHUNK_FILES = 64
# Chunks waiting in flight per worker, so results never pile up in memory.
CHUNKS_IN_FLIGHT = 3
# Words kept in the "did you mean" vocabulary: letters only, three or more.
VOCAB_WORD = re.compile(r"[^\W\d_]{3,}")
# What each stage gives an article, as a warning names what the article was indexed without.
STAGE_PARTS = {
    "parse": "headline, date and byline",
    "entities": "people and bodies",
    "quotes": "quotations",
}

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A file parsed and analysed: what every table of the index holds for it."""

    doc_id: str
    digest: str  # hash of the file's bytes
    document: Row  # the `documents` row after the rowid
    fts: tuple[str, str, str]  # the full-text index's title, standfirst and body
    tables: dict[str, list[Row]]  # rows of each per-article table, without `doc`
    words: list[str]  # the article's words for the "did you mean" vocabulary
    problem: str | None = None  # a stage failed on it: what the article is indexed without
    detail: str = ""  # the failing stages' tracebacks
    warnings: tuple[str, ...] = ()  # e.g. a web page read by the fallback reader


@dataclass(frozen=True, slots=True)
class Unchanged:
    """A file whose bytes are those the index already holds (only its mtime moved)."""

    doc_id: str
    digest: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that cannot be read as an article, or that the pipeline failed on."""

    doc_id: str
    digest: str | None  # None when not even its bytes could be read
    message: str


ParseResult = Parsed | Unchanged | Problem


def parse_one(doc_id: str, path: str, old_hash: str | None) -> ParseResult:
    """Read, parse and analyse one file, unless its bytes hash to `old_hash`."""
    from whitehall_cli import pipeline  # the extraction stages: only imported to parse
    from whitehall_cli.parse.article import parse_text

    try:
        raw = decoding.read_bytes(path)  # capped at MAX_ARTICLE_BYTES, with a warning
    except decoding.Unreadable as e:
        return Problem(doc_id, None, str(e))
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    if digest == old_hash:
        return Unchanged(doc_id, digest)
    warnings: list[str] = []
    try:
        text = decoding.decode(raw)
    except decoding.Unreadable as e:
        return Problem(doc_id, digest, str(e))
    failures: list[StageFailure] = []
    try:
        doc = parse_text(text, doc_id, path, warnings)
    except Exception as e:  # a bug, or a page no rule foresaw: keep its text all the same
        failures.append(pipeline.stage_failure("parse", e))
        doc = plain_document(text, doc_id, path)
    try:
        analysis = pipeline.analyse(doc)
        failures += analysis.failures
        return Parsed(
            doc_id,
            digest,
            schema.document_row(doc, len(analysis.cast.people), len(analysis.quotes)),
            schema.fts_values(doc),
            schema.analysis_rows(analysis),
            vocabulary_words(analysis.cast.words),
            *describe(failures),
            tuple(warnings),
        )
    except Exception as e:  # the last guard: skip this file, not the run
        return Problem(doc_id, digest, f"wh could not read it ({type(e).__name__}: {e})")


def plain_document(text: str, doc_id: str, path: str) -> Document:
    """An article whose page could not be read: no metadata, its blocks of text as its
    paragraphs (so it can still be found, listed and shown)."""
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return Document(doc_id, path, None, None, None, None, (), None, tuple(b for b in blocks if b))


def describe(failures: list[StageFailure]) -> tuple[str | None, str]:
    """One line saying what an article is indexed without and why, and the tracebacks."""
    if not failures:
        return None, ""
    parts = " or ".join(STAGE_PARTS.get(f.stage, f.stage) for f in failures)
    why = "; ".join(f.error for f in failures)
    return f"indexed without its {parts}: wh failed on them ({why})", "".join(
        f.detail for f in failures
    )


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


def parse_chunk(items: list[ToParse]) -> list[ParseResult]:
    return [parse_one(*item) for item in items]


def parse_all(items: list[ToParse], progress: Progress | None) -> Iterator[ParseResult]:
    """Parse the files, in a process pool when there are many; results in order."""
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
        pending: deque[Future[list[ParseResult]]] = deque()
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
