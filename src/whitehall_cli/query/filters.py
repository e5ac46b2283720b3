"""The filters the commands share (`--person`, `--body`, `--doc`, `--outlet`, `--since`,
`--until`, `--limit`): which articles they allow, and dates as users write them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from whitehall_cli.errors import BadQuery
from whitehall_cli.index.store import Index
from whitehall_cli.query.names import NameBook, name_book, resolve_one

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by the commands; None means "not set"."""

    person: str | None = None
    body: str | None = None
    source: str | None = None
    about: str | None = None
    doc: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None


def date_bound(value: str | None, *, end: bool = False) -> str | None:
    """--since/--until as an ISO date: YYYY-MM-DD, YYYY-MM, YYYY or "8 March 2023"."""
    if value is None:
        return None
    import calendar  # only when a date is given: the date parser costs a few ms to import

    from whitehall_cli.parse.dates import find_date

    v = value.strip()
    if m := re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", v):
        year, month, day = m.group(1), m.group(2), m.group(3)
        if day:
            found = find_date(f"{year}-{int(month):02d}-{int(day):02d}")
            if found:
                return found[0]
        elif month and 1 <= int(month) <= 12:
            last = calendar.monthrange(int(year), int(month))[1]  # not every month has a 31st
            return f"{year}-{int(month):02d}-{last if end else 1:02d}"
        elif not month:
            return f"{year}-{'12-31' if end else '01-01'}"
    elif found := find_date(v):
        return found[0]
    raise BadQuery(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")


def doc_ids_for(index: Index, book: NameBook | None, f: Filters) -> set[str] | None:
    """Articles allowed by --person, --body, --doc, --outlet, --since and --until."""
    allowed: set[str] | None = None

    def narrow(ids: Iterable[str]) -> None:
        nonlocal allowed
        ids = set(ids)
        allowed = ids if allowed is None else allowed & ids

    if f.person or f.body:
        book = book or name_book(index)
        if f.person:
            narrow(index.docs_naming(resolve_one(book, f.person, ("person",)).name))
        if f.body:
            narrow(index.docs_naming(resolve_one(book, f.body, ("body",)).name))
    if f.doc:
        narrow([index.resolve_doc(f.doc)])
    if f.outlet or f.since or f.until:
        since, until = date_bound(f.since), date_bound(f.until, end=True)
        outlet = f.outlet.casefold() if f.outlet else None
        narrow(
            d.id
            for d in index.documents()
            if (outlet is None or outlet in (d.outlet or "").casefold())
            and (since is None or (d.date is not None and d.date >= since))
            and (until is None or (d.date is not None and d.date <= until))
        )
    return allowed


def limited(items: list[T], limit: int | None) -> list[T]:
    """The first `limit` items (all of them without a limit)."""
    if limit is not None and limit < 0:
        raise BadQuery("--limit must be 0 or more")
    return items if limit is None else items[:limit]
