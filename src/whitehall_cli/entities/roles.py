"""Roles and ties for the people of one article, and the authors of its works.

Roles come from the words around each mention (a title before the name, an apposition or
"is a" after it, a signature line, "The Home Office's permanent secretary ..." before the
person is named); the bodies named inside a role tie the person to them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from whitehall_cli.entities.body_words import ORG_HEADS
from whitehall_cli.entities.job_titles import role_after, roles_before
from whitehall_cli.entities.person_words import ROLE_HEADS, ROLE_MODIFIERS
from whitehall_cli.entities.records import PersonAcc, Seg, ThingAcc, add_once
from whitehall_cli.entities.tokens import Tok, joined
from whitehall_cli.models import Mention

# "the report, authored by X": the words that name who wrote a work.
AUTHORED_BY = re.compile(
    r"\b(?:report|review|study|paper|analysis|pamphlet|letter|memo)s?\b,?\s+"
    r"(?:authored|written|produced|compiled|drafted|led|co-authored)\s+by\s+"
)
# Words in a work's name that make it a report someone wrote.
REPORT_WORDS = ("report", "review", "study", "paper", "analysis", "pamphlet")
# Words of a job title (lower case) read after "the Home Office's".
ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
# Offsets of a word, for bisection over a text's words.
_start_of = attrgetter("start")
_end_of = attrgetter("end")
# Longest line (in words) read as the job title under a signature ("General Secretary, Prospect").
SIGNATURE_ROLE_WORDS = 8


def find_roles(
    segs: list[Seg],
    people: dict[str, PersonAcc],
    bodies: dict[str, ThingAcc],
    mentions: list[Mention],
) -> None:
    """Roles the text gives each person, and the bodies named inside those roles."""
    where = {(seg.location, seg.paragraph): n for n, seg in enumerate(segs)}
    ledes = [(n, *lede) for n, seg in enumerate(segs) for lede in _unnamed_roles(seg, bodies)]
    introduced: set[str] = set()
    for m in mentions:
        if m.kind != "person":
            continue
        n = where[(m.location, m.paragraph)]
        seg = segs[n]
        i, j = _word_span(seg.toks, m.start, m.end)
        if i is None or j is None:
            continue
        found = [(r, s, e, n) for r, s, e in roles_before(seg.text, seg.toks, i)]
        after = role_after(seg.toks, j, seg.text)
        if after:
            found.append((*after, n))
        if not found and n + 1 < len(segs):
            found += [(r, s, e, n + 1) for r, s, e in _signature_role(seg, segs[n + 1], (i, j))]
        if not found:
            # "The IfG's director of research, Dr Kwame Asante, said"
            found = [(r, s, e, at) for at, r, s, e in ledes if at == n and 0 < m.start - e <= 2]
        if not found and m.entity not in introduced:
            found = [(r, s, e, at) for at, r, s, e in ledes if n - 2 <= at < n]
        introduced.add(m.entity)
        p = people[m.entity]
        for tie in (_body_before(seg, i, bodies), _body_after(seg, j, bodies)):
            if tie:
                add_once(p.bodies, tie)
        if found and found[0][3] == n and _its_before(seg, found[0][1]):
            # "The Commission said ... Its first commissioner, Gisela Stuart, said"
            last = _last_body_before(segs, n, found[0][1], bodies)
            if last:
                add_once(p.bodies, last)
        for role, s, e, at in found:
            add_once(p.roles, role)
            inside = [
                b.name for b in segs[at].spans if b.name in bodies and s <= b.start and b.end <= e
            ]
            for name in inside or _head_word_body(role, bodies):
                add_once(p.bodies, name)


def _its_before(seg: Seg, start: int) -> bool:
    """ "Its chief executive, ...": the role at `start` follows "its"."""
    k = bisect_left(seg.toks, start, key=_start_of)
    return 0 < k <= len(seg.toks) and seg.toks[k - 1].text in ("Its", "its")


def _last_body_before(
    segs: list[Seg], n: int, start: int, bodies: dict[str, ThingAcc]
) -> str | None:
    """The body named last before offset `start` of text n, or in the text before it."""
    here = [b.name for b in segs[n].spans if b.end <= start and b.name in bodies]
    if here:
        return here[-1]
    if n == 0:
        return None
    before = [b.name for b in segs[n - 1].spans if b.name in bodies]
    return before[-1] if before else None


def _word_span(toks: list[Tok], start: int, end: int) -> tuple[int | None, int | None]:
    """Words i..j-1 that a mention covers: the word at `start` (or one character on, past a
    bracket) and the one ending at `end`; None where no word begins or ends there."""
    i: int | None = bisect_left(toks, start, key=_start_of)
    if i is None or i >= len(toks) or toks[i].start not in (start, start + 1):
        i = None
    k = bisect_left(toks, end, key=_end_of)
    return i, (k + 1 if k < len(toks) and toks[k].end == end else None)


def _head_word_body(role: str, bodies: dict[str, ThingAcc]) -> list[str]:
    """ "Committee chair" in an article about one committee: that committee."""
    heads = [w for w in role.split() if w[:1].isupper() and w in ORG_HEADS]
    if not heads:
        return []
    found = [b.name for b in bodies.values() if b.name.split()[-1].lower() == heads[-1].lower()]
    return found if len(found) == 1 else []


def _body_before(seg: Seg, i: int, bodies: dict[str, ThingAcc]) -> str | None:
    """ "the IfG's Alex Thomas", "Prospect's Mike Clancy": a body in the possessive right
    before a name is the person's own."""
    toks = seg.toks
    if i == 0 or not toks[i - 1].possessive or toks[i].gap != " ":
        return None
    return next((b.name for b in seg.spans if b.j == i and b.name in bodies), None)


