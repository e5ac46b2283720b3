"""Every way a record leaves the program as data: JSON, JSON lines and CSV.

`to_json` is the one place a record becomes a JSON object (the forms ../CLI.md promises), so
`--json`, `--csv`, `export` and the terminal tables can never disagree.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

from whitehall_cli.models import (
    Added,
    Body,
    DocRow,
    Document,
    Hit,
    NotAdded,
    Person,
    Quote,
    Series,
)
from whitehall_cli.render.choices import ExportFormat

# Columns of each listing in --csv output, in order.
CSV_COLUMNS = {
    "docs": ("id", "date", "outlet", "title", "authors", "url", "people_count", "quote_count"),
    "people": ("name", "aliases", "roles", "bodies", "documents", "quotes"),
    "bodies": ("name", "aliases", "kind", "documents", "people"),
    "quotes": (
        "id",
        "text",
        "speaker",
        "speaker_kind",
        "role",
        "bodies",
        "document",
        "date",
        "location",
        "paragraph",
        "partial",
    ),
    "search": ("document", "title", "date", "paragraph", "snippet", "score"),
    "context": ("document", "date", "paragraph", "start", "end", "left", "match", "right"),
}


# --- JSON -------------------------------------------------------------------------------


def to_json(record: Any) -> Any:
    """The JSON form of any record, as ../CLI.md describes it."""
    if isinstance(record, DocRow):
        return {
            **_document_meta(record.document),
            "people_count": record.people_count,
            "quote_count": record.quote_count,
        }
    if isinstance(record, Document):
        return {**_document_meta(record), "paragraphs": list(record.paragraphs)}
    if isinstance(record, Quote):
        return {
            "id": record.id,
            "text": record.text,
            "speaker": record.speaker,
            "speaker_kind": record.speaker_kind,
            "speaker_canonical": record.speaker_canonical or record.speaker,
            "role": record.role,
            "bodies": list(record.bodies),
            "document": record.document,
            "date": record.date,
            "location": record.location,
            "paragraph": record.paragraph,
            "partial": record.partial,
        }
    if isinstance(record, Person):
        return _person_json(record)
    if isinstance(record, Body):
        return _body_json(record)
    if isinstance(record, Hit):
        return {
            "document": record.document,
            "title": record.title,
            "date": record.date,
            "paragraph": record.paragraph,
            "snippet": record.snippet,
            "score": round(record.score, 4),
        }
    if isinstance(record, Added):
        return {
            "source": record.source,
            "path": record.path,
            "added": record.created,
            "title": record.title,
            "url": record.url,
            "warnings": list(record.warnings),
            "error": None,
        }
    if isinstance(record, NotAdded):  # the same keys as an Added, so scripts need one shape
        return {
            "source": record.source,
            "path": None,
            "added": False,
            "title": None,
            "url": None,
            "warnings": [],
            "error": record.error,
        }
    if isinstance(record, (list, tuple)):
        return [to_json(r) for r in record]
    from whitehall_cli.query.context import KwicLine  # only a concordance pays for it

    if isinstance(record, KwicLine):
        return {
            "document": record.document,
            "date": record.date,
            "paragraph": record.paragraph,
            "offsets": [record.start, record.end],
            "left": record.left,
            "match": record.match,
            "right": record.right,
        }
    raise TypeError(f"no JSON form for {type(record).__name__}")


def _document_meta(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "standfirst": d.standfirst,
        "date": d.date,
        "outlet": d.outlet,
        "authors": list(d.authors),
        "url": d.url,
    }


def _person_json(p: Person) -> dict[str, Any]:
    return {
        "name": p.name,
        "aliases": list(p.aliases),
        "roles": list(p.roles),
        "bodies": list(p.bodies),
        "documents": list(p.documents),
        "quotes": p.quote_count,
    }


def _body_json(b: Body) -> dict[str, Any]:
    return {
        "name": b.name,
        "aliases": list(b.aliases),
        "kind": b.kind,
        "documents": list(b.documents),
        "people": list(b.people),
        "quotes": b.quote_count,
    }


def show_json(
    document: Document, people: Sequence[Person], bodies: Sequence[Body], quotes: Sequence[Quote]
) -> dict[str, Any]:
    """`wh show --json`: the document, its paragraphs, people, bodies and quotations."""
    return {
        **to_json(document),
        "people": [to_json(p) for p in people],
        "bodies": [to_json(b) for b in bodies],
        "quotes": [to_json(q) for q in quotes],
    }


def profile_json(record: Person | Body) -> dict[str, Any]:
    """`wh who --json`: the listing record plus `kind` ("person" or "body"; a body's own
    kind moves to `body_kind`), the quotations, the articles with their dates, and their
    `activity`: articles and quotations per period, as `timeline` counts them."""
    out = _person_json(record) if isinstance(record, Person) else _body_json(record)
    if isinstance(record, Body):
        out["body_kind"] = record.kind
        out["kind"] = "body"
    else:
        out["kind"] = "person"
        out["alongside"] = list(record.alongside)
    out["quotes"] = [to_json(q) for q in record.quotes]
    out["appearances"] = [
        {"id": a.id, "title": a.title, "date": a.date} for a in record.appearances
    ]
    if record.activity is not None:
        counts = series_json(record.activity, quotes=True)
        out["activity"] = {
            "by": record.activity.by,
            "periods": counts["periods"],
            "undated": counts["undated"],
        }
    return out


# --- timelines --------------------------------------------------------------------------


def series_json(s: Series, *, quotes: bool) -> dict[str, Any]:
    """One series of `timeline --json`: {"series", "periods": [{"period", "articles"
    (, "quotes")}], "undated": {"articles" (, "quotes")}}."""

    def counts(articles: int, said: int) -> dict[str, int]:
        return {"articles": articles, "quotes": said} if quotes else {"articles": articles}

    return {
        "series": s.label,
        "periods": [{"period": p.period, **counts(p.articles, p.quotes)} for p in s.periods],
        "undated": counts(s.undated.articles, s.undated.quotes),
    }


def timeline_json(series: Sequence[Series], *, quotes: bool) -> list[dict[str, Any]]:
    return [series_json(s, quotes=quotes) for s in series]


def write_timeline_csv(
    series: Sequence[Series], *, quotes: bool, out: IO[str] | None = None
) -> None:
    """One row per series and period (the undated counts as the period "undated")."""
    writer = csv.writer(out or sys.stdout, lineterminator="\n")
    writer.writerow(["series", "period", "articles", *(["quotes"] if quotes else [])])
    for s in series:
        for p in (*s.periods, s.undated):
            writer.writerow([s.label, p.period, p.articles, *([p.quotes] if quotes else [])])


def write_json(data: Any, out: IO[str] | None = None) -> None:
    out = out or sys.stdout
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(kind: str, records: Iterable[Any], out: IO[str] | None = None) -> None:
    """A listing as CSV with a header row; lists are joined with "; "."""
    _export_to(records, kind, ExportFormat.CSV, out or sys.stdout)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- export -----------------------------------------------------------------------------


def export(records: Iterable[Any], kind: str, fmt: ExportFormat | str, path: str | None) -> int:
    """Stream records as JSON lines or CSV to stdout or to `path`; returns the count.

    A file is written beside its destination and moved into place at the end, so an
    interrupted export never leaves a half-written file where a good one was (`files`)."""
    from whitehall_cli.render.files import replacing

    if path is None:
        return _export_to(records, kind, ExportFormat(fmt), sys.stdout)
    with replacing(path, newline="") as out:
        return _export_to(records, kind, ExportFormat(fmt), out)


def _export_to(records: Iterable[Any], kind: str, fmt: ExportFormat, out: IO[str]) -> int:
    count = 0
    if fmt is ExportFormat.CSV:
        writer = csv.writer(out, lineterminator="\n")
        columns = CSV_COLUMNS["search" if kind == "hits" else kind]
        writer.writerow(columns)
        for record in records:
            data = to_json(record)
            if "offsets" in data:  # a concordance line: offsets as two columns
                data["start"], data["end"] = data["offsets"]
            writer.writerow([_csv_cell(data.get(col)) for col in columns])
            count += 1
    else:
        for record in records:
            out.write(json.dumps(to_json(record), ensure_ascii=False))
            out.write("\n")
            count += 1
    return count
