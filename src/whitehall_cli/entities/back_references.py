"""Roles that refer back to the person the story is about: "Sir Jeremy Heywood has written to
... A note by the cabinet secretary says ..." gives Heywood the role "cabinet secretary".

Only a definite title of one office ("the cabinet secretary", "the head of the civil service";
not a bare "the minister", which any minister may be) that acts in its sentence (it says or
writes something, or a document is "by" it), outside quotation marks, with no name after it,
held by nobody else in the article and not just introduced as unnamed ("a senior official"),
goes to the last person who was the subject of a sentence in the few texts before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from whitehall_cli.entities.person_words import (
    INVERTED_SPEECH_VERBS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    VERBS_AFTER_NAMES,
)
from whitehall_cli.entities.records import PersonAcc, Seg, add_once
from whitehall_cli.entities.tokens import Tok, joined
from whitehall_cli.models import Mention

# Texts (title, standfirst, paragraphs) a back-reference may reach across to its person.
MAX_SEGMENTS_BACK = 3
# Most words of a title between "the" and its head ("the former deputy cabinet secretary").
MAX_TITLE_WORDS = 4
# Verbs after a name that make it the subject of its sentence, besides the speech verbs.
SUBJECT_VERBS = frozenset("has had have is was will would wants plans".split())
# Words after a title that make it act: it speaks or writes ("the cabinet secretary wrote").
ACTING_VERBS = VERBS_AFTER_NAMES - {
    "who",
    "called",
    "calls",
    "became",
    "becomes",
    "joined",
    "joins",
}
# A stretch of quoted words (a quotation open at the end of a text runs to its end).
QUOTED = re.compile(r"\u201c[^\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)")
# An indefinite noun phrase before a title's head ("one senior Treasury official").
INDEFINITE = re.compile(r"\b(?:a|an|one|another|some)\s+(?:[\w'\u2019-]+\s+){0,3}")
# "the" before a lower-case word that heads or modifies a title: where a title may start.
# The words are looked up in a set rather than tried as a regex alternation of 170 words at
# every "the" of the text; the word after "the " is a whole word, or two joined by a hyphen
# ("the vice-chancellor", "the ex-minister").
TITLE_WORDS = frozenset(ROLE_HEADS | ROLE_MODIFIERS)
_THE = re.compile(r"[Tt]he (?=(\w+)(?:-(\w+))?)")
_WORD_CHAR = re.compile(r"\w")
_start_of = attrgetter("start")


def find_back_references(
    segs: list[Seg], people: dict[str, PersonAcc], mentions: list[Mention]
) -> None:
    """Give the person in focus the definite titles that refer back to them."""
    titles = [(n, t) for n, seg in enumerate(segs) for t in _acting_titles(seg)]
    if not titles:
        return
    subjects = _subjects(segs, mentions)
    held = {r.lower(): name for name, p in people.items() for r in p.roles}
    for n, (role, start) in titles:
        before = [
            s for s in subjects if (s[0], s[1]) < (n, start) and n - s[0] <= MAX_SEGMENTS_BACK
        ]
        if not before or _unnamed_before(segs, n, start, role.split()[-1]):
            continue  # nobody in focus; or "One senior official was blunt. ... the official said"
        name = before[-1][2]
        if held.get(role.lower(), name) != name:
            continue  # another person holds this title
        if _other_title(role, people[name].roles):
            continue  # "the permanent secretary" is not the home secretary just named
        add_once(people[name].roles, role)
        held[role.lower()] = name


# Words before a title that do not change which office it is ("the former cabinet secretary").
TENSE_WORDS = frozenset("former new acting interim outgoing incoming then".split())


def _office(role: str) -> str:
    return " ".join(w for w in role.lower().split() if w not in TENSE_WORDS)


def _other_title(role: str, roles: list[str]) -> bool:
    """The person already holds a title with the same head but another office: "home
    secretary" against "the former permanent secretary"."""
    office = _office(role)
    head = office.rpartition(" ")[2]
    for held in map(_office, roles):
        if held.rpartition(" ")[2] == head and not (held.endswith(office) or office.endswith(held)):
            return True
    return False


def _unnamed_before(segs: list[Seg], n: int, start: int, head: str) -> bool:
    """An unnamed holder of the title introduced just before ("a senior Treasury official")."""
    pattern = re.compile(INDEFINITE.pattern + re.escape(head) + r"\b", re.I)
    if pattern.search(segs[n].text, 0, start):
        return True
    return n > 0 and pattern.search(segs[n - 1].text) is not None


