"""`context`: every occurrence of a word or phrase in the body paragraphs, in its context
(keyword in context, a concordance: AntConc's and CQPweb's view).

Which articles: those `search` finds for the same words and filters (its query language,
typo correction included; an argument of several plain words, quoted at the shell, is a
phrase). Which occurrences: in those articles' paragraphs, every place a
wanted word, phrase or prefix occurs. By default the exact form typed (case and accents
aside): `leaks` finds "leaks" and "Leaks", not "leak" or "leaked"; `leak*` finds every word
that starts with "leak". With `stem`, every form `search` matches (its porter-stemming
tokenizer): `leaks` finds leak, leaks, leaked and leaking. FTS5 narrows the articles first;
the exact forms are then found with a regular expression on the paragraph text, the stemmed
ones by FTS5's own `highlight()` on those paragraphs in a small in-memory table.

Orders: `date` (newest article first, then reading order) reads articles newest first and
stops after `limit` lines, so it costs the same on 100,000 articles as on 100; `left` and
`right` (sorted by the words just before or after the match, nearest first, as AntConc
does) must see every occurrence before sorting.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from whitehall_cli.errors import BadQuery
from whitehall_cli.index import schema as ss
from whitehall_cli.index.store import Index
from whitehall_cli.query.choices import ContextSort
from whitehall_cli.query.filters import Filters, date_bound, doc_ids_for
from whitehall_cli.query.search import IN_CHUNK, MARK_CLOSE, MARK_OPEN, rowid_filters
from whitehall_cli.query.syntax import TOKEN, Part, Query, argument_query, correct, parse_query

# Lines given unless --limit says otherwise.
DEFAULT_LIMIT = 100
# Characters of context on each side unless --width says otherwise.
DEFAULT_WIDTH = 40
# Words of context compared when sorting on the left or the right (1L, 2L, 3L ...).
SORT_WORDS = 5
# Articles read per step, newest first: the first step is small (a --limit 50 on a common
# word needs a few articles), later ones grow to this many.
FIRST_STEP, MOST_STEP = 16, 1024
# A letter outside a-z (an accented one, or another script), in lower-cased text.
ACCENTED = re.compile(r"[^\W\d_a-z]")
# Any whitespace in a context becomes one space (offsets are kept: one character for one).
SPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One occurrence of a searched word or phrase in a body paragraph, in its context
    (a line of `context`, keyword in context). Kept here, not in `models`, so that only
    a concordance pays for making the class."""

    document: str
    date: str | None
    paragraph: int  # index into Document.paragraphs
    start: int  # character offsets of the match in that paragraph
    end: int
    left: str  # up to the asked width of text before the match (whitespace as spaces)
    match: str  # the matched text as written
    right: str  # up to the asked width of text after it


@dataclass(frozen=True, slots=True)
class Concordance:
    """The lines of a concordance, in the asked order."""

    lines: tuple[KwicLine, ...]
    corrections: tuple[tuple[str, str], ...] = ()  # (typed word, word searched instead)
    more: bool = False  # there are more lines than `limit`
    total: int | None = None  # every occurrence, when all were read (left/right sorts)
    other_forms: bool = False  # no line, but other forms of the words match (`stem` would)


