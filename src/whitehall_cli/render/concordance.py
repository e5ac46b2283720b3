"""A concordance on the terminal: one line per occurrence, the match in one column down the
page (highlighted in colour), the text before it right-aligned against it, the text after it
following, and where it is from: the article's date and whole id and the paragraph.

The layout is worked out from the width rich gives when it asks for the lines:
- each line is `2016-12-05  ...context...  000_43e921e2f7b47f56 ¶3`, as long as the context
  keeps `MIN_CONTEXT` columns beside the date and the reference. The context gives way
  first, on both sides (the match keeps its column); the date and the id never do.
- narrower than that (60 columns, or ids as long as `wh add` makes), the reference cannot
  share a line with a readable context, so it becomes a heading, as `rg --heading` does:
  `2016-12-05  000_43e921e2f7b47f56` over that article's lines, each `¶3  ...context...`
  across the whole width. Consecutive lines of one article share the heading (in the `date`
  order every article's lines follow each other). An id longer than the screen wraps onto
  the next line rather than being cut.
- piped where no terminal sets a width (and COLUMNS sets none), lines are never cut: the
  printer draws a concordance at its `whole_width`, every context whole (`--width` a side).
The text runs on as written around the match (no marks added), and nothing depends on
colour: every match starts in the same column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import TYPE_CHECKING

from whitehall_cli.render.views import MATCH_STYLE

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.text import Text

    from whitehall_cli.query.context import KwicLine

# Columns between the date, the context and the reference.
GAP = 2
# Least room the context keeps on a line with its reference; below it, references head
# the lines instead.
MIN_CONTEXT = 40
# Widest the match column gets, as a share of the context's room (a long phrase is cut
# with an ellipsis rather than squeezing out the text around it).
MATCH_SHARE = 3
# A line's three parts of text, as KwicLine names them.
_PARTS = ("left", "match", "right")


class Concordance:
    """KWIC lines laid out to the width they are drawn at."""

    def __init__(self, lines: Sequence[KwicLine]) -> None:
        self.lines = list(lines)

    def whole_width(self) -> int:
        """The width at which no line is cut: every context whole, one line each."""
        lines = self.lines
        if not lines:
            return 0
        date_w = _date_width(lines)
        left, match, right = (max(len(getattr(x, k)) for x in lines) for k in _PARTS)
        refs = max(len(_ref(x)) for x in lines)
        return (date_w + GAP if date_w else 0) + left + match + right + GAP + refs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        lines, width = self.lines, options.max_width
        if not lines:
            return
        date_w = _date_width(lines)
        fixed = (date_w + GAP if date_w else 0) + GAP + max(len(_ref(x)) for x in lines)
        if width - fixed >= MIN_CONTEXT:
            yield from _one_line_each(lines, date_w, _Columns.fit(lines, width - fixed))
        else:
            yield from _under_headings(lines, width)


class _Columns:
    """How many columns the text before the match, the match and the text after it take."""

    def __init__(self, left: int, match: int, right: int) -> None:
        self.left, self.match, self.right = left, match, right

    @classmethod
    def fit(cls, lines: Sequence[KwicLine], room: int) -> _Columns:
        """The context in `room` columns: the match first (up to a third), then both sides
        evenly, a side shorter than its half handing the rest to the other."""
        left, match, right = (max(len(getattr(x, k)) for x in lines) for k in _PARTS)
        match = max(1, min(match, room // MATCH_SHARE))
        sides = max(0, room - match)
        left_w = min(left, sides // 2)
        right_w = min(right, sides - left_w)
        left_w = min(left, sides - right_w)
        return cls(left_w, match, right_w)

    def draw(self, line: KwicLine, text: Text) -> None:
        """Append the line's context to `text`, the match at column `left`."""
        match = line.match
        if len(match) > self.match:
            match = match[: self.match - 1] + "\u2026"
        text.append(line.left[max(0, len(line.left) - self.left) :].rjust(self.left))
        text.append(match, style=MATCH_STYLE)
        after = self.right + self.match - len(match)
        text.append(line.right[:after].ljust(after))


def _one_line_each(lines: Sequence[KwicLine], date_w: int, columns: _Columns) -> Iterator[Text]:
    from rich.text import Text

    for line in lines:
        text = Text(no_wrap=True, overflow="crop", end="\n")
        if date_w:
            text.append((line.date or "").ljust(date_w) + " " * GAP, style="dim")
        columns.draw(line, text)
        text.append(" " * GAP + _ref(line), style="dim")
        yield text


def _under_headings(lines: Sequence[KwicLine], width: int) -> Iterator[Text]:
    from rich.text import Text

    para_w = max(len(_para(x)) for x in lines)
    columns = _Columns.fit(lines, max(1, width - para_w - GAP))
    for (doc, date), run in groupby(lines, key=lambda x: (x.document, x.date)):
        head = f"{date}{' ' * GAP}{doc}" if date else doc
        for start in range(0, len(head), width):  # a long id runs on, never cut
            yield Text(head[start : start + width], style="bold", no_wrap=True, end="\n")
        for line in run:
            text = Text(no_wrap=True, overflow="crop", end="\n")
            text.append(_para(line).rjust(para_w) + " " * GAP, style="dim")
            columns.draw(line, text)
            text.rstrip()  # nothing follows the context here
            yield text


def _date_width(lines: Sequence[KwicLine]) -> int:
    return max(len(x.date or "") for x in lines)


def _para(line: KwicLine) -> str:
    return f"\u00b6{line.paragraph}"


def _ref(line: KwicLine) -> str:
    return f"{line.document} {_para(line)}"


def concordance_view(lines: Sequence[KwicLine]) -> list[RenderableType]:
    """A concordance as a terminal shows it, printed once."""
    return [Concordance(lines)]
