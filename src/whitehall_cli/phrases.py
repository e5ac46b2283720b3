"""Stage 4b (the small parts): the records `referents` and `speakers` pass around, and the
text tests they share: which words of a text matter (`index_words`), where its sentences
end, whether a phrase can be a subject, where the noun phrase at a point ends, which role
phrases stand for one person, and the text with its quotations masked.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from whitehall_cli import cues, quotes_names
from whitehall_cli.models import Cast

if TYPE_CHECKING:
    from whitehall_cli.quotes import Span


# "a spokesman for the", "a source at": between a spokesperson and the body.
_FOR_THE = re.compile(r"\s+(?:for|at|from|in)\s+(?:the\s+)?")
# Punctuation that ends a noun phrase.
_PHRASE_BREAK = re.compile(r"[,;:.()\u2013\u2014\"\u201c\u201d_]")
# The two characters that end a possessive just before a phrase ("the Institute for
# Government's director").
_POSSESSIVE_ENDINGS = frozenset({"'s", "\u2019s", "s'", "s\u2019"})
# The capitalised words of a name ending a stretch of text ("Institute for Government").
_NAME_WORDS_END = re.compile(r"(?:\b[A-Z][\w&-]*(?:\s+(?:of|for|and|the|on)\b)?\s*)+$")
# An owner at the start of a role ("the department's permanent secretary").
_POSSESSOR = re.compile(r"^(?:the\s+)?[\w ]+?['\u2019]s\s+")
# The word before a full stop (an abbreviation or an initial does not end a sentence).
_LAST_WORD = re.compile(r"(\w+)\.?[\"\u201d\u2019']?$")


class Attribution(NamedTuple):
    """Who speaks a quotation: canonical name, kind, role and the bodies spoken for. (A named
    tuple, like `Cand`: an article makes many, and a frozen dataclass costs more to build.)"""

    speaker: str | None
    kind: str | None
    role: str | None = None
    bodies: tuple[str, ...] = ()


# An explicit "nobody": the text gives the words to no one we can name ("MPs said").
NOBODY = Attribution(None, None)


class Cand(NamedTuple):
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


def role_forms(cast: Cast) -> list[tuple[str, str]]:
    """Role phrases that can stand for a person ("the cabinet secretary"), longest first; a
    form shared by several people is dropped (it cannot tell them apart)."""
    owners: dict[str, set[str]] = {}
    body_words = [f.lower() for b in cast.bodies for f in (b.name, *b.aliases)]
    for p in cast.people:
        for role in p.roles:
            r = role.lower().strip()
            forms = {r, r.split(" of ")[0].strip(), r.split(", ")[0].strip()}
            # an owner ends in 's: without an apostrophe there is none to cut
            forms |= {_POSSESSOR.sub("", f) if "'" in f or "\u2019" in f else f for f in forms}
            for bw in (bw for bw in body_words if bw in r):
                for f in list(forms):
                    if f.startswith(bw + " "):
                        forms.add(f[len(bw) + 1 :])
            for f in forms:
                if len(f) >= 4 and not f.startswith("former "):
                    owners.setdefault(f, set()).add(p.name)
    unique = [(f, next(iter(n))) for f, n in owners.items() if len(n) == 1]
    return sorted(unique, key=lambda fn: -len(fn[0]))


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


def role_points(view: str, i: int, j: int, cands: list[Cand]) -> bool:
    """A role phrase stands for its holder after "the"/"'s" and when no name follows it."""
    after = view[j : j + 3]
    if any(c.what == "mention" and 0 <= c.start - j <= 2 for c in cands) and after[:1] == " ":
        return False
    if cues.ROLE_DETERMINERS.search(view[max(0, i - 8) : i]):
        return True
    return any(
        c.what == "mention" and c.mention_kind == "body" and 0 <= i - c.end <= 3 for c in cands
    )


def role_before_name(view: str, b: int, cands: list[Cand]) -> bool:
    """A role phrase followed by a name is a title ("prime minister Theresa May")."""
    return any(c.what == "mention" and 0 <= c.start - b <= 2 for c in cands)


def spoken_for(view: str, i: int, j: int, cands: list[Cand]) -> Cand | None:
    """Who a spokesperson speaks for: "a Cabinet Office spokesperson", "a spokesman for the
    union", "Smith's spokeswoman"."""
    for c in cands:
        if c.what == "mention" and c.mention_kind == "person":
            if view[c.end : i].strip() in ("'s", "\u2019s"):
                return c
        if c.what == "mention" and c.mention_kind == "body":
            if 0 <= i - c.end <= 1:
                return c
            gap = view[j : c.start]
            if 0 < c.start - j <= 12 and _FOR_THE.fullmatch(gap):
                return c
    return None


def noun_phrase_at(
    cands: list[Cand], pos: int, view: str, role_words: frozenset[str] = frozenset()
) -> Cand | None:
    """The candidate noun phrase starting at pos, preferring a person inside it
    ("Institute of Regulation chair Marcial Boo", "PCS general secretary Harriet Ndlovu")."""
    first: Cand | None = None
    end = pos
    filler = cues.NP_FILLER
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


