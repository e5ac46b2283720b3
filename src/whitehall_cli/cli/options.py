"""What the commands share: the options given before any command, the output and filter
options (each one decorator that hands the command one value), enum choices as click types,
opening the index with a progress bar, and writing a listing.

Heavy modules (rich, rapidfuzz, sqlite3 and the pipeline) are imported inside the functions
that need them, so `wh --help` stays fast.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

import click

from whitehall_cli.errors import ConflictingOptions

if TYPE_CHECKING:
    from whitehall_cli.index.store import Index
    from whitehall_cli.query.filters import Filters

    _Choice = click.Choice[str]
else:  # click before 8.2 has no type parameters on Choice
    _Choice = click.Choice

log = logging.getLogger("whitehall_cli")

# Files to parse before `wh index` (and first use) shows a progress bar.
PROGRESS_MIN_FILES = 200

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


class Output(Enum):
    """How a command writes its records."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class EnumChoice(_Choice):
    """A closed choice typed as an Enum: the user picks one of its values (shown in the help
    as click shows any choice), and the command is handed the Enum member."""

    def __init__(self, enum: type[Enum]) -> None:
        super().__init__([member.value for member in enum])
        self.enum = enum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, self.enum):
            return value
        return self.enum(super().convert(value, param, ctx))


class Settings:
    """Options given before the command."""

    def __init__(self, data: str | None) -> None:
        self.data = data


def output_options(csv: bool = True) -> Decorator:
    """--json (and --csv on listings) become one `output` value; plus --no-pager. Two
    output forms at once are a usage error (ConflictingOptions), never a silent choice."""

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(f)
        def command(*args: Any, as_json: bool, as_csv: bool = False, **kwargs: Any) -> Any:
            chosen = [flag for flag, on in (("--json", as_json), ("--csv", as_csv)) if on]
            if len(chosen) > 1:
                raise ConflictingOptions(f"{' and '.join(chosen)} cannot go together: choose one")
            output = Output.JSON if as_json else Output.CSV if as_csv else None
            return f(*args, output=output, **kwargs)

        wrapped: Callable[..., Any] = click.option(
            "--no-pager", is_flag=True, help="Never page long output."
        )(command)
        if csv:
            wrapped = click.option("--csv", "as_csv", is_flag=True, help="CSV on stdout.")(wrapped)
        return click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")(wrapped)

    return decorate


def filter_options(*names: str, limit: bool = True) -> Decorator:
    """The shared filters; each command names the ones that make sense for it (and, with
    `limit=False`, goes without --limit)."""
    helps = {
        "person": ("--person", "Articles that name this person (quotes: the speaker)."),
        "body": ("--body", "Articles that name this body (quotes: speakers for it)."),
        "source": ("--source", "Quotations by this person or body, or by the body's people."),
        "about": ("--about", "Only quotations containing these words."),
        "doc": ("--doc", "Only this article (id, id prefix or path)."),
        "outlet": ("--outlet", "Only articles from this outlet."),
        "since": ("--since", "Only articles dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY)."),
        "until": ("--until", "Only articles dated on or before DATE."),
    }

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        if limit:
            f = click.option("--limit", type=click.IntRange(min=0), help="At most N results.")(f)
        for name in reversed(names):
            flag, text = helps[name]
            kwargs: dict[str, Any] = {"help": text, "metavar": "NAME"}
            if name in ("person", "body", "source"):
                kwargs["shell_complete"] = complete_names
            if name in ("since", "until"):
                kwargs["metavar"] = "DATE"
            f = click.option(flag, name, **kwargs)(f)
        return f

    return decorate


def complete_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion of people and body names (and their acronyms) from the index:
    names that start with what was typed first, then names with a word that does."""
    from click.shell_completion import CompletionItem

    log.setLevel(logging.CRITICAL)  # nothing may reach the terminal mid-completion
    try:
        from whitehall_cli.query import answers

        index = answers.open_index(ctx.find_root().params.get("data"))
        records: list[Any] = [*index.people(), *index.bodies()]
    except Exception:  # noqa: BLE001 - completion must never print a traceback
        return []
    low = incomplete.casefold()
    first, second = [], []
    for r in records:
        forms = [r.name, *r.aliases]
        if any(f.casefold().startswith(low) for f in forms):
            first.append(r.name)
        elif any(w.startswith(low) for f in forms for w in f.casefold().split()):
            second.append(r.name)
    return [CompletionItem(n) for n in [*sorted(set(first)), *sorted(set(second))][:50]]


def filters(**options: Any) -> Filters:
    """The filter options a command was given, as one `Filters` value."""
    from whitehall_cli.query.filters import Filters

    known = {k: v for k, v in options.items() if k in Filters.__dataclass_fields__}
    return Filters(**known)


def open_index(
    ctx: click.Context, rebuild: bool = False, scan: bool | None = None, allow_empty: bool = False
) -> Index:
    """Open (build or refresh) the index, with a progress bar on a terminal."""
    from whitehall_cli.query import answers

    with _Progress() as progress:
        return answers.open_index(
            data_option(ctx), rebuild=rebuild, progress=progress, scan=scan, allow_empty=allow_empty
        )


def data_option(ctx: click.Context) -> str | None:
    """The --data the user gave, if any."""
    settings = ctx.find_object(Settings)
    return settings.data if settings is not None else None


def error_line(e: Exception | str) -> str:
    """The one line an error becomes on stderr."""
    return f"wh: error: {e}"


def not_found_line(message: str, suggestions: Sequence[str] = (), hint: str | None = None) -> str:
    """The one line a query that found nothing becomes on stderr: the close names or words
    to try ("did you mean"), else the hint, else the message alone."""
    if suggestions:
        return f"wh: {message} (did you mean: {', '.join(suggestions)}?)"
    return f"wh: {message}" + (f" ({hint})" if hint else "")


class _Progress:
    """A rich progress bar on stderr while many files are parsed, on a terminal only."""

    def __enter__(self) -> Callable[[int, int], None]:
        self.bar: Any = None
        self.task: Any = None
        return self.update

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
                return
            from rich.progress import Progress

            from whitehall_cli.render.views import console

            self.bar = Progress(console=console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("indexing", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def emit(
    kind: str,
    records: list[Any],
    output: Output | None,
    view: Callable[[], list[Any]],
    no_pager: bool,
    nothing: str,
) -> int:
    """Write a listing in the chosen form; exit status 1 (and a note on stderr, once) when it
    is empty."""
    from whitehall_cli.render import records as data
    from whitehall_cli.render import views

    if output is Output.JSON:
        data.write_json(data.to_json(records))
    elif output is Output.CSV:
        data.write_csv(kind, records)
    elif records:
        views.print_view(view(), pager=not no_pager)
    if not records:
        click.echo(f"wh: {nothing}", err=True)
        return 1
    return 0
