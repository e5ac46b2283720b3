"""The on-disk index: its SQLite schema, and records to rows and back.

The index is one plain SQLite file per corpus folder, in `$WH_CACHE_DIR`, else
`$XDG_CACHE_HOME/whitehall-cli/`, else `~/.cache/whitehall-cli/`, named
`index-<hash of the corpus folder's absolute path>.sqlite`. Open it with `sqlite3` or
Datasette; nothing in it is needed by anything else, and deleting it only costs a rebuild.

Tables (lists are JSON arrays of strings; `doc` is `documents.rowid`):

- `meta(key, value)`: `schema_version`, `pipeline` (fingerprint of the wh code that filled
  the index: another one means a rebuild), `corpus` (absolute folder), `identity_fresh`
  ("1" when `people`/`bodies`/`names` match the per-article tables).
- `files(id, path, size, mtime_ns, hash, doc, problem)`: every article file seen; `doc` is
  null and `problem` says why when the file could not be read; with a `doc`, `problem` says
  what the article was indexed without when a stage failed on it.
- `folders(path, mtime_ns)`: every folder walked, for the quick freshness check.
- `documents(rowid, id, path, title, standfirst, date, outlet, authors, url, paragraphs,
  people, quotes)`: one row per article; `paragraphs`, `people` and `quotes` are counts.
  The rowid orders articles by date: `(date as a day number) << 24 | n`, undated first.
- `paragraphs(doc, n, text)`: the clean body, `n` from 0.
- `person_refs(doc, name, aliases, roles, bodies)`, `body_refs(doc, name, aliases, kind)`,
  `work_refs(doc, name, aliases, author)`: people, bodies and works as each article presents
  them.
- `mentions(doc, entity, kind, form, location, paragraph, start, end)`: every occurrence.
- `quotes(doc, n, text, speaker, speaker_kind, role, bodies, location, paragraph, partial,
  start, end)`: quotations as each article attributes them (the id is `<documents.id>#<n>`).
- `names(doc, kind, name, canonical)`: the corpus-wide name of each per-article person or
  body (`kind` is "person" or "body").
- `people(name, aliases, roles, bodies, documents, quote_count)` and
  `bodies(name, aliases, kind, documents, people, quote_count)`: corpus-wide, merged.
- `vocabulary(word, docs)`: each lower-case word of the corpus and how many articles hold it
  (for "did you mean").
- `docs_fts(title, standfirst, body)`: FTS5 full-text index of the articles, porter-stemmed,
  contentless (the text is in `documents` and `paragraphs`), rowid = `documents.rowid`.
  Example: `SELECT d.id FROM docs_fts JOIN documents d ON d.rowid = docs_fts.rowid
  WHERE docs_fts MATCH 'leak*' ORDER BY rank LIMIT 5`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from whitehall_cli.models import (
    Analysis,
    BodyRef,
    Cast,
    Document,
    Mention,
    PersonRef,
    Quote,
    WorkRef,
)

# One row of a table, as SQLite takes and gives it.
Row = tuple[Any, ...]

# Bumped whenever a table changes shape: an index with another version is rebuilt.
SCHEMA_VERSION = "4"
# Tokenizer of the full-text index: English stemming, accents folded, case folded.
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"
# Bits of a document rowid that number articles of the same day (the rest is the day).
DAY_SHIFT = 24

# The indexes of `names`, which identity drops while it refills the table and then remakes
# (one sort per index instead of a B-tree insert per row: the table has a row per mention
# of a person or body in each article).
NAMES_INDEXES = {
    "names_doc": "CREATE INDEX names_doc ON names (doc, kind, name)",
    "names_canonical": "CREATE INDEX names_canonical ON names (canonical)",
}

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE files (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, hash TEXT,
    doc INTEGER, problem TEXT
) WITHOUT ROWID;
CREATE TABLE folders (path TEXT PRIMARY KEY, mtime_ns INTEGER) WITHOUT ROWID;
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT, title TEXT,
    standfirst TEXT, date TEXT, outlet TEXT, authors TEXT, url TEXT,
    paragraphs INTEGER, people INTEGER, quotes INTEGER
);
CREATE TABLE paragraphs (
    doc INTEGER NOT NULL, n INTEGER NOT NULL, text TEXT, PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE TABLE person_refs (doc INTEGER, name TEXT, aliases TEXT, roles TEXT, bodies TEXT);
CREATE INDEX person_refs_doc ON person_refs (doc);
CREATE TABLE body_refs (doc INTEGER, name TEXT, aliases TEXT, kind TEXT);
CREATE INDEX body_refs_doc ON body_refs (doc);
CREATE TABLE work_refs (doc INTEGER, name TEXT, aliases TEXT, author TEXT);
CREATE INDEX work_refs_doc ON work_refs (doc);
CREATE TABLE mentions (
    doc INTEGER, entity TEXT, kind TEXT, form TEXT, location TEXT, paragraph INTEGER,
    start INTEGER, "end" INTEGER
);
CREATE INDEX mentions_doc ON mentions (doc);
CREATE TABLE quotes (
    doc INTEGER, n INTEGER, text TEXT, speaker TEXT, speaker_kind TEXT, role TEXT,
    bodies TEXT, location TEXT, paragraph INTEGER, partial INTEGER, start INTEGER,
    "end" INTEGER, PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE TABLE names (doc INTEGER, kind TEXT, name TEXT, canonical TEXT);
{";".join(NAMES_INDEXES.values())};
CREATE TABLE people (
    name TEXT PRIMARY KEY, aliases TEXT, roles TEXT, bodies TEXT, documents TEXT,
    quote_count INTEGER
) WITHOUT ROWID;
CREATE TABLE bodies (
    name TEXT PRIMARY KEY, aliases TEXT, kind TEXT, documents TEXT, people TEXT,
    quote_count INTEGER
) WITHOUT ROWID;
CREATE TABLE vocabulary (word TEXT PRIMARY KEY, docs INTEGER) WITHOUT ROWID;
CREATE VIRTUAL TABLE docs_fts USING fts5(
    title, standfirst, body, tokenize = '{FTS_TOKENIZE}', content = ''
);
"""

