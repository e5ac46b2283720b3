"""The parse stage: metadata as the gold records have it, and no page furniture in the body."""

from __future__ import annotations

import random
import re
from itertools import product
from pathlib import Path

import pytest
from conftest import DATA, gold_records
from hypothesis import given, settings
from hypothesis import strategies as st

from whitehall_cli.load import decoding
from whitehall_cli.load import furniture as fu
from whitehall_cli.parse import header, masthead
from whitehall_cli.parse.article import _suffix, parse_text

GOLD = {g["file"]: g for g in gold_records()}


def _doc(name: str):
    path = DATA / name
    return parse_text(path.read_text(encoding="utf-8"), path.stem, str(path))


@pytest.mark.parametrize("key", ["title", "date", "url"])
@pytest.mark.parametrize("name", sorted(GOLD))
def test_metadata_matches_gold(name: str, key: str) -> None:
    assert getattr(_doc(name), key) == GOLD[name][key]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_authors_match_gold(name: str) -> None:
    assert list(_doc(name).authors) == GOLD[name]["authors"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_outlet_matches_gold_or_is_null_where_the_page_barely_says(name: str) -> None:
    got, gold = _doc(name).outlet, GOLD[name]
    if gold.get("outlet_optional") and got is None:
        return
    assert got == gold["outlet"]


# Lines of the bundled pages that are furniture, by kind: none may reach the body.
SEED_FURNITURE = {
    "000_43e921e2f7b47f56.txt": [
        "What's it really like being cabinet secretary?",  # teaser headline between paragraphs
        "Letwin says Brexit means reallocating resources",  # teaser ending in a quotation
        "Read the most recent articles written by",  # footer
        "Share this page",
        "By Civil Service World",  # byline: metadata
    ],
    "002_c3c542eda52815e1.txt": [
        "Home > Report calls",  # breadcrumb
        "Credit: Pixabay",  # photo credit
        "Commons committee scolds government",  # related-content teaser
        "#block-views-events-popup-block",  # CSS
        "jQuery(window)",  # JavaScript
        "Sign up for our free daily newsletter",
        "Register here",
        "Quick Links",
        "Company number",
        "The Shard",
        "Merit Group plc",
        "[1] https://",  # numbered link list
        "Tags",
        "Leadership [7]",
        "Published on PublicTechnology.net",
        "Source URL:",
    ],
    "004_46f6da68cb564bbb.txt": [
        "Credit: Jakub Porzycki",
        "Related content",
        "Share this page",
        "Please login to post a comment",
        "Braverman floats criminalisation",  # related articles list
        "25 January 2023",
        "Government consults on proposals",
        "NAO chief Gareth Davies",
        "Written by Eleanor Langford",
    ],
}


@pytest.mark.parametrize(
    ("name", "furniture"),
    [(name, line) for name, lines in SEED_FURNITURE.items() for line in lines],
)
def test_no_furniture_reaches_paragraphs(name: str, furniture: str) -> None:
    doc = _doc(name)
    assert not [p for p in doc.paragraphs if furniture in p]


def test_article_prose_survives_furniture_removal() -> None:
    doc = _doc("000_43e921e2f7b47f56.txt")
    assert doc.paragraphs[0].startswith("Sir Jeremy Heywood has written")
    assert any(p.startswith("The Civil Service management code") for p in doc.paragraphs)
    assert doc.paragraphs[-1].startswith("\u201cCivil servants are being threatened")


def test_standfirst_is_the_summary_under_the_headline() -> None:
    assert _doc("004_46f6da68cb564bbb.txt").standfirst.startswith("Department installs")
    assert _doc("002_c3c542eda52815e1.txt").standfirst.startswith("IfG think tank claims")


def test_lede_ending_in_a_full_stop_is_not_a_headline() -> None:
    doc = _doc("003_8c92d3b6d4ec25aa.txt")
    assert doc.title is None and doc.date is None
    assert doc.paragraphs[0].startswith("Civil servants should get focused ethics training")


def test_letter_keeps_salutation_and_signature() -> None:
    doc = _doc("001_fbb46b17569c6217.txt")
    assert "Dear Prime Minister," in doc.paragraphs
    assert "General Secretary, Prospect" in doc.paragraphs


# Furniture in other sites' styles, written for these tests.
OTHER_SITES = """The Westminster Ledger
Home / Politics / Civil service
Union warns over cuts to departmental budgets
Ministers face calls to protect frontline services
By Alice Brown, Political Correspondent | 14 March 2023
Photo: Jane Doe/Getty Images

The union representing senior civil servants has warned that planned cuts will hit services.

Most read
Treasury blocks pay rise for officials
Cabinet Office reshuffle explained

"These cuts are unsustainable," the union's general secretary said on Tuesday.

Advertisement
Follow us on Twitter
Subscribe to our newsletter for the latest updates.
1. https://example.org/one
2. https://example.org/two
Registered in England and Wales No. 1234567
\u00a9 Westminster Ledger Ltd 2023
Privacy Policy | Cookies | Terms and Conditions
"""


def test_other_site_styles_give_metadata() -> None:
    doc = parse_text(OTHER_SITES, "x")
    assert doc.outlet == "The Westminster Ledger"
    assert doc.title == "Union warns over cuts to departmental budgets"
    assert doc.standfirst == "Ministers face calls to protect frontline services"
    assert doc.authors == ("Alice Brown",)
    assert doc.date == "2023-03-14"


def test_other_site_styles_keep_only_the_article() -> None:
    doc = parse_text(OTHER_SITES, "x")
    assert doc.paragraphs == (
        "The union representing senior civil servants has warned that planned cuts will hit services.",
        '"These cuts are unsustainable," the union\'s general secretary said on Tuesday.',
    )


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("05 Dec 2016", "2016-12-05"),
        ("8 March 2023", "2023-03-08"),
        ("11 September 2020", "2020-09-11"),
        ("2023-03-08", "2023-03-08"),
        ("Tuesday 14th March 2023", "2023-03-14"),
        ("March 8, 2023", "2023-03-08"),
        ("14/03/2023", "2023-03-14"),
        ("Published: 3 May 2022, 10:32 BST", "2022-05-03"),
    ],
)
def test_standalone_date_lines_in_many_formats(line: str, iso: str) -> None:
    doc = parse_text(
        f"Ministers accused of ignoring the code\n{line}\n\nThe row over the ministerial code deepened on Tuesday as unions wrote to No 10.\n",
        "x",
    )
    assert doc.date == iso


