"""A saved web page -> `Page`: the page's own metadata, then its main text as a reader view
would show it, by trafilatura (the field's standard extractor of main text and metadata).

Metadata comes first from what the page states (`page_meta`); trafilatura's only fills gaps,
and a name it offers is kept only when the article itself shows it (its fallback takes any
"author" element on the page, related-story cards included). The body is trafilatura's main
text (no comments, no tables) as paragraphs, less page furniture (`furniture`) and menu
lines. trafilatura, and lxml with it, is imported when a page is read, never when this
module is: text corpora, `wh --help` and every query pay nothing for it.

Scripts and styles are emptied before anything reads the page (JSON-LD is kept): lxml gives
up on a text node of over 10 MB, and no size limit should count them. The limit applies to
the article's text (`MAX_TEXT_CHARS`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from whitehall_cli.load import furniture as fu
from whitehall_cli.load.declared import clean, labelled_lines, page_date, person_names
from whitehall_cli.load.decoding import MAX_ARTICLE_BYTES
from whitehall_cli.load.page_meta import PageMeta, read_page_meta

# Characters of article text kept: the megabyte a text file is read to (scripts, styles and
# markup do not count); the rest is cut, with a warning.
MAX_TEXT_CHARS = MAX_ARTICLE_BYTES
# Lines of this many words or fewer are menu entries and labels, unless they end a sentence.
SHORT_WORDS = 4
# The contents of <script> and <style> elements, JSON-LD left alone.
SCRIPT_BODY = re.compile(
    r"(<(script|style)\b(?![^>]*application/ld\+json)[^>]*>).*?(</\2\s*>)", re.I | re.S
)
# Loggers of trafilatura and its helpers: quiet while a page is read (their findings become
# at most one warning of ours).
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")


@dataclass(frozen=True, slots=True)
class Page:
    """One page read: what it states about itself, its article's paragraphs (list items
    marked "- "), and what went wrong, each a line for the user."""

    title: str | None
    standfirst: str | None
    date: str | None  # ISO YYYY-MM-DD, or as written when the page gives no ISO date
    authors: tuple[str, ...]
    url: str | None
    outlet: str | None
    paragraphs: tuple[str, ...]
    warnings: tuple[str, ...]

    def labelled_lines(self) -> list[str]:
        """The metadata as the labelled lines `parse` reads (`declared`)."""
        return labelled_lines(
            [
                ("outlet", self.outlet),  # first: a byline naming a desk is not the outlet
                ("title", self.title),
                ("standfirst", self.standfirst),
                ("authors", list(self.authors)),
                ("date", self.date),
                ("url", self.url),
            ]
        )

    def lines(self) -> list[str]:
        """The page as `parse` reads any article: labelled metadata lines, then paragraphs."""
        return [*self.labelled_lines(), *self.paragraphs]


def read_page(html: str, url: str | None = None, *, max_text_chars: int = MAX_TEXT_CHARS) -> Page:
    """Read one saved page; `url` is where it came from, when known. Never raises for a bad
    page: a page trafilatura cannot read has no paragraphs and says why in `warnings`."""
    warnings: list[str] = []
    html = SCRIPT_BODY.sub(r"\1\3", html)
    meta = read_page_meta(html)
    doc = _extract(html, url or meta.url, warnings)
    fill: dict[str, Any] = {}
    paragraphs: list[str] = []
    if doc is not None:
        fill = {k: getattr(doc, k, None) for k in ("title", "author", "date", "url", "sitename")}
        if doc.body is not None:
            paragraphs = _paragraphs(doc.body)
    title = meta.title or clean(fill.get("title")) or None
    paragraphs = [p for p in paragraphs if p not in (title, meta.standfirst)]
    paragraphs = _capped(paragraphs, max_text_chars, warnings)
    if doc is not None and not paragraphs:
        warnings.append("trafilatura found no article text")
    return Page(
        title=title,
        standfirst=meta.standfirst,
        date=meta.date or page_date(fill.get("date")),
        authors=meta.authors or tuple(_vetted(fill.get("author"), meta)),
        url=meta.url or fill.get("url") or url,
        outlet=meta.outlet or clean(fill.get("sitename")) or None,
        paragraphs=tuple(paragraphs),
        warnings=tuple(warnings),
    )


def _extract(html: str, url: str | None, warnings: list[str]) -> Any:
    """trafilatura's Document for the page (body and metadata), or None with a warning."""
    try:
        import trafilatura
    except ImportError as e:  # a broken install: the built-in reader takes over
        warnings.append(f"trafilatura cannot be imported ({e})")
        return None
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [lg.level for lg in loggers]
    try:
        for lg in loggers:
            lg.setLevel(logging.CRITICAL)
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as e:  # noqa: BLE001 - a failure of the extractor is one page's, not the run's
        warnings.append(f"trafilatura failed ({type(e).__name__}: {e})")
        return None
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)
    if doc is None:
        warnings.append("trafilatura found no article text")
    return doc


