"""Shared fixtures: every test gets its own cache folder, so no test touches the user's
files or depends on another test's index."""

from __future__ import annotations

import json
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def web_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five saved web pages and their expectations (tests/local_web.py), built once."""
    import local_web

    return local_web.build_pages(tmp_path_factory.mktemp("pages"))


@pytest.fixture(scope="session")
def web(web_pages: Path) -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 serving the pages; its base URL."""
    import local_web

    with local_web.serve(web_pages) as base:
        yield base
