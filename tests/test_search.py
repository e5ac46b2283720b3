"""Full-text search: ranking, the query language, typos, filters, and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whitehall_cli import pipeline
from whitehall_cli.entities.tokens import word_forms
from whitehall_cli.errors import BadQuery
from whitehall_cli.index import schema
from whitehall_cli.index.store import Index
from whitehall_cli.load.corpus import Corpus
from whitehall_cli.models import Analysis, Cast, Document
from whitehall_cli.query import search as search_mod
from whitehall_cli.query import syntax
from whitehall_cli.query.search import make_snippet, search
from whitehall_cli.query.syntax import parse_query

# A sentence added to every test paragraph (the parser wants prose, not fragments).
FILLER = "Officials declined to comment when approached by reporters this week."
# The test corpus: file name -> (outlet, date, headline, paragraphs).
ARTICLES = {
    "heywood": (
        "Civil Service World",
        "05 Dec 2016",
        "Heywood vows crackdown on civil service leaks",
        [
            "Sir Jeremy Heywood wrote to permanent secretaries about the leaks.",
            "Leaks are never acceptable, leaks damage trust, and leaking will be punished.",
            "The union said ministers should face the same rules as officials.",
        ],
    ),
    "code": (
        "The Daily Telegraph",
        "12 March 2021",
        "Ministerial code needs revamp, think tank says",
        [
            "The Institute for Government called for a new ministerial code.",
            "A service for the civil servants who advise ministers was also proposed.",
            "It said one leaked memo showed the need for reform.",
        ],
    ),
    "spads": (
        "The Daily Telegraph",
        "1 June 2022",
        "Special advisers face new rules on messaging apps",
        [
            "Special advisers must use official channels for government business.",
            "The rules follow a row over disappearing messages between advisers.",
        ],
    ),
    "budget": (
        "Financial Times",
        "3 February 2019",
        "Treasury officials prepare for the spending review",
        [
            "Treasury officials are preparing departments for a tight spending review.",
            "The chancellor is expected to announce the settlement in the autumn.",
        ],
    ),
}
# Queries no user can break the search with: each gives a result or a BadQuery.
HOSTILE = [
    '"',
    "(",
    ")",
    "a:b",
    "NEAR",
    "NEAR(leaks",
    "*",
    "-",
    "\\",
    "",
    "   ",
    "AND",
    "OR",
    "NOT",
    "civil-service",
    "don't",
    "leaks AND",
    "Cabinet.",
    "title:leaks",
    "^leaks",
    "leaks\x00",
    '"civil service',
    "'; DROP TABLE documents; --",
    "{title}: leaks",
    "leaks + rules",
    "-leaks",
    "**",
    "leak**",
]


def write_corpus(root: Path) -> Corpus:
    for name, (outlet, date, title, paragraphs) in ARTICLES.items():
        body = "\n\n".join(f"{p} {FILLER}" for p in paragraphs)
        standfirst = "What the article is about, in a line that sets the scene for readers"
        text = f"{outlet}\n\n{title}\n\n{standfirst}\n\nBy Jane Smith\n\n{date}\n\n{body}\n"
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return Corpus(root=root)


def text_only(doc: Document) -> Analysis:
    """Search is about text: the people and quotation stages are left out (the words the
    entity stage reads, which the vocabulary is made from, are kept)."""
    return Analysis(doc, Cast(words=word_forms(schema.fts_values(doc))), ())


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(pipeline, "analyse", text_only)
        m.setenv("WH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        corpus = write_corpus(tmp_path_factory.mktemp("articles"))
        ix = Index.open(corpus)
    yield ix
    ix.close()


def ids(result: search_mod.SearchResult) -> list[str]:
    return list(dict.fromkeys(h.document for h in result.hits))


def marked(hit) -> list[str]:
    return [hit.snippet[a:b].lower() for a, b in hit.spans]


# --- ranking ----------------------------------------------------------------------------


def test_title_match_ranks_first(index: Index) -> None:
    assert ids(search(index, "leaks"))[0] == "heywood"
    assert ids(search(index, "code"))[0] == "code"


def test_paragraph_with_more_matches_ranks_first_within_article(index: Index) -> None:
    hits = [h for h in search(index, "leaks").hits if h.document == "heywood"]
    assert hits[0].paragraph is None  # the title hit comes first (reading order)
    body = [h for h in hits if h.paragraph is not None]
    assert [h.paragraph for h in body] == [0, 1]  # best paragraphs, shown in reading order


def test_hits_are_grouped_by_article_best_first(index: Index) -> None:
    result = search(index, "officials OR advisers")
    order = [h.document for h in result.hits]
    assert order == sorted(order, key=ids(result).index)  # contiguous groups
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_limit_counts_articles_not_paragraphs(index: Index) -> None:
    result = search(index, "officials OR advisers OR leaks", limit=2)
    assert len(ids(result)) == 2 and len(result.hits) > 2
    assert result.total == 4


def test_at_most_three_paragraphs_per_article(index: Index) -> None:
    result = search(index, "the")
    for doc in ids(result):
        assert len([h for h in result.hits if h.document == doc]) <= search_mod.HITS_PER_ARTICLE


def test_common_word_ranks_recent_candidates_only(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over RANK_CANDIDATES matches, BM25 ranks the most recent candidates."""
    monkeypatch.setattr(search_mod, "RANK_CANDIDATES", 2)
    result = search(index, "officials OR advisers OR leaks")
    assert result.total == 4
    assert set(ids(result)) == {"spads", "code"}  # the two newest