def _vetted(author: object, meta: PageMeta) -> list[str]:
    """trafilatura's author string ("A; B"), keeping only names the article itself shows."""
    if not isinstance(author, str) or not meta.article_text:
        return []
    names = (n for part in author.split(";") for n in person_names(part))
    return [n for n in names if n in meta.article_text]


def _paragraphs(body: Any) -> list[str]:
    """Paragraphs, quotations and list items of trafilatura's body (an lxml element), in
    order; headings, tables, images and code are left out, and so are furniture and menu
    lines."""
    for br in body.iter("lb"):
        br.tail = "\n" + (br.tail or "")
    blocks: list[str] = []
    for text, tag in _texts(body):
        for line in _lines(text):
            line = f"- {line}" if tag == "item" else line
            if line not in blocks:
                blocks.append(line)
    out: list[str] = []
    for i, line in enumerate(blocks):
        if fu.is_furniture(line):
            continue
        if fu.word_count(line) <= SHORT_WORDS and not fu.ends_sentence(line):
            follows = blocks[i + 1] if i + 1 < len(blocks) else ""
            if not (line.endswith(":") and follows.startswith(fu.OPEN_QUOTES)):
                continue  # a menu line or a label; "Gove said:" before a quotation stays
        out.append(line)
    return out


def _texts(body: Any) -> Iterator[tuple[str, str]]:
    """The text of each paragraph, quotation and list item of the body, with its tag, in
    order; text standing in the body outside any of them (as a page with broken markup
    leaves it) comes as a paragraph of its own."""
    yield body.text or "", "p"
    for child in body:
        for el in child.iter("p", "item", "quote"):
            if el.tag == "quote" and el.find(".//p") is not None:
                continue  # its paragraphs come one by one
            parent = el.getparent()
            if el.tag == "p" and parent is not None and parent.tag == "item":
                continue  # the list item gives its whole text
            yield "".join(el.itertext()), el.tag
        yield child.tail or "", "p"


def _lines(text: str) -> list[str]:
    """A block's lines: its line breaks kept (a block of trafilatura's fallback extractors
    holds a page's lines, menus and all), but a line that carries on a sentence (it starts
    in lower case after one that does not end) joined to the line before it."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = clean(raw)
        if not line:
            continue
        if out and line[0].islower() and not fu.ends_sentence(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _capped(paragraphs: list[str], limit: int, warnings: list[str]) -> list[str]:
    """The paragraphs up to `limit` characters in all, the last one cut at a word."""
    total = 0
    for i, para in enumerate(paragraphs):
        total += len(para)
        if total > limit:
            warnings.append(f"article text cut at its first {limit:,} characters")
            room = limit - (total - len(para))
            part = para[:room].rsplit(" ", 1)[0] if room > 0 else ""
            return [*paragraphs[:i], *([part] if part else [])]
    return paragraphs