def test_byline_with_date_and_section() -> None:
    text = "Civil servants to get ethics training\nWritten by Ann Lee and Bob Ray on 6 July 2021 in News\n\nThe government has announced new ethics training for all senior officials this year.\n"
    doc = parse_text(text, "x")
    assert doc.authors == ("Ann Lee", "Bob Ray") and doc.date == "2021-07-06"


def test_posted_on_date_by_author() -> None:
    text = "Why integrity matters in Whitehall\nPosted on 2 May 2022 by Jane Doe\n\nIntegrity has been at the heart of the debate about the civil service for many years now.\n"
    doc = parse_text(text, "x")
    assert doc.authors == ("Jane Doe",) and doc.date == "2022-05-02"


def test_bare_dates_in_a_teaser_list_do_not_date_an_undated_article() -> None:
    text = "The permanent secretary told MPs that the department had changed its rules this week.\n\nRelated Articles\nMinister quits over leak\n25 January 2023\n"
    assert parse_text(text, "x").date is None


def test_markdown_article_loses_its_markup() -> None:
    text = "---\ntitle: Leak inquiry widens\ndate: 2022-11-03\nauthor: Sam Hill\n---\n# Leak inquiry widens\n\n**The Cabinet Office** has widened its [leak inquiry](https://example.org) to three more departments this week.\n"
    doc = parse_text(text, "x", "a.md")
    assert doc.title == "Leak inquiry widens" and doc.date == "2022-11-03"
    assert doc.authors == ("Sam Hill",)
    assert doc.paragraphs == (
        "The Cabinet Office has widened its leak inquiry to three more departments this week.",
    )


def test_html_article_loses_tags_scripts_and_styles() -> None:
    text = (
        "<html><head><title>x</title><meta property='og:title' content='Leak inquiry widens'>"
        "<meta property='article:published_time' content='2022-11-03T10:00:00Z'>"
        "<style>p{color:red;}</style><script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Home</a></nav><h1>Leak inquiry widens</h1>"
        "<p>The Cabinet Office has widened its leak inquiry to three more departments this week.</p>"
        "</body></html>"
    )
    doc = parse_text(text, "x", "a.html")
    assert doc.title == "Leak inquiry widens" and doc.date == "2022-11-03"
    assert doc.paragraphs == (
        "The Cabinet Office has widened its leak inquiry to three more departments this week.",
    )


