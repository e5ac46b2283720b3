"""The on-disk index: built on first use in the cache, refreshed file by file, never trusted
when damaged, safe with two processes, and it never writes to the corpus folder."""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from whitehall_cli import pipeline
from whitehall_cli.entities.tokens import word_forms
from whitehall_cli.errors import AmbiguousDoc, NotFound
from whitehall_cli.index import counts, location, parsing, refresh
from whitehall_cli.index import schema as ss
from whitehall_cli.index.location import cache_dir, index_path
from whitehall_cli.index.store import Index
from whitehall_cli.load.corpus import Corpus, list_files, resolve_corpus, scan
from whitehall_cli.models import Analysis, BodyRef, Cast, Document, PersonRef, Quote

DATA = Path(__file__).resolve().parent.parent / "data"
# A sentence added to every test paragraph (the parser wants prose, not fragments).
FILLER = "The department declined to comment on the matter when approached this week."


def article(title: str, paragraphs: list[str], date: str = "05 Dec 2016") -> str:
    """An article as the seeds lay one out: masthead, headline, standfirst, byline, date.
    Each paragraph gets a closing sentence so that it reads as prose to the parser."""
    paragraphs = [f"{p} {FILLER}" for p in paragraphs]
    return "\n\n".join(
        [
            "Civil Service World",
            title,
            "A standfirst that sets out what the article is about in a line",
            "By Jane Smith",
            date,
            *paragraphs,
        ]
    )


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def text_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about storage: the people and quotation stages are left out (they
    have their own tests), except in tests named test_real_pipeline_*."""
    if not request.node.name.startswith("test_real_pipeline"):
        monkeypatch.setattr(pipeline, "analyse", lambda doc: Analysis(doc, Cast(), ()))


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    root = tmp_path / "articles"
    write(root, "leaks.txt", article("Heywood vows crackdown on leaks", ["Leaks are bad."]))
    write(root, "code.txt", article("Ministerial code revamp urged", ["The code matters."]))
    write(root, "2021/march/spads.md", article("Special advisers under scrutiny", ["Spads."]))
    return Corpus(root=root)


@pytest.fixture
def parsed_ids(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the files parsed while the test runs."""
    seen: list[str] = []
    real = parsing.parse_one

    def counting(doc_id: str, path: str, old_hash: str | None) -> parsing.ParseResult:
        seen.append(doc_id)
        return real(doc_id, path, old_hash)

    monkeypatch.setattr(parsing, "parse_one", counting)
    return seen


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_file():
            st = p.stat()
            h.update(p.read_bytes() + f"{st.st_mtime_ns}".encode())
    return h.hexdigest()


