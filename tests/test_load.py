"""The load stage: choosing the corpus, listing its files and decoding messy bytes."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest
from conftest import DATA
from hypothesis import given
from hypothesis import strategies as st

from whitehall_cli.errors import CorpusNotFound
from whitehall_cli.load.corpus import bundled_root, list_files, resolve_corpus
from whitehall_cli.load.decoding import Unreadable, decode, read_bytes
from whitehall_cli.parse.article import parse_text

ARTICLE = "Ministers urged to \u201cact now\u201d on leaks, says union costing \u00a31m"


def test_bundled_corpus_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = resolve_corpus(None)
    assert corpus.bundled and len(list_files(corpus)) == 5


def test_bundled_corpus_is_byte_for_byte_the_data_folder() -> None:
    root = bundled_root()
    for path in DATA.glob("*.txt"):
        assert (root / path.name).read_bytes() == path.read_bytes()


def test_wh_data_names_the_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("text")
    monkeypatch.setenv("WH_DATA", str(tmp_path))
    assert resolve_corpus(None).root == tmp_path.resolve()


def test_data_option_wins_over_wh_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WH_DATA", "/nonexistent")
    assert resolve_corpus(tmp_path).root == tmp_path.resolve()


def test_missing_folder_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFound, match="not found"):
        resolve_corpus(tmp_path / "nope")


def test_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    (tmp_path / "2021" / "march").mkdir(parents=True)
    (tmp_path / "2021" / "march" / "leak-inquiry.md").write_text("x")
    (tmp_path / "top.txt").write_text("x")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    ids = [f.id for f in list_files(resolve_corpus(tmp_path))]
    assert ids == ["2021/march/leak-inquiry", "top"]


@pytest.mark.parametrize(
    "raw",
    [
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        ARTICLE.encode("cp1252"),
        ARTICLE.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "windows-1252", "utf-16-bom"],
)
def test_curly_quotes_and_pound_survive_every_encoding(raw: bytes) -> None:
    assert decode(raw) == ARTICLE


def test_latin1_falls_back() -> None:
    assert decode("caf\u00e9 \u00a3".encode("latin-1")) == "caf\u00e9 \u00a3"


def test_crlf_becomes_newline() -> None:
    assert decode(b"one\r\ntwo\rthree") == "one\ntwo\nthree"


@pytest.mark.parametrize("raw", [b"", b"  \n\n", b"\x00\x01\x02binary\x00" * 20])
def test_empty_and_binary_files_are_unreadable(raw: bytes) -> None:
    with pytest.raises(Unreadable):
        decode(raw)


def test_symlink_loop_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    with caplog.at_level(logging.WARNING, logger="whitehall_cli"):
        files = list_files(resolve_corpus(tmp_path))
    assert [f.id for f in files] == ["sub/a"]
    assert "loop" in caplog.text


@given(st.binary(max_size=2000))
def test_any_bytes_give_a_document_or_unreadable(raw: bytes) -> None:
    try:
        text = decode(raw)
    except Unreadable:
        return
    doc = parse_text(text, "x")
    assert all(isinstance(p, str) and p for p in doc.paragraphs)


@given(st.text(max_size=2000))
def test_any_text_parses(text: str) -> None:
    doc = parse_text(text, "x", "x.md")
    assert doc.id == "x"


def test_read_bytes_reads_a_pipe_to_its_end(tmp_path: Path) -> None:
    """The first read is sized from the file's size (0 for a pipe): later reads go on."""
    fifo = tmp_path / "piped.txt"
    os.mkfifo(fifo)
    data = b"a line of text\n" * 20_000

    def write() -> None:
        with open(fifo, "wb") as w:
            for i in range(0, len(data), 4096):
                w.write(data[i : i + 4096])

    writer = threading.Thread(target=write)
    writer.start()
    assert read_bytes(fifo) == data
    writer.join()
