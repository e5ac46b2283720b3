"""People named in one text, found on its words (the job titles written around a name are
read by `job_titles`).

A person is a run of two to four capitalised words that starts with a known given name or an
honorific, or that the words around it show to be a person: a job title before it ("cabinet
secretary Simon Case"), an apposition after it ("Dave Penman, general secretary of ..."), a
speech verb after it ("Matthew Rycroft told MPs"). Bare surnames are resolved afterwards by
the caller, against the full names found in the whole article.
"""

from __future__ import annotations

import unicodedata

from whitehall_cli.entities.job_titles import role_after, title_before
from whitehall_cli.entities.person_words import (
    GIVEN_NAMES,
    HONORIFICS,
    INVERTED_SPEECH_VERBS,
    NAME_PARTICLES,
    NON_FIRST_NAME_WORDS,
    NON_NAME_WORDS,
    PEER_TITLES,
    PLACE_SUFFIXES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    VERBS_AFTER_NAMES,
)
from whitehall_cli.entities.records import NameHit
from whitehall_cli.entities.tokens import Tok, joined

# Most words in a personal name (given names, particles and surname).
MAX_NAME_WORDS = 5
# The honorific that also ends a title when it follows one ("Attorney General", "Director
# General", "Secretary General"): an adjective placed after its noun.
POSTPOSITIVE_TITLE = "General"
# Most place words in a peer's territorial designation ("of Alnmouth", "of Much Wenlock").
MAX_DESIGNATION_WORDS = 3


