"""Stage 3: the people, bodies and works one article names, with every mention of each.

`find_cast(doc)` reads the title, the standfirst and the body paragraphs (already cleaned of
page furniture) and returns a `Cast`. Bylined authors are metadata: they are listed only when
the story text names them. `merge_people` and `merge_bodies` (in `entity_merge`) give the
corpus-wide identities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from whitehall_cli import organisations as orgs
from whitehall_cli.entity_merge import merge_bodies, merge_people
from whitehall_cli.entity_tokens import Tok, is_title_case, joined, tokenize
from whitehall_cli.lexicon import lexicon_disabled
from whitehall_cli.models import BODY_KINDS, BodyRef, Cast, Document, Mention, PersonRef, WorkRef
from whitehall_cli.names import (
    DATE_CONTEXT,
    NON_FIRST_NAME_WORDS,
    PEER_TITLES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SURNAME_HONORIFICS,
)
from whitehall_cli.org_words import GENERIC_INSTITUTIONS, ORG_HEADS, WORK_NOUNS
from whitehall_cli.people import NameHit, find_names, role_after, roles_before

__all__ = ["find_cast", "merge_bodies", "merge_people"]

# Read once: WH_NO_LEXICON=1 runs recognition without the curated lexicon.
USE_LEXICON = not lexicon_disabled()
# "the report, authored by X": the words that name who wrote a work.
AUTHORED_BY = re.compile(
    r"\b(?:report|review|study|paper|analysis|pamphlet|letter|memo)s?\b,?\s+"
    r"(?:authored|written|produced|compiled|drafted|led|co-authored)\s+by\s+"
)
# Words in a work's name that make it a report someone wrote.
REPORT_WORDS = ("report", "review", "study", "paper", "analysis", "pamphlet")
# Words of a job title (lower case) read after "the Home Office's".
ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
# Longest line (in words) read as the job title under a signature ("General Secretary, Prospect").
SIGNATURE_ROLE_WORDS = 8


@dataclass
class _Seg:
    """One text of the article with its words and what has been found in it."""

    location: str
    paragraph: int | None
    text: str
    toks: list[Tok]
    title_case: bool
    spans: list[orgs.Span] = field(default_factory=list)
    names: list[NameHit] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    words: frozenset[str] = frozenset()  # every word of the text, for cheap pre-checks
    caps: list[int] = field(default_factory=list)  # indices of capitalised words
    starts: dict[int, int] = field(default_factory=dict)  # offset -> index of the word there
    ends: dict[int, int] = field(default_factory=dict)  # end offset -> index of the word after


@dataclass
class _Person:
    name: str
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    strong: bool = False
    count: int = 0


@dataclass
class _Thing:
    name: str
    kind: str
    forms: list[str] = field(default_factory=list)
    author: str | None = None


def _segments(doc: Document) -> list[_Seg]:
    segs = []
    texts: list[tuple[str, int | None, str | None]] = [
        ("title", None, doc.title),
        ("standfirst", None, doc.standfirst),
    ]
    texts += [("body", k, p) for k, p in enumerate(doc.paragraphs)]
    for location, paragraph, text in texts:
        if not text:
            continue
        toks = tokenize(text)
        segs.append(
            _Seg(location, paragraph, text, toks, location == "title" and is_title_case(toks))
        )
    return segs


def _add(lst: list[str], item: str) -> None:
    if item and item not in lst:
        lst.append(item)


def find_cast(doc: Document, use_lexicon: bool | None = None) -> Cast:
    """Everyone and everything the article names, with every mention of each."""
    lex = USE_LEXICON if use_lexicon is None else use_lexicon
    segs = _segments(doc)
    # 1. bodies and works from the lexicon and from head words
    for seg in segs:
        seg.words = frozenset(t.base for t in seg.toks)
        seg.caps = [k for k, t in enumerate(seg.toks) if t.cap]
        spans = orgs.lexicon_spans(seg.text, seg.toks, lex, seg.caps, seg.words)
        if not seg.title_case:
            spans += orgs.head_word_spans(seg.text, seg.toks, set(), seg.words)
            spans += orgs.work_spans(seg.text, seg.toks, set(), seg.words)
        seg.spans = orgs.choose(spans)
        seg.taken = {k for s in seg.spans for k in range(s.i, s.j)}
    # 2. full names
    for seg in segs:
        seg.names = find_names(seg.text, seg.toks, seg.taken, seg.title_case)
    people = _collect_people(segs)
    # 3. bodies shown by context ("the FDA union", "Vote Leave director")
    for seg in segs:
        if seg.title_case:
            continue
        extra = orgs.context_spans(seg.text, seg.toks, seg.taken, seg.words)
        seg.spans = sorted(seg.spans + extra, key=lambda s: s.start)
        seg.taken |= {k for s in extra for k in range(s.i, s.j)}
    bodies, works = _collect_things(segs)
    _acronyms(segs, bodies)
    mentions = _mentions(segs, people, bodies, works)
    _roles(segs, people, bodies, mentions)
    _authors(segs, works, mentions)
    return Cast(
        people=tuple(
            PersonRef(
                p.name, tuple(f for f in p.forms if f != p.name), tuple(p.roles), tuple(p.bodies)
            )
            for p in people.values()
        ),
        bodies=tuple(
            BodyRef(
                b.name,
                tuple(f for f in b.forms if f != b.name),
                b.kind if b.kind in BODY_KINDS else "other",
            )
            for b in bodies.values()
        ),
        works=tuple(
            WorkRef(w.name, tuple(f for f in w.forms if f != w.name), w.author)
            for w in works.values()
        ),
        mentions=tuple(mentions),
    )


def _collect_people(segs: list[_Seg]) -> dict[str, _Person]:
    """Full names found; weak ones kept only if the article uses the surname again."""
    found: dict[str, _Person] = {}
    for seg in segs:
        for h in seg.names:
            p = found.setdefault(h.name, _Person(h.name))
            p.strong = p.strong or h.strong
            p.count += 1
    uses = Counter(seg.toks[k].base for seg in segs for k in seg.caps)
    keep = {}
    for name, p in found.items():
        surname = name.split()[-1]
        if p.strong or p.count > 1 or uses[surname] > p.count:
            keep[name] = p
    # "Lord Kenwright" in an article that names Derek Kenwright is the same man
    for name in list(keep):
        words = name.split()
        if len(words) == 2 and words[0] in PEER_TITLES:
            full = [n for n in keep if n != name and n.split()[-1] == words[1]]
            if len(full) == 1:
                keep[full[0]].strong = True
                del keep[name]
                for seg in segs:
                    seg.names = [
                        replace(h, name=full[0]) if h.name == name else h for h in seg.names
                    ]
    for seg in segs:
        seg.names = [h for h in seg.names if h.name in keep]
        seg.taken |= {k for h in seg.names for k in range(h.i, h.j)}
    return keep


def _collect_things(segs: list[_Seg]) -> tuple[dict[str, _Thing], dict[str, _Thing]]:
    """Bodies and works by canonical name; acronym-named bodies folded into their full name."""
    bodies: dict[str, _Thing] = {}
    works: dict[str, _Thing] = {}
    for seg in segs:
        seg.spans = [s for s in seg.spans if not _in_title_of(seg.toks, s)]
        for s in seg.spans:
            into = works if s.kind == "work" else bodies
            thing = into.setdefault(s.name, _Thing(s.name, s.kind))
            _add(thing.forms, s.name)
            _add(thing.forms, s.form)
    for name in list(bodies):
        if orgs.looks_like_acronym(name):
            full = [
                b
                for b in bodies.values()
                if b.name != name and name.upper() in orgs.acronym_of(b.name)
            ]
            if len(full) == 1:
                for f in bodies[name].forms:
                    _add(full[0].forms, f)
                del bodies[name]
                for seg in segs:
                    seg.spans = [
                        orgs.Span(s.i, s.j, s.start, s.end, s.form, full[0].name, s.kind, s.rank)
                        if s.name == name
                        else s
                        for s in seg.spans
                    ]
    # works named by a capitalised phrase and a lower-case noun ("Partygate report")
    for seg in segs:
        if seg.words.isdisjoint(WORK_NOUNS):
            continue
        for k, t in enumerate(seg.toks):
            if t.cap or t.text not in WORK_NOUNS or not joined(seg.toks, k):
                continue
            prev = seg.toks[k - 1]
            if not prev.cap or prev.base.isupper() and len(prev.base) <= 2:
                continue
            a = k - 1
            while a > 0 and joined(seg.toks, a) and seg.toks[a - 1].cap:
                a -= 1
            owner = next((s for s in seg.spans if s.i <= k - 1 < s.j and s.kind != "work"), None)
            person = next((h for h in seg.names if h.i <= k - 1 < h.j), None)
            if owner is None and person is None:
                from whitehall_cli.names import NON_NAME_WORDS

                if all(seg.toks[m].base in NON_NAME_WORDS for m in range(a, k)):
                    continue
                if seg.toks[a].initial and k - a == 1:
                    continue
            start = owner.start if owner else person.start if person else seg.toks[a].start
            name = seg.text[start : t.start + len(t.text)]
            if any(s.kind == "work" and s.start <= start < s.end for s in seg.spans):
                continue
            w = works.setdefault(name, _Thing(name, "work"))
            _add(w.forms, name)
            if w.author is None:
                w.author = owner.name if owner else person.name if person else None
            seg.spans.append(
                orgs.Span(a, k + 1, start, t.start + len(t.text), name, name, "work", 2)
            )
            seg.taken |= set(range(a, k + 1)) - {m for h in seg.names for m in range(h.i, h.j)}
        seg.spans.sort(key=lambda s: s.start)
    return bodies, works


def _in_title_of(toks: list[Tok], s: orgs.Span) -> bool:
    """ "the head of the civil service": an institution named only inside a person's title
    describes the person (who may speak), it does not act itself."""
    if s.name not in GENERIC_INSTITUTIONS or s.i < 2:
        return False
    k = s.i  # the first word before the name, or its "the"
    if toks[k].text.lower() != "the" and toks[k - 1].text.lower() == "the":
        k -= 1
    return k >= 2 and toks[k - 1].text == "of" and toks[k - 2].base.lower() in ROLE_HEADS


def _acronyms(segs: list[_Seg], bodies: dict[str, _Thing]) -> None:
    """Acronyms defined in brackets after a body, or spelling a named body's initials."""
    initials: dict[str, str] = {}
    for b in bodies.values():
        for f in b.forms:
            for key in orgs.acronym_of(f):
                if len(key) >= 2:
                    initials.setdefault(key, b.name)
    for seg in segs:
        new = []
        for k in seg.caps:
            t = seg.toks[k]
            if k in seg.taken or not orgs.looks_like_acronym(t.base):
                continue
            owner = None
            if t.gap.endswith("(") and k and k + 1 <= len(seg.toks):
                before = next((s for s in seg.spans if s.j == k and s.kind != "work"), None)
                closes = k + 1 == len(seg.toks) or seg.toks[k + 1].gap.startswith(")")
                if before and closes:
                    owner = before.name
            owner = owner or initials.get(t.base.upper())
            if owner and owner in bodies:
                _add(bodies[owner].forms, t.base)
                new.append(
                    orgs.Span(k, k + 1, t.start, t.end, t.base, owner, bodies[owner].kind, 3)
                )
                seg.taken.add(k)
        if new:
            seg.spans = sorted(seg.spans + new, key=lambda s: s.start)


