"""What a pronoun or a role phrase may stand for: the people and bodies named before it, most
recent first, each with what fits and what does not (sex, kind, role, how it stood in its
sentence)."""

from __future__ import annotations

from whitehall_cli.quotes.ranking.article import LEAD_TEXTS, Article
from whitehall_cli.quotes.ranking.context import head_class
from whitehall_cli.quotes.ranking.phrases import NAME, PRONOUN, SUBJECT_LEADS, Mention


def antecedents(art: Article, kk: int, mi: int, m: Mention) -> list[tuple[int, list[str]]]:
    """Up to three entities a pronoun or role phrase may stand for, most recent first, each
    with what fits and what does not (sex, kind, role, how it stood in its sentence)."""
    seen: list[int] = []
    info: dict[int, list[str]] = {}
    k = kk
    idx = mi - 1
    while k >= 0 and (kk - k <= 3 or k < LEAD_TEXTS) and len(seen) < 3:
        ms = art.mentions[k]
        while idx >= 0 and len(seen) < 3:
            o = ms[idx]
            idx -= 1
            if o.kind not in (NAME, PRONOUN) or o.entity < 0 or o.entity in seen:
                continue
            ent = art.entities[o.entity]
            kind = "ant_person" if ent.person > 0 else "ant_org" if ent.org > 0 else "ant_unk"
            fs = [f"ant_para={kk - k}" if k >= LEAD_TEXTS or kk < LEAD_TEXTS else "ant_para=lead"]
            if o.kind == PRONOUN:
                fs.append("via_pron")
            if m.kind == PRONOUN:
                if m.gender in ("m", "f"):
                    if ent.gender == m.gender:
                        fs.append("g_agree")
                    elif ent.gender:
                        fs.append("g_clash")
                    else:
                        fs.append("g_unknown")
                    fs.append(kind)
                else:
                    fs.append(f"pron={m.text}|{kind}")
            else:
                head = m.head
                if m.text in ent.roles:
                    fs.append("role_full_match")
                elif head in ent.roles or head.rstrip("s") in ent.roles:
                    fs.append("role_match")
                fs.append(
                    (
                        "person_head"
                        if head_class(head) in ("person", "spokes", "official")
                        else "body_head"
                    )
                    + "|"
                    + kind
                )
            if any(c.startswith(("va=", "vb=")) for c in o.cues):
                fs.append("ant_spoke")
            if o.lead in SUBJECT_LEADS:
                fs.append("ant_subject")
            if o.poss:
                fs.append("ant_poss")
            seen.append(o.entity)
            info[o.entity] = fs
        k -= 1
        if kk - k > 3 and k >= LEAD_TEXTS:
            k = LEAD_TEXTS - 1  # then the headline and standfirst, however far back
        if k >= 0:
            idx = len(art.mentions[k]) - 1
    return [(e, info[e]) for e in seen]
