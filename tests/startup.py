"""What a run of `wh` imports: for the tests that hold start-up to importing only what it
needs (no trafilatura for a text corpus, no speaker ranker for a query)."""

from __future__ import annotations

import json
import subprocess
import sys


def modules_after(code: str) -> set[str]:
    """Every module loaded once `code` has run, in a fresh interpreter."""
    run = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(run.stdout.splitlines()[-1]))


def wh(argv: list[str]) -> str:
    """Code that runs `wh` with these arguments, for `modules_after`."""
    return f"from whitehall_cli.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