def concordance(
    index: Index,
    words: str | Sequence[str],
    f: Filters,
    *,
    sort: ContextSort = ContextSort.DATE,
    width: int = DEFAULT_WIDTH,
    stem: bool = False,
) -> Concordance:
    """Every occurrence of the query's words in the paragraphs of the articles it matches.
    `words` is one query, or the command line's arguments (each read by `argument_query`,
    so `"civil service"` quoted at the shell is a phrase)."""
    text = words if isinstance(words, str) else " ".join(argument_query(w) for w in words)
    limit = f.limit if f.limit is not None else DEFAULT_LIMIT
    if limit < 1:
        raise BadQuery("--limit must be at least 1")
    if width < 1:
        raise BadQuery("--width must be at least 1")
    conn = index.conn
    query, corrections = correct(conn, parse_query(text))
    allowed = doc_ids_for(index, None, replace(f, outlet=None, since=None, until=None))
    where, args = rowid_filters(
        conn, allowed, f.outlet, date_bound(f.since), date_bound(f.until, end=True)
    )
    finder: _Finder = _StemFinder(conn, query) if stem else _ExactFinder(query)
    everything = sort is not ContextSort.DATE
    found: list[tuple[tuple[str, ...], KwicLine]] = []
    try:
        for step in _paragraphs_newest_first(conn, query.article_expr(), where, args):
            marked = finder.find([p for _, _, _, p in step])
            for (doc_id, date, n, para), spans in zip(step, marked, strict=True):
                for start, end in spans:
                    line = _line(doc_id, date, n, para, start, end, width)
                    found.append((_sort_key(sort, para, start, end), line))
            if not everything and len(found) > limit:
                break
    except sqlite3.OperationalError as e:
        raise BadQuery(f"cannot search for {text!r}: {e}") from None
    finally:
        finder.close()
    if everything:  # Python's sort is stable: equal contexts stay newest first
        found.sort(key=lambda kl: kl[0])
    lines = tuple(line for _, line in found[:limit])
    total = len(found) if everything else None
    other_forms = False
    if not lines and not stem:
        other_forms = bool(concordance(index, text, replace(f, limit=1), stem=True).lines)
    return Concordance(lines, corrections, len(found) > limit, total, other_forms)


# --- articles, newest first ---------------------------------------------------------------

Paragraph = tuple[str, str | None, int, str]  # (document id, date, paragraph n, text)


def _paragraphs_newest_first(
    conn: sqlite3.Connection, expr: str, where: str, args: list[object]
) -> Iterator[list[Paragraph]]:
    """The paragraphs of the matching articles, a step of articles at a time, newest article
    first (rowids run in date order), each article's paragraphs in reading order."""
    below, step = 1 << 62, FIRST_STEP
    while True:
        rowids = [
            r
            for (r,) in conn.execute(
                f"SELECT docs_fts.rowid FROM docs_fts WHERE docs_fts MATCH ?{where} "
                "AND docs_fts.rowid < ? ORDER BY docs_fts.rowid DESC LIMIT ?",
                [expr, *args, below, step],
            )
        ]
        if not rowids:
            return
        yield _paragraphs_of(conn, rowids)
        below, step = rowids[-1], min(step * 4, MOST_STEP)


