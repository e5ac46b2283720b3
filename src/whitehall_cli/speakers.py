"""Stage 4b: give each quotation its speaker, reading the article in order like a person would.

The cues, strongest first: a speech verb right after the quotation ('," he said'); "according
to X"; a speech verb before it in its clause, whose subject speaks ("Heywood wrote to ...
urging"), or whose agent does in the passive ("suggested in the memo"); a quotation with no
cue of its own continues the one before it (same paragraph, or the paragraph before). A
fragment with no speech verb goes to its clause's subject ("Labour has pledged to 'end
waste'"), else to whoever the paragraph carries on reporting. Pronouns, role phrases ("the
head of the civil service"), body nouns ("the think tank") and documents ("the report", "the
code") are resolved against the cast and what the article has said so far. The grammar itself
(speech verbs, prepositions, document nouns ...) is data, in `cues`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from whitehall_cli import cues
from whitehall_cli.models import Cast, Document, Mention

if TYPE_CHECKING:
    from whitehall_cli.quotes import Span


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who speaks a quotation: canonical name, kind, role and the bodies spoken for."""

    speaker: str | None
    kind: str | None
    role: str | None = None
    bodies: tuple[str, ...] = ()


# An explicit "nobody": the text gives the words to no one we can name ("MPs said").
NOBODY = Attribution(None, None)


@dataclass(frozen=True, slots=True)
class Cand:
    """A phrase that can be the subject of a speech verb: a name, pronoun, role or noun."""

    start: int
    end: int
    what: str  # "mention", "pronoun", "it", "role", "doc", "bodynoun", "spokes"
    key: str  # entity name, doc noun, body kind ...
    mention_kind: str = ""  # for mentions: person, body or document


class Verb(NamedTuple):
    """A speech verb (or phrase) in a text."""

    start: int
    end: int
    word: str  # lower case
    noun: bool  # after a determiner: "a tweet", "the statement"


@dataclass
class _State:
    """What the article has established so far, for pronouns and "the report"."""

    focus: Attribution | None = None  # the person "he"/"she" stands for
    thing: Attribution | None = None  # what "it" stands for
    last_quote: Attribution | None = None
    last_quote_para: int = -9
    reporting: Attribution | None = None  # the last speaker of any kind, with or without quotes
    reporting_para: int = -9
    doc_person: dict[str, str] = field(default_factory=dict)  # doc kind -> author person
    doc_body: dict[str, str] = field(default_factory=dict)  # doc kind -> publishing body