# Tables that hold one article's rows, keyed by `doc`, cleared when it is re-parsed.
PER_DOC_TABLES = ("paragraphs", "person_refs", "body_refs", "work_refs", "mentions", "quotes")


def day_number(date: str | None) -> int:
    """Days since year 1 for an ISO date; 0 for none or nonsense (sorted first)."""
    if not date:
        return 0
    import datetime as dt

    try:
        return dt.date.fromisoformat(date).toordinal()
    except ValueError:
        return 0


def dumps(items: tuple[str, ...] | list[str]) -> str:
    return json.dumps(list(items), ensure_ascii=False)


@lru_cache(maxsize=1 << 16)
def loads(text: str | None) -> tuple[str, ...]:
    """A stored JSON list as a tuple. Memoised: the same few lists ('["general secretary"]',
    '["FDA"]') recur in thousands of rows, and corpus-wide identity reads them all."""
    if not text or text == "[]":
        return ()
    return tuple(json.loads(text))


def fts_values(doc: Document) -> tuple[str, str, str]:
    """What the full-text index holds for an article (also what deleting it must repeat)."""
    return (doc.title or "", doc.standfirst or "", "\n".join(doc.paragraphs))


# --- Analysis -> rows (run in worker processes: plain tuples pickle fast) ---------------


def analysis_rows(a: Analysis) -> dict[str, list[Row]]:
    """Rows for every per-article table, without the `doc` column (added on insert)."""
    c = a.cast
    return {
        "paragraphs": [(n, text) for n, text in enumerate(a.document.paragraphs)],
        "person_refs": [
            (p.name, dumps(p.aliases), dumps(p.roles), dumps(p.bodies)) for p in c.people
        ],
        "body_refs": [(b.name, dumps(b.aliases), b.kind) for b in c.bodies],
        "work_refs": [(w.name, dumps(w.aliases), w.author) for w in c.works],
        "mentions": [
            (m.entity, m.kind, m.form, m.location, m.paragraph, m.start, m.end) for m in c.mentions
        ],
        "quotes": [
            (
                n,
                q.text,
                q.speaker,
                q.speaker_kind,
                q.role,
                dumps(q.bodies),
                q.location,
                q.paragraph,
                int(q.partial),
                q.start,
                q.end,
            )
            for n, q in enumerate(a.quotes, 1)
        ],
    }


def document_row(doc: Document, people: int, quotes: int) -> Row:
    """The `documents` row after the rowid."""
    return (
        doc.id,
        doc.path,
        doc.title,
        doc.standfirst,
        doc.date,
        doc.outlet,
        dumps(doc.authors),
        doc.url,
        len(doc.paragraphs),
        people,
        quotes,
    )


# --- rows -> records --------------------------------------------------------------------

DOCUMENT_COLUMNS = "rowid, id, path, title, standfirst, date, outlet, authors, url"


def document_from_row(row: Row, paragraphs: tuple[str, ...] = ()) -> Document:
    """A Document from a `DOCUMENT_COLUMNS` row (rowid first, ignored)."""
    _, doc_id, path, title, standfirst, date, outlet, authors, url = row
    return Document(
        id=doc_id,
        path=path,
        title=title,
        standfirst=standfirst,
        date=date,
        outlet=outlet,
        authors=loads(authors),
        url=url,
        paragraphs=paragraphs,
    )


QUOTE_COLUMNS = (
    "q.n, q.text, q.speaker, q.speaker_kind, q.role, q.bodies, q.location, q.paragraph, "
    'q.partial, q.start, q."end", d.id, d.date'
)


def quote_from_row(row: Row) -> Quote:
    """A Quote from a `QUOTE_COLUMNS` row."""
    n, text, speaker, kind, role, bodies, location, paragraph, partial, start, end = row[:11]
    doc_id, date = row[11], row[12]
    return Quote(
        id=f"{doc_id}#{n}",
        text=text,
        speaker=speaker,
        speaker_kind=kind,
        role=role,
        bodies=loads(bodies),
        document=doc_id,
        date=date,
        location=location,
        paragraph=paragraph,
        partial=bool(partial),
        start=start,
        end=end,
    )


def cast_from_rows(
    people: list[Row], bodies: list[Row], works: list[Row], mentions: list[Row]
) -> Cast:
    """A Cast from the per-article tables' rows (without their `doc` column)."""
    return Cast(
        people=tuple(
            PersonRef(name, loads(al), loads(roles), loads(bs)) for name, al, roles, bs in people
        ),
        bodies=tuple(BodyRef(name, loads(al), kind) for name, al, kind in bodies),
        works=tuple(WorkRef(name, loads(al), author) for name, al, author in works),
        mentions=tuple(Mention(*m) for m in mentions),
    )