@pytest.mark.parametrize(
    "section", ["<![foo bar]>", "<![if !IE]>", "<![ broken", "<![CDATA[ x ]]>", "<![endif]>"]
)
def test_html_with_a_malformed_marked_section_still_reads(section: str) -> None:
    # the standard library's HTML parser raises on these; the page must still give its text
    text = (
        "<html><body><p>The Cabinet Office has widened its leak inquiry this week.</p>"
        f"{section}<p>Three more departments are now part of the inquiry, it said.</p>"
    )
    paragraphs = parse_text(text, "x", "a.html").paragraphs
    assert paragraphs[0] == "The Cabinet Office has widened its leak inquiry this week."
    assert "inquiry this week." not in paragraphs[-1] and len(paragraphs) in (1, 2)


# Pieces of markup, well- and ill-formed, for pages no one should be able to break the parser with.
_MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<![",
        "<!",
        "<!--",
        "-->",
        "]]>",
        ">",
        "<",
        "<meta content='x'>",
        "<script>",
        "</script>",
        "&amp;",
        "&#",
        "Leaks",
        " said.",
        "\n",
        "<title>",
        "<br/>",
    ]
)


@settings(deadline=None)  # the first example imports trafilatura (about 200 ms)
@given(st.lists(_MARKUP, max_size=25).map("".join))
def test_any_html_gives_a_document(text: str) -> None:
    try:
        doc = parse_text(text, "x", "a.html")
    except decoding.Unreadable:
        return
    assert isinstance(doc.paragraphs, tuple)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "The permanent secretary told the committee that the department had\n"
        "reviewed every account used by its press office during the summer\n"
        "and found no further breaches of the civil service code.\n"
    )
    doc = parse_text(text, "x")
    assert len(doc.paragraphs) == 1 and doc.paragraphs[0].endswith("civil service code.")


def test_names_alone_above_the_date_are_the_byline() -> None:
    text = (
        "Sign in\nPolitics\nCivil service\n"
        "Minister defends plan to cut jobs as union warns of cuts\n"
        "Cabinet Office minister tells MPs reductions will come through turnover\n"
        "Ann Lee and Bob Ray\nTue 14 May 2024 16.42 BST\nShare\n\n"
        "The government has defended plans to cut civil service posts by the end of the year.\n"
    )
    doc = parse_text(text, "x")
    assert doc.authors == ("Ann Lee", "Bob Ray") and doc.date == "2024-05-14"
    assert doc.title == "Minister defends plan to cut jobs as union warns of cuts"
    assert doc.standfirst.startswith("Cabinet Office minister tells MPs")


def test_a_question_headline_is_not_the_first_paragraph() -> None:
    text = (
        "What are the new rules on civil servants speaking up?\nPublished\n3 October 2024\n"
        "By Ann Lee\nPolitical reporter, Daily Bugle News\n\n"
        "Civil servants will be able to raise concerns about ministers directly with a new body.\n"
    )
    doc = parse_text(text, "x")
    assert doc.title == "What are the new rules on civil servants speaking up?"
    assert doc.date == "2024-10-03" and doc.outlet == "Daily Bugle News"


def test_kicker_and_section_lines_above_the_headline_are_not_it() -> None:
    text = (
        "GOV.UK\nMenu\nHome\nGovernment efficiency, transparency and accountability\n"
        "Press release\nNew training places to be based outside London\n\n"
        "Hundreds of graduate roles will start in regional hubs from September this year.\n"
        "Published 4 June 2023\n"
    )
    doc = parse_text(text, "x")
    assert doc.title == "New training places to be based outside London"
    assert doc.outlet == "GOV.UK" and doc.date == "2023-06-04"


def test_an_organisation_name_above_the_headline_is_not_it() -> None:
    text = (
        "Committees\nPublic Administration and Constitutional Affairs Committee\n\n"
        "Civil service accountability to Parliament: summary of written evidence\n\n"
        "Published 9 July 2025\n\n"
        "This note summarises the written submissions received by the committee this year.\n"
    )
    doc = parse_text(text, "x")
    assert doc.title.startswith("Civil service accountability to Parliament")


def test_a_navigation_bar_opening_the_page_names_the_outlet() -> None:
    text = (
        "[Whitehall Weekly](https://example.org) | News | Interviews | **Sign in**\n"
        "# An interview with the permanent secretary\n"
        "**By Ann Lee** | 19 February 2025 | Interviews\n\n"
        "When the permanent secretary arrived last January she promised staff a calmer year.\n"
    )
    doc = parse_text(text, "x", "a.md")
    assert doc.outlet == "Whitehall Weekly" and doc.date == "2025-02-19"
    assert doc.title == "An interview with the permanent secretary"


