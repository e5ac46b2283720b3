"""A concordance on the terminal: one line per occurrence, the match in one column down the
page (highlighted in colour), the text before it right-aligned against it, the text after it
following, and where it is from at the end.

The widths are worked out from the width rich gives when it asks for the lines: from
`WIDE` columns on, each line starts with the article's date and ends with its id and
paragraph (`2016-12-05 ... 000_43e921e2f7b47f56 ¶3`); narrower, the date goes and a long id
is cut to `NARROW_ID` characters (its start, which `wh show` takes as a prefix), so the
context keeps the room. The text runs on as written around the match (no marks added), and
nothing depends on colour: every match starts in the same column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from whitehall_cli.render.views import MATCH_STYLE, NARROW_WIDTH

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.text import Text

    from whitehall_cli.query.context import KwicLine

# From this many columns on, lines carry the date and the paragraph number.
WIDE = NARROW_WIDTH
# Longest id shown on a narrow terminal (cut ids end with an ellipsis).
NARROW_ID = 16
# Columns between the date, the context and the reference.
GAP = 2
# Least room the context keeps, whatever the references take.
MIN_CONTEXT = 24


class Concordance:
    """KWIC lines laid out to the width they are drawn at."""

    def __init__(self, lines: Sequence[KwicLine]) -> None:
        self.lines = list(lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        from rich.text import Text

        lines, width = self.lines, options.max_width
        if not lines:
            return
        wide = width >= WIDE
        refs = [_ref(line, wide) for line in lines]
        ref_w = max(len(r) for r in refs)
        date_w = max(len(line.date or "") for line in lines) if wide else 0
        fixed = ref_w + GAP + (date_w + GAP if date_w else 0)
        room = max(MIN_CONTEXT, width - fixed)
        match_w = min(max(len(line.match) for line in lines), room // 3)
        left_w = (room - match_w) // 2
        right_w = room - match_w - left_w
        for line, ref in zip(lines, refs, strict=True):
            text = Text(no_wrap=True, overflow="crop", end="\n")
            if date_w:
                text.append((line.date or "").ljust(date_w) + " " * GAP, style="dim")
            match = (
                line.match if len(line.match) <= match_w else line.match[: match_w - 1] + "\u2026"
            )
            text.append(line.left[-left_w:].rjust(left_w) if left_w > 0 else "")
            text.append(match, style=MATCH_STYLE)
            after = right_w + match_w - len(match)
            text.append(line.right[:after].ljust(after))
            text.append(" " * GAP + ref, style="dim")
            yield text


def _ref(line: KwicLine, wide: bool) -> str:
    if wide:
        return f"{line.document} \u00b6{line.paragraph}"
    doc = line.document
    return doc if len(doc) <= NARROW_ID else doc[: NARROW_ID - 1] + "\u2026"


def concordance_view(lines: Sequence[KwicLine]) -> list[RenderableType]:
    """A concordance as a terminal shows it, printed once."""
    return [Concordance(lines)]
