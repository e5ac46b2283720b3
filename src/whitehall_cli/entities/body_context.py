"""Bodies shown by the words around a capitalised name rather than by the name itself:
"the FDA union", "think tank Onward", "Prospect general secretary", "The FDA, the union for
...", "general secretary of the FDA". These work without the curated lexicon."""

from __future__ import annotations

from whitehall_cli.entities.bodies import CONTEXT_WORDS, cap_phrases
from whitehall_cli.entities.body_words import (
    GLUE_WORDS,
    KIND_NOUNS,
    ORG_ROLE_NOUNS,
    PEOPLE_NOUNS,
    UNION_APPOSITIONS,
)
from whitehall_cli.entities.person_words import (
    NATIONALITY_ENDINGS,
    NON_NAME_WORDS,
    PARTY_NAMES,
    PARTY_WORDS,
    VERBS_AFTER_NAMES,
)
from whitehall_cli.entities.records import Span
from whitehall_cli.entities.tokens import Tok, joined

# Capitalised articles and determiners that open a sentence before a body's name.
DETERMINERS = frozenset("A An The This That Its Their".split())


def _is_nameish(toks: list[Tok], a: int, b: int) -> bool:
    """Capitalised words that could name a body: not only titles, places or common words."""
    if b - a == 1 and toks[a].base.endswith(NATIONALITY_ENDINGS) and not toks[a].base.isupper():
        return False
    return b > a and not all(
        toks[k].base in NON_NAME_WORDS and toks[k].base not in PARTY_WORDS for k in range(a, b)
    )


def _no_body_starts(toks: list[Tok], i: int) -> bool:
    """A capitalised word that cannot start a body's name: a common word opening a sentence,
    or an article before more capitalised words ("A PCS spokesperson": the body starts after
    it)."""
    t = toks[i]
    if t.initial and not t.base.isupper() and t.base in NON_NAME_WORDS:
        return True
    return t.base in DETERMINERS and i + 1 < len(toks) and joined(toks, i + 1)


def _before_people_nouns(toks: list[Tok], i: int, j: int, taken: set[int]) -> int:
    """ "Labour MP ...": the body ends where a title for its people starts."""
    return next((k for k in range(i + 1, j) if toks[k].base in PEOPLE_NOUNS), j)


def context_spans(
    text: str,
    toks: list[Tok],
    taken: set[int],
    words: frozenset[str] | None = None,
    caps: list[int] | None = None,
) -> list[Span]:
    """Bodies shown by the words around them: kind nouns and body-linked job titles."""
    found: list[Span] = []
    if words is not None and words.isdisjoint(CONTEXT_WORDS):
        return found
    n = len(toks)
    for i, j in cap_phrases(toks, taken, caps, skip=_no_body_starts, end=_before_people_nouns):
        t = toks[i]
        if not _is_nameish(toks, i, j) or j - i > 5:
            continue
        near = {toks[m].text for m in range(max(0, i - 4), min(n, j + 4))}
        if near.isdisjoint(CONTEXT_WORDS) and (j >= n or toks[j].gap.strip() != ","):
            continue
        kind = _kind_after(toks, j) or _kind_before(toks, i)
        if kind:
            form = text[t.start : toks[j - 1].end]
            if kind == "party" and _constituency(toks, j, form):
                continue
            if j < len(toks) and joined(toks, j) and toks[j].text in PLACE_NOUNS:
                continue  # "an official at the Glasgow hub": a place that names a site
            name = PARTY_NAMES.get(form, form) if kind == "party" else form
            found.append(Span(i, j, t.start, toks[j - 1].end, form, name, kind, 2))
    return found


# Nouns of a body's sites, which a place's name before them qualifies ("the Glasgow hub").
PLACE_NOUNS = frozenset(
    "hub office offices site sites centre campus branch base headquarters".split()
)


# A member of a parliament or assembly, after their party or their seat.
MEMBER_TITLES = frozenset("MP MPs MSP MSPs MLA MLAs MS".split())


def _constituency(toks: list[Tok], j: int, form: str) -> bool:
    """ "Darlington MP Connor Lightfoot": before "MP", a name that is no party's (nor a
    party's initials) is the member's seat, not a body."""
    mp = j < len(toks) and toks[j].base in MEMBER_TITLES
    return mp and form not in PARTY_NAMES and not form.isupper()


