"""The masthead: which publication a page comes from, from its own lines.

A saved page names its publication in a masthead above the headline ("Civil Service World",
"WESTMINSTER WIRE - news", "BBC Homepage"), as the first entry of a navigation bar, or in a
copyright line at the foot ("(c) The Outlet 2021"). `header` asks this module for the name.
"""

from __future__ import annotations

import re

from whitehall_cli.load import furniture as fu

# A masthead (publication name above the headline) has at most this many words.
MASTHEAD_MAX_WORDS = 5
# Small words that stay lower case in a Title Case name.
TITLE_CASE_SMALL_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "a", "&"})

# Between a masthead's name and its tagline: "PCS - the union", "WIRE — news", "Gazette | home".
MASTHEAD_TAGLINE = re.compile(r"\s+[-\u2013\u2014|:]\s+")
# "© The Outlet 2021", "Copyright 2021 The Outlet Ltd".
COPYRIGHT = re.compile(r"^(?:\u00a9|copyright|\(c\))\s*(?:\u00a9\s*)?(?P<name>[^|]+?)\.?\s*$", re.I)
# Company suffixes dropped from a copyright holder.
COMPANY_SUFFIX = re.compile(r"\b(?:ltd|limited|plc|llp|inc|llc)\b\.?", re.I)
# Copyright holders that are owners or the state rather than the publication.
OWNER_WORDS = re.compile(r"\b(?:group|holdings|crown|parliamentary|all rights)\b", re.I)
# Kickers: labels above a headline that say what kind of piece it is.
KICKER = re.compile(
    r"^(?:press release|news(?: story| release)?|comment|opinion|analysis|feature|interview|"
    r"explainer|blog(?: post)?|long read|briefing|statement|report|review|letters?|"
    r"in depth|indepth|exclusive|breaking|live|update|guest post|q&a)\s*:?$",
    re.I,
)
# A brand written as one word with capitals inside: "PoliticsHome", "HuffPost", "LabourList".
CAMEL_CASE = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+")  # not "McDonald"
# Newspapers' names of one word, which a page may open with alone ("Mirror"); section words
# such as "News", "World" or "Today" are menu entries there.
PAPER_NAMES = frozenset(
    "mirror herald telegraph guardian independent express standard observer times post "
    "gazette chronicle tribune spectator economist statesman journal mail echo courier "
    "argus scotsman".split()
)
# Fewest letters of a name in capitals alone that may be a masthead ("BBC", "ITV"; not menu
# entries such as "TV", "US" or "UK").
MIN_CAPITALS_NAME = 3
# How far down the page a masthead may stand (menus come first on some sites).
MASTHEAD_SCAN_LINES = 25
# Navigation words that trail a site's name on its first line ("BBC Homepage").
MASTHEAD_NAV_TAIL = re.compile(r"\s+(?:homepage|home page|home|online|website|site)$", re.I)
# Words that mark a name as a publication or desk rather than a person.
OUTLET_WORDS = re.compile(
    r"\b(?:world|news|times|post|journal|magazine|gazette|herald|review|week|weekly|daily|"
    r"today|online|press|reporters?|staff|desk|team|editorial|observer|guardian|telegraph|"
    r"mirror|express|standard|independent|mail|economist|spectator|statesman|tribune|"
    r"chronicle|bulletin|digest|insider|monitor|wire|network|media|agency|politicshome|"
    r"publictechnology)\b|\.(?:com|net|org|co\.uk|org\.uk|uk)\b",
    re.I,
)


def title_cased(words: list[str]) -> bool:
    return bool(words) and all(w[0].isupper() or w.lower() in TITLE_CASE_SMALL_WORDS for w in words)


def is_masthead(first: str, second: str, furniture: fu.FurnitureMemo) -> bool:
    """A short publication name right above the headline: a press word, capitals, or a
    Title Case name above a longer sentence-case headline."""
    name = _masthead_name(first, furniture)
    if name is None:
        return False
    if OUTLET_WORDS.search(first) or first.isupper():
        return True
    words = name.split()
    return fu.word_count(second) > len(words) and not second.istitle()


def _masthead_name(line: str, furniture: fu.FurnitureMemo) -> str | None:
    """The publication's name from a masthead line ("WESTMINSTER WIRE — news",
    "BBC Homepage"), if it is one."""
    name = MASTHEAD_TAGLINE.split(line)[0].strip()
    name = MASTHEAD_NAV_TAIL.sub("", name).strip()
    words = name.split()
    if not words or len(words) > MASTHEAD_MAX_WORDS or KICKER.match(name) or furniture[name]:
        return None
    if not title_cased(words) or (
        len(words) == 1
        and not (
            (name.isupper() and len(name) >= MIN_CAPITALS_NAME)
            or "." in name
            or CAMEL_CASE.fullmatch(name)
        )
    ):
        return None  # a single ordinary word is a menu entry, not a name
    return _title_case(name) if name.isupper() and len(name) > 5 and "." not in name else name


def find_masthead(
    lines: list[str], furniture: fu.FurnitureMemo, marker: str
) -> tuple[str, str] | None:
    """The site's name: the page's first real line when it reads as a name, else the first
    early line that is plainly one (a press word, capitals, a domain, a tagline after it).
    Lines equal to `marker` (where a metadata line was taken out) are passed over."""
    real = [ln for ln in lines[:MASTHEAD_SCAN_LINES] if ln != marker]
    first = next((ln for ln in real if not furniture[ln] or "|" in ln), None)
    if first is not None and (
        name := _masthead_name(first, furniture)
        or _nav_masthead(first, furniture)
        or _press_word(first, furniture)
    ):
        return first, name
    for line in real:
        name = _masthead_name(line, furniture)
        plain = name and (
            OUTLET_WORDS.search(name)
            or (name.isupper() and len(name) >= MIN_CAPITALS_NAME)
            or "." in name
            or MASTHEAD_TAGLINE.search(line)
        )
        if name and plain:
            return line, name
    return None


def _press_word(line: str, furniture: fu.FurnitureMemo) -> str | None:
    """A page that opens with one capitalised press word: "Mirror", "Herald", "Independent"."""
    word = line.strip()
    plain = word.isalpha() and word[:1].isupper() and not furniture[word]
    return word if plain and word.lower() in PAPER_NAMES else None


def _nav_masthead(line: str, furniture: fu.FurnitureMemo) -> str | None:
    """The first entry of a navigation bar that opens the page: "Civil Service World | News"."""
    entries = [e.strip() for e in line.split("|")]
    if len(entries) < 3:
        return None
    return _masthead_name(entries[0], furniture)


def _title_case(name: str) -> str:
    return " ".join(
        w.lower() if i and w.lower() in TITLE_CASE_SMALL_WORDS else w.capitalize()
        for i, w in enumerate(name.split())
    )


def copyright_outlet(line: str) -> str | None:
    """The publication in a copyright line, unless it names a corporate owner."""
    m = COPYRIGHT.match(line)
    if not m:
        return None
    name = COMPANY_SUFFIX.sub("", re.sub(r"\b(?:19|20)\d{2}\b", "", m["name"])).strip(" ,.-")
    if not name or OWNER_WORDS.search(name) or fu.word_count(name) > MASTHEAD_MAX_WORDS:
        return None
    return name