def bump_mtime(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


# --- where the index lives --------------------------------------------------------------


def test_index_lives_in_cache_dir_named_from_corpus_path(corpus: Corpus) -> None:
    with Index.open(corpus) as ix:
        assert ix.path.parent == cache_dir()
        assert ix.path == index_path(corpus)
        assert ix.path.exists()
    other = Corpus(root=corpus.root.parent)
    assert index_path(other) != index_path(corpus)


def test_cache_dir_defaults_to_xdg_cache_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache_dir() == Path("/somewhere/cache/whitehall-cli")


def test_corpus_folder_unchanged_by_indexing(corpus: Corpus) -> None:
    before = tree_hash(corpus.root)
    with Index.open(corpus, rebuild=True) as ix:
        ix.people()
        ix.quotes()
    write(corpus.root, "new.txt", article("A new article on leaks", ["More leaks."]))
    before = tree_hash(corpus.root)
    with Index.open(corpus, scan=True):
        pass
    assert tree_hash(corpus.root) == before


# --- what it holds ----------------------------------------------------------------------


def test_documents_listed_by_id_and_document_has_paragraphs(corpus: Corpus) -> None:
    with Index.open(corpus) as ix:
        docs = ix.documents()
        assert [d.id for d in docs] == ["2021/march/spads", "code", "leaks"]
        assert all(d.paragraphs == () for d in docs)
        full = ix.document("leaks")
        assert full.title == "Heywood vows crackdown on leaks"
        assert full.date == "2016-12-05"
        assert full.paragraphs == (f"Leaks are bad. {FILLER}",)


def test_document_id_is_path_without_extension_slash_separated(corpus: Corpus) -> None:
    with Index.open(corpus) as ix:
        assert ix.document("2021/march/spads").path == str(corpus.root / "2021/march/spads.md")


@pytest.mark.parametrize(
    ("ref", "expected"),
    [("leaks", "leaks"), ("lea", "leaks"), ("2021/ma", "2021/march/spads"), ("code.txt", "code")],
)
def test_resolve_doc_by_id_prefix_or_file_name(corpus: Corpus, ref: str, expected: str) -> None:
    with Index.open(corpus) as ix:
        assert ix.resolve_doc(ref) == expected


def test_resolve_doc_by_file_path(corpus: Corpus) -> None:
    with Index.open(corpus) as ix:
        assert ix.resolve_doc(str(corpus.root / "code.txt")) == "code"


def test_resolve_doc_ambiguous_prefix_lists_candidates(corpus: Corpus) -> None:
    write(corpus.root, "leaks-two.txt", article("More leaks", ["Yet more leaks."]))
    with Index.open(corpus) as ix, pytest.raises(AmbiguousDoc) as err:
        ix.resolve_doc("leaks-")
        ix.resolve_doc("lea")
    with Index.open(corpus) as ix, pytest.raises(AmbiguousDoc) as err:
        ix.resolve_doc("lea")
    assert err.value.candidates == ["leaks", "leaks-two"]


def test_resolve_doc_unknown_suggests_close_ids(corpus: Corpus) -> None:
    with Index.open(corpus) as ix, pytest.raises(NotFound) as err:
        ix.resolve_doc("laeks")
    assert "leaks" in err.value.suggestions


def test_analysis_round_trips_what_the_stages_found(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_analyse(doc):  # a fixed cast, so the test is about storage only
        person = PersonRef("Jeremy Heywood", ("Heywood",), ("cabinet secretary",), ("FDA",))
        body = BodyRef("FDA", ("the FDA",), "union")
        cast = Cast(people=(person,), bodies=(body,))
        quote = Quote(
            id="", text="Leaks are bad.", speaker="Jeremy Heywood", speaker_kind="person",
            role="cabinet secretary", bodies=("FDA",), document=doc.id, date=doc.date,
            location="body", paragraph=0, partial=False, start=0, end=14,
        )  # fmt: skip
        return Analysis(doc, cast, (quote,))

    monkeypatch.setattr(pipeline, "analyse", fake_analyse)
    with Index.open(corpus, rebuild=True) as ix:
        a = ix.analysis("leaks")
        assert a.cast.people[0].roles == ("cabinet secretary",)
        assert a.cast.bodies[0].kind == "union"
        (q,) = a.quotes
        assert (q.id, q.text, q.paragraph, q.bodies) == ("leaks#1", "Leaks are bad.", 0, ("FDA",))
        people = ix.people()
        assert [(p.name, p.quote_count, len(p.documents)) for p in people] == [
            ("Jeremy Heywood", 3, 3)
        ]
        assert people[0].aliases == ("Heywood",)
        (fda,) = ix.bodies()
        assert fda.people == ("Jeremy Heywood",) and fda.quote_count == 3
        assert ix.docs_naming("Jeremy Heywood") == {"leaks", "code", "2021/march/spads"}
        assert len(ix.quotes(["code"])) == 1 and len(ix.quotes()) == 3


def test_counts_and_streams_for_listings_and_export(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    def one_quote(doc):
        quote = Quote(
            id="", text="Words.", speaker="Jeremy Heywood", speaker_kind="person", role=None,
            bodies=(), document=doc.id, date=doc.date, location="body", paragraph=0,
            partial=False,
        )  # fmt: skip
        cast = Cast(people=(PersonRef("Jeremy Heywood", (), (), ()),))
        return Analysis(doc, cast, (quote,))

    monkeypatch.setattr(pipeline, "analyse", one_quote)
    with Index.open(corpus, rebuild=True) as ix:
        assert ix.document_count() == 3
        rows = list(ix.iter_documents())
        assert [(d.id, people, quotes) for d, people, quotes in rows] == [
            ("2021/march/spads", 1, 1),
            ("code", 1, 1),
            ("leaks", 1, 1),
        ]
        assert [q.id for q in ix.iter_quotes()] == [q.id for q in ix.quotes()]
        stats = ix.stats()
        assert (stats.documents, stats.paragraphs, stats.quotes, stats.people) == (3, 3, 3, 1)
    write(corpus.root, "new.txt", article("Another article about leaks", ["More."]))
    with Index.open(corpus) as ix:
        assert ix.document_count() == 4 and ix.stats().quotes == 4


def test_people_merged_across_articles_with_corpus_names(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Per-article names map to one corpus-wide person through entities.merge_people."""
    from whitehall_cli.index import identity

    def fake_analyse(doc):
        name = "Jeremy Heywood" if doc.id == "leaks" else "Heywood"
        return Analysis(doc, Cast(people=(PersonRef(name, (), (), ()),)), ())

    monkeypatch.setattr(pipeline, "analyse", fake_analyse)
    monkeypatch.setattr(
        identity, "merge_people", lambda items: {(d, p.name): "Jeremy Heywood" for d, p in items}
    )
    with Index.open(corpus, rebuild=True) as ix:
        (person,) = ix.people()
        assert person.name == "Jeremy Heywood" and person.aliases == ("Heywood",)
        assert ix.docs_naming("Jeremy Heywood") == {"leaks", "code", "2021/march/spads"}


def test_real_pipeline_people_agree_with_docs_naming() -> None:
    bundled = resolve_corpus(None)
    with Index.open(bundled) as ix:
        people = ix.people()
        quotes = ix.quotes()
        for p in people:
            assert set(p.documents) == ix.docs_naming(p.name), p.name
        assert sum(p.quote_count for p in people) <= len(quotes)
        stats = ix.stats()
        assert stats.documents == 5 and stats.people == len(people)


def test_unreadable_file_is_skipped_with_warning(
    corpus: Corpus, caplog: pytest.LogCaptureFixture
) -> None:
    (corpus.root / "empty.txt").write_bytes(b"")
    with caplog.at_level(logging.WARNING, "whitehall_cli"), Index.open(corpus) as ix:
        assert "empty" not in [d.id for d in ix.documents()]
        assert ix.stats().problems == 1
    assert "empty.txt" in caplog.text


def test_article_the_pipeline_fails_on_is_skipped_not_the_run(
    corpus: Corpus, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.analyse

    def fails_on_one(doc: Document) -> Analysis:
        if doc.id == "leaks":
            raise ValueError("a rule tripped")
        return real(doc)

    monkeypatch.setattr(pipeline, "analyse", fails_on_one)
    with caplog.at_level(logging.WARNING, "whitehall_cli"), Index.open(corpus) as ix:
        assert sorted(d.id for d in ix.documents()) == ["2021/march/spads", "code"]
        assert ix.stats().problems == 1
    assert "could not read it (ValueError: a rule tripped)" in caplog.text


# --- incremental refresh ----------------------------------------------------------------


def test_unchanged_corpus_is_not_reparsed(corpus: Corpus, parsed_ids: list[str]) -> None:
    Index.open(corpus).close()
    parsed_ids.clear()
    with Index.open(corpus) as ix:
        assert ix.parsed == 0
    assert parsed_ids == []


def test_counts_after_refreshes_match_a_full_count(corpus: Corpus) -> None:
    # a refresh adds what the touched articles' counts became to the stored counts; after
    # an addition, a change, a removal and an unreadable file they must equal a recount
    Index.open(corpus).close()
    write(corpus.root, "new.txt", article("New leak inquiry", ["An inquiry.", "Another."]))
    write(corpus.root, "code.txt", article("Ministerial code revamp urged", ["Changed."]))
    (corpus.root / "leaks.txt").unlink()
    (corpus.root / "empty.txt").write_bytes(b"")
    with Index.open(corpus, scan=True) as ix:
        assert ix.parsed == 3
        stored = {k: ix._meta_count(k) for k in counts.COUNTS}
        assert stored == counts.counts_of(ix.conn, None)
        assert stored["documents"] == 3 and stored["problems"] == 1 and stored["files"] == 4


def test_added_file_is_parsed_alone(corpus: Corpus, parsed_ids: list[str]) -> None:
    Index.open(corpus).close()
    parsed_ids.clear()
    write(corpus.root, "2021/march/new.txt", article("New leak inquiry", ["An inquiry."]))
    with Index.open(corpus) as ix:
        assert ix.document("2021/march/new").title == "New leak inquiry"
        assert len(ix.documents()) == 4
    assert parsed_ids == ["2021/march/new"]


def test_changed_file_is_reparsed_alone(corpus: Corpus, parsed_ids: list[str]) -> None:
    Index.open(corpus).close()
    parsed_ids.clear()
    write(corpus.root, "code.txt", article("Ministerial code torn up", ["The code is gone."]))
    bump_mtime(corpus.root / "code.txt")
    with Index.open(corpus) as ix:
        assert ix.document("code").title == "Ministerial code torn up"
        old_words = ix.conn.execute("SELECT docs FROM vocabulary WHERE word = 'revamp'")
        assert old_words.fetchone() is None
        hits = ix.conn.execute("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH 'revamp'")
        assert hits.fetchone()[0] == 0
    assert parsed_ids == ["code"]


def test_touched_file_with_same_content_is_not_reparsed(
    corpus: Corpus, parsed_ids: list[str]
) -> None:
    Index.open(corpus).close()
    parsed_ids.clear()
    bump_mtime(corpus.root / "code.txt")
    with Index.open(corpus) as ix:
        assert ix.parsed == 0
    assert parsed_ids == ["code"]  # read and hashed, found the same, not parsed again
    parsed_ids.clear()
    Index.open(corpus).close()
    assert parsed_ids == []  # and the new mtime was recorded


def test_removed_file_is_forgotten(corpus: Corpus, parsed_ids: list[str]) -> None:
    Index.open(corpus).close()
    parsed_ids.clear()
    (corpus.root / "leaks.txt").unlink()
    with Index.open(corpus) as ix:
        assert [d.id for d in ix.documents()] == ["2021/march/spads", "code"]
        count = ix.conn.execute("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH 'heywood'")
        assert count.fetchone()[0] == 0
        assert ix.conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 2
    assert parsed_ids == []


def test_removed_folder_is_forgotten(corpus: Corpus) -> None:
    Index.open(corpus).close()
    for p in sorted((corpus.root / "2021").rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    (corpus.root / "2021").rmdir()
    with Index.open(corpus) as ix:
        assert [d.id for d in ix.documents()] == ["code", "leaks"]


def test_quick_check_of_large_corpus_sees_added_and_removed_files(
    corpus: Corpus, parsed_ids: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above FULL_SCAN_MAX_FILES only folders are stat-ed: adds and removes still show."""
    monkeypatch.setattr(refresh, "FULL_SCAN_MAX_FILES", 0)
    Index.open(corpus).close()
    parsed_ids.clear()
    write(corpus.root, "2021/march/added.txt", article("Added", ["An added article."]))
    write(corpus.root, "2021/april/new-folder.txt", article("Elsewhere", ["A new folder."]))
    (corpus.root / "leaks.txt").unlink()
    with Index.open(corpus) as ix:
        ids = [d.id for d in ix.documents()]
    assert ids == ["2021/april/new-folder", "2021/march/added", "2021/march/spads", "code"]
    assert sorted(parsed_ids) == ["2021/april/new-folder", "2021/march/added"]


def test_scan_true_sees_a_file_rewritten_in_place_in_large_corpus(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(refresh, "FULL_SCAN_MAX_FILES", 0)
    Index.open(corpus).close()
    write(
        corpus.root,
        "code.txt",
        article("Ministerial code rewritten by the cabinet office", ["Rewritten."]),
    )
    bump_mtime(corpus.root / "code.txt")
    with Index.open(corpus, scan=True) as ix:
        assert ix.document("code").title == "Ministerial code rewritten by the cabinet office"


def test_parallel_build_gives_the_same_index(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(12):
        write(corpus.root, f"bulk/{n:02d}.txt", article(f"Bulk article {n}", [f"Leak {n}."]))
    with Index.open(corpus) as ix:
        sequential = [(d.id, d.title) for d in ix.documents()]
    monkeypatch.setattr(parsing, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(parsing, "CHUNK_FILES", 4)
    with Index.open(corpus, rebuild=True) as ix:
        assert [(d.id, d.title) for d in ix.documents()] == sequential
        assert ix.parsed == 15


def test_progress_reports_parsed_files(corpus: Corpus) -> None:
    calls: list[tuple[int, int]] = []
    Index.open(corpus, progress=lambda done, total: calls.append((done, total))).close()
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)


# --- damaged indexes --------------------------------------------------------------------


def test_corrupt_index_file_is_rebuilt_with_warning(
    corpus: Corpus, caplog: pytest.LogCaptureFixture
) -> None:
    path = index_path(corpus)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage, not a database" * 500)
    with caplog.at_level(logging.WARNING, "whitehall_cli"), Index.open(corpus) as ix:
        assert len(ix.documents()) == 3
    assert "rebuilding the index" in caplog.text and "unreadable" in caplog.text


def test_other_schema_version_is_rebuilt_with_warning(
    corpus: Corpus, caplog: pytest.LogCaptureFixture
) -> None:
    Index.open(corpus).close()
    with sqlite3.connect(index_path(corpus)) as conn:
        conn.execute("UPDATE meta SET value = 'old' WHERE key = 'schema_version'")
    with caplog.at_level(logging.WARNING, "whitehall_cli"), Index.open(corpus) as ix:
        assert ix.parsed == 3
    assert "another version" in caplog.text


def test_index_from_other_parsing_code_is_rebuilt(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    Index.open(corpus).close()
    monkeypatch.setattr(refresh, "pipeline_fingerprint", lambda: "another parser")
    with caplog.at_level(logging.WARNING, "whitehall_cli"), Index.open(corpus) as ix:
        assert ix.parsed == 3
    assert "parser has changed" in caplog.text


def test_pipeline_fingerprint_leaves_out_commands_and_the_store() -> None:
    # the fingerprint names what shapes the index; commands, output, questions and the store
    # itself (versioned by its schema) are left out
    assert {"cli", "render", "query", "index"}.isdisjoint(location.PIPELINE)
    assert "parse" in location.PIPELINE


def test_half_written_index_is_rebuilt(corpus: Corpus) -> None:
    Index.open(corpus).close()
    with sqlite3.connect(index_path(corpus)) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'complete'")
    with Index.open(corpus) as ix:
        assert ix.parsed == 3


def test_interrupted_rebuild_keeps_the_previous_index(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    Index.open(corpus).close()

    def interrupted(*args: object) -> tuple:
        raise KeyboardInterrupt

    with monkeypatch.context() as m, pytest.raises(KeyboardInterrupt):
        m.setattr(parsing, "parse_one", interrupted)
        Index.open(corpus, rebuild=True)
    assert [p.name for p in cache_dir().iterdir() if ".tmp-" in p.name] == []
    with Index.open(corpus) as ix:
        assert ix.parsed == 0 and len(ix.documents()) == 3


def test_killed_build_leftovers_are_cleared(corpus: Corpus) -> None:
    path = index_path(corpus)
    path.parent.mkdir(parents=True, exist_ok=True)
    leftover = path.with_name(path.name + ".tmp-999999")
    leftover.write_bytes(b"half an index")
    Index.open(corpus).close()
    assert not leftover.exists()


def test_interrupted_refresh_rolls_back(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    Index.open(corpus).close()
    (corpus.root / "leaks.txt").unlink()
    write(corpus.root, "new.txt", article("New", ["New."]))

    def interrupted(*args: object) -> tuple:
        raise KeyboardInterrupt

    with monkeypatch.context() as m, pytest.raises(KeyboardInterrupt):
        m.setattr(parsing, "parse_one", interrupted)
        Index.open(corpus)
    with Index.open(corpus) as ix:  # the refresh is retried from the old state
        assert [d.id for d in ix.documents()] == ["2021/march/spads", "code", "new"]


def _open_in_child(root: str, cache: str, queue: multiprocessing.Queue) -> None:
    os.environ["WH_CACHE_DIR"] = cache
    try:
        with Index.open(Corpus(root=Path(root))) as ix:
            queue.put(len(ix.documents()))
    except BaseException as e:  # report, so the parent's assertion shows it
        queue.put(repr(e))


def test_two_processes_building_the_same_index_both_succeed(corpus: Corpus) -> None:
    for n in range(20):
        write(corpus.root, f"bulk/{n:02d}.txt", article(f"Bulk article {n}", [f"Leak {n}."]))
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    args = (str(corpus.root), os.environ["WH_CACHE_DIR"], queue)
    procs = [ctx.Process(target=_open_in_child, args=args) for _ in range(2)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert results == [23, 23]


def test_reader_keeps_working_while_another_rebuilds(corpus: Corpus) -> None:
    reader = Index.open(corpus)
    with Index.open(corpus, rebuild=True):
        pass
    assert len(reader.documents()) == 3  # the old file stays readable until closed
    reader.close()


def test_rowids_run_in_date_order(corpus: Corpus) -> None:
    write(corpus.root, "old.txt", article("Old", ["Old."], date="1 March 2001"))
    write(corpus.root, "undated.txt", "Undated piece\n\nIt has no date at all in it anywhere.")
    with Index.open(corpus) as ix:
        rows = ix.conn.execute("SELECT id FROM documents ORDER BY rowid").fetchall()
        order = [r[0] for r in rows]
    assert order[0] == "undated" and order[1] == "old"
    assert ss.day_number("2016-12-05") > ss.day_number("2001-03-01") > ss.day_number(None)


def test_reopen_is_fast_when_nothing_changed(corpus: Corpus) -> None:
    Index.open(corpus).close()
    t = time.perf_counter()
    Index.open(corpus).close()
    assert time.perf_counter() - t < 0.5


def test_scan_finds_the_same_files_and_ids_as_the_loader(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    for name in [
        "a.txt", "a.md", "b.markdown", "c.HTML", "notes.pdf", ".hidden.txt", "x.y/z.txt",
        "deep/er/still.text", ".git/config.txt", "node_modules/m.txt", "__pycache__/p.txt",
    ]:  # fmt: skip
        write(root, name, "text")
    seen, folders = scan(str(root))
    listed = list_files(Corpus(root=root))
    assert sorted(seen) == [f.id for f in listed]
    assert {seen[f.id].path for f in listed} == {str(f.path) for f in listed}
    assert str(root) in folders and str(root / "deep/er") in folders


# --- the "did you mean" vocabulary ------------------------------------------------------

# Text with the characters that make word boundaries hard: joiners, digits, underscores,
# possessives, accents, a dotted capital I (its lower case is two characters).
TRICKY_TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZé İ'\u2019-.&_0123²½ ,\n\"")), max_size=80
)


@given(st.lists(TRICKY_TEXT, min_size=1, max_size=3))
def test_vocabulary_from_word_forms_is_the_words_of_the_text(texts: list[str]) -> None:
    # the index takes the vocabulary from the forms the entity stage read; it must be what
    # the vocabulary pattern finds in the whole lower-cased text
    expected = sorted(set(parsing.VOCAB_WORD.findall(" ".join(texts).lower())))
    assert parsing.vocabulary_words(word_forms(texts)) == expected


def test_vocabulary_words_of_an_article() -> None:
    words = parsing.vocabulary_words(word_forms(["Rees-Mogg's 2019 memo on the leaks, leaked."]))
    assert words == ["leaked", "leaks", "memo", "mogg", "rees", "the"]