def _words_from(toks: list[Tok], k: int, count: int) -> str:
    """Up to `count` words from word k, joined by single spaces, stopping at punctuation."""
    out = []
    for m in range(k, min(len(toks), k + count)):
        if m > k and not joined(toks, m):
            break
        out.append(toks[m].text)
    return " ".join(out)


def _kind_after(toks: list[Tok], j: int) -> str | None:
    """Kind implied by the words right after a capitalised phrase ("FDA union", "Labour MP")."""
    if j < len(toks) and toks[j].gap.strip() == "," and toks[j].text in ("the", "a", "an"):
        # apposition: "The FDA, the union for senior civil servants"
        after = _words_from(toks, j + 1, 3)
        for noun, kind in KIND_NOUNS.items():
            if after == noun or after.startswith(noun + " "):
                return kind
        return None
    if j < len(toks) and toks[j].gap.strip() == ",":
        after = _words_from(toks, j, 3)
        return "union" if after.startswith(UNION_APPOSITIONS) else None
    if j >= len(toks) or not joined(toks, j) or toks[j - 1].possessive:
        return None
    after = _words_from(toks, j, 4)
    for noun, kind in KIND_NOUNS.items():
        if after == noun or after.startswith(noun + " "):
            return kind
    words = after.split()
    for skip in range(0, 3):
        rest = " ".join(words[skip:])
        for noun, kind in ORG_ROLE_NOUNS.items():
            if rest == noun or rest.startswith(noun + " "):
                # a portfolio word ("Labour health spokesman"), never a verb ("X told MPs")
                skipped = words[:skip]
                if all(w.islower() and w not in GLUE_WORDS for w in skipped) and not any(
                    w in VERBS_AFTER_NAMES or w.endswith("ed") for w in skipped
                ):
                    return kind
    return None


def _kind_before(toks: list[Tok], i: int) -> str | None:
    """Kind implied by a noun right before ("think tank Onward", "the union Unite")."""
    k = i - 1
    if k >= 0 and toks[k].text == "the" and joined(toks, i):
        k -= 1
    for size in (2, 1):
        a = k - size + 1
        if a < 0 or (k + 1 < len(toks) and not joined(toks, k + 1)):
            continue
        noun = " ".join(toks[m].text for m in range(a, k + 1))
        if noun in KIND_NOUNS and KIND_NOUNS[noun] in ("think tank", "union", "other"):
            return KIND_NOUNS[noun]
    # "general secretary of the FDA", "chief executive at the Resolution Foundation"
    if k >= 1 and toks[k].text in ("of", "at") and joined(toks, k):
        before = " ".join(toks[m].text for m in range(max(0, k - 3), k))
        for noun, kind in ORG_ROLE_NOUNS.items():
            if (before == noun or before.endswith(" " + noun)) and noun not in ("MP", "MPs"):
                return kind
    return None


# First words of the party names above, for a cheap check that a text may name a party.
PARTY_FIRSTS = frozenset(w.split()[0] for w in PARTY_NAMES)


def party_spans(text: str, toks: list[Tok], taken: set[int], caps: list[int]) -> list[Span]:
    """Parties named by the words papers use for them ("Labour MP", "the Tories")."""
    found: list[Span] = []
    for i in caps:
        t = toks[i]
        if i in taken or t.base not in PARTY_FIRSTS:
            continue
        two = i + 1 < len(toks) and joined(toks, i + 1) and i + 1 not in taken
        key = f"{t.text} {toks[i + 1].base}" if two else ""
        j = i + 2 if key in PARTY_NAMES else i + 1
        if j == i + 1:
            key = t.base
            if key not in PARTY_NAMES:
                continue
        if j < len(toks) and joined(toks, j) and toks[j].cap and toks[j].base not in PEOPLE_NOUNS:
            continue  # "Labour Together", "Conservative Home": another name
        end = toks[j - 1].end
        found.append(Span(i, j, t.start, end, text[t.start : end], PARTY_NAMES[key], "party", 2))
    return found
