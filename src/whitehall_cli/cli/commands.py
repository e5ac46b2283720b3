"""The `wh` commands. Each is thin: options in, one library call, one renderer out.

`app` puts them under the `wh` group (`COMMANDS`); what they share is in `options`.
"""

from __future__ import annotations

import logging
from typing import Any

import click

from whitehall_cli.cli import options
from whitehall_cli.cli.options import EnumChoice, Output, filter_options, output_options
from whitehall_cli.query.choices import Sort, Table
from whitehall_cli.render.choices import ExportFormat


@click.command()
@filter_options("person", "body", "outlet", "since", "until")
@output_options()
@click.pass_context
def docs(ctx: click.Context, /, output: Output | None, no_pager: bool, **filters: Any) -> int:
    """One row per article: id, date, outlet, title, people and quotations.

    \b
    Examples:
      wh docs
      wh docs --person Heywood --json
      wh docs --since 2021-01-01 --outlet "Civil Service World"
    """
    from whitehall_cli.query import answers
    from whitehall_cli.render import views

    rows = answers.list_docs(options.open_index(ctx), options.filters(**filters))
    return options.emit(
        "docs", rows, output, lambda: views.docs_view(rows), no_pager, "no articles match"
    )


@click.command()
@click.argument("doc")
@output_options(csv=False)
@click.pass_context
def show(ctx: click.Context, /, doc: str, output: Output | None, no_pager: bool) -> int:
    """One article, clean: metadata, paragraphs, people, bodies and quotations.

    DOC is an article id, a unique id prefix, or the article's file path.

    \b
    Examples:
      wh show 000
      wh show data/000_43e921e2f7b47f56.txt --json
    """
    from whitehall_cli.query import answers
    from whitehall_cli.render import records, views

    document, people, bodies, quotes = answers.show(options.open_index(ctx), doc)
    if output is Output.JSON:
        records.write_json(records.show_json(document, people, bodies, quotes))
    else:
        views.print_view(views.document_view(document, people, bodies, quotes), pager=not no_pager)
    return 0


@click.command()
@click.argument("name", nargs=-1, required=True, shell_complete=options.complete_names)
@output_options(csv=False)
@click.pass_context
def who(ctx: click.Context, /, name: tuple[str, ...], output: Output | None, no_pager: bool) -> int:
    """Profile of a person (or a body): names, roles, bodies, articles, quotations.

    A surname, an acronym or a misspelling is enough; if several match, they are listed.

    \b
    Examples:
      wh who Heywood
      wh who "Dave Penman" --json
      wh who ifg
    """
    from whitehall_cli.query import answers
    from whitehall_cli.query.names import Choice
    from whitehall_cli.render import records, views

    found = answers.profile(options.open_index(ctx), " ".join(name))
    if isinstance(found, Choice):
        if output is Output.JSON:
            records.write_json([{"name": n, "kind": k} for n, k in found.candidates])
        else:
            views.print_view(views.candidates_view(found.query, found.candidates), pager=False)
        return 0
    if output is Output.JSON:
        records.write_json(records.profile_json(found))
    else:
        views.print_view(views.profile_view(found), pager=not no_pager)
    return 0


@click.command()
@filter_options("person", "body", "outlet", "since", "until")
@output_options()
@click.pass_context
def people(ctx: click.Context, /, output: Output | None, no_pager: bool, **filters: Any) -> int:
    """Every person: name, roles, bodies, number of articles and quotations.

    \b
    Examples:
      wh people
      wh people --body FDA
      wh people --json | jq -r '.[].name'
    """
    from whitehall_cli.query import answers
    from whitehall_cli.render import views

    found = answers.list_people(options.open_index(ctx), options.filters(**filters))
    return options.emit(
        "people", found, output, lambda: views.people_view(found), no_pager, "no people match"
    )


@click.command()
@filter_options("body", "outlet", "since", "until")
@output_options()
@click.pass_context
def bodies(ctx: click.Context, /, output: Output | None, no_pager: bool, **filters: Any) -> int:
    """Every body (organisation): name, other forms, kind, articles, people tied to it.

    \b
    Examples:
      wh bodies
      wh bodies --csv > bodies.csv
    """
    from whitehall_cli.query import answers
    from whitehall_cli.render import views

    found = answers.list_bodies(options.open_index(ctx), options.filters(**filters))
    return options.emit(
        "bodies", found, output, lambda: views.bodies_view(found), no_pager, "no bodies match"
    )


