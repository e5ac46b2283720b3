"""What a phrase of an article stands for.

`speakers` reads each quotation's sentence for the phrase that speaks it; this module says who
that phrase is: a name from the cast, "he"/"she" (the person in focus), "it" (the body or
document last speaking), a role phrase ("the head of the civil service"), a body noun ("the
think tank"), a spokesperson ("a Cabinet Office spokesperson") or a document ("the report",
"a note by the cabinet secretary", "the code"). The grammar it uses is data, in `cue_words`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from whitehall_cli.models import Cast, Document, Mention
from whitehall_cli.quotes import cue_words
from whitehall_cli.quotes.candidates import find_candidates, role_forms
from whitehall_cli.quotes.marks import Span
from whitehall_cli.quotes.records import Attribution, Cand, ReadingState, Verb
from whitehall_cli.quotes.subjects import noun_phrase_at
from whitehall_cli.quotes.words import index_words, mask_quotes, text_index


class Referents:
    """What the phrases of one article stand for: names from the cast, pronouns, role
    phrases, body nouns and documents, resolved against what the article has said so far."""

    def __init__(self, doc: Document, cast: Cast) -> None:
        self.doc, self.cast = doc, cast
        self.people = {p.name: p for p in cast.people}
        self.bodies = {b.name: b for b in cast.bodies}
        self.works = {w.name: w for w in cast.works}
        self.state = ReadingState()
        self.by_text: dict[tuple[str, int | None], list[Mention]] = {}
        for m in cast.mentions:
            self.by_text.setdefault((m.location, m.paragraph), []).append(m)
        for ms in self.by_text.values():
            ms.sort(key=lambda m: (m.start, -m.end))
        # mentions in reading order, built on first use (most articles never look back)
        self.ordered: list[tuple[tuple[int, int], Mention]] | None = None
        self.ordered_keys: list[tuple[int, int]] = []
        self.roles = role_forms(cast)
        # each role form with its first word, which a text must hold for the form to be in it
        self.role_firsts = [(f, name, f.partition(" ")[0]) for f, name in self.roles]
        self.gender: dict[str, str] = {}
        for p in cast.people:  # a common given name tells "he" from "she" ...
            given = p.name.split()[0].lower() if p.name.split() else ""
            if given in cue_words.GIVEN_NAME_PRONOUN:
                self.gender[p.name] = cue_words.GIVEN_NAME_PRONOUN[given]
        for m in cast.mentions:  # ... and so does an honorific (Sir, Dame, Mrs)
            if m.kind == "person" and m.entity not in self.gender:
                title = m.form.split()[0].lower().rstrip(".") if m.form.split() else ""
                if title in cue_words.HONORIFIC_PRONOUN:
                    self.gender[m.entity] = cue_words.HONORIFIC_PRONOUN[title]
        self.role_words = cue_words.ROLE_WORDS | frozenset(
            w
            for p in cast.people
            for r in p.roles
            for w in r.lower().split()
            if w not in cue_words.PREPOSITIONS
        )
        self.body_quotes: list[tuple[str, Attribution]] = []
        self.carried: dict[int, list[bool]] = {}  # paragraph -> quotations given a carried speaker
        # paragraph -> how each quotation's speaker was found: where the reader looked
        # ("after" it, "before" it, "according" to, its "fragment"'s subject, "carry" from
        # before) and the kind of phrase that named it ("after:person", "carry:quote" ...)
        self.sources: dict[int, list[str]] = {}
        self.path = ""  # how the quotation being read found its speaker: after it, before it ...
        self.toks: list[tuple[int, int, str]] = []
        self.lower = self.view = ""
        self.words: frozenset[str] = frozenset()
        self.para_cands: list[Cand] = []
        self.spoken_for: dict[str, tuple[str, ...]] = {}  # bodies found next to a name
        self.layouts: dict[tuple[int, int], tuple[str, list[int]]] = {}
        self.verbs: list[Verb] = []
        self.live: list[Verb] = []
        self.live_at: list[int] = []

    # ----- resolution of one candidate -------------------------------------------------
    def person(self, name: str) -> Attribution:
        p = self.people.get(name)
        if p is None:
            return Attribution(name, "person")
        bodies = p.bodies or self.spoken_for.get(name, ())
        for kind, author in self.state.doc_person.items():
            if author == name and kind in self.state.doc_body:
                bodies = (self.state.doc_body[kind],)
        return Attribution(p.name, "person", p.roles[0] if p.roles else None, tuple(bodies))

    def body(self, name: str) -> Attribution:
        return Attribution(name, "body", None, (name,))

    def entity(self, name: str, kind: str) -> Attribution:
        if kind == "person":
            return self.person(name)
        if kind == "body":
            return self.body(name)
        work = self.works.get(name)
        if work is not None and work.author:
            if work.author in self.people:
                return self.person(work.author)
            return self.body(work.author)
        return Attribution(name, "document")

    def resolve(
        self, c: Cand, view: str, cands: list[Cand], loc: str, para: int | None
    ) -> Attribution | None:
        if c.what == "mention":
            return self.entity(c.key, c.mention_kind)
        if c.what == "pronoun":
            return self.pronoun(c.key, loc, para, c.start)
        if c.what == "they":
            return self._they(loc, para, c.start)
        if c.what == "it":  # the body or document last speaking, else the body just named
            thing = self.state.thing
            return thing if thing is not None else self._they(loc, para, c.start)
        if c.what == "role":
            return self.person(c.key)
        if c.what == "genrole":
            return self._role_holder(c.key, loc, para, c.start)
        if c.what == "spokes":
            return self.entity(c.key, c.mention_kind or "body")
        if c.what == "bodynoun":
            name = self._recent_body(c.key, loc, para, c.start)
            return self.body(name) if name else None
        return self._resolve_doc(c, view, cands, loc, para)

    def qualified(self, att: Attribution, np: Cand, cands: list[Cand], view: str) -> Attribution:
        """A person named with a body in front ("PCS general secretary Harriet Ndlovu", "the
        IfG's Alex Thomas") speaks for that body when the cast ties them to none."""
        if att.kind != "person" or att.bodies or np.what != "mention":
            return att
        for c in cands:
            if c.what == "mention" and c.mention_kind == "body" and c.end <= np.start:
                gap = view[c.end : np.start].replace("\u2019s", " ").replace("'s", " ")
                if len(gap.split()) <= 3 and all(
                    w.lower() in self.role_words or w.lower() in cue_words.NP_FILLER
                    for w in gap.split()
                ):
                    return self._speaks_for(att, (c.key,))
        aside = cue_words.APPOSITIVE_RE.match(view, np.end)  # "Fran Heathcote, the union's leader,"
        stop = aside.end() if aside is not None else np.end
        for c in cands:
            if np.end < c.start < stop and (c.mention_kind == "body" or c.what == "bodynoun"):
                body = self.resolve(c, view, cands, "", None)
                if body is not None and body.kind == "body":
                    return self._speaks_for(att, body.bodies)
        return att

    def _speaks_for(self, att: Attribution, bodies: tuple[str, ...]) -> Attribution:
        """Tie a person the cast leaves without a body to one for the rest of the article."""
        if att.speaker is not None:
            self.spoken_for.setdefault(att.speaker, bodies)
        return Attribution(att.speaker, att.kind, att.role, bodies)

    def set_focus(self, att: Attribution) -> None:
        """Make a person the one "he" or "she" most likely stands for next."""
        st = self.state
        st.focus = att
        st.recent = [a for a in st.recent if a.speaker != att.speaker][-3:] + [att]

    def pronoun(
        self, word: str, loc: str = "", para: int | None = None, pos: int = -1
    ) -> Attribution | None:
        """The latest person in focus that "he" or "she" can stand for; what it agrees with
        is learnt from given names, honorifics (Sir, Dame) and earlier pronouns. With nobody
        in focus yet, the nearest person named before it in its own paragraph ("When Dame
        Jane Smith took over, she promised ..."); with nobody in focus who agrees, the nearest
        person named in this paragraph or the one before whose name or title agrees."""
        people: list[str | None] = [att.speaker for att in reversed(self.state.recent)]
        named: list[str | None] = [
            m.entity
            for m in reversed(self.by_text.get((loc, para), []))
            if m.kind == "person" and m.end <= pos
        ]
        if not people and pos >= 0:
            people = list(named)
        if loc == "body" and para:
            named += [m.entity for m in reversed(self.by_text.get((loc, para - 1), []))]
        people += [n for n in named if self.gender.get(n or "") == word]
        for name in people:
            known = self.gender.get(name or "")
            if known in (None, word):
                if known is None and name:
                    self.gender[name] = word
                return next((a for a in self.state.recent if a.speaker == name), None) or (
                    self.person(name) if name else None
                )
        return None

    def _they(self, loc: str, para: int | None, pos: int) -> Attribution | None:
        """ "They said": the body last named before it in its paragraph (British usage makes a
        body plural: "the union ... they have told us"); people are not guessed at."""
        for m in reversed(self.by_text.get((loc, para), [])):
            if m.kind == "body" and m.end <= pos:
                return self.body(m.entity)
        return None

    def _role_holder(
        self, phrase: str, loc: str = "", para: int | None = None, pos: int = 0
    ) -> Attribution | None:
        """A role phrase with no exact match in the cast ("the head of the civil service"):
        the one person whose role holds it (not as "shadow minister" holds "minister") and,
        in the body, who was named before it (a role phrase looks back); else the person in
        focus when the cast knows nothing else of them (no role, no body: the article names
        them by role only) or gives them this role in other words."""
        holders = [
            p
            for p in self.cast.people
            if any(cue_words.holds_office(r.lower(), phrase) for r in p.roles)
            and (loc != "body" or self._named_before(p.name, loc, para, pos))
        ]
        if len(holders) == 1:
            return self.person(holders[0].name)
        focus = self.state.focus
        p = self.people.get(focus.speaker or "") if focus is not None else None
        if focus is None or p is None:
            return None
        head = phrase.split(" of ")[0].split()[-1]
        if (not p.roles and not p.bodies) or any(head in r.lower() for r in p.roles):
            return focus
        # "the union leader" for the general secretary of a union just quoted
        kinds = {self.bodies[b].kind for b in p.bodies if b in self.bodies}
        if kinds & set(phrase.split()[:-1]):
            return focus
        return None

    def _resolve_doc(
        self, c: Cand, view: str, cands: list[Cand], loc: str, para: int | None
    ) -> Attribution | None:
        kind = cue_words.DOC_NOUNS.get(c.key.lower(), "report")
        author = self._doc_author(c, view, cands)
        if author is not None:
            return author
        st = self.state
        work = self._recent_work(c.key, loc, para, c.start) or st.doc_work.get(kind)
        if work is not None:
            return self.entity(work, "document")
        if kind in st.doc_person:
            return self.person(st.doc_person[kind])
        if kind in st.doc_body:
            return self.body(st.doc_body[kind])
        work = self._recent_work(c.key, loc, para, c.start, near=True)
        if work is not None:
            return self.entity(work, "document")
        if kind in cue_words.ORGANISATION_OUTPUT:
            near = [b for b in cands if b.end <= c.start and b.what in ("mention", "bodynoun")]
            for b in reversed(near):
                if b.what == "bodynoun" or b.mention_kind == "body":
                    return self.resolve(b, view, cands, loc, para)
        return None

    def _doc_author(
        self, c: Cand, view: str, cands: list[Cand], said: Attribution | None = None
    ) -> Attribution | None:
        """An author named next to a document noun: "a Demos report", "a note by the cabinet
        secretary", "his report"; remembered for a later "the report"."""
        kind = cue_words.DOC_NOUNS.get(c.key.lower(), "report")
        st = self.state
        found: Attribution | None = None
        before = view[max(0, c.start - 40) : c.start]
        for b in cands:
            if (
                0 <= c.start - b.end <= 4
                and not view[b.end : c.start].strip(" '\u2019s")
                and b.what == "mention"
            ):
                found = self.entity(b.key, b.mention_kind)
        said_in = cue_words.SAID_IN_RE.search(before)
        if (
            found is None
            and said is not None
            and said_in
            and said_in.group(1).lower() in cue_words.SPEECH_WORDS
        ):
            found = said
        m = cue_words.POSSESSIVE_DET_RE.search(before)
        if found is None and m:
            det = m.group(1).lower()
            found = (
                st.thing
                if det in ("its", "their")
                else self.pronoun("he" if det == "his" else "she")
            )
        if found is None:
            tail = view[c.end : c.end + 60]
            link = cue_words.AUTHOR_LINK.match(tail)
            if link:
                np = noun_phrase_at(cands, c.end + link.end(), view, self.role_words)
                if np is not None and np.what in ("mention", "role", "genrole", "pronoun"):
                    found = self.resolve(np, view, cands, "", None)
        if found is None or found.speaker is None:
            return None
        name = found.speaker
        if found.kind == "person":
            st.doc_person[kind] = name
            found = self.person(name)
        elif found.kind == "body":
            st.doc_body[kind] = name
            if kind in st.doc_person:
                return self.person(st.doc_person[kind])
        return found

    def doc_named(self, c: Cand, cands: list[Cand], view: str) -> None:
        """ "the new guidance, called X": remember X as what a later "the guidance" is."""
        for w in cands:
            if w.start >= c.end and w.mention_kind == "document":
                if cue_words.DOC_NAME_LINK.fullmatch(view, c.end, w.start):
                    self.state.doc_work[cue_words.DOC_NOUNS.get(c.key.lower(), "report")] = w.key
                return

    def _recent_body(self, noun: str, loc: str, para: int | None, pos: int) -> str | None:
        """The last body named before pos of the kind a noun stands for ("the think tank")."""
        want = cue_words.BODY_NOUNS.get(noun.lower(), "")
        for m in self._mentions_before(loc, para, pos):
            b = self.bodies.get(m.entity) if m.kind == "body" else None
            if b is not None and (not want or b.kind == want):
                return m.entity
        kinds = [b.name for b in self.cast.bodies if b.kind == want] if want else []
        return kinds[0] if len(kinds) == 1 else None

    def _recent_work(
        self, noun: str, loc: str, para: int | None, pos: int, near: bool = False
    ) -> str | None:
        """The last work named before pos whose name holds the noun ("the code"); with `near`,
        any work named in this paragraph or the one before ("guidance, Managing Public Money.
        The guidance says")."""
        noun = noun.lower()
        for m in self._mentions_before(loc, para, pos):
            w = self.works.get(m.entity)
            if near and m.location == loc and para is not None and (m.paragraph or 0) < para - 1:
                return None
            if w is None:
                continue
            if near:
                if m.location == loc:
                    return w.name
            elif any(noun in f.lower() for f in (w.name, *w.aliases)):
                return w.name
        return None

    def _named_before(self, name: str, loc: str, para: int | None, pos: int) -> bool:
        return any(m.entity == name for m in self._mentions_before(loc, para, pos))

    def _mentions_before(self, loc: str, para: int | None, pos: int) -> Iterator[Mention]:
        """The mentions before a point of the article, latest first."""
        ordered = self.ordered
        if ordered is None:
            ordered = self.ordered = sorted(
                (((text_index(m.location, m.paragraph), m.end), m) for m in self.cast.mentions),
                key=lambda km: km[0],
            )
            self.ordered_keys = [k for k, _ in ordered]
        at = (text_index(loc, para), pos)
        for k in range(bisect_right(self.ordered_keys, at) - 1, -1, -1):
            yield ordered[k][1]

    def candidates(self, text: str, view: str, loc: str, para: int | None) -> list[Cand]:
        """Every phrase in one text that could speak, in order (none inside quotations)."""
        mentions = self.by_text.get((loc, para), [])
        return find_candidates(
            mentions, text, view, self.lower, self.words, self.toks, self.role_firsts, loc
        )

    # ----- words of one text -------------------------------------------------------------
    def _prepare(self, text: str, spans: list[Span]) -> str:
        """Mask the quotations of one text and index its words that matter."""
        self.view = view = mask_quotes(text, spans)
        # a paragraph with no quotation that can hold no cue is read without word offsets
        self.lower, self.words, self.toks, self.verbs = index_words(view, skip_quiet=not spans)
        self.live = [v for v in self.verbs if not v.noun]  # verbs, not nouns ("a tweet")
        self.live_at = [v.start for v in self.live]
        return view

    def _verbs(self, bv: str, lo: int, hi: int) -> list[Verb]:
        """The speech verbs in [lo, hi) outside asides, leaving out nouns ("a tweet")."""
        live = self.live
        i, j = bisect_left(self.live_at, lo), bisect_left(self.live_at, hi)
        return [v for v in live[i:j] if bv[v.start] != " "]

    def has_verb(self, lo: int, hi: int) -> bool:
        """A speech verb (not a noun) starts in [lo, hi)."""
        i = bisect_left(self.live_at, lo)
        return i < len(self.live_at) and self.live_at[i] < hi
