"""A page's header and labelled lines: headline, standfirst, byline, date, outlet
(the masthead's name comes from `masthead`) and address.

A saved page reads top to bottom as: furniture, a header (masthead, kicker, headline,
standfirst, byline, date), the body, then more furniture. Labelled lines ("Published on",
"Source URL:", "By ...", "Written by ... on ... in ...") give metadata wherever they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whitehall_cli.load import furniture as fu
from whitehall_cli.parse.bylines import (
    BYLINE_ROLE_WORDS,
    bare_byline,
    byline_names,
    org_name,
)
from whitehall_cli.parse.dates import date_line, find_date
from whitehall_cli.parse.masthead import (
    KICKER,
    OUTLET_WORDS,
    copyright_outlet,
    find_masthead,
    is_masthead,
)

# A headline has at least this many words and at most the second number.
TITLE_WORDS = (3, 40)
# A short headline in sentence case: a capitalised word, then a lower-case one (its verb,
# mostly: "Minister quits", "Deal agreed", "MPs rebel", "Talks fail"). A line of
# capitalised words only is a name, a menu entry or a masthead ("Related Topics").
SHORT_TITLE = re.compile(r"^[A-Z][\w'\u2019-]* [a-z][\w'\u2019-]*$")
# Words of a section label or a page control, never of a short headline ("UK news", "Civil
# service", "Main menu", "Skip navigation", "Back to", "Join us"); kicker words count too.
LABEL_WORDS = frozenset(
    "menu navigation topics sections service services comments to on in of at for us here "
    "more back our your".split()
)
# A line under a two-word headline longer than this is its standfirst (headlines are shorter).
HEADLINE_MAX_WORDS = 16
# A standfirst (the summary under the headline) has at least this many words.
STANDFIRST_MIN_WORDS = 5

# Stands where a metadata line (byline, "Published on", "Source URL:") was taken out.
META_MARK = "\x00"
# "Political reporter, BBC News": a byline's role line that names the outlet.
ROLE_OUTLET = re.compile(
    r"^[\w' -]*\b(?:reporter|editor|correspondent|journalist|writer|columnist)\b[\w' -]*,\s*"
    r"(?P<outlet>[A-Z][\w.&' ]{1,40})$",
    re.I,
)
# Steps of a breadcrumb trail.
CRUMB_SPLIT = re.compile(r"\s*(?:>|\u00bb|\u203a|\||/)\s*")
# A bare byline has at most this many words.
BARE_BYLINE_MAX_WORDS = 12

# "Published on Outlet (https://...)", "Originally published in Outlet".
PUBLISHED_ON = re.compile(
    r"^(?:first |originally )?published (?:on|in|by)\s+(?P<outlet>[^()\n]+?)\s*(?:\((?P<url>https?://[^)\s]+)\))?\s*$",
    re.I,
)
# A company that owns a publication rather than the publication: "Associated Newspapers Ltd".
OWNER_NAME = re.compile(r"\b(?:ltd|limited|plc|llp|inc|newspapers|group|holdings)\b\.?", re.I)
# An address on a line of its own (not a numbered link list): "<https://...>".
BARE_URL = re.compile(r"^<?(?P<url>https?://[^\s/>]+/[^\s>]+)>?$")
# "Source URL: ...", "URL: ...", "Link: ...", "Canonical: ...", "Original article: ...".
URL_LABEL = re.compile(
    r"^(?:(?:source url|url|link|permalink|canonical(?: url)?|original (?:article|url)|source)\s*:|"
    r"(?:first |originally )?(?:published|posted) (?:at|on|in))\s*<?(?P<url>https?://[^\s>]+)>?\s*$",
    re.I,
)
# "Outlet: ...", "Publication: ...", "Source: Name" (not a URL).
OUTLET_LABEL = re.compile(
    r"^(?:outlet|publication|publisher|source|site)\s*:\s*(?P<outlet>[^:/]{2,60})$", re.I
)
# "Title: ..." and "Headline: ..." lines (front matter turned to text).
TITLE_LABEL = re.compile(r"^(?:title|headline)\s*:\s*(?P<title>.+)$", re.I)
# "Standfirst: ..." lines (what a page or front matter declares; see load.declared).
STANDFIRST_LABEL = re.compile(r"^standfirst\s*:\s*(?P<standfirst>.+)$", re.I)
# Bylines: "By X", "Written by X and Y on DATE in Section", "Posted on DATE by X", "Author: X".
BYLINE = re.compile(
    r"^(?:(?:written|words|reporting|story|posted|published)\s+)?by\s+(?P<names>.+?)"
    r"(?:\s+(?:on|\||-|\u2013|,)\s*(?P<date>[^|]*\d{4}[^|]*?))?(?:\s+in\s+(?P<section>[\w &,-]+))?\s*$",
    re.I,
)
POSTED_BY = re.compile(
    r"^(?:posted|published|written)(?: on)?\s+(?P<date>.+?\d{4})\s+by\s+(?P<names>.+)$", re.I
)
AUTHOR_LABEL = re.compile(r"^(?:authors?|writers?|words|byline)\s*:\s*(?P<names>.+)$", re.I)


@dataclass
class Meta:
    title: str | None = None
    standfirst: str | None = None
    date: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    fallback_outlet: str | None = None  # from a copyright line: used when nothing better
    bare_urls: list[str] = field(default_factory=list)  # lone address lines


# How every labelled line below starts (a necessary condition of each pattern that
# take_labelled tries, loosened to ignore case): most lines are prose and stop at this one test.
LABEL_START = re.compile(
    r"<?https?://|\u00a9|\(c\)|copyright|first |originally |published|posted|written|words|"
    r"reporting|story|by|authors?|writers?|source|url|link|permalink|canonical|original |"
    r"title|headline|standfirst|outlet|publication|publisher|site",
    re.I,
)


def take_labelled(line: str, meta: Meta) -> bool:
    """Record a labelled metadata line; True when the line is metadata only."""
    if LABEL_START.match(line) is None:
        return False  # no pattern below can match (nor the copyright line's)
    if m := BARE_URL.match(line):
        meta.bare_urls.append(m["url"])
        return True
    if meta.fallback_outlet is None and (name := copyright_outlet(line)):
        meta.fallback_outlet = name
    if m := PUBLISHED_ON.match(line):
        if fu.word_count(m["outlet"]) <= 6 and not find_date(m["outlet"]):
            if OWNER_NAME.search(m["outlet"]):  # "Published by Associated Newspapers Ltd"
                meta.fallback_outlet = meta.fallback_outlet or m["outlet"].strip()
            else:
                meta.outlet = meta.outlet or m["outlet"].strip()
            return True
    if m := URL_LABEL.match(line):
        meta.url = meta.url or m["url"]
        return True
    if m := TITLE_LABEL.match(line):
        meta.title = meta.title or m["title"].strip()
        return True
    if m := STANDFIRST_LABEL.match(line):
        meta.standfirst = meta.standfirst or m["standfirst"].strip()
        return True
    if (m := OUTLET_LABEL.match(line)) and not find_date(line):
        meta.outlet = meta.outlet or m["outlet"].strip()
        return True
    if fu.word_count(line) <= 20 and not fu.ends_sentence(line):
        for pattern in (POSTED_BY, BYLINE, AUTHOR_LABEL):
            m = pattern.match(line)
            if m and _take_byline(m, meta):
                return True
    return False


def _take_byline(m: re.Match[str], meta: Meta) -> bool:
    names = byline_names(m["names"])
    if not names:
        return False
    meta.authors.extend(names)
    if len(names) == 1 and OUTLET_WORDS.search(names[0]) and meta.outlet is None:
        meta.outlet = names[0]
    found = find_date(m.groupdict().get("date") or "") or find_date(m.string)
    if found and meta.date is None:
        meta.date = found[0]
    return True


def headline_like(line: str) -> bool:
    words = fu.word_count(line)
    return TITLE_WORDS[0] <= words <= TITLE_WORDS[1] and not line.endswith((".", ",", ";", ":"))


def _separator(line: str, furniture: fu.FurnitureMemo) -> bool:
    """A line between parts of a page header: furniture, a kicker ("Press release",
    "Comment") or a one- or two-word menu or section entry."""
    if fu.CREDIT.match(line):
        return False  # a credit sits under the headline, inside its part
    return furniture[line] or bool(KICKER.match(line)) or fu.word_count(line) <= 2


def read_header(lines: list[str], meta: Meta, furniture: fu.FurnitureMemo | None = None) -> None:
    """Masthead, headline, standfirst, bare bylines and the date from the lines before the body.

    Separators (menus, breadcrumbs, kickers, prompts) split the header into parts. The
    headline opens the last part that holds headline-like lines; the page's first line, when
    it is a short name, is the masthead. `furniture` holds the lines already judged.
    """
    if furniture is None:
        furniture = fu.FurnitureMemo()
    dated = [date_line(line) for line in lines]  # each line's date, if it is a date line
    for i, iso in enumerate(dated):  # the first date on a line of its own dates the article
        if iso is None:
            continue
        meta.date = meta.date or iso
        for near in lines[max(0, i - 1) : i]:  # "Helena Okafor and Tom Ridley" above the date
            if not meta.authors and not _headline_like_title(near, meta):
                meta.authors.extend(bare_byline(near))
    masthead = find_masthead(lines, furniture, META_MARK)
    if meta.outlet is None and masthead:
        meta.outlet = masthead[1]
    for line in lines if meta.outlet is None else ():
        if m := _role_outlet(line):
            meta.outlet = m["outlet"].strip()
            break
    parts: list[list[str]] = [[]]
    crumb = _crumb_title(lines)
    for line, iso in zip(lines, dated, strict=True):
        if line == META_MARK or iso or line in meta.authors:
            if any(parts):
                break  # the headline and standfirst stand right above the byline or date
        elif line == crumb:
            parts = [[line]]  # the page's own name at the end of its breadcrumb trail
        elif _separator(line, furniture) or (masthead and line == masthead[0]):
            parts.append([])
        elif headline_like(line) and not _role_outlet(line):
            parts[-1].append(line)
    parts = [part for part in parts if part]
    if not parts:
        meta.title = meta.title or _short_title(lines, meta, furniture, masthead)
        return
    last = parts[-1]
    while len(last) >= 2 and (org_name(last[0]) or is_masthead(last[0], last[1], furniture)):
        last = last[1:]  # a committee or site name above the headline
    for line in last:
        if meta.title is None:
            meta.title = line
        elif (
            meta.standfirst is None  # a declared one ("Standfirst: ...") stands
            and line != meta.title
            and fu.word_count(line) >= STANDFIRST_MIN_WORDS
        ):
            meta.standfirst = line
            break
    _short_title_over_standfirst(lines, meta, furniture)
    if meta.standfirst is None:  # a standfirst below the byline
        below = [ln for ln in lines[lines.index(last[-1]) + 1 :] if headline_like(ln)]
        meta.standfirst = next(
            (
                ln
                for ln in below
                if fu.word_count(ln) >= STANDFIRST_MIN_WORDS
                and not _separator(ln, furniture)
                and ln not in meta.authors
                and not _role_outlet(ln)
            ),
            None,
        )


def _short_title_over_standfirst(lines: list[str], meta: Meta, furniture: fu.FurnitureMemo) -> None:
    """ "Walkout confirmed" over a line longer than headlines run: headline and standfirst."""
    title = meta.title
    if title is None or fu.word_count(title) <= HEADLINE_MAX_WORDS or title not in lines:
        return
    above = lines[lines.index(title) - 1] if lines.index(title) else ""
    if _short_title([above], meta, furniture, None) == above:
        meta.title, meta.standfirst = above, title


def _short_title(
    lines: list[str], meta: Meta, furniture: fu.FurnitureMemo, masthead: tuple[str, str] | None
) -> str | None:
    """A headline of two words ("Strike called", "Minister quits": headlines drop articles
    and auxiliaries), in a header that has no longer one: the last such line before the
    byline, the date or the body that is not a menu entry, a section label or the masthead."""
    found = None
    for line in lines:
        if line == META_MARK or line in meta.authors or date_line(line):
            if found:
                break
            continue
        if (
            SHORT_TITLE.match(line)
            and not furniture[line]
            and not (masthead and line == masthead[0])
            and not KICKER.match(line)  # "Press release", "Long read"
            and not any(w.lower() in LABEL_WORDS or KICKER.match(w) for w in line.split())
            and not BYLINE_ROLE_WORDS.search(line)  # "Political reporter" under a byline
        ):
            found = line
    return found


def _role_outlet(line: str) -> re.Match[str] | None:
    """ROLE_OUTLET.match(line), tried only on lines with the comma it needs (its
    backtracking over a long line is slow)."""
    return ROLE_OUTLET.match(line) if "," in line else None


def _headline_like_title(line: str, meta: Meta) -> bool:
    return line == meta.title or fu.word_count(line) > BARE_BYLINE_MAX_WORDS


def _crumb_title(lines: list[str]) -> str | None:
    """A header line that repeats the last step of a breadcrumb trail above it
    ("Home > Explainers > Ministerial directions"): the page's headline, however short."""
    for i, line in enumerate(lines):
        if fu.is_breadcrumb(line):
            tail = CRUMB_SPLIT.split(line)[-1].strip()
            later = [ln for ln in lines[i + 1 :] if ln.casefold() == tail.casefold()]
            if tail and later:
                return later[0]
    return None