class Reader:
    """Attributes the quotations of one article; call `paragraph` in order, then `lead`."""

    def __init__(self, doc: Document, cast: Cast) -> None:
        self.doc, self.cast = doc, cast
        self.people = {p.name: p for p in cast.people}
        self.bodies = {b.name: b for b in cast.bodies}
        self.works = {w.name: w for w in cast.works}
        self.state = _State()
        self.by_text: dict[tuple[str, int | None], list[Mention]] = {}
        for m in cast.mentions:
            self.by_text.setdefault((m.location, m.paragraph), []).append(m)
        for ms in self.by_text.values():
            ms.sort(key=lambda m: (m.start, -m.end))
        self.roles = _role_forms(cast)
        self.role_words = cues.ROLE_WORDS | frozenset(
            w
            for p in cast.people
            for r in p.roles
            for w in r.lower().split()
            if w not in cues.PREPOSITIONS
        )
        self.body_quotes: list[tuple[str, Attribution]] = []
        self.toks: list[tuple[int, int, str]] = []
        self.lower = ""
        self.verbs: list[Verb] = []

    # ----- resolution of one candidate -------------------------------------------------
    def person(self, name: str) -> Attribution:
        p = self.people.get(name)
        if p is None:
            return Attribution(name, "person")
        bodies = p.bodies
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
            return self.state.focus
        if c.what == "it":
            return self.state.thing
        if c.what == "role":
            return self.person(c.key)
        if c.what == "genrole":
            return self._role_holder(c.key)
        if c.what == "spokes":
            return self.body(c.key)
        if c.what == "bodynoun":
            name = self._recent_body(c.key, loc, para, c.start)
            return self.body(name) if name else None
        return self._resolve_doc(c, view, cands, loc, para)

    def _role_holder(self, phrase: str) -> Attribution | None:
        """A role the cast gives nobody ("the head of the civil service"): the person in focus,
        unless the article gives them other roles only."""
        focus = self.state.focus
        p = self.people.get(focus.speaker or "") if focus is not None else None
        if focus is None or p is None:
            return None
        head = phrase.split(" of ")[0].split()[-1]
        if not p.roles or any(head in r.lower() for r in p.roles):
            return focus
        return None

    def _resolve_doc(
        self, c: Cand, view: str, cands: list[Cand], loc: str, para: int | None
    ) -> Attribution | None:
        kind = cues.DOC_NOUNS.get(c.key.lower(), "report")
        author = self._doc_author(c, view, cands)
        if author is not None:
            return author
        st = self.state
        work = self._recent_work(c.key, loc, para, c.start)
        if work is not None:
            return self.entity(work, "document")
        if kind in st.doc_person:
            return self.person(st.doc_person[kind])
        if kind in st.doc_body:
            return self.body(st.doc_body[kind])
        work = self._recent_work(c.key, loc, para, c.start, near=True)
        if work is not None:
            return self.entity(work, "document")
        if kind in cues.ORGANISATION_OUTPUT:
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
        kind = cues.DOC_NOUNS.get(c.key.lower(), "report")
        st = self.state
        found: Attribution | None = None
        before = view[max(0, c.start - 40) : c.start]
        for b in cands:
            if (
                b.end <= c.start
                and not view[b.end : c.start].strip(" '\u2019s")
                and b.what == "mention"
            ):
                found = self.entity(b.key, b.mention_kind)
        said_in = cues.SAID_IN_RE.search(before)
        if (
            found is None
            and said is not None
            and said_in
            and said_in.group(1).lower() in cues.SPEECH_WORDS
        ):
            found = said
        m = cues.POSSESSIVE_DET_RE.search(before)
        if found is None and m:
            found = st.thing if m.group(1).lower() in ("its", "their") else st.focus
        if found is None:
            tail = view[c.end : c.end + 60]
            link = cues.AUTHOR_LINK.match(tail)
            if link:
                np = _np_at(cands, c.end + link.end(), view, self.role_words)
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

    def _recent_body(self, noun: str, loc: str, para: int | None, pos: int) -> str | None:
        want = cues.BODY_NOUNS.get(noun.lower(), "")
        best: str | None = None
        for m in self._mentions_before(loc, para, pos):
            if m.kind != "body":
                continue
            b = self.bodies.get(m.entity)
            if b is not None and (not want or b.kind == want):
                best = m.entity
        if best is None and want:
            kinds = [b.name for b in self.cast.bodies if b.kind == want]
            best = kinds[0] if len(kinds) == 1 else None
        return best

    def _recent_work(
        self, noun: str, loc: str, para: int | None, pos: int, near: bool = False
    ) -> str | None:
        """The last work named before pos whose name holds the noun ("the code"); with `near`,
        any work named in this paragraph or the one before ("guidance, Managing Public Money.
        The guidance says")."""
        noun = noun.lower()
        best: str | None = None
        for m in self._mentions_before(loc, para, pos):
            w = self.works.get(m.entity)
            if w is None:
                continue
            if near:
                if m.location == loc and (para is None or (m.paragraph or 0) >= para - 1):
                    best = w.name
            elif any(noun in f.lower() for f in (w.name, *w.aliases)):
                best = w.name
        return best

    def _mentions_before(self, loc: str, para: int | None, pos: int) -> list[Mention]:
        order: list[tuple[str, int | None]] = [("title", None), ("standfirst", None)]
        order += [("body", i) for i in range(len(self.doc.paragraphs))]
        out: list[Mention] = []
        for key in order:
            ms = self.by_text.get(key, [])
            if key == (loc, para):
                out.extend(m for m in ms if m.end <= pos)
                break
            out.extend(ms)
        return out

    # ----- candidates -------------------------------------------------------------------
    def candidates(self, text: str, view: str, loc: str, para: int | None) -> list[Cand]:
        """Every phrase in one text that could speak, in order (none inside quotations)."""
        out: list[Cand] = []
        for m in self.by_text.get((loc, para), []):
            if view[m.start : m.end] == text[m.start : m.end]:
                out.append(Cand(m.start, m.end, "mention", m.entity, m.kind))
        taken = [(c.start, c.end) for c in out]

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e in taken)

        lower = self.lower
        generic: list[Cand] = []
        for a, b, w in self.toks:
            if w in cues.PERSON_PRONOUNS:
                out.append(Cand(a, b, "pronoun", w))
            elif w == "it":
                for nxt in lower[b : b + 40].split()[:4]:
                    if nxt in cues.SPEECH_WORDS:
                        out.append(Cand(a, b, "it", w))
                    if nxt not in cues.IT_AUX:
                        break
            elif w in cues.DOC_NOUNS and free(a, b):
                out.append(Cand(a, b, "doc", w))
            elif w in cues.BODY_NOUNS and free(a, b):
                det = _prev_word(lower, a)
                if det in cues.BODY_DETERMINERS:
                    out.append(Cand(a - len(det) - 1, b, "bodynoun", w))
            elif w in cues.SPOKES_NOUNS:
                body = _spoken_for(view, a, b, out)
                if body:
                    out.append(Cand(a, b, "spokes", body))
        for rx, what in (
            (cues.DOC_MULTI_RE, "doc"),
            (cues.BODY_MULTI_RE, "bodynoun"),
            (cues.SPOKES_MULTI_RE, "spokes"),
        ):
            for hit in rx.finditer(view):
                key = " ".join(hit.group().lower().split())
                if what == "spokes":
                    key = _spoken_for(view, hit.start(), hit.end(), out) or ""
                if key and free(hit.start(), hit.end()):
                    out.append(Cand(hit.start(), hit.end(), what, key))
        heads = cues.ROLE_HEAD_WORDS.intersection(cues.WORD_RE.findall(lower))
        for hit in cues.GENERIC_ROLE_RE.finditer(view) if heads else ():
            a, b = hit.start("role"), hit.end("role")
            words = hit.group("role").split()
            cut = next((i for i, w in enumerate(words) if w.lower() in cues.SPEECH_WORDS), None)
            if cut is not None:
                b = a + len(" ".join(words[:cut]))
            if b > a and not _role_points_to_name(view, b, out):
                generic.append(Cand(a, b, "genrole", lower[a:b]))
        for form, name in self.roles:
            i = lower.find(form)
            while i >= 0:
                j = i + len(form)
                if _word_edge(lower, i, j) and free(i, j) and _role_points(view, i, j, out):
                    out.append(Cand(i, j, "role", name))
                    taken.append((i, j))
                i = lower.find(form, j)
        for g in generic:  # "the head of the civil service" holds a body's name: the role wins
            inside = [
                c for c in out if g.start <= c.start and c.end <= g.end and c.mention_kind == "body"
            ]
            if all(g.end <= c.start or g.start >= c.end or c in inside for c in out):
                out = [c for c in out if c not in inside] + [g]
        out.sort(key=lambda c: (c.start, -c.end))
        return out

    # ----- reading one text ----------------------------------------------------------------
    def _prepare(self, text: str, spans: list[Span]) -> str:
        """Mask the quotations and index the words that matter (speech verbs, pronouns,
        document and body nouns): a set intersection first, so a paragraph with none of
        them costs one `findall`."""
        view = _mask(text, spans)
        lower = view.lower()
        present = cues.KEY_WORDS.intersection(cues.WORD_RE.findall(lower))
        toks: list[tuple[int, int, str]] = []
        for w in present:
            i = lower.find(w)
            while i >= 0:
                j = i + len(w)
                if (i == 0 or not _word_char(lower[i - 1])) and (
                    j == len(lower) or not _word_char(lower[j])
                ):
                    toks.append((i, j, w))
                i = lower.find(w, j)
        toks.sort()
        self.toks, self.lower = toks, lower
        verbs = [
            Verb(a, b, w, _prev_word(lower, a) in cues.DETERMINERS)
            for a, b, w in toks
            if w in cues.SPEECH_WORDS
        ]
        if present & cues.PHRASE_WORDS:
            verbs += [
                Verb(m.start(), m.end(), m.group().lower(), False)
                for m in cues.SPEECH_PHRASE_RE.finditer(view)
            ]
            verbs.sort()
        self.verbs = verbs
        return view

    def _verbs(self, bv: str, lo: int, hi: int) -> list[Verb]:
        """The speech verbs in [lo, hi) outside asides, leaving out nouns ("a tweet")."""
        return [v for v in self.verbs if lo <= v.start < hi and not v.noun and bv[v.start] != " "]

    def paragraph(
        self, loc: str, para: int | None, text: str, spans: list[Span]
    ) -> list[Attribution]:
        """Attributions for the quotation spans of one text (all spans mask their words; only
        those with `quote` set are attributed), updating what the article has established."""
        view = self._prepare(text, spans)
        if not spans and not self.toks:
            # nothing to attribute and no cue or document to learn from: only a name that
            # opens the paragraph can change who "he" or "she" is
            first = next(iter(self.by_text.get((loc, para), [])), None)
            if first is not None and first.kind == "person" and not view[: first.start].strip():
                self.state.focus = self.person(first.entity)
            return []
        cands = self.candidates(text, view, loc, para)
        out: list[Attribution] = []
        prev: Attribution | None = None
        index = para if para is not None else -1
        for s, e in _sentences(text, spans):
            sc = [c for c in cands if s <= c.start < e]
            said, said_by = self._speech(view, s, e, sc, loc, para, first=True)
            for c in sc:
                if c.what == "doc":
                    self._doc_author(c, view, cands, said)
            for sp in spans:
                if not (sp.quote and s <= sp.open_at < e):
                    continue
                att, src = self._quote(text, view, s, e, sp, sc, prev, said, loc, para)
                out.append(att)
                if att.speaker is not None:
                    prev = att
                    self._remember(att, src, index, quote=True)
            if said is not None and said.speaker is not None:
                self._remember(said, said_by, index, quote=False)
            else:
                subj = [c for c in sc if c.what == "mention" and c.mention_kind == "person"]
                if subj and not view[s : subj[0].start].strip():
                    self.state.focus = self.person(subj[0].key)
        if loc == "body":
            for sp, att in zip([sp for sp in spans if sp.quote], out, strict=True):
                self.body_quotes.append((_key(text[sp.start : sp.end]), att))
        return out

    def lead(self, loc: str, text: str, spans: list[Span]) -> list[Attribution]:
        """Attributions for a headline or standfirst: its own cue when it names a speaker,
        else whoever the body gives the same words to, else its clause's subject."""
        view = self._prepare(text, spans)
        cands = self.candidates(text, view, loc, None)
        out: list[Attribution] = []
        for sp in spans:
            if not sp.quote:
                continue
            att: Attribution | None = None
            if sp.closed:
                att = self._after_cue(view, sp.close_at + 1, len(text), cands, loc, None)[0]
            if att is None or att.speaker is None:
                own = self._speech(view, 0, sp.open_at, cands, loc, None, first=False)[0]
                att = own if own is not None and own.speaker is not None else att
            if att is None or att.speaker is None:
                att = self._echo(text[sp.start : sp.end]) or att
            if att is None:
                att = self._fragment(view, 0, sp.open_at, cands, None, loc, None)[0]
            out.append(att)
        return out

    def _echo(self, words: str) -> Attribution | None:
        """The speaker the body gives the same words (or all of them) to."""
        key = _key(words)
        if not key:
            return None
        for test in (
            lambda k: k == key,
            lambda k: f" {key} " in f" {k} ",
            lambda k: set(key.split()) <= set(k.split()),
        ):
            for k, att in self.body_quotes:
                if att.speaker is not None and test(k):
                    return att
        return None

    def _remember(self, att: Attribution, src: str, para: int, quote: bool) -> None:
        st = self.state
        st.reporting, st.reporting_para = att, para
        if quote:
            st.last_quote, st.last_quote_para = att, para
        if src in ("doc", "it", "bodynoun", "spokes", "body", "document"):
            st.thing = att
        if att.kind == "person" and src not in ("doc", "it"):
            st.focus = att
        elif att.kind == "person" and st.focus is None:
            st.focus = att

    def _quote(
        self,
        text: str,
        view: str,
        s: int,
        e: int,
        sp: Span,
        sc: list[Cand],
        prev: Attribution | None,
        said: Attribution | None,
        loc: str,
        para: int | None,
    ) -> tuple[Attribution, str]:
        before = view[s : sp.open_at]
        opening = not before.strip(" \t\u00a0\"'\u201c\u2018([\u2013\u2014->*\u2022")
        inner = text[sp.start : sp.end].rstrip()
        if sp.closed and (
            opening
            or inner[-1:] in ",?!\u2014\u2013-"
            or view[sp.close_at + 1 : sp.close_at + 2] == ","
        ):
            att, src = self._after_cue(view, sp.close_at + 1, e, sc, loc, para)
            if att is not None:
                return att, src
        m = cues.ACCORDING_RE.search(view, s, e)
        if m:
            np = _np_at(sc, m.end(), view, self.role_words)
            att = self.resolve(np, view, sc, loc, para) if np else None
            if att is not None:
                return att, np.what if np else ""
        if not opening:
            att, src = self._speech(view, s, sp.open_at, sc, loc, para, first=False)
            if att is not None:
                return att, src
            return self._fragment(view, s, sp.open_at, sc, said, loc, para)
        if prev is not None:
            return prev, "quote"
        st = self.state
        index = para if para is not None else -1
        if st.last_quote is not None and st.last_quote_para >= index - 1:
            return st.last_quote, "quote"
        if st.reporting is not None and st.reporting_para >= index - 1:
            return st.reporting, "quote"
        return NOBODY, ""

    def _after_cue(
        self, view: str, pos: int, e: int, sc: list[Cand], loc: str, para: int | None
    ) -> tuple[Attribution | None, str]:
        """'," he said' / '," said Penman' / '," the report states': the cue after a quotation."""
        tail = view[pos:e]
        v = next((v for v in self.verbs if pos <= v.start < e and not v.noun), None)
        if v is None:
            return None, ""
        m = v._replace(start=v.start - pos, end=v.end - pos)
        pre = tail[: m.start]
        if re.search(r"[.;:!?\"\u201c\u201d\u2018_]", pre) or len(pre.split()) > 7:
            return None, ""
        if pre.strip(" ,\u00a0"):
            region = (pos, pos + m.start)
        else:
            rest = tail[m.end :]
            stop = re.search(r"[,.;:!?\u2013\u2014(]|\bthat\b", rest)
            region = (pos + m.end, pos + m.end + (stop.start() if stop else len(rest)))
        inside = [c for c in sc if region[0] <= c.start < region[1]]
        np = next((c for c in inside if c.what == "mention" and c.mention_kind == "person"), None)
        np = np or (inside[0] if inside else None)
        if np is None:
            words = [w for w in _words(view[region[0] : region[1]]) if w not in cues.FUNCTION_WORDS]
            return (NOBODY, "") if words else (None, "")
        att = self.resolve(np, view, sc, loc, para)
        return (att if att is not None else NOBODY), _src(np)

    def _speech(
        self, view: str, s: int, hi: int, sc: list[Cand], loc: str, para: int | None, first: bool
    ) -> tuple[Attribution | None, str]:
        """The speaker of the speech verb that governs [s, hi). With `first`, the first speech
        verb of the sentence; otherwise the one in the last clause, or, when that clause has
        none, the first one since the last hard break (semicolon, colon, dash). None when
        there is no such verb."""
        if not any(s <= v.start < hi and not v.noun for v in self.verbs):
            return None, ""
        bv = _blank_asides(view, s, hi)
        starts = [s] + [s + m.end() for m in cues.CLAUSE_BREAK.finditer(bv[s:hi])]
        clauses = list(zip(starts, starts[1:] + [hi], strict=True))
        if first:
            order = list(range(len(clauses)))
        else:
            hard = [s] + [s + m.end() for m in cues.HARD_BREAK.finditer(bv[s:hi])]
            order = [len(clauses) - 1] + [k for k, (c0, _) in enumerate(clauses) if c0 >= hard[-1]]
        for k in order:
            c0, c1 = clauses[k]
            verbs = self._verbs(bv, c0, c1)
            if not verbs:
                continue
            for v in verbs[:1] if first else reversed(verbs):
                att, src = self._subject(bv, clauses, k, v, sc, loc, para)
                if att is not None:
                    return att, src
            return NOBODY, ""
        return None, ""

    def _subject(
        self,
        bv: str,
        clauses: list[tuple[int, int]],
        k: int,
        v: Verb,
        sc: list[Cand],
        loc: str,
        para: int | None,
    ) -> tuple[Attribution | None, str]:
        vs, ve, word = v.start, v.end, v.word
        c0 = clauses[k][0]
        if _passive(bv, c0, vs, ve, word):
            agent = cues.PASSIVE_AFTER.match(bv, ve)
            if agent and agent.group().split()[0] in ("by", "in"):
                np = _np_at(sc, agent.end(), bv, self.role_words)
                if np is not None:
                    att = self.resolve(np, bv, sc, loc, para)
                    return att or NOBODY, _src(np)
            return None, ""
        rel = cues.RELATIVE_RE.search(bv, c0, vs)
        if rel and rel.end() == vs:
            ante = [
                c for c in sc if c.end <= rel.start() and not bv[c.end : rel.start()].strip(" ,")
            ]
            if ante:
                return self.resolve(ante[-1], bv, sc, loc, para) or NOBODY, _src(ante[-1])
        for j in range(k, -1, -1):
            lo, hi = clauses[j][0], vs if j == k else clauses[j][1]
            found = [c for c in sc if lo <= c.start < hi and _eligible(bv, c, lo, self.role_words)]
            if found:
                np = _np_at(sc, found[0].start, bv, self.role_words) or found[0]
                np = np if np.start < hi else found[0]
                return self.resolve(np, bv, sc, loc, para) or NOBODY, _src(np)
            if j == k and word in cues.INVERSION_VERBS and bv[c0:vs].rstrip().endswith(","):
                # "..., says the report, authored by ...": the subject follows the verb
                after = bv[ve : ve + 80]
                np = _np_at(sc, ve + len(after) - len(after.lstrip()), bv, self.role_words)
                if np is not None:
                    return self.resolve(np, bv, sc, loc, para) or NOBODY, _src(np)
            words = [w for w in _words(bv[lo:hi]) if w not in cues.FUNCTION_WORDS]
            if words and j == k:
                return NOBODY, ""
        return NOBODY, ""

    def _fragment(
        self,
        view: str,
        s: int,
        hi: int,
        sc: list[Cand],
        said: Attribution | None,
        loc: str,
        para: int | None,
    ) -> tuple[Attribution, str]:
        """A quotation with no speech verb in its clause: the clause's subject; with no subject
        of its own, the nearest name before it; else whoever the text is reporting."""
        bv = _blank_asides(view, s, hi)
        breaks = [s + m.end() for m in cues.CLAUSE_BREAK.finditer(bv[s:hi])]
        c0 = breaks[-1] if breaks else s
        found = [c for c in sc if c0 <= c.start < hi and _eligible(bv, c, c0, self.role_words)]
        if found:
            np = _np_at(sc, found[0].start, bv, self.role_words) or found[0]
            np = np if np.start < hi else found[0]
            att = self.resolve(np, bv, sc, loc, para)
            if att is not None:
                return att, _src(np)
        words = _words(bv[c0:hi])
        while words and words[0] in ("and", "but", "so", "yet", "or", "then"):
            words.pop(0)
        if not words or words[0] in cues.PREPOSITIONS or words[0].endswith("ing"):
            near = [
                c
                for c in sc
                if s <= c.end <= c0 and c.what in ("mention", "role", "pronoun", "bodynoun")
            ]
            for c in reversed(near):
                if c.what != "mention" or c.mention_kind in ("person", "body"):
                    att = self.resolve(c, bv, sc, loc, para)
                    if att is not None:
                        return att, _src(c)
        under = cues.UNDER_RE.match(bv[s:hi])
        rule = _np_at(sc, s + under.end(), bv, self.role_words) if under else None
        if rule is not None and (rule.what == "doc" or rule.mention_kind == "document"):
            att = self.resolve(rule, bv, sc, loc, para)
            if att is not None:
                return att, _src(rule)
        if said is not None and said.speaker is not None:
            return said, "quote"
        st = self.state
        index = para if para is not None else -1
        if st.reporting is not None and st.reporting_para >= index - 1:
            return st.reporting, "quote"
        return NOBODY, ""


