"""The candidates for each quotation's speaker, and the features the ranker weighs them by.

A candidate is a phrase near the quotation (a name; a pronoun or a role phrase paired with a
person it may stand for; an unnamed "spokesman"), the speaker of the quotation before, the
rule-based reader's own answer, or nobody. Its features are strings: where the phrase stands
(in the quotation's own clause before or after it, elsewhere in its paragraph, in the
paragraphs around), how far, what stands next to it (`context`), how it stands in its
sentence, what is known of the person it stands for, and what the quotation looks like.
"""

from __future__ import annotations

from typing import NamedTuple

from whitehall_cli.quotes.ranking import words as W
from whitehall_cli.quotes.ranking.article import LEAD_TEXTS, Article
from whitehall_cli.quotes.ranking.context import head_class
from whitehall_cli.quotes.ranking.phrases import (
    DEFINITE,
    INDEFINITE,
    NAME,
    PRONOUN,
    SUBJECT_LEADS,
    Mention,
)

NONE = -1  # the entity index that stands for "nobody named"
RULE = -2  # the rule-based reader's own answer, a speaker this reading has no entity for


class Rule(NamedTuple):
    """The rule-based reader's answer for one quotation, as the ranker sees it."""

    entity: int | None  # the entity it names, NONE for nobody, None for one not among them
    kind: str  # "person", "body", "document", or "" for nobody
    src: str  # how the reader found it ("person", "role", "pronoun", "quote", "carried" ...)


class Cand(NamedTuple):
    """One candidate speaker of one quotation."""

    entity: int  # index into Article.entities, or NONE
    feats: list[str]
    how: str  # name, pron, defnp, defnone, indefnp, prev, none


def _bucket(n: int) -> str:
    for limit, label in (
        (0, "0"),
        (1, "1"),
        (2, "2"),
        (4, "3-4"),
        (7, "5-7"),
        (12, "8-12"),
        (25, "13-25"),
    ):
        if n <= limit:
            return label
    return "26+"


