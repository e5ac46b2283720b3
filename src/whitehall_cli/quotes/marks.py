"""Quotation marks to quotations: the spans of one text between marks that report someone's
words (`find_spans`), which of them are labels or titles rather than quotations
(`not_a_quotation`), and which are fragments inside a sentence (`is_partial`).

A quotation is a span between quotation marks (double or single, straight or curly, mixed)
that reports someone's words. Apostrophes (they're, the '90s, civil servants' tweets) are told
from single marks by what stands on either side; a single-quoted phrase inside a double-quoted
quotation (and the other way round) is part of the outer one. A paragraph that opens a
quotation without closing it runs to its end (the next paragraph carries on the quotation).
Labels (marked "secret") and titles of works ("Keeping the books", a report) are not quotations.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from whitehall_cli.quotes import cue_words

# Quotation marks that can open or close a double-quoted span.
DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e')
# Quotation marks that can open or close a single-quoted span (also apostrophes).
SINGLE_MARKS = frozenset("'\u2018\u2019")
# Marks that only ever open a quotation.
OPEN_ONLY = frozenset("\u201c\u201e\u2018")
# Any quotation mark or apostrophe; the double marks; the single marks (for jumping ahead).
ANY_MARK_RE = re.compile("[\"\u201c\u201d\u201e'\u2018\u2019]")
DOUBLE_MARK_RE = re.compile('["\u201c\u201d\u201e]')
SINGLE_MARK_RE = re.compile("['\u2018\u2019]")
# Characters after which an opening mark may stand (start of text is also fine).
BEFORE_OPEN = frozenset(" \t\n\u00a0([{\u2013\u2014-/:;,\u2026")
# Characters that may stand just after a closing mark besides letters' absence (space, end).
AFTER_CLOSE_STOP = frozenset(" \t\n\u00a0.,;:!?)]}\u2013\u2014-/\u2026\"\u201d\u2019'")

# Single marks that begin an elided year or word, never a quotation ('90s, 'em, 'til).
ELISION = re.compile(r"['\u2019](?:\d0s|\d\d\b|em\b|til\b|cause\b|n\b)", re.IGNORECASE)

# Words just before a quotation that make it a label, not anyone's words (marked "secret",
# the so-called "chumocracy").
LABEL_WORDS = frozenset(
    "marked labelled labeled stamped classified classed graded codenamed code-named "
    "hashtag hashtagged tagged trademarked rated so-called nicknamed".split()
)
# Quoted words that are security or handling markings, not anyone's words.
MARKINGS = frozenset(
    {
        "official",
        "official sensitive",
        "official-sensitive",
        "official - sensitive",
        "secret",
        "top secret",
        "confidential",
        "restricted",
        "sensitive",
        "protect",
        "not for publication",
        "embargoed",
    }
)
# Nouns for works whose title may follow in quotation marks (a report, "Title").
WORK_NOUNS = frozenset(
    "report study review paper book memoir strategy document programme program campaign plan "
    "pamphlet guide guidance manifesto initiative scheme policy bill act inquiry consultation "
    "speech lecture article essay blog blogpost post podcast film documentary series column "
    "survey analysis briefing framework toolkit app platform website system software project "
    "operation exercise conference event".split()
)
# Words between a work noun and its title ("the report, entitled").
TITLE_LINKS = frozenset("entitled titled called named headlined headed".split())
# Words that introduce a title with no work noun ("a paper titled", "entitled").
TITLE_ONLY_LINKS = frozenset("entitled titled headlined".split())
# A work noun right after a title-case quotation ("Civil Service Reform" programme).
TITLE_AFTER = re.compile(rf"\s*(?:{'|'.join(sorted(WORK_NOUNS))})\b", re.IGNORECASE)
# The last words before a quotation (lower case; link markers like [5] dropped).
TAIL_WORD_RE = re.compile(r"[a-z][a-z-]*")
# Small words that may stay lower-case in a title.
TITLE_SMALL_WORDS = frozenset(
    "a an the and or of in on for to at by with from into nor but as vs".split()
)
# Characters that end a sentence (inside or before a closing mark).
SENTENCE_END = ".!?\u2026"
# Speech words after which a quotation starts a sentence of its own ("said: 'We ...'").
INTRO_BEFORE = re.compile(
    r"(?::|\b(?:said|says|added|adds|told\s+\w+|wrote|writes|warned|stated|continued|"
    r"insisted|argued|declared|asked|replied)\s*,?)\s*$",
    re.IGNORECASE,
)


# A word of a possible title.
TITLE_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*")


class Span(NamedTuple):
    """One quotation found in one text: offsets of the words inside the marks (a named tuple:
    cheaper to build than a frozen dataclass)."""

    start: int  # first character inside the opening mark
    end: int  # just past the last character before the closing mark (or the text's end)
    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark, or len(text) when it runs on
    closed: bool
    quote: bool = True  # False for a label or a title: masked, never attributed


def _can_open(text: str, i: int) -> bool:
    c = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        return False
    prev = text[i - 1] if i > 0 else " "
    if prev not in BEFORE_OPEN and not (prev in DOUBLE_MARKS or prev in SINGLE_MARKS):
        return False
    if c in SINGLE_MARKS:
        if ELISION.match(text, i):
            return False
        if c == "\u2019" and not nxt.isalpha():
            return False
    return True


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    if prev.isspace():
        return False
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return nxt in AFTER_CLOSE_STOP or nxt.isspace()


def _looks_possessive(text: str, i: int) -> bool:
    """An s' followed by a lower-case word: more likely members' goodwill than a closing mark."""
    if i < 1 or text[i - 1] not in "sS":
        return False
    rest = text[i + 1 : i + 3]
    return len(rest) == 2 and rest[0] == " " and rest[1].islower()


def _find_close(text: str, i: int, marks: frozenset[str]) -> int | None:
    """The closing mark for the opening mark at i, or None when the quotation runs on."""
    single = marks is SINGLE_MARKS
    first_weak: int | None = None
    last_weak: int | None = None
    for m in (SINGLE_MARK_RE if single else DOUBLE_MARK_RE).finditer(text, i + 1):
        k = m.start()
        c = text[k]
        if c in OPEN_ONLY and _can_open(text, k) and not _can_close(text, k):
            # a fresh opening mark: the previous quotation was never closed
            break
        if not _can_close(text, k):
            if last_weak is not None and c == "'" and _can_open(text, k):
                # "'ministers' promises' and 'empty words'": a new quotation opens, so the
                # last possessive-looking mark before it closed this one
                return last_weak
            continue
        if single and _looks_possessive(text, k):
            first_weak = k if first_weak is None else first_weak
            last_weak = k
            continue
        return k
    if single and first_weak is None and text[i] == "\u2018":
        return _mismatched_close(text, i)
    return first_weak


def _mismatched_close(text: str, i: int) -> int | None:
    """A curly single opening closed by a curly double mark (‘ ... ”, a slip common in
    copy): the first closing double mark with no double opening mark before it."""
    m = DOUBLE_MARK_RE.search(text, i + 1)
    if m is None or text[m.start()] != "\u201d" or not _can_close(text, m.start()):
        return None
    return m.start()


def find_spans(text: str, runs_on_single: bool = False) -> list[Span]:
    """Every quoted span in one text, outermost only, in order.

    `runs_on_single`: an unclosed single mark that opens a sentence runs to the end, as a double one always does; callers set it when the next paragraph opens with
    a single mark (the convention for a quotation carried over paragraphs).
    """
    spans: list[Span] = []
    n = len(text)
    mark = ANY_MARK_RE.search(text)
    while mark is not None:
        i = mark.start()
        c = text[i]
        marks = DOUBLE_MARKS if c in DOUBLE_MARKS else SINGLE_MARKS
        mark = ANY_MARK_RE.search(text, i + 1)
        if not _can_open(text, i):
            continue
        k = _find_close(text, i, marks)
        if k is None:
            if marks is SINGLE_MARKS and not (
                runs_on_single and text[:i].rstrip()[-1:] in ("", ":", ".", "!", "?", "\u2026")
            ):
                continue
            end = len(text.rstrip())
            if end > i + 1:
                spans.append(Span(i + 1, end, i, n, False))
            break
        if k > i + 1 and text[i + 1 : k].strip():
            spans.append(Span(i + 1, k, i, k, True))
        mark = ANY_MARK_RE.search(text, k + 1)
    return spans


def _title_case(words: str) -> bool:
    """Every word capitalised but the small ones ("Civil Service Reform", "Today")."""
    tokens = TITLE_WORD_RE.findall(words)
    if not tokens or not tokens[0][0].isupper():
        return False
    return all(t[0].isupper() or t.lower() in TITLE_SMALL_WORDS for t in tokens)


def _after_work_noun(tail: list[str]) -> bool:
    """The words before a quotation end with a work noun ("its report,"), perhaps followed
    by "entitled"/"called", or with "entitled" alone."""
    if tail and tail[-1] in TITLE_ONLY_LINKS:
        return True
    if tail and tail[-1] in TITLE_LINKS:
        tail = tail[:-1]
    return bool(tail) and tail[-1] in WORK_NOUNS


def _names_a_work(lead: list[str], words: str) -> bool:
    """After a work noun, a title starts with a capital and no speech verb calls the work
    something ("called the plan 'a disgrace'" reports words)."""
    if not words.lstrip()[:1].isupper():
        return False
    return not any(w in cue_words.SPEECH_WORDS for w in lead[-3:])


def not_a_quotation(text: str, span: Span, titles: frozenset[str] = frozenset()) -> bool:
    """A label, a security marking or the title of a work (`titles`: the cast's works, lower
    case) rather than anyone's words."""
    words = text[span.start : span.end]
    core = words.strip().strip(".,;:!?").strip().lower()
    tail = TAIL_WORD_RE.findall(text[max(0, span.open_at - 40) : span.open_at].lower())[-4:]
    if tail and tail[-1] == "as":
        tail.pop()
    if tail and tail[-1] in LABEL_WORDS:
        return True
    if core in MARKINGS and len(core.split()) <= 3 and span.closed:
        return True
    if not span.closed:
        return False
    lead = text[max(0, span.open_at - 3) : span.open_at].rstrip()
    if _after_work_noun(tail) and words.rstrip()[-1:] not in ",." and not lead.endswith(":"):
        if _names_a_work(tail[:-1], words):
            return True
    if TITLE_AFTER.match(text, span.close_at + 1) and _title_case(words):
        return True
    return core in titles


def is_partial(text: str, span: Span) -> bool:
    """A fragment inside a sentence rather than a sentence (or more) of someone's words."""
    words = text[span.start : span.end].lstrip()
    if not words:
        return True
    before = text[: span.open_at].rstrip()
    starts_sentence = not before or before[-1] in SENTENCE_END or before[-1] in "\"\u201d\u2019'"
    if not span.closed and starts_sentence:
        return False
    if not (words[0].isupper() or words[0].isdigit()):
        return True
    if starts_sentence or INTRO_BEFORE.search(before):
        return False
    return True
