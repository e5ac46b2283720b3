"""Every rich terminal view: tables, panels and highlighted snippets, and the consoles they
print on (stdout for data, stderr for messages; colour only on a terminal).

Views return rich renderables that a command prints once (`print_view`), so tests can render
them into a `Console(file=StringIO(), width=60)`. Rich is imported only by the functions that
draw, so `--json` output never pays for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from whitehall_cli.models import Added, Body, DocRow, Document, Hit, Person, Quote

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType

# Below this many columns, listings drop their less useful columns.
NARROW_WIDTH = 90
# Columns the docs table keeps for a title and an outlet before it wraps a long id, and
# the fewest it gives an id.
TITLE_MIN, OUTLET_MIN, ID_MIN = 24, 12, 16
# Style of matched words in search snippets and of quotation text.
MATCH_STYLE = "bold black on yellow"
QUOTE_STYLE = "bold"


def console(stderr: bool = False) -> Console:
    """A console for data (stdout) or messages (stderr); colour only on a terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(
        file=stream,
        no_color=no_color,
        color_system=None if no_color else "auto",
        highlight=False,
        soft_wrap=False,
    )


@runtime_checkable
class WholeLines(Protocol):
    """A view whose lines are never cut when nothing sets a width: piped to a file or
    another program (not a terminal) with COLUMNS unset, it is drawn at `whole_width`."""

    def whole_width(self) -> int:
        """The width at which none of its lines is cut."""
        ...


def print_view(renderables: Sequence[RenderableType], *, pager: bool = True) -> None:
    """Print renderables to stdout, through a pager when long and on a terminal."""
    out = console()
    if not out.is_terminal and not os.environ.get("COLUMNS"):
        whole = [r.whole_width() for r in renderables if isinstance(r, WholeLines)]
        out.width = max([out.width, *whole])
    long = pager and out.is_terminal and _height(out, renderables) > out.height
    if long:
        os.environ.setdefault("LESS", "-FRX")
        with out.pager(styles=not out.no_color):
            for r in renderables:
                out.print(r)
    else:
        for r in renderables:
            out.print(r)


def _height(out: Console, renderables: Sequence[RenderableType]) -> int:
    options = out.options
    return sum(len(out.render_lines(r, options, pad=False)) for r in renderables)


