"""Charts of counts over time: a timeline's bar chart (one row per period, one column per
series, side by side), the one-line sparkline of `who`, and an SVG picture of a chart.

A chart works out its widths when rich asks it for lines (`__rich_console__`), from the
width it is given, so the same chart reads at 60 columns and at 200: the bars take what the
period labels and the counts leave. Every bar has its count beside it, so nothing depends on
colour; colour only tells the series apart. Rich is imported only while drawing.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from whitehall_cli.models import Series
from whitehall_cli.render.files import replacing

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.text import Text

# Colours of the series, in order (then again from the first).
SERIES_STYLES = ("cyan", "magenta", "green", "yellow", "blue", "red")
# A bar of articles: whole cells, then the last cell in eighths.
FULL, EIGHTHS = "\u2588", " \u258f\u258e\u258d\u258c\u258b\u258a\u2589"
# A bar of quotations: whole cells of a lighter shade, so it reads without colour.
QUOTE_CELL = "\u2591"
# Sparkline levels, lowest to highest (an empty period is a space).
SPARKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
# Longest bar, in cells, however wide the terminal (a longer one reads no better).
MAX_BAR = 40
# Columns between the period labels and the series, and between series.
GAP = 2
# Width of the console an SVG is drawn on.
SVG_WIDTH = 80
# Row labels beside the periods.
UNDATED, TOTAL = "undated", "total"


class TimelineChart:
    """Bars of articles (and, with `quotes`, quotations) per period, series side by side on
    one scale (articles on one, quotations on another), undated counts and totals below."""

    def __init__(self, series: Sequence[Series], quotes: bool) -> None:
        self.series = list(series)
        self.quotes = quotes

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        from rich.text import Text

        series, width = self.series, options.max_width
        if not series:
            return
        rows = [p.period for p in series[0].periods]
        undated = any(s.undated.articles or s.undated.quotes for s in series)
        label_w = max([len(r) for r in rows] + [len(TOTAL), len(UNDATED) if undated else 0])
        cell_w = max(3, (width - label_w) // len(series) - GAP)
        counts = [n for s in series for n in (s.articles, s.quotes)]
        count_w = len(str(max(counts)))
        bar_w = max(1, min(MAX_BAR, cell_w - count_w - 1))
        cell_w = min(cell_w, bar_w + 1 + count_w)
        top_articles = max(p.articles for s in series for p in (*s.periods, s.undated))
        top_quotes = max(p.quotes for s in series for p in (*s.periods, s.undated))
        by = series[0].by
        title = f"articles per {by}"
        if self.quotes:
            title = f"articles ({FULL}) and quotations ({QUOTE_CELL}) per {by}"
        yield Text(title, style="bold", no_wrap=True, overflow="ellipsis")
        head = Text(" " * label_w, no_wrap=True, overflow="crop")
        for i, s in enumerate(series):
            head.append(" " * GAP)
            head.append(_fit(s.label, cell_w), style=f"bold {_style(i)}")
        head.rstrip()
        yield head
        lines = [
            (p.period, [s.periods[k] for s in series]) for k, p in enumerate(series[0].periods)
        ]
        if undated:
            lines.append((UNDATED, [s.undated for s in series]))
        for name, cells in lines:
            row = Text(name.ljust(label_w), no_wrap=True, overflow="crop")
            for i, cell in enumerate(cells):
                row.append(" " * GAP)
                row.append_text(_bar_cell(cell.articles, top_articles, bar_w, cell_w, _style(i)))
            row.rstrip()
            yield row
            if self.quotes and any(cell.quotes for cell in cells):  # no blank lines
                row = Text(" " * label_w, no_wrap=True, overflow="crop")
                for i, cell in enumerate(cells):
                    row.append(" " * GAP)
                    drawn = _bar_cell(cell.quotes, top_quotes, bar_w, cell_w, _style(i), QUOTE_CELL)
                    row.append_text(drawn if cell.quotes else Text(" " * cell_w))
                row.rstrip()
                yield row
        total = Text(TOTAL.ljust(label_w), style="bold", no_wrap=True, overflow="crop")
        for s in series:
            figure = f"{s.articles}" + (f" / {s.quotes}" if self.quotes else "")
            total.append(" " * GAP + _fit(figure, cell_w))
        total.rstrip()
        yield total


def _style(i: int) -> str:
    return SERIES_STYLES[i % len(SERIES_STYLES)]


def _fit(text: str, width: int) -> str:
    """`text` in exactly `width` columns: padded, or cut with an ellipsis."""
    if len(text) > width:
        return text[: max(0, width - 1)] + "\u2026"
    return text.ljust(width)


def bar(count: int, top: int, width: int, cell: str = FULL) -> str:
    """A bar of `count` on a scale where `top` fills `width` cells. Eighths of a cell for
    articles; whole cells for quotations. A count above zero always shows."""
    if count <= 0 or top <= 0:
        return ""
    length = count / top * width
    if cell != FULL:
        return cell * max(1, round(length))
    whole, eighths = int(length), int((length - int(length)) * 8)
    if whole == 0 and eighths == 0:
        eighths = 1
    return FULL * whole + (EIGHTHS[eighths] if eighths else "")


def _bar_cell(count: int, top: int, bar_w: int, cell_w: int, style: str, cell: str = FULL) -> Text:
    from rich.text import Text

    drawn = bar(count, top, bar_w, cell)
    text = Text()
    text.append(drawn, style=style)
    text.append((" " if drawn else "") + str(count), style="" if count else "dim")
    text.pad_right(max(0, cell_w - len(text)))
    text.truncate(cell_w)
    return text


def timeline_view(series: Sequence[Series], quotes: bool) -> list[RenderableType]:
    """A timeline as a terminal shows it: the chart, printed once."""
    return [TimelineChart(series, quotes)]


def sparkline(series: Series) -> Text | None:
    """One line: the first period, a block per period as high as its count of articles, the
    last period; the undated ones counted after (when every one is undated, the line says
    so instead of drawing nothing). None when there is nothing to show."""
    from rich.text import Text

    periods = series.periods
    if not periods and not series.undated.articles:
        return None
    line = Text("Over time: ", style="dim")
    if periods:
        top = max(p.articles for p in periods)
        marks = "".join(_spark(p.articles, top) for p in periods)
        line.append(f"{periods[0].period} ")
        line.append(marks, style="cyan")
        if len(periods) > 1:
            line.append(f" {periods[-1].period}")
        line.append(f"  (articles per {series.by})", style="dim")
    undated = series.undated.articles
    if undated and periods:
        line.append(f"  {undated} undated", style="dim")
    elif undated:  # nothing to draw: say why
        line.append(f"no dated articles ({undated} undated)")
    return line


def _spark(count: int, top: int) -> str:
    if count <= 0 or top <= 0:
        return " "
    return SPARKS[min(len(SPARKS) - 1, math.ceil(count / top * len(SPARKS)) - 1)]


def save_svg(renderables: Sequence[RenderableType], path: str, title: str) -> None:
    """Draw the renderables on an SVG_WIDTH-column console in colour and save them as an SVG
    picture at `path` (written beside it, then moved into place: `files`)."""
    import io

    from rich.console import Console

    recorder = Console(
        record=True,
        width=SVG_WIDTH,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
    )
    for r in renderables:
        recorder.print(r)
    svg = recorder.export_svg(title=title)
    with replacing(path) as out:
        out.write(svg)