def candidates(
    art: Article, k: int, qi: int, prev: int | None, prev_para: int | None, rule: Rule
) -> list[Cand]:
    """Candidates for quotation `qi` of paragraph `k`: every phrase in its paragraph, the two
    before and the opening of the next; pronouns and role phrases paired with the people they
    may stand for; the speaker of the quotation before (`prev`, in paragraph `prev_para`);
    the rule-based reader's own answer; nobody."""
    text = art.texts[k]
    site = art.sites[k][qi]
    traits = site.traits
    out: list[Cand] = []
    pre_a, pre_b = site.pre
    post_a, post_b = site.post
    opens = "y" if site.opens else "n"
    windows: list[tuple[int, str]] = [(k, "here")]
    windows += [
        (k - d, f"prev{d}" if k - d >= LEAD_TEXTS else "lead") for d in (1, 2) if k - d >= 0
    ]
    if k + 1 < len(art.texts):
        windows.append((k + 1, "next1"))
    for kk, window in windows:
        pt = art.texts[kk]
        ms = art.mentions[kk]
        colon_para = window == "prev1" and len(pt) > 0 and pt.words[-1] == ":"
        for mi, m in enumerate(ms):
            if window == "here":
                if pre_a <= m.a and m.b <= pre_b:
                    region, dist = "pre", pre_b - m.b
                elif post_a <= m.a and m.b <= post_b:
                    region, dist = "post", m.a - post_a
                elif m.b <= site.open_i:
                    region, dist = "before", site.open_i - m.b
                else:
                    region, dist = "after", m.a - site.close_i
            else:
                if window == "next1" and m.a > 12:
                    continue
                region, dist = window, 0
            cues = m.cues
            base = [f"r={region}", f"r={region}|d={_bucket(dist)}"]
            if window == "here":
                lo, hi = (m.b, site.open_i) if m.b <= site.open_i else (site.close_i, m.a)
                between = sum(
                    1 for o in ms if o is not m and o.kind in (NAME, PRONOUN) and lo <= o.a < hi
                )
                base.append(f"r={region}|btw={min(between, 2)}")
                if any(lo < o.open_i < hi for o in art.sites[k] if o is not site):
                    base.append(f"r={region}|qbtw")
            else:
                base.append(f"r={region}|btw=0")
            bucket = _bucket(dist)
            if region == "before" or region == "after":
                sd = (
                    text.sent[site.open_i] - text.sent[m.a]
                    if region == "before"
                    else text.sent[m.a] - text.sent[site.close_i]
                )
                sdl = "0" if sd <= 0 else "1" if sd == 1 else "2+"
                base.append(f"r={region}|sd={sdl}")
                base.append(f"r={region}|sd={sdl}|{m.lead}")
                base.append(f"r={region}|sd={sdl}|first={'y' if m.first else 'n'}")
            base.append(f"r={region}|lead={m.lead}")
            for c in cues:
                base.append(f"r={region}|{c}")
                if region == "pre" or region == "post":
                    base.append(f"r={region}|{c}|end={site.end}")
                    base.append(f"r={region}|{c}|d={bucket}")
                elif region == "next1":
                    # a quotation running on into the next paragraph, whose cue names it
                    base.append(f"r={region}|{c}|end={site.end}")
            if region == "pre" or region == "post":
                base.append(f"r={region}|lead={m.lead}|end={site.end}")
                base.append(f"r={region}|lead={m.lead}|d={bucket}")
            if region == "pre":
                vb = (
                    "y"
                    if any(text.lows[i] in W.SPEECH_VERBS for i in range(m.b, site.open_i))
                    else "n"
                )
                base.append(f"pre|verb_between={vb}|first={'y' if m.first else 'n'}")
                base.append(f"pre|verb_between={vb}|{m.lead}")
            elif region == "post":
                said = [c for c in cues if c.startswith(("va=", "vb="))]
                if any(c.startswith("va=") for c in cues):
                    # "..., Ban said." closing the sentence governs all of it
                    tail = "short" if post_b - m.b <= 4 else "long"
                    comma = "y" if m.a > 0 and text.words[m.a - 1] == "," else "n"
                    base.append(f"post_said_tail={tail}|comma={comma}|end={site.end}")
                if site.according:
                    base.append("post_according|" + ("this" if "vb=according" in cues else "other"))
                if dist <= 1:
                    base.append("post_adjacent|" + "|".join(said))
            if colon_para:
                where = "last_sent" if pt.sent[m.a] == pt.sent[-1] else "earlier"
                base.append(f"colon_para|{where}|{m.lead}|opens={opens}")
            out.extend(_for_mention(art, m, kk, mi, region, base, traits, prev, prev_para, k, rule))
    if prev is not None and prev_para is not None and k - prev_para <= 2:
        gap = k - prev_para
        fs = [f"prev|gap={gap}"] + [f"prev|gap={gap}|{t}" for t in traits]
        if prev == NONE:
            fs.append("prev_none")
        else:
            fs += _entity_feats(art, prev, prev, prev_para, k, rule)
        out.append(Cand(prev, fs, "prev"))
    src = f"rule|src={rule.src}"
    fs = ["rule", src, f"rule|kind={rule.kind}", f"{src}|end={site.end}", f"{src}|opens={opens}"]
    fs.append("rule|known" if rule.entity is not None else "rule|unknown")
    fs += [f"rule|{t}" for t in traits]
    out.append(Cand(RULE if rule.entity is None else rule.entity, fs, "rule"))
    out.append(Cand(NONE, ["none"] + [f"none|{t}" for t in traits], "none"))
    return out


def _for_mention(
    art: Article,
    m: Mention,
    kk: int,
    mi: int,
    region: str,
    base: list[str],
    traits: list[str],
    prev: int | None,
    prev_para: int | None,
    k: int,
    rule: Rule,
) -> list[Cand]:
    """The candidates one mention makes: a name itself; an unnamed phrase nobody; a pronoun
    or definite role phrase each person it may stand for (and, for a role phrase, nobody).
    Where the phrase stands weighs the same whatever its kind (the "any|" features, learnt
    from all of them), and again for its kind."""
    shared = [f"any|{x}" for x in base]
    kind = m.kind
    if kind == NAME:
        fs = shared + [f"name|{x}" for x in base]
        fs += _entity_feats(art, m.entity, prev, prev_para, k, rule)
        if m.title:
            fs.append("titled")
        fs += [f"q|{t}|name" for t in traits]
        return [Cand(m.entity, fs, "name")]
    cls = head_class(m.head)
    if kind == INDEFINITE:
        fs = shared + [f"indef|{x}" for x in base]
        fs += [f"indef_head={cls}", f"indef|r={region}|head={cls}"]
        return [Cand(NONE, fs + [f"q|{t}|indef" for t in traits], "indefnp")]
    out: list[Cand] = []
    if kind == PRONOUN and m.gender not in ("m", "f"):
        kind = f"pron_{m.text}"  # "it" and "they" weigh apart from "he" and "she"
    ants = antecedents(art, kk, mi, m)
    if kind == DEFINITE:
        out.append(_nobody_for(m, region, base, shared, traits, ants, cls))
    # what the phrase can stand for: a person ("he", "the minister"), a thing ("it", "the
    # union"), a document ("the code"), a group ("they"); learnt across kinds of phrase
    if m.kind == PRONOUN:
        ana = "ana:person" if kind == PRONOUN else f"ana:{m.text}"
    else:
        ana = "ana:person" if cls in ("person", "spokes", "official") else f"ana:{cls}"
    for rank, (e, feats) in enumerate(ants):
        fs = shared + [f"{kind}|{x}" for x in base]
        fs += [f"{kind}|ant_rank={rank}", f"{ana}|ant_rank={rank}"]
        fs += [f"{kind}|{f}" for f in feats] + [f"{ana}|{f}" for f in feats]
        if m.kind == PRONOUN and e == m.entity:
            fs.append("pron_resolved")
        if kind == DEFINITE:
            fs.append(f"def_head={cls}")
            fs.append(f"def_head={cls}|rank={rank}")
            for f in feats:
                if f in ("role_full_match", "role_match"):
                    fs.append(f"defnp|r={region}|{f}")
        fs += _entity_feats(art, e, prev, prev_para, k, rule)
        out.append(Cand(e, fs + [f"q|{t}|{kind}" for t in traits], kind))
    return out