def _role_forms(cast: Cast) -> list[tuple[str, str]]:
    """Role phrases that can stand for a person ("the cabinet secretary"), longest first; a
    form shared by several people is dropped (it cannot tell them apart)."""
    owners: dict[str, set[str]] = {}
    body_words = [f.lower() for b in cast.bodies for f in (b.name, *b.aliases)]
    for p in cast.people:
        for role in p.roles:
            r = role.lower().strip()
            forms = {r, r.split(" of ")[0].strip(), r.split(", ")[0].strip()}
            for bw in body_words:
                for f in list(forms):
                    if f.startswith(bw + " "):
                        forms.add(f[len(bw) + 1 :])
            for f in forms:
                if len(f) >= 4 and not f.startswith("former "):
                    owners.setdefault(f, set()).add(p.name)
    unique = [(f, next(iter(n))) for f, n in owners.items() if len(n) == 1]
    return sorted(unique, key=lambda fn: -len(fn[0]))


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "'\u2019-"


def _prev_word(lower: str, a: int) -> str:
    """The word just before offset a (lower case), or "" after punctuation."""
    m = _PREV_WORD.search(lower, max(0, a - 16), a)
    return m.group(1) if m else ""


# The last word of a stretch of text.
_PREV_WORD = re.compile(r"([a-z]+)\s+$")


