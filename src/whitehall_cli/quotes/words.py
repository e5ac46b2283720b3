"""The words of one text that the reader needs: which of them matter (`index_words`: speech
verbs, pronouns, document and body nouns, each with its offsets), where its sentences end,
the word before a point, and the text with its quotations masked.
"""

from __future__ import annotations

import re

from whitehall_cli.quotes import cue_words
from whitehall_cli.quotes.marks import Span
from whitehall_cli.quotes.records import Verb

# The word before a full stop (an abbreviation or an initial does not end a sentence).
_LAST_WORD = re.compile(r"(\w+)\.?[\"\u201d\u2019']?$")


def word_char(ch: str) -> bool:
    """A character that continues a word (an apostrophe does not: "union's" holds "union")."""
    return ch.isalnum() or ch == "-"


def prev_word(lower: str, a: int) -> str:
    """The word just before offset a (lower case), or "" after punctuation."""
    m = PREV_WORD.search(lower, max(0, a - 16), a)
    return m.group(1) if m else ""


# The last word of a stretch of text.
PREV_WORD = re.compile(r"([a-z]+)\s+$")


def word_edge(s: str, i: int, j: int) -> bool:
    return (i == 0 or not s[i - 1].isalnum()) and (j >= len(s) or not s[j].isalnum())


def index_words(
    view: str, skip_quiet: bool = False
) -> tuple[str, frozenset[str], list[tuple[int, int, str]], list[Verb]]:
    """The lower-cased text, its set of words, and the offsets of the words that matter
    (speech verbs, pronouns, document and body nouns) and of its speech verbs: a set
    intersection first, so a text with none of them costs one pass in C. With `skip_quiet`,
    a text whose words show it can hold no speech verb, speech phrase or document noun gets
    no offsets at all (a caller that then reads nothing from it needs none)."""
    lower = view.lower()
    words = word_set(lower)
    if (
        skip_quiet
        and cue_words.SPEECH_OR_DOC_WORDS.isdisjoint(words)
        and not _may_hold_phrase(words)
    ):
        return lower, words, [], []
    present = cue_words.KEY_WORDS & words
    toks: list[tuple[int, int, str]] = []
    if present:
        n = len(lower)
        find = lower.find
        for w in present:
            size = len(w)
            i = find(w)
            while i >= 0:
                j = i + size
                # a whole word only: no letter, digit or hyphen on either side
                if (i == 0 or not ((c := lower[i - 1]).isalnum() or c == "-")) and (
                    j == n or not ((c := lower[j]).isalnum() or c == "-")
                ):
                    toks.append((i, j, w))
                i = find(w, j)
        toks.sort()
    verbs: list[Verb] = []
    if not cue_words.SPEECH_WORDS.isdisjoint(present):
        speech, dets, search = cue_words.SPEECH_WORDS, cue_words.DETERMINERS, PREV_WORD.search
        for a, b, w in toks:
            if w in speech:
                m = search(lower, max(0, a - 16), a)  # prev_word, inline: verbs are many
                verbs.append(Verb(a, b, w, m is not None and m.group(1) in dets))
    if _may_hold_phrase(words):
        verbs += [
            Verb(m.start(), m.end(), m.group().lower(), False)
            for m in cue_words.SPEECH_PHRASE_RE.finditer(view)
        ]
        verbs.sort()
    return lower, words, toks, verbs


def _may_hold_phrase(words: frozenset[str]) -> bool:
    """The text holds both words of some speech phrase ("made clear"), so may hold it."""
    if _PHRASE_FIRST_WORDS.isdisjoint(words):  # one test for the usual case: none of them
        return False
    for first, second in cue_words.SPEECH_PHRASE_WORDS:
        if not first.isdisjoint(words) and not second.isdisjoint(words):
            return True
    return False


# The first words of every speech phrase.
_PHRASE_FIRST_WORDS = frozenset(w for first, _ in cue_words.SPEECH_PHRASE_WORDS for w in first)


# Bytes kept by `word_set` (a-z and the hyphen); every other byte becomes a space.
_WORD_BYTES = bytes(c if c in b"abcdefghijklmnopqrstuvwxyz-" else 32 for c in range(256))


def word_set(lower: str) -> frozenset[str]:
    """The words `cue_words.KEY_WORD_RE` finds in a lower-cased text, as a set: each run of a-z
    and hyphens, less its leading hyphens. Encoding to ASCII ("?" for anything else) and
    mapping bytes lets `split` find the runs in C, several times faster than `findall`."""
    runs = lower.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii").split()
    if "-" not in lower:
        return frozenset(runs)
    words = {w.lstrip("-") for w in runs}
    words.discard("")
    return frozenset(words)


def mask_quotes(text: str, spans: list[Span]) -> str:
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


def sentences(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Sentence offsets; no sentence ends inside a quotation or after an abbreviation."""
    out, start = [], 0
    abbreviations = cue_words.ABBREVIATIONS
    for m in cue_words.SENTENCE_RE.finditer(text):
        p = m.start() + 1
        if spans and any(sp.open_at < p < sp.close_at for sp in spans):
            continue
        if text[p - 1] == ".":  # only a full stop can close an abbreviation or an initial
            word = _LAST_WORD.search(text, max(0, p - 12), p)
            if word and (word.group(1).lower() in abbreviations or len(word.group(1)) == 1):
                continue
        end = m.end()
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def text_index(loc: str, para: int | None) -> int:
    """Reading order of the texts of an article: title, standfirst, then paragraphs."""
    if loc == "title":
        return -2
    if loc == "standfirst":
        return -1
    return para if para is not None else 0
