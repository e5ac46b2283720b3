"""Relatives named by given name alone, and the sex the text gives people.

"Mark Doherty, 52, and his wife Janet, 49": Janet is Janet Doherty, a woman, and Mark a man;
so a later "Mrs Doherty" is Janet and "Mr Doherty" is Mark, and a bare "Janet" is her.
"""

from __future__ import annotations

from whitehall_cli.entities.person_words import (
    GENDERED_HONORIFICS,
    GIVEN_NAMES,
    KIN_PRONOUNS,
    NON_NAME_WORDS,
    RELATION_NOUNS,
)
from whitehall_cli.entities.records import NameHit, PersonAcc, Seg

# Most words between the person named and "his wife ..." ("Mark Doherty, 52, and his wife").
MAX_KIN_DISTANCE = 8


def find_relatives(segs: list[Seg], people: dict[str, PersonAcc]) -> None:
    """Add "his wife Janet" as Janet <surname of the person just named>, with a mention."""
    for seg in segs:
        if seg.title_case or seg.words.isdisjoint(RELATION_NOUNS) or not seg.names:
            continue
        toks = seg.toks
        named = {k for h in seg.names for k in range(h.i, h.j)}
        for k in range(1, len(toks) - 1):
            t = toks[k]
            if t.text not in RELATION_NOUNS or toks[k - 1].text.lower() not in KIN_PRONOUNS:
                continue
            g = k + 1
            given = toks[g]
            if (
                g in named
                or g in seg.taken
                or given.gap != " "
                or given.base not in GIVEN_NAMES
                or given.base in NON_NAME_WORDS
                or (g + 1 < len(toks) and toks[g + 1].cap and toks[g + 1].gap == " ")
            ):
                continue
            anchor = next(
                (
                    h
                    for h in reversed(seg.names)
                    if h.j <= k - 1 and k - 1 - h.j <= MAX_KIN_DISTANCE
                ),
                None,
            )
            if anchor is None or anchor.name not in people:
                continue
            name = f"{given.base} {anchor.name.split()[-1]}"
            if name in people:
                continue
            p = people[name] = PersonAcc(name, strong=True, count=1, given_key=True)
            p.sex = RELATION_NOUNS[t.text]
            anchor_sex = KIN_PRONOUNS[toks[k - 1].text.lower()]
            if anchor_sex and not people[anchor.name].sex:
                people[anchor.name].sex = anchor_sex
            seg.names.append(NameHit(g, g + 1, given.start, given.end, given.base, name, True))
            seg.names.sort(key=lambda h: h.start)
            seg.taken.add(g)
            named.add(g)


def sex_of_form(form: str) -> str:
    """The sex an honorific in front of a surname gives ("Mrs Doherty" -> "f"), else ""."""
    first = form.split()[0] if " " in form else ""
    return GENDERED_HONORIFICS.get(first.rstrip("."), "")


def note_sexes(segs: list[Seg], people: dict[str, PersonAcc]) -> None:
    """A full name written with a gendered honorific ("Mrs Jane Park") gives the sex."""
    for seg in segs:
        for h in seg.names:
            p = people.get(h.name)
            if p is not None and not p.sex:
                p.sex = sex_of_form(h.form) if h.form.split()[0] != h.name.split()[0] else ""