def _paragraphs_of(conn: sqlite3.Connection, rowids: list[int]) -> list[Paragraph]:
    docs: dict[int, tuple[str, str | None]] = {}
    texts: dict[int, list[tuple[int, str]]] = {r: [] for r in rowids}
    for i in range(0, len(rowids), IN_CHUNK):
        chunk = rowids[i : i + IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        for rowid, doc_id, date in conn.execute(
            f"SELECT rowid, id, date FROM documents WHERE rowid IN ({marks})", chunk
        ):
            docs[rowid] = (doc_id, date)
        for rowid, n, text in conn.execute(
            f"SELECT doc, n, text FROM paragraphs WHERE doc IN ({marks}) ORDER BY doc, n", chunk
        ):
            texts[rowid].append((n, text or ""))
    return [(*docs[r], n, text) for r in rowids if r in docs for n, text in texts[r]]


# --- occurrences --------------------------------------------------------------------------


class _Finder:
    """Where the wanted words occur in each of a step's paragraphs: (start, end) spans, in
    reading order."""

    def find(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        raise NotImplementedError

    def close(self) -> None:
        """Let go of what the finder holds."""


class _ExactFinder(_Finder):
    """The forms as typed, case and accents aside: one regular expression over every wanted
    part (phrases first, so "civil service" wins over "civil"), on the folded text."""

    def __init__(self, query: Query) -> None:
        parts = sorted(
            {p for group in query.groups for p in group}, key=lambda p: (-len(p.tokens), p.tokens)
        )
        self.pattern = re.compile("|".join(_part_pattern(p) for p in parts))
        # A paragraph without any part's first word cannot match, and a substring test on
        # its lower case skips most paragraphs faster than folding it and scanning it
        # (only a letter with an accent can hide a word from that test).
        self.needles = tuple({fold(p.tokens[0]) for p in parts})
        self.shortcut = all(n.isascii() for n in self.needles)

    def find(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        found: list[list[tuple[int, int]]] = []
        for text in texts:
            if self.shortcut and not self._may_match(text):
                found.append([])
                continue
            folded = fold(text)
            found.append([m.span() for m in self.pattern.finditer(folded)])
        return found

    def _may_match(self, text: str) -> bool:
        low = text.lower()
        if any(n in low for n in self.needles):
            return True
        return not text.isascii() and ACCENTED.search(low) is not None


def _part_pattern(part: Part) -> str:
    """A part as a regular expression on folded text: its words in order with any non-word
    characters between them (as the FTS5 tokenizer splits), whole words only."""
    words = [re.escape(fold(t)) for t in part.tokens]
    tail = r"[^\W_]*" if part.prefix else ""
    return r"(?<![^\W_])" + r"[\W_]+".join(words) + tail + r"(?![^\W_])"


def fold(text: str) -> str:
    """Lower case without accents, one character for one (so offsets still hold), as the
    index's tokenizer folds text (`remove_diacritics 2`)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLDED)


class _Folding(dict[int, str]):
    """The folded form of each character, worked out the first time it is met: its base
    letter (accents dropped) in lower case, one character long."""

    def __missing__(self, code: int) -> str:
        base = unicodedata.normalize("NFD", chr(code))[0].lower()
        self[code] = folded = base[0] if base else chr(code)
        return folded


_FOLDED = _Folding()


class _StemFinder(_Finder):
    """Every form `search` matches: a step's paragraphs go into an in-memory FTS5 table with
    the index's tokenizer, and FTS5's `highlight()` marks what matched."""

    def __init__(self, conn: sqlite3.Connection, query: Query) -> None:
        self.conn = conn
        self.expr = query.paragraph_expr()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kwic_fts "
            f"USING fts5(text, tokenize = '{ss.FTS_TOKENIZE}')"
        )

    def find(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        conn = self.conn
        conn.execute("DELETE FROM temp.kwic_fts")
        conn.execute("BEGIN")  # one transaction: FTS5 writes one segment, not one per row
        try:
            conn.executemany(
                "INSERT INTO temp.kwic_fts (rowid, text) VALUES (?, ?)", enumerate(texts)
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        marked: list[list[tuple[int, int]]] = [[] for _ in texts]
        for i, text in conn.execute(
            "SELECT rowid, highlight(kwic_fts, 0, ?, ?) FROM temp.kwic_fts WHERE kwic_fts MATCH ?",
            (MARK_OPEN, MARK_CLOSE, self.expr),
        ):
            marked[i] = marked_spans(text)
        return marked

    def close(self) -> None:
        self.conn.execute("DELETE FROM temp.kwic_fts")


def marked_spans(marked: str) -> list[tuple[int, int]]:
    """(start, end) of every MARK_OPEN ... MARK_CLOSE stretch, in the unmarked text."""
    spans: list[tuple[int, int]] = []
    pos = start = 0
    for piece in re.split(f"({MARK_OPEN}|{MARK_CLOSE})", marked):
        if piece == MARK_OPEN:
            start = pos
        elif piece == MARK_CLOSE:
            spans.append((start, pos))
        else:
            pos += len(piece)
    return spans


# --- lines --------------------------------------------------------------------------------


def _line(
    doc_id: str, date: str | None, n: int, text: str, start: int, end: int, width: int
) -> KwicLine:
    return KwicLine(
        document=doc_id,
        date=date,
        paragraph=n,
        start=start,
        end=end,
        left=SPACE.sub(" ", text[max(0, start - width) : start]),
        match=SPACE.sub(" ", text[start:end]),
        right=SPACE.sub(" ", text[end : end + width]),
    )


def _sort_key(sort: ContextSort, text: str, start: int, end: int) -> tuple[str, ...]:
    """The words a line sorts on: before the match nearest first (left), or after it
    (right), folded; nothing for the date order (the reading order is kept)."""
    if sort is ContextSort.LEFT:
        words = TOKEN.findall(fold(text[max(0, start - 20 * SORT_WORDS) : start]))
        return (*words[::-1][:SORT_WORDS], "", fold(text[start:end]))
    if sort is ContextSort.RIGHT:
        words = TOKEN.findall(fold(text[end : end + 20 * SORT_WORDS]))
        return (*words[:SORT_WORDS], "", fold(text[start:end]))
    return ()
