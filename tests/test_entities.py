"""People, bodies and works (stage 3): judged against the gold records the way the scorer
judges them, plus one short snippet per rule of British news writing the stage relies on."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scoring import body_hit, norm, person_forms, same_name  # noqa: F401

from whitehall_cli.entities.back_references import TITLE_WORDS, _definite_titles
from whitehall_cli.entities.body_lexicon import parse_rows
from whitehall_cli.entities.cast import find_cast
from whitehall_cli.entities.merge import merge_bodies, merge_people
from whitehall_cli.models import BODY_KINDS, BodyRef, Cast, Document, PersonRef
from whitehall_cli.parse.article import parse_text

TESTS = Path(__file__).resolve().parent
DATA = TESTS.parent / "data"
GOLD = TESTS / "gold"


# ----- helpers ------------------------------------------------------------------------------
def gold_records() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


_CASTS: dict[str, tuple[Document, Cast]] = {}


def cast_of(file: str) -> tuple[Document, Cast]:
    """The parsed seed article and its cast (computed once per file)."""
    if file not in _CASTS:
        path = DATA / file
        doc = parse_text(path.read_text(encoding="utf-8"), path.stem, str(path))
        _CASTS[file] = (doc, find_cast(doc))
    return _CASTS[file]


def doc_of(*paragraphs: str, title: str | None = None, authors: tuple[str, ...] = ()) -> Document:
    return Document(
        id="snippet",
        path="/tmp/snippet.txt",
        title=title,
        standfirst=None,
        date=None,
        outlet=None,
        authors=authors,
        url=None,
        paragraphs=tuple(paragraphs),
    )


def person(cast: Cast, name: str) -> PersonRef:
    found = [p for p in cast.people if p.name == name]
    assert found, f"{name!r} not among {[p.name for p in cast.people]}"
    return found[0]


def body(cast: Cast, name: str) -> BodyRef:
    found = [b for b in cast.bodies if b.name == name]
    assert found, f"{name!r} not among {[b.name for b in cast.bodies]}"
    return found[0]


GOLD_PEOPLE = [
    pytest.param(g["file"], p, id=f"{g['file'][:3]}-{p['name']}")
    for g in gold_records()
    for p in g.get("people", [])
    if not any(same_name(p["name"], a) for a in g.get("authors", []))
]
GOLD_BODIES = [
    pytest.param(g["file"], b, id=f"{g['file'][:3]}-{b['name']}")
    for g in gold_records()
    for b in g.get("bodies", [])
]
GOLD_FILES = [pytest.param(g["file"], g, id=g["file"][:3]) for g in gold_records()]


# ----- gold-driven ---------------------------------------------------------------------------
@pytest.mark.parametrize(("file", "gold_person"), GOLD_PEOPLE)
def test_every_gold_person_is_found_under_the_right_name(file: str, gold_person: dict) -> None:
    _doc, cast = cast_of(file)
    forms = person_forms(gold_person)
    hits = [
        p for p in cast.people if any(same_name(f, g) for f in (p.name, *p.aliases) for g in forms)
    ]
    assert hits, f"{file}: {gold_person['name']} missing from {[p.name for p in cast.people]}"
    assert same_name(hits[0].name, gold_person["name"]), f"{file}: canonical {hits[0].name!r}"


@pytest.mark.parametrize(("file", "gold_body"), GOLD_BODIES)
def test_every_gold_body_is_found(file: str, gold_body: dict) -> None:
    _doc, cast = cast_of(file)
    gold_forms = [gold_body["name"], *gold_body.get("mentions", [])]
    assert any(body_hit(gold_forms, [b.name, *b.aliases]) for b in cast.bodies), (
        f"{file}: {gold_body['name']} missing from {[b.name for b in cast.bodies]}"
    )


@pytest.mark.parametrize(("file", "gold"), GOLD_FILES)
def test_no_extra_people_beyond_optional_and_authors(file: str, gold: dict) -> None:
    doc, cast = cast_of(file)
    allowed = [f for p in gold.get("people", []) for f in person_forms(p)]
    allowed += list(gold.get("optional", [])) + list(gold.get("authors", [])) + list(doc.authors)
    extra = [
        p.name
        for p in cast.people
        if not any(same_name(f, a) for f in (p.name, *p.aliases) for a in allowed)
    ]
    assert not extra, f"{file}: extra people {extra}"


@pytest.mark.parametrize(("file", "gold"), GOLD_FILES)
def test_no_extra_bodies_beyond_optional(file: str, gold: dict) -> None:
    _doc, cast = cast_of(file)
    golds = [[b["name"], *b.get("mentions", [])] for b in gold.get("bodies", [])]
    golds += [[o] for o in gold.get("optional", [])]
    extra = [
        b.name for b in cast.bodies if not any(body_hit(g, [b.name, *b.aliases]) for g in golds)
    ]
    assert not extra, f"{file}: extra bodies {extra}"


@pytest.mark.parametrize(("file", "gold"), GOLD_FILES)
def test_gold_documents_are_works_not_bodies(file: str, gold: dict) -> None:
    _doc, cast = cast_of(file)
    for work in gold.get("documents", []):
        forms = [work["name"], *work.get("mentions", [])]
        assert not any(body_hit(forms, [b.name]) for b in cast.bodies), (
            f"{file}: {work['name']} as a body"
        )


@pytest.mark.parametrize(("file", "gold"), GOLD_FILES)
def test_every_mention_points_at_its_form(file: str, gold: dict) -> None:
    doc, cast = cast_of(file)
    assert cast.mentions
    for m in cast.mentions:
        assert doc.text_at(m.location, m.paragraph)[m.start : m.end] == m.form
        assert m.kind in ("person", "body", "document")


def roles_next_to_names(doc: Document, gold: dict) -> list[tuple[str, str]]:
    """Gold roles written right next to a form of the person's name (within a few words);
    roles that only corefer ("the head of the civil service wrote") are not claimed."""
    texts = [t for t in (doc.title, doc.standfirst, *doc.paragraphs) if t]
    out = []
    for p in gold["people"]:
        forms = [p["name"], *p.get("mentions", [])]
        for role in p.get("roles", []):
            for text in texts:
                at = text.find(role)
                if at < 0:
                    continue
                window = text[max(0, at - 40) : at + len(role) + 40]
                if any(f in window for f in forms):
                    out.append((p["name"], role))
                    break
    return out


@pytest.mark.parametrize(("file", "gold"), GOLD_FILES)
def test_gold_roles_written_next_to_the_name_are_given(file: str, gold: dict) -> None:
    doc, cast = cast_of(file)
    by_name = {p.name: p for p in cast.people}
    expected = roles_next_to_names(doc, gold)
    assert expected, f"{file}: no role to check"
    for name, role in expected:
        if name in by_name:
            assert role in by_name[name].roles, f"{file}: {name} lacks role {role!r}"


# ----- people --------------------------------------------------------------------------------
def test_honorific_is_dropped_from_the_canonical_name_and_kept_as_an_alias() -> None:
    cast = find_cast(doc_of("Sir Jeremy Heywood has written to permanent secretaries."))
    p = person(cast, "Jeremy Heywood")
    assert "Sir Jeremy Heywood" in p.aliases


@pytest.mark.parametrize("title", ["Dame", "Lord", "Baroness", "Dr", "Professor"])
def test_every_honorific_is_dropped(title: str) -> None:
    cast = find_cast(doc_of(f"{title} Alison Pemberley told the committee it was wrong."))
    assert [p.name for p in cast.people] == ["Alison Pemberley"]


def test_possessive_mention_gives_the_bare_form() -> None:
    cast = find_cast(doc_of("Jeremy Heywood wrote a note.", "Heywood's note was leaked."))
    forms = [m.form for m in cast.mentions if m.entity == "Jeremy Heywood"]
    assert forms == ["Jeremy Heywood", "Heywood"]


def test_surname_only_mention_resolves_to_full_name() -> None:
    cast = find_cast(
        doc_of("Matthew Rycroft told MPs on Wednesday.", "Rycroft added that it was wrong.")
    )
    assert [p.name for p in cast.people] == ["Matthew Rycroft"]
    later = [m for m in cast.mentions if m.paragraph == 1 and m.kind == "person"]
    assert later[0].entity == "Matthew Rycroft" and later[0].form == "Rycroft"


def test_apposition_after_the_name_gives_role_and_body() -> None:
    cast = find_cast(
        doc_of("Dave Penman, general secretary of the FDA union, said ministers must act.")
    )
    p = person(cast, "Dave Penman")
    assert p.roles == ("general secretary of the FDA union",)
    assert p.bodies == ("FDA",)


def test_role_before_the_name() -> None:
    cast = find_cast(
        doc_of("It was acknowledged by cabinet secretary Simon Case that records matter.")
    )
    assert person(cast, "Simon Case").roles == ("cabinet secretary",)


def test_former_role_before_the_name_keeps_former() -> None:
    cast = find_cast(
        doc_of("Messages published by former chief adviser Dominic Cummings last month.")
    )
    assert person(cast, "Dominic Cummings").roles == ("former chief adviser",)


def test_party_role_ties_the_person_to_the_party() -> None:
    cast = find_cast(doc_of("When asked by Labour MP Yvette Cooper who approved it, he paused."))
    p = person(cast, "Yvette Cooper")
    assert p.roles == ("Labour MP",) and p.bodies == ("Labour Party",)


def test_spokesperson_ties_the_person_to_the_liberal_democrats() -> None:
    text = 'Wera Hobhouse, Liberal Democrat justice spokesperson, said: "It is wrong."'
    p = person(find_cast(doc_of(text)), "Wera Hobhouse")
    assert p.roles == ("Liberal Democrat justice spokesperson",)
    assert p.bodies == ("Liberal Democrats",)


def test_department_possessive_role_goes_to_the_person_named_next() -> None:
    cast = find_cast(
        doc_of(
            "The Home Office's permanent secretary has said new measures are in place.",
            "Matthew Rycroft told MPs that checks had been added.",
        )
    )
    p = person(cast, "Matthew Rycroft")
    assert p.roles == ("permanent secretary",) and p.bodies == ("Home Office",)


def test_roles_joined_by_and_are_split() -> None:
    cast = find_cast(
        doc_of("He offered to fix tax issues for inventor and entrepreneur Sir James Dyson.")
    )
    assert person(cast, "James Dyson").roles == ("inventor", "entrepreneur")


def test_relative_clause_is_not_part_of_the_role() -> None:
    cast = find_cast(
        doc_of("Samuel Okoro, a Labour MP who sits on the Public Accounts Committee, said so.")
    )
    p = person(cast, "Samuel Okoro")
    assert p.roles == ("Labour MP",)
    assert set(p.bodies) == {"Labour Party", "Public Accounts Committee"}


def test_title_set_off_by_commas_before_a_name_is_the_role() -> None:
    cast = find_cast(doc_of("The prime minister, Rishi Sunak, has ordered an inquiry."))
    assert person(cast, "Rishi Sunak").roles == ("prime minister",)


def test_possessive_body_before_a_title_ties_the_person() -> None:
    cast = find_cast(doc_of("The FDA's general secretary, Dave Penman, wrote to ministers."))
    p = person(cast, "Dave Penman")
    assert p.roles == ("general secretary",) and p.bodies == ("FDA",)


def test_name_of_a_body_ties_the_person() -> None:
    cast = find_cast(doc_of("Mike Clancy of Prospect wrote to the cabinet secretary."))
    assert person(cast, "Mike Clancy").bodies == ("Prospect",)


def test_title_with_an_of_phrase_before_a_name_is_the_role() -> None:
    cast = find_cast(doc_of("Critics included the former head of the civil service Lord Kerslake."))
    assert person(cast, "Lord Kerslake").roles == ("former head of the civil service",)


def test_committee_chair_ties_to_the_one_committee_named() -> None:
    cast = find_cast(
        doc_of(
            "The Public Accounts Committee took evidence on Tuesday.",
            "Dame Rosalind Achebe, Committee chair, said the answers were poor.",
        )
    )
    assert person(cast, "Rosalind Achebe").bodies == ("Public Accounts Committee",)


def test_accented_and_long_names_are_whole() -> None:
    text = "Thérèse Coffey met Alexander Boris de Pfeffel Johnson at the count."
    names = [p.name for p in find_cast(doc_of(text)).people]
    assert names == ["Thérèse Coffey", "Alexander Boris de Pfeffel Johnson"]


def test_speech_verb_before_the_name_is_evidence_of_a_person() -> None:
    cast = find_cast(doc_of('"We cannot run a state on goodwill," said Rukhsana Qureshi.'))
    assert [p.name for p in cast.people] == ["Rukhsana Qureshi"]


def test_a_name_after_called_is_not_a_person() -> None:
    cast = find_cast(
        doc_of("Under the new guidance, called Raising Concerns About Conduct: staff may act.")
    )
    assert cast.people == ()
    assert [w.name for w in cast.works] == ["Raising Concerns About Conduct"]


def test_person_then_of_then_body_splits_at_of() -> None:
    cast = find_cast(
        doc_of("Professor Jane Park of the London School of Economics gave evidence."),
        use_lexicon=False,
    )
    assert [p.name for p in cast.people] == ["Jane Park"]
    assert [b.name for b in cast.bodies] == ["London School of Economics"]
    assert person(cast, "Jane Park").bodies == ("London School of Economics",)


def test_bare_word_in_brackets_after_a_body_is_its_alias() -> None:
    text = "Staff at the Department for Environment, Food and Rural Affairs (Defra) met. A Defra spokesperson agreed."
    cast = find_cast(doc_of(text), use_lexicon=False)
    assert [b.name for b in cast.bodies] == ["Department for Environment, Food and Rural Affairs"]
    assert "Defra" in cast.bodies[0].aliases


def test_bracketed_given_name_makes_the_full_name() -> None:
    cast = find_cast(doc_of("It's clear that (Dominic) Cummings has set his sights on it."))
    p = person(cast, "Dominic Cummings")
    assert "(Dominic) Cummings" in p.aliases


def test_two_people_sharing_a_surname_stay_apart() -> None:
    cast = find_cast(
        doc_of(
            "Julian Hart, permanent secretary at the Department for Work and Pensions, spoke first.",
            "Professor Miriam Hart, research director at the Institute for Fiscal Studies, disagreed.",
            "Professor Hart said the figures were clear.",
        )
    )
    assert {p.name for p in cast.people} == {"Julian Hart", "Miriam Hart"}
    last = [m for m in cast.mentions if m.paragraph == 2 and m.kind == "person"]
    assert last[0].entity == "Miriam Hart"


def test_peer_title_with_surname_is_the_same_person() -> None:
    cast = find_cast(
        doc_of("Derek Kenwright, a former chief whip, spoke.", "Lord Kenwright said it was over.")
    )
    assert [p.name for p in cast.people] == ["Derek Kenwright"]
    assert "Lord Kenwright" in cast.people[0].aliases


def test_month_surname_is_not_read_into_dates() -> None:
    cast = find_cast(doc_of("Theresa May ordered a review.", "The review reported in May 2017."))
    may = [m for m in cast.mentions if m.entity == "Theresa May"]
    assert len(may) == 1


def test_signature_line_gives_the_role() -> None:
    cast = find_cast(doc_of("Yours sincerely,", "Mike Clancy", "General Secretary, Prospect"))
    p = person(cast, "Mike Clancy")
    assert p.roles == ("General Secretary, Prospect",) and p.bodies == ("Prospect",)


def test_bylined_author_is_not_a_person_unless_the_text_names_them() -> None:
    doc = doc_of("Ministers met on Tuesday to discuss leaks.", authors=("Jim Dunton",))
    assert find_cast(doc).people == ()
    doc = doc_of("Jim Dunton is a reporter for the site.", authors=("Jim Dunton",))
    assert person(find_cast(doc), "Jim Dunton").roles == ("reporter",)


@pytest.mark.parametrize(
    "text",
    [
        "November's Autumn Statement threatened to undermine trust.",
        "Share this page",
        "It is not enough to email a copy of the Nolan principles.",
        "I have strengthened the controls for sensitive Cabinet Committee papers.",
        "On Wednesday in London the British and French ministers met in March.",
        "Related Articles",
        "Dear Prime Minister,",
        "Public Services",
        "Speaking to members of the committee, he paused.",
    ],
)
def test_capitalised_phrases_are_not_people(text: str) -> None:
    assert find_cast(doc_of(text)).people == ()


def test_products_and_sites_are_not_people() -> None:
    text = "Ministers used Gmail and WhatsApp rather than gov.uk email, said Twitter users."
    assert find_cast(doc_of(text)).people == ()


def test_title_case_headline_is_not_read_as_names() -> None:
    cast = find_cast(
        doc_of("Officials said little.", title="Heywood Vows Crackdown On Leaks After Memo Row")
    )
    assert cast.people == ()


def test_capitalised_title_before_a_name_is_the_role() -> None:
    cast = find_cast(doc_of("Chancellor Rachel Reeves told MPs the rules would change."))
    assert person(cast, "Rachel Reeves").roles == ("Chancellor",)


def test_a_title_after_lord_is_not_a_peer() -> None:
    cast = find_cast(doc_of("The Lord Chancellor and Lord Frost, the former negotiator, met."))
    assert [p.name for p in cast.people] == ["Lord Frost"]


def test_places_named_after_people_are_not_people() -> None:
    cast = find_cast(doc_of("Protesters gathered at Victoria Station and took the Elizabeth Line."))
    assert cast.people == ()


def test_auxiliary_verb_is_no_evidence_of_a_person() -> None:
    cast = find_cast(doc_of("Universal Credit has been reformed, and Net Zero will cost more."))
    assert cast.people == ()


# ----- bodies --------------------------------------------------------------------------------
def test_acronym_defined_in_brackets_is_an_alias() -> None:
    cast = find_cast(
        doc_of(
            "The Advisory Panel on Civic Data (APCD) met in private.",
            "The APCD said it would publish its minutes.",
        )
    )
    b = body(cast, "Advisory Panel on Civic Data")
    assert "APCD" in b.aliases
    assert [m.entity for m in cast.mentions if m.form == "APCD"] == [
        "Advisory Panel on Civic Data"
    ] * 2


def test_acronym_that_spells_the_initials_joins_the_body() -> None:
    cast = find_cast(
        doc_of("A report from the Institute for Government was published.", "The IfG said so.")
    )
    assert [b.name for b in cast.bodies] == ["Institute for Government"]
    assert "IfG" in cast.bodies[0].aliases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Labour has committed to a new commission.", "Labour Party"),
        ("The Tories lost control of the machine.", "Conservative Party"),
        ("It happened under multiple Conservative administrations.", "Conservative Party"),
        ("The Lib Dems called for an inquiry.", "Liberal Democrats"),
        ("The SNP walked out.", "Scottish National Party"),
    ],
)
def test_bare_party_names_map_to_the_party(text: str, name: str) -> None:
    assert body(find_cast(doc_of(text)), name).kind == "party"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Heywood said the government would act.", "UK Government"),
        ("The Treasury declined to comment.", "HM Treasury"),
        ("A spokesperson for No 10 said it was false.", "Prime Minister's Office"),
        ("Downing Street said it was false.", "Prime Minister's Office"),
        ("MPs in the Commons voted against.", "House of Commons"),
    ],
)
def test_lower_case_and_customary_institutions_map_to_one_body(text: str, name: str) -> None:
    assert body(find_cast(doc_of(text)), name)


def test_union_named_with_its_kind_noun() -> None:
    cast = find_cast(doc_of("Dave Penman, general secretary of the FDA union, said so."))
    assert body(cast, "FDA").kind == "union"


@pytest.mark.parametrize("use_lexicon", [True, False])
def test_unknown_body_with_head_word_is_found(use_lexicon: bool) -> None:
    text = (
        "Dr Ifeoma Blake, director of the Office for Civic Integrity, and Marcial Boo, chair of "
        "the Institute of Regulation, gave evidence."
    )
    names = {b.name for b in find_cast(doc_of(text), use_lexicon=use_lexicon).bodies}
    assert {"Office for Civic Integrity", "Institute of Regulation"} <= names


def test_lexicon_disabled_still_finds_context_bodies() -> None:
    text = (
        "The FDA, the union for senior civil servants, took legal action. Think tank Onward agreed."
    )
    cast = find_cast(doc_of(text), use_lexicon=False)
    assert body(cast, "FDA").kind == "union"


def test_two_departments_joined_by_and_stay_two() -> None:
    text = "He worked in the Ministry of Justice and the Department for Education."
    names = [b.name for b in find_cast(doc_of(text), use_lexicon=False).bodies]
    assert names == ["Ministry of Justice", "Department for Education"]


def test_department_with_a_listed_remit_is_one_body_without_the_lexicon() -> None:
    text = "She is chief digital officer at the Department for Environment, Food and Rural Affairs."
    names = [b.name for b in find_cast(doc_of(text), use_lexicon=False).bodies]
    assert names == ["Department for Environment, Food and Rural Affairs"]


def test_pieces_of_organisation_names_are_not_bodies() -> None:
    cast = find_cast(
        doc_of("The Serious Fraud Office opened an inquiry.", "Serious concerns remain.")
    )
    assert [b.name for b in cast.bodies] == ["Serious Fraud Office"]


def test_members_before_a_committee_are_not_part_of_its_name() -> None:
    text = (
        "Conservative MPs on the Public Administration and Constitutional Affairs Committee asked."
    )
    names = [b.name for b in find_cast(doc_of(text), use_lexicon=False).bodies]
    assert "Public Administration and Constitutional Affairs Committee" in names
    assert not any(n.startswith("Conservative MPs") for n in names)


def test_institution_inside_a_title_describes_a_person_and_is_no_mention() -> None:
    cast = find_cast(doc_of('"Leaks are never acceptable," the head of the civil service wrote.'))
    assert not [m for m in cast.mentions if m.entity == "Civil Service"]


def test_generic_committee_is_not_a_body() -> None:
    cast = find_cast(doc_of("He chaired the Select Committee and a Cabinet Committee."))
    assert cast.bodies == ()


def test_every_body_kind_is_a_known_kind() -> None:
    for file in sorted(p.name for p in DATA.glob("*.txt")):
        for b in cast_of(file)[1].bodies:
            assert b.kind in BODY_KINDS


def test_body_named_by_the_title_of_its_official() -> None:
    cast = find_cast(doc_of("Vote Leave director Dominic Cummings agreed."), use_lexicon=False)
    assert body(cast, "Vote Leave")
    assert person(cast, "Dominic Cummings").bodies == ("Vote Leave",)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("When asked by Labour MP Yvette Cooper, he paused.", "Labour"),
        ("Wera Hobhouse, Liberal Democrat justice spokesperson, said so.", "Liberal Democrat"),
        ("Prospect negotiations officer Bronwen Tate warned of cuts.", "Prospect"),
    ],
)
def test_party_and_union_named_by_a_title_without_the_lexicon(text: str, form: str) -> None:
    cast = find_cast(doc_of(text), use_lexicon=False)
    assert any(form in (b.name, *b.aliases) for b in cast.bodies)


def test_house_of_names_a_body_but_a_building_does_not() -> None:
    text = "Peers in the House of Lords met at Lancaster House."
    names = [b.name for b in find_cast(doc_of(text), use_lexicon=False).bodies]
    assert names == ["House of Lords"]


def test_nationality_before_a_title_is_not_a_body() -> None:
    cast = find_cast(
        doc_of("The Israeli president and the Pakistani leader spoke."), use_lexicon=False
    )
    assert cast.bodies == ()


def test_a_day_after_a_body_is_not_part_of_its_name() -> None:
    cast = find_cast(doc_of("Speaking at the Institute for Government on Tuesday, she said so."))
    assert [b.name for b in cast.bodies] == ["Institute for Government"]


# ----- works ---------------------------------------------------------------------------------
def test_codes_are_works_not_bodies() -> None:
    text = "It is a breach of the Ministerial Code and of the civil service code."
    cast = find_cast(doc_of(text))
    assert {w.name for w in cast.works} == {"Ministerial Code", "Civil Service Code"}
    assert not any("Code" in b.name for b in cast.bodies)


def test_report_author_is_the_person_named_after_authored_by() -> None:
    cast = find_cast(
        doc_of(
            "Concerns could be raised, says the report, authored by Institute of Regulation chair "
            "Marcial Boo.",
            "The recommendations are made in a new Demos report which warns of a mismatch.",
        )
    )
    work = next(w for w in cast.works if "report" in w.name)
    assert work.name == "Demos report" and work.author == "Marcial Boo"
    assert body(cast, "Demos") and body(cast, "Institute of Regulation")


def test_capitalised_work_name_is_a_work() -> None:
    cast = find_cast(doc_of("November's Autumn Statement threatened to undermine trust."))
    assert [w.name for w in cast.works] == ["Autumn Statement"]
    assert cast.bodies == ()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "In its report, \u201cKeeping the books\u201d, the committee said so.",
            "Keeping the books",
        ),
        (
            "It said in a report published today, Digital capability in government, that it was poor.",
            "Digital capability in government",
        ),
        (
            "The official relied on the Treasury's guidance, Managing Public Money.",
            "Managing Public Money",
        ),
    ],
)
def test_title_after_a_document_noun_is_a_work(text: str, title: str) -> None:
    cast = find_cast(doc_of(text))
    assert title in [w.name for w in cast.works]
    assert title not in [b.name for b in cast.bodies]


def test_body_after_report_comma_is_not_a_title() -> None:
    cast = find_cast(doc_of("In its report, Labour said the plans were flawed."))
    assert cast.works == ()


def test_work_named_head_first_is_a_work() -> None:
    cast = find_cast(doc_of("The Declaration on Government Reform was right to say so."))
    assert [w.name for w in cast.works] == ["Declaration on Government Reform"]


def test_work_named_after_a_person_drops_the_article() -> None:
    cast = find_cast(
        doc_of(
            "A review led by Baroness Marguerite Achterberg was published.",
            "The Achterberg review said so.",
        )
    )
    assert [w.name for w in cast.works] == ["Achterberg review"]


# ----- corpus-wide identity ------------------------------------------------------------------
def ref(name: str, *aliases: str) -> PersonRef:
    return PersonRef(name=name, aliases=aliases, roles=(), bodies=())


def test_merge_people_joins_honorific_full_and_surname_forms() -> None:
    got = merge_people(
        [
            ("a", ref("Jeremy Heywood", "Sir Jeremy Heywood", "Heywood")),
            ("b", ref("Sir Jeremy Heywood")),
            ("c", ref("Heywood")),
        ]
    )
    assert set(got.values()) == {"Jeremy Heywood"}
    assert got[("c", "Heywood")] == "Jeremy Heywood"


def test_merge_people_keeps_two_people_with_one_surname_apart() -> None:
    got = merge_people([("a", ref("Julian Hart")), ("b", ref("Miriam Hart")), ("c", ref("Hart"))])
    assert got[("a", "Julian Hart")] == "Julian Hart"
    assert got[("b", "Miriam Hart")] == "Miriam Hart"
    assert got[("c", "Hart")] == "Hart"  # ambiguous: stays its own entry


def test_merge_people_joins_a_short_given_name() -> None:
    got = merge_people(
        [("a", ref("Matt Hancock")), ("b", ref("Matthew Hancock")), ("c", ref("Matt Hancock"))]
    )
    assert set(got.values()) == {"Matt Hancock"}


def test_merge_people_keeps_different_given_names_apart() -> None:
    got = merge_people([("a", ref("Dominic Raab")), ("b", ref("Daniel Raab"))])
    assert got[("a", "Dominic Raab")] != got[("b", "Daniel Raab")]


def test_merge_bodies_joins_an_acronym_with_its_full_name() -> None:
    got = merge_bodies(
        [
            ("a", BodyRef("Institute for Government", ("IfG",), "think tank")),
            ("b", BodyRef("IfG", (), "think tank")),
            ("c", BodyRef("Institute for Government", (), "think tank")),
        ]
    )
    assert set(got.values()) == {"Institute for Government"}


def test_merge_bodies_keeps_distinct_bodies_apart() -> None:
    got = merge_bodies(
        [
            ("a", BodyRef("Home Office", (), "department")),
            ("b", BodyRef("Cabinet Office", (), "department")),
        ]
    )
    assert (
        got[("a", "Home Office")] == "Home Office"
        and got[("b", "Cabinet Office")] == "Cabinet Office"
    )


def test_merge_over_the_seed_corpus_gives_one_dominic_cummings() -> None:
    pairs = [
        (f, p) for f in sorted(p.name for p in DATA.glob("*.txt")) for p in cast_of(f)[1].people
    ]
    got = merge_people(pairs)
    cummings = {v for (d, n), v in got.items() if "Cummings" in n}
    assert cummings == {"Dominic Cummings"}


# ----- lexicon, robustness, speed ------------------------------------------------------------
def test_lexicon_rows_are_well_formed() -> None:
    from importlib import resources

    text = (
        resources.files("whitehall_cli.lexicon").joinpath("bodies.tsv").read_text(encoding="utf-8")
    )
    rows = parse_rows(text)
    assert len(rows) > 100
    for row in rows:
        assert row.kind in BODY_KINDS or row.kind == "work", row
        assert row.forms[0] == row.name


def test_wh_no_lexicon_env_switches_the_lexicon_off() -> None:
    code = (
        "from whitehall_cli.entities.cast import find_cast, USE_LEXICON\n"
        "from whitehall_cli.models import Document\n"
        "d = Document('x', '/x', None, None, None, None, (), None, ('Demos won.',))\n"
        "print(USE_LEXICON, [b.name for b in find_cast(d).bodies])\n"
    )
    env = {**os.environ, "WH_NO_LEXICON": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False []"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=4))
def test_any_text_gives_a_cast_with_valid_mentions(paragraphs: list[str]) -> None:
    doc = doc_of(*paragraphs)
    cast = find_cast(doc)
    for m in cast.mentions:
        assert doc.text_at(m.location, m.paragraph)[m.start : m.end] == m.form


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Sir",
                "Jeremy",
                "Heywood",
                "Home",
                "Office",
                "of",
                "the",
                "and",
                "said",
                "Labour",
                "MP",
                ",",
                "(",
                ")",
                "IfG",
                "Institute",
                "for",
                "Government",
                "'s",
                "May",
                "report",
            ]
        ),
        max_size=40,
    )
)
def test_shuffled_news_words_never_break_the_stage(words: list[str]) -> None:
    doc = doc_of(" ".join(words))
    cast = find_cast(doc)
    for m in cast.mentions:
        assert doc.text_at(m.location, m.paragraph)[m.start : m.end] == m.form


def test_find_cast_is_fast_on_the_seed_articles() -> None:
    docs = [cast_of(p.name)[0] for p in sorted(DATA.glob("*.txt"))]
    for d in docs:
        find_cast(d)
    best = float("inf")
    for _ in range(5):
        t = time.process_time()
        for d in docs:
            find_cast(d)
        best = min(best, time.process_time() - t)
    words = sum(len(" ".join(d.paragraphs).split()) for d in docs)
    per_500 = best / words * 500
    assert per_500 < 0.010, f"{per_500 * 1000:.2f} ms per 500 words"  # generous: catches O(n^2)


def test_a_body_the_article_names_only_by_acronym_keeps_the_acronym() -> None:
    from whitehall_cli.entities.cast import find_cast
    from whitehall_cli.models import Document

    doc = Document(
        "x",
        "",
        None,
        None,
        None,
        None,
        (),
        None,
        ("Members of PCS will strike next week, PCS said on Tuesday.",),
    )
    names = {b.name: b.aliases for b in find_cast(doc).bodies}
    assert "PCS" in names and "Public and Commercial Services Union" in names["PCS"]


# ----- rules added for unseen house styles ---------------------------------------------------
def test_call_to_action_line_names_no_body() -> None:
    cast = find_cast(doc_of("Follow the Committee on X for updates on the inquiry."))
    assert cast.bodies == ()


def test_platform_after_a_body_is_not_part_of_its_name() -> None:
    cast = find_cast(doc_of("Follow the Institute for Civic Renewal on X."))
    assert [b.name for b in cast.bodies] == ["Institute for Civic Renewal"]


def test_lone_capital_letter_makes_no_body_name() -> None:
    cast = find_cast(doc_of("Papers for the Working Group B meeting were late."))
    assert "Working Group B" not in [b.name for b in cast.bodies]


def test_possessive_body_right_before_a_name_ties_the_person() -> None:
    cast = find_cast(doc_of("The Resolution Foundation's Priya Malhotra said pay had stalled."))
    assert person(cast, "Priya Malhotra").bodies == ("Resolution Foundation",)


def test_peer_territorial_designation_is_part_of_the_form_and_the_role_follows() -> None:
    text = (
        "Derek Holloway, Lord Holloway of Kelso, a former permanent secretary, told peers the "
        "rules were clear. Lord Holloway added that nobody had asked."
    )
    doc = doc_of(text)
    cast = find_cast(doc)
    p = person(cast, "Derek Holloway")
    assert "Lord Holloway of Kelso" in p.aliases
    assert "former permanent secretary" in p.roles
    forms = [m.form for m in cast.mentions if m.entity == "Derek Holloway"]
    assert "Lord Holloway of Kelso" in forms
    for m in cast.mentions:
        assert doc.text_at(m.location, m.paragraph)[m.start : m.end] == m.form


def test_bracketed_code_after_a_body_is_a_reference_not_an_alias() -> None:
    cast = find_cast(doc_of("The Institute for Civic Renewal (ABC0042) said the code was weak."))
    assert body(cast, "Institute for Civic Renewal").aliases == ()


def test_relative_named_by_given_name_takes_the_family_surname() -> None:
    doc = doc_of(
        "Gareth Lowry, 61, and his wife Helen, 58, both work at the tax office.",
        '"We were never asked," said Mrs Lowry.',
        "Mr Lowry, an auditor, said the move was a shock. Helen said she would leave.",
    )
    cast = find_cast(doc)
    helen = person(cast, "Helen Lowry")
    assert "Mrs Lowry" in helen.aliases and "Helen" in helen.aliases
    gareth = person(cast, "Gareth Lowry")
    assert "Mr Lowry" in gareth.aliases and "Mrs Lowry" not in gareth.aliases
    helen_forms = [(m.paragraph, m.form) for m in cast.mentions if m.entity == "Helen Lowry"]
    assert helen_forms == [(0, "Helen"), (1, "Mrs Lowry"), (2, "Helen")]


def test_relative_with_a_full_name_is_not_renamed() -> None:
    cast = find_cast(doc_of("Alan Marsh and his son Peter Marsh-Tully both sat on the board."))
    assert {p.name for p in cast.people} == {"Alan Marsh", "Peter Marsh-Tully"}


def test_now_before_a_role_in_apposition_is_not_part_of_it() -> None:
    cast = find_cast(doc_of("Priya Malhotra, now a junior minister, told MPs she disagreed."))
    assert person(cast, "Priya Malhotra").roles == ("junior minister",)


def test_definite_title_that_acts_refers_back_to_the_person_in_focus() -> None:
    cast = find_cast(
        doc_of(
            "Dame Ruth Okafor has written to permanent secretaries about leaks.",
            "A memo by the cabinet secretary says leakers will be dismissed.",
            "Okafor said the prime minister Rishi Sunak backed her. "
            '"Leaks corrode trust," the head of the civil service wrote.',
        )
    )
    assert person(cast, "Ruth Okafor").roles == ("cabinet secretary", "head of the civil service")
    assert "head of the civil service" not in person(cast, "Rishi Sunak").roles


@pytest.mark.parametrize(
    "text",
    [
        # an object, not an actor
        "Tom Reilly said he had written to the cabinet secretary about it.",
        # inside a quotation
        'Tom Reilly said: "The cabinet secretary said nothing to us."',
        # a common title any holder may bear
        "Tom Reilly spoke first. The minister said the cuts would go ahead.",
        # an unnamed holder introduced just before
        "Tom Reilly spoke first. One permanent secretary disagreed. The permanent secretary said "
        "the plan was unworkable.",
    ],
)
def test_definite_title_is_not_given_without_a_clear_referent(text: str) -> None:
    assert person(find_cast(doc_of(text)), "Tom Reilly").roles == ()


def test_definite_title_held_by_someone_else_is_not_given_again() -> None:
    cast = find_cast(
        doc_of(
            "Cabinet secretary Simon Marsh spoke on Monday. Priya Shah said it was wrong.",
            "The cabinet secretary said the rules were clear.",
        )
    )
    assert person(cast, "Priya Shah").roles == ()


def test_capitalised_title_before_policy_is_a_work_not_a_body() -> None:
    cast = find_cast(
        doc_of("Under the Government Records Retention policy, files are kept for 20 years.")
    )
    assert [w.name for w in cast.works] == ["Government Records Retention policy"]
    assert cast.bodies == ()


def test_a_body_before_policy_is_no_work() -> None:
    cast = find_cast(doc_of("Labour policy on pay has not changed, the Treasury guidance says."))
    assert cast.works == ()


def test_possessive_body_before_a_titled_work_is_its_author() -> None:
    cast = find_cast(doc_of("The Demos Institute's report, Working With Ministers, says so."))
    works = {w.name: w.author for w in cast.works}
    assert works == {"Working With Ministers": "Demos Institute"}


def test_unpublished_document_of_a_body_is_a_work_named_by_its_author() -> None:
    doc = doc_of(
        "Staff at the Department for Education face cuts, according to a leaked memo seen by "
        "this paper. The DfE declined to comment."
    )
    cast = find_cast(doc)
    assert [(w.name, w.author) for w in cast.works] == [
        ("DfE leaked memo", "Department for Education")
    ]
    m = next(m for m in cast.mentions if m.kind == "document")
    assert (m.entity, m.form) == ("DfE leaked memo", "leaked memo")
    assert doc.paragraphs[0][m.start : m.end] == "leaked memo"


def test_guidance_named_after_a_possessive_body_speaks_for_itself() -> None:
    cast = find_cast(doc_of("The Treasury's guidance, Managing Public Money, says so."))
    assert [(w.name, w.author) for w in cast.works] == [("Managing Public Money", None)]


def test_capitalised_pair_after_the_is_not_a_person() -> None:
    cast = find_cast(
        doc_of(
            "New Fast Track places were announced. The Fast Track is a graduate scheme, said "
            "Jo Marsh, director for the Civil Service Fast Track."
        )
    )
    assert [p.name for p in cast.people] == ["Jo Marsh"]


def test_seat_after_mp_for_is_part_of_the_role() -> None:
    cast = find_cast(doc_of("The Labour MP for Wirral West, Matthew Patrick, said no."))
    p = person(cast, "Matthew Patrick")
    assert p.roles == ("Labour MP for Wirral West",) and p.bodies == ("Labour Party",)


def test_hyphenated_title_in_apposition_is_a_role() -> None:
    cast = find_cast(doc_of("Dr Ama Mensah, pro-vice-chancellor for research, welcomed it."))
    assert person(cast, "Ama Mensah").roles == ("pro-vice-chancellor for research",)


def test_its_before_a_role_ties_the_person_to_the_body_just_named() -> None:
    cast = find_cast(
        doc_of(
            "The Kelvin Institute said it had cut staff. Its chief executive, Ruth Adeyemi, "
            "said the cuts were painful."
        )
    )
    assert person(cast, "Ruth Adeyemi").bodies == ("Kelvin Institute",)


def test_title_after_said_that_opens_a_clause_is_no_back_reference() -> None:
    cast = find_cast(
        doc_of("Tom Reilly's aide said the cabinet secretary had been told. Tom Reilly agreed.")
    )
    assert person(cast, "Tom Reilly").roles == ()


def test_merge_bodies_names_a_body_as_most_articles_do() -> None:
    got = merge_bodies(
        [
            ("a", BodyRef("PCS", ("Public and Commercial Services Union",), "union")),
            ("b", BodyRef("PCS", ("Public and Commercial Services Union",), "union")),
            ("c", BodyRef("Public and Commercial Services Union", ("PCS",), "union")),
        ]
    )
    assert set(got.values()) == {"PCS"}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Labour's shadow minister Jo Bloggs said no.", "Labour Party"),
        ("The Tories have lost the seat, Jo Bloggs said.", "Conservative Party"),
        ("Lib Dem spokesperson Jo Bloggs said no.", "Liberal Democrats"),
    ],
)
def test_party_words_name_the_party_without_the_lexicon(text: str, party: str) -> None:
    cast = find_cast(doc_of(text), use_lexicon=False)
    assert party in [b.name for b in cast.bodies]


def test_another_name_starting_with_a_party_word_is_not_the_party() -> None:
    cast = find_cast(doc_of("Labour Together published its plan."), use_lexicon=False)
    assert "Labour Party" not in [b.name for b in cast.bodies]


def test_crown_prefix_makes_a_public_body_and_its_acronym_joins_it() -> None:
    cast = find_cast(
        doc_of("Staff at HM Land Registry were told on Monday. HMLR said it would close."),
        use_lexicon=False,
    )
    b = body(cast, "HM Land Registry")
    assert b.aliases == ("HMLR",)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("First Minister Ailsa Munro told MSPs it was wrong.", "Ailsa Munro", "First Minister"),
        ("Deputy First Minister Ailsa Munro agreed.", "Ailsa Munro", "Deputy First Minister"),
        ("Chief Secretary Tom Reilly said so.", "Tom Reilly", "Chief Secretary"),
    ],
)
def test_capitalised_title_with_a_modifier_before_a_name(text: str, name: str, role: str) -> None:
    assert person(find_cast(doc_of(text)), name).roles == (role,)


def test_a_clause_opener_is_not_part_of_a_body_name() -> None:
    cast = find_cast(doc_of("If the Cabinet Office walks away now, nobody will trust it again."))
    assert [b.name for b in cast.bodies] == ["Cabinet Office"]


def test_subjects_listed_before_a_committee_are_part_of_its_name() -> None:
    cast = find_cast(
        doc_of("The Science, Innovation and Technology Committee said the plan was weak.")
    )
    assert [b.name for b in cast.bodies] == ["Science, Innovation and Technology Committee"]


def test_a_knight_or_dame_named_by_style_and_given_name_is_the_same_person() -> None:
    cast = find_cast(
        doc_of(
            "Dame Ann Lee, permanent secretary, is to step down.",
            "Dame Ann, 57, told colleagues she would leave in June.",
        )
    )
    assert [p.name for p in cast.people] == ["Ann Lee"]
    assert "Dame Ann" in cast.people[0].aliases
    assert sum(m.entity == "Ann Lee" for m in cast.mentions) == 2


# --- where a definite title may start ---------------------------------------------------

# The plain statement of the rule: "the" as a whole word, a space, then a title word as a
# whole word. `_definite_titles` finds the same places with a set look-up.
_THE_TITLE = re.compile(
    r"\b[Tt]he (?=(?:" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\b)"
)
_TITLE_TEXT = st.lists(
    st.sampled_from(
        [
            "the",
            "The",
            "lathe",
            "minister",
            "vice",
            "chancellor",
            "ex",
            "-",
            " ",
            "_",
            "'s",
            "secretaryX",
            "co-founder",
            "new",
            ",",
            "the the",
            "x",
        ]
    ),
    max_size=12,
).map("".join)


@given(_TITLE_TEXT)
def test_definite_titles_are_where_the_pattern_finds_them(text: str) -> None:
    assert _definite_titles(text) == [m.start() for m in _THE_TITLE.finditer(text)]


def test_definite_titles_in_a_sentence() -> None:
    text = (
        "Bathe ministers; the minister, the vice-chancellor and the ex-minister met the newsdesk."
    )
    assert [text[i : i + 8] for i in _definite_titles(text)] == ["the mini", "the vice", "the ex-m"]
