"""Adding an article to the corpus folder (`wh add`): a web page fetched (`fetch`) or a saved
file, read as any article is (the caller hands in the reader: `parse.article.parse_text`),
refused when it holds no article text or is a list of links (`listing`), then written as
Markdown with front matter (title, standfirst, date, authors, url, outlet) named by its date
and a slug of its title, at most 40 characters cut at a word:
`2024-04-22-treasury-leak-inquiry-widens-to-three.md`.

The one place `wh` writes into a corpus folder, and it only ever adds a file: an address
already in the corpus (its url, or where a fetch ended up) changes nothing and says so; a
name already taken gets "-2", "-3" ...; a file is written under a hidden temporary name and
linked into place, so no other `wh` ever reads half of one. The bundled articles live inside
the installed package and are never written to.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from whitehall_cli.errors import FetchError, ReadOnlyCorpus, WhError
from whitehall_cli.load.corpus import DATA_ENV, Corpus
from whitehall_cli.load.declared import write_front_matter
from whitehall_cli.load.decoding import Unreadable, read_text
from whitehall_cli.load.fetch import TIMEOUT, check_url, fetch, is_url
from whitehall_cli.load.listing import listing_reason
from whitehall_cli.models import Added, Document, NotAdded

# Characters of a file name's slug at most (cut at a hyphen): the file name becomes the
# article's id, shown in every table.
SLUG_CHARS = 40
# Words a cut slug does not end on ("...-keep-all-of" is "...-keep-all").
DANGLING_WORDS = frozenset(
    "a an the of to in on at by for from with into over as and or but nor who which that".split()
)
# Names tried for one article before giving up: slug.md, slug-2.md ... slug-99.md.
MAX_NAME_TRIES = 99
# The name an article is read under when it was fetched (the server said it is a web page).
FETCHED_NAME = "page.html"


class Reader(Protocol):
    """Reads an article's text as the index does (`parse.article.parse_text`)."""

    def __call__(
        self, text: str, doc_id: str, path: str = "", warnings: list[str] | None = None
    ) -> Document: ...


def writable_folder(corpus: Corpus) -> Path:
    """The folder articles are added to; ReadOnlyCorpus for the bundled articles."""
    if corpus.bundled:
        raise ReadOnlyCorpus(
            "the bundled articles are read-only (they live inside the installed package): "
            f"choose a folder of your own with --data DIR or ${DATA_ENV}"
        )
    return Path(corpus.root)


def address_book(urls: Iterable[tuple[str, Path]]) -> dict[str, Path]:
    """The `known` map `add_source` takes, from (address, file) pairs (`Index.urls`)."""
    return {url_key(url): path for url, path in urls}