def test_sort_by_date_newest_first(index: Index) -> None:
    result = search(index, "officials OR advisers OR leaks OR code", sort="date")
    assert ids(result) == ["spads", "code", "budget", "heywood"]
    oldest = search(index, "officials OR advisers OR leaks OR code", sort="oldest")
    assert ids(oldest) == ["heywood", "budget", "code", "spads"]


# --- the query language -----------------------------------------------------------------


def test_stemming_finds_every_form(index: Index) -> None:
    result = search(index, "leaked")
    assert set(ids(result)) == {"heywood", "code"}
    words = {w for h in result.hits for w in marked(h)}
    assert {"leaks", "leaking", "leaked"} <= words


def test_phrase_needs_adjacent_words(index: Index) -> None:
    assert ids(search(index, '"civil service"')) == ["heywood"]
    assert set(ids(search(index, "civil service"))) == {"heywood", "code"}


def test_unbalanced_quote_is_a_phrase_to_the_end(index: Index) -> None:
    assert ids(search(index, '"civil service')) == ["heywood"]


def test_or_finds_either_word(index: Index) -> None:
    assert set(ids(search(index, "chancellor OR messaging"))) == {"budget", "spads"}


def test_minus_excludes_articles(index: Index) -> None:
    assert set(ids(search(index, "leaks -union"))) == {"code"}
    assert set(ids(search(index, "leaks NOT union"))) == {"code"}
    assert set(ids(search(index, 'ministers -"civil service"'))) == {"code"}


def test_prefix_star_matches_word_starts(index: Index) -> None:
    assert set(ids(search(index, "chancel*"))) == {"budget"}
    assert set(ids(search(index, "adv*"))) == {"spads", "code"}


def test_hyphenated_and_apostrophe_words_are_plain_words(index: Index) -> None:
    assert ids(search(index, "civil-service")) == ["heywood"]
    assert search(index, "don't").hits == ()  # no such words, and no error


def test_raw_fts5_syntax_for_experts(index: Index) -> None:
    assert ids(search(index, "title: spending", raw=True)) == ["budget"]
    assert ids(search(index, "NEAR(treasury review, 10)", raw=True)) == ["budget"]


@pytest.mark.parametrize("query", ['"', "title:", "NEAR(", "a AND", "((("])
def test_raw_syntax_error_is_bad_query(index: Index, query: str) -> None:
    with pytest.raises(BadQuery):
        search(index, query, raw=True)


# --- typos ------------------------------------------------------------------------------


def test_typo_is_corrected_and_reported(index: Index) -> None:
    result = search(index, "leeks")
    assert result.corrections == (("leeks", "leaks"),)
    assert ids(result)[0] == "heywood"
    assert result.terms == ("leaks",)


def test_misspelt_name_finds_the_person(index: Index) -> None:
    result = search(index, "Heywod")
    assert result.corrections == (("heywod", "heywood"),)
    assert ids(result) == ["heywood"]


def test_transposed_letters_are_one_edit(index: Index) -> None:
    assert search(index, "treasruy").corrections == (("treasruy", "treasury"),)


def test_nothing_close_is_searched_as_typed(index: Index) -> None:
    result = search(index, "xylophone")
    assert result.corrections == () and result.hits == ()


def test_known_word_is_never_corrected(index: Index) -> None:
    assert search(index, "leaking").corrections == ()
    assert search(index, "leak").corrections == ()  # the stem matches: not a typo


def test_short_words_and_prefixes_are_not_corrected(index: Index) -> None:
    assert search(index, "lek").corrections == ()
    assert search(index, "leeks*").corrections == ()


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("leeks", "leaks"),
        ("Leeks", "leaks"),
        ('"leeks from" OR impartialty', '"leaks from" OR impartiality'),
        ("leeksy leeks_x leeks", "leeksy leaks_x leaks"),  # whole words, as the index splits
    ],
)
def test_corrected_text_writes_each_correction_in_place(typed: str, searched: str) -> None:
    fixed = (("leeks", "leaks"), ("impartialty", "impartiality"))
    assert syntax.corrected_text(typed, fixed) == searched


@pytest.mark.parametrize(
    ("word", "edits"), [("code", 1), ("leaks", 1), ("heywod", 2), ("government", 2)]
)
def test_edit_threshold_grows_with_word_length(word: str, edits: int) -> None:
    assert syntax.max_edits(word) == edits