def test_list_items_of_the_article_are_kept_and_menus_dropped() -> None:
    text = (
        "New rules on raising concerns about ministers\n\n"
        "Under the new guidance, officials have three new routes:\n"
        " * officials can contact the independent adviser without going through their boss\n"
        " * complaints will be logged centrally by the Cabinet Office\n"
        " \u2022 Home\n \u2022 News\n"
    )
    doc = parse_text(text, "x")
    assert doc.paragraphs[1:] == (
        "officials can contact the independent adviser without going through their boss",
        "complaints will be logged centrally by the Cabinet Office",
    )


def test_a_letter_keeps_every_signatory_and_drops_press_contacts() -> None:
    text = (
        "Open letter on impartiality\n\nDear Prime Minister,\n\n"
        "We write to urge you to defend the impartiality of the civil service this week.\n\n"
        "Yours faithfully,\n\nSir Ann Lee KCB\nFormer Permanent Secretary, Home Office\n\n"
        "Professor Bob Ray\nProfessor of Government, University of Mercia\n\n"
        "Media enquiries: Joe Bloggs, 07700 900555, press@example.org\n"
    )
    doc = parse_text(text, "x")
    assert "Professor of Government, University of Mercia" in doc.paragraphs
    assert not any("07700" in p for p in doc.paragraphs)


def test_byline_with_job_and_date_line_ending_in_the_papers_name() -> None:
    text = (
        "The Daily Ledger\nPOLITICS\n\nMandarins quit in record numbers as ministers lose patience\n\n"
        "Ann Lee, Whitehall Editor\nSaturday March 02 2024, 6.00pm, The Daily Ledger\n\n"
        "Four permanent secretaries have gone in six months amid claims of a purge at the top.\n"
    )
    doc = parse_text(text, "x")
    assert doc.authors == ("Ann Lee",) and doc.date == "2024-03-02"


def test_a_short_headline_repeating_the_breadcrumb_trail_is_the_title() -> None:
    text = (
        "Home  >  Explainers  >  Ministerial directions\n\nExplainer\n\nMinisterial directions\n\n"
        "What happens when a permanent secretary refuses to sign off spending?\n\n"
        "Author: Ann Lee\nPublished: 14 May 2025\n\n"
        "Every government department has an accounting officer who answers to Parliament for it.\n"
    )
    doc = parse_text(text, "x")
    assert doc.title == "Ministerial directions" and doc.date == "2025-05-14"


def test_menu_rows_set_out_with_gaps_are_furniture() -> None:
    text = (
        "NEWS  POLITICS  OPINION  LIFE\n\nPOLITICS  civil service  Department for Transport\n\n"
        "Minister Accused Of Shouting At Officials As Fresh Complaints Emerge\n\nBy Ann Lee\n\n"
        "Civil servants say the minister made the department a frightening place to work.\n"
    )
    assert parse_text(text, "x").title.startswith("Minister Accused Of Shouting")


def test_signatories_without_a_valediction_are_kept() -> None:
    text = (
        "Letters\n\nWe write to express our alarm at plans to end open competition for posts.\n\n"
        "Lord Ann of Kew\nFormer cabinet secretary\nDame Bea Lee\nFormer permanent secretary\n"
        "Dr Cy Ray\nSenior lecturer in politics, University of Mercia\n\n"
        "Have an opinion on anything you have read today? Please email us your letter.\n"
    )
    doc = parse_text(text, "x")
    assert "Dr Cy Ray" in doc.paragraphs and "Former cabinet secretary" in doc.paragraphs
    assert not any("email us" in p for p in doc.paragraphs)


# The speed-ups' gates must stay necessary conditions of the patterns they guard: these
# tests fail when a pattern gains a branch its gate does not let through.


