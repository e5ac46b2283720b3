"""Every mention of the article's people, bodies and works, in text order: the spans and
names the finders kept, and the bare surnames ("Heywood", "Mr Rycroft") and knights' or
dames' styles ("Dame Helen") that stand for a person named in full elsewhere in the article.
"""

from __future__ import annotations

from whitehall_cli.entities.kin import sex_of_form
from whitehall_cli.entities.person_words import (
    DATE_CONTEXT,
    NON_FIRST_NAME_WORDS,
    SURNAME_HONORIFICS,
)
from whitehall_cli.entities.records import PersonAcc, Seg, ThingAcc, add_once
from whitehall_cli.entities.tokens import Tok, joined
from whitehall_cli.models import Mention


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


# Honorifics used with the given name alone once the full name is known ("Sir Keir").
STYLED_HONORIFICS = frozenset({"Sir", "Dame"})


def find_mentions(
    segs: list[Seg],
    people: dict[str, PersonAcc],
    bodies: dict[str, ThingAcc],
    works: dict[str, ThingAcc],
) -> list[Mention]:
    """Every mention in text order; bare surnames resolved to the latest matching person."""
    by_surname: dict[str, list[str]] = {}
    for name in people:
        by_surname.setdefault(name.split()[-1], []).append(name)
    for name, p in people.items():
        if p.given_key:  # "his wife Janet": a later bare "Janet" is her
            by_surname.setdefault(name.split()[0], [name])
    styled: dict[str, str] = {}  # "Dame Helen" is Dame Helen Marsh: a knight or dame's style
    for seg in segs:
        for h in seg.names:
            w = h.form.split()
            if len(w) >= 3 and w[0] in STYLED_HONORIFICS and h.name in people:
                styled.setdefault(w[1], h.name)
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
            if k in name_toks or k in seg.taken:
                continue
            if (
                t.base in styled
                and k
                and seg.toks[k - 1].base in STYLED_HONORIFICS
                and joined(seg.toks, k)
                and (
                    k + 1 >= len(seg.toks) or not seg.toks[k + 1].cap or not joined(seg.toks, k + 1)
                )
            ):
                start = seg.toks[k - 1].start
                items.append((start, t.end, styled[t.base], "person", seg.text[start : t.end]))
                continue
            if t.base not in by_surname:
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
                sex = sex_of_form(form)  # "Mrs Doherty": not the husband
                cands = [c for c in cands if not (sex and people[c].sex not in ("", sex))] or cands
                name = max(cands, key=lambda c: (last_seen.get(c, -1), -cands.index(c)))
                kind = "person"
            if kind == "person":
                last_seen[name] = order
                p = people[name]
                add_once(p.forms, form)
                p.count += 1
            out.append(Mention(name, kind, form, seg.location, seg.paragraph, start, end))
    for p in people.values():
        if p.name not in p.forms:
            p.forms.insert(0, p.name)
    for b in list(bodies.values()) + list(works.values()):
        b.forms = list(dict.fromkeys(plain_form(f) for f in b.forms))
    return out


def plain_form(form: str) -> str:
    """A body's form without a leading "the" ("the IfG" -> "IfG"), except where the name is a
    common noun that needs it ("the government", "the civil service")."""
    if not form.lower().startswith("the "):
        return form
    rest = form[4:]
    return f"the {rest}" if rest[:1].islower() else rest
