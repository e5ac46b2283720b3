"""What a saved web page says about itself: JSON-LD, microdata (itemprop), Open Graph and
other <meta> tags, <link rel=canonical>, and the byline, <time> and <h1> of the article.

Standard library only (html.parser), one pass over the page; the text of <script> and
<style> is skipped unless it is JSON-LD (`json_ld` reads it). Names and dates are never taken from comments,
sidebars, related-story cards, navigation or footers: those regions are told by their tag
(aside, nav, footer, form) and by words in their class or id (comment, related, card,
sidebar, ...). Only names that read as a person's are authors (`declared.person_names`): an
organisation (a department, a newspaper) named as a page's author is not one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TypeVar

from whitehall_cli.load.declared import clean, page_date, person_names, web_address
from whitehall_cli.load.json_ld import ARTICLE_TYPES, read_ld_article

# <meta name|property|itemprop> keys for each field, best first.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title")
DATE_KEYS = tuple(
    "article:published_time og:article:published_time datepublished date dc.date "
    "dc.date.issued dcterms.issued dcterms.created dcterms.date pubdate publishdate "
    "publish-date publication_date sailthru.date parsely-pub-date govuk:first-published-at "
    "citation_publication_date".split()
)
AUTHOR_KEYS = tuple(
    "author article:author dc.creator dcterms.creator sailthru.author parsely-author byl "
    "citation_author".split()
)
OUTLET_KEYS = ("og:site_name", "dc.publisher", "application-name")
DESCRIPTION_KEYS = ("og:description", "twitter:description", "description", "dc.description")
URL_KEYS = ("og:url", "twitter:url")
# Regions whose names and dates belong to something other than the article.
EXCLUDED_TAGS = frozenset({"aside", "nav", "footer", "form"})
EXCLUDED_CLASS = re.compile(
    r"(?<![a-z])(?:comments?(?!-(?:open|closed|count|link))|related|onward|recommend|card|teaser|"
    r"sidebar|widget|promo(?!ted)|newsletter|more-?from|most-?(?:read|viewed|popular)|share|"
    r"social|breadcrumb|advert|ad[-_]?(?:slot|unit)|cookie|consent|subscri|signup|outbrain|"
    r"taboola|footer|nav|menu)",
    re.I,
)
# Elements that hold the whole page or the article: never excluded by their class words.
NEVER_EXCLUDED_TAGS = frozenset({"html", "body", "main", "article"})
# Class words that describe a layout ("has-sidebar", "with-comments"), not a region.
LAYOUT_CLASS = re.compile(r"^(?:has|with|no|is|show|hide|layout|page|site|template)[-_]", re.I)
BYLINE_CLASS = re.compile(r"byline|author|contributor", re.I)
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Marked sections ("<![CDATA[...]]>", "<![if !IE]>", or a broken "<![ ..." running to the
# end), the one construct html.parser rejects outright: dropped for a second try when it does.
MARKED_SECTION = re.compile(r"<!\[[^>]*(?:>|\Z)")
P = TypeVar("P", bound=HTMLParser)
# Characters of the article's own text kept, to check names found elsewhere against.
TEXT_CAP = 100_000


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a page states about itself; every field None or empty when it states nothing."""

    title: str | None = None
    standfirst: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, or a date as written when not machine-readable
    authors: tuple[str, ...] = ()
    url: str | None = None
    outlet: str | None = None
    article_text: str = ""  # visible text of the article, to vet names found elsewhere


def parsed(make: Callable[[], P], html: str) -> P:
    """A new parser from `make`, fed a whole page. html.parser reads anything but a
    malformed marked section ("<![...]>"): a page with one is read again without them."""
    parser = make()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:  # html.parser's way of rejecting a malformed "<![...]>"
        parser = make()
        parser.feed(MARKED_SECTION.sub(" ", html))
        parser.close()
    return parser


def strip_outlet(title: str, outlet: str | None) -> str:
    """'Headline | Section | Outlet' -> 'Headline | Section' when the last part names the
    outlet."""
    parts = re.split(r"\s+[|\u2013\u2014-]\s+", title)
    if outlet and len(parts) > 1 and parts[-1].lower() == outlet.lower():
        return title[: title.lower().rfind(parts[-1].lower())].rstrip(" |-\u2013\u2014")
    return title


def _excluded(tag: str, classes: str) -> bool:
    """A region whose names and dates are not the article's (by its tag or class words)."""
    if tag in EXCLUDED_TAGS:
        return True
    if tag in NEVER_EXCLUDED_TAGS:
        return False
    return any(
        EXCLUDED_CLASS.search(word) and not LAYOUT_CLASS.match(word) for word in classes.split()
    )


