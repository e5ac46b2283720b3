"""Stage 1, load: files in, article text out.

In: a corpus folder (`--data`, `$WH_DATA`, else the five bundled articles) and the bytes of
its files. Out: the `Corpus`, its article files with their ids (`scan`, `list_files`), each
file's text (`read_text`, `decode`: UTF-8, UTF-16 or Windows-1252, newlines made "\\n"), and,
for `parse`, that text as plain lines whatever its format (`formats`: Markdown and HTML lose
their markup) with page furniture told from the article's own lines (`furniture`).

Never: writes to the corpus folder, decides what a line of an article means (headline, date,
byline: that is `parse`), or knows the index or the command line. A file that cannot be read
is an `Unreadable` (its message says why), never a crash.
"""

from whitehall_cli.load.corpus import (
    DATA_ENV,
    SKIP_DIRS,
    TEXT_SUFFIXES,
    Corpus,
    Seen,
    SourceFile,
    bundled_root,
    doc_id_for,
    list_files,
    resolve_corpus,
    scan,
    scan_folder,
)
from whitehall_cli.load.decoding import MAX_ARTICLE_BYTES, Unreadable, decode, read_bytes, read_text

__all__ = [
    "DATA_ENV",
    "MAX_ARTICLE_BYTES",
    "SKIP_DIRS",
    "TEXT_SUFFIXES",
    "Corpus",
    "Seen",
    "SourceFile",
    "Unreadable",
    "bundled_root",
    "decode",
    "doc_id_for",
    "list_files",
    "read_bytes",
    "read_text",
    "resolve_corpus",
    "scan",
    "scan_folder",
]