def source_of(c: Cand) -> str:
    return c.mention_kind if c.what == "mention" else c.what


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
    if skip_quiet and cues.SPEECH_OR_DOC_WORDS.isdisjoint(words) and not _may_hold_phrase(words):
        return lower, words, [], []
    present = cues.KEY_WORDS & words
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
    if not cues.SPEECH_WORDS.isdisjoint(present):
        speech, dets, search = cues.SPEECH_WORDS, cues.DETERMINERS, PREV_WORD.search
        for a, b, w in toks:
            if w in speech:
                m = search(lower, max(0, a - 16), a)  # prev_word, inline: verbs are many
                verbs.append(Verb(a, b, w, m is not None and m.group(1) in dets))
    if _may_hold_phrase(words):
        verbs += [
            Verb(m.start(), m.end(), m.group().lower(), False)
            for m in cues.SPEECH_PHRASE_RE.finditer(view)
        ]
        verbs.sort()
    return lower, words, toks, verbs


def _may_hold_phrase(words: frozenset[str]) -> bool:
    """The text holds both words of some speech phrase ("made clear"), so may hold it."""
    if _PHRASE_FIRST_WORDS.isdisjoint(words):  # one test for the usual case: none of them
        return False
    for first, second in cues.SPEECH_PHRASE_WORDS:
        if not first.isdisjoint(words) and not second.isdisjoint(words):
            return True
    return False


# The first words of every speech phrase.
_PHRASE_FIRST_WORDS = frozenset(w for first, _ in cues.SPEECH_PHRASE_WORDS for w in first)


# Bytes kept by `word_set` (a-z and the hyphen); every other byte becomes a space.
_WORD_BYTES = bytes(c if c in b"abcdefghijklmnopqrstuvwxyz-" else 32 for c in range(256))


def word_set(lower: str) -> frozenset[str]:
    """The words `cues.KEY_WORD_RE` finds in a lower-cased text, as a set: each run of a-z
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


def can_be_subject(bv: str, c: Cand, lo: int, role_words: frozenset[str]) -> bool:
    """A candidate that can be a subject: not a possessive, not the object of a preposition
    ("wrote to the minister"), unless a speech verb follows it ("with Heywood saying")."""
    start, end, what = c.start, c.end, c.what
    if not bv[start:end].strip():
        return False  # inside an aside
    if what == "mention":
        nxt = bv[end : end + 16].split()
        if nxt and nxt[0].lower().strip(",.") in cues.GROUP_NOUNS:
            return False  # "Whitehall sources said": the name only qualifies the group
    if bv.startswith(_POSSESSIVE_S, end) or (
        bv[end : end + 1] in ("'", "\u2019") and bv[end - 1 : end] in "sS" and end > start
    ):  # a possessive ("Smith's", "members'"), not a contraction ("they've")
        return what == "doc"
    for w in bv[end : end + 40].split()[:4]:
        w = w.strip(",.;:").lower()
        if w in cues.SPEECH_WORDS:
            # "with Heywood saying" speaks; "a source close to Heywood said" does not
            return not _group_governs(_phrase_tokens(bv, lo, start, role_words))
        if w not in cues.AUX_WORDS:
            break
    owner = _possessive_before(bv, lo, start)
    if owner >= 0 and (what != "mention" or c.mention_kind == "person"):
        # "The Institute for Government's director", "the IfG's Alex Thomas": judge the owner
        names = _NAME_WORDS_END.search(bv, max(lo, owner - 80), owner)
        start = names.start() if names else owner
    tokens = _phrase_tokens(bv, lo, start, role_words)
    return not (tokens and tokens[-1].lower() in cues.PREPOSITIONS)


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
    preps, filler, docs = cues.PREPOSITIONS, cues.NP_FILLER, cues.DOC_NOUNS
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
    if len(tokens) < 2 or tokens[-1].lower() not in cues.PREPOSITIONS:
        return False
    words = [t.lower() for t in tokens[:-1]]
    while words and words[-1] in quotes_names.NEAR_WORDS:
        words.pop()
    if not words or words[-1] not in cues.GROUP_NOUNS:
        return False
    return words[-1].endswith("s") or (
        len(words) > 1 and words[-2] in quotes_names.GROUP_DETERMINERS
    )


def _possessive_before(bv: str, lo: int, at: int) -> int:
    """Where a possessive ending ("'s", "s'") stands just before `at` (spaces between), or -1."""
    j = at
    while j > lo and bv[j - 1].isspace():
        j -= 1
    if j == at or j - 2 < lo or bv[j - 2 : j] not in _POSSESSIVE_ENDINGS:
        return -1
    return j - 2


def sentences(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Sentence offsets; no sentence ends inside a quotation or after an abbreviation."""
    out, start = [], 0
    abbreviations = cues.ABBREVIATIONS
    for m in cues.SENTENCE_RE.finditer(text):
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


def role_phrases(view: str, lower: str, words: frozenset[str], loc: str) -> list[re.Match[str]]:
    """Definite role phrases ("the cabinet secretary"), looked for only around the head
    words of job titles that the text holds."""
    heads = cues.ROLE_HEAD_WORDS & words
    if not heads:
        return []
    if loc != "body":
        return list(cues.HEADLINE_ROLE_RE.finditer(view))
    found: dict[int, re.Match[str]] = {}
    for head in heads:
        i = lower.find(head)
        while i >= 0:
            for hit in cues.GENERIC_ROLE_RE.finditer(view, max(0, i - 40), i + len(head) + 40):
                if hit.start("role") <= i < hit.end("role"):
                    found[hit.start("role")] = hit
            i = lower.find(head, i + len(head))
    return [found[k] for k in sorted(found)]


def text_index(loc: str, para: int | None) -> int:
    """Reading order of the texts of an article: title, standfirst, then paragraphs."""
    if loc == "title":
        return -2
    if loc == "standfirst":
        return -1
    return para if para is not None else 0
