"""The clause grammar: which speech verb governs a stretch of a sentence and who its
subject is. `Clauses` reads one sentence at a time for `speakers.Reader`: the cue after a
quotation ('," he said', '," said Penman'), the speech verb of a clause and its subject (active,
passive with an agent, a relative pronoun's antecedent, an inverted subject), with asides
lifted out (`blank_asides`); whether a speech verb is passive (`is_passive`). What the subject
stands for is `referents`' business; the grammar is data, in `cue_words`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from whitehall_cli.quotes import cue_words
from whitehall_cli.quotes.records import NOBODY, Attribution, Cand, Verb, source_of
from whitehall_cli.quotes.referents import Referents
from whitehall_cli.quotes.subjects import can_be_subject, noun_phrase_at

# After a quotation, what may not stand between it and its speech verb (another sentence).
_STOP_BEFORE_VERB = re.compile(r"[.;:!?\"\u201c\u201d\u2018_]")
# A quotation (masked: its words are underscores) between a passive verb and its agent.
_MASKED_QUOTATION = re.compile(r"\s*[\"\u201c\u2018'][_\s]*[\"\u201d\u2019']")
# What may end the words before an inverted speech verb: a comma or a (masked) quotation.
_BEFORE_INVERSION = frozenset(",\"\u201d\u2019'")
# Where an inverted subject ends ('," said Penman, who ...').
_END_OF_SUBJECT = re.compile(r"[,.;:!?\u2013\u2014(]|\bthat\b")


class Subject(NamedTuple):
    """The subject a clause gives its speech verb (or its quotation): the first phrase that
    can be a subject and the noun phrase it opens ("PCS general secretary Harriet Ndlovu");
    `unnamed` when the clause opens on an unnamed person and that phrase only stands in
    their relative clause ("One director who quit the Home Office said")."""

    first: Cand | None
    phrase: Cand | None
    unnamed: bool = False


class Clauses(Referents):
    """The speech verbs of one text and their subjects, resolved against the article."""

    def _after_cue(
        self, view: str, pos: int, e: int, sc: list[Cand], loc: str, para: int | None
    ) -> tuple[Attribution | None, str]:
        """'," he said' / '," said Penman' / '," the report states': the cue after a quotation."""
        k = bisect_left(self.live_at, pos)  # the first live verb at or after pos
        if k == len(self.live) or self.live_at[k] >= e:
            return None, ""
        v = self.live[k]
        pre = view[pos : v.start]
        if (
            _STOP_BEFORE_VERB.search(pre)
            or len(pre.split()) > 12
            or cue_words.NEW_CLAUSE.search(pre)
        ):
            return None, ""
        if pre.strip(" ,\u00a0"):
            region = (pos, v.start)
        else:
            stop = _END_OF_SUBJECT.search(view, v.end, e)
            region = (v.end, stop.start() if stop else e)
        inside = [
            c
            for c in sc
            if region[0] <= c.start < region[1]
            and can_be_subject(view, c, region[0], self.role_words)
        ]
        np = next((c for c in inside if c.what == "mention" and c.mention_kind == "person"), None)
        np = np or (inside[0] if inside else None)
        if np is None:
            words = [
                w
                for w in words_of(view[region[0] : region[1]])
                if w not in cue_words.FUNCTION_WORDS
            ]
            return (NOBODY, "") if words else (None, "")
        att = self.resolve(np, view, sc, loc, para)
        return (att if att is not None else NOBODY), source_of(np)

    def _layout(self, view: str, s: int, hi: int) -> tuple[str, list[int]]:
        """[s, hi) with its asides blanked, and where its clauses start (after s)."""
        key = (s, hi)
        if key not in self.layouts:
            bv = blank_asides(view, s, hi)
            seg = bv[s:hi]
            breaks = (
                [s + m.end() for m in cue_words.CLAUSE_BREAK.finditer(seg)]
                if cue_words.CLAUSE_BREAK_HINT_RE.search(seg)
                else []
            )
            self.layouts[key] = (bv, breaks)
        return self.layouts[key]

    def _speech(
        self, view: str, s: int, hi: int, sc: list[Cand], loc: str, para: int | None, first: bool
    ) -> tuple[Attribution | None, str]:
        """The speaker of the speech verb that governs [s, hi). With `first`, the first speech
        verb of the sentence; otherwise the one in the last clause, or, when that clause has
        none, the first one since the last hard break (semicolon, colon, dash). None when
        there is no such verb."""
        if not self.has_verb(s, hi):
            return None, ""
        bv, breaks = self._layout(view, s, hi)
        starts = [s, *breaks]
        clauses = list(zip(starts, starts[1:] + [hi], strict=True))
        if first:
            order = list(range(len(clauses)))
        else:
            hard = [s] + [s + m.end() for m in cue_words.HARD_BREAK.finditer(bv[s:hi])]
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
            masked = _MASKED_QUOTATION.match(bv, ve)  # 'was branded "a shambles" by X'
            agent = cue_words.PASSIVE_AFTER.match(bv, masked.end() if masked else ve)
            if agent and agent.group().split()[0] in ("by", "in"):
                np = noun_phrase_at(sc, agent.end(), bv, self.role_words)
                if np is not None:
                    att = self.resolve(np, bv, sc, loc, para)
                    return att or NOBODY, source_of(np)
            return None, ""
        rel = (
            cue_words.RELATIVE_RE.search(bv, max(c0, vs - 60), vs)
            if not cue_words.RELATIVES.isdisjoint(self.words)
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
            subject = self._clause_subject(bv, sc, lo, hi)
            if subject.unnamed:
                return NOBODY, ""
            if subject.phrase is not None:
                np = subject.phrase
                att = self.resolve(np, bv, sc, loc, para)
                return self.qualified(att, np, sc, self.view) if att else NOBODY, source_of(np)
            lead = bv[c0:vs].rstrip()
            if j == k and word in cue_words.INVERSION_VERBS and lead[-1:] in _BEFORE_INVERSION:
                # "..., says the report, authored by ...", '"...," said Penman, "...': the
                # subject follows the verb
                after = bv[ve : ve + 80]
                np = noun_phrase_at(sc, ve + len(after) - len(after.lstrip()), bv, self.role_words)
                if np is not None:
                    return self.resolve(np, bv, sc, loc, para) or NOBODY, source_of(np)
            words = [w for w in words_of(bv[lo:hi]) if w not in cue_words.FUNCTION_WORDS]
            if words and j == k:
                return NOBODY, ""
        return NOBODY, ""

    def _clause_subject(self, bv: str, sc: list[Cand], lo: int, hi: int) -> Subject:
        """The subject of the clause [lo, hi), for a speech verb in it and for a quotation
        with none: the first phrase that can be a subject, widened to the noun phrase it
        opens when that starts before `hi`."""
        first = self._first_subject(bv, sc, lo, hi)
        if first is None:
            return Subject(None, None)
        if unnamed_subject(bv, lo, first):
            return Subject(first, None, unnamed=True)
        np = noun_phrase_at(sc, first.start, bv, self.role_words) or first
        return Subject(first, np if np.start < hi else first)

    def _first_subject(self, bv: str, sc: list[Cand], lo: int, hi: int) -> Cand | None:
        """The first phrase in [lo, hi) that can be a subject."""
        for c in sc:
            if lo <= c.start < hi and can_be_subject(bv, c, lo, self.role_words):
                return c
        return None


def unnamed_subject(bv: str, lo: int, first: Cand) -> bool:
    """The clause opens on an unnamed person and `first` only stands in their relative clause
    ("One director who quit the Home Office said")."""
    m = cue_words.UNNAMED_SUBJECT.match(bv, lo)
    return m is not None and first.start >= m.end()


def words_of(s: str) -> list[str]:
    return [w.lower() for w in cue_words.WORD_RE.findall(s)]


def blank_asides(view: str, s: int, hi: int) -> str:
    """The view with asides in [s, hi) blanked: paired dashes and brackets, relative clauses
    and subordinate or participle phrases closed by a comma ("Speaking to MPs,", "while it
    had been acknowledged by X that ...,"), when they close before the end of the region."""
    seg = view[s:hi]
    blanked = False
    dash = "\u2013" in seg or "\u2014" in seg or " - " in seg
    if "," not in seg and "(" not in seg and not dash:
        return view
    if dash:
        seg, n = cue_words.DASH_ASIDE_RE.subn(_spaces, seg)
        blanked = n > 0
    if "(" in seg:
        seg, n = cue_words.BRACKET_ASIDE_RE.subn(_spaces, seg)
        blanked = blanked or n > 0
    if "," in seg:
        starts = [0]
        comma = seg.find(",")
        while comma >= 0:
            starts.append(comma + 1)
            comma = seg.find(",", comma + 1)
        if "that" in seg:
            starts = sorted(starts + [m.end() for m in cue_words.ASIDE_THAT_RE.finditer(seg)])
        for p in starts:
            head = cue_words.ASIDE_HEAD_RE.match(seg, p)
            if head is None or not opens_aside(
                head.group(1).lower(), (head.group(2) or "").lower()
            ):
                continue
            close = cue_words.ASIDE_END_RE.search(seg, head.end())
            if close is not None and close.group() == ",":
                seg = seg[:p] + " " * (close.end() - p) + seg[close.end() :]
                blanked = True
    return view[:s] + seg + view[hi:] if blanked else view


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group())


def opens_aside(word: str, nxt: str) -> bool:
    """A phrase opening with this word can be lifted out of its sentence."""
    if word in cue_words.ASIDE_OPENERS or (word, nxt) in cue_words.ASIDE_PAIRS:
        return True
    return (word.endswith("ing") and len(word) > 4) or (word.endswith("ly") and len(word) > 4)


def is_passive(bv: str, c0: int, vs: int, ve: int, word: str) -> bool:
    """A passive speech verb: after a form of "to be" ("was described as"), or a bare -ed form
    followed by by/of/as/in that no name stands right before ("civil servants accused of")."""
    if not (word.endswith("ed") or word in cue_words.IRREGULAR_PARTICIPLES):
        return False
    lo = max(c0, vs - 30)
    if cue_words.BE_FORMS.search(bv, lo, vs):
        return True
    before = bv[lo:vs].rstrip()
    if not word.endswith("ed") or before.endswith(",") or cue_words.NAMED_BEFORE.search(before):
        return False
    return bool(cue_words.PASSIVE_AFTER.match(bv, ve))
