"""An article read for its speakers: its texts in words, the phrases in them that may speak,
the people and bodies those stand for (with what the cast knows of them), and, for each
quotation of the body, its clause before and after it and what it looks like."""

from __future__ import annotations

from typing import NamedTuple

from whitehall_cli.quotes.ranking import words as W
from whitehall_cli.quotes.ranking.context import cues, head_class, lead_kind
from whitehall_cli.quotes.ranking.linking import link_entities, resolve_pronouns
from whitehall_cli.quotes.ranking.phrases import (
    DEFINITE,
    INDEFINITE,
    NAME,
    SUBJECT_LEADS,
    Entity,
    Mention,
    find_mentions,
)
from whitehall_cli.quotes.ranking.tokens import SENTENCE_END, Text


class Site:
    """One quotation of a body paragraph, as word indices of its paragraph."""

    __slots__ = (
        "open_i",
        "close_i",
        "closed",
        "partial",
        "pre",
        "post",
        "end",
        "opens",
        "traits",
        "according",
    )

    def __init__(
        self,
        text: Text,
        open_at: int,
        close_at: int,
        closed: bool,
        partial: bool,
        marks: set[int],
    ) -> None:
        """`marks`: the word indices of every quotation's marks in the text."""
        self.open_i = text.at(open_at)
        self.close_i = text.at(close_at) if closed else len(text) - 1
        self.closed = closed
        self.partial = partial
        self.pre = _pre(text, self.open_i, marks)  # its clause before it
        self.post = _post(text, self.close_i, marks)  # its clause after it
        self.end = ""
        self.opens = False
        self.traits: list[str] = []
        self.according = False


class Known(NamedTuple):
    """What the entities stage found in the article, which the ranker's own reading of names
    lacks: people's canonical names and roles (by the last word of the name), and the names
    of its bodies and works (lower case)."""

    people: dict[str, list[tuple[str, tuple[str, ...]]]]
    bodies: frozenset[str]
    works: frozenset[str]
    # every word form of the article (`Cast.words`): those in lower case are ordinary words
    words: frozenset[str] = frozenset()


NOTHING_KNOWN = Known({}, frozenset(), frozenset())
# Texts before the body: the headline and the standfirst.
LEAD_TEXTS = 2


class Article:
    """One article as the ranker reads it: the headline, the standfirst, then the body."""

    __slots__ = ("texts", "mentions", "sites", "entities", "title_ents", "top")

    def __init__(
        self,
        paragraphs: list[str],
        spans: list[list[tuple[int, int, bool, bool, bool]]],
        title: str,
        known: Known = NOTHING_KNOWN,
    ) -> None:
        """`paragraphs`: the headline, the standfirst, then the body's paragraphs. `spans[k]`:
        (opening mark, closing mark, closed, is a quotation to attribute, partial) of every
        quoted span of text k, in order (labels and titles too: they only mask words)."""
        texts = [
            Text(p, [(o, c) for o, c, *_ in row]) for p, row in zip(paragraphs, spans, strict=True)
        ]
        lower_words = known.words
        self.texts = texts
        joined = frozenset(n.replace(",", " ,") for n in known.bodies | known.works if " " in n)
        self.mentions = [find_mentions(t, k, lower_words, joined) for k, t in enumerate(texts)]
        if known.people:
            for ms in self.mentions:
                _trim_to_known(ms, known)
        for t, ms in zip(texts, self.mentions, strict=True):
            for mi, m in enumerate(ms):
                m.cues = cues(t, m)
                m.lead = lead_kind(t, m.a)
                m.first = mi == 0 or t.sent[ms[mi - 1].a] != t.sent[m.a]
        self.entities = link_entities([m for ms in self.mentions for m in ms])
        _learn(self.entities, known)
        resolve_pronouns(self.mentions, self.entities)
        low_title = title.lower()
        self.title_ents = {i for i, e in enumerate(self.entities) if e.last and e.last in low_title}
        self.top = max(range(len(self.entities)), key=lambda i: self.entities[i].count, default=-1)
        self.sites: list[list[Site]] = []
        for t, row in zip(texts, spans, strict=True):
            marks = {t.at(x) for o, c, closed, is_q, _ in row if is_q for x in (o, c)}
            sites = [
                Site(t, o, c, closed, partial, marks) for o, c, closed, is_q, partial in row if is_q
            ]
            for s in sites:
                _describe_site(t, s)
                s.traits.append(_subject(self.mentions[len(self.sites)], s))
            self.sites.append(sites)

    def runs(self) -> list[list[tuple[int, int]]]:
        """The quotations that run over several paragraphs, each as its parts' (text,
        quotation) indices: a paragraph's last quotation left open, continued by a quotation
        that opens the next paragraph (and so on while each part is left open)."""
        out: list[list[tuple[int, int]]] = []
        run: list[tuple[int, int]] = []
        for k, sites in enumerate(self.sites):
            if run:
                if sites and sites[0].opens and run[-1][0] == k - 1:
                    run.append((k, 0))
                    if len(sites) == 1 and not sites[0].closed:
                        continue  # the quotation goes on into the next paragraph
                if len(run) > 1:
                    out.append(run)
                run = []
            if sites and not sites[-1].closed:
                run = [(k, len(sites) - 1)]
        if len(run) > 1:
            out.append(run)
        return out


