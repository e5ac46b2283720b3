"""The candidates for each quotation's speaker, and the features the ranker weighs them by.

A candidate is a phrase near the quotation (a name; a pronoun or a role phrase paired with a
person it may stand for; an unnamed "spokesman"), the speaker of the quotation before, the
rule-based reader's own answer, or nobody. Its features are strings: where the phrase stands
(in the quotation's own clause before or after it, elsewhere in its paragraph, in the
paragraphs around), how far, what stands next to it (`context`), how it stands in its
sentence, what is known of the person it stands for, and what the quotation looks like.

Features come in groups (tuples of strings), and a `Scorer` keeps each group's summed weight
under a key that says what the group depends on: the groups of a paragraph's phrases, read
again for every quotation near them, are built and weighed once an article.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import NamedTuple

from whitehall_cli.quotes.ranking import words as W
from whitehall_cli.quotes.ranking.anaphora import antecedents
from whitehall_cli.quotes.ranking.article import LEAD_TEXTS, Article, Site
from whitehall_cli.quotes.ranking.context import head_class
from whitehall_cli.quotes.ranking.phrases import (
    DEFINITE,
    INDEFINITE,
    NAME,
    PRONOUN,
    Mention,
)
from whitehall_cli.quotes.ranking.scoring import Cand, Group, Part, Scorer

NONE = -1  # the entity index that stands for "nobody named"
RULE = -2  # the rule-based reader's own answer, a speaker this reading has no entity for


class Rule(NamedTuple):
    """The rule-based reader's answer for one quotation, as the ranker sees it."""

    entity: int | None  # the entity it names, NONE for nobody, None for one not among them
    kind: str  # "person", "body", "document", or "" for nobody
    src: str  # how the reader found it: where it looked and what named the speaker ("after:person")


class Asking(NamedTuple):
    """The quotation candidates are made for (`qi` of text `k`), and what the reading
    carries to it: the speaker of the quotation before (`prev`, in text `prev_para`), the
    rules' answer, and the scorer."""

    k: int
    qi: int
    prev: int | None
    prev_para: int | None
    rule: Rule
    sc: Scorer


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


def candidates(art: Article, asking: Asking) -> list[Cand]:
    """Candidates for a quotation: every phrase in its paragraph, the one before (and the
    headline and standfirst, when they are that close) and the opening of the next; pronouns and role phrases paired with the people they may stand for;
    the speaker of the quotation before; the rule-based reader's own answer; nobody."""
    k, qi, prev, prev_para, rule, sc = asking
    site = art.sites[k][qi]
    out: list[Cand] = []
    # the paragraph before (farther back only the headline and standfirst: a third-fold
    # check found the paragraph two back cost more than it gave)
    windows: list[tuple[int, str]] = [(k, "here")]
    windows += [
        (k - d, "prev1" if k - d >= LEAD_TEXTS else "lead")
        for d in (1, 2)
        if k - d >= 0 and (d == 1 or k - d < LEAD_TEXTS)
    ]
    if k + 1 < len(art.texts):
        windows.append((k + 1, "next1"))
    traits = site.traits
    for kk, window in windows:
        for mi, m in enumerate(art.mentions[kk]):
            key: Hashable = None
            if window == "here":
                region, base = _here(art, k, site, m)
            else:
                if window == "next1" and m.a > 12:
                    continue
                region = window
                key = (kk, mi, window, site.end, site.opens)
                base = _away(art, kk, m, window, site)
            out += _for_mention(art, m, kk, mi, region, base, key, asking)
    if prev is not None and prev_para is not None and k - prev_para <= 2:
        gap = k - prev_para
        fs = [f"prev|gap={gap}"]
        if prev == NONE:
            fs.append("prev_none")
        else:
            fs += _entity_feats(art, prev, asking)
        out.append(sc.cand(prev, "prev", sc.plain(fs), sc.part(f"prev:gap={gap}", traits)))
    path, _, phrase = rule.src.rpartition(":")
    src = f"rule|src={rule.src}"
    fs = ["rule", src, f"rule|kind={rule.kind}", f"{src}|end={site.end}"]
    fs += [f"rule|path={path}", f"rule|phrase={phrase}", f"rule|path={path}|kind={rule.kind}"]
    fs.append(f"{src}|opens={'y' if site.opens else 'n'}")
    fs.append("rule|known" if rule.entity is not None else "rule|unknown")
    entity = RULE if rule.entity is None else rule.entity
    out.append(sc.cand(entity, "rule", sc.plain(fs), sc.part("rule", traits)))
    out.append(sc.cand(NONE, "none", sc.plain(("none",)), sc.part("none", traits)))
    return out


def _here(art: Article, k: int, site: Site, m: Mention) -> tuple[str, Group]:
    """Where a phrase of the quotation's own paragraph stands from it, as features."""
    text = art.texts[k]
    pre_a, pre_b = site.pre
    post_a, post_b = site.post
    if pre_a <= m.a and m.b <= pre_b:
        region, dist = "pre", pre_b - m.b
    elif post_a <= m.a and m.b <= post_b:
        region, dist = "post", m.a - post_a
    elif m.b <= site.open_i:
        region, dist = "before", site.open_i - m.b
    else:
        region, dist = "after", m.a - site.close_i
    cues = m.cues
    bucket = _bucket(dist)
    base = [f"r={region}", f"r={region}|d={bucket}"]
    lo, hi = (m.b, site.open_i) if m.b <= site.open_i else (site.close_i, m.a)
    between = sum(
        1 for o in art.mentions[k] if o is not m and o.kind in (NAME, PRONOUN) and lo <= o.a < hi
    )
    base.append(f"r={region}|btw={min(between, 2)}")
    if any(lo < o.open_i < hi for o in art.sites[k] if o is not site):
        base.append(f"r={region}|qbtw")
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
    if region == "pre" or region == "post":
        base.append(f"r={region}|lead={m.lead}|end={site.end}")
        base.append(f"r={region}|lead={m.lead}|d={bucket}")
    if region == "pre":
        lows = text.lows
        vb = "y" if any(lows[i] in W.SPEECH_VERBS for i in range(m.b, site.open_i)) else "n"
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
    return region, tuple(base)


