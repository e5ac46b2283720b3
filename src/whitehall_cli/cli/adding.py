"""`wh add`: the one command that writes into the corpus folder (it only ever adds files),
on its own beside the commands that read.

Each page or file is added in turn (`load.save.add_sources`), and what became of it is said
at once: the file written, the one already there, or an error, one line each; a failed one
does not stop the rest. Then the index is brought up to date with what was added.
"""

from __future__ import annotations

import logging

import click

from whitehall_cli.cli import options

log = logging.getLogger("whitehall_cli")


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="URL|FILE...")
@click.option(
    "--json", "as_json", is_flag=True, help="JSON on stdout: what became of each, failures too."
)
@click.pass_context
def add(ctx: click.Context, /, sources: tuple[str, ...], as_json: bool) -> int:
    """Save web pages (or saved .html files) into the corpus folder, then index them.

    Each page's article (text, title, date, authors, address, outlet) is written as
    Markdown with front matter, named by date and title (2024-04-22-budget-leak.md). Nothing
    is overwritten: a page whose address is already in the corpus is left as it is. The
    bundled articles cannot be added to: name your own folder with --data or $WH_DATA.

    A page that cannot be fetched, or is not an article (a folder's listing, an index of
    links), is one line on stderr (with --json, also a record with its "error"), and the
    rest are still added. Exit status: 0 when every page is now in the
    corpus (added, or already there), 2 when any could not be added.

    \b
    Examples:
      wh --data ~/articles add https://www.gov.uk/government/news/example
      wh --data ~/articles add saved-page.html other-page.htm
      export WH_DATA=~/articles; wh add https://example.org/story --json
    """
    from whitehall_cli.load import save
    from whitehall_cli.load.corpus import resolve_corpus
    from whitehall_cli.models import Added, NotAdded
    from whitehall_cli.parse.article import parse_text
    from whitehall_cli.render import records, views

    folder = save.writable_folder(resolve_corpus(options.data_option(ctx)))
    with options.open_index(ctx, allow_empty=True) as index:
        known = save.address_book(index.urls())
    done: list[Added | NotAdded] = []
    for result in save.add_sources(sources, folder, parse_text, known):
        done.append(result)
        if isinstance(result, NotAdded):
            click.echo(options.error_line(result.error), err=True)
            continue
        for message in result.warnings:
            log.warning("%s: %s", result.source, message)
        if not as_json:
            click.echo(views.added_line(result))
    if any(isinstance(r, Added) and r.created for r in done):
        options.open_index(ctx, scan=True).close()  # the new files, indexed now
    if as_json:
        records.write_json(records.to_json(done))
    return 2 if any(isinstance(r, NotAdded) for r in done) else 0