def _nobody_for(
    m: Mention,
    region: str,
    base: list[str],
    shared: list[str],
    traits: list[str],
    ants: list[tuple[int, list[str]]],
    cls: str,
) -> Cand:
    """A definite phrase that names nobody ("the email said", "the attendees chanted"),
    weighed with what might make it someone named before: a person holding its role ("the
    head of the civil service"), the nearest person or body ("Alan Pike ... the minister
    said")."""
    fs = shared + [f"defnone|{x}" for x in base]
    fs += [f"defnone|head={cls}", f"defnone|r={region}|head={cls}"]
    held = [f for _, feats in ants for f in feats if f in ("role_full_match", "role_match")]
    if held:
        fs += [f"defnone|held_{held[0]}", f"defnone|r={region}|held"]
    if ants:
        near = ants[0][1]
        kinds = [f for f in near if f.startswith(("ant_person", "ant_org", "ant_unk"))]
        kinds += [f.split("|")[-1] for f in near if f.startswith(("person_head|", "body_head|"))]
        where = next((f for f in near if f.startswith("ant_para=")), "ant_para=?")
        subject = "subj" if "ant_subject" in near else "other"
        for kind in kinds[:1]:
            fs += [f"defnone|ant0={kind}|head={cls}", f"defnone|ant0={kind}|{where}|{subject}"]
    else:
        fs.append(f"defnone|no_antecedent|head={cls}")
    return Cand(NONE, fs + [f"q|{t}|defnone" for t in traits], "defnone")


def _entity_feats(
    art: Article, e: int, prev: int | None, prev_para: int | None, k: int, rule: Rule
) -> list[str]:
    """What is known of the entity a candidate stands for."""
    if e == NONE:
        return ["ent_none", "rule_none"] if rule.entity == NONE else ["ent_none"]
    ent = art.entities[e]
    out = [
        "work"
        if ent.work
        else "person"
        if ent.person > 0
        else "org"
        if ent.org > 0
        else "unk_kind",
        "cnt=" + ("1" if ent.count == 1 else "2-3" if ent.count <= 3 else "4+"),
    ]
    if " " in ent.name:
        out.append("full")
    if e in art.title_ents:
        out.append("in_title")
    if prev is not None and prev == e and prev_para is not None:
        out.append(f"is_prev|gap={min(k - prev_para, 3)}")
    if rule.entity == e:
        out.append("rule_agrees")
        out.append(f"rule_agrees|src={rule.src}")
    if e == art.top:
        out.append("most_frequent")
    return out


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


def entity_of(art: Article, name: str | None) -> int | None:
    """The entity a speaker's name stands for (by its last word), NONE for nobody, None when
    the article's names do not include it."""
    if name is None:
        return NONE
    low = name.lower()
    last = low.split()[-1]
    same = [i for i, e in enumerate(art.entities) if e.last == last]
    exact = [i for i in same if art.entities[i].name.lower() == low]
    first = [i for i in same if art.entities[i].first == low.split()[0]]
    found = exact or first or same
    return found[0] if found else None


__all__ = ["NONE", "RULE", "Cand", "Rule", "candidates", "entity_of"]