def _away(art: Article, kk: int, m: Mention, window: str, site: Site) -> Group:
    """Where a phrase of another paragraph stands (the one before, the headline and
    standfirst, the opening of the next), as features."""
    region = window
    base = [f"r={region}", f"r={region}|d=0", f"r={region}|btw=0", f"r={region}|lead={m.lead}"]
    for c in m.cues:
        base.append(f"r={region}|{c}")
        if region == "next1":
            # a quotation running on into the next paragraph, whose cue names it
            base.append(f"r={region}|{c}|end={site.end}")
    pt = art.texts[kk]
    if window == "prev1" and len(pt) > 0 and pt.words[-1] == ":":
        where = "last_sent" if pt.sent[m.a] == pt.sent[-1] else "earlier"
        base.append(f"colon_para|{where}|{m.lead}|opens={'y' if site.opens else 'n'}")
    return tuple(base)


def _for_mention(
    art: Article,
    m: Mention,
    kk: int,
    mi: int,
    region: str,
    base: Group,
    key: Hashable,
    asking: Asking,
) -> list[Cand]:
    """The candidates one mention makes: a name itself; an unnamed phrase nobody; a pronoun
    or definite role phrase each person it may stand for (and, for a role phrase, nobody).
    Where the phrase stands (`base`, whose weights are kept under `key` when it recurs)
    weighs the same whatever its kind (the "any|" features, learnt from all of them), and
    again for its kind."""
    k, qi, sc = asking.k, asking.qi, asking.sc

    def placed(prefix: str) -> Part:
        if key is None:
            return sc.part(prefix, base)
        return sc.keep((key, prefix), lambda: sc.part(prefix, base))

    traits = art.sites[k][qi].traits

    def said(label: str) -> Part:
        return sc.keep(("q", k, qi, label), lambda: sc.part(f"q:{label}", traits))

    shared = placed("any")
    kind = m.kind
    if kind == NAME:
        fs = _entity_feats(art, m.entity, asking)
        if m.title:
            fs.append("titled")
        return [sc.cand(m.entity, "name", shared, placed("name"), sc.plain(fs), said("name"))]
    cls = head_class(m.head)
    if kind == INDEFINITE:
        own = sc.plain((f"indef_head={cls}", f"indef|r={region}|head={cls}"))
        return [sc.cand(NONE, "indefnp", shared, placed("indef"), own, said("indef"))]
    out: list[Cand] = []
    if kind == PRONOUN and m.gender not in ("m", "f"):
        kind = f"pron_{m.text}"  # "it" and "they" weigh apart from "he" and "she"
    found = _antecedents_of(art, kk, mi, m, sc)
    if kind == DEFINITE:
        own = sc.plain(_nobody_feats(region, found, cls))
        out.append(sc.cand(NONE, "defnone", shared, placed("defnone"), own, said("defnone")))
    # what the phrase can stand for: a person ("he", "the minister"), a thing ("it", "the
    # union"), a document ("the code"), a group ("they"); learnt across kinds of phrase
    if m.kind == PRONOUN:
        ana = "ana:person" if kind == PRONOUN else f"ana:{m.text}"
    else:
        ana = "ana:person" if cls in ("person", "spokes", "official") else f"ana:{cls}"
    kind_base = placed(kind)
    quoted = said(kind)
    for rank, (e, feats) in enumerate(found):
        fs = [f"{kind}|ant_rank={rank}", f"{ana}|ant_rank={rank}"]
        if m.kind == PRONOUN and e == m.entity:
            fs.append("pron_resolved")
        if kind == DEFINITE:
            fs.append(f"def_head={cls}")
            fs.append(f"def_head={cls}|rank={rank}")
            fs += [f"defnp|r={region}|{f}" for f in feats if f in ("role_full_match", "role_match")]
        fs += _entity_feats(art, e, asking)
        parts = (sc.plain(fs), sc.part(kind, feats), sc.part(ana, feats))
        out.append(sc.cand(e, kind, shared, kind_base, *parts, quoted))
    return out


def _antecedents_of(
    art: Article, kk: int, mi: int, m: Mention, sc: Scorer
) -> list[tuple[int, list[str]]]:
    """The antecedents of a mention, found once an article."""
    key = ("antecedents", kk, mi)
    hit = sc.found.get(key)
    if hit is None:
        hit = sc.found[key] = antecedents(art, kk, mi, m)
    return hit


def _nobody_feats(region: str, ants: list[tuple[int, list[str]]], cls: str) -> Group:
    """A definite phrase that names nobody ("the email said", "the attendees chanted"),
    weighed with what might make it someone named before: a person holding its role ("the
    head of the civil service"), the nearest person or body ("Alan Pike ... the minister
    said")."""
    fs = [f"defnone|head={cls}", f"defnone|r={region}|head={cls}"]
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
    return tuple(fs)


def _entity_feats(art: Article, e: int, asking: Asking) -> list[str]:
    """What is known of the entity a candidate stands for."""
    k, _, prev, prev_para, rule, _ = asking
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
        out.append(f"rule_agrees|path={rule.src.partition(':')[0]}")
    if e == art.top:
        out.append("most_frequent")
    return out


__all__ = ["NONE", "RULE", "Asking", "Rule", "candidates"]