def _body_after(seg: Seg, j: int, bodies: dict[str, ThingAcc]) -> str | None:
    """ "Mike Clancy of Prospect", "Alex Thomas from the IfG": the body right after a name."""
    toks = seg.toks
    if j >= len(toks) or toks[j].text not in ("of", "from", "at") or not joined(toks, j):
        return None
    k = j + 1
    if k < len(toks) and toks[k].text == "the":
        k += 1
    return next((b.name for b in seg.spans if b.i == k and b.name in bodies), None)


def _unnamed_roles(seg: Seg, bodies: dict[str, ThingAcc]) -> list[tuple[str, int, int]]:
    """ "The Home Office's permanent secretary has said": a role whose holder is named later."""
    out = []
    toks = seg.toks
    for b in seg.spans:
        if b.name not in bodies or not toks[b.j - 1].possessive or b.i == 0:
            continue
        if toks[b.i - 1].text.lower() != "the":
            continue
        k = b.j
        while k < len(toks) and toks[k].gap == " " and toks[k].text.lower() in ROLE_WORDS:
            k += 1
        if k == b.j or toks[k - 1].text.lower() not in ROLE_HEADS:
            continue
        if k + 1 < len(toks) and toks[k].text == "of" and toks[k + 1].text.islower():
            k += 2  # "director of research"
        if k < len(toks) and toks[k].cap and joined(toks, k):
            continue  # the name follows at once: an ordinary title before a name
        role = seg.text[toks[b.j].start : toks[k - 1].end]
        out.append((role, b.start, toks[k - 1].end))
    return out


def _signature_role(seg: Seg, nxt: Seg, span: tuple[int, int]) -> list[tuple[str, int, int]]:
    """A paragraph that is only a name, followed by a short job-title line."""
    tail = seg.toks[span[1] :]
    if span[0] != 0 or nxt.location != "body" or not all(t.base.isupper() for t in tail):
        return []
    words = nxt.text.split()
    if not 0 < len(words) <= SIGNATURE_ROLE_WORDS:
        return []
    if not any(w.strip(",.").lower() in ROLE_HEADS for w in words):
        return []
    return [(nxt.text.strip(), 0, len(nxt.text))]


def find_authors(segs: list[Seg], works: dict[str, ThingAcc], mentions: list[Mention]) -> None:
    """Who wrote a work: "the report, authored by X" names X."""
    if not works:
        return
    for seg in segs:
        if " by " not in seg.text:
            continue
        for m in AUTHORED_BY.finditer(seg.text):
            after = [
                x
                for x in mentions
                if x.location == seg.location
                and x.paragraph == seg.paragraph
                and x.start >= m.end()
                and x.start - m.end() < 80
                and x.kind in ("person", "body")
            ]
            if not after:
                continue
            author = next((x for x in after if x.kind == "person"), after[0])
            target = next(
                (
                    w
                    for w in works.values()
                    if any(n in w.name.lower() for n in REPORT_WORDS)
                    and (w.author is None or author.kind == "person")
                ),
                None,
            )
            if target is not None:
                target.author = author.entity
