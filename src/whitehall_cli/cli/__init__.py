"""The cli stage: the `wh` command. Options in, one library call, one renderer out.

In: what the user typed (`--data`, a command, its options). Out: the command's output on
stdout (`render`), messages on stderr, and the exit status: 0 found, 1 nothing found, 2 an
error (`app.main` is the one place an error becomes a one-line message; `wh add`, which
goes on past a page it cannot add, words its errors as `options.error_line` does there).

Where to look: `app` (the `wh` group, `main`); `commands` (one thin function per command
that reads); `patterns` (the commands that look across the corpus: `timeline`, `context`);
`adding` (`wh add`, the one that writes, a new file at a time); `options` (the
options commands share, enum choices, opening the index with a progress bar).

Never: parses articles, runs SQL or formats records itself; each command hands its options
to one function of `query` (`add`: of `load.save`, per page) and its result to one renderer.

`cli` and `main` are named here too: `main` is the console script's entry point
(`whitehall_cli.cli:main` in pyproject.toml), which installed copies of `wh` call.
"""

from whitehall_cli.cli.app import cli, main

__all__ = ["cli", "main"]
