"""Job titles written around a person's name, read on the words of one text: before it
("former cabinet secretary Lord Sedwill", "the shadow chancellor, Rachel Reeves", "Prospect
negotiations officer Gwen Halloran"), in apposition after it (", general secretary of the
FDA union,") or after "is a". `people` asks whether a title makes a capitalised run a
person; `roles` takes the titles as the person's roles.
"""

from __future__ import annotations

from whitehall_cli.entities.person_words import (
    GIVEN_NAMES,
    HONORIFICS,
    ROLE_DROPPED_PREFIXES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_OPENERS,
    VERBS_AFTER_NAMES,
)
from whitehall_cli.entities.tokens import Tok, joined

# Most words in a role given in apposition ("Name, general secretary of the FDA union,").
MAX_ROLE_WORDS = 14
# Prepositions that end a role given after "is a" ("a reporter for X" gives "reporter").
COPULA_ROLE_STOPS = ("for", "at", "with", "where", "who", "and", "in", "on")
# Capitalised words that end a job title read backwards from a name ("When asked by ...").
ROLE_BREAK_WORDS = frozenset(
    "The A An When After As In On At By For With From If But And Or While Meanwhile This "
    "That It Its His Her Their Our Responding Speaking Asked Yesterday Today Earlier Later".split()
)
# Prepositions that may follow the head of a role but never come before it
# ("general secretary of the FDA", not "in a letter to the prime minister").
ROLE_PREPOSITIONS = frozenset("in of at for to on with by from as after before about".split())
# Words that open a relative clause after a role ("Labour MP who sits on ...").
RELATIVES = frozenset("who which whose where that".split())
# Words that open a time after a role: "permanent secretary last week", "... until 2024".
TIME_WORDS = frozenset("last this next yesterday today earlier recently until since".split())
# Words that never sit inside a job title read backwards from a name.
CONJUNCTIONS = frozenset(("and", "or", "but", "nor", *ROLE_DROPPED_PREFIXES))
# Words before a title set off by a comma from the name it introduces ("the chancellor, X").
DETERMINERS = frozenset(("the", "its", "his", "her", "their", "our"))
# Punctuation in a gap that ends an apposition.
CLAUSE_END = frozenset(',.;:!?"\u201c\u201d()\u2013\u2014')


def _role_text(text: str, toks: list[Tok], a: int, b: int) -> str:
    """The role as written by words a..b-1, with "new"/"the" and the like dropped in front."""
    while a < b and toks[a].text.lower() in ROLE_DROPPED_PREFIXES:
        a += 1
    return text[toks[a].start : toks[b - 1].end] if a < b else ""


def title_before(toks: list[Tok], a: int, comma: bool = False) -> int | None:
    """Start of a job title right before word a ("former chief adviser" Dominic Cummings);
    with `comma`, a title set off by a comma ("the shadow chancellor, Rachel Reeves")."""
    k = a - 1
    if not (toks[a].gap.strip() == "," if comma else joined(toks, a)) or k < 0:
        return None
    if toks[k].base.lower() not in ROLE_HEADS:
        # "the former head of the civil service Lord Kerslake": a title with its "of" phrase
        # ... or "the Conservative MP for Harrow East, Sir Bob Blackman": a seat or a remit
        of = next(
            (m for m in range(k - 1, max(0, k - 5), -1) if toks[m].text in ("of", "for")), None
        )
        if of is None or of < 1 or toks[of - 1].base.lower() not in ROLE_HEADS:
            return None
        if not all(joined(toks, m) and not toks[m].possessive for m in range(of, a)):
            return None
        if any(toks[m].cap for m in range(of + 1, a)):
            if toks[of].text == "of":
                return None  # "secretary of the Public and Commercial Services union"
            if not comma and toks[a].base not in GIVEN_NAMES and toks[a].base not in HONORIFICS:
                return None  # "officer for the Civil Service Fast Stream": where is the name?
        if any(
            toks[m].text in VERBS_AFTER_NAMES or toks[m].text in RELATIVES for m in range(of, a)
        ):
            return None
        k = of - 1
    start = k
    while k - 1 >= 0 and joined(toks, k):
        p = toks[k - 1]
        low = p.base.lower()
        if p.possessive:
            break
        if low in ROLE_HEADS or low in ROLE_MODIFIERS or (p.cap and p.base not in ROLE_BREAK_WORDS):
            k -= 1
            start = k
            continue
        if p.text.isalpha() and p.text.islower() and k - 2 >= 0 and joined(toks, k - 1):
            # a portfolio word between a body and the title ("Prospect negotiations officer")
            q = toks[k - 2]
            verb = p.text.endswith(("ing", "ed"))
            if (
                q.cap
                and not verb
                and not q.possessive
                and q.base not in ROLE_BREAK_WORDS
                and p.text not in (ROLE_PREPOSITIONS | RELATIVES | VERBS_AFTER_NAMES | CONJUNCTIONS)
            ):
                k -= 1
                start = k
                continue
        if p.text in ("of", "and") and k - 2 >= 0 and joined(toks, k - 1):
            q = toks[k - 2]
            if (p.text == "of" and toks[k].cap) or (
                p.text == "and" and q.base.lower() in ROLE_HEADS
            ):
                k -= 1
                continue
        break
    while start < a and toks[start].text in ("of", "and"):
        start += 1
    if comma:
        # only "the/its/Labour's <title>, Name": a title that the name then identifies
        before = toks[start - 1] if start else None
        if not (
            toks[start].initial
            or (before is not None and (before.possessive or before.text.lower() in DETERMINERS))
        ):
            return None
    return start


