"""Words of one text (title, standfirst or paragraph) with offsets, for the entities stage.

Recognition works on a token list rather than on regex alternations so that an article costs
a handful of dictionary look-ups per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter

# A word: letters/digits joined by hyphens, apostrophes, dots or ampersands ("Rees-Mogg",
# "O'Brien", "gov.uk", "Heywood's"); a trailing full stop or apostrophe is not part of it.
WORD = re.compile(r"[^\W_]+(?:[-'\u2019.&][^\W_]+)*")
# The same with the characters before each word, so one C-level pass yields (gap, word) pairs.
GAP_WORD = re.compile(r"([\W_]*)([^\W_]+(?:[-'\u2019.&][^\W_]+)*)")
# The word of a (gap, word) pair.
_second = itemgetter(1)
# Possessive endings stripped to give a word's base form ("Heywood's" -> "Heywood").
POSSESSIVE = ("'s", "\u2019s")
# Characters in the gap before a word that make it the first word of a sentence or clause.
SENTENCE_BREAK = re.compile(r"[.!?:;\"\u201c\u201d\u2018(\[\u2013\u2014|]|^\s*$|\s-\s")
# Connecting words allowed inside an organisation name ("Department for Education").
CONNECTORS = ("of", "for", "and", "on", "in", "the", "&", "de", "du")


class Tok:
    """One word: its text, its base (possessive stripped), offsets of the base, and flags.

    A plain slotted class rather than a frozen dataclass: an article has hundreds of words and
    a frozen dataclass costs about eight times as much to build. Treat it as read-only.
    """

    __slots__ = ("text", "base", "start", "end", "gap", "cap", "initial", "possessive")

    def __init__(
        self,
        text: str,
        base: str,
        start: int,
        end: int,
        gap: str,
        cap: bool,
        initial: bool,
        possessive: bool,
    ) -> None:
        self.text = text
        self.base = base
        self.start = start  # offset of the word
        self.end = end  # end of `base`
        self.gap = gap  # the characters between the previous word and this one
        self.cap = cap  # starts with a capital letter (or is an acronym)
        self.initial = initial  # first word of its sentence (a capital here says little)
        self.possessive = possessive

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start})"


def tokenize(text: str) -> list[Tok]:
    """The words of `text` in order."""
    return read_words(text)[0]


def read_words(text: str) -> tuple[list[Tok], list[int], frozenset[str]]:
    """The words of `text` in order, the indices of the capitalised ones, and the set of
    every word's base form (for cheap "does this text hold X" checks), in one pass."""
    toks: list[Tok] = []
    caps: list[int] = []
    owners: list[str] = []  # bases of possessive words (other words are their own base)
    append = toks.append
    search = SENTENCE_BREAK.search
    make = Tok
    pairs = GAP_WORD.findall(text)
    pos = 0
    k = 0
    for gap, word in pairs:
        start = pos + len(gap)
        initial = k == 0 or (gap != " " and search(gap) is not None)
        if word[-1] == "s" and word.endswith(POSSESSIVE) and len(word) > 2:
            base = word[:-2]
            owners.append(base)
            end = start + len(base)
            pos = end + 2
            possessive = True
        else:
            base = word
            pos = end = start + len(word)
            possessive = False
        cap = base[0].isupper()
        if cap:
            caps.append(k)
        append(make(word, base, start, end, gap, cap, initial, possessive))
        k += 1
    return toks, caps, frozenset(map(_second, pairs)).union(owners)


def word_forms(texts: Iterable[str]) -> frozenset[str]:
    """Every word form of `texts` (what `Cast.words` holds for an article's texts)."""
    return frozenset().union(*(read_words(t)[2] for t in texts))


def joined(toks: list[Tok], i: int) -> bool:
    """True when word i follows word i-1 with only spaces between (same phrase)."""
    return i > 0 and toks[i].gap.strip() == "" and toks[i].gap != "" and not toks[i - 1].possessive


def span_text(text: str, toks: list[Tok], i: int, j: int) -> str:
    """The text covered by words i..j-1 (the last one without its possessive)."""
    return text[toks[i].start : toks[j - 1].end]


def is_title_case(toks: list[Tok]) -> bool:
    """A headline set in Title Case, where capitals say nothing about names."""
    words = [t for t in toks if t.base[:1].isalpha() and len(t.base) > 3]
    if len(words) < 4:
        return False
    return sum(t.cap for t in words) / len(words) > 0.7
