"""What a file declares about itself, and the labelled lines that carry it to `parse`.

Markdown front matter, a page's <meta> tags and its structured data (`page_meta`) state the
same things: title, standfirst, date, authors, address and outlet. Their values are made
plain here (a timestamp's day, people's names from an author string, an address), and each
becomes one labelled line ("Title: ...", "Standfirst: ...", "Published ...", "By ...",
"Source URL: ...", "Publication: ..."): the lines the parser already reads wherever they
stand (`parse.header.take_labelled`), so what a file declares and what its text says meet
in one reader. Front matter is read here, and written here for `wh add`, in the subset of
YAML both use: `key: value` lines, values plain or quoted, lists in [...] or "- item" lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from html import unescape

# The labelled line each field becomes; "authors" gives one line per name.
LABELS = {
    "title": "Title: {}",
    "standfirst": "Standfirst: {}",
    "date": "Published {}",
    "authors": "By {}",
    "url": "Source URL: {}",
    "outlet": "Publication: {}",
}
# Front-matter keys (lower case) and the field each one names.
FRONT_MATTER_FIELDS = {
    "title": "title",
    "headline": "title",
    "standfirst": "standfirst",
    "date": "date",
    "published": "date",
    "author": "authors",
    "authors": "authors",
    "byline": "authors",
    "url": "url",
    "source_url": "url",
    "canonical_url": "url",
    "outlet": "outlet",
    "publication": "outlet",
    "site": "outlet",
}
# The order `write_front_matter` writes fields in.
WRITTEN_FIELDS = ("title", "standfirst", "date", "authors", "url", "outlet")

# An ISO 8601 date, alone or with a time and zone: "2024-07-03", "2024-07-03T00:30:00+01:00".
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
# What separates names in a byline or author string, and what may follow them ("| 5 May").
SEPARATORS = re.compile(r"\s*(?:,|;|&|\||\s[\u2013\u2014-]\s|\band\b|\bwith\b)\s*", re.I)
BY_PREFIX = re.compile(r"^\s*(?:written\s+|words\s+|posted\s+)?by[:\s]+", re.I)
NAME_PARTICLES = frozenset("de da di du del della der den van von la le al bin ibn st mac".split())
# A date as a person writes it, in a value meant for machines ("Mon 22 Apr 2024 19.04 BST"):
# handed on as written, for `parse` to read.
WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|$)")
# A front-matter line that opens a block list ("authors:" then "  - Ann Lee" lines).
_LIST_ITEM = re.compile(r"^\s+-\s+(.*)$")
# A value that YAML reads as the same plain string: no leading indicator, no ": " or " #".
_PLAIN_SCALAR = re.compile(r"[^\s\"'#&*!|>%@`{}\[\],?:\-][^\n]*")
_NOT_PLAIN = re.compile(r": |\s#|:$|\s$")
# Plain values a YAML reader takes for something other than a string (true, null, and what
# starts like a number: 2024, 0x1F, 12:30, a date): written quoted.
_YAML_TYPED = re.compile(r"(?:true|false|yes|no|on|off|y|n|null|~|\.inf|\.nan)$|[-+.]?\d", re.I)


def iso_day(value: str) -> str | None:
    """The calendar day of a machine-readable timestamp ("2024-07-03T00:30:00+01:00" gives
    "2024-07-03", as written: no time zone is applied), or None."""
    m = _ISO_DAY.match(value)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def clean(text: str | None) -> str:
    """Text from a page: character references resolved, white space made single spaces."""
    return " ".join(unescape(text or "").split())


def person_names(text: str | None) -> list[str]:
    """Names in a byline or author string ("By Ann Lee and Bob Ray" gives two); addresses,
    handles, dates and one-word labels are not names."""
    s = BY_PREFIX.sub("", clean(text))
    return [n for part in SEPARATORS.split(s) if (n := part.strip(" .:-")) and is_name(n)]


def is_name(text: str) -> bool:
    """Two to five words, each capitalised or a particle ("de", "van"), no digits or marks."""
    words = text.split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() or c in "@/<>|:" for c in text):
        return False
    return all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words)


def page_date(value: str | None) -> str | None:
    """A date from a machine-readable value: ISO 8601 ("2024-07-03T00:30+01:00"), compact
    ("20240703"), else the value as written when it holds a year (for `parse` to read)."""
    s = clean(value)
    if day := iso_day(s):
        return day
    if m := COMPACT_DAY.match(s):
        return iso_day(f"{m[1]}-{m[2]}-{m[3]}")
    return s if WRITTEN_YEAR.search(s) and len(s) <= 60 else None


def web_address(value: str | None) -> str | None:
    """An http or https address, else None."""
    value = (value or "").strip()
    return value if value.startswith(("http://", "https://")) else None


def labelled_lines(fields: Iterable[tuple[str, str | list[str] | None]]) -> list[str]:
    """The labelled line of each (field, value), in the order given; empty values give none."""
    out: list[str] = []
    for name, value in fields:
        label = LABELS.get(name)
        values = value if isinstance(value, list) else [value]
        for v in values:
            v = " ".join((v or "").split())
            if label and v:
                out.append(label.format(iso_day(v) or v if name == "date" else v))
    return out


def read_front_matter(lines: list[str]) -> tuple[dict[str, str | list[str]], int]:
    """The front matter at the top of a Markdown file's lines (keys lower-cased), and the
    index of the first line after it; ({}, 0) when the file has none."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    end = next((i for i, ln in enumerate(lines[1:], 1) if ln.strip() in ("---", "...")), 0)
    if not end:
        return {}, 0  # an opening rule and no closing one: a rule, not front matter
    out: dict[str, str | list[str]] = {}
    key = ""
    for line in lines[1:end]:
        if (item := _LIST_ITEM.match(line)) and key:
            prev = out.get(key)
            out[key] = [*(prev if isinstance(prev, list) else []), _unquote(item[1])]
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if not sep or not key:
            key = ""
        elif value.startswith("[") and value.endswith("]"):
            out[key] = _flow_list(value)
        elif value:
            out[key] = _unquote(value)
    return out, end + 1


def front_matter_lines(front: dict[str, str | list[str]]) -> list[str]:
    """The labelled lines of the fields front matter declares, in its order."""
    return labelled_lines(
        (FRONT_MATTER_FIELDS[k], v) for k, v in front.items() if k in FRONT_MATTER_FIELDS
    )


def write_front_matter(fields: dict[str, str | list[str] | None]) -> str:
    """Front matter for `fields` (title, standfirst, date, authors, url, outlet; empty ones
    left out), between "---" lines, that `read_front_matter` reads back as given, and that
    a YAML reader reads as the same strings (the date as a date)."""
    lines = ["---"]
    for name in WRITTEN_FIELDS:
        value = fields.get(name)
        if isinstance(value, list):
            if value:
                lines.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
        elif value:
            lines.append(
                f"{name}: {value if name == 'date' and iso_day(value) else _scalar(value)}"
            )
    return "\n".join([*lines, "---", ""])


def _scalar(value: str) -> str:
    """A plain YAML scalar when that reads back the same, else a double-quoted one."""
    value = " ".join(value.split())
    if (
        _PLAIN_SCALAR.fullmatch(value)
        and not _NOT_PLAIN.search(value)
        and not _YAML_TYPED.match(value)
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _flow_list(value: str) -> list[str]:
    """["A", "B"] as JSON, else [A, B] split at commas."""
    try:
        items = json.loads(value)
    except ValueError:
        return [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
    return [str(v) for v in items] if isinstance(items, list) else []


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return str(json.loads(value))
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value