def _subjects(segs: list[Seg], mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """(text index, offset, person) of each person mention that is a sentence's subject."""
    where = {(seg.location, seg.paragraph): n for n, seg in enumerate(segs)}
    out = []
    for m in mentions:
        if m.kind != "person":
            continue
        n = where[(m.location, m.paragraph)]
        toks = segs[n].toks
        i = bisect_left(toks, m.start, key=_start_of)
        j = bisect_left(toks, m.end, key=_start_of)
        if i >= len(toks) or (0 < j <= len(toks) and toks[j - 1].possessive):
            continue  # "Mr Sunak's spokesman said": the spokesman is the subject
        nxt = toks[j].text if j < len(toks) and joined(toks, j) else ""
        if nxt in VERBS_AFTER_NAMES or (toks[i].initial and (nxt in SUBJECT_VERBS or not nxt)):
            out.append((n, m.start, m.entity))
    return out


def _acting_titles(seg: Seg) -> list[tuple[str, int]]:
    """Definite singular titles that act in their sentence, outside quotation marks."""
    toks = seg.toks
    if seg.words.isdisjoint(ROLE_HEADS):
        return []
    quoted: list[tuple[int, int]] = []
    out = []
    for at in _definite_titles(seg.text):
        k = bisect_left(toks, at, key=_start_of)
        if k + 1 >= len(toks) or toks[k].start != at:
            continue
        t = toks[k]
        end = _title_end(toks, k + 1)
        if end is None:
            continue
        if end < len(toks) and toks[end].cap and joined(toks, end):
            continue  # "the cabinet secretary Simon Case": a title before a name
        if end < len(toks) and toks[end].gap.strip() == "," and toks[end].cap:
            continue  # "the cabinet secretary, Simon Case,"
        by = k > 0 and toks[k - 1].text in ("by", "from") and joined(toks, k)
        # "..., said the cabinet secretary." (not "said the prime minister had ...")
        said = (
            k > 0
            and toks[k - 1].text in INVERTED_SPEECH_VERBS
            and joined(toks, k)
            and (end >= len(toks) or not joined(toks, end))
        )
        acts = end < len(toks) and toks[end].text in ACTING_VERBS and joined(toks, end)
        if not (by or said or acts):
            continue
        if not quoted:
            quoted = [(q.start(), q.end()) for q in QUOTED.finditer(seg.text)] or [(-1, -1)]
        if any(a <= t.start < b for a, b in quoted):
            continue
        out.append((seg.text[toks[k + 1].start : toks[end - 1].end], t.start))
    return out


def _definite_titles(text: str) -> list[int]:
    """Offsets of each "the"/"The" (a whole word) followed by a space and a title word."""
    out = []
    for found in _THE.finditer(text):
        at = found.start()
        if at and _WORD_CHAR.match(text, at - 1):
            continue  # "lathe", "bathe"
        word, joined_word = found.groups()
        if word in TITLE_WORDS or (joined_word and f"{word}-{joined_word}" in TITLE_WORDS):
            out.append(at)
    return out


def _title_end(toks: list[Tok], a: int) -> int | None:
    """End of a singular title starting at word a ("cabinet secretary", "head of the civil
    service"), or None."""
    k = a
    head = None
    while k < len(toks) and k - a < MAX_TITLE_WORDS and joined(toks, k) and toks[k].text.islower():
        w = toks[k].text
        if w in ROLE_HEADS:
            head = k
        elif w not in ROLE_MODIFIERS:
            break
        k += 1
    if head is None or head + 1 != k or toks[head].text.endswith("s"):
        return None  # no title, a title that runs on ("secretary general"), or a plural
    if k - a == 1 and not (k < len(toks) and toks[k].text == "of"):
        return None  # "the minister", "the official": any holder of a common title
    # "head of the civil service"
    if (
        k + 2 < len(toks)
        and toks[k].text == "of"
        and toks[k + 1].text == "the"
        and joined(toks, k)
        and joined(toks, k + 1)
    ):
        m = k + 2
        while m < len(toks) and joined(toks, m) and toks[m].text.lower() in ROLE_MODIFIERS:
            m += 1
        if m > k + 2:
            k = m
    return k
