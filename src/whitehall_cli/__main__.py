"""`python -m whitehall_cli` runs the `wh` command."""

from whitehall_cli.cli import main

if __name__ == "__main__":
    main()
