"""Give each quotation its speaker, reading the article in order like a person would.

The cues, strongest first: a speech verb right after the quotation ('," he said'); "according
to X"; a speech verb before it in its clause, whose subject speaks ("Heywood wrote to ...
urging"), or whose agent does in the passive ("suggested in the memo"); a quotation with no
cue of its own continues the one before it (same paragraph, or the paragraph before). A
fragment with no speech verb goes to its clause's subject ("Labour has pledged to 'end
waste'"), else to whoever the paragraph carries on reporting. Pronouns, role phrases ("the
head of the civil service"), body nouns ("the think tank") and documents ("the report", "the
code") are resolved against the cast and what the article has said so far. The grammar itself
(speech verbs, prepositions, document nouns ...) is data, in `cue_words`; the clause grammar (which
verb governs a quotation, who its subject is) is in `clauses`.
"""

from __future__ import annotations

import re

from whitehall_cli.quotes import cue_words
from whitehall_cli.quotes.clauses import Clauses, words_of
from whitehall_cli.quotes.marks import Span
from whitehall_cli.quotes.records import NOBODY, Attribution, Cand, source_of
from whitehall_cli.quotes.subjects import noun_phrase_at
from whitehall_cli.quotes.words import sentences

__all__ = ["NOBODY", "Attribution", "Reader"]


# A headline quotation credited to a name after a colon or dash ("'...': Jane Smith on ...").
_HEADLINE_CREDIT = re.compile(r"\s*(?::|\s[\u2013\u2014-]\s|\|)\s*")
# A colon after a name opening a paragraph: the label of an interview answer ("Smith: ...").
_ANSWER_LABEL = re.compile(r"[*_]*\s*:[*_]*\s")
# A word of a quotation, for comparing headline and body quotations.
_KEY_WORD = re.compile(r"[\w']+")