def roles_before(text: str, toks: list[Tok], a: int) -> list[tuple[str, int, int]]:
    """Roles given before a name, split at "and" ("inventor and entrepreneur")."""
    start = title_before(toks, a)
    if start is None:
        start = title_before(toks, a, comma=True)
    if start is None:
        return []
    # "the FDA's general secretary": the body before the possessive is tied, not quoted
    owner = start
    if start and toks[start - 1].possessive and toks[start - 1].cap:
        owner = start - 1
        while (
            owner
            and joined(toks, owner)
            and (toks[owner - 1].cap or toks[owner - 1].text in ("of", "for", "and"))
        ):
            owner -= 1
    out, s = [], start
    for k in range(start, a + 1):
        if k == a or (toks[k].text == "and" and toks[k - 1].base.lower() in ROLE_HEADS):
            role = _role_text(text, toks, s, k)
            if role:
                out.append((role, toks[min(s, owner)].start, toks[k - 1].end))
            s = k + 1
    return out


def role_after(toks: list[Tok], end: int, text: str) -> tuple[str, int, int] | None:
    """A role in apposition (", general secretary of the FDA union,") or after "is a"."""
    n = len(toks)
    if end >= n:
        return None
    gap = toks[end].gap.strip()
    if gap == ",":
        copula = False
    elif gap == "" and toks[end].text in ("is", "was"):
        copula = True
    else:
        return None
    m = end
    while m < n and m - end <= MAX_ROLE_WORDS:
        if m > end and CLAUSE_END & set(toks[m].gap):
            # a comma inside a body name ("Department for Environment, Food and ...") goes on
            if not (toks[m].gap.strip() == "," and toks[m].cap and toks[m - 1].cap):
                break
        m += 1
    s = end
    low = [t.text.lower() for t in toks]
    for opener in sorted(ROLE_OPENERS, key=len, reverse=True):
        ow = opener.split()
        if low[s : s + len(ow)] == ow:
            s += len(ow)
            break
    else:
        if copula:
            return None
    if s < m and low[s] in ("a", "an", "the"):
        s += 1
    e = m
    if copula:
        e = next((k for k in range(s, m) if low[k] in COPULA_ROLE_STOPS), m)
    if s >= e or e - s > MAX_ROLE_WORDS or not toks[s].text[:1].isalpha():
        return None
    # "pro-vice-chancellor", "co-founder": a hyphenated compound ends in its head
    head = next(
        (k for k in range(s, e) if low[k] in ROLE_HEADS or low[k].rpartition("-")[2] in ROLE_HEADS),
        None,
    )
    prep = next(
        (
            k
            for k in range(s, e)
            if low[k] in ROLE_PREPOSITIONS and not (k > s and toks[k - 1].cap and toks[k + 1].cap)
        ),
        e,
    )
    if head is None or head > prep:
        return None
    if low[s] in VERBS_AFTER_NAMES and low[s] not in ROLE_HEADS:
        return None
    # a relative clause or a time is not part of the role, though bodies named in it still
    # count ("removed as permanent secretary last week")
    r = next((k for k in range(head + 1, e) if low[k] in RELATIVES or low[k] in TIME_WORDS), e)
    return text[toks[s].start : toks[r - 1].end], toks[s].start, toks[e - 1].end
