"""Regenerate the README's command reference from `wh --help` (and each command's help),
and its tour from real runs of the headline commands on the bundled corpus.

usage: python tests/readme_reference.py          rewrite both blocks of README.md in place
       python tests/readme_reference.py --check  exit 1 if the command reference is out of
                                                 date (the tests run this; the tour's output
                                                 changes with the extractor, so it is not checked)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from whitehall_cli.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- commands:start -->", "<!-- commands:end -->"
TOUR_START, TOUR_END = "<!-- tour:start -->", "<!-- tour:end -->"
# The headline commands the tour shows, with how much of each output to keep.
TOUR = (
    (["search", "ministerial code", "--limit", "2"], 24),
    (["who", "Heywod"], 30),
    (["quotes", "--source", "FDA"], 30),
    (["quotes", "--source", "FDA", "--json", "--limit", "1"], 40),
    (["timeline", "leaks", "impartiality", "civil service"], 20),
    (["context", "civil service", "--sort", "left", "--limit", "8"], 12),
)


def help_text(command: click.Command, name: str, parent: click.Context | None = None) -> str:
    ctx = command.make_context(
        name, [], parent=parent, resilient_parsing=True, terminal_width=100, max_content_width=100
    )
    with ctx:
        return command.get_help(ctx)


def reference() -> str:
    parts = ["```text", "$ wh --help", help_text(cli, "wh"), "```"]
    root = cli.make_context("wh", [], resilient_parsing=True)
    for name in sorted(cli.commands):
        parts += [
            "",
            f"### wh {name}",
            "",
            "```text",
            f"$ wh {name} --help",
            help_text(cli.commands[name], name, root),
            "```",
        ]
    return "\n".join(parts)


def tour() -> str:
    """Each headline command run for real, its output as a user sees it at 100 columns."""
    import os
    import subprocess

    wh = Path(sys.executable).with_name("wh")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    subprocess.run([str(wh), "index"], capture_output=True, env=env)  # no rebuild notes below
    parts = []
    for args, keep in TOUR:
        p = subprocess.run([str(wh), *args], capture_output=True, text=True, env=env)
        out = [line.rstrip() for line in (p.stderr + p.stdout).splitlines()]
        shown = "\n".join(out[:keep] + (["..."] if len(out) > keep else []))
        quoted = " ".join(f'"{a}"' if " " in a else a for a in args)
        parts += ["```text", f"$ wh {quoted}", shown, "```", ""]
    return "\n".join(parts).rstrip()


def replace_block(text: str, start: str, end: str, body: str) -> str:
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n{body}\n{end}{tail}"


def rendered(text: str) -> str:
    return replace_block(text, START, END, reference())


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"README.md lacks the {START} / {END} markers", file=sys.stderr)
        return 1
    new = rendered(text)
    if "--check" in argv:
        if new != text:
            print(
                "README.md's command reference is out of date: run python tests/readme_reference.py",
                file=sys.stderr,
            )
            return 1
        return 0
    if TOUR_START in new:
        new = replace_block(new, TOUR_START, TOUR_END, tour())
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
