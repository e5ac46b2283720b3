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
from typing import TYPE_CHECKING

from whitehall_cli import cues
from whitehall_cli.phrases import (
    NOBODY,
    Attribution,
    Cand,
    Verb,
    blank_asides,
    can_be_subject,
    is_passive,
    noun_phrase_at,
    sentences,
    source_of,
)
from whitehall_cli.referents import Referents

if TYPE_CHECKING:
    from whitehall_cli.quotes import Span

__all__ = ["NOBODY", "Attribution", "Reader"]


# After a quotation, what may not stand between it and its speech verb (another sentence).
_STOP_BEFORE_VERB = re.compile(r"[.;:!?\"\u201c\u201d\u2018_]")
# Where an inverted subject ends ('," said Penman, who ...').
_END_OF_SUBJECT = re.compile(r"[,.;:!?\u2013\u2014(]|\bthat\b")
# A word of a quotation, for comparing headline and body quotations.
_KEY_WORD = re.compile(r"[\w']+")


class Reader(Referents):
    """Attributes the quotations of one article; call `paragraph` for each body paragraph in
    order, then `lead` for the headline and standfirst."""

    def paragraph(
        self, loc: str, para: int | None, text: str, spans: list[Span]
    ) -> list[Attribution]:
        """Attributions for the quotation spans of one text (all spans mask their words; only
        those with `quote` set are attributed), updating what the article has established."""
        view = self._prepare(text, spans)
        if not spans and not self.verbs and not any(w in cues.DOC_NOUNS for _, _, w in self.toks):
            # nothing to attribute and no cue or document to learn from: only a name that
            # opens the paragraph can change who "he" or "she" is
            first = next(iter(self.by_text.get((loc, para), [])), None)
            if first is not None and first.kind == "person" and not view[: first.start].strip():
                self.set_focus(self.person(first.entity))
            self._introduces(loc, para, text, None)
            return []
        cands = self.candidates(text, view, loc, para)
        self.para_cands, self.layouts = cands, {}
        out: list[Attribution] = []
        prev: Attribution | None = None
        index = para if para is not None else -1
        for s, e in sentences(text, spans):
            sc = [c for c in cands if s <= c.start < e]
            said, said_by = (
                self._speech(view, s, e, sc, loc, para, first=True) if sc else (None, "")
            )
            for c in sc:
                if c.what == "doc":
                    self._doc_author(c, view, cands, said)
                    self.doc_named(c, cands, view)
            for sp in spans:
                if not (sp.quote and s <= sp.open_at < e):
                    continue
                att, src = self._quote(text, view, s, e, sp, sc, prev, said, loc, para)
                out.append(att)
                if att.speaker is not None:
                    prev = att
                    self._remember(att, src, index, quote=True)
                elif src == "nobody":
                    prev = att  # '"...," one official said. "...": the official again
            if said is not None and said.speaker is not None:
                self._remember(said, said_by, index, quote=False)
            elif said is not None and said_by == "doc":
                self.state.thing = NOBODY  # "The white paper promises ...": "it" is not known
            else:
                subj = [c for c in sc if c.mention_kind == "person" or c.what == "role"]
                if (
                    subj
                    and not view[s : subj[0].start].strip(" \"'\u201c\u2018(")
                    or (subj and view[s : subj[0].start].strip().lower() in ("the", "its"))
                ):
                    self.set_focus(self.person(subj[0].key))
        if loc == "body":
            for sp, att in zip([sp for sp in spans if sp.quote], out, strict=True):
                self.body_quotes.append((text[sp.start : sp.end], att))
            self._introduces(loc, para, text, said)
        return out

    def _introduces(self, loc: str, para: int | None, text: str, said: Attribution | None) -> None:
        """A body paragraph ending in a colon ("... spoke at the meeting. We reproduce his
        words here:") hands the quotation opening the next one to its last speaker, else to
        the person it is about."""
        if loc == "body" and para is not None and text.rstrip().endswith(":"):
            who = said if said is not None and said.speaker is not None else self.state.focus
            self.state.intro, self.state.intro_para = who, para

    def lead(self, loc: str, text: str, spans: list[Span]) -> list[Attribution]:
        """Attributions for a headline or standfirst: its own cue when it names a speaker,
        else whoever the body gives the same words to, else its clause's subject."""
        view = self._prepare(text, spans)
        cands = self.candidates(text, view, loc, None)
        self.para_cands, self.layouts = cands, {}
        out: list[Attribution] = []
        for sp in spans:
            if not sp.quote:
                continue
            att: Attribution | None = None
            if sp.closed:
                att = self._after_cue(view, sp.close_at + 1, len(text), cands, loc, None)[0]
                credit = cues.HEADLINE_CREDIT.match(view, sp.close_at + 1)
                np = noun_phrase_at(cands, credit.end(), view) if credit else None
                if (att is None or att.speaker is None) and np and np.mention_kind == "person":
                    att = self.resolve(np, view, cands, loc, None)  # "'...': Jane Smith on ..."
            if att is None or att.speaker is None:
                own = self._speech(view, 0, sp.open_at, cands, loc, None, first=False)[0]
                att = own if own is not None and own.speaker is not None else att
            if att is None or att.speaker is None:
                att = self._echo(text[sp.start : sp.end]) or att
            if att is None:
                att = self._fragment(view, 0, sp.open_at, cands, None, loc, None, lead=True)[0]
            out.append(att)
        return out

    def _echo(self, words: str) -> Attribution | None:
        """The speaker the body gives the same words (or all of them) to."""
        key = _key(words)
        if not key:
            return None
        keyed = [(_key(words), att) for words, att in self.body_quotes if att.speaker is not None]
        for test in (
            lambda k: k == key,
            lambda k: f" {key} " in f" {k} ",
            lambda k: set(key.split()) <= set(k.split()),
        ):
            for k, att in keyed:
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
        if att.kind == "person" and (src not in ("doc", "it") or st.focus is None):
            self.set_focus(att)

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
                return att, ("nobody" if att.speaker is None else src)
        m = cues.ACCORDING_RE.search(view, s, e) if "according" in self.words else None
        if m:
            np = noun_phrase_at(sc, m.end(), view, self.role_words)
            att = self.resolve(np, view, sc, loc, para) if np else None
            if att is not None:
                return att, np.what if np else ""
        if not opening:
            att, src = self._speech(view, s, sp.open_at, sc, loc, para, first=False)
            if att is not None:
                return att, ("nobody" if att.speaker is None else src)
            return self._fragment(view, s, sp.open_at, sc, said, loc, para)
        verdict = cues.VERDICT_RE.match(view, e)
        if verdict:  # '"..." That was the verdict of Prospect's Mike Clancy.'
            np = noun_phrase_at(self.para_cands, verdict.end(), view, self.role_words)
            att = self.resolve(np, view, sc, loc, para) if np else None
            if att is not None:
                return att, source_of(np) if np else ""
        if prev is not None:
            return prev, "quote"
        st = self.state
        index = para if para is not None else -1
        if st.intro is not None and st.intro_para == index - 1:
            return st.intro, "quote"
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
        if _STOP_BEFORE_VERB.search(pre) or len(pre.split()) > 12 or cues.NEW_CLAUSE.search(pre):
            return None, ""
        if pre.strip(" ,\u00a0"):
            region = (pos, pos + m.start)
        else:
            rest = tail[m.end :]
            stop = _END_OF_SUBJECT.search(rest)
            region = (pos + m.end, pos + m.end + (stop.start() if stop else len(rest)))
        inside = [
            c
            for c in sc
            if region[0] <= c.start < region[1]
            and can_be_subject(view, c, region[0], self.role_words)
        ]
        np = next((c for c in inside if c.what == "mention" and c.mention_kind == "person"), None)
        np = np or (inside[0] if inside else None)
        if np is None:
            words = [w for w in _words(view[region[0] : region[1]]) if w not in cues.FUNCTION_WORDS]
            return (NOBODY, "") if words else (None, "")
        att = self.resolve(np, view, sc, loc, para)
        return (att if att is not None else NOBODY), source_of(np)

    def _layout(self, view: str, s: int, hi: int) -> tuple[str, list[int]]:
        """[s, hi) with its asides blanked, and where its clauses start (after s)."""
        key = (s, hi)
        if key not in self.layouts:
            bv = blank_asides(view, s, hi)
            breaks = [s + m.end() for m in cues.CLAUSE_BREAK.finditer(bv[s:hi])]
            self.layouts[key] = (bv, breaks)
        return self.layouts[key]

    def _speech(
        self, view: str, s: int, hi: int, sc: list[Cand], loc: str, para: int | None, first: bool
    ) -> tuple[Attribution | None, str]:
        """The speaker of the speech verb that governs [s, hi). With `first`, the first speech
        verb of the sentence; otherwise the one in the last clause, or, when that clause has
        none, the first one since the last hard break (semicolon, colon, dash). None when
        there is no such verb."""
        if not any(s <= v.start < hi and not v.noun for v in self.verbs):
            return None, ""
        bv, breaks = self._layout(view, s, hi)
        starts = [s, *breaks]
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
        if is_passive(bv, c0, vs, ve, word):
            agent = cues.PASSIVE_AFTER.match(bv, ve)
            if agent and agent.group().split()[0] in ("by", "in"):
                np = noun_phrase_at(sc, agent.end(), bv, self.role_words)
                if np is not None:
                    att = self.resolve(np, bv, sc, loc, para)
                    return att or NOBODY, source_of(np)
            return None, ""
        rel = (
            cues.RELATIVE_RE.search(bv, max(c0, vs - 60), vs)
            if self.words & cues.RELATIVES
            else None
        )
        if rel and rel.end() == vs:
            ante = [
                c for c in sc if c.end <= rel.start() and not bv[c.end : rel.start()].strip(" ,")
            ]
            if ante:
                return self.resolve(ante[-1], bv, sc, loc, para) or NOBODY, source_of(ante[-1])
        for j in range(k, -1, -1):
            lo, hi = clauses[j][0], vs if j == k else clauses[j][1]
            first = self._first_subject(bv, sc, lo, hi)
            if first is not None and _unnamed(bv, lo, first):
                return NOBODY, ""
            if first is not None:
                np = noun_phrase_at(sc, first.start, bv, self.role_words) or first
                np = np if np.start < hi else first
                att = self.resolve(np, bv, sc, loc, para)
                return self.qualified(att, np, sc, self.view) if att else NOBODY, source_of(np)
            if j == k and word in cues.INVERSION_VERBS and bv[c0:vs].rstrip().endswith(","):
                # "..., says the report, authored by ...": the subject follows the verb
                after = bv[ve : ve + 80]
                np = noun_phrase_at(sc, ve + len(after) - len(after.lstrip()), bv, self.role_words)
                if np is not None:
                    return self.resolve(np, bv, sc, loc, para) or NOBODY, source_of(np)
            words = [w for w in _words(bv[lo:hi]) if w not in cues.FUNCTION_WORDS]
            if words and j == k:
                return NOBODY, ""
        return NOBODY, ""

    def _first_subject(self, bv: str, sc: list[Cand], lo: int, hi: int) -> Cand | None:
        """The first phrase in [lo, hi) that can be a subject."""
        for c in sc:
            if lo <= c.start < hi and can_be_subject(bv, c, lo, self.role_words):
                return c
        return None

    def _fragment(
        self,
        view: str,
        s: int,
        hi: int,
        sc: list[Cand],
        said: Attribution | None,
        loc: str,
        para: int | None,
        lead: bool = False,
    ) -> tuple[Attribution, str]:
        """A quotation with no speech verb in its clause: the clause's subject; with no subject
        of its own, the nearest name before it; else whoever the text is reporting."""
        bv, breaks = self._layout(view, s, hi)
        c0 = breaks[-1] if breaks else s
        first = self._first_subject(bv, sc, c0, hi)
        if first is not None and _unnamed(bv, c0, first):
            return NOBODY, ""
        if first is not None:
            np = noun_phrase_at(sc, first.start, bv, self.role_words) or first
            np = np if np.start < hi else first
            att = self.resolve(np, bv, sc, loc, para)
            if att is not None:
                return att, source_of(np)
            if all(w in cues.FUNCTION_WORDS for w in _words(bv[c0 : first.start])):
                # a subject we cannot name ("The white paper promises ...") names nobody
                return NOBODY, source_of(np)
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
                        return att, source_of(c)
        under = cues.UNDER_RE.match(bv[s:hi])
        rule = noun_phrase_at(sc, s + under.end(), bv, self.role_words) if under else None
        if rule is not None and (rule.what == "doc" or rule.mention_kind == "document"):
            att = self.resolve(rule, bv, sc, loc, para)
            if att is not None:
                return att, source_of(rule)
        if under is not None and "," in bv[s:hi]:
            return NOBODY, ""  # "Under the X policy, ...": the rule's words, not the last speaker's
        if said is not None and said.speaker is not None:
            return said, "quote"
        st = self.state
        index = para if para is not None else -1
        if not lead and st.reporting is not None and st.reporting_para >= index - 1:
            return st.reporting, "quote"
        return NOBODY, ""


def _unnamed(bv: str, lo: int, first: Cand) -> bool:
    """The clause opens on an unnamed person and `first` only stands in their relative clause
    ("One director who quit the Home Office said")."""
    m = cues.UNNAMED_SUBJECT.match(bv, lo)
    return m is not None and first.start >= m.end()


def _key(words: str) -> str:
    """Words as a comparable key: lower case, curly marks straightened, punctuation dropped."""
    words = words.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(_KEY_WORD.findall(words.lower()))


def _words(s: str) -> list[str]:
    return [w.lower() for w in cues.WORD_RE.findall(s)]