def url_key(url: str) -> str:
    """An address as compared for "already in the corpus": no scheme, no fragment, no
    trailing slash, the host in lower case ("https://X.org/a/" and "http://x.org/a" agree)."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        port = None
    host = (parts.hostname or "").lower() + (f":{port}" if port not in (None, 80, 443) else "")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def add_sources(
    sources: Iterable[str],
    folder: Path,
    read: Reader,
    known: MutableMapping[str, Path],
    *,
    timeout: float = TIMEOUT,
) -> Iterator[Added | NotAdded]:
    """`add_source` for each source in turn, as each is done: one that cannot be added is a
    NotAdded with its one-line reason, and the rest are still added."""
    for source in sources:
        try:
            yield add_source(source, folder, read, known, timeout=timeout)
        except WhError as e:
            yield NotAdded(source, str(e))


def add_source(
    source: str,
    folder: Path,
    read: Reader,
    known: MutableMapping[str, Path],
    *,
    timeout: float = TIMEOUT,
) -> Added:
    """Add one web page (an http or https address) or saved file to `folder`. `known` maps
    `url_key`s of the addresses already in the corpus to their files; what is added joins
    it, so one run never adds a page twice. FetchError when the page cannot be fetched or
    read, or holds no article text, or reads as a list of links (`listing`)."""
    url: str | None = None
    if is_url(source):
        url = check_url(source)
        if (found := known.get(url_key(url))) is not None:
            return Added(source, str(found), False, None, url)  # not even fetched again
        page = fetch(url, timeout=timeout)
        url, text, name = page.url, page.text, FETCHED_NAME
    else:
        path = Path(source).expanduser()
        if not path.is_file():
            raise FetchError(f"{source}: no such file, nor an http or https address")
        try:
            text = read_text(path)
        except Unreadable as e:
            raise FetchError(f"{source}: cannot read it ({e})") from None
        name = path.name
    warnings: list[str] = []
    doc = read(text, "", name, warnings)
    if not doc.paragraphs:
        raise FetchError(f"{source}: no article text found in it, so it was not added")
    if (why := listing_reason(doc.title, doc.paragraphs)) is not None:
        raise FetchError(
            f"{source}: a list of links or file names ({why}), not an article, so it was not added"
        )
    addresses = [a for a in dict.fromkeys([doc.url, url]) if a]
    for address in addresses:
        if (found := known.get(url_key(address))) is not None:
            return Added(source, str(found), False, doc.title, address)
    saved, created = write_article(folder, doc, doc.url or url)
    for address in [*addresses, *([source] if is_url(source) else [])]:
        known[url_key(address)] = saved
    return Added(source, str(saved), created, doc.title, doc.url or url, tuple(warnings))


def slugify(title: str | None) -> str:
    """ASCII, lower case, words joined by hyphens, at most SLUG_CHARS, cut at a hyphen and
    not on a word such as "of" or "the" (DANGLING_WORDS): "Ministers’ code: what’s
    changed?" gives "ministers-code-whats-changed"; "Ministers will be told to keep all of
    the messages for the inquiry" gives "ministers-will-be-told-to-keep-all"."""
    text = re.sub(r"['\u2019]|(?<=\d),(?=\d)", "", title or "")  # what's, 12,000
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    if len(slug) > SLUG_CHARS:
        words = slug[: SLUG_CHARS + 1].split("-")[:-1]  # the last is cut, or empty
        while len(words) > 1 and words[-1] in DANGLING_WORDS:
            words.pop()
        slug = "-".join(words) if words else slug[:SLUG_CHARS]
    return slug.strip("-") or "article"


def article_markdown(doc: Document, url: str | None) -> str:
    """The article as Markdown: front matter (what `declared` reads back), then its
    paragraphs, a blank line between each."""
    front = write_front_matter(
        {
            "title": doc.title,
            "standfirst": doc.standfirst,
            "date": doc.date,
            "authors": list(doc.authors),
            "url": url,
            "outlet": doc.outlet,
        }
    )
    return front + "\n" + "\n\n".join(doc.paragraphs) + "\n"


def write_article(folder: Path, doc: Document, url: str | None) -> tuple[Path, bool]:
    """Write `doc` into `folder` as DATE-SLUG.md (undated-SLUG.md), never over a file: a
    taken name holding the same text is the article already there (False); another gets
    -2, -3 ... Returns the file and whether it was written."""
    stem = f"{doc.date or 'undated'}-{slugify(doc.title)}"
    text = article_markdown(doc, url)
    tmp = folder / f".{stem}.wh-add-{os.getpid()}.tmp"  # hidden: no scan reads it
    try:
        tmp.write_text(text, encoding="utf-8")
        for n in range(1, MAX_NAME_TRIES + 1):
            path = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
            if _place(tmp, path):
                return path, True
            if _same_text(path, text):
                return path, False
    except OSError as e:
        raise FetchError(f"{folder}: cannot write the article ({e.strerror or e})") from None
    finally:
        tmp.unlink(missing_ok=True)
    raise FetchError(f"{folder}: no free name for {stem}.md")


def _place(tmp: Path, path: Path) -> bool:
    """Link the written file to `path` unless that name is taken (False); where the file
    system has no links, create `path` exclusively and copy the text in."""
    try:
        os.link(tmp, path)
        return True
    except FileExistsError:
        return False
    except OSError:
        pass
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(tmp.read_text(encoding="utf-8"))
        return True
    except FileExistsError:
        return False


def _same_text(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
