"""Dates as news pages write them, turned into ISO YYYY-MM-DD.

Day-first is the British order: 05 Dec 2016, 8 March 2023, Tuesday 14th March 2023,
14/03/2023; also March 8, 2023 and 2023-03-08.
"""

from __future__ import annotations

import re
from datetime import date

# Month names and their common abbreviations.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# Each shape of date, tried in order.
DATE_PATTERNS = (
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
    re.compile(_YEAR + r"-(?P<mnum>\d{1,2})-" + r"(?P<day>\d{1,2})(?=$|[T\s,])"),
    re.compile(r"(?P<day>\d{1,2})[/.](?P<mnum>\d{1,2})[/.]" + _YEAR),
)
# A line longer than this is prose, never a date on its own line (with label and time).
DATE_LINE_MAX_CHARS = 90
# A year as every date pattern above writes it: a line without one holds no date.
_YEAR_ANYWHERE = re.compile(_YEAR)
# Words that may stand around a date on a line of its own.
DATE_LABEL = re.compile(
    r"^(?:(?:first |originally |last )?(?:published|posted|updated|modified|dated?|released|issued)"
    r"(?:\s+(?:on|at))?|date|on)\s*[:\-\u2013]?\s*",
    re.I,
)
# A later update after the date, which the date line's own date comes before.
LATER_UPDATE = re.compile(r"(?<=\S)\s*[(\[]?\s*(?:last\s+)?(?:updated|modified)\b.*$", re.I)
# A time before the date: "09:15, 24 Nov 2026", "14:02 3 Oct 2026".
LEADING_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*(?:bst|gmt)?\s*,?\s*(?=\S)", re.I)
# What may follow a date on its own line: a time and a zone.
TIME_TAIL = re.compile(
    r"^[,\s\-\u2013\u2014|@\u2022\u00b7]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))?"
    r"\s*(?:bst|gmt|utc|cet|cest|[ecmp][sd]?t|z|[+-]\d{2}:?\d{2})?"
    r"(?:\s*,\s*(?:the\s+)?[A-Z][\w.&' ]{0,40})?\s*$",  # ", The Times": the paper's name
    re.I,
)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date in `text`: (ISO date, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern in DATE_PATTERNS:
        if best is not None and best[1] == 0:
            break  # nothing starts before the text does
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[1]:
                break  # matches come in order: the rest start later still
            if iso := _iso(m):
                best = (iso, m.start(), m.end())
                break
    return best


def date_line(line: str) -> str | None:
    """The ISO date when the whole line is a date (with an optional label and time)."""
    if len(line) > DATE_LINE_MAX_CHARS or not _YEAR_ANYWHERE.search(line):
        return None  # prose, or no year: not a date line; most lines stop here, cheaply
    first = line.split("|")[0]  # "Published 7 March 2024 | Updated 8 March 2024"
    first = LATER_UPDATE.sub("", first)  # "24 Nov 2026Updated 11:42, 24 Nov 2026"
    rest = LEADING_TIME.sub("", DATE_LABEL.sub("", first.strip(), count=1))
    found = find_date(rest)
    if found is None:
        return None
    iso, start, end = found
    if rest[:start].strip(" ,|-\u2013") or not TIME_TAIL.match(rest[end:]):
        return None
    return iso


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    month = MONTHS.get((groups.get("month") or "").lower().rstrip(".")) or int(
        groups.get("mnum") or 0
    )
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except (ValueError, TypeError):
        return None
