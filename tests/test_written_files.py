"""Files the user names (`timeline --svg FILE`, `export -o FILE`): written whole with the
user's normal permissions, a missing folder a one-line error (exit 2), and no file at all
when there is nothing to put in it."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import dated_corpus
import pytest
from test_cli import run

from whitehall_cli.errors import CannotWrite
from whitehall_cli.render.files import replacing


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dated_corpus.write(tmp_path_factory.mktemp("dated"))


@pytest.fixture
def umask() -> Iterator[None]:
    """A usual umask for the test (022), whatever the one it runs under."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# One way to write a named file per command: (arguments before the file, the option).
WRITERS = {
    "svg": ["timeline", "leaks", "--svg"],
    "export": ["export", "--what", "docs", "-o"],
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_missing_folder_is_a_one_line_error(corpus: Path, tmp_path: Path, writer: str) -> None:
    target = tmp_path / "no" / "such" / "chart.out"
    code, _, err = run("--data", str(corpus), *WRITERS[writer], str(target))
    assert code == 2
    assert err.splitlines() == [
        f"wh: error: cannot write {target}: there is no folder {target.parent}"
    ]
    assert not target.parent.exists()


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_the_file_gets_the_users_normal_permissions(
    corpus: Path, tmp_path: Path, writer: str, mask: int, expected: int
) -> None:
    target = tmp_path / "out"
    old = os.umask(mask)
    try:
        code, _, err = run("--data", str(corpus), *WRITERS[writer], str(target))
    finally:
        os.umask(old)
    assert code == 0, err
    assert mode(target) == expected


def test_no_chart_is_saved_when_nothing_matches(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "empty.svg"
    code, out, err = run("--data", str(corpus), "timeline", "zzyzx", "--svg", str(target))
    assert code == 1 and out == ""
    assert not target.exists()
    assert f"{target} not written" in err and "chart saved" not in err


def test_a_chart_replaces_an_old_one_whole(corpus: Path, tmp_path: Path, umask: None) -> None:
    target = tmp_path / "leaks.svg"
    target.write_text("old", encoding="utf-8")
    code, _, err = run("--data", str(corpus), "timeline", "leaks", "--svg", str(target))
    assert code == 0 and f"chart saved to {target}" in err
    assert target.read_text(encoding="utf-8").startswith("<svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leaks.svg"]  # nothing left beside


def test_a_failed_write_leaves_the_old_file_and_nothing_beside(tmp_path: Path) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(str(target)) as out:
        out.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]


def test_a_folder_in_the_way_is_a_cannot_write(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with (
        pytest.raises(CannotWrite, match="cannot write"),
        replacing(str(tmp_path / "taken")) as out,
    ):
        out.write("text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