def _trim_to_known(mentions: list[Mention], known: Known) -> None:
    """A name read with words before it that the cast knows without them ("Finance Minister
    Orlaith Devlin-McKeown" for Orlaith Devlin-McKeown): the words before are a title."""
    for m in mentions:
        words = m.text.split()
        if m.kind != NAME or len(words) < 3:
            continue
        for name, _ in known.people.get(words[-1].lower(), ()):
            size = len(name.split())
            if size >= 2 and size < len(words) and m.text.endswith(" " + name):
                m.title = m.title or words[-size - 1].lower()
                m.a, m.text = m.b - size, name
                break


def _learn(entities: list[Entity], known: Known) -> None:
    """Add what the cast knows to the entities: a person the cast names (with the roles it
    gives them), a body, a work."""
    for ent in entities:
        for name, roles in known.people.get(ent.last, ()):
            first = name.split()[0].lower()
            if ent.first in (first, ent.last):
                ent.person += 1
                for role in roles:
                    role = role.lower()
                    ent.roles.add(role)
                    ent.roles.add(role.split()[-1])
        low = ent.name.lower()
        if low in known.bodies:
            ent.org += 1
        if low in known.works:
            ent.work = True


def _pre(text: Text, oi: int, marks: set[int]) -> tuple[int, int]:
    """The words of a quotation's clause before it: back to a stop or another quotation (a
    label in quotation marks, "marked 'secret'", is part of the clause)."""
    k = oi - 1
    words, inq = text.words, text.inq
    while k >= 0:
        if k in marks or (not inq[k] and words[k] in SENTENCE_END):
            break
        k -= 1
    return k + 1, oi


def _post(text: Text, ci: int, marks: set[int]) -> tuple[int, int]:
    """The words of a quotation's clause after it: to a stop or the next quotation."""
    k = ci + 1
    words, inq = text.words, text.inq
    while k < len(words):
        if k in marks:
            break
        k += 1
        if not inq[k - 1] and words[k - 1] in SENTENCE_END:
            break
    return ci + 1, k


def _describe_site(text: Text, s: Site) -> None:
    """What a quotation looks like: how it ends, whether it opens its paragraph, whether its
    clause has a speech verb before or after it, its length."""
    words, lows, inq = text.words, text.lows, text.inq
    inner = words[s.close_i - 1] if s.closed and s.close_i > 0 else ""
    end = {
        ",": "comma",
        ".": "stop",
        "?": "q",
        "!": "q",
        "\u2014": "dash",
        "-": "dash",
        "\u2013": "dash",
    }.get(inner, "other" if s.closed else "open")
    if s.close_i + 1 < len(words) and words[s.close_i + 1] == ",":
        end = "comma"
    pa, pb = s.pre
    qa, qb = s.post
    s.end = end
    s.opens = not any(not inq[i] for i in range(s.open_i))
    pre_verb = any(lows[i] in W.SPEECH_VERBS for i in range(pa, pb))
    post_verb = any(lows[i] in W.SPEECH_VERBS for i in range(qa, qb))
    colon = pb > pa and words[pb - 1] == ":"
    n_words = sum(1 for i in range(s.open_i + 1, s.close_i) if words[i][0].isalnum())
    has_verb = any(not inq[i] and lows[i] in W.SPEECH_VERBS for i in range(len(words)))
    s.traits = [
        f"end={end}",
        "opens" if s.opens else "inside",
        f"prev={'y' if pre_verb else 'n'}{'c' if colon else ''}|post={'y' if post_verb else 'n'}",
        "pverb" if has_verb else "no_pverb",
        "len=" + ("1-3" if n_words <= 3 else "4-9" if n_words < 10 else "10+"),
    ]
    if s.partial:
        s.traits.append("partial")
    s.according = any(lows[i] == "according" for i in range(qa, qb))


def _subject(mentions: list[Mention], s: Site) -> str:
    """What kind of phrase is the subject of a quotation's clause before it ("A note by the
    cabinet secretary says ...": a document; "Smith said": a name), as a trait."""
    pa, pb = s.pre
    for m in mentions:
        if m.a >= pb:
            break
        if m.a >= pa and m.first and m.lead in SUBJECT_LEADS:
            if m.kind in (DEFINITE, INDEFINITE):
                return f"subj={m.kind}:{head_class(m.head)}"
            return f"subj={m.kind}"
    return "subj=none"
