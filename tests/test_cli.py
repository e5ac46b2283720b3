"""The command line as users meet it: CliRunner for behaviour, a real subprocess for `wh`."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT, gold_records

from whitehall_cli.cli import cli, main

GOLD = {Path(g["file"]).stem: g for g in gold_records()}
WH = Path(sys.executable).with_name("wh")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run `wh ARGS` through main(), so errors map to exit codes as they do for users."""
    with CliRunner().isolation(env=env) as (out, err, _):
        try:
            main(list(args))
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 0
        else:
            code = 0
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue().decode(), err.getvalue().decode()


def run_json(*args: str) -> object:
    code, out, err = run(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_docs_json_lists_the_five_bundled_articles_with_gold_metadata() -> None:
    docs = {d["id"]: d for d in run_json("docs")}
    assert set(docs) == set(GOLD)
    for doc_id, gold in GOLD.items():
        for key in ("title", "date", "url", "authors"):
            assert docs[doc_id][key] == gold[key], (doc_id, key)


def test_docs_records_have_the_contract_keys() -> None:
    for d in run_json("docs"):
        assert {"id", "path", "title", "date", "outlet", "authors", "url"} <= set(d)


def test_show_by_unique_prefix_gives_paragraphs_people_bodies_quotes() -> None:
    doc = run_json("show", "000")
    assert doc["id"] == "000_43e921e2f7b47f56"
    assert doc["paragraphs"][0].startswith("Sir Jeremy Heywood has written")
    assert {"people", "bodies", "quotes"} <= set(doc)


def test_show_by_file_path() -> None:
    doc = run_json("show", str(DATA / "004_46f6da68cb564bbb.txt"))
    assert doc["id"] == "004_46f6da68cb564bbb"


def test_ambiguous_prefix_is_a_usage_error_listing_candidates() -> None:
    code, out, err = run("show", "00")
    assert code == 2 and out == ""
    assert "000_43e921e2f7b47f56" in err and "Traceback" not in err


def test_unknown_doc_exits_1() -> None:
    code, out, err = run("show", "zzz")
    assert code == 1 and "Traceback" not in err


def test_missing_corpus_folder_is_a_one_line_error(tmp_path: Path) -> None:
    code, out, err = run("--data", str(tmp_path / "nope"), "docs")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "not found" in err


def test_folder_without_readable_articles_is_exit_2(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_bytes(b"")
    code, out, err = run("--data", str(tmp_path), "docs")
    assert code == 2 and "no readable articles" in err


def test_empty_and_binary_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes((DATA / "000_43e921e2f7b47f56.txt").read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run("--data", str(tmp_path), "docs", "--json")
    assert code == 0 and [d["id"] for d in json.loads(out)] == ["good"]
    assert "empty.txt" in err and "blob.txt" in err


def test_wh_data_environment_variable_names_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_bytes((DATA / "003_8c92d3b6d4ec25aa.txt").read_bytes())
    code, out, _ = run("docs", "--json", env={"WH_DATA": str(tmp_path)})
    assert code == 0 and [d["id"] for d in json.loads(out)] == ["one"]


def test_corpus_folder_is_never_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in DATA.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())

    def snapshot() -> dict[str, str]:
        return {
            str(p.relative_to(corpus)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(corpus.rglob("*"))
        }

    before = snapshot()
    for args in (["docs"], ["index"], ["quotes"], ["people"], ["search", "leaks"]):
        run("--data", str(corpus), *args)
    assert snapshot() == before


def test_no_color_output_has_no_escape_codes() -> None:
    code, out, _ = run("docs", env={"NO_COLOR": "1"})
    assert code == 0 and "\x1b[" not in out and "000_43e921e2f7b47f56" in out


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("wh, version")


def test_unknown_option_is_a_usage_error() -> None:
    code, _, err = run("docs", "--bogus")
    assert code == 2 and "No such option" in err


def _commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_help_has_an_example(name: str) -> None:
    command = cli.commands[name]
    root = cli.make_context("wh", [], resilient_parsing=True)
    with command.make_context(name, [], parent=root, resilient_parsing=True) as ctx:
        text = command.get_help(ctx)
    assert "Example" in text


def test_the_installed_wh_runs_as_a_subprocess() -> None:
    assert WH.exists(), "the test command installs the project first"
    env = {**os.environ, "NO_COLOR": "1"}
    p = subprocess.run(
        [str(WH), "docs", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)) == 5


def test_python_dash_m_runs_wh() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "whitehall_cli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 0 and "wh" in p.stdout


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in readme


def test_the_wheel_ships_the_bundled_corpus_and_word_lists(tmp_path: Path) -> None:
    """A plain (non-editable) `pip install .` must find the five articles from any folder."""
    import zipfile

    p = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr[-500:]
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for article in DATA.glob("*.txt"):
        assert f"whitehall_cli/corpus/{article.name}" in names
    assert "whitehall_cli/lexicon/bodies.tsv" in names
    lexicon = ROOT / "src" / "whitehall_cli" / "lexicon"
    word_lists = [f for f in lexicon.iterdir() if f.suffix in (".tsv", ".txt")]
    assert len(word_lists) >= 5
    for f in word_lists:
        assert f"whitehall_cli/lexicon/{f.name}" in names


def test_quote_speaker_is_named_as_its_article_names_them_with_a_corpus_name_beside(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(
        "Union sets strike date\n\n"
        "The Public and Commercial Services Union (PCS) said on Monday that members would "
        'strike. "We have no choice," the Public and Commercial Services Union said.\n'
    )
    (tmp_path / "b.txt").write_text(
        "Strike goes ahead\n\nPCS said on Friday that the strike would go ahead next week. "
        '"Members are ready," PCS said.\n'
    )
    quotes = json.loads(run("--data", str(tmp_path), "quotes", "--source", "PCS", "--json")[1])
    by_doc = {q["document"]: q for q in quotes}
    assert by_doc["b"]["speaker"] == "PCS"
    assert by_doc["a"]["speaker"] == "Public and Commercial Services Union"
    assert by_doc["a"]["speaker_canonical"] == by_doc["b"]["speaker_canonical"]