def _surname_ok(toks: list[Tok], k: int) -> bool:
    """A bare capitalised word is a surname here, not a month or a common word."""
    t = toks[k]
    if t.base not in NON_FIRST_NAME_WORDS:
        return True
    if k and toks[k - 1].text.lower() in DATE_CONTEXT:
        return False
    if k + 1 < len(toks) and toks[k + 1].text[:1].isdigit():
        return False
    return not t.initial or t.possessive or (k + 1 < len(toks) and toks[k + 1].text.islower())


def _mentions(
    segs: list[_Seg],
    people: dict[str, _Person],
    bodies: dict[str, _Thing],
    works: dict[str, _Thing],
) -> list[Mention]:
    """Every mention in text order; bare surnames resolved to the latest matching person."""
    by_surname: dict[str, list[str]] = {}
    for name in people:
        by_surname.setdefault(name.split()[-1], []).append(name)
    out: list[Mention] = []
    last_seen: dict[str, int] = {}
    order = 0
    for seg in segs:
        items: list[tuple[int, int, str, str, str]] = []
        for s in seg.spans:
            kind = "document" if s.kind == "work" else "body"
            items.append((s.start, s.end, s.name, kind, s.form))
        name_toks: set[int] = set()
        for h in seg.names:
            items.append((h.start, h.end, h.name, "person", h.form))
            name_toks.update(range(h.i, h.j))
        for k in seg.caps:
            t = seg.toks[k]
            if k in name_toks or k in seg.taken or t.base not in by_surname:
                continue
            if not _surname_ok(seg.toks, k):
                continue
            start = t.start
            if k and seg.toks[k - 1].base in SURNAME_HONORIFICS and joined(seg.toks, k):
                start = seg.toks[k - 1].start
            items.append((start, t.end, "", "surname", seg.text[start : t.end]))
        for start, end, name, kind, form in sorted(items):
            order += 1
            if kind == "surname":
                cands = by_surname[form.split()[-1]]
                name = max(cands, key=lambda c: (last_seen.get(c, -1), -cands.index(c)))
                kind = "person"
            if kind == "person":
                last_seen[name] = order
                p = people[name]
                _add(p.forms, form)
                p.count += 1
            out.append(Mention(name, kind, form, seg.location, seg.paragraph, start, end))
    for p in people.values():
        if p.name not in p.forms:
            p.forms.insert(0, p.name)
    for b in list(bodies.values()) + list(works.values()):
        b.forms = list(dict.fromkeys(_plain_form(f) for f in b.forms))
    return out


