"""Bodies (organisations) named in one text, found on its words, and the capitalised phrases
every span finder reads (`cap_phrases`; works' names are found by `works`).

Two sources here, longest span winning: the curated lexicon (`lexicon/bodies.tsv`, optional)
and capitalised phrases built on an organisation head word ("Institute of Regulation",
"Office for Civic Integrity"). Bodies shown only by the words around them ("the FDA union")
are in `body_context`. Acronyms are tied to a body by the caller when the text defines them in
brackets or when their letters are the initials of a body already named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from whitehall_cli.entities.body_words import (
    ACTION_VERBS,
    CROWN_PREFIXES,
    GENERIC_BODY_NAMES,
    GENERIC_ORG_MODIFIERS,
    KIND_NOUNS,
    OF_HEADS,
    ORG_HEADS,
    ORG_ROLE_NOUNS,
    PEOPLE_NOUNS,
    PLATFORMS,
    TIME_WORDS,
    TITLE_WORDS,
    UNION_APPOSITIONS,
)
from whitehall_cli.entities.person_words import GIVEN_NAMES, HONORIFICS, PARTY_NAMES
from whitehall_cli.entities.records import Span
from whitehall_cli.entities.tokens import CONNECTORS, WORD, Tok, joined

# Words that open a clause or a question and so never start a body's name ("If the Cabinet
# Office ...", "Is the Cabinet Office fit for purpose?").
CLAUSE_OPENERS = frozenset(
    "If When But And As While Although Though Since Because After Before Unless Until Once So "
    "Yet Or Whether Where Is Are Was Were Do Does Did Can Could Will Would Should Has Have Had "
    "Why How What Who".split()
)
# Connectors that link a person's name to the body they belong to ("Jane Park of the LSE").
LINKING_CONNECTORS = frozenset(("of", "for", "on", "in"))
# Words that show a capitalised run starts with a person: honorifics and given names.
PERSON_MARKERS = frozenset(HONORIFICS) | GIVEN_NAMES
# Words of which a text must hold at least one for each rule to be worth a scan.
HEAD_WORDS = frozenset(ORG_HEADS) | CROWN_PREFIXES
CONTEXT_WORDS = frozenset(
    w
    for phrase in [*KIND_NOUNS, *ORG_ROLE_NOUNS, *UNION_APPOSITIONS]
    for w in phrase.split()
    if w not in ("which", "the", "for", "general", "chief", "assistant", "national", "trade")
)


def cap_run(toks: list[Tok], i: int, taken: set[int]) -> int:
    """End of the capitalised phrase starting at word i (connectors allowed between caps)."""
    j = i + 1
    n = len(toks)
    while j < n and not toks[j - 1].possessive:
        t = toks[j]
        if j in taken or not (joined(toks, j) or _plural_possessive_in_name(toks, j)):
            break
        if t.cap:
            j += 1
            continue
        k = j
        while k < n and toks[k].text in CONNECTORS and joined(toks, k) and k not in taken:
            k += 1
        if k > j and k < n and toks[k].cap and joined(toks, k) and k not in taken:
            j = k + 1
            continue
        break
    return j


def _plural_possessive_in_name(toks: list[Tok], j: int) -> bool:
    """ "National Farmers' Union": a plural possessive before a body's head word is inside
    its name (a singular one, "Sunak's Cabinet Office", ends the phrase)."""
    gap = toks[j].gap
    return (
        toks[j - 1].text.endswith("s")
        and gap[:1] in "'\u2019"
        and gap[1:] == " "
        and (toks[j].base in ORG_HEADS)
    )


def cap_phrases(
    toks: list[Tok],
    taken: set[int],
    caps: list[int] | None,
    *,
    skip: Callable[[list[Tok], int], bool] | None = None,
    end: Callable[[list[Tok], int, int, set[int]], int] | None = None,
) -> Iterator[tuple[int, int]]:
    """Each capitalised phrase of a text once, as words i..j-1, for the span finders: it
    starts at a capitalised word that no earlier phrase covers and no span has taken (`caps`:
    the indices of the text's capitalised words, the only places a phrase can start) and
    runs as `cap_run` reads it. `skip` passes over a start; `end` moves a phrase's end, and
    the next phrase starts after it."""
    after = 0  # words before this belong to a phrase already read
    for i in caps if caps is not None else range(len(toks)):
        if i < after or not toks[i].cap or i in taken or (skip is not None and skip(toks, i)):
            continue
        j = cap_run(toks, i, taken)
        if end is not None:
            j = end(toks, i, j, taken)
        after = j
        yield i, j


def head_word_spans(
    text: str,
    toks: list[Tok],
    taken: set[int],
    words: frozenset[str] | None = None,
    caps: list[int] | None = None,
    known: frozenset[tuple[int, int]] = frozenset(),
) -> list[Span]:
    """Capitalised phrases built on an organisation head word (`words`: the text's words;
    `caps`: indices of its capitalised words, the only places a phrase can start; `known`:
    the words i..j-1 of bodies the lexicon found, each a body on its own)."""
    found: list[Span] = []
    if words is not None and words.isdisjoint(HEAD_WORDS):
        return found
    for i, j in cap_phrases(toks, taken, caps, end=_listed_end):
        # split "the Home Office and Department for Education" after a head word
        pieces, a = [], _after_person(toks, i, j)
        for k in range(i + 1, j):
            if (
                toks[k].text == "and"
                and k + 1 < j
                and (
                    toks[k - 1].base in ORG_HEADS
                    or toks[k + 1].text == "the"
                    or toks[k + 1].base in ORG_HEADS
                )
            ):
                pieces.append((a, k))
                a = k + 1
        pieces.append((a, j))
        for a, b in pieces:
            for x, y in _bodies_joined(text, toks, a, b, known):
                span = _org_phrase(text, toks, x, y)
                if span:
                    found.append(span)
    return found


def _after_person(toks: list[Tok], i: int, j: int) -> int:
    """Where a body's name may start in words i..j-1: after an "of" that follows a person's
    name ("Chief Executive Sarah Munby of the Equality and Human Rights Commission": the
    body is what the person is of, and the words before it are theirs)."""
    for k in range(i + 2, j - 1):
        if toks[k].text != "of":
            continue
        if any(toks[g].base in GIVEN_NAMES and toks[g + 1].cap for g in range(i, k - 1)):
            return k + 2 if toks[k + 1].text == "the" and k + 2 < j else k + 1
        break
    return i


def _bodies_joined(
    text: str, toks: list[Tok], a: int, b: int, known: frozenset[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Words a..b-1 split at an "and" whose two sides are each a body on its own ("the
    Department for Work and Pensions and Care Quality Commission"), the last "and" first;
    kept whole when the name itself has the "and" ("Equality and Human Rights Commission":
    "Equality" is no body; "Ministry of Housing, Communities and Local Government": the
    "and" ends a listed remit)."""
    for k in range(b - 2, a, -1):
        if toks[k].text != "and" or not _body_alone(text, toks, k + 1, b, known):
            continue
        if any(toks[m].gap.strip() == "," for m in range(a + 1, k)):
            return [(a, b)]  # "Department for Science, Innovation and Technology"
        if _body_alone(text, toks, a, k, known, crown=False):
            return [*_bodies_joined(text, toks, a, k, known), (k + 1, b)]
    return [(a, b)]


def _body_alone(
    text: str,
    toks: list[Tok],
    a: int,
    b: int,
    known: frozenset[tuple[int, int]],
    crown: bool = True,
) -> bool:
    """Words a..b-1 (after a "the") name a body by themselves; without `crown`, not by the
    Crown's prefix alone (it reaches over the "and": "HM Courts and Tribunals Service")."""
    if a < b and toks[a].base == "The":
        a += 1
    if (a, b) in known:
        return True
    if not crown and not any(toks[m].base in ORG_HEADS for m in range(a, b)):
        return False
    span = _org_phrase(text, toks, a, b)
    return span is not None and (span.i, span.j) == (a, b)


def _listed_end(toks: list[Tok], i: int, j: int, taken: set[int]) -> int:
    """A phrase's end after the names listed in it (`_comma_list_end`, then
    `_listed_subjects_end`)."""
    return _listed_subjects_end(toks, i, _comma_list_end(toks, i, j, taken), taken)


def _listed_subjects_end(toks: list[Tok], i: int, j: int, taken: set[int]) -> int:
    """Extend "Science" over ", Innovation and Technology Committee": subjects listed
    before the head word of a committee or department."""
    if any(toks[k].base in ORG_HEADS for k in range(i, j)):
        return j
    listed = _comma_list(toks, j, taken)
    if listed is None:
        return j
    and_at, end = listed
    return end if any(toks[x].base in ORG_HEADS for x in range(and_at + 1, end)) else j


def _comma_list_end(toks: list[Tok], i: int, j: int, taken: set[int]) -> int:
    """Extend "Department for Environment" over ", Food and Rural Affairs" (a listed remit)."""
    if not any(
        toks[k].base in ORG_HEADS and toks[k + 1].text in ("for", "of") for k in range(i, j - 1)
    ):
        return j
    listed = _comma_list(toks, j, taken)
    return j if listed is None else listed[1]


def _comma_list(toks: list[Tok], j: int, taken: set[int]) -> tuple[int, int] | None:
    """ ", Word Word, Word and Word Word" read from the comma before token `j`: the index of
    its "and" and the end of the capitalised words after it, or None."""
    n = len(toks)
    k = j
    while k < n and toks[k].gap.strip() == "," and toks[k].cap and k not in taken:
        m = k + 1
        while m < n and joined(toks, m) and toks[m].cap and m not in taken:
            m += 1
        if m + 1 < n and toks[m].text == "and" and joined(toks, m) and toks[m + 1].cap:
            end = m + 1
            while end < n and joined(toks, end) and toks[end].cap and end not in taken:
                end += 1
            return m, end
        k = m
    return None


def _org_phrase(text: str, toks: list[Tok], a: int, b: int) -> Span | None:
    """A body named by words a..b-1 if they hold a head word and a distinctive word."""
    first = a
    while a < b and (
        toks[a].base in TITLE_WORDS
        or toks[a].text in CONNECTORS
        or toks[a].base in ("The", "A", "An", "This", "That")
        or toks[a].base in CLAUSE_OPENERS
        or (toks[a].initial and toks[a].base in ACTION_VERBS)
        or _opens_sentence_before_the(toks, a, b)
    ):
        a += 1
    a = _after_party(toks, a, b)
    heads = [
        k
        for k in range(a, b)
        if toks[k].base in ORG_HEADS
        and (toks[k].base not in OF_HEADS or (k + 1 < b and toks[k + 1].text == "of"))
    ]
    if heads and heads[0] == a and a + 1 < b and toks[a + 1].base in TITLE_WORDS:
        heads.pop(0)  # "Executive Director of the IFS": a head word that opens a job title
    if not heads:
        return _crown_body(text, toks, a, b)
    if heads[0] == a > first and toks[a - 1].base in TITLE_WORDS and joined(toks, a):
        # "Chief Executive of GDS": the head word ends a job title; a body may follow "of"
        of = a + 1
        return _org_phrase(text, toks, of + 1, b) if of < b and toks[of].text == "of" else None
    # "Conservative MPs on the Public Accounts Committee", "Professor Jane Park of the London
    # School of Economics": a title, or an "of"/"for"/"on" after a person's name, ends what
    # comes before; the body starts after it
    personal = next((k for k in range(a, heads[0]) if toks[k].base in PERSON_MARKERS), None)
    cuts = [
        k
        for k in range(a, heads[0])
        if toks[k].base in TITLE_WORDS | PEOPLE_NOUNS
        # ... a name of two words or more: "Fraser of Allander Institute" is one name
        or (personal is not None and k > personal + 1 and toks[k].text in LINKING_CONNECTORS)
    ]
    if cuts:
        a = cuts[-1] + 1
        while a < heads[0] and toks[a].text in CONNECTORS:
            a += 1
    last = heads[-1]
    end = last + 1
    k = end
    while k < b and toks[k].text in CONNECTORS:
        k += 1
        if k < b and toks[k].base in PLATFORMS:
            break  # "the Institute for Government on X"
        while k < b and toks[k].cap and toks[k].base not in TIME_WORDS:
            k += 1
            end = k
    while end > a and toks[end - 1].text in CONNECTORS:
        end -= 1
    words = [toks[k].base for k in range(a, end)]
    if len(words) < 2:
        return None
    distinct = [
        w
        for w in words
        if w not in ORG_HEADS and w not in CONNECTORS and w not in GENERIC_ORG_MODIFIERS
    ]
    name = text[toks[a].start : toks[end - 1].end]
    # a lone capital letter ("Committee on X", "Group B") names a label, not a body
    if all(len(w) == 1 for w in distinct) or name in GENERIC_BODY_NAMES:
        return None
    return Span(a, end, toks[a].start, toks[end - 1].end, name, name, ORG_HEADS[toks[last].base], 1)


def _after_party(toks: list[Tok], a: int, b: int) -> int:
    """Where a body's name starts after a party's name that qualifies a portfolio ("Liberal
    Democrat Cabinet Office spokesperson", "Labour Home Office team"): the party is named on
    its own, and the body is what follows ("Labour Party" itself stays whole)."""
    for size in (2, 1):
        if a + size < b and " ".join(toks[m].base for m in range(a, a + size)) in PARTY_NAMES:
            return a + size if toks[a + size].base != "Party" else a
    return a


def _opens_sentence_before_the(toks: list[Tok], a: int, b: int) -> bool:
    """A sentence's or a heading's first word right before "the" ("Inside the Cabinet
    Office", "Behind the Treasury's figures"): a word of the sentence, not of a name (a
    name goes on with "of" or "for" after its first word, "Office of the ...")."""
    t = toks[a]
    return t.initial and a + 1 < b and toks[a + 1].text == "the" and t.base not in ORG_HEADS


def _crown_body(text: str, toks: list[Tok], a: int, b: int) -> Span | None:
    """ "HM Revenue and Customs", "HM Land Registry": the Crown's prefix makes a public body
    of the capitalised words after it."""
    if b - a < 2 or toks[a].base not in CROWN_PREFIXES or not toks[a + 1].cap:
        return None
    end = b
    while end > a + 1 and (toks[end - 1].text in CONNECTORS or toks[end - 1].base in TIME_WORDS):
        end -= 1
    name = text[toks[a].start : toks[end - 1].end]
    return Span(a, end, toks[a].start, toks[end - 1].end, name, name, "department", 1)


@lru_cache(maxsize=4096)
def acronym_of(name: str) -> tuple[str, ...]:
    """Initials of a name with and without its connecting words ("IFG", "IG"), and with an
    all-capitals word kept whole ("HM Revenue and Customs" -> "HMRC")."""
    words = [w for w in WORD.findall(name) if w]
    full = "".join(w[0] for w in words).upper()
    short = "".join(w[0] for w in words if w not in CONNECTORS).upper()
    whole = "".join(w if w.isupper() else w[0] for w in words if w not in CONNECTORS).upper()
    return (full, short, whole) if whole != short else (full, short)


# An acronym: 2-8 letters starting with a capital, with a second capital ("IfG", "DHSC", "DfE").
ACRONYM = re.compile(r"[A-Z][a-z]*[A-Z][A-Za-z]*")


def looks_like_acronym(word: str) -> bool:
    """An acronym: 2-8 letters, at least two capitals, no lower-case start ("IfG", "DHSC")."""
    return len(word) <= 8 and ACRONYM.fullmatch(word) is not None


def choose(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first (then by source rank), in text order."""
    chosen: list[Span] = []
    used: set[int] = set()
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.rank, s.start)):
        if any(k in used for k in range(s.i, s.j)):
            continue
        chosen.append(s)
        used.update(range(s.i, s.j))
    return sorted(chosen, key=lambda s: s.start)
