"""The ranker's answer for the quotations of an article's body, as `Attribution`s: the
speaker the article names most fully, with the role and bodies the cast gives them."""

from __future__ import annotations

from collections.abc import Callable

from whitehall_cli.models import Cast
from whitehall_cli.quotes.ranking.article import Article, Known
from whitehall_cli.quotes.ranking.features import NONE, RULE, Rule
from whitehall_cli.quotes.ranking.model import decode, keeps_rule
from whitehall_cli.quotes.ranking.scoring import Cand
from whitehall_cli.quotes.records import NOBODY, Attribution

# (opening mark, closing mark, closed, is a quotation, partial) of one quoted span.
SpanFacts = tuple[int, int, bool, bool, bool]


def read_article(
    paragraphs: list[str], spans: list[list[SpanFacts]], title: str, cast: Cast
) -> Article:
    """The article as the ranker reads it, with what the cast knows of its names."""
    people: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for p in cast.people:
        for form in (p.name, *p.aliases):
            row = people.setdefault(_last(form), [])
            if all(name != p.name for name, _ in row):
                row.append((p.name, p.roles))
    bodies = frozenset(f.lower() for b in cast.bodies for f in (b.name, *b.aliases))
    works = frozenset(f.lower() for w in cast.works for f in (w.name, *w.aliases))
    return Article(paragraphs, spans, title, Known(people, bodies, works, cast.words))


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


def rule_answers(
    art: Article, rules: list[list[Attribution]], sources: list[list[str]]
) -> list[list[Rule]]:
    """The rule-based reader's answers as the ranker weighs them: the entity each names, its
    kind, and how the reader found it."""
    return [
        [
            Rule(entity_of(art, a.speaker), a.kind or "" if a.speaker else "", src)
            for a, src in zip(row, srcs, strict=True)
        ]
        for row, srcs in zip(rules, sources, strict=True)
    ]


class Namer:
    """Turns the ranker's choice for a quotation into an `Attribution`: the reader's own when
    the ranker takes it or agrees with it; else the cast's person or body the chosen name
    stands for (its canonical name, role and bodies); else the fullest name the article
    gives."""

    def __init__(
        self,
        art: Article,
        cast: Cast,
        person: Callable[[str], Attribution],
        body: Callable[[str], Attribution],
    ) -> None:
        self.art = art
        self.person = person
        self.body = body
        self.people: dict[str, list[str]] = {}
        for p in cast.people:
            self.people.setdefault(_last(p.name), []).append(p.name)
        for p in cast.people:
            for alias in p.aliases:
                self.people.setdefault(_last(alias), [p.name])
        self.bodies = {f.lower(): b.name for b in cast.bodies for f in (b.name, *b.aliases)}

    def attribution(self, cand: Cand, rule: Attribution, answer: Rule) -> Attribution:
        if cand.entity == RULE or keeps_rule(cand, answer):
            return rule
        if cand.entity == NONE:
            return NOBODY
        ent = self.art.entities[cand.entity]
        if rule.speaker is not None and _same(rule.speaker, ent.name):
            return rule
        if ent.name.lower() in self.bodies:
            return self.body(self.bodies[ent.name.lower()])
        if ent.last in self.people and (ent.org == 0 or ent.person > 0):
            names = self.people[ent.last]
            first = [n for n in names if n.split()[0].lower() == ent.first] or names
            return self.person(first[0])
        # a person when something says so (a title, a given name, the cast) or the name is a
        # lone word (a surname); a name of several words with nothing to say it is a
        # person's ("Government Security Classifications") is a body's
        person = ent.person > 0 or (ent.org == 0 and " " not in ent.name)
        kind = "person" if person else "body"
        return Attribution(ent.name, kind, None, (ent.name,) if kind == "body" else ())


def attribute(
    art: Article,
    rules: list[list[Attribution]],
    sources: list[list[str]],
    cast: Cast,
    person: Callable[[str], Attribution],
    body: Callable[[str], Attribution],
) -> list[list[Attribution]]:
    """The speaker of every quotation of the body, text by text. `rules`: the rule-based
    reader's answers (a feature, and the record kept when both agree), `sources`: how it
    found them; `person` and `body`: how the reader makes an attribution for a person or
    body of the cast."""
    answers = rule_answers(art, rules, sources)
    chosen = decode(art, answers)
    namer = Namer(art, cast, person, body)
    out = [
        [namer.attribution(c, r, a) for (c, _), r, a in zip(row, rule_row, answer_row, strict=True)]
        for row, rule_row, answer_row in zip(chosen, rules, answers, strict=True)
    ]
    # a quotation that runs over several paragraphs has one speaker: the one its surest part
    # gives ('"We were never consulted.' / '"Not once," said Penman.')
    for run in art.runs():
        k, qi = max(run, key=lambda kq: chosen[kq[0]][kq[1]][1])
        for kk, qq in run:
            out[kk][qq] = out[k][qi]
    return out


def _last(name: str) -> str:
    return name.split()[-1].lower().rstrip(".")


def _same(a: str, b: str) -> bool:
    """Two names of the same person or body: the same last word, and the same first word
    where both have one."""
    pa, pb = a.lower().split(), b.lower().split()
    if pa[-1].rstrip(".") != pb[-1].rstrip("."):
        return False
    return len(pa) == 1 or len(pb) == 1 or pa[0] == pb[0]


__all__ = ["Namer", "SpanFacts", "attribute", "read_article", "rule_answers"]
