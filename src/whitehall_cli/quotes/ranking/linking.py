"""Which names of an article stand for the same person or body, and whom each "he" or "she"
most likely means."""

from __future__ import annotations

from whitehall_cli.quotes.ranking import words as W
from whitehall_cli.quotes.ranking.phrases import NAME, PRONOUN, SUBJECT_LEADS, Entity, Mention

# Titles used with a given name alone for someone already named in full ("Sir Tariq").
GIVEN_NAME_TITLES = ("sir", "dame")


def link_entities(mentions: list[Mention]) -> list[Entity]:
    """Group the names of one article into entities: a full name by its first and last words;
    a bare surname ("Marsh", "Mrs Doherty") to a person the article named in full with it:
    the one its title was given before, else one of the sex its honorific gives (none of
    that sex: someone else, "Mark Doherty and his wife Janet" ... "Mrs Doherty"), else the
    one named in this paragraph or the one before, else the first; "Sir" or "Dame" with a
    given name to the person named in full with it; anything else by its own words."""
    ents: list[Entity] = []
    by_full: dict[tuple[str, str], int] = {}
    full_with: dict[str, list[int]] = {}
    given_with: dict[str, list[int]] = {}  # full names by their first word
    singles: dict[str, int] = {}
    titles: list[set[str]] = []  # the titles each full name was given
    cores: list[tuple[Mention, list[str], str]] = []
    for m in mentions:
        if m.kind != NAME:
            continue
        core = [p for p in m.text.split() if p.lower() not in W.NAME_SUFFIXES]
        if not core:
            continue
        last = core[-1].lower().strip(".")
        cores.append((m, core, last))
        if len(core) >= 2 and not org_like(core):
            key = (core[0].lower(), last)
            if key not in by_full:
                by_full[key] = len(ents)
                titles.append(set())
                sex = W.GIVEN_NAMES.get(core[0].lower(), "") or m.gender
                ents.append(Entity(m.text, last, core[0].lower(), sex))
                full_with.setdefault(last, []).append(by_full[key])
                given_with.setdefault(core[0].lower(), []).append(by_full[key])
            if m.title:
                titles[by_full[key]].add(m.title)
    seen_in: dict[int, int] = {}  # entity -> the last paragraph it was named in full
    for m, core, last in cores:
        if len(core) >= 2 and not org_like(core):
            e = by_full[(core[0].lower(), last)]
            seen_in[e] = m.para
        elif (
            len(core) == 1
            and last in full_with
            and not (
                m.gender and all(ents[x].gender not in (m.gender, "") for x in full_with[last])
            )
        ):
            same = full_with[last]
            titled = [x for x in same if m.title and m.title in titles[x]]
            fits = [x for x in same if ents[x].gender in (m.gender, "")] if m.gender else []
            near = sorted(
                (x for x in same if m.para - seen_in.get(x, -9) <= 1), key=seen_in.__getitem__
            )
            e = (titled or fits or near[-1:] or same)[0]
        elif len(core) == 1 and m.title in GIVEN_NAME_TITLES and last in given_with:
            e = given_with[last][0]  # "Sir Tariq", "Dame Catriona": a knight by given name
        else:
            single = f"{m.gender}:{m.text.lower()}" if last in full_with else m.text.lower()
            if single not in singles:
                singles[single] = len(ents)
                titles.append(set())
                ents.append(Entity(m.text, last, core[0].lower(), m.gender))
            e = singles[single]
        m.entity = e
        ent = ents[e]
        ent.count += 1
        if len(core) >= 2 and len(m.text) > len(ent.name) and not org_like(core):
            ent.name = m.text
        if m.title:
            ent.person += 1
            if m.gender and not ent.gender:
                ent.gender = m.gender
            role = W.TITLE_ROLES.get(m.title)
            if role:
                ent.roles.add(role)
    for ent in ents:
        parts = ent.name.split()
        first = parts[0].lower()
        if len(parts) >= 2 and first in W.GIVEN_NAMES and first not in W.AMBIGUOUS_GIVEN:
            ent.person += 1
            if not ent.gender:
                ent.gender = W.GIVEN_NAMES[first]
        if org_like(parts):
            ent.org += 1
    return ents


def org_like(parts: list[str]) -> bool:
    """A name with an organisation's head word ("Judicial Watch"? no; "Labour Party" yes), or
    one word in capitals ("CNN")."""
    if any(p.lower().rstrip(".") in W.ORG_HEADS for p in parts):
        return True
    return len(parts) == 1 and parts[0].isupper() and len(parts[0]) >= 2


def resolve_pronouns(mentions: list[list[Mention]], ents: list[Entity]) -> None:
    """Give each "he" and "she" the person it most likely stands for, in reading order, so
    that a later pronoun can find a name through an earlier one: a person of the same sex,
    named recently, best as a sentence's subject or a speaker, not a possessive or after a
    preposition."""
    for k, ms in enumerate(mentions):
        for mi, m in enumerate(ms):
            if m.kind != PRONOUN or m.gender not in ("m", "f"):
                continue
            best, best_score = -1, -99.0
            rank = 0
            seen: set[int] = set()
            for kk in range(k, max(-1, k - 3), -1):
                row = mentions[kk]
                hi = mi if kk == k else len(row)
                for o in reversed(row[:hi]):
                    if o.entity < 0 or o.entity in seen or o.kind not in (NAME, PRONOUN):
                        continue
                    seen.add(o.entity)
                    ent = ents[o.entity]
                    if (ent.gender and ent.gender != m.gender) or (ent.org > 0 and ent.person == 0):
                        continue
                    score = -0.7 * rank - 0.8 * (k - kk)
                    if ent.gender == m.gender:
                        score += 1.0
                    if ent.person > 0:
                        score += 0.5
                    if o.lead in SUBJECT_LEADS:
                        score += 1.0
                    if any(c.startswith(("va=", "vb=")) for c in o.cues):
                        score += 0.7
                    if o.poss:
                        score -= 1.0
                    if any(c.startswith("prep=") for c in o.cues):
                        score -= 0.5
                    rank += 1
                    if score > best_score:
                        best, best_score = o.entity, score
            m.entity = best