def _table(
    *columns: str,
    title: str | None = None,
    no_wrap: tuple[str, ...] = (),
    wide: tuple[str, ...] = (),
) -> Any:
    """A table whose long cells fold onto more lines. `no_wrap` columns (ids, dates, counts)
    never break, so they stay copyable; `wide` columns take the room that is left."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=bool(wide))
    for col in columns:
        table.add_column(
            col,
            overflow="fold",
            no_wrap=col in no_wrap,
            ratio=3 if col in wide else (1 if wide and col not in no_wrap else None),
        )
    return table


def _join(items: Iterable[str], empty: str = "") -> str:
    return ", ".join(items) or empty


class DocsTable:
    """The `docs` listing, laid out for the width it is drawn at. Dates and counts are never
    cut; the title keeps `TITLE_MIN` columns and the outlet `OUTLET_MIN` (both wrap at
    words); an id longer than the room left wraps onto more lines, whole (it is what
    `wh show` takes). Below `NARROW_WIDTH` the outlet goes and the counts get short heads."""

    def __init__(self, rows: Sequence[DocRow]) -> None:
        self.rows = list(rows)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        from rich.table import Table

        width = options.max_width
        narrow = width < NARROW_WIDTH
        heads = ("ppl", "qts") if narrow else ("people", "quotes")
        rows = [
            (
                row.document.id,
                row.document.date or "",
                row.document.outlet or "",
                row.document.title or "(untitled)",
                str(row.people_count),
                str(row.quote_count),
            )
            for row in self.rows
        ]
        longest = [max([len(r[i]) for r in rows], default=0) for i in range(6)]
        date_w = max(len("date"), longest[1])
        counts_w = sum(max(len(h), longest[i]) for i, h in zip((4, 5), heads, strict=True))
        columns = 5 if narrow else 6
        # what is left for the id, the outlet and the title, less borders and padding
        room = width - (3 * columns + 1) - date_w - counts_w
        outlet_w = 0 if narrow else min(longest[2], OUTLET_MIN)
        id_w = min(max(longest[0], len("id")), max(ID_MIN, room - TITLE_MIN - outlet_w))
        if not narrow:  # the whole outlet, when the title still keeps its room
            outlet_w = max(outlet_w, min(longest[2], room - id_w - TITLE_MIN))
        table = Table(expand=True)
        table.add_column("id", overflow="fold", max_width=id_w)
        table.add_column("date", no_wrap=True, min_width=date_w)
        if not narrow:
            table.add_column("outlet", overflow="fold", max_width=max(outlet_w, len("outlet")))
        table.add_column("title", overflow="fold", ratio=1)
        for head in heads:
            table.add_column(head, no_wrap=True)
        for r in rows:
            table.add_row(*((*r[:2], *r[3:]) if narrow else r))
        yield table


def docs_view(rows: Sequence[DocRow]) -> list[RenderableType]:
    return [DocsTable(rows)]


def quote_text(q: Quote) -> Any:
    from rich.text import Text

    return Text(f"\u201c{q.text}\u201d", style=QUOTE_STYLE)


def attribution(q: Quote, title: str | None = None) -> tuple[str, str]:
    """Who said it (speaker, role, bodies) and where (article, paragraph, date)."""
    who = q.speaker or "(no speaker named)"
    if q.role:
        who += f", {q.role}"
    others = [b for b in q.bodies if b != q.speaker and b not in (q.role or "")]
    if others:
        who += f" ({_join(others)})"
    spot = q.document + (f" \u00b6{q.paragraph}" if q.paragraph is not None else f" {q.location}")
    where = " \u00b7 ".join(x for x in (q.date, title, spot) if x)
    return f"\u2014 {who}", where


def quotes_view(
    quotes: Sequence[Quote], titles: dict[str, str | None] | None = None
) -> list[RenderableType]:
    """The quotation first, then who said it and where, a blank line after each."""
    from rich.text import Text

    out: list[RenderableType] = []
    for q in quotes:
        who, where = attribution(q, (titles or {}).get(q.document))
        block = Text()
        block.append_text(quote_text(q))
        block.append("\n" + who, style="italic")
        block.append("\n" + where + "\n", style="dim")
        out.append(block)
    return out


def people_view(people: Sequence[Person]) -> list[RenderableType]:
    table = _table(
        "name",
        "roles",
        "bodies",
        "articles",
        "quotes",
        no_wrap=("articles", "quotes"),
        wide=("roles",),
    )
    for p in people:
        table.add_row(
            p.name, _join(p.roles), _join(p.bodies), str(len(p.documents)), str(p.quote_count)
        )
    return [table]


def bodies_view(bodies: Sequence[Body]) -> list[RenderableType]:
    table = _table(
        "name", "also", "kind", "articles", "people", no_wrap=("articles",), wide=("people",)
    )
    for b in bodies:
        table.add_row(b.name, _join(b.aliases), b.kind, str(len(b.documents)), _join(b.people))
    return [table]


def document_view(
    document: Document, people: Sequence[Person], bodies: Sequence[Body], quotes: Sequence[Quote]
) -> list[RenderableType]:
    from rich.panel import Panel
    from rich.text import Text

    head = Text()
    head.append(document.title or "(untitled)", style="bold")
    if document.standfirst:
        head.append("\n" + document.standfirst, style="italic")
    meta = " \u00b7 ".join(
        x for x in (document.date, document.outlet, _join(document.authors), document.url) if x
    )
    if meta:
        head.append("\n" + meta, style="dim")
    out: list[RenderableType] = [Panel(head, title=document.id, title_align="left")]
    by_paragraph: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.paragraph is not None:
            by_paragraph.setdefault(q.paragraph, []).append(q)
    for i, para in enumerate(document.paragraphs):
        text = Text(f"[{i}] ", style="dim")
        body = Text(para)
        for q in by_paragraph.get(i, []):
            if q.end > q.start:
                body.stylize(QUOTE_STYLE, q.start, q.end)
        text.append_text(body)
        out.append(text)
    if people:
        out.append(people_view(people)[0])
    if bodies:
        out.append(bodies_view(bodies)[0])
    if quotes:
        out.append(Text("Quotations", style="bold underline"))
        out.extend(quotes_view(quotes))
    return out


def profile_view(record: Person | Body) -> list[RenderableType]:
    from rich.panel import Panel
    from rich.text import Text

    head = Text()
    head.append(record.name, style="bold")
    if isinstance(record, Body):
        head.append(f"  ({record.kind})", style="dim")
    lines = [("also", _join(record.aliases))]
    if isinstance(record, Person):
        lines += [("roles", _join(record.roles)), ("bodies", _join(record.bodies))]
    else:
        lines += [("people", _join(record.people))]
    for label, value in lines:
        if value:
            head.append(f"\n{label}: ", style="dim")
            head.append(value)
    out: list[RenderableType] = [
        Panel(head, title="person" if isinstance(record, Person) else "body", title_align="left")
    ]
    if record.activity is not None:
        from whitehall_cli.render.charts import sparkline

        line = sparkline(record.activity)
        if line is not None:
            out.append(line)
    table = _table(
        "date", "article", "title", title=f"Appears in {len(record.appearances)} article(s)"
    )
    for a in record.appearances:
        table.add_row(a.date or "", a.id, a.title or "(untitled)")
    out.append(table)
    if isinstance(record, Person) and record.alongside:
        out.append(Text.assemble(("Alongside: ", "dim"), _join(record.alongside)))
    if record.quotes:
        out.append(Text(f"Quotations ({len(record.quotes)})", style="bold underline"))
        out.extend(quotes_view(record.quotes))
    return out


def candidates_view(query: str, names: Sequence[tuple[str, str]]) -> list[RenderableType]:
    table = _table("name", "kind", title=f"Several match {query!r}: which one?")
    for name, kind in names:
        table.add_row(name, kind)
    return [table]


def hits_view(hits: Sequence[Hit], terms: Sequence[str] = ()) -> list[RenderableType]:
    """Hits grouped by article, best article first, matches highlighted."""
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = []
    grid: Any = None
    current: str | None = None
    for hit in hits:
        if hit.document != current:
            current = hit.document
            head = Text("\n" if out else "")
            head.append(hit.title or "(untitled)", style="bold")
            head.append(
                "\n" + " \u00b7 ".join(x for x in (hit.date, hit.document) if x), style="dim"
            )
            grid = Table.grid(padding=(0, 1))
            grid.add_column(justify="right", style="dim", no_wrap=True)
            grid.add_column(overflow="fold")
            out += [head, grid]
        snippet = Text(hit.snippet)
        for start, end in hit.spans:
            snippet.stylize(MATCH_STYLE, start, end)
        where = f"\u00b6{hit.paragraph}" if hit.paragraph is not None else "title"
        grid.add_row(where, snippet)
    return out


def overview_view(
    corpus_root: str, bundled: bool, n_docs: int, n_people: int, n_quotes: int
) -> list[RenderableType]:
    from rich.text import Text

    text = Text()
    text.append("wh", style="bold")
    text.append(": query a folder of news articles about the UK civil service\n\n")
    label = "bundled corpus" if bundled else "corpus"
    text.append(f"{label}: ", style="dim")
    text.append(f"{corpus_root}\n")
    text.append(f"{n_docs} articles, {n_people} people, {n_quotes} quotations\n\n", style="dim")
    for cmd, what in (
        ('wh search "leaks"', "which articles and paragraphs, ranked, matches highlighted"),
        ('wh who "Heywood"', "who a person is: roles, bodies, articles, quotations"),
        ("wh quotes --source FDA", "every quotation from the FDA's people"),
    ):
        text.append(f"  {cmd:<26}", style="bold")
        text.append(f"{what}\n")
    text.append("\nMore: wh --help; every command takes --json.", style="dim")
    return [text]


def added_line(added: Added) -> str:
    """What `wh add` says of one page: the file it wrote, or the one already there."""
    if added.created:
        return f"added {added.path}" + (f"  ({added.title})" if added.title else "")
    return f"already in the corpus: {added.path} (nothing changed)"
