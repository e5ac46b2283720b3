"""No article is ever lost: every stage runs on any article-shaped text without raising, and
when one fails all the same the article is indexed with its text and metadata, and the
failure is one warning naming it."""

from __future__ import annotations

from whitehall_cli.parse.article import parse_text
from whitehall_cli.pipeline import analyse

# The smallest article that used to be lost (issue 13): a headline, a date and one short
# paragraph, which the parser reads as the standfirst, so the body has no paragraph at all.
ONE_PARAGRAPH = 'Union rejects pay offer\n\n12 May 2023\n\nJane Okafor said: "We will fight it."\n'


def test_quotes_of_an_article_with_no_body_paragraph() -> None:
    analysis = analyse(parse_text(ONE_PARAGRAPH, "a"))
    assert not analysis.document.paragraphs
    assert [(q.text, q.speaker) for q in analysis.quotes] == [("We will fight it.", "Jane Okafor")]


def test_quotes_of_an_article_with_one_body_paragraph() -> None:
    text = 'Union rejects pay offer\n\nThe union said it would strike. "We will fight it," it said.\n'
    doc = parse_text(text, "a")
    assert len(doc.paragraphs) + (doc.standfirst is not None) == 1
    assert [q.text for q in analyse(doc).quotes] == ["We will fight it,"]


def test_a_title_modifier_as_the_last_word_of_a_text_is_not_a_name() -> None:
    # "Assistant" may open a title ("Assistant Director ..."): at the very end of a text
    # there is no next word to look at
    for text in (
        "Headline here\n\nThe memo was signed by the Director Assistant",
        "Headline here\n\nThe post goes to the new Deputy Principal",
    ):
        assert analyse(parse_text(text, "x")).cast.people == ()