def _word_edge(s: str, i: int, j: int) -> bool:
    return (i == 0 or not s[i - 1].isalnum()) and (j >= len(s) or not s[j].isalnum())


def _role_points(view: str, i: int, j: int, cands: list[Cand]) -> bool:
    """A role phrase stands for its holder after "the"/"'s" and when no name follows it."""
    after = view[j : j + 3]
    if any(c.what == "mention" and 0 <= c.start - j <= 2 for c in cands) and after[:1] == " ":
        return False
    if cues.ROLE_DETERMINERS.search(view[max(0, i - 8) : i]):
        return True
    return any(
        c.what == "mention" and c.mention_kind == "body" and 0 <= i - c.end <= 3 for c in cands
    )


def _role_points_to_name(view: str, b: int, cands: list[Cand]) -> bool:
    """A role phrase followed by a name is a title ("prime minister Theresa May")."""
    return any(c.what == "mention" and 0 <= c.start - b <= 2 for c in cands)


def _spoken_for(view: str, i: int, j: int, cands: list[Cand]) -> str | None:
    """The body a spokesperson speaks for: "a Cabinet Office spokesperson", "a source at X"."""
    for c in cands:
        if c.what == "mention" and c.mention_kind == "body":
            if 0 <= i - c.end <= 1:
                return c.key
            gap = view[j : c.start]
            if 0 < c.start - j <= 12 and re.fullmatch(r"\s+(?:for|at|from|in)\s+(?:the\s+)?", gap):
                return c.key
    return None


