"""Shared fixtures: every test gets its own cache folder, so no test touches the user's
files or depends on another test's index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLD = Path(__file__).resolve().parent / "gold"
CORPUS = Path(__file__).resolve().parent / "corpus"


def gold_records(folder: Path = GOLD) -> list[dict]:
    """Every gold record in `folder`, sorted by file name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setenv("WH_CACHE_DIR", str(cache / "whitehall-cli"))
    monkeypatch.delenv("WH_DATA", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
