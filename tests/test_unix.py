"""Manners of a Unix tool: clean JSON and CSV on stdout, completion, export, an overview,
narrow terminals, and hostile input that never gives a traceback."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA
from test_cli import WH, run

LISTINGS = ["docs", "people", "bodies", "quotes"]


def _corpus(tmp_path: Path, n: int = 5) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(DATA.glob("*.txt"))[:n]:
        (corpus / p.name).write_bytes(p.read_bytes())
    return corpus


@pytest.mark.parametrize(
    "args",
    [
        ["docs"],
        ["people"],
        ["bodies"],
        ["quotes"],
        ["search", "leaks"],
        ["who", "Penman"],
        ["show", "000"],
        ["index"],
    ],
)
def test_json_output_is_nothing_but_json(args: list[str]) -> None:
    code, out, _ = run(*args, "--json")
    assert code == 0
    json.loads(out)


def test_warnings_go_to_stderr_while_json_stays_clean(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 2)
    (corpus / "empty.txt").write_bytes(b"")
    code, out, err = run("--data", str(corpus), "docs", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    assert "empty.txt" in err


@pytest.mark.parametrize("listing", [*LISTINGS, "search"])
def test_csv_output_has_a_header_and_one_row_per_record(listing: str) -> None:
    args = ["search", "leaks"] if listing == "search" else [listing]
    code, out, _ = run(*args, "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    _, js, _ = run(*args, "--json")
    assert code == 0 and len(rows) - 1 == len(json.loads(js))


def _offering(*flags: str) -> list[str]:
    """The commands that offer every one of `flags`."""
    from whitehall_cli.cli import cli

    return sorted(
        name
        for name, command in cli.commands.items()
        if set(flags) <= {o for p in command.params for o in getattr(p, "opts", [])}
    )


# One sample of arguments each command needs, so that only the options are wrong.
NEEDED = {"search": ["leaks"], "timeline": ["leaks"], "context": ["leaks"]}


@pytest.mark.parametrize("command", _offering("--json", "--csv"))
@pytest.mark.parametrize("flags", [["--json", "--csv"], ["--csv", "--json"]])
def test_two_output_forms_at_once_are_a_one_line_usage_error(
    command: str, flags: list[str]
) -> None:
    code, out, err = run(command, *NEEDED.get(command, []), *flags)
    assert code == 2 and out == ""
    assert err == "wh: error: --json and --csv cannot go together: choose one\n"


def test_every_listing_offers_both_output_forms() -> None:
    assert set(_offering("--json", "--csv")) >= {*LISTINGS, "search", "timeline", "context"}


@pytest.mark.parametrize("what", LISTINGS)
def test_export_jsonl_streams_one_object_per_line(what: str) -> None:
    code, out, err = run("export", "--what", what)
    lines = out.splitlines()
    _, js, _ = run(what, "--json")
    assert code == 0 and len(lines) == len(json.loads(js))
    assert all(isinstance(json.loads(line), dict) for line in lines)
    assert f"exported {len(lines)} {what}" in err


def test_export_csv_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "docs.csv"
    code, out, _ = run("export", "--what", "docs", "--format", "csv", "-o", str(target))
    assert code == 0 and out == ""
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 5 and rows[0]["id"] == "000_43e921e2f7b47f56"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".wh-export")]


def test_no_command_prints_an_overview() -> None:
    code, out, _ = run()
    assert code == 0
    assert "5 articles" in out and "bundled corpus" in out
    for example in ('wh search "leaks"', 'wh who "Heywood"', "wh quotes --source FDA"):
        assert example in out


@pytest.mark.parametrize(
    "args",
    [
        ["docs"],
        ["quotes"],
        ["who", "Heywood"],
        ["show", "004"],
        ["search", "leaks"],
        ["people"],
        ["bodies"],
    ],
)
def test_tables_fit_sixty_columns(args: list[str]) -> None:
    code, out, _ = run(*args, "--no-pager", env={"COLUMNS": "60"})
    assert code == 0 and out
    assert max(len(line) for line in out.splitlines()) <= 60


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_scripts(shell: str) -> None:
    env = {**os.environ, "_WH_COMPLETE": f"{shell}_source"}
    p = subprocess.run([str(WH)], capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 0 and "_WH_COMPLETE" in p.stdout


def test_completion_offers_person_and_body_names() -> None:
    env = {
        **os.environ,
        "_WH_COMPLETE": "bash_complete",
        "COMP_WORDS": "wh quotes --source Pen",
        "COMP_CWORD": "3",
    }
    p = subprocess.run([str(WH)], capture_output=True, text=True, env=env, timeout=60)
    assert "plain,Dave Penman" in p.stdout.splitlines()


def test_a_thousand_empty_files_say_no_readable_articles(tmp_path: Path) -> None:
    for i in range(1000):
        (tmp_path / f"{i:04}.txt").write_bytes(b"")
    code, out, err = run("--data", str(tmp_path), "-q", "docs")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"wh: error: no readable articles in {tmp_path}"]


def test_unreadable_and_dangling_files_are_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path, 2)
    (corpus / "gone.txt").symlink_to(corpus / "no-such-file.txt")  # vanished before reading
    locked = corpus / "locked.txt"
    locked.write_text("x")
    real_open = open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    code, out, err = run("--data", str(corpus), "docs", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    assert "gone.txt" in err and "locked.txt" in err and "Traceback" not in err


def test_a_50_mb_file_is_read_in_bounded_memory(tmp_path: Path) -> None:
    corpus = tmp_path / "big"
    corpus.mkdir()
    para = "The minister said the civil service code applied to every official. " * 12 + "\n\n"
    with (corpus / "huge.txt").open("w") as fh:
        fh.write("A very long article about the civil service code\n\n")
        for _ in range(50_000_000 // len(para) + 1):
            fh.write(para)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "WH_CACHE_DIR": ""}
    out, err = tmp_path / "out", tmp_path / "err"
    # `wh` started by a small Python of its own, which reports the peak of its child: a
    # process forked from this test run would carry the run's own peak (Linux keeps a
    # process's high-water mark across exec)
    wrapper = (
        "import resource, subprocess, sys\n"
        "with open(sys.argv[1], 'w') as o, open(sys.argv[2], 'w') as e:\n"
        "    code = subprocess.run(sys.argv[3:], stdout=o, stderr=e).returncode\n"
        "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    argv = [str(WH), "--data", str(corpus), "docs", "--json"]
    run_ = subprocess.run(
        [sys.executable, "-c", wrapper, str(out), str(err), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    code, peak_kb = map(int, run_.stdout.split())
    peak_mb = peak_kb / 1024
    assert code == 0 and len(json.loads(out.read_text())) == 1
    assert "only its first" in err.read_text()
    assert peak_mb < 300, f"peak memory {peak_mb:.0f} MB"


def test_ctrl_c_exits_130_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from whitehall_cli.query import answers

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(answers, "open_index", interrupted)
    code, out, err = run("docs")
    assert code == 130 and "interrupted" in err and "Traceback" not in err


def test_output_into_a_closed_pipe_is_quiet() -> None:
    p = subprocess.run(
        f"{WH} quotes --json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr


def test_python_api_is_importable_without_rich() -> None:
    code = "import sys, whitehall_cli.cli; print('rich' in sys.modules)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.stdout.strip() == "False"
