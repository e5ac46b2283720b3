"""The forms real news articles use, as general rules of English news writing: short
headlines, job titles written before a name, later mentions by surname, honorific or title,
bodies joined by "and", and no body made of a question's or a heading's first words.
Each rule is tried on sentences written here, not taken from any set that is measured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_whole_articles import run

from whitehall_cli.models import Analysis
from whitehall_cli.parse.article import parse_text
from whitehall_cli.pipeline import analyse

BODY = "Civil servants at the Home Office will walk out next month, the union said on Friday."


def read(text: str) -> Analysis:
    return analyse(parse_text(text, "x"))


# --- headlines of two words --------------------------------------------------------------
@pytest.mark.parametrize(
    "header",
    [
        "Strike called\n\n12 May 2023",
        "Minister quits",
        "Civil Service World\n\nStrike called\n\nBy Jane Smith\n\n12 May 2023",
        "Talks fail\n\nBy Jane Smith",
    ],
)
def test_a_two_word_headline_is_the_title(header: str) -> None:
    title = header.split("\n\n")[1 if header.startswith("Civil") else 0]
    assert parse_text(f"{header}\n\n{BODY}\n", "x").title == title


@pytest.mark.parametrize(
    "header",
    [
        "Home\n\nUK news",
        "Main menu\n\nSkip navigation",
        "Politics live",
        "Related Topics",  # capitalised words only: a menu, a name or a masthead
        "Jane Smith\n\nPolitical reporter",
    ],
)
def test_a_section_label_or_a_menu_is_not_a_title(header: str) -> None:
    assert parse_text(f"{header}\n\n{BODY}\n", "x").title is None


def test_a_longer_headline_still_wins_over_a_short_line_above_it() -> None:
    doc = parse_text(f"Pay row\n\nUnion rejects the latest pay offer\n\n{BODY}\n", "x")
    assert doc.title == "Union rejects the latest pay offer"


def test_a_two_word_headline_over_a_sentence_longer_than_headlines_run() -> None:
    standfirst = (
        "Staff at six passport offices in England, Wales and Scotland will stop work for five "
        "weeks from April in a dispute over pay and jobs"
    )
    doc = parse_text(f"UK news | Civil service\n\nWalkout called\n\n{standfirst}\n\n{BODY}\n", "x")
    assert (doc.title, doc.standfirst) == ("Walkout called", standfirst)


def test_a_three_word_headline_over_a_standfirst_stays_the_title() -> None:
    # a short line over a longer one may be a topic label ("Tax office closure") or the
    # headline over its standfirst; headlines of three words are common, so it stays
    standfirst = "A standfirst that sets out what the article is about in a line"
    doc = parse_text(f"Civil Service World\n\nNew leak inquiry\n\n{standfirst}\n\n{BODY}\n", "x")
    assert (doc.title, doc.standfirst) == ("New leak inquiry", standfirst)


# --- job titles written in capitals before a name ----------------------------------------
HEADER = "Union rejects the latest pay offer\n\n12 May 2023\n\n"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("General Secretary Jane Okafor told delegates that the offer was", "Jane Okafor",
         "General Secretary"),
        ("Assistant General Secretary Tom Reddy told the BBC that members would", "Tom Reddy",
         "Assistant General Secretary"),
        ("Permanent Secretary Alan Brightwell said the department would", "Alan Brightwell",
         "Permanent Secretary"),
        ("Home Secretary Rachel Kerr said the department would", "Rachel Kerr", "Home Secretary"),
        ("Chief Executive Mark Dunmore said the agency would", "Mark Dunmore", "Chief Executive"),
        ("Labour MP Sarah Whitfield said in a debate that ministers would", "Sarah Whitfield",
         "Labour MP"),
        ("Shadow Chancellor Priya Varma said a Labour government would", "Priya Varma",
         "Shadow Chancellor"),
        ("Deputy Chief Operating Officer Dan Hurley wrote that the change would",
         "Dan Hurley", "Deputy Chief Operating Officer"),
        ("Lord Chancellor Alex Mercer told MPs that the courts would", "Alex Mercer",
         "Lord Chancellor"),
    ],
)  # fmt: skip
def test_a_capitalised_job_title_before_a_name_gives_the_person_the_role_and_the_quotation(
    sentence: str, name: str, role: str
) -> None:
    analysis = read(f'{HEADER}{sentence} "not give up without a fight" this year.\n')
    assert [(p.name, p.roles) for p in analysis.cast.people] == [(name, (role,))]
    [quote] = analysis.quotes
    assert (quote.text, quote.speaker, quote.role) == ("not give up without a fight", name, role)


def test_an_honorific_that_is_also_a_title_word_stays_an_honorific() -> None:
    analysis = read(f'{HEADER}Professor Alan Quayle said the plan was "a mistake" for staff.\n')
    assert [(p.name, p.aliases) for p in analysis.cast.people] == [
        ("Alan Quayle", ("Professor Alan Quayle",))
    ]


# --- later mentions: surname, honorific and surname, title alone -------------------------
def test_later_mentions_by_surname_and_honorific_link_to_the_titled_person() -> None:
    analysis = read(
        f"{HEADER}General Secretary Jane Okafor told delegates the offer was an insult.\n\n"
        "Ms Okafor said the union would ballot its members before the summer recess.\n\n"
        '"We are not going away," Okafor said.\n'
    )
    [person] = analysis.cast.people
    assert person.name == "Jane Okafor" and set(person.aliases) == {"Ms Okafor", "Okafor"}
    forms = [(m.form, m.paragraph) for m in analysis.cast.mentions if m.kind == "person"]
    assert forms == [("Jane Okafor", 0), ("Ms Okafor", 1), ("Okafor", 2)]
    assert [q.speaker for q in analysis.quotes] == ["Jane Okafor"]


@pytest.mark.parametrize("title", ["The Permanent Secretary", "The permanent secretary"])
def test_a_later_mention_by_title_alone_speaks_for_the_person(title: str) -> None:
    analysis = read(
        f"{HEADER}Permanent Secretary Alan Brightwell told staff he would leave this year.\n\n"
        "Dr Brightwell said he was proud of what the department had achieved in that time.\n\n"
        f'{title} added that a successor would be named "within weeks".\n'
    )
    [person] = analysis.cast.people
    assert person.name == "Alan Brightwell" and person.aliases == ("Dr Brightwell",)
    assert [(q.speaker, q.role) for q in analysis.quotes] == [
        ("Alan Brightwell", "Permanent Secretary")
    ]


# --- bodies joined by "and" ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        ("The Department for Work and Pensions and Care Quality Commission will cut 500 jobs.",
         ["Department for Work and Pensions", "Care Quality Commission"]),
        ("The Department for Work and Pensions and HM Revenue and Customs will share a site.",
         ["Department for Work and Pensions", "HM Revenue and Customs"]),
        ("The Health and Safety Executive and Environment Agency will share inspectors.",
         ["Health and Safety Executive", "Environment Agency"]),
        ("The Learning and Work Institute and Resolution Foundation published a joint report.",
         ["Learning and Work Institute", "Resolution Foundation"]),
        ("The Department for Science, Innovation and Technology and Cabinet Office will move.",
         ["Department for Science, Innovation and Technology", "Cabinet Office"]),
    ],
)  # fmt: skip
def test_bodies_joined_by_and_are_two_bodies(sentence: str, bodies: list[str]) -> None:
    analysis = read(f"{HEADER}{sentence} Officials confirmed the plan on Monday.\n")
    assert [b.name for b in analysis.cast.bodies] == bodies


@pytest.mark.parametrize(
    "name",
    [
        "Department for Work and Pensions",
        "Equality and Human Rights Commission",
        "Ministry of Housing, Communities and Local Government",
        "Foreign, Commonwealth and Development Office",
        "HM Courts and Tribunals Service",
        "Public and Commercial Services Union",
    ],
)
def test_a_body_whose_own_name_has_and_stays_whole(name: str) -> None:
    analysis = read(f"{HEADER}The {name} will cut 500 jobs in the next financial year.\n")
    assert [b.name for b in analysis.cast.bodies] == [name]


# --- no body from a question, heading or fragment ----------------------------------------
@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Is the Cabinet Office inquiry fit for purpose?", "Cabinet Office"),
        ("Will the Civil Service Commission act on the complaints?", "Civil Service Commission"),
        ("Why the Home Office keeps missing its targets", "Home Office"),
        ("Inside the Cabinet Office unit that writes the rules", "Cabinet Office"),
        ("How the Department for Education lost track of repairs", "Department for Education"),
    ],
)
def test_no_body_from_a_question_or_a_heading(line: str, body: str) -> None:
    as_title = read(f"{line}\n\n12 May 2023\n\nOfficials said the review had taken a year.\n")
    as_text = read(f"{HEADER}{line} Officials said the review had taken a year.\n")
    assert [b.name for b in as_title.cast.bodies] == [body]
    assert [b.name for b in as_text.cast.bodies] == [body]


# --- the five examples of issue 13, through the index as users meet them -----------------
ISSUE_13 = {
    "smallest": 'Union rejects pay offer\n\n12 May 2023\n\nJane Okafor said: "We will fight it."\n',
    "titles": (
        "Union rejects pay offer\n\n12 May 2023\n\n"
        'General Secretary Jane Okafor told delegates that the offer was "an insult".\n\n'
        'Assistant General Secretary Tom Reddy told the BBC that members would "not be bought '
        'off".\n'
    ),
    "strike": "Strike called\n\n12 May 2023\n\nStaff at the Home Office will walk out in June.\n",
    "quits": "Minister quits\n\nThe Cabinet Office minister resigned on Tuesday over a row.\n",
    "and": (
        "Jobs to go\n\n12 May 2023\n\nThe Department for Work and Pensions and Care Quality "
        "Commission will cut 500 jobs.\n"
    ),
    "question": (
        "Is the Cabinet Office inquiry fit for purpose?\n\n12 May 2023\n\n"
        "The inquiry has run for a year without a single interview, officials said.\n"
    ),
}


def test_the_five_examples_of_issue_13(tmp_path: Path) -> None:
    for name, text in ISSUE_13.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")

    def show(doc: str) -> dict[str, Any]:
        code, out, err = run("--data", str(tmp_path), "show", doc, "--json")
        assert code == 0 and "WARNING" not in err, err
        shown: dict[str, Any] = json.loads(out)
        return shown

    assert [q["speaker"] for q in show("smallest")["quotes"]] == ["Jane Okafor"]
    titles = show("titles")
    assert [(p["name"], p["roles"]) for p in titles["people"]] == [
        ("Jane Okafor", ["General Secretary"]),
        ("Tom Reddy", ["Assistant General Secretary"]),
    ]
    assert [(q["text"], q["speaker"]) for q in titles["quotes"]] == [
        ("an insult", "Jane Okafor"),
        ("not be bought off", "Tom Reddy"),
    ]
    assert show("strike")["title"] == "Strike called"
    assert show("quits")["title"] == "Minister quits"
    assert [b["name"] for b in show("and")["bodies"]] == [
        "Department for Work and Pensions",
        "Care Quality Commission",
    ]
    assert [b["name"] for b in show("question")["bodies"]] == ["Cabinet Office"]


def test_a_title_and_name_before_of_a_body_are_a_person_of_that_body() -> None:
    a = read(
        "Cuts row deepens\n\n12 May 2023\n\nChief Executive Sarah Munby of the Equality and "
        "Human Rights Commission said the cuts would hurt the people it serves most.\n"
    )
    assert [(p.name, p.roles) for p in a.cast.people] == [("Sarah Munby", ("Chief Executive",))]
    assert [b.name for b in a.cast.bodies] == ["Equality and Human Rights Commission"]


# --- more title shapes: a body before the title, a seat after it, "General" after a head ----
@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Labour MP for Kettering North Joanne Pike said the decision would", "Joanne Pike",
         "Labour MP for Kettering North"),
        ("Cabinet Office Director General Ruth Calder said the plan would", "Ruth Calder",
         "Cabinet Office Director General"),
        ("Attorney General Lord Wyatt said the advice would", "Lord Wyatt", "Attorney General"),
        ("Chief Medical Officer Professor Ian Rudd said the guidance would", "Ian Rudd",
         "Chief Medical Officer"),
    ],
)  # fmt: skip
def test_a_title_with_its_seat_body_or_second_head_before_a_name(
    sentence: str, name: str, role: str
) -> None:
    analysis = read(f'{HEADER}{sentence} "not give up without a fight" this year.\n')
    people = [(p.name, p.roles) for p in analysis.cast.people]
    assert people == [(name, (role,))]
    assert [q.speaker for q in analysis.quotes] == [name]


def test_a_title_before_a_given_name_with_a_place_word_for_surname() -> None:
    # "Castle" ends place names ("Windsor Castle"), but a title before a given name wins
    analysis = read(f'{HEADER}FDA General Secretary Imogen Castle said: "Cuts will hurt."\n')
    assert [p.name for p in analysis.cast.people] == ["Imogen Castle"]
    assert [q.speaker for q in analysis.quotes] == ["Imogen Castle"]


def test_a_peer_named_by_title_alone_keeps_the_territorial_designation() -> None:
    analysis = read(
        f"{HEADER}Former permanent secretary Lord Ambler of Hexham said the plan was "
        '"heroic".\n\nLord Ambler said: "I have not seen that list."\n'
    )
    [person] = analysis.cast.people
    assert (person.name, person.aliases) == ("Lord Ambler of Hexham", ("Lord Ambler",))
    assert [q.speaker for q in analysis.quotes] == ["Lord Ambler of Hexham"] * 2


def test_a_surname_that_ends_like_a_party_is_not_a_body() -> None:
    analysis = read(
        f"{HEADER}The committee heard from the permanent secretary, Alex Moray-Reid.\n\n"
        'Mr Moray-Reid told MPs that the framework would be "published soon".\n'
    )
    assert [b.name for b in analysis.cast.bodies] == []
    assert [q.speaker for q in analysis.quotes] == ["Alex Moray-Reid"]


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        ("The UK Health Security Agency and NHS England were consulted on the plans.",
         ["UK Health Security Agency", "NHS England"]),
        ("She will take up the post of Chief Executive of the Health and Safety Executive.",
         ["Health and Safety Executive"]),
        ("The Executive Director of the Institute for Fiscal Studies disagreed with this.",
         ["Institute for Fiscal Studies"]),
    ],
)  # fmt: skip
def test_a_nation_after_a_body_and_a_head_word_inside_a_job_title(
    sentence: str, bodies: list[str]
) -> None:
    assert [b.name for b in read(f"{HEADER}{sentence}\n").cast.bodies] == bodies


@pytest.mark.parametrize(
    ("header", "outlet", "date"),
    [
        ("PoliticsHome\n\nIs the Cabinet Office ready for the next pandemic?\n\n29 November 2023",
         "PoliticsHome", "2023-11-29"),
        ("The Telegraph\n\nCan the Treasury find the savings?\n\n3 April 2024 \u2022 6:00am",
         "The Telegraph", "2024-04-03"),
    ],
)  # fmt: skip
def test_a_one_word_brand_masthead_and_a_date_with_a_bullet_and_time(
    header: str, outlet: str, date: str
) -> None:
    doc = parse_text(f"{header}\n\n{BODY}\n", "x")
    assert (doc.outlet, doc.date) == (outlet, date)


# --- bylines printed as a name with the writer's job ---------------------------------------
@pytest.mark.parametrize(
    ("header", "authors"),
    [
        ("Pay deal agreed after months of talks\n\nNina Arkwright\nPA Political Correspondent\n"
         "Thursday 26 November 2026 14:27 GMT", ("Nina Arkwright",)),
        ("Pay deal agreed after months of talks\n\nNina Arkwright Whitehall editor\n"
         "Tue 24 Nov 2026 19.12 GMT", ("Nina Arkwright",)),
        ("Pay deal agreed after months of talks\n\n2 December 2026\n\nNina Arkwright\n"
         "Senior Researcher\n\nOwen Baptiste\nAssociate Director", ("Nina Arkwright",
         "Owen Baptiste")),
    ],
)  # fmt: skip
def test_a_byline_of_a_name_and_the_writers_job_gives_the_authors_not_the_title(
    header: str, authors: tuple[str, ...]
) -> None:
    doc = parse_text(f"{header}\n\n{BODY}\n", "x")
    assert (doc.title, doc.authors) == ("Pay deal agreed after months of talks", authors)


def test_a_name_with_a_comma_inside_is_one_speaker() -> None:
    analysis = read(
        f"{HEADER}The permanent secretary of the Department for Environment, Food and Rural "
        'Affairs, Dr Ayo Lindqvist, is to leave.\n\n"I am proud of what we did," he said.\n'
    )
    assert [q.speaker for q in analysis.quotes] == ["Ayo Lindqvist"]


def test_a_party_before_a_portfolio_is_the_party_and_the_body() -> None:
    analysis = read(
        f"{HEADER}Liberal Democrat Cabinet Office spokesperson Moira Quill said ministers "
        '"cannot keep asking for more".\n'
    )
    assert [b.name for b in analysis.cast.bodies] == ["Liberal Democrats", "Cabinet Office"]


def test_a_place_before_mp_is_the_seat_not_a_party() -> None:
    analysis = read(
        f"{HEADER}Kettering MP Joanne Pike and SNP MP Ross Gilmour said the delay was "
        '"frustrating".\n'
    )
    assert [b.name for b in analysis.cast.bodies] == ["Scottish National Party"]


@pytest.mark.parametrize(
    "name",
    ["Teesside Economic Campus", "Vaccine Taskforce", "Economic and Domestic Secretariat",
     "Government Legal Directorate", "Incubator for Artificial Intelligence"],
)  # fmt: skip
def test_more_head_words_of_public_bodies(name: str) -> None:
    assert [
        b.name for b in read(f"{HEADER}Staff at the {name} were told on Friday.\n").cast.bodies
    ] == [name]


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        ("Pay deal agreed after months of talks\n\nNina Arkwright, Whitehall Editor | Owen "
         "Baptiste, Political Correspondent\nSaturday December 05 2026, 12.01am GMT, The Times",
         ("Nina Arkwright", "Owen Baptiste")),
        ("Pay deal agreed after months of talks\n\nOwen Baptiste and Nina Arkwright in London\n"
         "Published December 2 2026", ("Owen Baptiste", "Nina Arkwright")),
    ],
)  # fmt: skip
def test_bylines_of_several_writers_with_jobs_or_a_dateline(
    header: str, authors: tuple[str, ...]
) -> None:
    assert parse_text(f"{header}\n\n{BODY}\n", "x").authors == authors


def test_a_name_over_a_job_with_a_handle_under_a_standfirst_is_the_byline() -> None:
    text = (
        "Sky News\n\nMinister quits over leak\n\nThe minister left office last night after a "
        "row over a leaked memo about the budget.\n\nNina Arkwright\nPolitical correspondent "
        f"@NinaArkSky\nMonday 30 November 2026 19:45, UK\n\n{BODY}\n"
    )
    doc = parse_text(text, "x")
    assert (doc.authors, doc.date) == (("Nina Arkwright",), "2026-11-30")
    assert all("Arkwright" not in p and "correspondent" not in p for p in doc.paragraphs)


@pytest.mark.parametrize(
    ("header", "outlet", "date"),
    [
        ("Mirror\nSign in\nNews\nPolitics\nTV\nMoney\n\nAdviser suspended over messages to staff"
         "\n\n09:15, 24 Nov 2026Updated 11:42, 24 Nov 2026", "Mirror", "2026-11-24"),
        ("Navigation\nUK\nTV\n\nAdviser suspended over messages to staff\n\n24 Nov 2026",
         None, "2026-11-24"),
    ],
)  # fmt: skip
def test_a_one_word_press_name_opens_the_page_and_a_menu_entry_in_capitals_is_not_one(
    header: str, outlet: str | None, date: str
) -> None:
    doc = parse_text(f"{header}\n\n{BODY}\n", "x")
    assert (doc.outlet, doc.date) == (outlet, date)


def test_a_body_named_after_a_person_of_one_word_stays_whole() -> None:
    analysis = read(f"{HEADER}A report by the Fraser of Allander Institute found the cost.\n")
    assert [b.name for b in analysis.cast.bodies] == ["Fraser of Allander Institute"]


def test_a_post_left_gives_a_role_and_another_office_is_not_a_back_reference() -> None:
    analysis = read(
        f"{HEADER}Sir Idris Penhale, removed as permanent secretary last week, spoke out.\n\n"
        "Home Secretary Ruth Calder has not commented on the departure.\n\n"
        'The former permanent secretary said staff were "afraid to give advice".\n'
    )
    roles = {p.name: p.roles for p in analysis.cast.people}
    assert roles == {
        "Idris Penhale": ("permanent secretary", "former permanent secretary"),
        "Ruth Calder": ("Home Secretary",),
    }


def test_a_joined_given_name_is_a_person_and_a_site_is_no_body() -> None:
    analysis = read(
        f"{HEADER}Her predecessor, Mary-Louise Tamsworth, said she was \u201cdisappointed\u201d. "
        "One official at the Leeds hub said morale was low.\n"
    )
    assert [p.name for p in analysis.cast.people] == ["Mary-Louise Tamsworth"]
    assert [b.name for b in analysis.cast.bodies] == []
    assert [(q.speaker, q.speaker_kind) for q in analysis.quotes] == [
        ("Mary-Louise Tamsworth", "person")
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Dr Hannah van der Merwe, who leads the work, said it was", "Hannah van der Merwe"),
        ("Branch Secretary Bethan ap Rhys said the scheme was", "Bethan ap Rhys"),
    ],
)  # fmt: skip
def test_surnames_with_particles(sentence: str, name: str) -> None:
    analysis = read(f'{HEADER}{sentence} "not a guarantee" for staff.\n')
    assert [p.name for p in analysis.cast.people] == [name]
    assert [q.speaker for q in analysis.quotes] == [name]


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("The National Farmers\u2019 Union has backed the payments.", ["National Farmers\u2019 Union"]),
        ("The Scottish Conservatives have written to ministers.", ["Scottish Conservatives"]),
        ("The House of Lords Constitution Committee reported. The Constitution Committee said so.",
         ["House of Lords Constitution Committee"]),
    ],
)  # fmt: skip
def test_a_plural_possessive_inside_a_name_a_nations_party_and_a_committee_without_its_house(
    text: str, bodies: list[str]
) -> None:
    assert [b.name for b in read(f"{HEADER}{text}\n").cast.bodies] == bodies


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        ("September 22, 2026 6:00 am(Updated 9:17 am)", "date", "2026-09-22"),
        ("December 3, 2026 7:00 am CET", "date", "2026-12-03"),
        ("By Niamh \u00d3 S\u00failleabh\u00e1in\n\n3 Dec 2026", "authors", ("Niamh \u00d3 S\u00failleabh\u00e1in",)),
    ],
)  # fmt: skip
def test_more_date_and_byline_forms(lines: str, field: str, value: object) -> None:
    doc = parse_text(f"Pay deal agreed after months of talks\n\n{lines}\n\n{BODY}\n", "x")
    assert getattr(doc, field) == value


def test_a_kicker_over_a_long_headline_and_a_publishing_company_are_not_title_and_outlet() -> None:
    headline = (
        "Civil service pay has fallen further behind the private sector than at any point since "
        "2010, analysis finds"
    )
    text = (
        f"Daily Mail Online\n\nHome\n\nNews\n\nPress release\n\n{headline}\n\nPress release\n\nPublished on 26 November "
        f"2026\n\n{BODY}\n\nPublished by Associated Newspapers Ltd\n"
    )
    doc = parse_text(text, "x")
    assert (doc.title, doc.outlet) == (headline, "Daily Mail")


@pytest.mark.parametrize("first", ["News", "World", "Today"])
def test_a_section_word_opening_the_page_is_no_outlet(first: str) -> None:
    doc = parse_text(
        f"{first}\n\nUnion rejects the latest pay offer\n\n12 May 2023\n\n{BODY}\n", "x"
    )
    assert (doc.outlet, doc.title) == (None, "Union rejects the latest pay offer")
