"""The words of one text as the ranker reads them: each word with its offset, whether it stands
inside quotation marks, and which sentence it belongs to.

A text is a handful of parallel lists rather than a list of word objects: an article has
hundreds of words, and the ranker reads only a few facts about each.
"""

from __future__ import annotations

import re

from whitehall_cli.quotes.ranking import words as W

# Abbreviations whose full stop does not end a sentence ("Sen.", "Jr.", "Calif.").
_ABBREVIATIONS = "|".join(sorted(W.ABBREVIATIONS, key=len, reverse=True))
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C., a.m.
    rf"|(?:{_ABBREVIATIONS})\.(?=\s|$|,)"  # Mr., Sen., Jr.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial
    r"|\w(?:[\w\-\u2010\u2011]|['\u2019](?=\w)|\.(?=\d))*"  # a word
    r"|\S"
)
# Quotation marks (and apostrophes, which may close a quotation).
QUOTE_CHARS = frozenset("\"\u201c\u201d\u201e'\u2018\u2019")
# Marks that end a sentence.
SENTENCE_END = frozenset(".!?")


class Text:
    """One paragraph (or headline, or standfirst) in words.

    `words[i]` is the i-th word as written, `lows[i]` in lower case, `starts[i]` its offset,
    `inq[i]` whether it stands inside a quotation (its marks included), `sent[i]` the number
    of its sentence. A sentence ends at a stop outside quotation marks, or at a quotation
    that ends with one, before a capitalised word.
    """

    __slots__ = ("words", "lows", "starts", "inq", "sent")

    def __init__(self, text: str, marks: list[tuple[int, int]]) -> None:
        """`marks`: (opening mark, closing mark) offsets of every quoted span, in order."""
        words: list[str] = []
        starts: list[int] = []
        for m in TOKEN_RE.finditer(text):
            words.append(m.group())
            starts.append(m.start())
        inq = [False] * len(words)
        if marks:
            k, n = 0, len(marks)
            for i, s in enumerate(starts):
                while k < n and marks[k][1] < s:
                    k += 1
                if k == n:
                    break
                if marks[k][0] <= s:
                    inq[i] = True
        self.words = words
        self.lows = [w.lower() for w in words]
        self.starts = starts
        self.inq = inq
        self.sent = _sentences(words, inq)

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, offset: int) -> int:
        """The first word at or after a character offset (the last word when none is)."""
        starts = self.starts
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if starts[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(starts) - 1)


def _sentences(words: list[str], inq: list[bool]) -> list[int]:
    """The sentence number of every word."""
    out = [0] * len(words)
    n = 0
    last = len(words) - 1
    ends, marks = SENTENCE_END, QUOTE_CHARS
    for i, w in enumerate(words):
        out[i] = n
        if i == last:
            break
        if w in ends:
            if not inq[i]:
                nxt = words[i + 1]
                if nxt[0].isupper() or nxt in marks or nxt[0].isdigit():
                    n += 1
        elif w in marks and inq[i] and i > 0 and words[i - 1] in ends:
            nxt = words[i + 1]
            if not inq[i + 1] and nxt[0].isupper():
                n += 1
    return out