class Reader(Clauses):
    """Attributes the quotations of one article; call `paragraph` for each body paragraph in
    order, then `lead` for the headline and standfirst."""

    def paragraph(
        self, loc: str, para: int | None, text: str, spans: list[Span]
    ) -> list[Attribution]:
        """Attributions for the quotation spans of one text (all spans mask their words; only
        those with `quote` set are attributed), updating what the article has established."""
        view = self._prepare(text, spans)
        if (
            not spans
            and not self.verbs
            and not any(w in cue_words.DOC_NOUNS for _, _, w in self.toks)
        ):
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
        carried: list[bool] = []
        sources: list[str] = []
        prev = self._label(loc, para, view)
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
                carried.append(src == "carried")
                sources.append(f"{self.path}:{src}")
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
            self.carried[index] = carried
            self.sources[index] = sources
        return out

    def _label(self, loc: str, para: int | None, view: str) -> Attribution | None:
        """An interview answer ("Smith: Honestly? ..."): the person named as its label speaks
        the quotations in it that no cue gives to anyone else."""
        first = next(iter(self.by_text.get((loc, para), [])), None)
        if first is None or first.kind != "person" or view[: first.start].strip(" *_"):
            return None
        if not _ANSWER_LABEL.match(view, first.end):
            return None
        att = self.person(first.entity)
        self._remember(att, "person", para if para is not None else -1, quote=False)
        return att

    def follow_run_on(self, paras: list[list[Attribution]], opens: list[bool]) -> None:
        """A quotation running on into the next paragraph whose speaker was only carried over
        takes the speaker the next paragraph's cue gives ('"We were never asked.' / '"Not
        once," said Smith.'), back to the start of the run. `paras`: each body paragraph's
        attributions; `opens`: whether its last quotation runs on (unclosed) into the next
        paragraph, which opens with one."""
        for k in range(len(paras) - 2, -1, -1):
            here, nxt = paras[k], paras[k + 1]
            weak, nxt_weak = self.carried.get(k, []), self.carried.get(k + 1, [])
            if opens[k] and here and nxt and weak and weak[-1] and not nxt_weak[0]:
                here[-1] = nxt[0]
                weak[-1] = False
                self.sources[k][-1] = "carry:run_on"

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
                credit = _HEADLINE_CREDIT.match(view, sp.close_at + 1)
                np = noun_phrase_at(cands, credit.end(), view) if credit else None
                if (att is None or att.speaker is None) and np and np.mention_kind == "person":
                    att = self.resolve(np, view, cands, loc, None)  # "'...': Jane Smith on ..."
            if att is None or att.speaker is None:
                own = self._speech(view, 0, sp.open_at, cands, loc, None, first=False)[0]
                att = own if own is not None and own.speaker is not None else att
            if att is None or att.speaker is None:
                att = (
                    self._echo(text[sp.start : sp.end])
                    or self._headline_label(view, sp, cands)
                    or att
                )
            if att is None:
                att = self._fragment(view, 0, sp.open_at, cands, None, loc, None, lead=True)[0]
            out.append(att)
        return out

    def _headline_label(self, view: str, sp: Span, cands: list[Cand]) -> Attribution | None:
        """ "Home secretary: reform is 'overdue'": the person or body named before a headline's
        colon says what follows it."""
        colon = view.find(":", 0, sp.open_at)
        np = noun_phrase_at(cands, 0, view, self.role_words) if colon > 0 else None
        if np is None or view[np.end : colon].strip(" '\u2019s") or view[: np.start].strip():
            return None
        if np.what == "mention" and np.mention_kind not in ("person", "body"):
            return None
        return self.resolve(np, view, cands, "title", None)

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
        self.path = "after"
        if sp.closed and (
            opening
            or inner[-1:] in ",?!\u2014\u2013-"
            or view[sp.close_at + 1 : sp.close_at + 2] == ","
        ):
            att, src = self._after_cue(view, sp.close_at + 1, e, sc, loc, para)
            if att is not None:
                return att, ("nobody" if att.speaker is None else src)
        self.path = "according"
        m = cue_words.ACCORDING_RE.search(view, s, e) if "according" in self.words else None
        if m:
            np = noun_phrase_at(sc, m.end(), view, self.role_words)
            att = self.resolve(np, view, sc, loc, para) if np else None
            if att is not None:
                return att, np.what if np else ""
        if not opening:
            self.path = "before"
            att, src = self._speech(view, s, sp.open_at, sc, loc, para, first=False)
            if att is not None:
                return att, ("nobody" if att.speaker is None else src)
            self.path = "fragment"
            return self._fragment(view, s, sp.open_at, sc, said, loc, para)
        self.path = "carry"
        verdict = cue_words.VERDICT_RE.match(view, e)
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
        # weaker: carried over from the paragraph before (a later cue may say otherwise)
        if st.last_quote is not None and st.last_quote_para >= index - 1:
            return st.last_quote, "carried"
        if st.reporting is not None and st.reporting_para >= index - 1:
            return st.reporting, "carried"
        return NOBODY, "carried"

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
        subject = self._clause_subject(bv, sc, c0, hi)
        if subject.unnamed:
            return NOBODY, ""
        if subject.first is not None and subject.phrase is not None:
            np = subject.phrase
            att = self.resolve(np, bv, sc, loc, para)
            if att is not None:
                return att, source_of(np)
            if all(w in cue_words.FUNCTION_WORDS for w in words_of(bv[c0 : subject.first.start])):
                # a subject we cannot name ("The white paper promises ...") names nobody
                return NOBODY, source_of(np)
        words = words_of(bv[c0:hi])
        while words and words[0] in ("and", "but", "so", "yet", "or", "then"):
            words.pop(0)
        if not words or words[0] in cue_words.PREPOSITIONS or words[0].endswith("ing"):
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
        under = cue_words.UNDER_RE.match(bv[s:hi])
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


def _key(words: str) -> str:
    """Words as a comparable key: lower case, curly marks straightened, punctuation dropped."""
    words = words.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(_KEY_WORD.findall(words.lower()))
