"""`wh add`: the one command that writes into the corpus folder (it only ever adds files),
on its own beside the commands that read.

Each page or file is added in turn (`load.save.add_source`), and what became of it is said
at once: the file written, the one already there, or an error, one line each; a failed one
does not stop the rest. Then the index is brought up to date with what was added.
"""

from __future__ import annotations

import logging

import click

from whitehall_cli.cli import options
from whitehall_cli.errors import WhError

log = logging.getLogger("whitehall_cli")


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="URL|FILE...")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout: what became of each.")
@click.pass_context
def add(ctx: click.Context, /, sources: tuple[str, ...], as_json: bool) -> int:
    """Save web pages (or saved .html files) into the corpus folder, then index them.

    Each page's article (text, title, date, authors, address, outlet) is written as
    Markdown with front matter, named by date and title (2024-04-22-budget-leak.md). Nothing
    is overwritten: a page whose address is already in the corpus is left as it is. The
    bundled articles cannot be added to: name your own folder with --data or $WH_DATA.

    \b
    Examples:
      wh --data ~/articles add https://www.gov.uk/government/news/example
      wh --data ~/articles add saved-page.html other-page.htm
      export WH_DATA=~/articles; wh add https://example.org/story --json
    """
    from whitehall_cli.load import save
    from whitehall_cli.load.corpus import resolve_corpus
    from whitehall_cli.parse.article import parse_text
    from whitehall_cli.render import records, views

    folder = save.writable_folder(resolve_corpus(options.data_option(ctx)))
    with options.open_index(ctx, allow_empty=True) as index:
        known = save.address_book(index.urls())
    done = []
    failed = 0
    for source in sources:
        try:
            added = save.add_source(source, folder, parse_text, known)
        except WhError as e:
            click.echo(options.error_line(e), err=True)
            failed += 1
            continue
        for message in added.warnings:
            log.warning("%s: %s", source, message)
        if not as_json:
            click.echo(views.added_line(added))
        done.append(added)
    if any(a.created for a in done):
        options.open_index(ctx, scan=True).close()  # the new files, indexed now
    if as_json:
        records.write_json(records.to_json(done))
    return 2 if failed else 0