class _Scan(HTMLParser):
    """One pass over a page: <meta> values, JSON-LD blocks, and the texts of the elements
    that name the headline, the byline and the date, each marked as inside the article or
    elsewhere on the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None
        self.ldjson: list[str] = []
        self.stack: list[tuple[str, int]] = []  # (tag, flags) of open elements
        self.excluded = self.in_article = 0  # counts of open excluded / article elements
        self.article_seen = False
        self.captures: dict[str, list[str]] = {}  # open text captures by purpose
        self.capture_depth: dict[str, int] = {}
        self.found: dict[str, list[str]] = {}  # purpose -> captured texts, in page order
        self.in_script = ""  # "ld" for JSON-LD, "skip" for other scripts and styles
        self.article_text: list[str] = []
        self.text_len = 0

    def _found(self, key: str, value: str | None) -> None:
        if value and value.strip():
            self.found.setdefault(key, []).append(value)

    def _capture(self, key: str) -> None:
        if key not in self.captures:
            self.captures[key] = []
            self.capture_depth[key] = len(self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "style"):
            ld = tag == "script" and a.get("type", "").lower() == "application/ld+json"
            self.in_script = "ld" if ld else "skip"
            if ld:
                self.ldjson.append("")
            return
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and not self.excluded:
                self.meta.setdefault(key, []).append(a["content"])
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href")
        if tag in VOID_TAGS:
            if a.get("itemprop") and not self.excluded:
                self._props(a)
            return
        classes = f"{a.get('class', '')} {a.get('id', '')}"
        flags = 1 if _excluded(tag, classes) else 0
        itemtype = a.get("itemtype", "").lower().rsplit("/", 1)[-1]
        if (tag == "article" or itemtype in ARTICLE_TYPES) and not (self.excluded or flags):
            if not self.article_seen or self.in_article:
                flags |= 2  # the first article of the page, and what nests inside it
            self.article_seen = True
        self.stack.append((tag, flags))
        self.excluded += flags & 1
        self.in_article += (flags >> 1) & 1
        if self.excluded:
            return
        zone = "article" if self.in_article else "page"
        if tag == "title" and not any(t == "svg" for t, _ in self.stack):
            self._capture("title")
        elif tag == "h1":
            self._capture(f"h1:{zone}")
        elif tag == "time" and a.get("datetime") and "updated" not in classes.lower():
            self._found(f"time:{zone}", a["datetime"])
        if not self._props(a) and (
            BYLINE_CLASS.search(classes) or "author" in a.get("rel", "").lower()
        ):
            self._capture(f"byline:{zone}")

    def _props(self, a: dict[str, str]) -> bool:
        """Microdata (itemprop) on one element; True when it names the author."""
        prop = a.get("itemprop", "").lower().split()
        for key in ("headline", "datepublished", "description"):
            if key in prop:
                if value := a.get("content") or a.get("datetime"):
                    self._found(f"itemprop:{key}", value)
                else:
                    self._capture(f"itemprop:{key}")
        if "author" in prop:
            if a.get("content"):
                self._found("itemprop:author", a["content"])
            elif "itemscope" in a:
                self.capture_depth["author-scope"] = len(self.stack)
            else:
                self._capture("itemprop:author")
        elif "name" in prop and "author-scope" in self.capture_depth:
            self._capture("itemprop:author")
        return "author" in prop

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.in_script = ""
            return
        if not any(t == tag for t, _ in self.stack):
            return  # a stray end tag
        while self.stack:  # close what the page left open inside this element too
            t, flags = self.stack.pop()
            self.excluded -= flags & 1
            self.in_article -= (flags >> 1) & 1
            depth = len(self.stack)
            for key in [k for k, d in self.capture_depth.items() if d > depth]:
                del self.capture_depth[key]
                if key in self.captures:
                    self._found(key, " ".join(self.captures.pop(key)))
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_script:
            if self.in_script == "ld":
                self.ldjson[-1] += data
            return
        for parts in self.captures.values():
            parts.append(data)
        if self.in_article and not self.excluded and self.text_len < TEXT_CAP:
            self.article_text.append(data)
            self.text_len += len(data)


# --- the page's metadata ------------------------------------------------------------------


def read_page_meta(html: str) -> PageMeta:
    """Title, standfirst, date, authors, address and outlet as the page itself states them:
    JSON-LD first, then microdata, <meta> tags, and the article's own byline and <time>."""
    scan = parsed(_Scan, html)
    ld = read_ld_article(scan.ldjson, scan.canonical)
    meta, found = scan.meta, scan.found

    def first_meta(keys: tuple[str, ...]) -> str | None:
        return next((clean(v) for k in keys for v in meta.get(k, ()) if clean(v)), None)

    def first_found(*keys: str) -> str | None:
        return next((clean(v) for k in keys for v in found.get(k, ()) if clean(v)), None)

    outlet = ld.publisher or first_meta(OUTLET_KEYS)
    zone = "article" if scan.article_seen else "page"  # no <article>: the whole page
    dates = [
        *ld.dates,
        *found.get("itemprop:datepublished", ()),
        *found.get(f"time:{zone}", ())[:1],
        *(v for k in DATE_KEYS for v in meta.get(k, ())),
    ]
    authors = list(ld.authors)
    authors = authors or [n for v in found.get("itemprop:author", ()) for n in person_names(v)]
    authors = authors or [n for k in AUTHOR_KEYS for v in meta.get(k, ()) for n in person_names(v)]
    bylines = found.get(f"byline:{zone}", ())
    authors = authors or (person_names(bylines[0]) if bylines else [])
    title = (
        ld.headline
        or first_found("itemprop:headline")
        or first_meta(TITLE_KEYS)
        or first_found("h1:article", "title", "h1:page")
    )
    standfirst = (
        ld.description or first_found("itemprop:description") or first_meta(DESCRIPTION_KEYS)
    )
    return PageMeta(
        title=strip_outlet(title, outlet) if title else None,
        standfirst=None if not standfirst or standfirst.endswith(("...", "\u2026")) else standfirst,
        date=next((d for v in dates if (d := page_date(v))), None),
        authors=tuple(dict.fromkeys(authors)),
        url=web_address(scan.canonical) or web_address(first_meta(URL_KEYS)) or ld.url,
        outlet=outlet,
        article_text=clean(" ".join(scan.article_text)),
    )