# --- filters ----------------------------------------------------------------------------


def test_doc_ids_restrict_the_articles(index: Index) -> None:
    assert ids(search(index, "officials", doc_ids={"budget"})) == ["budget"]
    assert search(index, "officials", doc_ids=set()).hits == ()


def test_outlet_filter_is_case_insensitive_substring(index: Index) -> None:
    assert set(ids(search(index, "officials OR advisers", outlet="TELEGRAPH"))) == {"code", "spads"}


def test_since_and_until_filter_by_date(index: Index) -> None:
    q = "officials OR advisers OR leaks OR code"
    assert set(ids(search(index, q, since="2021-01-01"))) == {"code", "spads"}
    assert set(ids(search(index, q, until="2019"))) == {"heywood", "budget"}
    assert set(ids(search(index, q, since="2019-02", until="2021-03"))) == {"budget", "code"}


@pytest.mark.parametrize("date", ["yesterday", "2021-13-01", "21/03/2021"])
def test_unreadable_date_is_bad_query(index: Index, date: str) -> None:
    with pytest.raises(BadQuery):
        search(index, "leaks", since=date)


def test_since_after_until_is_bad_query(index: Index) -> None:
    with pytest.raises(BadQuery):
        search(index, "leaks", since="2022", until="2020")


def test_unknown_sort_is_bad_query(index: Index) -> None:
    with pytest.raises(BadQuery):
        search(index, "leaks", sort="alphabetical")


# --- hostile input ----------------------------------------------------------------------


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_gives_results_or_bad_query(index: Index, query: str) -> None:
    try:
        result = search(index, query)
    except BadQuery as e:
        assert str(e) and "\n" not in str(e)
    else:
        assert isinstance(result.hits, tuple)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_text_gives_results_or_bad_query(index: Index, query: str) -> None:
    try:
        search(index, query)
    except BadQuery:
        pass


@given(st.text(max_size=60))
def test_any_text_parses_to_quoted_words_or_bad_query(text: str) -> None:
    try:
        q = parse_query(text)
    except BadQuery:
        return
    for group in q.groups:
        for part in group:
            assert part.tokens and all(t.isalnum() for t in part.tokens)


# --- snippets ---------------------------------------------------------------------------


def test_snippet_spans_point_at_the_matches(index: Index) -> None:
    for hit in search(index, "leaks OR advisers").hits:
        assert hit.spans
        for word in marked(hit):
            assert word.startswith(("leak", "advis"))


def test_long_paragraph_snippet_is_a_window_around_the_match() -> None:
    text = "word " * 100 + "\x02target\x03" + " word" * 100
    snippet, spans = make_snippet(text)
    assert len(snippet) <= search_mod.SNIPPET_CHARS + 2
    assert snippet.startswith("\u2026") and snippet.endswith("\u2026")
    ((a, b),) = spans
    assert snippet[a:b] == "target"


def test_short_paragraph_snippet_is_the_whole_paragraph() -> None:
    snippet, spans = make_snippet("The \x02leaks\x03 inquiry.")
    assert snippet == "The leaks inquiry." and spans == ((4, 9),)


def test_match_in_title_has_no_paragraph(index: Index) -> None:
    hit = search(index, "crackdown").hits[0]
    assert hit.paragraph is None and hit.title == hit.snippet
    assert hit.date == "2016-12-05"


def test_huge_limit_and_doc_id_lists_are_fine(index: Index) -> None:
    many = {f"doc{n}" for n in range(40_000)} | {"budget", "spads"}
    result = search(index, "officials OR advisers", doc_ids=many, limit=100_000)
    assert set(ids(result)) == {"budget", "spads"}


def test_until_leaves_undated_articles_out_as_docs_does(tmp_path: Path) -> None:
    """`--until 2030` means "dated on or before 2030": an undated article is not, in `search`
    as in `docs` (it used to slip in: its rowid, day 0, is below every bound)."""
    from whitehall_cli.query.answers import list_docs, run_search
    from whitehall_cli.query.filters import Filters

    body = "Leaks are never acceptable, the union said in a statement on Monday."
    (tmp_path / "dated.txt").write_text(f"Leaks row\n\n5 May 2016\n\n{body}\n", encoding="utf-8")
    (tmp_path / "undated.txt").write_text(f"Leaks row again\n\n{body}\n", encoding="utf-8")
    with Index.open(Corpus(root=tmp_path)) as ix:
        assert set(ids(search(ix, "leaks"))) == {"dated", "undated"}
        assert ids(search(ix, "leaks", until="2030-12-31")) == ["dated"]
        assert ids(run_search(ix, "leaks", Filters(until="2030"))) == ["dated"]
        assert [r.document.id for r in list_docs(ix, Filters(until="2030"))] == ["dated"]
