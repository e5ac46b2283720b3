"""The constructions real news uses to say who speaks, each on sentences written here, run
through the whole pipeline (`pipeline.analyse`) as `wh index` runs it."""

from __future__ import annotations

import pytest
from startup import modules_after, wh

from whitehall_cli.parse.article import parse_text
from whitehall_cli.pipeline import analyse


def speakers(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(words, speaker) of every quotation of an article made of these paragraphs."""
    text = "Union and ministers clash over pay\n\n14 March 2024\n\n" + "\n\n".join(paragraphs)
    return [(q.text, q.speaker) for q in analyse(parse_text(text, "t")).quotes]


def test_name_then_said() -> None:
    got = speakers(
        'Priya Malhotra, a welfare officer, spoke at the rally. "We are ready," Malhotra said.'
    )
    assert got == [("We are ready,", "Priya Malhotra")]


def test_said_then_name() -> None:
    got = speakers('"The offer is an insult to every member," said Owen Gallagher.')
    assert got == [("The offer is an insult to every member,", "Owen Gallagher")]


def test_name_with_an_apposition_before_said() -> None:
    got = speakers(
        'Fiona Reddaway, the union\'s general secretary, said: "Our members have had enough."'
    )
    assert got == [("Our members have had enough.", "Fiona Reddaway")]


def test_according_to_names_the_speaker() -> None:
    got = speakers(
        "Ministers had known about the backlog for months, according to Marcus Delaney, "
        'who said the department was "running on goodwill".'
    )
    assert got == [("running on goodwill", "Marcus Delaney")]


def test_told_the_outlet_names_the_teller_not_the_outlet() -> None:
    got = speakers('Helen Ashworth told the BBC: "Nobody in the department was consulted."')
    assert got == [("Nobody in the department was consulted.", "Helen Ashworth")]


def test_an_interrupted_quotation_has_one_speaker() -> None:
    got = speakers('"This is not a pay rise," said Tariq Osei. "It is a cut in real terms."')
    assert got == [
        ("This is not a pay rise,", "Tariq Osei"),
        ("It is a cut in real terms.", "Tariq Osei"),
    ]


def test_a_quotation_opening_a_paragraph_with_the_speaker_named_after_it() -> None:
    got = speakers(
        "The vote closed on Friday.",
        '"We will not be bullied into accepting this," Gemma Fairclough told reporters.',
    )
    assert got == [("We will not be bullied into accepting this,", "Gemma Fairclough")]


def test_a_quotation_opening_a_paragraph_with_the_speaker_in_the_next_sentence() -> None:
    got = speakers(
        '"There is no more money." That was the message from Treasury minister Alan Whitcombe '
        "on Tuesday."
    )
    assert [s for _, s in got] == ["Alan Whitcombe"]


def test_a_continuation_paragraph_without_a_verb_keeps_the_speaker() -> None:
    got = speakers(
        'Sunita Mehra said: "Staff are leaving faster than we can replace them."',
        '"The department cannot keep running like this."',
    )
    assert [s for _, s in got] == ["Sunita Mehra", "Sunita Mehra"]


def test_he_and_she_go_to_the_nearest_person_of_that_sex() -> None:
    got = speakers(
        "Daniel Okafor met Rebecca Thornton at the Cabinet Office on Monday.",
        '"It was a constructive meeting," she said. "We agreed on very little," he added.',
    )
    assert got == [
        ("It was a constructive meeting,", "Rebecca Thornton"),
        ("We agreed on very little,", "Daniel Okafor"),
    ]


def test_they_with_one_named_group_is_nobody_named() -> None:
    got = speakers(
        'Officials at the department refused to comment. "It is a matter for ministers," they said.'
    )
    assert [s for _, s in got] == [None]


def test_mr_surname_and_a_bare_surname_go_to_the_person_named_in_full() -> None:
    got = speakers(
        "Graham Pellow has led the union since 2019.",
        '"We have tried every route," Mr Pellow said.',
        '"Now we strike," Pellow added.',
    )
    assert [s for _, s in got] == ["Graham Pellow", "Graham Pellow"]


def test_dr_surname_goes_to_the_person_named_in_full() -> None:
    got = speakers(
        "Dr Nadia Kowalczyk led the review of the department's pay structures last year.",
        '"The evidence was clear," Dr Kowalczyk said.',
    )
    assert [s for _, s in got] == ["Nadia Kowalczyk"]


def test_a_capitalised_title_before_the_name() -> None:
    got = speakers('General Secretary Joanne Pritchard said: "This ballot is a turning point."')
    assert got == [("This ballot is a turning point.", "Joanne Pritchard")]


def test_a_colon_introduction_in_the_sentence_before() -> None:
    got = speakers(
        'The permanent secretary, Clive Marchbank, was blunt in his letter to staff: "Every '
        'team will have to find savings."'
    )
    assert [s for _, s in got] == ["Clive Marchbank"]


def test_a_paragraph_ending_in_a_colon_introduces_the_next() -> None:
    got = speakers(
        "In a statement on Wednesday, Ruth Ogunleye said:",
        '"We have been clear from the start that these cuts are unworkable."',
    )
    assert [s for _, s in got] == ["Ruth Ogunleye"]


def test_officials_and_a_spokesman_are_nobody_named() -> None:
    got = speakers(
        '"The figures speak for themselves," officials said.',
        '"We do not comment on leaks," a spokesman said.',
    )
    assert [s for _, s in got] == [None, None]


def test_the_speaker_is_the_fullest_name_the_article_gives() -> None:
    # a given name the hand-written British list lacks: the ranker names him in full itself
    got = speakers(
        "Corey Lewandowski ran the campaign for two years.",
        '"We never stopped," Lewandowski said.',
        '"And we never will," he added.',
    )
    assert [s for _, s in got] == ["Corey Lewandowski", "Corey Lewandowski"]


# --- start-up: the ranker and its weights are loaded only to read quotations ----------------


@pytest.mark.parametrize("argv", [["--help"], ["search", "leaks"], ["quotes", "--source", "FDA"]])
def test_queries_load_no_speaker_ranker(argv: list[str]) -> None:
    modules_after(wh(["index"]))  # the index built first: a query then only reads it
    loaded = modules_after(wh(argv))
    assert not {m for m in loaded if m.startswith("whitehall_cli.quotes")}


def test_the_weights_are_read_when_the_first_article_is_ranked() -> None:
    from whitehall_cli.quotes.ranking import model

    model.weights.cache_clear()
    speakers('"We will not move," said Lena Fairbairn. "Not an inch," she added.')
    assert model.weights.cache_info().currsize == 1
    assert len(model.weights()) > 1000


# --- role phrases that refer back: "the former ...", "the union leader" ---------------------
def test_the_former_title_speaks_for_the_person_removed_from_it() -> None:
    quotes = speakers(
        "Sir Idris Penhale, removed as permanent secretary last week, gave an interview.",
        "Home Secretary Ruth Calder has not commented on the departure.",
        'The former permanent secretary said staff were now "afraid to give advice".',
    )
    assert quotes == [("afraid to give advice", "Idris Penhale")]


def test_the_union_leader_added_is_the_union_official_just_quoted() -> None:
    quotes = speakers(
        '"This is a purge," said Ama Boateng, general secretary of the FDA union.',
        'The union leader added that ministers had "set a dangerous precedent".',
    )
    assert quotes == [
        ("This is a purge,", "Ama Boateng"),
        ("set a dangerous precedent", "Ama Boateng"),
    ]


@pytest.mark.parametrize("noun", ["backbencher", "MP", "peer", "councillor"])
def test_one_party_member_unnamed_is_nobody_not_the_party(noun: str) -> None:
    quotes = speakers(f"\u201cIt looks like one rule for them,\u201d one Labour {noun} told me.")
    assert quotes == [("It looks like one rule for them,", None)]


def test_a_code_named_with_of_and_for_speaks_as_one_document() -> None:
    quotes = speakers(
        "The Code of Conduct for Special Advisers states that advisers must \u201ctreat civil "
        "servants with courtesy and respect\u201d at all times."
    )
    assert quotes == [
        ("treat civil servants with courtesy and respect", "Code of Conduct for Special Advisers")
    ]


def test_a_party_and_role_phrase_for_the_titled_person_named_before() -> None:
    quotes = speakers(
        "Finance Minister Orlaith Devlin-McKeown said she understood the frustration of staff.",
        "\u201cI would dearly love to pay our civil servants more,\u201d the Sinn F\u00e9in "
        "minister told the committee.",
    )
    assert quotes == [
        ("I would dearly love to pay our civil servants more,", "Orlaith Devlin-McKeown")
    ]
