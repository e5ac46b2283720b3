"""Regenerate the README's command reference from `wh --help` (and each command's help).

usage: python tests/readme_reference.py          rewrite README.md in place
       python tests/readme_reference.py --check  exit 1 if README.md is out of date (the tests run this)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from whitehall_cli.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- commands:start -->", "<!-- commands:end -->"


def help_text(command: click.Command, name: str, parent: click.Context | None = None) -> str:
    with click.Context(
        command, info_name=name, parent=parent, terminal_width=100, max_content_width=100
    ) as ctx:
        return command.get_help(ctx)


def reference() -> str:
    parts = ["```text", "$ wh --help", help_text(cli, "wh"), "```"]
    root = click.Context(cli, info_name="wh")
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


def rendered(text: str) -> str:
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{reference()}\n{END}{tail}"


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
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
