"""Stage 8: the `wh` command. Each command parses its options, calls one library function
and hands the result to one renderer; errors become one-line messages in `main`.

Heavy modules (rich, rapidfuzz, sqlite3 and the pipeline) are imported inside commands, so
`wh --help` stays fast.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from enum import Enum
from typing import Any

import click

from whitehall_cli import __version__
from whitehall_cli.errors import NotFound, WhError

log = logging.getLogger("whitehall_cli")

# Files to parse before `wh index` (and first use) shows a progress bar.
PROGRESS_MIN_FILES = 200


class Output(Enum):
    """How a command writes its records."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class Settings:
    """Options given before the command."""

    def __init__(self, data: str | None) -> None:
        self.data = data


def output_options(csv: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--json (and --csv on listings) become one `output` value; plus --no-pager."""

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        f = click.option("--no-pager", is_flag=True, help="Never page long output.")(f)
        if csv:
            f = click.option("--csv", "output", flag_value=Output.CSV, help="CSV on stdout.")(f)
        f = click.option("--json", "output", flag_value=Output.JSON, help="JSON on stdout.")(f)
        return f

    return decorate


def filter_options(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The shared filters; each command names the ones that make sense for it."""
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
        f = click.option("--limit", type=click.IntRange(min=0), help="At most N results.")(f)
        for name in reversed(names):
            flag, text = helps[name]
            kwargs: dict[str, Any] = {"help": text, "metavar": "NAME"}
            if name in ("person", "body", "source"):
                kwargs["shell_complete"] = _complete_names
            if name in ("since", "until"):
                kwargs["metavar"] = "DATE"
            f = click.option(flag, name, **kwargs)(f)
        return f

    return decorate


def _complete_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
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


def _filters(**kwargs: Any) -> Any:
    from whitehall_cli.query.filters import Filters

    known = {k: v for k, v in kwargs.items() if k in Filters.__dataclass_fields__}
    return Filters(**known)


def _index(ctx: click.Context, rebuild: bool = False, scan: bool | None = None) -> Any:
    """Open (build or refresh) the index, with a progress bar on a terminal."""
    from whitehall_cli.query import answers

    settings = ctx.find_object(Settings)
    data = settings.data if settings is not None else None
    with _progress() as progress:
        return answers.open_index(data, rebuild=rebuild, progress=progress, scan=scan)


class _progress:
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

            from whitehall_cli.render import console

            self.bar = Progress(console=console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("indexing", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _emit(
    kind: str,
    records: list[Any],
    output: Output | None,
    view: Callable[[], list[Any]],
    no_pager: bool,
    nothing: str,
) -> int:
    """Write a listing in the chosen form; exit status 1 (and a note) when it is empty."""
    from whitehall_cli import render

    if output is Output.JSON:
        render.write_json(render.to_json(records))
    elif output is Output.CSV:
        render.write_csv(kind, records)
    elif records:
        render.print_view(view(), pager=not no_pager)
    if not records:
        log.info(nothing)
        click.echo(f"wh: {nothing}", err=True)
        return 1
    return 0


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data", metavar="DIR", help="Corpus folder (default: $WH_DATA, else the bundled articles)."
)
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("-v", "--verbose", is_flag=True, help="More detail on stderr.")
@click.version_option(__version__, "-V", "--version", prog_name="wh")
@click.pass_context
def cli(ctx: click.Context, data: str | None, quiet: bool, verbose: bool) -> int:
    """Query a folder of news articles about the UK civil service.

    \b
    Examples:
      wh search "leaks"
      wh who Heywood
      wh quotes --source FDA
      wh --data ~/articles docs --since 2021
    """
    log.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING)
    ctx.obj = Settings(data)
    if ctx.invoked_subcommand is None:
        from whitehall_cli import render

        index = _index(ctx)
        stats = index.stats()
        render.print_view(
            render.overview_view(
                str(index.corpus.root),
                index.corpus.bundled,
                stats.documents,
                stats.people,
                stats.quotes,
            ),
            pager=False,
        )
    return 0


from whitehall_cli import commands  # noqa: E402,F401  (registers the commands on `cli`)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command and turn every failure into a message and exit status."""
    for old in [h for h in log.handlers if getattr(h, "wh_handler", False)]:
        log.removeHandler(old)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("wh: %(levelname)s: %(message)s"))
    handler.wh_handler = True  # type: ignore[attr-defined]
    log.addHandler(handler)
    try:
        status = cli.main(args=argv, prog_name="wh", standalone_mode=False)
    except click.exceptions.Exit as e:
        status = e.exit_code
    except click.ClickException as e:
        e.show()
        status = 2 if isinstance(e, click.UsageError) else e.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("wh: interrupted", err=True)
        status = 130
    except WhError as e:
        click.echo(f"wh: error: {e}", err=True)
        status = e.exit_code
    except NotFound as e:
        hint = f" (did you mean: {', '.join(e.suggestions)}?)" if e.suggestions else ""
        click.echo(f"wh: {e}{hint}", err=True)
        status = e.exit_code
    except BrokenPipeError:  # `wh quotes | head`: stop quietly, like other Unix tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 0
    except Exception as e:  # noqa: BLE001 - the last guard: a bug, still no traceback
        log.debug("internal error", exc_info=True)
        click.echo(
            f"wh: internal error: {type(e).__name__}: {e} (run with -v for details)", err=True
        )
        status = 2
    sys.exit(status if isinstance(status, int) else 0)