@pytest.mark.parametrize(
    "line",
    [
        "https://example.org/news/a",
        "<https://example.org/news/a>",
        "\u00a9 The Gazette 2021",
        "Copyright 2021 The Gazette Ltd",
        "(c) The Gazette",
        "Published on The Gazette (https://example.org/a)",
        "First published in The Gazette",
        "Originally published by The Gazette",
        "Source URL: https://example.org/a",
        "URL: https://example.org/a",
        "Link: https://example.org/a",
        "Permalink: https://example.org/a",
        "Canonical url: https://example.org/a",
        "Original article: https://example.org/a",
        "Source: https://example.org/a",
        "Posted at https://example.org/a",
        "Title: Ministers reject the plan",
        "Headline: Ministers reject the plan",
        "Outlet: The Gazette",
        "Publication: The Gazette",
        "Publisher: The Gazette",
        "Site: The Gazette",
        "Posted on 12 May 2022 by Jane Doe",
        "Written by Jane Doe",
        "Words by Jane Doe",
        "Reporting by Jane Doe",
        "Story by Jane Doe",
        "By Jane Doe",
        "Author: Jane Doe",
        "Writers: Jane Doe and Tom Roe",
        "Byline: Jane Doe",
    ],
)
def test_every_labelled_line_passes_the_label_gate(line: str) -> None:
    patterns = (
        header.BARE_URL,
        masthead.COPYRIGHT,
        header.PUBLISHED_ON,
        header.URL_LABEL,
        header.TITLE_LABEL,
        header.OUTLET_LABEL,
        header.POSTED_BY,
        header.BYLINE,
        header.AUTHOR_LABEL,
    )
    assert any(p.match(line) for p in patterns)  # the example is a labelled line...
    assert header.LABEL_START.match(line)  # ...and the gate lets it through


def test_ends_sentence_agrees_with_its_pattern() -> None:
    marks = ["a", ".", "!", "?", "\u2026", '"', "'", "\u201d", ")", "]", "\u00bb", " ", "\t", "\n"]
    for n in range(1, 5):
        for chars in product(marks, repeat=n):
            line = "Text" + "".join(chars)
            assert fu.ends_sentence(line) == bool(fu.SENTENCE_END.search(line)), line


def test_binary_sniff_counts_control_characters_as_the_regex_does() -> None:
    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
    rng = random.Random(1)
    alphabet = ["a", "\u00e9", "\u2019", "\x00", "\x07", "\t", "\n", "\x0b", "\x1f", "\x7f", "\x85"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 300)))
        head = text[: decoding.SNIFF_BYTES]
        expected = len(control.findall(head)) > max(8, len(head) // 20)
        assert decoding._looks_binary(text) == expected


@pytest.mark.parametrize(
    "path",
    [
        "a/b.txt",
        "a/b.TXT",
        "b.",
        ".md",
        "a/.md",
        "a/b.md/",
        "a/b.md/.",
        "x.tar.gz",
        "",
        ".",
        "a/..",
    ],
)
def test_suffix_is_paths_suffix(path: str) -> None:
    assert _suffix(path) == Path(path).suffix


def test_markdown_front_matter_lists_quotes_and_a_standfirst() -> None:
    text = (
        "---\ntitle: 'Ministers'' code: what changed'\nstandfirst: \"The adviser can now open"
        ' an inquiry alone."\ndate: 2024-05-14T09:30:00+01:00\nauthors: ["Ann Lee", "Bob Ray"]\n'
        "url: https://x.example/a\noutlet: Whitehall Watch\n---\n\n"
        "The independent adviser on ministers' interests can now open an investigation.\n"
    )
    doc = parse_text(text, "x", "a.md")
    assert doc.title == "Ministers' code: what changed"
    assert doc.standfirst == "The adviser can now open an inquiry alone."
    assert doc.authors == ("Ann Lee", "Bob Ray") and doc.date == "2024-05-14"
    assert (doc.url, doc.outlet) == ("https://x.example/a", "Whitehall Watch")
    block = "---\ntitle: Leak inquiry\nauthor:\n  - Ann Lee\n  - Bob Ray\n---\n\nText of it here, long enough.\n"
    assert parse_text(block, "x", "a.md").authors == ("Ann Lee", "Bob Ray")


def test_a_lone_short_sentence_under_a_headline_is_the_body() -> None:
    doc = parse_text("Minister quits\n\nThe minister resigned on Tuesday.\n", "a")
    assert (doc.title, doc.paragraphs) == ("Minister quits", ("The minister resigned on Tuesday.",))


def test_a_short_first_sentence_is_kept_before_a_long_paragraph() -> None:
    text = (
        "Pay offer rejected\n\n12 May 2023\n\nCritics say the offer falls short.\n\n"
        "The offer, which the Cabinet Office made last week, was rejected by all three unions "
        "after ballots that closed on Friday.\n"
    )
    assert parse_text(text, "a").paragraphs[0] == "Critics say the offer falls short."


def test_a_menu_line_under_a_headline_is_not_prose() -> None:
    text = "Pay offer rejected\n\nHome | News | Unions\n\nThe offer was rejected by all three unions after ballots that closed on Friday.\n"
    assert parse_text(text, "a").paragraphs == (
        "The offer was rejected by all three unions after ballots that closed on Friday.",
    )