def _np_at(
    cands: list[Cand], pos: int, view: str, role_words: frozenset[str] = frozenset()
) -> Cand | None:
    """The candidate noun phrase starting at pos, preferring a person inside it
    ("Institute of Regulation chair Marcial Boo", "PCS general secretary Harriet Ndlovu")."""
    chain: list[Cand] = []
    end = pos
    for c in cands:
        if c.start < end or c.start < pos:
            continue
        gap = view[end : c.start]
        if re.search(r"[,;:.()\u2013\u2014\"\u201c\u201d_]", gap) or not all(
            w.lower() in role_words or w.lower() in cues.NP_FILLER or w[:1].isupper()
            for w in gap.split()
        ):
            break
        chain.append(c)
        end = c.end
        if view[end : end + 2] in ("'s", "\u2019s"):
            end += 2
    people = [c for c in chain if c.what == "mention" and c.mention_kind == "person"]
    return people[0] if people else (chain[0] if chain else None)


def _src(c: Cand) -> str:
    return c.mention_kind if c.what == "mention" else c.what


def _key(words: str) -> str:
    """Words as a comparable key: lower case, curly marks straightened, punctuation dropped."""
    words = words.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.findall(r"[\w']+", words.lower()))


def _words(s: str) -> list[str]:
    return [w.lower() for w in cues.WORD_RE.findall(s)]


