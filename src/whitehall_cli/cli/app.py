"""The `wh` command group, with every command under it, and `main`: the one place a failure
becomes a one-line message and an exit status (0 found, 1 nothing found, 2 an error).

Heavy modules (rich, rapidfuzz, sqlite3 and the pipeline) are imported inside commands, so
`wh --help` stays fast.
"""

from __future__ import annotations

import logging
import os
import sys

import click

from whitehall_cli import __version__
from whitehall_cli.cli import options
from whitehall_cli.cli.adding import add
from whitehall_cli.cli.commands import COMMANDS
from whitehall_cli.cli.options import Settings
from whitehall_cli.cli.patterns import PATTERN_COMMANDS
from whitehall_cli.errors import NotFound, WhError

log = logging.getLogger("whitehall_cli")


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
        from whitehall_cli.render import views

        index = options.open_index(ctx)
        stats = index.stats()
        views.print_view(
            views.overview_view(
                str(index.corpus.root),
                index.corpus.bundled,
                stats.documents,
                stats.people,
                stats.quotes,
            ),
            pager=False,
        )
    return 0


for command in (*COMMANDS, *PATTERN_COMMANDS, add):
    cli.add_command(command)


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
        click.echo(options.error_line(e), err=True)
        status = e.exit_code
    except NotFound as e:
        click.echo(options.not_found_line(str(e), e.suggestions, e.hint), err=True)
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
