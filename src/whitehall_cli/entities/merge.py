"""Corpus-wide identity: one entry per person and per body across all articles.

People: the same full name (honorifics and accents aside) is one person; a bare surname joins
the one corpus person with that surname, and stays apart when two people share it; "Matt" and
"Matthew" with one surname are one person. Bodies: names and forms that one article ties
together (a name and its acronym) join everywhere; an acronym alone joins the one body whose
initials it spells; the corpus-wide name is the one most articles use (as each article writes
it: "PCS" where articles say "PCS"), the full name on a tie.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from whitehall_cli.entities.person_words import HONORIFICS
from whitehall_cli.models import BodyRef, PersonRef

# Honorifics stripped before comparing names (lower case).
_HONORIFIC_KEYS = frozenset(h.lower() for h in HONORIFICS)
# Shortest given name that may stand for a longer one ("Matt" for "Matthew").
MIN_GIVEN_PREFIX = 3
# Leading and trailing bits dropped before comparing body forms.
_BODY_NOISE = re.compile(r"^(?:the\s+)|(?:['\u2019]s)$")
_BRACKETS = re.compile(r"[()]")
_POSSESSIVE_END = re.compile(r"'s$")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
# Distinct names whose comparison keys are remembered: a corpus repeats the same names in
# thousands of articles, and merging looks each one up every time.
KEY_CACHE = 1 << 16


@lru_cache(maxsize=KEY_CACHE)
def person_key(name: str) -> str:
    """A name for comparison: no accents, case, honorifics, possessive or brackets."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'")
    s = _BRACKETS.sub("", s).lower()
    s = _POSSESSIVE_END.sub("", s.strip())
    words = s.replace(".", " ").split()
    while len(words) > 1 and words[0] in _HONORIFIC_KEYS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=KEY_CACHE)
def body_key(name: str) -> str:
    """A body form for comparison: case, a leading "the" and a possessive dropped."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").strip().lower()
    s = _SPACES.sub(" ", s)
    return _BODY_NOISE.sub("", _BODY_NOISE.sub("", s)).strip()


def _same_given(a: str, b: str) -> bool:
    return a == b or (
        min(len(a), len(b)) >= MIN_GIVEN_PREFIX and (a.startswith(b) or b.startswith(a))
    )


def merge_people(items: Iterable[tuple[str, PersonRef]]) -> dict[tuple[str, str], str]:
    """Map every (doc_id, per-article name) to one corpus-wide canonical name."""
    items = list(items)
    # full names (two words or more) group by key; aliases that are full names join too
    groups: dict[str, str] = {}  # key -> group id (a key)

    def find(k: str) -> str:
        while groups.setdefault(k, k) != k:
            groups[k] = groups[groups[k]]
            k = groups[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            groups[max(ra, rb)] = min(ra, rb)

    keys: dict[tuple[str, str], str] = {}
    for doc, ref in items:
        key = person_key(ref.name)
        keys[(doc, ref.name)] = key
        find(key)
        if len(key.split()) >= 2:
            for alias in ref.aliases:
                akey = person_key(alias)
                if len(akey.split()) >= 2 and akey != key:
                    union(key, akey)
    full = [k for k in list(groups) if len(k.split()) >= 2]
    by_surname: dict[str, list[str]] = {}
    for k in full:
        by_surname.setdefault(k.split()[-1], []).append(k)
    # "Matt Hancock" and "Matthew Hancock": one person
    for ks in by_surname.values():
        for x in ks:
            for y in ks:
                if x < y and x.split()[:-1] and y.split()[:-1]:
                    if _same_given(x.split()[0], y.split()[0]) and len(x.split()) == len(y.split()):
                        union(x, y)
    # a bare surname joins the one person with that surname
    for key in set(keys.values()):
        if len(key.split()) == 1:
            roots = {find(k) for k in by_surname.get(key, [])}
            if len(roots) == 1:
                union(key, roots.pop())
    # canonical: the commonest full name of the group, then the longest
    counts: Counter[tuple[str, str]] = Counter()
    for (_doc, name), key in keys.items():
        counts[(find(key), _strip_honorific(name))] += 1
    best: dict[str, tuple[tuple[bool, int, int], str]] = {}
    for (root, name), c in counts.items():
        score = (len(name.split()) >= 2, c, len(name))
        if root not in best or score > best[root][0]:
            best[root] = (score, name)
    return {pair: best[find(key)][1] for pair, key in keys.items()}


def _strip_honorific(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower().strip(".") in _HONORIFIC_KEYS:
        words = words[1:]
    return " ".join(words)


def _initials(name: str) -> set[str]:
    words = _WORD.findall(name)
    small = ("of", "for", "and", "on", "in", "the", "de")
    return {
        "".join(w[0] for w in words).upper(),
        "".join(w[0] for w in words if w.lower() not in small).upper(),
    }


def merge_bodies(items: Iterable[tuple[str, BodyRef]]) -> dict[tuple[str, str], str]:
    """Map every (doc_id, per-article body name) to one corpus-wide canonical name."""
    items = list(items)
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for _doc, ref in items:
        key = body_key(ref.name)
        find(key)
        for alias in ref.aliases:
            akey = body_key(alias)
            if akey:
                ra, rb = find(key), find(akey)
                if ra != rb:
                    parent[rb] = ra
    # an acronym used alone joins the one body whose initials it spells
    names = {body_key(ref.name): ref.name for _doc, ref in items}
    spelled: defaultdict[str, list[str]] = defaultdict(list)  # initials -> keys of full names
    for key, name in names.items():
        if " " in name:
            for initials in _initials(name):
                spelled[initials].append(key)
    for key, name in names.items():
        if name.isupper() or sum(c.isupper() for c in name) >= 2 and " " not in name:
            matches = {find(k) for k in spelled.get(name.upper(), ())}
            if len(matches) == 1:
                ra, rb = matches.pop(), find(key)
                if ra != rb:
                    parent[rb] = ra
    counts: Counter[tuple[str, str]] = Counter(
        (find(body_key(ref.name)), ref.name) for _doc, ref in items
    )
    best: dict[str, tuple[tuple[int, int, int], str]] = {}
    for (root, name), c in counts.items():
        score = (c, " " in name, len(name))
        if root not in best or score > best[root][0]:
            best[root] = (score, name)
    return {(doc, ref.name): best[find(body_key(ref.name))][1] for doc, ref in items}