def _mask(text: str, spans: list[Span]) -> str:
    """The text with the words of every quoted span replaced by '_' (marks kept), so that
    no cue or name is read from inside a quotation."""
    if not spans:
        return text
    parts, last = [], 0
    for sp in spans:
        parts.append(text[last : sp.open_at + 1])
        parts.append("_" * (sp.close_at - sp.open_at - 1))
        last = sp.close_at
    parts.append(text[last:])
    return "".join(parts)[: len(text)]


def _sentences(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Sentence offsets; no sentence ends inside a quotation or after an abbreviation."""
    out, start = [], 0
    for m in cues.SENTENCE_RE.finditer(text):
        p = m.start()
        if any(sp.open_at < p < sp.close_at for sp in spans):
            continue
        word = re.search(r"(\w+)\.?[\"\u201d\u2019']?$", text[max(0, p - 12) : p])
        if word and (word.group(1).lower() in cues.ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _blank_asides(view: str, s: int, hi: int) -> str:
    """The view with asides in [s, hi) blanked: paired dashes and brackets, and subordinate or
    participle phrases closed by a comma, when they do not hold the end of the region."""
    seg = view[s:hi]
    if not any(ch in seg for ch in ",(\u2013\u2014") and " - " not in seg:
        return view
    for rx in (cues.PAIRED_ASIDE_RE, cues.ASIDE_RE):
        seg = rx.sub(lambda m: " " * len(m.group()), seg)
    return view[:s] + seg + view[hi:]


def _passive(bv: str, c0: int, vs: int, ve: int, word: str) -> bool:
    """A passive speech verb: after a form of "to be" ("was described as"), or a bare -ed form
    followed by by/of/as/in that no name stands right before ("civil servants accused of")."""
    if not (word.endswith("ed") or word in cues.IRREGULAR_PARTICIPLES):
        return False
    if cues.BE_FORMS.search(bv, c0, vs):
        return True
    before = bv[c0:vs].rstrip()
    if not word.endswith("ed") or before.endswith(",") or cues.NAMED_BEFORE.search(before):
        return False
    return bool(cues.PASSIVE_AFTER.match(bv, ve))


def _eligible(bv: str, c: Cand, lo: int, role_words: frozenset[str]) -> bool:
    """A candidate that can be a subject: not a possessive, not the object of a preposition
    ("wrote to the minister"), unless a speech verb follows it ("with Heywood saying")."""
    if not bv[c.start : c.end].strip():
        return False  # inside an aside
    tail = bv[c.end : c.end + 3]
    if tail[:2] in ("'s", "\u2019s") or tail[:1] in ("'", "\u2019"):
        return c.what == "doc"
    for w in bv[c.end : c.end + 40].split()[:4]:
        w = w.strip(",.;:").lower()
        if w in cues.SPEECH_WORDS:
            return True
        if w not in cues.AUX_WORDS:
            break
    owner = re.search(r"(['\u2019]s|s['\u2019])\s+$", bv[lo : c.start])
    if owner and c.what in ("role", "doc", "bodynoun", "spokes"):
        c = Cand(lo, lo, "", "")  # "The Institute for Government's director": judge the owner
        start = lo + owner.start()
        names = re.search(r"(?:\b[A-Z][\w&-]*(?:\s+(?:of|for|and|the|on)\b)?\s*)+$", bv[lo:start])
        c = Cand(lo + names.start() if names else start, start, "", "")
    before = re.split(r"[,;:()\u2013\u2014]", bv[lo : c.start])[-1]
    tokens = before.split()
    while tokens and tokens[-1].lower() not in cues.PREPOSITIONS:
        t = tokens[-1]
        if not (t.lower() in cues.NP_FILLER or t[:1].isupper() or t.lower() in role_words):
            break
        tokens.pop()
    return not (tokens and tokens[-1].lower() in cues.PREPOSITIONS)