def _plain_form(form: str) -> str:
    """A body's form without a leading "the" ("the IfG" -> "IfG"), except where the name is a
    common noun that needs it ("the government", "the civil service")."""
    if not form.lower().startswith("the "):
        return form
    rest = form[4:]
    return f"the {rest}" if rest[:1].islower() else rest


def _roles(
    segs: list[_Seg], people: dict[str, _Person], bodies: dict[str, _Thing], mentions: list[Mention]
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
        if not seg.starts:
            seg.starts = {t.start: k for k, t in enumerate(seg.toks)}
            seg.ends = {t.end: k + 1 for k, t in enumerate(seg.toks)}
        i = seg.starts.get(m.start, seg.starts.get(m.start + 1))
        j = seg.ends.get(m.end)
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
        tie = _body_after(seg, j, bodies)
        if tie:
            _add(p.bodies, tie)
        for role, s, e, at in found:
            _add(p.roles, role)
            inside = [
                b.name for b in segs[at].spans if b.name in bodies and s <= b.start and b.end <= e
            ]
            for name in inside or _head_word_body(role, bodies):
                _add(p.bodies, name)


def _head_word_body(role: str, bodies: dict[str, _Thing]) -> list[str]:
    """ "Committee chair" in an article about one committee: that committee."""
    heads = [w for w in role.split() if w[:1].isupper() and w in ORG_HEADS]
    if not heads:
        return []
    found = [b.name for b in bodies.values() if b.name.split()[-1].lower() == heads[-1].lower()]
    return found if len(found) == 1 else []


def _body_after(seg: _Seg, j: int, bodies: dict[str, _Thing]) -> str | None:
    """ "Mike Clancy of Prospect", "Alex Thomas from the IfG": the body right after a name."""
    toks = seg.toks
    if j >= len(toks) or toks[j].text not in ("of", "from", "at") or not joined(toks, j):
        return None
    k = j + 1
    if k < len(toks) and toks[k].text == "the":
        k += 1
    return next((b.name for b in seg.spans if b.i == k and b.name in bodies), None)


def _unnamed_roles(seg: _Seg, bodies: dict[str, _Thing]) -> list[tuple[str, int, int]]:
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


def _signature_role(seg: _Seg, nxt: _Seg, span: tuple[int, int]) -> list[tuple[str, int, int]]:
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


def _authors(segs: list[_Seg], works: dict[str, _Thing], mentions: list[Mention]) -> None:
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


def names_of(items: Iterable[PersonRef]) -> list[str]:
    """Canonical names of a sequence of people (a convenience for callers and tests)."""
    return [p.name for p in items]