def _plain(word: str) -> str:
    """A word without accents ("Thérèse" -> "Therese")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _particles_then_name(toks: list[Tok], j: int) -> bool:
    """Particles from word j, then a capitalised word: "van der Merwe", "ap Rhys"."""
    k = j
    while k < len(toks) and toks[k].text in NAME_PARTICLES and joined(toks, k):
        k += 1
    return k < len(toks) and k > j and toks[k].cap and joined(toks, k)


def _given(word: str) -> bool:
    """A known given name, also with accents ("Thérèse") or joined ("Anne-Marie")."""
    if word in GIVEN_NAMES or (not word.isascii() and _plain(word) in GIVEN_NAMES):
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in GIVEN_NAMES for p in parts)


def _is_name_word(t: Tok) -> bool:
    """A capitalised word that may be part of a name (not an acronym, not a digit)."""
    b = t.base
    return t.cap and not (len(b) > 1 and b.isupper()) and b[:1].isalpha() and len(b) > 1


def find_names(
    text: str, toks: list[Tok], taken: set[int], title_case: bool, caps: list[int] | None = None
) -> list[NameHit]:
    """Full names (two or more words, or a peer's title and name) in one text (`caps`: the
    indices of its capitalised words, when known, so that only they are visited)."""
    hits: list[NameHit] = []
    n = len(toks)
    after = 0  # words before this belong to a run already read
    for i in caps if caps is not None else range(n):
        if i < after or i in taken or not toks[i].cap:
            continue
        j = i + 1
        while j < n and j not in taken and joined(toks, j) and not toks[j - 1].possessive:
            t = toks[j]
            if t.cap or (t.text in NAME_PARTICLES and _particles_then_name(toks, j)):
                j += 1
                continue
            break
        after = j
        if j - i == 1 and toks[i].base not in HONORIFICS:
            continue  # one word alone is a name only as a peer's title with its name
        hit = _name_in_run(text, toks, i, j, title_case)
        if hit:
            hit = _with_designation(text, toks, hit, taken)
            after = max(after, hit.j)
            hits.append(hit)
    hits.extend(_bracketed_given_names(text, toks, taken))
    return hits


def _name_in_run(text: str, toks: list[Tok], a: int, b: int, title_case: bool) -> NameHit | None:
    """The person named by a capitalised run, after dropping titles and honorifics before it."""
    title_end = _title_end(toks, a, b)
    titled = title_end is not None
    a = title_end or a
    while (
        a < b
        and toks[a].base not in HONORIFICS
        and (
            toks[a].base in NON_NAME_WORDS
            or (toks[a].base.lower() in ROLE_HEADS and a + 1 < b)
            or (a + 2 < b and _modifies_title(toks, a))  # "First Minister John Swinney"
        )
    ):
        titled = titled or toks[a].base.lower() in ROLE_HEADS or toks[a].base == "Minister"
        a += 1
    if not titled and a < b and toks[a].base not in GIVEN_NAMES and toks[a].base not in HONORIFICS:
        # "MP for Sunderland Central Julie McArdle": the seat and the name run together, and
        # the name begins at the given name that the title before it introduces
        a = next((k for k in range(a + 1, b - 1) if _opens_titled_name(toks, k)), a)
        titled = toks[a].base in GIVEN_NAMES
    h = a
    while h < b and toks[h].base in HONORIFICS:
        h += 1
    honorific = h > a
    end = h
    while end < b and end - h < MAX_NAME_WORDS:
        t = toks[end]
        if t.base in NON_NAME_WORDS or not (_is_name_word(t) or t.text in NAME_PARTICLES):
            break
        end += 1
    while end > h and toks[end - 1].text in NAME_PARTICLES:
        end -= 1
    words = [toks[k].base for k in range(h, end)]
    if not words:
        return None
    if len(words) == 1:
        if not (honorific and toks[h - 1].base in PEER_TITLES):
            return None
        if words[0] in NON_NAME_WORDS or words[0].lower() in ROLE_HEADS:
            return None  # "Lord Chancellor", "Lady Justice"
        name = f"{toks[h - 1].base} {words[0]}"
    else:
        if words[0] in NON_FIRST_NAME_WORDS and not honorific:
            return None
        name = " ".join(words)
    if len(words) >= 2 and words[-1] in PLACE_SUFFIXES and not honorific:
        return None
    form = text[toks[a].start : toks[end - 1].end]
    given = _given(words[0])
    strong = given or honorific or titled or title_before(toks, a) is not None
    strong = strong or title_before(toks, a, comma=True) is not None
    strong = strong or (a > 0 and toks[a - 1].text in INVERTED_SPEECH_VERBS and joined(toks, a))
    strong = strong or _speech_after(toks, end) or _apposition_after(toks, end)
    if title_case and not (given or honorific):
        return None
    definite = (
        not (given or honorific) and a > 0 and toks[a - 1].text.lower() == "the" and joined(toks, a)
    )
    return NameHit(a, end, toks[a].start, toks[end - 1].end, form, name, strong, definite)


def _with_designation(text: str, toks: list[Tok], hit: NameHit, taken: set[int]) -> NameHit:
    """ "Lord Fenwick of Alnmouth": a peer's territorial designation is part of the name as
    written (the canonical name stays "Lord Fenwick")."""
    words = hit.name.split()
    k = hit.j
    if len(words) != 2 or words[0] not in PEER_TITLES or k + 1 >= len(toks):
        return hit
    if toks[k].text != "of" or not joined(toks, k) or not joined(toks, k + 1):
        return hit
    end = k + 1
    while (
        end < len(toks)
        and end - k <= MAX_DESIGNATION_WORDS
        and end not in taken
        and toks[end].cap
        and toks[end].base not in NON_NAME_WORDS
        and (end == k + 1 or joined(toks, end))
    ):
        end += 1
        if toks[end - 1].possessive:
            break
    if end == k + 1:
        return hit
    last = toks[end - 1]
    form = text[hit.start : last.end]
    return NameHit(hit.i, end, hit.start, last.end, form, hit.name, hit.strong)


def _title_end(toks: list[Tok], a: int, b: int) -> int | None:
    """Where the name starts in a capitalised run that opens with a job title written in
    capitals ("General Secretary Jane Okafor", "Assistant General Secretary Tom Reddy",
    "Chief Operating Officer Dan Hurley", "Lord Chancellor Alex Mercer"): after the title's
    last head word, when every word up to it may be part of a title (modifiers, heads,
    honorifics, other capitalised words that are not given names) and what follows opens a
    name. None when the run does not open with such a title."""
    end = None
    for k in range(a, b - 1):
        t = toks[k]
        low = t.base.lower()
        # "Professor X": an honorific; but "Attorney General X": "General" after a title
        second = t.base == POSTPOSITIVE_TITLE and k > a and toks[k - 1].base.lower() in ROLE_HEADS
        if low in ROLE_HEADS and (t.base not in HONORIFICS or second):
            nxt = toks[k + 1]
            if nxt.base == POSTPOSITIVE_TITLE and k + 2 < b - 1:
                continue  # "Director General Sue Gray": a title of two words, not General Gray
            if nxt.base in HONORIFICS or (_is_name_word(nxt) and nxt.base not in NON_NAME_WORDS):
                end = k + 1
            continue
        if low in ROLE_MODIFIERS or t.base in NON_NAME_WORDS or t.base in HONORIFICS:
            continue
        if t.base in GIVEN_NAMES or not t.cap:
            break  # a name has begun
    return end


def _opens_titled_name(toks: list[Tok], k: int) -> bool:
    """A known given name at word k with a job title and its remit before it."""
    return toks[k].base in GIVEN_NAMES and title_before(toks, k) is not None


def _modifies_title(toks: list[Tok], a: int) -> bool:
    """A capitalised title word before a title's head ("First" of "First Minister")."""
    return (
        a + 1 < len(toks)
        and toks[a].base.lower() in ROLE_MODIFIERS
        and toks[a + 1].base.lower() in ROLE_HEADS
    )


def _bracketed_given_names(text: str, toks: list[Tok], taken: set[int]) -> list[NameHit]:
    """ "(Dominic) Cummings": a given name in brackets before a surname."""
    hits: list[NameHit] = []
    if "(" not in text:
        return hits
    for k in range(len(toks) - 1):
        g, s = toks[k], toks[k + 1]
        if (
            g.gap.endswith("(")
            and s.gap.strip() == ")"
            and g.cap
            and s.cap
            and g.base in GIVEN_NAMES
            and k not in taken
            and k + 1 not in taken
        ):
            start = g.start - 1
            hits.append(
                NameHit(k, k + 2, start, s.end, text[start : s.end], f"{g.base} {s.base}", True)
            )
    return hits


def _speech_after(toks: list[Tok], end: int) -> bool:
    """A speech verb, "who" or an apposition comma right after the name."""
    return end < len(toks) and toks[end].text in VERBS_AFTER_NAMES and joined(toks, end)


def _apposition_after(toks: list[Tok], end: int) -> bool:
    """ ", general secretary of ...," right after the name."""
    return role_after(toks, end, "") is not None
