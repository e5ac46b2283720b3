"""The README is the user's manual: its command reference must match `--help`."""

from __future__ import annotations

import readme_reference
from conftest import ROOT


def test_readme_command_reference_matches_help() -> None:
    text = readme_reference.README.read_text(encoding="utf-8")
    assert readme_reference.rendered(text) == text, "run: python tests/readme_reference.py"


def test_readme_opens_with_the_two_commands() -> None:
    first = (ROOT / "README.md").read_text(encoding="utf-8").split("```")[1].strip().splitlines()
    assert first[0].startswith("sh")
    setup_and_run, setup_and_test = first[1], first[2]
    assert "pip install" in setup_and_run and "wh " in setup_and_run
    assert "pip install" in setup_and_test and "pytest" in setup_and_test