@click.command()
@filter_options("source", "person", "body", "about", "doc", "outlet", "since", "until")
@output_options()
@click.pass_context
def quotes(ctx: click.Context, /, output: Output | None, no_pager: bool, **filters: Any) -> int:
    """Every quotation: its words, speaker, role, body, article and date.

    --source gives a person's quotations, or a body's and its people's.

    \b
    Examples:
      wh quotes --source FDA
      wh quotes --person Heywood --about leaks
      wh quotes --since 2020 --json | jq -r '.[].text'
    """
    from whitehall_cli.query import answers
    from whitehall_cli.render import views

    index = options.open_index(ctx)
    found = answers.list_quotes(index, options.filters(**filters))
    titles = {d.id: d.title for d in index.documents()} if output is None else {}
    return options.emit(
        "quotes",
        found,
        output,
        lambda: views.quotes_view(found, titles),
        no_pager,
        "no quotations match",
    )


@click.command()
@click.argument("words", nargs=-1, required=True)
@filter_options("person", "body", "outlet", "since", "until")
@click.option(
    "--sort",
    type=EnumChoice(Sort),
    default=Sort.RELEVANCE.value,
    show_default=True,
    help="Order of articles: best match, newest first, or oldest first.",
)
@click.option("--raw", is_flag=True, help="Pass the query to SQLite FTS5 as written (experts).")
@output_options()
@click.pass_context
def search(
    ctx: click.Context,
    /,
    words: tuple[str, ...],
    sort: Sort,
    raw: bool,
    output: Output | None,
    no_pager: bool,
    **filters: Any,
) -> int:
    """Ranked matching paragraphs, grouped by article, matches highlighted.

    Phrases in double quotes, OR between words, -word to exclude, word* for a prefix.
    A misspelt word is replaced by the closest indexed word, and stderr says so.

    \b
    Examples:
      wh search leaks
      wh search '"ministerial code" -Johnson'
      wh search impartiality --since 2022 --json
    """
    from whitehall_cli.query import answers
    from whitehall_cli.render import views

    f = options.filters(**filters)
    index = options.open_index(ctx)
    result = answers.run_search(index, " ".join(words), f, sort=sort, raw=raw)
    for typed, instead in result.corrections:
        click.echo(f"wh: searching for {instead!r} instead of {typed!r}", err=True)
    hits = list(result.hits)
    return options.emit(
        "search", hits, output, lambda: views.hits_view(hits, result.terms), no_pager, "no matches"
    )


@click.command("index")
@click.option("--rebuild", is_flag=True, help="Throw the index away and build it afresh.")
@click.option("--json", "as_json", is_flag=True, help="Print the index's figures as JSON.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Say why wh failed on an article (as `wh -v index`)."
)
@click.pass_context
def index_cmd(ctx: click.Context, /, rebuild: bool, as_json: bool, verbose: bool) -> int:
    """Build or refresh the on-disk index now (a progress bar shows on a terminal).

    The index lives in the cache folder ($XDG_CACHE_HOME/whitehall-cli), never in the corpus.
    An article that wh fails on in part is still indexed, with one warning naming it.

    \b
    Examples:
      wh index
      wh --data ~/articles index --rebuild -v
    """
    from dataclasses import asdict

    from whitehall_cli.render import records

    if verbose:
        logging.getLogger("whitehall_cli").setLevel(logging.DEBUG)
    stats = asdict(
        options.open_index(ctx, rebuild=rebuild, scan=True).stats()
    )  # every file checked
    if as_json:
        records.write_json(stats)
    else:
        click.echo("\n".join(f"{k:>11}: {v}" for k, v in stats.items()))
    return 0


@click.command()
@click.option(
    "--what",
    type=EnumChoice(Table),
    required=True,
    help="Which table to export.",
)
@click.option(
    "--format",
    "fmt",
    type=EnumChoice(ExportFormat),
    default=ExportFormat.JSONL.value,
    show_default=True,
    help="One JSON object per line, or CSV with a header.",
)
@click.option(
    "-o",
    "--output",
    "path",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE instead of stdout (written whole, then moved into place).",
)
@click.pass_context
def export(ctx: click.Context, /, what: Table, fmt: ExportFormat, path: str | None) -> int:
    """A whole table for other tools, streamed row by row.

    \b
    Examples:
      wh export --what quotes > quotes.jsonl
      wh export --what docs --format csv -o docs.csv
      wh export --what people | jq -r .name
    """
    from whitehall_cli.query import answers
    from whitehall_cli.render import records

    rows = answers.stream(options.open_index(ctx), what)
    count = records.export(rows, what.value, fmt, path)
    click.echo(f"wh: exported {count} {what.value}" + (f" to {path}" if path else ""), err=True)
    return 0 if count else 1


# Every command, in the order `wh --help` lists them (click sorts them by name).
COMMANDS = (docs, show, who, people, bodies, quotes, search, index_cmd, export)
