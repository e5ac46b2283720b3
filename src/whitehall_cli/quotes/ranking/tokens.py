"""The words of one text as the ranker reads them: each word with its offset, whether it stands
inside quotation marks, and which sentence it belongs to.

A text is a handful of parallel lists rather than a list of word objects: an article has
hundreds of words, and the ranker reads only a few facts about each.
"""

from __future__ import annotations

import re

from whitehall_cli.quotes.ranking import words as W

# A word (letters and digits, joined by hyphens, apostrophes before a letter, or a point
# before a digit: "Rees-Mogg", "O'Brien", "3.5"), or any other character but space.
# Letters with points ("U.S.", "D.C.", "a.m.") are one word.
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w(?:[\w\-\u2010\u2011]|['\u2019](?=\w)|\.(?=\d))*|\S")
# A word whose full stop belongs to it: an abbreviation ("Sen.", "Jr.", "Calif."), or a
# capital letter standing for a name ("J.").
ABBREVIATED = frozenset(W.ABBREVIATIONS) | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Quotation marks (and apostrophes, which may close a quotation).
QUOTE_CHARS = frozenset("\"\u201c\u201d\u201e'\u2018\u2019")
# Marks that end a sentence.
SENTENCE_END = frozenset(".!?")


class Text:
    """One paragraph (or headline, or standfirst) in words.

    `words[i]` is the i-th word as written, `lows[i]` in lower case, `inq[i]` whether it
    stands inside a quotation (its marks included), `sent[i]` the number of its sentence. A
    sentence ends at a stop outside quotation marks, or at a quotation that ends with one,
    before a capitalised word. The text is read a stretch at a time, between and inside its
    quotation marks, so that each mark is a word of its own and `at` finds it.
    """

    __slots__ = ("words", "lows", "inq", "sent", "marks")

    def __init__(self, text: str, marks: list[tuple[int, int]]) -> None:
        """`marks`: (opening mark, closing mark) offsets of every quoted span, in order (a
        closing offset past the text's end for a quotation left open)."""
        findall = _words
        words: list[str] = []
        inq: list[bool] = []
        at: dict[int, int] = {}
        pos = 0
        for o, c in marks:
            if o < pos:
                continue  # overlapping spans: the first one masks
            outside = findall(text, pos, o)
            words += outside
            inq += [False] * len(outside)
            inside = findall(text, o, c + 1)
            at[o] = len(words)
            words += inside
            inq += [True] * len(inside)
            at[c] = len(words) - 1
            pos = c + 1
        rest = findall(text, pos)
        words += rest
        inq += [False] * len(rest)
        self.words = words
        self.lows = [w.lower() for w in words]
        self.inq = inq
        self.sent = _sentences(words, inq)
        self.marks = at

    def __len__(self) -> int:
        return len(self.words)

    def at(self, offset: int) -> int:
        """The word a quotation mark at a character offset is (the last word, for a
        quotation's end past the text's)."""
        return min(self.marks.get(offset, len(self.words) - 1), len(self.words) - 1)


def _words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of text[start:end], full stops joined to the abbreviations they end."""
    words = TOKEN_RE.findall(text, start, len(text) if end is None else end)
    stops = [i for i, w in enumerate(words) if w == "."]
    if not stops:
        return words
    for i in reversed(stops):  # from the end, so that joining keeps the indices good
        if i and words[i - 1] in ABBREVIATED:
            words[i - 1 : i + 1] = [words[i - 1] + "."]
    return words


# Words that may end a sentence: stops, and the marks after a quoted stop.
_ENDS = SENTENCE_END | QUOTE_CHARS


def _sentences(words: list[str], inq: list[bool]) -> list[int]:
    """The sentence number of every word."""
    n = len(words)
    out: list[int] = []
    ends, marks = SENTENCE_END, QUOTE_CHARS
    sentence = 0
    begun = 0
    for i in [i for i, w in enumerate(words) if w in _ENDS]:
        if i + 1 >= n:
            break
        w, nxt = words[i], words[i + 1]
        if w in ends:
            if inq[i] or not (nxt[0].isupper() or nxt in marks or nxt[0].isdigit()):
                continue
        elif not (
            inq[i] and i > 0 and words[i - 1] in ends and not inq[i + 1] and nxt[0].isupper()
        ):
            continue
        out += [sentence] * (i + 1 - begun)
        begun = i + 1
        sentence += 1
    out += [sentence] * (n - begun)
    return out
