"""The people, bodies and works one article names, with every mention of each.

`find_cast(doc)` reads the title, the standfirst and the body paragraphs (already cleaned of
page furniture) and returns a `Cast`. Bylined authors are metadata: they are listed only when
the story text names them.

The steps, in order: words (`tokens`); bodies and works from the lexicon (`body_lexicon`)
and from their own words (`bodies`); full names (`people`) and relatives named by given name
("his wife Janet", `kin`); bodies shown by the words around them ("the FDA union",
`body_context`); works named by a phrase (`works`); acronyms; every mention (`mentions`);
roles and ties (`roles`); roles that refer back ("the cabinet secretary", `back_references`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from whitehall_cli.entities import body_context, body_lexicon
from whitehall_cli.entities.back_references import find_back_references
from whitehall_cli.entities.bodies import (
    acronym_of,
    choose,
    head_word_spans,
    looks_like_acronym,
)
from whitehall_cli.entities.body_lexicon import lexicon_disabled
from whitehall_cli.entities.body_words import GENERIC_INSTITUTIONS
from whitehall_cli.entities.kin import find_relatives, note_sexes
from whitehall_cli.entities.mentions import find_mentions, plain_form
from whitehall_cli.entities.people import find_names
from whitehall_cli.entities.person_words import (
    INVERTED_SPEECH_VERBS,
    PEER_TITLES,
    ROLE_HEADS,
    SURNAME_HONORIFICS,
    VERBS_AFTER_NAMES,
)
from whitehall_cli.entities.records import PersonAcc, Seg, Span, ThingAcc, add_once, as_written
from whitehall_cli.entities.roles import find_authors, find_roles
from whitehall_cli.entities.tokens import Tok, is_title_case, joined, read_words
from whitehall_cli.entities.works import noun_works, titled_works, unpublished_works, work_spans
from whitehall_cli.models import BODY_KINDS, BodyRef, Cast, Document, Mention, PersonRef, WorkRef

# Read once: WH_NO_LEXICON=1 runs recognition without the curated lexicon.
USE_LEXICON = not lexicon_disabled()


def _segments(doc: Document) -> list[Seg]:
    segs = []
    texts: list[tuple[str, int | None, str | None]] = [
        ("title", None, doc.title),
        ("standfirst", None, doc.standfirst),
    ]
    texts += [("body", k, p) for k, p in enumerate(doc.paragraphs)]
    for location, paragraph, text in texts:
        if not text:
            continue
        toks, caps, words = read_words(text)
        title_case = location == "title" and is_title_case(toks)
        segs.append(Seg(location, paragraph, text, toks, title_case, words=words, caps=caps))
    return segs


def find_cast(doc: Document, use_lexicon: bool | None = None) -> Cast:
    """Everyone and everything the article names, with every mention of each."""
    lex = USE_LEXICON if use_lexicon is None else use_lexicon
    segs = _segments(doc)
    # 1. bodies and works from the lexicon and from head words
    for seg in segs:
        spans = body_lexicon.lexicon_spans(seg.text, seg.toks, lex, seg.caps, seg.words)
        if not seg.title_case:
            known = frozenset((s.i, s.j) for s in spans)
            spans += head_word_spans(seg.text, seg.toks, set(), seg.words, seg.caps, known)
            spans += work_spans(seg.text, seg.toks, set(), seg.words, seg.caps)
        seg.spans = choose(spans)
        seg.taken = {k for s in seg.spans for k in range(s.i, s.j)}
    # 2. full names
    for seg in segs:
        seg.names = find_names(seg.text, seg.toks, seg.taken, seg.title_case, seg.caps)
    people = _collect_people(segs)
    find_relatives(segs, people)
    note_sexes(segs, people)
    # 3. bodies shown by context ("the FDA union", "Vote Leave director")
    for seg in segs:
        if seg.title_case:
            continue
        extra = body_context.context_spans(seg.text, seg.toks, seg.taken, seg.words, seg.caps)
        if not lex and not seg.words.isdisjoint(body_context.PARTY_FIRSTS):
            taken = seg.taken | {k for s in extra for k in range(s.i, s.j)}
            extra += body_context.party_spans(seg.text, seg.toks, taken, seg.caps)
        seg.spans = sorted(seg.spans + extra, key=lambda s: s.start)
        seg.taken |= {k for s in extra for k in range(s.i, s.j)}
    bodies, works = _collect_things(segs)
    _acronyms(segs, bodies)
    mentions = find_mentions(segs, people, bodies, works)
    find_roles(segs, people, bodies, mentions)
    find_back_references(segs, people, mentions)
    find_authors(segs, works, mentions)
    seen: dict[str, list[str]] = {}
    for m in mentions:
        if m.kind == "body":
            add_once(seen.setdefault(m.entity, []), m.form)
    named = {
        b.name: b.name if b.kind == "party" else as_written(b.name, seen.get(b.name, []))
        for b in bodies.values()
    }
    for w in works.values():  # "HMRC internal note": the author's shortest form as written
        if w.phrase and w.author:
            short = min(seen.get(w.author, []), key=len, default=named.get(w.author, w.author))
            named[w.name] = f"{plain_form(short)} {w.phrase}"
    fullest = {p.name: _fullest(p) for p in people.values()}
    return Cast(
        people=tuple(
            PersonRef(
                fullest[p.name],
                tuple(f for f in dict.fromkeys([p.name, *p.forms]) if f != fullest[p.name]),
                tuple(p.roles),
                tuple(dict.fromkeys(named.get(b, b) for b in p.bodies)),
            )
            for p in people.values()
        ),
        bodies=tuple(
            BodyRef(
                named[b.name],
                tuple(f for f in dict.fromkeys([b.name, *b.forms]) if f != named[b.name]),
                b.kind if b.kind in BODY_KINDS else "other",
            )
            for b in bodies.values()
        ),
        works=tuple(
            WorkRef(
                named.get(w.name, w.name),
                tuple(f for f in w.forms if f != named.get(w.name, w.name)),
                named.get(w.author, w.author) if w.author else None,
            )
            for w in works.values()
        ),
        mentions=tuple(
            Mention(named[m.entity], m.kind, m.form, m.location, m.paragraph, m.start, m.end)
            if m.kind != "person" and named.get(m.entity, m.entity) != m.entity
            else m._replace(entity=fullest[m.entity])
            if m.kind == "person" and fullest.get(m.entity, m.entity) != m.entity
            else m
            for m in mentions
        ),
        words=frozenset().union(*(seg.words for seg in segs)),
    )


def _fullest(p: PersonAcc) -> str:
    """The fullest name the article gives a person: a peer known by no given name keeps the
    territorial designation the article writes ("Lord Kemble of Harrow", not "Lord
    Kemble")."""
    words = p.name.split()
    if len(words) != 2 or words[0] not in PEER_TITLES:
        return p.name
    return next((f for f in p.forms if f.startswith(p.name + " of ")), p.name)


def _collect_people(segs: list[Seg]) -> dict[str, PersonAcc]:
    """Full names found; weak ones kept only if the article uses the surname again."""
    found: dict[str, PersonAcc] = {}
    for seg in segs:
        for h in seg.names:
            p = found.setdefault(h.name, PersonAcc(h.name))
            p.strong = p.strong or h.strong
            p.definite = p.definite or h.definite
            p.count += 1
    surnames = {name.split()[-1] for name, p in found.items() if not p.strong and p.count == 1}
    uses = Counter(
        seg.toks[k].base
        for seg in segs
        if not seg.words.isdisjoint(surnames)
        for k in seg.caps
        if seg.toks[k].base in surnames and _person_like(seg.toks, k)
    )
    keep = {}
    for name, p in found.items():
        surname = name.split()[-1]
        if p.definite:
            continue  # "the Fast Stream", even after a title ("officer for the ... Fast Stream")
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


def _person_like(toks: list[Tok], k: int) -> bool:
    """A bare capitalised word used as people's surnames are: "Boo said", "Mr Park", "Boo's"."""
    t = toks[k]
    if t.possessive or (k and toks[k - 1].base in SURNAME_HONORIFICS and joined(toks, k)):
        return True
    if k and toks[k - 1].text in INVERTED_SPEECH_VERBS and joined(toks, k):
        return True  # "said Qureshi"
    return k + 1 < len(toks) and toks[k + 1].text in VERBS_AFTER_NAMES and joined(toks, k + 1)


def _collect_things(segs: list[Seg]) -> tuple[dict[str, ThingAcc], dict[str, ThingAcc]]:
    """Bodies and works by canonical name; acronym-named bodies folded into their full name."""
    bodies: dict[str, ThingAcc] = {}
    works: dict[str, ThingAcc] = {}
    for seg in segs:
        seg.spans = [s for s in seg.spans if not _in_title_of(seg.toks, s)]
    noun_works(segs, works)
    titled_works(segs, works)
    for seg in segs:
        for s in seg.spans:
            into = works if s.kind == "work" else bodies
            thing = into.setdefault(s.name, ThingAcc(s.name, s.kind))
            add_once(thing.forms, s.name)
            add_once(thing.forms, s.form)
    for name in list(bodies):
        if looks_like_acronym(name):
            full = [
                b for b in bodies.values() if b.name != name and name.upper() in acronym_of(b.name)
            ]
            if len(full) == 1:
                for f in bodies[name].forms:
                    add_once(full[0].forms, f)
                del bodies[name]
                for seg in segs:
                    seg.spans = [
                        Span(s.i, s.j, s.start, s.end, s.form, full[0].name, s.kind, s.rank)
                        if s.name == name
                        else s
                        for s in seg.spans
                    ]
    unpublished_works(segs, works)
    return bodies, works


def _in_title_of(toks: list[Tok], s: Span) -> bool:
    """ "the head of the civil service": an institution named only inside a person's title
    describes the person (who may speak), it does not act itself."""
    if s.name not in GENERIC_INSTITUTIONS or s.i < 2:
        return False
    k = s.i  # the first word before the name, or its "the"
    if toks[k].text.lower() != "the" and toks[k - 1].text.lower() == "the":
        k -= 1
    return k >= 2 and toks[k - 1].text == "of" and toks[k - 2].base.lower() in ROLE_HEADS


def _acronyms(segs: list[Seg], bodies: dict[str, ThingAcc]) -> None:
    """Acronyms defined in brackets after a body, or spelling a named body's initials."""
    initials: dict[str, str] = {}
    for b in bodies.values():
        for f in b.forms:
            for key in acronym_of(f):
                if len(key) >= 2:
                    initials.setdefault(key, b.name)
    for seg in segs:
        new = []
        for k in seg.caps:
            t = seg.toks[k]
            bracketed = t.gap.endswith("(")
            if not bracketed and t.base[1:].islower():
                continue  # one capital and no bracket: an ordinary word, not an acronym
            owner = None
            if k and bracketed and (k + 1 == len(seg.toks) or seg.toks[k + 1].gap.startswith(")")):
                # "the Department for Environment, Food and Rural Affairs (Defra)"
                before = next((s for s in seg.spans if s.j == k and s.kind != "work"), None)
                owner = before.name if before else None
            if not t.base.isalpha():
                continue  # "(CSA0019)": a bracketed code is a reference, not a short name
            if owner is None and (k in seg.taken or not looks_like_acronym(t.base)):
                continue
            if owner is not None and k in seg.taken:
                seg.spans = [s for s in seg.spans if not s.i <= k < s.j]
            owner = owner or initials.get(t.base.upper())
            if owner and owner in bodies:
                add_once(bodies[owner].forms, t.base)
                new.append(Span(k, k + 1, t.start, t.end, t.base, owner, bodies[owner].kind, 3))
                seg.taken.add(k)
        if new:
            seg.spans = sorted(seg.spans + new, key=lambda s: s.start)
    _fold_aliases(segs, bodies)


# The house or state a body belongs to, which later mentions leave out.
HOUSE_PREFIXES = ("House of Lords ", "House of Commons ", "Commons ", "Lords ", "UK ", "HM ")


def _fold_aliases(segs: list[Seg], bodies: dict[str, ThingAcc]) -> None:
    """A body found on its own under a name that is another body's form ("Defra") is that
    body; so is one named without the house it belongs to ("Constitution Committee" for the
    "House of Lords Constitution Committee")."""
    forms = {f.lower(): b.name for b in bodies.values() for f in b.forms if f != b.name}
    for b in bodies.values():
        for house in HOUSE_PREFIXES:
            if b.name.startswith(house) and len(b.name.split()) - len(house.split()) >= 2:
                forms.setdefault(b.name[len(house) :].lower(), b.name)
    for name in list(bodies):
        into = forms.get(name.lower())
        if into is None or into == name or into not in bodies:
            continue
        for f in bodies[name].forms:
            add_once(bodies[into].forms, f)
        del bodies[name]
        for seg in segs:
            seg.spans = [
                Span(s.i, s.j, s.start, s.end, s.form, into, bodies[into].kind, s.rank)
                if s.name == name
                else s
                for s in seg.spans
            ]
