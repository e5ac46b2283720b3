"""The commands that look across the corpus rather than at single records: how often
something comes up over time (`timeline`) and how words are used (`context`). Thin, like the
rest: options in, one `query` call, one renderer out.

`app` puts them under the `wh` group (`PATTERN_COMMANDS`).
"""

from __future__ import annotations

from typing import Any

import click

from whitehall_cli.cli import options
from whitehall_cli.cli.options import EnumChoice, Output, filter_options, output_options
from whitehall_cli.query.choices import By, ContextSort


def _say_corrections(corrections: tuple[tuple[str, str], ...]) -> None:
    for typed, instead in corrections:
        click.echo(f"wh: searching for {instead!r} instead of {typed!r}", err=True)


@click.command()
@click.argument("words", nargs=-1)
@click.option(
    "--person",
    "people",
    multiple=True,
    metavar="NAME",
    shell_complete=options.complete_names,
    help="A series of the articles naming this person (repeat for more). With WORDS: only "
    "articles naming them.",
)
@click.option(
    "--body",
    "bodies",
    multiple=True,
    metavar="NAME",
    shell_complete=options.complete_names,
    help="A series of the articles naming this body (repeat for more). With WORDS: only "
    "articles naming it.",
)
@click.option(
    "--source",
    metavar="NAME",
    shell_complete=options.complete_names,
    help="Only articles quoting this person or body (or its people), and only their quotations.",
)
@filter_options("outlet", "since", "until", limit=False)
@click.option("--quotes", is_flag=True, help="Count the matching quotations too.")
@click.option(
    "--by",
    type=EnumChoice(By),
    help="Count per month (2016-12), quarter (2016-Q4) or year (2016). Default: the finest "
    "that keeps the chart within 24 periods.",
)
@click.option(
    "--svg",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True),
    help="Also save the chart as an SVG picture (not when nothing matches).",
)
@output_options()
@click.pass_context
def timeline(
    ctx: click.Context,
    /,
    words: tuple[str, ...],
    people: tuple[str, ...],
    bodies: tuple[str, ...],
    quotes: bool,
    by: By | None,
    svg: str | None,
    output: Output | None,
    no_pager: bool,
    **filters: Any,
) -> int:
    """Articles (and quotations) that match, per month, quarter or year, as a bar chart.

    Each WORDS argument is one series, matched as search matches (several words quoted
    together are a phrase); without WORDS, each --person and --body is one. Empty periods
    count as zero; undated articles are counted apart.

    \b
    Examples:
      wh timeline leaks impartiality
      wh timeline --person Penman --person Heywood --quotes
      wh timeline "civil service" --by quarter --json
      wh timeline leaks --since 2016 --svg leaks.svg
    """
    from whitehall_cli.query import timeline as counting
    from whitehall_cli.render import charts, records, views

    f = options.filters(**filters)
    found = counting.timeline(
        options.open_index(ctx), words, f, people=people, bodies=bodies, by=by, quotes=quotes
    )
    _say_corrections(found.corrections)
    chart = charts.timeline_view(found.series, found.quotes)
    if svg and found.found:  # an empty chart is not worth a file
        charts.save_svg(chart, svg, title="wh timeline " + " ".join(s.label for s in found.series))
        click.echo(f"wh: chart saved to {svg}", err=True)
    if output is Output.JSON:
        records.write_json(records.timeline_json(found.series, quotes=found.quotes))
    elif output is Output.CSV:
        records.write_timeline_csv(found.series, quotes=found.quotes)
    elif found.found:
        views.print_view(chart, pager=not no_pager)
    if not found.found:
        click.echo(options.not_found_line("no articles match", (), found.hint), err=True)
        if svg:
            click.echo(f"wh: nothing to chart: {svg} not written", err=True)
        return 1
    return 0


@click.command()
@click.argument("words", nargs=-1, required=True)
@filter_options("person", "body", "outlet", "since", "until")
@click.option(
    "--sort",
    type=EnumChoice(ContextSort),
    default=ContextSort.DATE.value,
    show_default=True,
    help="Newest article first, or alphabetically by the words just before (left) or after "
    "(right) the match.",
)
@click.option(
    "--width",
    type=click.IntRange(min=1),
    default=40,
    show_default=True,
    help="Characters of context on each side.",
)
@click.option(
    "--stem",
    is_flag=True,
    help="Match every form search matches (leak, leaks, leaked), not only the form typed.",
)
@output_options()
@click.pass_context
def context(
    ctx: click.Context,
    /,
    words: tuple[str, ...],
    sort: ContextSort,
    width: int,
    stem: bool,
    output: Output | None,
    no_pager: bool,
    **filters: Any,
) -> int:
    """Every occurrence of words in the articles' paragraphs, in context (a concordance).

    One line each: the article's date, the text before the match right-aligned, the match
    in one column, highlighted, the text after it, then the article's id and paragraph.
    When the screen is too narrow for the context beside them, the date and id head their
    article's lines instead; piped with no COLUMNS set, lines are never cut. The query
    language of search (several words quoted together are a phrase; word* a prefix); the
    exact form typed unless --stem. The first 100 lines unless --limit.

    \b
    Examples:
      wh context leaks
      wh context "ministerial code" --sort right
      wh context leak --stem --width 30 --json
    """
    from whitehall_cli.query.context import concordance
    from whitehall_cli.render.concordance import concordance_view

    found = concordance(
        options.open_index(ctx),
        words,
        options.filters(**filters),
        sort=sort,
        width=width,
        stem=stem,
    )
    _say_corrections(found.corrections)
    lines = list(found.lines)
    if found.more:
        shown = f"{len(lines)} line" + ("s" if len(lines) != 1 else "")
        click.echo(f"wh: the first {shown} shown, more match (--limit N for more)", err=True)
    nothing = "no matches"
    if found.other_forms:
        nothing += " of that exact form (--stem finds other forms of the word)"
    return options.emit(
        "context", lines, output, lambda: concordance_view(lines), no_pager, nothing
    )


# The commands of this module, for `app` to put under the `wh` group.
PATTERN_COMMANDS = (timeline, context)
