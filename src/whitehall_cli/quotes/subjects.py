"""Which phrase of a clause can be the subject of a speech verb: the noun phrase starting at
a point (a person inside it preferred: "PCS general secretary Harriet Ndlovu"), and whether a
phrase can be a subject at all (not a possessive, not the object of a preposition, not a name
that only qualifies an unnamed group: "Whitehall sources said").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from whitehall_cli.quotes import cue_words
from whitehall_cli.quotes.records import Cand

# Punctuation that ends a noun phrase.
_PHRASE_BREAK = re.compile(r"[,;:.()\u2013\u2014\"\u201c\u201d_]")
# The two characters that end a possessive just before a phrase ("the Institute for
# Government's director").
_POSSESSIVE_ENDINGS = frozenset({"'s", "\u2019s", "s'", "s\u2019"})
# The capitalised words of a name ending a stretch of text ("Institute for Government").
_NAME_WORDS_END = re.compile(r"(?:\b[A-Z][\w&-]*(?:\s+(?:of|for|and|the|on)\b)?\s*)+$")
# An owner at the start of a role ("the department's permanent secretary").


def noun_phrase_at(
    cands: list[Cand], pos: int, view: str, role_words: frozenset[str] = frozenset()
) -> Cand | None:
    """The candidate noun phrase starting at pos, preferring a person inside it
    ("Institute of Regulation chair Marcial Boo", "PCS general secretary Harriet Ndlovu")."""
    first: Cand | None = None
    end = pos
    filler = cue_words.NP_FILLER
    for c in cands[bisect_left(cands, pos, key=_start) :]:
        if c.start < end:
            continue
        gap = view[end : c.start]
        if gap.strip() and (
            _PHRASE_BREAK.search(gap)
            or not all(
                w.lower() in role_words or w.lower() in filler or w[:1].isupper()
                for w in gap.split()
            )
        ):
            break
        if c.what == "mention" and c.mention_kind == "person":
            return c  # the first person in the phrase: what follows cannot change the answer
        if first is None:
            first = c
        end = c.end
        if view[end : end + 2] in ("'s", "\u2019s"):
            end += 2
    return first


# A candidate's start (candidates are named tuples: `start` is field 0), for bisecting.
_start = itemgetter(0)


def can_be_subject(bv: str, c: Cand, lo: int, role_words: frozenset[str]) -> bool:
    """A candidate that can be a subject: not a possessive, not the object of a preposition
    ("wrote to the minister"), unless a speech verb follows it ("with Heywood saying")."""
    start, end, what = c.start, c.end, c.what
    if not bv[start:end].strip():
        return False  # inside an aside
    if what == "mention":
        nxt = bv[end : end + 16].split()
        if nxt and nxt[0].lower().strip(",.") in cue_words.GROUP_NOUNS:
            return False  # "Whitehall sources said": the name only qualifies the group
    if bv.startswith(_POSSESSIVE_S, end) or (
        bv[end : end + 1] in ("'", "\u2019") and bv[end - 1 : end] in "sS" and end > start
    ):  # a possessive ("Smith's", "members'"), not a contraction ("they've")
        return what == "doc"
    for w in bv[end : end + 40].split()[:4]:
        w = w.strip(",.;:").lower()
        if w in cue_words.SPEECH_WORDS:
            # "with Heywood saying" speaks; "a source close to Heywood said" does not
            return not _group_governs(_phrase_tokens(bv, lo, start, role_words))
        if w not in cue_words.AUX_WORDS:
            break
    owner = _possessive_before(bv, lo, start)
    if owner >= 0 and (what != "mention" or c.mention_kind == "person"):
        # "The Institute for Government's director", "the IfG's Alex Thomas": judge the owner
        names = _NAME_WORDS_END.search(bv, max(lo, owner - 80), owner)
        start = names.start() if names else owner
    tokens = _phrase_tokens(bv, lo, start, role_words)
    return not (tokens and tokens[-1].lower() in cue_words.PREPOSITIONS)


# The possessive endings right after a name ("Smith's").
_POSSESSIVE_S = ("'s", "\u2019s")
# Everything up to the last punctuation mark that separates a phrase from what came before
# it (greedy, so the last one).
_UP_TO_CLAUSE_PUNCT = re.compile(r".*[,;:()\u2013\u2014]", re.DOTALL)


def _phrase_tokens(bv: str, lo: int, at: int, role_words: frozenset[str]) -> list[str]:
    """The words of the clause before `at`, less those of the noun phrase ending there (names,
    titles, determiners): what is left ends with a preposition when the phrase is its object."""
    cut = _UP_TO_CLAUSE_PUNCT.match(bv, lo, at)  # the words after the last punctuation mark
    tokens = bv[cut.end() if cut else lo : at].split()
    preps, filler, docs = cue_words.PREPOSITIONS, cue_words.NP_FILLER, cue_words.DOC_NOUNS
    while tokens:
        t = tokens[-1]
        low = t.lower()
        if low in preps or not (
            low in filler or t[:1].isupper() or low in role_words or low in docs
        ):
            break
        tokens.pop()
    return tokens


def _group_governs(tokens: list[str]) -> bool:
    """The phrase is the object of a preposition after an unnamed group ("allies of", "a source
    close to"), which is what speaks: the group noun is plural or has a determiner (a singular
    one without is a title: "Minister for the Cabinet Office Jane Smith said")."""
    if len(tokens) < 2 or tokens[-1].lower() not in cue_words.PREPOSITIONS:
        return False
    words = [t.lower() for t in tokens[:-1]]
    while words and words[-1] in cue_words.NEAR_WORDS:
        words.pop()
    if not words or words[-1] not in cue_words.GROUP_NOUNS:
        return False
    return words[-1].endswith("s") or (len(words) > 1 and words[-2] in cue_words.GROUP_DETERMINERS)


def _possessive_before(bv: str, lo: int, at: int) -> int:
    """Where a possessive ending ("'s", "s'") stands just before `at` (spaces between), or -1."""
    j = at
    while j > lo and bv[j - 1].isspace():
        j -= 1
    if j == at or j - 2 < lo or bv[j - 2 : j] not in _POSSESSIVE_ENDINGS:
        return -1
    return j - 2
