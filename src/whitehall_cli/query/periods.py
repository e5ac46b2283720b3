"""Periods of time as timelines count them: months ("2016-12"), quarters ("2016-Q4") and
years ("2016"), ISO-like labels that sort as text within one kind of period.

Counts arrive per day (a day number: `date.toordinal()`, 0 for an undated article, as the
index's rowids carry them) and leave as a `Series`: every period from the first to the last
of the span, empty ones as zero, undated ones apart. Without a chosen period, the finest that
keeps the span within a number of periods is used (`choose`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping

from whitehall_cli.models import PeriodCount, Series
from whitehall_cli.query.choices import By

# The day number of an article without a date.
UNDATED = 0
# The label of the undated counts.
UNDATED_LABEL = "undated"
# Finest first: the order `choose` tries.
FINEST_FIRST = (By.MONTH, By.QUARTER, By.YEAR)

Span = tuple[dt.date, dt.date]


def key(day: dt.date, by: By) -> int:
    """A period as one number that counts up by one from period to period."""
    if by is By.MONTH:
        return day.year * 12 + day.month - 1
    if by is By.QUARTER:
        return day.year * 4 + (day.month - 1) // 3
    return day.year


def label(k: int, by: By) -> str:
    """The label of the period `k`: "2016-12", "2016-Q4" or "2016"."""
    if by is By.MONTH:
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    if by is By.QUARTER:
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    return f"{k:04d}"


def count(span: Span, by: By) -> int:
    """How many periods the span covers, the first and last included."""
    return key(span[1], by) - key(span[0], by) + 1


def choose(span: Span | None, most: int) -> By:
    """The finest period that cuts `span` into at most `most` periods (years beyond)."""
    if span is None:
        return By.YEAR
    return next((by for by in FINEST_FIRST if count(span, by) <= most), By.YEAR)


def day_number(date: str | None) -> int:
    """An ISO date's day number; UNDATED for none or nonsense."""
    if not date:
        return UNDATED
    try:
        return dt.date.fromisoformat(date).toordinal()
    except ValueError:
        return UNDATED


def day_counts(dates: Iterable[str | None]) -> Counter[int]:
    """How many of `dates` (ISO or None) fall on each day number."""
    return Counter(day_number(d) for d in dates)


def span_of(
    *counts: Mapping[int, int], within: tuple[str | None, str | None] = (None, None)
) -> Span | None:
    """First and last dated day with a count, stretched to `within` (ISO dates, either may be
    None) when given; None when nothing is dated and no bound is given."""
    days = [d for c in counts for d, n in c.items() if d != UNDATED and n]
    lo, hi = (day_number(b) or None for b in within)
    first = lo if lo is not None else min(days, default=None)
    last = hi if hi is not None else max(days, default=None)
    if first is None or last is None:
        return None
    first, last = min(first, last), max(first, last)
    return dt.date.fromordinal(first), dt.date.fromordinal(last)


def series(
    name: str,
    articles: Mapping[int, int],
    quotes: Mapping[int, int],
    span: Span | None,
    by: By,
) -> Series:
    """Counts per day -> a Series over every period of `span` (days outside it are left
    out: the span holds every dated day unless the user bounded it)."""
    per_period: dict[int, list[int]] = {}
    for which, counts in enumerate((articles, quotes)):
        for day, n in counts.items():
            if day != UNDATED and n:
                per_period.setdefault(key(dt.date.fromordinal(day), by), [0, 0])[which] += n
    periods: tuple[PeriodCount, ...] = ()
    if span is not None:
        periods = tuple(
            PeriodCount(label(k, by), *per_period.get(k, (0, 0)))
            for k in range(key(span[0], by), key(span[1], by) + 1)
        )
    undated = PeriodCount(UNDATED_LABEL, articles.get(UNDATED, 0), quotes.get(UNDATED, 0))
    return Series(name, by.value, periods, undated)


def activity(
    name: str, article_dates: Iterable[str | None], quote_dates: Iterable[str | None], most: int
) -> Series:
    """A person's or body's articles and quotations per period, over their own span."""
    articles, quotes = day_counts(article_dates), day_counts(quote_dates)
    span = span_of(articles, quotes)
    return series(name, articles, quotes, span, choose(span, most))
